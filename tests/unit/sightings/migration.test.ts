// Upgrading the first schema (v1) to the current one keeps every record and fits it to the new shape.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openSightingsDb } from '../../../lib/sightings/db.ts';
import { createV1Database, type V1Fixture } from '../../../lib/sightings/legacy-v1.ts';
import { checkSighting } from '../../../lib/sightings/schema.ts';
import { SightingStore } from '../../../lib/sightings/store.ts';
import fixtureJson from '../../fixtures/sightings/v1-db.json';
import { counterIds, testId } from './helpers.ts';

const fixture = fixtureJson as V1Fixture;
const NOW = new Date('2024-05-01T12:00:00.000Z');

async function upgraded(newId: () => string = counterIds(500)) {
  const factory = new IDBFactory();
  await createV1Database(factory, 'old', fixture);
  const db = await openSightingsDb(factory, { name: 'old', now: () => NOW, newId });
  return { factory, db, store: new SightingStore(db) };
}

describe('migration v1 → v2', () => {
  it('the fixture really is a v1 database', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, 'old', fixture);
    const dbs = await factory.databases();
    expect(dbs).toEqual([{ name: 'old', version: 1 }]);
  });

  it('keeps every record, each valid in the v2 schema', async () => {
    const { db, store } = await upgraded();
    expect(db.version).toBe(DB_VERSION);
    const all = await store.all();
    expect(all).toHaveLength(fixture.records.length);
    for (const s of all) expect(checkSighting(s)).toMatchObject({ ok: true });
    // Every v1 id is still there, except the one that was not a UUID, which got a new one.
    const ids = new Set(all.map((s) => s.id));
    for (const r of fixture.records) if (r.id !== '1697040000000-k3j2h1') expect(ids.has(r.id)).toBe(true);
    const rekeyed = all.find((s) => s.entityId === 'united-nations');
    expect(rekeyed).toMatchObject({ id: testId(500), note: 'v1 id: 1697040000000-k3j2h1' });
  });

  it('maps the fields: date, title, createdAt in ms, names without a dataset id become watched', async () => {
    const { store } = await upgraded();
    const first = await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c01');
    expect(first).toEqual({
      id: '0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c01', entityId: 'mukhtar-ablyazov', entityName: 'Mukhtar Ablyazov',
      kind: 'arrested', eventDate: '2023-05-10', place: 'Almaty', url: 'https://rus.azattyq.org/a/32400000.html',
      pageTitle: 'Задержан сторонник ДВК', quote: '«Его задержали у подъезда», — рассказала жена.',
      note: 'Second arrest this year.', sendState: 'local',
      createdAt: new Date(1683720000000).toISOString(), updatedAt: new Date(1683720000000).toISOString(),
    });
    const free = await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c02');
    expect(free).toMatchObject({ watchName: 'Айгерим Тлеубаева', entityName: 'Айгерим Тлеубаева' });
    expect(free?.entityId).toBeUndefined();
    const watch = await store.watchlist();
    expect(watch.map((w) => w.name).sort()).toEqual(['Bakhytzhan Toregozhina', 'Айгерим Тлеубаева']);
    expect(await store.byWatchName('айгерим тлеубаева')).toHaveLength(2);
    expect(await store.byEntity('mukhtar-ablyazov')).toHaveLength(2);
  });

  it('keeps what does not fit v2 as text in the note instead of dropping it', async () => {
    const { store } = await upgraded();
    expect(await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c03')).toMatchObject({ kind: 'other', note: 'Rally at the akimat.\nv1 kind: event' });
    expect(await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c04')).toMatchObject({ eventDate: '2023-03-12', note: 'v1 date: 12.03.2023' });
    expect(await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c05')).toMatchObject({
      eventDate: new Date(1690000000000).toISOString().slice(0, 10), note: 'v1 date: yesterday',
    });
    const js = await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c06');
    expect(js?.url).toBeUndefined();
    expect(js?.note).toBe('v1 link (not an http(s) URL): javascript:alert(document.cookie)');
    expect(await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c07')).toMatchObject({
      entityName: 'OSCE <script>alert(1)</script>', note: '<img src=x onerror=alert(1)> kept as text',
    });
    expect(await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c10')).toMatchObject({ pageTitle: 'Activist followed for a week', place: 'Алматы' });
    expect(await store.get('0b6c8e2a-5f1d-4a3e-9c7b-1e2f3a4b5c11')).toMatchObject({
      quote: 'Line one\nLine two', createdAt: '2023-12-05T09:30:00.000Z',
    });
  });

  it('the new indexes work on migrated records (list order by event date)', async () => {
    const { store } = await upgraded();
    const list = await store.list({ limit: 3 });
    expect(list.map((s) => s.eventDate)).toEqual(['2024-02-29', '2023-12-05', '2023-11-02']);
    expect(await store.count({ from: '2023-06-01', to: '2023-09-01' })).toBe(5);
  });

  it('reopening an upgraded database changes nothing', async () => {
    const { factory, db, store } = await upgraded();
    const before = await store.all();
    db.close();
    const again = await openSightingsDb(factory, { name: 'old' });
    expect(await new SightingStore(again).all()).toEqual(before);
  });

  it('a migration that fails aborts the upgrade: the v1 database and its records stay as they were', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, 'old', fixture);
    const failingIds = () => {
      throw new Error('no ids today');
    };
    const errors: unknown[] = [];
    const origError = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      await expect(openSightingsDb(factory, { name: 'old', newId: failingIds })).rejects.toBeTruthy();
    } finally {
      console.error = origError;
    }
    expect(errors).toHaveLength(1);
    expect(await factory.databases()).toEqual([{ name: 'old', version: 1 }]);
    // And the next (working) open still upgrades every record.
    const db = await openSightingsDb(factory, { name: 'old', newId: counterIds(900) });
    expect(await db.count('sightings')).toBe(fixture.records.length);
  });

  it('a fresh install gets the current schema directly', async () => {
    const db = await openSightingsDb(new IDBFactory(), { name: 'new' });
    expect([...db.objectStoreNames].sort()).toEqual(['outbox', 'sightings', 'watchlist', 'wrongMatches']);
    expect([...db.transaction('sightings').store.indexNames].sort()).toEqual(['byCreated', 'byEntity', 'byEventDate']);
  });
});
