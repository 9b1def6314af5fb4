/**
 * All the payments area's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never cast;
 * a `…Row` type is a database row with the database's column names (the contract's types use
 * domain names, see handlers/ for the mapping).
 */
import type { PaymentMethod } from '../../contract/types';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { ChargeKind, SettlementKind, StoredValueEntryKind } from './types';

type Cents = { c: number };

export function memberExists(db: DB, memberId: number): boolean {
  return (
    stmt<[number], { one: 1 }>(db, 'SELECT 1 AS one FROM members WHERE id = ?').get(memberId) !== undefined
  );
}

/** The member's stored-value balance (undefined: no such member). */
export function storedValueCents(db: DB, memberId: number): number | undefined {
  return stmt<[number], Cents>(db, 'SELECT stored_value_cents AS c FROM members WHERE id = ?').get(memberId)
    ?.c;
}

// ---- settlements and payments ---------------------------------------------------------------

export interface NewSettlement {
  kind: SettlementKind;
  visitId: number | null;
  memberId: number | null;
  barCents: number;
  chargesCents: number;
  totalCents: number;
  at: string;
  by: number;
}

/** Inserts a settlement; its id. */
export function insertSettlement(db: DB, s: NewSettlement): number {
  return Number(
    stmt<[SettlementKind, number | null, number | null, number, number, number, string, number]>(
      db,
      `INSERT INTO settlements (kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.kind, s.visitId, s.memberId, s.barCents, s.chargesCents, s.totalCents, s.at, s.by)
      .lastInsertRowid,
  );
}

export interface NewPayment {
  settlementId: number;
  method: PaymentMethod;
  amountCents: number;
  tenderedCents: number | null;
  changeCents: number | null;
  reference: string | null;
  at: string;
  by: number;
}

/** Inserts a payment; its id. */
export function insertPaymentRow(db: DB, p: NewPayment): number {
  return Number(
    stmt<[number, PaymentMethod, number, number | null, number | null, string | null, string, number]>(
      db,
      `INSERT INTO payments (settlement_id, method, amount_cents, tendered_cents, change_cents, reference, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(p.settlementId, p.method, p.amountCents, p.tenderedCents, p.changeCents, p.reference, p.at, p.by)
      .lastInsertRowid,
  );
}

/** The id of a settlement's (first) payment. */
export function firstPaymentId(db: DB, settlementId: number): number | undefined {
  return stmt<[number], { id: number }>(db, 'SELECT id FROM payments WHERE settlement_id = ?').get(
    settlementId,
  )?.id;
}

/** The bar part of a settlement (undefined: no such settlement). */
export function settlementBarCents(db: DB, settlementId: number): number | undefined {
  return stmt<[number], { bar_cents: number }>(db, 'SELECT bar_cents FROM settlements WHERE id = ?').get(
    settlementId,
  )?.bar_cents;
}

export interface PaymentAmountRow {
  method: PaymentMethod;
  amount_cents: number;
}

/** A settlement's payments in order. */
export function paymentsOfSettlement(db: DB, settlementId: number): PaymentAmountRow[] {
  return stmt<[number], PaymentAmountRow>(
    db,
    'SELECT method, amount_cents FROM payments WHERE settlement_id = ? ORDER BY id',
  ).all(settlementId);
}

/** What earlier voids of a settlement's bar lines took off it. */
export function voidedCentsOfSettlement(db: DB, settlementId: number): number {
  return stmt<[number], Cents>(
    db,
    'SELECT coalesce(sum(amount_cents), 0) AS c FROM bar_slip_lines WHERE settlement_id = ? AND voided_at IS NOT NULL',
  ).get(settlementId)!.c;
}

/** The method the money of a bar refund's payment had been paid with. */
export function insertBarRefundPart(db: DB, paymentId: number, fromMethod: PaymentMethod): void {
  stmt<[number, PaymentMethod]>(
    db,
    'INSERT INTO bar_refund_parts (payment_id, from_method) VALUES (?, ?)',
  ).run(paymentId, fromMethod);
}

// ---- the stored-value ledger -----------------------------------------------------------------

export interface NewLedgerEntry {
  memberId: number;
  kind: StoredValueEntryKind;
  amountCents: number;
  balanceAfterCents: number;
  paymentId: number | null;
  reason: string | null;
  at: string;
  by: number | null;
}

export function insertLedgerEntry(db: DB, e: NewLedgerEntry): void {
  stmt<[number, StoredValueEntryKind, number, number, number | null, string | null, string, number | null]>(
    db,
    `INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, payment_id, reason, at, by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.memberId, e.kind, e.amountCents, e.balanceAfterCents, e.paymentId, e.reason, e.at, e.by);
}

export function setStoredValue(db: DB, memberId: number, cents: number, at: string): void {
  stmt<[number, string, number]>(
    db,
    'UPDATE members SET stored_value_cents = ?, updated_at = ? WHERE id = ?',
  ).run(cents, at, memberId);
}

/** A ledger entry with the method of its payment and who wrote it. */
export interface LedgerEntryRow {
  id: number;
  member_id: number;
  kind: StoredValueEntryKind;
  amount_cents: number;
  balance_after_cents: number;
  payment_id: number | null;
  reason: string | null;
  at: string;
  by: number | null;
  method: PaymentMethod | null;
  settlement_id: number | null;
  by_name: string | null;
}

/** A page of the member's ledger, newest first. */
export function ledgerPage(db: DB, memberId: number, limit: number, offset: number): LedgerEntryRow[] {
  return stmt<[number, number, number], LedgerEntryRow>(
    db,
    `SELECT e.*, p.method, p.settlement_id, s.name AS by_name FROM stored_value_ledger e
       LEFT JOIN payments p ON p.id = e.payment_id LEFT JOIN staff s ON s.id = e.by
       WHERE e.member_id = ? ORDER BY e.id DESC LIMIT ? OFFSET ?`,
  ).all(memberId, limit, offset);
}

export function ledgerCount(db: DB, memberId: number): number {
  return stmt<[number], { n: number }>(
    db,
    'SELECT count(*) AS n FROM stored_value_ledger WHERE member_id = ?',
  ).get(memberId)!.n;
}

// ---- the weekly check ------------------------------------------------------------------------

export interface LedgerSumRow {
  kind: StoredValueEntryKind;
  c: number;
  n: number;
}

/** The ledger's movements in [from, to) by kind. */
export function ledgerSumsByKind(db: DB, fromIso: string, toIso: string): LedgerSumRow[] {
  return stmt<[string, string], LedgerSumRow>(
    db,
    `SELECT kind, coalesce(sum(amount_cents), 0) AS c, count(*) AS n FROM stored_value_ledger WHERE at >= ? AND at < ? GROUP BY kind`,
  ).all(fromIso, toIso);
}

/** A ledger entry the check questions, with its member. */
export interface LedgerProblemRow {
  id: number;
  member_id: number;
  card_no: string;
  name: string;
}

/**
 * Deductions in [from, to) that pay for nothing: their payment belongs to no settlement that paid
 * bar lines or charges, or a card sold at the desk.
 */
export function deductionsWithoutSlip(db: DB, fromIso: string, toIso: string): LedgerProblemRow[] {
  return stmt<[string, string], LedgerProblemRow>(
    db,
    `SELECT e.id, e.member_id, m.card_no, m.name FROM stored_value_ledger e JOIN members m ON m.id = e.member_id
       LEFT JOIN payments p ON p.id = e.payment_id LEFT JOIN settlements s ON s.id = p.settlement_id
       WHERE e.kind = 'deduction' AND e.at >= ? AND e.at < ?
         AND (s.id IS NULL OR (NOT EXISTS (SELECT 1 FROM bar_slip_lines l WHERE l.settlement_id = s.id)
                               AND NOT EXISTS (SELECT 1 FROM member_charges c WHERE c.settlement_id = s.id)
                               AND NOT EXISTS (SELECT 1 FROM member_entitlements x WHERE x.settlement_id = s.id)))`,
  ).all(fromIso, toIso);
}

/** Top-ups in [from, to) without the payment that brought the money in. */
export function topupsWithoutPayment(db: DB, fromIso: string, toIso: string): LedgerProblemRow[] {
  return stmt<[string, string], LedgerProblemRow>(
    db,
    `SELECT e.id, e.member_id, m.card_no, m.name FROM stored_value_ledger e JOIN members m ON m.id = e.member_id
       LEFT JOIN payments p ON p.id = e.payment_id
       WHERE e.kind = 'topup' AND e.at >= ? AND e.at < ? AND (p.id IS NULL OR p.amount_cents <> e.amount_cents OR p.method = 'stored_value')`,
  ).all(fromIso, toIso);
}

export interface BalanceMismatchRow {
  member_id: number;
  card_no: string;
  name: string;
  balance: number;
  ledger: number;
}

/** Members whose balance differs from the sum of their ledger. */
export function balanceMismatches(db: DB): BalanceMismatchRow[] {
  return stmt<[], BalanceMismatchRow>(
    db,
    `SELECT m.id AS member_id, m.card_no, m.name, m.stored_value_cents AS balance, coalesce(l.total, 0) AS ledger
       FROM members m LEFT JOIN (SELECT member_id, sum(amount_cents) AS total FROM stored_value_ledger GROUP BY member_id) l
         ON l.member_id = m.id
       WHERE m.stored_value_cents <> coalesce(l.total, 0)`,
  ).all();
}

// ---- bar lines and debts ---------------------------------------------------------------------

/** A bar line with its slip's time, who wrote it, its visit and when that visit began. */
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

/** The SELECT of LineRow (the bar and the check-out add their WHERE). */
export const LINE_SELECT = `SELECT l.*, s.created_at, st.name AS created_by_name, s.visit_id, v.checked_in_at
  FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id JOIN visits v ON v.id = s.visit_id
  JOIN staff st ON st.id = s.created_by`;

/** Unpaid bar tab of a visit in cents: its lines that are neither paid nor voided. */
export function visitTabCents(db: DB, visitId: number): number {
  return stmt<[number], Cents>(
    db,
    `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       WHERE s.visit_id = ? AND l.settlement_id IS NULL AND l.voided_at IS NULL`,
  ).get(visitId)!.c;
}

/** Unpaid, unvoided bar lines of the member's closed visits. */
export function debtLines(db: DB, memberId: number): LineRow[] {
  return stmt<[number], LineRow>(
    db,
    `${LINE_SELECT} WHERE v.member_id = ? AND v.checked_out_at IS NOT NULL AND l.settlement_id IS NULL AND l.voided_at IS NULL
       ORDER BY l.id`,
  ).all(memberId);
}

/** The sum of debtLines. */
export function debtLinesCents(db: DB, memberId: number): number {
  return stmt<[number], Cents>(
    db,
    `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       JOIN visits v ON v.id = s.visit_id
       WHERE v.member_id = ? AND v.checked_out_at IS NOT NULL AND l.settlement_id IS NULL AND l.voided_at IS NULL`,
  ).get(memberId)!.c;
}

/** A row of `member_charges`. */
export interface ChargeRow {
  id: number;
  member_id: number;
  kind: ChargeKind;
  amount_cents: number;
  visit_id: number | null;
  note: string | null;
  created_at: string;
  created_by: number;
  paid_at: string | null;
  settlement_id: number | null;
}

export function unpaidCharges(db: DB, memberId: number): ChargeRow[] {
  return stmt<[number], ChargeRow>(
    db,
    'SELECT * FROM member_charges WHERE member_id = ? AND paid_at IS NULL ORDER BY id',
  ).all(memberId);
}

export function unpaidChargesCents(db: DB, memberId: number): number {
  return stmt<[number], Cents>(
    db,
    'SELECT coalesce(sum(amount_cents), 0) AS c FROM member_charges WHERE member_id = ? AND paid_at IS NULL',
  ).get(memberId)!.c;
}

/** A bar line paid by a settlement (unless it was paid meanwhile). */
export function payLine(db: DB, lineId: number, settlementId: number): void {
  stmt<[number, number]>(
    db,
    'UPDATE bar_slip_lines SET settlement_id = ? WHERE id = ? AND settlement_id IS NULL',
  ).run(settlementId, lineId);
}

/** A charge paid by a settlement (unless it was paid meanwhile). */
export function payCharge(db: DB, chargeId: number, settlementId: number, at: string): void {
  stmt<[string, number, number]>(
    db,
    'UPDATE member_charges SET paid_at = ?, settlement_id = ? WHERE id = ? AND paid_at IS NULL',
  ).run(at, settlementId, chargeId);
}
