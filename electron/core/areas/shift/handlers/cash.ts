/**
 * The drawer during a shift: pay-outs (a shift lead's or manager's PIN and the reason), the blind
 * count (only its result carries the expected figure; one per shift, after which the drawer is
 * shut), and the recount a shift lead or manager authorises (the drawer opens again, the earlier
 * count stays on the report).
 */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { SUPERVISORS } from '../../../kernel/roles';
import { authorize, signedBy } from '../../staff';
import { denominationsTotal } from '../../../../shared/money';
import type { shiftContract } from '../contract';
import { drawerState } from '../drawer';
import * as q from '../queries';
import { cashFigures, getShift, requireOpen, toCountResult, toShiftInfo, windowTo } from './records';

type CashOps = 'shift.payout' | 'shift.count' | 'shift.authorizeRecount';

export const cashHandlers: HandlersOf<Pick<typeof shiftContract, CashOps>> = {
  'shift.payout': (ctx, a) => {
    const me = ctx.requireActor();
    const s = requireOpen(ctx.db, a.shiftId);
    // After the count the drawer is shut: a recount must be authorised first.
    if (drawerState(ctx.db, s.id).shut) throw new AppError('DRAWER_COUNTED', { shiftId: s.id });
    // Cash out of the drawer is never one person's word: a shift lead's or manager's PIN (their own
    // if they are the one logged in; reception's never).
    const who = authorize(ctx, a.authorization, SUPERVISORS, 'payout');
    const reason = a.authorization.reason.trim();
    const id = q.insertPayout(ctx.db, {
      shiftId: s.id,
      amountCents: a.amountCents,
      reason,
      at: ctx.nowIso(),
      by: me.id,
      authorizedBy: who.id,
    });
    ctx.audit({
      op: 'shift.payout',
      entity: 'shift',
      entityId: s.id,
      after: { payoutId: id, amountCents: a.amountCents, ...signedBy(who) },
      detail: reason,
    });
    return toShiftInfo(ctx, getShift(ctx.db, s.id));
  },

  'shift.count': (ctx, a) => {
    const me = ctx.requireActor();
    const s = requireOpen(ctx.db, a.shiftId);
    // One blind count per shift; another one only answers a recount a shift lead authorised.
    const drawer = drawerState(ctx.db, s.id);
    if (drawer.shut) throw new AppError('SHIFT_ALREADY_COUNTED', { id: s.id });
    const cash = cashFigures(ctx.db, s, windowTo(ctx, s));
    const counted = denominationsTotal(a.denominations);
    if (counted > 100_000_000)
      throw new AppError('VALIDATION', { issues: [{ path: 'denominations', code: 'too_big' }] });
    const id = q.insertCount(ctx.db, {
      shiftId: s.id,
      denominations: a.denominations,
      countedCents: counted,
      expectedCents: cash.expectedCents,
      at: ctx.nowIso(),
      by: me.id,
      recountId: drawer.recountId,
    });
    ctx.audit({
      op: 'shift.count',
      entity: 'shift',
      entityId: s.id,
      after: {
        countId: id,
        countedCents: counted,
        expectedCents: cash.expectedCents,
        differenceCents: counted - cash.expectedCents,
        recount: drawer.recountId,
      },
    });
    return toCountResult(s, q.latestCount(ctx.db, s.id)!, cash);
  },

  'shift.authorizeRecount': (ctx, a) => {
    const me = ctx.requireActor();
    const s = requireOpen(ctx.db, a.shiftId);
    const drawer = drawerState(ctx.db, s.id);
    if (drawer.countId === null) throw new AppError('SHIFT_NOT_COUNTED', { id: s.id });
    if (drawer.recountId !== null) throw new AppError('RECOUNT_PENDING', { id: s.id });
    const who = authorize(ctx, a.authorization, SUPERVISORS, 'recount');
    const reason = a.authorization.reason.trim();
    const id = q.insertRecount(ctx.db, {
      shiftId: s.id,
      countId: drawer.countId,
      authorizedBy: who.id,
      reason,
      at: ctx.nowIso(),
      by: me.id,
    });
    ctx.audit({
      op: 'shift.authorizeRecount',
      entity: 'shift',
      entityId: s.id,
      after: { recountId: id, supersedes: drawer.countId, ...signedBy(who) },
      detail: reason,
    });
    return toShiftInfo(ctx, getShift(ctx.db, s.id));
  },
};
