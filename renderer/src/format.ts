/**
 * Dates, times and money for the user's language, shown in the club's time zone: a thin layer over
 * electron/shared/dates.ts and money.ts (which do the arithmetic and the formatting, the same as the
 * core) that adds the language chosen in i18n and the club's settings.
 */
import i18next from 'i18next';
import {
  elapsedMinutes,
  formatClock,
  formatDate,
  formatDateTime,
  formatMonth,
  formatTime,
  localDate,
} from '../../electron/shared/dates';
import { formatMoney, MAX_CENTS, parseMoney, type MoneyOptions } from '../../electron/shared/money';

let clubTimeZone = 'Asia/Shanghai';
let currency = 'CNY';

export function setClubFormat(opts: { timeZone: string; currency?: string }): void {
  clubTimeZone = opts.timeZone;
  if (opts.currency) currency = opts.currency;
}

export function clubTz(): string {
  return clubTimeZone;
}

/** The locale the user's language is shown in. */
export const locale = () => (i18next.language === 'en' ? 'en-GB' : 'zh-CN');

export function fmtMoney(cents: number): string {
  return formatMoney(cents, locale(), currency);
}

/**
 * Why a typed amount is refused, in the user's language, when the money rule says more than a
 * field's own message would: a decimal comma ("use a point for cents: 12.50"), more than two
 * decimals, a negative or too large amount. null when the text is an amount, is empty, or is no
 * amount at all (the field says that in its own words).
 */
export function moneyRefusal(text: string, opts?: MoneyOptions): string | null {
  const r = parseMoney(text, opts);
  if (r.ok) return null;
  switch (r.problem) {
    case 'comma':
      return r.suggestion
        ? i18next.t('common.money.comma', { suggestion: r.suggestion })
        : i18next.t('common.money.commaAny');
    case 'decimals':
      return i18next.t('common.money.decimals');
    case 'negative':
      return i18next.t('common.money.negative');
    case 'tooLarge':
      return i18next.t('common.money.tooLarge', { max: fmtMoney(opts?.max ?? MAX_CENTS) });
    default:
      return null;
  }
}

/** A UTC instant as the club's local date and time. */
export function fmtDateTime(iso: string): string {
  return formatDateTime(iso, clubTimeZone, locale());
}

export function fmtTime(iso: string): string {
  return formatTime(iso, clubTimeZone, locale());
}

/** A club-local calendar date "YYYY-MM-DD" for display. */
export function fmtDate(date: string | null | undefined): string {
  if (!date) return '—';
  return formatDate(date, locale());
}

/** A month "YYYY-MM" by its short name, with the year when asked. */
export function fmtMonth(month: string, withYear: boolean): string {
  return formatMonth(month, locale(), withYear);
}

/** The desk's clock: weekday, date and time in a time zone (the club's when none is given). */
export function fmtClock(now: Date, timeZone?: string): string {
  return formatClock(now, timeZone ?? clubTimeZone, locale());
}

/**
 * A length of time in whole minutes, as the desk says it: under a minute "刚刚" / "just now",
 * under an hour "40分钟" / "40 min", then "1小时03分" / "1 h 03 min" ("2小时" / "2 h" on the hour).
 */
export function fmtMinutes(minutes: number): string {
  const mins = Math.max(0, Math.floor(minutes));
  if (mins < 1) return i18next.t('common.duration.justNow');
  if (mins < 60) return i18next.t('common.duration.minutes', { m: mins });
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  if (m === 0) return i18next.t('common.duration.hours', { h });
  return i18next.t('common.duration.hoursMinutes', { h, m: String(m).padStart(2, '0') });
}

/** The time from an instant until now (fmtMinutes): how long someone has been inside. */
export function fmtDuration(fromIso: string, now: Date = new Date()): string {
  return fmtMinutes(elapsedMinutes(fromIso, now));
}

/** "Today" in the club's time zone as YYYY-MM-DD. */
export function clubToday(now: Date = new Date()): string {
  return localDate(now, clubTimeZone);
}
