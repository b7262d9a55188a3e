// Paints mentions with the CSS Custom Highlight API (one highlight per entity type) and finds the mention under a point.
import type { EntityType } from '../data/schema.ts';
import type { MarkStyle } from '../messages/protocol.ts';
import { MarkWindow, type Extent } from './mark-window.ts';

export type MarkKind = EntityType | 'watch';
export const MARK_KINDS: readonly MarkKind[] = ['person', 'organisation', 'law', 'event', 'watch'];

/** One painted mention: its range in the page and what it names. */
export interface PaintedMention {
  range: Range;
  entityId: string;
  kind: MarkKind;
  surface: string;
  /** Reading order within its pass: the block's index, then the offset in the block. */
  order: number;
  /** The pass that found it: marks of one pass (or all without one) compare by `order` alone, without asking the DOM. */
  run?: number;
}

export type MarkStyles = Record<MarkKind, MarkStyle>;
export const DEFAULT_MARK_STYLES: MarkStyles = { person: 'solid', organisation: 'dashed', law: 'dotted', event: 'double', watch: 'wavy' };

/** The registry name of a kind's highlight: its underline style in the name, dark pages with their own names (see content/style.css). */
export function highlightName(kind: MarkKind | 'focus', dark: boolean, styles: MarkStyles = DEFAULT_MARK_STYLES): string {
  const style = kind === 'focus' ? '' : `-${styles[kind]}`;
  return `cac-${kind}${style}${dark ? '-d' : ''}`;
}

/**
 * More marks than this on a page: only those near the viewport are registered (see mark-window.ts). Measured in
 * Chromium on the benchmark's 5 MB page, a frame after a change to an underlined highlight spends about 17 ms on the
 * page's visual overflow whatever the number of ranges (none for a background colour), plus 12–60 µs per registered
 * range; 500 keeps such a frame near 30 ms.
 */
export const WINDOW_THRESHOLD = 500;
/**
 * How far above and below the viewport a windowed page's marks are registered, in viewport heights. The set changes
 * once the view comes within half of this of its edge: every two screens of scrolling, each change costing a frame
 * the visual-overflow pass above.
 */
export const WINDOW_MARGIN = 4;

/** The view the registered marks follow: its height, its scrolling and resizing, its frames. */
export interface Viewport {
  height(): number;
  /** Calls `fn` after each scroll (of the page or any element in it) and resize; returns the unsubscribe. */
  watch(fn: () => void): () => void;
  frame(fn: () => void): void;
}

/** The window of this realm (the content script's page). */
function browserViewport(): Viewport {
  return {
    height: () => globalThis.innerHeight,
    watch: (fn) => {
      const ac = new AbortController();
      const opts = { passive: true, capture: true, signal: ac.signal };
      // Scroll events do not bubble: caught on the way down, one listener sees every scrolling element's.
      globalThis.document.addEventListener('scroll', fn, opts);
      globalThis.addEventListener('resize', fn, opts);
      return () => ac.abort();
    },
    frame: (fn) => void requestAnimationFrame(fn),
  };
}

interface HighlightRegistry {
  get(name: string): unknown;
  set(name: string, h: Highlight): void;
  delete(name: string): boolean;
}

/**
 * Our highlights in the page's registry. The registry is shared with the page's scripts: a page
 * that clears it gets ours back on the next `ensureRegistered()`.
 */
export class HighlightPainter {
  private readonly highlights = new Map<MarkKind | 'focus', Highlight>();
  /** Mentions by the text nodes their ranges touch, for hit-testing from a caret position. */
  private byNode = new WeakMap<Node, PaintedMention[]>();
  private readonly all = new Set<PaintedMention>();
  private dark = false;
  private styles: MarkStyles = DEFAULT_MARK_STYLES;
  /** Set once the page has more than WINDOW_THRESHOLD marks, until clear(): the marks in order and the registered few. */
  private window: MarkWindow<PaintedMention> | null = null;
  private unwatch: (() => void) | null = null;
  /** The registered window no longer matches the view (scrolled, marks added); a frame to update it is queued. */
  private stale = false;
  private frameQueued = false;

