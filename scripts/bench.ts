// The page-marking benchmark in real browsers: ours by phase against the floor, mark.js, a naive alternation, and elements.
//
//   npm run bench
//   BENCH_SAMPLES=15 BENCH_CAP_MS=60000 BENCH_PAGES=news,synthetic-1mb BENCH_BROWSERS=chromium,firefox npm run bench
//
// Writes tests/bench/results/latest.json and chart.svg, and prints a table and the budgets.
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Page as PpPage } from 'puppeteer-core';
import { appendedParagraphs, buildPages, loadCorpus, prng, type BenchPage } from '../tests/bench/pages.ts';
import { stats, type BenchResults, type BrowserResults, type Cell, type PageCells, type SpeedResults } from '../tests/bench/stats.ts';
import { renderChart } from '../tests/bench/chart.ts';
import { bundleHarness } from '../tests/bench/bundle.ts';
import { checkBudgets, readSize } from '../tests/bench/budgets.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'tests/bench/results');
const CHROMIUM = '/usr/bin/chromium';
const FIREFOX = '/usr/bin/firefox-esr';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SAMPLES = Math.max(1, Number(process.env.BENCH_SAMPLES ?? 15));
const CAP_MS = Number(process.env.BENCH_CAP_MS ?? 60_000);
/** A variant whose samples together pass this much wall time on a page stops early (at least 3 samples, or 1-2 when each takes over half of it), with a note saying so. */
const CELL_BUDGET_MS = Number(process.env.BENCH_CELL_BUDGET_MS ?? 4_000);
/** mark.js mark() makes one pass per keyword: on the large pages it runs for minutes, and no budget depends on it. */
const MARK500_CAP_MS = Number(process.env.BENCH_MARK500_CAP_MS ?? 5_000);
const ONLY_PAGES = process.env.BENCH_PAGES?.split(',').filter(Boolean);
const BROWSERS = (process.env.BENCH_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean);
const SPEEDS = (process.env.BENCH_SPEEDS ?? '1,4').split(',').map(Number);

type Sample = Record<string, unknown>;

interface Driver {
  load(page: BenchPage): Promise<void>;
  eval<R>(fn: string, arg?: unknown, timeoutMs?: number): Promise<R>;
  setSlowdown(rate: number): Promise<void>;
  heapUsed?(): Promise<number>;
}

/** One variant: what it runs in the page and whether it changes the page (then the page is reloaded after it). */
interface Variant {
  id: string;
  mutates: boolean;
  /** The field whose median the table shows. */
  main: string;
  pages?: (id: string) => boolean;
  browsers?: string[];
  speeds?: number[];
  run(d: Driver, nonce: number): Promise<Sample>;
  /** Its own cap per sample, when not CAP_MS. */
  cap?: number;
}

const INCREMENTAL_PAGE = 'synthetic-1mb';
let paragraphs: string[] = [];

const VARIANTS: Variant[] = [
  { id: 'floor', mutates: false, main: 'ms', run: (d) => d.eval('floor') },
  {
    id: 'ours', mutates: false, main: 'total',
    run: async (d) => {
      const r = await d.eval<Record<string, number>>('ours');
      return { ...r, walkMatch: r.walk + r.match, loadWalkMatch: r.load + r.walk + r.match };
    },
  },
  { id: 'markRegExp', mutates: true, main: 'ms', run: (d, n) => d.eval('markRegExp', [n, CAP_MS], CAP_MS + 20_000) },
  { id: 'mark500', mutates: true, main: 'ms', browsers: ['chromium'], run: (d) => d.eval('mark500', [MARK500_CAP_MS], MARK500_CAP_MS + 20_000), cap: MARK500_CAP_MS },
  { id: 'naiveCold', mutates: false, main: 'ms', run: (d, n) => d.eval('naiveCold', [n], CAP_MS + 20_000) },
  { id: 'naiveWarm', mutates: false, main: 'ms', browsers: ['chromium'], run: (d, n) => d.eval('naiveWarm', [n], 2 * CAP_MS + 20_000) },
  { id: 'spans', mutates: true, main: 'total', run: (d) => d.eval('spans', [], CAP_MS + 20_000) },
  {
    id: 'annotator', mutates: true, main: 'toIdle', browsers: ['chromium', 'firefox'],
    run: async (d) => {
      const before = d.heapUsed ? await d.heapUsed() : NaN;
      const r = await d.eval<Sample>('annotator');
      const after = d.heapUsed ? await d.heapUsed() : NaN;
      return { ...r, heapAddedKB: (after - before) / 1024 };
    },
  },
  { id: 'incremental', mutates: true, main: 'cost', pages: (id) => id === INCREMENTAL_PAGE, run: (d) => d.eval('incremental', [paragraphs]) },
  { id: 'alone', mutates: true, main: 'cost', pages: (id) => id === INCREMENTAL_PAGE, run: (d) => d.eval('alone', [paragraphs]) },
];

