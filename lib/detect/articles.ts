// Legal-article references ("Article 373", "статья 373 УК РК", "405 және 174-баптарына"): numbers, code and country, one mention per article.
//
// The trie finds the keyword (cheap, in the scan); this module runs only at those hits, so it may use
// RegExps on a short window around the keyword. An article whose code or country cannot be resolved
// gives no mention: Russia's Article 174 is not Kazakhstan's.
import type { Country } from '../data/schema.ts';

/** How a keyword relates to its numbers. */
export const F_EN = 0; // Article 373, Articles 174 and 405
export const F_EN_ABBR = 1; // Art. 373
export const F_RU = 2; // статья 373, статьи 174 и 405
export const F_RU_ABBR = 3; // ст. 373
export const F_KK = 4; // 373-бап, 405 және 174-баптарына (the number comes first)
export const F_KK_LATN = 5; // 373-bap

/** Keywords the compiler puts in the trie. `prefix`: any ending (Kazakh chains); otherwise inflected like a name. */
export const ARTICLE_KEYWORDS: { text: string; form: number; prefix?: boolean }[] = [
  { text: 'Article', form: F_EN },
  { text: 'Art', form: F_EN_ABBR },
  { text: 'статья', form: F_RU },
  { text: 'ст', form: F_RU_ABBR },
  { text: 'бап', form: F_KK, prefix: true },
  { text: 'баб', form: F_KK, prefix: true },
  { text: 'bap', form: F_KK_LATN, prefix: true },
  { text: 'bab', form: F_KK_LATN, prefix: true },
];

export type CodeKind = 'criminal' | 'administrative' | 'constitution';

// Letters as an explicit class (Latin, Greek, Cyrillic with the Kazakh letters), and RegExps without the u flag:
// a case-insensitive \p{L} pattern costs milliseconds to compile on its first two runs, which every page paid.
const LETTER = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u052F';
const L = `[${LETTER}]`;
const word = (src: string): string => `(?<!${L})(?:${src})(?!${L})`;

/**
 * Codes named in a sentence, one group per kind in order of precedence. The abbreviations are whole words; the long
 * forms are stems. One RegExp, not one per kind: each costs a compile on a page's first article.
 */
const CODES: CodeKind[] = ['administrative', 'criminal', 'constitution'];
const CODE_RE = new RegExp(
  `(administrative\\s+(?:offen[cs]es?\\s+)?code|code\\s+(?:of|on)\\s+administrative|административн${L}*\\s+(?:правонарушени|кодекс)|кодекс${L}*\\s+(?:${L}+\\s+){0,3}об\\s+административн|${word('КоАП|КРКоАП')}|әкімшілік\\s+құқық\\s*бұзушылық|${word('ӘҚБтК')})` +
    `|(criminal\\s+code|penal\\s+code|code\\s+penal|уголовн${L}*\\s+кодекс|${word('УК')}|қылмыстық\\s+кодекс|${word('ҚК')}|qylmystyq\\s+kodeks)` +
    `|(constitution|конституци|ата\\s+заң)`,
  'gi',
);

/** Code names as they follow an article number. */
const CODE_TAIL = [
  'Criminal\\s+Code(?:\\s+of\\s+(?:the\\s+Republic\\s+of\\s+)?(?:Kazakhstan|Tajikistan|Kyrgyzstan))?', 'Code\\s+of\\s+Administrative\\s+Offen[cs]es', 'Administrative\\s+(?:Offen[cs]es\\s+)?Code',
  `УК(?:\\s+(?:РК|РТ|КР))?(?!${L})`, `КоАП(?:\\s+(?:РК|РТ|КР))?(?!${L})`, `Уголовного\\s+кодекса(?:\\s+(?:Республики\\s+)?(?:Казахстан|Таджикистан|Кыргызстан|Кыргызской\\s+Республики)${L}*)?`, 'Кодекса\\s+об\\s+административных\\s+правонарушениях',
].join('|');

const TAIL_CODE = new RegExp(`^(?:\\s*\\(\\d+\\))?\\s*(?:of\\s+(?:the\\s+)?)?(?:(?:Kazakhstan|Kazakh|Tajik|Tajikistan|Kyrgyz|Kyrgyzstan)(?:'s|’s)?\\s+)?(?:${CODE_TAIL})`, 'i');

