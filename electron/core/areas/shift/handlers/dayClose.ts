/**
 * The day close, checked against the records: no shift of the day (or begun before it) still open,
 * the bar's stocktake of the day recorded for every item on sale, every pre-closing checklist item
 * ticked; never twice, unless a manager reopens the day with their PIN and a reason (the close stays
 * as it was, marked reopened, and the day is closed again). The close is one transaction; the backup
 * follows it.
 */
import { createBackup } from '../../../db/backups';
import type { DB } from '../../../db/database';
import type { Authorization } from '../../../contract/common';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError, isAppError } from '../../../kernel/errors';
import { MANAGERS } from '../../../kernel/roles';
import { authorize, signedBy } from '../../staff';
import { dayBoundsUtc } from '../../../../shared/dates';
import { itemsNotCounted, stocktakesBetween } from '../../bar';
import type { shiftContract } from '../contract';
import type {
  ChecklistTick,
  DayBlockers,
  DayCloseSummary,
  DayReopening,
  DayReport,
  OverShortItem,
} from '../types';
import * as q from '../queries';
import * as dq from '../queries/drops';
import type { DayCloseRow, DayReportExtra } from '../queries';
import { handoverBook } from './book';
import {
  cashCounts,
  checkTicks,
  drops,
  getShift,
  overShortItem,
  payouts,
  staffRef,
  toShiftInfo,
  toShiftSummary,
} from './records';

/**
 * The over/short as of now (settling comes after the close): the day's closed shifts with a
 * difference, and earlier shifts still open.
 */
function dayOverShort(ctx: Ctx, day: string): OverShortItem[] {
  const ofDay = dq.shiftsOverShort(ctx.db, day, day, false);
  const earlier = dq.shiftsOverShort(ctx.db, '0000-00-00', day, true).filter((s) => s.day < day);
  return [...earlier, ...ofDay].map((s) => overShortItem(ctx.db, s));
}

function dayReopenings(db: DB, day: string): DayReopening[] {
  return q.reopeningsOfDay(db, day).map((r) => ({
    id: r.id,
    at: r.at,
    byName: r.by_name,
    authorizedByName: r.auth_name,
    reason: r.reason,
    closedAt: r.closed_at,
    closedByName: r.closed_by_name,
  }));
}

/** What stops the close of the day, read from the records. */
function dayBlockers(ctx: Ctx, day: string): DayBlockers {
  const { from, to } = dayBoundsUtc(day, ctx.settings.timeZone);
  // Items on sale at the bar and the shop that no stocktake of the day counted.
  const missing = itemsNotCounted(ctx.db, from, to);
  return {
    openShifts: q.openShiftsUpTo(ctx.db, day).map((s) => ({
      id: s.id,
      day: s.day,
      openedAt: s.opened_at,
      onDuty: q.onDutyIds(s).map((id) => staffRef(ctx.db, id)),
    })),
    stocktakeMissing: missing.map((x) => x.name),
    stocktakeMissingShop: missing.filter((x) => x.point === 'shop').map((x) => x.name),
  };
}

function dayExtras(ctx: Ctx, day: string, shiftIds: number[]): Pick<DayReport, DayReportExtra> {
  const { from, to } = dayBoundsUtc(day, ctx.settings.timeZone);
  const db = ctx.db;
  const blindOf = (id: number) => {
    const s = getShift(db, id);
    return s.status === 'open' && !toShiftInfo(ctx, s).counted;
  };
  return {
    counts: shiftIds.flatMap((id) => cashCounts(db, id, blindOf(id)).map((c) => ({ ...c, shiftId: id }))),
    payouts: shiftIds.flatMap((id) => payouts(db, id).map((p) => ({ ...p, shiftId: id }))),
    drops: shiftIds.flatMap((id) => drops(db, id).map((d) => ({ ...d, shiftId: id }))),
    stocktakes: stocktakesBetween(db, from, to),
    reopenings: dayReopenings(db, day),
    blockers: dayBlockers(ctx, day),
  };
}

