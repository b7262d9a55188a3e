// The compiled dataset the content script loads: small, quick to load, and the same as a fresh compile.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { compileMatcher, loadMatcher, type CompiledMatcher } from '../../../lib/detect/index.ts';
import { spellings } from '../../../lib/detect/compile.ts';
import { loadDataset, COMPILED_FILE } from '../../../scripts/compile-dictionary.ts';

const { entries } = loadDataset();

describe('compiled matcher', () => {
  it('compiles the dataset within the size budget (150 KB gzipped)', () => {
    const json = JSON.stringify(compileMatcher(entries));
    expect(gzipSync(json).length).toBeLessThan(150 * 1024);
  });
  it('loads (JSON.parse + decode) in a few milliseconds', () => {
    const json = JSON.stringify(compileMatcher(entries));
    loadMatcher(JSON.parse(json) as CompiledMatcher);
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      loadMatcher(JSON.parse(json) as CompiledMatcher);
      best = Math.min(best, performance.now() - t);
    }
    expect(best).toBeLessThan(5);
  });
  it('knows every entity id of the dataset', () => {
    const d = loadMatcher(compileMatcher(entries));
    expect(new Set(d.entityIds())).toEqual(new Set(entries.map((e) => e.id)));
  });
  it.skipIf(!existsSync(COMPILED_FILE))('data/compiled/matcher.json is a valid compiled matcher', () => {
    const c = JSON.parse(readFileSync(COMPILED_FILE, 'utf8')) as CompiledMatcher;
    expect(c.v).toBe(1);
    expect(() => loadMatcher(c).scan(['Kazakhstan: Tokayev'])).not.toThrow();
  });
});

describe('spellings derived at compile time', () => {
  const entry = (id: string) => entries.find((e) => e.id === id)!;
  it('writes Kazakh Latin in the 2018 and 2017 alphabets too', () => {
    expect(spellings(entry('kg-gknb'), 'kk-latn', 'Ūlttyq qauıpsızdık memlekettık komitetı')).toContain('Ūlttyq qaýıpsızdık memlekettık komitetı');
    expect(spellings(entry('kg-tj-border-conflict-2021'), 'kk-latn', 'qyrğyz-täjık şekara qaqtyğysy')).toContain('qyrğyz-täjık shekara qaqtyğysy');
  });
  it('writes Kyrgyz and Tajik names with Ж and Дж, J, Zh and Dzh', () => {
    expect(spellings(entry('sadyr-japarov'), 'ru', 'Садыр Жапаров')).toEqual(['Садыр Жапаров', 'Садыр Джапаров']);
    expect(spellings(entry('sadyr-japarov'), 'en', 'Sadyr Japarov')).toEqual(['Sadyr Japarov', 'Sadyr Zhaparov', 'Sadyr Dzhaparov']);
    expect(spellings(entry('timur-kulibayev'), 'ru', 'Тимур Кулибаев')).toEqual(['Тимур Кулибаев']);
  });
  it('names an event by its place the other way round, with the head nouns writers swap', () => {
    const zh = spellings(entry('zhanaozen-2011'), 'en', 'Zhanaozen killings');
    expect(zh).toEqual(expect.arrayContaining(['Janaozen killings', 'killings in Zhanaozen', 'Zhanaozen massacre', 'shootings in Zhanaozen']));
    expect(zh).not.toContain('Zhanaozen protests');
    expect(spellings(entry('kg-october-2020-events'), 'en', 'October events')).toEqual(['October events']);
    expect(spellings(entry('parliamentary-election-2021'), 'en', 'January 2021 parliamentary election in Kazakhstan')).toEqual(['January 2021 parliamentary election in Kazakhstan']);
    expect(spellings(entry('zhanaozen-2011'), 'kk', 'Жаңаөзен оқиғасы')).toEqual(['Жаңаөзен оқиғасы', 'Жаңаөзендегі оқиға']);
    expect(spellings(entry('jeltoqsan-1986'), 'kk', 'Желтоқсан көтерілісі')).toEqual(['Желтоқсан көтерілісі', 'Желтоқсандағы көтеріліс']);
    expect(spellings(entry('transition-2019'), 'kk', 'Назарбаевтың отставкасы')).toEqual(['Назарбаевтың отставкасы']);
  });
});
