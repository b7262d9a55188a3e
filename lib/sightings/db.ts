// Opens the sightings database (IndexedDB through idb) and upgrades older versions without losing a record.
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { createV1Schema, migrateV1Record } from './legacy-v1.ts';
import { entityKeyOf, watchKey, type Sighting } from './schema.ts';

export const DB_NAME = 'central-asia-context-sightings';
export const DB_VERSION = 2;

/** A sighting as stored: the record plus the derived key the byEntity index sorts on. */
export type StoredSighting = Sighting & { entityKey: string };

/** One sighting waiting to be sent; the body is the exact JSON the reader confirmed in the preview. */
export interface OutboxEntry {
  /** The sighting's id, also its idempotency key. */
  id: string;
  idempotencyKey: string;
  body: string;
  enqueuedAt: string;
  attempts: number;
  /** Epoch ms when it may be tried next; while in flight, the end of the claim (a lease). */
  nextAttemptAt: number;
  lastError?: string;
}

export interface WatchEntry {
  /** watchKey(name): case- and spacing-insensitive. */
  key: string;
  name: string;
  createdAt: string;
}

export interface WrongMatch {
  entityId: string;
  host: string;
  /** The text on the page that was wrongly taken for the entity. */
  surface: string;
  createdAt: string;
}

export interface SightingsSchema extends DBSchema {
  sightings: {
    key: string;
    value: StoredSighting;
    indexes: {
      // Compound keys give a total order, so pages are stable and need no sorting in memory.
      byEntity: [string, string, string, string];
      byEventDate: [string, string, string];
      byCreated: string;
    };
  };
  outbox: { key: string; value: OutboxEntry; indexes: { byDue: number } };
  watchlist: { key: string; value: WatchEntry };
  wrongMatches: { key: [string, string, string]; value: WrongMatch; indexes: { byHost: string; byEntity: string } };
}

export type SightingsDB = IDBPDatabase<SightingsSchema>;

export function toStored(s: Sighting): StoredSighting {
  return { ...s, entityKey: entityKeyOf(s) };
}

export function fromStored(row: StoredSighting): Sighting {
  const { entityKey: _entityKey, ...s } = row;
  return s;
}

export interface OpenOptions {
  name?: string;
  /** Clock and id source for migrated records that lack them (tests pass fixed ones). */
  now?: () => Date;
  newId?: () => string;
  /** Another context holds an older connection open: the upgrade waits until it closes. */
  onBlocked?: () => void;
}

type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** v1 → v2: new indexes and stores, and every v1 record rewritten in the v2 shape, in the upgrade transaction. */
async function upgradeToV2(db: IDBPDatabase<unknown>, tx: UpgradeTx, now: string, newId: () => string): Promise<void> {
  const store = tx.objectStore('sightings');
  for (const old of ['entityId', 'createdAt']) if (store.indexNames.contains(old)) store.deleteIndex(old);
  store.createIndex('byEntity', ['entityKey', 'eventDate', 'createdAt', 'id']);
  store.createIndex('byEventDate', ['eventDate', 'createdAt', 'id']);
  store.createIndex('byCreated', 'createdAt');
  db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byDue', 'nextAttemptAt');
  db.createObjectStore('watchlist', { keyPath: 'key' });
  const wrong = db.createObjectStore('wrongMatches', { keyPath: ['entityId', 'host', 'surface'] });
  wrong.createIndex('byHost', 'host');
  wrong.createIndex('byEntity', 'entityId');

  const rekeyed: StoredSighting[] = [];
  const watched = new Map<string, WatchEntry>();
  let cursor = await store.openCursor();
  while (cursor) {
    const s = migrateV1Record(cursor.value, now, newId);
    if (s.watchName !== undefined) {
      const key = watchKey(s.watchName);
      const seen = watched.get(key);
      if (!seen || seen.createdAt > s.createdAt) watched.set(key, { key, name: s.watchName, createdAt: s.createdAt });
    }
    if (s.id !== cursor.primaryKey) {
      // Adding while the cursor walks could make it visit the new key: re-add after the walk.
      rekeyed.push(toStored(s));
      await cursor.delete();
    } else {
      await cursor.update(toStored(s));
    }
    cursor = await cursor.continue();
  }
  for (const row of rekeyed) await store.put(row);
  const watchlist = tx.objectStore('watchlist');
  for (const w of watched.values()) await watchlist.put(w);
}

/**
 * Opens (creating or upgrading) the database through the given factory. idb's wrappers need the
 * IndexedDB classes as globals (a browser has them; tests import fake-indexeddb/auto); the factory
 * is passed in so each test and each profile can have its own.
 */
export async function openSightingsDb(factory: IDBFactory, options: OpenOptions = {}): Promise<SightingsDB> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const request = factory.open(options.name ?? DB_NAME, DB_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as IDBPDatabase<unknown>;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
    // idb gives the upgrade transaction a done promise; it rejects on abort, which open() reports.
    tx.done.catch(() => undefined);
    const run = async () => {
      if (event.oldVersion < 1) createV1Schema(request.result);
      if (event.oldVersion < 2) await upgradeToV2(db, tx, now().toISOString(), newId);
    };
    // A failed migration must abort the upgrade so the old version and its data stay as they were.
    run().catch((error: unknown) => {
      console.error('sightings: upgrade failed, database left at version', event.oldVersion, error);
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing more to undo.
      }
    });
  });
  if (options.onBlocked) request.addEventListener('blocked', options.onBlocked);
  const db = (await wrap(request)) as SightingsDB;
  // A newer version opened elsewhere (an extension update): let it upgrade rather than block it.
  db.addEventListener('versionchange', () => db.close());
  return db;
}
