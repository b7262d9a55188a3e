// The outbox against a fake collector: retries while it is down, delivers each sighting once, gives up on 4xx.
import { describe, expect, it } from 'vitest';
import {
  BACKOFF, LEASE_MS, Outbox, backoffDelay, checkCollectorUrl, parseRetryAfter, type FetchLike,
} from '../../../lib/sightings/outbox.ts';
import { previewSend, sendBody } from '../../../lib/sightings/preview.ts';
import { draft, freshStore } from './helpers.ts';

const URL_ = 'https://collector.example.org/sightings';

class TestClock {
  constructor(public t = Date.parse('2024-05-01T12:00:00.000Z'), public r = 0.5) {}
  now = () => this.t;
  random = () => this.r;
  advanceTo(t: number) {
    this.t = t;
  }
}

type Mode = 'down' | 503 | 429 | 400 | 302 | 0 | 'up';

/** A collector that can be down, failing or up, and counts deliveries and concurrent requests per key. */
class FakeCollector {
  mode: Mode = 'up';
  retryAfter: string | null = null;
  delayMs = 0;
  readonly delivered = new Map<string, number>();
  readonly requests: { url: string; headers: Record<string, string>; body: string }[] = [];
  private readonly open = new Set<string>();
  overlaps = 0;

  fetch: FetchLike = async (url, init) => {
    const key = init.headers['Idempotency-Key'];
    this.requests.push({ url, headers: init.headers, body: init.body });
    if (this.open.has(key)) this.overlaps++;
    this.open.add(key);
    try {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      const mode = this.mode;
      if (mode === 'down') throw new TypeError('fetch failed: connect ECONNREFUSED 127.0.0.1:8787');
      const status = mode === 'up' ? 201 : mode;
      if (status === 201) this.delivered.set(key, (this.delivered.get(key) ?? 0) + 1);
      const body = status === 400 ? '{"error":"missing field eventDate"}' : '';
      return {
        status,
        headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? this.retryAfter : null) },
        text: async () => body,
      };
    } finally {
      this.open.delete(key);
    }
  };
}

async function setup(n = 3, token?: string) {
  const t = await freshStore();
  const clock = new TestClock();
  const collector = new FakeCollector();
  const outbox = new Outbox(t.store, collector.fetch, clock, () => ({ url: URL_, token }));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await t.store.add(draft({ note: `sighting ${i}` }))).id);
  return { ...t, clock, collector, outbox, ids };
}

