// Turns raw hits into mentions: page signals, context rules for ambiguous aliases, legal articles, longest match without overlaps.
import type { Country } from '../data/schema.ts';
import * as N from './normalise.ts';
import { CAND_STRIDE, type RawHits } from './matcher.ts';
import { articlesAt, type CodeKind } from './articles.ts';
import { CAPITALISED_FLAG } from './signals.ts';
import { K_NAME, K_ALIAS, K_AMBIG, SHAPE_RU_LOWER, type CompiledMatcher, type Mention, type PageContext } from './types.ts';

/** How far (UTF-16 units) a context word may be from an ambiguous alias to confirm it. */
export const CONTEXT_WINDOW = 250;
/** How close a context word must be to stand in apposition to a name (его дочь Назарбаева). */
const ADJACENT = 8;
/** How close a context word must be to confirm an organisation's name written in lower case where the dataset capitalises it. */
const LOWER_CASE_WINDOW = 60;
/** How close a foreign marker must be to veto an ambiguous alias ("US Democratic Party"). */
export const NEG_WINDOW = 40;
const CA = ['KZ', 'KG', 'TJ'] as const;
// Imported bindings copied into module constants (some loaders turn each use into a getter call; see matcher.ts).
const FOLD = N.FOLD, IGN = N.IGN, STOP = N.STOP, SEP = N.SEP, isCyrillicFold = N.isCyrillicFold;
const K_NAME_ = K_NAME, K_ALIAS_ = K_ALIAS, K_AMBIG_ = K_AMBIG, SHAPE_RU_LOWER_ = SHAPE_RU_LOWER, CAND = CAND_STRIDE;

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
  if (typeof c.words === 'number' && Number.isFinite(c.words) && c.words > 0) out.words = c.words;
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

/** The case shape of a surface: does it agree with how the alias is written (1 Capitalised, 2 UPPER)? */
/**
 * A full name distinctive enough to stand on a page with no other Central Asia signal: two words
 * or more and ten letters or more ("Mukhtar Ablyazov", not "Ak Zhol", which is also a road).
 */
function distinctive(s: string, from: number, to: number): boolean {
  let letters = 0, words = 0, inWord = false;
  for (let i = from; i < to; i++) {
    const f = FOLD[s.charCodeAt(i)]!;
    if (f <= STOP) { inWord = false; continue; }
    if (f === IGN) continue;
    letters++;
    if (!inWord) { words++; inWord = true; }
  }
  return words >= 2 && letters >= 10;
}

