/**
 * Every string the user sees goes through i18next. Dictionaries are split per area
 * (renderer/src/i18n/<lang>/<area>.ts); each area's keys live under its own prefix: t('checkin.title').
 * Keys are typed (i18next.d.ts, keys.ts): a key that does not exist, or is missing or extra in
 * zh-CN, fails tsc. tests/unit/i18n.test.ts fails on a key the renderer never uses.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../electron/core/contract';
import en from './en';
import zhCN from './zh-CN';
import { chineseSpacing } from './spacing';

/** The languages the app speaks: the contract's. */
export type Lang = Language;
export const LANGS: readonly Lang[] = LANGUAGES;

export function detectLanguage(): Lang {
  const stored = localStorage.getItem('fd.lang');
  if (stored === 'en' || stored === 'zh-CN') return stored;
  const nav = (navigator.language || 'zh-CN').toLowerCase();
  return nav.startsWith('zh') ? 'zh-CN' : 'en';
}

void i18next
  .use(initReactI18next)
  .use(chineseSpacing)
  .init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: detectLanguage(),
    fallbackLng: false,
    // one namespace: a ':' in a key is not a namespace (as in the key types, i18next.d.ts)
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // no space between Chinese words, whatever was interpolated (./spacing.ts)
    postProcess: ['chineseSpacing'],
  });

export function setLanguage(lang: Lang): void {
  localStorage.setItem('fd.lang', lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

document.documentElement.lang = i18next.language;

export default i18next;
