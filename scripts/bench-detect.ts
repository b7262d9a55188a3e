// Benchmarks the detector against a charCodeAt floor, a RegExp alternation of the same aliases and an Aho-Corasick library.
//
//   npm run bench:detect [-- --mb 5] [--json]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import AhoCorasick from 'modern-ahocorasick';
import { loadDataset, COMPILED_FILE } from './compile-dictionary.ts';
import { compileMatcher, loadMatcher, type CompiledMatcher } from '../lib/detect/index.ts';
import { Trie, newRawHits, type RawHits } from '../lib/detect/matcher.ts';
import { readReports, reportsDir } from '../lib/data/reports.ts';
import { ROOT } from './compile-dictionary.ts';

/** Paragraphs used when the reports are not on this machine. */
const BUILT_IN = [
  'The authorities in Kazakhstan detained activists of the Democratic Choice of Kazakhstan, the movement led by Mukhtar Ablyazov, under Article 405 of the Criminal Code. President Kassym-Jomart Tokayev promised reforms.',
  'Власти Казахстана задержали сторонников движения «Демократический выбор Казахстана», которым руководит Мухтар Аблязов. Президент Касым-Жомарт Токаев обещал реформы, а Назарбаев сохранил влияние.',
  'Қазақстан билігі Мұхтар Әблязов басқаратын ҚДТ қозғалысының белсенділерін Қылмыстық кодекстің 405-бабы бойынша ұстады. Президент Қасым-Жомарт Тоқаев реформа жасауға уәде берді.',
  'Weather in the capital was mild this week, with markets steady and the football season about to start; officials met to discuss budgets, schools and roads.',
  'В столице на этой неделе была мягкая погода, рынки оставались стабильными, а чиновники обсуждали бюджеты, школы и дороги.',
];

function corpus(): { reports: string[]; source: string } {
  const dir = reportsDir(ROOT);
  if (!dir) return { reports: BUILT_IN, source: 'built-in paragraphs (REPORTS MISSING)' };
  const paras = readReports(dir).flatMap((r) => r.body.split('\n')).filter((p) => p.trim().length > 0);
  return { reports: paras, source: `${dir} (${paras.length} paragraphs)` };
}

/** A deterministic mix of paragraphs (en, ru, kk) up to `bytes` UTF-16 code units. */
function synthetic(paras: string[], units: number): string[] {
  const out: string[] = [];
  let n = 0;
  let seed = 12345;
  while (n < units) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const p = paras[seed % paras.length]!;
    out.push(p);
    n += p.length;
  }
  return out;
}

function time(fn: () => void, minMs = 300, minRuns = 3): number {
  fn();
  let best = Infinity;
  let runs = 0;
  const t0 = performance.now();
  while (runs < minRuns || performance.now() - t0 < minMs) {
    const a = performance.now();
    fn();
    best = Math.min(best, performance.now() - a);
    runs++;
  }
  return best;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Child mode: a fresh process reads the compiled file, then times its first JSON.parse + loadMatcher and first scan. */
function coldChild(): void {
  const text = readFileSync(COMPILED_FILE, 'utf8');
  const t0 = performance.now();
  const d = loadMatcher(JSON.parse(text) as CompiledMatcher);
  const t1 = performance.now();
  d.scan(BUILT_IN, { lang: 'auto' });
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ loadMs: t1 - t0, firstScanMs: t2 - t1 }) + '\n');
}

