// Floors on the evaluation figures (npm run eval): they may rise, never fall. Raise them as the engine and dataset improve.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { evaluateFixtures, evaluateReports, loadFixtures, parseFixture, reportKey, wholeWordAt } from '../../../scripts/eval.ts';
import { loadDataset, ROOT } from '../../../scripts/compile-dictionary.ts';
import { compileMatcher, foldText, loadMatcher } from '../../../lib/detect/index.ts';

// The floors below were set on the texts the engine was tuned on before the third held-out set existed;
// that set (harder: Latin Kazakh, Kyrgyz politics) has floors of its own, so adding texts never lowers a floor.
// So has the fourth (descriptive offence names, the 2017 and 2018 Latin alphabets, Kyrgyz and Tajik spellings),
// the fifth (Kyrgyz politics, Tajik exiles, the January 2022 trials, trade unions, common Russian namesakes), and the
// sixth (Tajik first family and bans, Kazakh elections and NGOs, gender bills, titles shared by two countries), and
// the seventh (events and laws described in words: the death penalty's abolition, Kordai, the Vahdat riot), and the
// eighth (Feminita, accreditation rules, the Answer Factory, farmland sales, Kazakh postpositions that fold to cities).
type Floors = Record<string, { precision: number; recall: number }>;
/** Each held-out set: its file prefix and its floors, just under its figures after the fixes it prompted (its first, unseen run was lower). */
const HELDOUT: { prefix: string; name: string; floors: Floors }[] = [
  { prefix: 'heldout3-', name: 'third', floors: { en: { precision: 0.99, recall: 0.975 }, ru: { precision: 0.975, recall: 0.955 }, kk: { precision: 0.99, recall: 0.945 } } },
  // First, unseen run: en 96.2/90.5, ru 97.1/82.5, kk 93.4/86.4.
  { prefix: 'heldout4-', name: 'fourth', floors: { en: { precision: 0.99, recall: 0.99 }, ru: { precision: 0.99, recall: 0.98 }, kk: { precision: 0.99, recall: 0.96 } } },
  // First, unseen run: en 92.2/92.2, ru 89.6/89.6, kk 97.9/85.2.
  { prefix: 'heldout5-', name: 'fifth', floors: { en: { precision: 0.99, recall: 0.98 }, ru: { precision: 0.99, recall: 0.95 }, kk: { precision: 0.99, recall: 0.99 } } },
  // First, unseen run (three unannotated Kazakh headlines fixed in the gold): en 97.6/92.3, ru 92.6/88.2, kk 90.7/89.9.
  { prefix: 'heldout6-', name: 'sixth', floors: { en: { precision: 0.975, recall: 0.95 }, ru: { precision: 0.97, recall: 0.92 }, kk: { precision: 0.95, recall: 0.89 } } },
  // First, unseen run (after the sixth set's fixes): en 96.6/75.9, ru 95.8/87.7, kk 92.0/85.2.
  { prefix: 'heldout7-', name: 'seventh', floors: { en: { precision: 0.96, recall: 0.76 }, ru: { precision: 0.98, recall: 0.89 }, kk: { precision: 0.96, recall: 0.9 } } },
  // First, unseen run (after the sixth and seventh sets' fixes): en 98.4/78.2, ru 100/96.2, kk 88.3/81.5.
  { prefix: 'heldout8-', name: 'eighth', floors: { en: { precision: 0.98, recall: 0.78 }, ru: { precision: 0.99, recall: 0.96 }, kk: { precision: 0.94, recall: 0.81 } } },
];
const { entries } = loadDataset();
const detector = loadMatcher(compileMatcher(entries));
const fixtures = loadFixtures(join(ROOT, 'tests', 'fixtures', 'detect'));
const r = { ...evaluateFixtures(detector, entries, fixtures.filter((f) => !HELDOUT.some((h) => f.name.startsWith(h.prefix)))), reports: evaluateReports(detector, entries) };
const held = HELDOUT.map((h) => ({ ...h, result: evaluateFixtures(detector, entries, fixtures.filter((f) => f.name.startsWith(h.prefix))) }));

