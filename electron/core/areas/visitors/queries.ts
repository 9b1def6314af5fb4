/**
 * The visitors area's SQL for walk-in visitors, their calls and disputes, and who was passed over.
 * Rows are typed by the statement (`stmt<Params, Row>`), never cast; a `…Row` type is a database row
 * with the database's column names (the contract's types use domain names, see handlers/views.ts
 * for the mapping). Appointments and phone inquiries are in leadQueries.ts, the handover's and the
 * consultant report's figures in reportQueries.ts.
 */
import type { Gender } from '../../contract/types';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { ReasonParams, SkipReason } from '../rotation/types';
import type {
  CallBasis,
  CallStatus,
  DecisionCode,
  DisputeDecision,
  DisputeStatus,
  VisitorOutcome,
  VisitorStatus,
} from './types';

// ---- visitors -----------------------------------------------------------------------------------

/** A row of `visitors`. */
export interface VisitorRow {
  id: number;
  day: string;
  name: string;
  phone: string;
  phone_norm: string;
  gender: Gender;
  heard_from: string;
  /** JSON array of strings. */
  interests: string;
  first_visit: number;
  met_before: number;
  met_consultant_id: number | null;
  stated_appointment: number;
  stated_appointment_with: number | null;
  appointment_id: number | null;
  note: string;
  registered_at: string;
  registered_by: number;
  basis: CallBasis;
  reason_code: DecisionCode;
  /** JSON object: the reason's parameters. */
  reason_params: string;
  status: VisitorStatus;
  consultant_id: number | null;
  credit_consultant_id: number | null;
  accepted_at: string | null;
  handed_over_by: number | null;
  outcome: VisitorOutcome | null;
  outcome_card_type_id: number | null;
  outcome_follow_up_date: string | null;
  outcome_note: string | null;
  outcome_at: string | null;
  outcome_by: number | null;
  left_at: string | null;
  left_by: number | null;
}

/** A visitor with the names of the staff concerned, the card type sold and the open disputes. */
export interface VisitorJoinedRow extends VisitorRow {
  met_name: string | null;
  appt_with_name: string | null;
  registered_by_name: string;
  consultant_name: string | null;
  credit_name: string | null;
  handed_over_by_name: string | null;
  card_type_name: string | null;
  open_disputes: number;
}

const VISITOR_SELECT = `SELECT v.*, mc.name AS met_name, aw.name AS appt_with_name, rb.name AS registered_by_name,
    c.name AS consultant_name, cr.name AS credit_name, hb.name AS handed_over_by_name, ct.name AS card_type_name,
    (SELECT count(*) FROM visitor_disputes d WHERE d.visitor_id = v.id AND d.status = 'open') AS open_disputes
  FROM visitors v
  LEFT JOIN staff mc ON mc.id = v.met_consultant_id
  LEFT JOIN staff aw ON aw.id = v.stated_appointment_with
  JOIN staff rb ON rb.id = v.registered_by
  LEFT JOIN staff c ON c.id = v.consultant_id
  LEFT JOIN staff cr ON cr.id = v.credit_consultant_id
  LEFT JOIN staff hb ON hb.id = v.handed_over_by
  LEFT JOIN card_types ct ON ct.id = v.outcome_card_type_id`;

export function visitorById(db: DB, id: number): VisitorJoinedRow | undefined {
  return stmt<[number], VisitorJoinedRow>(db, `${VISITOR_SELECT} WHERE v.id = ?`).get(id);
}

/** The visitors of a club-local day, latest first. */
export function visitorsOn(db: DB, day: string): VisitorJoinedRow[] {
  return stmt<[string], VisitorJoinedRow>(db, `${VISITOR_SELECT} WHERE v.day = ? ORDER BY v.id DESC`).all(
    day,
  );
}

/** The visitors of the days from–to (of one consultant when given), latest first, at most 5,000. */
export function visitorsBetween(
  db: DB,
  from: string,
  to: string,
  consultantId: number | null,
): VisitorJoinedRow[] {
  return stmt<[string, string, number | null, number | null], VisitorJoinedRow>(
    db,
    `${VISITOR_SELECT} WHERE v.day >= ? AND v.day <= ? AND (? IS NULL OR v.consultant_id = ?) ORDER BY v.id DESC LIMIT 5000`,
  ).all(from, to, consultantId, consultantId);
}

/** A visitor with this phone still being handled on the day (waiting, called, with a consultant). */
export function visitorBeingHandled(
  db: DB,
  phoneNorm: string,
  day: string,
): { name: string; consultant: string | null } | undefined {
  return stmt<[string, string], { name: string; consultant: string | null }>(
    db,
    `SELECT v.name, c.name AS consultant FROM visitors v LEFT JOIN staff c ON c.id = v.consultant_id
       WHERE v.phone_norm = ? AND v.day = ? AND v.status IN ('waiting','calling','with_consultant') LIMIT 1`,
  ).get(phoneNorm, day);
}

