// The detection engine under fuzzing: random Unicode, mixed scripts, lone surrogates, a 1 MB line and long runs of an
// alias's prefix never throw, every mention points at real text, and time grows linearly with the input.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { compileMatcher, loadMatcher, type CompiledMatcher, type Detector, type Mention } from '../../lib/detect/index.ts';
import { loadDataset } from '../../lib/data/load.ts';

const SEED = 0x5eed2026;
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names the real dataset holds, in the three scripts (the fuzzer splices them into noise). */
const NAMES = [
  'Mukhtar Ablyazov', 'Ablyazov', 'Kassym-Jomart Tokayev', 'Tokayev', 'Nursultan Nazarbayev', 'Democratic Choice of Kazakhstan',
  'Мухтар Аблязов', 'Аблязова', 'Назарбаев', 'Назарбаевтың', 'Токаев', 'Демократический выбор Казахстана', 'ДВК',
  'Мұхтар Әблязов', 'Тоқаевқа', 'Article 405 of the Criminal Code', 'статья 174 УК', 'Koshe', 'Oyan Qazaqstan', 'Emomali Rahmon',
];

/** Code points from every corner: ASCII, Latin-1, Cyrillic, Kazakh letters, Arabic, Hebrew, CJK, combining marks, controls, format characters, emoji. */
const RANGES: [number, number][] = [
  [0x20, 0x7e], [0x00, 0x1f], [0xa0, 0xff], [0x400, 0x4ff], [0x4d8, 0x4e9], [0x600, 0x6ff], [0x590, 0x5ff], [0x4e00, 0x4e80],
  [0x300, 0x36f], [0x200b, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069], [0xfe00, 0xfe0f], [0xfff0, 0xffff], [0x1f600, 0x1f64f], [0x10000, 0x10100],
  [0xd800, 0xdfff], // lone surrogates, as String.fromCharCode makes them
];

function randomUnicode(r: () => number, len: number): string {
  let s = '';
  while (s.length < len) {
    const [lo, hi] = RANGES[Math.floor(r() * RANGES.length)];
    const cp = lo + Math.floor(r() * (hi - lo + 1));
    s += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    if (r() < 0.15) s += ' ';
  }
  return s;
}

/** A name with a few mutations: homoglyphs across scripts, case, combining marks, zero-width and lone surrogates inside. */
function mutate(r: () => number, name: string): string {
  const HOMO: Record<string, string> = { a: 'а', o: 'о', e: 'е', c: 'с', p: 'р', x: 'х', A: 'А', K: 'К', M: 'М', T: 'Т', H: 'Н', а: 'a', о: 'o', е: 'e' };
  const inserts = ['\u0301', '\u200b', '\u00ad', '\ud800', '\udfff', '\u202e', '\u0000', '-', '\u00a0', '\n'];
  let out = '';
  for (const ch of name) {
    const x = r();
    if (x < 0.05 && HOMO[ch]) out += HOMO[ch];
    else if (x < 0.08) out += ch.toUpperCase();
    else if (x < 0.1) out += ch.toLowerCase();
    else out += ch;
    if (r() < 0.03) out += inserts[Math.floor(r() * inserts.length)];
  }
  return out;
}

function checkMentions(segments: string[], mentions: Mention[], label: string): void {
  for (const m of mentions) {
    expect(m.segment, label).toBeGreaterThanOrEqual(0);
    expect(m.segment, label).toBeLessThan(segments.length);
    const seg = segments[m.segment];
    expect(Number.isInteger(m.start) && Number.isInteger(m.end), label).toBe(true);
    expect(m.start, label).toBeGreaterThanOrEqual(0);
    expect(m.end, label).toBeGreaterThan(m.start);
    expect(m.end, label).toBeLessThanOrEqual(seg.length);
    expect(typeof m.entityId, label).toBe('string');
  }
}

let detector: Detector;
let source = '';

beforeAll(() => {
  const file = 'data/compiled/matcher.json';
  if (existsSync(file)) {
    detector = loadMatcher(JSON.parse(readFileSync(file, 'utf8')) as CompiledMatcher);
    source = file;
  } else {
    detector = loadMatcher(compileMatcher(loadDataset().entries));
    source = 'data/entities (compiled here)';
  }
  console.log(`detect fuzz: dataset from ${source}, ${detector.entityIds().length} entities`);
});

