// The Sighting record: its shape, limits and checks, shared by the store, import, export and outbox.
import * as v from 'valibot';

export const SIGHTING_KINDS = [
  'mention', 'detained', 'arrested', 'charged', 'sentenced', 'released', 'harassed', 'protest',
  'banned', 'other',
] as const;
export type SightingKind = (typeof SIGHTING_KINDS)[number];

export const SEND_STATES = ['local', 'queued', 'sent', 'failed'] as const;
export type SendState = (typeof SEND_STATES)[number];

/** Maximum lengths in UTF-16 code units (what String.length counts, and what a textarea limits). */
export const LIMITS = {
  name: 300,
  entityId: 300,
  place: 300,
  pageTitle: 1000,
  url: 2048,
  quote: 2000,
  note: 5000,
  sendError: 1000,
} as const;

/**
 * The fixed key order of a sighting wherever it is serialised (export, send body, comparison):
 * a fixed order is what makes export → import → export byte-identical.
 */
export const SIGHTING_KEYS = [
  'id', 'entityId', 'watchName', 'entityName', 'kind', 'eventDate', 'place', 'url', 'pageTitle',
  'quote', 'note', 'private', 'sendState', 'sendError', 'sentAt', 'createdAt', 'updatedAt',
] as const;

// C0 and C1 controls (and DEL). One-line fields allow none; multi-line fields allow tab and line ends.
const LINE_RE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const MULTILINE_RE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
const ENTITY_ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function realDate(y: number, m: number, d: number): boolean {
  // Date.UTC rolls 2023-02-30 over to March 2nd; a real date survives the round trip unchanged.
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function isEventDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return m !== null && Number(m[1]) >= 1000 && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isIsoTimestamp(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (m === null || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
}

/** True for an absolute http(s) URL written without spaces or control characters. */
export function isHttpUrl(s: string): boolean {
  // URL() silently strips surrounding spaces and inner tabs/newlines; reject them so what is stored is what is shown.
  if (!/^[^\s\u0000-\u001f\u007f-\u009f]+$/.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

const text = (max: number, what: string) =>
  v.pipe(
    v.string('expected a string'),
    v.maxLength(max, `longer than ${max} characters`),
    v.regex(LINE_RE, `${what} must be one line of plain text (no control characters)`),
  );
const multiline = (max: number) =>
  v.pipe(
    v.string('expected a string'),
    v.maxLength(max, `longer than ${max} characters`),
    v.regex(MULTILINE_RE, 'contains control characters'),
  );
const nonBlank = (max: number, what: string) =>
  v.pipe(text(max, what), v.check((s) => s.trim() !== '', 'must not be empty'));
const isoTimestamp = v.pipe(
  v.string('expected a string'),
  v.check(isIsoTimestamp, 'expected an ISO timestamp like 2024-05-01T12:00:00.000Z'),
);

export const SightingSchema = v.pipe(
  v.strictObject(
    {
      id: v.pipe(v.string('expected a string'), v.regex(UUID_RE, 'expected a UUID')),
      entityId: v.optional(
        v.pipe(
          v.string('expected a string'),
          v.maxLength(LIMITS.entityId, `longer than ${LIMITS.entityId} characters`),
          v.regex(ENTITY_ID_RE, 'expected a dataset id in kebab-case'),
        ),
      ),
      watchName: v.optional(nonBlank(LIMITS.name, 'watchName')),
      entityName: nonBlank(LIMITS.name, 'entityName'),
      kind: v.picklist(SIGHTING_KINDS, `expected one of ${SIGHTING_KINDS.join(', ')}`),
      eventDate: v.pipe(v.string('expected YYYY-MM-DD'), v.check(isEventDate, 'expected YYYY-MM-DD')),
      place: v.optional(text(LIMITS.place, 'place')),
      url: v.optional(
        v.pipe(
          v.string('expected a string'),
          v.maxLength(LIMITS.url, `longer than ${LIMITS.url} characters`),
          v.check(isHttpUrl, 'expected an http(s) URL'),
        ),
      ),
      pageTitle: v.optional(text(LIMITS.pageTitle, 'pageTitle')),
      quote: v.optional(multiline(LIMITS.quote)),
      note: v.optional(multiline(LIMITS.note)),
      private: v.optional(v.boolean('expected true or false')),
      sendState: v.picklist(SEND_STATES, `expected one of ${SEND_STATES.join(', ')}`),
      sendError: v.optional(multiline(LIMITS.sendError)),
      sentAt: v.optional(isoTimestamp),
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    },
    'expected an object',
  ),
  v.forward(
    v.partialCheck(
      [['entityId'], ['watchName']],
      (s) => (s.entityId === undefined) !== (s.watchName === undefined),
      'needs exactly one of entityId (a dataset entry) or watchName (a name not in the dataset)',
    ),
    ['entityId'],
  ),
  v.forward(
    v.partialCheck(
      [['sendState'], ['sentAt']],
      (s) => (s.sendState === 'sent') === (s.sentAt !== undefined),
      'sentAt is required when sendState is "sent", and only then',
    ),
    ['sentAt'],
  ),
);

export type Sighting = v.InferOutput<typeof SightingSchema>;

/** What a reader fills in: everything the form owns; the store adds id, timestamps and send state. */
export interface SightingDraft {
  entityId?: string;
  watchName?: string;
  entityName: string;
  kind: SightingKind;
  eventDate: string;
  place?: string;
  url?: string;
  pageTitle?: string;
  quote?: string;
  note?: string;
  /** Set only when saved from a private window with the reader's permission. */
  private?: boolean;
}

export const DRAFT_KEYS = [
  'entityId', 'watchName', 'entityName', 'kind', 'eventDate', 'place', 'url', 'pageTitle', 'quote',
  'note', 'private',
] as const satisfies readonly (keyof SightingDraft)[];

export interface SchemaIssue {
  /** Path inside the record, e.g. "eventDate"; "" for the record as a whole. */
  path: string;
  message: string;
}

/** Renders a valibot path as JS-style access: sightings[12].eventDate. */
export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out === '' ? k : `.${k}`;
  }
  return out;
}

type AnyIssue = v.BaseIssue<unknown>;

/** The first issue of a failed parse as {path, message}, paths as formatPath writes them. */
export function firstIssue(issues: readonly [AnyIssue, ...AnyIssue[]]): SchemaIssue {
  const issue = issues[0];
  const keys: (string | number)[] = [];
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    keys.push(typeof key === 'number' ? key : String(key));
  }
  let message = issue.message;
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    // valibot reports an unexpected key with the key as the last path item.
    message = 'unknown field';
  } else if (issue.input === undefined && issue.kind === 'schema') {
    message = 'missing';
  }
  return { path: formatPath(keys), message };
}

