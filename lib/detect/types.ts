// Shapes shared by the compiler, the matcher and the public API of lib/detect.
import type { Country, EntityType } from '../data/schema.ts';

export type { Country, EntityType };

/** What one trie output means. Kinds below K_CONTEXT name an entity; the others are page signals. */
export const K_NAME = 0; // a full name from `names`: matched even on pages with no Central Asia signal
export const K_ALIAS = 1; // a plain alias: matched once the page shows a Central Asia signal
export const K_AMBIG = 2; // an ambiguous alias: needs a confirming context
export const K_CONTEXT = 3; // a context word of ambiguous aliases (extra = context id)
export const K_COUNTRY = 4; // a country keyword (extra = country index, 3 = the region as a whole)
export const K_ARTICLE = 5; // a legal-article keyword (extra = article keyword form, see articles.ts)
export const K_NEG = 6; // a foreign-namesake marker near ambiguous aliases
/** Case shape of a Russian name in lower case (beside 0 any, 1 Capitalised, 2 UPPER): not matched by a lower-case word in Kazakh letters. */
export const SHAPE_RU_LOWER = 3;
/** Paradigm value for outputs matched as a word prefix (context words, keyword stems). */
export const PREFIX = -1;
/** Added to small packed values so the JSON holds no control characters (see CompiledMatcher). */
export const PACK_OFFSET = 0x40;
/** Node flags: outputs to check or an inflected inner word's ending (the full walk takes over). */
export const F_WORK = 1;
/** Node flags: only a separator edge (a multi-word name goes on): work only where the word ends there. */
export const F_SEPARATOR = 2;
/** Node flags: only context-word outputs, recorded by the scan's probe itself as it passes. */
export const F_CONTEXT = 3;
/** Int32 fields per output record. */
export const OUT_STRIDE = 5;

/** The compiled matcher: JSON-serialisable, tables as strings of code units (no decoding at load). */
export interface CompiledMatcher {
  v: 1;
  /** Entity ids, types and countries by entity index. */
  ids: string[];
  types: EntityType[];
  countries: Country[];
  /**
   * The trie, nodes in breadth-first order with edges sorted by label, so the edge at CSR index e
   * leads to node e + 1. Stored as strings of UTF-16 code units, read in place with charCodeAt, so
   * loading decodes nothing and loops over nothing: JSON.parse hands them over as they are.
   * - edges: per node (and one past the last), its first edge index - node + 1 (the BFS frontier, small);
   * - labels: per edge, its folded letter (code 0 is the separator edge);
   * - outStart: per node (and one past the last), its first output record + PACK_OFFSET;
   * - flags: per node, PACK_OFFSET + what a walk has to do there (F_WORK, F_SEPARATOR, F_CONTEXT; 0 nothing);
   * - outs: output records, five values each + PACK_OFFSET: kind, entity index (or -1), paradigm (or PREFIX), tail index, extra.
   */
  edges: string;
  labels: string;
  outStart: string;
  flags: string;
  outs: string;
  /** Flat pairs [node, mask]: the paradigms of inner words that end at the node (Russian declines each word). */
  inner: number[];
  /** Folded nominative tails dropped from stems ("а" of Тулесова), indexed by an output's tail index. */
  tails: string[];
  /**
   * Ambiguous aliases: for each, its context ids, case shape (0 any, 1 Capitalised, 2 UPPER), whether it is one word,
   * and whether its context names its own country (then any keyword of that country nearby, a city too, confirms it):
   * 0 not, 1 among other words, 2 with nothing but the country.
   */
  ambiguous: { ctx: number[]; shape: number; single: boolean; byCountry: number }[];
  /** Context word keys by id: folded words joined by one space, matched as word prefixes near an ambiguous alias. */
  contextWords: string[];
  /** Code articles: [entity index, jurisdiction, code, article]. */
  laws: [number, Country, string, string][];
  /** The scan's live-prefix filter, precomputed (matcher.ts encodeLiveFilter); without it the trie builds it at load. */
  live?: string;
}

export interface Mention {
  /** Index of the segment in the scanned list. */
  segment: number;
  /** Offsets in UTF-16 code units of the original segment text. */
  start: number;
  end: number;
  entityId: string;
  type: EntityType;
  surface: string;
  /** How it matched: a full name, an alias, an ambiguous alias confirmed by context, or a legal article. */
  via: 'name' | 'alias' | 'ambiguous' | 'article';
}

/** What a page has shown so far, passed back in on later scans of the same page. Plain JSON. */
export interface PageContext {
  v: 1;
  /** Signal counts per country (keywords, full names, hints, accepted mentions). */
  countries: { KZ: number; KG: number; TJ: number };
  /** Central Asia named as a region (no country). */
  region: number;
  /**
   * Signals the page's own words gave (country keywords, Central Asian names), as against its address or
   * language: a Kazakh site's world news is no Central Asian text, so international bodies and generic
   * institutions there need words of the region.
   */
  words?: number;
  /** Entity ids accepted on the page so far. */
  seen: string[];
  /** The last legal code named on the page ("criminal", "administrative"), for bare "Article 405". */
  code?: string;
}

export interface PageHints {
  /** 'en' | 'ru' | 'kk' | 'auto' or a BCP 47 tag. */
  lang?: string;
  url?: string;
  context?: PageContext;
}
