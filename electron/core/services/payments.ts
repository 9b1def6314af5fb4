/**
 * Money: settlements (one act of paying) with their payments split across methods, and the
 * stored-value ledger (储值). Every amount is integer cents; a settlement's payments add up to its
 * total to the cent; a stored-value balance never goes below zero and always equals its ledger.
 */
import type { DB } from '../db/database';
import type {
  ChargeInfo,
  Debts,
  PaymentMethod,
  PaymentPart,
  Receipt,
  StoredValueAccount,
  StoredValueCheck,
  StoredValueEntry,
  TabLine,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { dayBoundsUtc, daysBetween, localDate } from '../../shared/dates';
import { requireCashDrawer } from '../areas/shift';
import { stmt } from '../kernel/statements';

function getMemberRow(db: DB, id: number): void {
  if (!stmt(db, 'SELECT 1 FROM members WHERE id = ?').get(id))
    throw new AppError('NOT_FOUND', { entity: 'member' });
}

/** Unpaid bar tab of a visit in cents: its lines that are neither paid nor voided. */
export function visitTabCents(db: DB, visitId: number): number {
  return (
    stmt(
      db,
      `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
         WHERE s.visit_id = ? AND l.settlement_id IS NULL AND l.voided_at IS NULL`,
    ).get(visitId) as { c: number }
  ).c;
}

export type SettlementKind = 'checkout' | 'debts' | 'topup' | 'refund' | 'card_sale';

export function storedValueOf(db: DB, memberId: number): number {
  const r = stmt(db, 'SELECT stored_value_cents AS c FROM members WHERE id = ?').get(memberId) as
    { c: number } | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'member' });
  return r.c;
}