  constructor(
    private readonly registry: HighlightRegistry | undefined = globalThis.CSS?.highlights as HighlightRegistry | undefined,
    private readonly view: Viewport = browserViewport(),
  ) {
    for (const kind of [...MARK_KINDS, 'focus'] as const) {
      const h = new Highlight();
      // The focus outline of keyboard navigation paints over the type's underline.
      if (kind === 'focus') h.priority = 1;
      this.highlights.set(kind, h);
    }
  }

  get supported(): boolean {
    return this.registry !== undefined;
  }

  /** Dark page or light, and the reader's underline styles: the highlights move to the matching names. */
  setLook(dark: boolean, styles: MarkStyles = this.styles): void {
    if (dark === this.dark && styles === this.styles) return;
    this.unregister();
    this.dark = dark;
    this.styles = styles;
    this.ensureRegistered();
  }

  add(mentions: PaintedMention[]): void {
    for (const m of mentions) {
      if (!this.window) this.highlights.get(m.kind)?.add(m.range);
      this.all.add(m);
      this.index(m.range.startContainer, m);
      if (m.range.endContainer !== m.range.startContainer) this.index(m.range.endContainer, m);
    }
    if (this.window) this.window.add(mentions);
    else if (this.all.size > WINDOW_THRESHOLD) this.startWindow();
    this.ensureRegistered();
  }

  remove(mentions: Iterable<PaintedMention>): void {
    const list = [...mentions];
    if (this.window) {
      this.window.delete(list);
      // Marks further out may now fit under the cap.
      this.refreshSoon();
    }
    for (const m of list) {
      if (!this.window) this.highlights.get(m.kind)?.delete(m.range);
      this.all.delete(m);
      for (const node of [m.range.startContainer, m.range.endContainer]) {
        const list = this.byNode.get(node);
        if (list) this.byNode.set(node, list.filter((x) => x !== m));
      }
    }
  }

  private index(node: Node, m: PaintedMention): void {
    const list = this.byNode.get(node);
    if (list) list.push(m);
    else this.byNode.set(node, [m]);
  }

  /** Every painted mention, in no order (cheap: no sort). */
  unordered(): IterableIterator<PaintedMention> {
    return this.all.values();
  }

  /** The mentions painted on these text nodes (a rescanned block's stale marks), found through the node index. */
  onNodes(nodes: Iterable<Node>): Set<PaintedMention> {
    const out = new Set<PaintedMention>();
    for (const n of nodes) for (const m of this.byNode.get(n) ?? []) if (this.all.has(m)) out.add(m);
    return out;
  }

  clear(): void {
    for (const h of this.highlights.values()) h.clear();
    this.all.clear();
    this.byNode = new WeakMap();
    this.stopWindow();
    this.unregister();
  }

  /** Every painted mention in reading order (document order, a shadow root's text where its host stands). */
  mentions(): PaintedMention[] {
    return this.window ? [...this.window.ordered()] : [...this.all].sort(readingOrder);
  }

  /** Whether only the marks near the viewport are registered (a page with more than WINDOW_THRESHOLD). */
  get windowed(): boolean {
    return this.window !== null;
  }

  /** The caller foresees more than WINDOW_THRESHOLD marks: only those near the viewport are registered from now on. */
  expectMany(): void {
    if (!this.window) this.startWindow();
  }

  /** Registers every mark again where a page has WINDOW_THRESHOLD or fewer after all (expectMany guessed wrong). */
  unwindowIfFew(): void {
    if (!this.window || this.all.size > WINDOW_THRESHOLD) return;
    this.stopWindow();
    for (const m of this.all) this.highlights.get(m.kind)?.add(m.range);
  }

  /** From now on only the marks near the viewport are registered: the highlights are emptied and refilled with those. */
  private startWindow(): void {
    this.window = new MarkWindow<PaintedMention>(
      {
        compare: readingOrder,
        extent: boxOf,
        register: (m) => this.highlights.get(m.kind)?.add(m.range),
        unregister: (m) => this.highlights.get(m.kind)?.delete(m.range),
      },
      WINDOW_THRESHOLD,
    );
    for (const kind of MARK_KINDS) this.highlights.get(kind)?.clear();
    this.window.add(this.all);
    this.unwatch = this.view.watch(() => this.refreshSoon());
  }

