/**
 * All the check-in area's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never cast;
 * a `…Row` type is a database row with the database's column names (the contract's types use
 * domain names, see handlers.ts for the mapping).
 */
import type { MemberGender } from '../../contract/types';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import { LINE_SELECT, type LineRow } from '../payments';
import type { CheckoutKind, VisitKind } from './contract';

/** A row of `visits`. */
export interface VisitRow {
  id: number;
  kind: VisitKind;
  member_id: number | null;
  guest_name: string | null;
  guest_phone: string | null;
  gender: MemberGender;
  tag_id: number | null;
  checked_in_at: string;
  checked_in_by: number;
  checked_out_at: string | null;
  checked_out_by: number | null;
  checkout_kind: CheckoutKind | null;
  visit_consumed: number;
  override_by: number | null;
  override_reason: string | null;
  override_codes: string | null;
  unpaid_allowed_by: number | null;
  unpaid_reason: string | null;
}

/** A visit with its tag's number and its member's name and card number. */
export interface VisitJoinedRow extends VisitRow {
  tag_number: number | null;
  member_name: string | null;
  card_no: string | null;
}

const VISIT_SELECT = `SELECT v.*, t.number AS tag_number, m.name AS member_name, m.card_no
  FROM visits v LEFT JOIN key_tags t ON t.id = v.tag_id LEFT JOIN members m ON m.id = v.member_id`;

// ---- reading visits ---------------------------------------------------------------------------

export function visitById(db: DB, id: number): VisitJoinedRow | undefined {
  return stmt<[number], VisitJoinedRow>(db, `${VISIT_SELECT} WHERE v.id = ?`).get(id);
}

export function openVisitOfMember(db: DB, memberId: number): VisitJoinedRow | undefined {
  return stmt<[number], VisitJoinedRow>(
    db,
    `${VISIT_SELECT} WHERE v.member_id = ? AND v.checked_out_at IS NULL`,
  ).get(memberId);
}

export function openVisitByTag(db: DB, tagNumber: number): VisitJoinedRow | undefined {
  return stmt<[number], VisitJoinedRow>(
    db,
    `${VISIT_SELECT} WHERE t.number = ? AND v.checked_out_at IS NULL`,
  ).get(tagNumber);
}

export function tagNumberExists(db: DB, tagNumber: number): boolean {
  return (
    stmt<[number], { one: 1 }>(db, 'SELECT 1 AS one FROM key_tags WHERE number = ?').get(tagNumber) !==
    undefined
  );
}

/** Everyone inside now, latest check-in first; of one kind when given. */
export function insideVisits(db: DB, kind: VisitKind | undefined): VisitJoinedRow[] {
  const order = 'ORDER BY v.checked_in_at DESC, v.id DESC';
  return kind
    ? stmt<[VisitKind], VisitJoinedRow>(
        db,
        `${VISIT_SELECT} WHERE v.checked_out_at IS NULL AND v.kind = ? ${order}`,
      ).all(kind)
    : stmt<[], VisitJoinedRow>(db, `${VISIT_SELECT} WHERE v.checked_out_at IS NULL ${order}`).all();
}

/** Visits checked in since `fromIso` or still open, latest event (in or out) first. */
export function recentVisits(db: DB, fromIso: string, limit: number): VisitJoinedRow[] {
  return stmt<[string, number], VisitJoinedRow>(
    db,
    `${VISIT_SELECT} WHERE v.checked_in_at >= ? OR v.checked_out_at IS NULL
     ORDER BY max(v.checked_in_at, coalesce(v.checked_out_at, '')) DESC, v.id DESC LIMIT ?`,
  ).all(fromIso, limit);
}

/** Every bar line written on the visit, in order. */
export function tabLinesOfVisit(db: DB, visitId: number): LineRow[] {
  return stmt<[number], LineRow>(db, `${LINE_SELECT} WHERE s.visit_id = ? ORDER BY l.id`).all(visitId);
}

// ---- counts -------------------------------------------------------------------------------------

export interface EntryCountRow {
  kind: VisitKind;
  gender: MemberGender;
  n: number;
}

