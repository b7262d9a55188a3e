// The public API of the detection engine: load a compiled matcher, scan a page's segments, get mentions.
import type { Country } from '../data/schema.ts';
import { Trie, newRawHits } from './matcher.ts';
import { resolve, adoptContext } from './disambiguate.ts';
import { HOST_COUNTRY, URL_PATH_COUNTRY } from './signals.ts';
import type { CodeKind } from './articles.ts';
import type { CompiledMatcher, Mention, PageContext, PageHints, EntityType } from './types.ts';

export type { CompiledMatcher, Mention, PageContext, PageHints, EntityType };
export { compileMatcher } from './compile.ts';
export { foldText, toOriginal } from './normalise.ts';
export { emptyContext } from './disambiguate.ts';

export interface ScanResult { mentions: Mention[]; context: PageContext }

export interface Detector {
  /** Mentions in each segment (one segment = the joined text of one block), offsets in UTF-16 code units of the original segment text. */
  scan(segments: readonly string[], hints?: PageHints): ScanResult;
  /** Every entity id the matcher knows. */
  entityIds(): string[];
  /** The type and country of an entity id, or undefined. */
  entity(id: string): { type: EntityType; country: Country } | undefined;
}

/** Country signals from the page's address and language, before any word is read. */
function hintSignals(ctx: PageContext, hints: PageHints): void {
  // The page's language is not a signal by itself: a Kazakh weather page about Europe is Central-Asia-free.
  // Tajik and Kyrgyz pages (tg, ky) are, since the dataset's names never appear there by chance.
  if (typeof hints.lang === 'string' && /^tg\b/i.test(hints.lang)) ctx.countries.TJ++;
  if (typeof hints.lang === 'string' && /^ky\b/i.test(hints.lang)) ctx.countries.KG++;
  if (!hints.url) return;
  let host = '';
  let path = '';
  try {
    const u = new URL(hints.url);
    host = u.hostname.toLowerCase();
    path = decodeURIComponent(u.pathname).toLowerCase();
  } catch {
    return;
  }
  for (const [suffix, c] of HOST_COUNTRY) {
    if (suffix.startsWith('.') ? host.endsWith(suffix) : host === suffix || host.endsWith('.' + suffix)) { ctx.countries[c]++; break; }
  }
  for (const [word, c] of URL_PATH_COUNTRY) if (path.includes(word)) { ctx.countries[c]++; break; }
}

class DetectorImpl implements Detector {
  private readonly trie: Trie;
  /** Built on first use only: a page that never asks for an entity by id or a law pays nothing at load. */
  private byId: Map<string, number> | null = null;
  private laws: Map<string, number> | null = null;

  constructor(private readonly compiled: CompiledMatcher) {
    this.trie = new Trie(compiled);
  }

  private law(country: Country, code: CodeKind, article: string): number {
    if (!this.laws) {
      this.laws = new Map();
      for (const [e, jur, c, art] of this.compiled.laws) this.laws.set(`${jur}|${c}|${art}`, e);
    }
    return this.laws.get(`${country}|${code}|${article}`) ?? -1;
  }

  scan(segments: readonly string[], hints: PageHints = {}): ScanResult {
    const ctx = adoptContext(hints.context);
    if (!hints.context) hintSignals(ctx, hints);
    const raw = newRawHits();
    const segs: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const s = typeof segments[i] === 'string' ? segments[i]! : '';
      segs.push(s);
      this.trie.scanSegment(s, i, raw);
    }
    const mentions = resolve({
      compiled: this.compiled,
      segments: segs,
      raw,
      ctx,
      law: (country: Country, code: CodeKind, article: string) => this.law(country, code, article),
    });
    return { mentions, context: ctx };
  }

  entityIds(): string[] {
    return [...this.compiled.ids];
  }

  entity(id: string): { type: EntityType; country: Country } | undefined {
    if (!this.byId) {
      this.byId = new Map();
      const ids = this.compiled.ids;
      for (let k = 0; k < ids.length; k++) this.byId.set(ids[k]!, k);
    }
    const i = this.byId.get(id);
    return i === undefined ? undefined : { type: this.compiled.types[i]!, country: this.compiled.countries[i]! };
  }
}

/** Loads a compiled matcher: its tables are read in place from the JSON strings, so nothing is decoded (about a millisecond cold). */
export function loadMatcher(compiled: CompiledMatcher): Detector {
  return new DetectorImpl(compiled);
}
