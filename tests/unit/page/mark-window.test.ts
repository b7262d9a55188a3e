// Windowed marks: binary searches over boxes in document order, the merged order, and which marks end up registered.
import { describe, expect, test } from 'vitest';
import { firstBelow, firstReaching, MarkWindow, type Extent } from '../../../lib/page/mark-window.ts';

/** A mark on a fake page: `y` is its top in page coordinates, `h` its height; no box when `h` is 0. */
interface Item {
  id: number;
  y: number;
  h: number;
}

/** A fake page scrolled to `scroll`, counting the boxes read. */
function page(scroll = 0) {
  const state = { scroll, reads: 0 };
  const extent = (x: Item): Extent | null => {
    state.reads++;
    return x.h === 0 ? null : { top: x.y - state.scroll, bottom: x.y + x.h - state.scroll };
  };
  return { state, extent };
}

/** `n` marks 20 px tall, one every `gap` px from the top. */
function column(n: number, gap = 50): Item[] {
  return Array.from({ length: n }, (_, i) => ({ id: i, y: i * gap, h: 20 }));
}

function windowOver(items: Item[], cap = 1000) {
  const { state, extent } = page();
  const registered = new Set<number>();
  const log = { registered: 0, unregistered: 0, compares: 0 };
  const w = new MarkWindow<Item>(
    {
      compare: (a, b) => {
        log.compares++;
        return a.id - b.id;
      },
      extent,
      register: (x) => {
        log.registered++;
        expect(registered.has(x.id), `${x.id} registered twice`).toBe(false);
        registered.add(x.id);
      },
      unregister: (x) => {
        log.unregistered++;
        expect(registered.delete(x.id), `${x.id} unregistered without being registered`).toBe(true);
      },
    },
    cap,
  );
  w.add(items);
  return { w, state, registered, log };
}

describe('firstReaching / firstBelow', () => {
  test('agree with a linear scan at every line, reading about log2(n) boxes', () => {
    const items = column(10_000);
    const { state, extent } = page(123_456);
    for (const y of [-1e6, -100, -1, 0, 1, 15, 20, 449, 450, 900, 1e7]) {
      state.reads = 0;
      const reaching = firstReaching(items, extent, y);
      expect(reaching).toBe(items.findIndex((x) => x.y + x.h - state.scroll >= y) < 0 ? items.length : items.findIndex((x) => x.y + x.h - state.scroll >= y));
      const below = firstBelow(items, extent, y);
      const linear = items.findIndex((x) => x.y - state.scroll > y);
      expect(below).toBe(linear < 0 ? items.length : linear);
      expect(state.reads).toBeLessThanOrEqual(2 * 15);
    }
  });

  test('start from `from`', () => {
    const items = column(100);
    const { extent } = page();
    expect(firstReaching(items, extent, 0, 40)).toBe(40);
    expect(firstBelow(items, extent, 1000, 10)).toBe(21);
  });

  test('an item without a box counts as where the next item with one is', () => {
    const items = column(100);
    for (let i = 30; i < 40; i++) items[i].h = 0;
    const { extent } = page();
    // Items 30–39 have no box: a line falling among them lands after them, on item 40.
    expect(firstReaching(items, extent, 30 * 50 + 5)).toBe(30);
    expect(firstBelow(items, extent, 35 * 50)).toBe(30);
    expect(firstBelow(items, extent, 40 * 50 - 1)).toBe(30);
    expect(firstBelow(items, extent, 40 * 50)).toBe(41);
  });
});

