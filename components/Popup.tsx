// The popup's view: the site switch and what the page mentions (props in, callbacks out; no browser API).
import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../lib/messages/protocol.ts';

export interface PopupProps {
  tabId: number | null;
  loadState: (tabId: number) => Promise<TabState>;
  setEnabled: (tabId: number, origin: string, enabled: boolean) => Promise<TabState>;
  openOptions: () => void;
}

export function Popup({ tabId, loadState, setEnabled, openOptions }: PopupProps) {
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (tabId === null) return;
    loadState(tabId).then(setState, (e: Error) => setError(e.message));
  }, [tabId]);

  if (tabId === null) return <main class="popup"><p>No tab.</p></main>;
  if (error) return <main class="popup"><p role="alert">{error}</p></main>;
  if (!state) return <main class="popup" aria-busy="true"><p>…</p></main>;

  const toggle = async (on: boolean) => {
    if (!state.origin) return;
    try {
      setState(await setEnabled(tabId, state.origin, on));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main class="popup">
      <h1>Central Asia Context</h1>
      {state.host ? (
        <label class="switch">
          <input type="checkbox" checked={state.enabled} onChange={(e) => void toggle((e.target as HTMLInputElement).checked)} data-testid="site-switch" />
          <span>Annotate on {state.host}</span>
        </label>
      ) : (
        <p>This page cannot be annotated.</p>
      )}
      <p data-testid="page-count">
        {state.page ? `${state.page.entities.length} entries on this page` : state.enabled ? 'Reading the page…' : ''}
      </p>
      <button type="button" onClick={openOptions}>Options</button>
    </main>
  );
}
