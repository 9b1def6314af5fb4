/**
 * Money in and out: settlements (one act of paying) with their payments split across methods,
 * refunds, and the stored-value ledger. Every amount is integer cents; a settlement's payments add
 * up to its total to the cent; a stored-value balance never goes below zero and always equals its
 * ledger. Other areas pay through these (a check-out's tab, a card sold, a bar void's refund).
 */
import type { PaymentMethod } from '../../../contract/types';
import type { DB } from '../../../db/database';
import type { Ctx } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { requireCashDrawer } from '../../shift';
import * as q from '../queries';
import type { PaymentPart, Receipt, SettlementKind, StoredValueEntryKind } from '../types';

/** The member's stored-value balance; NOT_FOUND for no such member. */
export function storedValueOf(db: DB, memberId: number): number {
  const c = q.storedValueCents(db, memberId);
  if (c === undefined) throw new AppError('NOT_FOUND', { entity: 'member' });
  return c;
}

/** Appends a ledger entry and moves the member's balance with it (never below zero). */
export function ledgerEntry(
  ctx: Ctx,
  memberId: number,
  kind: StoredValueEntryKind,
  amountCents: number,
  paymentId: number | null,
  reason: string | null,
): number {
  const balance = storedValueOf(ctx.db, memberId);
  const after = balance + amountCents;
  if (after < 0) throw new AppError('STORED_VALUE_INSUFFICIENT', { balance });
  q.insertLedgerEntry(ctx.db, {
    memberId,
    kind,
    amountCents,
    balanceAfterCents: after,
    paymentId,
    reason,
    at: ctx.nowIso(),
    by: ctx.actor?.id ?? null,
  });
  q.setStoredValue(ctx.db, memberId, after, ctx.nowIso());
  return after;
}

/** Stored value first: an overdraft is refused before anything else is written, and a bar refund gives it back first. */
const svFirst = <T extends { method: PaymentMethod }>(a: T, b: T) =>
  Number(b.method === 'stored_value') - Number(a.method === 'stored_value');

interface SettleInput {
  kind: SettlementKind;
  visitId: number | null;
  memberId: number | null;
  barCents: number;
  chargesCents: number;
  /** What is paid besides bar lines and charges (a card sold at the desk). */
  otherCents?: number;
  parts: readonly PaymentPart[];
}

/**
 * Records a settlement and its payments. The parts must add up to bar + charges exactly; cash
 * handed over must cover the cash part (the change is recorded); stored value is deducted from the
 * member's ledger and may not overdraw it.
 */
export function settle(ctx: Ctx, s: SettleInput): Receipt {
  const actor = ctx.requireActor();
  const due = s.barCents + s.chargesCents + (s.otherCents ?? 0);
  if (due <= 0) throw new AppError('NOTHING_TO_PAY');
  const paid = s.parts.reduce((a, p) => a + p.amountCents, 0);
  if (paid !== due) throw new AppError('PAYMENT_MISMATCH', { paid, due });
  const methods = s.parts.map((p) => p.method);
  if (new Set(methods).size !== methods.length) {
    throw new AppError('VALIDATION', { issues: [{ path: 'parts', code: 'method_twice' }] });
  }
  for (const p of s.parts) {
    if (p.method === 'cash' && p.tenderedCents !== undefined && p.tenderedCents < p.amountCents)
      throw new AppError('CASH_TENDERED_SHORT');
    if (p.method === 'stored_value' && s.memberId === null) throw new AppError('STORED_VALUE_GUEST');
  }
  const now = ctx.nowIso();
  const settlementId = q.insertSettlement(ctx.db, {
    kind: s.kind,
    visitId: s.visitId,
    memberId: s.memberId,
    barCents: s.barCents,
    chargesCents: s.chargesCents,
    totalCents: due,
    at: now,
    by: actor.id,
  });
  const receipt: Receipt = {
    settlementId,
    kind: s.kind,
    totalCents: due,
    parts: [],
    changeCents: 0,
    storedValueAfterCents: null,
    at: now,
  };
  // Stored value first, so that an overdraft is refused before anything else is written.
  const ordered = [...s.parts].sort(svFirst);
  for (const p of ordered) {
    const change =
      p.method === 'cash' && p.tenderedCents !== undefined ? p.tenderedCents - p.amountCents : null;
    const paymentId = insertPayment(
      ctx,
      settlementId,
      p.method,
      p.amountCents,
      p.method === 'cash' ? (p.tenderedCents ?? null) : null,
      change,
      p.reference ?? null,
    );
    if (p.method === 'stored_value') {
      receipt.storedValueAfterCents = ledgerEntry(
        ctx,
        s.memberId!,
        'deduction',
        -p.amountCents,
        paymentId,
        null,
      );
    }
    receipt.parts.push({
      method: p.method,
      amountCents: p.amountCents,
      tenderedCents: p.method === 'cash' ? (p.tenderedCents ?? null) : null,
      changeCents: change,
      reference: p.reference ?? null,
    });
    receipt.changeCents += change ?? 0;
  }
  if (receipt.storedValueAfterCents === null && s.memberId !== null)
    receipt.storedValueAfterCents = storedValueOf(ctx.db, s.memberId);
  return receipt;
}

/**
 * Records one payment. Cash, in or out (a check-out settlement, debts, a top-up, a card sale, a cash
 * refund), moves the drawer: it is taken only in an open shift whose cash is not counted yet
 * (SHIFT_NOT_OPEN asks the desk to open the shift first; DRAWER_COUNTED to have a recount authorised).
 * Card, mobile and stored-value payments leave the drawer alone.
 */