/** Whether the surface is written the way a name of this case shape must be (see compile.ts caseShape and shapeIn). */
export function caseFits(s: string, from: number, to: number, shape: number): boolean {
  if (shape === 0) return true;
  if (shape === SHAPE_RU_LOWER_) return !lowerKazakh(s, from, to);
  let letters = 0, upper = 0, firstTwoUpper = 0;
  for (let i = from; i < to; i++) {
    const u = caseOf(s.charCodeAt(i));
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

/** Kazakh letters with no Russian counterpart (ә і ң ғ қ ө ұ ү һ), either case. */
const KAZAKH_ONLY = new Set([...'әіңғқөұүһӘІҢҒҚӨҰҮҺ'].map((c) => c.charCodeAt(0)));
/** A word in lower case written with a Kazakh letter: a Kazakh word, never a Russian name in lower case. */
function lowerKazakh(s: string, from: number, to: number): boolean {
  let kazakh = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (caseOf(c) === 2) return false;
    if (KAZAKH_ONLY.has(c)) kazakh = true;
  }
  return kazakh;
}

function caseAgrees(s: string, from: number, to: number, shape: number): boolean {
  if (shape === 0) return true;
  for (let i = from; i < to; i++) {
    const u = caseOf(s.charCodeAt(i));
    if (u === 0) continue;
    if (shape === 1) return u === 2;
    if (shape === 2 && u !== 2) return false;
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

const isLetter = (c: number): boolean => { const f = FOLD[c]!; return f > STOP && f !== IGN; };
const isSpace = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x202f;

/** The word right before `pos` when only spaces lie between (no comma, quote or stop): [start, end), or null. */
function wordBefore(s: string, pos: number): [number, number] | null {
  let i = pos;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  if (i === pos || i === 0 || !isLetter(s.charCodeAt(i - 1))) return null;
  const end = i;
  while (i > 0 && (isLetter(s.charCodeAt(i - 1)) || FOLD[s.charCodeAt(i - 1)] === IGN)) i--;
  return [i, end];
}

/** The word right after `pos` when only spaces lie between: [start, end), or null. */
function wordAfter(s: string, pos: number): [number, number] | null {
  let i = pos;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (i === pos || i >= s.length || !isLetter(s.charCodeAt(i))) return null;
  const start = i;
  while (i < s.length && (isLetter(s.charCodeAt(i)) || FOLD[s.charCodeAt(i)] === IGN)) i++;
  return [start, i];
}

const foldWord = (w: string): string => {
  let out = '';
  for (let i = 0; i < w.length; i++) { const f = FOLD[w.charCodeAt(i)]!; if (f > STOP && f !== IGN) out += String.fromCharCode(f); }
  return out;
};

/**
 * Whether s[from, to), folded (ignorables skipped), starts with the folded word `p` (whole: equals it).
 * Read in place: these checks run at every candidate, and a folded copy of the word cost an allocation each.
 */
function foldedStartsWith(s: string, from: number, to: number, p: string, whole: boolean): boolean {
  let k = 0;
  for (let i = from; i < to; i++) {
    const f = FOLD[s.charCodeAt(i)]!;
    if (f <= STOP || f === IGN) continue;
    if (k === p.length) return !whole;
    if (f !== p.charCodeAt(k)) return false;
    k++;
  }
  return k === p.length;
}

/** Whether the word s[from, to) folds to one of `words` (whole) or starts with one of them. */
function foldedIn(s: string, from: number, to: number, words: readonly string[], whole: boolean): boolean {
  for (let k = 0; k < words.length; k++) if (foldedStartsWith(s, from, to, words[k]!, whole)) return true;
  return false;
}

/**
 * Titles and words that stand capitalised before a surname without being a first name
 * ("President Tokayev", "Elbasy Nazarbayev"); any other capitalised word there is a namesake's
 * first name ("Nurali Aliyev" is not Rakhat Aliyev).
 */
const TITLES = [
  'president', 'presidents', 'prime', 'minister', 'mr', 'mrs', 'ms', 'dr', 'judge', 'justice', 'lord', 'sir', 'lady', 'prince', 'princess',
  'king', 'queen', 'general', 'gen', 'senator', 'sen', 'ambassador', 'governor', 'mayor', 'speaker', 'secretary', 'chairman', 'chairwoman',
  'professor', 'prof', 'colonel', 'col', 'major', 'captain', 'deputy', 'elbasy', 'akim', 'sheikh', 'imam', 'leader', 'chief', 'commissioner',
  'director', 'officer', 'agent', 'councillor', 'comrade', 'madame', 'monsieur', 'herr', 'frau', 'saint', 'st', 'mullah', 'hoji', 'haji',
  'елбасы', 'президент', 'премьер', 'генерал', 'лорд', 'принц', 'ханзада', 'аким', 'әкім', 'мырза', 'ханым', 'господин', 'госпожа',
].map(foldWord);

/** Words after a name that make it a place named for someone (Қонаев қаласы, Желтоқсан көшесі, Abai Street). */
const PLACE_AFTER = [
  'көше', 'даңғыл', 'қаласы', 'қаласын', 'ауданы', 'ауылы', 'алаң', 'street', 'avenue', 'prospekt', 'boulevard', 'square',
  // Latin Kazakh (2017, 2018 and 2021 spellings fold alike, save ş/sh): Respublika alañy, Jeltoqsan köşesı.
  'köşe', 'köshe', 'dañğyl', 'qalasy', 'audany', 'aýdany', 'auyly', 'aýyly', 'alañ',
  // Institutions named for someone: Nazarbayev University, Назарбаев Зияткерлік мектептері, аэропорт имени…
  'university', 'университет', 'intellectual', 'зияткерлік', 'интеллектуальн', 'airport', 'аэропорт', 'әуежай', 'foundation',
].map(foldWord);

/** Whether the capitalised word before a surname is another person's first name. */
function namesakeBefore(s: string, start: number, country: readonly number[], seg: number): boolean {
  const w = wordBefore(s, start);
  // A place is no first name: «В Казахстане Назарбаев…», "In Almaty Tokayev…"; nor is a word of a headline in
  // title case ("Gold Mine Grab Haunts Japarov's Pitch").
  if (!w || hitAt(country, seg, w[0]) >= 0 || titleCase(s)) return false;
  let letters = 0, lower = 0;
  for (let i = w[0]; i < w[1]; i++) {
    const u = caseOf(s.charCodeAt(i));
    if (u !== 0) letters++;
    if (u === 1) lower++;
  }
  if (letters < 3 || caseOf(s.charCodeAt(w[0])) !== 2 || lower === 0) return false;
  const last = s.charCodeAt(w[1] - 1), apos = s.charCodeAt(w[1] - 2);
  if (((last === 0x73 || last === 0x53) && (apos === 0x27 || apos === 0x2019)) || foldedIn(s, w[0], w[1], TITLES, true)) return false;
  // At a sentence start any word is capitalised ("But Aliyev said"): no evidence either way.
  return !sentenceInitial(s, w[0]);
}

/** A headline in title case: a short segment whose words of four letters or more are all capitalised (four of them at least). */
function titleCase(s: string): boolean {
  if (s.length > 200) return false;
  let words = 0, capital = 0;
  for (let i = 0; i < s.length;) {
    if (!isLetter(s.charCodeAt(i))) { i++; continue; }
    const from = i;
    while (i < s.length && isLetter(s.charCodeAt(i))) i++;
    if (i - from < 4) continue;
    words++;
    if (caseOf(s.charCodeAt(from)) === 2) capital++;
  }
  return words >= 4 && capital === words;
}

/** Whether a capitalised word between an opening quote and the name makes the quoted name a longer one («Нагыз Ак жол»). */
function longerQuotedName(s: string, start: number, end: number): boolean {
  const w = wordBefore(s, start);
  if (!w || w[0] === 0 || caseOf(s.charCodeAt(w[0])) !== 2) return false;
  // The quote must hold exactly that word and the name: «Следователи КНБ говорили…» is speech, not a name.
  return quoted(s, w[0], end);
}

/** Whether [start, end) stands alone between quotation marks («…», "…", “…”). */
function quoted(s: string, start: number, end: number): boolean {
  const q = s.charCodeAt(start - 1), c = s.charCodeAt(end);
  return (q === 0xab || q === 0x201c || q === 0x201e || q === 0x22) && (c === 0xbb || c === 0x201d || c === 0x201c || c === 0x22);
}

/** Whether the name opens a quote that closes only after one more word («Газпром нефть» is not Gazprom). */
function quotedNameGoesOn(s: string, start: number, end: number): boolean {
  const q = s.charCodeAt(start - 1);
  if (!(q === 0xab || q === 0x201c || q === 0x201e)) return false;
  const w = wordAfter(s, end);
  if (!w) return false;
  const c = s.charCodeAt(w[1]);
  return c === 0xbb || c === 0x201d || c === 0x201c;
}

/**
 * A punishment named "restriction of freedom" that goes on to say freedom of what (ограничение свободы слова,
 * restriction of freedom of assembly) is talk about rights, not the sentence.
 */
const FREEDOM = ['свобод', 'freedom', 'libert'].map(foldWord);
const FREEDOM_OF = ['слова', 'собраний', 'выражения', 'передвижения', 'совести', 'вероисповедания', 'печати', 'прессы', 'of'].map(foldWord);
function freedomOfSomething(s: string, end: number): boolean {
  let i = end;
  while (i > 0 && isLetter(s.charCodeAt(i - 1))) i--;
  return foldedIn(s, i, end, FREEDOM, false) && followedBy(s, end, FREEDOM_OF);
}

/** An event named for its month is the month itself before the word "month" (Желтоқсан айында: in December). */
const MONTH_AFTER = ['айы', 'айында', 'айынан', 'айына', 'айын', 'айда'].map(foldWord);

/** Words before a name that make it a place's name in Russian (площадь Республики, улица Желтоксан). */
const PLACE_BEFORE = ['площад', 'улиц', 'проспект', 'бульвар', 'переул', 'микрорайон', 'фонд'].map(foldWord);

function placeBefore(s: string, start: number): boolean {
  const w = wordBefore(s, start);
  return !!w && foldedIn(s, w[0], w[1], PLACE_BEFORE, false);
}

function placeAfter(s: string, end: number): boolean {
  const w = wordAfter(s, end);
  return !!w && foldedIn(s, w[0], w[1], PLACE_AFTER, false);
}

function followedBy(s: string, end: number, words: readonly string[]): boolean {
  const w = wordAfter(s, end);
  return !!w && foldedIn(s, w[0], w[1], words, true);
}

/** At most four short words and no sentence stop between two spans: the same clause. */
function sameClause(s: string, from: number, to: number): boolean {
  if (to - from > 40) return false;
  let words = 0, inWord = false;
  for (let i = from; i < to; i++) {
    const f = FOLD[s.charCodeAt(i)]!;
    if (f === STOP) return false;
    if (f > STOP && f !== IGN) { if (!inWord) words++; inWord = true; } else if (f !== IGN) inWord = false;
  }
  return words <= 4;
}

function oneWord(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (FOLD[s.charCodeAt(i)]! <= STOP) return false;
  return true;
}

/** Longest stretch a name or alias spans (a law's full title), for looking back over names in scan order. */
const MAX_NAME_SPAN = 400;

/** Whether an accepted candidate ends in the word just before `start` (Президент Тоқаев Балтабайды…). */
function nameEndsAt(acc: readonly number[], seg: number, start: number): boolean {
  // `acc` holds names and aliases in scan order here: look back from `start` over the names that begin near it.
  for (let r = lowerBound(acc, ACC, seg, start) - ACC; r >= 0 && acc[r] === seg && acc[r + 1]! >= start - MAX_NAME_SPAN; r -= ACC) {
    if (acc[r + 2]! <= start && acc[r + 2]! >= start - 3) return true;
  }
  return false;
}

/** A name that the words around it show to be something else: a place named for it, or part of a longer quoted name. */
function refutedByNeighbours(s: string, start: number, end: number, type: string): boolean {
  if (type !== 'law' && placeAfter(s, end)) return true;
  if (type !== 'law' && placeBefore(s, start)) return true;
  if (type === 'event' && followedBy(s, end, MONTH_AFTER)) return true;
  if (type === 'law' && freedomOfSomething(s, end)) return true;
  return type === 'organisation' && (longerQuotedName(s, start, end) || quotedNameGoesOn(s, start, end) || articleOf(s, end));
}

/** Words before an event's name that put it in the future: «Следующие выборы сельских акимов», "the next election". */
const FUTURE_BEFORE = ['следующ', 'предстоящ', 'будущ', 'очередн', 'next', 'upcoming', 'future', 'келесі', 'алдағы', 'kelesı', 'aldağy'].map(foldWord);

/** The years an event entry is about, from its id (parliamentary-election-2021, ngo-tax-investigations-2020-2021). */
function yearsOf(id: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= id.length; i++) {
    const y = yearAt(id, i);
    if (y > 0) { out.push(y); i += 3; }
  }
  return out;
}

/** A year (1900–2099) standing as a number of its own at i, or 0. */
function yearAt(s: string, i: number): number {
  const d = (k: number): number => { const c = s.charCodeAt(k); return c >= 0x30 && c <= 0x39 ? c - 0x30 : -1; };
  if (d(i - 1) >= 0 || d(i + 4) >= 0) return 0;
  const a = d(i), b = d(i + 1), c = d(i + 2), e = d(i + 3);
  if (a < 0 || b < 0 || c < 0 || e < 0 || !((a === 1 && b === 9) || (a === 2 && b === 0))) return 0;
  return a * 1000 + b * 100 + c * 10 + e;
}

/** The nearest year in the clause within `reach` units outside [start, end) on one side, or 0. */
function yearBeside(s: string, start: number, end: number, reach: number, after: boolean): number {
  for (let k = 0; k < reach; k++) {
    const i = after ? end + k : start - 4 - k;
    if (i < 0 || i + 4 > s.length) return 0;
    const c = s.charCodeAt(after ? i : i + 3);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b) return 0;
    const y = yearAt(s, i);
    if (y > 0) return y;
  }
  return 0;
}

/**
 * An event's name used for another time: a year beside it that is not the entry's («ауыл әкімдерінің сайлауы 2022
 * жылы өтеді», "the 2024 parliamentary election"), or a word of the future before it («Следующие выборы»).
 */
function anotherTime(s: string, start: number, end: number, id: string): boolean {
  const w = wordBefore(s, start);
  if (w && foldedIn(s, w[0], w[1], FUTURE_BEFORE, false)) return true;
  const years = yearsOf(id);
  if (!years.length) return false;
  for (const after of [false, true]) {
    const y = yearBeside(s, start, end, after ? 12 : 8, after);
    if (y > 0) return !years.includes(y);
  }
  return false;
}

/** A name ending in a number followed by "of" is a legal provision ("Article 19 of the Universal Declaration"), not the group named after one. */
const OF = ['of'];
function articleOf(s: string, end: number): boolean {
  const c = s.charCodeAt(end - 1);
  return c >= 0x30 && c <= 0x39 && followedBy(s, end, OF);
}

/** Words that with a country's name beside them name the state (Қазақстан Республикасы, Республика Казахстан). */
const STATE_WORDS = ['республик', 'respublik', 'republic'].map(foldWord);

/** Whether [start, end) is "republic" with a country's name right before or after it: the state, not a newspaper. */
function stateName(s: string, start: number, end: number, country: readonly number[], seg: number): boolean {
  if (!foldedIn(s, start, end, STATE_WORDS, false)) return false;
  const before = wordBefore(s, start), after = wordAfter(s, end);
  return (!!before && hitAt(country, seg, before[0]) >= 0) || (!!after && hitAt(country, seg, after[0]) >= 0);
}

/**
 * A generic name written in lower case right after a capitalised word mid-sentence is the tail of another
 * proper name: Russian and Kazakh capitalise only a name's first word (Республикалық халық партиясы is Turkey's).
 */
function tailOfLongerName(s: string, start: number, country: readonly number[], seg: number): boolean {
  if (caseOf(s.charCodeAt(start)) !== 1) return false;
  const w = wordBefore(s, start);
  if (!w || caseOf(s.charCodeAt(w[0])) !== 2 || w[1] - w[0] < 3 || sentenceInitial(s, w[0])) return false;
  // An acronym (РК, ҚР), a title or a country or city (В Казахстане партия…) before the name is no name of its own.
  if (caseOf(s.charCodeAt(w[0] + 1)) !== 1 || foldedIn(s, w[0], w[1], TITLES, true)) return false;
  return hitAt(country, seg, w[0]) < 0;
}

/** Country abbreviations written after an institution (Верховный суд КР, Минюст РТ), compared letter for letter: ҚР and КР fold alike. */
const OF_THE = ['of', 'the'];
const COUNTRY_ABBR: [string, Country][] = [['КР', 'KG'], ['РК', 'KZ'], ['ҚР', 'KZ'], ['РТ', 'TJ']];
/** Neighbours a Central Asian story names beside a title or an institution, which the foreign markers leave out (they veto any alias near them). */
const OTHER_COUNTRY = ['узбек', 'өзбек', 'uzbek', 'туркмен', 'түрікмен', 'turkmen', 'афган', 'ауған', 'afghan'].map(foldWord);

/**
 * The country named right after a generic institution name or title, in the genitive or after "of (the)":
 * «Министерство юстиции Кыргызстана», «Верховный суд КР», "Supreme Court of Kyrgyzstan", «первого президента
 * Узбекистана» ('other'). Null when none is. Country words and foreign markers are trie hits of the scan (in scan
 * order), so this reads no more than a word or two.
 */
function countryRightAfter(s: string, country: readonly number[], neg: readonly number[], seg: number, end: number): Country | null {
  let w = wordAfter(s, end);
  for (let n = 0; w && n < 2; n++) {
    if (!foldedIn(s, w[0], w[1], OF_THE, true)) break;
    w = wordAfter(s, w[1]);
  }
  if (!w) return null;
  const word = s.slice(w[0], w[1]);
  for (const [abbr, c] of COUNTRY_ABBR) if (word === abbr) return c;
  const r = hitAt(country, seg, w[0]);
  if (r >= 0) return CA[country[r + 2]!] ?? null;
  return hitAt(neg, seg, w[0]) >= 0 || foldedIn(s, w[0], w[1], OTHER_COUNTRY, false) ? 'other' : null;
}

/** Kin words (stems) and the possessives that make one stand in apposition: его дочь Назарбаева, not дочь Назарбаева. */
const KIN = ['доч', 'жена', 'жене', 'жену', 'женой', 'сестр', 'вдов', 'внучк', 'супруг'].map(foldWord);
const POSSESSIVE = ['его', 'ее', 'их', 'своя', 'свою', 'своей'].map(foldWord);

/**
 * Whether a kin word right before the surname, with no possessive before it, takes the surname as its genitive:
 * «старшая дочь Назарбаева» is Nazarbayev's daughter, «его дочь Назарбаева» is the daughter herself.
 */
function kinOf(s: string, start: number): boolean {
  const w = wordBefore(s, start);
  if (!w || !foldedIn(s, w[0], w[1], KIN, false)) return false;
  let p = wordBefore(s, w[0]);
  for (let n = 0; p && n < 2; n++, p = wordBefore(s, p[0])) if (foldedIn(s, p[0], p[1], POSSESSIVE, true)) return false;
  return true;
}

/**
 * Whether a Russian word in -ова/-ева is a woman's surname in the nominative rather than a man's in the
 * genitive (Назарбаева вернулась vs окружение Назарбаева): a feminine past verb or «которая» follows
 * in the same sentence, within three words.
 */
function feminineFollows(s: string, end: number): boolean {
  let i = end;
  for (let n = 0; n < 3; n++) {
    while (i < s.length && !isLetter(s.charCodeAt(i))) { if (FOLD[s.charCodeAt(i)] === STOP) return false; i++; }
    if (i >= s.length) return false;
    const from = i;
    while (i < s.length && (isLetter(s.charCodeAt(i)) || FOLD[s.charCodeAt(i)] === IGN)) i++;
    const word = s.slice(from, i).toLowerCase();
    if ((word.length >= 4 && (word.endsWith('ла') || word.endsWith('лась'))) || word === 'которая' || word === 'она') return true;
  }
  return false;
}

export interface ResolveInput {
  compiled: CompiledMatcher;
  segments: readonly string[];
  raw: RawHits;
  ctx: PageContext;
  law: (country: Country, code: CodeKind, article: string) => number;
}

/** Entity indices of code articles, per compiled matcher (built once: a handful of entries). */
const ARTICLES = new WeakMap<CompiledMatcher, Set<number>>();
/** Whether the entity is an article of a code (an offence), not a statute or a code as a whole. */
function isArticle(compiled: CompiledMatcher, entity: number): boolean {
  let set = ARTICLES.get(compiled);
  if (!set) { set = new Set(compiled.laws.map((l) => l[0])); ARTICLES.set(compiled, set); }
  return set.has(entity);
}

/** First index (a multiple of stride) of the hits in `a` at or after (seg, pos); hits are in scan order. */
function lowerBound(a: readonly number[], stride: number, seg: number, pos: number): number {
  let lo = 0, hi = (a.length / stride) | 0;
  while (lo < hi) {
    const m = (lo + hi) >> 1, r = m * stride, sg = a[r]!;
    if (sg < seg || (sg === seg && a[r + 1]! < pos)) lo = m + 1; else hi = m;
  }
  return lo * stride;
}

/**
 * A foreign marker as the word right before a Central Asian organisation's name makes the name the tail of a
 * foreign one (the American University of Central Asia is not the University of Central Asia).
 */
function foreignRightBefore(s: string, neg: readonly number[], seg: number, start: number): boolean {
  const w = wordBefore(s, start);
  if (!w || caseOf(s.charCodeAt(w[0])) !== 2) return false;
  return hitAt(neg, seg, w[0]) >= 0;
}

/** Index of a hit (stride 3: seg, start, value) that starts exactly at (seg, pos), or -1. */
function hitAt(a: readonly number[], seg: number, pos: number): number {
  const r = lowerBound(a, 3, seg, pos);
  return r < a.length && a[r] === seg && a[r + 1] === pos ? r : -1;
}

/** A foreign marker within NEG_WINDOW of [start, end) in the segment, outside it. */
function vetoed(neg: readonly number[], seg: number, start: number, end: number): boolean {
  for (let r = lowerBound(neg, 3, seg, start - NEG_WINDOW); r < neg.length; r += 3) {
    if (neg[r] !== seg || neg[r + 1]! >= end + NEG_WINDOW) break;
    const hs = neg[r + 1]!, he = neg[r + 2]!;
    if (he <= end + NEG_WINDOW && !(hs < end && he > start)) return true;
  }
  return false;
}

/** A context word of the alias (ids `want`) within CONTEXT_WINDOW of [start, end) in the segment, outside it. */
function confirmedByWord(hits: readonly number[], want: readonly number[], seg: number, start: number, end: number, window = CONTEXT_WINDOW): boolean {
  return contextDistance(hits, want, seg, start, end, window) >= 0;
}

/** How far the nearest such context word is (UTF-16 units), or -1 when there is none. */
function contextDistance(hits: readonly number[], want: readonly number[], seg: number, start: number, end: number, window = CONTEXT_WINDOW): number {
  if (want.length === 0) return -1;
  let best = -1;
  for (let r = lowerBound(hits, 4, seg, start - window); r < hits.length; r += 4) {
    if (hits[r] !== seg || hits[r + 1]! >= end + window) break;
    const hs = hits[r + 1]!, he = hits[r + 2]!;
    if (he > end + window || (hs < end && he > start)) continue;
    const id = hits[r + 3]!;
    for (let k = 0; k < want.length; k++) {
      if (want[k] !== id) continue;
      const d = he <= start ? start - he : hs - end;
      if (best < 0 || d < best) best = d;
    }
  }
  return best;
}

/** How far the nearest keyword of `country` is from [start, end) in the segment (UTF-16 units, from its start), or -1. */
function countryDistance(hits: readonly number[], country: Country, seg: number, start: number, end: number): number {
  const want = CA.indexOf(country as (typeof CA)[number]);
  if (want < 0) return -1;
  let best = -1;
  for (let r = lowerBound(hits, 3, seg, start - CONTEXT_WINDOW); r < hits.length; r += 3) {
    if (hits[r] !== seg || hits[r + 1]! >= end + CONTEXT_WINDOW) break;
    const at = hits[r + 1]!;
    if (hits[r + 2] !== want || (at >= start && at < end)) continue;
    const d = at < start ? start - at : at - end;
    if (best < 0 || d < best) best = d;
  }
  return best;
}

const VIA: Mention['via'][] = ['name', 'alias', 'ambiguous', 'article'];
const V_NAME = 0, V_ALIAS = 1, V_AMBIG = 2, V_ARTICLE = 3;
/** Accepted candidates, flat: seg, start, end, entity, via, score, prio. */
const ACC = 7;

/** Resolves raw hits into mentions; updates `ctx` in place with what the page has shown. */
/** The closing quote of an opening one (« », “ ”, „ “), or 0: a mention shows a quoted name whole («Ак жол», not «Ак жол). */
function closerOf(c: number): number {
  return c === 0xab ? 0xbb : c === 0x201c ? 0x201d : c === 0x201e ? 0x201c : 0;
}
/** The opening quote of a closing one, or 0 (“ closes „ but opens ”: it is taken as an opener). */
function openerOf(c: number): number {
  return c === 0xbb ? 0xab : c === 0x201d ? 0x201c : 0;
}

/**
 * [start, end) widened by one quote at either side where the span holds one quote of a pair alone:
 * партии «Ак жол + » and « + Көше» партиясы. The straight `"` is its own pair: an odd count of it is alone.
 * Read by code unit: this runs at every mention.
 */
function quotesBalanced(s: string, start: number, end: number): [number, number] {
  let open = 0, close = 0, straight = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x22 || (c > 0x22 && c < 0xab)) continue;
    if (c === 0x22) straight++;
    else if (open && closerOf(open) === c) open = 0;
    else if (closerOf(c)) open = c;
    else if (openerOf(c)) close = c;
  }
  if (straight % 2 === 1) {
    if (s.charCodeAt(end) === 0x22) end++;
    else if (start > 0 && s.charCodeAt(start - 1) === 0x22) start--;
  } else if (open && s.charCodeAt(end) === closerOf(open)) end++;
  else if (close && start > 0 && s.charCodeAt(start - 1) === openerOf(close)) start--;
  return [start, end];
}

