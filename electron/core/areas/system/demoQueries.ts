/**
 * The demo club's SQL: it writes straight into the other areas' tables (card types, members, visits,
 * the bar, a shift, incidents, complaints) the rows their rules would have written, so the demo is
 * a club in the middle of its day. Rows are typed by the statement (`stmt<Params, Row>`), never cast.
 */
import type { CardKind, MemberGender } from '../../contract/types';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { CheckoutKind, VisitKind } from '../checkin/types';
import type { TagStatus } from '../tags/types';

type SqlValue = string | number | null;
const id = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);

// ---- card types, members ------------------------------------------------------------------

export function insertCardType(
  db: DB,
  t: { name: string; kind: CardKind; days: number | null; visits: number | null; price: number },
  nowIso: string,
): number {
  return id(
    stmt<[string, CardKind, number | null, number | null, number, string, string]>(
      db,
      `INSERT INTO card_types (name, kind, duration_days, visit_count, price_cents, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.name, t.kind, t.days, t.visits, t.price, nowIso, nowIso),
  );
}

/** A member frozen [from, to] (its expiry moved by the frozen days), with the freeze recorded. */
export function freezeMember(
  db: DB,
  memberId: number,
  f: { from: string; to: string; reason: string; days: number; expiryDate: string | null },
  nowIso: string,
  by: number,
): void {
  stmt<[string, string, string, string | null, number]>(
    db,
    `UPDATE members SET frozen_from = ?, frozen_to = ?, frozen_reason = ?, expiry_date = ? WHERE id = ?`,
  ).run(f.from, f.to, f.reason, f.expiryDate, memberId);
  stmt<[number, string, string, string, number, string, number]>(
    db,
    `INSERT INTO member_freezes (member_id, from_date, to_date, reason, extended_days, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(memberId, f.from, f.to, f.reason, f.days, nowIso, by);
}

export function deactivateMember(db: DB, memberId: number): void {
  stmt<[number]>(db, 'UPDATE members SET active = 0 WHERE id = ?').run(memberId);
}

/** An unpaid lost-tag fee (20.00) on the member's account. */
export function insertLostTagCharge(
  db: DB,
  memberId: number,
  note: string,
  nowIso: string,
  by: number,
): void {
  stmt<[number, string, string, number]>(
    db,
    `INSERT INTO member_charges (member_id, kind, amount_cents, note, created_at, created_by) VALUES (?, 'lost_tag', 2000, ?, ?, ?)`,
  ).run(memberId, note, nowIso, by);
}

/** A stored-value balance is always the sum of its ledger: the demo balance is an opening entry. */
export function openStoredValue(
  db: DB,
  memberId: number,
  cents: number,
  reason: string,
  nowIso: string,
  by: number,
): void {
  stmt<[number, number]>(db, 'UPDATE members SET stored_value_cents = ? WHERE id = ?').run(cents, memberId);
  stmt<[number, number, number, string, string, number]>(
    db,
    `INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, reason, at, by)
         VALUES (?, 'opening', ?, ?, ?, ?, ?)`,
  ).run(memberId, cents, cents, reason, nowIso, by);
}

// ---- key tags, visits, the shift ----------------------------------------------------------

/** The id of a tag the demo seeded (1…60). */
export function tagIdByNumber(db: DB, number: number): number {
  return stmt<[number], { id: number }>(db, 'SELECT id FROM key_tags WHERE number = ?').get(number)!.id;
}

export function setTagStatusByNumber(db: DB, number: number, status: TagStatus, sinceIso: string): void {
  stmt<[TagStatus, string, number]>(
    db,
    'UPDATE key_tags SET status = ?, status_since = ? WHERE number = ?',
  ).run(status, sinceIso, number);
}

/** kind, member, guest name, guest phone, gender, tag, in at/by, out at/by, checkout kind, visit consumed. */
export type DemoVisit = [
  VisitKind,
  number | null,
  string | null,
  string | null,
  MemberGender,
  number | null,
  string,
  number,
  string | null,
  number | null,
  CheckoutKind | null,
  number,
];

export function insertVisit(db: DB, ...v: DemoVisit): void {
  stmt<DemoVisit>(
    db,
    `INSERT INTO visits (kind, member_id, guest_name, guest_phone, gender, tag_id, checked_in_at, checked_in_by,
                         checked_out_at, checked_out_by, checkout_kind, visit_consumed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...v);
}

/** Today's shift, open, with its float and opening checklist. */
export function insertOpenShift(
  db: DB,
  s: { day: string; nowIso: string; by: number; staffJson: string; checklistJson: string },
): number {
  return id(
    stmt<[string, string, number, string, string, string]>(
      db,
      `INSERT INTO shifts (day, status, opened_at, opened_by, window_from, staff_json, float_prefill_cents,
           float_cents, checklist_json)
         VALUES (?, 'open', ?, ?, ?, ?, 50000, 50000, ?)`,
    ).run(s.day, s.nowIso, s.by, s.nowIso, s.staffJson, s.checklistJson),
  );
}

// ---- the bar --------------------------------------------------------------------------------

export function insertBarItem(
  db: DB,
  name: string,
  category: string,
  priceCents: number,
  sort: number,
  at: string,
  favourite = false,
  point: 'bar' | 'shop' = 'bar',
): number {
  return id(
    stmt<[string, string, number, string, number, number, string, string, string]>(
      db,
      'INSERT INTO bar_items (name, category, price_cents, notes, sort, favourite, created_at, updated_at, point) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(name, category, priceCents, '', sort, favourite ? 1 : 0, at, at, point),
  );
}

export function insertStockMove(
  db: DB,
  m: {
    itemId: number;
    kind: 'delivery' | 'sale';
    quantity: number;
    lineId: number | null;
    note: string | null;
  },
  at: string,
  by: number,
): void {
  stmt<[number, string, number, number | null, string | null, string, number]>(
    db,
    'INSERT INTO stock_moves (item_id, kind, quantity, line_id, note, at, by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(m.itemId, m.kind, m.quantity, m.lineId, m.note, at, by);
}

/** The first three open member visits holding a tag. */
export function openMemberVisitIds(db: DB): number[] {
  return stmt<[], { id: number }>(
    db,
    `SELECT v.id FROM visits v JOIN key_tags t ON t.id = v.tag_id
       WHERE v.checked_out_at IS NULL AND v.kind = 'member' ORDER BY v.id LIMIT 3`,
  )
    .all()
    .map((r) => r.id);
}

/** A slip written at the bar, or at the pro shop (专卖区) at the desk. */
export function insertBarSlip(
  db: DB,
  visitId: number,
  at: string,
  by: number,
  point: 'bar' | 'shop' = 'bar',
): number {
  return id(
    stmt<[number, string, number, string]>(
      db,
      'INSERT INTO bar_slips (visit_id, created_at, created_by, point) VALUES (?, ?, ?, ?)',
    ).run(visitId, at, by, point),
  );
}

export function insertBarSlipLine(
  db: DB,
  slipId: number,
  item: { id: number; name: string; price: number },
  quantity: number,
): number {
  return id(
    stmt<[number, number, string, number, number, number]>(
      db,
      'INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(slipId, item.id, item.name, item.price, quantity, item.price * quantity),
  );
}

// ---- incidents and complaints ---------------------------------------------------------------

/** A member the demo's incidents and complaints are about. */
export interface DemoMemberRow {
  id: number;
  card_no: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  consultant_id: number | null;
}

/** The first three active members with a birth date. */
export function incidentMembers(db: DB): DemoMemberRow[] {
  return stmt<[], DemoMemberRow>(
    db,
    `SELECT id, card_no, name, gender, birth_date, consultant_id FROM members
       WHERE active = 1 AND birth_date IS NOT NULL ORDER BY id LIMIT 3`,
  ).all();
}

/** An incident: the 35 columns of the INSERT below, in order. */
export function insertIncident(db: DB, values: SqlValue[]): number {
  return id(
    stmt<SqlValue[]>(
      db,
      `INSERT INTO incidents (status, opened_at, opened_by, occurred_at, place, what, kind, severity,
       member_id, member_card_no, member_name, member_gender, member_age, harm, cs_manager_id, cs_manager_told_at,
       duty_coach, duty_coach_told_at, first_aid_by, first_aid, statement_taken_by, statement_signed_at,
       hospital, hospital_name, hospital_accompanied_by, examination_cost_cents, examination_result, exam_confirmed_at,
       member_request, compensation_asked_cents, compensation_agreed_cents, handling_opinion, closed_at, closed_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...values),
  );
}

/** incident, kind, due date, assigned to, note, created at/by, done at/by, outcome. */
export type DemoFollowUp = [
  number,
  string,
  string,
  number,
  string,
  string,
  number,
  string | null,
  number | null,
  string | null,
];

export function insertFollowUp(db: DB, ...f: DemoFollowUp): void {
  stmt<DemoFollowUp>(
    db,
    `INSERT INTO incident_follow_ups (incident_id, kind, due_date, assigned_to, note, created_at, created_by, done_at, done_by, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...f);
}

export function setConsultantTold(db: DB, incidentId: number, at: string, by: number): void {
  stmt<[string, number, number]>(
    db,
    'UPDATE incidents SET consultant_told_at = ?, consultant_told_by = ? WHERE id = ?',
  ).run(at, by, incidentId);
}

export function insertAddendum(db: DB, incidentId: number, text: string, at: string, by: number): void {
  stmt<[number, string, string, number]>(
    db,
    'INSERT INTO incident_addenda (incident_id, text, at, by) VALUES (?, ?, ?, ?)',
  ).run(incidentId, text, at, by);
}

export function setCsManagerTold(db: DB, incidentId: number, csManagerId: number, at: string): void {
  stmt<[number, string, number]>(
    db,
    'UPDATE incidents SET cs_manager_id = ?, cs_manager_told_at = ? WHERE id = ?',
  ).run(csManagerId, at, incidentId);
}

/** A complaint: the 28 columns of the INSERT below, in order. */
export function insertComplaint(db: DB, values: SqlValue[]): void {
  stmt<SqlValue[]>(
    db,
    `INSERT INTO complaints (status, registered_at, registered_by, member_id, member_card_no, complainant_name, channel,
       what, staff_involved, department, supervisor_name, assigned_at, assigned_by, findings, findings_at, resolution,
       staff_action, resolved_at, resolved_by, escalated_at, escalated_by, escalation_report, reported_at, reported_by, updated_at,
       due_date, desired_outcome, agreed_outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...values);
}
