// Sends queued sightings to the reader's collector: one request per sighting, idempotent, retried with back-off.
import type { OutboxEntry } from './db.ts';
import { sendBody, sendHeaders } from './preview.ts';
import { LIMITS, cleanMultiline, type Sighting } from './schema.ts';
import type { SightingStore } from './store.ts';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** In [0, 1): the back-off jitter. Defaults to Math.random. */
  random?(): number;
}

export interface CollectorConfig {
  url: string;
  token?: string;
}

/** The part of fetch the outbox uses, so tests can pass a fake collector. The real fetch fits. */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    redirect: 'manual';
    credentials: 'omit';
    cache: 'no-store';
    signal: AbortSignal;
  },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export const BACKOFF = { baseMs: 30_000, capMs: 60 * 60_000, jitter: 0.2 } as const;
/** A request is aborted after this long and counts as a network error. */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * How long a claimed entry stays claimed. Longer than the request timeout, so a sighting is never
 * in flight twice; if the worker dies mid-request it becomes due again after this, and the
 * collector recognises the repeat by its Idempotency-Key.
 */
export const LEASE_MS = 2 * 60_000;

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A collector URL must be https, or http on this machine (a local collector or a test server). */
export function checkCollectorUrl(url: string): UrlCheck {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (u.username !== '' || u.password !== '') return { ok: false, reason: 'put the token in the token field, not in the URL' };
  if (u.protocol === 'https:') return { ok: true, url: u.href };
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return { ok: true, url: u.href };
  if (u.protocol === 'http:') return { ok: false, reason: 'use https (plain http is allowed only for localhost and 127.0.0.1)' };
  return { ok: false, reason: 'the collector URL must start with https://' };
}

/** A token goes into an HTTP header: printable ASCII without spaces (as RFC 6750 allows). */
export function checkCollectorToken(token: string): { ok: true } | { ok: false; reason: string } {
  return /^[\x21-\x7e]*$/.test(token) ? { ok: true } : { ok: false, reason: 'the token may hold only printable ASCII characters without spaces' };
}

/** Delay before attempt n+1 after n failures: 30 s, 1 min, 2 min, … capped at 1 h, ±20 % jitter. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, failures - 1));
  // Jitter spreads the retries of many readers so a collector coming back is not hit all at once.
  const jittered = exp * (1 - BACKOFF.jitter + 2 * BACKOFF.jitter * random());
  return Math.round(Math.min(BACKOFF.capMs, jittered));
}

/** Retry-After in ms (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export interface EnqueueResult {
  queued: string[];
  skipped: { id: string; reason: 'not-found' | 'already-sent' | 'already-queued' }[];
}

export interface DrainResult {
  sent: string[];
  failed: { id: string; reason: string }[];
  retrying: { id: string; reason: string; nextAttemptAt: number }[];
  /** Set when nothing was tried because the collector is not configured or not acceptable. */
  notSent?: string;
}

