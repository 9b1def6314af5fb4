/**
 * What a member owes from earlier visits — unpaid bar lines of closed visits and unpaid charges (a
 * lost tag) — and paying it in one settlement.
 */
import type { TabLine } from '../../../contract/types';
import type { DB } from '../../../db/database';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { localDate } from '../../../../shared/dates';
import type { paymentsContract } from '../contract';
import * as q from '../queries';
import type { ChargeRow, LineRow } from '../queries';
import type { ChargeInfo, Debts } from '../types';
import { settle, storedValueOf } from './settlements';

export function requireMember(db: DB, memberId: number): void {
  if (!q.memberExists(db, memberId)) throw new AppError('NOT_FOUND', { entity: 'member' });
}

export function toTabLine(r: LineRow): TabLine {
  return {
    id: r.id,
    slipId: r.slip_id,
    itemId: r.item_id,
    name: r.item_name,
    unitPriceCents: r.unit_price_cents,
    quantity: r.quantity,
    amountCents: r.amount_cents,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
    removed: r.voided_at !== null && r.void_authorized_by === null,
    paid: r.settlement_id !== null,
    paidWith: [],
    correctableUntil: null,
  };
}

function toChargeInfo(c: ChargeRow): ChargeInfo {
  return {
    id: c.id,
    kind: c.kind,
    visitId: c.visit_id,
    amountCents: c.amount_cents,
    createdAt: c.created_at,
    paidAt: c.paid_at,
    note: c.note,
  };
}

/** What a member owes from earlier visits: unpaid bar lines of closed visits and unpaid charges. */
export function memberDebtCents(db: DB, memberId: number): number {
  return q.debtLinesCents(db, memberId) + q.unpaidChargesCents(db, memberId);
}

function loadDebts(ctx: Ctx, memberId: number, tz: string): Debts {
  requireMember(ctx.db, memberId);
  const lines = q.debtLines(ctx.db, memberId).map((r) => ({
    ...toTabLine(r),
    visitDate: localDate(new Date(r.checked_in_at), tz),
  }));
  const charges = q.unpaidCharges(ctx.db, memberId).map(toChargeInfo);
  const totalCents =
    lines.reduce((a, l) => a + l.amountCents, 0) + charges.reduce((a, c) => a + c.amountCents, 0);
  return { memberId, lines, charges, totalCents, storedValueCents: storedValueOf(ctx.db, memberId) };
}

type C = typeof paymentsContract;

export const debtHandlers: Pick<HandlersOf<C>, 'payments.debts' | 'payments.payDebts'> = {
  'payments.debts': (ctx, a) => loadDebts(ctx, a.memberId, ctx.settings.timeZone),

  'payments.payDebts': (ctx, a) => {
    const d = loadDebts(ctx, a.memberId, ctx.settings.timeZone);
    if (d.totalCents === 0) throw new AppError('NOTHING_TO_PAY');
    const barCents = d.lines.reduce((x, l) => x + l.amountCents, 0);
    const chargesCents = d.charges.reduce((x, c) => x + c.amountCents, 0);
    const receipt = settle(ctx, {
      kind: 'debts',
      visitId: null,
      memberId: a.memberId,
      barCents,
      chargesCents,
      parts: a.parts,
    });
    for (const l of d.lines) q.payLine(ctx.db, l.id, receipt.settlementId);
    for (const c of d.charges) q.payCharge(ctx.db, c.id, receipt.settlementId, ctx.nowIso());
    ctx.audit({
      op: 'payments.payDebts',
      entity: 'member',
      entityId: a.memberId,
      after: {
        settlementId: receipt.settlementId,
        totalCents: receipt.totalCents,
        parts: receipt.parts.map((p) => [p.method, p.amountCents]),
      },
    });
    return receipt;
  },
};
