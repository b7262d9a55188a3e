// The scan's shortcuts change nothing but speed: the word cache and the live-prefix filter give exactly the raw hits of the plain scan, in the same order.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadDataset, ROOT } from '../../../scripts/compile-dictionary.ts';
import { loadFixtures, segmentsOf } from '../../../scripts/eval.ts';
import { compileMatcher } from '../../../lib/detect/index.ts';
import { Trie, newRawHits, decodeLiveFilter, encodeLiveFilter, type RawHits } from '../../../lib/detect/matcher.ts';
import { readReports, reportsDir } from '../../../lib/data/reports.ts';

const compiled = compileMatcher(loadDataset().entries);

function scan(trie: Trie, segs: readonly string[]): RawHits {
  const raw = newRawHits();
  segs.forEach((s, i) => trie.scanSegment(s, i, raw));
  return raw;
}

function plainAndCached(segs: readonly string[]): [RawHits, RawHits] {
  const plain = new Trie(compiled);
  plain.useWordCache = false;
  const cached = new Trie(compiled);
  cached.cacheAfterWords = 0;
  return [scan(plain, segs), scan(cached, segs)];
}

/** A deterministic generator of hostile word soup: names, their endings, hyphens, ignorables, look-alikes, stops. */
function soup(seed: number, words: number): string {
  const names = ['Аблязов', 'Ablyazov', 'QDT', 'ҚДТ', 'Тоқаев', 'Назарбаев', 'Назарбаева', 'Human', 'Rights', 'Watch', 'on', 'the', 'of', 'Article', '405', '174', 'статья', 'бап', 'Көше', 'Kөше', 'партия', 'Nur', 'Otan', 'Демократический', 'выбор', 'Казахстана', 'Mukhtar', 'Мухтар', 'Рахмон', 'Набиев', 'IS', 'UK', 'о', 'порядке'];
  const ends = ['', '', '', 'а', 'ым', 'у', 'тың', 'қа', "'s", '’s', '-мен', '-ның', '-бабы', 'ке', '\u00ad', 'ов'];
  const seps = [' ', ' ', ' ', '  ', ', ', '. ', ' — ', ' «', '» ', ': ', '\u200b', '-', '\u00a0'];
  let x = seed >>> 0;
  const next = (n: number): number => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) % n; };
  let out = '';
  for (let w = 0; w < words; w++) out += names[next(names.length)]! + ends[next(ends.length)]! + seps[next(seps.length)]!;
  return out;
}

/** The scan with the live filter passing every word, and with it as built (both without the word cache). */
function unfilteredAndFiltered(segs: readonly string[]): [RawHits, RawHits] {
  const all = new Trie(compiled);
  all.useWordCache = false;
  all.live.fill(-1);
  const filtered = new Trie(compiled);
  filtered.useWordCache = false;
  return [scan(all, segs), scan(filtered, segs)];
}

