// Export to JSON and CSV, and import of JSON: round trip, escaping, and every kind of bad file refused whole.
import { describe, expect, it } from 'vitest';
import { csvField, exportCsv, exportJson } from '../../../lib/sightings/export.ts';
import { ImportError, MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS, importJson, parseImport } from '../../../lib/sightings/import.ts';
import type { Sighting } from '../../../lib/sightings/schema.ts';
import { freshStore, makeSightings, snapshot, testId } from './helpers.ts';

const T1 = '2024-05-01T10:00:00.000Z';
const T2 = '2024-06-01T10:00:00.000Z';

function fileWith(sightings: unknown[], over: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'central-asia-context.sightings', version: 1, exportedAt: T1, sightings, ...over });
}

describe('JSON export → import → export', () => {
  it('is byte-identical apart from exportedAt', async () => {
    const records = makeSightings(300, 7);
    const a = await freshStore('a');
    await a.store.addMany(records);
    const first = exportJson(await a.store.all(), T1);

    const b = await freshStore('b');
    expect(await importJson(b.store, first)).toEqual({ imported: 300, skipped: 0 });
    const second = exportJson(await b.store.all(), T2);
    expect(second).toBe(first.replace(`"exportedAt": "${T1}"`, `"exportedAt": "${T2}"`));
    expect(second).not.toBe(first);
  });

  it('writes keys in the documented order whatever the input order', () => {
    const s = makeSightings(1)[0];
    const shuffled = Object.fromEntries(Object.entries(s).reverse()) as Sighting;
    expect(exportJson([shuffled], T1)).toBe(exportJson([s], T1));
    const keys = Object.keys(JSON.parse(exportJson([s], T1)) as object);
    expect(keys).toEqual(['format', 'version', 'exportedAt', 'sightings']);
    const rec = (JSON.parse(exportJson([{ ...s, place: 'x', note: 'y' }], T1)) as { sightings: object[] }).sightings[0];
    const order = Object.keys(rec);
    expect(order.indexOf('id')).toBe(0);
    expect(order.indexOf('place')).toBeLessThan(order.indexOf('note'));
    expect(order.at(-1)).toBe('updatedAt');
  });

  it('re-importing the same file duplicates nothing', async () => {
    const { store } = await freshStore();
    const file = exportJson(makeSightings(20), T1);
    expect(await importJson(store, file)).toEqual({ imported: 20, skipped: 0 });
    expect(await importJson(store, file)).toEqual({ imported: 0, skipped: 20 });
    expect(await store.count()).toBe(20);
  });

  it('a record differing only in send state counts as already present', async () => {
    const { store } = await freshStore();
    const [s] = makeSightings(1);
    await importJson(store, fileWith([{ ...s, sendState: 'local', sentAt: undefined, sendError: undefined }]));
    expect(await importJson(store, fileWith([{ ...s, sendState: 'sent', sentAt: T1, sendError: undefined }]))).toEqual({ imported: 0, skipped: 1 });
  });

  it('same id with different content: the whole import is refused, naming the record', async () => {
    const { db, store } = await freshStore();
    const records = makeSightings(10);
    await importJson(store, fileWith([records[3]]));
    const before = await snapshot(db);
    const edited = records.map((r, i) => (i === 3 ? { ...r, note: 'edited elsewhere' } : r));
    const err = await importJson(store, fileWith(edited)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ path: 'sightings[3]' });
    expect((err as Error).message).toMatch(/^sightings\[3\]: a different sighting with the same id/);
    expect(await snapshot(db)).toBe(before);
  });

  it('a queued sighting is exported as local (the outbox is not in the file)', () => {
    const [s] = makeSightings(1);
    const out = JSON.parse(exportJson([{ ...s, sendState: 'queued', sentAt: undefined, sendError: 'HTTP 503' }], T1)) as { sightings: Sighting[] };
    expect(out.sightings[0].sendState).toBe('local');
    expect(out.sightings[0].sendError).toBeUndefined();
  });

  it('imports watched names into the watch list', async () => {
    const { store } = await freshStore();
    const [s] = makeSightings(1);
    await importJson(store, fileWith([{ ...s, entityId: undefined, watchName: 'New Person', entityName: 'New Person' }]));
    expect((await store.watchlist()).map((w) => w.name)).toEqual(['New Person']);
  });
});

