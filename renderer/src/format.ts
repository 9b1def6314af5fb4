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

/*
 * Formatters are kept, one per language, time zone and options: making an Intl formatter costs far
 * more than using one, and lists (who is inside, reports) format hundreds of values per render.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function dateFormat(loc: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${loc}|${JSON.stringify(opts)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(loc, opts)));
  return f;
}

export function fmtMoney(cents: number): string {
  const loc = locale();
  const key = `${loc}|${currency}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(loc, { style: 'currency', currency })));
  return f.format(cents / 100);
}

/** A UTC instant as the club's local date and time. */
export function fmtDateTime(iso: string): string {
  return dateFormat(locale(), {
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
  return dateFormat(locale(), {
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
  return dateFormat(locale(), {
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
  return dateFormat('en-CA', {
    timeZone: clubTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
