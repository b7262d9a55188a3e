import { describe, it, expect } from 'vitest';
import { found, ids } from './helpers.ts';

const KZ = 'Казахстан. ';
const one = (t: string): [string, string][] => found(KZ + t).filter(([s]) => s !== 'Казахстан');

describe('Russian inflection', () => {
  it.each([
    ['Аблязова', 'mukhtar-ablyazov'], ['Аблязову', 'mukhtar-ablyazov'], ['Аблязовым', 'mukhtar-ablyazov'], ['Аблязове', 'mukhtar-ablyazov'],
    ['Аблязовых', 'mukhtar-ablyazov'], ['Рахмону', 'emomali-rahmon'], ['Рахмоном', 'emomali-rahmon'], ['Назарбаеву', 'nursultan-nazarbayev'],
    ['Тулесовой', 'asya-tulesova'], ['Тулесову', 'asya-tulesova'], ['Тулесовою', 'asya-tulesova'], 
  ])('%s → %s', (w, id) => {
    expect(one(`Говорят о ${w} сегодня.`)).toEqual([[w, id]]);
  });
  it('declines every word of a multi-word name', () => {
    expect(one('суд над Мухтаром Аблязовым')).toEqual([['Мухтаром Аблязовым', 'mukhtar-ablyazov']]);
    expect(one('указ Демократического выбора Казахстана')).toEqual([['Демократического выбора Казахстана', 'democratic-choice-of-kazakhstan']]);
    expect(one('заявление Дариги Назарбаевой')).toEqual([['Дариги Назарбаевой', 'dariga-nazarbayeva']]);
  });
  it('keeps a stem from swallowing a different entity', () => {
    expect(one('Рахмона Набиева свергли')).toEqual([['Рахмона Набиева', 'rahmon-nabiev']]);
    expect(one('указ Назарбаева')).toEqual([['Назарбаева', 'nursultan-nazarbayev']]);
    expect(one('его дочь Назарбаева')).toEqual([['Назарбаева', 'dariga-nazarbayeva']]);
    expect(one('Назарбаеву позвонили')).toEqual([['Назарбаеву', 'nursultan-nazarbayev']]);
  });
  it('matches quoted names inside a declined phrase', () => {
    expect(one('члены партии «Көше» задержаны')).toEqual([['партии «Көше»', 'koshe-party']]);
    expect(one('сторонники движения «Оян, Казахстан!» вышли')).toEqual([['Оян, Казахстан', 'oyan-qazaqstan']]);
  });
  it('does not take endings that make another word', () => {
    expect(one('Аблязовщина и Аблязовский')).toEqual([]);
  });
});

describe('Kazakh suffix chains', () => {
  it.each([
    ['Тоқаевқа', 'kassym-jomart-tokayev'], ['Тоқаевтың', 'kassym-jomart-tokayev'], ['Тоқаевпен', 'kassym-jomart-tokayev'], ['Назарбаевтың', 'nursultan-nazarbayev'],
    ['Әблязовке', 'mukhtar-ablyazov'], ['Әблязовтың', 'mukhtar-ablyazov'], ['Әблязовтардың', 'mukhtar-ablyazov'],
    ['QDT-мен', 'democratic-choice-of-kazakhstan'], ['QDT-ның', 'democratic-choice-of-kazakhstan'], ['ҚДТ-ға', 'democratic-choice-of-kazakhstan'], ['Елбасының', 'nursultan-nazarbayev'],
    ['Toqaevqa', 'kassym-jomart-tokayev'], ['Ábliazovtyń', 'mukhtar-ablyazov'],
  ])('%s → %s', (w, id) => {
    expect(one(`Бүгін ${w} қатысты жаңалық.`)).toEqual([[w, id]]);
  });
  it('tells Назарбаевтың (Nursultan) from Назарбаеваның (Dariga)', () => {
    expect(one('Назарбаевтың қызы Назарбаеваның сөзі')).toEqual([['Назарбаевтың', 'nursultan-nazarbayev'], ['Назарбаеваның', 'dariga-nazarbayeva']]);
    expect(one('Бүгін Назарбаеваның сөзі')).toEqual([['Назарбаеваның', 'dariga-nazarbayeva']]);
  });
  it('follows a multi-word name with the ending on its last word', () => {
    expect(one('Мұхтар Әблязовтың мәлімдемесі')).toEqual([['Мұхтар Әблязовтың', 'mukhtar-ablyazov']]);
  });
  it('refuses random letters glued to a name', () => {
    expect(one('Тоқаевхрзщ')).toEqual([]);
    expect(one('QDTмен')).toEqual([]);
  });
});

describe('English possessives and plurals', () => {
  it.each([["Ablyazov's", 'mukhtar-ablyazov'], ['Ablyazov’s', 'mukhtar-ablyazov'], ["QDT's", 'democratic-choice-of-kazakhstan'], ['Nazarbayevs', 'nursultan-nazarbayev']])('%s → %s', (w, id) => {
    expect(found(`Kazakhstan: ${w} case`).filter(([s]) => s !== 'Kazakhstan')).toEqual([[w, id]]);
  });
  it('does not match a name inside a longer word', () => {
    expect(ids('Kazakhstan: Ablyazovian, Tokayevism, QDTX')).toEqual([]);
  });
});
