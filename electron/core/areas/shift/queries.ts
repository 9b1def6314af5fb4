/**
 * All the shift area's SQL about its own records: shifts, counts, recounts, pay-outs, corrections,
 * day closes and reopenings (the reads the handover book is computed from are in queries/book.ts).
 * Rows are typed by the statement (`stmt<Params, Row>`), never cast; a `…Row` type is a database
 * row with the database's column names. The JSON columns are decoded here too (the only `as` of the
 * area: JSON the core itself wrote), so the handlers never cast.
 */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { Role } from '../../kernel/roles';
import type {
  CashFigures,
  ChecklistTick,
  DayReport,
  Denominations,
  HandoverBook,
  ShiftStaff,
  ShiftStatus,
  TagHandCount,
} from './types';

/** A row of `shifts`. */
export interface ShiftRow {
  id: number;
  day: string;
  status: ShiftStatus;
  opened_at: string;
  opened_by: number;
  window_from: string;
  window_to: string | null;
  staff_json: string;
  previous_shift_id: number | null;
  handover_ack_at: string | null;
  handover_ack_by: number | null;
  float_prefill_cents: number;
  float_cents: number;
  float_reason: string | null;
  checklist_json: string;
  messages: string;
  notes: string;
  closed_at: string | null;
  closed_by: number | null;
  counted_cents: number | null;
  expected_cents: number | null;
  difference_cents: number | null;
  difference_reason: string | null;
  float_handed_cents: number | null;
  book_json: string | null;
  signed_out_by: number | null;
  signed_in_by: number | null;
  /** The float's notes counted at the opening (NULL: opened before the count was asked). */
  float_denominations_json: string | null;
  float_authorized_by: number | null;
}

/** A row of `shift_counts`. */
export interface ShiftCountRow {
  id: number;
  shift_id: number;
  denominations_json: string;
  counted_cents: number;
  expected_cents: number;
  at: string;
  by: number;
  recount_id: number | null;
}

/** A row of `day_closes`. */
export interface DayCloseRow {
  id: number;
  day: string;
  closed_at: string;
  closed_by: number;
  checklist_json: string;
  book_json: string;
  backup_file: string | null;
}

// ---- the JSON columns ---------------------------------------------------------------------------

/** What a closed shift keeps of its figures (shifts.book_json). */
export interface FrozenBook {
  book: HandoverBook;
  cash: CashFigures;
  denominations: Denominations;
  /** The used tags counted by hand at the close (absent in shifts closed before it was asked). */
  tagCount?: TagHandCount;
}

/** The staff on duty (shifts.staff_json). */
export function onDutyIds(s: ShiftRow): number[] {
  return JSON.parse(s.staff_json) as number[];
}

/** The opening checklist's ticks (shifts.checklist_json). */
export function checklistOf(s: ShiftRow): ChecklistTick[] {
  return JSON.parse(s.checklist_json) as ChecklistTick[];
}

/** A closed shift's frozen figures (null while open). */
export function frozenBookOf(s: ShiftRow): FrozenBook | null {
  return s.book_json === null ? null : (JSON.parse(s.book_json) as FrozenBook);
}

export function denominationsOf(c: { denominations_json: string }): Denominations {
  return JSON.parse(c.denominations_json) as Denominations;
}

/** The float's notes counted at the opening (null: not asked then). */
export function floatCountOf(s: ShiftRow): Denominations | null {
  return s.float_denominations_json === null
    ? null
    : (JSON.parse(s.float_denominations_json) as Denominations);
}

/**
 * The report a day close recorded (day_closes.book_json). A close recorded before counts, pay-outs
 * and blockers were part of the report lacks them (see handlers/dayClose.ts).
 */
export type StoredDayReport = Omit<DayReport, DayReportExtra> & Partial<Pick<DayReport, DayReportExtra>>;
export type DayReportExtra = 'counts' | 'payouts' | 'drops' | 'stocktakes' | 'reopenings' | 'blockers';

