// The popup: the site switch, the entries on the page, suggestions, and the way to sightings and options.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/data/schema.ts';
import type { PageEntry, TabState } from '../lib/messages/protocol.ts';
import { nameIn, type Translate } from '../lib/i18n/translate.ts';
import type { Suggestion } from '../lib/page/suggest.ts';


export interface PopupApi {
  loadState(tabId: number): Promise<TabState>;
  /** Asks the browser for a site's permission; must run inside the click that asked for it. */
  requestSite(host: string): Promise<boolean>;
  setEnabled(tabId: number, origin: string, enabled: boolean): Promise<TabState>;
  annotateOnce(tabId: number): Promise<TabState>;
  focusEntity(tabId: number, id: string): Promise<void>;
  suggest(tabId: number): Promise<Suggestion[] | 'not-english'>;
  openOptions(): void;
}

export interface PopupProps {
  tabId: number | null;
  api: PopupApi;
  t: Translate;
  lang: Lang;
  onReport: (prefill: { id?: string; name?: string }) => void;
  onWatch: (name: string) => void;
  onSightings: () => void;
}

const GROUPS = [
  ['person', 'groupPerson'],
  ['organisation', 'groupOrganisation'],
  ['law', 'groupLaw'],
  ['event', 'groupEvent'],
] as const;

export function Popup({ tabId, api, t, lang, onReport, onWatch, onSightings }: PopupProps) {
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[] | 'not-english' | 'loading' | null>(null);

  useEffect(() => {
    if (tabId === null) return;
    let stop = false;
    const load = () =>
      api.loadState(tabId).then(
        (s) => {
          if (stop) return;
          setState(s);
          // The page may still be read: ask again shortly until its entries arrive.
          if (s.enabled && !s.page) setTimeout(load, 400);
        },
        (e: Error) => !stop && setError(e.message),
      );
    void load();
    return () => {
      stop = true;
    };
  }, [tabId]);

  if (tabId === null) return <main class="popup"><p>{t('cannotAnnotate')}</p></main>;
  if (error && !state) return <main class="popup"><p role="alert">{error}</p></main>;
  if (!state) return <main class="popup" aria-busy="true"><p>{t('loading')}</p></main>;

  const run = async (work: () => Promise<TabState | void>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      if (next) setState(next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (on: boolean) => {
    const { origin, host, bundled } = state;
    if (!origin || !host) return;
    // The permission prompt must open inside this click: no await before it.
    const granted = on && !bundled ? api.requestSite(host) : Promise.resolve(true);
    void run(async () => {
      if (!(await granted)) {
        setError(t('permissionDenied', host));
        return;
      }
      return api.setEnabled(tabId, origin, on);
    });
  };

  const entities = state.page?.entities ?? [];
  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('popupTitle')}</h1>
      </header>
      {state.host ? (
        <section class="site">
          <label class="switch">
            <input type="checkbox" role="switch" checked={state.enabled} disabled={busy} onChange={(e) => toggle((e.target as HTMLInputElement).checked)} data-testid="site-switch" />
            <span>{t('annotateOn', state.host)}</span>
          </label>
          {!state.enabled && !state.once ? (
            <button type="button" disabled={busy} onClick={() => void run(() => api.annotateOnce(tabId))} data-testid="annotate-once">{t('annotateOnce')}</button>
          ) : null}
          {state.once && !state.enabled ? <p class="muted">{t('annotatedOnce')}</p> : null}
        </section>
      ) : (
        <p>{t('cannotAnnotate')}</p>
      )}
      {error ? <p role="alert" class="error">{error}</p> : null}
      {state.enabled || state.once ? (
        <section aria-labelledby="on-page">
          <h2 id="on-page" data-testid="page-count">
            {state.page ? (entities.length ? t('entriesOnPage', entities.length) : t('noneOnPage')) : t('readingPage')}
          </h2>
          {GROUPS.map(([type, label]) => {
            const list = entities.filter((e) => e.type === type);
            return list.length ? (
              <div key={type} class="group">
                <h3>{t(label)}</h3>
                <ul>
                  {list.map((e) => (
                    <EntryRow key={e.id} entry={e} lang={lang} t={t} onOpen={() => void api.focusEntity(tabId, e.id)} />
                  ))}
                </ul>
              </div>
            ) : null;
          })}
        </section>
      ) : null}
      <nav class="actions">
        <button type="button" class="primary" onClick={() => onReport({})} data-testid="report">{t('reportSighting')}</button>
        <button type="button" onClick={onSightings} data-testid="my-sightings">{t('mySightings')}</button>
        <button type="button" onClick={api.openOptions}>{t('options')}</button>
      </nav>
      {state.enabled || state.once ? (
        <section class="suggest" aria-labelledby="suggest-title">
          <h2 id="suggest-title">{t('suggestTitle')}</h2>
          {suggestions === null ? (
            <button type="button" onClick={() => {
              setSuggestions('loading');
              api.suggest(tabId).then(setSuggestions, () => setSuggestions([]));
            }} data-testid="suggest">{t('suggestFind')}</button>
          ) : suggestions === 'loading' ? (
            <p aria-busy="true">{t('loading')}</p>
          ) : suggestions === 'not-english' ? (
            <p class="muted">{t('suggestEnglishOnly')}</p>
          ) : suggestions.length === 0 ? (
            <p class="muted">{t('suggestNone')}</p>
          ) : (
            <ul data-testid="suggestions">
              {suggestions.map((s) => (
                <li key={s.name}>
                  <span>{s.name}</span>
                  <span class="row-actions">
                    <button type="button" onClick={() => onReport({ name: s.name })}>{t('report')}</button>
                    <button type="button" onClick={() => onWatch(s.name)}>{t('watch')}</button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </main>
  );
}

function EntryRow({ entry, lang, t, onOpen }: { entry: PageEntry; lang: Lang; t: Translate; onOpen: () => void }) {
  return (
    <li>
      <button type="button" class="entry" onClick={onOpen}>
        <span class={`dot dot-${entry.type}`} aria-hidden="true" />
        <span class="name">{nameIn(entry.names, lang)}</span>
        <span class="count" aria-label={t('mentionsCount', entry.count)}>{entry.count}</span>
      </button>
    </li>
  );
}
