// The painter with a fake registry and view: every mark registered on ordinary pages, only those near the view on long ones.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { HighlightPainter, WINDOW_MARGIN, WINDOW_THRESHOLD, type PaintedMention, type Viewport } from '../../../lib/page/highlights.ts';

/** Highlight is a set of ranges with a priority; Node has no such global. */
class FakeHighlight extends Set<unknown> {
  priority = 0;
}
beforeAll(() => vi.stubGlobal('Highlight', FakeHighlight));
afterAll(() => vi.unstubAllGlobals());

const HEIGHT = 900;
const GAP = 100;

/** A page of `n` one-line marks, GAP px apart, each in its own text node; scrolled to `view.scroll`. */
function setup(n: number) {
  const view = { scroll: 0, listeners: new Set<() => void>(), frames: [] as (() => void)[] };
  const viewport: Viewport = {
    height: () => HEIGHT,
    watch: (fn) => {
      view.listeners.add(fn);
      return () => view.listeners.delete(fn);
    },
    frame: (fn) => void view.frames.push(fn),
  };
  const registry = new Map<string, unknown>();
  const painter = new HighlightPainter(registry, viewport);
  const mentions: PaintedMention[] = Array.from({ length: n }, (_, i) => {
    const node = { nodeType: 3 } as unknown as Node;
    const box = () => ({ top: i * GAP - view.scroll, bottom: i * GAP + 20 - view.scroll, left: 0, right: 100, width: 100, height: 20 });
    const range = { startContainer: node, endContainer: node, startOffset: 0, collapsed: false, getBoundingClientRect: box, getClientRects: () => [box()] } as unknown as Range;
    return { range, entityId: `e${i % 7}`, kind: 'person', surface: `name ${i}`, order: i, run: 1 };
  });
  const registered = () => {
    const out = new Set<number>();
    for (const [name, h] of registry) if (name.startsWith('cac-person')) for (const r of h as FakeHighlight) out.add(mentions.findIndex((m) => m.range === r));
    return out;
  };
  const runFrames = () => {
    const due = view.frames.splice(0);
    for (const f of due) f();
  };
  const scrollTo = (y: number) => {
    view.scroll = y;
    for (const fn of view.listeners) fn();
  };
  return { painter, mentions, registered, runFrames, scrollTo, view };
}

/** The indexes of the marks within WINDOW_MARGIN viewport heights of the view at `scroll`. */
function near(scroll: number, n: number): number[] {
  const margin = WINDOW_MARGIN * HEIGHT;
  return Array.from({ length: n }, (_, i) => i).filter((i) => i * GAP + 20 - scroll >= -margin && i * GAP - scroll <= HEIGHT + margin);
}

describe('HighlightPainter', () => {
  test(`up to ${WINDOW_THRESHOLD} marks: all registered at once, no scroll listener`, () => {
    const { painter, mentions, registered, view } = setup(WINDOW_THRESHOLD);
    painter.add(mentions.slice(0, 600));
    painter.add(mentions.slice(600));
    expect(registered().size).toBe(WINDOW_THRESHOLD);
    expect(painter.windowed).toBe(false);
    expect(view.listeners.size).toBe(0);
  });

  test('past the threshold: only the marks near the view are registered, from the next frame on', () => {
    const n = WINDOW_THRESHOLD * 3;
    const { painter, mentions, registered, runFrames, view } = setup(n);
    painter.add(mentions.slice(0, WINDOW_THRESHOLD));
    painter.add(mentions.slice(WINDOW_THRESHOLD));
    expect(painter.windowed).toBe(true);
    runFrames();
    expect([...registered()].sort((a, b) => a - b)).toEqual(near(0, n));
    expect(view.listeners.size).toBe(1);
    // Everything else still reads every mark, in order.
    expect(painter.mentions()).toEqual(mentions);
  });

  test('a scroll moves the registered marks along in the next frame', () => {
    const n = WINDOW_THRESHOLD * 3;
    const { painter, mentions, registered, runFrames, scrollTo } = setup(n);
    painter.add(mentions);
    runFrames();
    const scroll = (n - 20) * GAP;
    scrollTo(scroll);
    runFrames();
    expect([...registered()].sort((a, b) => a - b)).toEqual(near(scroll, n));
    expect(registered().has(0)).toBe(false);
  });

  test('a click right after a scroll finds the mark there and registers it before the frame comes', () => {
    const n = WINDOW_THRESHOLD * 3;
    const { painter, mentions, registered, runFrames, scrollTo } = setup(n);
    painter.add(mentions);
    runFrames();
    const far = n - 10;
    const scroll = far * GAP - HEIGHT / 2;
    scrollTo(scroll);
    const target = mentions[far];
    const doc = { caretPositionFromPoint: () => ({ offsetNode: target.range.startContainer, offset: 2 }) } as unknown as Document;
    expect(registered().has(far)).toBe(false);
    expect(painter.mentionAt(doc, 50, far * GAP + 10 - scroll)).toBe(target);
    expect(registered().has(far)).toBe(true);
  });

  test('foreseen many: windowed from the first marks; too few after all: every mark registered again', () => {
    const { painter, mentions, registered, runFrames } = setup(WINDOW_THRESHOLD * 2);
    painter.expectMany();
    painter.add(mentions.slice(0, 100));
    expect(registered().size).toBe(0);
    runFrames();
    expect([...registered()].sort((a, b) => a - b)).toEqual(near(0, 100));
    painter.unwindowIfFew();
    expect(painter.windowed).toBe(false);
    expect(registered().size).toBe(100);
    // With more than the threshold, the window stays.
    painter.expectMany();
    painter.add(mentions.slice(100));
    painter.unwindowIfFew();
    expect(painter.windowed).toBe(true);
    runFrames();
    expect([...registered()].sort((a, b) => a - b)).toEqual(near(0, WINDOW_THRESHOLD * 2));
  });

  test('removed marks leave the registry; clear() ends the window and its listener', () => {
    const n = WINDOW_THRESHOLD * 3;
    const { painter, mentions, registered, runFrames, view } = setup(n);
    painter.add(mentions);
    runFrames();
    painter.remove([mentions[1], mentions[2]]);
    expect(registered().has(1)).toBe(false);
    expect(registered().has(3)).toBe(true);
    expect(painter.mentions()).toHaveLength(n - 2);
    painter.clear();
    expect(painter.windowed).toBe(false);
    expect(view.listeners.size).toBe(0);
    painter.add(mentions.slice(0, 10));
    expect(registered().size).toBe(10);
  });
});
