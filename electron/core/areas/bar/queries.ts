/**
 * All the drink bar's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never cast; a
 * `…Row` type is a database row with the database's column names (the contract's types use domain
 * names, see handlers/ for the mapping).
 */
import type { PaymentMethod } from '../../contract/types';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import { LINE_SELECT, type LineRow } from '../payments';
import type { SalesPoint, StockMoveKind, StocktakeKind } from './types';

/** A row of `bar_items`. */
export interface BarItemRow {
  id: number;
  name: string;
  category: string;
  price_cents: number;
  notes: string;
  sort: number;
  active: number;
  favourite: number;
  point: SalesPoint;
  created_at: string;
  updated_at: string;
}

/** An item with its stock (the sum of its movements). */
export interface BarItemStockRow extends BarItemRow {
  stock: number;
}

const ITEM_SELECT = `SELECT i.*, coalesce((SELECT sum(quantity) FROM stock_moves m WHERE m.item_id = i.id), 0) AS stock FROM bar_items i`;

// ---- the catalogue and stock ----------------------------------------------------------------

export function itemWithStock(db: DB, id: number): BarItemStockRow | undefined {
  return stmt<[number], BarItemStockRow>(db, `${ITEM_SELECT} WHERE i.id = ?`).get(id);
}

export function itemById(db: DB, id: number): BarItemRow | undefined {
  return stmt<[number], BarItemRow>(db, 'SELECT * FROM bar_items WHERE id = ?').get(id);
}

/** The catalogue with stock, by category, sort and name; the items on sale only unless told; one point or both. */
export function itemsWithStock(
  db: DB,
  includeInactive: boolean,
  point: SalesPoint | null = null,
): BarItemStockRow[] {
  return stmt<[SalesPoint | null, SalesPoint | null], BarItemStockRow>(
    db,
    `${ITEM_SELECT} WHERE (? IS NULL OR i.point = ?) ${includeInactive ? '' : 'AND i.active = 1'} ORDER BY i.category, i.sort, i.name`,
  ).all(point, point);
}

/** The stock of every item on sale, by item id. */
export function stockOfActiveItems(db: DB): Map<number, number> {
  return new Map(
    stmt<[], BarItemStockRow>(db, `${ITEM_SELECT} WHERE i.active = 1`)
      .all()
      .map((i) => [i.id, i.stock]),
  );
}

/** Every item, on sale or not, by category, sort and name. */
export function allItems(db: DB): BarItemRow[] {
  return stmt<[], BarItemRow>(db, 'SELECT * FROM bar_items ORDER BY category, sort, name').all();
}

/** Another item (not `exceptId`) has this name, case and surrounding spaces aside. */
export function itemNameTaken(db: DB, name: string, exceptId: number | null): boolean {
  return (
    stmt<[string, number | null], { one: 1 }>(
      db,
      'SELECT 1 AS one FROM bar_items WHERE lower(trim(name)) = lower(trim(?)) AND id IS NOT ?',
    ).get(name, exceptId) !== undefined
  );
}

export interface ItemFields {
  name: string;
  category: string;
  price_cents: number;
  notes: string;
  sort: number;
  active: number;
  favourite: number;
  point: SalesPoint;
}

