// The first database schema (version 1): its layout, a way to build one from a fixture, and the record migration to v2.
import { wrap, type IDBPDatabase } from 'idb';
import {
  LIMITS, SIGHTING_KINDS, canonicalSighting, checkSighting, cleanLine, cleanMultiline, isEventDate,
  isHttpUrl, isIsoTimestamp, type Sighting, type SightingKind,
} from './schema.ts';

/**
 * A version 1 record as the first release wrote it: no send state, no watch names (a name the
 * dataset did not know was saved with an empty entityId), the event date in `date`, the page
 * title in `title`, and createdAt as epoch milliseconds. Old data is untrusted: every field may
 * be missing or of the wrong type, so migration reads it as unknown.
 */
export interface SightingV1 {
  id: string;
  entityId: string;
  entityName: string;
  kind: string;
  date: string;
  place?: string;
  url?: string;
  title?: string;
  quote?: string;
  note?: string;
  createdAt: number;
}

/** The fixture format of tests/fixtures/sightings/v1-db.json. */
export interface V1Fixture {
  schemaVersion: 1;
  records: SightingV1[];
}

/** Creates the version 1 layout; the v2 upgrade runs on top of it, so fresh installs take the same path. */
export function createV1Schema(db: IDBDatabase): void {
  const store = db.createObjectStore('sightings', { keyPath: 'id' });
  store.createIndex('entityId', 'entityId');
  store.createIndex('createdAt', 'createdAt');
}

/**
 * Builds a version 1 database holding the fixture's records exactly as given (a test seed, also
 * usable from a browser page to check the real upgrade). Closes it so the v2 open can upgrade.
 */
export async function createV1Database(factory: IDBFactory, name: string, fixture: V1Fixture): Promise<void> {
  const request = factory.open(name, 1);
  request.addEventListener('upgradeneeded', () => {
    if (request.result.objectStoreNames.contains('sightings')) return;
    createV1Schema(request.result);
  });
  const db = (await wrap(request)) as IDBPDatabase;
  try {
    if (db.version !== 1) throw new Error(`database ${name} is already at version ${db.version}`);
    const tx = db.transaction('sightings', 'readwrite');
    for (const r of fixture.records) void tx.store.put(r);
    await tx.done;
  } finally {
    db.close();
  }
}

const ENTITY_ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function str(x: unknown): string {
  return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '';
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

function createdAtOf(raw: unknown, now: string): string {
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    const d = new Date(raw);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  if (typeof raw === 'string' && isIsoTimestamp(raw)) return raw;
  return now;
}

function eventDateOf(raw: string, createdAt: string): string | undefined {
  if (isEventDate(raw)) return raw;
  // The first release's form let some locales save "31.12.2023".
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(raw.trim());
  if (dmy) {
    const iso = `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
    if (isEventDate(iso)) return iso;
  }
  const fromCreated = createdAt.slice(0, 10);
  return isEventDate(fromCreated) ? fromCreated : undefined;
}

/**
 * Turns any version 1 value into a valid v2 Sighting. It never drops a record: what does not fit
 * the v2 schema (an unknown kind, an unreadable date, a non-http link) is kept as a line in the
 * note, and an id that is not a UUID is replaced (the caller re-keys the record).
 */
export function migrateV1Record(raw: unknown, now: string, newId: () => string): Sighting {
  const r: Record<string, unknown> = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const kept: string[] = [];
  const id = typeof r.id === 'string' && UUID_RE.test(r.id) ? r.id : newId();
  if (id !== r.id) kept.push(`v1 id: ${str(r.id)}`);
  const createdAt = createdAtOf(r.createdAt, now);

  const rawEntityId = str(r.entityId).trim();
  const entityName = clip(cleanLine(str(r.entityName)), LIMITS.name) || clip(cleanLine(rawEntityId), LIMITS.name) || 'Unknown';
  const byId = ENTITY_ID_RE.test(rawEntityId) && rawEntityId.length <= LIMITS.entityId;

  const rawKind = str(r.kind);
  const kind: SightingKind = (SIGHTING_KINDS as readonly string[]).includes(rawKind) ? (rawKind as SightingKind) : 'other';
  if (kind !== rawKind && rawKind !== '') kept.push(`v1 kind: ${cleanLine(rawKind)}`);

  const rawDate = str(r.date);
  const eventDate = eventDateOf(rawDate, createdAt) ?? now.slice(0, 10);
  if (eventDate !== rawDate && rawDate !== '') kept.push(`v1 date: ${cleanLine(rawDate)}`);

  const rawUrl = str(r.url).trim();
  const url = rawUrl !== '' && rawUrl.length <= LIMITS.url && isHttpUrl(rawUrl) ? rawUrl : undefined;
  if (url === undefined && rawUrl !== '') kept.push(`v1 link (not an http(s) URL): ${cleanLine(rawUrl)}`);

  const note = [cleanMultiline(str(r.note)), ...kept].filter((s) => s !== '').join('\n');
  const optional = (s: string, max: number) => clip(s, max) || undefined;

  const candidate: Sighting = {
    id,
    ...(byId ? { entityId: rawEntityId } : { watchName: entityName }),
    entityName,
    kind,
    eventDate,
    place: optional(cleanLine(str(r.place)), LIMITS.place),
    url,
    pageTitle: optional(cleanLine(str(r.title)), LIMITS.pageTitle),
    quote: optional(cleanMultiline(str(r.quote)), LIMITS.quote),
    note: optional(note, LIMITS.note),
    sendState: 'local',
    createdAt,
    updatedAt: createdAt,
  };
  const checked = checkSighting(canonicalSighting(candidate));
  if (checked.ok) return checked.value;
  // Unreachable by construction; if a future edit breaks it, still keep the record's text.
  let dump = '';
  try {
    dump = JSON.stringify(raw) ?? '';
  } catch {
    dump = String(raw);
  }
  return canonicalSighting({
    id, watchName: 'Unreadable v1 record', entityName: 'Unreadable v1 record', kind: 'other',
    eventDate: now.slice(0, 10), note: clip(cleanMultiline(dump), LIMITS.note) || undefined, sendState: 'local',
    createdAt, updatedAt: createdAt,
  });
}
