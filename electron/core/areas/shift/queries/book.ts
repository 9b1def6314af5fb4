/**
 * The reads the handover book and the charts are computed from: other areas' records of a time
 * window (visits and key tags, the audit of tags handed out, stored-value top-ups, bar lines). Rows are typed by the
 * statement (`stmt<Params, Row>`), never cast.
 */
import type { MemberGender, PaymentMethod } from '../../../contract/types';
import type { DB } from '../../../db/database';
import { stmt } from '../../../kernel/statements';
import type { VisitKind } from '../../checkin/types';

// ---- the handover book: visits and key tags -----------------------------------------------------

/** A visit as the handover book lists it. */
export interface VisitBriefRow {
  id: number;
  kind: VisitKind;
  /** The member's or the guest's name ('' when neither). */
  name: string;
  card_no: string | null;
  gender: MemberGender;
  tag_id: number | null;
  tag_number: number | null;
  checked_in_at: string;
}

const VISIT_BRIEF = `SELECT v.id, v.kind, coalesce(m.name, v.guest_name, '') AS name, m.card_no, v.gender, v.tag_id,
    t.number AS tag_number, v.checked_in_at
  FROM visits v LEFT JOIN members m ON m.id = v.member_id LEFT JOIN key_tags t ON t.id = v.tag_id`;

/** Check-ins of [from, to), in order. */
export function visitsCheckedInBetween(db: DB, fromIso: string, toIso: string): VisitBriefRow[] {
  return stmt<[string, string], VisitBriefRow>(
    db,
    `${VISIT_BRIEF} WHERE v.checked_in_at >= ? AND v.checked_in_at < ? ORDER BY v.checked_in_at, v.id`,
  ).all(fromIso, toIso);
}

export function visitBrief(db: DB, id: number): VisitBriefRow | undefined {
  return stmt<[number], VisitBriefRow>(db, `${VISIT_BRIEF} WHERE v.id = ?`).get(id);
}

/** Everyone inside now with a tag, by tag number. */
export function openVisitsWithTag(db: DB): VisitBriefRow[] {
  return stmt<[], VisitBriefRow>(
    db,
    `${VISIT_BRIEF} WHERE v.checked_out_at IS NULL AND v.tag_id IS NOT NULL ORDER BY t.number`,
  ).all();
}

/** Everyone inside now, by tag number. */
export function openVisits(db: DB): VisitBriefRow[] {
  return stmt<[], VisitBriefRow>(
    db,
    `${VISIT_BRIEF} WHERE v.checked_out_at IS NULL ORDER BY t.number, v.id`,
  ).all();
}

export interface LostTagRow {
  id: number;
  name: string;
  card_no: string | null;
  tag_number: number | null;
  checked_out_at: string;
}

/** Visits checked out in [from, to) without handing their tag back. */
export function tagsLostBetween(db: DB, fromIso: string, toIso: string): LostTagRow[] {
  return stmt<[string, string], LostTagRow>(
    db,
    `SELECT v.id, coalesce(m.name, v.guest_name, '') AS name, m.card_no, t.number AS tag_number, v.checked_out_at
       FROM visits v LEFT JOIN members m ON m.id = v.member_id LEFT JOIN key_tags t ON t.id = v.tag_id
       WHERE v.checkout_kind = 'tag_not_returned' AND v.checked_out_at >= ? AND v.checked_out_at < ?
       ORDER BY v.checked_out_at`,
  ).all(fromIso, toIso);
}

/** Numbers of the tags marked issued that no open visit holds. */
export function strayIssuedTags(db: DB): number[] {
  return stmt<[], { number: number }>(
    db,
    `SELECT t.number FROM key_tags t WHERE t.status = 'issued'
         AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.tag_id = t.id AND v.checked_out_at IS NULL)
       ORDER BY t.number`,
  )
    .all()
    .map((r) => r.number);
}

export interface TagIssueRow {
  entity_id: string;
  tag: number;
  at: string;
}

/**
 * Tags handed out in [from, to): check-ins with a tag and tag changes, from the audit log. Read
 * through the time index: left to itself SQLite takes the (entity, entity_id) index and reads every
 * visit entry of the year (hundreds of thousands) instead of the shift's few thousand entries.
 */
export function tagIssuesBetween(db: DB, fromIso: string, toIso: string): TagIssueRow[] {
  return stmt<[string, string], TagIssueRow>(
    db,
    `SELECT entity_id, json_extract(after_json, '$.tag') AS tag, at FROM audit_log INDEXED BY audit_log_at
       WHERE at >= ? AND at < ? AND entity = 'visit'
         AND op IN ('checkin.scan', 'checkin.guest', 'checkin.changeTag')
         AND json_extract(after_json, '$.tag') IS NOT NULL
       ORDER BY id`,
  ).all(fromIso, toIso);
}

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

/** The check-in times of [from, to) (the charts). */
export function checkInTimesBetween(db: DB, fromIso: string, toIso: string): string[] {
  return stmt<[string, string], { checked_in_at: string }>(
    db,
    'SELECT checked_in_at FROM visits WHERE checked_in_at >= ? AND checked_in_at < ?',
  )
    .all(fromIso, toIso)
    .map((r) => r.checked_in_at);
}

// ---- the handover book: money -------------------------------------------------------------------

export interface TopupSumRow {
  method: PaymentMethod;
  n: number;
  c: number;
}

/** Stored-value top-ups of [from, to) by method. */
export function topupsByMethod(db: DB, fromIso: string, toIso: string): TopupSumRow[] {
  return stmt<[string, string], TopupSumRow>(
    db,
    `SELECT p.method, count(DISTINCT s.id) AS n, sum(p.amount_cents) AS c FROM settlements s
       JOIN payments p ON p.settlement_id = s.id
       WHERE s.kind = 'topup' AND s.at >= ? AND s.at < ? GROUP BY p.method`,
  ).all(fromIso, toIso);
}

export function topupCount(db: DB, fromIso: string, toIso: string): number {
  return stmt<[string, string], { n: number }>(
    db,
    "SELECT count(*) AS n FROM settlements WHERE kind = 'topup' AND at >= ? AND at < ?",
  ).get(fromIso, toIso)!.n;
}

/** Bar sales (not voided) of slips written in [from, to). */
export function barSalesCents(db: DB, fromIso: string, toIso: string): number {
  return stmt<[string, string], { c: number }>(
    db,
    `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       WHERE s.created_at >= ? AND s.created_at < ? AND l.voided_at IS NULL`,
  ).get(fromIso, toIso)!.c;
}

/** Tabs of visits checked out in [from, to) left unpaid with a shift lead's authorisation. */
export function unpaidLeftCents(db: DB, fromIso: string, toIso: string): number {
  return stmt<[string, string], { c: number }>(
    db,
    `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
       JOIN visits v ON v.id = s.visit_id
       WHERE v.unpaid_allowed_by IS NOT NULL AND v.checked_out_at >= ? AND v.checked_out_at < ?
         AND l.settlement_id IS NULL AND l.voided_at IS NULL`,
  ).get(fromIso, toIso)!.c;
}
