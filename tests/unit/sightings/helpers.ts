// Shared test fixtures for the sightings tests: a fresh fake IndexedDB per test, a fixed clock and ids.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openSightingsDb, type SightingsDB } from '../../../lib/sightings/db.ts';
import { SIGHTING_KINDS, type Sighting, type SightingDraft } from '../../../lib/sightings/schema.ts';
import { SightingStore } from '../../../lib/sightings/store.ts';

/** A uuid-shaped id from a counter: readable in failures and unique per test. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function counterIds(start = 1): () => string {
  let n = start;
  return () => testId(n++);
}

/** A clock that moves one second per reading, from a fixed start. */
export function steppingClock(start = Date.parse('2024-05-01T12:00:00.000Z'), stepMs = 1000): () => Date {
  let t = start;
  return () => {
    const d = new Date(t);
    t += stepMs;
    return d;
  };
}

export interface TestStore {
  factory: IDBFactory;
  db: SightingsDB;
  store: SightingStore;
}

export async function freshStore(name = 'test'): Promise<TestStore> {
  const factory = new IDBFactory();
  const db = await openSightingsDb(factory, { name });
  const store = new SightingStore(db, { now: steppingClock(), newId: counterIds() });
  return { factory, db, store };
}

export function draft(over: Partial<SightingDraft> = {}): SightingDraft {
  return {
    entityId: 'mukhtar-ablyazov',
    entityName: 'Mukhtar Ablyazov',
    kind: 'mention',
    eventDate: '2024-04-30',
    ...over,
  };
}

/** Seeded PRNG (mulberry32): fuzz and bulk data are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Mukhtar Ablyazov', 'Кошe партиясы', 'Oyan Qazaqstan', 'Бахытжан Торегожина', 'Article 174, "incitement"'];
const ENTITY_IDS = ['mukhtar-ablyazov', 'koshe-party', 'oyan-qazaqstan', 'bakhytzhan-toregozhina', 'kz-cc-174'];

/** n valid, varied sightings (Cyrillic, quotes, commas, newlines, watched names, send states). */
export function makeSightings(n: number, seed = 1): Sighting[] {
  const r = rng(seed);
  const out: Sighting[] = [];
  const base = Date.parse('2023-01-01T00:00:00.000Z');
  for (let i = 0; i < n; i++) {
    const e = Math.floor(r() * NAMES.length);
    const created = new Date(base + Math.floor(r() * 3e10)).toISOString();
    const day = new Date(base + Math.floor(r() * 3e10)).toISOString().slice(0, 10);
    const watched = r() < 0.15;
    const state = r();
    const s: Sighting = {
      id: testId(100000 + i),
      ...(watched ? { watchName: `Watched Name ${i % 7}` } : { entityId: ENTITY_IDS[e] }),
      entityName: watched ? `Watched Name ${i % 7}` : NAMES[e],
      kind: SIGHTING_KINDS[Math.floor(r() * SIGHTING_KINDS.length)],
      eventDate: day,
      ...(r() < 0.5 ? { place: 'Алматы, Казахстан' } : {}),
      ...(r() < 0.7 ? { url: `https://example.org/news/${i}?q=a,b` } : {}),
      ...(r() < 0.5 ? { pageTitle: `Заголовок "${i}", part 2` } : {}),
      ...(r() < 0.5 ? { quote: `Line one, with "quotes"\nLine two — ${i}` } : {}),
      ...(r() < 0.3 ? { note: '=HYPERLINK("http://evil")' } : {}),
      ...(r() < 0.1 ? { private: true } : {}),
      ...(state < 0.7 ? { sendState: 'local' as const } : state < 0.9
        ? { sendState: 'sent' as const, sentAt: created }
        : { sendState: 'failed' as const, sendError: 'HTTP 400: bad' }),
      createdAt: created,
      updatedAt: created,
    };
    out.push(s);
  }
  return out;
}

/** Everything in the database, for "the store is unchanged" checks. */
export async function snapshot(db: SightingsDB): Promise<string> {
  const [s, o, w, m] = await Promise.all([
    db.getAll('sightings'), db.getAll('outbox'), db.getAll('watchlist'), db.getAll('wrongMatches'),
  ]);
  return JSON.stringify({ s, o, w, m });
}
