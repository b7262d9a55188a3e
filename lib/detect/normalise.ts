// Folds text one UTF-16 code unit at a time through a precomputed table, so spellings meet and offsets stay exact.
//
// Every code unit maps to one folded code unit (or a class), never to two: that is what keeps the
// map back to the original text exact and the scan a single tight loop over a typed array.

/** Whitespace, quotes, commas, brackets: a word boundary that a multi-word name may cross. */
export const SEP = 0;
/** Hyphens: a word boundary that a name may cross and that may carry a suffix (QDT-мен, 405-бабы). */
export const HYPH = 1;
/** Sentence punctuation (. ! ? ; : …): a word boundary that a multi-word name never crosses. */
export const STOP = 2;
/** Ignorable inside a word: soft hyphen, zero-width characters, combining marks, apostrophes. */
export const IGN = 0xffff;
/** A letter of a script the dataset does not use: part of a word, matches nothing. */
export const OTHER = 0xfffe;
/** The edge label a trie uses for "a run of separators between two words of a name". */
export const SEP_LABEL = 0;
/** Folded letters all fall below this value (Latin, Greek, Cyrillic), so per-letter tables stay small. */
export const ALPHABET = 0x500;

function buildFold(): Uint16Array {
  const t = new Uint16Array(65536).fill(OTHER);
  const set = (from: number, to: number, v: number): void => { t.fill(v, from, to + 1); };
  // ASCII: letters to lower case, digits themselves, everything else a separator of some kind.
  set(0, 0x7f, SEP);
  for (let c = 0x30; c <= 0x39; c++) t[c] = c;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32;
  t[0x2d] = HYPH;
  for (const c of '.!?;:') t[c.charCodeAt(0)] = STOP;
  t[0x27] = IGN; // ' : an apostrophe inside a word (Ablyazov's, the 2017 Kazakh alphabet's a')
  t[0x60] = IGN;
  // Latin-1 punctuation and the Latin letters with diacritics: fold to the base letter.
  set(0x80, 0xbf, SEP);
  t[0xad] = IGN; // soft hyphen
  t[0xb4] = IGN; // acute accent used as an apostrophe
  for (let c = 0xc0; c <= 0x24f; c++) {
    const ch = String.fromCharCode(c).toLowerCase().normalize('NFD');
    const b = ch.charCodeAt(0);
    t[c] = b >= 0x61 && b <= 0x7a ? b : ch.length === 1 && b < ALPHABET ? b : OTHER;
  }
  t[0xd7] = SEP; t[0xf7] = SEP;
  const latin: Record<string, string> = { 'ı': 'i', 'đ': 'd', 'Đ': 'd', 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'ħ': 'h', 'Ħ': 'h', 'ŧ': 't', 'Ŧ': 't', 'ß': 's', 'æ': 'a', 'Æ': 'a', 'œ': 'o', 'Œ': 'o', 'ŋ': 'n', 'Ŋ': 'n', 'ƣ': 'g', 'Ƣ': 'g' };
  for (const [k, v] of Object.entries(latin)) t[k.charCodeAt(0)] = v.charCodeAt(0);
  // Kazakh Latin q and Cyrillic қ both meet k: Toqaev, Tokaev, Тоқаев.
  t[0x71] = 0x6b; t[0x51] = 0x6b;
  set(0x2b0, 0x2ff, IGN); // modifier letters: ʼ ʻ used as apostrophes
  set(0x300, 0x36f, IGN); // combining marks: stress, decomposed diacritics (NFD)
  for (let c = 0x370; c <= 0x3ff; c++) {
    const ch = String.fromCharCode(c).toLowerCase().normalize('NFD');
    const b = ch.charCodeAt(0);
    t[c] = b >= 0x370 && b < 0x400 ? b : OTHER;
  }
  // Cyrillic: lower case, ё→е and й→и (so NFC and NFD spellings meet), then Kazakh letters to Russian ones.
  for (let c = 0x400; c <= 0x4ff; c++) {
    const ch = String.fromCharCode(c).toLowerCase().normalize('NFD');
    const b = ch.charCodeAt(0);
    t[c] = b >= 0x400 && b < ALPHABET ? b : OTHER;
  }
  set(0x483, 0x489, IGN);
  const cyr: Record<string, string> = { 'ә': 'а', 'і': 'и', 'ң': 'н', 'ғ': 'г', 'қ': 'к', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'ў': 'у', 'ї': 'и', 'є': 'е', 'ґ': 'г', 'ҳ': 'х', 'ҷ': 'ч', 'ӣ': 'и', 'ӯ': 'у', 'ҝ': 'к', 'ҹ': 'ч' };
  for (const [k, v] of Object.entries(cyr)) {
    t[k.charCodeAt(0)] = v.charCodeAt(0);
    t[k.toUpperCase().charCodeAt(0)] = v.charCodeAt(0);
  }
  for (let c = 0x400; c <= 0x4ff; c++) {
    // Decomposed forms of the letters above (ӛ and the like) land on their base letter's fold.
    const f = t[c]!;
    if (f >= 0x400 && f < ALPHABET && t[f] !== f) t[c] = t[f]!;
  }
  // General punctuation: spaces, dashes, quotes, invisible characters.
  set(0x2000, 0x206f, SEP);
  set(0x200b, 0x200f, IGN);
  set(0x202a, 0x202e, IGN);
  set(0x2060, 0x206f, IGN);
  set(0x2010, 0x2012, HYPH); // ‐ ‑ ‒
  t[0x2013] = HYPH; // – is often typed for a hyphen
  t[0x2019] = IGN; // ’ the typographic apostrophe (QDT’s)
  t[0x2024] = STOP; t[0x2026] = STOP; t[0x2028] = STOP; t[0x2029] = STOP;
  set(0x2070, 0x2bff, SEP); // symbols, arrows, maths, boxes
  t[0x2116] = SEP; // №
  set(0x2e00, 0x2e7f, SEP);
  set(0x3000, 0x303f, SEP);
  set(0xd800, 0xdfff, SEP); // astral characters (emoji, mostly) break words rather than glue them
  set(0xfe00, 0xfe0f, IGN);
  set(0xfe10, 0xfe6f, SEP);
  t[0xfeff] = IGN;
  set(0xff00, 0xff0f, SEP);
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = t[c - 0xfee0]!; // full-width ASCII
  t[0xfffd] = SEP;
  return t;
}

