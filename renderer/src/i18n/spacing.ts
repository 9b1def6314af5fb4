/**
 * Spacing around interpolated words, by language. Chinese puts no space between Chinese words, so
 * "欢迎 {{name}}" must read "欢迎李娜", yet "欢迎 Anna" and "3 号手牌" keep theirs (a space between
 * Chinese and Latin letters or digits is the usual typesetting). The dictionaries write templates
 * with spaces around placeholders, as the English ones do; for zh-CN this post-processor removes
 * every space that ends up between two Chinese characters (or Chinese punctuation) once the
 * values are in. Registered for every t() in ./index.ts.
 */
import type { PostProcessorModule, TOptions } from 'i18next';

/** Chinese characters, CJK and full-width punctuation. */
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\u00a0]+(?=[${CJK}])`, 'g');

/** The text without spaces between two Chinese characters. */
export function closeChineseSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '');
}

export const chineseSpacing: PostProcessorModule = {
  type: 'postProcessor',
  name: 'chineseSpacing',
  process(value: string, _key: string | string[], options: TOptions, translator: { language?: string }) {
    const lng = typeof options.lng === 'string' ? options.lng : translator.language;
    return lng?.startsWith('zh') ? closeChineseSpaces(value) : value;
  },
};
