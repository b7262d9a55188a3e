import { describe, it, expect } from 'vitest';
import { found } from './helpers.ts';

const arts = (t: string | string[], hints = {}): [string, string][] => found(t, hints).filter(([, id]) => /-cc-/.test(id));

describe('legal articles', () => {
  it('finds one mention per article in English', () => {
    expect(arts('In Kazakhstan, Article 373 of the Criminal Code protects the First President.')).toEqual([['Article 373 of the Criminal Code', 'kz-cc-373']]);
    expect(arts('Kazakhstan uses Art. 373 against critics.')).toEqual([['Art. 373', 'kz-cc-373']]);
    expect(arts('Kazakhstan charged them under Articles 174 and 405 of the Criminal Code.')).toEqual([['Articles 174', 'kz-cc-174'], ['405 of the Criminal Code', 'kz-cc-405']]);
    expect(arts("Kazakhstan's Criminal Code Article 405 and Article 174 are used.")).toEqual([['Article 405', 'kz-cc-405'], ['Article 174', 'kz-cc-174']]);
  });
  it('reads Russian forms with the code named', () => {
    expect(arts('Его обвинили по статье 174 УК РК.')).toEqual([['статье 174 УК РК', 'kz-cc-174']]);
    expect(arts('Его обвинили по статье 174 Уголовного кодекса Республики Казахстан.')).toEqual([['статье 174 Уголовного кодекса Республики Казахстан', 'kz-cc-174']]);
    expect(arts('Статья 373 УК РК защищает Елбасы.')).toEqual([['Статья 373 УК РК', 'kz-cc-373']]);
    expect(arts('В Казахстане по ч. 2 ст. 405 Уголовного кодекса осудили активистов.')).toEqual([['ст. 405 Уголовного кодекса', 'kz-cc-405']]);
    expect(arts('Таджикистан: осуждён по статье 307 УК РТ.')).toEqual([['статье 307 УК РТ', 'tj-cc-307']]);
  });
  it('reads Kazakh forms where the number comes first', () => {
    expect(arts('Қылмыстық кодекстің 405 және 174-баптарына сәйкес')).toEqual([['405', 'kz-cc-405'], ['174-баптарына', 'kz-cc-174']]);
    expect(arts('ҚР ҚК 373-бабы бойынша')).toEqual([['ҚР ҚК 373-бабы', 'kz-cc-373']]);
    expect(arts('Қазақстан. Оған 405-бап бойынша айып тағылды.')).toEqual([['405-бап', 'kz-cc-405']]);
  });
  it("does not take Russia's Article 174 for Kazakhstan's", () => {
    expect(arts('В России по статье 174 УК РФ возбудили дело.')).toEqual([]);
    expect(arts("Kazakhstan's neighbour: Article 174 of the Russian Criminal Code is different.")).toEqual([]);
    expect(arts(['Новости Казахстана.', 'Суд в Москве применил статью 174 УК РФ.'])).toEqual([]);
  });
  it('gives nothing for another instrument or an unresolved code', () => {
    expect(arts('Kazakhstan must respect Articles 2 of ICCPR and Article 1 of CEDAW.')).toEqual([]);
    expect(arts('Article 373 of the treaty was discussed.')).toEqual([]);
    expect(arts('Статья 174 — одна из самых известных.')).toEqual([]);
    expect(arts('He wrote an article 373 pages long.')).toEqual([]);
  });
  it('resolves a bare article from the page context', () => {
    const first = found('Қазақстан Қылмыстық кодексі.');
    expect(first).toEqual([]);
    expect(arts('Article 405 was used again.', { lang: 'en', url: 'https://vlast.kz/news/1' })).toEqual([['Article 405', 'kz-cc-405']]);
  });
});
