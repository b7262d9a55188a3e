// Annotates one document: reads its blocks in slices (viewport first), finds mentions, paints them, keeps up with changes.
import type { Detector, Mention, PageContext } from '../detect/index.ts';
import type { PageSummary } from '../messages/protocol.ts';
import { BlockCollector, isSkipped, locate, type Block, type CollectOptions } from './blocks.ts';
import { HighlightPainter, WINDOW_THRESHOLD, type MarkStyles, type PaintedMention } from './highlights.ts';
import { isDarkPage } from './theme.ts';
import { cutAt } from './segments.ts';
import { styleMarksIn } from './shadow-marks.ts';
import { WATCH_PREFIX } from './watch-matcher.ts';

export interface AnnotatorOptions {
  detector: Detector;
  /** Our UI's host element, never read and never observed. */
  ownHost?: () => Element | null;
  onSummary?: (summary: PageSummary) => void;
  /** Entity ids the reader marked "wrong match" on this site: never painted. */
  suppressed?: () => ReadonlySet<string>;
  /** The reader's watched names, matched besides the dataset (marked in a style of their own). */
  watched?: () => (segments: readonly string[]) => Mention[];
  /** The reader's underline style per kind. */
  markStyles?: () => MarkStyles;
  /** The longest a slice may run before the page gets the main thread back (ms). */
  sliceMs?: number;
}

/** More mutated nodes than this in one frame: rescan the whole page lazily instead of block by block. */
const BURST = 1500;
/** A mark's order is its block's index times this plus its offset: room for a block of a billion characters. */
export const BLOCK_STRIDE = 2 ** 30;
/** The most characters one slice scans: a cold page scans at tens of MB/s at best, so this keeps a slice to a few ms. */
export const PIECE_CHARS = 10_000;
/** How often a long pass registers the marks it found since the last time (ms). */
const PAINT_EVERY_MS = 250;

/** A block, or a piece of a long one, as one slice scans it. */
interface Piece {
  block: Block;
  /** The block's index in the pass (its order key). */
  key: number;
  /** Where the piece starts in the block's text. */
  offset: number;
  text: string;
}