export function insertItem(db: DB, it: Omit<ItemFields, 'active'>, at: string): number {
  const r = stmt<[string, string, number, string, number, number, SalesPoint, string, string]>(
    db,
    'INSERT INTO bar_items (name, category, price_cents, notes, sort, favourite, point, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(it.name, it.category, it.price_cents, it.notes, it.sort, it.favourite, it.point, at, at);
  return Number(r.lastInsertRowid);
}

export function updateItem(db: DB, id: number, it: ItemFields, at: string): void {
  stmt<[string, string, number, string, number, number, number, SalesPoint, string, number]>(
    db,
    'UPDATE bar_items SET name = ?, category = ?, price_cents = ?, notes = ?, sort = ?, active = ?, favourite = ?, point = ?, updated_at = ? WHERE id = ?',
  ).run(it.name, it.category, it.price_cents, it.notes, it.sort, it.active, it.favourite, it.point, at, id);
}

export interface NewStockMove {
  itemId: number;
  kind: StockMoveKind;
  quantity: number;
  lineId: number | null;
  stocktakeId: number | null;
  note: string | null;
  at: string;
  by: number;
}

export function insertStockMove(db: DB, m: NewStockMove): void {
  stmt<[number, StockMoveKind, number, number | null, number | null, string | null, string, number]>(
    db,
    'INSERT INTO stock_moves (item_id, kind, quantity, line_id, stocktake_id, note, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(m.itemId, m.kind, m.quantity, m.lineId, m.stocktakeId, m.note, m.at, m.by);
}

// ---- slips and their lines ------------------------------------------------------------------

/** Every line written on the visit, in order. */
export function visitLines(db: DB, visitId: number): LineRow[] {
  return stmt<[number], LineRow>(db, `${LINE_SELECT} WHERE s.visit_id = ? ORDER BY l.id`).all(visitId);
}

export function lineById(db: DB, id: number): LineRow | undefined {
  return stmt<[number], LineRow>(db, `${LINE_SELECT} WHERE l.id = ?`).get(id);
}

/** The methods a settlement was paid with, in payment order. */
export function settlementMethods(db: DB, settlementId: number): PaymentMethod[] {
  return stmt<[number], { method: PaymentMethod }>(
    db,
    'SELECT DISTINCT method FROM payments WHERE settlement_id = ? ORDER BY id',
  )
    .all(settlementId)
    .map((p) => p.method);
}

export function insertSlip(db: DB, visitId: number, point: SalesPoint, at: string, by: number): number {
  const r = stmt<[number, SalesPoint, string, number]>(
    db,
    'INSERT INTO bar_slips (visit_id, point, created_at, created_by) VALUES (?, ?, ?, ?)',
  ).run(visitId, point, at, by);
  return Number(r.lastInsertRowid);
}

export function insertLine(
  db: DB,
  l: { slipId: number; itemId: number; name: string; unitPriceCents: number; quantity: number },
): number {
  const r = stmt<[number, number, string, number, number, number]>(
    db,
    'INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(l.slipId, l.itemId, l.name, l.unitPriceCents, l.quantity, l.unitPriceCents * l.quantity);
  return Number(r.lastInsertRowid);
}

/** A line's new quantity (its amount follows its unit price). */
export function setLineQuantity(db: DB, lineId: number, quantity: number): void {
  stmt<[number, number, number]>(
    db,
    'UPDATE bar_slip_lines SET quantity = ?, amount_cents = unit_price_cents * ? WHERE id = ?',
  ).run(quantity, quantity, lineId);
}

/** A line removed on the spot: voided by the bar itself, with no authoriser (not a void). */
export function removeLine(db: DB, lineId: number, at: string, by: number, reason: string): void {
  stmt<[string, number, string, number]>(
    db,
    'UPDATE bar_slip_lines SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?',
  ).run(at, by, reason, lineId);
}

export function insertCorrection(
  db: DB,
  c: { lineId: number; before: number; after: number; slipAgeSeconds: number; at: string; by: number },
): void {
  stmt<[number, number, number, number, string, number]>(
    db,
    `INSERT INTO bar_corrections (line_id, quantity_before, quantity_after, slip_age_seconds, member_confirmed, at, by)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
  ).run(c.lineId, c.before, c.after, c.slipAgeSeconds, c.at, c.by);
}

/** The voided part of a line as a line of its own (same slip, price and payment); its id. */
export function insertSplitLine(db: DB, l: LineRow, quantity: number): number {
  const r = stmt<[number, number, string, number, number, number, number | null, number]>(
    db,
    `INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents, settlement_id, split_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    l.slip_id,
    l.item_id,
    l.item_name,
    l.unit_price_cents,
    quantity,
    l.unit_price_cents * quantity,
    l.settlement_id,
    l.id,
  );
  return Number(r.lastInsertRowid);
}

export function voidLine(
  db: DB,
  lineId: number,
  v: { at: string; by: number; authorizedBy: number; reason: string; refundSettlementId: number | null },
): void {
  stmt<[string, number, number, string, number | null, number]>(
    db,
    `UPDATE bar_slip_lines SET voided_at = ?, voided_by = ?, void_authorized_by = ?, void_reason = ?,
         void_refund_settlement_id = ? WHERE id = ?`,
  ).run(v.at, v.by, v.authorizedBy, v.reason, v.refundSettlementId, lineId);
}

// ---- water and stocktakes -------------------------------------------------------------------

export function insertWater(db: DB, visitId: number | null, at: string, by: number): void {
  stmt<[number | null, string, number]>(db, 'INSERT INTO bar_water (visit_id, at, by) VALUES (?, ?, ?)').run(
    visitId,
    at,
    by,
  );
}

/** Glasses of water served in [from, to). */
export function waterCount(db: DB, fromIso: string, toIso: string): number {
  return stmt<[string, string], { n: number }>(
    db,
    'SELECT count(*) AS n FROM bar_water WHERE at >= ? AND at < ?',
  ).get(fromIso, toIso)!.n;
}

export function insertStocktake(
  db: DB,
  s: { kind: StocktakeKind; point: SalesPoint; at: string; by: number; note: string },
): number {
  const r = stmt<[StocktakeKind, SalesPoint, string, number, string]>(
    db,
    'INSERT INTO stocktakes (kind, point, at, by, note) VALUES (?, ?, ?, ?, ?)',
  ).run(s.kind, s.point, s.at, s.by, s.note);
  return Number(r.lastInsertRowid);
}

export function insertStocktakeLine(
  db: DB,
  l: { stocktakeId: number; itemId: number; expected: number; counted: number; reason: string | null },
): void {
  stmt<[number, number, number, number, string | null]>(
    db,
    'INSERT INTO stocktake_lines (stocktake_id, item_id, expected, counted, reason) VALUES (?, ?, ?, ?, ?)',
  ).run(l.stocktakeId, l.itemId, l.expected, l.counted, l.reason);
}

export interface StocktakeListRow {
  id: number;
  kind: StocktakeKind;
  point: SalesPoint;
  at: string;
  by_name: string;
  /** Items counted differently from the expected stock. */
  differences: number;
}

/** The stocktakes of [from, to) (of one point, or both), in order, with who counted and the differences. */
export function stocktakesBetween(
  db: DB,
  fromIso: string,
  toIso: string,
  point: SalesPoint | null = null,
): StocktakeListRow[] {
  return stmt<[string, string, SalesPoint | null, SalesPoint | null], StocktakeListRow>(
    db,
    `SELECT t.id, t.kind, t.point, t.at, s.name AS by_name,
            (SELECT count(*) FROM stocktake_lines l WHERE l.stocktake_id = t.id AND l.counted <> l.expected) AS differences
       FROM stocktakes t JOIN staff s ON s.id = t.by
       WHERE t.at >= ? AND t.at < ? AND (? IS NULL OR t.point = ?) ORDER BY t.at, t.id`,
  ).all(fromIso, toIso, point, point);
}

/** The items on sale (name and point) that no stocktake of [from, to) counted, the bar's first. */
export function itemsNotCounted(
  db: DB,
  fromIso: string,
  toIso: string,
): { name: string; point: SalesPoint }[] {
  return stmt<[string, string], { name: string; point: SalesPoint }>(
    db,
    `SELECT i.name, i.point FROM bar_items i WHERE i.active = 1 AND NOT EXISTS (
         SELECT 1 FROM stocktake_lines l JOIN stocktakes t ON t.id = l.stocktake_id
         WHERE l.item_id = i.id AND t.at >= ? AND t.at < ?)
       ORDER BY i.point, i.sort, i.name`,
  ).all(fromIso, toIso);
}

// ---- reports ----------------------------------------------------------------------------------

export interface BarPaymentRow {
  id: number;
  kind: 'checkout' | 'debts' | 'refund';
  bar_cents: number;
  method: PaymentMethod;
  amount_cents: number;
}

/**
 * The settlements of [from, to) that paid bar lines (check-outs and debts with a bar part) or gave
 * money back for voided ones, with their payments, in payment order.
 */
export function barSettlementPayments(db: DB, fromIso: string, toIso: string): BarPaymentRow[] {
  return stmt<[string, string], BarPaymentRow>(
    db,
    `SELECT s.id, s.kind, s.bar_cents, p.method, p.amount_cents FROM settlements s JOIN payments p ON p.settlement_id = s.id
       WHERE s.at >= ? AND s.at < ? AND ((s.kind IN ('checkout','debts') AND s.bar_cents > 0) OR (s.kind = 'refund' AND s.visit_id IS NOT NULL))
       ORDER BY s.id, p.id`,
  ).all(fromIso, toIso);
}

export interface MoveSumRow {
  item_id: number;
  kind: StockMoveKind;
  /** Moved before `from`. */
  before: number;
  /** Moved in [from, to). */
  inside: number;
}

/** Stock movements by item and kind: before the period and inside it. */
export function moveSums(db: DB, fromIso: string, toIso: string): MoveSumRow[] {
  return stmt<[string, string, string, string], MoveSumRow>(
    db,
    `SELECT item_id, kind, sum(CASE WHEN at < ? THEN quantity ELSE 0 END) AS before,
            sum(CASE WHEN at >= ? AND at < ? THEN quantity ELSE 0 END) AS inside
       FROM stock_moves WHERE at < ? GROUP BY item_id, kind`,
  ).all(fromIso, fromIso, toIso, toIso);
}

/** Sales (not voided) of slips written in [from, to) (at one point or both), by item. */
export function salesByItem(
  db: DB,
  fromIso: string,
  toIso: string,
  point: SalesPoint | null,
): { item_id: number; cents: number }[] {
  return stmt<[string, string, SalesPoint | null, SalesPoint | null], { item_id: number; cents: number }>(
    db,
    `SELECT l.item_id, sum(l.amount_cents) AS cents FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       WHERE s.created_at >= ? AND s.created_at < ? AND l.voided_at IS NULL AND (? IS NULL OR s.point = ?) GROUP BY l.item_id`,
  ).all(fromIso, toIso, point, point);
}

export interface StocktakeCountRow {
  item_id: number;
  expected: number;
  counted: number;
  reason: string | null;
}

/** Every stocktake line of [from, to), oldest stocktake first. */
export function stocktakeCounts(db: DB, fromIso: string, toIso: string): StocktakeCountRow[] {
  return stmt<[string, string], StocktakeCountRow>(
    db,
    `SELECT sl.item_id, sl.expected, sl.counted, sl.reason FROM stocktake_lines sl JOIN stocktakes t ON t.id = sl.stocktake_id
       WHERE t.at >= ? AND t.at < ? ORDER BY t.at, t.id`,
  ).all(fromIso, toIso);
}

/** Lines of slips written in [from, to) (at one point or both) neither voided nor paid. */
export function unpaidCentsBetween(db: DB, fromIso: string, toIso: string, point: SalesPoint | null): number {
  return stmt<[string, string, SalesPoint | null, SalesPoint | null], { c: number }>(
    db,
    `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       WHERE s.created_at >= ? AND s.created_at < ? AND l.voided_at IS NULL AND l.settlement_id IS NULL
         AND (? IS NULL OR s.point = ?)`,
  ).get(fromIso, toIso, point, point)!.c;
}

export interface VoidListRow {
  id: number;
  voided_at: string;
  item_name: string;
  quantity: number;
  amount_cents: number;
  void_reason: string;
  by_name: string;
  auth_name: string;
  visit_name: string;
  settlement_id: number | null;
  refund_id: number | null;
  after_checkout: number;
  point: SalesPoint;
}

/** Lines voided in [from, to) by a supervisor's authorisation, with who, why and whose visit. */
export function voidsBetween(db: DB, fromIso: string, toIso: string): VoidListRow[] {
  return stmt<[string, string], VoidListRow>(
    db,
    `SELECT l.id, l.voided_at, l.item_name, l.quantity, l.amount_cents, l.void_reason, vb.name AS by_name, ab.name AS auth_name,
            coalesce(m.name, v.guest_name) AS visit_name, l.settlement_id, l.void_refund_settlement_id AS refund_id,
            (v.checked_out_at IS NOT NULL AND v.checked_out_at <= l.voided_at) AS after_checkout, s.point
       FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id JOIN visits v ON v.id = s.visit_id
       LEFT JOIN members m ON m.id = v.member_id
       JOIN staff vb ON vb.id = l.voided_by JOIN staff ab ON ab.id = l.void_authorized_by
       WHERE l.voided_at >= ? AND l.voided_at < ? ORDER BY l.voided_at, l.id`,
  ).all(fromIso, toIso);
}

export interface VoidRefundPartRow {
  settlement_id: number;
  method: PaymentMethod;
  /** Given back (positive). */
  cents: number;
  from_method: PaymentMethod | null;
  at: string;
}

/** The payments of the refunds of lines voided in [from, to): where the money went, and from what. */
export function voidRefundParts(db: DB, fromIso: string, toIso: string): VoidRefundPartRow[] {
  return stmt<[string, string], VoidRefundPartRow>(
    db,
    `SELECT p.settlement_id, p.method, -p.amount_cents AS cents, rp.from_method, r.at
       FROM settlements r JOIN payments p ON p.settlement_id = r.id LEFT JOIN bar_refund_parts rp ON rp.payment_id = p.id
       WHERE r.kind = 'refund' AND r.id IN (SELECT void_refund_settlement_id FROM bar_slip_lines
         WHERE voided_at >= ? AND voided_at < ? AND void_refund_settlement_id IS NOT NULL)
       ORDER BY p.id`,
  ).all(fromIso, toIso);
}

export interface CorrectionListRow {
  id: number;
  at: string;
  item_name: string;
  quantity_before: number;
  quantity_after: number;
  slip_age_seconds: number;
  by_name: string;
  visit_name: string;
  point: SalesPoint;
}

/** Corrections on the spot in [from, to), with who and whose visit. */
export function correctionsBetween(db: DB, fromIso: string, toIso: string): CorrectionListRow[] {
  return stmt<[string, string], CorrectionListRow>(
    db,
    `SELECT c.id, c.at, l.item_name, c.quantity_before, c.quantity_after, c.slip_age_seconds, st.name AS by_name,
            coalesce(m.name, v.guest_name) AS visit_name, s.point
       FROM bar_corrections c JOIN bar_slip_lines l ON l.id = c.line_id JOIN bar_slips s ON s.id = l.slip_id
       JOIN visits v ON v.id = s.visit_id LEFT JOIN members m ON m.id = v.member_id JOIN staff st ON st.id = c.by
       WHERE c.at >= ? AND c.at < ? ORDER BY c.at, c.id`,
  ).all(fromIso, toIso);
}
