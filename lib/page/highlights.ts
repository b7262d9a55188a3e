// Paints mentions with the CSS Custom Highlight API (one highlight per entity type) and finds the mention under a point.
import type { EntityType } from '../data/schema.ts';
import type { MarkStyle } from '../messages/protocol.ts';

export type MarkKind = EntityType | 'watch';
export const MARK_KINDS: readonly MarkKind[] = ['person', 'organisation', 'law', 'event', 'watch'];

/** One painted mention: its range in the page and what it names. */
export interface PaintedMention {
  range: Range;
  entityId: string;
  kind: MarkKind;
  surface: string;
  /** Reading order: the block's index, then the offset in the block. */
  order: number;
}

export type MarkStyles = Record<MarkKind, MarkStyle>;
export const DEFAULT_MARK_STYLES: MarkStyles = { person: 'solid', organisation: 'dashed', law: 'dotted', event: 'double', watch: 'wavy' };

/** The registry name of a kind's highlight: its underline style in the name, dark pages with their own names (see content/style.css). */
export function highlightName(kind: MarkKind | 'focus', dark: boolean, styles: MarkStyles = DEFAULT_MARK_STYLES): string {
  const style = kind === 'focus' ? '' : `-${styles[kind]}`;
  return `cac-${kind}${style}${dark ? '-d' : ''}`;
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

  constructor(private readonly registry: HighlightRegistry | undefined = globalThis.CSS?.highlights as HighlightRegistry | undefined) {
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
      this.highlights.get(m.kind)?.add(m.range);
      this.all.add(m);
      this.index(m.range.startContainer, m);
      if (m.range.endContainer !== m.range.startContainer) this.index(m.range.endContainer, m);
    }
    this.ensureRegistered();
  }

  remove(mentions: Iterable<PaintedMention>): void {
    for (const m of mentions) {
      this.highlights.get(m.kind)?.delete(m.range);
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
    this.unregister();
  }

  /** Every painted mention in reading order (document order, a shadow root's text where its host stands). */
  mentions(): PaintedMention[] {
    return [...this.all].sort(readingOrder);
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

function readingOrder(a: PaintedMention, b: PaintedMention): number {
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