export class Annotator {
  readonly painter = new HighlightPainter();
  private running = false;
  private generation = 0;
  private context: PageContext | undefined;
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private dirtyCount = 0;
  private frameQueued = false;
  private restoreTimer: ReturnType<typeof setInterval> | null = null;
  private lastUrl = '';
  private readonly roots = new Set<Node>();
  private readonly counts = new Map<string, number>();
  /** Numbers each pass over a subtree: the marks of one pass compare by their order without asking the DOM. */
  private runs = 0;
  /** Resolves when the current full pass has painted everything (tests, benchmarks). */
  idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly opts: AnnotatorOptions,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastUrl = this.doc.location?.href ?? '';
    this.painter.setLook(isDarkPage(this.doc), this.opts.markStyles?.());
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.fullPass();
    // A page that clears CSS.highlights gets ours back; cheap when nothing changed.
    this.restoreTimer = setInterval(() => {
      if (!this.running) return;
      this.painter.ensureRegistered();
      if (this.doc.location && this.doc.location.href !== this.lastUrl) this.rescan();
    }, 1000);
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    if (this.restoreTimer) clearInterval(this.restoreTimer);
    this.restoreTimer = null;
    this.painter.clear();
    this.counts.clear();
    this.roots.clear();
    this.dirty.clear();
    this.context = undefined;
    this.opts.onSummary?.(this.summary());
  }

  /** Reads the page afresh: a single-page app moved to a new address, or what we look for changed. */
  rescan(): void {
    if (!this.running) return;
    this.lastUrl = this.doc.location?.href ?? '';
    this.painter.clear();
    this.counts.clear();
    this.context = undefined;
    this.fullPass();
  }

  /**
   * A history navigation was reported: rescan only when the address really changed. The report is a DOM event a page
   * can forge (its name is public), and a rescan of a large page costs seconds of slices.
   */
  rescanIfMoved(): void {
    if (this.running && (this.doc.location?.href ?? '') !== this.lastUrl) this.rescan();
  }

  /** The reader said "wrong match": drop that entity's marks now. */
  unpaint(entityId: string): void {
    const gone = [...this.painter.unordered()].filter((m) => m.entityId === entityId);
    this.painter.remove(gone);
    this.counts.delete(entityId);
    this.opts.onSummary?.(this.summary());
  }

  summary(): PageSummary {
    return {
      url: this.doc.location?.href ?? '',
      lang: this.pageLang(),
      entities: [...this.counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count),
    };
  }

  private pageLang(): string {
    return (this.doc.documentElement.lang || '').toLowerCase();
  }

  private fullPass(): void {
    const gen = ++this.generation;
    this.roots.clear();
    const body = this.doc.body ?? this.doc.documentElement;
    this.idle = this.passOver(body, gen, true).then(() => {
      if (gen !== this.generation) return;
      this.painter.unwindowIfFew();
      this.opts.onSummary?.(this.summary());
    });
  }

  /** Reads a subtree in slices and paints what it finds; the viewport's blocks go first on a full pass. */
  private async passOver(root: Node, gen: number, viewportFirst: boolean): Promise<void> {
    this.observe(root);
    const shadows: ShadowRoot[] = [];
    const collectOpts: CollectOptions = {
      ignore: this.opts.ownHost?.() ?? null,
      onShadowRoot: (s) => shadows.push(s),
    };
    const collector = new BlockCollector(root, collectOpts);
    const run = ++this.runs;
    const sliceMs = this.opts.sliceMs ?? 6;
    const blocks: Block[] = [];
    let slice = performance.now();
    while (!collector.finished) {
      const until = performance.now() + sliceMs;
      blocks.push(...collector.step(() => performance.now() < until));
      if (!collector.finished) {
        noteTask(slice, 'read');
        await yieldToPage();
        slice = performance.now();
        if (gen !== this.generation) return;
      }
    }
    if (viewportFirst) {
      // Finding the blocks on screen reads their boxes: after a frame the browser has laid the page out itself, so the
      // reading does not force a synchronous layout of a large page inside our slice (a hidden tab gets no frame: 100 ms).
      noteTask(slice, 'read');
      await afterLayout();
      slice = performance.now();
      if (gen !== this.generation) return;
    }
    const order = viewportFirst ? viewportOrder(blocks, this.doc) : blocks.map((_, i) => i);
    // A page that will have many marks is told so once its first 10,000 characters are read (see foreseeMany), so that
    // its first frame with marks registers only those near the view, and no later frame has to take hundreds away.
    let total = 0;
    if (viewportFirst) for (const b of blocks) total += b.text.length;
    const sample = { chars: 0, marks: 0, done: !viewportFirst };
    // Long blocks are cut into pieces (at white space) that each fit a slice, as the slices reach them: one text node of
    // 10 MB must not hold the page, neither to scan nor to cut up.
    let oi = 0, at = 0;
    const nextPiece = (): Piece | null => {
      for (; oi < order.length; oi++, at = 0) {
        const bi = order[oi], text = blocks[bi].text;
        if (at >= text.length) continue;
        const from = at;
        at = cutAt(text, from, PIECE_CHARS);
        return { block: blocks[bi], key: bi, offset: from, text: from === 0 && at === text.length ? text : text.slice(from, at) };
      }
      return null;
    };
    let next = nextPiece();
    // Per block, for the whole pass: a long block's pieces ask once (the question restyles the page).
    const hidden = new Map<Block, boolean>();
    let pending: PaintedMention[] = [];
    let painting = 0;
    while (next) {
      const until = performance.now() + sliceMs;
      const batch: Piece[] = [];
      // At least one piece per slice.
      let chars = 0;
      while (next && (batch.length === 0 || (performance.now() < until && chars < 200_000))) {
        batch.push(next);
        chars += next.text.length;
        next = nextPiece();
        if (chars > PIECE_CHARS) break;
      }
      const painted = this.scan(batch, run, hidden);
      if (!sample.done) {
        sample.chars += chars;
        sample.marks += painted.length;
        sample.done = sample.chars >= 10_000 || !next;
        // Before painting: the first slice runs inside a frame callback, and marks painted there would make that
        // frame's rendering pay for them too; windowed, they are registered in the next frame.
        if (sample.done) foreseeMany(this.painter, sample.marks, sample.chars, total);
      }
      for (const m of painted) pending.push(m);
      // Marks are registered with the first slice (the view's), then at most every PAINT_EVERY_MS and at the end: each
      // change of the registry makes the browser restyle and repaint the marked text (on a 10 MB text node, long).
      if (pending.length && (!painting || !next || performance.now() - painting >= PAINT_EVERY_MS)) {
        this.painter.add(pending);
        pending = [];
        painting = performance.now();
      }
      if (next) {
        noteTask(slice, 'scan');
        await yieldToPage();
        slice = performance.now();
        if (gen !== this.generation) return;
      }
    }
    noteTask(slice, 'scan-end');
    for (const s of shadows) {
      if (gen !== this.generation) return;
      styleMarksIn(s);
      await this.passOver(s, gen, false);
    }
  }

  /** The mentions to paint in some pieces of blocks (counted in the summary). */
  private scan(pieces: Piece[], run: number, hidden: Map<Block, boolean>): PaintedMention[] {
    if (!this.running) return [];
    const segments = pieces.map((p) => p.text);
    const { mentions, context } = this.opts.detector.scan(segments, { lang: this.pageLang() || 'auto', url: this.doc.location?.href, context: this.context });
    this.context = context;
    const suppressed = this.opts.suppressed?.() ?? new Set<string>();
    const painted: PaintedMention[] = [];
    // Visibility is asked only of blocks that hold a mention: checking every block would cost a style query each.
    const isHidden = (block: Block): boolean => {
      let h = hidden.get(block);
      if (h === undefined) {
        const el = block.nodes[0]?.parentElement;
        h = !!el && typeof el.checkVisibility === 'function' && !el.checkVisibility();
        hidden.set(block, h);
      }
      return h;
    };
    const all = [...mentions, ...withoutOverlaps(this.opts.watched?.()(segments) ?? [], mentions)];
    for (const m of all) {
      if (suppressed.has(m.entityId)) continue;
      const { block, key, offset } = pieces[m.segment];
      if (isHidden(block)) continue;
      const range = this.rangeFor(block, m.start + offset, m.end + offset);
      if (!range) continue;
      painted.push({
        range,
        entityId: m.entityId,
        kind: m.entityId.startsWith(WATCH_PREFIX) ? 'watch' : m.type,
        surface: m.surface,
        order: key * BLOCK_STRIDE + m.start + offset,
        run,
      });
      this.counts.set(m.entityId, (this.counts.get(m.entityId) ?? 0) + 1);
    }
    return painted;
  }

  private rangeFor(block: Block, start: number, end: number): Range | null {
    try {
      const a = locate(block, start, false);
      const b = locate(block, end, true);
      const r = this.doc.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      return r;
    } catch {
      // The text changed between reading and painting: the mutation pass will read it again.
      return null;
    }
  }

  private observe(root: Node): void {
    if (this.roots.has(root) || !this.observer) return;
    this.roots.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    const start = performance.now();
    const host = this.opts.ownHost?.() ?? null;
    for (const r of records) {
      if (host && (r.target === host || host.contains(r.target))) continue;
      this.dirtyCount++;
      if (this.dirty.size >= BURST) continue;
      // Blocks appended to a long feed are read alone, not the whole feed around them; any other change (text edited,
      // an inline element added or removed) makes its block be read again.
      const container = r.target.nodeType === 1 && BLOCK_TAGS.test((r.target as Element).tagName);
      let inline = r.type !== 'childList';
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && BLOCK_TAGS.test((n as Element).tagName) && container) this.dirty.add(n);
        else inline = true;
      }
      // Removed children of a container take their marks with them (dropDetached); inside a block, the rest changed.
      if (r.removedNodes.length && !container) inline = true;
      if (inline) this.dirty.add(r.target);
    }
    // Marks on removed text go at once, in this microtask: a page script reading the registry after its own change
    // never sees a mark collapsed onto what is left.
    if (records.some((r) => r.removedNodes.length > 0)) this.dropDetached();
    if (this.dirty.size && !this.frameQueued) {
      this.frameQueued = true;
      requestAnimationFrame(() => {
        const start = performance.now();
        this.flushMutations();
        noteTask(start, 'flush');
      });
    }
    noteTask(start, 'mutations');
  }

  private flushMutations(): void {
    this.frameQueued = false;
    if (!this.running) return;
    const host = this.opts.ownHost?.() ?? null;
    const count = this.dirtyCount;
    const targets = [...this.dirty];
    this.dirty.clear();
    this.dirtyCount = 0;
    // Marks whose text left the page go away whatever happens next.
    this.dropDetached();
    if (count >= BURST) {
      // A burst (a whole app re-rendering): one lazy rescan when the page is quiet.
      const gen = this.generation;
      idle(() => {
        if (gen === this.generation && this.running) this.rescanAll();
      });
      return;
    }
    // A change inside an editor, a form field or our own UI is never read: the collector skips those subtrees only
    // below the root it is given, and here the root is the changed block itself (typing in a contenteditable).
    const ignore = host;
    const blocks = outermost(targets.map((t) => blockAncestor(t)).filter((n): n is Node => n !== null && !insideSkipped(n, ignore)));
    if (!blocks.length) return;
    const gen = this.generation;
    const stale = this.painter.onNodes(blocks.flatMap(textNodesOf));
    this.painter.remove(stale);
    for (const m of stale) this.decrement(m.entityId);
    void (async () => {
      for (const b of blocks) {
        if (gen !== this.generation) return;
        await this.passOver(b, gen, false);
      }
      if (gen === this.generation) this.opts.onSummary?.(this.summary());
    })();
  }

  private rescanAll(): void {
    this.painter.clear();
    this.counts.clear();
    this.fullPass();
  }

  private dropDetached(): void {
    // A live range whose text was removed collapses onto the parent that stays: a mark is never legitimately empty.
    const gone = [...this.painter.unordered()].filter((m) => m.range.collapsed || !m.range.startContainer.isConnected);
    if (!gone.length) return;
    this.painter.remove(gone);
    for (const m of gone) this.decrement(m.entityId);
  }

  private decrement(id: string): void {
    const n = (this.counts.get(id) ?? 1) - 1;
    if (n > 0) this.counts.set(id, n);
    else this.counts.delete(id);
  }
}

