// Runs inside the benchmarked page (bundled with esbuild into one script): every variant the benchmark times, as `window.__bench`.
import Mark from 'mark.js';
import { loadMatcher, type CompiledMatcher, type Detector, type Mention, type PageContext } from '../../lib/detect/index.ts';
import { BlockCollector, locate, type Block, type CollectOptions } from '../../lib/page/blocks.ts';
import { HighlightPainter, type PaintedMention } from '../../lib/page/highlights.ts';
import { Annotator, BLOCK_STRIDE, PIECE_CHARS } from '../../lib/page/annotator.ts';
import { splitLongSegments } from '../../lib/page/segments.ts';

// Filled in by esbuild's `define`: the compiled dictionary as the content script carries it, and the aliases for the baselines.
declare const __MATCHER_JSON__: string;
declare const __ALIASES__: string[];
declare const __ALIASES_500__: string[];

const MATCHER_JSON = __MATCHER_JSON__;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The alternation a page developer would write: every alias, longest first, whole words in any script, case-insensitive. */
const ALTERNATION = `(?<![\\p{L}\\p{N}])(?:${[...__ALIASES__].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`;

/** A source no earlier sample used, so the engine's RegExp cache cannot serve a compiled copy. */
function freshRegExp(nonce: number): RegExp {
  return new RegExp(ALTERNATION + '(?:)'.repeat(1 + (nonce % 997)), 'giu');
}

class Timeout extends Error {}

/** Resolves after the next frame has been produced (rAF, then a task queued from it runs after paint). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The same reading options as the Annotator's. */
const collectOpts = (): CollectOptions => ({
  ignore: null,
  onShadowRoot: () => undefined,
  isHidden: (el) => typeof el.checkVisibility === 'function' && !el.checkVisibility(),
});

function lang(): string {
  return (document.documentElement.lang || '').toLowerCase() || 'auto';
}

interface Found {
  block: Block;
  start: number;
  end: number;
  mention: Mention;
  order: number;
}

function walk(root: Node): Block[] {
  const c = new BlockCollector(root, collectOpts());
  while (!c.finished) c.step(() => true);
  return c.blocks;
}

/** Scans blocks in batches of the Annotator's piece size (long blocks cut into pieces), carrying the page context along. */
function match(detector: Detector, blocks: Block[]): Found[] {
  const found: Found[] = [];
  let context: PageContext | undefined;
  let i = 0;
  while (i < blocks.length) {
    const batch: Block[] = [];
    const first = i;
    let chars = 0;
    while (i < blocks.length) {
      batch.push(blocks[i]);
      chars += blocks[i].text.length;
      i++;
      if (chars > PIECE_CHARS) break;
    }
    const { segments, owner } = splitLongSegments(batch.map((b) => b.text), PIECE_CHARS);
    const r = detector.scan(segments, { lang: lang(), url: location.href, context });
    context = r.context;
    for (const m of r.mentions) {
      const o = owner[m.segment];
      found.push({ block: batch[o.block], start: m.start + o.offset, end: m.end + o.offset, mention: m, order: (first + o.block) * BLOCK_STRIDE + m.start + o.offset });
    }
  }
  return found;
}

function paint(found: Found[]): HighlightPainter {
  const painter = new HighlightPainter();
  const painted: PaintedMention[] = [];
  for (const f of found) {
    const a = locate(f.block, f.start, false);
    const b = locate(f.block, f.end, true);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    painted.push({ range, entityId: f.mention.entityId, kind: f.mention.type, surface: f.mention.surface, order: f.order });
  }
  painter.add(painted);
  return painter;
}

/** Wraps each match in a <mark> element instead (each text node's part of it), as findAndReplaceDOMText would. */
function wrap(found: Found[]): number {
  const pieces = new Map<Text, [number, number][]>();
  for (const f of found) {
    const { starts, nodes } = f.block;
    for (let k = 0; k < nodes.length; k++) {
      const s = starts[k];
      const e = s + nodes[k].data.length;
      const from = Math.max(f.start, s);
      const to = Math.min(f.end, e);
      if (from >= to) continue;
      const list = pieces.get(nodes[k]);
      if (list) list.push([from - s, to - s]);
      else pieces.set(nodes[k], [[from - s, to - s]]);
    }
  }
  let made = 0;
  for (const [node, list] of pieces) {
    // From the end of the node, so earlier offsets stay valid.
    list.sort((x, y) => y[0] - x[0]);
    let last = Infinity;
    for (const [from, to] of list) {
      if (to > last) continue;
      last = from;
      if (to < node.data.length) node.splitText(to);
      const mid = from > 0 ? node.splitText(from) : node;
      const el = document.createElement('mark');
      el.className = 'bench-wrap';
      mid.parentNode!.replaceChild(el, mid);
      el.appendChild(mid);
      made++;
    }
  }
  return made;
}

