// The annotate command line as researchers use it: JSON lines, offsets into the text it reads, HTML pages with their
// hints and charsets, legacy encodings, and bad input that gets a clear message and an exit code, never a stack trace.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeInput, declaredCharset, DecodeError } from '../../../scripts/decode-input.ts';
import { htmlPage } from '../../../scripts/html-text.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

interface Run { code: number; out: string; err: string }

function annotate(args: string[], input?: Buffer | string): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/annotate.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr.replace(/^npm warn.*\n/gm, '') };
}

interface Line { file: string; mentions: { start: number; end: number; id: string; type: string; surface: string }[] }
const lines = (out: string): Line[] => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

/** An encoder for the legacy Cyrillic code pages (TextEncoder writes UTF-8 only): by inverting TextDecoder's table. */
function encodeLegacy(text: string, label: string): Buffer {
  const dec = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${ch} not in ${label}`);
    return b;
  }));
}

let dir = '';
const at = (name: string): string => join(dir, name);
const RU = 'Суд над Мухтаром Аблязовым начался. Токаев промолчал.';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'annotate-'));
  writeFileSync(at('ru.txt'), RU);
  writeFileSync(at('plain.txt'), 'Nothing here but the weather in Lisbon.');
  writeFileSync(at('utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RU, 'utf16le')]));
  writeFileSync(at('koi8.txt'), encodeLegacy(RU, 'koi8-r'));
  writeFileSync(at('binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]));
  const page = (head: string, body: string): string => `<!doctype html><html lang="ru"><head>${head}<title>Новости</title></head><body><nav><a href="/">Главная</a></nav><article>${body}</article></body></html>`;
  // An offence described in words, with no country named: only the site's address says whose it is.
  const charge = '<p>Активиста обвинили в разжигании социальной розни и приговорили к пяти годам.</p>';
  writeFileSync(at('charge-vlast.html'), page('<link rel="canonical" href="https://vlast.kz/politika/123.html">', charge));
  writeFileSync(at('charge-none.html'), page('', charge));
  writeFileSync(at('cp1251.html'), encodeLegacy(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', `<p>Суд над <b>Мухтаром</b> <i>Аблязовым</i> начался.</p>`), 'windows-1251'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('annotate CLI', () => {
  it('prints one JSON line per file, the file as given, offsets into its text', () => {
    const r = annotate(['--lang', 'ru', at('ru.txt'), at('plain.txt')]);
    expect(r.code).toBe(0);
    const [a, b] = lines(r.out);
    expect(a!.file).toBe(at('ru.txt'));
    expect(a!.mentions.map((m) => m.id)).toEqual(['mukhtar-ablyazov', 'kassym-jomart-tokayev']);
    for (const m of a!.mentions) expect(RU.slice(m.start, m.end)).toBe(m.surface);
    expect(b).toEqual({ file: at('plain.txt'), mentions: [] });
  });

  it('reads stdin for -', () => {
    const r = annotate(['-'], RU);
    expect(r.code).toBe(0);
    expect(lines(r.out)[0]!.mentions.map((m) => m.id)).toEqual(['mukhtar-ablyazov', 'kassym-jomart-tokayev']);
  });

  it('reduces HTML to blocks; the offsets index the text --text prints; the page address and language are the hints', () => {
    const text = annotate(['--text', at('charge-vlast.html')]);
    expect(text.code).toBe(0);
    expect(text.out.split('\n\n')).toEqual(['Новости', 'Главная', 'Активиста обвинили в разжигании социальной розни и приговорили к пяти годам.']);
    const withSite = lines(annotate([at('charge-vlast.html')]).out)[0]!;
    expect(withSite.mentions.map((m) => [m.id, text.out.slice(m.start, m.end)])).toEqual([['kz-cc-174', 'разжигании социальной розни']]);
    // The same page saved without its address has no Central Asian signal, so the offence stays unmarked.
    expect(lines(annotate([at('charge-none.html')]).out)[0]!.mentions).toEqual([]);
    // An address on the command line overrides the page's own.
    expect(lines(annotate(['--url', 'https://example.org/', at('charge-vlast.html')]).out)[0]!.mentions).toEqual([]);
  });

  it('decodes a windows-1251 page by its declared charset, UTF-16 by its byte-order mark, KOI8-R when named', () => {
    const page = lines(annotate([at('cp1251.html')]).out)[0]!;
    expect(page.mentions.map((m) => [m.id, m.surface])).toEqual([['mukhtar-ablyazov', 'Мухтаром Аблязовым']]);
    expect(lines(annotate([at('utf16.txt')]).out)[0]!.mentions.map((m) => m.id)).toEqual(['mukhtar-ablyazov', 'kassym-jomart-tokayev']);
    const koi = annotate(['--encoding', 'koi8-r', at('koi8.txt')]);
    expect(koi.code).toBe(0);
    expect(lines(koi.out)[0]!.mentions.map((m) => m.id)).toEqual(['mukhtar-ablyazov', 'kassym-jomart-tokayev']);
  });

  it('refuses bad files with a message on stderr and exit 1, still annotating the good ones', () => {
    const r = annotate([at('koi8.txt'), at('missing.txt'), at('binary.bin'), dir, at('ru.txt')]);
    expect(r.code).toBe(1);
    expect(lines(r.out).map((l) => l.file)).toEqual([at('ru.txt')]);
    expect(r.err).toContain(`${at('koi8.txt')}: not UTF-8 text (give its encoding with --encoding`);
    expect(r.err).toContain(`${at('missing.txt')}: no such file`);
    expect(r.err).toContain(`${at('binary.bin')}: binary file, not text`);
    expect(r.err).toContain(`${dir}: is a directory`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses bad options with the usage and exit 2', () => {
    for (const args of [['--lang', 'fr', at('ru.txt')], ['--encoding', 'martian', at('ru.txt')], ['--frobnicate'], []]) {
      const r = annotate(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('usage: annotate');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('lists every entry with --entities', () => {
    const r = annotate(['--entities']);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; type: string; country: string; names: string[] });
    expect(rows.length).toBeGreaterThan(300);
    const ablyazov = rows.find((e) => e.id === 'mukhtar-ablyazov')!;
    expect(ablyazov).toMatchObject({ type: 'person', country: 'KZ' });
    expect(ablyazov.names).toEqual(expect.arrayContaining(['Mukhtar Ablyazov', 'Мухтар Аблязов']));
    expect(new Set(rows.map((e) => e.id)).size).toBe(rows.length);
  });
});

describe('input decoding', () => {
  it('finds the charset of either meta form, and nothing in a page without one', () => {
    expect(declaredCharset(Buffer.from('<html><head><meta charset="Windows-1251">'))).toBe('windows-1251');
    expect(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r" />'))).toBe('koi8-r');
    expect(declaredCharset(Buffer.from('<html><head><title>charset</title>'))).toBeNull();
  });

  it('lets a UTF-8 byte-order mark win over a declared charset, and refuses an unknown one', () => {
    const page = '<meta charset="windows-1251"><p>Аблязов</p>';
    expect(decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)]), { html: true })).toBe(page);
    expect(() => decodeInput(Buffer.from('<meta charset="x-martian"><p>a</p>'), { html: true })).toThrow(DecodeError);
  });

  it('reads the page language and only an absolute web address', () => {
    expect(htmlPage('<html lang="KK"><head><meta property="og:url" content="https://azattyq.org/a/1.html"></head><body><p>x</p></body></html>')).toEqual({ blocks: ['x'], lang: 'kk', url: 'https://azattyq.org/a/1.html' });
    expect(htmlPage('<html><head><link rel="canonical" href="/a/1.html"></head><body><p>y</p></body></html>').url).toBeNull();
    expect(htmlPage('<p>fragment</p>')).toEqual({ blocks: ['fragment'], lang: '', url: null });
  });
});
