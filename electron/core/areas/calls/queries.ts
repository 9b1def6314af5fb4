/** All the call list's SQL (call_settings, call_holidays, call_entries, call_reasons, call_outcomes: migration 0014). */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { CallOutcome, CallReason, Satisfaction } from './types';

// ---- settings --------------------------------------------------------------------------------

export interface SettingsRow {
  reminder_days: string;
  visits_left: number;
  absent_days: string;
  first_call_days: number;
  windows: string;
}

export function settingsRow(db: DB): SettingsRow {
  return stmt<[], SettingsRow>(
    db,
    'SELECT reminder_days, visits_left, absent_days, first_call_days, windows FROM call_settings WHERE id = 1',
  ).get()!;
}

export function updateSettings(db: DB, s: SettingsRow): void {
  stmt<SettingsRow>(
    db,
    `UPDATE call_settings SET reminder_days = @reminder_days, visits_left = @visits_left,
       absent_days = @absent_days, first_call_days = @first_call_days, windows = @windows WHERE id = 1`,
  ).run(s);
}

export function holidays(db: DB): { day: string; name: string }[] {
  return stmt<[], { day: string; name: string }>(
    db,
    'SELECT day, name FROM call_holidays ORDER BY day',
  ).all();
}

export function replaceHolidays(db: DB, list: { day: string; name: string }[]): void {
  stmt(db, 'DELETE FROM call_holidays').run();
  for (const h of list)
    stmt<[string, string]>(db, 'INSERT INTO call_holidays (day, name) VALUES (?, ?)').run(h.day, h.name);
}

// ---- the records the list is made from -------------------------------------------------------

/** An active member with what the reasons need. */
export interface MemberFactsRow {
  id: number;
  consultant_id: number | null;
  start_date: string;
  expiry_date: string | null;
  visits_left: number | null;
  created_at: string;
  last_visit_at: string | null;
  first_visit_at: string | null;
  /** The member's latest entitlement change (a new card period starts a new one). */
  last_entitlement_id: number | null;
  imported: number;
  inside: number;
}

export function memberFacts(db: DB): MemberFactsRow[] {
  return stmt<[], MemberFactsRow>(
    db,
    `SELECT m.id, m.consultant_id, m.start_date, m.expiry_date, m.visits_left, m.created_at,
       (SELECT max(v.checked_in_at) FROM visits v WHERE v.member_id = m.id) AS last_visit_at,
       (SELECT min(v.checked_in_at) FROM visits v WHERE v.member_id = m.id) AS first_visit_at,
       (SELECT max(e.id) FROM member_entitlements e WHERE e.member_id = m.id) AS last_entitlement_id,
       EXISTS (SELECT 1 FROM member_entitlements e WHERE e.member_id = m.id AND e.kind IN ('import', 'initial')) AS imported,
       EXISTS (SELECT 1 FROM visits v WHERE v.member_id = m.id AND v.checked_out_at IS NULL) AS inside
     FROM members m WHERE m.active = 1`,
  ).all();
}

export interface VisitorFactsRow {
  id: number;
  day: string;
  owner_id: number | null;
}

/** First-time visitors registered between two days who did not join. */
export function firstVisitors(db: DB, from: string, to: string): VisitorFactsRow[] {
  return stmt<[string, string], VisitorFactsRow>(
    db,
    `SELECT id, day, coalesce(credit_consultant_id, consultant_id) AS owner_id FROM visitors
     WHERE first_visit = 1 AND day BETWEEN ? AND ? AND (outcome IS NULL OR outcome <> 'joined')`,
  ).all(from, to);
}

export interface ComplaintFactsRow {
  id: number;
  member_id: number | null;
  owner_id: number | null;
  resolved_at: string;
}

/** Complaints resolved since a moment whose after-care answer is not filed yet. */
export function resolvedComplaints(db: DB, since: string): ComplaintFactsRow[] {
  return stmt<[string], ComplaintFactsRow>(
    db,
    `SELECT c.id, c.member_id, m.consultant_id AS owner_id, c.resolved_at FROM complaints c
     LEFT JOIN members m ON m.id = c.member_id
     WHERE c.resolved_at IS NOT NULL AND c.resolved_at >= ? AND c.status IN ('resolved', 'closed')
       AND c.aftercare_at IS NULL`,
  ).all(since);
}

