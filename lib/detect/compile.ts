// Compiles dataset entries into the matcher's flat trie (CSR tables packed as strings in JSON, read in place at load); runs at build time.
import type { AliasLang, Entity } from '../data/schema.ts';
import { FOLD, IGN, STOP, OTHER, SEP_LABEL, isCyrillicFold, foldKey } from './normalise.ts';
import { wordForm } from './inflect.ts';
import { COUNTRY_KEYWORDS, REGION_KEYWORDS, FOREIGN_MARKERS, CAPITALISED_KEYWORDS, CAPITALISED_FLAG } from './signals.ts';
import { ARTICLE_KEYWORDS } from './articles.ts';
import { Trie, encodeLiveFilter } from './matcher.ts';
import { SHAPE_RU_LOWER, K_NAME, K_ALIAS, K_AMBIG, K_COUNTRY, K_ARTICLE, K_CONTEXT, K_NEG, PREFIX, PACK_OFFSET, F_WORK, F_SEPARATOR, F_CONTEXT, type CompiledMatcher } from './types.ts';

interface Word { orig: string; folded: number[] }

/** Values as a string of code units (value + offset), what the matcher reads in place. */
function pack(values: ArrayLike<number>, offset: number): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i += 4096) {
    const chunk: number[] = [];
    for (let k = i; k < Math.min(values.length, i + 4096); k++) {
      const v = values[k]! + offset;
      if (v < 0 || v > 0xffff) throw new Error(`compile: value ${values[k]} does not fit the packed matcher`);
      chunk.push(v);
    }
    parts.push(String.fromCharCode(...chunk));
  }
  return parts.join('');
}

/** Splits a phrase into words as the scan sees them: original spelling and folded letters. Null if unmatchable. */
export function splitWords(text: string): Word[] | null {
  const words: Word[] = [];
  let orig = '';
  let folded: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = FOLD[text.charCodeAt(i)]!;
    if (f === IGN) continue;
    if (f <= STOP) {
      if (folded.length) words.push({ orig, folded });
      orig = ''; folded = [];
      continue;
    }
    if (f === OTHER) return null;
    orig += text[i];
    folded.push(f);
  }
  if (folded.length) words.push({ orig, folded });
  return words.length ? words : null;
}

class TrieBuilder {
  edges: Map<number, number>[] = [new Map()];
  outs: number[][][] = [[]];
  inner: number[] = [0];

  private step(node: number, label: number): number {
    const e = this.edges[node]!;
    let next = e.get(label);
    if (next === undefined) {
      next = this.edges.length;
      e.set(label, next);
      this.edges.push(new Map());
      this.outs.push([]);
      this.inner.push(0);
    }
    return next;
  }

  /** Inserts the words' stems with separator edges between them; returns the end node and the last word's form. `kazakh`: a Kazakh alias. */
  insert(words: Word[], inflect: boolean, kazakh = false): { node: number; paradigm: number; tail: string } {
    let node = 0;
    let last = { paradigm: PREFIX, tail: '' };
    words.forEach((w, i) => {
      const isLast = i === words.length - 1;
      const form = inflect ? wordForm(w.orig, w.folded, words.length === 1, kazakh && isLast && words.length > 1) : { stem: w.folded, paradigm: PREFIX, tail: '' };
      // An inner word stores its stem, marks which endings may close it, then a separator edge.
      for (const f of form.stem) node = this.step(node, f);
      if (!isLast) {
        if (form.paradigm !== PREFIX) this.inner[node]! |= 1 << form.paradigm;
        node = this.step(node, SEP_LABEL);
      } else last = { paradigm: form.paradigm, tail: form.tail };
    });
    return { node, ...last };
  }

  addOut(node: number, rec: number[]): void {
    const list = this.outs[node]!;
    // One record per kind and entity and paradigm: the strongest kind wins at equal keys.
    if (list.some((r) => r.every((x, k) => x === rec[k]))) return;
    list.push(rec);
  }
}

/** Context words are matched as word stems: a Cyrillic word drops its final vowel so партия also finds партии, партиясы. */
function contextStem(words: Word[]): Word[] {
  if (words.length !== 1) return words;
  const w = words[0]!;
  const last = w.folded[w.folded.length - 1]!;
  if (w.folded.length >= 5 && isCyrillicFold(last) && 'аеиоуыэюяь'.includes(String.fromCharCode(last))) {
    return [{ orig: w.orig.slice(0, -1), folded: w.folded.slice(0, -1) }];
  }
  return words;
}

