import { describe, expect, it } from 'vitest';
import { localDate, localParts } from '../../electron/core/time';

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
    for (const tz of zones)
      for (const s of starts) {
        const t0 = Date.parse(s);
        for (let i = 0; i < 4 * 60; i += 1) {
          const d = new Date(t0 + i * 1000 + (i % 7) * 123);
          expect(localParts(d, tz), `${tz} ${d.toISOString()}`).toEqual(reference(d, tz));
        }
        // and backwards within a minute, after a later instant filled the cache
        for (let i = 4 * 60; i >= 0; i -= 1) {
          const d = new Date(t0 + i * 1000);
          expect(localParts(d, tz), `${tz} ${d.toISOString()}`).toEqual(reference(d, tz));
        }
      }
  });

  it('gives the club-local date of an instant', () => {
    expect(localDate(new Date('2026-11-30T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(localDate(new Date('2026-11-30T16:00:00.000Z'), 'Asia/Shanghai')).toBe('2026-12-01');
    expect(localDate(new Date('2026-11-30T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-11-30');
  });
});