export function dayReportOf(d: DayCloseRow): StoredDayReport {
  return JSON.parse(d.book_json) as StoredDayReport;
}

// ---- staff ------------------------------------------------------------------------------------

export function staffById(db: DB, id: number): ShiftStaff | undefined {
  return stmt<[number], ShiftStaff>(db, 'SELECT id, name FROM staff WHERE id = ?').get(id);
}

export function staffRoleById(db: DB, id: number): { role: Role; active: number } | undefined {
  return stmt<[number], { role: Role; active: number }>(
    db,
    'SELECT role, active FROM staff WHERE id = ?',
  ).get(id);
}

/** Active staff of these roles, by name. */
export function activeStaffOfRoles(db: DB, roles: readonly Role[]): ShiftStaff[] {
  return stmt<[string], ShiftStaff>(
    db,
    `SELECT id, name FROM staff WHERE active = 1 AND role IN (SELECT value FROM json_each(?)) ORDER BY name`,
  ).all(JSON.stringify(roles));
}

// ---- shifts -----------------------------------------------------------------------------------

export function shiftById(db: DB, id: number): ShiftRow | undefined {
  return stmt<[number], ShiftRow>(db, 'SELECT * FROM shifts WHERE id = ?').get(id);
}

export function openShift(db: DB): ShiftRow | undefined {
  return stmt<[], ShiftRow>(db, "SELECT * FROM shifts WHERE status = 'open'").get();
}

export function openShiftId(db: DB): number | undefined {
  return stmt<[], { id: number }>(db, "SELECT id FROM shifts WHERE status = 'open'").get()?.id;
}

export function lastClosedShift(db: DB): ShiftRow | undefined {
  return stmt<[], ShiftRow>(
    db,
    "SELECT * FROM shifts WHERE status = 'closed' ORDER BY closed_at DESC, id DESC LIMIT 1",
  ).get();
}

/** Shifts still open that began on `day` or before. */
export function openShiftsUpTo(db: DB, day: string): ShiftRow[] {
  return stmt<[string], ShiftRow>(
    db,
    "SELECT * FROM shifts WHERE status = 'open' AND day <= ? ORDER BY id",
  ).all(day);
}

export function shiftsOfDay(db: DB, day: string): ShiftRow[] {
  return stmt<[string], ShiftRow>(db, 'SELECT * FROM shifts WHERE day = ? ORDER BY opened_at, id').all(day);
}

/** Closed shifts of days [from, to], latest close first. */
export function closedShiftsBetween(db: DB, from: string, to: string): ShiftRow[] {
  return stmt<[string, string], ShiftRow>(
    db,
    "SELECT * FROM shifts WHERE status = 'closed' AND day >= ? AND day <= ? ORDER BY closed_at DESC, id DESC",
  ).all(from, to);
}

export interface NewShift {
  day: string;
  openedAt: string;
  openedBy: number;
  windowFrom: string;
  staffIds: number[];
  previousShiftId: number | null;
  handoverAckAt: string | null;
  handoverAckBy: number | null;
  floatPrefillCents: number;
  floatCents: number;
  floatReason: string | null;
  floatDenominations: Denominations | null;
  floatAuthorizedBy: number | null;
  checklist: ChecklistTick[];
}