function computeDay(ctx: Ctx, day: string, closedAt: string | null, ticked: ChecklistTick[]): DayReport {
  const { from, to } = dayBoundsUtc(day, ctx.settings.timeZone);
  const shifts = q.shiftsOfDay(ctx.db, day);
  const closed = shifts.filter((s) => s.status === 'closed');
  const sum = (f: (s: (typeof closed)[number]) => number) => closed.reduce((a, s) => a + f(s), 0);
  const last = closed[closed.length - 1];
  return {
    ...dayExtras(
      ctx,
      day,
      shifts.map((s) => s.id),
    ),
    clubName: ctx.settings.clubName,
    day,
    closedAt,
    closedBy: closedAt ? staffRef(ctx.db, ctx.requireActor().id) : null,
    shifts: shifts.map((s) => toShiftSummary(ctx, s)),
    openShift: shifts.some((s) => s.status === 'open'),
    book: handoverBook(ctx, from, to, false),
    cash: {
      countedCents: sum((s) => s.counted_cents!),
      expectedCents: sum((s) => s.expected_cents!),
      // never netted: each shift's surplus and shortage stay apart
      overCents: sum((s) => Math.max(0, s.difference_cents!)),
      shortCents: sum((s) => Math.max(0, -s.difference_cents!)),
      floatHandedCents: last ? last.float_handed_cents : null,
    },
    checklist: ctx.settings.closingChecklist,
    ticked,
    backupFile: null,
    overShort: dayOverShort(ctx, day),
  };
}

/** The day's report: as closed (the close that stands), or as it would close now. */
export function dayReport(ctx: Ctx, day: string): DayReport {
  const closed = q.standingDayClose(ctx.db, day);
  if (!closed) return computeDay(ctx, day, null, []);
  const r = q.dayReportOf(closed);
  // A close recorded before counts, pay-outs and blockers were part of the report: read them now
  // (the day's shifts are closed, so they are what they were).
  const { counts, payouts, stocktakes, reopenings, blockers } = r;
  const ids = r.shifts.map((x) => x.id);
  const extras =
    counts && payouts && stocktakes && reopenings && blockers
      ? {
          counts,
          payouts,
          stocktakes,
          reopenings,
          blockers,
          drops: r.drops ?? dayExtras(ctx, day, ids).drops,
        }
      : dayExtras(ctx, day, ids);
  return {
    ...extras,
    ...r,
    drops: extras.drops,
    reopenings: dayReopenings(ctx.db, day),
    overShort: dayOverShort(ctx, day),
    backupFile: closed.backup_file,
  };
}

export function dayCloseSummary(ctx: Ctx, d: DayCloseRow): DayCloseSummary {
  const r = q.dayReportOf(d);
  return {
    reopenings: q.reopeningCount(ctx.db, d.day),
    id: d.id,
    day: d.day,
    closedAt: d.closed_at,
    closedBy: staffRef(ctx.db, d.closed_by),
    shifts: r.shifts.length,
    entries: r.book.entries.total,
    overCents: r.cash.overCents,
    shortCents: r.cash.shortCents,
  };
}

/**
 * Closes the day in one transaction (the backup follows, outside it), checked against the records:
 * no shift of the day (or begun before it) still open, the bar's stocktake of the day recorded for
 * every item on sale, every pre-closing checklist item ticked; never twice (unless reopened).
 */
