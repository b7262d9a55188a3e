// Footnotes become a bibliography; entries become card data with citations resolved and relations both ways; search finds any script.
import { describe, expect, test } from 'vitest';
import { parseFootnotes } from '../../../lib/data/footnotes.ts';
import { buildCards } from '../../../lib/data/cards.ts';
import { searchEntities } from '../../../lib/background/search.ts';
import { formatDate } from '../../../lib/i18n/translate.ts';
import type { Entity } from '../../../lib/data/schema.ts';

describe('parseFootnotes', () => {
  test('reads author, title, outlet, date and URLs, and splits two footnotes merged on one line', () => {
    const text = 'Body [1].\n\nFootnotes\n\n[1] Joanna Lillis, Kazakhstan: a saga, Eurasianet, February 2015, https://eurasianet.org/a [2]BBC News, Homes case, April 2020, https://www.bbc.co.uk/news/uk-1\n[3] Raised at the workshops.\n';
    const fns = parseFootnotes(text);
    expect([...fns.keys()]).toEqual([1, 2, 3]);
    expect(fns.get(1)).toMatchObject({ author: 'Joanna Lillis', title: 'Kazakhstan: a saga', outlet: 'Eurasianet', date: 'February 2015', urls: ['https://eurasianet.org/a'] });
    expect(fns.get(2)?.urls).toEqual(['https://www.bbc.co.uk/news/uk-1']);
    expect(fns.get(3)?.urls).toEqual([]);
  });
});

const entry = (over: Partial<Entity>): Entity => ({
  id: 'x', type: 'person', country: 'KZ', names: { en: 'X', ru: 'Х', kk: 'Х' }, aliases: [], weakAliases: [], ambiguousAliases: [],
  summary: { en: 's' }, status: { text: { en: 's' }, asOf: '2021' }, relations: [],
  events: [{ date: '2019', kind: 'other', text: { en: 'e' }, sources: [{ report: 'r.en.txt', footnote: 1 }] }],
  ...over,
});

describe('buildCards', () => {
  const bib = { reports: { 'r.en.txt': { title: 'Report', lang: 'en', footnotes: { '1': { text: 'A, T, O, 2020, https://a.example/x javascript:bad', urls: ['https://a.example/x', 'javascript:alert(1)'] } } } } };
  const person = entry({ id: 'p', relations: [{ type: 'charged-under', target: 'law' }], events: [
    { date: '2018', kind: 'detained', text: { en: 'old' }, sources: [{ report: 'r.en.txt', footnote: 1 }] },
    { date: '2020-05', kind: 'sentenced', text: { en: 'new' }, sources: [{ report: 'r.en.txt' }] },
  ] });
  const law = entry({ id: 'law', type: 'law', names: { en: 'Article 1', ru: 'Статья 1', kk: '1-бап' } });
  const { entities, reports } = buildCards([person, law], bib, 'v1');

  test('resolves citations to the footnote text and http(s) URLs only, latest event first', () => {
    const p = entities.find((e) => e.id === 'p')!;
    expect(p.events.map((e) => e.date)).toEqual(['2020-05', '2018']);
    expect(p.events[1].sources[0]).toMatchObject({ reportTitle: 'Report', footnote: 1, urls: ['https://a.example/x'] });
    expect(reports).toEqual([{ file: 'r.en.txt', title: 'Report', lang: 'en', footnotes: 1 }]);
  });

  test('a law lists the people charged under it (the reverse of their relation)', () => {
    expect(entities.find((e) => e.id === 'law')!.relations).toEqual([{ type: 'charged-under', dir: 'in', id: 'p' }]);
  });

  test('search finds an entry from any script, Kazakh letters folded', () => {
    const hits = (q: string) => searchEntities(entities, q, 5).map((h) => h.id);
    expect(hits('article')).toEqual(['law']);
    expect(hits('бап')).toEqual(['law']);
    expect(hits('zzz')).toEqual([]);
  });
});

describe('formatDate', () => {
  test('day, month or year precision in each language (Kazakh written by hand, not by Intl)', () => {
    expect(formatDate('2011-12-16', 'en')).toBe('16 Dec 2011');
    expect(formatDate('2011-12', 'ru')).toBe('декабрь 2011');
    expect(formatDate('2011-12-16', 'ru')).toBe('16 декабря 2011');
    expect(formatDate('2021-07', 'kk')).toBe('2021 ж. шілде');
    expect(formatDate('2019', 'kk')).toBe('2019');
  });
});