export function insertShift(db: DB, s: NewShift): number {
  const r = stmt<
    [
      string,
      string,
      number,
      string,
      string,
      number | null,
      string | null,
      number | null,
      number,
      number,
      string | null,
      string,
      string | null,
      number | null,
    ]
  >(
    db,
    `INSERT INTO shifts (day, status, opened_at, opened_by, window_from, staff_json, previous_shift_id,
         handover_ack_at, handover_ack_by, float_prefill_cents, float_cents, float_reason, checklist_json,
         float_denominations_json, float_authorized_by)
       VALUES (?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.day,
    s.openedAt,
    s.openedBy,
    s.windowFrom,
    JSON.stringify(s.staffIds),
    s.previousShiftId,
    s.handoverAckAt,
    s.handoverAckBy,
    s.floatPrefillCents,
    s.floatCents,
    s.floatReason,
    JSON.stringify(s.checklist),
    s.floatDenominations === null ? null : JSON.stringify(s.floatDenominations),
    s.floatAuthorizedBy,
  );
  return Number(r.lastInsertRowid);
}

export function updateShiftTexts(db: DB, id: number, messages: string, notes: string): void {
  stmt<[string, string, number]>(db, 'UPDATE shifts SET messages = ?, notes = ? WHERE id = ?').run(
    messages,
    notes,
    id,
  );
}

export interface ShiftClose {
  windowTo: string;
  closedAt: string;
  closedBy: number;
  countedCents: number;
  expectedCents: number;
  differenceCents: number;
  differenceReason: string | null;
  floatHandedCents: number;
  frozen: FrozenBook;
  messages: string;
  notes: string;
  signedOutBy: number;
  signedInBy: number;
}

export function closeShift(db: DB, id: number, c: ShiftClose): void {
  stmt<
    [
      string,
      string,
      number,
      number,
      number,
      number,
      string | null,
      number,
      string,
      string,
      string,
      number,
      number,
      number,
    ]
  >(
    db,
    `UPDATE shifts SET status = 'closed', window_to = ?, closed_at = ?, closed_by = ?, counted_cents = ?,
       expected_cents = ?, difference_cents = ?, difference_reason = ?, float_handed_cents = ?, book_json = ?,
       messages = ?, notes = ?, signed_out_by = ?, signed_in_by = ?
     WHERE id = ?`,
  ).run(
    c.windowTo,
    c.closedAt,
    c.closedBy,
    c.countedCents,
    c.expectedCents,
    c.differenceCents,
    c.differenceReason,
    c.floatHandedCents,
    JSON.stringify(c.frozen),
    c.messages,
    c.notes,
    c.signedOutBy,
    c.signedInBy,
    id,
  );
}

// ---- the drawer: pay-outs, counts, recounts ---------------------------------------------------

export interface PayoutListRow {
  id: number;
  amount_cents: number;
  reason: string;
  at: string;
  name: string;
  auth_name: string | null;
}

export function payoutsOfShift(db: DB, shiftId: number): PayoutListRow[] {
  return stmt<[number], PayoutListRow>(
    db,
    `SELECT p.id, p.amount_cents, p.reason, p.at, s.name, a.name AS auth_name FROM shift_payouts p
       JOIN staff s ON s.id = p.by LEFT JOIN staff a ON a.id = p.authorized_by
       WHERE p.shift_id = ? ORDER BY p.id`,
  ).all(shiftId);
}

export function payoutsTotal(db: DB, shiftId: number): number {
  return stmt<[number], { c: number }>(
    db,
    'SELECT coalesce(sum(amount_cents), 0) AS c FROM shift_payouts WHERE shift_id = ?',
  ).get(shiftId)!.c;
}

export function insertPayout(
  db: DB,
  p: { shiftId: number; amountCents: number; reason: string; at: string; by: number; authorizedBy: number },
): number {
  const r = stmt<[number, number, string, string, number, number]>(
    db,
    'INSERT INTO shift_payouts (shift_id, amount_cents, reason, at, by, authorized_by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(p.shiftId, p.amountCents, p.reason, p.at, p.by, p.authorizedBy);
  return Number(r.lastInsertRowid);
}

export interface RecountListRow {
  id: number;
  count_id: number;
  at: string;
  reason: string;
  by_name: string;
  auth_name: string;
}

export function recountsOfShift(db: DB, shiftId: number): RecountListRow[] {
  return stmt<[number], RecountListRow>(
    db,
    `SELECT r.id, r.count_id, r.at, r.reason, s.name AS by_name, a.name AS auth_name FROM shift_recounts r
       JOIN staff s ON s.id = r.by JOIN staff a ON a.id = r.authorized_by
       WHERE r.shift_id = ? ORDER BY r.id`,
  ).all(shiftId);
}

/** The recount authorised after a count (undefined: none). */
export function recountIdOfCount(db: DB, countId: number): number | undefined {
  return stmt<[number], { id: number }>(db, 'SELECT id FROM shift_recounts WHERE count_id = ?').get(countId)
    ?.id;
}

export function insertRecount(
  db: DB,
  r: { shiftId: number; countId: number; authorizedBy: number; reason: string; at: string; by: number },
): number {
  const res = stmt<[number, number, number, string, string, number]>(
    db,
    'INSERT INTO shift_recounts (shift_id, count_id, authorized_by, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(r.shiftId, r.countId, r.authorizedBy, r.reason, r.at, r.by);
  return Number(res.lastInsertRowid);
}

export interface CountListRow extends ShiftCountRow {
  by_name: string;
}

export function countsOfShift(db: DB, shiftId: number): CountListRow[] {
  return stmt<[number], CountListRow>(
    db,
    `SELECT c.*, s.name AS by_name FROM shift_counts c JOIN staff s ON s.id = c.by
       WHERE c.shift_id = ? ORDER BY c.id`,
  ).all(shiftId);
}

export function latestCount(db: DB, shiftId: number): ShiftCountRow | undefined {
  return stmt<[number], ShiftCountRow>(
    db,
    'SELECT * FROM shift_counts WHERE shift_id = ? ORDER BY id DESC LIMIT 1',
  ).get(shiftId);
}

export function latestCountId(db: DB, shiftId: number): number | undefined {
  return stmt<[number], { id: number }>(
    db,
    'SELECT id FROM shift_counts WHERE shift_id = ? ORDER BY id DESC LIMIT 1',
  ).get(shiftId)?.id;
}

export function insertCount(
  db: DB,
  c: {
    shiftId: number;
    denominations: Denominations;
    countedCents: number;
    expectedCents: number;
    at: string;
    by: number;
    recountId: number | null;
  },
): number {
  const r = stmt<[number, string, number, number, string, number, number | null]>(
    db,
    `INSERT INTO shift_counts (shift_id, denominations_json, counted_cents, expected_cents, at, by, recount_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.shiftId, JSON.stringify(c.denominations), c.countedCents, c.expectedCents, c.at, c.by, c.recountId);
  return Number(r.lastInsertRowid);
}

export interface CashSumsRow {
  takings: number;
  change: number;
  refunds: number;
}

/** Cash payments in [from, to): received (what was handed over), change given, paid back. */
export function cashSums(db: DB, fromIso: string, toIso: string): CashSumsRow {
  return stmt<[string, string], CashSumsRow>(
    db,
    `SELECT coalesce(sum(CASE WHEN amount_cents > 0 THEN coalesce(tendered_cents, amount_cents) ELSE 0 END), 0) AS takings,
            coalesce(sum(CASE WHEN amount_cents > 0 THEN coalesce(change_cents, 0) ELSE 0 END), 0) AS change,
            coalesce(sum(CASE WHEN amount_cents < 0 THEN -amount_cents ELSE 0 END), 0) AS refunds
     FROM payments WHERE method = 'cash' AND at >= ? AND at < ?`,
  ).get(fromIso, toIso)!;
}

// ---- corrections --------------------------------------------------------------------------------

export interface CorrectionListRow {
  id: number;
  shift_id: number;
  figure: string | null;
  value: number | null;
  text: string;
  at: string;
  by: number;
  by_name: string;
}

export function correctionsOfShift(db: DB, shiftId: number): CorrectionListRow[] {
  return stmt<[number], CorrectionListRow>(
    db,
    `SELECT c.*, s.name AS by_name FROM shift_corrections c JOIN staff s ON s.id = c.by
       WHERE c.shift_id = ? ORDER BY c.id`,
  ).all(shiftId);
}

export function correctionCount(db: DB, shiftId: number): number {
  return stmt<[number], { n: number }>(
    db,
    'SELECT count(*) AS n FROM shift_corrections WHERE shift_id = ?',
  ).get(shiftId)!.n;
}

export function insertCorrection(
  db: DB,
  c: { shiftId: number; figure: string | null; value: number | null; text: string; at: string; by: number },
): number {
  const r = stmt<[number, string | null, number | null, string, string, number]>(
    db,
    'INSERT INTO shift_corrections (shift_id, figure, value, text, at, by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(c.shiftId, c.figure, c.value, c.text, c.at, c.by);
  return Number(r.lastInsertRowid);
}

// ---- the day close ------------------------------------------------------------------------------

/** The close of the day that stands: the latest one no reopening refers to. */
export function standingDayClose(db: DB, day: string): DayCloseRow | undefined {
  return stmt<[string], DayCloseRow>(
    db,
    `SELECT * FROM day_closes c WHERE c.day = ?
         AND NOT EXISTS (SELECT 1 FROM day_reopenings r WHERE r.day_close_id = c.id)
       ORDER BY c.id DESC LIMIT 1`,
  ).get(day);
}

/** The standing closes of days [from, to], latest day first. */
export function standingDayClosesBetween(db: DB, from: string, to: string): DayCloseRow[] {
  return stmt<[string, string], DayCloseRow>(
    db,
    `SELECT * FROM day_closes c WHERE day >= ? AND day <= ?
         AND NOT EXISTS (SELECT 1 FROM day_reopenings r WHERE r.day_close_id = c.id)
       ORDER BY day DESC`,
  ).all(from, to);
}

export function insertDayClose(
  db: DB,
  d: { day: string; closedAt: string; closedBy: number; ticked: ChecklistTick[]; report: DayReport },
): number {
  const r = stmt<[string, string, number, string, string]>(
    db,
    'INSERT INTO day_closes (day, closed_at, closed_by, checklist_json, book_json) VALUES (?, ?, ?, ?, ?)',
  ).run(d.day, d.closedAt, d.closedBy, JSON.stringify(d.ticked), JSON.stringify(d.report));
  return Number(r.lastInsertRowid);
}

export function setDayCloseBackup(db: DB, id: number, file: string): void {
  stmt<[string, number]>(db, 'UPDATE day_closes SET backup_file = ? WHERE id = ?').run(file, id);
}

export interface ReopeningListRow {
  id: number;
  at: string;
  reason: string;
  by_name: string;
  auth_name: string;
  closed_at: string;
  closed_by_name: string;
}

export function reopeningsOfDay(db: DB, day: string): ReopeningListRow[] {
  return stmt<[string], ReopeningListRow>(
    db,
    `SELECT r.id, r.at, r.reason, s.name AS by_name, a.name AS auth_name, c.closed_at, cs.name AS closed_by_name
       FROM day_reopenings r JOIN staff s ON s.id = r.by JOIN staff a ON a.id = r.authorized_by
         JOIN day_closes c ON c.id = r.day_close_id JOIN staff cs ON cs.id = c.closed_by
       WHERE r.day = ? ORDER BY r.id`,
  ).all(day);
}

export function reopeningCount(db: DB, day: string): number {
  return stmt<[string], { n: number }>(db, 'SELECT count(*) AS n FROM day_reopenings WHERE day = ?').get(day)!
    .n;
}

export function insertReopening(
  db: DB,
  r: { day: string; dayCloseId: number; authorizedBy: number; reason: string; at: string; by: number },
): number {
  const res = stmt<[string, number, number, string, string, number]>(
    db,
    'INSERT INTO day_reopenings (day, day_close_id, authorized_by, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(r.day, r.dayCloseId, r.authorizedBy, r.reason, r.at, r.by);
  return Number(res.lastInsertRowid);
}
