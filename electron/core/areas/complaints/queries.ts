/**
 * All the complaints area's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never cast;
 * a `…Row` type is a database row with the database's column names (the contract's types use domain
 * names, see handlers.ts for the mapping).
 */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import {
  COMPLAINT_OPEN_STATUSES,
  type ComplaintChannel,
  type ComplaintDeadlineFilter,
  type ComplaintStatus,
  type Department,
} from './types';

/** A row of `complaints`. */
export interface ComplaintRow {
  id: number;
  status: ComplaintStatus;
  registered_at: string;
  registered_by: number;
  member_id: number | null;
  member_card_no: string | null;
  complainant_name: string;
  contact: string | null;
  channel: ComplaintChannel;
  what: string;
  staff_involved: string;
  department: Department;
  supervisor_name: string | null;
  assigned_at: string | null;
  assigned_by: number | null;
  findings: string | null;
  findings_at: string | null;
  resolution: string | null;
  staff_action: string | null;
  resolved_at: string | null;
  resolved_by: number | null;
  escalated_at: string | null;
  escalated_by: number | null;
  escalation_report: string | null;
  reported_at: string | null;
  reported_by: number | null;
  updated_at: string;
  due_date: string;
  desired_outcome: string | null;
  agreed_outcome: string | null;
  /** The after-care call's answer (migration 0014). */
  aftercare_satisfaction: 'satisfied' | 'fair' | 'unsatisfied' | null;
  aftercare_comment: string | null;
  aftercare_at: string | null;
  aftercare_by: number | null;
}

/** A row of `complaint_notes` (append-only). */
export interface ComplaintNoteRow {
  id: number;
  complaint_id: number;
  text: string;
  at: string;
  by: number;
}

/** A staff member's id and name (`staff`). */
export interface StaffNameRow {
  id: number;
  name: string;
}

// ---- reading ------------------------------------------------------------------------------------

export function staffName(db: DB, id: number): StaffNameRow | undefined {
  return stmt<[number], StaffNameRow>(db, 'SELECT id, name FROM staff WHERE id = ?').get(id);
}

export function complaintById(db: DB, id: number): ComplaintRow | undefined {
  return stmt<[number], ComplaintRow>(db, 'SELECT * FROM complaints WHERE id = ?').get(id);
}

export function notesOf(db: DB, complaintId: number): ComplaintNoteRow[] {
  return stmt<[number], ComplaintNoteRow>(
    db,
    'SELECT * FROM complaint_notes WHERE complaint_id = ? ORDER BY id',
  ).all(complaintId);
}

/** The complaints on the open list (not resolved), oldest first. */
export function openComplaintRows(db: DB): ComplaintRow[] {
  return stmt<[string], ComplaintRow>(
    db,
    `SELECT * FROM complaints WHERE status IN (SELECT value FROM json_each(?)) ORDER BY registered_at, id`,
  ).all(JSON.stringify(COMPLAINT_OPEN_STATUSES));
}

/** Over every complaint not closed: due in [today, tomorrow], due before today. */
export function deadlineCounts(db: DB, today: string, tomorrow: string): { due: number; overdue: number } {
  const r = stmt<[string, string, string], { overdue: number; due: number }>(
    db,
    `SELECT coalesce(sum(due_date < ?), 0) AS overdue, coalesce(sum(due_date >= ? AND due_date <= ?), 0) AS due
       FROM complaints WHERE status <> 'closed'`,
  ).get(today, today, tomorrow)!;
  return { due: r.due, overdue: r.overdue };
}

/** What the list looks for (instants and dates already worked out by the handler). */
export interface ComplaintSearch {
  /** Registered at or after this instant. */
  registeredFrom?: string;
  /** Registered before this instant. */
  registeredBefore?: string;
  status?: ComplaintStatus;
  /** true: on the open list; false: not on it. */
  open?: boolean;
  department?: Department;
  memberId?: number;
  /** Not closed, and due before today / in [today, tomorrow] / up to tomorrow; oldest deadline first. */
  deadline?: { filter: ComplaintDeadlineFilter; today: string; tomorrow: string };
  /** Lower-case text to find in the names, card number and narratives. */
  text?: string;
}

const SEARCHED_COLUMNS = [
  'complainant_name',
  'member_card_no',
  'what',
  'staff_involved',
  'supervisor_name',
  'findings',
  'resolution',
  'desired_outcome',
  'agreed_outcome',
];

