/**
 * Opening and running a shift: what the incoming staff sees before opening (the previous handover,
 * the open items, the float, the checklist), the opening itself (the staff on duty, the float
 * received with a reason when it differs, the previous handover acknowledged), the running shift
 * with its live book (blind: no cash before the count), and its messages and notes.
 */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { DESK, SUPERVISORS } from '../../../kernel/roles';
import { authorize } from '../../staff';
import { denominationsTotal } from '../../../../shared/money';
import { missedAnnouncements } from '../../announcements';
import { openItems } from '../../incidents';
import { openMessagesAt } from '../../messages';
import { openRepairsAt } from '../../repairs';
import { addDays } from '../../../../shared/dates';
import type { shiftContract } from '../contract';
import { FLOAT_DIFF_PIN_CENTS, type CountResult } from '../types';
import * as q from '../queries';
import { tagsStillOut, unpaidTabs, handoverBook } from './book';
import {
  cashFigures,
  checkTicks,
  getShift,
  requireOpen,
  shiftReport,
  staffRef,
  toCountResult,
  toShiftInfo,
  windowTo,
} from './records';

type OpeningOps = 'shift.opening' | 'shift.open' | 'shift.current' | 'shift.update';

export const openingHandlers: HandlersOf<Pick<typeof shiftContract, OpeningOps>> = {
  'shift.opening': (ctx) => {
    const db = ctx.db;
    const open = q.openShift(db);
    const prev = q.lastClosedShift(db);
    const items = openItems(ctx);
    const today = ctx.today();
    const fromDay = prev ? prev.day : addDays(today, -1);
    const staff = q.activeStaffOfRoles(db, DESK);
    const closedToday = q.standingDayClose(db, today);
    return {
      openShiftId: open?.id ?? null,
      dayClosed: closedToday
        ? { day: today, closedAt: closedToday.closed_at, closedBy: staffRef(db, closedToday.closed_by) }
        : null,
      previous: prev ? shiftReport(ctx, prev) : null,
      openItems: {
        tagsOut: tagsStillOut(db),
        unpaidTabs: unpaidTabs(db),
        complaints: items.complaints,
        incidents: items.incidents,
        followUps: items.followUps,
        missedAnnouncements: missedAnnouncements(ctx, fromDay, today),
        messages: openMessagesAt(ctx, ctx.nowIso()),
        repairs: openRepairsAt(ctx, ctx.nowIso()),
      },
      floatPrefillCents: prev?.float_handed_cents ?? ctx.settings.defaultFloatCents,
      checklist: ctx.settings.openingChecklist,
      staff,
    };
  },

  'shift.open': (ctx, a) => {
    const me = ctx.requireActor();
    const db = ctx.db;
    const open = q.openShift(db);
    if (open) throw new AppError('SHIFT_ALREADY_OPEN', { id: open.id });
    // A closed day takes no new shift (nor cash): a manager reopens it first (shift.reopenDay).
    if (q.standingDayClose(db, ctx.today())) throw new AppError('DAY_ALREADY_CLOSED', { day: ctx.today() });
    const ids = [...new Set(a.staffIds)];
    for (const id of ids) {
      const r = q.staffRoleById(db, id);
      if (!r || r.active !== 1 || !DESK.includes(r.role))
        throw new AppError('SHIFT_STAFF_INVALID', { staffId: id });
    }
    const prev = q.lastClosedShift(db);
    if (prev && !a.acknowledged) throw new AppError('HANDOVER_NOT_ACKNOWLEDGED', { shiftId: prev.id });
    const prefill = prev?.float_handed_cents ?? ctx.settings.defaultFloatCents;
    const reason = a.floatReason?.trim() || null;
    // The change float counted note by note: its total is the float received.
    if (a.floatDenominations && denominationsTotal(a.floatDenominations) !== a.floatCents)
      throw new AppError('FLOAT_COUNT_MISMATCH', {
        amount: denominationsTotal(a.floatDenominations),
        due: a.floatCents,
      });
    if (a.floatCents !== prefill && !reason)
      throw new AppError('FLOAT_REASON_REQUIRED', { prefill, entered: a.floatCents });
    // A difference from the float handed over beyond the threshold: a shift lead or manager accepts it.
    let floatAuthorizedBy: number | null = null;
    if (Math.abs(a.floatCents - prefill) > FLOAT_DIFF_PIN_CENTS) {
      if (!a.floatAuthorization)
        throw new AppError('FLOAT_AUTH_REQUIRED', {
          amount: FLOAT_DIFF_PIN_CENTS,
          due: a.floatCents - prefill,
        });
      floatAuthorizedBy = authorize(ctx, a.floatAuthorization, SUPERVISORS, 'floatDifference').id;
    }
    const now = ctx.nowIso();
    const from = prev?.window_to && prev.window_to > now ? prev.window_to : (prev?.window_to ?? now);
    const ticks = checkTicks(ctx.settings.openingChecklist, a.checked, now);
    const id = q.insertShift(db, {
      day: ctx.today(),
      openedAt: now,
      openedBy: me.id,
      windowFrom: from,
      staffIds: ids,
      previousShiftId: prev?.id ?? null,
      handoverAckAt: prev ? now : null,
      handoverAckBy: prev ? me.id : null,
      floatPrefillCents: prefill,
      floatCents: a.floatCents,
      floatReason: a.floatCents === prefill ? null : reason,
      floatDenominations: a.floatDenominations ?? null,
      floatAuthorizedBy,
      checklist: ticks,
    });
    ctx.audit({
      op: 'shift.open',
      entity: 'shift',
      entityId: id,
      after: {
        staff: ids,
        floatCents: a.floatCents,
        floatPrefillCents: prefill,
        floatReason: a.floatCents === prefill ? null : reason,
        floatCounted: a.floatDenominations ? true : false,
        floatAuthorizedBy,
        acknowledged: prev ? prev.id : null,
        checked: ticks.map((t) => t.item),
      },
    });
    return toShiftInfo(ctx, getShift(db, id));
  },

  'shift.current': (ctx) => {
    const s = q.openShift(ctx.db);
    if (!s) return { shift: null, book: null, count: null };
    const info = toShiftInfo(ctx, s);
    const to = windowTo(ctx, s);
    let count: CountResult | null = null;
    if (info.counted) {
      const c = q.latestCount(ctx.db, s.id)!;
      count = toCountResult(s, c, cashFigures(ctx.db, s, to));
    }
    return { shift: info, book: handoverBook(ctx, s.window_from, to, !info.counted), count };
  },

  'shift.update': (ctx, a) => {
    const s = requireOpen(ctx.db, a.shiftId);
    const messages = a.messages ?? s.messages;
    const notes = a.notes ?? s.notes;
    q.updateShiftTexts(ctx.db, s.id, messages, notes);
    ctx.audit({
      op: 'shift.update',
      entity: 'shift',
      entityId: s.id,
      before: { messages: s.messages, notes: s.notes },
      after: { messages, notes },
    });
    return toShiftInfo(ctx, getShift(ctx.db, s.id));
  },
};