/** Fisher–Yates with a fixed seed: a random interleaving, the same every run. */
function shuffle<T>(items: T[], seed: number): T[] {
  const rnd = prng(seed);
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function log(s: string): void {
  process.stderr.write(s + '\n');
}

/** Every name and alias of the dataset (cards.json), as a page developer would list them. */
function readAliases(): string[] {
  const cards = JSON.parse(readFileSync(join(ROOT, 'data/compiled/cards.json'), 'utf8')) as {
    entities: { names: Record<string, string | undefined>; aliases?: (string | { text: string })[]; weakAliases?: (string | { text: string })[] }[];
  };
  const set = new Set<string>();
  const text = (a: string | { text: string }) => (typeof a === 'string' ? a : a.text);
  for (const e of cards.entities) {
    for (const n of Object.values(e.names)) if (n) set.add(n);
    for (const a of e.aliases ?? []) set.add(text(a));
    for (const a of e.weakAliases ?? []) set.add(text(a));
  }
  return [...set].filter((s) => s.trim().length >= 2).sort();
}

/** 500 aliases spread over the sorted list (every k-th), the same every run. */
function pick500(aliases: string[]): string[] {
  if (aliases.length <= 500) return aliases;
  const step = aliases.length / 500;
  return Array.from({ length: 500 }, (_, i) => aliases[Math.floor(i * step)]);
}

function serve(pages: BenchPage[]): Promise<{ server: Server; url: (id: string) => string }> {
  const byPath = new Map(pages.map((p) => [`/${p.id}.html`, p.html]));
  const server = createServer((req, res) => {
    const html = byPath.get(req.url ?? '');
    if (!html) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      ok({ server, url: (id) => `http://127.0.0.1:${port}/${id}.html` });
    }),
  );
}

class Timeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => {
        void onTimeout().finally(() => reject(new Timeout(`over ${ms} ms`)));
      }, ms);
    }),
  ]);
}

