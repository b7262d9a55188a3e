// Decides how each word of a name may be inflected, and checks a word's remainder against that (data in suffixes.ts).
//
// Compile time: each folded alias word becomes a stem plus a paradigm id (and the nominative tail
// the stem dropped). Scan time: only where a whole stem matched, the rest of the text word is
// folded into a short string and checked here; this never runs per character.
import * as N from './normalise.ts';
// Module constants rather than imported bindings in the loops (see matcher.ts).
const FOLD = N.FOLD, IGN = N.IGN, STOP = N.STOP, HYPH = N.HYPH, isCyrillicFold = N.isCyrillicFold;
import { RU_PARADIGMS, RU_INDECLINABLE_ENDS, KK_SLOTS, KK_CYR_TO_LAT, KK_PARTICIPLES, KK_FINITE_PAST, EN_ENDINGS, RU_HYPHEN_ENDINGS, MIN_STEM_FOR_GLUED } from './suffixes.ts';

/** Paradigm ids 0..RU_PARADIGMS.length-1 are the Russian ones, in order; then these. */
export const P_RU_INDECL = RU_PARADIGMS.length;
const P_RU_ADJ = RU_PARADIGMS.findIndex((p) => p.name === 'ru-adj');
export const P_LATIN = P_RU_INDECL + 1;
/** Acronyms and very short words in Cyrillic: the bare form or a hyphenated ending only (ДВК-ның). */
export const P_CYR_EXACT = P_LATIN + 1;
/** Acronyms and very short words in Latin: also the possessive/plural s (QDT's). */
export const P_LAT_EXACT = P_CYR_EXACT + 1;
/** A Kazakh verbal noun ending a name (көрінеу жалған ақпарат тарату): the stem without -у, then -у or a participle; Cyrillic, then Latin. */
export const P_KK_VERB = P_LAT_EXACT + 1;
export const P_KK_VERB_LAT = P_KK_VERB + 1;
export const PARADIGM_COUNT = P_KK_VERB_LAT + 1;

const foldStr = (s: string): string => {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const f = FOLD[s.charCodeAt(i)]!;
    if (f !== IGN && f > STOP) out += String.fromCharCode(f);
  }
  return out;
};

/** Each Russian paradigm's endings, folded; per ending the paradigms that accept it (bit mask). */
const RU_ENDING_MASK = new Map<string, number>();
RU_PARADIGMS.forEach((p, id) => {
  for (const e of p.endings) {
    const k = foldStr(e);
    RU_ENDING_MASK.set(k, (RU_ENDING_MASK.get(k) ?? 0) | (1 << id));
  }
});
for (const e of EN_ENDINGS) RU_ENDING_MASK.set(e, (RU_ENDING_MASK.get(e) ?? 0) | (1 << P_LATIN) | (1 << P_LAT_EXACT));
for (const id of [P_RU_INDECL, P_CYR_EXACT]) RU_ENDING_MASK.set('', (RU_ENDING_MASK.get('') ?? 0) | (1 << id));
/** The longest ending an inner word may carry: the walk reads no further (a longer remainder is another word). */
export const MAX_INNER_ENDING = Math.min(5, Math.max(0, ...[...RU_ENDING_MASK.keys()].map((k) => k.length)));
/** Folded letters are below this: an ending's letters as the digits of one number key (no string built at scan time). */
const KEY_BASE = N.ALPHABET;
const endingKey = (k: string): number => { let h = 0; for (let i = 0; i < k.length; i++) h = h * KEY_BASE + k.charCodeAt(i); return h; };
/** Inner-word endings by number key → paradigm mask (the same data as RU_ENDING_MASK). */
const INNER_BY_KEY = new Map<number, number>();
// Keys stay exact below 2^53: five letters at most (the longest Russian ending has three).
for (const [k, m] of RU_ENDING_MASK) if (k.length <= MAX_INNER_ENDING) INNER_BY_KEY.set(endingKey(k), m);
/** Where the remainder read by the last innerMaskAt call ended. */
export const INNER_END = new Int32Array(1);

