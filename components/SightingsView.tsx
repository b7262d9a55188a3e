// "My sightings": list and filter, edit, delete with undo, export and import, send to a collector, the watch list.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/data/schema.ts';
import type { PreviewItem } from '../lib/sightings/preview.ts';
import type { Sighting } from '../lib/sightings/schema.ts';
import { formatDate, type Translate } from '../lib/i18n/translate.ts';

const PAGE = 50;

export interface SightingsApi {
  list(q: { entityId?: string; watchName?: string; from?: string; to?: string; limit: number; offset: number }): Promise<{ items: Sighting[]; total: number }>;
  remove(id: string): Promise<Sighting | null>;
  restore(s: Sighting): Promise<Sighting>;
  removeAll(): Promise<number>;
  exportFile(format: 'json' | 'csv'): Promise<void>;
  importFile(content: string): Promise<{ imported: number; skipped: number }>;
  preview(ids: string[]): Promise<{ problem: string | null; items: PreviewItem[] }>;
  send(ids: string[]): Promise<{ queued: number; skipped: number; problem: string | null }>;
  retry(): Promise<void>;
  watchlist(): Promise<{ name: string }[]>;
  unwatch(name: string): Promise<void>;
  confirm(text: string): boolean;
}

export interface SightingsViewProps {
  t: Translate;
  lang: Lang;
  api: SightingsApi;
  onEdit: (s: Sighting) => void;
  onBack?: () => void;
}

export function SightingsView({ t, lang, api, onEdit, onBack }: SightingsViewProps) {
  const [filter, setFilter] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [items, setItems] = useState<Sighting[]>([]);
  const [total, setTotal] = useState(0);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [undo, setUndo] = useState<Sighting | null>(null);
  const [preview, setPreview] = useState<{ url: string; items: PreviewItem[] } | null>(null);
  const [watched, setWatched] = useState<{ name: string }[]>([]);
  const [version, setVersion] = useState(0);

  const query = (offset: number) => ({ ...(from ? { from } : {}), ...(to ? { to } : {}), limit: PAGE, offset });

  useEffect(() => {
    let stale = false;
    void api.list(query(0)).then((r) => {
      if (stale) return;
      setItems(r.items);
      setTotal(r.total);
    });
    void api.watchlist().then((w) => !stale && setWatched(w));
    return () => {
      stale = true;
    };
  }, [from, to, version]);

  const reload = () => setVersion((v) => v + 1);
  const shown = filter.trim() ? items.filter((s) => s.entityName.toLowerCase().includes(filter.trim().toLowerCase())) : items;

  const remove = async (s: Sighting) => {
    const gone = await api.remove(s.id);
    if (gone) setUndo(gone);
    reload();
  };

  const onImport = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const r = await api.importFile(await file.text());
      setMessage(t('imported', r.imported, r.skipped));
      reload();
    } catch (err) {
      setMessage(t('importFailed', (err as Error).message));
    }
  };

  const askSend = async () => {
    const r = await api.preview([...chosen]);
    if (r.problem) return setMessage(r.problem);
    setPreview({ url: r.items[0]?.url ?? '', items: r.items });
  };

  const confirmSend = async () => {
    if (!preview) return;
    const r = await api.send(preview.items.map((i) => i.id));
    setPreview(null);
    setChosen(new Set());
    setMessage(r.problem ?? t('queued', r.queued));
    reload();
  };

  return (
    <section class="sightings" aria-labelledby="sightings-title">
      <header class="bar">
        <h2 id="sightings-title">{t('mySightings')}</h2>
        {onBack ? <button type="button" onClick={onBack}>{t('back')}</button> : null}
      </header>
      <div class="filters">
        <label class="field"><span>{t('listFilter')}</span><input type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} /></label>
        <label class="field"><span>{t('listFrom')}</span><input type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} /></label>
        <label class="field"><span>{t('listTo')}</span><input type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} /></label>
      </div>
      <p class="muted" data-testid="sightings-total">{total ? t('listTotal', total) : t('listEmpty')}</p>
      <ul class="sightings-list">
        {shown.map((s) => (
          <li key={s.id} data-testid="sighting">
            <label class="pick">
              <input type="checkbox" aria-label={t('select')} checked={chosen.has(s.id)} onChange={(e) => {
                const next = new Set(chosen);
                if ((e.target as HTMLInputElement).checked) next.add(s.id);
                else next.delete(s.id);
                setChosen(next);
              }} />
              <span>
                <strong>{s.entityName}</strong> · {t(`kind_${s.kind}`)} · {formatDate(s.eventDate, lang)}
                <br />
                <small class="muted" data-testid="send-state">{s.sendState === 'failed' ? t('state_failed', s.sendError ?? '') : t(`state_${s.sendState}`)}</small>
              </span>
            </label>
            <span class="row-actions">
              <button type="button" onClick={() => onEdit(s)}>{t('edit')}</button>
              <button type="button" onClick={() => void remove(s)}>{t('delete')}</button>
            </span>
          </li>
        ))}
      </ul>
      {items.length < total ? (
        <button type="button" onClick={() => void api.list(query(items.length)).then((r) => setItems([...items, ...r.items]))}>{t('listMore')}</button>
      ) : null}
      <p class="actions">
        <button type="button" class="primary" disabled={!chosen.size} onClick={() => void askSend()} data-testid="send">{t('sendChosen')}</button>
        {items.some((s) => s.sendState === 'queued') ? (
          <button type="button" onClick={() => void api.retry().then(reload)} data-testid="retry">{t('retryNow')}</button>
        ) : null}
        <button type="button" onClick={() => void api.exportFile('json')}>{t('exportJson')}</button>
        <button type="button" onClick={() => void api.exportFile('csv')}>{t('exportCsv')}</button>
        <label class="file-button">
          <span>{t('importJson')}</span>
          <input type="file" accept="application/json,.json" onChange={(e) => void onImport(e)} data-testid="import" />
        </label>
        <button type="button" disabled={!total} onClick={() => {
          if (api.confirm(t('deleteAllConfirm', total))) void api.removeAll().then(reload);
        }}>{t('deleteAll')}</button>
      </p>
      {preview ? (
        <div class="preview" role="dialog" aria-label={t('sendChosen')}>
          <p>{t('sendPreview', preview.url)}</p>
          <pre data-testid="preview">{preview.items.map((i) => i.body).join('\n')}</pre>
          <p class="actions">
            <button type="button" class="primary" onClick={() => void confirmSend()} data-testid="confirm-send">{t('sendConfirm')}</button>
            <button type="button" onClick={() => setPreview(null)}>{t('cancel')}</button>
          </p>
        </div>
      ) : null}
      <h3>{t('watchlist')}</h3>
      {watched.length ? (
        <ul class="sightings-list">
          {watched.map((w) => (
            <li key={w.name}>
              <span>{w.name}</span>
              <button type="button" onClick={() => void api.unwatch(w.name).then(reload)}>{t('unwatch')}</button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('watchEmpty')}</p>
      )}
      {message ? <p role="status">{message}</p> : null}
      {undo ? (
        <div class="toast" role="status">
          <span>{t('deleted')}</span>
          <button type="button" onClick={() => void api.restore(undo).then(() => { setUndo(null); reload(); })}>{t('undo')}</button>
        </div>
      ) : null}
    </section>
  );
}