/** Runs every variant on one page at one speed, in a random interleaving, reloading where a variant changed the page. */
async function runPage(browser: string, d: Driver, page: BenchPage, slowdown: number, seed: number): Promise<PageCells> {
  const variants = VARIANTS.filter((v) => (!v.pages || v.pages(page.id)) && (!v.browsers || v.browsers.includes(browser)) && (!v.speeds || v.speeds.includes(slowdown)));
  const plan = shuffle(variants.flatMap((v) => Array.from({ length: SAMPLES }, () => v)), seed);
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.id, []]));
  const spent = new Map<string, number>();
  const stopped = new Map<string, string>();
  let dirty = true;
  let nonce = seed * 1000;
  const t0 = Date.now();
  for (const v of plan) {
    if (stopped.has(v.id)) continue;
    if (dirty) await d.load(page);
    const start = Date.now();
    let s: Sample;
    try {
      await d.setSlowdown(slowdown);
      s = await v.run(d, nonce++);
    } catch (e) {
      if (!(e instanceof Timeout)) throw e;
      s = { timedOut: true, ms: v.cap ?? CAP_MS, note: 'stopped from outside the page' };
      dirty = true;
    } finally {
      await d.setSlowdown(1).catch(() => undefined);
    }
    dirty = dirty || v.mutates || s.timedOut === true;
    const list = samples.get(v.id)!;
    list.push(s);
    const used = (spent.get(v.id) ?? 0) + (Date.now() - start);
    spent.set(v.id, used);
    if (s.timedOut) stopped.set(v.id, `a sample hit the ${(v.cap ?? CAP_MS) / 1000} s cap: the figure is a lower bound, no more samples taken`);
    else if (used > CELL_BUDGET_MS && (list.length >= 3 || used / list.length > CELL_BUDGET_MS / 2) && list.length < SAMPLES)
      stopped.set(v.id, `${list.length} samples of ${SAMPLES}: each took about ${(used / list.length / 1000).toFixed(1)} s, past the run's time budget for one variant on one page`);
  }
  const cells: PageCells = {};
  for (const v of variants) {
    const list = samples.get(v.id)!;
    const fields: Cell['fields'] = {};
    const keys = new Set(list.flatMap((s) => Object.keys(s).filter((k) => typeof s[k] === 'number')));
    for (const k of keys) fields[k] = stats(list.map((s) => (s.timedOut && k === 'ms' ? Math.max(v.cap ?? CAP_MS, s.ms as number) : (s[k] as number))));
    const timedOut = list.filter((s) => s.timedOut).length;
    cells[v.id] = { n: list.length, fields, samples: list, ...(timedOut ? { timedOut, capMs: v.cap ?? CAP_MS } : {}), ...(stopped.has(v.id) ? { note: stopped.get(v.id) } : {}) };
  }
  log(`  ${browser} ${slowdown}× ${page.id}: ${((Date.now() - t0) / 1000).toFixed(0)} s  ` + variants.map((v) => `${v.id} ${fmt(cells[v.id].fields[v.main]?.median)}`).join(', '));
  return cells;
}

function fmt(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

async function runChromium(pages: BenchPage[], url: (id: string) => string, harness: string, css: string): Promise<BrowserResults> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    let page: PwPage = await context.newPage();
    let cdp: CDPSession = await context.newCDPSession(page);
    const fresh = async () => {
      await page.close().catch(() => undefined);
      page = await context.newPage();
      cdp = await context.newCDPSession(page);
    };
    const d: Driver = {
      load: async (p) => {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await page.goto(url(p.id), { waitUntil: 'load', timeout: 120_000 });
        await page.addStyleTag({ content: css });
        await page.addScriptTag({ content: harness });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      },
      eval: (fn, arg = [], timeoutMs = 5 * CAP_MS) =>
        withTimeout(
          page.evaluate(([f, a]) => (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[f](...(a as unknown[])), [fn, arg] as const) as never,
          timeoutMs,
          async () => {
            // A sample that the in-page checks could not stop: end it and start a new page.
            await cdp.send('Runtime.terminateExecution').catch(() => undefined);
            await fresh();
          },
        ),
      setSlowdown: async (rate) => void (await cdp.send('Emulation.setCPUThrottlingRate', { rate })),
      heapUsed: async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        return u.usedSize;
      },
    };
    const result: BrowserResults = { name: 'chromium', version: `Chromium ${browser.version()}`, speeds: [], unavailable: {}, profiles: {} };
    let seed = 1;
    for (const rate of SPEEDS) {
      const sp: SpeedResults = { cpuSlowdown: rate, pages: {} };
      for (const p of pages) sp.pages[p.id] = await runPage('chromium', d, p, rate, seed++);
      result.speeds.push(sp);
    }
    // Where ours spends its time: one sampled CPU profile of `ours` per page, at normal speed.
    for (const p of pages) {
      await d.load(p);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await d.eval('ours');
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      await cdp.send('Profiler.disable');
      result.profiles![p.id] = selfTimes(profile).slice(0, 15);
    }
    return result;
  } finally {
    await browser.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
}

