// The store: saves, edits, deletes with undo, lists in order, and acknowledges only committed writes.
import { IDBDatabase as FakeIDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSightingsDb } from '../../../lib/sightings/db.ts';
import { SightingError, SightingStore } from '../../../lib/sightings/store.ts';
import { counterIds, draft, freshStore, steppingClock, testId } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

describe('SightingStore CRUD', () => {
  it('adds a sighting with id, timestamps and local send state, and gets it back', async () => {
    const { store } = await freshStore();
    const s = await store.add(draft({ quote: '  «Задержан»\r\nу дома  ', place: ' Almaty\t', url: 'https://vlast.kz/a' }));
    expect(s).toEqual({
      id: testId(1), entityId: 'mukhtar-ablyazov', entityName: 'Mukhtar Ablyazov', kind: 'mention',
      eventDate: '2024-04-30', place: 'Almaty', url: 'https://vlast.kz/a', quote: '«Задержан»\nу дома',
      sendState: 'local', createdAt: '2024-05-01T12:00:00.000Z', updatedAt: '2024-05-01T12:00:00.000Z',
    });
    expect(await store.get(s.id)).toEqual(s);
    expect(await store.count()).toBe(1);
  });

  it('refuses an invalid draft with the field named, and writes nothing', async () => {
    const { store } = await freshStore();
    await expect(store.add(draft({ eventDate: '2024-13-01' }))).rejects.toMatchObject({ code: 'invalid', path: 'eventDate' });
    await expect(store.add(draft({ url: 'javascript:alert(1)' }))).rejects.toMatchObject({ path: 'url' });
    await expect(store.add(draft({ watchName: 'Someone' }))).rejects.toMatchObject({ path: 'entityId' });
    await expect(store.add(draft({ quote: 'x'.repeat(2001) }))).rejects.toMatchObject({ path: 'quote' });
    expect(await store.count()).toBe(0);
  });

  it('updates the editable fields and keeps id, createdAt and send state', async () => {
    const { store } = await freshStore();
    const s = await store.add(draft({ note: 'first' }));
    const u = await store.update(s.id, draft({ kind: 'detained', eventDate: '2024-04-29' }));
    expect(u).toMatchObject({ id: s.id, kind: 'detained', eventDate: '2024-04-29', createdAt: s.createdAt, sendState: 'local' });
    expect(u.note).toBeUndefined();
    expect(u.updatedAt > s.updatedAt).toBe(true);
    expect(await store.get(s.id)).toEqual(u);
    await expect(store.update(testId(999), draft())).rejects.toMatchObject({ code: 'not-found' });
  });

  it('delete returns the record, restore brings it back unchanged (undo)', async () => {
    const { store } = await freshStore();
    const s = await store.add(draft());
    const gone = await store.delete(s.id);
    expect(gone).toEqual(s);
    expect(await store.get(s.id)).toBeUndefined();
    expect(await store.delete(s.id)).toBeUndefined();
    await store.restore(gone!);
    expect(await store.get(s.id)).toEqual(s);
  });

  it('restore refuses to overwrite a different record with the same id', async () => {
    const { store } = await freshStore();
    const s = await store.add(draft());
    await expect(store.restore({ ...s, note: 'changed' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.get(s.id)).toEqual(s);
  });

  it('deleteAll removes every sighting but keeps the watch list', async () => {
    const { store } = await freshStore();
    await store.add(draft());
    await store.add(draft({ entityId: undefined, watchName: 'Someone New', entityName: 'Someone New' }));
    expect(await store.deleteAll()).toBe(2);
    expect(await store.count()).toBe(0);
    expect((await store.watchlist()).map((w) => w.name)).toEqual(['Someone New']);
  });
});

describe('acknowledged only after commit', () => {
  it('resolves add after the transaction completes, not when the request succeeds', async () => {
    const { store } = await freshStore();
    const events: string[] = [];
    const original = FakeIDBDatabase.prototype.transaction;
    vi.spyOn(FakeIDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
      const tx = original.apply(this, args as Parameters<typeof original>);
      if (tx.mode === 'readwrite') tx.addEventListener('complete', () => events.push('commit'));
      return tx;
    });
    await store.add(draft());
    events.push('ack');
    expect(events).toEqual(['commit', 'ack']);
  });

  it('an acknowledged sighting is visible to a second connection', async () => {
    const { factory, store } = await freshStore('shared');
    const s = await store.add(draft());
    const other = await openSightingsDb(factory, { name: 'shared' });
    expect(await other.get('sightings', s.id)).toMatchObject({ id: s.id });
  });

  it('a write that fails rejects, and leaves nothing half-written', async () => {
    const { db } = await freshStore();
    const sameId = () => testId(7);
    const store = new SightingStore(db, { now: steppingClock(), newId: sameId });
    await store.add(draft({ entityId: undefined, watchName: 'First Name', entityName: 'First Name' }));
    await expect(store.add(draft({ entityId: undefined, watchName: 'Second Name', entityName: 'Second Name' }))).rejects.toThrow();
    expect(await store.count()).toBe(1);
    // The failed add's watch-list entry was in the same transaction: it must be gone too.
    expect((await store.watchlist()).map((w) => w.name)).toEqual(['First Name']);
  });
});

describe('list, count, byEntity', () => {
  async function seeded() {
    const t = await freshStore();
    const days = ['2024-01-05', '2024-03-01', '2024-01-05', '2023-12-31', '2024-02-10'];
    for (const [i, d] of days.entries()) {
      await t.store.add(draft({ eventDate: d, entityId: i % 2 ? 'koshe-party' : 'mukhtar-ablyazov' }));
    }
    return t;
  }

  it('sorts by event date, newest first, then by creation, newest first', async () => {
    const { store } = await seeded();
    const got = await store.list();
    expect(got.map((s) => [s.eventDate, s.id])).toEqual([
      ['2024-03-01', testId(2)], ['2024-02-10', testId(5)], ['2024-01-05', testId(3)], ['2024-01-05', testId(1)],
      ['2023-12-31', testId(4)],
    ]);
  });

  it('pages with limit and offset', async () => {
    const { store } = await seeded();
    expect((await store.list({ limit: 2, offset: 1 })).map((s) => s.id)).toEqual([testId(5), testId(3)]);
    expect(await store.list({ offset: 10 })).toEqual([]);
  });

  it('pages by key (after the last one shown) in the same order as offset paging', async () => {
    const { store } = await seeded();
    const all = await store.list();
    const firstTwo = await store.list({ limit: 2 });
    expect((await store.list({ limit: 2, after: firstTwo[1] })).map((s) => s.id)).toEqual(all.slice(2, 4).map((s) => s.id));
    expect((await store.list({ after: all[4] }))).toEqual([]);
    const mine = await store.list({ entityId: 'mukhtar-ablyazov' });
    expect((await store.list({ entityId: 'mukhtar-ablyazov', after: mine[0] })).map((s) => s.id)).toEqual(mine.slice(1).map((s) => s.id));
    expect((await store.list({ from: '2024-01-05', after: all[1] })).map((s) => s.id)).toEqual([testId(3), testId(1)]);
    expect(await store.count({ after: all[1] })).toBe(5);
  });

  it('filters by entity and inclusive date range, and counts the same', async () => {
    const { store } = await seeded();
    expect((await store.list({ entityId: 'mukhtar-ablyazov' })).map((s) => s.id)).toEqual([testId(5), testId(3), testId(1)]);
    expect((await store.list({ from: '2024-01-05', to: '2024-02-10' })).map((s) => s.id)).toEqual([testId(5), testId(3), testId(1)]);
    expect((await store.list({ entityId: 'koshe-party', from: '2024-01-01' })).map((s) => s.id)).toEqual([testId(2)]);
    expect((await store.list({ to: '2023-12-31' })).map((s) => s.id)).toEqual([testId(4)]);
    expect(await store.count({ entityId: 'mukhtar-ablyazov' })).toBe(3);
    expect(await store.count({ from: '2024-01-05', to: '2024-02-10' })).toBe(3);
    expect(await store.count({ entityId: 'koshe-party', to: '2024-01-01' })).toBe(1);
    expect((await store.byEntity('koshe-party')).map((s) => s.id)).toEqual([testId(2), testId(4)]);
  });
});

describe('watch list and wrong matches', () => {
  it('a reported name not in the dataset becomes watched, once, whatever its case', async () => {
    const { store } = await freshStore();
    await store.add(draft({ entityId: undefined, watchName: 'Айгерим Тлеубаева', entityName: 'Айгерим Тлеубаева' }));
    await store.add(draft({ entityId: undefined, watchName: 'айгерим  ТЛЕУБАЕВА', entityName: 'айгерим' }));
    const list = await store.watchlist();
    expect(list).toEqual([{ key: 'айгерим тлеубаева', name: 'Айгерим Тлеубаева', createdAt: '2024-05-01T12:00:00.000Z' }]);
    expect((await store.byWatchName('АЙГЕРИМ тлеубаева')).length).toBe(2);
    expect(await store.unwatch('Айгерим Тлеубаева')).toBe(true);
    expect(await store.watchlist()).toEqual([]);
    // Unwatching keeps the sightings.
    expect(await store.count()).toBe(2);
    await store.watch('Someone Else');
    expect((await store.watchlist()).map((w) => w.name)).toEqual(['Someone Else']);
  });

  it('records, lists by host and removes wrong matches', async () => {
    const { store } = await freshStore();
    await store.addWrongMatch({ entityId: 'koshe-party', host: 'Example.org', surface: 'Koshe' });
    await store.addWrongMatch({ entityId: 'koshe-party', host: 'example.org', surface: 'Koshe' });
    await store.addWrongMatch({ entityId: 'osce', host: 'other.kz', surface: 'OSCE' });
    expect((await store.wrongMatches('example.org')).map((m) => m.surface)).toEqual(['Koshe']);
    expect(await store.wrongMatches()).toHaveLength(2);
    await store.removeWrongMatch({ entityId: 'koshe-party', host: 'example.org', surface: 'Koshe' });
    expect((await store.wrongMatches()).map((m) => m.entityId)).toEqual(['osce']);
    await expect(store.addWrongMatch({ entityId: '', host: 'x', surface: 'y' })).rejects.toBeInstanceOf(SightingError);
  });
});

it('ids come from the injected source (so tests above are deterministic)', () => {
  const next = counterIds(5);
  expect([next(), next()]).toEqual([testId(5), testId(6)]);
});
