// Every message between the extension's contexts: one call map per direction, payload schema and reply type.
import * as v from 'valibot';

export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const lang = v.picklist(['en', 'ru', 'kk']);
export const origin = v.pipe(v.string(), v.maxLength(300), v.regex(/^https?:\/\/[^/\s]+$/, 'an origin such as https://www.example.org'));
const shortText = v.pipe(v.string(), v.maxLength(2000));

/** A call: the schema its payload must satisfy on receipt, and (as a type only) what it answers. */
export interface Call<P extends v.GenericSchema, R> {
  payload: P;
  reply: R;
  doc: string;
}
/** Declares a call answering R; the reply exists only as a type. */
export const call =
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
  loadCardUi: call<{ ok: true }>()(v.object({}), 'Inject the card\'s UI (card-ui.js) into the sender\'s frame: the content script asks the first time it shows a card.'),
  wrongMatch: call<{ ok: true }>()(v.object({ id, surface: shortText }), 'The reader says this mark is wrong on this site: remember it locally.'),
  openEntityPage: call<{ ok: true }>()(v.object({ id }), 'Open the full case history page in a new tab.'),
  disableSite: call<{ ok: true }>()(v.object({}), 'Turn annotation off for the sender tab\'s site.'),
  openReportForm: call<{ ok: true }>()(v.object({ id: v.optional(id), name: v.optional(shortText), quote: v.optional(shortText) }), 'Open the report form prefilled for this tab.'),
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
