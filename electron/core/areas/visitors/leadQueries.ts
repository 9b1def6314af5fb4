/**
 * The visitors area's SQL for leads that do not walk in: appointments (which give a consultant the
 * lead) and phone inquiries. Rows are typed by the statement (`stmt<Params, Row>`), never cast; a
 * `…Row` type is a database row with the database's column names.
 */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { CallBasis, Decision, DecisionCode } from './types';

// ---- appointments ---------------------------------------------------------------------------------

/** A row of `appointments`. */
export interface AppointmentRow {
  id: number;
  consultant_id: number;
  visitor_name: string;
  phone: string;
  phone_norm: string;
  appt_date: string;
  appt_time: string | null;
  place: string;
  note: string;
  fixed_at: string;
  created_at: string;
  created_by: number;
  cancelled_at: string | null;
  cancelled_by: number | null;
}

/** An appointment with the names of its consultant and of who recorded it. */
export interface AppointmentJoinedRow extends AppointmentRow {
  consultant_name: string;
  created_by_name: string;
}

const APPT_SELECT = `SELECT a.*, c.name AS consultant_name, b.name AS created_by_name FROM appointments a
  JOIN staff c ON c.id = a.consultant_id JOIN staff b ON b.id = a.created_by`;

export function appointmentById(db: DB, id: number): AppointmentJoinedRow | undefined {
  return stmt<[number], AppointmentJoinedRow>(db, `${APPT_SELECT} WHERE a.id = ?`).get(id);
}

/**
 * Appointments dated from–to (of one phone when `phoneNorm` is not '', of one consultant when
 * given), in date and time order, at most 2,000.
 */
export function appointmentsBetween(
  db: DB,
  from: string,
  to: string,
  phoneNorm: string,
  consultantId: number | null,
): AppointmentJoinedRow[] {
  return stmt<[string, string, string, string, number | null, number | null], AppointmentJoinedRow>(
    db,
    `${APPT_SELECT} WHERE a.appt_date >= ? AND a.appt_date <= ? AND (? = '' OR a.phone_norm = ?)
       AND (? IS NULL OR a.consultant_id = ?) ORDER BY a.appt_date, a.appt_time, a.fixed_at LIMIT 2000`,
  ).all(from, to, phoneNorm, phoneNorm, consultantId, consultantId);
}

export interface PhoneAppointmentRow {
  id: number;
  consultant_id: number;
  appt_date: string;
  place: string;
  fixed_at: string;
  /** The consultant's. */
  name: string;
}

/** The appointments not cancelled for a phone, the first fixed first. */
export function appointmentsForPhone(db: DB, phoneNorm: string): PhoneAppointmentRow[] {
  return stmt<[string], PhoneAppointmentRow>(
    db,
    `SELECT a.id, a.consultant_id, a.appt_date, a.place, a.fixed_at, s.name FROM appointments a JOIN staff s ON s.id = a.consultant_id
       WHERE a.phone_norm = ? AND a.cancelled_at IS NULL ORDER BY a.fixed_at, a.id`,
  ).all(phoneNorm);
}

export interface NewAppointment {
  consultantId: number;
  visitorName: string;
  phoneNorm: string;
  date: string;
  time: string | null;
  place: string;
  note: string;
  at: string;
  by: number;
}

