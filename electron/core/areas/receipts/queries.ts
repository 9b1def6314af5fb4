/**
 * All the receipts area's SQL: one settlement with everything it paid for (bar lines, charges, the
 * card sold), its payments, the stored value right after it, and the reprints counted in the
 * audit log. Read only.
 */
import type { PaymentMethod } from '../../contract/types';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { SettlementKind } from '../payments/types';

export interface SettlementRow {
  id: number;
  kind: SettlementKind;
  visit_id: number | null;
  member_id: number | null;
  bar_cents: number;
  charges_cents: number;
  total_cents: number;
  at: string;
  staff_name: string;
  member_name: string | null;
  card_no: string | null;
  guest_name: string | null;
  tag_no: number | null;
}

export function settlementById(db: DB, id: number): SettlementRow | undefined {
  return stmt<[number], SettlementRow>(
    db,
    `SELECT s.id, s.kind, s.visit_id, s.member_id, s.bar_cents, s.charges_cents, s.total_cents, s.at,
            st.name AS staff_name, m.name AS member_name, m.card_no, v.guest_name, k.number AS tag_no
       FROM settlements s
       JOIN staff st ON st.id = s.by
       LEFT JOIN members m ON m.id = s.member_id
       LEFT JOIN visits v ON v.id = s.visit_id
       LEFT JOIN key_tags k ON k.id = v.tag_id
      WHERE s.id = ?`,
  ).get(id);
}

export interface BarLineRow {
  item_name: string;
  unit_price_cents: number;
  quantity: number;
  amount_cents: number;
}

/** The bar lines this settlement paid, the same drink at the same price added up, in the order first written. */
export function barLines(db: DB, settlementId: number): BarLineRow[] {
  return stmt<[number], BarLineRow>(
    db,
    `SELECT item_name, unit_price_cents, sum(quantity) AS quantity, sum(amount_cents) AS amount_cents
       FROM bar_slip_lines WHERE settlement_id = ?
      GROUP BY item_id, item_name, unit_price_cents ORDER BY min(id)`,
  ).all(settlementId);
}

export interface ChargeRow {
  kind: 'lost_tag';
  amount_cents: number;
}

export function charges(db: DB, settlementId: number): ChargeRow[] {
  return stmt<[number], ChargeRow>(
    db,
    'SELECT kind, amount_cents FROM member_charges WHERE settlement_id = ? ORDER BY id',
  ).all(settlementId);
}

export interface SaleRow {
  kind: 'sale' | 'renewal' | 'upgrade';
  quantity: number;
  paid_cents: number;
  card_type_name: string;
  expiry_date: string | null;
  visits_left: number | null;
}

/** The card sold with this settlement (its name as recorded then, not the catalogue's price). */
export function sale(db: DB, settlementId: number): SaleRow | undefined {
  return stmt<[number], SaleRow>(
    db,
    `SELECT e.kind, e.quantity, e.paid_cents,
            coalesce(json_extract(e.after_json, '$.cardTypeName'), t.name) AS card_type_name,
            json_extract(e.after_json, '$.expiryDate') AS expiry_date,
            json_extract(e.after_json, '$.visitsLeft') AS visits_left
       FROM member_entitlements e JOIN card_types t ON t.id = e.card_type_id
      WHERE e.settlement_id = ? AND e.kind IN ('sale','renewal','upgrade')`,
  ).get(settlementId);
}

export interface PaymentRow {
  method: PaymentMethod;
  amount_cents: number;
  tendered_cents: number | null;
  change_cents: number | null;
  reference: string | null;
}

export function payments(db: DB, settlementId: number): PaymentRow[] {
  return stmt<[number], PaymentRow>(
    db,
    `SELECT method, amount_cents, tendered_cents, change_cents, reference
       FROM payments WHERE settlement_id = ? ORDER BY id`,
  ).all(settlementId);
}

/**
 * The member's stored value right after this settlement: the balance of the last ledger entry
 * written with it or before it (ledger ids grow with time). undefined: the member never had a
 * ledger entry by then.
 */
export function storedValueAfter(db: DB, memberId: number, settlementId: number): number | undefined {
  return stmt<[number, number, number], { c: number }>(
    db,
    `SELECT l.balance_after_cents AS c FROM stored_value_ledger l
      WHERE l.member_id = ?
        AND l.id <= coalesce(
              (SELECT max(l2.id) FROM stored_value_ledger l2 JOIN payments p ON p.id = l2.payment_id
                WHERE p.settlement_id = ?),
              (SELECT coalesce(max(l3.id), 0) FROM stored_value_ledger l3
                WHERE l3.at <= (SELECT at FROM settlements WHERE id = ?)))
      ORDER BY l.id DESC LIMIT 1`,
  ).get(memberId, settlementId, settlementId)?.c;
}

/** Reprints of this settlement's receipt so far (each is an audit entry). */
export function reprintCount(db: DB, settlementId: number): number {
  return stmt<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM audit_log WHERE op = 'receipts.reprint' AND entity = 'settlement' AND entity_id = ?`,
  ).get(String(settlementId))!.n;
}
