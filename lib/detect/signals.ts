// Words that tell which Central Asian country a page is about, and markers of foreign look-alikes (data for compile.ts).
//
// Each keyword is matched as a word prefix, folded like the text, so one stem covers the
// inflected forms (Казахстана, Қазақстанда, Kazakhstan's). Keep stems long enough to be unique.
import type { Country } from '../data/schema.ts';

export const COUNTRY_KEYWORDS: Record<Exclude<Country, 'other'>, string[]> = {
  KZ: [
    'Kazakhstan', 'Kazakh', 'Qazaqstan', 'Qazaq', 'Astana', 'Almaty', 'Nur-Sultan', 'Shymkent', 'Karaganda', 'Aktobe', 'Atyrau', 'Aktau', 'Zhanaozen', 'Semey', 'Oskemen',
    'Казахстан', 'Казахск', 'Казахи', 'Алматы', 'Алма-Ат', 'Астан', 'Нур-Султан', 'Шымкент', 'Караганд', 'Актобе', 'Атырау', 'Актау', 'Жанаозен', 'Семей',
    'Қазақстан', 'Нұр-Сұлтан', 'Ақтөбе', 'Ақтау', 'Жаңаөзен', 'Қарағанды', 'Елорда',
    // Regional centres, in the spellings of the three languages (Latin Kazakh: Qarağandy, Jañaözen).
    'Taraz', 'Pavlodar', 'Kostanay', 'Qostanai', 'Kyzylorda', 'Qyzylorda', 'Kokshetau', 'Taldykorgan', 'Uralsk', 'Qarağandy', 'Janaozen', 'Mangystau',
    'Тараз', 'Павлодар', 'Костанай', 'Кызылорд', 'Кокшетау', 'Талдыкорган', 'Уральск', 'Усть-Каменогорск', 'Жамбылск', 'Мангистау', 'Атырауск',
    'Қостанай', 'Қызылорда', 'Көкшетау', 'Талдықорған', 'Өскемен', 'Маңғыстау',
    // The presidential palace stands for the president as the Kremlin does ("Akorda said"); industrial towns; the currency.
    'Akorda', 'Акорда', 'Ақорда', 'Ekibastuz', 'Экибастуз', 'Екібастұз', 'Temirtau', 'Темиртау', 'Теміртау', 'Zhezkazgan', 'Жезказган', 'Жезқазған', 'tenge', 'тенге', 'теңге',
  ],
  TJ: [
    'Tajikistan', 'Tajik', 'Dushanbe', 'Khujand', 'Khorog', 'Gorno-Badakhshan', 'GBAO', 'Pamiri', 'Kulob', 'Kulyab',
    'Таджикистан', 'Таджик', 'Душанбе', 'Худжанд', 'Хорог', 'Горно-Бадахшан', 'ГБАО', 'Памир', 'Куляб',
    'Тәжікстан', 'Тәжік',
    'Täjıkstan', 'Duşanbe', 'Khatlon', 'Sughd', 'Istaravshan', 'Хатлон', 'Согд', 'Согдийск', 'Истаравшан', 'Бохтар', 'Bokhtar',
    'Panjakent', 'Penjikent', 'Пенджикент', 'Rasht', 'Рашт', 'somoni', 'сомони',
  ],
  KG: [
    'Kyrgyzstan', 'Kyrgyz', 'Kirghiz', 'Bishkek', 'Jalal-Abad', 'Issyk-Kul',
    'Кыргызстан', 'Кыргыз', 'Киргиз', 'Бишкек', 'Джалал-Абад', 'Иссык-Куль',
    'Қырғызстан', 'Қырғыз',
    'Bişkek', 'Naryn', 'Batken', 'Karakol', 'Ош', 'Нарын', 'Баткен', 'Каракол', 'Жалал-Абад', 'Жогорку Кенеш', 'Jogorku Kenesh',
    'Osh', 'Kempir-Abad', 'Кемпир-Абад', 'Кемпірабад', 'Kempirabad',
  ],
};

/**
 * Keywords that are also common words in lower case and count only capitalised: астана and елорда are the Kazakh
 * words for any capital (астана көшелерінде, a French story's "the capital's streets"), нарын a dish, and
 * қарағанда folds to Karaganda's stem but is the Kazakh "compared with" (Франциямен салыстырғанда, …-ге қарағанда).
 */
