/** Dates, times and money, formatted for the user's language and shown in the club's time zone. */
import i18next from 'i18next';

let clubTimeZone = 'Asia/Shanghai';
let currency = 'CNY';

export function setClubFormat(opts: { timeZone: string; currency?: string }): void {
  clubTimeZone = opts.timeZone;
  if (opts.currency) currency = opts.currency;
}

export function clubTz(): string {
  return clubTimeZone;
}

const locale = () => (i18next.language === 'en' ? 'en-GB' : 'zh-CN');

export function fmtMoney(cents: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(cents / 100);
}

/** A UTC instant as the club's local date and time. */
export function fmtDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: clubTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function fmtTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: clubTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A club-local calendar date "YYYY-MM-DD" for display. */
export function fmtDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Minutes between an instant and now, as "1 h 05 min" / "1小时05分". */
export function fmtDuration(fromIso: string, now: Date = new Date()): string {
  const mins = Math.max(0, Math.floor((now.getTime() - new Date(fromIso).getTime()) / 60_000));
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  return i18next.t('common.duration', { h, m: String(m).padStart(2, '0'), count: h });
}

/** "Today" in the club's time zone as YYYY-MM-DD. */
export function clubToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: clubTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
