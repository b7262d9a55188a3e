// 10,000 sightings: the popup's list page, counts and exports stay fast (figures printed).
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCsv, exportJson } from '../../../lib/sightings/export.ts';
import { importJson } from '../../../lib/sightings/import.ts';
import { freshStore, makeSightings, type TestStore } from './helpers.ts';

const N = 10_000;
const BUDGET_MS = 50;

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** First run (cold) and the median of five warm runs. */
async function measure<T>(label: string, fn: () => Promise<T> | T): Promise<{ cold: number; median: number; value: T }> {
  const first = await timed(fn);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timed(fn)).ms);
  warm.sort((a, b) => a - b);
  const median = warm[2];
  console.log(`${label}: cold ${first.ms.toFixed(1)} ms, warm median ${median.toFixed(1)} ms`);
  return { cold: first.ms, median, value: first.value };
}

describe(`${N} sightings`, () => {
  let t: TestStore;
  const records = makeSightings(N, 5);

  beforeAll(async () => {
    t = await freshStore('scale');
    const load = await timed(() => t.store.addMany(records));
    console.log(`load ${N} records in one transaction: ${load.ms.toFixed(0)} ms`);
  });

  it('lists a page of 100 and counts within 50 ms', async () => {
    const first = await measure('list page 1 (100)', () => t.store.list({ limit: 100 }));
    expect(first.value).toHaveLength(100);
    // Deep pages use keyset paging (after = last of the previous page); offset is printed for comparison.
    const pivot = (await t.store.list({ limit: 1, offset: 4899 }))[0];
    const deep = await measure('list page 50 (after the 4,900th)', () => t.store.list({ limit: 100, after: pivot }));
    expect(deep.value).toHaveLength(100);
    await measure('list page 50 (offset 4,900, not budgeted)', () => t.store.list({ limit: 100, offset: 4900 }));
    const byEntity = await measure('list page by entity', () => t.store.list({ entityId: 'koshe-party', limit: 100 }));
    expect(byEntity.value).toHaveLength(100);
    const range = await measure('list page by date range', () => t.store.list({ from: '2023-06-01', to: '2023-12-31', limit: 100 }));
    expect(range.value).toHaveLength(100);
    const count = await measure('count all', () => t.store.count());
    expect(count.value).toBe(N);
    const countEntity = await measure('count by entity', () => t.store.count({ entityId: 'koshe-party' }));
    expect(countEntity.value).toBe(records.filter((s) => s.entityId === 'koshe-party').length);
    for (const m of [first, deep, byEntity, range, count, countEntity]) expect(m.median).toBeLessThan(BUDGET_MS);

    // The page really is sorted newest event first across the whole set.
    const sorted = [...records].sort((a, b) => (b.eventDate + b.createdAt + b.id).localeCompare(a.eventDate + a.createdAt + a.id));
    expect(first.value.map((s) => s.id)).toEqual(sorted.slice(0, 100).map((s) => s.id));
    expect(deep.value.map((s) => s.id)).toEqual(sorted.slice(4900, 5000).map((s) => s.id));
  });

  it('exports JSON and CSV and re-imports, with the time printed', async () => {
    const all = await measure('read all for export', () => t.store.all());
    const json = await measure('export JSON', () => exportJson(all.value, '2024-05-01T00:00:00.000Z'));
    const csv = await measure('export CSV', () => exportCsv(all.value));
    console.log(`export sizes: JSON ${(json.value.length / 1e6).toFixed(1)} MB, CSV ${(csv.value.length / 1e6).toFixed(1)} MB`);
    const other = await freshStore('scale-import');
    const imported = await timed(() => importJson(other.store, json.value));
    console.log(`import ${N} records (validate + one transaction): ${imported.ms.toFixed(0)} ms`);
    expect(imported.value).toEqual({ imported: N, skipped: 0 });
    expect(all.median + json.median).toBeLessThan(2000);
  });
});
