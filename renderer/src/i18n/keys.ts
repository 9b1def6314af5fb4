/**
 * Translation keys as types.
 *
 * `t('…')` takes only keys of the dictionaries (./i18next.d.ts); a key built from an enum or a
 * union, t(`tags.status.${status}`), is checked the same way. When only data can tell the name (a
 * string the core sends without a type, a built-in checklist item of the club's settings), use
 * `wordIn(group, name, fallback)`: the group is checked by tsc, the name at run time.
 * tests/unit/i18n.test.ts reads the `wordIn('<group>'` calls and checks each such group against
 * the values it stands for.
 */
import i18next, { type ParseKeys, type TOptions } from 'i18next';
import type en from './en';

/** Every key t() takes. */
export type I18nKey = ParseKeys;

type Groups<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : `${P}${K}` | Groups<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A group of keys ('tags.status', 'audit.ops', …). */
export type KeyGroup = Groups<typeof en>;

/** A dictionary's shape: the same keys, any words (zh-CN `satisfies Words<typeof en>`). */
export type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

/** The words for `name` in `group` (with options), or `fallback` when the group has no such key. */
export function wordIn<F>(group: KeyGroup, name: string, fallback: F, options?: TOptions): string | F {
  const key = `${group}.${name}`;
  if (!name || !i18next.exists(key)) return fallback;
  return i18next.t(key as I18nKey, options ?? {});
}
