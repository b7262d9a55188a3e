// Every message between the extension's contexts: one call map per direction, payload schema and reply type.
import * as v from 'valibot';
import type { Sighting } from '../sightings/schema.ts';
import type { PreviewItem } from '../sightings/preview.ts';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const lang = v.picklist(['en', 'ru', 'kk']);
const origin = v.pipe(v.string(), v.maxLength(300), v.regex(/^https?:\/\/[^/\s]+$/, 'an origin such as https://www.example.org'));
const shortText = v.pipe(v.string(), v.maxLength(2000));

/** A call: the schema its payload must satisfy on receipt, and (as a type only) what it answers. */
export interface Call<P extends v.GenericSchema, R> {
  payload: P;
  reply: R;
  doc: string;
}
/** Declares a call answering R; the reply exists only as a type. */
const call =
  <R>() =>
  <P extends v.GenericSchema>(payload: P, doc: string): Call<P, R> => ({ payload, doc, reply: undefined as R });

export interface EntityCount {
  id: string;
  count: number;
}

export interface PageSummary {
  url: string;
  lang: string;
  entities: EntityCount[];
}

/** A mentioned entry as the popup lists it. */
export interface PageEntry extends EntityCount {
  type: string;
  names: { en: string; ru: string; kk: string; kkLatn?: string };
}

export interface TabState {
  /** The site's origin, or null on pages the extension cannot annotate (browser pages, file:). */
  origin: string | null;
  host: string | null;
  /** Whether the extension annotates this site (bundled and not switched off, or added by the reader). */
  enabled: boolean;
  bundled: boolean;
  /** Whether the extension may run there now: bundled, permission granted, or this page once (activeTab). */
  permitted: boolean;
  /** Annotated once through activeTab, until the tab navigates. */
  once: boolean;
  /** What the content script reported for this tab, when it runs there, with names for the list. */
  page: (Omit<PageSummary, 'entities'> & { entities: PageEntry[] }) | null;
  datasetVersion: string;
}

/** Content script → background. */
export const contentCalls = {
  ping: call<{ nonce: string; version: string }>()(
    v.object({ nonce: id }), 'Round trip: the background answers with the nonce and the extension version.'),
  pageMentions: call<{ ok: true }>()(
    v.object({ url: v.pipe(v.string(), v.maxLength(4000)), lang: v.pipe(v.string(), v.maxLength(20)), entities: v.pipe(v.array(v.object({ id, count: v.pipe(v.number(), v.integer(), v.minValue(0)) })), v.maxLength(5000)) }),
    'The entries this tab mentions, for the badge and the popup.'),
  isSiteEnabled: call<{ enabled: boolean; suppressed: string[]; watched: string[]; markStyles: Settings['markStyles']; cardLang: Settings['cardLang'] }>()(v.object({ origin }), 'Whether the content script should annotate this origin, and the entries the reader marked as wrong matches there.'),
  getCard: call<CardView | null>()(v.object({ id }), 'One entry for a card: its data, related entries and the reader\'s sightings.'),
  wrongMatch: call<{ ok: true }>()(v.object({ id, surface: shortText }), 'The reader says this mark is wrong on this site: remember it locally.'),
  openEntityPage: call<{ ok: true }>()(v.object({ id }), 'Open the full case history page in a new tab.'),
  disableSite: call<{ ok: true }>()(v.object({}), 'Turn annotation off for the sender tab\'s site.'),
  openReportForm: call<{ ok: true }>()(v.object({ id: v.optional(id), name: v.optional(shortText), quote: v.optional(shortText) }), 'Open the report form prefilled for this tab.'),
} as const;



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

export interface EntitySearchHit {
  id: string;
  type: string;
  country: string;
  names: { en: string; ru: string; kk: string; kkLatn?: string };
}

export interface Settings {
  collectorUrl: string;
  collectorToken: string;
  /** Save sightings from private windows too (off by default). */
  allowPrivate: boolean;
  /** Card language: follow the page, or always one language. */
  cardLang: 'page' | 'en' | 'ru' | 'kk';
  /** Underline style per mark type. */
  markStyles: Record<'person' | 'organisation' | 'law' | 'event' | 'watch', MarkStyle>;
}

export type MarkStyle = 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy' | 'none';

export interface DatasetInfo {
  version: string;
  entries: number;
  byType: Record<string, number>;
  reports: { file: string; title: string; lang: string; footnotes: number }[];
}

export interface SitesView {
  bundled: { domain: string; name: string; enabled: boolean }[];
  added: { host: string; permitted: boolean }[];
}

/** Background → content script. */
export const backgroundCalls = {
  ping: call<{ nonce: string; url: string }>()(v.object({ nonce: id }), 'Is the content script alive in this tab?'),
  setEnabled: call<{ ok: true }>()(v.object({ enabled: v.boolean() }), 'Start or stop annotating this page.'),
  getPageSummary: call<PageSummary>()(v.object({}), 'The entries this page mentions.'),
  navigate: call<{ ok: true }>()(v.object({}), 'The keyboard command: enter or leave entity navigation.'),
  getPageText: call<{ text: string; lang: string }>()(v.object({}), 'The page\'s text by blocks (first 200,000 characters).'),
  getSelectionText: call<{ text: string }>()(v.object({}), 'The text the reader selected on the page.'),
  setWatched: call<{ ok: true }>()(v.object({ names: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(1000)) }), 'The watch list changed: mark these names too.'),
  focusEntity: call<{ found: boolean }>()(v.object({ id }), 'Scroll to the first mention of an entry and open its card.'),
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any reply type; payloads stay schema-checked
export type CallMap = Record<string, Call<v.GenericSchema, any>>;
export type ContentCalls = typeof contentCalls;
export type SightingCalls = typeof sightingCalls;
export type PageCalls = typeof pageCalls;
export type BackgroundCalls = typeof backgroundCalls;
export type Payload<M extends CallMap, K extends keyof M> = v.InferInput<M[K]['payload']>;
export type Reply<M extends CallMap, K extends keyof M> = M[K]['reply'];

export { lang as langSchema, shortText };

/** Who sends a message: each map has its own tag so a receiver never mistakes one direction for another. */
export const DIRECTIONS = { content: 'cac:content', page: 'cac:page', background: 'cac:background' } as const;
export type Direction = keyof typeof DIRECTIONS;

/** The envelope on the wire. */
export interface Envelope {
  channel: (typeof DIRECTIONS)[Direction];
  type: string;
  payload: unknown;
}

export type ErrorCode = 'bad-sender' | 'malformed' | 'unknown-call' | 'failed';
export type Result<R> = { ok: true; value: R } | { ok: false; error: { code: ErrorCode; message: string } };

/** What a card shows: the entry, the names of its related entries, and the reader's own sightings of it. */
export interface CardView {
  entity: import('../data/cards.ts').CardEntity;
  /** A name from the reader's watch list, not a dataset entry: its history is the reader's sightings. */
  watched?: boolean;
  related: RelatedEntry[];
  sightings: SightingBrief[];
}

export interface RelatedEntry {
  id: string;
  type: string;
  names: { en: string; ru: string; kk: string; kkLatn?: string };
  relation: string;
  dir: 'out' | 'in';
}

export interface SightingBrief {
  id: string;
  kind: string;
  eventDate: string;
  url?: string;
  pageTitle?: string;
  note?: string;
  quote?: string;
}