/**
 * After the first slices of a full pass: when they hold a fair number of marks and their density, over the page's
 * whole text, comes to well over the painter's threshold, the painter registers only the marks near the view from now
 * on. A page of a few names in a lot of text (one of them early) is never windowed: reading the boxes of ranges in a
 * huge text node is slow. A wrong guess (a dense first screen) is undone when the pass ends (unwindowIfFew).
 */
function foreseeMany(painter: HighlightPainter, marks: number, chars: number, total: number): void {
  if (marks >= 20 && (marks / chars) * total > 2 * WINDOW_THRESHOLD) painter.expectMany();
}

/** Watched-name matches that do not overlap a dataset mention (the dataset's wins). */
function withoutOverlaps(extra: Mention[], mentions: Mention[]): Mention[] {
  return extra.filter((w) => !mentions.some((m) => m.segment === w.segment && m.start < w.end && w.start < m.end));
}

const BLOCK_TAGS = /^(P|H[1-6]|LI|TD|TH|DT|DD|BLOCKQUOTE|FIGCAPTION|CAPTION|DIV|SECTION|ARTICLE|HEADER|FOOTER|MAIN|ASIDE|NAV|BODY|TABLE|UL|OL|DL|FORM|FIELDSET|DETAILS|SUMMARY|ADDRESS|FIGURE)$/;