describe('live-prefix filter', () => {
  it('skips most words of the reports', () => {
    const dir = reportsDir(ROOT);
    if (!dir) throw new Error('../shared/reports is missing: this test reads the reports');
    const t = new Trie(compiled);
    const words = readReports(dir).flatMap((r) => r.body.match(/[\p{L}\p{N}]+/gu) ?? []);
    let live = 0;
    for (const w of words) {
      const raw = newRawHits();
      t.useWordCache = false;
      t.scanSegment(w, 0, raw);
      if (raw.cand.length + raw.ctx.length + raw.country.length + raw.neg.length + raw.art.length > 0) live++;
    }
    // A filter that let every word through would have all its bits set; this one is sparse.
    const working = t.live.reduce((a, x) => a + popcount(x & 0xaaaaaaaa), 0);
    expect(working / (t.live.length * 16)).toBeLessThan(0.03);
    expect(live).toBeLessThan(words.length / 3);
  });

  it('gives the unfiltered scan\'s hits on every fixture, the reports and word soup', () => {
    const dir = reportsDir(ROOT);
    if (!dir) throw new Error('../shared/reports is missing: this test reads the reports');
    const segs = [
      ...loadFixtures(join(ROOT, 'tests', 'fixtures', 'detect')).flatMap((f) => segmentsOf(f.text).segs),
      ...readReports(dir).flatMap((r) => r.body.split('\n')),
      ...Array.from({ length: 30 }, (_, k) => soup(k + 101, 400)),
    ];
    const [all, filtered] = unfilteredAndFiltered(segs);
    expect(all.cand.length).toBeGreaterThan(1000);
    expect(filtered).toEqual(all);
  });

  it('gives the unfiltered scan\'s hits on every name and alias, plain, inflected and with Latin look-alikes', () => {
    const { entries } = loadDataset();
    const names = [...new Set(entries.flatMap((e) => [e.names.en, e.names.ru, e.names.kk, e.names.kkLatn, ...e.aliases.map((a) => a.text), ...e.ambiguousAliases.map((a) => a.text)]).filter((x): x is string => !!x))];
    const lookalike = (s: string): string => s.replace(/[аеокрсх]/g, (c) => 'aeokpcx'['аеокрсх'.indexOf(c)]!);
    const segs = names.flatMap((n) => [n, `${n}а`, `${n}ым`, `${n}тың`, `${n}-мен`, `${n}'s`, lookalike(n), `${n}.`]);
    const [all, filtered] = unfilteredAndFiltered(segs);
    expect(all.cand.length).toBeGreaterThan(names.length);
    expect(filtered).toEqual(all);
  });
});

describe('live filter in the compiled file', () => {
  it('decodes to exactly the filter the trie builds', () => {
    const { live, ...rest } = compiled;
    expect(live).toBeTypeOf('string');
    const built = new Trie(rest).live;
    expect(built.some((x) => x !== 0)).toBe(true);
    expect(decodeLiveFilter(live!)).toEqual(built);
    expect(decodeLiveFilter(encodeLiveFilter(built))).toEqual(built);
  });

  it('is rebuilt when the field is malformed or made for another size', () => {
    const built = new Trie({ ...compiled, live: undefined }).live;
    for (const bad of ['', 'x', String.fromCharCode(0x300 + 7) + 'Ā', compiled.live!.slice(0, 1) + '\u0041', compiled.live!.slice(0, 1) + 'ȁ', compiled.live! + 'ċȁ'.repeat(1 << 19)]) {
      expect(decodeLiveFilter(bad)).toBeNull();
      expect(new Trie({ ...compiled, live: bad }).live).toEqual(built);
    }
  });
});

function popcount(x: number): number {
  let c = 0;
  for (let v = x >>> 0; v; v &= v - 1) c++;
  return c;
}

describe('word cache', () => {
  it('starts only after the first words of a page', () => {
    const t = new Trie(compiled);
    expect(t.cacheAfterWords).toBeGreaterThan(1000);
  });

  it('gives the plain scan\'s hits on every detection fixture', () => {
    const segs = loadFixtures(join(ROOT, 'tests', 'fixtures', 'detect')).flatMap((f) => segmentsOf(f.text).segs);
    expect(segs.length).toBeGreaterThan(100);
    const [plain, cached] = plainAndCached(segs);
    expect(plain.cand.length).toBeGreaterThan(0);
    expect(cached).toEqual(plain);
  });

  it('gives the plain scan\'s hits on the reports', () => {
    const dir = reportsDir(ROOT);
    if (!dir) throw new Error('../shared/reports is missing: this test reads the reports');
    const segs = readReports(dir).flatMap((r) => r.body.split('\n'));
    const [plain, cached] = plainAndCached([...segs, ...segs]);
    expect(plain.cand.length).toBeGreaterThan(1000);
    expect(cached).toEqual(plain);
  });

  it('gives the plain scan\'s hits on hostile word soup (suffixes, hyphens, ignorables, mixed scripts)', () => {
    const segs = Array.from({ length: 60 }, (_, k) => soup(k + 1, 400));
    const [plain, cached] = plainAndCached(segs);
    expect(plain.cand.length).toBeGreaterThan(100);
    expect(plain.ctx.length + plain.art.length).toBeGreaterThan(0);
    expect(cached).toEqual(plain);
  });
});
