/** Date ranges for the bar report, on club-local calendar dates "YYYY-MM-DD" (weeks start on Monday). */
import { addMonths, isValidDate, monthBounds, startOfWeek } from '../../../../electron/shared/dates';
import { clubToday } from '../../format';

export type Preset = 'today' | 'week' | 'month' | 'lastMonth';
export const PRESETS: readonly Preset[] = ['today', 'week', 'month', 'lastMonth'];

export const isDate = isValidDate;

export function presetRange(p: Preset, today: string = clubToday()): { from: string; to: string } {
  switch (p) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: startOfWeek(today), to: today };
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const { first, last } = monthBounds(addMonths(today.slice(0, 7), -1));
      return { from: first, to: last };
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