describe('CSV export', () => {
  const base = makeSightings(1)[0];

  it('escapes per RFC 4180: quotes doubled, fields with comma, quote, CR or LF quoted', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvField('')).toBe('');
  });

  it('defuses spreadsheet formulas', () => {
    for (const bad of ['=SUM(A1)', '+1', '-1+2', '@cmd', '\tx', '\rx']) expect(csvField(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('starts with a UTF-8 BOM and a header, ends every row with CRLF, keeps Cyrillic', () => {
    const csv = exportCsv([{ ...base, entityName: 'Бахытжан Торегожина', quote: 'Он сказал: "нет",\nи ушёл', note: '-5' }]);
    expect(csv.startsWith('\uFEFFid,entityId,watchName,entityName,kind,eventDate,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv).toContain(',Бахытжан Торегожина,');
    expect(csv).toContain(',"Он сказал: ""нет"",\nи ушёл",');
    expect(csv).toContain(`,'-5,`);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('parses back into the same fields with a minimal RFC 4180 reader', () => {
    const rows = parseCsv(exportCsv(makeSightings(50, 3)).slice(1));
    expect(rows).toHaveLength(51);
    for (const r of rows) expect(r).toHaveLength(17);
  });
});

/** A strict RFC 4180 reader, independent of the writer, to check the output is well formed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; }
    else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) throw new Error('last row without CRLF');
  return rows;
}

describe('malformed imports', () => {
  const good = makeSightings(15, 11);

  async function refused(file: string | Uint8Array, path: string, message?: RegExp) {
    const { db, store } = await freshStore();
    await store.addMany(good.slice(0, 3));
    const before = await snapshot(db);
    const err = await importJson(store, file).catch((e: unknown) => e);
    expect(err, `expected an ImportError at ${path}`).toBeInstanceOf(ImportError);
    expect((err as ImportError).path).toBe(path);
    if (message) expect((err as ImportError).message).toMatch(message);
    expect(await snapshot(db)).toBe(before);
  }

  it('names the record and field of a bad date', async () => {
    const bad = good.map((s, i) => (i === 12 ? { ...s, eventDate: '2024-02-30' } : s));
    await refused(fileWith(bad), 'sightings[12].eventDate', /^sightings\[12\]\.eventDate: expected YYYY-MM-DD$/);
  });

  it('refuses files that are not JSON, not objects, or not this format or version', async () => {
    await refused('', '$', /not valid JSON/);
    await refused('{"format": ', '$', /not valid JSON/);
    await refused('[]', '$', /expected an object/);
    await refused('null', '$');
    await refused(fileWith(good, { format: 'something-else' }), 'format');
    await refused(JSON.stringify({ version: 1, exportedAt: T1, sightings: [] }), 'format', /missing/);
    await refused(fileWith(good, { version: 2 }), 'version', /newer/);
    await refused(fileWith(good, { version: '1' }), 'version', /unsupported/);
    await refused(fileWith(good, { version: 0 }), 'version');
    await refused(fileWith(good, { extra: true }), 'extra', /unknown field/);
    await refused(fileWith(good, { exportedAt: 'today' }), 'exportedAt');
    await refused(fileWith(good, { sightings: {} }), 'sightings', /expected an array/);
  });

  it('refuses __proto__, constructor and prototype keys anywhere, without polluting anything', async () => {
    const text = fileWith(good);
    await refused(text.replace('{', '{"__proto__": {"polluted": true},'), '__proto__', /forbidden key "__proto__"/);
    await refused(text.replace('"kind"', '"constructor": {"prototype": {"x": 1}}, "kind"'), 'sightings[0].constructor');
    await refused(text.replace('"kind"', '"\\u005f_proto__": 1, "kind"'), 'sightings[0].__proto__');
    const nested = good.map((s, i) => (i === 4 ? { ...s, note: 'x' } : s));
    await refused(fileWith(nested).replace('"note":"x"', '"note": {"a": [{"prototype": 1}]}'), 'sightings[4].note.a[0].prototype');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses duplicate ids inside the file', async () => {
    const dup = good.map((s, i) => (i === 9 ? { ...s, id: good[2].id } : s));
    await refused(fileWith(dup), 'sightings[9].id', /duplicate of sightings\[2\]\.id/);
  });

  it('refuses links that are not http(s)', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://x.org/', ' https://x.org', 'https://x.org/a b']) {
      await refused(fileWith(good.map((s, i) => (i === 1 ? { ...s, url } : s))), 'sightings[1].url', /http\(s\)/);
    }
  });

  it('refuses strings over the limits, wrong types, missing and unknown fields', async () => {
    const at = (i: number, patch: Record<string, unknown>) => fileWith(good.map((s, j) => (j === i ? { ...s, ...patch } : s)));
    await refused(at(0, { quote: 'я'.repeat(2001) }), 'sightings[0].quote', /longer than 2000/);
    await refused(at(0, { note: 'x'.repeat(5001) }), 'sightings[0].note');
    await refused(at(0, { entityName: 'x'.repeat(301) }), 'sightings[0].entityName');
    await refused(at(0, { url: `https://x.org/${'a'.repeat(2048)}` }), 'sightings[0].url', /longer than 2048/);
    await refused(at(5, { kind: 'murdered' }), 'sightings[5].kind');
    await refused(at(5, { private: 'yes' }), 'sightings[5].private');
    await refused(at(5, { createdAt: 1700000000000 }), 'sightings[5].createdAt');
    await refused(at(5, { entityName: undefined }), 'sightings[5].entityName', /missing/);
    await refused(at(5, { html: '<b>' }), 'sightings[5].html', /unknown field/);
    await refused(at(5, { entityName: 'a\u0000b' }), 'sightings[5].entityName');
    await refused(at(6, { id: 'not-a-uuid' }), 'sightings[6].id');
    await refused(fileWith([...good.slice(0, 2), 42]), 'sightings[2]', /expected an object/);
  });

  it('refuses files over 20 MB and over 100,000 records', async () => {
    const big = fileWith(good).replace('"sightings"', `"pad": "${'x'.repeat(MAX_IMPORT_BYTES)}", "sightings"`);
    await refused(big, '$', /limit is 20\.0 MB/);
    await refused(new Uint8Array(MAX_IMPORT_BYTES + 1), '$', /limit is 20\.0 MB/);
    const many = `{"format":"central-asia-context.sightings","version":1,"exportedAt":"${T1}","sightings":[${'0,'.repeat(MAX_IMPORT_RECORDS)}0]}`;
    await refused(many, 'sightings', /limit is 100000/);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = new TextEncoder().encode(fileWith(good));
    bytes[40] = 0xff;
    await refused(bytes, '$', /not UTF-8/);
  });

  it('accepts bytes with a BOM, and HTML in text fields as plain text', async () => {
    const { store } = await freshStore();
    const file = fileWith([{ ...good[0], note: '<script>alert(1)</script>' }]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(file)]);
    expect(await importJson(store, bytes)).toEqual({ imported: 1, skipped: 0 });
    expect((await store.get(good[0].id))?.note).toBe('<script>alert(1)</script>');
    expect(parseImport(file).sightings).toHaveLength(1);
    expect(testId(1)).toMatch(/^0{8}-/);
  });
});