function holdsFloor(x: { precision: number; recall: number } | undefined, floor: { precision: number; recall: number }): void {
  expect(x).toBeDefined();
  expect(x!.precision).toBeGreaterThanOrEqual(floor.precision);
  expect(x!.recall).toBeGreaterThanOrEqual(floor.recall);
}

describe('evaluation floors', () => {
  it('has the fixtures the issue asks for', () => {
    expect(r.fixtures).toBeGreaterThanOrEqual(60);
    expect(r.goldMentions).toBeGreaterThanOrEqual(600);
  });
  // Just under the figures reached (held-out texts included), so that any regression fails.
  const FLOORS: Floors = {
    en: { precision: 0.99, recall: 0.98 },
    ru: { precision: 0.99, recall: 0.98 },
    kk: { precision: 0.99, recall: 0.995 },
  };
  it.each(['en', 'ru', 'kk'])('%s: precision and recall hold their floors', (lang) => holdsFloor(r.byLang[lang], FLOORS[lang]!));
  for (const h of held) {
    it.each(['en', 'ru', 'kk'])(`%s: the ${h.name} held-out set holds its floors`, (lang) => holdsFloor(h.result.byLang[lang], h.floors[lang]!));
  }
  it('finds nothing on the Central-Asia-free texts of the held-out sets either', () => {
    expect(held.reduce((n, h) => n + h.result.caFreeTexts, 0)).toBeGreaterThanOrEqual(6);
    expect(held.reduce((n, h) => n + h.result.caFreeMentions, 0)).toBe(0);
  });
  it('overall F1 holds its floor', () => {
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.985);
  });
  it('finds nothing at all on Central-Asia-free texts', () => {
    expect(r.caFreeTexts).toBeGreaterThan(0);
    expect(r.caFreeMentions).toBe(0);
  });
  it.skipIf(!r.reports)('finds the names of the dataset in the reports', () => {
    expect(r.reports!.recall).toBeGreaterThanOrEqual(0.97);
  });
});

describe('names expected in the reports', () => {
  const at = (name: string, text: string): boolean => {
    const k = reportKey(name, 'x')!;
    const f = foldText(text);
    const i = f.text.indexOf(k.key);
    return i >= 0 && wholeWordAt(k, f.text, text, f.map, i) >= 0;
  };
  it('counts whole words only', () => {
    expect(at('Arlem Desir', 'a desire for change')).toBe(false);
    expect(at('Alga', 'Алғашқы')).toBe(false);
    expect(at('Алга', 'алғашқы')).toBe(false);
    expect(at('Alga', 'the Alga party')).toBe(true);
  });
  it('takes a short acronym in upper case only', () => {
    expect(at('UN', 'under the law')).toBe(false);
    expect(at('UN', 'the un report')).toBe(false);
    expect(at('UN', 'the UN report')).toBe(true);
  });
  it('takes inflected forms where the language inflects', () => {
    expect(at('Аблязов', 'суд над Аблязовым')).toBe(true);
    expect(at('Ablyazov', "Ablyazov's lawyers")).toBe(true);
    expect(at('Ablyazov', 'Ablyazovism')).toBe(false);
  });
});

describe('fixture format', () => {
  it('strips inline markup and keeps offsets into the plain text', () => {
    const f = parseFixture('x.ru.txt', '%% url: https://a.kz/\n%% central-asia-free\nСуд над [[Мухтаром Аблязовым|mukhtar-ablyazov]] и [[ДВК|democratic-choice-of-kazakhstan]].');
    expect(f.lang).toBe('ru');
    expect(f.url).toBe('https://a.kz/');
    expect(f.caFree).toBe(true);
    expect(f.text).toBe('Суд над Мухтаром Аблязовым и ДВК.');
    expect(f.gold.map((g) => f.text.slice(g.start, g.end))).toEqual(['Мухтаром Аблязовым', 'ДВК']);
  });
});
