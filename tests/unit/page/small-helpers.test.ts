// The content script's small pure helpers: long texts cut at spaces, sentences around a mention, page darkness, watched names.
import { describe, expect, test } from 'vitest';
import { cutAt, splitLongSegments } from '../../../lib/page/segments.ts';
import { sentenceIn } from '../../../lib/page/sentence.ts';
import { luminance, parseRgb } from '../../../lib/page/theme.ts';
import { watchMatcher, WATCH_PREFIX } from '../../../lib/page/watch-matcher.ts';
import { safeHttpUrl } from '../../../lib/page/safe-url.ts';

describe('splitLongSegments', () => {
  test('keeps short texts whole and cuts long ones at white space, pieces mapping back to their offsets', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const { segments, owner } = splitLongSegments(['short', long], 500);
    expect(segments[0]).toBe('short');
    expect(segments.slice(1).join('')).toBe(long);
    for (let i = 1; i < segments.length; i++) {
      expect(segments[i].length).toBeLessThanOrEqual(500);
      expect(long.slice(owner[i].offset, owner[i].offset + segments[i].length)).toBe(segments[i]);
      // No word is cut in two.
      expect(segments[i]).toMatch(/^word\d+/);
    }
  });
});

describe('cutAt', () => {
  test('ends a piece after a paragraph break in its second half, else after the last space, else at the limit', () => {
    const para = 'a'.repeat(70) + '\n' + 'b b b b b b b b b b b b b b b';
    expect(cutAt(para, 0, 80)).toBe(71);
    // A break in the first half would make a short piece: the last space wins.
    const early = 'a\n' + 'word '.repeat(30);
    expect(cutAt(early, 0, 50)).toBe(47);
    expect(early[46]).toBe(' ');
    // One word longer than the limit: cut at the limit.
    expect(cutAt('x'.repeat(120), 0, 50)).toBe(50);
    // The rest fits: it is the whole rest.
    expect(cutAt('short text', 3, 50)).toBe(10);
  });

  test('cuts from any offset and never goes back before it', () => {
    const text = 'one two three four five six seven eight nine ten';
    let at = 0;
    const pieces: string[] = [];
    while (at < text.length) {
      const end = cutAt(text, at, 12);
      expect(end).toBeGreaterThan(at);
      expect(end - at).toBeLessThanOrEqual(12);
      pieces.push(text.slice(at, end));
      at = end;
    }
    expect(pieces.join('')).toBe(text);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith(' ')).toBe(true);
  });
});

describe('sentenceIn', () => {
  test('takes the sentence around the mention', () => {
    const text = 'First one. Then Mukhtar Ablyazov spoke in Paris. Last.';
    const start = text.indexOf('Mukhtar');
    expect(sentenceIn(text, start, start + 16)).toBe('Then Mukhtar Ablyazov spoke in Paris.');
  });
});

describe('theme', () => {
  test('parses computed colours and tells dark from light', () => {
    expect(parseRgb('rgb(0, 0, 0)')).toEqual([0, 0, 0]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminance([18, 18, 18])).toBeLessThan(0.2);
    expect(luminance([255, 255, 255])).toBeGreaterThan(0.9);
  });
});

describe('watchMatcher', () => {
  test('finds watched names as whole words, case-insensitively, in any script', () => {
    const find = watchMatcher(['Aigul Utepova', 'Жанна Исаева']);
    const text = 'Journalist AIGUL UTEPOVA was fined; жанна исаева too. Not Aigul Utepovas.';
    const found = find([text]);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['AIGUL UTEPOVA', 'жанна исаева']);
    expect(found[0].entityId).toBe(`${WATCH_PREFIX}Aigul Utepova`);
  });

  test('an empty watch list finds nothing', () => {
    expect(watchMatcher([])(['anything'])).toEqual([]);
  });
});

describe('safeHttpUrl', () => {
  test('lets http(s) through and nothing else', () => {
    expect(safeHttpUrl('https://fpc.org.uk/x')).toBe('https://fpc.org.uk/x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});
