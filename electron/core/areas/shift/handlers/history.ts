/**
 * The history of closed shifts and days (managers and shift leads see every shift; reception the
 * shifts it was on, and the last one) and the entry charts (30 days, and the hours of one day).
 */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { SUPERVISORS } from '../../../kernel/roles';
import { addDays, dayBoundsUtc, localDate, localParts } from '../../../../shared/dates';
import type { shiftContract } from '../contract';
import * as q from '../queries';
import { checkInTimesBetween } from '../queries/book';
import type { ShiftRow } from '../queries';
import { dayCloseSummary } from './dayClose';
import { canSee, toShiftSummary } from './records';

export const historyHandlers: HandlersOf<Pick<typeof shiftContract, 'shift.history' | 'shift.charts'>> = {
  'shift.history': (ctx, a) => {
    const me = ctx.requireActor();
    const to = a.to ?? ctx.today();
    const from = a.from ?? addDays(to, -30);
    if (to < from) throw new AppError('RANGE_INVALID', { from, to });
    const all = q.closedShiftsBetween(ctx.db, from, to);
    const involves = (s: ShiftRow, id: number) =>
      q.onDutyIds(s).includes(id) || s.signed_in_by === id || s.signed_out_by === id || s.opened_by === id;
    const manager = SUPERVISORS.includes(me.role);
    const shifts = all
      .filter((s) => (a.staffId === undefined ? true : involves(s, a.staffId)))
      .filter((s) => manager || canSee(ctx, s))
      .slice(0, 500)
      .map((s) => toShiftSummary(ctx, s));
    const days = manager
      ? q
          .standingDayClosesBetween(ctx.db, from, to)
          .filter(
            (d) =>
              a.staffId === undefined ||
              d.closed_by === a.staffId ||
              all.some((s) => s.day === d.day && involves(s, a.staffId!)),
          )
          .map((d) => dayCloseSummary(ctx, d))
      : [];
    return { shifts, days };
  },

  'shift.charts': (ctx, a) => {
    const tz = ctx.settings.timeZone;
    const first = addDays(a.day, -29);
    const { from } = dayBoundsUtc(first, tz);
    const { to } = dayBoundsUtc(a.day, tz);
    const perDay = new Map<string, number>();
    for (let d = first; d <= a.day; d = addDays(d, 1)) perDay.set(d, 0);
    const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, entries: 0 }));
    for (const iso of checkInTimesBetween(ctx.db, from, to)) {
      const at = new Date(iso);
      const d = localDate(at, tz);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
      if (d === a.day) perHour[localParts(at, tz).hour]!.entries += 1;
    }
    return { day: a.day, perDay: [...perDay].map(([day, entries]) => ({ day, entries })), perHour };
  },
};
