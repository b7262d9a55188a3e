// The word cache changes nothing but speed: a cached scan gives exactly the raw hits of the plain scan, in the same order.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadDataset, ROOT } from '../../../scripts/compile-dictionary.ts';
import { loadFixtures, segmentsOf } from '../../../scripts/eval.ts';
import { compileMatcher } from '../../../lib/detect/index.ts';
import { Trie, newRawHits, type RawHits } from '../../../lib/detect/matcher.ts';
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
