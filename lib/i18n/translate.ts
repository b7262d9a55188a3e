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

/** Formats a partial date (2011, 2011-12, 2011-12-16) for the reader's language. */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!m) return String(y);
  const locale = lang === 'kk' ? 'kk-KZ' : lang === 'ru' ? 'ru-RU' : 'en-GB';
  const when = new Date(Date.UTC(y, m - 1, d || 1));
  try {
    return new Intl.DateTimeFormat(locale, d ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(when);
  } catch {
    return date;
  }
}