/**
 * How a name is written: 2 an acronym (WHO, ЕО: the text must be upper case too, "who" is not the WHO),
 * 1 with a capital somewhere (the text must have one: желтоқсан the month is not Желтоқсан 1986), 0 lower case.
 */
export function caseShape(text: string): number {
  const letters = [...text].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length >= 2 && letters.length <= 6 && letters.every((c) => c === c.toUpperCase())) return 2;
  if (letters.some((c) => c === c.toUpperCase())) return 1;
  return 0;
}

/** Folded country keywords by country, for namesOwnCountry. */
const COUNTRY_KEYS = new Map<string, string[]>(Object.entries(COUNTRY_KEYWORDS).map(([c, ks]) => [c, ks.map(foldKey)]));

/**
 * Whether an ambiguous alias's context names the entry's own country ("Kazakhstan", "Таджик"): 0 not, 1 among
 * other words (a common word's own topic: Справедливость, правозащит), 2 with nothing else than the country and
 * its abbreviations (Генпрокуратура: Казахстан, РК), when the only question is whose institution it is.
 */
function namesOwnCountry(country: string, context: readonly string[]): number {
  const keys = COUNTRY_KEYS.get(country);
  if (!keys) return 0;
  const own = (c: string): boolean => { const k = foldKey(c); return keys.some((kw) => k.startsWith(kw)); };
  if (!context.some(own)) return 0;
  return context.every((c) => own(c) || /^[A-ZА-ЯӘҒҚҢӨҰҮІ]{2,3}$/.test(c)) ? 2 : 1;
}

/** The capitalised-only keywords folded, for leaving them out of context words. */
const CAPITALISED_STEMS = [...CAPITALISED_KEYWORDS].map(foldKey);

