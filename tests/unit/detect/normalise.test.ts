import { describe, it, expect } from 'vitest';
import { foldText, toOriginal, foldKey, FOLD, SEP, HYPH, STOP, IGN } from '../../../lib/detect/normalise.ts';
import { found } from './helpers.ts';

describe('normalise: folding', () => {
  it('folds case, ё, й and Kazakh letters so spellings meet', () => {
    expect(foldKey('Ёлка')).toBe(foldKey('елка'));
    expect(foldKey('Тоқаев')).toBe(foldKey('Токаев'));
    expect(foldKey('Әблязов')).toBe(foldKey('аблязов'));
    expect(foldKey('ҰЛТТЫҚ')).toBe(foldKey('улттык'));
    expect(foldKey('Жаңаөзен')).toBe(foldKey('Жанаозен'));
    expect(foldKey('һ')).toBe(foldKey('х'));
  });
  it('folds NFC and NFD alike', () => {
    expect(foldKey('Ablyazov\u0301')).toBe('ablyazov');
    expect(foldKey('й'.normalize('NFD'))).toBe(foldKey('й'));
    expect(foldKey('Ábliazov'.normalize('NFD'))).toBe(foldKey('Ábliazov'));
    expect(foldKey('ё'.normalize('NFD'))).toBe('е');
  });
  it('folds the Kazakh Latin alphabets of 2017, 2018 and 2021 onto plain letters', () => {
    expect(foldKey('Qazaqstan')).toBe(foldKey('Kazakstan'));
    expect(foldKey('Ábliazov')).toBe('abliazov');
    expect(foldKey("A'bliazov")).toBe('abliazov');
    expect(foldKey('Äbliazov')).toBe('abliazov');
    expect(foldKey('tańdau ǵ ı ń ó ú ý ş ç ä ö ü ū ñ ğ')).toBe('tandau g i n o u y s c a o u u n g');
  });
  it('drops stress marks, soft hyphens and zero-width characters inside words', () => {
    expect(foldKey('Абля\u00ADзов')).toBe('аблязов');
    expect(foldKey('Аб\u200Bля\u200Dзо\u0301в')).toBe('аблязов');
    expect(foldKey('\uFEFFTokayev')).toBe('tokayev');
  });
  it('treats quotes, NBSP and dashes as word boundaries of the right kind', () => {
    expect(FOLD['\u00A0'.charCodeAt(0)]).toBe(SEP);
    expect(FOLD['«'.charCodeAt(0)]).toBe(SEP);
    expect(FOLD['“'.charCodeAt(0)]).toBe(SEP);
    expect(FOLD['-'.charCodeAt(0)]).toBe(HYPH);
    expect(FOLD['‑'.charCodeAt(0)]).toBe(HYPH);
    expect(FOLD['.'.charCodeAt(0)]).toBe(STOP);
    expect(FOLD['’'.charCodeAt(0)]).toBe(IGN);
    expect(foldKey('«Көше»')).toBe('коше');
  });
});

describe('normalise: offsets map back exactly', () => {
  it('maps every folded character to its original index', () => {
    const s = 'A\u00ADbl\u0301yazov’s  «Көше»\u00A0—  Тоқаев';
    const f = foldText(s);
    expect(f.map.length).toBe(f.text.length + 1);
    expect(f.map[f.text.length]).toBe(s.length);
    for (let k = 0; k < f.text.length; k++) expect(f.map[k]).toBeGreaterThanOrEqual(k === 0 ? 0 : f.map[k - 1]! + 1);
    const at = f.text.indexOf('токаев');
    const [a, b] = toOriginal(f, at, at + 6);
    expect(s.slice(a, b)).toBe('Тоқаев');
    const at2 = f.text.indexOf('ablyazov');
    const [c, d] = toOriginal(f, at2, at2 + 8);
    expect(s.slice(c, d)).toBe('A\u00ADbl\u0301yazov');
  });
  it('gives mentions with offsets into the original text whatever the normalisation', () => {
    const texts = [
      'Kazakhstan: A\u00ADbl\u0301yazov said',
      'Kazakhstan: Ablyazov'.normalize('NFD'),
      'Казахстан. Мұхтар\u00A0Әблязовтың сөзі',
      'Казахстан. Мұхтар Әблязовтың'.normalize('NFD'),
      '🙂 Kazakhstan 🙂 Tokayev 🙂',
    ];
    for (const t of texts) {
      const hits = found(t);
      expect(hits.length).toBeGreaterThan(0);
      for (const [surface] of hits) expect(t.includes(surface)).toBe(true);
    }
    expect(found('Казахстан. Мұхтар\u00A0Әблязовтың сөзі')).toEqual([['Мұхтар\u00A0Әблязовтың', 'mukhtar-ablyazov']]);
  });
  it('matches Latin look-alike letters inside Cyrillic words (the reports write "Kөше" with a Latin K)', () => {
    expect(found('Kөше партиясы')).toEqual([['Kөше партиясы', 'koshe-party']]);
    expect(found('Казахстан. Тoқаев (Latin o) келді')).toEqual([['Тoқаев', 'kassym-jomart-tokayev']]);
    expect(found('Kazakhstan: Tокayev (Cyrillic о) came')).toEqual([['Tокayev', 'kassym-jomart-tokayev']]);
  });
});