/** The nearest block element holding a changed node (or its shadow root): the unit a mutation makes us read again. */
function blockAncestor(node: Node): Node | null {
  let n: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (n && n.nodeType === 1) {
    if (BLOCK_TAGS.test((n as Element).tagName)) return n;
    n = n.parentNode;
  }
  return n && n.nodeType === 11 ? n : null;
}

/** Whether a node is in a subtree the collector never reads (an editor, a field, code, our UI), up to its tree's root. */
function insideSkipped(node: Node, ignore: Element | null): boolean {
  for (let n: Node | null = node; n && n.nodeType === 1; n = n.parentNode) {
    const el = n as Element;
    if (isSkipped(el, { ignore }) || (el as HTMLElement).isContentEditable === true) return true;
  }
  return false;
}

/** The text nodes of a subtree, where a rescanned block's old marks hang. */
function textNodesOf(root: Node): Node[] {
  const out: Node[] = [];
  const w = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n);
  return out;
}

/** Drops nodes inside another listed node, so a block is read once. */
function outermost(els: Node[]): Node[] {
  const unique = [...new Set(els)];
  return unique.filter((e) => !unique.some((o) => o !== e && o.contains(e)));
}

/** Block indexes with the blocks on screen first: blocks are in document order, so a binary search finds the first visible one. */
function viewportOrder(blocks: Block[], doc: Document): number[] {
  const n = blocks.length;
  const all = blocks.map((_, i) => i);
  const view = doc.defaultView;
  if (n < 50 || !view) return all;
  const top = (i: number): number => {
    const el = blocks[i].nodes[0]?.parentElement;
    return el ? el.getBoundingClientRect().bottom : 0;
  };
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (top(mid) < 0) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  let last = first;
  const height = view.innerHeight;
  while (last < n - 1 && last - first < 400) {
    const el = blocks[last + 1].nodes[0]?.parentElement;
    if (!el || el.getBoundingClientRect().top > height) break;
    last++;
  }
  const visible = all.slice(first, last + 1);
  return [...visible, ...all.slice(0, first), ...all.slice(last + 1)];
}

/** The next frame (layout done), or 100 ms where no frame comes. */
function afterLayout(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * e2e builds only: marks a stretch of our own work on the main thread as a `cac:task` performance measure, which the
 * hostile-page tests read (neither Firefox's lack of a Long Tasks API nor a long rendering frame hides it there).
 */
function noteTask(start: number, what: string): void {
  if (import.meta.env.MODE === 'e2e') performance.measure('cac:task', { start, end: performance.now(), detail: what });
}

/** When a pass last let the page's own queued tasks (its timers) run. */
let lastBreath = 0;

/**
 * Gives the main thread back to the page between slices. A yielded continuation goes before the page's timers, so
 * every 50 ms a slice waits behind them instead: a long pass (a 10 MB text node) must not starve a page's timers.
 */
function yieldToPage(): Promise<void> {
  const now = performance.now();
  if (now - lastBreath > 50) {
    lastBreath = now;
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

function idle(fn: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 1000 });
  else setTimeout(fn, 200);
}
