/** Date ranges for the bar report, on club-local calendar dates "YYYY-MM-DD" (weeks start on Monday). */
import { clubToday } from '../../format';

export type Preset = 'today' | 'week' | 'month' | 'lastMonth';
export const PRESETS: readonly Preset[] = ['today', 'week', 'month', 'lastMonth'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(d: string): Date {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isDate(s: string): boolean {
  return DATE.test(s) && iso(parse(s)) === s;
}

export function presetRange(p: Preset, today: string = clubToday()): { from: string; to: string } {
  const d = parse(today);
  switch (p) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      const back = (d.getUTCDay() + 6) % 7; // days since Monday
      return { from: iso(new Date(d.getTime() - back * 86_400_000)), to: today };
    }
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0));
      return { from: iso(first), to: iso(last) };
    }
  }
}

/** Which preset a range is, if any. */
export function presetOf(from: string, to: string, today: string = clubToday()): Preset | null {
  return (
    PRESETS.find((p) => {
      const r = presetRange(p, today);
      return r.from === from && r.to === to;
    }) ?? null
  );
}

/** "YYYY-MM" of today's month. */
export function thisMonth(today: string = clubToday()): string {
  return today.slice(0, 7);
}