describe('Outbox', () => {
  it('down, then 503, then up: every sighting is delivered exactly once', async () => {
    const { store, clock, collector, outbox, ids } = await setup(3);
    expect(await outbox.enqueue(ids)).toEqual({ queued: ids, skipped: [] });
    expect((await store.get(ids[0]))?.sendState).toBe('queued');

    collector.mode = 'down';
    const r1 = await outbox.drain();
    expect(r1.sent).toEqual([]);
    expect(r1.retrying).toHaveLength(1);
    expect(r1.retrying[0].reason).toMatch(/^network error: fetch failed/);
    // One request, not three: the others wait for the same retry time.
    expect(collector.requests).toHaveLength(1);
    const due1 = await outbox.nextDueAt();
    expect(due1).toBe(clock.t + 30_000);
    expect(await store.get(ids[0])).toMatchObject({ sendState: 'queued', sendError: r1.retrying[0].reason });

    // Not due yet: nothing is sent.
    await outbox.drain();
    expect(collector.requests).toHaveLength(1);

    clock.advanceTo(due1!);
    collector.mode = 503;
    const r2 = await outbox.drain();
    expect(r2.retrying[0].reason).toBe('HTTP 503');
    const due2 = await outbox.nextDueAt();
    expect(due2).toBeGreaterThan(clock.t);

    clock.advanceTo(due2!);
    collector.mode = 'up';
    const r3 = await outbox.drain();
    expect(new Set(r3.sent)).toEqual(new Set(ids));
    for (const id of ids) {
      expect(collector.delivered.get(id)).toBe(1);
      expect(await store.get(id)).toMatchObject({ sendState: 'sent', sentAt: new Date(clock.t).toISOString() });
      expect((await store.get(id))?.sendError).toBeUndefined();
    }
    expect(await outbox.nextDueAt()).toBeUndefined();
    expect(await outbox.pending()).toEqual([]);

    // Sent is final: later drains and re-enqueues send nothing more.
    const before = collector.requests.length;
    clock.advanceTo(clock.t + 10 * 3_600_000);
    await outbox.drain();
    expect(await outbox.enqueue(ids)).toEqual({ queued: [], skipped: ids.map((id) => ({ id, reason: 'already-sent' })) });
    await outbox.drain();
    expect(collector.requests.length).toBe(before);
    expect([...collector.delivered.values()]).toEqual([1, 1, 1]);
  });

  it('retryNow makes waiting entries due at once, and still sends each only once', async () => {
    const { outbox, collector, ids, clock } = await setup(3);
    collector.mode = 'down';
    await outbox.enqueue(ids);
    await outbox.drain();
    expect(await outbox.nextDueAt()).toBeGreaterThan(clock.now());
    collector.mode = 'up';
    expect((await outbox.drain()).sent).toEqual([]);
    const r = await outbox.retryNow();
    expect(r.sent.sort()).toEqual([...ids].sort());
    await outbox.retryNow();
    expect([...collector.delivered.values()]).toEqual([1, 1, 1]);
  });

  it('a 400 marks the sighting failed with the reason, and it is not retried', async () => {
    const { store, clock, collector, outbox, ids } = await setup(1);
    await outbox.enqueue(ids);
    collector.mode = 400;
    const r = await outbox.drain();
    expect(r.failed).toEqual([{ id: ids[0], reason: 'HTTP 400: {"error":"missing field eventDate"}' }]);
    expect(await store.get(ids[0])).toMatchObject({ sendState: 'failed', sendError: 'HTTP 400: {"error":"missing field eventDate"}' });
    clock.advanceTo(clock.t + 86_400_000);
    collector.mode = 'up';
    await outbox.drain();
    expect(collector.requests).toHaveLength(1);
    // The reader may send a failed sighting again on purpose.
    expect((await outbox.enqueue(ids)).queued).toEqual(ids);
    expect((await outbox.drain()).sent).toEqual(ids);
  });

  it('a redirect is a failure, not a re-post somewhere else', async () => {
    for (const mode of [302, 0] as const) {
      const { store, collector, outbox, ids } = await setup(1);
      await outbox.enqueue(ids);
      collector.mode = mode;
      await outbox.drain();
      expect(await store.get(ids[0])).toMatchObject({ sendState: 'failed', sendError: expect.stringMatching(/redirect/) });
    }
  });

  it('backs off 30 s, 1 min, 2 min, … capped at 1 h, with ±20 % jitter', async () => {
    const { clock, collector, outbox, ids } = await setup(1);
    await outbox.enqueue(ids);
    collector.mode = 503;
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      await outbox.drain();
      const due = (await outbox.nextDueAt())!;
      delays.push(due - clock.t);
      clock.advanceTo(due);
    }
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600].map((s) => s * 1000));
    expect(collector.requests).toHaveLength(10);
    expect(backoffDelay(1, () => 0)).toBe(24_000);
    expect(backoffDelay(1, () => 0.999999)).toBe(36_000);
    expect(backoffDelay(30, () => 0.999999)).toBe(BACKOFF.capMs);
    expect(backoffDelay(8, () => 0)).toBe(BACKOFF.capMs * 0.8);
  });

  it('honours Retry-After on 429 (capped at an hour)', async () => {
    const { clock, collector, outbox, ids } = await setup(1);
    await outbox.enqueue(ids);
    collector.mode = 429;
    collector.retryAfter = '120';
    await outbox.drain();
    expect(await outbox.nextDueAt()).toBe(clock.t + 120_000);
    clock.advanceTo(clock.t + 120_000);
    collector.retryAfter = '999999';
    await outbox.drain();
    expect(await outbox.nextDueAt()).toBe(clock.t + BACKOFF.capMs);
    expect(parseRetryAfter('Wed, 01 May 2024 12:01:00 GMT', Date.parse('2024-05-01T12:00:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('never has a sighting in flight twice, even with concurrent drains from two contexts', async () => {
    const { store, clock, collector, outbox, ids } = await setup(12);
    const second = new Outbox(store, collector.fetch, clock, () => ({ url: URL_ }));
    collector.delayMs = 3;
    await outbox.enqueue(ids);
    const results = await Promise.all([outbox.drain(), second.drain(), outbox.drain(), second.drain()]);
    expect(collector.overlaps).toBe(0);
    expect(results.flatMap((r) => r.sent).length).toBeGreaterThanOrEqual(12);
    expect(new Set(results.flatMap((r) => r.sent))).toEqual(new Set(ids));
    for (const id of ids) expect(collector.delivered.get(id)).toBe(1);
    expect(collector.requests).toHaveLength(12);
  });

  it('a claimed entry is not due again until its lease ends', async () => {
    const { store, clock, collector, outbox, ids } = await setup(1);
    await outbox.enqueue(ids);
    let release: () => void = () => undefined;
    const hanging: FetchLike = () =>
      new Promise((_, reject) => {
        release = () => reject(new TypeError('aborted'));
      });
    const stuck = new Outbox(store, hanging, clock, () => ({ url: URL_ }));
    const pending = stuck.drain();
    await new Promise((r) => setTimeout(r, 20));
    expect(await outbox.nextDueAt()).toBe(clock.t + LEASE_MS);
    expect((await outbox.drain()).sent).toEqual([]);
    expect(collector.requests).toHaveLength(0);
    release();
    await pending;
  });

  it('sends exactly the previewed body with the documented headers', async () => {
    const { store, collector, outbox, ids } = await setup(1, 's3cret-token');
    const s = (await store.get(ids[0]))!;
    const [preview] = previewSend([s], { url: URL_, token: 's3cret-token' });
    await outbox.enqueue(ids);
    await outbox.drain();
    const [req] = collector.requests;
    expect(req.url).toBe(URL_);
    expect(req.body).toBe(preview.body);
    expect(req.body).toBe(sendBody(s));
    expect(req.headers).toEqual({ 'Content-Type': 'application/json', 'Idempotency-Key': s.id, Authorization: 'Bearer s3cret-token' });
    expect(preview.headers.Authorization).toBe('Bearer ••••••');
    const body = JSON.parse(req.body) as { format: string; version: number; sighting: Record<string, unknown> };
    expect(body.format).toBe('central-asia-context.sighting');
    expect(body.version).toBe(1);
    expect(Object.keys(body.sighting)).toEqual(['id', 'entityId', 'entityName', 'kind', 'eventDate', 'note', 'createdAt', 'updatedAt']);
  });

  it('sends no Authorization header without a token, and keeps private/send fields at home', async () => {
    const { store, collector, outbox } = await setup(0);
    const s = await store.add(draft({ private: true }));
    await outbox.enqueue([s.id]);
    await outbox.drain();
    expect(collector.requests[0].headers.Authorization).toBeUndefined();
    expect(collector.requests[0].body).not.toMatch(/private|sendState/);
  });

  it('a sighting deleted or cancelled while queued is never sent', async () => {
    const { store, collector, outbox, ids } = await setup(3);
    await outbox.enqueue(ids);
    await store.delete(ids[0]);
    expect(await outbox.cancel(ids[1])).toBe(true);
    expect((await store.get(ids[1]))?.sendState).toBe('local');
    const r = await outbox.drain();
    expect(r.sent).toEqual([ids[2]]);
    expect(collector.requests.map((q) => q.headers['Idempotency-Key'])).toEqual([ids[2]]);
  });

  it('editing a queued sighting takes it out of the queue (its new text was never previewed)', async () => {
    const { store, collector, outbox, ids } = await setup(1);
    await outbox.enqueue(ids);
    const edited = await store.update(ids[0], draft({ note: 'corrected' }));
    expect(edited.sendState).toBe('local');
    expect(await outbox.pending()).toEqual([]);
    await outbox.drain();
    expect(collector.requests).toHaveLength(0);
  });

  it('does nothing without an acceptable collector', async () => {
    const t = await freshStore();
    const collector = new FakeCollector();
    const s = await t.store.add(draft());
    for (const cfg of [undefined, { url: 'http://collector.example.org/' }, { url: URL_, token: 'has space' }]) {
      const outbox = new Outbox(t.store, collector.fetch, new TestClock(), () => cfg);
      await outbox.enqueue([s.id]);
      expect((await outbox.drain()).notSent).toBeTruthy();
    }
    expect(collector.requests).toHaveLength(0);
  });

  it('skips unknown and already queued ids on enqueue', async () => {
    const { outbox, ids } = await setup(1);
    await outbox.enqueue(ids);
    expect(await outbox.enqueue([ids[0], 'nope'])).toEqual({
      queued: [], skipped: [{ id: ids[0], reason: 'already-queued' }, { id: 'nope', reason: 'not-found' }],
    });
  });
});

describe('checkCollectorUrl', () => {
  it('accepts https anywhere and http only on this machine', () => {
    expect(checkCollectorUrl('https://c.example.org/in')).toEqual({ ok: true, url: 'https://c.example.org/in' });
    expect(checkCollectorUrl('http://localhost:8787/in')).toMatchObject({ ok: true });
    expect(checkCollectorUrl('http://127.0.0.1:8787/')).toMatchObject({ ok: true });
    for (const bad of ['http://c.example.org/', 'http://127.0.0.2/', 'http://localhost.evil.org/', 'ftp://c.org/', 'javascript:alert(1)', 'c.example.org', '', 'https://user:pw@c.org/']) {
      expect(checkCollectorUrl(bad), bad).toMatchObject({ ok: false });
    }
  });
});