/** Drops the country hits of keywords that count only capitalised where they are not (астана, a capital), and strips the flag. */
function dropLowerCaseKeywords(segments: readonly string[], country: number[]): void {
  let w = 0;
  for (let r = 0; r < country.length; r += 3) {
    let c = country[r + 2]!;
    if (c >= CAPITALISED_FLAG) {
      if (caseOf((segments[country[r]!] ?? '').charCodeAt(country[r + 1]!)) !== 2) continue;
      c -= CAPITALISED_FLAG;
    }
    country[w] = country[r]!; country[w + 1] = country[r + 1]!; country[w + 2] = c;
    w += 3;
  }
  country.length = w;
}

export function resolve({ compiled, segments, raw, ctx, law }: ResolveInput): Mention[] {
  const countries = compiled.countries;
  const ids = compiled.ids;
  // 1. Signals: country keywords and full names of Central Asian entries. `words` counts those the page's own
  // words gave (this scan's and earlier ones'), as against its address or language alone; the region is only ever
  // named in words, so a context passed in with it counts (the popup's, which asks about names as on a Central Asian page).
  dropLowerCaseKeywords(segments, raw.country);
  let words = (ctx.words ?? 0) + ctx.region + raw.country.length / 3;
  for (let i = 0; i < raw.country.length; i += 3) {
    const c = raw.country[i + 2]!;
    if (c === 3) ctx.region++;
    else ctx.countries[CA[c === 0 ? 0 : c === 1 ? 1 : 2]]++;
  }
  const C = raw.cand;
  for (let i = 0; i < C.length; i += CAND) {
    if (C[i + 3] !== K_NAME_) continue;
    const s = segments[C[i]!] ?? '';
    if (!caseFits(s, C[i + 1]!, C[i + 2]!, C[i + 5]!) || !distinctive(s, C[i + 1]!, C[i + 2]!)) continue;
    const country = countries[C[i + 4]!];
    if (country && country !== 'other') { ctx.countries[country]++; words++; }
  }
  const signal = hasSignal(ctx);

  // 2. Plain names and aliases.
  const acc: number[] = [];
  const ambiguous: number[] = [];
  const pageCountries = new Set<Country>();
  for (const k of CA) if (ctx.countries[k] > 0) pageCountries.add(k);
  for (let i = 0; i < C.length; i += CAND) {
    const kind = C[i + 3]!, entity = C[i + 4]!;
    if (kind === K_AMBIG_) { ambiguous.push(i); continue; }
    if (kind !== K_NAME_ && kind !== K_ALIAS_) continue;
    const seg = C[i]!, start = C[i + 1]!, end = C[i + 2]!;
    const s = segments[seg] ?? '';
    const type = compiled.types[entity]!;
    // Russian and Kazakh write an event's name in lower case as a rule (третьей кыргызской революцией).
    if (!caseFits(s, start, end, C[i + 5]!) && (type !== 'event' || oneWord(s, start, end))) continue;
    const country = countries[entity];
    if (kind === K_ALIAS_ && refutedByNeighbours(s, start, end, type)) continue;
    // A person's full name is refuted only by a place or an institution named for it (проспект Нурсултана
    // Назарбаева), a party's by a longer quoted name («Naǵyz Aq jol»).
    if (kind === K_NAME_ && type === 'person' && (placeAfter(s, end) || placeBefore(s, start))) continue;
    if (type === 'event' && anotherTime(s, start, end, ids[entity]!)) continue;
    if (kind === K_NAME_ && type === 'organisation' && (quotedNameGoesOn(s, start, end) || longerQuotedName(s, start, end))) continue;
    if (type === 'organisation' && country !== 'other' && foreignRightBefore(s, raw.neg, seg, start)) continue;
    // A surname alone right after another first name is a namesake's (Нуриддин Махкамов is not Qahhor Mahkamov).
    if (kind === K_ALIAS_ && type === 'person' && oneWord(s, start, end) && namesakeBefore(s, start, raw.country, seg) && !nameEndsAt(acc, seg, start)) continue;
    if (kind === K_NAME_) {
      if (!((country !== 'other' && distinctive(s, start, end)) || signal)) continue;
      acc.push(seg, start, end, entity, V_NAME, C[i + 6]!, 3);
    } else {
      if (!signal) continue;
      acc.push(seg, start, end, entity, V_ALIAS, C[i + 6]!, 2);
    }
    if (country) pageCountries.add(country);
    if (country && country !== 'other') words++;
  }
  // An international body needs the page's words to be Central Asian: a Kazakh site's report on Gaza names the UN
  // and Interpol, and its address alone does not make them this dataset's. (Compacted in place: one pass.)
  if (words === 0) {
    let w = 0;
    for (let r = 0; r < acc.length; r += ACC) {
      if (countries[acc[r + 3]!] === 'other') continue;
      for (let k = 0; k < ACC; k++) acc[w + k] = acc[r + k]!;
      w += ACC;
    }
    acc.length = w;
  }

  // 3. Ambiguous aliases: a context word nearby, or (written as a name, mid-sentence) the page's own country.
  const pageCountry = dominantCountry(ctx);
  const seen = new Set(ctx.seen);
  const personSpans = new Set<string>();
  for (let r = 0; r < acc.length; r += ACC) {
    seen.add(ids[acc[r + 3]!]!);
    if (compiled.types[acc[r + 3]!] === 'person') personSpans.add(`${acc[r]}:${acc[r + 1]}:${acc[r + 2]}`);
  }
  let ambByPos: Map<string, number[]> | null = null;
  for (const i of ambiguous) {
    const seg = C[i]!, start = C[i + 1]!, end = C[i + 2]!, entity = C[i + 4]!, amb = compiled.ambiguous[C[i + 5]!];
    if (!amb) continue;
    const s = segments[seg] ?? '';
    const caseOk = caseFits(s, start, end, amb.shape === 2 ? 2 : amb.shape > 0 ? 1 : 0);
    // A capitalised title of several words is also written in lower case (первого президента, the first president):
    // then only a context word of its own confirms it.
    if (!caseOk && (amb.shape !== 1 || amb.single)) continue;
    // Context words and foreign markers are trie hits of the same scan: looked up by position, no text re-read.
    let dist = contextDistance(raw.ctx, amb.ctx, seg, start, end);
    const type = compiled.types[entity]!;
    // An offence's name in quotation marks is the charge as worded, cited in passing («разжигание розни»): the set
    // counts it only with its article number, which is a mention of its own.
    if (type === 'law' && amb.shape === 0 && quoted(s, start, end)) continue;
    // An international body's short name needs a Central Asian page, as its full name does ("Amnesty" beside "International").
    if (countries[entity] === 'other' && words === 0) continue;
    // A context that names the entry's country is met by any keyword of that country too (Тараз, Душанбе, Бишкек);
    // for one capitalised word opening a sentence only when the country is all its context asks: any word may open
    // a sentence (Справедливость восторжествовала), but Генпрокуратура is an institution wherever it stands.
    if (dist < 0 && amb.byCountry && (amb.byCountry === 2 || !amb.single || !sentenceInitial(s, start))) dist = countryDistance(raw.country, countries[entity]!, seg, start, end);
    let confirmed = dist >= 0 ? 2 : 0;
    // An organisation's name in lower case is mostly the plain words (пожелали ему «ак жол», a good road, with the
    // election story around it): only a context word close by confirms it. Titles and events are written in lower
    // case as a rule (первого президента, октябрьских событий).
    if (!caseOk && type !== 'event' && (confirmed !== 2 || (type === 'organisation' && dist > LOWER_CASE_WINDOW))) continue;
    // A foreign marker beside the alias names a namesake ("the US Democratic Party"); a person's surname
    // confirmed by a context word of its own (Азимжана Аскарова) stays, whoever is named beside it (США призывали освободить Аскарова).
    // So does a person the page has already named (Азимжан Аскаров …; В Госдепартаменте США смерть Аскарова назвали…).
    // A foreign entry is no namesake of a foreign one (the State Department beside Washington).
    if (countries[entity] !== 'other' && !(type === 'person' && (confirmed === 2 || seen.has(ids[entity]!))) && vetoed(raw.neg, seg, start, end)) continue;
    // The page's country confirms a generic name where its words are Central Asian; on its address alone, only a
    // law's title or an offence described in words: the Supreme Court and the Senate of a Kazakh site's story about
    // Spain are Spain's, but incitement of social discord on vlast.kz is the Kazakh offence.
    if (!confirmed && (words > 0 || (signal && type === 'law'))) {
      const country = countries[entity]!;
      const byCountry = country !== 'other' && pageCountries.has(country);
      // An offence described in words whose context is its country (разжигание розни, incitement of social discord)
      // on a page mostly about that country is that country's offence; so is a law described in words (бейбіт
      // жиналыстар туралы заң) where the page's words, not only its address, are that country's.
      if (type === 'law' && amb.byCountry && !amb.single && country === pageCountry && (words > 0 || isArticle(compiled, entity))) confirmed = 1;
      // An event of several words, in any case, on a page whose words are mostly about its country (октябрьских событий on a Kyrgyz page).
      if (type === 'event' && !amb.single && words > 0 && country === pageCountry) confirmed = 1;
      // A title of several words that the dataset writes in lower case, capitalised mid-sentence, is written as a name (the 2014 Law on Trade Unions).
      const titled = amb.shape === 0 && !amb.single && caseOf(s.charCodeAt(start)) === 2 && !sentenceInitial(s, start);
      // On the address alone, a name the dataset writes capitalised is any country's (the Ата заң of a Kazakh site's
      // story about Korea); a lower-case title capitalised mid-sentence is still a title, and an offence still the site's.
      const asWritten = amb.shape > 0 && (words > 0 || isArticle(compiled, entity)) && caseAgrees(s, start, end, amb.shape);
      if (byCountry && (titled || asWritten) && !(amb.single && sentenceInitial(s, start))) confirmed = 1;
    }
    // A surname alone after the full name on the page is that person, at a sentence start too (Қонаевтың есімі…).
    // So is a short name after the entry's full one (Amnesty's after Amnesty International, the Brotherhood).
    if (!confirmed && seen.has(ids[entity]!) && amb.shape > 0 && caseAgrees(s, start, end, amb.shape)) confirmed = 1;
    // A generic institution, code or title followed by another country's name is that country's (Верховный суд КР
    // is not Tajikistan's, первого президента Узбекистана not Kazakhstan's); a surname is followed by anything.
    if (confirmed && (type !== 'person' || !amb.single)) {
      const after = countryRightAfter(s, raw.country, raw.neg, seg, end);
      if (after && after !== countries[entity]) continue;
    }
    const key = `${seg}:${start}:${end}`;
    // A woman's surname that is also a man's genitive (Назарбаева): a feminine verb after it, or a context word
    // right beside it (его дочь Назарбаева), decides; a context word further off only shows the topic.
    if (type === 'person' && personSpans.has(key) && isCyrillicFold(FOLD[s.charCodeAt(end - 1)]!)) {
      confirmed = feminineFollows(s, end) || (!kinOf(s, start) && confirmedByWord(raw.ctx, amb.ctx, seg, start, end, ADJACENT)) ? 2 : 0;
    }
    if (!confirmed || refutedByNeighbours(s, start, end, type)) continue;
    if (type === 'event' && anotherTime(s, start, end, ids[entity]!)) continue;
    if (type === 'organisation' && (tailOfLongerName(s, start, raw.country, seg) || stateName(s, start, end, raw.country, seg))) continue;
    if (type === 'person' && namesakeBefore(s, start, raw.country, seg) && !nameEndsAt(acc, seg, start)) continue;
    // Confirmed by a context word, it may beat a plain alias on the same words (Назарбаева near «дочь»);
    // confirmed only by the page's country, it yields to one (указ Назарбаева is Nursultan's genitive).
    const bonus = seen.has(ids[entity]!) ? 5 : 0;
    // Two entries confirmed by context words (the Kyrgyz and the Tajik GKNB): the nearer word wins, by a fraction.
    // Confirmed only by the page's country, the entry of the country the page is most about wins (ГКНБ on a Kyrgyz page).
    const score = confirmed === 2 ? 5000 + C[i + 6]! + bonus + (dist >= 0 ? 1 - dist / (2 * CONTEXT_WINDOW + 1) : 0) : -2000 + bonus + (countries[entity] === pageCountry ? 1 : 0);
    ambByPos ??= new Map();
    const list = ambByPos.get(key);
    if (list) list.push(entity, score); else ambByPos.set(key, [seg, start, end, entity, score]);
  }
  if (ambByPos) {
    for (const l of ambByPos.values()) {
      // Two entries claiming the same words: keep the better-confirmed one, or none when they tie.
      let best = 3, second = -1;
      for (let k = 5; k < l.length; k += 2) {
        if (l[k + 1]! > l[best + 1]!) { second = best; best = k; } else if (second < 0 || l[k + 1]! > l[second + 1]!) second = k;
      }
      if (second >= 0 && l[second + 1] === l[best + 1] && l[second] !== l[best]) continue;
      acc.push(l[0]!, l[1]!, l[2]!, l[best]!, V_AMBIG, l[best + 1]!, 1);
    }
  }

  // 4. Legal articles at keyword hits.
  for (let i = 0; i < raw.art.length; i += 4) {
    const seg = raw.art[i]!;
    const r = articlesAt(segments[seg] ?? '', raw.art[i + 1]!, raw.art[i + 2]!, raw.art[i + 3]!, {
      law, pageCountry, pageCode: (ctx.code as CodeKind | undefined) ?? null,
    });
    if (r.codeSeen) ctx.code = r.codeSeen;
    for (const h of r.hits) acc.push(seg, h.start, h.end, h.entity, V_ARTICLE, 2000, 4);
  }

  // 5. Longest match wins; never overlap. Ties: written form (score), then the stronger kind.
  // Per segment (candidates bucketed by segment, a handful each), so no large array is ever sorted.
  const n = acc.length / ACC;
  const mentions: Mention[] = [];
  if (words > 0) ctx.words = words;
  if (n === 0) { ctx.seen = [...seen]; return mentions; }
  const nSeg = segments.length;
  const first = new Int32Array(nSeg + 1);
  for (let r = 0; r < acc.length; r += ACC) first[acc[r]! + 1]!++;
  for (let k = 0; k < nSeg; k++) first[k + 1]! += first[k]!;
  const order = new Int32Array(n);
  const fill = first.slice(0, nSeg);
  for (let r = 0, q = 0; r < acc.length; r += ACC, q++) order[fill[acc[r]!]!++] = r;
  const better = (a: number, b: number): number =>
    (acc[b + 2]! - acc[b + 1]!) - (acc[a + 2]! - acc[a + 1]!) || acc[b + 5]! - acc[a + 5]! || acc[b + 6]! - acc[a + 6]! || acc[a + 1]! - acc[b + 1]!;
  const chosen: number[] = [];
  for (let sg = 0; sg < nSeg; sg++) {
    const lo = first[sg]!, hi = first[sg + 1]!;
    if (lo === hi) continue;
    // Insertion sort of the segment's few candidates, best first.
    for (let a = lo + 1; a < hi; a++) {
      const v = order[a]!;
      let b = a - 1;
      while (b >= lo && better(order[b]!, v) > 0) { order[b + 1] = order[b]!; b--; }
      order[b + 1] = v;
    }
    chosen.length = 0;
    for (let a = lo; a < hi; a++) {
      const r = order[a]!, st = acc[r + 1]!, en = acc[r + 2]!;
      let clash = false;
      for (let k = 0; k < chosen.length; k++) { const o = chosen[k]!; if (st < acc[o + 2]! && acc[o + 1]! < en) { clash = true; break; } }
      if (clash) continue;
      // Kept in start order.
      let p = chosen.length;
      chosen.push(r);
      while (p > 0 && acc[chosen[p - 1]! + 1]! > st) { chosen[p] = chosen[p - 1]!; p--; }
      chosen[p] = r;
    }
    const s = segments[sg] ?? '';
    for (let k = 0; k < chosen.length; k++) {
      const r = chosen[k]!, entity = acc[r + 3]!, via = acc[r + 4]!;
      const id = ids[entity]!;
      const prev = mentions[mentions.length - 1];
      // A law's number and its title side by side («статье 274 УК о распространении заведомо ложной
      // информации») are one mention of it, not two.
      if (prev && prev.segment === sg && prev.entityId === id && prev.type === 'law' && sameClause(s, prev.end, acc[r + 1]!)) {
        prev.end = quotesBalanced(s, prev.start, acc[r + 2]!)[1];
        prev.surface = s.slice(prev.start, prev.end);
        continue;
      }
      const [start, end] = quotesBalanced(s, acc[r + 1]!, acc[r + 2]!);
      mentions.push({ segment: sg, start, end, entityId: id, type: compiled.types[entity]!, surface: s.slice(start, end), via: VIA[via]! });
      seen.add(id);
      const country = countries[entity];
      if (via !== V_NAME && country && country !== 'other') ctx.countries[country]++;
    }
  }
  ctx.seen = [...seen];
  return mentions;
}