/** Check-ins in [from, to) by kind and gender. */
export function entriesByKindAndGender(db: DB, fromIso: string, toIso: string): EntryCountRow[] {
  return stmt<[string, string], EntryCountRow>(
    db,
    'SELECT kind, gender, count(*) AS n FROM visits WHERE checked_in_at >= ? AND checked_in_at < ? GROUP BY kind, gender',
  ).all(fromIso, toIso);
}

export function insideCount(db: DB): number {
  return stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM visits WHERE checked_out_at IS NULL').get()!
    .n;
}

export function tagCount(db: DB, status: 'issued' | 'available'): number {
  return stmt<[string], { n: number }>(db, 'SELECT count(*) AS n FROM key_tags WHERE status = ?').get(status)!
    .n;
}

// ---- writing ------------------------------------------------------------------------------------

export interface NewVisit {
  kind: VisitKind;
  memberId: number | null;
  guestName: string | null;
  guestPhone: string | null;
  gender: MemberGender;
  tagId: number | null;
  checkedInAt: string;
  checkedInBy: number;
  consumed: boolean;
  override: { by: number; reason: string; codes: string[] } | null;
}

/** Inserts a visit; its id. Throws SQLite's unique violation when the tag or member is on an open visit. */
export function insertVisit(db: DB, v: NewVisit): number {
  const r = stmt(
    db,
    `INSERT INTO visits (kind, member_id, guest_name, guest_phone, gender, tag_id, checked_in_at, checked_in_by,
                         visit_consumed, override_by, override_reason, override_codes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.kind,
    v.memberId,
    v.guestName,
    v.guestPhone,
    v.gender,
    v.tagId,
    v.checkedInAt,
    v.checkedInBy,
    v.consumed ? 1 : 0,
    v.override?.by ?? null,
    v.override?.reason ?? null,
    v.override ? JSON.stringify(v.override.codes) : null,
  );
  return Number(r.lastInsertRowid);
}

/** A visit of a visit card: one visit fewer. */
export function takeOneVisit(db: DB, memberId: number): void {
  stmt<[number]>(db, 'UPDATE members SET visits_left = visits_left - 1 WHERE id = ?').run(memberId);
}

export function setVisitTag(db: DB, visitId: number, tagId: number): void {
  stmt<[number, number]>(db, 'UPDATE visits SET tag_id = ? WHERE id = ?').run(tagId, visitId);
}

/** The visit's unpaid, unvoided bar lines are paid by this settlement. */
export function settleVisitLines(db: DB, visitId: number, settlementId: number): void {
  stmt<[number, number]>(
    db,
    `UPDATE bar_slip_lines SET settlement_id = ? WHERE settlement_id IS NULL AND voided_at IS NULL
       AND slip_id IN (SELECT id FROM bar_slips WHERE visit_id = ?)`,
  ).run(settlementId, visitId);
}

/** A shift lead let the member leave with the tab unpaid. */
export function allowUnpaid(db: DB, visitId: number, by: number, reason: string): void {
  stmt<[number, string, number]>(
    db,
    'UPDATE visits SET unpaid_allowed_by = ?, unpaid_reason = ? WHERE id = ?',
  ).run(by, reason, visitId);
}

export function closeVisit(db: DB, visitId: number, at: string, by: number, kind: CheckoutKind): void {
  stmt<[string, number, CheckoutKind, number]>(
    db,
    'UPDATE visits SET checked_out_at = ?, checked_out_by = ?, checkout_kind = ? WHERE id = ?',
  ).run(at, by, kind, visitId);
}

/** The lost-tag fee, charged to the member. */
export function insertLostTagCharge(
  db: DB,
  c: { memberId: number; amountCents: number; visitId: number; note: string; at: string; by: number },
): void {
  stmt<[number, number, number, string, string, number]>(
    db,
    `INSERT INTO member_charges (member_id, kind, amount_cents, visit_id, note, created_at, created_by)
     VALUES (?, 'lost_tag', ?, ?, ?, ?, ?)`,
  ).run(c.memberId, c.amountCents, c.visitId, c.note, c.at, c.by);
}
