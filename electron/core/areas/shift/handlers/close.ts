/**
 * Closing a shift: the latest count stands (an authorised recount must be counted first, and no cash
 * may have moved since), the reason of a difference, the float handed over, and both signatures (the
 * outgoing staff on duty or a supervisor, the incoming desk staff). A closed shift is frozen (the
 * database refuses changes); a correction is a new entry linked to it.
 */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { DESK, SUPERVISORS } from '../../../kernel/roles';
import { verifyPin } from '../../staff';
import type { shiftContract } from '../contract';
import { drawerState } from '../drawer';
import * as q from '../queries';
import { handoverBook } from './book';
import { canSee, cashFigures, getShift, isoPlus, requireOpen, shiftReport } from './records';

type CloseOps = 'shift.close' | 'shift.addCorrection' | 'shift.report';

export const closeHandlers: HandlersOf<Pick<typeof shiftContract, CloseOps>> = {
  'shift.close': (ctx, a) => {
    const me = ctx.requireActor();
    const db = ctx.db;
    const s = requireOpen(db, a.shiftId);
    const now = ctx.nowIso();
    const to = isoPlus(now, 1);
    const cash = cashFigures(db, s, to);
    const c = q.latestCount(db, s.id);
    if (!c) throw new AppError('SHIFT_NOT_COUNTED', { id: s.id });
    // An authorised recount not counted yet: the close uses the latest count, so it waits for it.
    if (drawerState(db, s.id).recountId !== null)
      throw new AppError('SHIFT_NOT_COUNTED', { id: s.id, recount: true });
    if (c.expected_cents !== cash.expectedCents) throw new AppError('CASH_CHANGED_SINCE_COUNT', { id: s.id });
    const difference = c.counted_cents - c.expected_cents;
    const reason = a.differenceReason?.trim() || null;
    if (difference !== 0 && !reason) throw new AppError('DIFFERENCE_REASON_REQUIRED', { difference });
    if (a.floatHandedCents > c.counted_cents)
      throw new AppError('FLOAT_EXCEEDS_CASH', { float: a.floatHandedCents, counted: c.counted_cents });
    if (a.outgoing.staffId === a.incoming.staffId)
      throw new AppError('SIGNER_INVALID', { who: 'incoming', why: 'same' });
    const out = verifyPin(ctx, a.outgoing.staffId, a.outgoing.pin);
    if (!DESK.includes(out.role) || (!q.onDutyIds(s).includes(out.id) && !SUPERVISORS.includes(out.role)))
      throw new AppError('SIGNER_INVALID', { who: 'outgoing', why: 'not_on_duty' });
    const inc = verifyPin(ctx, a.incoming.staffId, a.incoming.pin);
    if (!DESK.includes(inc.role)) throw new AppError('SIGNER_INVALID', { who: 'incoming', why: 'role' });
    const book = handoverBook(ctx, s.window_from, to, false);
    // the used tags counted by hand against the tags the book issued: a difference is explained
    const tagsReason = a.tagsReason?.trim() || null;
    const tagsAgree = a.tagsCounted === book.tags.issued;
    if (!tagsAgree && !tagsReason)
      throw new AppError('TAG_COUNT_REASON_REQUIRED', { counted: a.tagsCounted, issued: book.tags.issued });
    const tagCount = {
      counted: a.tagsCounted,
      issued: book.tags.issued,
      reason: tagsAgree ? null : tagsReason,
    };
    q.closeShift(db, s.id, {
      windowTo: to,
      closedAt: now,
      closedBy: me.id,
      countedCents: c.counted_cents,
      expectedCents: c.expected_cents,
      differenceCents: difference,
      differenceReason: difference === 0 ? null : reason,
      floatHandedCents: a.floatHandedCents,
      frozen: { book, cash, denominations: q.denominationsOf(c), tagCount },
      messages: a.messages,
      notes: a.notes,
      signedOutBy: out.id,
      signedInBy: inc.id,
    });
    ctx.audit({
      op: 'shift.close',
      entity: 'shift',
      entityId: s.id,
      after: {
        countedCents: c.counted_cents,
        expectedCents: c.expected_cents,
        differenceCents: difference,
        differenceReason: difference === 0 ? null : reason,
        floatHandedCents: a.floatHandedCents,
        tagCount,
        signedOutBy: out.id,
        signedInBy: inc.id,
        entries: book.entries.total,
      },
    });
    return shiftReport(ctx, getShift(db, s.id));
  },

  'shift.addCorrection': (ctx, a) => {
    const me = ctx.requireActor();
    const s = getShift(ctx.db, a.shiftId);
    if (s.status !== 'closed') throw new AppError('SHIFT_NOT_CLOSED', { id: s.id });
    if (!canSee(ctx, s)) throw new AppError('FORBIDDEN', { op: 'shift.addCorrection' });
    const id = q.insertCorrection(ctx.db, {
      shiftId: s.id,
      figure: a.figure ?? null,
      value: a.value ?? null,
      text: a.text,
      at: ctx.nowIso(),
      by: me.id,
    });
    ctx.audit({
      op: 'shift.addCorrection',
      entity: 'shift',
      entityId: s.id,
      after: { correctionId: id, figure: a.figure ?? null, value: a.value ?? null },
      detail: a.text,
    });
    return shiftReport(ctx, s);
  },

  'shift.report': (ctx, a) => {
    const s = getShift(ctx.db, a.id);
    if (!canSee(ctx, s)) throw new AppError('FORBIDDEN', { op: 'shift.report' });
    return shiftReport(ctx, s);
  },
};
