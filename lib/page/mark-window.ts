// Keeps a page's many marks in document order and registers with the browser only those within reach of the viewport.
//
// Why: Chromium re-validates every range of every registered highlight whenever the registry changes, in the frame's
// pre-paint, off-screen ranges included: 17,000 marks made one frame of about 200 ms. Registering the few hundred marks
// near the viewport keeps that frame short; the rest wait in document order until a scroll brings them near.

/** Where an item's box lies, in px from the viewport's top edge. */
export interface Extent {
  top: number;
  bottom: number;
}

/** Reads an item's box; null where it has none (hidden, collapsed). */
export type ExtentOf<T> = (item: T) => Extent | null;

/** How far forward a search looks for an item with a box before it treats the rest as below the line. */
const BOXLESS_RUN = 32;

/**
 * The first index at or after `from` whose item reaches `y` or further down (its box's bottom at or below `y`), reading
 * the boxes of about log2(n) items. Items are in document order, which on a page is top to bottom; an item without a
 * box counts as where the next item with one is.
 */
export function firstReaching<T>(items: readonly T[], extent: ExtentOf<T>, y: number, from = 0): number {
  return search(items, extent, from, (e) => e.bottom < y);
}

/** The first index at or after `from` whose item starts below `y` (its box's top further down than `y`). */
export function firstBelow<T>(items: readonly T[], extent: ExtentOf<T>, y: number, from = 0): number {
  return search(items, extent, from, (e) => e.top <= y);
}

/** Binary search for the first index where `before` stops holding (it holds for a prefix of the items). */
function search<T>(items: readonly T[], extent: ExtentOf<T>, from: number, before: (e: Extent) => boolean): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let at = mid;
    let box: Extent | null = null;
    for (const end = Math.min(hi, mid + BOXLESS_RUN); at < end && !(box = extent(items[at])); ) at++;
    if (box && before(box)) lo = at + 1;
    else hi = mid;
  }
  return lo;
}

export interface MarkWindowHooks<T> {
  /** Document order (negative: a before b). */
  compare(a: T, b: T): number;
  extent: ExtentOf<T>;
  register(item: T): void;
  unregister(item: T): void;
}

/**
 * Every mark of a page in document order, and the set registered with the browser: after `update()`, exactly the marks
 * whose boxes lie within `margin` px of the viewport (at most `cap` of them). Additions and removals are cheap and
 * settle into the order on the next read, so a pass adding thousands of marks in slices sorts each slice once.
 */
export class MarkWindow<T> {
  private sorted: T[] = [];
  private incoming: T[] = [];
  private readonly gone = new Set<T>();
  private readonly registered = new Set<T>();
  /** The registered items are sorted[from, to), as long as no item was added or removed since. */
  private from = 0;
  private to = 0;
  private changed = false;

  constructor(
    private readonly hooks: MarkWindowHooks<T>,
    private readonly cap: number,
  ) {}

  add(items: Iterable<T>): void {
    for (const x of items) this.incoming.push(x);
    this.changed = true;
  }

  /** Forgets items (unregistering those registered). */
  delete(items: Iterable<T>): void {
    this.changed = true;
    for (const x of items) {
      this.gone.add(x);
      if (this.registered.delete(x)) this.hooks.unregister(x);
    }
    // A page that keeps replacing its text between reads must not grow the list of removals without end.
    if (this.gone.size > Math.max(1024, this.sorted.length)) this.settle();
  }

  /** Every item, in document order. */
  ordered(): readonly T[] {
    this.settle();
    return this.sorted;
  }

  /**
   * Registers the items within `margin` px above and below a viewport `height` px tall, and unregisters the others.
   * While the items registered last time still reach half the margin beyond the view, nothing changes: in Chromium any
   * change costs the next frame a pass over the page's highlights, so a scroll changes them once a screen or so, not
   * in every frame.
   */
  update(height: number, margin: number): void {
    const list = this.ordered();
    if (!this.changed && this.covers(list, height, margin / 2)) return;
    this.changed = false;
    const { extent } = this.hooks;
    let from = firstReaching(list, extent, -margin);
    let to = firstBelow(list, extent, height + margin, from);
    if (to - from > this.cap) {
      // Too many within the margin: the ones on screen first, centred in as many as the cap allows.
      const v0 = Math.max(from, firstReaching(list, extent, 0, from));
      const v1 = Math.min(to, Math.max(v0, firstBelow(list, extent, height, v0)));
      from = Math.max(from, Math.min(to - this.cap, Math.floor((v0 + v1 - this.cap) / 2)));
      to = from + this.cap;
    }
    this.from = from;
    this.to = to;
    const next = new Set(list.slice(from, to));
    for (const x of this.registered) {
      if (next.has(x)) continue;
      this.registered.delete(x);
      this.hooks.unregister(x);
    }
    for (const x of next) {
      if (this.registered.has(x)) continue;
      this.registered.add(x);
      this.hooks.register(x);
    }
  }

  /** Whether the registered items reach `reach` px above and below the view: the items just outside them lie further. */
  private covers(list: readonly T[], height: number, reach: number): boolean {
    const { extent } = this.hooks;
    const before = this.from > 0 ? extent(list[this.from - 1]) : null;
    const after = this.to < list.length ? extent(list[this.to]) : null;
    return (this.from === 0 || (before !== null && before.bottom < -reach)) && (this.to === list.length || (after !== null && after.top > height + reach));
  }

  /** Applies pending removals and merges pending additions into the order. */
  private settle(): void {
    if (this.gone.size) {
      const gone = this.gone;
      this.sorted = this.sorted.filter((x) => !gone.has(x));
      this.incoming = this.incoming.filter((x) => !gone.has(x));
      gone.clear();
    }
    if (!this.incoming.length) return;
    const { compare } = this.hooks;
    const adding = this.incoming.sort(compare);
    this.incoming = [];
    // Each new item finds its place by binary search (log n comparisons, which may ask the DOM) rather than a linear
    // merge comparing against every item already there.
    const old = this.sorted;
    const out: T[] = [];
    let i = 0;
    for (const x of adding) {
      let lo = i;
      let hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(old[mid], x) <= 0) lo = mid + 1;
        else hi = mid;
      }
      while (i < lo) out.push(old[i++]);
      out.push(x);
    }
    while (i < old.length) out.push(old[i++]);
    this.sorted = out;
  }
}