/** Active consultants: signed in today first (in sign-in order), then the rest. */
export function consultantsForRotation(db: DB, day: string): { id: number }[] {
  return stmt<[string], { id: number }>(
    db,
    `SELECT s.id FROM staff s LEFT JOIN consultant_signins c ON c.staff_id = s.id AND c.day = ?
     WHERE s.role = 'consultant' AND s.active = 1
     ORDER BY c.seq IS NULL, c.seq, s.id`,
  ).all(day);
}

export function isActiveConsultant(db: DB, id: number): boolean {
  return (
    stmt<[number], { one: 1 }>(
      db,
      "SELECT 1 AS one FROM staff WHERE id = ? AND role = 'consultant' AND active = 1",
    ).get(id) !== undefined
  );
}

/** How many entries each consultant got on a day's list. */
export function listedCounts(db: DB, day: string): Map<number, number> {
  const rows = stmt<[string], { id: number; n: number }>(
    db,
    'SELECT consultant_id AS id, count(*) AS n FROM call_entries WHERE listed_on = ? GROUP BY consultant_id',
  ).all(day);
  return new Map(rows.map((r) => [r.id, r.n]));
}

// ---- entries ---------------------------------------------------------------------------------

export function reasonKeyExists(db: DB, key: string): boolean {
  return (
    stmt<[string], { one: 1 }>(db, 'SELECT 1 AS one FROM call_reasons WHERE dedup_key = ?').get(key) !==
    undefined
  );
}

export function openEntryOf(db: DB, who: 'member' | 'visitor', id: number): number | undefined {
  const col = who === 'member' ? 'member_id' : 'visitor_id';
  return stmt<[number], { id: number }>(
    db,
    `SELECT id FROM call_entries WHERE ${col} = ? AND closed_at IS NULL AND complaint_id IS NULL`,
  ).get(id)?.id;
}

export function insertEntry(
  db: DB,
  e: {
    memberId: number | null;
    visitorId: number | null;
    complaintId: number | null;
    consultantId: number;
    basis: 'owner' | 'rotation';
    day: string;
    at: string;
  },
): number {
  return Number(
    stmt<typeof e>(
      db,
      `INSERT INTO call_entries (member_id, visitor_id, complaint_id, consultant_id, basis, listed_on, due_on, created_at)
       VALUES (@memberId, @visitorId, @complaintId, @consultantId, @basis, @day, @day, @at)`,
    ).run(e).lastInsertRowid,
  );
}

export function insertReason(db: DB, entryId: number, reason: CallReason, detail: string, key: string): void {
  stmt<[number, string, string, string]>(
    db,
    'INSERT INTO call_reasons (entry_id, reason, detail, dedup_key) VALUES (?, ?, ?, ?)',
  ).run(entryId, reason, detail, key);
}

/** An entry with the person's name, phone and card number. */
export interface EntryRow {
  id: number;
  member_id: number | null;
  visitor_id: number | null;
  complaint_id: number | null;
  consultant_id: number;
  consultant_name: string;
  basis: 'owner' | 'rotation' | 'manager';
  listed_on: string;
  due_on: string;
  created_at: string;
  closed_at: string | null;
  card_no: string | null;
  name: string;
  phone: string | null;
}

const ENTRY_SELECT = `SELECT e.*, s.name AS consultant_name, m.card_no,
    coalesce(m.name, v.name, c.complainant_name) AS name,
    CASE WHEN m.id IS NOT NULL THEN m.phone WHEN v.id IS NOT NULL THEN v.phone ELSE c.contact END AS phone
  FROM call_entries e JOIN staff s ON s.id = e.consultant_id
  LEFT JOIN complaints c ON c.id = e.complaint_id
  LEFT JOIN members m ON m.id = coalesce(e.member_id, c.member_id)
  LEFT JOIN visitors v ON v.id = e.visitor_id`;

export function entryById(db: DB, id: number): EntryRow | undefined {
  return stmt<[number], EntryRow>(db, `${ENTRY_SELECT} WHERE e.id = ?`).get(id);
}

/**
 * A day's list: open entries due by that day, and entries called or closed that day (between the
 * day's UTC bounds); one consultant's or everyone's (consultant 0).
 */
export function dayEntries(
  db: DB,
  p: { day: string; from: string; to: string; consultant: number },
): EntryRow[] {
  return stmt<typeof p, EntryRow>(
    db,
    `${ENTRY_SELECT}
     WHERE (@consultant = 0 OR e.consultant_id = @consultant)
       AND ((e.closed_at IS NULL AND e.due_on <= @day)
         OR EXISTS (SELECT 1 FROM call_outcomes o WHERE o.entry_id = e.id AND o.at >= @from AND o.at < @to))
     ORDER BY e.due_on, e.id LIMIT 2000`,
  ).all(p);
}

