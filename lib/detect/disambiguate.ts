// Turns raw hits into mentions: page signals, context rules for ambiguous aliases, legal articles, longest match without overlaps.
import type { Country } from '../data/schema.ts';
import { FOLD, IGN, STOP, SEP, foldKey } from './normalise.ts';
import { FOREIGN_MARKERS } from './signals.ts';
import { CAND_STRIDE, type RawHits } from './matcher.ts';
import { articlesAt, type CodeKind } from './articles.ts';
import { K_NAME, K_ALIAS, K_AMBIG, type CompiledMatcher, type Mention, type PageContext } from './types.ts';

/** How far (UTF-16 units) a context word may be from an ambiguous alias to confirm it. */
export const CONTEXT_WINDOW = 250;
/** How close a foreign marker must be to veto an ambiguous alias ("US Democratic Party"). */
export const NEG_WINDOW = 40;
const CA = ['KZ', 'KG', 'TJ'] as const;

export function emptyContext(): PageContext {
  return { v: 1, countries: { KZ: 0, KG: 0, TJ: 0 }, region: 0, seen: [] };
}

/** A context passed back in by a caller: copied and checked, since it may have been stored and reloaded. */
export function adoptContext(c: PageContext | undefined): PageContext {
  const out = emptyContext();
  if (!c || typeof c !== 'object') return out;
  for (const k of CA) {
    const v = c.countries?.[k];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out.countries[k] = v;
  }
  if (typeof c.region === 'number' && c.region > 0) out.region = c.region;
  if (Array.isArray(c.seen)) out.seen = c.seen.filter((x): x is string => typeof x === 'string');
  if (c.code === 'criminal' || c.code === 'administrative' || c.code === 'constitution') out.code = c.code;
  return out;
}

export function dominantCountry(ctx: PageContext): Country | null {
  let best: Country | null = null;
  let n = 0;
  for (const k of CA) if (ctx.countries[k] > n) { n = ctx.countries[k]; best = k; }
  return best;
}

export const hasSignal = (ctx: PageContext): boolean => ctx.region > 0 || CA.some((k) => ctx.countries[k] > 0);

/** Foreign markers, folded; short or upper-case ones must be whole words (US is not "used"). */
const NEG_KEYS: { key: string; whole: boolean }[] = FOREIGN_MARKERS.map((m) => ({ key: foldKey(m), whole: m.length <= 4 || m === m.toUpperCase() })).filter((x) => x.key);

const WBUF = new Uint16Array(4 * CONTEXT_WINDOW + 1024);

/** Folded text of s[from, to) (separator runs as one space or stop) and the folded range of the candidate [start, end) in it. */
function windowOf(s: string, from: number, to: number, start: number, end: number): { text: string; cFrom: number; cTo: number } {
  const a = Math.max(0, from), b = Math.min(s.length, to, a + WBUF.length - 1);
  let n = 0, cFrom = -1, cTo = -1, prevSep = false;
  for (let i = a; i < b; i++) {
    if (cFrom < 0 && i >= start) cFrom = n;
    if (cTo < 0 && i >= end) cTo = n;
    const f = FOLD[s.charCodeAt(i)]!;
    if (f === IGN) continue;
    if (f <= STOP) {
      if (prevSep) { if (f === STOP) WBUF[n - 1] = 0x2e; continue; }
      WBUF[n++] = f === STOP ? 0x2e : f === 1 ? 0x2d : 0x20;
      prevSep = true;
      continue;
    }
    prevSep = false;
    WBUF[n++] = f;
  }
  if (cFrom < 0) cFrom = n;
  if (cTo < 0) cTo = n;
  return { text: String.fromCharCode.apply(null, WBUF.subarray(0, n) as unknown as number[]), cFrom, cTo };
}

/** Whether `key` starts a word of the folded window (whole word, or with an English s, if `whole`) outside [skipFrom, skipTo). */
function windowHas(text: string, key: string, whole: boolean, skipFrom: number, skipTo: number): boolean {
  for (let p = text.indexOf(key); p >= 0; p = text.indexOf(key, p + 1)) {
    if (p > 0 && text.charCodeAt(p - 1) > 0x2e) continue;
    if (p < skipTo && p + key.length > skipFrom) continue;
    if (!whole) return true;
    const e = p + key.length;
    const next = e < text.length ? text.charCodeAt(e) : 0;
    const after = e + 1 < text.length ? text.charCodeAt(e + 1) : 0;
    if (next <= 0x2e || (next === 0x73 && after <= 0x2e)) return true;
  }
  return false;
}

/** The case shape of a surface: does it agree with how the alias is written (1 Capitalised, 2 UPPER)? */
/**
 * A full name distinctive enough to stand on a page with no other Central Asia signal: two words
 * or more and ten letters or more ("Mukhtar Ablyazov", not "Ak Zhol", which is also a road).
 */
