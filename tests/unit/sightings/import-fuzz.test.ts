// Import fuzzing: over 1,000 broken or mutated files; each must be refused with a located error and write nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../../lib/sightings/export.ts';
import { ImportError, MAX_IMPORT_BYTES, importJson } from '../../../lib/sightings/import.ts';
import { LIMITS, SIGHTING_KEYS, type Sighting } from '../../../lib/sightings/schema.ts';
import { freshStore, makeSightings, rng, snapshot, type TestStore } from './helpers.ts';

const SEED = 20240501;
const T1 = '2024-05-01T10:00:00.000Z';
const RECORDS = makeSightings(25, 99);
const PRESENT = 5; // the store already holds the first five, so "skip" paths run too

type Expect = { path: string } | { prefix: string };
interface Case {
  kind: string;
  file: string | Uint8Array;
  expect: Expect;
}

const MAX_OF: Partial<Record<keyof Sighting, number>> = {
  entityId: LIMITS.entityId, watchName: LIMITS.name, entityName: LIMITS.name, place: LIMITS.place,
  url: LIMITS.url, pageTitle: LIMITS.pageTitle, quote: LIMITS.quote, note: LIMITS.note, sendError: LIMITS.sendError,
};
const WRONG_FOR_STRING: unknown[] = [0, 1.5, -1, null, true, false, [], {}, ['x'], { a: 1 }];
const WRONG_FOR_BOOLEAN: unknown[] = [null, 'true', 1, 0, [], {}, 'yes'];
const CONTROL_BYTES = [0x00, 0x01, 0x02, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x10, 0x1b, 0x1f];
const BAD_UTF8 = [0xff, 0xfe, 0xc0, 0xc1, 0xf8];

function doc(sightings: unknown[], over: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'central-asia-context.sightings', version: 1, exportedAt: T1, sightings, ...over };
}
const text = (d: unknown) => JSON.stringify(d, null, 2);