  private stopWindow(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.window = null;
    this.stale = false;
  }

  /** Updates the registered marks in the next frame: boxes are read where the browser lays the page out anyway. */
  private refreshSoon(): void {
    this.stale = true;
    if (this.frameQueued) return;
    this.frameQueued = true;
    this.view.frame(() => {
      this.frameQueued = false;
      this.refreshNow();
    });
  }

  /** Updates the registered marks now, if the view moved or marks changed since the last update. */
  private refreshNow(): void {
    if (!this.window || !this.stale) return;
    this.stale = false;
    const h = this.view.height();
    this.window.update(h, h * WINDOW_MARGIN);
  }

  setFocus(range: Range | null): void {
    const h = this.highlights.get('focus');
    if (!h) return;
    h.clear();
    if (range) h.add(range);
    this.ensureRegistered();
  }

  /** Puts our highlights (back) into the registry; cheap when they are there. */
  ensureRegistered(): void {
    if (!this.registry) return;
    // A windowed page's registered marks follow on the next frame: after marks were added, and each second (the
    // annotator's timer), which catches layout that moved without a scroll (images loaded, a section expanded).
    if (this.window) this.refreshSoon();
    for (const [kind, h] of this.highlights) {
      const name = highlightName(kind, this.dark, this.styles);
      if (this.registry.get(name) !== h) this.registry.set(name, h);
    }
  }

  private unregister(): void {
    if (!this.registry) return;
    for (const [kind, h] of this.highlights) {
      const name = highlightName(kind, this.dark, this.styles);
      if (this.registry.get(name) === h) this.registry.delete(name);
    }
  }

  /** Whether any of our highlights is under the point (Chromium 140+, Firefox 150+); undefined where the API is missing. */
  anyAt(x: number, y: number): boolean | undefined {
    const reg = this.registry as (HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => { highlight: Highlight }[] }) | undefined;
    if (!reg?.highlightsFromPoint) return undefined;
    const ours = new Set(this.highlights.values());
    return reg.highlightsFromPoint(x, y).some((r) => ours.has(r.highlight));
  }

  /** The mention whose painted text is under the point, through the caret position and the mention index. */
  mentionAt(doc: Document, x: number, y: number): PaintedMention | null {
    // A click right after a scroll may come before the frame that registers the marks now in view.
    this.refreshNow();
    if (this.anyAt(x, y) === false) return null;
    const caret = caretAt(doc, x, y);
    if (!caret) return null;
    const candidates = this.byNode.get(caret.node);
    if (!candidates?.length) return null;
    for (const m of candidates) {
      for (const rect of m.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return m;
      }
    }
    return null;
  }
}

/** The node that stands for `node` in the document tree: itself, or the host of the shadow root it lives in. */
function inDocumentTree(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root.nodeType === 11 && (root as ShadowRoot).host; root = n.getRootNode()) n = (root as ShadowRoot).host;
  return n;
}

/** A mention's box in the viewport; null where it has none (a hidden or collapsed range reads as all zeros). */
function boxOf(m: PaintedMention): Extent | null {
  const r = m.range.getBoundingClientRect();
  return r.width === 0 && r.height === 0 ? null : r;
}

function readingOrder(a: PaintedMention, b: PaintedMention): number {
  // Marks of one pass carry their order: no DOM call (compareDocumentPosition walks siblings, slow on long pages).
  if (a.run === b.run) return a.order - b.order;
  const na = a.range.startContainer;
  const nb = b.range.startContainer;
  if (na === nb) return a.range.startOffset - b.range.startOffset;
  const ra = na.getRootNode();
  const same = ra === nb.getRootNode();
  const pa = same ? na : inDocumentTree(na);
  const pb = same ? nb : inDocumentTree(nb);
  if (pa === pb) return a.order - b.order;
  const pos = pa.compareDocumentPosition(pb);
  if (pos & 4) return -1; // b follows a
  if (pos & 2) return 1;
  return a.order - b.order;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
