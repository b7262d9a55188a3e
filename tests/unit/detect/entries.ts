// Small hand-written entries for the detector's tests (the real dataset is written elsewhere and grows).
import type { Entity, AliasLang } from '../../../lib/data/schema.ts';

type A = [string, AliasLang];
interface Spec {
  id: string;
  type?: Entity['type'];
  country?: Entity['country'];
  names: [string, string, string, string?];
  aliases?: A[];
  weak?: A[];
  ambiguous?: [string, AliasLang, string[]][];
  law?: Entity['law'];
}

export function entry(s: Spec): Entity {
  return {
    id: s.id,
    type: s.type ?? 'person',
    country: s.country ?? 'KZ',
    names: { en: s.names[0], ru: s.names[1], kk: s.names[2], ...(s.names[3] ? { kkLatn: s.names[3] } : {}) },
    aliases: (s.aliases ?? []).map(([text, lang]) => ({ text, lang })),
    weakAliases: (s.weak ?? []).map(([text, lang]) => ({ text, lang })),
    ambiguousAliases: (s.ambiguous ?? []).map(([text, lang, context]) => ({ text, lang, context, why: 'test' })),
    summary: { en: 'Test entry.' },
    status: { text: { en: 'Test.' }, asOf: '2021' },
    events: [{ date: '2021', kind: 'other', text: { en: 'Test.' }, sources: [{ report: '2021-07-22-retreating-rights-kazakhstan-introduction.en.txt' }] }],
    relations: [],
    ...(s.law ? { law: s.law } : {}),
  };
}

const cc = (country: Entity['country'], article: string): Entity['law'] => ({ jurisdiction: country, code: 'criminal', article, punishes: { en: 'test' } });