/** For each of the day's visitors who was received: what the accepted call rested on. */
export function acceptedBasesOn(db: DB, day: string): { visitor_id: number; basis: CallBasis }[] {
  return stmt<[string], { visitor_id: number; basis: CallBasis }>(
    db,
    "SELECT k.visitor_id, k.basis FROM visitor_calls k JOIN visitors v ON v.id = k.visitor_id WHERE v.day = ? AND k.status = 'accepted'",
  ).all(day);
}

export function cardTypeExists(db: DB, id: number): boolean {
  return stmt<[number], { one: 1 }>(db, 'SELECT 1 AS one FROM card_types WHERE id = ?').get(id) !== undefined;
}

export interface NewVisitor {
  day: string;
  name: string;
  phoneNorm: string;
  gender: Gender;
  heardFrom: string;
  interests: string[];
  firstVisit: boolean;
  metBefore: boolean;
  metConsultantId: number | null;
  statedAppointment: boolean;
  statedAppointmentWith: number | null;
  appointmentId: number | null;
  note: string;
  registeredAt: string;
  registeredBy: number;
  basis: CallBasis;
  reasonCode: DecisionCode;
  reasonParams: ReasonParams;
}

/** Registers a visitor (waiting until a call is made); their id. */
export function insertVisitor(db: DB, v: NewVisitor): number {
  return Number(
    stmt(
      db,
      `INSERT INTO visitors (day, name, phone, phone_norm, gender, heard_from, interests, first_visit, met_before,
           met_consultant_id, stated_appointment, stated_appointment_with, appointment_id, note, registered_at,
           registered_by, basis, reason_code, reason_params, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting')`,
    ).run(
      v.day,
      v.name,
      v.phoneNorm,
      v.phoneNorm,
      v.gender,
      v.heardFrom,
      JSON.stringify(v.interests),
      v.firstVisit ? 1 : 0,
      v.metBefore ? 1 : 0,
      v.metConsultantId,
      v.statedAppointment ? 1 : 0,
      v.statedAppointmentWith,
      v.appointmentId,
      v.note,
      v.registeredAt,
      v.registeredBy,
      v.basis,
      v.reasonCode,
      JSON.stringify(v.reasonParams),
    ).lastInsertRowid,
  );
}

/** A visitor waits for a consultant or has one being called. */
export function setVisitorStatus(db: DB, id: number, status: 'waiting' | 'calling'): void {
  stmt<[VisitorStatus, number]>(db, 'UPDATE visitors SET status = ? WHERE id = ?').run(status, id);
}

/** The consultant received the visitor (and is credited with them). */
export function acceptVisitor(
  db: DB,
  id: number,
  consultantId: number,
  at: string,
  handedOverBy: number,
): void {
  stmt<[number, number, string, number, number]>(
    db,
    "UPDATE visitors SET status = 'with_consultant', consultant_id = ?, credit_consultant_id = ?, accepted_at = ?, handed_over_by = ? WHERE id = ?",
  ).run(consultantId, consultantId, at, handedOverBy, id);
}

export interface Outcome {
  outcome: VisitorOutcome;
  cardTypeId: number | null;
  followUpDate: string | null;
  note: string | null;
  at: string;
  by: number;
}

/** How the visit ended: the visitor is done. */
export function recordOutcome(db: DB, id: number, o: Outcome): void {
  stmt<[VisitorOutcome, number | null, string | null, string | null, string, number, number]>(
    db,
    `UPDATE visitors SET status = 'done', outcome = ?, outcome_card_type_id = ?, outcome_follow_up_date = ?, outcome_note = ?,
         outcome_at = ?, outcome_by = ? WHERE id = ?`,
  ).run(o.outcome, o.cardTypeId, o.followUpDate, o.note, o.at, o.by, id);
}

/** The visitor left before a consultant received them (a note given replaces the note). */
export function markLeft(db: DB, id: number, at: string, by: number, note: string): void {
  stmt<[string, number, string, string, number]>(
    db,
    "UPDATE visitors SET status = 'left', left_at = ?, left_by = ?, note = CASE WHEN ? = '' THEN note ELSE ? END WHERE id = ?",
  ).run(at, by, note, note, id);
}

/** A dispute moved the credit for the visitor to another consultant. */
export function setCredit(db: DB, id: number, consultantId: number): void {
  stmt<[number, number]>(db, 'UPDATE visitors SET credit_consultant_id = ? WHERE id = ?').run(
    consultantId,
    id,
  );
}