/** Every complaint matching, newest first (oldest deadline first with a deadline filter). */
export function searchComplaints(db: DB, s: ComplaintSearch): ComplaintRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (s.registeredFrom !== undefined) {
    where.push('registered_at >= ?');
    params.push(s.registeredFrom);
  }
  if (s.registeredBefore !== undefined) {
    where.push('registered_at < ?');
    params.push(s.registeredBefore);
  }
  if (s.status) {
    where.push('status = ?');
    params.push(s.status);
  }
  if (s.open !== undefined) {
    where.push(`status ${s.open ? '' : 'NOT '}IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(COMPLAINT_OPEN_STATUSES));
  }
  if (s.department) {
    where.push('department = ?');
    params.push(s.department);
  }
  if (s.memberId !== undefined) {
    where.push('member_id = ?');
    params.push(s.memberId);
  }
  const d = s.deadline;
  if (d) {
    where.push(`status <> 'closed'`);
    if (d.filter === 'overdue') where.push('due_date < ?');
    else if (d.filter === 'due') where.push('due_date >= ? AND due_date <= ?');
    else where.push('due_date <= ?');
    if (d.filter === 'due') params.push(d.today);
    params.push(d.filter === 'overdue' ? d.today : d.tomorrow);
  }
  if (s.text) {
    where.push(`(${SEARCHED_COLUMNS.map((c) => `instr(lower(coalesce(${c}, '')), ?) > 0`).join(' OR ')})`);
    for (let i = 0; i < SEARCHED_COLUMNS.length; i++) params.push(s.text);
  }
  return stmt<(string | number)[], ComplaintRow>(
    db,
    `SELECT * FROM complaints ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${d ? 'due_date, registered_at, id' : 'registered_at DESC, id DESC'}`,
  ).all(...params);
}

// ---- writing ------------------------------------------------------------------------------------

export interface NewComplaint {
  registeredAt: string;
  registeredBy: number;
  memberId: number | null;
  memberCardNo: string | null;
  complainantName: string;
  contact: string | null;
  channel: ComplaintChannel;
  what: string;
  staffInvolved: string;
  department: Department;
  dueDate: string;
  desiredOutcome: string | null;
}

/** Inserts a complaint (registered, updated now); its id. */
export function insertComplaint(db: DB, c: NewComplaint): number {
  const r = stmt(
    db,
    `INSERT INTO complaints (registered_at, registered_by, member_id, member_card_no, complainant_name, contact,
                             channel, what, staff_involved, department, updated_at, due_date, desired_outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.registeredAt,
    c.registeredBy,
    c.memberId,
    c.memberCardNo,
    c.complainantName,
    c.contact,
    c.channel,
    c.what,
    c.staffInvolved,
    c.department,
    c.registeredAt,
    c.dueDate,
    c.desiredOutcome,
  );
  return Number(r.lastInsertRowid);
}

/** The columns a complaint's steps write (never its id or registration). */
export type ComplaintColumns = Partial<
  Omit<ComplaintRow, 'id' | 'registered_at' | 'registered_by' | 'updated_at'>
>;

/** Writes the given columns and the update time. */
export function updateComplaint(db: DB, id: number, cols: ComplaintColumns, updatedAt: string): void {
  const set = Object.entries(cols);
  stmt<(string | number | null)[]>(
    db,
    `UPDATE complaints SET ${set.map(([k]) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  ).run(...set.map(([, v]) => v ?? null), updatedAt, id);
}

export function insertNote(db: DB, complaintId: number, text: string, at: string, by: number): void {
  stmt<[number, string, string, number]>(
    db,
    'INSERT INTO complaint_notes (complaint_id, text, at, by) VALUES (?, ?, ?, ?)',
  ).run(complaintId, text, at, by);
}

export function touchComplaint(db: DB, id: number, updatedAt: string): void {
  stmt<[string, number]>(db, 'UPDATE complaints SET updated_at = ? WHERE id = ?').run(updatedAt, id);
}

// ---- after-care (the follow-up call after a complaint is resolved) -------------------------------

/** Files the after-care call's answer with the complaint (once). */
export function fileAftercare(
  db: DB,
  a: { id: number; satisfaction: string; comment: string | null; at: string; by: number },
): boolean {
  return (
    stmt<typeof a>(
      db,
      `UPDATE complaints SET aftercare_satisfaction = @satisfaction, aftercare_comment = @comment,
         aftercare_at = @at, aftercare_by = @by WHERE id = @id AND aftercare_at IS NULL`,
    ).run(a).changes === 1
  );
}

/** Complaints resolved between two instants, with their after-care answer (the review per month). */
export function resolvedBetween(
  db: DB,
  from: string,
  to: string,
): { resolved_at: string; satisfaction: string | null }[] {
  return stmt<[string, string], { resolved_at: string; satisfaction: string | null }>(
    db,
    `SELECT resolved_at, aftercare_satisfaction AS satisfaction FROM complaints
     WHERE resolved_at >= ? AND resolved_at < ? ORDER BY resolved_at`,
  ).all(from, to);
}
