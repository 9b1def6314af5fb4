/**
 * Typed keys: t('…') takes only keys of the English dictionary (zh-CN is checked against the same
 * shape, see ./keys.ts), so a typo or a key missing in a dictionary fails `tsc`. Keys built from an
 * enum (t(`tags.status.${status}`)) resolve to known keys; a name only data can tell goes through
 * wordIn() in ./keys.ts.
 *
 * - strictKeyChecks: a key is checked even when a defaultValue is given.
 * - nsSeparator false: one namespace, so the keys are not offered again as "translation:…"
 *   (halves the key union tsc works with; set the same at run time in ./index.ts).
 * - parseInterpolation false: the dictionaries' words are plain strings, nothing to parse.
 */
import type en from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    nsSeparator: false;
    parseInterpolation: false;
    strictKeyChecks: true;
  }
}
