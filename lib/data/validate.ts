// Checks the dataset as a whole: schema, ids, citations, alias claims and copied sentences.
import * as v from 'valibot';
import { Entry, type Entity } from './schema.ts';
import { findCopiedRun } from './copy-check.ts';
import { foldForKey } from './fold.ts';

export interface Bibliography {
  reports: Record<string, { footnotes: Record<string, { urls: string[] }> }>;
}

export interface Problem {
  where: string;
  message: string;
}

/** Parses raw entries; problems name the file, the entry and the field. */
export function parseEntries(raw: unknown, file: string): { entries: Entity[]; problems: Problem[] } {
  const entries: Entity[] = [];
  const problems: Problem[] = [];
  if (!Array.isArray(raw)) return { entries, problems: [{ where: file, message: 'must be a JSON array of entries' }] };
  raw.forEach((item, i) => {
    const r = v.safeParse(Entry, item);
    const label = `${file}[${i}]${typeof item === 'object' && item && 'id' in item ? ` (${String((item as { id: unknown }).id)})` : ''}`;
    if (r.success) entries.push(r.output);
    else for (const issue of r.issues) problems.push({ where: `${label}.${v.getDotPath(issue) ?? ''}`, message: issue.message });
  });
  return { entries, problems };
}

/** Cross-entry checks over the whole dataset. `copyIndex` is the reports' 8-word runs, when the reports are here. */
export function checkDataset(entries: Entity[], bib: Bibliography, copyIndex: Set<string> | null): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  for (const e of entries) ids.set(e.id, (ids.get(e.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) problems.push({ where: id, message: `duplicate id (${n} entries)` });

  // An alias matched alone must belong to one entry; an ambiguous alias may be shared, each with its context rule.
  const strong = new Map<string, string>();
  for (const e of entries) {
    for (const a of [...e.aliases, { text: e.names.en }, { text: e.names.ru }, { text: e.names.kk }, ...(e.names.kkLatn ? [{ text: e.names.kkLatn }] : [])]) {
      const key = foldForKey(a.text);
      const owner = strong.get(key);
      if (owner && owner !== e.id) problems.push({ where: e.id, message: `alias "${a.text}" is also claimed by ${owner} with no disambiguation rule` });
      else strong.set(key, e.id);
    }
  }

  for (const e of entries) {
    for (const rel of e.relations) {
      if (!ids.has(rel.target)) problems.push({ where: `${e.id}.relations`, message: `${rel.type} names unknown entry "${rel.target}"` });
    }
    e.events.forEach((ev, i) => {
      for (const s of ev.sources) {
        const report = bib.reports[s.report];
        if (!report) problems.push({ where: `${e.id}.events[${i}]`, message: `source names unknown report "${s.report}"` });
        else if (s.footnote !== undefined && !report.footnotes[String(s.footnote)])
          problems.push({ where: `${e.id}.events[${i}]`, message: `source names footnote [${s.footnote}] that ${s.report} does not have` });
      }
    });
    if (copyIndex) {
      const texts: [string, string | undefined][] = [
        ['summary.en', e.summary.en], ['summary.ru', e.summary.ru], ['summary.kk', e.summary.kk],
        ['status.en', e.status.text.en], ['status.ru', e.status.text.ru], ['status.kk', e.status.text.kk],
        ...e.events.flatMap((ev, i): [string, string | undefined][] => [[`events[${i}].en`, ev.text.en], [`events[${i}].ru`, ev.text.ru], [`events[${i}].kk`, ev.text.kk]]),
        ['law.punishes', e.law?.punishes.en], ['law.penalty', e.law?.penalty?.en],
      ];
      for (const [field, text] of texts) {
        if (!text) continue;
        const run = findCopiedRun(text, copyIndex);
        if (run) problems.push({ where: `${e.id}.${field}`, message: `copies eight words of a report: "${run}"` });
      }
    }
  }
  return problems;
}
