// Floors on the evaluation figures (npm run eval): they may rise, never fall. Raise them as the engine and dataset improve.
import { describe, it, expect } from 'vitest';
import { runEval, parseFixture } from '../../../scripts/eval.ts';

const r = runEval();

describe('evaluation floors', () => {
  it('has the fixtures the issue asks for', () => {
    expect(r.fixtures).toBeGreaterThanOrEqual(60);
    expect(r.goldMentions).toBeGreaterThanOrEqual(600);
  });
  it.each(['en', 'ru', 'kk'])('%s: precision and recall hold their floors', (lang) => {
    const x = r.byLang[lang]!;
    expect(x, lang).toBeDefined();
    expect(x.precision).toBeGreaterThanOrEqual(0.94);
    expect(x.recall).toBeGreaterThanOrEqual(0.9);
  });
  it('overall F1 holds its floor', () => {
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.95);
  });
  it('finds nothing at all on Central-Asia-free texts', () => {
    expect(r.caFreeTexts).toBeGreaterThan(0);
    expect(r.caFreeMentions).toBe(0);
  });
  it.skipIf(!r.reports)('finds the names of the dataset in the reports', () => {
    expect(r.reports!.recall).toBeGreaterThanOrEqual(0.8);
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
