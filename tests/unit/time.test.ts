import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  dayBoundsUtc,
  daysBetween,
  elapsedMinutes,
  formatDate,
  formatDateTime,
  formatMonth,
  formatTime,
  isValidDate,
  isValidLocalDateTime,
  isValidMonth,
  isValidTime,
  localDate,
  localDateTime,
  localInputValue,
  localParts,
  monthBounds,
  startOfWeek,
  weekdayOf,
} from '../../electron/shared/dates';

/** What Intl says, without the per-minute offset cache of localParts. */
function reference(d: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(d)) p[part.type] = part.value;
  const [year, month, day] = [Number(p.year), Number(p.month), Number(p.day)];
  return {
    year,
    month,
    day,
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

describe('localParts', () => {
  const zones = [
    'Asia/Shanghai',
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe', // half-hour daylight saving
    'Asia/Kathmandu', // +05:45
    'Africa/Monrovia', // −00:44:30 until 1972
    'UTC',
  ];
  // Around midnights and daylight-saving changes, and a few odd instants, second by second
  // through whole minutes (the cache serves one UTC minute from one offset).
  const starts = [
    '2026-03-29T00:58:00Z', // Berlin springs forward at 01:00 UTC
    '2026-10-25T00:58:00Z', // Berlin falls back at 01:00 UTC
    '2026-03-08T06:58:00Z', // New York springs forward at 07:00 UTC
    '2026-11-01T05:58:00Z', // New York falls back at 06:00 UTC
    '2026-04-04T14:58:00Z', // Lord Howe 02:00 +11 → 01:30 +10:30
    '2026-11-30T15:58:00Z', // Shanghai midnight at 16:00 UTC
    '2026-11-30T18:13:00Z', // Kathmandu midnight at 18:15 UTC
    '1972-01-07T00:43:00Z', // Monrovia −00:44:30 → 00:00 at 00:44:30 UTC
    '1960-06-01T23:59:00Z',
  ];
  it('matches Intl second by second, across midnights and offset changes, in every zone', () => {
    // One comparison per zone and start (an expect per instant costs more than the check itself).
    for (const tz of zones)
      for (const s of starts) {
        const t0 = Date.parse(s);
        const instants: Date[] = [];
        for (let i = 0; i < 4 * 60; i += 1) instants.push(new Date(t0 + i * 1000 + (i % 7) * 123));
        // and backwards within a minute, after a later instant filled the cache
        for (let i = 4 * 60; i >= 0; i -= 1) instants.push(new Date(t0 + i * 1000));
        const wrong = instants
          .map((d) => ({ at: d.toISOString(), got: localParts(d, tz), want: reference(d, tz) }))
          .filter((r) => JSON.stringify(r.got) !== JSON.stringify(r.want));
        expect(wrong, `${tz} from ${s}`).toEqual([]);
      }
  });

  it('gives the club-local date of an instant', () => {
    expect(localDate(new Date('2026-11-30T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(localDate(new Date('2026-11-30T16:00:00.000Z'), 'Asia/Shanghai')).toBe('2026-12-01');
    expect(localDate(new Date('2026-11-30T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-11-30');
  });
});

describe('calendar dates, months and times (shared by the core and the renderer)', () => {
  it('checks the formats the contract and the forms use', () => {
    expect(['00:00', '09:30', '23:59'].every(isValidTime)).toBe(true);
    expect(['24:00', '9:30', '12:60', '12:5', ' 12:30', ''].some(isValidTime)).toBe(false);
    expect(['2026-01', '2026-12'].every(isValidMonth)).toBe(true);
    expect(['2026-00', '2026-13', '2026-1', '202601'].some(isValidMonth)).toBe(false);
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidLocalDateTime('2026-11-18T14:30')).toBe(true);
    expect(isValidLocalDateTime('2026-02-30T14:30')).toBe(false);
    expect(isValidLocalDateTime('2026-11-18T24:00')).toBe(false);
    expect(isValidLocalDateTime('2026-11-18 14:30')).toBe(false);
  });

  it('does calendar arithmetic without time-zone surprises', () => {
    expect(addDays('2026-11-18', 365)).toBe('2027-11-18');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(weekdayOf('2026-11-18')).toBe(3); // a Wednesday
    expect(startOfWeek('2026-11-18')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-16')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16'); // Sunday ends the week
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });

  it("shows instants in the club's time zone", () => {
    const at = '2026-11-30T16:05:00.000Z';
    expect(localDateTime(at, 'Asia/Shanghai')).toBe('2026-12-01 00:05');
    expect(localDateTime(new Date(at), 'Europe/Berlin')).toBe('2026-11-30 17:05');
    expect(localInputValue(at, 'Asia/Shanghai')).toBe('2026-12-01T00:05');
    expect(dayBoundsUtc('2026-12-01', 'Asia/Shanghai')).toEqual({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-01T16:00:00.000Z',
    });
    expect(elapsedMinutes('2026-11-30T16:00:00Z', new Date('2026-11-30T17:05:59Z'))).toBe(65);
    expect(elapsedMinutes('2026-11-30T16:00:00Z', new Date('2026-11-30T15:00:00Z'))).toBe(0);
  });

  it('formats for people in a locale', () => {
    const at = '2026-11-30T16:05:00.000Z';
    expect(formatDateTime(at, 'Asia/Shanghai', 'en-GB')).toBe('01/12/2026, 00:05');
    expect(formatDateTime(at, 'Asia/Shanghai', 'zh-CN')).toBe('2026/12/01 00:05');
    expect(formatTime(at, 'Asia/Shanghai', 'en-GB')).toBe('00:05');
    expect(formatDate('2026-12-01', 'en-GB')).toBe('01/12/2026');
    expect(formatDate('2026-12-01', 'zh-CN')).toBe('2026/12/01');
    expect(formatMonth('2026-11', 'en-GB', false)).toBe('Nov');
    expect(formatMonth('2026-11', 'en-GB', true)).toBe('Nov 26');
  });
});