function generate(count: number): Case[] {
  const r = rng(SEED);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const base = exportJson(RECORDS, T1);
  const lastBrace = base.lastIndexOf('}');
  const withRecord = (i: number, patch: Record<string, unknown>) =>
    text(doc(RECORDS.map((s, j) => (j === i ? { ...s, ...patch } : s))));

  const makers: Record<string, () => Case> = {
    truncated: () => ({ kind: 'truncated', file: base.slice(0, int(lastBrace)), expect: { path: '$' } }),
    wrongType: () => {
      const i = int(RECORDS.length);
      const f = pick(SIGHTING_KEYS);
      const value = f === 'private' ? pick(WRONG_FOR_BOOLEAN) : pick(WRONG_FOR_STRING);
      return { kind: 'wrongType', file: withRecord(i, { [f]: value }), expect: { path: `sightings[${i}].${f}` } };
    },
    hugeString: () => {
      const i = int(RECORDS.length);
      const f = pick(SIGHTING_KEYS.filter((k) => k !== 'private'));
      const max = MAX_OF[f] ?? 100;
      const filler = pick(['x', 'я', '"', '\\', '\n', '😀']);
      let value = filler.repeat(max + 1 + int(max));
      if (f === 'url') value = `https://example.org/${value}`;
      if (f === 'entityId') value = 'a'.repeat(max + 1 + int(max));
      return { kind: 'hugeString', file: withRecord(i, { [f]: value }), expect: { path: `sightings[${i}].${f}` } };
    },
    forbiddenKey: () => {
      const key = pick(['__proto__', 'constructor', 'prototype']);
      const payload = pick(['{"polluted": true}', '1', 'null', '[]', '{"toString": 1}']);
      const compact = JSON.stringify(doc(RECORDS));
      const where = int(3);
      if (where === 0) {
        return { kind: 'forbiddenKey', file: compact.replace('{', `{"${key}": ${payload},`), expect: { path: key } };
      }
      const i = int(RECORDS.length);
      const id = RECORDS[i].id;
      if (where === 1) {
        return { kind: 'forbiddenKey', file: compact.replace(`{"id":"${id}"`, `{"${key}": ${payload}, "id":"${id}"`), expect: { path: `sightings[${i}].${key}` } };
      }
      return {
        kind: 'forbiddenKey',
        file: compact.replace(`{"id":"${id}"`, `{"id":"${id}", "extra": {"a": [{"${key}": ${payload}}]}`),
        expect: { path: `sightings[${i}].extra.a[0].${key}` },
      };
    },
    duplicateId: () => {
      const i = int(RECORDS.length - 1);
      const j = i + 1 + int(RECORDS.length - 1 - i);
      return { kind: 'duplicateId', file: withRecord(j, { id: RECORDS[i].id }), expect: { path: `sightings[${j}].id` } };
    },
    wrongVersion: () => {
      if (r() < 0.25) {
        const format = pick(['central-asia-context.sighting', '', 'CENTRAL-ASIA-CONTEXT.SIGHTINGS', null, 1, undefined]);
        return { kind: 'wrongVersion', file: text(doc(RECORDS, { format })), expect: { path: 'format' } };
      }
      const version = pick([0, 2, 3, 99, -1, 1.5, '1', null, true, [], {}, undefined, 1e308]);
      return { kind: 'wrongVersion', file: text(doc(RECORDS, { version })), expect: { path: 'version' } };
    },
    byteFlip: () => {
      const bytes = new TextEncoder().encode(base);
      const flips = 1 + int(3);
      for (let k = 0; k < flips; k++) bytes[int(bytes.length)] = r() < 0.5 ? pick(CONTROL_BYTES) : pick(BAD_UTF8);
      return { kind: 'byteFlip', file: bytes, expect: { path: '$' } };
    },
    keyFlip: () => {
      // Rename one field of one record by one letter: an unknown field, or a required one missing.
      const i = int(RECORDS.length);
      const keys = Object.keys(RECORDS[i]);
      const k = pick(keys);
      const at = int(k.length);
      const letter = pick([...'abcdefghijklmnopqrstuvwxyzQZ_'].filter((c) => c !== k[at]));
      const renamed = k.slice(0, at) + letter + k.slice(at + 1);
      const rec = Object.fromEntries(Object.entries(RECORDS[i]).map(([key, v]) => [key === k ? renamed : key, v]));
      return { kind: 'keyFlip', file: text(doc(RECORDS.map((s, j) => (j === i ? rec : s)))), expect: { prefix: `sightings[${i}]` } };
    },
    semantic: () => {
      const i = int(RECORDS.length);
      const s = RECORDS[i];
      const options: [Record<string, unknown>, string][] = [
        [{ eventDate: pick(['2023-02-29', '2024-13-01', '2024-1-1', '24-01-01', '2024-01-01T00:00:00Z', '']) }, 'eventDate'],
        [{ url: pick(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://a.b', '//evil.org', 'https://a b', 'vbscript:x', '']) }, 'url'],
        [{ createdAt: pick(['2024-05-01', '2024-05-01 10:00:00', '2024-05-01T25:00:00Z', 'yesterday']) }, 'createdAt'],
        [{ kind: pick(['Mention', 'murder', '', 'arrest']) }, 'kind'],
        [{ sendState: pick(['sending', 'SENT', '']) }, 'sendState'],
        [{ id: pick(['1', 'not-a-uuid', '00000000-0000-4000-8000-00000000000g', '']) }, 'id'],
        [{ entityName: pick(['', '   ', 'a\u0000b', 'line\nbreak', 'bell\u0007']) }, 'entityName'],
        [{ entityId: pick(['Mukhtar Ablyazov', 'UPPER', '-x', 'a--b', '']) }, 'entityId'],
        [s.entityId !== undefined ? { watchName: 'Both Set' } : { entityId: 'both-set' }, s.entityId !== undefined ? 'entityId' : 'entityId'],
        [{ entityId: undefined, watchName: undefined }, 'entityId'],
        [{ sendState: 'sent', sentAt: undefined }, 'sentAt'],
        [{ sendState: 'local', sentAt: T1 }, 'sentAt'],
        [{ quote: 'a\u0001b' }, 'quote'],
      ];
      const [patch, field] = pick(options);
      return { kind: 'semantic', file: withRecord(i, patch), expect: { path: `sightings[${i}].${field}` } };
    },
    shape: () => {
      const options: [string, string][] = [
        [text(RECORDS), '$'],
        [JSON.stringify('a string'), '$'],
        ['42', '$'],
        ['null', '$'],
        ['', '$'],
        ['   ', '$'],
        [text(doc(RECORDS, { sightings: {} })), 'sightings'],
        [text(doc(RECORDS, { sightings: 'none' })), 'sightings'],
        [text(doc(RECORDS, { sightings: null })), 'sightings'],
        [text(doc(RECORDS, { exportedAt: undefined })), 'exportedAt'],
        [text(doc(RECORDS, { exportedAt: 1714557600000 })), 'exportedAt'],
        [text(doc(RECORDS, { extra: 1 })), 'extra'],
        [`${base}garbage`, '$'],
        [base.replace('[', '[,'), '$'],
        [base.replace(/\](\s*)\}\s*$/, ',]$1}'), '$'],
      ];
      const i = int(RECORDS.length);
      options.push([text(doc(RECORDS.map((s, j) => (j === i ? pick([1, 'x', null, [], true]) : s)))), `sightings[${i}]`]);
      const [file, path] = pick(options);
      return { kind: 'shape', file, expect: { path } };
    },
    conflict: () => {
      const i = int(PRESENT);
      return { kind: 'conflict', file: withRecord(i, { note: `changed ${int(1000)}` }), expect: { path: `sightings[${i}]` } };
    },
  };

  const kinds = Object.keys(makers);
  const cases: Case[] = [];
  for (let n = 0; n < count; n++) cases.push(makers[kinds[n % kinds.length]]());
  // Two over-size files are enough: each costs 20 MB of memory.
  cases.push({ kind: 'tooLarge', file: base.replace('"sightings"', `"pad": "${'x'.repeat(MAX_IMPORT_BYTES)}", "sightings"`), expect: { path: '$' } });
  cases.push({ kind: 'tooLarge', file: new Uint8Array(MAX_IMPORT_BYTES + 10), expect: { path: '$' } });
  return cases;
}

describe('import fuzzer', () => {
  let t: TestStore;
  let before: string;

  beforeAll(async () => {
    t = await freshStore('fuzz');
    await t.store.addMany(RECORDS.slice(0, PRESENT));
    before = await snapshot(t.db);
  });

  it('the unmutated file is accepted (so the refusals below are caused by the mutations)', async () => {
    const other = await freshStore('control');
    await other.store.addMany(RECORDS.slice(0, PRESENT));
    expect(await importJson(other.store, exportJson(RECORDS, T1))).toEqual({ imported: RECORDS.length - PRESENT, skipped: PRESENT });
  });

  it('refuses every one of 1,200+ broken files with a located ImportError and leaves the store unchanged', async () => {
    const cases = generate(1210);
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const tally = new Map<string, number>();
    const started = performance.now();
    for (const [n, c] of cases.entries()) {
      const label = `case ${n} (${c.kind}, seed ${SEED})`;
      const err = await importJson(t.store, c.file).then(
        (ok) => new Error(`${label}: imported ${JSON.stringify(ok)}`),
        (e: unknown) => e,
      );
      if (!(err instanceof ImportError)) throw new Error(`${label}: expected ImportError, got ${String(err)}`);
      if ('path' in c.expect) expect(err.path, label).toBe(c.expect.path);
      else expect(err.path.startsWith(c.expect.prefix), `${label}: ${err.path}`).toBe(true);
      expect(err.message, label).toBe(`${err.path}: ${err.reason}`);
      expect(err.reason.length, label).toBeGreaterThan(3);
      expect(await snapshot(t.db), label).toBe(before);
      tally.set(c.kind, (tally.get(c.kind) ?? 0) + 1);
    }
    const ms = performance.now() - started;
    console.log(`import fuzz: ${cases.length} files refused in ${ms.toFixed(0)} ms:`, Object.fromEntries(tally));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