// ---- calls ----------------------------------------------------------------------------------------

/** A row of `visitor_calls`: a consultant called for a visitor. */
export interface CallRow {
  id: number;
  visitor_id: number;
  staff_id: number;
  basis: CallBasis;
  reason_code: DecisionCode;
  /** JSON object: the reason's parameters. */
  reason_params: string;
  turn_consumed: number;
  called_at: string;
  called_by: number;
  pages: number;
  last_paged_at: string;
  deadline_at: string;
  status: CallStatus;
  closed_at: string | null;
  closed_by: number | null;
}

/** A call with the names of the consultant called and of who called. */
export interface CallJoinedRow extends CallRow {
  staff_name: string;
  called_by_name: string;
}

const CALL_SELECT = `SELECT k.*, s.name AS staff_name, b.name AS called_by_name FROM visitor_calls k
  JOIN staff s ON s.id = k.staff_id JOIN staff b ON b.id = k.called_by`;

/** The visitor's open call, if any (there is at most one). */
export function openCallOf(db: DB, visitorId: number): CallJoinedRow | undefined {
  return stmt<[number], CallJoinedRow>(db, `${CALL_SELECT} WHERE k.visitor_id = ? AND k.status = 'open'`).get(
    visitorId,
  );
}

/** Every call made for the visitor, in order. */
export function callsOf(db: DB, visitorId: number): CallJoinedRow[] {
  return stmt<[number], CallJoinedRow>(db, `${CALL_SELECT} WHERE k.visitor_id = ? ORDER BY k.id`).all(
    visitorId,
  );
}

/** The visitor's latest no-show. */
export function lastNoShowOf(db: DB, visitorId: number): CallJoinedRow | undefined {
  return stmt<[number], CallJoinedRow>(
    db,
    `${CALL_SELECT} WHERE k.visitor_id = ? AND k.status = 'no_show' ORDER BY k.id DESC`,
  ).get(visitorId);
}

/** Open calls whose timer ran out by `nowIso`, the earliest deadline first. */
export function overdueCalls(db: DB, nowIso: string): CallJoinedRow[] {
  return stmt<[string], CallJoinedRow>(
    db,
    `${CALL_SELECT} WHERE k.status = 'open' AND k.deadline_at <= ? ORDER BY k.deadline_at, k.id`,
  ).all(nowIso);
}

/** Consultants who did not come when called for the visitor. */
export function noShowStaffOf(db: DB, visitorId: number): number[] {
  return stmt<[number], { staff_id: number }>(
    db,
    "SELECT staff_id FROM visitor_calls WHERE visitor_id = ? AND status = 'no_show'",
  )
    .all(visitorId)
    .map((r) => r.staff_id);
}

export interface NewCall {
  visitorId: number;
  staffId: number;
  basis: CallBasis;
  reasonCode: DecisionCode;
  reasonParams: ReasonParams;
  turnConsumed: boolean;
  at: string;
  by: number;
  deadlineAt: string;
}

/** Calls a consultant (page 1, the timer started). */
export function insertCall(db: DB, c: NewCall): void {
  stmt(
    db,
    `INSERT INTO visitor_calls (visitor_id, staff_id, basis, reason_code, reason_params, turn_consumed, called_at,
         called_by, pages, last_paged_at, deadline_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 'open')`,
  ).run(
    c.visitorId,
    c.staffId,
    c.basis,
    c.reasonCode,
    JSON.stringify(c.reasonParams),
    c.turnConsumed ? 1 : 0,
    c.at,
    c.by,
    c.at,
    c.deadlineAt,
  );
}

/** Pages the consultant again: the timer restarts. */
export function pageCall(db: DB, callId: number, at: string, deadlineAt: string): void {
  stmt<[string, string, number]>(
    db,
    'UPDATE visitor_calls SET pages = pages + 1, last_paged_at = ?, deadline_at = ? WHERE id = ?',
  ).run(at, deadlineAt, callId);
}

/** Closes a call: the consultant came (accepted) or did not (no_show). */
export function closeCall(
  db: DB,
  callId: number,
  status: 'accepted' | 'no_show',
  at: string,
  by: number,
): void {
  stmt<[CallStatus, string, number, number]>(
    db,
    'UPDATE visitor_calls SET status = ?, closed_at = ?, closed_by = ? WHERE id = ?',
  ).run(status, at, by, callId);
}