function closeDayRecord(ctx: Ctx, day: string, checked: readonly string[]): DayReport {
  const me = ctx.requireActor();
  if (day > ctx.today()) throw new AppError('RANGE_INVALID', { from: day, to: ctx.today() });
  if (q.standingDayClose(ctx.db, day)) throw new AppError('DAY_ALREADY_CLOSED', { day });
  const blockers = dayBlockers(ctx, day);
  const open = blockers.openShifts[0];
  if (open)
    throw new AppError('DAY_HAS_OPEN_SHIFT', {
      day,
      shiftId: open.id,
      names: open.onDuty.map((x) => x.name).join(', '),
    });
  if (blockers.stocktakeMissing.length)
    throw new AppError('DAY_STOCKTAKE_MISSING', {
      day,
      items: blockers.stocktakeMissing.slice(0, 20),
      names: blockers.stocktakeMissing.slice(0, 8).join(', '),
      n: blockers.stocktakeMissing.length,
    });
  const items = ctx.settings.closingChecklist;
  const missing = items.filter((i) => !checked.includes(i));
  if (missing.length) throw new AppError('CHECKLIST_INCOMPLETE', { missing });
  const now = ctx.nowIso();
  const report = computeDay(ctx, day, now, checkTicks(items, checked, now));
  const id = q.insertDayClose(ctx.db, { day, closedAt: now, closedBy: me.id, ticked: report.ticked, report });
  ctx.audit({
    op: 'shift.closeDay',
    entity: 'day_close',
    entityId: id,
    after: {
      day,
      shifts: report.shifts.length,
      entries: report.book.entries.total,
      cash: report.cash,
      reopened: report.reopenings.length,
    },
  });
  return report;
}

/**
 * Reopens a closed day: a manager's PIN (a shift lead's is refused) and the reason, audited. The
 * close stays as it was, marked reopened; the day's report is computed again and the day is closed
 * again with shift.closeDay (a shift of the day may be opened in between).
 */
function reopenDay(ctx: Ctx, day: string, auth: Authorization): DayReport {
  const me = ctx.requireActor();
  const close = q.standingDayClose(ctx.db, day);
  if (!close) throw new AppError('DAY_NOT_CLOSED', { day });
  let who;
  try {
    who = authorize(ctx, auth, MANAGERS, 'reopenDay');
  } catch (e) {
    if (isAppError(e) && e.code === 'OVERRIDE_NOT_ALLOWED')
      throw new AppError('MANAGER_PIN_REQUIRED', { role: String(e.params.role ?? '') });
    throw e;
  }
  const reason = auth.reason.trim();
  const id = q.insertReopening(ctx.db, {
    day,
    dayCloseId: close.id,
    authorizedBy: who.id,
    reason,
    at: ctx.nowIso(),
    by: me.id,
  });
  ctx.audit({
    op: 'shift.reopenDay',
    entity: 'day_close',
    entityId: close.id,
    after: { day, reopeningId: id, ...signedBy(who) },
    detail: reason,
  });
  return computeDay(ctx, day, null, []);
}

function recordDayBackup(ctx: Ctx, day: string, file: string): void {
  // the standing close (an earlier, reopened close of the day keeps its own backup)
  const close = q.standingDayClose(ctx.db, day);
  if (!close) return;
  q.setDayCloseBackup(ctx.db, close.id, file);
  ctx.audit({ op: 'shift.closeDay.backup', entity: 'day_close', entityId: day, after: { file } });
}

type DayOps = 'shift.dayPreview' | 'shift.dayReport' | 'shift.reopenDay' | 'shift.closeDay';

export const dayCloseHandlers: HandlersOf<Pick<typeof shiftContract, DayOps>> = {
  'shift.dayPreview': (ctx, a) => dayReport(ctx, a.day),

  'shift.dayReport': (ctx, a) => {
    if (!q.standingDayClose(ctx.db, a.day)) throw new AppError('DAY_NOT_CLOSED', { day: a.day });
    return dayReport(ctx, a.day);
  },

  'shift.reopenDay': (ctx, a) => reopenDay(ctx, a.day, a.authorization),

  /**
   * The day close is recorded in one transaction; the backup follows it (a failed backup leaves the
   * day closed without a backup file, shown as such).
   */
  'shift.closeDay': async (ctx, a, env) => {
    const report = env.transaction(() => closeDayRecord(ctx, a.day, a.checked));
    env.announce();
    try {
      const b = await createBackup(ctx.db, env.files.dataDir, 'day-close', ctx.now());
      env.transaction(() => recordDayBackup(ctx, a.day, b.file));
      return { ...report, backupFile: b.file };
    } catch (e) {
      console.error('[core] day-close backup failed:', e);
      return report;
    }
  },
};
