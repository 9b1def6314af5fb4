/**
 * All the rotation area's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never cast;
 * a `…Row` type is a database row with the database's column names (the contract's types use
 * domain names, see handlers.ts for the mapping).
 */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { AwayKind, ConsultantState, RotationQueue, SkipReason } from './types';

/** A row of `consultant_signins`: one consultant's sign-in for one club-local day. */
export interface SigninRow {
  id: number;
  day: string;
  staff_id: number;
  seq: number;
  signed_in_at: string;
  state: ConsultantState;
  away_kind: AwayKind | null;
  away_note: string | null;
  expected_back_at: string | null;
  state_since: string;
}

/** A sign-in with the consultant's name. */
export interface NamedSigninRow extends SigninRow {
  name: string;
}

const SIGNIN_SELECT = 'SELECT c.*, s.name FROM consultant_signins c JOIN staff s ON s.id = c.staff_id';

// ---- sign-ins and the turn pointers -----------------------------------------------------------

/** The day's sign-ins in sign-in order. */
export function daySignins(db: DB, day: string): NamedSigninRow[] {
  return stmt<[string], NamedSigninRow>(db, `${SIGNIN_SELECT} WHERE c.day = ? ORDER BY c.seq`).all(day);
}

export function signinOf(db: DB, day: string, staffId: number): NamedSigninRow | undefined {
  return stmt<[string, number], NamedSigninRow>(
    db,
    `${SIGNIN_SELECT} WHERE c.day = ? AND c.staff_id = ?`,
  ).get(day, staffId);
}

/** The seq of the consultant who had the queue's last turn of the day (0: nobody yet). */
export function pointer(db: DB, day: string, queue: RotationQueue): number {
  return (
    stmt<[string, RotationQueue], { last_seq: number }>(
      db,
      'SELECT last_seq FROM rotation_pointers WHERE day = ? AND queue = ?',
    ).get(day, queue)?.last_seq ?? 0
  );
}

/** The highest sign-in number of the day (0: nobody signed in). */
export function maxSeq(db: DB, day: string): number {
  return stmt<[string], { m: number }>(
    db,
    'SELECT coalesce(max(seq), 0) AS m FROM consultant_signins WHERE day = ?',
  ).get(day)!.m;
}

// ---- what the consultants are doing (the visitors' tables) ------------------------------------

export interface CallingRow {
  staff_id: number;
  visitor_id: number;
}

/** Open calls not yet accepted: who is being called for which visitor. */
export function openCalls(db: DB): CallingRow[] {
  return stmt<[], CallingRow>(
    db,
    "SELECT staff_id, visitor_id FROM visitor_calls WHERE status = 'open' ORDER BY id",
  ).all();
}

/** Whether the consultant is still with a visitor. */
export function isWithVisitor(db: DB, staffId: number): boolean {
  return (
    stmt<[number], { one: 1 }>(
      db,
      "SELECT 1 AS one FROM visitors WHERE consultant_id = ? AND status = 'with_consultant'",
    ).get(staffId) !== undefined
  );
}

/** Visitors received on the day, per consultant. */
export function receivedOnDay(db: DB, day: string): { id: number; n: number }[] {
  return stmt<[string], { id: number; n: number }>(
    db,
    'SELECT consultant_id AS id, count(*) AS n FROM visitors WHERE day = ? AND consultant_id IS NOT NULL GROUP BY consultant_id',
  ).all(day);
}

/** The visitor each consultant is with now (the latest, if several). */
export function withVisitorNow(db: DB): { id: number; v: number }[] {
  return stmt<[], { id: number; v: number }>(
    db,
    "SELECT consultant_id AS id, max(id) AS v FROM visitors WHERE status = 'with_consultant' GROUP BY consultant_id",
  ).all();
}

// ---- writing ------------------------------------------------------------------------------------

export interface NewSkip {
  day: string;
  queue: RotationQueue;
  staffId: number;
  reason: SkipReason;
  visitorId: number | null;
  inquiryId: number | null;
  at: string;
}

/** A consultant passed over for a turn, recorded against the visitor or inquiry. */
export function insertSkip(db: DB, s: NewSkip): void {
  stmt<[string, RotationQueue, number, SkipReason, number | null, number | null, string]>(
    db,
    'INSERT INTO rotation_skips (day, queue, staff_id, reason, visitor_id, inquiry_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(s.day, s.queue, s.staffId, s.reason, s.visitorId, s.inquiryId, s.at);
}

/** The queue's last turn went to the consultant with this seq. */
export function setPointer(db: DB, day: string, queue: RotationQueue, seq: number, at: string): void {
  stmt<[string, RotationQueue, number, string]>(
    db,
    `INSERT INTO rotation_pointers (day, queue, last_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(day, queue) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
  ).run(day, queue, seq, at);
}

export interface SigninState {
  state: ConsultantState;
  awayKind: AwayKind | null;
  awayNote: string | null;
  expectedBackAt: string | null;
}

export function updateSigninState(db: DB, signinId: number, s: SigninState, at: string): void {
  stmt<[ConsultantState, AwayKind | null, string | null, string | null, string, number]>(
    db,
    'UPDATE consultant_signins SET state = ?, away_kind = ?, away_note = ?, expected_back_at = ?, state_since = ? WHERE id = ?',
  ).run(s.state, s.awayKind, s.awayNote, s.expectedBackAt, at, signinId);
}

/** The history of a consultant's state. */
export function insertStateLog(db: DB, signinId: number, s: SigninState, at: string, by: number): void {
  stmt<[number, ConsultantState, AwayKind | null, string | null, string | null, string, number]>(
    db,
    'INSERT INTO consultant_state_log (signin_id, state, away_kind, away_note, expected_back_at, at, by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(signinId, s.state, s.awayKind, s.awayNote, s.expectedBackAt, at, by);
}

/** A consultant signs in again after signing out: the end of the rotation. */
export function resignIn(db: DB, signinId: number, seq: number, at: string): void {
  stmt<[number, string, number]>(
    db,
    'UPDATE consultant_signins SET seq = ?, signed_in_at = ? WHERE id = ?',
  ).run(seq, at, signinId);
}

/** A first sign-in of the day (available); its id. */
export function insertSignin(db: DB, day: string, staffId: number, seq: number, at: string): number {
  return Number(
    stmt<[string, number, number, string, string]>(
      db,
      `INSERT INTO consultant_signins (day, staff_id, seq, signed_in_at, state, state_since) VALUES (?, ?, ?, ?, 'available', ?)`,
    ).run(day, staffId, seq, at, at).lastInsertRowid,
  );
}

/** The first entry of a sign-in's history. */
export function insertSigninLog(db: DB, signinId: number, at: string, by: number): void {
  stmt<[number, string, number]>(
    db,
    "INSERT INTO consultant_state_log (signin_id, state, at, by) VALUES (?, 'available', ?, ?)",
  ).run(signinId, at, by);
}
