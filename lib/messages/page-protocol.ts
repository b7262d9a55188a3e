// The calls of the extension's own pages (popup, options, entity page) to the background; the content script never loads them.
import * as v from 'valibot';
import type { Sighting } from '../sightings/schema.ts';
import type { PreviewItem } from '../sightings/preview.ts';
import { call, contentCalls, id, origin, type CardView, type DatasetInfo, type EntitySearchHit, type Settings, type SitesView, type TabState } from './protocol.ts';

const tabIdSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
const optText = (max: number) => v.optional(v.pipe(v.string(), v.maxLength(max)));
/** A report form's fields; the store checks their values in full (dates, addresses, lengths). */
const draftSchema = v.object({
  entityId: optText(300),
  watchName: optText(300),
  entityName: v.pipe(v.string(), v.maxLength(300)),
  kind: v.pipe(v.string(), v.maxLength(20)),
  eventDate: v.pipe(v.string(), v.maxLength(10)),
  place: optText(300),
  url: optText(2048),
  pageTitle: optText(1000),
  quote: optText(2000),
  note: optText(5000),
});
const listQuery = v.object({
  entityId: optText(300),
  watchName: optText(300),
  from: optText(10),
  to: optText(10),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** Sightings, the watch list and the collector: called from the popup, the options and the entity page. */
export const sightingCalls = {
  saveSighting: call<Sighting>()(v.object({ tabId: v.optional(tabIdSchema), draft: draftSchema }), 'Save a new sighting; answered after its transaction commits. tabId tells whether it comes from a private window.'),
  updateSighting: call<Sighting>()(v.object({ id, draft: draftSchema }), 'Edit a sighting.'),
  deleteSighting: call<Sighting | null>()(v.object({ id }), 'Delete a sighting; answers the deleted record so the reader can undo.'),
  restoreSighting: call<Sighting>()(v.object({ sighting: v.record(v.string(), v.unknown()) }), 'Undo a delete.'),
  deleteAllSightings: call<{ deleted: number }>()(v.object({ confirm: v.literal('delete-all') }), 'Delete every sighting (the reader confirmed).'),
  listSightings: call<{ items: Sighting[]; total: number }>()(listQuery, 'A page of sightings, newest event first, with the total for the filter.'),
  exportSightings: call<{ filename: string; content: string; mime: string }>()(v.object({ format: v.picklist(['json', 'csv']) }), 'Every sighting as a JSON or CSV file.'),
  importSightings: call<{ imported: number; skipped: number }>()(v.object({ content: v.pipe(v.string(), v.maxLength(25 * 1024 * 1024)) }), 'Import a JSON export: all or nothing.'),
  watchlist: call<{ name: string; createdAt: string }[]>()(v.object({}), 'The names the reader watches.'),
  watch: call<{ ok: true }>()(v.object({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)) }), 'Watch a name that is not in the dataset.'),
  unwatch: call<{ ok: true }>()(v.object({ name: v.pipe(v.string(), v.maxLength(300)) }), 'Stop watching a name.'),
  searchEntities: call<EntitySearchHit[]>()(v.object({ query: v.pipe(v.string(), v.maxLength(200)), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))) }), 'Entries whose names match a query, in any script.'),
  getEntity: call<CardView | null>()(v.object({ id }), 'One entry with related entries and the reader\'s sightings (the entity page).'),
  previewSend: call<{ problem: string | null; items: PreviewItem[] }>()(v.object({ ids: v.pipe(v.array(id), v.maxLength(10_000)) }), 'Exactly what would be sent for these sightings.'),
  sendSightings: call<{ queued: number; skipped: number; problem: string | null }>()(v.object({ ids: v.pipe(v.array(id), v.maxLength(10_000)) }), 'Queue these sightings for the collector (the reader confirmed the preview).'),
  retrySending: call<{ ok: true }>()(v.object({}), 'Try the queued sends now instead of waiting for the back-off.'),
  getSettings: call<Settings>()(v.object({}), 'The reader\'s preferences.'),
  setSettings: call<Settings>()(v.object({ patch: v.record(v.string(), v.unknown()) }), 'Change preferences; checked field by field.'),
  getSites: call<SitesView>()(v.object({}), 'Bundled sites and the reader\'s own switches.'),
  resetSites: call<SitesView>()(v.object({}), 'Forget the reader\'s site switches.'),
  setSiteSwitch: call<SitesView>()(v.object({ host: v.pipe(v.string(), v.maxLength(300), v.regex(/^[a-z0-9.-]+$/i, 'a host name')), enabled: v.boolean() }), 'Switch a site on or off from the options page (the permission was asked on the click).'),
  datasetInfo: call<DatasetInfo>()(v.object({}), 'The dataset\'s version, size and source reports.'),
  removeSite: call<SitesView>()(v.object({ host: v.pipe(v.string(), v.maxLength(300)) }), 'Forget one site switch (and its registration).'),
} as const;

/** Extension pages (popup, options, entity page) → background. */
export const pageCalls = {
  ...sightingCalls,
  ping: contentCalls.ping,
  getTabState: call<TabState>()(v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }), 'What the popup shows for a tab.'),
  setSiteEnabled: call<TabState>()(
    v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)), origin, enabled: v.boolean() }),
    'Switch annotation on or off for a site; the change reaches open tabs at once.'),
  annotateOnce: call<TabState>()(v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }), 'Annotate the current page once through activeTab, without a lasting permission.'),
  getPageText: call<{ text: string; lang: string }>()(v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }), 'The page\'s text (first 200,000 characters), for suggestions in the popup.'),
  getSelectionText: call<{ text: string }>()(v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }), 'The text the reader selected in a tab, to prefill a quote.'),
  startNavigation: call<{ ok: true }>()(v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }), 'Enter entity navigation in a tab, as the keyboard command does.'),
  focusEntity: call<{ found: boolean }>()(v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)), id }), 'Scroll a tab to the first mention of an entry and open its card.'),
} as const;


export type SightingCalls = typeof sightingCalls;
export type PageCalls = typeof pageCalls;
