// Collects a page's text by blocks (paragraph, heading, list item, cell), each with a map back to its text nodes.

/** One block's text: the concatenation of its text nodes, so a name split across inline tags stays whole. */
export interface Block {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: number[];
  /** The shadow root or document the nodes live in (a Range cannot span two trees). */
  root: Node;
}

/** Elements whose content is never read: code, form fields, editors, our own UI. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre',
  'svg', 'math', 'canvas', 'video', 'audio', 'iframe', 'object', 'embed', 'head', 'title', 'kbd', 'samp', 'button',
]);

/** Elements that start and end a block of text. Inline elements (a, b, span, em …) join their neighbours. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export interface CollectOptions {
  /** Our own UI's host element, never read. */
  ignore?: Element | null;
  /** Whether an element is hidden (in a browser: checkVisibility); absent in Node. */
  isHidden?: (el: Element) => boolean;
  /** Called for every open shadow root met on the way, so the caller can collect it as its own tree. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

const TEXT_NODE = 3;
/** advance() pauses a climb after this many levels (see there). */
const CLIMB_STEP = 64;
const PAUSE = Symbol('pause');
const ELEMENT_NODE = 1;

/** Whether an element's subtree is left out entirely. */
export function isSkipped(el: Element, opts: CollectOptions): boolean {
  // localName is lower case and allocates nothing: this runs for every element of the page.
  if (SKIP.has(el.localName)) return true;
  if (el === opts.ignore) return true;
  // Most elements carry no attribute at all: one call answers for them.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  // An element that is not HTML (an SVG or MathML child with a lower-case name) is skipped by the SVG rule above.
  return false;
}

/**
 * A resumable collector: `step(budget)` reads nodes until the budget says stop, so a large page is
 * read in slices between which the page gets the main thread back.
 */
export class BlockCollector {
  readonly blocks: Block[] = [];
  private readonly walker: Walker;
  private cur: Block | null = null;
  private done = false;
  private started = false;
  /** In the middle of climbing back up (see advance). */
  private climbing = false;

  constructor(
    private readonly root: Node,
    private readonly opts: CollectOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    // 0x1 | 0x4: elements and text. No filter: a JS filter costs a call from the engine per node; the walk decides
    // itself not to descend into skipped elements, which is what FILTER_REJECT would do.
    const tw = doc.createTreeWalker(root, 0x1 | 0x4);
    // Browsers: the TreeWalker itself. DOMs without walker navigation (linkedom in the CLI): the same walk by hand.
    this.walker = typeof tw.firstChild === 'function' ? tw : new ManualWalker(root);
  }

  /** Whether the walk may go into the node just reached: not into text, skipped or hidden elements. */
  private descend = false;

  /** Takes note of a node the walk reached: block boundaries, skipped subtrees, shadow roots. */
  private arrive(node: Node): Node {
    if (node.nodeType !== ELEMENT_NODE) {
      this.descend = false;
      return node;
    }
    const el = node as Element;
    const block = BLOCK.has(el.localName);
    if (block) this.close();
    const opts = this.opts;
    if (isSkipped(el, opts) || (block && opts.isHidden?.(el))) {
      this.descend = false;
      return node;
    }
    this.descend = true;
    const shadow = el.shadowRoot;
    if (shadow && opts.onShadowRoot) opts.onShadowRoot(shadow);
    return node;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Reads nodes while `more()` says yes; returns the blocks completed in this step. */
  step(more: () => boolean): Block[] {
    const first = this.blocks.length;
    let checks = 0;
    while (!this.done) {
      // Ask the clock only every 256 nodes: performance.now() costs more than a node.
      if ((++checks & 255) === 0 && !more()) break;
      const node = this.advance();
      if (node === PAUSE) {
        if (!more()) break;
        continue;
      }
      if (!node) {
        this.close();
        this.done = true;
        break;
      }
      if (node.nodeType === TEXT_NODE) {
        const t = node as Text;
        const data = t.data;
        if (data.length === 0) continue;
        if (!this.cur) {
          // A run of white space alone between blocks starts nothing.
          if (isBlank(data)) continue;
          this.cur = { text: '', nodes: [], starts: [], root: this.root };
        }
        this.cur.starts.push(this.cur.text.length);
        this.cur.nodes.push(t);
        this.cur.text += data;
      }
    }
    return this.blocks.slice(first);
  }

  /**
   * Depth-first order through the walker, closing the current block when a block element starts or ends. Climbing
   * back up from the bottom of a deep tree (5,000 levels) is paused every CLIMB_STEP levels, so `step()` can give the
   * page its main thread back in the middle of a climb instead of running one unbounded loop.
   */
  private advance(): Node | null | typeof PAUSE {
    const w = this.walker;
    if (!this.started) {
      this.started = true;
      const c = w.firstChild();
      return c && this.arrive(c);
    }
    if (!this.climbing && this.descend) {
      const down = w.firstChild();
      if (down) return this.arrive(down);
    }
    this.climbing = true;
    for (let levels = 0; ; levels++) {
      if (levels === CLIMB_STEP) return PAUSE;
      const cur = w.currentNode;
      if (isBlockNode(cur)) this.close();
      const next = w.nextSibling();
      if (next) {
        this.climbing = false;
        return this.arrive(next);
      }
      const up = w.parentNode();
      if (!up || up === this.root) {
        this.climbing = false;
        return null;
      }
    }
  }

  private close(): void {
    if (this.cur) {
      if (!isBlank(this.cur.text)) this.blocks.push(this.cur);
      this.cur = null;
    }
  }
}

/** The part of TreeWalker the collector uses. */
interface Walker {
  readonly currentNode: Node;
  firstChild(): Node | null;
  nextSibling(): Node | null;
  parentNode(): Node | null;
}

/** TreeWalker navigation over elements and text (SHOW_ELEMENT | SHOW_TEXT), by plain node links. */
class ManualWalker implements Walker {
  currentNode: Node;

  constructor(private readonly root: Node) {
    this.currentNode = root;
  }

  private ok(n: Node): boolean {
    return n.nodeType === ELEMENT_NODE || n.nodeType === TEXT_NODE;
  }

  firstChild(): Node | null {
    for (let c = this.currentNode.firstChild; c; c = c.nextSibling) {
      if (this.ok(c)) return (this.currentNode = c);
    }
    return null;
  }

  nextSibling(): Node | null {
    if (this.currentNode === this.root) return null;
    for (let c = this.currentNode.nextSibling; c; c = c.nextSibling) {
      if (this.ok(c)) return (this.currentNode = c);
    }
    return null;
  }

  parentNode(): Node | null {
    if (this.currentNode === this.root) return null;
    const p = this.currentNode.parentNode;
    if (!p) return null;
    return (this.currentNode = p);
  }
}

function isBlockNode(n: Node): boolean {
  return n.nodeType === ELEMENT_NODE && BLOCK.has((n as Element).localName);
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 160) return false;
  }
  return true;
}

/** All blocks of a tree at once (the CLI, tests); the content script uses BlockCollector in slices. */
export function collectBlocks(root: Node, opts: CollectOptions = {}): Block[] {
  const c = new BlockCollector(root, opts);
  while (!c.finished) c.step(() => true);
  return c.blocks;
}

/** The text node and offset inside it for an offset into a block's text. `end` picks the node that ends there. */
export function locate(block: Block, offset: number, end: boolean): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid];
    if (s < offset || (!end && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  // CharacterData.length, not data.length: Firefox copies a text node's whole string out on every read of .data.
  return { node: nodes[lo], offset: Math.min(offset - starts[lo], nodes[lo].length) };
}
