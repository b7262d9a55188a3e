// Interface strings: a translate function over _locales messages, and the dataset's text in the reader's language.
import type { Lang, LocalText } from '../data/schema.ts';

export type Translate = (key: string, ...subs: (string | number)[]) => string;

export type Messages = Record<string, { message: string }>;

/** A translate function over one messages.json (tests, and anywhere browser.i18n is missing). */
export function fromMessages(messages: Messages): Translate {
  return (key, ...subs) => {
    const m = messages[key.replace(/-/g, '_')]?.message;
    if (m === undefined) return key;
    return m.replace(/\$(\d)/g, (_, d: string) => String(subs[Number(d) - 1] ?? ''));
  };
}

/** The card language for a page: the page's own when the dataset writes it, else English. */
export function contentLang(pageLang: string | undefined): Lang {
  const l = (pageLang ?? '').toLowerCase();
  if (l.startsWith('ru')) return 'ru';
  if (l.startsWith('kk')) return 'kk';
  return 'en';
}

/** Dataset text in a language, English when that language is missing; `lang` tells which one it is. */
export function local(text: LocalText, lang: Lang): { text: string; lang: Lang } {
  const v = text[lang];
  return v ? { text: v, lang } : { text: text.en, lang: 'en' };
}

/** A name in a language: Kazakh pages written in Latin letters get the Latin form where there is one. */
export function nameIn(names: { en: string; ru: string; kk: string; kkLatn?: string }, lang: Lang): string {
  return names[lang] || names.en;
}

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  // Genitive forms, as Russian writes a day and month ("16 декабря"); the year-and-month form uses the nominative below.
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
};
const RU_NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/**
 * Formats a partial date (2011, 2011-12, 2011-12-16) for a language. Hand-written because the
 * browsers' Intl data for Kazakh is incomplete ("2021 M07").
 */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!m || m < 1 || m > 12) return String(y);
  if (lang === 'en') return d ? `${d} ${MONTHS.en[m - 1].slice(0, 3)} ${y}` : `${MONTHS.en[m - 1]} ${y}`;
  if (lang === 'ru') return d ? `${d} ${MONTHS.ru[m - 1]} ${y}` : `${RU_NOMINATIVE[m - 1]} ${y}`;
  return d ? `${y} ж. ${d} ${MONTHS.kk[m - 1]}` : `${y} ж. ${MONTHS.kk[m - 1]}`;
}