function distinctive(surface: string): boolean {
  let letters = 0, words = 0, inWord = false;
  for (let i = 0; i < surface.length; i++) {
    const f = FOLD[surface.charCodeAt(i)]!;
    if (f <= STOP) { inWord = false; continue; }
    if (f === IGN) continue;
    letters++;
    if (!inWord) { words++; inWord = true; }
  }
  return words >= 2 && letters >= 10;
}

/** Whether the surface is written the way a name of this case shape must be (see compile.ts caseShape). */
export function caseFits(surface: string, shape: number): boolean {
  if (shape === 0) return true;
  let letters = 0, upper = 0, firstTwoUpper = 0;
  for (let i = 0; i < surface.length; i++) {
    const u = caseOf(surface.charCodeAt(i));
    if (u === 0) continue;
    if (letters < 2 && u === 2) firstTwoUpper++;
    letters++;
    if (u === 2) { upper++; if (shape === 1) return true; }
  }
  return shape === 2 ? firstTwoUpper >= Math.min(2, letters) : upper > 0;
}

/** 0 not a cased letter, 1 lower case, 2 upper case; a table over Latin, Greek and Cyrillic, String methods beyond. */
const CASE = (() => {
  const t = new Uint8Array(0x530);
  for (let c = 0; c < t.length; c++) {
    const ch = String.fromCharCode(c);
    const lo = ch.toLowerCase(), up = ch.toUpperCase();
    t[c] = lo === up ? 0 : ch === lo ? 1 : 2;
  }
  return t;
})();
function caseOf(c: number): number {
  if (c < 0x530) return CASE[c]!;
  const ch = String.fromCharCode(c);
  const lo = ch.toLowerCase(), up = ch.toUpperCase();
  return lo === up ? 0 : ch === lo ? 1 : 2;
}

function caseAgrees(surface: string, shape: number): boolean {
  if (shape === 0) return true;
  let first = true;
  for (const ch of surface) {
    if (ch.toLowerCase() === ch.toUpperCase()) continue;
    const up = ch === ch.toUpperCase();
    if (shape === 1) return up;
    if (shape === 2 && !up) return false;
    if (first) first = false;
  }
  return true;
}

/** True when the word at pos opens a sentence (only separators and quotes back to a stop or the segment start). */
function sentenceInitial(s: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const f = FOLD[s.charCodeAt(i)]!;
    if (f === IGN || f === SEP) continue;
    return f === STOP;
  }
  return true;
}

interface Cand { seg: number; start: number; end: number; entity: number; via: Mention['via']; score: number; prio: number }

export interface ResolveInput {
  compiled: CompiledMatcher;
  segments: readonly string[];
  raw: RawHits;
  ctx: PageContext;
  law: (country: Country, code: CodeKind, article: string) => number;
}

