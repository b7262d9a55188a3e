// The interface language of the browser, through browser.i18n (extension pages and the content script).
import { browser } from 'wxt/browser';
import type { Lang } from '../data/schema.ts';
import type { Translate } from './translate.ts';

const getMessage = browser.i18n.getMessage as (key: string, subs?: string[]) => string;

export const uiTranslate: Translate = (key, ...subs) => getMessage(key.replace(/-/g, '_'), subs.map(String)) || key;

/** en, ru or kk: the browser's interface language when the extension speaks it, else English. */
export function uiLang(): Lang {
  // The language of the messages file the browser chose, so names follow the same language as every interface string.
  const l = (getMessage('uiLang') || browser.i18n.getUILanguage()).toLowerCase();
  return l.startsWith('ru') ? 'ru' : l.startsWith('kk') ? 'kk' : 'en';
}
