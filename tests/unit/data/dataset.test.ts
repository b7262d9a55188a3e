// The bundled dataset: complete, cited, unambiguous, and written afresh (no sentence copied from the reports).
import { describe, expect, test } from 'vitest';
import { shingleIndex } from '../../../lib/data/copy-check.ts';
import { loadBibliography, loadDataset } from '../../../lib/data/load.ts';
import { readReports, reportsDir } from '../../../lib/data/reports.ts';
import { checkDataset, parseEntries } from '../../../lib/data/validate.ts';
import type { Entity } from '../../../lib/data/schema.ts';

const { entries, problems } = loadDataset();
const bib = loadBibliography();
const dir = reportsDir();
if (!dir) console.warn('\n*** ../shared/reports is MISSING: the copied-sentence check cannot run on this machine ***\n');
const copyIndex = dir ? shingleIndex(readReports(dir).map((r) => r.text)) : null;

/** A small valid entry to break in the negative tests. */
function sample(over: Partial<Entity> = {}): Entity {
  return {
    id: 'test-person',
    type: 'person',
    country: 'KZ',
    names: { en: 'Test Person', ru: 'Тест Персон', kk: 'Тест Персон' },
    aliases: [],
    weakAliases: [],
    ambiguousAliases: [],
    summary: { en: 'A person made up for a test.' },
    status: { text: { en: 'Fictional.' }, asOf: '2021' },
    events: [{ date: '2020-05', kind: 'detained', text: { en: 'Held for a day in a made-up case.' }, sources: [{ report: '2021-07-22-retreating-rights-kazakhstan-introduction.en.txt', footnote: 1 }] }],
    relations: [],
    ...over,
  };
}

describe('the bundled dataset', () => {
  test('every file and entry validates against the schema', () => {
    expect(problems).toEqual([]);
  });

  test('writes every Kazakh name in Latin letters too (Kazakh pages in the 2021 Latin alphabet)', () => {
    const cyrillic = /[\u0400-\u04ff]/;
    expect(entries.filter((e) => cyrillic.test(e.names.kk) && !e.names.kkLatn).map((e) => e.id)).toEqual([]);
  });

  test('has no cross-entry problem: ids, citations, alias claims, copied sentences', () => {
    expect(checkDataset(entries, bib, copyIndex)).toEqual([]);
  });

  test('holds at least 250 entries, each with en, ru and kk names, an English summary and a cited event', () => {
    expect(entries.length).toBeGreaterThanOrEqual(250);
    for (const e of entries) {
      expect(e.names.en && e.names.ru && e.names.kk, e.id).toBeTruthy();
      expect(e.summary.en, e.id).toBeTruthy();
      expect(e.events.length, e.id).toBeGreaterThan(0);
    }
  });

  test('at least 90% of entries have Russian and Kazakh summaries', () => {
    expect(entries.filter((e) => e.summary.ru).length / entries.length).toBeGreaterThanOrEqual(0.9);
    expect(entries.filter((e) => e.summary.kk).length / entries.length).toBeGreaterThanOrEqual(0.9);
  });

  test('the five names of the product card are among the richest entries', () => {
    const byEvents = [...entries].sort((a, b) => b.events.length - a.events.length);
    const top = new Set(byEvents.slice(0, Math.ceil(entries.length * 0.15)).map((e) => e.id));
    for (const id of ['mukhtar-ablyazov', 'democratic-choice-of-kazakhstan', 'koshe-party', 'oyan-qazaqstan', 'kz-cc-373']) {
      expect(top.has(id), `${id} is in the richest 15%`).toBe(true);
    }
  });

  test('covers every type and the three countries', () => {
    for (const t of ['person', 'organisation', 'law', 'event']) expect(entries.some((e) => e.type === t), t).toBe(true);
    for (const c of ['KZ', 'KG', 'TJ']) expect(entries.some((e) => e.country === c), c).toBe(true);
  });

  test('the reports are here, so the copy check really ran', () => {
    expect(copyIndex, 'the copied-sentence check needs ../shared/reports').not.toBeNull();
  });
});

describe('the checks fail when they should', () => {
  const ok = sample();

  test('a missing required field', () => {
    const { names: _n, ...noNames } = ok;
    expect(parseEntries([noNames], 'x.json').problems.map((p) => p.where)).toContain('x.json[0] (test-person).names');
  });

  test('a name missing in a required script', () => {
    expect(parseEntries([{ ...ok, names: { en: 'A', ru: 'Б' } }], 'x.json').problems.some((p) => p.where.endsWith('names.kk'))).toBe(true);
  });

  test('an event without a source', () => {
    const bad = { ...ok, events: [{ ...ok.events[0], sources: [] }] };
    expect(parseEntries([bad], 'x.json').problems.some((p) => /needs a source/.test(p.message))).toBe(true);
  });

  test('a source naming a footnote the bibliography does not have', () => {
    const bad = sample({ events: [{ ...ok.events[0], sources: [{ report: '2021-07-22-retreating-rights-kazakhstan-introduction.en.txt', footnote: 9999 }] }] });
    expect(checkDataset([bad], bib, null).map((p) => p.message).join()).toMatch(/footnote \[9999\]/);
  });

  test('duplicate ids', () => {
    expect(checkDataset([ok, sample()], bib, null).map((p) => p.message).join()).toMatch(/duplicate id/);
  });

  test('one alias claimed by two entries with no disambiguation rule', () => {
    const a = sample({ id: 'a', aliases: [{ text: 'Shared Name', lang: 'en' }] });
    const b = sample({ id: 'b', names: { en: 'Other', ru: 'Другой', kk: 'Басқа' }, aliases: [{ text: 'Shared Name', lang: 'en' }] });
    expect(checkDataset([a, b], bib, null).map((p) => p.message).join()).toMatch(/also claimed by a/);
    const b2 = sample({ id: 'b', names: { en: 'Other', ru: 'Другой', kk: 'Басқа' }, ambiguousAliases: [{ text: 'Shared Name', lang: 'en', context: ['party'], why: 'shared' }] });
    expect(checkDataset([a, b2], bib, null)).toEqual([]);
  });

  test('a summary that copies eight words of a report', () => {
    if (!copyIndex || !dir) return expect.fail('the reports are needed for this check');
    const report = readReports(dir).find((r) => r.lang === 'en')!;
    const words = report.body.split(/\s+/).slice(40, 52).join(' ');
    const bad = sample({ summary: { en: `In short: ${words}.` } });
    expect(checkDataset([bad], bib, copyIndex).map((p) => p.message).join()).toMatch(/copies eight words/);
  });
});