describe('MarkWindow order', () => {
  test('merges additions made in any order into document order, and drops removed items, also ones never merged', () => {
    const items = column(1000);
    const shuffled = [...items].sort((a, b) => ((a.id * 7919) % 1000) - ((b.id * 7919) % 1000));
    const { w } = windowOver(shuffled.slice(0, 500));
    expect(w.ordered().map((x) => x.id)).toEqual(shuffled.slice(0, 500).map((x) => x.id).sort((a, b) => a - b));
    w.add(shuffled.slice(500));
    w.delete([items[3], items[999], shuffled[700]]);
    const want = items.filter((x) => x.id !== 3 && x.id !== 999 && x !== shuffled[700]).map((x) => x.id);
    expect(w.ordered().map((x) => x.id)).toEqual(want);
  });

  test('a few additions to a long list cost a binary search each, not a comparison with every item', () => {
    const items = column(10_001);
    const { w, log } = windowOver(items.filter((x) => x.id !== 5000));
    w.ordered();
    log.compares = 0;
    w.add([items[5000]]);
    expect(w.ordered()[5000]).toBe(items[5000]);
    expect(log.compares).toBeLessThanOrEqual(15);
  });

  test('many removals between reads settle on their own', () => {
    const items = column(3000);
    const { w } = windowOver(items);
    w.ordered();
    // Removed in small groups, as a page that keeps replacing its text: the list stays right throughout.
    for (let i = 0; i < 2000; i += 10) w.delete(items.slice(i, i + 10));
    expect(w.ordered().map((x) => x.id)).toEqual(items.slice(2000).map((x) => x.id));
  });
});

describe('MarkWindow.update', () => {
  test('registers exactly the items within the margin of the viewport', () => {
    const { w, registered } = windowOver(column(10_000));
    w.update(900, 1800);
    // Items are 50 px apart and 20 px tall: the window reaches from -1800 px to 2700 px.
    expect([...registered].sort((a, b) => a - b)).toEqual(column(10_000).filter((x) => x.y + 20 >= -1800 && x.y <= 2700).map((x) => x.id));
  });

  test('a scroll registers the items now near and unregisters those left behind', () => {
    const { w, state, registered } = windowOver(column(10_000));
    const near = () => column(10_000).filter((x) => x.y + 20 - state.scroll >= -1800 && x.y - state.scroll <= 2700).map((x) => x.id);
    w.update(900, 1800);
    state.scroll = 200_000;
    w.update(900, 1800);
    expect([...registered].sort((a, b) => a - b)).toEqual(near());
    state.scroll = 100_000;
    w.update(900, 1800);
    expect([...registered].sort((a, b) => a - b)).toEqual(near());
  });

  test('scrolling less than half the margin changes nothing; further, the window moves, at the edges only', () => {
    const { w, state, log } = windowOver(column(10_000));
    state.scroll = 100_000;
    w.update(900, 1800);
    log.registered = log.unregistered = 0;
    for (let dy = 50; dy <= 850; dy += 50) {
      state.scroll = 100_000 + dy;
      w.update(900, 1800);
    }
    expect(log.registered + log.unregistered).toBe(0);
    // 950 px down: the item after the window is now within 900 px of the view's bottom.
    state.scroll = 100_950;
    w.update(900, 1800);
    expect(log.registered).toBe(19);
    expect(log.unregistered).toBe(19);
  });

  test('never registers more than the cap: the items on screen stay in', () => {
    // 5,000 items 1 px apart, all within the margin.
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: i, y: i - 2000, h: 1 }));
    const { w, registered } = windowOver(items, 1500);
    w.update(900, 1800);
    expect(registered.size).toBe(1500);
    for (const x of items) if (x.y + 1 >= 0 && x.y <= 900) expect(registered.has(x.id), `${x.id} is on screen`).toBe(true);
  });

  test('items added or removed after an update follow on the next one; a removed item is unregistered at once', () => {
    const items = column(100);
    const { w, registered } = windowOver(items.slice(0, 50));
    w.update(900, 0);
    expect(registered.has(10)).toBe(true);
    w.delete([items[10]]);
    expect(registered.has(10)).toBe(false);
    w.add([items[90]]);
    w.update(900, 10_000);
    expect(registered.has(90)).toBe(true);
    expect(registered.has(10)).toBe(false);
  });
});