/** Records an appointment fixed now; its id. */
export function insertAppointment(db: DB, a: NewAppointment): number {
  return Number(
    stmt<[number, string, string, string, string, string | null, string, string, string, string, number]>(
      db,
      `INSERT INTO appointments (consultant_id, visitor_name, phone, phone_norm, appt_date, appt_time, place, note, fixed_at, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.consultantId,
      a.visitorName,
      a.phoneNorm,
      a.phoneNorm,
      a.date,
      a.time,
      a.place,
      a.note,
      a.at,
      a.at,
      a.by,
    ).lastInsertRowid,
  );
}

export function cancelAppointment(db: DB, id: number, at: string, by: number): void {
  stmt<[string, number, number]>(
    db,
    'UPDATE appointments SET cancelled_at = ?, cancelled_by = ? WHERE id = ?',
  ).run(at, by, id);
}

// ---- phone inquiries ------------------------------------------------------------------------------

/** A row of `phone_inquiries`. */
export interface InquiryRow {
  id: number;
  day: string;
  caller_name: string | null;
  callback_phone: string | null;
  has_appointment: number;
  appointment_with: number | null;
  topic: string;
  logged_at: string;
  logged_by: number;
  consultant_id: number | null;
  basis: CallBasis | null;
  reason_code: DecisionCode | null;
  /** JSON object: the reason's parameters. */
  reason_params: string;
  assigned_at: string | null;
  assigned_by: number | null;
  called_back_at: string | null;
  called_back_by: number | null;
  callback_note: string | null;
}

/** An inquiry with the names of the staff concerned. */
export interface InquiryJoinedRow extends InquiryRow {
  appt_with_name: string | null;
  logged_by_name: string;
  consultant_name: string | null;
  called_back_by_name: string | null;
}

const INQUIRY_SELECT = `SELECT i.*, aw.name AS appt_with_name, lb.name AS logged_by_name, c.name AS consultant_name,
    cb.name AS called_back_by_name
  FROM phone_inquiries i LEFT JOIN staff aw ON aw.id = i.appointment_with JOIN staff lb ON lb.id = i.logged_by
  LEFT JOIN staff c ON c.id = i.consultant_id LEFT JOIN staff cb ON cb.id = i.called_back_by`;

export function inquiryById(db: DB, id: number): InquiryJoinedRow | undefined {
  return stmt<[number], InquiryJoinedRow>(db, `${INQUIRY_SELECT} WHERE i.id = ?`).get(id);
}

/** The inquiries of a day (of one consultant when given; only those not called back when `open`), latest first. */
export function inquiriesOn(
  db: DB,
  day: string,
  consultantId: number | null,
  open: boolean,
): InquiryJoinedRow[] {
  return stmt<[string, number | null, number | null, number], InquiryJoinedRow>(
    db,
    `${INQUIRY_SELECT} WHERE i.day = ? AND (? IS NULL OR i.consultant_id = ?) AND (? = 0 OR i.called_back_at IS NULL) ORDER BY i.id DESC`,
  ).all(day, consultantId, consultantId, open ? 1 : 0);
}

export function inquiryCountOn(db: DB, day: string): number {
  return stmt<[string], { n: number }>(db, 'SELECT count(*) AS n FROM phone_inquiries WHERE day = ?').get(
    day,
  )!.n;
}

export interface NewInquiry {
  day: string;
  callerName: string | null;
  callbackPhone: string | null;
  hasAppointment: boolean;
  appointmentWith: number | null;
  topic: string;
  at: string;
  by: number;
}

/** Logs a call; its id. */
export function insertInquiry(db: DB, i: NewInquiry): number {
  return Number(
    stmt<[string, string | null, string | null, number, number | null, string, string, number]>(
      db,
      `INSERT INTO phone_inquiries (day, caller_name, callback_phone, has_appointment, appointment_with, topic, logged_at, logged_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      i.day,
      i.callerName,
      i.callbackPhone,
      i.hasAppointment ? 1 : 0,
      i.appointmentWith,
      i.topic,
      i.at,
      i.by,
    ).lastInsertRowid,
  );
}

/** Passes the inquiry to a consultant, with the reason. */
export function assignInquiry(
  db: DB,
  id: number,
  consultantId: number,
  d: Decision,
  at: string,
  by: number,
): void {
  stmt<[number, CallBasis, DecisionCode, string, string, number, number]>(
    db,
    'UPDATE phone_inquiries SET consultant_id = ?, basis = ?, reason_code = ?, reason_params = ?, assigned_at = ?, assigned_by = ? WHERE id = ?',
  ).run(consultantId, d.basis, d.code, JSON.stringify(d.params), at, by, id);
}

/** Records why nobody could take the inquiry yet. */
export function setInquiryDecision(db: DB, id: number, d: Decision): void {
  stmt<[CallBasis, DecisionCode, string, number]>(
    db,
    'UPDATE phone_inquiries SET basis = ?, reason_code = ?, reason_params = ? WHERE id = ?',
  ).run(d.basis, d.code, JSON.stringify(d.params), id);
}

export function markCalledBack(db: DB, id: number, at: string, by: number, note: string | null): void {
  stmt<[string, number, string | null, number]>(
    db,
    'UPDATE phone_inquiries SET called_back_at = ?, called_back_by = ?, callback_note = ? WHERE id = ?',
  ).run(at, by, note, id);
}