export const CAPITALISED_KEYWORDS: ReadonlySet<string> = new Set(['Астан', 'Astana', 'Елорда', 'Нарын', 'Naryn', 'Караганд', 'Қарағанды', 'Karaganda', 'Qarağandy']);
/** Added to a keyword's country index when it counts only capitalised (resolution checks the case, then strips it). */
export const CAPITALISED_FLAG = 4;

/** Words that name Central Asia as a whole: a signal with no single country. */
export const REGION_KEYWORDS: string[] = ['Central Asia', 'Центральная Азия', 'Центральной Азии', 'Средней Азии', 'Орталық Азия'];

/**
 * Markers of a foreign namesake right next to an ambiguous alias: "the US Democratic Party",
 * "the IMF's Group of 24", "Демократическая партия США". Matched as word prefixes.
 */
export const FOREIGN_MARKERS: string[] = [
  'US', 'U.S', 'USA', 'American', 'America', 'IMF', 'Democrats', 'Republican', 'Biden', 'Obama', 'Trump', 'Clinton', 'Japan', 'Russia',
  'США', 'американ', 'Америк', 'МВФ', 'Япони', 'демократов', 'республикан',
  'АҚШ', 'ХВҚ', 'Жапони',
  // Other countries named right beside a generic party or group name: Демократическая партия Италии.
  'Italy', 'Italian', 'Germany', 'German', 'France', 'French', 'Britain', 'British', 'Japan', 'Japanese', 'Serbia', 'Albania', 'Cyprus', 'Korea', 'Mongolia', 'Georgia', 'Moldova', 'Ukraine', 'Poland',
  'Итали', 'Германи', 'Франци', 'Британи', 'Сербии', 'Албани', 'Кипр', 'Коре', 'Монголи', 'Грузи', 'Молдов', 'Украин', 'Польш', 'немецк', 'итальянск', 'французск', 'британск', 'японск',
  'Италия', 'Германия', 'Франция', 'Ұлыбритания', 'Корея', 'Моңғолия', 'Грузия', 'Украина', 'Польша',
  // Russia's and America's institutions named beside a generic one: Верховный суд РФ, a Democratic Party senator in Washington.
  'Росси', 'РФ', 'Ресей', 'Washington', 'Congress', 'Вашингтон', 'Конгресс',
  // Countries whose courts, senates and parties world news on Central Asian sites names the generic way: Верховный суд Испании.
  'Spain', 'Spanish', 'China', 'Chinese', 'Iran', 'Belarus', 'Israel', 'India', 'Brazil', 'Canada', 'Azerbaijan', 'Armenia',
  'Испани', 'Китай', 'Китая', 'Иран', 'Ирана', 'Ираном', 'Иране', 'иранск', 'Беларус', 'Белорус', 'Израил', 'Индия', 'Индии', 'Бразили', 'Канад', 'Азербайджан', 'Армени',
  'Испания', 'Қытай', 'Израиль', 'Үндістан', 'Бразилия', 'Канада', 'Әзербайжан', 'Армения',
];

/** Web hosts that are about one country, and host suffixes by country: a page's country before any word is read. */
export const HOST_COUNTRY: [string, Exclude<Country, 'other'>][] = [
  ['.kz', 'KZ'], ['azattyq.org', 'KZ'], ['azattyq-ruhy.kz', 'KZ'], ['vlast.kz', 'KZ'], ['kz.kursiv.media', 'KZ'],
  ['.tj', 'TJ'], ['ozodi.org', 'TJ'], ['asiaplustj.info', 'TJ'],
  ['.kg', 'KG'], ['azattyk.org', 'KG'], ['kloop.kg', 'KG'],
];

/** Words in a URL path that mark a country. */
export const URL_PATH_COUNTRY: [string, Exclude<Country, 'other'>][] = [
  ['kazakhstan', 'KZ'], ['kazakh', 'KZ'], ['tajikistan', 'TJ'], ['tajik', 'TJ'], ['kyrgyzstan', 'KG'], ['kyrgyz', 'KG'],
];