/** A different instrument named right after the number: "Article 1 of CEDAW", "статьи 19 МПГПП". */
const OTHER_INSTRUMENT = new RegExp(
  `^[\\s,]*(?:of\\s+(?:the\\s+)?|under\\s+(?:the\\s+)?)?(?:ICCPR|ICESCR|CEDAW|CAT\\b|UDHR|ECHR|Covenant|Convention|Universal|European|International|Declaration|Charter|Statute|Treaty|Law\\b|Labou?r\\s+Code|Civil\\s+Code|Tax\\s+Code|Code\\s+of\\s+Criminal\\s+Procedure|Criminal\\s+Procedur|Election|Electoral|МПГПП|МПЭСКП|Конвенц|Пакт|Всеобщ|Закона?|Трудов|Гражданск|Налогов|УПК|Уголовно-процессуальн|Избирательн)`,
  'i',
);

/** Kazakh: another code or law named just before the number. */
const KK_OTHER_BEFORE = new RegExp(`(?:еңбек|азаматтық|салық|процестік|іс\\s+жүргізу|сайлау)\\s+кодекс${L}*\\s*$|(?:заң${L}*|конституция${L}*|конвенция${L}*|пакт${L}*)\\s*$`, 'i');

/**
 * Country names, one group per country: the stems in any case, the abbreviations whole and as written (АҚШ must
 * not match парақшасы). Two RegExps, not one per country and form: each costs a compile on a page's first article.
 */
const COUNTRY_OF_GROUP: Country[] = ['KZ', 'TJ', 'KG', 'other'];
const COUNTRY_STEMS = new RegExp(
  '(Kazakh|Qazaq|Казахстан|Қазақстан)|(Tajik|Таджик|Тәжік)|(Kyrgyz|Kirghiz|Кыргыз|Киргиз|Қырғыз)' +
    '|(Russia|Росси|Ресей|Uzbek|Узбек|Өзбек|Belarus|Беларус|Ukrain|Украин|Turkmen|Туркмен|Azerbaijan|Азербайджан|Armenia|Армени|Georgia|Грузи|China|Chinese|Китай|Китая|Қытай|United\\s+States|Britain|British|France|French|German)',
  'gi',
);
const COUNTRY_ABBREVIATIONS = new RegExp(word('(РК|ҚР|RK)|(РТ|ТР)|(КР)|(РФ|США|АҚШ|US|U\\.S\\.|UK)'), 'g');

const NUM = '(\\d{1,4}(?:\\.\\d{1,3})?(?:-\\d{1,2})?)';
const FIRST_AFTER = new RegExp(`^\\.?\\s*(?:№\\s*)?${NUM}(?:\\s*\\(\\d+\\))?`);
const NEXT_AFTER = new RegExp(`^\\s*(?:,\\s*(?:and|и|или|or)?|and|or|&|и|или|және|мен)\\s*(?:(?:Articles?|Art\\.|стат${L}*|ст\\.)\\s*)?${NUM}(?:\\s*\\(\\d+\\))?`, 'i');
const LAST_BEFORE = /(\d{1,4})\s*[-‐‑–]?\s*$/;
/** A Russian ordinal before the keyword: «по 174-й статье», «174-я статья». */
const ORDINAL_BEFORE = /(\d{1,4})\s*[-‐‑–]\s*(?:й|я|ой|ая|ей|ую)\s+$/;
/** A Kazakh code named right before the number («Қылмыстық кодекстің 174-бабы»): part of the mention, not a mention of the code. */
const KK_CODE_BEFORE = new RegExp(`(?:(?:Қазақстан\\s+Республикасы(?:ның)?|ҚР|Qazaqstan\\s+Respublikasy(?:nyñ)?|QR)\\s+)?(?:Қылмыстық|Әкімшілік\\s+құқық\\s*бұзушылық\\s+туралы|Qylmystyq|Äkımşılık\\s+qūqyq\\s*būzuşylyq\\s+turaly)\\s+(?:кодекс|kodeks)${L}*\\s*$`, 'i');
const PREV_BEFORE = /(\d{1,4})\s*(?:,|және|мен|пен|бен|and|и|жəне|jäne|jane|men|pen|ben)\s*$/;

export interface ArticleHit {
  start: number;
  end: number;
  /** The law entity index in the compiled matcher. */
  entity: number;
}

export interface ArticleEnv {
  /** Looks up a law: jurisdiction, code, article number → entity index or -1. */
  law(country: Country, code: CodeKind, article: string): number;
  /** The page's dominant Central Asian country, if any. */
  pageCountry: Country | null;
  /** The last code named on the page. */
  pageCode: CodeKind | null;
}