/** Cold load in fresh Node processes (median of several): the figure a freshly loaded page sees. */
function coldLoad(runs = 5): { loadMs: number; firstScanMs: number } {
  const loads: number[] = [];
  const scans: number[] = [];
  for (let r = 0; r < runs; r++) {
    try {
      const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--cold-child'], { encoding: 'utf8' });
      const j = JSON.parse(out.trim().split('\n').pop()!) as { loadMs: number; firstScanMs: number };
      loads.push(j.loadMs); scans.push(j.firstScanMs);
    } catch { /* no child process here: skip */ }
  }
  const med = (a: number[]): number => (a.length ? a.sort((x, y) => x - y)[a.length >> 1]! : NaN);
  return { loadMs: med(loads), firstScanMs: med(scans) };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--cold-child')) { coldChild(); return; }
  const mbAt = args.indexOf('--mb');
  const mb = mbAt >= 0 ? Number(args[mbAt + 1]) || 5 : 5;
  const { entries } = loadDataset();
  if (!entries.length) { process.stderr.write('bench: no entries in data/entities\n'); process.exit(1); }

  const tc0 = performance.now();
  const compiled = compileMatcher(entries);
  const compileMs = performance.now() - tc0;
  const json = JSON.stringify(compiled);
  let fileJson = json;
  try { fileJson = readFileSync(COMPILED_FILE, 'utf8'); } catch { /* not built yet: measure the fresh one */ }
  // Load: JSON.parse + decode, first (cold) and best of many (warm).
  const tl0 = performance.now();
  loadMatcher(JSON.parse(fileJson) as CompiledMatcher);
  const loadColdMs = performance.now() - tl0;
  const loadWarmMs = time(() => { loadMatcher(JSON.parse(json) as CompiledMatcher); }, 200);
  const gz = gzipSync(json).length;
  const cold = coldLoad();

  const { reports, source } = corpus();
  const synth = synthetic(reports, mb * 1024 * 1024);
  const aliases = [...new Set(entries.flatMap((e) => [e.names.en, e.names.ru, e.names.kk, e.names.kkLatn, ...e.aliases.map((a) => a.text), ...e.ambiguousAliases.map((a) => a.text)]).filter((x): x is string => !!x))];

  const results: Record<string, unknown> = { entries: entries.length, aliases: aliases.length, compileMs, loadColdMs, loadWarmMs, loadFreshProcessMs: cold.loadMs, firstScanFreshProcessMs: cold.firstScanMs, compiledBytes: json.length, compiledGzipBytes: gz, corpus: source };
  const lines: string[] = [];
  lines.push(`dataset: ${entries.length} entries, ${aliases.length} distinct names and aliases`);
  lines.push(`compile ${compileMs.toFixed(0)} ms; compiled ${(json.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped; load (JSON.parse + decode) cold ${loadColdMs.toFixed(2)} ms, warm ${loadWarmMs.toFixed(2)} ms`);
  lines.push(`load in a fresh process (JSON.parse + loadMatcher, first call, median of 5): ${cold.loadMs.toFixed(2)} ms; first scan of 5 paragraphs ${cold.firstScanMs.toFixed(2)} ms`);
  lines.push(`corpus: ${source}`);

  for (const [label, segs] of [['reports', reports], [`synthetic ${mb} MB`, synth]] as const) {
    const units = segs.reduce((a, s) => a + s.length, 0);
    const mbytes = (units * 2) / 1024 / 1024; // UTF-16 size; MB/s below is per million code units × 2 bytes
    let sink = 0;
    const progress = (what: string): void => { if (args.includes('--progress')) process.stderr.write(`${label}: ${what}\n`); };
    progress('floor');
    const floor = time(() => {
      let sum = 0;
      for (const s of segs) for (let i = 0; i < s.length; i++) sum += s.charCodeAt(i);
      sink += sum;
    });
    progress('match');
    // A fresh matcher for every run: its word cache starts empty, as on a newly opened page.
    const match = time(() => {
      const trie = new Trie(compiled);
      const raw: RawHits = newRawHits();
      for (let i = 0; i < segs.length; i++) trie.scanSegment(segs[i]!, i, raw);
      sink += raw.cand.length;
    });
    let mentions = 0;
    progress('full scan');
    const full = time(() => { mentions = loadMatcher(compiled).scan(segs, { lang: 'auto' }).mentions.length; });
    // RegExp alternation of the same aliases, longest first, whole words, case-insensitive.
    // Word edges as a class of Latin and Cyrillic letters and digits: the \p{L} form with the u flag runs ~50× slower still.
    const W = '0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF';
    const src = `(?<![${W}])(?:${[...aliases].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![${W}])`;
    // The alternation is slow enough that it runs on a sample (the first ~256 K code units) and is prorated.
    const joined = segs.join('\n');
    const sample = joined.slice(0, 256 * 1024);
    const scale = joined.length / sample.length;
    progress('regexp');
    const rc0 = performance.now();
    let reCount = 0;
    const re = new RegExp(src + `(?:)`.repeat(label === 'reports' ? 1 : 2), 'gi'); // distinct source: no cache from a previous run
    for (const _m of sample.matchAll(re)) reCount++;
    const reCold = (performance.now() - rc0) * scale;
    const reWarm = time(() => { let c = 0; for (const _m of sample.matchAll(re)) c++; reCount = c; }, 0, 1) * scale;
    progress('aho-corasick');
    const ac0 = performance.now();
    const ac = new AhoCorasick(aliases.map((a) => a.toLowerCase()));
    const acBuild = performance.now() - ac0;
    let acCount = 0;
    // Per segment, as the content script would call it: on one long string this library's search grows
    // faster than linearly (160 K code units took 43 s here).
    const acWarm = time(() => { let c = 0; for (const sg of segs) c += ac.search(sg.toLowerCase()).length; acCount = c; }, 0, 1);
    const mbs = (ms: number): string => (mbytes / (ms / 1000)).toFixed(1);
    lines.push('');
    lines.push(`${label}: ${(units / 1e6).toFixed(2)} M code units (${mbytes.toFixed(1)} MB as UTF-16), ${segs.length} segments`);
    lines.push(`  floor (charCodeAt sum)           ${floor.toFixed(1).padStart(8)} ms  ${mbs(floor).padStart(7)} MB/s`);
    lines.push(`  detector: fold + match           ${match.toFixed(1).padStart(8)} ms  ${mbs(match).padStart(7)} MB/s  ${(match / floor).toFixed(2)}× floor`);
    lines.push(`  detector: full scan (resolved)   ${full.toFixed(1).padStart(8)} ms  ${mbs(full).padStart(7)} MB/s  ${(full / floor).toFixed(2)}× floor, ${mentions} mentions`);
    lines.push(`  RegExp alternation cold          ${reCold.toFixed(1).padStart(8)} ms  ${mbs(reCold).padStart(7)} MB/s  ${(reCold / full).toFixed(1)}× our time (compile + first run)`);
    lines.push(`  RegExp alternation warm          ${reWarm.toFixed(1).padStart(8)} ms  ${mbs(reWarm).padStart(7)} MB/s  ${(reWarm / full).toFixed(1)}× our time, ${reCount} matches in the sample`);
    lines.push(`  modern-ahocorasick (build ${acBuild.toFixed(0)} ms) ${acWarm.toFixed(1).padStart(8)} ms  ${mbs(acWarm).padStart(7)} MB/s  ${(acWarm / full).toFixed(1)}× our time, ${acCount} matches`);
    results[label.startsWith('reports') ? 'reports' : 'synthetic'] = {
      units, floorMs: floor, matchMs: match, fullMs: full, ratioToFloor: full / floor, matchRatioToFloor: match / floor, mbPerS: mbytes / (full / 1000),
      regexpColdMs: reCold, regexpWarmMs: reWarm, regexpWarmRatio: reWarm / full, regexpColdRatio: reCold / full, ahoMs: acWarm, ahoRatio: acWarm / full, mentions, sink,
    };
  }
  if (args.includes('--json')) process.stdout.write(JSON.stringify(results) + '\n');
  else process.stdout.write(lines.join('\n') + '\n');
}

main();