function now(): number {
  return performance.now();
}

const bench = {
  info() {
    return {
      highlights: typeof CSS !== 'undefined' && 'highlights' in CSS,
      userAgent: navigator.userAgent,
      hasGc: typeof (globalThis as { gc?: unknown }).gc === 'function',
    };
  },

  /** The floor: every text node read, every character touched once. */
  floor() {
    const t0 = now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let sum = 0;
    let nodes = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const d = (n as Text).data;
      for (let i = 0; i < d.length; i++) sum = (sum + d.charCodeAt(i)) | 0;
      nodes++;
    }
    return { ms: now() - t0, sum, nodes };
  },

  /** Ours by phase: load the dictionary, walk, normalise and match, apply highlights, the next frame. */
  async ours() {
    const t0 = now();
    const detector = loadMatcher(JSON.parse(MATCHER_JSON) as CompiledMatcher);
    const t1 = now();
    const blocks = walk(document.body);
    const t2 = now();
    const found = match(detector, blocks);
    const t3 = now();
    const painter = paint(found);
    const t4 = now();
    await nextFrame();
    const t5 = now();
    painter.clear();
    await nextFrame();
    return { load: t1 - t0, walk: t2 - t1, match: t3 - t2, apply: t4 - t3, frame: t5 - t4, total: t5 - t0, mentions: found.length, blocks: blocks.length };
  },

  /** Our matches wrapped in elements instead of highlights (mutates the page). */
  async spans() {
    const t0 = now();
    const detector = loadMatcher(JSON.parse(MATCHER_JSON) as CompiledMatcher);
    const blocks = walk(document.body);
    const found = match(detector, blocks);
    const t3 = now();
    const made = wrap(found);
    const t4 = now();
    await nextFrame();
    const t5 = now();
    return { findMs: t3 - t0, wrap: t4 - t3, frame: t5 - t4, total: t5 - t0, applyAndFrame: t5 - t3, elements: made };
  },

  /** mark.js markRegExp with every alias in one alternation (mutates the page). */
  async markRegExp(nonce: number, capMs: number) {
    const t0 = now();
    const deadline = t0 + capMs;
    let count = 0;
    try {
      const re = freshRegExp(nonce);
      new Mark(document.body).markRegExp(re, {
        filter: () => {
          if (now() > deadline) throw new Timeout();
          return true;
        },
        done: (n: number) => (count = n),
      });
    } catch (e) {
      if (e instanceof Timeout) return { timedOut: true, ms: now() - t0, count };
      throw e;
    }
    const t1 = now();
    await nextFrame();
    return { timedOut: false, ms: now() - t0, markMs: t1 - t0, count };
  },

  /** mark.js mark() with 500 aliases, one pass per keyword (mutates the page). */
  async mark500(capMs: number) {
    const t0 = now();
    const deadline = t0 + capMs;
    let count = 0;
    try {
      new Mark(document.body).mark(__ALIASES_500__, {
        separateWordSearch: false,
        filter: () => {
          if (now() > deadline) throw new Timeout();
          return true;
        },
        noMatch: () => {
          if (now() > deadline) throw new Timeout();
        },
        done: (n: number) => (count = n),
      });
    } catch (e) {
      if (e instanceof Timeout) return { timedOut: true, ms: now() - t0, count };
      throw e;
    }
    await nextFrame();
    return { timedOut: false, ms: now() - t0, count };
  },

  /** The naive alternation run per text node; cold: compiling a fresh RegExp and its first run. */
  naiveCold(nonce: number) {
    const t0 = now();
    const re = freshRegExp(nonce);
    const count = naiveRun(re);
    return { ms: now() - t0, count };
  },

  /** The same, warm: the RegExp compiled and run once before the timed run. */
  naiveWarm(nonce: number) {
    const re = freshRegExp(nonce);
    naiveRun(re);
    const t0 = now();
    const count = naiveRun(re);
    return { ms: now() - t0, count };
  },

  /** A full Annotator run as the content script starts it: the longest task, the time until idle. */
  async annotator() {
    const long: number[] = [];
    let observer: PerformanceObserver | null = null;
    let longtaskSupported = false;
    try {
      observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) long.push(e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      longtaskSupported = PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false;
    } catch {
      longtaskSupported = false;
    }
    const t0 = now();
    const detector = loadMatcher(JSON.parse(MATCHER_JSON) as CompiledMatcher);
    const t1 = now();
    const annotator = new Annotator(document, { detector });
    annotator.start();
    await annotator.idle;
    const t2 = now();
    await nextFrame();
    const t3 = now();
    await sleep(100);
    observer?.disconnect();
    (window as unknown as { __annotator: Annotator }).__annotator = annotator;
    return {
      loadCold: t1 - t0,
      toIdle: t2 - t0,
      toFrame: t3 - t0,
      longtaskSupported,
      // Without the longtask entry type (Firefox) there is no figure, not a zero.
      ...(longtaskSupported ? { longest: long.length ? Math.max(...long) : 0, longTasks: long.length } : {}),
      mentions: annotator.summary().entities.reduce((a, e) => a + e.count, 0),
    };
  },

  /** Stops the Annotator left by `annotator()` (before a heap reading or a reload). */
  stopAnnotator() {
    (window as unknown as { __annotator?: Annotator }).__annotator?.stop();
  },

  /** 50 paragraphs appended to the page while an Annotator runs: the main-thread time until they are marked. */
  async incremental(paragraphs: string[]) {
    const detector = loadMatcher(JSON.parse(MATCHER_JSON) as CompiledMatcher);
    let summaries = 0;
    let summaryAt = 0;
    const annotator = new Annotator(document, {
      detector,
      onSummary: () => {
        summaries++;
        summaryAt = now();
      },
    });
    annotator.start();
    await annotator.idle;
    await nextFrame();
    await nextFrame();
    // Times the Annotator's own handlers: the MutationObserver callback and the frame-aligned flush.
    const a = annotator as unknown as { onMutations: (r: MutationRecord[]) => void; flushMutations: () => void };
    let observerMs = 0;
    let flushStart = 0;
    const onMutations = a.onMutations.bind(annotator);
    const flush = a.flushMutations.bind(annotator);
    a.onMutations = (r) => {
      const s = now();
      onMutations(r);
      observerMs += now() - s;
    };
    a.flushMutations = () => {
      flushStart = now();
      flush();
    };
    const before = summaries;
    const feed = document.getElementById('feed') ?? document.body;
    const els = paragraphs.map((p) => {
      const el = document.createElement('p');
      el.textContent = p;
      return el;
    });
    const t0 = now();
    for (const el of els) feed.appendChild(el);
    const t1 = now();
    const deadline = t1 + 60_000;
    while (summaries === before && now() < deadline) await new Promise((r) => setTimeout(r, 1));
    const marked = summaryAt;
    await nextFrame();
    const t2 = now();
    const newNodes = new Set<Node>(els.flatMap((e) => [...e.childNodes]));
    const painterAll = (annotator.painter as unknown as { all: Set<PaintedMention> }).all;
    let markedInNew = 0;
    for (const m of painterAll) if (newNodes.has(m.range.startContainer)) markedInNew++;
    annotator.stop();
    return {
      cost: observerMs + (marked - flushStart),
      latency: marked - t0,
      toFrame: t2 - t0,
      appendMs: t1 - t0,
      rafWait: flushStart - t1,
      markedInNew,
      totalMarks: painterAll.size,
    };
  },

  /** The same 50 paragraphs' cost alone: appended, then read, matched and painted by themselves. */
  async alone(paragraphs: string[]) {
    const detector = loadMatcher(JSON.parse(MATCHER_JSON) as CompiledMatcher);
    const feed = document.getElementById('feed') ?? document.body;
    const els = paragraphs.map((p) => {
      const el = document.createElement('p');
      el.textContent = p;
      return el;
    });
    for (const el of els) feed.appendChild(el);
    const t0 = now();
    const blocks = els.flatMap((el) => walk(el));
    const found = match(detector, blocks);
    const painter = paint(found);
    const t1 = now();
    await nextFrame();
    const t2 = now();
    painter.clear();
    return { cost: t1 - t0, toFrame: t2 - t0, mentions: found.length };
  },
};

function naiveRun(re: RegExp): number {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const d = (n as Text).data;
    re.lastIndex = 0;
    while (re.exec(d)) count++;
  }
  return count;
}

(window as unknown as { __bench: typeof bench }).__bench = bench;