const ABBREVIATIONS = new Set(['art', 'ст', 'ч', 'п', 'no', 'pt', 'para', 'cl']);

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const LETTER_RE = new RegExp(L);
const KAZAKH_CODE = new RegExp(`қылмыстық|әкімшілік|(?<!${L})ҚК(?!${L})`, 'i');

function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase() || LETTER_RE.test(ch);
}

function opensSentence(ch: string): boolean {
  return ch === '«' || ch === '"' || ch === '“' || (ch !== ch.toLowerCase() && ch === ch.toUpperCase());
}

/**
 * The sentence that ends at pos (at most 240 units back): cut after the last stop (. ! ?) that is followed by
 * white space and a capital or an opening quote, unless the word before the stop is an abbreviation (Art. ст. ч. п. No.).
 * Read backwards by hand: this runs at every article keyword, and a RegExp here cost more than the whole match.
 */
function sentenceBefore(s: string, pos: number): string {
  const from = Math.max(0, pos - 240);
  for (let i = pos - 1; i > from; i--) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) continue;
    // i is the last space of a run; the run must follow a stop and precede an opener.
    if (i + 1 >= pos || !opensSentence(s[i + 1]!)) continue;
    let b = i;
    while (b > from && isSpace(s.charCodeAt(b - 1))) b--;
    const stop = b - 1;
    if (stop < from) continue;
    const sc = s.charCodeAt(stop);
    if (sc !== 0x2e && sc !== 0x21 && sc !== 0x3f) continue;
    let w = stop;
    while (w > from && isLetter(s[w - 1]!)) w--;
    if (ABBREVIATIONS.has(s.slice(w, stop).toLowerCase())) { i = b; continue; }
    return s.slice(i + 1, pos);
  }
  return s.slice(from, pos);
}

function sentenceAfter(s: string, pos: number): string {
  const w = s.slice(pos, pos + 160);
  // A stop, white space, then a capital or an opening quote; by hand, as sentenceBefore.
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f) continue;
    let j = i + 1;
    while (j < w.length && isSpace(w.charCodeAt(j))) j++;
    if (j > i + 1 && j < w.length && opensSentence(w[j]!)) return w.slice(0, i);
  }
  return w;
}

/** The law entity of an article number, or of its main number ("174.1" or "174-1" is 174). */
function lookup(env: ArticleEnv, country: Country, code: CodeKind, num: string): number {
  const e = env.law(country, code, num);
  return e >= 0 ? e : env.law(country, code, num.replace(/[.-].*$/, ''));
}

function findCode(text: string): CodeKind | null {
  let best = CODES.length;
  CODE_RE.lastIndex = 0;
  for (let m = CODE_RE.exec(text); m && best > 0; m = CODE_RE.exec(text)) {
    for (let g = 0; g < best; g++) if (m[g + 1] !== undefined) { best = g; break; }
  }
  return best < CODES.length ? CODES[best]! : null;
}

/** The group that matched, as its position in COUNTRY_OF_GROUP. */
function groupOf(m: RegExpExecArray): number {
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return g - 1;
  return -1;
}

/**
 * A country named in the text: the first (or the last) match of either RegExp. At one index the stem wins over an
 * abbreviation and the earlier country over the later, as the patterns are listed.
 */
function countryIn(text: string, last: boolean): { at: number; rank: number } | null {
  let best: { at: number; rank: number } | null = null;
  for (let r = 0; r < 2; r++) {
    const re = r === 0 ? COUNTRY_STEMS : COUNTRY_ABBREVIATIONS;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = last ? re.exec(text) : null) {
      const rank = groupOf(m) * 2 + r;
      if (!best || (last ? m.index > best.at : m.index < best.at) || (m.index === best.at && rank < best.rank)) best = { at: m.index, rank };
    }
  }
  return best;
}

/** The country named nearest: in `near` first, else the last one named in `before`. */
function findCountry(near: string, before: string): Country | null {
  const c = countryIn(near, false) ?? countryIn(before, true);
  return c ? COUNTRY_OF_GROUP[c.rank >> 1]! : null;
}

/**
 * Article mentions around one keyword hit [kwStart, kwEnd) of the given form.
 * Returns one hit per resolved article; `codeSeen` reports a code named in the sentence (page context).
 */
