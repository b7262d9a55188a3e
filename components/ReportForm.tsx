// The report form: who or what was seen, what happened, when and where, with the page and a quote as evidence.
import { useState } from 'preact/hooks';
import { useSearch } from './use-search.ts';
import type { Lang } from '../lib/data/schema.ts';
import type { EntitySearchHit, PageEntry } from '../lib/messages/protocol.ts';
import { SIGHTING_KINDS, type Sighting, type SightingDraft, type SightingKind } from '../lib/sightings/schema.ts';
import { nameIn, type Translate } from '../lib/i18n/translate.ts';

export interface ReportPrefill {
  id?: string;
  name?: string;
  quote?: string;
  url?: string;
  title?: string;
}

export interface ReportFormProps {
  t: Translate;
  lang: Lang;
  /** Entries on the current page, offered first. */
  onPage: PageEntry[];
  prefill: ReportPrefill;
  /** An existing sighting to edit, instead of a new one. */
  editing?: Sighting;
  search: (query: string) => Promise<EntitySearchHit[]>;
  save: (draft: SightingDraft) => Promise<Sighting>;
  onDone: (saved: Sighting) => void;
  onCancel: () => void;
}

interface Chosen {
  id?: string;
  name: string;
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ReportForm({ t, lang, onPage, prefill, editing, search, save, onDone, onCancel }: ReportFormProps) {
  const initial: Chosen | null = editing
    ? { id: editing.entityId, name: editing.entityName }
    : prefill.id
      ? { id: prefill.id, name: nameOf(onPage, prefill.id, lang) ?? prefill.name ?? prefill.id }
      : prefill.name
        ? { name: prefill.name }
        : null;
  const [chosen, setChosen] = useState<Chosen | null>(initial);
  const [query, setQuery] = useState('');
  const hits = useSearch(query, search);
  const [kind, setKind] = useState<SightingKind>(editing?.kind ?? 'mention');
  const [eventDate, setEventDate] = useState(editing?.eventDate ?? today());
  const [place, setPlace] = useState(editing?.place ?? '');
  const [url, setUrl] = useState(editing ? (editing.url ?? '') : (prefill.url ?? ''));
  const [title, setTitle] = useState(editing ? (editing.pageTitle ?? '') : (prefill.title ?? ''));
  const [quote, setQuote] = useState(editing?.quote ?? prefill.quote ?? '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);


  const submit = async (e: Event) => {
    e.preventDefault();
    const who = chosen ?? (query.trim() ? { name: query.trim() } : null);
    if (!who) return setError(t('formChooseEntry'));
    const draft: SightingDraft = {
      ...(who.id ? { entityId: who.id } : { watchName: who.name }),
      entityName: who.name,
      kind,
      eventDate,
      ...(place.trim() ? { place: place.trim() } : {}),
      ...(url.trim() ? { url: url.trim() } : {}),
      ...(title.trim() ? { pageTitle: title.trim() } : {}),
      ...(quote.trim() ? { quote: quote.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setSaving(true);
    setError(null);
    try {
      onDone(await save(draft));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const input = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);

  return (
    <form class="report" onSubmit={(e) => void submit(e)} aria-label={t('reportSighting')}>
      <h2>{t('reportSighting')}</h2>
      <fieldset class="plain">
        <legend>{t('formEntry')}</legend>
        {chosen ? (
          <p class="chosen">
            <strong data-testid="chosen-entry">{chosen.name}</strong>
            {!chosen.id ? <span class="muted"> ({t('watch')})</span> : null}{' '}
            <button type="button" class="link" onClick={() => setChosen(null)}>{t('edit')}</button>
          </p>
        ) : (
          <>
            {onPage.length ? (
              <label class="field">
                <span>{t('formEntryOnPage')}</span>
                <select onChange={(e) => {
                  const id = (e.target as HTMLSelectElement).value;
                  if (id) setChosen({ id, name: nameOf(onPage, id, lang) ?? id });
                }}>
                  <option value="">—</option>
                  {onPage.map((p) => <option key={p.id} value={p.id}>{nameIn(p.names, lang)}</option>)}
                </select>
              </label>
            ) : null}
            <label class="field">
              <span>{t('formSearch')}</span>
              <input type="search" value={query} onInput={input(setQuery)} data-testid="entry-search" />
            </label>
            {query.trim() ? (
              <ul class="hits" role="listbox">
                {hits.map((h) => (
                  <li key={h.id}>
                    <button type="button" class="link" onClick={() => setChosen({ id: h.id, name: nameIn(h.names, lang) })}>{nameIn(h.names, lang)}</button>
                  </li>
                ))}
                <li>
                  <button type="button" class="link" onClick={() => setChosen({ name: query.trim() })} data-testid="new-name">{t('formNewName', query.trim())}</button>
                </li>
              </ul>
            ) : null}
          </>
        )}
      </fieldset>
      <label class="field">
        <span>{t('formKind')}</span>
        <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as SightingKind)} data-testid="kind">
          {SIGHTING_KINDS.map((k) => <option key={k} value={k}>{t(`kind_${k}`)}</option>)}
        </select>
      </label>
      <label class="field">
        <span>{t('formDate')}</span>
        <input type="date" value={eventDate} required onInput={input(setEventDate)} />
      </label>
      <label class="field">
        <span>{t('formPlace')}</span>
        <input type="text" value={place} maxLength={300} onInput={input(setPlace)} />
      </label>
      <label class="field">
        <span>{t('formUrl')}</span>
        <span class="with-action">
          <input type="url" value={url} maxLength={2048} onInput={input(setUrl)} />
          {url ? <button type="button" onClick={() => { setUrl(''); setTitle(''); }}>{t('formRemove')}</button> : null}
        </span>
      </label>
      <label class="field">
        <span>{t('formTitle')}</span>
        <input type="text" value={title} maxLength={1000} onInput={input(setTitle)} />
      </label>
      <label class="field">
        <span>{t('formQuote')}</span>
        <textarea rows={3} value={quote} maxLength={2000} onInput={input(setQuote)} />
      </label>
      <label class="field">
        <span>{t('formNote')}</span>
        <textarea rows={2} value={note} maxLength={5000} onInput={input(setNote)} />
      </label>
      {error ? <p role="alert" class="error">{error}</p> : null}
      <p class="actions">
        <button type="submit" class="primary" disabled={saving} data-testid="save">{t('formSave')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </p>
    </form>
  );
}

function nameOf(list: PageEntry[], id: string, lang: Lang): string | undefined {
  const e = list.find((x) => x.id === id);
  return e ? nameIn(e.names, lang) : undefined;
}
