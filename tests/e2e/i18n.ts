/**
 * The end-to-end tests find controls by their accessible names in the language under test, read
 * from the app's own dictionaries (so a wording change does not break the tests, but a missing
 * label does).
 */
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';
import { closeChineseSpaces } from '../../renderer/src/i18n/spacing';

export type Lang = 'zh-CN' | 'en';

export function dictionary(lang: Lang) {
  const root = (lang === 'en' ? en : zhCN) as unknown as Record<string, unknown>;
  return (key: string, params: Record<string, string | number> = {}): string => {
    let v: unknown = root;
    for (const part of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
    if (typeof v !== 'string') throw new Error(`missing ${lang} text ${key}`);
    const text = v.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
    // as the app does: no space between two Chinese words after interpolation
    return lang === 'zh-CN' ? closeChineseSpaces(text) : text;
  };
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The languages a flow spec runs in. To keep CI inside its time, a long flow runs in one language
 * (the one named); the other language's words are still checked: the walk (walk.spec.ts) visits
 * every screen and tab and opens the main dialogs in both, the dictionaries are checked key for key, placeholder for
 * placeholder (tests/unit/i18n.test.ts, words.test.ts), and text written into the renderer outside
 * the dictionaries fails tests/unit/literal-text.test.ts. `E2E_LANGS=both` runs every flow in both.
 */
export function flowLangs(lang: Lang): readonly Lang[] {
  return process.env.E2E_LANGS === 'both' ? (['zh-CN', 'en'] as const) : [lang];
}

/** Money as the app shows it in the language (¥12.00). */
export function moneyIn(lang: Lang): (cents: number) => string {
  const f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  });
  return (cents) => f.format(cents / 100);
}