export function articlesAt(s: string, kwStart: number, kwEnd: number, form: number, env: ArticleEnv): { hits: ArticleHit[]; codeSeen: CodeKind | null } {
  const nums: { start: number; end: number; num: string }[] = [];
  let afterEnd = kwEnd;
  if (form === F_KK || form === F_KK_LATN) {
    const before = s.slice(Math.max(0, kwStart - 80), kwStart);
    const base = kwStart - before.length;
    const last = LAST_BEFORE.exec(before);
    if (!last) return { hits: [], codeSeen: null };
    if (form === F_KK_LATN && !/[-‐‑–]\s*$/.test(before)) return { hits: [], codeSeen: null };
    const lastStart = base + last.index;
    // Keyword word end: the Kazakh chain after бап-/баб- is part of the mention (174-баптарына).
    nums.push({ start: lastStart, end: kwEnd, num: last[1]! });
    let rest = before.slice(0, last.index);
    for (let m = PREV_BEFORE.exec(rest); m; m = PREV_BEFORE.exec(rest)) {
      nums.unshift({ start: base + m.index, end: base + m.index + m[1]!.length, num: m[1]! });
      rest = rest.slice(0, m.index);
    }
  } else {
    let rest = s.slice(kwEnd, kwEnd + 160);
    if (form === F_EN_ABBR || form === F_RU_ABBR) {
      if (!/^\.?\s*\d/.test(rest) || (form === F_RU_ABBR && !rest.startsWith('.'))) return { hits: [], codeSeen: null };
    }
    let at = kwEnd;
    let m = FIRST_AFTER.exec(rest);
    if (m) {
      nums.push({ start: kwStart, end: at + m.index + m[0].length, num: m[1]! });
      for (;;) {
        at += m.index + m[0].length;
        rest = s.slice(at, at + 160);
        const n = NEXT_AFTER.exec(rest);
        if (!n) break;
        const numAt = at + n.index + n[0].lastIndexOf(n[1]!);
        nums.push({ start: numAt, end: numAt + n[1]!.length, num: n[1]! });
        m = n;
      }
    } else {
      const before = form === F_RU ? s.slice(Math.max(0, kwStart - 12), kwStart) : '';
      const o = ORDINAL_BEFORE.exec(before);
      if (!o) return { hits: [], codeSeen: null };
      nums.push({ start: kwStart - before.length + o.index, end: kwEnd, num: o[1]! });
    }
    afterEnd = at;
  }
  const lastEnd = nums[nums.length - 1]!.end;
  const after = sentenceAfter(s, Math.max(afterEnd, lastEnd));
  // Another instrument: named after the number in English and Russian, before it in Kazakh (Еңбек кодексінің 174-бабы).
  if (form === F_KK || form === F_KK_LATN) {
    if (KK_OTHER_BEFORE.test(s.slice(Math.max(0, nums[0]!.start - 60), nums[0]!.start))) return { hits: [], codeSeen: null };
  } else if (OTHER_INSTRUMENT.test(after)) return { hits: [], codeSeen: null };
  const near = after.slice(0, 80);
  const before = sentenceBefore(s, nums[0]!.start);
  const namedCode = findCode(near) ?? findCode(before);
  const code = namedCode ?? env.pageCode ?? (env.pageCountry ? 'criminal' : null);
  // A code named in Kazakh (Қылмыстық кодекс, ҚК) is Kazakhstan's unless the sentence says otherwise.
  const kazakhCode = KAZAKH_CODE.test(near + ' ' + before) || form === F_KK;
  const country = findCountry(near, before) ?? env.pageCountry ?? (kazakhCode ? 'KZ' : null);
  if (!code || !country) return { hits: [], codeSeen: namedCode };
  // A code named right after the last number belongs to the mention ("статье 405 УК РК", "Article 405 of the
  // Criminal Code"): it must not stand alone as a mention of the code itself.
  const tailCode = TAIL_CODE.exec(s.slice(lastEnd, lastEnd + 90));
  if (tailCode && form !== F_KK && form !== F_KK_LATN) nums[nums.length - 1]!.end = lastEnd + tailCode[0].length;
  const hits: ArticleHit[] = [];
  // A Kazakh code named before a lone number belongs to the mention, as the code after it does in English and Russian.
  if ((form === F_KK || form === F_KK_LATN) && nums.length === 1) {
    const kkCode = KK_CODE_BEFORE.exec(s.slice(Math.max(0, nums[0]!.start - 90), nums[0]!.start));
    if (kkCode) nums[0]!.start -= kkCode[0].length;
  }
  for (const n of nums) {
    let e = lookup(env, country, code, n.num);
    // The page's last code is only a guess: an article it lacks is the criminal code's, the one the press cites most.
    if (e < 0 && !namedCode && code !== 'criminal') e = lookup(env, country, 'criminal', n.num);
    if (e >= 0) hits.push({ start: n.start, end: n.end, entity: e });
  }
  return { hits, codeSeen: namedCode };
}