/** Resolves raw hits into mentions; updates `ctx` in place with what the page has shown. */
export function resolve({ compiled, segments, raw, ctx, law }: ResolveInput): Mention[] {
  const { countries } = compiled;
  // 1. Signals: country keywords and full names of Central Asian entries.
  for (let i = 0; i < raw.country.length; i += 3) {
    const c = raw.country[i + 2]!;
    if (c === 3) ctx.region++;
    else ctx.countries[CA[c === 0 ? 0 : c === 1 ? 1 : 2]]++;
  }
  const C = raw.cand;
  for (let i = 0; i < C.length; i += CAND_STRIDE) {
    if (C[i + 3] !== K_NAME) continue;
    const surface = (segments[C[i]!] ?? '').slice(C[i + 1]!, C[i + 2]!);
    if (!caseFits(surface, C[i + 5]!) || !distinctive(surface)) continue;
    const country = countries[C[i + 4]!];
    if (country && country !== 'other') ctx.countries[country]++;
  }
  const signal = hasSignal(ctx);

  // 2. Plain names and aliases.
  const accepted: Cand[] = [];
  const ambiguous: number[] = [];
  for (let i = 0; i < C.length; i += CAND_STRIDE) {
    const kind = C[i + 3]!, entity = C[i + 4]!;
    const country = countries[entity];
    const base = { seg: C[i]!, start: C[i + 1]!, end: C[i + 2]!, entity, score: C[i + 6]! };
    if ((kind === K_NAME || kind === K_ALIAS) && !caseFits((segments[base.seg] ?? '').slice(base.start, base.end), C[i + 5]!)) continue;
    if (kind === K_NAME) {
      if ((country !== 'other' && distinctive((segments[base.seg] ?? '').slice(base.start, base.end))) || signal) accepted.push({ ...base, via: 'name', prio: 3 });
    } else if (kind === K_ALIAS) {
      if (signal) accepted.push({ ...base, via: 'alias', prio: 2 });
    } else if (kind === K_AMBIG) ambiguous.push(i);
  }
  const pageCountries = new Set<Country>();
  for (const k of CA) if (ctx.countries[k] > 0) pageCountries.add(k);
  for (const a of accepted) { const c = countries[a.entity]; if (c) pageCountries.add(c); }

  // 3. Ambiguous aliases: a context word nearby, or (written as a name, mid-sentence) the page's own country.
  const seen = new Set(ctx.seen);
  for (const a of accepted) seen.add(compiled.ids[a.entity]!);
  const ambByPos = new Map<string, Cand[]>();
  for (const i of ambiguous) {
    const seg = C[i]!, start = C[i + 1]!, end = C[i + 2]!, entity = C[i + 4]!, amb = compiled.ambiguous[C[i + 5]!];
    if (!amb) continue;
    const s = segments[seg] ?? '';
    if (!caseFits(s.slice(start, end), amb.shape === 2 ? 2 : amb.shape > 0 ? 1 : 0)) continue;
    // Context words and foreign markers are looked up here, in short folded windows around the candidate only.
    const near = windowOf(s, start - NEG_WINDOW, end + NEG_WINDOW, start, end);
    if (NEG_KEYS.some((k) => windowHas(near.text, k.key, k.whole, near.cFrom, near.cTo))) continue;
    const win = windowOf(s, start - CONTEXT_WINDOW, end + CONTEXT_WINDOW, start, end);
    let confirmed = 0;
    for (const id of amb.ctx) {
      const key = compiled.contextWords[id];
      if (key && windowHas(win.text, key, false, win.cFrom, win.cTo)) { confirmed = 2; break; }
    }
    if (!confirmed && signal) {
      const country = countries[entity]!;
      const surface = s.slice(start, end);
      const byCountry = country !== 'other' && pageCountries.has(country);
      if (byCountry && caseAgrees(surface, amb.shape) && amb.shape > 0 && !(amb.single && sentenceInitial(s, start))) confirmed = 1;
    }
    if (!confirmed) continue;
    const key = `${seg}:${start}:${end}`;
    const list = ambByPos.get(key) ?? [];
    // Confirmed by a context word, it may beat a plain alias on the same words (Назарбаева near «дочь»);
    // confirmed only by the page's country, it yields to one (указ Назарбаева is Nursultan's genitive).
    const score = confirmed === 2 ? 5000 + C[i + 6]! + (seen.has(compiled.ids[entity]!) ? 5 : 0) : -2000 + (seen.has(compiled.ids[entity]!) ? 5 : 0);
    list.push({ seg, start, end, entity, via: 'ambiguous', score, prio: 1 });
    ambByPos.set(key, list);
  }
  for (const list of ambByPos.values()) {
    // Two entries claiming the same words: keep the better-confirmed one, or none when they tie.
    list.sort((a, b) => b.score - a.score);
    if (list.length > 1 && list[0]!.score === list[1]!.score && list[0]!.entity !== list[1]!.entity) continue;
    accepted.push(list[0]!);
  }

  // 4. Legal articles at keyword hits.
  const pageCountry = dominantCountry(ctx);
  for (let i = 0; i < raw.art.length; i += 4) {
    const seg = raw.art[i]!;
    const r = articlesAt(segments[seg] ?? '', raw.art[i + 1]!, raw.art[i + 2]!, raw.art[i + 3]!, {
      law, pageCountry, pageCode: (ctx.code as CodeKind | undefined) ?? null,
    });
    if (r.codeSeen) ctx.code = r.codeSeen;
    for (const h of r.hits) accepted.push({ seg, start: h.start, end: h.end, entity: h.entity, via: 'article', score: 2000, prio: 4 });
  }

  // 5. Longest match wins; never overlap. Ties: written form (score), then the stronger kind.
  accepted.sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.score - a.score || b.prio - a.prio || a.seg - b.seg || a.start - b.start);
  const taken = new Map<number, [number, number][]>();
  const mentions: Mention[] = [];
  for (const c of accepted) {
    const spans = taken.get(c.seg) ?? [];
    if (spans.some(([s, e]) => c.start < e && s < c.end)) continue;
    spans.push([c.start, c.end]);
    taken.set(c.seg, spans);
    const id = compiled.ids[c.entity]!;
    mentions.push({ segment: c.seg, start: c.start, end: c.end, entityId: id, type: compiled.types[c.entity]!, surface: (segments[c.seg] ?? '').slice(c.start, c.end), via: c.via });
    seen.add(id);
    const country = countries[c.entity];
    if (c.via !== 'name' && country && country !== 'other') ctx.countries[country]++;
  }
  ctx.seen = [...seen];
  mentions.sort((a, b) => a.segment - b.segment || a.start - b.start);
  return mentions;
}
