// Summary statistics and the shape of tests/bench/results/latest.json, shared by the benchmark, the chart and the budget test.

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile over the samples (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function stats(values: number[]): Stats {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return { n: v.length, median: percentile(v, 50), p95: percentile(v, 95), min: v[0] ?? NaN, max: v[v.length - 1] ?? NaN };
}

/** One variant on one page at one speed: its raw samples and a summary of each timed field. */
export interface Cell {
  /** Samples taken (a timed-out sample counts, at the cap). */
  n: number;
  /** Per field (ms unless the name says otherwise): median, p95, min, max over the samples. */
  fields: Record<string, Stats>;
  /** How many samples hit the cap: their time is a lower bound (≥ capMs). */
  timedOut?: number;
  capMs?: number;
  /** Why fewer samples than asked, or why there is no figure. */
  note?: string;
  samples: Record<string, unknown>[];
}

export type PageCells = Record<string, Cell>;

export interface SpeedResults {
  /** 1 = normal speed, 4 = 4× CPU throttling. */
  cpuSlowdown: number;
  pages: Record<string, PageCells>;
}

export interface BrowserResults {
  name: 'chromium' | 'firefox';
  version: string;
  speeds: SpeedResults[];
  /** Figures this browser cannot give, and why. */
  unavailable: Record<string, string>;
  /** Self time by function during one `ours` run per page (Chromium, normal speed). */
  profiles?: Record<string, { function: string; url: string; line: number; selfMs: number }[]>;
}

export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; os: string; node: string };
  config: { samples: number; capMs: number; mark500CapMs: number; cellBudgetMs: number; pagesFromReports: boolean; aliases: number; marks500: number; notes: string[] };
  pages: { id: string; title: string; textChars: number; elements: number; htmlBytes: number; source: string }[];
  browsers: BrowserResults[];
  durationS: number;
}