/**
 * The paradigm mask of the word ending at folded[k..] (up to the word's end), 0 when it is no inner-word
 * ending; reads the folded buffer in place and allocates nothing. Sets INNER_END[0] to the word's end.
 */
export function innerMaskAt(folded: Uint16Array, k: number, n: number): number {
  let h = 0, len = 0;
  while (k < n) {
    const f = folded[k]!;
    if (f === IGN) { k++; continue; }
    if (f <= STOP) break;
    if (f >= KEY_BASE || ++len > MAX_INNER_ENDING) return 0;
    h = h * KEY_BASE + f;
    k++;
  }
  INNER_END[0] = k;
  return INNER_BY_KEY.get(h) ?? 0;
}
/** The bare form is valid for every paradigm whose nominative tail is empty; the tail check covers the rest. */

const RU_DROPS: { drop: string; strip: number; id: number }[] = RU_PARADIGMS.flatMap((p, id) => p.drops.map((d) => ({ drop: foldStr(d), strip: p.strip, id })));

const slotSets = (translit: boolean): string[][] => KK_SLOTS.map((slot) => {
  const out = new Set<string>();
  for (const m of slot) {
    out.add(foldStr(translit ? [...m].map((c) => KK_CYR_TO_LAT[c] ?? c).join('') : m));
  }
  return [...out].sort((a, b) => b.length - a.length);
});
const KK_CYR = slotSets(false);
const KK_LAT = slotSets(true);
const verbSet = (list: string[], translit: boolean): string[] => [...new Set(list.map((m) => foldStr(translit ? [...m].map((c) => KK_CYR_TO_LAT[c] ?? c).join('') : m)))];
const KK_VERB_CYR = verbSet(KK_PARTICIPLES, false);
const KK_VERB_LAT = verbSet(KK_PARTICIPLES, true);
const KK_FINITE_CYR = verbSet(KK_FINITE_PAST, false);
const KK_FINITE_LAT = verbSet(KK_FINITE_PAST, true);
const RU_HYPHEN = new Set(RU_HYPHEN_ENDINGS.map(foldStr));

/** True when `rem` is a chain of Kazakh morphemes (plural? possessive? case? relative?), each slot at most once. */
function kkChain(rem: string, slots: string[][], from: number, slot: number): boolean {
  if (from === rem.length) return true;
  for (let k = slot; k < slots.length; k++) {
    // The relative -ғы/-кі follows a locative or genitive only; do not let it stand on a bare stem.
    if (k === 3 && slot === 0) continue;
    for (const m of slots[k]!) {
      // A bare vowel or n as the case ending follows a possessive only (Назарбаевына, not Nazarbayev+a).
      if (k === 2 && slot < 2 && m.length === 1) continue;
      if (m && rem.startsWith(m, from) && kkChain(rem, slots, from + m.length, k + 1)) return true;
    }
  }
  return false;
}

export interface WordForm {
  /** Folded letters the trie stores (the word minus its dropped nominative ending). */
  stem: number[];
  paradigm: number;
  /** The folded nominative ending the stem dropped ("а" for Тулесова), which glued Kazakh endings follow. */
  tail: string;
}

/**
 * How one alias word inflects. `original` is the word as written (for acronym detection), `folded`
 * its folded letters; `alone` is true for a one-word alias (short ones then take no glued ending);
 * `kazakhVerb` is true for the last word of a Kazakh alias of several words, which may be a verbal noun.
 */