export interface ReasonRow {
  entry_id: number;
  reason: CallReason;
  detail: string;
}

export function reasonsOf(db: DB, entryId: number): ReasonRow[] {
  return stmt<[number], ReasonRow>(
    db,
    'SELECT entry_id, reason, detail FROM call_reasons WHERE entry_id = ? ORDER BY id',
  ).all(entryId);
}

export interface OutcomeRow {
  id: number;
  entry_id: number;
  outcome: CallOutcome;
  callback_on: string | null;
  satisfaction: Satisfaction | null;
  requests: string;
  note: string;
  appointment_id: number | null;
  at: string;
  by: number;
  by_name: string;
}

export function outcomesOf(db: DB, entryId: number): OutcomeRow[] {
  return stmt<[number], OutcomeRow>(
    db,
    `SELECT o.*, s.name AS by_name FROM call_outcomes o JOIN staff s ON s.id = o.by
     WHERE o.entry_id = ? ORDER BY o.id`,
  ).all(entryId);
}

export function insertOutcome(
  db: DB,
  o: {
    entryId: number;
    outcome: CallOutcome;
    callbackOn: string | null;
    satisfaction: Satisfaction | null;
    requests: string;
    note: string;
    appointmentId: number | null;
    at: string;
    by: number;
  },
): number {
  return Number(
    stmt<typeof o>(
      db,
      `INSERT INTO call_outcomes (entry_id, outcome, callback_on, satisfaction, requests, note, appointment_id, at, by)
       VALUES (@entryId, @outcome, @callbackOn, @satisfaction, @requests, @note, @appointmentId, @at, @by)`,
    ).run(o).lastInsertRowid,
  );
}

export function closeEntry(db: DB, id: number, at: string): void {
  stmt<[string, number]>(db, 'UPDATE call_entries SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(
    at,
    id,
  );
}

export function setDue(db: DB, id: number, due: string): void {
  stmt<[string, number]>(db, 'UPDATE call_entries SET due_on = ? WHERE id = ?').run(due, id);
}

export function reassign(db: DB, id: number, consultantId: number): void {
  stmt<[number, number]>(
    db,
    "UPDATE call_entries SET consultant_id = ?, basis = 'manager' WHERE id = ? AND closed_at IS NULL",
  ).run(consultantId, id);
}

// ---- the summary -----------------------------------------------------------------------------

export interface SummaryCallRow {
  entry_id: number;
  outcome: CallOutcome;
  satisfaction: Satisfaction | null;
  requests: string;
  at: string;
  by: number;
  by_name: string;
  name: string;
  member_id: number | null;
  /** A card sale, renewal or upgrade of the member within 30 days after the call. */
  renewed_after: number;
}

export function callsBetween(db: DB, from: string, to: string): SummaryCallRow[] {
  return stmt<[string, string], SummaryCallRow>(
    db,
    `SELECT o.entry_id, o.outcome, o.satisfaction, o.requests, o.at, o.by, s.name AS by_name,
       coalesce(m.name, v.name, c.complainant_name) AS name, m.id AS member_id,
       EXISTS (SELECT 1 FROM member_entitlements me WHERE me.member_id = m.id
         AND me.kind IN ('sale', 'renewal', 'upgrade') AND me.at > o.at
         AND me.at <= strftime('%Y-%m-%dT%H:%M:%fZ', o.at, '+30 days')) AS renewed_after
     FROM call_outcomes o JOIN staff s ON s.id = o.by JOIN call_entries e ON e.id = o.entry_id
     LEFT JOIN complaints c ON c.id = e.complaint_id
     LEFT JOIN members m ON m.id = coalesce(e.member_id, c.member_id)
     LEFT JOIN visitors v ON v.id = e.visitor_id
     WHERE o.at >= ? AND o.at < ? ORDER BY o.at, o.id`,
  ).all(from, to);
}

export function listedBetween(
  db: DB,
  first: string,
  last: string,
): { id: number; name: string; n: number }[] {
  return stmt<[string, string], { id: number; name: string; n: number }>(
    db,
    `SELECT e.consultant_id AS id, s.name, count(*) AS n FROM call_entries e JOIN staff s ON s.id = e.consultant_id
     WHERE e.listed_on BETWEEN ? AND ? GROUP BY e.consultant_id ORDER BY s.name`,
  ).all(first, last);
}