type Outcome =
  | { kind: 'sent' }
  | { kind: 'failed'; reason: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

function reasonText(s: string): string {
  const clean = cleanMultiline(s).replace(/\s+/g, ' ');
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

export class Outbox {
  private draining: Promise<DrainResult> | undefined;
  /** Ids with a request open in this context (the DB lease guards across contexts). */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly store: SightingStore,
    private readonly fetchFn: FetchLike,
    private readonly clock: Clock,
    /** Read at every drain, so a changed setting applies to the next attempt. */
    private readonly collector: () => CollectorConfig | undefined | Promise<CollectorConfig | undefined>,
  ) {}

  /**
   * Queues sightings for sending, storing the body built now (what the reader confirmed).
   * A sighting already sent or already queued is skipped: it is never sent twice.
   */
  async enqueue(ids: readonly string[]): Promise<EnqueueResult> {
    const result: EnqueueResult = { queued: [], skipped: [] };
    const at = this.clock.now();
    const tx = this.store.db.transaction(['sightings', 'outbox'], 'readwrite');
    const sightings = tx.objectStore('sightings');
    const outbox = tx.objectStore('outbox');
    for (const id of new Set(ids)) {
      const row = await sightings.get(id);
      if (!row) result.skipped.push({ id, reason: 'not-found' });
      else if (row.sendState === 'sent') result.skipped.push({ id, reason: 'already-sent' });
      else if ((await outbox.count(id)) > 0) result.skipped.push({ id, reason: 'already-queued' });
      else {
        const { entityKey: _k, ...s } = row;
        const entry: OutboxEntry = {
          id, idempotencyKey: id, body: sendBody(s), enqueuedAt: new Date(at).toISOString(), attempts: 0, nextAttemptAt: at,
        };
        const { sendError: _e, ...rest } = row;
        await Promise.all([outbox.add(entry), sightings.put({ ...rest, sendState: 'queued' })]);
        result.queued.push(id);
      }
    }
    await tx.done;
    return result;
  }

  /** Takes a sighting out of the queue before it is sent; it goes back to 'local'. */
  async cancel(id: string): Promise<boolean> {
    const tx = this.store.db.transaction(['sightings', 'outbox'], 'readwrite');
    const had = (await tx.objectStore('outbox').count(id)) > 0;
    const row = await tx.objectStore('sightings').get(id);
    if (had) await tx.objectStore('outbox').delete(id);
    if (had && row && row.sendState === 'queued') {
      const { sendError: _e, ...rest } = row;
      await tx.objectStore('sightings').put({ ...rest, sendState: 'local' });
    }
    await tx.done;
    return had;
  }

  /** Entries waiting, soonest first (for the popup's per-sighting state). */
  async pending(): Promise<OutboxEntry[]> {
    return this.store.db.getAllFromIndex('outbox', 'byDue');
  }

  /** When the next entry is due (epoch ms), so the background can set an alarm; undefined if none. */
  async nextDueAt(): Promise<number | undefined> {
    const cursor = await this.store.db.transaction('outbox').store.index('byDue').openCursor();
    return cursor?.value.nextAttemptAt;
  }

  /**
   * The reader asked to try again now (the collector is back): waiting entries become due at once.
   * An entry with a request open in this context keeps its lease, so it is still never sent twice at once.
   */
  async retryNow(): Promise<DrainResult> {
    const now = this.clock.now();
    const tx = this.store.db.transaction('outbox', 'readwrite');
    for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
      if (!this.inFlight.has(c.value.id) && c.value.nextAttemptAt > now) await c.update({ ...c.value, nextAttemptAt: now });
    }
    await tx.done;
    return this.drain();
  }

  /** Sends everything that is due. Concurrent calls share one run. */
  drain(): Promise<DrainResult> {
    this.draining ??= this.drainNow().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drainNow(): Promise<DrainResult> {
    const result: DrainResult = { sent: [], failed: [], retrying: [] };
    const config = await this.collector();
    if (!config) return { ...result, notSent: 'no collector is configured' };
    const url = checkCollectorUrl(config.url);
    if (!url.ok) return { ...result, notSent: url.reason };
    const token = config.token ?? '';
    const tokenCheck = checkCollectorToken(token);
    if (!tokenCheck.ok) return { ...result, notSent: tokenCheck.reason };

    // One claim per request: a claim (lease) then only ever covers one request, well inside LEASE_MS.
    for (;;) {
      const entry = await this.claimNext();
      if (!entry) break;
      if (this.inFlight.has(entry.id)) continue;
      this.inFlight.add(entry.id);
      let outcome: Outcome;
      try {
        outcome = await this.post(url.url, token, entry);
      } finally {
        this.inFlight.delete(entry.id);
      }
      const now = this.clock.now();
      if (outcome.kind === 'sent') {
        await this.settle(entry.id, { sendState: 'sent', sentAt: new Date(now).toISOString() }, undefined);
        result.sent.push(entry.id);
      } else if (outcome.kind === 'failed') {
        await this.settle(entry.id, { sendState: 'failed', sendError: outcome.reason }, undefined);
        result.failed.push({ id: entry.id, reason: outcome.reason });
      } else {
        const delay = Math.min(BACKOFF.capMs, Math.max(backoffDelay(entry.attempts, this.random), outcome.retryAfterMs ?? 0));
        const nextAttemptAt = now + delay;
        await this.settle(entry.id, { sendError: outcome.reason }, { ...entry, nextAttemptAt, lastError: outcome.reason });
        result.retrying.push({ id: entry.id, reason: outcome.reason, nextAttemptAt });
        // The collector is down or overloaded: everything else waits for the same retry, not one by one.
        await this.postponeDue(nextAttemptAt);
        break;
      }
    }
    return result;
  }

  private get random(): () => number {
    return this.clock.random ? () => (this.clock.random as () => number)() : Math.random;
  }

  /** Claims the first due entry by moving its due time past the lease; drops entries whose sighting is gone or sent. */
  private async claimNext(): Promise<OutboxEntry | undefined> {
    const now = this.clock.now();
    const tx = this.store.db.transaction(['outbox', 'sightings'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    let cursor = await outbox.index('byDue').openCursor(IDBKeyRange.upperBound(now));
    let claimed: OutboxEntry | undefined;
    while (cursor && !claimed) {
      const entry = cursor.value;
      const row = await tx.objectStore('sightings').get(entry.id);
      if (!row || row.sendState === 'sent') {
        await cursor.delete();
      } else if (!this.inFlight.has(entry.id)) {
        claimed = { ...entry, attempts: entry.attempts + 1, nextAttemptAt: now + LEASE_MS };
        await cursor.update(claimed);
        break;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return claimed;
  }

  private async post(url: string, token: string, entry: OutboxEntry): Promise<Outcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await this.fetchFn(url, {
        method: 'POST',
        headers: sendHeaders(entry.idempotencyKey, token),
        body: entry.body,
        // A redirect would re-post the sighting somewhere the reader did not choose.
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (error) {
      const why = controller.signal.aborted ? 'timed out' : error instanceof Error ? error.message : String(error);
      return { kind: 'retry', reason: reasonText(`network error: ${why}`) };
    } finally {
      clearTimeout(timer);
    }
    const status = response.status;
    if (status >= 200 && status < 300) return { kind: 'sent' };
    const detail = async () => {
      try {
        return reasonText((await response.text()).slice(0, 1000));
      } catch {
        return '';
      }
    };
    if (status === 429 || status === 408 || status >= 500) {
      const text = await detail();
      return {
        kind: 'retry',
        reason: reasonText(`HTTP ${status}${text ? `: ${text}` : ''}`),
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), this.clock.now()),
      };
    }
    if (status === 0 || (status >= 300 && status < 400)) {
      return { kind: 'failed', reason: 'the collector answered with a redirect; enter its final URL in the options' };
    }
    if (status >= 400) {
      const text = await detail();
      return { kind: 'failed', reason: reasonText(`HTTP ${status}${text ? `: ${text}` : ''}`).slice(0, LIMITS.sendError) };
    }
    return { kind: 'retry', reason: `unexpected HTTP ${status}` };
  }

  /**
   * Records an outcome: the sighting's state and the outbox entry change together. `keep` is the
   * entry to write back (a retry), or undefined to remove it (sent or given up).
   */
  private async settle(id: string, change: Partial<Sighting>, keep: OutboxEntry | undefined): Promise<void> {
    const tx = this.store.db.transaction(['sightings', 'outbox'], 'readwrite');
    const sightings = tx.objectStore('sightings');
    const outbox = tx.objectStore('outbox');
    const [row, stillQueued] = await Promise.all([sightings.get(id), outbox.count(id)]);
    if (keep) {
      // Cancelled or deleted while in flight: do not bring the entry back.
      if (stillQueued > 0) await outbox.put(keep);
    } else {
      await outbox.delete(id);
    }
    // A sent sighting is marked sent even if cancelled meanwhile: it did reach the collector.
    if (row && (stillQueued > 0 || change.sendState === 'sent')) {
      const { sendError: _e, sentAt: _s, ...rest } = row;
      await sightings.put({ ...rest, ...(row.sendState === 'sent' ? { sentAt: row.sentAt } : {}), ...change });
    }
    await tx.done;
  }

  /** Moves every entry due now to `until` (without counting it as an attempt). */
  private async postponeDue(until: number): Promise<void> {
    const tx = this.store.db.transaction('outbox', 'readwrite');
    let cursor = await tx.store.index('byDue').openCursor(IDBKeyRange.upperBound(this.clock.now()));
    while (cursor) {
      if (!this.inFlight.has(cursor.value.id)) await cursor.update({ ...cursor.value, nextAttemptAt: until });
      cursor = await cursor.continue();
    }
    await tx.done;
  }
}
