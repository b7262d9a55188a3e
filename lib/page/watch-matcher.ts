// Finds the reader's watched names (a short list, not the dataset) in block texts, case-insensitively, as whole words.
import type { Mention } from '../detect/index.ts';

export const WATCH_PREFIX = 'watch:';

/** A matcher over a handful of names: one RegExp, rebuilt only when the watch list changes. */
export function watchMatcher(names: readonly string[]): (segments: readonly string[]) => Mention[] {
  const clean = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  if (!clean.length) return () => [];
  const byKey = new Map(clean.map((n) => [n.toLocaleLowerCase(), n]));
  const body = clean.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s\\u00a0]+')).join('|');
  // Whole words in any script: no letter or digit right before or after.
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
  return (segments) => {
    const out: Mention[] = [];
    segments.forEach((text, segment) => {
      for (const m of text.matchAll(re)) {
        const name = byKey.get(m[0].replace(/[\s\u00a0]+/g, ' ').toLocaleLowerCase()) ?? m[0];
        out.push({ segment, start: m.index, end: m.index + m[0].length, entityId: WATCH_PREFIX + name, type: 'person', surface: m[0], via: 'alias' });
      }
    });
    return out;
  };
}
