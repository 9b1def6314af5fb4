/**
 * Cash drops and settling over/short (投款 / 长缴短补):
 * - a drop takes counted notes out of the drawer to the safe or the bank against a deposit slip, and
 *   a second person witnesses it with their PIN (any other active desk staff member: reception, a
 *   shift lead or a manager — never the one dropping). The expected drawer cash goes down by it.
 * - a closed shift's surplus is handed in, its shortage made good, by the person named, received by
 *   a shift lead or manager (not the person themself): recorded against that shift only, never netted
 *   against another shift; what is still open shows on the day report and the over/short list.
 */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { DESK } from '../../../kernel/roles';
import { authorize } from '../../staff';
import { denominationsTotal } from '../../../../shared/money';
import type { shiftContract } from '../contract';
import { drawerState } from '../drawer';
import * as q from '../queries';
import * as dq from '../queries/drops';
import type { OverShortReport } from '../types';
import { getShift, overShortItem, requireOpen, toShiftInfo } from './records';

type DropOps = 'shift.drop' | 'shift.settle' | 'shift.overShort';

export const dropHandlers: HandlersOf<Pick<typeof shiftContract, DropOps>> = {
  'shift.drop': (ctx, a) => {
    const me = ctx.requireActor();
    const s = requireOpen(ctx.db, a.shiftId);
    if (drawerState(ctx.db, s.id).shut) throw new AppError('DRAWER_COUNTED', { shiftId: s.id });
    const amount = denominationsTotal(a.denominations);
    if (amount <= 0 || amount > 100_000_000)
      throw new AppError('VALIDATION', {
        issues: [{ path: 'denominations', code: amount <= 0 ? 'too_small' : 'too_big' }],
      });
    const slipNo = a.slipNo.trim();
    if (dq.slipUsed(ctx.db, a.destination, slipNo))
      throw new AppError('DROP_SLIP_USED', { slipNo, destination: a.destination });
    // The witness: the PIN alone names another active desk staff member; one's own PIN is refused.
    const witness = authorize(ctx, { pin: a.witnessPin }, DESK, 'dropWitness');
    if (witness.id === me.id) throw new AppError('DROP_WITNESS_SELF');
    const id = dq.insertDrop(ctx.db, {
      shiftId: s.id,
      amountCents: amount,
      denominations: a.denominations,
      slipNo,
      destination: a.destination,
      at: ctx.nowIso(),
      by: me.id,
      witnessedBy: witness.id,
    });
    ctx.audit({
      op: 'shift.drop',
      entity: 'shift',
      entityId: s.id,
      after: { dropId: id, amountCents: amount, slipNo, destination: a.destination, witnessedBy: witness.id },
    });
    return toShiftInfo(ctx, getShift(ctx.db, s.id));
  },

  'shift.settle': (ctx, a) => {
    const me = ctx.requireActor();
    const s = getShift(ctx.db, a.shiftId);
    if (s.status !== 'closed') throw new AppError('SHIFT_NOT_CLOSED', { id: s.id });
    const item = overShortItem(ctx.db, s);
    const kind = item.differenceCents > 0 ? 'surplus' : 'shortage';
    if (item.openCents === 0 || kind !== a.kind)
      throw new AppError('SETTLE_NOTHING_OPEN', { shiftId: s.id, kind: a.kind });
    if (a.amountCents > item.openCents)
      throw new AppError('SETTLE_TOO_MUCH', { due: item.openCents, asked: a.amountCents });
    const person = q.staffRoleById(ctx.db, a.staffId);
    if (!person || person.active !== 1) throw new AppError('SHIFT_STAFF_INVALID', { staffId: a.staffId });
    // The money is received by someone other than the person handing it in.
    if (a.staffId === me.id) throw new AppError('SETTLE_SELF');
    const note = a.note.trim();
    const id = dq.insertSettlement(ctx.db, {
      shiftId: s.id,
      kind: a.kind,
      amountCents: a.amountCents,
      staffId: a.staffId,
      note,
      at: ctx.nowIso(),
      by: me.id,
    });
    ctx.audit({
      op: 'shift.settle',
      entity: 'shift',
      entityId: s.id,
      after: { settlementId: id, kind: a.kind, amountCents: a.amountCents, staffId: a.staffId },
      detail: note || undefined,
    });
    return overShortItem(ctx.db, getShift(ctx.db, s.id));
  },

  'shift.overShort': (ctx, a): OverShortReport => {
    if (a.from > a.to) throw new AppError('RANGE_INVALID', { from: a.from, to: a.to });
    const items = dq
      .shiftsOverShort(ctx.db, a.openOnly ? '0000-00-00' : a.from, a.to, a.openOnly ?? false)
      .map((s) => overShortItem(ctx.db, s));
    const open = (sign: 1 | -1) =>
      items.filter((i) => Math.sign(i.differenceCents) === sign).reduce((t, i) => t + i.openCents, 0);
    return { from: a.from, to: a.to, items, openOverCents: open(1), openShortCents: open(-1) };
  },
};
