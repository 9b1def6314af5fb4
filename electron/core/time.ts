/**
 * Time helpers. Timestamps are stored as ISO-8601 UTC; calendar dates ("YYYY-MM-DD") are the
 * club's local dates, computed with the club's IANA time zone.
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