/** Checks one sighting; returns it typed, or the first problem with its path inside the record. */
export function checkSighting(input: unknown): { ok: true; value: Sighting } | { ok: false; issue: SchemaIssue } {
  // valibot's object schemas accept arrays (typeof [] is 'object'); a record is never one.
  if (Array.isArray(input)) return { ok: false, issue: { path: '', message: 'expected an object, got an array' } };
  const r = v.safeParse(SightingSchema, input, { abortEarly: true });
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, issue: firstIssue(r.issues) };
}

/** One-line plain text: controls become spaces, runs of spaces collapse, ends are trimmed. */
export function cleanLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Multi-line plain text: CRLF/CR become LF, other controls are dropped, ends are trimmed. */
export function cleanMultiline(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .trim();
}

/**
 * Tidies a draft from a form or a page before validation: page text is full of stray controls
 * and whitespace that would otherwise make a sighting fail the schema. Empty optionals are dropped.
 */
export function cleanDraft(d: SightingDraft): SightingDraft {
  const line = (s: string | undefined) => (s === undefined ? undefined : cleanLine(s) || undefined);
  const multi = (s: string | undefined) => (s === undefined ? undefined : cleanMultiline(s) || undefined);
  const out: SightingDraft = {
    entityId: d.entityId?.trim() || undefined,
    watchName: line(d.watchName),
    entityName: cleanLine(d.entityName),
    kind: d.kind,
    eventDate: d.eventDate.trim(),
    place: line(d.place),
    url: d.url?.trim() || undefined,
    pageTitle: line(d.pageTitle),
    quote: multi(d.quote),
    note: multi(d.note),
    private: d.private === true ? true : undefined,
  };
  return dropUndefined(out);
}

/** Copies an object without its undefined-valued keys (IndexedDB would store them as present). */
export function dropUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) if (val !== undefined) out[k] = val;
  return out as T;
}

/** A sighting with its keys in SIGHTING_KEYS order and no undefined values (for stable JSON). */
export function canonicalSighting(s: Sighting): Sighting {
  const out: Record<string, unknown> = {};
  for (const k of SIGHTING_KEYS) if (s[k] !== undefined) out[k] = s[k];
  return out as Sighting;
}

/** Normalised watch-list key: a name is the same name whatever its case or spacing. */
export function watchKey(name: string): string {
  return cleanLine(name).normalize('NFC').toLowerCase();
}

/** The byEntity index key: the dataset id, or "watch:" + the watched name's key. */
export function entityKeyOf(s: { entityId?: string; watchName?: string }): string {
  // Dataset ids are kebab-case ascii, so they can never start with "watch:".
  return s.entityId !== undefined ? s.entityId : `watch:${watchKey(s.watchName ?? '')}`;
}
