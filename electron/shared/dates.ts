/**
 * Dates, times and the club's time zone, for the core and the renderer alike (no Node, database or
 * Electron import: this file is bundled into the renderer too).
 *
 * Timestamps are stored as ISO-8601 UTC; calendar dates ("YYYY-MM-DD") are the club's local dates,
 * computed with the club's IANA time zone; months are "YYYY-MM"; wall-clock times "HH:MM" (24 h).
 * The display helpers at the end take the locale; the renderer's format.ts picks it from i18n.
 */
const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

/**
 * The zone's offset (ms) in one UTC minute, per time zone: formatToParts costs some 10 µs and every
 * check-in asks for today's date. Modern offsets are whole minutes and change on whole minutes, so
 * one offset serves the whole minute; instants before 1980 (local mean times with odd seconds) and
 * offsets that are not whole minutes are never cached.
 */
const minuteOffset = new Map<string, { minute: number; offsetMs: number }>();
const CACHE_FROM_MS = Date.UTC(1980, 0, 1);

export function localParts(d: Date, timeZone: string): LocalParts {
  const t = d.getTime();
  const minute = Math.floor(t / 60_000);
  const hit = minuteOffset.get(timeZone);
  if (hit && hit.minute === minute) return utcParts(new Date(t + hit.offsetMs));
  const parts = intlParts(d, timeZone);
  const offsetMs =
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) -
    (t - (((t % 1000) + 1000) % 1000));
  if (t >= CACHE_FROM_MS && offsetMs % 60_000 === 0) minuteOffset.set(timeZone, { minute, offsetMs });
  return parts;
}

function utcParts(u: Date): LocalParts {
  return {
    year: u.getUTCFullYear(),
    month: u.getUTCMonth() + 1,
    day: u.getUTCDate(),
    hour: u.getUTCHours(),
    minute: u.getUTCMinutes(),
    second: u.getUTCSeconds(),
    weekday: u.getUTCDay(),
  };
}

function intlParts(d: Date, timeZone: string): LocalParts {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(d)) p[part.type] = part.value;
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return {
    year,
    month,
    day,
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The club-local calendar date of an instant. */
export function localDate(d: Date, timeZone: string): string {
  const p = localParts(d, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The UTC instant at which a club-local wall-clock time occurs. */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes handle offsets and DST transitions well enough for a club's opening hours.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(t), timeZone);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    t += guess - asUtc;
  }
  return new Date(t);
}

/** Start (inclusive) and end (exclusive) of a club-local day, as UTC ISO strings. */
export function dayBoundsUtc(date: string, timeZone: string): { from: string; to: string } {
  return {
    from: zonedToUtc(date, '00:00', timeZone).toISOString(),
    to: zonedToUtc(addDays(date, 1), '00:00', timeZone).toISOString(),
  };
}

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = a.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = b.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Age in whole years on a given date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The time zones offered when a club is set up or its settings are changed (any IANA zone is valid). */
export const CLUB_TIME_ZONES: readonly string[] = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

// ---- formats and checks ----------------------------------------------------------------------

/** A wall-clock time "HH:MM", 00:00 to 23:59. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export function isValidTime(s: string): boolean {
  return TIME_PATTERN.test(s);
}

/** A month "YYYY-MM". */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export function isValidMonth(s: string): boolean {
  return MONTH_PATTERN.test(s);
}

/** A club-local date and time as a datetime-local field holds it: "2026-11-18T14:30". */
export const LOCAL_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
export function isValidLocalDateTime(s: string): boolean {
  return LOCAL_DATE_TIME_PATTERN.test(s) && isValidDate(s.slice(0, 10));
}

// ---- calendar arithmetic on "YYYY-MM-DD" / "YYYY-MM" -------------------------------------------

/** Day of the week of a calendar date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The Monday of the week a date is in (weeks start on Monday). */
export function startOfWeek(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The month "YYYY-MM" n months after (or before) a month. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(t / 12), 4)}-${pad((t % 12) + 1)}`;
}

/** The first and the last calendar date of a month "YYYY-MM". */
export function monthBounds(month: string): { first: string; last: string } {
  return { first: `${month}-01`, last: addDays(`${addMonths(month, 1)}-01`, -1) };
}

// ---- instants in the club's time zone ----------------------------------------------------------

/** "YYYY-MM-DD HH:MM": an instant as the club's local date and time (exports, reports). */
export function localDateTime(at: Date | string, timeZone: string): string {
  const p = localParts(typeof at === 'string' ? new Date(at) : at, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "YYYY-MM-DDTHH:MM": an instant as the value of a datetime-local field in the club's time zone. */
export function localInputValue(at: Date | string, timeZone: string): string {
  return localDateTime(at, timeZone).replace(' ', 'T');
}

/** Whole minutes from an instant to `now` (never negative). */
export function elapsedMinutes(fromIso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(fromIso).getTime()) / 60_000));
}

// ---- display (the caller gives the locale) -----------------------------------------------------

/*
 * Formatters are kept, one per locale, time zone and options: making an Intl formatter costs far
 * more than using one, and lists (who is inside, reports) format hundreds of values per render.
 */
const displayFormats = new Map<string, Intl.DateTimeFormat>();
function displayFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = displayFormats.get(key);
  if (!f) displayFormats.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

/** A UTC instant as the club's local date and time, for people ("18/11/2026, 14:30"). */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return displayFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A UTC instant as the club's local time of day ("14:30"). */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return displayFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** A calendar date "YYYY-MM-DD" for people ("18/11/2026", "2026/11/18"). */
export function formatDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return displayFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A month "YYYY-MM" as its short name, with a two-digit year when asked ("Nov 26", "26年11月"). */
export function formatMonth(month: string, locale: string, withYear: boolean): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return displayFormat(locale, {
    timeZone: 'UTC',
    month: 'short',
    year: withYear ? '2-digit' : undefined,
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The desk's clock: weekday, day and time in the club's time zone ("Wed 18 Nov, 14:30"). */
export function formatClock(now: Date, timeZone: string | undefined, locale: string): string {
  return displayFormat(locale, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}