export function wordForm(original: string, folded: number[], alone: boolean, kazakhVerb = false): WordForm {
  const letters = [...original].filter((c) => FOLD[c.charCodeAt(0)]! > STOP && FOLD[c.charCodeAt(0)] !== IGN);
  const isUpper = letters.length >= 2 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase() || /\d/.test(c));
  const cyr = folded.some(isCyrillicFold);
  const digits = folded.every((f) => f >= 0x30 && f <= 0x39);
  if (digits || (isUpper && letters.length <= 6) || (alone && folded.length < MIN_STEM_FOR_GLUED)) {
    return { stem: folded, paradigm: cyr ? P_CYR_EXACT : P_LAT_EXACT, tail: '' };
  }
  const word = String.fromCharCode(...folded);
  // The verbal noun's -у gives way to a participle (тарату → таратқаны); it stays before a case (таратуға).
  // The 2018 alphabet writes that у as ý and the 2017 one as y', which fold to y: the original tells them from ы.
  if (kazakhVerb && folded.length >= 5 && (word.endsWith('у') || word.endsWith('u') || /(?:ý|y')$/i.test(original))) {
    return { stem: folded.slice(0, -1), paradigm: cyr ? P_KK_VERB : P_KK_VERB_LAT, tail: word.slice(-1) };
  }
  if (!cyr) return { stem: folded, paradigm: P_LATIN, tail: '' };
  for (const d of RU_DROPS) {
    if (d.drop && word.endsWith(d.drop) && word.length - d.strip >= 3) {
      return { stem: folded.slice(0, folded.length - d.strip), paradigm: d.id, tail: word.slice(word.length - d.strip) };
    }
  }
  const last = word[word.length - 1]!;
  if (RU_INDECLINABLE_ENDS.split('').map(foldStr).includes(last)) return { stem: folded, paradigm: P_RU_INDECL, tail: '' };
  return { stem: folded, paradigm: RU_PARADIGMS.length - 1, tail: '' };
}

/**
 * A Kazakh verb's remainder: the verbal noun, bare or with a possessive and case (таратуға), a participle with
 * them (қатысқанын), or the bare finite past (таратты).
 */
function verbValid(rem: string, tail: string, latin: boolean): boolean {
  const chain = latin ? KK_LAT : KK_CYR;
  if (rem === tail || (rem.startsWith(tail) && kkChain(rem, chain, tail.length, 1))) return true;
  if ((latin ? KK_FINITE_LAT : KK_FINITE_CYR).includes(rem)) return true;
  for (const v of latin ? KK_VERB_LAT : KK_VERB_CYR) {
    if (rem.length > v.length && rem.startsWith(v) && kkChain(rem, chain, v.length, 1)) return true;
  }
  return false;
}

/** Whether a glued remainder (letters after the stem, folded, up to the word's end) is a valid ending. */
export function gluedValid(rem: string, paradigm: number, tail: string): boolean {
  const m = RU_ENDING_MASK.get(rem);
  if (m !== undefined && (m >> paradigm) & 1) return true;
  if (paradigm === P_CYR_EXACT || paradigm === P_LAT_EXACT) return false;
  if (paradigm === P_KK_VERB || paradigm === P_KK_VERB_LAT) return verbValid(rem, tail, paradigm === P_KK_VERB_LAT);
  if (paradigm === P_RU_ADJ) return false; // Russian adjectives: Kazakh endings go on Kazakh words
  if (!rem.startsWith(tail)) return false;
  const chain = paradigm === P_LATIN ? KK_LAT : KK_CYR;
  return rem.length > tail.length && kkChain(rem, chain, tail.length, 0);
}

/** Whether an ending after a hyphen (QDT-мен, ДВК-ның, 405-бабы's -ның part) is valid for any name. */
export function hyphenValid(rem: string): boolean {
  if (!rem) return false;
  return RU_HYPHEN.has(rem) || kkChain(rem, KK_CYR, 0, 0) || kkChain(rem, KK_LAT, 0, 0);
}

/** Whether an inner word of a multi-word name may carry this remainder (Russian declines every word: Мухтаром Аблязовым). */
export function innerValid(rem: string, paradigmMask: number): boolean {
  const m = RU_ENDING_MASK.get(rem);
  return m !== undefined && (m & paradigmMask) !== 0;
}

/**
 * Reads the rest of the text word from index k (folded, ignorables skipped), up to a boundary.
 * Returns the folded remainder and the index after it, or null when longer than any ending.
 */
export function readRemainder(s: string, k: number, max = 24): { rem: string; end: number } | null {
  let rem = '';
  const n = s.length;
  while (k < n) {
    const f = FOLD[s.charCodeAt(k)]!;
    if (f === IGN) { k++; continue; }
    if (f <= STOP) break;
    if (rem.length >= max) return null;
    rem += String.fromCharCode(f);
    k++;
  }
  return { rem, end: k };
}

export { HYPH };
