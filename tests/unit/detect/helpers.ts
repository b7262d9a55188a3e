// Shared setup for the detector tests: one detector over the hand-written test entries.
import { compileMatcher, loadMatcher, type Detector, type PageHints } from '../../../lib/detect/index.ts';
import { ENTRIES } from './entries.ts';

export const detector: Detector = loadMatcher(JSON.parse(JSON.stringify(compileMatcher(ENTRIES))));

/** Scans one text as one segment; returns [surface, id] pairs. */
export function found(text: string | string[], hints: PageHints = {}): [string, string][] {
  const segs = Array.isArray(text) ? text : [text];
  return detector.scan(segs, hints).mentions.map((m) => [m.surface, m.entityId]);
}

export const ids = (text: string | string[], hints: PageHints = {}): string[] => found(text, hints).map(([, id]) => id);
