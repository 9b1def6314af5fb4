/**
 * The stored-value account (储值): the ledger page, top-ups at the desk, a manager's refund or
 * adjustment, and the weekly check that every deduction paid for something, every top-up brought
 * money in and every balance equals its ledger.
 */
import type { HandlersOf, Ctx } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { dayBoundsUtc, daysBetween } from '../../../../shared/dates';
import type { paymentsContract } from '../contract';
import * as q from '../queries';
import type { LedgerProblemRow } from '../queries';
import type { StoredValueAccount, StoredValueCheck, StoredValueProblemKind } from '../types';
import { requireMember } from './debts';
import { insertPayment, ledgerEntry, refundSettlement, storedValueOf } from './settlements';

function account(ctx: Ctx, memberId: number, limit = 50, offset = 0): StoredValueAccount {
  requireMember(ctx.db, memberId);
  const rows = q.ledgerPage(ctx.db, memberId, limit, offset);
  return {
    memberId,
    balanceCents: storedValueOf(ctx.db, memberId),
    total: q.ledgerCount(ctx.db, memberId),
    entries: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      amountCents: r.amount_cents,
      balanceAfterCents: r.balance_after_cents,
      method: r.method,
      settlementId: r.settlement_id,
      reason: r.reason,
      at: r.at,
      byName: r.by_name,
    })),
  };
}

function checkRange(from: string, to: string): void {
  if (to < from || daysBetween(from, to) > 366) throw new AppError('RANGE_INVALID', { from, to });
}

function entryProblem(
  kind: StoredValueProblemKind,
  r: LedgerProblemRow,
): StoredValueCheck['problems'][number] {
  return {
    kind,
    memberId: r.member_id,
    cardNo: r.card_no,
    name: r.name,
    entryId: r.id,
    ledgerCents: null,
    balanceCents: null,
  };
}

function weeklyCheck(ctx: Ctx, from: string, to: string): StoredValueCheck {
  checkRange(from, to);
  const tz = ctx.settings.timeZone;
  const a = dayBoundsUtc(from, tz).from;
  const b = dayBoundsUtc(to, tz).to;
  const sums = q.ledgerSumsByKind(ctx.db, a, b);
  const sum = (k: string) => sums.find((s) => s.kind === k)?.c ?? 0;
  const problems: StoredValueCheck['problems'] = [
    // A deduction must pay for something: its payment belongs to a settlement that paid bar lines or
    // charges, or a card sold at the desk.
    ...q.deductionsWithoutSlip(ctx.db, a, b).map((r) => entryProblem('DEDUCTION_WITHOUT_SLIP', r)),
    // A top-up must have the payment that brought the money in.
    ...q.topupsWithoutPayment(ctx.db, a, b).map((r) => entryProblem('TOPUP_WITHOUT_PAYMENT', r)),
    // Every balance equals its ledger.
    ...q.balanceMismatches(ctx.db).map((r) => ({
      kind: 'BALANCE_MISMATCH' as const,
      memberId: r.member_id,
      cardNo: r.card_no,
      name: r.name,
      entryId: null,
      ledgerCents: r.ledger,
      balanceCents: r.balance,
    })),
  ];
  return {
    from,
    to,
    topupsCents: sum('topup'),
    deductionsCents: Math.abs(sum('deduction')),
    refundsCents: sum('refund'),
    adjustmentsCents: sum('adjustment'),
    entries: sums.reduce((x, s) => x + s.n, 0),
    problems,
  };
}

type C = typeof paymentsContract;

export const storedValueHandlers: Pick<
  HandlersOf<C>,
  | 'storedValue.account'
  | 'storedValue.topup'
  | 'storedValue.refund'
  | 'storedValue.adjust'
  | 'storedValue.check'
> = {
  'storedValue.account': (ctx, a) => account(ctx, a.memberId, a.limit, a.offset),

  'storedValue.topup': (ctx, a) => {
    requireMember(ctx.db, a.memberId);
    if (a.method === 'cash' && a.tenderedCents !== undefined && a.tenderedCents < a.amountCents)
      throw new AppError('CASH_TENDERED_SHORT');
    const now = ctx.nowIso();
    const settlementId = q.insertSettlement(ctx.db, {
      kind: 'topup',
      visitId: null,
      memberId: a.memberId,
      barCents: 0,
      chargesCents: 0,
      totalCents: a.amountCents,
      at: now,
      by: ctx.requireActor().id,
    });
    const tendered = a.method === 'cash' ? (a.tenderedCents ?? null) : null;
    const change = tendered !== null ? tendered - a.amountCents : null;
    const paymentId = insertPayment(
      ctx,
      settlementId,
      a.method,
      a.amountCents,
      tendered,
      change,
      a.reference ?? null,
    );
    const after = ledgerEntry(ctx, a.memberId, 'topup', a.amountCents, paymentId, null);
    ctx.audit({
      op: 'storedValue.topup',
      entity: 'member',
      entityId: a.memberId,
      after: { amountCents: a.amountCents, method: a.method, balanceCents: after },
    });
    return {
      settlementId,
      kind: 'topup',
      totalCents: a.amountCents,
      parts: [
        {
          method: a.method,
          amountCents: a.amountCents,
          tenderedCents: tendered,
          changeCents: change,
          reference: a.reference ?? null,
        },
      ],
      changeCents: change ?? 0,
      storedValueAfterCents: after,
      at: now,
    };
  },

  'storedValue.refund': (ctx, a) => {
    requireMember(ctx.db, a.memberId);
    const balance = storedValueOf(ctx.db, a.memberId);
    if (a.amountCents > balance) throw new AppError('STORED_VALUE_INSUFFICIENT', { balance });
    // The balance goes down by the amount, and the money goes out by the chosen method.
    const r = refundSettlement(ctx, {
      visitId: null,
      memberId: a.memberId,
      amountCents: a.amountCents,
      method: a.method,
      reason: a.reason,
    });
    const paymentId = q.firstPaymentId(ctx.db, r.settlementId)!;
    r.storedValueAfterCents = ledgerEntry(ctx, a.memberId, 'refund', -a.amountCents, paymentId, a.reason);
    ctx.audit({
      op: 'storedValue.refund',
      entity: 'member',
      entityId: a.memberId,
      after: { amountCents: a.amountCents, method: a.method },
      detail: a.reason,
    });
    return r;
  },

  'storedValue.adjust': (ctx, a) => {
    const before = storedValueOf(ctx.db, a.memberId);
    const after = ledgerEntry(ctx, a.memberId, 'adjustment', a.amountCents, null, a.reason);
    ctx.audit({
      op: 'storedValue.adjust',
      entity: 'member',
      entityId: a.memberId,
      before: { balanceCents: before },
      after: { balanceCents: after },
      detail: a.reason,
    });
    return account(ctx, a.memberId);
  },

  'storedValue.check': (ctx, a) => weeklyCheck(ctx, a.from, a.to),
};