export function insertPayment(
  ctx: Ctx,
  settlementId: number,
  method: PaymentMethod,
  amountCents: number,
  tenderedCents: number | null,
  changeCents: number | null,
  reference: string | null,
): number {
  if (method === 'cash') requireCashDrawer(ctx);
  return q.insertPaymentRow(ctx.db, {
    settlementId,
    method,
    amountCents,
    tenderedCents,
    changeCents,
    reference,
    at: ctx.nowIso(),
    by: ctx.requireActor().id,
  });
}

/** Money going back out (a refund): a settlement with a negative total and one negative payment. */
export function refundSettlement(
  ctx: Ctx,
  r: {
    visitId: number | null;
    memberId: number | null;
    amountCents: number;
    method: PaymentMethod;
    reason: string;
  },
): Receipt {
  const actor = ctx.requireActor();
  const now = ctx.nowIso();
  const settlementId = q.insertSettlement(ctx.db, {
    kind: 'refund',
    visitId: r.visitId,
    memberId: r.memberId,
    barCents: 0,
    chargesCents: 0,
    totalCents: -r.amountCents,
    at: now,
    by: actor.id,
  });
  const paymentId = insertPayment(ctx, settlementId, r.method, -r.amountCents, null, null, null);
  let after: number | null = null;
  if (r.method === 'stored_value') {
    if (r.memberId === null) throw new AppError('STORED_VALUE_GUEST');
    after = ledgerEntry(ctx, r.memberId, 'refund', r.amountCents, paymentId, r.reason);
  }
  return {
    settlementId,
    kind: 'refund',
    totalCents: -r.amountCents,
    parts: [
      {
        method: r.method,
        amountCents: -r.amountCents,
        tenderedCents: null,
        changeCents: null,
        reference: null,
      },
    ],
    changeCents: 0,
    storedValueAfterCents: after,
    at: now,
  };
}

// ---- bar refunds -------------------------------------------------------------------------------

/** One part of a bar refund: where the money goes, and the method it had been paid with. */
export interface BarRefundPart {
  method: PaymentMethod;
  fromMethod: PaymentMethod;
  amountCents: number;
}

/**
 * Where the money of voided paid bar lines goes back: where it came from. A settlement's bar part is
 * taken as paid by stored value first, then by its other payments in order (the allocation of the bar
 * report's takings by method); what earlier voids of the same settlement gave back is skipped. With
 * `cashBack` the stored-value parts go back in cash instead (the caller checks the manager's PIN).
 * Reads only: call it before the lines are marked voided.
 */
export function planBarRefund(
  db: DB,
  paid: readonly { settlementId: number; amountCents: number }[],
  cashBack: boolean,
): BarRefundPart[] {
  const due = new Map<number, number>();
  for (const p of paid) due.set(p.settlementId, (due.get(p.settlementId) ?? 0) + p.amountCents);
  const parts: BarRefundPart[] = [];
  const add = (fromMethod: PaymentMethod, amountCents: number) => {
    const method = fromMethod === 'stored_value' && cashBack ? 'cash' : fromMethod;
    const same = parts.find((x) => x.method === method && x.fromMethod === fromMethod);
    if (same) same.amountCents += amountCents;
    else parts.push({ method, fromMethod, amountCents });
  };
  for (const [settlementId, amount] of due) {
    const barCents = q.settlementBarCents(db, settlementId);
    if (barCents === undefined) throw new AppError('NOT_FOUND', { entity: 'settlement' });
    const pays = q.paymentsOfSettlement(db, settlementId).sort(svFirst);
    let skip = q.voidedCentsOfSettlement(db, settlementId);
    let barLeft = barCents;
    let need = amount;
    for (const p of pays) {
      const bar = Math.min(barLeft, Math.max(0, p.amount_cents));
      barLeft -= bar;
      const skipped = Math.min(bar, skip);
      skip -= skipped;
      const take = Math.min(bar - skipped, need);
      if (take > 0) add(p.method, take);
      need -= take;
    }
    // The lines of a settlement add up to its bar part; anything else is damaged data.
    if (need > 0) throw new AppError('CONFLICT', { entity: 'settlement' });
  }
  return parts;
}

/**
 * Writes a bar refund planned by planBarRefund: one refund settlement with a negative payment per
 * part, each recording the method the money had come from; stored value goes back onto the ledger.
 */
export function writeBarRefund(
  ctx: Ctx,
  r: { visitId: number; memberId: number | null; parts: readonly BarRefundPart[]; reason: string },
): Receipt {
  const actor = ctx.requireActor();
  const now = ctx.nowIso();
  const total = r.parts.reduce((a, p) => a + p.amountCents, 0);
  const settlementId = q.insertSettlement(ctx.db, {
    kind: 'refund',
    visitId: r.visitId,
    memberId: r.memberId,
    barCents: 0,
    chargesCents: 0,
    totalCents: -total,
    at: now,
    by: actor.id,
  });
  let after: number | null = null;
  for (const p of r.parts) {
    const paymentId = insertPayment(ctx, settlementId, p.method, -p.amountCents, null, null, null);
    q.insertBarRefundPart(ctx.db, paymentId, p.fromMethod);
    if (p.method === 'stored_value') {
      if (r.memberId === null) throw new AppError('STORED_VALUE_GUEST');
      after = ledgerEntry(ctx, r.memberId, 'refund', p.amountCents, paymentId, r.reason);
    }
  }
  return {
    settlementId,
    kind: 'refund',
    totalCents: -total,
    parts: r.parts.map((p) => ({
      method: p.method,
      amountCents: -p.amountCents,
      tenderedCents: null,
      changeCents: null,
      reference: null,
    })),
    changeCents: 0,
    storedValueAfterCents: after,
    at: now,
  };
}