function selfTimes(profile: CpuProfile): { function: string; url: string; line: number; selfMs: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { function: string; url: string; line: number; selfMs: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const n = byId.get(samples[i]);
    if (!n) continue;
    const f = n.callFrame;
    const url = f.url.startsWith('http') ? 'page' : f.url || '(native)';
    const key = `${f.functionName}|${url}|${f.lineNumber}`;
    const e = self.get(key) ?? { function: f.functionName || '(anonymous)', url, line: f.lineNumber + 1, selfMs: 0 };
    e.selfMs += (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    self.set(key, e);
  }
  return [...self.values()].filter((e) => e.function !== '(idle)' && e.function !== '(program)').sort((a, b) => b.selfMs - a.selfMs).map((e) => ({ ...e, selfMs: Math.round(e.selfMs * 100) / 100 }));
}

async function runFirefox(pages: BenchPage[], url: (id: string) => string, harness: string, css: string): Promise<BrowserResults> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Full-resolution performance.now(): the default rounds it for privacy.
      'privacy.reduceTimerPrecision': false,
      'privacy.resistFingerprinting': false,
      'dom.security.https_first': false,
      'network.proxy.type': 0,
      'app.update.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
    defaultViewport: { width: 1200, height: 900 },
  });
  try {
    let page: PpPage = await browser.newPage();
    const d: Driver = {
      load: async (p) => {
        await page.goto(url(p.id), { waitUntil: 'load', timeout: 120_000 });
        await page.addStyleTag({ content: css });
        await page.addScriptTag({ content: harness });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      },
      eval: (fn, arg = [], timeoutMs = 5 * CAP_MS) =>
        withTimeout(
          page.evaluate((f: string, a: unknown[]) => (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[f](...a), fn, arg as unknown[]) as never,
          timeoutMs,
          async () => {
            await page.close().catch(() => undefined);
            page = await browser.newPage();
          },
        ),
      setSlowdown: async (rate) => {
        if (rate !== 1) throw new Error('Firefox cannot throttle the CPU over WebDriver BiDi');
      },
    };
    const version = await browser.version();
    const result: BrowserResults = {
      name: 'firefox',
      version: version.startsWith('firefox') ? `Firefox ${version.split('/')[1] ?? version}` : version,
      speeds: [],
      unavailable: {
        'cpu throttling': 'WebDriver BiDi has no CPU throttling (CDP Emulation.setCPUThrottlingRate is Chromium only): Firefox runs at normal speed only',
        'heap added': 'Firefox has no performance.memory and WebDriver BiDi no heap-usage command',
        'longest task': 'Firefox does not implement the longtask entry type of PerformanceObserver',
        mark500: 'left out to keep the run under ten minutes (one pass per keyword: its Chromium figures show the order of magnitude)',
        naiveWarm: 'left out to keep the run under ten minutes; naiveCold is there',
        'cpu profile': 'sampled only in Chromium (CDP Profiler)',
      },
    };
    const sp: SpeedResults = { cpuSlowdown: 1, pages: {} };
    let seed = 101;
    for (const p of pages) sp.pages[p.id] = await runPage('firefox', d, p, 1, seed++);
    result.speeds.push(sp);
    return result;
  } finally {
    await browser.close();
  }
}

