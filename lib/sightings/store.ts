// The reader's sightings, watch list and wrong-match reports: every write acknowledged only once committed.
import { fromStored, openSightingsDb, toStored, type OpenOptions, type SightingsDB, type StoredSighting, type WatchEntry, type WrongMatch } from './db.ts';
import {
  DRAFT_KEYS, canonicalSighting, checkSighting, cleanDraft, cleanLine, entityKeyOf, watchKey,
  type Sighting, type SightingDraft,
} from './schema.ts';

export type SightingErrorCode = 'invalid' | 'not-found' | 'conflict';

/** A refused write. `path` names the offending field for 'invalid', `index` the record in a batch. */
export class SightingError extends Error {
  override readonly name = 'SightingError';
  constructor(
    readonly code: SightingErrorCode,
    /** The problem without the path. */
    readonly reason: string,
    readonly path = '',
    readonly index?: number,
  ) {
    super(path === '' ? reason : `${path}: ${reason}`);
  }
}

export interface ListQuery {
  /** A dataset entry's sightings; or watchName for a watched name's. Not both. */
  entityId?: string;
  watchName?: string;
  /** Event dates, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Page size (default 100) and how many to skip. */
  limit?: number;
  offset?: number;
  /**
   * Keyset paging: start after this sighting (the last one of the previous page). Costs the same
   * on page 100 as on page 1, where `offset` has to step over every skipped record.
   */
  after?: Pick<Sighting, 'eventDate' | 'createdAt' | 'id'>;
}

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
}

export interface AddManyResult {
  imported: number;
  skipped: number;
}

// An array key sorts after every string key: [x, HIGH] is an upper bound for all [x, <string>, ...].
const HIGH: IDBValidKey = [];

function validate(candidate: Sighting): Sighting {
  const r = checkSighting(canonicalSighting(candidate));
  if (!r.ok) throw new SightingError('invalid', r.issue.message, r.issue.path);
  return r.value;
}

/** The fields that make a sighting what it is; send bookkeeping differs between machines and is ignored. */
export function sameContent(a: Sighting, b: Sighting): boolean {
  const strip = (s: Sighting) => {
    const { sendState: _st, sendError: _se, sentAt: _sa, ...rest } = canonicalSighting(s);
    return JSON.stringify(rest);
  };
  return strip(a) === strip(b);
}

export class SightingStore {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    /** Exposed for the outbox, which updates a sighting and its outbox entry in one transaction. */
    readonly db: SightingsDB,
    options: StoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Saves a new sighting; resolves with it only after the transaction has committed. */
  async add(draft: SightingDraft): Promise<Sighting> {
    const at = this.now().toISOString();
    const s = validate({ ...cleanDraft(draft), id: this.newId(), sendState: 'local', createdAt: at, updatedAt: at });
    const tx = this.db.transaction(['sightings', 'watchlist'], 'readwrite');
    await Promise.all([
      tx.objectStore('sightings').add(toStored(s)),
      this.watchIn(tx.objectStore('watchlist'), s.watchName, at),
      tx.done,
    ]);
    return s;
  }