/** Fold of every BMP code unit: a folded letter (< ALPHABET), SEP, HYPH, STOP, IGN or OTHER. */
export const FOLD: Uint16Array = buildFold();

/**
 * Look-alike letters across Latin and Cyrillic, indexed by folded letter: the reports write "Kөше"
 * with a Latin K. The matcher tries the look-alike only where the letter itself leads nowhere.
 */
export const ALT: Uint16Array = (() => {
  const a = new Uint16Array(ALPHABET);
  const pairs = 'aа cс eе oо pр xх yу kк mм hн tт bв iи';
  for (const p of pairs.split(' ')) {
    const l = p.charCodeAt(0), c = p.charCodeAt(1);
    a[l] = c; a[c] = l;
  }
  return a;
})();

/** True for a folded value that ends a word (separator, hyphen, sentence stop). */
export function isBoundary(f: number): boolean {
  return f <= STOP;
}

/** A folded letter from Cyrillic (used to tell scripts apart after folding). */
export function isCyrillicFold(f: number): boolean {
  return f >= 0x400 && f < ALPHABET;
}

export interface Folded {
  /** The folded text: letters folded, ignorables dropped, each separator run one space (or "-" when it holds a hyphen, "." when a stop). */
  text: string;
  /** map[k] is the index in the original text of folded character k; map[text.length] is the original length. */
  map: Int32Array;
}

/** Folds a whole string with an exact map back to the original offsets (tests, compile, evaluation; the scan folds inline). */
export function foldText(s: string): Folded {
  const out: number[] = [];
  const map: number[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const f = FOLD[s.charCodeAt(i)]!;
    if (f === IGN) { i++; continue; }
    if (f <= STOP) {
      // A separator run becomes one character, the strongest kind in it.
      const start = i;
      let k = f;
      while (i < n) {
        const g = FOLD[s.charCodeAt(i)]!;
        if (g > STOP && g !== IGN) break;
        if (g !== IGN && g > k) k = g;
        i++;
      }
      out.push(k === STOP ? 0x2e : k === HYPH ? 0x2d : 0x20);
      map.push(start);
      continue;
    }
    out.push(f === OTHER ? 0xfffd : f);
    map.push(i);
    i++;
  }
  map.push(n);
  let text = '';
  for (let k = 0; k < out.length; k += 4096) text += String.fromCharCode(...out.slice(k, k + 4096));
  return { text, map: Int32Array.from(map) };
}

/** Maps a folded span back to the original text: [start, end) in UTF-16 code units of the original. */
export function toOriginal(folded: Folded, start: number, end: number): [number, number] {
  const s = folded.map[start] ?? 0;
  const e = end > start ? (folded.map[end - 1] ?? 0) + 1 : s;
  return [s, e];
}

/**
 * Splits an alias into folded words (arrays of folded code units), the way the trie stores it.
 * Returns null when the alias holds a letter the matcher cannot fold (it could never match).
 */
export function foldWords(alias: string): number[][] | null {
  const words: number[][] = [];
  let cur: number[] = [];
  for (let i = 0; i < alias.length; i++) {
    const f = FOLD[alias.charCodeAt(i)]!;
    if (f === IGN) continue;
    if (f <= STOP) {
      if (cur.length) { words.push(cur); cur = []; }
      continue;
    }
    if (f === OTHER) return null;
    cur.push(f);
  }
  if (cur.length) words.push(cur);
  return words.length ? words : null;
}

/** The folded key of a word or phrase as a string ("мухтар аблязов"), for sets and comparisons. */
export function foldKey(s: string): string {
  const w = foldWords(s);
  return w ? w.map((x) => String.fromCharCode(...x)).join(' ') : '';
}