function machine(): BenchResults['machine'] {
  const c = cpus();
  return { cpu: c[0]?.model ?? 'unknown', cores: c.length, memoryGB: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}${debianVersion()}`, node: process.version };
}

function debianVersion(): string {
  try {
    return ` (Debian ${readFileSync('/etc/debian_version', 'utf8').trim()})`;
  } catch {
    return '';
  }
}

/** The terminal table: per browser and speed, per page, each variant's median (p95). */
function table(r: BenchResults): string {
  const cols: [string, string, string][] = [
    ['floor', 'floor', 'ms'],
    ['load', 'ours', 'load'],
    ['walk', 'ours', 'walk'],
    ['match', 'ours', 'match'],
    ['apply', 'ours', 'apply'],
    ['frame', 'ours', 'frame'],
    ['ours→frame', 'ours', 'total'],
    ['w+m/floor', 'ours', 'ratio'],
    ['markRegExp', 'markRegExp', 'ms'],
    ['mark500', 'mark500', 'ms'],
    ['naive cold', 'naiveCold', 'ms'],
    ['naive warm', 'naiveWarm', 'ms'],
    ['spans→frame', 'spans', 'total'],
    ['longest task', 'annotator', 'longest'],
    ['heap KB', 'annotator', 'heapAddedKB'],
  ];
  const lines: string[] = [];
  for (const b of r.browsers) {
    for (const sp of b.speeds) {
      lines.push('');
      lines.push(`${b.version}, ${sp.cpuSlowdown === 1 ? 'normal speed' : `${sp.cpuSlowdown}× CPU throttling`}: median (p95) in ms`);
      const header = ['page'.padEnd(19), ...cols.map(([h]) => h.padStart(15))].join('');
      lines.push(header);
      for (const [pid, cells] of Object.entries(sp.pages)) {
        const row = [pid.padEnd(19)];
        for (const [, v, f] of cols) {
          const cell = cells[v];
          if (f === 'ratio') {
            const fl = cells.floor?.fields.ms?.median;
            const wm = cell?.fields.walkMatch?.median;
            row.push((fl && wm ? `${(wm / fl).toFixed(1)}×` : '–').padStart(15));
            continue;
          }
          const s = cell?.fields[f];
          if (!s || !Number.isFinite(s.median)) {
            row.push('–'.padStart(15));
            continue;
          }
          const to = cell.timedOut ? '≥' : '';
          row.push(`${to}${fmt(s.median)} (${fmt(s.p95)})`.padStart(15));
        }
        lines.push(row.join(''));
      }
      const inc = sp.pages[INCREMENTAL_PAGE];
      if (inc?.incremental && inc.alone) {
        const c = inc.incremental.fields;
        lines.push(
          `incremental (50 paragraphs appended to ${INCREMENTAL_PAGE}): main-thread cost ${fmt(c.cost?.median)} (${fmt(c.cost?.p95)}) ms, until marked ${fmt(c.latency?.median)} ms; ` +
            `the same paragraphs alone ${fmt(inc.alone.fields.cost?.median)} (${fmt(inc.alone.fields.cost?.p95)}) ms`,
        );
      }
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const corpus = loadCorpus();
  let pages = buildPages(corpus);
  if (ONLY_PAGES) pages = pages.filter((p) => ONLY_PAGES.includes(p.id));
  paragraphs = appendedParagraphs(corpus);
  const aliases = readAliases();
  const aliases500 = pick500(aliases);
  const harness = await bundleHarness(aliases, aliases500);
  const css = readFileSync(join(ROOT, 'entrypoints/content/style.css'), 'utf8');
  const { server, url } = await serve(pages);
  log(`bench: ${pages.length} pages, ${SAMPLES} samples per variant, cap ${CAP_MS / 1000} s per sample, ${aliases.length} aliases (${aliases500.length} for mark())`);
  const browsers: BrowserResults[] = [];
  try {
    if (BROWSERS.includes('chromium')) browsers.push(await runChromium(pages, url, harness, css));
    if (BROWSERS.includes('firefox')) {
      if (existsSync(FIREFOX)) {
        try {
          browsers.push(await runFirefox(pages, url, harness, css));
        } catch (e) {
          browsers.push({ name: 'firefox', version: 'unknown', speeds: [], unavailable: { all: `Firefox failed: ${(e as Error).message}` } });
        }
      } else browsers.push({ name: 'firefox', version: 'missing', speeds: [], unavailable: { all: `${FIREFOX} is not installed (apt-get install firefox-esr)` } });
    }
  } finally {
    server.close();
  }
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: machine(),
    config: {
      samples: SAMPLES,
      capMs: CAP_MS,
      mark500CapMs: MARK500_CAP_MS,
      cellBudgetMs: CELL_BUDGET_MS,
      pagesFromReports: corpus.reportsFound,
      aliases: aliases.length,
      marks500: aliases500.length,
      notes: [
        'Times are in milliseconds, measured inside the page with performance.now(); each sample of each variant is taken in one random interleaving per page and speed.',
        'floor: a TreeWalker over every text node of the body summing charCodeAt of every character.',
        'ours: load = JSON.parse of the compiled dictionary + loadMatcher; walk = BlockCollector over the body with the Annotator\'s options (checkVisibility included); match = splitLongSegments + detector.scan in batches of the Annotator\'s piece size (10,000 characters); apply = Ranges + HighlightPainter.add; frame = until the next frame has been produced; total = start to that frame.',
        'markRegExp: mark.js markRegExp with every alias in one case-insensitive Unicode alternation (whole words by lookarounds), compiled fresh, until the next frame. mark500: mark.js mark() with 500 of the aliases (separateWordSearch off, other options default). Both change the page: it is reloaded after each sample.',
        'naiveCold: a fresh RegExp of the same alternation compiled and run over every text node; naiveWarm: the same RegExp run a second time.',
        'spans: our matches wrapped in <mark> elements (split text nodes) instead of highlights, from start to the next frame.',
        'annotator: a full Annotator run (load, start, until idle) after a reload: longest = the longest PerformanceObserver longtask (0 = no task over 50 ms), heapAddedKB = CDP Runtime.getHeapUsage after garbage collection, with the Annotator alive, minus before it started (the dictionary\'s source string is in the page before).',
        `incremental: ${paragraphs.length} paragraphs appended to #feed of ${INCREMENTAL_PAGE} while an Annotator runs; cost = the Annotator's MutationObserver callback + its flush until its summary (all marked), latency = append to marked (includes the wait for the next animation frame); alone = those paragraphs read, matched and painted by themselves.`,
        'A timed-out sample counts at the cap (a lower bound) in medians and ratios.',
      ],
    },
    pages: pages.map((p) => ({ id: p.id, title: p.title, textChars: p.textChars, elements: p.elements, htmlBytes: Buffer.byteLength(p.html), source: p.source })),
    browsers,
    durationS: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(results, null, 1) + '\n');
  writeFileSync(join(RESULTS, 'chart.svg'), renderChart(results));
  process.stdout.write(`bench ${results.date} on ${results.machine.cpu}, ${results.machine.cores} cores; ${browsers.map((b) => b.version).join(', ')}\n`);
  process.stdout.write(table(results) + '\n');
  for (const b of browsers) for (const [k, why] of Object.entries(b.unavailable)) process.stdout.write(`${b.name}: no ${k}: ${why}\n`);
  const chrome = browsers.find((b) => b.name === 'chromium');
  if (chrome?.profiles) {
    process.stdout.write('\nwhere ours spends its time (self time, one profiled run at normal speed):\n');
    for (const [pid, rows] of Object.entries(chrome.profiles)) {
      process.stdout.write(`  ${pid}: ${rows.slice(0, 6).map((r) => `${r.function} ${r.selfMs.toFixed(1)}`).join(', ')}\n`);
    }
  }
  process.stdout.write('\nbudgets:\n');
  for (const c of checkBudgets(results, readSize())) process.stdout.write(`  ${c.pass ? 'pass' : 'FAIL'}  ${c.name}: ${c.detail}\n`);
  process.stdout.write(`\nwrote tests/bench/results/latest.json and chart.svg in ${results.durationS} s\n`);
}

await main();