export const ENTRIES: Entity[] = [
  entry({ id: 'mukhtar-ablyazov', names: ['Mukhtar Ablyazov', 'Мухтар Аблязов', 'Мұхтар Әблязов', 'Mūhtar Äbliazov'],
    aliases: [['Ablyazov', 'en'], ['Abliazov', 'en'], ['Аблязов', 'ru'], ['Әблязов', 'kk'], ['Ábliazov', 'kk-latn']], weak: [['Mukhtar', 'en']] }),
  entry({ id: 'nursultan-nazarbayev', names: ['Nursultan Nazarbayev', 'Нурсултан Назарбаев', 'Нұрсұлтан Назарбаев', 'Nursultan Nazarbaev'],
    aliases: [['Nazarbayev', 'en'], ['Nazarbaev', 'en'], ['Назарбаев', 'ru'], ['Elbasy', 'en'], ['Елбасы', 'kk']], weak: [['Nursultan', 'en']] }),
  entry({ id: 'dariga-nazarbayeva', names: ['Dariga Nazarbayeva', 'Дарига Назарбаева', 'Дариға Назарбаева'],
    ambiguous: [['Назарбаева', 'ru', ['Дарига', 'дочь', 'дочери', 'Сенат']], ['Назарбаева', 'kk', ['Дариға', 'қызы', 'Сенат']], ['Nazarbayeva', 'en', ['Dariga', 'daughter', 'Senate']]] }),
  entry({ id: 'kassym-jomart-tokayev', names: ['Kassym-Jomart Tokayev', 'Касым-Жомарт Токаев', 'Қасым-Жомарт Тоқаев', 'Qasym-Jomart Toqaev'],
    aliases: [['Tokayev', 'en'], ['Tokaev', 'en'], ['Токаев', 'ru'], ['Тоқаев', 'kk'], ['Toqaev', 'kk-latn']] }),
  entry({ id: 'asya-tulesova', names: ['Asya Tulesova', 'Ася Тулесова', 'Ася Тулесова'], aliases: [['Tulesova', 'en'], ['Тулесова', 'ru']] }),
  entry({ id: 'emomali-rahmon', country: 'TJ', names: ['Emomali Rahmon', 'Эмомали Рахмон', 'Эмомали Рахмон'], aliases: [['Rahmon', 'en'], ['Rahmonov', 'en'], ['Рахмон', 'ru'], ['Рахмонов', 'ru']] }),
  entry({ id: 'rahmon-nabiev', country: 'TJ', names: ['Rahmon Nabiev', 'Рахмон Набиев', 'Рахмон Набиев'], aliases: [['Nabiev', 'en'], ['Набиев', 'ru']] }),
  entry({ id: 'democratic-choice-of-kazakhstan', type: 'organisation', names: ['Democratic Choice of Kazakhstan', 'Демократический выбор Казахстана', 'Қазақстанның демократиялық таңдауы', 'Qazaqstannyń demokratiialyq tańdauy'],
    aliases: [['QDT', 'kk-latn'], ['DVK', 'en'], ['ДВК', 'ru'], ['ҚДТ', 'kk'], ['DCK', 'en']] }),
  entry({ id: 'koshe-party', type: 'organisation', names: ['Koshe Party', 'Партия «Көше»', '«Көше» партиясы'],
    ambiguous: [['Koshe', 'en', ['party', 'партия', 'партиясы', 'Ablyazov', 'Аблязов']], ['Көше', 'kk', ['party', 'партия', 'партиясы', 'Ablyazov', 'Аблязов', 'Әблязов']]] }),
  entry({ id: 'oyan-qazaqstan', type: 'organisation', names: ['Oyan, Qazaqstan', 'Оян, Казахстан', 'Оян, Қазақстан'], ambiguous: [['Oyan', 'en', ['movement', 'движение', 'қозғалыс']]] }),
  entry({ id: 'democratic-party-of-kazakhstan', type: 'organisation', names: ['Democratic Party of Kazakhstan', 'Демократическая партия Казахстана', 'Қазақстан Демократиялық партиясы'],
    ambiguous: [['Democratic Party', 'en', ['Zhakiyanov', 'Kazakhstan', 'Zhanbolat', 'Mamay']], ['Демократическая партия', 'ru', ['Казахстан', 'Мамай']]] }),
  entry({ id: 'group-24', type: 'organisation', country: 'TJ', names: ['Group 24', 'Группа 24', 'Топ 24'], ambiguous: [['Group 24', 'en', ['Tajik', 'opposition', 'Quvatov', 'extremist']]] }),
  entry({ id: 'zhanaozen-2011', type: 'event', names: ['Zhanaozen massacre', 'Жанаозенская трагедия', 'Жаңаөзен оқиғасы'], ambiguous: [['Zhanaozen', 'en', ['2011', 'December', 'oil workers', 'shooting', 'killed']]] }),
  entry({ id: 'kz-cc-174', type: 'law', names: ['Article 174 of the Criminal Code of Kazakhstan', 'Статья 174 УК РК', 'ҚР ҚК 174-бабы'], law: cc('KZ', '174') }),
  entry({ id: 'kz-cc-373', type: 'law', names: ['Article 373 of the Criminal Code of Kazakhstan', 'Статья 373 УК РК', 'ҚР ҚК 373-бабы'], law: cc('KZ', '373') }),
  entry({ id: 'kz-cc-405', type: 'law', names: ['Article 405 of the Criminal Code of Kazakhstan', 'Статья 405 УК РК', 'ҚР ҚК 405-бабы'], law: cc('KZ', '405') }),
  entry({ id: 'tj-cc-307', type: 'law', country: 'TJ', names: ['Article 307 of the Criminal Code of Tajikistan', 'Статья 307 УК РТ', 'ТР ҚК 307-бабы'], law: cc('TJ', '307') }),
  entry({ id: 'osce', type: 'organisation', country: 'other', names: ['Organization for Security and Co-operation in Europe', 'Организация по безопасности и сотрудничеству в Европе', 'Еуропадағы қауіпсіздік және ынтымақтастық ұйымы'], aliases: [['OSCE', 'en'], ['ОБСЕ', 'ru'], ['ЕҚЫҰ', 'kk']] }),
  entry({ id: 'european-union', type: 'organisation', country: 'other', names: ['European Union', 'Европейский союз', 'Еуропалық одақ'], aliases: [['EU', 'en'], ['ЕС', 'ru'], ['ЕО', 'kk']] }),
];
