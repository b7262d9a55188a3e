// The dataset's shape: what every hand-written entry in data/entities/*.json must hold.
import * as v from 'valibot';

export const ENTITY_TYPES = ['person', 'organisation', 'law', 'event'] as const;
export const COUNTRIES = ['KZ', 'KG', 'TJ', 'other'] as const;
export const LANGS = ['en', 'ru', 'kk'] as const;
/** Scripts an alias may be written in; kk-latn is Kazakh in any of the Latin alphabets. */
export const ALIAS_LANGS = ['en', 'ru', 'kk', 'kk-latn'] as const;

export const EVENT_KINDS = [
  'born', 'elected', 'appointed', 'resigned', 'dismissed', 'founded', 'registered',
  'registration-denied', 'banned', 'designated-extremist', 'blocked', 'detained', 'arrested',
  'searched', 'charged', 'tried', 'convicted', 'sentenced', 'acquitted', 'released', 'pardoned',
  'amnestied', 'fined', 'exiled', 'extradition', 'asylum', 'deported', 'harassed', 'attacked',
  'tortured', 'died', 'killed', 'protest', 'election', 'law-adopted', 'amended', 'repealed',
  'statement', 'sanctioned', 'report', 'other',
] as const;

export const RELATION_TYPES = [
  'leader-of', 'founder-of', 'member-of', 'works-for', 'relative-of', 'charged-under',
  'convicted-under', 'banned-under', 'successor-of', 'part-of', 'lawyer-of', 'related-to',
] as const;

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
/** A date with day, month or year precision: 2011-12-16, 2011-12 or 2011. */
export const PartialDate = v.pipe(v.string(), v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'));
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id in kebab-case ascii'));

/** Text written afresh for the dataset, English always, Russian and Kazakh where written. */
export const Text = v.strictObject({ en: nonEmpty, ru: v.optional(nonEmpty), kk: v.optional(nonEmpty) });

export const Names = v.strictObject({
  en: nonEmpty,
  ru: nonEmpty,
  kk: nonEmpty,
  /** Kazakh in Latin letters, where one is in use. */
  kkLatn: v.optional(nonEmpty),
});

export const Alias = v.strictObject({ text: nonEmpty, lang: v.picklist(ALIAS_LANGS) });

/**
 * An alias that names this entry only when the context confirms it: one of the words in
 * `context` near it (any language, matched as word stems), or the page's country context.
 */
export const AmbiguousAlias = v.strictObject({
  text: nonEmpty,
  lang: v.picklist(ALIAS_LANGS),
  context: v.pipe(v.array(nonEmpty), v.minLength(1)),
  /** Why it is ambiguous: "also the Kazakh word for street". */
  why: nonEmpty,
});

/** A citation: a report file in ../shared/reports, and a footnote number in that file when the fact carries one. */
export const Source = v.strictObject({
  report: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.(en|ru|kk)\.txt$/, 'a report file name')),
  footnote: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

export const Event = v.strictObject({
  date: PartialDate,
  kind: v.picklist(EVENT_KINDS),
  text: Text,
  sources: v.pipe(v.array(Source), v.minLength(1, 'an event needs a source')),
});

export const Relation = v.strictObject({ type: v.picklist(RELATION_TYPES), target: Id });

export const LawDetails = v.strictObject({
  /** Whose law: KZ, KG, TJ, or other for a foreign or international regime. */
  jurisdiction: v.picklist(COUNTRIES),
  /** criminal, administrative, law (a named statute), decree, constitution, sanctions. */
  code: v.picklist(['criminal', 'administrative', 'law', 'decree', 'constitution', 'sanctions']),
  /** The article number for code articles ("373", "174"), absent for named laws. */
  article: v.optional(v.pipe(v.string(), v.regex(/^\d+(\.\d+)?(-\d+)?$/))),
  punishes: Text,
  penalty: v.optional(Text),
});

export const Entry = v.strictObject({
  id: Id,
  type: v.picklist(ENTITY_TYPES),
  country: v.picklist(COUNTRIES),
  names: Names,
  /** Matched alone, in any inflected form. */
  aliases: v.array(Alias),
  /** Shown on the card, never matched alone (a first name, a surname shared by relatives). */
  weakAliases: v.optional(v.array(Alias), []),
  ambiguousAliases: v.optional(v.array(AmbiguousAlias), []),
  summary: Text,
  status: v.strictObject({ text: Text, asOf: PartialDate }),
  events: v.pipe(v.array(Event), v.minLength(1, 'an entry needs at least one cited event')),
  relations: v.optional(v.array(Relation), []),
  law: v.optional(LawDetails),
});

export type EntityType = (typeof ENTITY_TYPES)[number];
export type Country = (typeof COUNTRIES)[number];
export type Lang = (typeof LANGS)[number];
export type AliasLang = (typeof ALIAS_LANGS)[number];
export type LocalText = v.InferOutput<typeof Text>;
export type SourceRef = v.InferOutput<typeof Source>;
export type EntityEvent = v.InferOutput<typeof Event>;
export type EntryInput = v.InferInput<typeof Entry>;
export type Entity = v.InferOutput<typeof Entry>;
