// The performance budgets of issue 7, checked on the benchmark's JSON (ratios to the floor of the same run) and on size.json.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchResults, Cell } from './stats.ts';

export const RESULTS_DIR = resolve(import.meta.dirname, 'results');

export interface SizeResults {
  date: string;
  bundles: { build: string; file: string; raw: number; gz: number }[];
  contentScript: { build: string; file: string; raw: number; gz: number; gzMinusDatasetGz: number; gzWithoutDataset: number; datasetFound: boolean }[];
  dataset: { file: string; raw: number; gz: number };
}

export interface BudgetCheck {
  /** Names the budget, the browser, the speed and the page. */
  name: string;
  pass: boolean;
  /** The figures behind the verdict. */
  detail: string;
}

export const LIMITS = {
  walkMatchToFloor: 3,
  fasterThanMarkRegExp: 5,
  fasterThanNaiveCold: 10,
  longestTaskMs: 50,
  incrementalToAlone: 1.5,
  contentGzKB: 40,
  datasetGzKB: 150,
  loadMs: 5,
};

export function readResults(dir = RESULTS_DIR): BenchResults | null {
  const f = join(dir, 'latest.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as BenchResults) : null;
}

export function readSize(dir = RESULTS_DIR): SizeResults | null {
  const f = join(dir, 'size.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as SizeResults) : null;
}

const ms = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? 'no figure' : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const med = (c: Cell | undefined, f: string): number | undefined => c?.fields[f]?.median;
const lb = (c: Cell | undefined): string => (c?.timedOut ? '≥' : '');

export function checkBudgets(r: BenchResults | null, size: SizeResults | null): BudgetCheck[] {
  const out: BudgetCheck[] = [];
  if (!r) out.push({ name: 'benchmark results', pass: false, detail: 'tests/bench/results/latest.json is missing: run `npm run bench`' });
  for (const b of r?.browsers ?? []) {
    if (!b.speeds.length) {
      if (b.name === 'chromium') out.push({ name: 'chromium figures', pass: false, detail: Object.values(b.unavailable).join('; ') || 'none' });
      continue;
    }
    for (const sp of b.speeds) {
      const speed = sp.cpuSlowdown === 1 ? 'normal speed' : `${sp.cpuSlowdown}× throttled`;
      for (const [page, cells] of Object.entries(sp.pages)) {
        const where = `${b.name}, ${speed}, ${page}`;
        const floor = med(cells.floor, 'ms');
        const wm = med(cells.ours, 'walkMatch');
        const total = med(cells.ours, 'total');
        if (cells.floor && cells.ours) {
          const ratio = (wm ?? NaN) / (floor ?? NaN);
          out.push({
            name: `${where}: walk + normalise + match at most ${LIMITS.walkMatchToFloor}× the floor`,
            pass: ratio <= LIMITS.walkMatchToFloor,
            detail: `walk ${ms(med(cells.ours, 'walk'))} + match ${ms(med(cells.ours, 'match'))} = ${ms(wm)} vs floor ${ms(floor)}: ${ratio.toFixed(2)}× (median)`,
          });
        }
        if (cells.markRegExp && cells.ours) {
          const m = med(cells.markRegExp, 'ms');
          const ratio = (m ?? NaN) / (total ?? NaN);
          out.push({
            name: `${where}: at least ${LIMITS.fasterThanMarkRegExp}× faster than mark.js markRegExp, start to next frame`,
            pass: ratio >= LIMITS.fasterThanMarkRegExp,
            detail: `markRegExp ${lb(cells.markRegExp)}${ms(m)} vs ours ${ms(total)}: ${lb(cells.markRegExp)}${ratio.toFixed(1)}× (median)`,
          });
        }
        if (cells.naiveCold && cells.ours) {
          const n = med(cells.naiveCold, 'ms');
          const ours = med(cells.ours, 'loadWalkMatch');
          const ratio = (n ?? NaN) / (ours ?? NaN);
          out.push({
            name: `${where}: at least ${LIMITS.fasterThanNaiveCold}× faster than the naive alternation's cold run`,
            pass: ratio >= LIMITS.fasterThanNaiveCold,
            detail: `naive cold (compile + first run) ${ms(n)} vs ours load + walk + match ${ms(ours)}: ${ratio.toFixed(1)}× (median; against ours to the next frame, ${ms(total)}: ${((n ?? NaN) / (total ?? NaN)).toFixed(1)}×)`,
          });
        }
        if (b.name === 'chromium' && sp.cpuSlowdown === 1 && page === 'synthetic-5mb' && cells.annotator) {
          const worst = cells.annotator.fields.longest?.max;
          out.push({
            name: `${where}: no main-thread task longer than ${LIMITS.longestTaskMs} ms during a full Annotator run`,
            pass: worst !== undefined && worst <= LIMITS.longestTaskMs,
            detail: `longest task over ${cells.annotator.n} runs ${ms(worst)} (median run ${ms(med(cells.annotator, 'longest'))}; 0 = none over 50 ms)`,
          });
        }
        if (sp.cpuSlowdown === 1 && cells.annotator?.fields.loadCold) {
          const load = med(cells.annotator, 'loadCold');
          out.push({
            name: `${where}: loading the compiled dataset at most ${LIMITS.loadMs} ms`,
            pass: load !== undefined && load <= LIMITS.loadMs,
            detail: `JSON.parse + loadMatcher on a freshly loaded page ${ms(load)} (median; p95 ${ms(cells.annotator.fields.loadCold.p95)}; warm, repeated in one page: ${ms(med(cells.ours, 'load'))})`,
          });
        }
        if (cells.incremental && cells.alone) {
          const inc = med(cells.incremental, 'cost');
          const alone = med(cells.alone, 'cost');
          const ratio = (inc ?? NaN) / (alone ?? NaN);
          out.push({
            name: `${where}: 50 appended paragraphs cost at most ${LIMITS.incrementalToAlone}× what they cost alone`,
            pass: ratio <= LIMITS.incrementalToAlone,
            detail: `with the Annotator running ${ms(inc)} (until marked ${ms(med(cells.incremental, 'latency'))}) vs alone ${ms(alone)}: ${ratio.toFixed(2)}× (median)`,
          });
        }
      }
    }
  }
  if (!size) out.push({ name: 'sizes', pass: false, detail: 'tests/bench/results/size.json is missing: run `npm run size`' });
  for (const c of size?.contentScript ?? []) {
    const kb = c.gzWithoutDataset / 1024;
    out.push({
      name: `${c.build}: content script at most ${LIMITS.contentGzKB} KB gzipped without the dataset`,
      pass: c.datasetFound && kb <= LIMITS.contentGzKB,
      detail: `${c.file}: ${(c.gz / 1024).toFixed(1)} KB gzipped; without the dataset ${(c.gzWithoutDataset / 1024).toFixed(1)} KB (dataset cut out), ${(c.gzMinusDatasetGz / 1024).toFixed(1)} KB (minus the dataset's own gzip)${c.datasetFound ? '' : '; the embedded dataset was not found'}`,
    });
  }
  if (size) {
    out.push({
      name: `compiled dataset at most ${LIMITS.datasetGzKB} KB gzipped`,
      pass: size.dataset.gz / 1024 <= LIMITS.datasetGzKB,
      detail: `${size.dataset.file}: ${(size.dataset.raw / 1024).toFixed(1)} KB, ${(size.dataset.gz / 1024).toFixed(1)} KB gzipped`,
    });
  }
  return out;
}
