// The background's side of sightings: the store, the outbox and its alarm, and the handlers the pages call.
import { browser } from 'wxt/browser';
import { openSightingStore, type SightingStore } from '../sightings/store.ts';
import { Outbox } from '../sightings/outbox.ts';
import { exportCsv, exportFileName, exportJson } from '../sightings/export.ts';
import { importJson } from '../sightings/import.ts';
import { previewSend } from '../sightings/preview.ts';
import { checkSighting, type Sighting, type SightingDraft } from '../sightings/schema.ts';
import type { CardView, SightingBrief } from '../messages/protocol.ts';
import { loadSettings } from './settings-store.ts';

const ALARM = 'cac-outbox';
let store: Promise<SightingStore> | null = null;
let outbox: Outbox | null = null;

export function sightings(): Promise<SightingStore> {
  store ??= openSightingStore(indexedDB);
  return store;
}

async function theOutbox(): Promise<Outbox> {
  if (outbox) return outbox;
  const s = await sightings();
  outbox = new Outbox(s, (url, init) => fetch(url, init), { now: () => Date.now() }, async () => {
    const prefs = await loadSettings();
    return prefs.collectorUrl ? { url: prefs.collectorUrl, token: prefs.collectorToken || undefined } : undefined;
  });
  return outbox;
}

/** Sends what is due (everything waiting, when the reader asked to retry now), then sets the alarm for the next retry. */
export async function drainOutbox(now = false): Promise<void> {
  const box = await theOutbox();
  await (now ? box.retryNow() : box.drain());
  const next = await box.nextDueAt();
  if (next !== undefined) await browser.alarms.create(ALARM, { when: Math.max(next, Date.now() + 1000) });
  else await browser.alarms.clear(ALARM);
}

export function startOutboxAlarm(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void drainOutbox().catch(() => undefined);
  });
  // Back online: try at once instead of waiting for the back-off.
  globalThis.addEventListener?.('online', () => void drainOutbox(true).catch(() => undefined));
  void drainOutbox().catch(() => undefined);
}

export async function saveDraft(draft: SightingDraft, incognito: boolean): Promise<Sighting> {
  if (incognito && !(await loadSettings()).allowPrivate) {
    throw new Error('This is a private window: sightings are not saved here unless you allow it in the options.');
  }
  return (await sightings()).add({ ...draft, ...(incognito ? { private: true } : {}) });
}

export async function briefsFor(entityId: string): Promise<SightingBrief[]> {
  const list = await (await sightings()).list({ entityId, limit: 20 });
  return list.map((s) => ({ id: s.id, kind: s.kind, eventDate: s.eventDate, url: s.url, pageTitle: s.pageTitle, note: s.note, quote: s.quote }));
}

export async function exportAll(format: 'json' | 'csv'): Promise<{ filename: string; content: string; mime: string }> {
  const all = await (await sightings()).all();
  const at = new Date().toISOString();
  return format === 'json'
    ? { filename: exportFileName(at, 'json'), content: exportJson(all, at), mime: 'application/json' }
    : { filename: exportFileName(at, 'csv'), content: exportCsv(all), mime: 'text/csv;charset=utf-8' };
}

export async function importFile(content: string): Promise<{ imported: number; skipped: number }> {
  return importJson(await sightings(), content);
}

export async function restore(raw: Record<string, unknown>): Promise<Sighting> {
  const r = checkSighting(raw);
  if (!r.ok) throw new Error(`${r.issue.path}: ${r.issue.message}`);
  return (await sightings()).restore(r.value);
}

export async function preview(ids: readonly string[]): Promise<{ problem: string | null; items: ReturnType<typeof previewSend> }> {
  const prefs = await loadSettings();
  if (!prefs.collectorUrl) return { problem: 'No collector is set: add its address in the options first.', items: [] };
  const s = await sightings();
  const list = (await Promise.all(ids.map((id) => s.get(id)))).filter((x): x is Sighting => x !== undefined);
  return { problem: null, items: previewSend(list, { url: prefs.collectorUrl, token: prefs.collectorToken || undefined }) };
}

export async function send(ids: readonly string[]): Promise<{ queued: number; skipped: number; problem: string | null }> {
  if (!(await loadSettings()).collectorUrl) return { queued: 0, skipped: ids.length, problem: 'No collector is set.' };
  const r = await (await theOutbox()).enqueue(ids);
  void drainOutbox().catch(() => undefined);
  return { queued: r.queued.length, skipped: r.skipped.length, problem: null };
}

/** The card of a watched name: the reader's own sightings are its case history. */
export async function watchedView(name: string): Promise<CardView> {
  const list = await (await sightings()).byWatchName(name);
  const latest = list[0];
  return {
    watched: true,
    entity: {
      id: `watch:${name}`,
      type: 'person',
      country: 'other',
      names: { en: name, ru: name, kk: name },
      aliases: [],
      weakAliases: [],
      summary: { en: 'A name you watch: it is not in the dataset. Its history is your own sightings.', ru: 'Имя, за которым вы следите: его нет в наборе данных. Его история — ваши наблюдения.', kk: 'Сіз бақылайтын атау: ол деректер жинағында жоқ. Оның тарихы — сіздің байқауларыңыз.' },
      status: { text: { en: `${list.length} sightings`, ru: `наблюдений: ${list.length}`, kk: `${list.length} байқау` }, asOf: latest?.eventDate ?? new Date().toISOString().slice(0, 10) },
      events: list.map((s) => ({
        date: s.eventDate,
        kind: s.kind,
        text: { en: s.note || s.quote || s.kind },
        sources: s.url ? [{ report: s.pageTitle ?? s.url, reportTitle: s.pageTitle ?? s.url, urls: [s.url] }] : [],
      })),
      relations: [],
    },
    related: [],
    sightings: list.map((s) => ({ id: s.id, kind: s.kind, eventDate: s.eventDate, url: s.url, pageTitle: s.pageTitle, note: s.note, quote: s.quote })),
  };
}