/** The visitor left: their open call is cancelled. */
export function cancelOpenCalls(db: DB, visitorId: number, at: string, by: number): void {
  stmt<[string, number, number]>(
    db,
    "UPDATE visitor_calls SET status = 'cancelled', closed_at = ?, closed_by = ? WHERE visitor_id = ? AND status = 'open'",
  ).run(at, by, visitorId);
}

// ---- disputes -------------------------------------------------------------------------------------

/** A row of `visitor_disputes`. */
export interface DisputeRow {
  id: number;
  visitor_id: number;
  raised_by: number;
  reason: string;
  raised_at: string;
  recorded_by: number;
  credit_before: number | null;
  status: DisputeStatus;
  decision: DisputeDecision | null;
  credit_to: number | null;
  decision_note: string | null;
  decided_at: string | null;
  decided_by: number | null;
}

/** A dispute with its visitor's name and day and the names of the staff concerned. */
export interface DisputeJoinedRow extends DisputeRow {
  visitor_name: string;
  visitor_day: string;
  raised_by_name: string;
  recorded_by_name: string;
  credit_before_name: string | null;
  credit_to_name: string | null;
  decided_by_name: string | null;
}

const DISPUTE_SELECT = `SELECT d.*, v.name AS visitor_name, v.day AS visitor_day, r.name AS raised_by_name,
    rec.name AS recorded_by_name, cb.name AS credit_before_name, ct.name AS credit_to_name, db.name AS decided_by_name
  FROM visitor_disputes d JOIN visitors v ON v.id = d.visitor_id
  JOIN staff r ON r.id = d.raised_by JOIN staff rec ON rec.id = d.recorded_by
  LEFT JOIN staff cb ON cb.id = d.credit_before LEFT JOIN staff ct ON ct.id = d.credit_to
  LEFT JOIN staff db ON db.id = d.decided_by`;

export function disputeById(db: DB, id: number): DisputeJoinedRow | undefined {
  return stmt<[number], DisputeJoinedRow>(db, `${DISPUTE_SELECT} WHERE d.id = ?`).get(id);
}

export function disputesOf(db: DB, visitorId: number): DisputeJoinedRow[] {
  return stmt<[number], DisputeJoinedRow>(db, `${DISPUTE_SELECT} WHERE d.visitor_id = ? ORDER BY d.id`).all(
    visitorId,
  );
}

/**
 * Disputes of a status ('all': any), latest first, at most 1,000; with `concerning` only those the
 * consultant raised, lost or won.
 */
export function disputes(
  db: DB,
  status: DisputeStatus | 'all',
  concerning: number | null,
): DisputeJoinedRow[] {
  const id = concerning ?? 0;
  return stmt<[string, string, number, number, number, number], DisputeJoinedRow>(
    db,
    `${DISPUTE_SELECT} WHERE (? = 'all' OR d.status = ?)
       AND (? = 0 OR d.raised_by = ? OR d.credit_before = ? OR d.credit_to = ?) ORDER BY d.id DESC LIMIT 1000`,
  ).all(status, status, concerning === null ? 0 : 1, id, id, id);
}

export interface NewDispute {
  visitorId: number;
  raisedBy: number;
  reason: string;
  at: string;
  recordedBy: number;
  creditBefore: number | null;
}

export function insertDispute(db: DB, d: NewDispute): number {
  return Number(
    stmt<[number, number, string, string, number, number | null]>(
      db,
      'INSERT INTO visitor_disputes (visitor_id, raised_by, reason, raised_at, recorded_by, credit_before) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(d.visitorId, d.raisedBy, d.reason, d.at, d.recordedBy, d.creditBefore).lastInsertRowid,
  );
}

export function decideDispute(
  db: DB,
  id: number,
  d: { decision: DisputeDecision; creditTo: number | null; note: string | null; at: string; by: number },
): void {
  stmt<[DisputeDecision, number | null, string | null, string, number, number]>(
    db,
    "UPDATE visitor_disputes SET status = 'decided', decision = ?, credit_to = ?, decision_note = ?, decided_at = ?, decided_by = ? WHERE id = ?",
  ).run(d.decision, d.creditTo, d.note, d.at, d.by, id);
}

// ---- passed over ----------------------------------------------------------------------------------

export interface SkipNamedRow {
  staff_id: number;
  name: string;
  reason: SkipReason;
  at: string;
}

/** Who was passed over for a visitor's or an inquiry's turn, in order. */
export function skipsOf(db: DB, col: 'visitor_id' | 'inquiry_id', id: number): SkipNamedRow[] {
  return stmt<[number], SkipNamedRow>(
    db,
    `SELECT k.staff_id, s.name, k.reason, k.at FROM rotation_skips k JOIN staff s ON s.id = k.staff_id WHERE k.${col} = ? ORDER BY k.id`,
  ).all(id);
}
