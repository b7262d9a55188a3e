// Turns validated entries into what cards and the entity page show: citations resolved, relations both ways.
import type { Entity, EntityType, Country, LocalText } from './schema.ts';
import type { Bibliography } from './validate.ts';

export interface CardSource {
  report: string;
  reportTitle: string;
  footnote?: number;
  /** The footnote's citation as the report gives it. */
  citation?: string;
  urls: string[];
}

export interface CardEvent {
  date: string;
  kind: string;
  text: LocalText;
  sources: CardSource[];
}

export interface CardRelation {
  type: string;
  /** "out": this entry → target (leader-of); "in": target → this entry (the reverse, e.g. people charged under a law). */
  dir: 'out' | 'in';
  id: string;
}

export interface CardEntity {
  id: string;
  type: EntityType;
  country: Country;
  names: Entity['names'];
  aliases: string[];
  weakAliases: string[];
  summary: LocalText;
  status: Entity['status'];
  events: CardEvent[];
  relations: CardRelation[];
  law?: Entity['law'];
}

export interface CardDataset {
  version: string;
  entities: CardEntity[];
  /** The reports the dataset was written from. */
  reports: { file: string; title: string; lang: string; footnotes: number }[];
}

export type ReportTitles = Record<string, { title: string; lang: string; footnotes: Record<string, { text: string; urls: string[] }> }>;

export function buildCards(entries: Entity[], bib: Bibliography & { reports: ReportTitles }, version: string): CardDataset {
  const reverse = new Map<string, CardRelation[]>();
  for (const e of entries) {
    for (const r of e.relations) {
      const list = reverse.get(r.target) ?? [];
      list.push({ type: r.type, dir: 'in', id: e.id });
      reverse.set(r.target, list);
    }
  }
  const entities = entries.map((e): CardEntity => ({
    id: e.id,
    type: e.type,
    country: e.country,
    names: e.names,
    aliases: [...new Set([...e.aliases.map((a) => a.text), ...e.ambiguousAliases.map((a) => a.text)])],
    weakAliases: e.weakAliases.map((a) => a.text),
    summary: e.summary,
    status: e.status,
    // Latest first, as the card's timeline reads.
    events: [...e.events]
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((ev) => ({
        date: ev.date,
        kind: ev.kind,
        text: ev.text,
        sources: ev.sources.map((s): CardSource => {
          const report = bib.reports[s.report];
          const fn = s.footnote !== undefined ? report?.footnotes[String(s.footnote)] : undefined;
          return {
            report: s.report,
            reportTitle: report?.title ?? s.report,
            ...(s.footnote !== undefined ? { footnote: s.footnote } : {}),
            ...(fn ? { citation: fn.text } : {}),
            urls: (fn?.urls ?? []).filter((u) => /^https?:\/\//.test(u)),
          };
        }),
      })),
    relations: [...e.relations.map((r): CardRelation => ({ type: r.type, dir: 'out', id: r.target })), ...(reverse.get(e.id) ?? [])],
    ...(e.law ? { law: e.law } : {}),
  }));
  const reports = Object.entries(bib.reports).map(([file, r]) => ({ file, title: r.title, lang: r.lang, footnotes: Object.keys(r.footnotes).length }));
  return { version, entities, reports };
}