describe('detection fuzzing', () => {
  it('the clean names are found (so the fuzz below exercises real matches)', () => {
    const { mentions } = detector.scan(['Allies of Mukhtar Ablyazov met. Сторонники Мухтара Аблязова.'], { lang: 'en' });
    expect(mentions.map((m) => m.entityId)).toContain('mukhtar-ablyazov');
  });

  it('2,000 random Unicode segments, with names spliced in and mutated, never throw and give well-formed mentions', () => {
    const r = rng(SEED);
    let mentions = 0;
    const started = performance.now();
    for (let n = 0; n < 2000; n++) {
      const parts: string[] = [];
      const pieces = 1 + Math.floor(r() * 6);
      for (let k = 0; k < pieces; k++) {
        parts.push(randomUnicode(r, Math.floor(r() * 200)));
        if (r() < 0.7) {
          const name = NAMES[Math.floor(r() * NAMES.length)];
          parts.push(r() < 0.5 ? name : mutate(r, name));
        }
      }
      const segments = [parts.join(r() < 0.5 ? ' ' : ''), randomUnicode(r, 40), ''];
      const lang = ['en', 'ru', 'kk', 'auto', '', 'x'.repeat(50), '\ud800'][Math.floor(r() * 7)];
      const url = ['https://www.azattyq.org/a', 'https://kloop.kg/%E0%A4%A', 'not a url', 'javascript:alert(1)', undefined][Math.floor(r() * 5)];
      const label = `case ${n} (seed ${SEED})`;
      let result;
      try {
        result = detector.scan(segments, { lang, url });
      } catch (err) {
        throw new Error(`${label}: threw ${String(err)} on ${JSON.stringify(segments[0].slice(0, 200))}`);
      }
      checkMentions(segments, result.mentions, label);
      mentions += result.mentions.length;
    }
    console.log(`detect fuzz: 2,000 random segments in ${(performance.now() - started).toFixed(0)} ms, ${mentions} mentions`);
    expect(mentions).toBeGreaterThan(100);
  });

  it('lone surrogates, controls and format characters around and inside a name never throw', () => {
    const around = ['\ud800', '\udc00', '\udbff\udbff', '\u0000', '\u202e', '\ufeff', '\u0301', '\ufffd', '\uffff', '\u2028'];
    for (const a of around) {
      for (const name of NAMES) {
        const segs = [`${a}${name}${a}`, `${name.slice(0, 3)}${a}${name.slice(3)}`, a.repeat(1000), `${a} ${name} ${a}`];
        const { mentions } = detector.scan(segs, { lang: 'auto' });
        checkMentions(segs, mentions, `${JSON.stringify(a)} ${name}`);
      }
    }
    // Not strings at all (a page hands the content script anything): no throw.
    expect(() => detector.scan([undefined, null, 5, {}] as unknown as string[])).not.toThrow();
  });

  it('a 1 MB line of mixed-script text with names in it never throws and finds the names', () => {
    const r = rng(SEED + 1);
    const parts: string[] = [];
    let len = 0;
    let planted = 0;
    while (len < 1_000_000) {
      const p = r() < 0.1 ? 'Mukhtar Ablyazov' : randomUnicode(r, 80);
      if (p === 'Mukhtar Ablyazov') planted++;
      parts.push(p);
      len += p.length + 1;
    }
    const line = parts.join(' ');
    const t0 = performance.now();
    const { mentions } = detector.scan([line], { lang: 'en' });
    const ms = performance.now() - t0;
    checkMentions([line], mentions, '1 MB line');
    const found = mentions.filter((m) => m.entityId === 'mukhtar-ablyazov').length;
    console.log(`detect fuzz: a ${(line.length / 1e6).toFixed(2)} M-unit line in ${ms.toFixed(0)} ms, ${found} of ${planted} planted names found, ${mentions.length} mentions`);
    // The random noise beside a name may fuse with it (a combining mark, a letter): most, not all, stay whole.
    expect(found).toBeGreaterThan(planted * 0.5);
  });

  /** The best of five timings: the scan is synchronous, so noise only adds. */
  function time(text: string): number {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      detector.scan([text], { lang: 'auto' });
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  }

  const RUNS: [string, string, number][] = [
    ['"Ablyazo" (a surname\'s prefix)', 'Ablyazo', 100_000],
    ['"Назарбае" (a Cyrillic surname\'s prefix)', 'Назарбае', 25_000],
    ['"Mukhtar " (a full name\'s first word)', 'Mukhtar ', 25_000],
    ['"Kassym-" (a hyphenated name\'s start)', 'Kassym-', 25_000],
    // Seven ambiguous-alias candidates per repetition, each folding a 500-character window: heavy, so a smaller n.
    ['"Демократический выбор " (a party\'s name without its end)', 'Демократический выбор ', 5_000],
    ['"Article 4" (a law reference without its code)', 'Article 4', 25_000],
    ['"статья " (a Russian article reference)', 'статья ', 25_000],
    ['"Ablyazov " (a whole name repeated)', 'Ablyazov ', 25_000],
    ['"a" (one letter)', 'a', 200_000],
    ['"\\ud800" (lone surrogates)', '\ud800', 200_000],
  ];

  it.each(RUNS)('a long run of %s stays linear: time for 4n is well under 8× the time for n', (label, unit, n) => {
    // n = 100k repetitions for the prefixes the issue names ("Ablyazo" × 100k), then 4n; n grows until the small
    // run takes 15 ms (or reaches a million units: beyond, cache effects dominate), so that timer and scheduler noise
    // (other jobs share this machine) cannot decide the ratio.
    let small = unit.repeat(n);
    time(small); // warm the JIT
    while (time(small) < 15 && small.length * 2 <= 1_000_000) small += small;
    const large = small.repeat(4);
    // Up to three rounds, the best kept: a garbage collection landing in one timing only adds to it.
    let a = 0;
    let b = 0;
    let ratio = Infinity;
    for (let round = 0; round < 3 && ratio >= 4; round++) {
      const ra = time(small);
      const rb = time(large);
      // Under 3 ms a timing is mostly timer and scheduler noise: floored there (a quadratic run is far slower).
      const r = rb / Math.max(ra, 3);
      if (r < ratio) [a, b, ratio] = [ra, rb, r];
    }
    console.log(`detect fuzz: ${label}: n=${small.length / unit.length} (${small.length} units) ${a.toFixed(1)} ms, 4n (${large.length} units) ${b.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThan(8);
    // And fast in absolute terms: under 2 s for the 4n text.
    expect(b).toBeLessThan(2000);
  });
});