/** A country's own names, the context of a name derived without them (countryless). */
const COUNTRY_NAMES: Record<string, string[]> = {
  KZ: ['Kazakhstan', 'Kazakh', 'Казахстан', 'Казахск', 'Қазақстан', 'Qazaqstan'],
  TJ: ['Tajikistan', 'Tajik', 'Таджикистан', 'Таджик', 'Тәжік', 'Täjık'],
  KG: ['Kyrgyzstan', 'Kyrgyz', 'Кыргыз', 'Киргиз', 'Қырғыз', 'Qyrğyz'],
};
/** The country as a law's or an event's name carries it, in each language: Tajikistan's, of Kazakhstan, Қазақстандағы. */
const COUNTRY_IN_NAME: RegExp[] = [
  /^(?:the )?(?:Kazakhstan|Tajikistan|Kyrgyzstan)(?:'s|’s)? /i,
  /^(?:Kazakh|Tajik|Kyrgyz) /,
  / (?:of|in) (?:the Republic of )?(?:Kazakhstan|Tajikistan|Kyrgyzstan)$/,
  / \(\d{4}\)$/,
  / (?:Республики )?(?:Казахстана?|Таджикистана?|Кыргызстана?|Кыргызской Республики)$/,
  / в (?:Казахстане|Таджикистане|Кыргызстане|Киргизии)$/,
  /^(?:Қазақстан|Тәжікстан|Қырғыз) Республикасының /,
  /^(?:Қазақстанның|Тәжікстанның|Қырғызстанның|Қазақстандағы|Тәжікстандағы|Қырғызстандағы) /,
];

/**
 * A law's or an event's names without their country ("Law on Countering Extremism" from "Tajikistan's Law on
 * Countering Extremism"), as ambiguous aliases whose context is the country: any country has such a law, and the
 * page or the sentence says whose it is. Two words at least; none the entry already lists; no code.
 */
function countryless(e: Entity, ambKeys: ReadonlySet<string>): { text: string; lang: AliasLang; context: string[] }[] {
  const context = COUNTRY_NAMES[e.country];
  if (!context || (e.type !== 'law' && e.type !== 'event')) return [];
  const all: [AliasLang, string][] = [['en', e.names.en], ['ru', e.names.ru], ['kk', e.names.kk], ...e.aliases.map((a) => [a.lang, a.text] as [AliasLang, string])];
  const have = new Set([...all.map(([, t]) => foldKey(t)), ...ambKeys]);
  const out: { text: string; lang: AliasLang; context: string[] }[] = [];
  for (const [lang, text] of all) {
    let bare = text;
    for (const re of COUNTRY_IN_NAME) bare = bare.replace(re, '');
    const key = foldKey(bare);
    // A bare code, like a bare constitution, is no mention of one country's (the Criminal Code was amended…).
    // Two words with letters: COVID-19 alone is the disease, not Kazakhstan's pandemic.
    const words = key.split(' ').filter((w) => /\p{L}/u.test(w)).length;
    if (bare === text || words < 2 || have.has(key) || /code|кодекс|kodeks/i.test(bare)) continue;
    have.add(key);
    out.push({ text: bare, lang, context });
  }
  return out;
}

/** Kazakh Latin as the 2018 alphabet writes it: у is ý (the 2017 one's y' folds alike), ш sh, ч ch. */
const LATIN_2018_U = (s: string): string => s.replace(/u/g, 'ý').replace(/U/g, 'Ý');
const LATIN_DIGRAPHS = (s: string): string => s.replace(/ş/g, 'sh').replace(/Ş/g, 'Sh').replace(/ç/g, 'ch').replace(/Ç/g, 'Ch');
/** Kyrgyz and Tajik names in Russian: Жапаров or Джапаров, Джамолиддин or Жамолиддин. */
const CYR_DZH = (s: string): string[] => [
  s.replace(/(^|[^Дд])Ж/g, '$1Дж').replace(/(^|[^Дд])ж/g, '$1дж'),
  s.replace(/Дж/g, 'Ж').replace(/дж/g, 'ж'),
];
/** The same in Latin, at a word's start: Japarov, Zhaparov, Dzhaparov. */
const LAT_DZH = (s: string): string[] => ['J', 'Zh', 'Dzh'].map((to) => s.replace(/\b(?:Dzh|Zh|J)(?=[a-z])/g, to));
/**
 * Kazakh names in Latin: Zh or J (Zhanaozen, Janaozen; Zhakiyanov, Jakiyanov). A J turns to Zh in a person's
 * name only: elsewhere it may begin an English word (January).
 */
const KZ_ZH = (s: string, person: boolean): string[] => [s.replace(/\bZh(?=[a-z])/g, 'J'), ...(person ? [s.replace(/\bJ(?=[a-z])/g, 'Zh')] : [])];
/**
 * Head nouns English writers swap for one another in an event's name (the Jeltoqsan uprising, protests, events):
 * a name ending in one also takes the others of its group.
 */
const EVENT_NOUNS = [
  ['protests', 'uprising', 'events', 'riots', 'unrest', 'demonstrations', 'rallies'],
  ['massacre', 'killings', 'shootings', 'tragedy', 'violence', 'crackdown'],
];
/** A month names no place: "October events" is not "protests in October". */
const MONTHS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
/** Head nouns that also come after the place (killings in Zhanaozen, clashes in Masanchi). */
const IN_PLACE = new Set([...EVENT_NOUNS.flat(), 'clashes', 'strike', 'shooting', 'attack', 'fighting']);

/** Kazakh back vowels (Cyrillic and Latin): a word whose last vowel is one takes -дағы, else -дегі. */
const KK_BACK = 'аоұыяуaouyū';
const KK_VOWELS = KK_BACK + 'әеөүіиэюäeöüıiéáóúý';
/** After these the locative is -та/-те (Қазақстанда, but Алматыда): voiceless consonants. */
const KK_VOICELESS = 'кқпстфхцчшщkqpstfhcçş';
/**
 * A Kazakh event named "Place noun-POSS" (Жаңаөзен оқиғасы) as "Place-LOC-REL noun" (Жаңаөзендегі оқиға):
 * the locative and relative suffix by vowel harmony and voicing, the noun without its possessive.
 */
function placeEvent(text: string): string | null {
  const m = /^(\S+) (\S+)$/.exec(text);
  // A genitive or a locative already there (Назарбаевтың отставкасы, Алматыдағы шеру) is another construction.
  if (!m || m[1]![0] === m[1]![0]!.toLowerCase() || /(?:ның|нің|дың|дің|тың|тің|nyñ|nıñ|dyñ|dıñ|tyñ|tıñ|ғы|гі|ğy|gı)$/.test(m[1]!)) return null;
  const place = m[1]!, noun = m[2]!;
  // The possessive: -сы after a vowel (оқиға-сы), -ы after a consonant (көтеріліс-і, қасірет-і).
  const p = /[сs][ыіyı]$/.test(noun) && KK_VOWELS.includes(noun[noun.length - 3]!) && !'ыіyı'.includes(noun[noun.length - 3]!) ? 2 : /[ыіyı]$/.test(noun) ? 1 : 0;
  if (!p || noun.length - p < 3) return null;
  const low = place.toLowerCase();
  let v = '';
  for (const c of low) if (KK_VOWELS.includes(c)) v = c;
  const back = KK_BACK.includes(v);
  const latin = /[a-z]/.test(low);
  const loc = (KK_VOICELESS.includes(low[low.length - 1]!) ? (latin ? 't' : 'т') : (latin ? 'd' : 'д')) + (latin ? (back ? 'ağy' : 'egı') : (back ? 'ағы' : 'егі'));
  return `${place}${loc} ${noun.slice(0, -p)}`;
}

/**
 * The spellings of one alias: itself, and what the dataset writes once but the press writes several ways.
 * Kazakh Latin in the 2017 and 2018 alphabets beside the 2021 one; Ж/Дж and J/Zh/Dzh in Kyrgyz and Tajik
 * names, J/Zh in Kazakh ones; an English event named "Place noun" with the nouns writers swap and the place
 * after them (Zhanaozen killings, massacre in Zhanaozen); a Kazakh one by its place (Жаңаөзендегі оқиға).
 */
export function spellings(e: Entity, lang: AliasLang, text: string): string[] {
  const out = [text];
  if (lang === 'kk-latn') {
    const y = LATIN_2018_U(text);
    out.push(y, LATIN_DIGRAPHS(text), LATIN_DIGRAPHS(y));
  }
  if (e.type === 'person' && (e.country === 'KG' || e.country === 'TJ')) {
    if (lang === 'ru' || lang === 'kk') out.push(...CYR_DZH(text));
    else out.push(...LAT_DZH(text));
  } else if (e.country === 'KZ' && (lang === 'en' || lang === 'kk-latn')) out.push(...KZ_ZH(text, e.type === 'person'));
  if (e.type === 'event' && lang === 'en') {
    // Only an event named "Place noun": its place (or the event's own name) carries it, whatever the noun.
    for (const v of [...out]) {
      const m = /^([A-Z][a-z]+) ([a-z]+)$/.exec(v);
      if (!m || !IN_PLACE.has(m[2]!) || MONTHS.has(m[1]!)) continue;
      for (const n of EVENT_NOUNS.find((g) => g.includes(m[2]!)) ?? [m[2]!]) out.push(`${m[1]} ${n}`, `${n} in ${m[1]}`);
    }
  }
  if (e.type === 'event' && (lang === 'kk' || lang === 'kk-latn')) {
    const at = placeEvent(text);
    if (at) out.push(at);
  }
  const keys = new Set<string>();
  return out.filter((v) => { const k = foldKey(v); if (!k || keys.has(k)) return false; keys.add(k); return true; });
}

const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * A person's first name (a weak alias that opens one of the names) before each one-word surname alias in the
 * same script: the full name in a spelling the dataset lists only for the surname (Nurbek Kushakbayev, Emomali
 * Rakhmon, Alnur Iliashev). Without it the surname is found alone, and its capitalised first name reads as a
 * namesake's. Not where the dataset holds the full name ambiguous (a common name), nor names it already has.
 */
function fullNames(e: Entity, ambKeys: ReadonlySet<string>): [AliasLang, string][] {
  const written = [e.names.en, e.names.ru, e.names.kk, e.names.kkLatn ?? '', ...e.aliases.map((a) => a.text)];
  const have = new Set(written.map(foldKey));
  const firsts = e.weakAliases.filter((w) => !w.text.includes(' ') && written.some((n) => n.startsWith(w.text + ' ')));
  const out: [AliasLang, string][] = [];
  for (const f of firsts) {
    for (const s of e.aliases) {
      if (s.text.includes(' ') || CYRILLIC.test(s.text) !== CYRILLIC.test(f.text)) continue;
      const full = `${f.text} ${s.text}`;
      const key = foldKey(full);
      if (have.has(key) || ambKeys.has(key)) continue;
      have.add(key);
      out.push([s.lang, full]);
    }
  }
  return out;
}

/**
 * The case shape a name or alias carries into the matcher: a Russian one written in lower case (мажилис) is
 * SHAPE_RU_LOWER, which a lower-case word in Kazakh letters does not match: мәжіліс is also the word for a
 * session (сот мәжілісі), and Kazakh capitalises the chamber.
 */
function shapeIn(lang: AliasLang, text: string): number {
  const shape = caseShape(text);
  return shape === 0 && lang === 'ru' ? SHAPE_RU_LOWER : shape;
}

export interface CompileReport { aliases: number; skipped: string[]; nodes: number }

/** Compiles entries into the matcher. `report`, when given, receives counts and the aliases that could not be compiled. */
export function compileMatcher(entries: readonly Entity[], report?: CompileReport): CompiledMatcher {
  const t = new TrieBuilder();
  const tails: string[] = [''];
  const tailIndex = (s: string): number => {
    let i = tails.indexOf(s);
    if (i < 0) { i = tails.length; tails.push(s); }
    return i;
  };
  const ctxIds = new Map<string, number>();
  const ambiguous: CompiledMatcher['ambiguous'] = [];
  const skipped: string[] = [];
  let aliases = 0;

  const add = (text: string, kind: number, entity: number, extra: number, inflect = true, kazakh = false): void => {
    const words = splitWords(text);
    if (!words) { skipped.push(text); return; }
    const end = t.insert(words, inflect, kazakh);
    t.addOut(end.node, [kind, entity, end.paradigm, tailIndex(end.tail), extra]);
    aliases++;
  };
  /** Adds an alias with the spellings derived from it (see spellings). */
  const addAll = (e: Entity, lang: AliasLang, text: string, kind: number, entity: number, extra: number): void => {
    const kazakh = lang === 'kk' || lang === 'kk-latn';
    for (const v of spellings(e, lang, text)) add(v, kind, entity, extra, true, kazakh);
  };

  entries.forEach((e, ei) => {
    const names: [AliasLang, string][] = [['en', e.names.en], ['ru', e.names.ru], ['kk', e.names.kk], ...(e.names.kkLatn ? [['kk-latn', e.names.kkLatn] as [AliasLang, string]] : [])];
    // A full name that is also listed as ambiguous (a generic "Group 24") is matched only as the ambiguous alias.
    const ambKeys = new Set(e.ambiguousAliases.map((a) => foldKey(a.text)));
    for (const [lang, n] of names) if (!ambKeys.has(foldKey(n))) addAll(e, lang, n, K_NAME, ei, shapeIn(lang, n));
    for (const a of e.aliases) addAll(e, a.lang, a.text, K_ALIAS, ei, shapeIn(a.lang, a.text));
    if (e.type === 'person') for (const [lang, full] of fullNames(e, ambKeys)) addAll(e, lang, full, K_ALIAS, ei, shapeIn(lang, full));
    for (const a of [...e.ambiguousAliases, ...countryless(e, ambKeys)]) {
      const ctx: number[] = [];
      const own = (splitWords(a.text) ?? []).map((w) => String.fromCharCode(...w.folded));
      for (const c of a.context) {
        const words = splitWords(c);
        if (!words) continue;
        // Context words go in the trie as word prefixes: the scan records them where they occur, and
        // disambiguate.ts only looks up those hits around an ambiguous candidate (no text window, no re-folding).
        const stemWords = contextStem(words);
        const stem = stemWords.map((w) => String.fromCharCode(...w.folded)).join(' ');
        // A word of the alias itself confirms nothing: "партия" beside «Демократиялық партия мен шағын партиялар»
        // is any party's (the ДПК and ДДТ abbreviations keep it).
        if (stemWords.length === 1 && own.some((w) => w.startsWith(stem))) continue;
        // Nor does a common word in lower case (астана, any capital): the capital itself is a country keyword, which
        // counts capitalised only, and countryDistance finds it.
        if (CAPITALISED_STEMS.some((k) => stem.startsWith(k))) continue;
        let id = ctxIds.get(stem);
        if (id === undefined) {
          id = ctxIds.size;
          ctxIds.set(stem, id);
          const end = t.insert(stemWords, false);
          t.addOut(end.node, [K_CONTEXT, -1, PREFIX, 0, id]);
        }
        if (!ctx.includes(id)) ctx.push(id);
      }
      const words = splitWords(a.text);
      ambiguous.push({ ctx, shape: caseShape(a.text), single: (words?.length ?? 0) === 1, byCountry: namesOwnCountry(e.country, a.context) });
      addAll(e, a.lang, a.text, K_AMBIG, ei, ambiguous.length - 1);
    }
  });

  // Page signals. Short or upper-case keywords are whole words (US is not "used"); longer ones are stems.
  const signal = (text: string, kind: number, extra: number): void => {
    const words = splitWords(text);
    if (!words) return;
    const whole = words.length === 1 && (words[0]!.folded.length <= 4 || caseShape(text) === 2);
    const end = t.insert(words, whole);
    t.addOut(end.node, [kind, -1, whole ? end.paradigm : PREFIX, tailIndex(end.tail), extra]);
  };
  (['KZ', 'KG', 'TJ'] as const).forEach((c, ci) => { for (const k of COUNTRY_KEYWORDS[c]) signal(k, K_COUNTRY, ci + (CAPITALISED_KEYWORDS.has(k) ? CAPITALISED_FLAG : 0)); });
  for (const k of REGION_KEYWORDS) signal(k, K_COUNTRY, 3);
  // Foreign-namesake markers: short or upper-case ones whole words (US is not "used"), the others stems.
  for (const m of FOREIGN_MARKERS) {
    const words = splitWords(m);
    if (!words) continue;
    const whole = words.length === 1 && (m.length <= 4 || m === m.toUpperCase());
    const end = t.insert(words, whole);
    t.addOut(end.node, [K_NEG, -1, whole ? end.paradigm : PREFIX, tailIndex(end.tail), 0]);
  }
  for (const k of ARTICLE_KEYWORDS) {
    const words = splitWords(k.text);
    if (!words) continue;
    const end = t.insert(words, !k.prefix);
    t.addOut(end.node, [K_ARTICLE, -1, k.prefix ? PREFIX : end.paradigm, tailIndex(end.tail), k.form]);
  }

  // Flatten in breadth-first order with each node's edges sorted by label: then the edge at CSR index e
  // leads to node e + 1, so targets need no storage, and per node only its degree and output count remain.
  const order: number[] = [0];
  const newId = new Int32Array(t.edges.length).fill(-1);
  newId[0] = 0;
  for (let q = 0; q < order.length; q++) {
    for (const [, to] of [...t.edges[order[q]!]!.entries()].sort((a, b) => a[0] - b[0])) {
      newId[to] = order.length;
      order.push(to);
    }
  }
  const nodes = order.length;
  const labels: number[] = [];
  const deg = new Int32Array(nodes);
  const outCount = new Uint16Array(nodes);
  const outList: number[] = [];
  const inner: number[] = [];
  order.forEach((old, i) => {
    const sorted = [...t.edges[old]!.keys()].sort((a, b) => a - b);
    deg[i] = sorted.length;
    labels.push(...sorted);
    const outs = t.outs[old]!.slice(0, 0xffff - PACK_OFFSET);
    outCount[i] = outs.length;
    for (const r of outs) outList.push(...r);
    if (t.inner[old]) inner.push(i, t.inner[old]!);
  });
  // Per node its CSR offsets (edges as the distance from the node, which the BFS frontier bounds) and whether a walk has work there.
  const edgeDelta = new Int32Array(nodes + 1);
  const outStart = new Int32Array(nodes + 1);
  const flags = new Int32Array(nodes);
  let eAt = 0, oAt = 0;
  for (let i = 0; i < nodes; i++) {
    edgeDelta[i] = eAt - i + 1;
    outStart[i] = oAt;
    const sepEdge = deg[i]! > 0 && labels[eAt] === SEP_LABEL;
    const outs = t.outs[order[i]!]!;
    const ctxOnly = outs.length > 0 && outs.every((r) => r[0] === K_CONTEXT);
    if (ctxOnly && !t.inner[order[i]!] && !sepEdge) flags[i] = F_CONTEXT;
    else if (outCount[i]! > 0 || t.inner[order[i]!]) flags[i] = F_WORK;
    else if (sepEdge) flags[i] = F_SEPARATOR;
    eAt += deg[i]!;
    oAt += outCount[i]!;
  }
  edgeDelta[nodes] = eAt - nodes + 1;
  outStart[nodes] = oAt;

  const laws: CompiledMatcher['laws'] = [];
  entries.forEach((e, ei) => {
    if (e.law?.article) laws.push([ei, e.law.jurisdiction, e.law.code, e.law.article]);
  });

  if (report) { report.aliases = aliases; report.skipped = skipped; report.nodes = nodes; }
  const compiled: CompiledMatcher = {
    v: 1,
    ids: entries.map((e) => e.id),
    types: entries.map((e) => e.type),
    countries: entries.map((e) => e.country),
    edges: pack(edgeDelta, 0),
    labels: pack(labels, 0),
    outStart: pack(outStart, PACK_OFFSET),
    flags: pack(flags, PACK_OFFSET),
    outs: pack(outList, PACK_OFFSET),
    inner,
    tails,
    ambiguous,
    contextWords: [...ctxIds.keys()],
    laws,
  };
  // The scan's filter, built here once rather than on every page (see Trie.liveFilter).
  compiled.live = encodeLiveFilter(new Trie(compiled).live);
  return compiled;
}