/** Appends a ledger entry and moves the member's balance with it (never below zero). */
export function ledgerEntry(
  ctx: Ctx,
  memberId: number,
  kind: StoredValueEntry['kind'],
  amountCents: number,
  paymentId: number | null,
  reason: string | null,
): number {
  const balance = storedValueOf(ctx.db, memberId);
  const after = balance + amountCents;
  if (after < 0) throw new AppError('STORED_VALUE_INSUFFICIENT', { balance });
  stmt(
    ctx.db,
    `INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, payment_id, reason, at, by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(memberId, kind, amountCents, after, paymentId, reason, ctx.nowIso(), ctx.actor?.id ?? null);
  stmt(ctx.db, 'UPDATE members SET stored_value_cents = ?, updated_at = ? WHERE id = ?').run(
    after,
    ctx.nowIso(),
    memberId,
  );
  return after;
}

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
  const settlementId = Number(
    stmt(
      ctx.db,
      `INSERT INTO settlements (kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.kind, s.visitId, s.memberId, s.barCents, s.chargesCents, due, now, actor.id).lastInsertRowid,
  );
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
  const ordered = [...s.parts].sort(
    (a, b) => Number(b.method === 'stored_value') - Number(a.method === 'stored_value'),
  );
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
  return Number(
    stmt(
      ctx.db,
      `INSERT INTO payments (settlement_id, method, amount_cents, tendered_cents, change_cents, reference, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      settlementId,
      method,
      amountCents,
      tenderedCents,
      changeCents,
      reference,
      ctx.nowIso(),
      ctx.requireActor().id,
    ).lastInsertRowid,
  );
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
  const settlementId = Number(
    stmt(
      ctx.db,
      `INSERT INTO settlements (kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
         VALUES ('refund', ?, ?, 0, 0, ?, ?, ?)`,
    ).run(r.visitId, r.memberId, -r.amountCents, now, actor.id).lastInsertRowid,
  );
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

/** One part of a bar refund: where the money goes, and the method it had been paid with. */
export interface BarRefundPart {
  method: PaymentMethod;
  fromMethod: PaymentMethod;
  amountCents: number;
}

const svFirst = <T extends { method: PaymentMethod }>(a: T, b: T) =>
  Number(b.method === 'stored_value') - Number(a.method === 'stored_value');

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
    const s = stmt(db, 'SELECT bar_cents FROM settlements WHERE id = ?').get(settlementId) as
      { bar_cents: number } | undefined;
    if (!s) throw new AppError('NOT_FOUND', { entity: 'settlement' });
    const pays = (
      stmt(db, 'SELECT method, amount_cents FROM payments WHERE settlement_id = ? ORDER BY id').all(
        settlementId,
      ) as { method: PaymentMethod; amount_cents: number }[]
    ).sort(svFirst);
    let skip = (
      stmt(
        db,
        'SELECT coalesce(sum(amount_cents), 0) AS c FROM bar_slip_lines WHERE settlement_id = ? AND voided_at IS NOT NULL',
      ).get(settlementId) as { c: number }
    ).c;
    let barLeft = s.bar_cents;
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
  const settlementId = Number(
    stmt(
      ctx.db,
      `INSERT INTO settlements (kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
         VALUES ('refund', ?, ?, 0, 0, ?, ?, ?)`,
    ).run(r.visitId, r.memberId, -total, now, actor.id).lastInsertRowid,
  );
  let after: number | null = null;
  for (const p of r.parts) {
    const paymentId = insertPayment(ctx, settlementId, p.method, -p.amountCents, null, null, null);
    stmt(ctx.db, 'INSERT INTO bar_refund_parts (payment_id, from_method) VALUES (?, ?)').run(
      paymentId,
      p.fromMethod,
    );
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

// ---- debts ---------------------------------------------------------------------------------

export interface LineRow {
  id: number;
  slip_id: number;
  item_id: number;
  item_name: string;
  unit_price_cents: number;
  quantity: number;
  amount_cents: number;
  voided_at: string | null;
  voided_by: number | null;
  void_authorized_by: number | null;
  void_reason: string | null;
  settlement_id: number | null;
  split_from: number | null;
  void_refund_settlement_id: number | null;
  created_at: string;
  created_by_name: string;
  visit_id: number;
  checked_in_at: string;
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

export const LINE_SELECT = `SELECT l.*, s.created_at, st.name AS created_by_name, s.visit_id, v.checked_in_at
  FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id JOIN visits v ON v.id = s.visit_id
  JOIN staff st ON st.id = s.created_by`;

function debtLines(db: DB, memberId: number): LineRow[] {
  return stmt(
    db,
    `${LINE_SELECT} WHERE v.member_id = ? AND v.checked_out_at IS NOT NULL AND l.settlement_id IS NULL AND l.voided_at IS NULL
       ORDER BY l.id`,
  ).all(memberId) as LineRow[];
}

function unpaidCharges(db: DB, memberId: number): ChargeInfo[] {
  return (
    stmt(db, 'SELECT * FROM member_charges WHERE member_id = ? AND paid_at IS NULL ORDER BY id').all(
      memberId,
    ) as {
      id: number;
      kind: 'lost_tag';
      amount_cents: number;
      created_at: string;
      paid_at: string | null;
      note: string | null;
      visit_id: number | null;
    }[]
  ).map((c) => ({
    id: c.id,
    kind: c.kind,
    visitId: c.visit_id,
    amountCents: c.amount_cents,
    createdAt: c.created_at,
    paidAt: c.paid_at,
    note: c.note,
  }));
}

/** What a member owes from earlier visits: unpaid bar lines of closed visits and unpaid charges. */
export function memberDebtCents(db: DB, memberId: number): number {
  const bar = stmt(
    db,
    `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       JOIN visits v ON v.id = s.visit_id
       WHERE v.member_id = ? AND v.checked_out_at IS NOT NULL AND l.settlement_id IS NULL AND l.voided_at IS NULL`,
  ).get(memberId) as { c: number };
  const charges = stmt(
    db,
    'SELECT coalesce(sum(amount_cents), 0) AS c FROM member_charges WHERE member_id = ? AND paid_at IS NULL',
  ).get(memberId) as { c: number };
  return bar.c + charges.c;
}

function loadDebts(ctx: Ctx, memberId: number, tz: string): Debts {
  getMemberRow(ctx.db, memberId);
  const lines = debtLines(ctx.db, memberId).map((r) => ({
    ...toTabLine(r),
    visitDate: localDate(new Date(r.checked_in_at), tz),
  }));
  const charges = unpaidCharges(ctx.db, memberId);
  const totalCents =
    lines.reduce((a, l) => a + l.amountCents, 0) + charges.reduce((a, c) => a + c.amountCents, 0);
  return { memberId, lines, charges, totalCents, storedValueCents: storedValueOf(ctx.db, memberId) };
}

// ---- stored value ----------------------------------------------------------------------------

function account(ctx: Ctx, memberId: number, limit = 50, offset = 0): StoredValueAccount {
  getMemberRow(ctx.db, memberId);
  const rows = stmt(
    ctx.db,
    `SELECT e.*, p.method, s.name AS by_name FROM stored_value_ledger e
       LEFT JOIN payments p ON p.id = e.payment_id LEFT JOIN staff s ON s.id = e.by
       WHERE e.member_id = ? ORDER BY e.id DESC LIMIT ? OFFSET ?`,
  ).all(memberId, limit, offset) as {
    id: number;
    kind: StoredValueEntry['kind'];
    amount_cents: number;
    balance_after_cents: number;
    method: PaymentMethod | null;
    reason: string | null;
    at: string;
    by_name: string | null;
  }[];
  const total = (
    stmt(ctx.db, 'SELECT count(*) AS n FROM stored_value_ledger WHERE member_id = ?').get(memberId) as {
      n: number;
    }
  ).n;
  return {
    memberId,
    balanceCents: storedValueOf(ctx.db, memberId),
    total,
    entries: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      amountCents: r.amount_cents,
      balanceAfterCents: r.balance_after_cents,
      method: r.method,
      reason: r.reason,
      at: r.at,
      byName: r.by_name,
    })),
  };
}

export function checkRange(from: string, to: string): void {
  if (to < from || daysBetween(from, to) > 366) throw new AppError('RANGE_INVALID', { from, to });
}

function weeklyCheck(ctx: Ctx, from: string, to: string): StoredValueCheck {
  checkRange(from, to);
  const tz = ctx.settings.timeZone;
  const a = dayBoundsUtc(from, tz).from;
  const b = dayBoundsUtc(to, tz).to;
  const sums = stmt(
    ctx.db,
    `SELECT kind, coalesce(sum(amount_cents), 0) AS c, count(*) AS n FROM stored_value_ledger WHERE at >= ? AND at < ? GROUP BY kind`,
  ).all(a, b) as { kind: StoredValueEntry['kind']; c: number; n: number }[];
  const sum = (k: string) => sums.find((s) => s.kind === k)?.c ?? 0;
  const problems: StoredValueCheck['problems'] = [];
  type P = { id: number; member_id: number; card_no: string; name: string };
  // A deduction must pay for something: its payment belongs to a settlement that paid bar lines or
  // charges, or a card sold at the desk.
  for (const r of stmt(
    ctx.db,
    `SELECT e.id, e.member_id, m.card_no, m.name FROM stored_value_ledger e JOIN members m ON m.id = e.member_id
       LEFT JOIN payments p ON p.id = e.payment_id LEFT JOIN settlements s ON s.id = p.settlement_id
       WHERE e.kind = 'deduction' AND e.at >= ? AND e.at < ?
         AND (s.id IS NULL OR (NOT EXISTS (SELECT 1 FROM bar_slip_lines l WHERE l.settlement_id = s.id)
                               AND NOT EXISTS (SELECT 1 FROM member_charges c WHERE c.settlement_id = s.id)
                               AND NOT EXISTS (SELECT 1 FROM member_entitlements x WHERE x.settlement_id = s.id)))`,
  ).all(a, b) as P[]) {
    problems.push({
      kind: 'DEDUCTION_WITHOUT_SLIP',
      memberId: r.member_id,
      cardNo: r.card_no,
      name: r.name,
      entryId: r.id,
      ledgerCents: null,
      balanceCents: null,
    });
  }
  // A top-up must have the payment that brought the money in.
  for (const r of stmt(
    ctx.db,
    `SELECT e.id, e.member_id, m.card_no, m.name FROM stored_value_ledger e JOIN members m ON m.id = e.member_id
       LEFT JOIN payments p ON p.id = e.payment_id
       WHERE e.kind = 'topup' AND e.at >= ? AND e.at < ? AND (p.id IS NULL OR p.amount_cents <> e.amount_cents OR p.method = 'stored_value')`,
  ).all(a, b) as P[]) {
    problems.push({
      kind: 'TOPUP_WITHOUT_PAYMENT',
      memberId: r.member_id,
      cardNo: r.card_no,
      name: r.name,
      entryId: r.id,
      ledgerCents: null,
      balanceCents: null,
    });
  }
  // Every balance equals its ledger.
  for (const r of stmt(
    ctx.db,
    `SELECT m.id AS member_id, m.card_no, m.name, m.stored_value_cents AS balance, coalesce(l.total, 0) AS ledger
       FROM members m LEFT JOIN (SELECT member_id, sum(amount_cents) AS total FROM stored_value_ledger GROUP BY member_id) l
         ON l.member_id = m.id
       WHERE m.stored_value_cents <> coalesce(l.total, 0)`,
  ).all() as { member_id: number; card_no: string; name: string; balance: number; ledger: number }[]) {
    problems.push({
      kind: 'BALANCE_MISMATCH',
      memberId: r.member_id,
      cardNo: r.card_no,
      name: r.name,
      entryId: null,
      ledgerCents: r.ledger,
      balanceCents: r.balance,
    });
  }
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

export const paymentHandlers = handlers({
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
    const setLine = stmt(
      ctx.db,
      'UPDATE bar_slip_lines SET settlement_id = ? WHERE id = ? AND settlement_id IS NULL',
    );
    for (const l of d.lines) setLine.run(receipt.settlementId, l.id);
    const setCharge = stmt(
      ctx.db,
      'UPDATE member_charges SET paid_at = ?, settlement_id = ? WHERE id = ? AND paid_at IS NULL',
    );
    for (const c of d.charges) setCharge.run(ctx.nowIso(), receipt.settlementId, c.id);
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

  'storedValue.account': (ctx, a) => account(ctx, a.memberId, a.limit, a.offset),

  'storedValue.topup': (ctx, a) => {
    getMemberRow(ctx.db, a.memberId);
    if (a.method === 'cash' && a.tenderedCents !== undefined && a.tenderedCents < a.amountCents)
      throw new AppError('CASH_TENDERED_SHORT');
    const now = ctx.nowIso();
    const settlementId = Number(
      stmt(
        ctx.db,
        `INSERT INTO settlements (kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
           VALUES ('topup', NULL, ?, 0, 0, ?, ?, ?)`,
      ).run(a.memberId, a.amountCents, now, ctx.requireActor().id).lastInsertRowid,
    );
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
      kind: 'topup' as const,
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
    getMemberRow(ctx.db, a.memberId);
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
    const paymentId = (
      stmt(ctx.db, 'SELECT id FROM payments WHERE settlement_id = ?').get(r.settlementId) as { id: number }
    ).id;
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
});