  /**
   * Replaces the reader-editable fields of a sighting; id, creation time and send state are kept.
   * Editing a queued sighting takes it out of the queue (back to 'local'): the reader confirmed
   * the old text, so the new one needs a new preview before it is sent.
   */
  async update(id: string, draft: SightingDraft): Promise<Sighting> {
    const tx = this.db.transaction(['sightings', 'watchlist', 'outbox'], 'readwrite');
    const sightings = tx.objectStore('sightings');
    try {
      const row = await sightings.get(id);
      if (!row) throw new SightingError('not-found', `no sighting with id ${id}`);
      const old = fromStored(row);
      const kept: Partial<Sighting> = { ...old };
      for (const k of DRAFT_KEYS) delete kept[k];
      if (old.sendState === 'queued') {
        kept.sendState = 'local';
        delete kept.sendError;
      }
      const at = this.now().toISOString();
      const s = validate({ ...(kept as Sighting), ...cleanDraft(draft), updatedAt: at });
      await Promise.all([
        sightings.put(toStored(s)),
        this.watchIn(tx.objectStore('watchlist'), s.watchName, at),
        old.sendState === 'queued' ? tx.objectStore('outbox').delete(id) : undefined,
        tx.done,
      ]);
      return s;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }

  /** Deletes a sighting (and any pending send of it); returns what was deleted so the UI can undo. */
  async delete(id: string): Promise<Sighting | undefined> {
    const tx = this.db.transaction(['sightings', 'outbox'], 'readwrite');
    const row = await tx.objectStore('sightings').get(id);
    if (row) await Promise.all([tx.objectStore('sightings').delete(id), tx.objectStore('outbox').delete(id)]);
    await tx.done;
    return row ? fromStored(row) : undefined;
  }

  /**
   * Puts back a deleted sighting (undo). Its pending send was cancelled by the delete, so a
   * 'queued' sighting comes back as 'local'; the reader sends it again if they want to.
   */
  async restore(sighting: Sighting): Promise<Sighting> {
    const s = validate(sighting.sendState === 'queued' ? { ...sighting, sendState: 'local', sendError: undefined } : sighting);
    const tx = this.db.transaction(['sightings', 'watchlist'], 'readwrite');
    try {
      const existing = await tx.objectStore('sightings').get(s.id);
      if (existing) {
        if (sameContent(fromStored(existing), s)) {
          await tx.done;
          return fromStored(existing);
        }
        throw new SightingError('conflict', `a different sighting with id ${s.id} exists`);
      }
      await Promise.all([
        tx.objectStore('sightings').add(toStored(s)),
        this.watchIn(tx.objectStore('watchlist'), s.watchName, s.createdAt),
        tx.done,
      ]);
      return s;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }

  /** Deletes every sighting and cancels every pending send; the watch list and wrong matches stay. */
  async deleteAll(): Promise<number> {
    const tx = this.db.transaction(['sightings', 'outbox'], 'readwrite');
    const [n] = await Promise.all([
      tx.objectStore('sightings').count(),
      tx.objectStore('sightings').clear(),
      tx.objectStore('outbox').clear(),
      tx.done,
    ]);
    return n;
  }

  async get(id: string): Promise<Sighting | undefined> {
    const row = await this.db.get('sightings', id);
    return row ? fromStored(row) : undefined;
  }

  /** A page of sightings, newest event first (ties: newest saved first). */
  async list(query: ListQuery = {}): Promise<Sighting[]> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    if (limit <= 0) return [];
    const { index, range } = this.rangeFor(query);
    const tx = this.db.transaction('sightings', 'readonly');
    const out: Sighting[] = [];
    let cursor =
      index === 'byEntity'
        ? await tx.store.index('byEntity').openCursor(range, 'prev')
        : await tx.store.index('byEventDate').openCursor(range, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && out.length < limit) {
      out.push(fromStored(cursor.value));
      cursor = await cursor.continue();
    }
    await tx.done;
    return out;
  }

  /** How many sightings match the filter (limit, offset and after are ignored). */
  async count(query: ListQuery = {}): Promise<number> {
    query = { ...query, after: undefined };
    if (query.entityId === undefined && query.watchName === undefined && query.from === undefined && query.to === undefined) {
      return this.db.count('sightings');
    }
    const { index, range } = this.rangeFor(query);
    return index === 'byEntity'
      ? this.db.countFromIndex('sightings', 'byEntity', range)
      : this.db.countFromIndex('sightings', 'byEventDate', range);
  }

  /** Every sighting of a dataset entry, newest event first: the reader's own case history for a card. */
  byEntity(entityId: string): Promise<Sighting[]> {
    return this.list({ entityId, limit: Number.POSITIVE_INFINITY });
  }

  /** Every sighting of a watched name, newest event first. */
  byWatchName(name: string): Promise<Sighting[]> {
    return this.list({ watchName: name, limit: Number.POSITIVE_INFINITY });
  }

  /** Every sighting in export order: by creation time, then id (a total, data-determined order). */
  async all(): Promise<Sighting[]> {
    const rows = await this.db.getAllFromIndex('sightings', 'byCreated');
    return rows.map(fromStored);
  }

  /**
   * Writes records from an import in ONE transaction: all or nothing. A record whose id exists
   * with the same content is skipped; with different content the whole batch is refused
   * (SightingError 'conflict' with the record's index), so nothing is overwritten or duplicated.
   */
  async addMany(records: readonly Sighting[]): Promise<AddManyResult> {
    const checked = records.map((r, i) => {
      try {
        // A queued state means "in this machine's outbox"; an imported record has no outbox entry here.
        return validate(r.sendState === 'queued' ? { ...r, sendState: 'local' } : r);
      } catch (error) {
        if (error instanceof SightingError) throw new SightingError(error.code, error.reason, error.path, i);
        throw error;
      }
    });
    const tx = this.db.transaction(['sightings', 'watchlist'], 'readwrite');
    const sightings = tx.objectStore('sightings');
    const watchlist = tx.objectStore('watchlist');
    let imported = 0;
    let skipped = 0;
    try {
      const existing = await Promise.all(checked.map((s) => sightings.get(s.id)));
      // Every conflict is found before the first write, so a refused batch leaves no request in flight.
      const fresh: Sighting[] = [];
      checked.forEach((s, i) => {
        const old = existing[i];
        if (!old) fresh.push(s);
        else if (sameContent(fromStored(old), s)) skipped++;
        else throw new SightingError('conflict', `a different sighting with the same id ${s.id} is already saved`, '', i);
      });
      const writes: Promise<unknown>[] = [];
      const watched = new Map<string, Sighting>();
      for (const s of fresh) {
        imported++;
        writes.push(sightings.add(toStored(s)));
        if (s.watchName !== undefined && !watched.has(watchKey(s.watchName))) watched.set(watchKey(s.watchName), s);
      }
      for (const s of watched.values()) writes.push(this.watchIn(watchlist, s.watchName, s.createdAt));
      await Promise.all([...writes, tx.done]);
      return { imported, skipped };
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }

  // ---- watch list: names the dataset does not have, marked on pages like its entries

  async watch(name: string): Promise<WatchEntry> {
    const tx = this.db.transaction('watchlist', 'readwrite');
    const [entry] = await Promise.all([this.watchIn(tx.store, name, this.now().toISOString()), tx.done]);
    if (!entry) throw new SightingError('invalid', 'a watched name must not be empty', 'name');
    return entry;
  }

  async unwatch(name: string): Promise<boolean> {
    const key = watchKey(name);
    const tx = this.db.transaction('watchlist', 'readwrite');
    const had = (await tx.store.count(key)) > 0;
    await Promise.all([tx.store.delete(key), tx.done]);
    return had;
  }

  async watchlist(): Promise<WatchEntry[]> {
    return this.db.getAll('watchlist');
  }

  // ---- wrong matches: "this is not that person" reports, so the page stops marking them

  async addWrongMatch(m: { entityId: string; host: string; surface: string }): Promise<WrongMatch> {
    const entry: WrongMatch = {
      entityId: m.entityId.trim(),
      host: m.host.trim().toLowerCase(),
      surface: cleanLine(m.surface),
      createdAt: this.now().toISOString(),
    };
    if (!entry.entityId || !entry.host || !entry.surface) {
      throw new SightingError('invalid', 'a wrong match needs an entityId, a host and the text', 'surface');
    }
    await this.db.put('wrongMatches', entry);
    return entry;
  }

  /** All wrong matches, or those reported on one host. */
  async wrongMatches(host?: string): Promise<WrongMatch[]> {
    return host === undefined
      ? this.db.getAll('wrongMatches')
      : this.db.getAllFromIndex('wrongMatches', 'byHost', host.trim().toLowerCase());
  }

  async removeWrongMatch(m: { entityId: string; host: string; surface: string }): Promise<void> {
    await this.db.delete('wrongMatches', [m.entityId.trim(), m.host.trim().toLowerCase(), cleanLine(m.surface)]);
  }

  // ---- internals

  private rangeFor(q: ListQuery): { index: 'byEntity' | 'byEventDate'; range: IDBKeyRange | undefined } {
    if (q.entityId !== undefined && q.watchName !== undefined) {
      throw new SightingError('invalid', 'filter by entityId or by watchName, not both');
    }
    if (q.entityId !== undefined || q.watchName !== undefined) {
      const key = entityKeyOf(q);
      const lower = q.from === undefined ? [key] : [key, q.from];
      if (q.after) {
        return { index: 'byEntity', range: IDBKeyRange.bound(lower, [key, q.after.eventDate, q.after.createdAt, q.after.id], false, true) };
      }
      const upper = q.to === undefined ? [key, HIGH] : [key, q.to, HIGH];
      return { index: 'byEntity', range: IDBKeyRange.bound(lower, upper) };
    }
    if (q.after) {
      // Lists run newest first, so "after" is everything strictly below the given key.
      const upper = [q.after.eventDate, q.after.createdAt, q.after.id];
      return {
        index: 'byEventDate',
        range: q.from === undefined ? IDBKeyRange.upperBound(upper, true) : IDBKeyRange.bound([q.from], upper, false, true),
      };
    }
    if (q.from === undefined && q.to === undefined) return { index: 'byEventDate', range: undefined };
    if (q.from === undefined) return { index: 'byEventDate', range: IDBKeyRange.upperBound([q.to, HIGH]) };
    if (q.to === undefined) return { index: 'byEventDate', range: IDBKeyRange.lowerBound([q.from]) };
    return { index: 'byEventDate', range: IDBKeyRange.bound([q.from], [q.to, HIGH]) };
  }

  /** Adds a name to the watch list inside the caller's transaction, keeping an existing entry. */
  private async watchIn(
    watchlist: { get(key: string): Promise<WatchEntry | undefined>; put(value: WatchEntry): Promise<string> },
    name: string | undefined,
    at: string,
  ): Promise<WatchEntry | undefined> {
    if (name === undefined) return undefined;
    const clean = cleanLine(name);
    const key = watchKey(clean);
    if (key === '') return undefined;
    const existing = await watchlist.get(key);
    if (existing) return existing;
    const entry: WatchEntry = { key, name: clean, createdAt: at };
    await watchlist.put(entry);
    return entry;
  }
}

/** Opens (and if needed upgrades) the database and returns a store over it: the background's one call. */
export async function openSightingStore(factory: IDBFactory, options: OpenOptions & StoreOptions = {}): Promise<SightingStore> {
  return new SightingStore(await openSightingsDb(factory, options), options);
}

function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  // done rejects on abort; that rejection is expected here and the caller reports the real cause.
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}

export type { StoredSighting, WatchEntry, WrongMatch };
