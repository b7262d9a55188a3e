// The popup's views: the main view, the report form and "My sightings", switched in place.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/data/schema.ts';
import type { EntitySearchHit, PageEntry, TabState } from '../lib/messages/protocol.ts';
import type { Sighting, SightingDraft } from '../lib/sightings/schema.ts';
import type { Translate } from '../lib/i18n/translate.ts';
import { Popup, type PopupApi } from './Popup.tsx';
import { ReportForm, type ReportPrefill } from './ReportForm.tsx';
import { SightingsView, type SightingsApi } from './SightingsView.tsx';

export interface PopupAppProps {
  tabId: number | null;
  t: Translate;
  lang: Lang;
  /** ?report=1&id=…&name=…&quote=… opens the form prefilled (the card's and the context menu's way in). */
  params: URLSearchParams;
  api: PopupApi;
  sightings: SightingsApi;
  save: (draft: SightingDraft, tabId?: number) => Promise<Sighting>;
  update: (id: string, draft: SightingDraft) => Promise<Sighting>;
  search: (query: string) => Promise<EntitySearchHit[]>;
  watch: (name: string) => Promise<void>;
  /** The page's selection, to prefill a quote. */
  selection: (tabId: number) => Promise<string>;
}

type View = { name: 'main' } | { name: 'report'; prefill: ReportPrefill; editing?: Sighting } | { name: 'sightings' };

export function PopupApp(props: PopupAppProps) {
  const { tabId, t, lang, params, api } = props;
  const [view, setView] = useState<View>(() =>
    params.get('report') ? { name: 'report', prefill: { id: params.get('id') ?? undefined, name: params.get('name') ?? undefined, quote: params.get('quote') ?? undefined } } : params.get('view') === 'sightings' ? { name: 'sightings' } : { name: 'main' },
  );
  const [tab, setTab] = useState<TabState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (tabId !== null) void api.loadState(tabId).then(setTab, () => undefined);
  }, [tabId, view.name]);

  const onPage: PageEntry[] = tab?.page?.entities ?? [];
  const pageUrl = tab?.page?.url ?? params.get('for') ?? undefined;

  const openReport = async (prefill: ReportPrefill) => {
    const quote = prefill.quote ?? (tabId !== null ? await props.selection(tabId).catch(() => '') : '');
    setView({ name: 'report', prefill: { ...prefill, quote: quote || undefined, url: pageUrl, title: params.get('title') ?? undefined } });
  };

  if (view.name === 'report') {
    return (
      <main class="popup">
        <ReportForm
          t={t}
          lang={lang}
          onPage={onPage}
          prefill={{ url: pageUrl, ...view.prefill }}
          editing={view.editing}
          search={props.search}
          save={(d) => (view.editing ? props.update(view.editing.id, d) : props.save(d, tabId ?? undefined))}
          onDone={() => {
            setNotice(t('formSaved'));
            setView(view.editing ? { name: 'sightings' } : { name: 'main' });
          }}
          onCancel={() => setView(view.editing ? { name: 'sightings' } : { name: 'main' })}
        />
      </main>
    );
  }
  if (view.name === 'sightings') {
    return (
      <main class="popup">
        <SightingsView t={t} lang={lang} api={props.sightings} onEdit={(s) => setView({ name: 'report', prefill: {}, editing: s })} onBack={() => setView({ name: 'main' })} />
        {notice ? <p role="status" data-testid="notice">{notice}</p> : null}
      </main>
    );
  }
  return (
    <>
      <Popup
        tabId={tabId}
        api={api}
        t={t}
        lang={lang}
        onReport={(p) => void openReport(p)}
        onWatch={(name) => void props.watch(name).then(() => setNotice(t('watch') + ': ' + name))}
        onSightings={() => setView({ name: 'sightings' })}
      />
      {notice ? <p role="status" class="popup" data-testid="notice">{notice}</p> : null}
    </>
  );
}
