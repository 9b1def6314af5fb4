/**
 * All the incidents area's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never cast;
 * a `…Row` type is a database row with the database's column names (the contract's types use domain
 * names, see handlers/views.ts for the mapping).
 */
import type { DB } from '../../db/database';
import type { Role } from '../../kernel/roles';
import { stmt } from '../../kernel/statements';
import type {
  AttachmentType,
  FollowUpKind,
  IncidentFollowUpFilter,
  IncidentKind,
  IncidentSeverity,
  IncidentStatus,
} from './types';

/** A row of `incidents`. */
export interface IncidentRow {
  id: number;
  status: IncidentStatus;
  opened_at: string;
  opened_by: number;
  occurred_at: string;
  place: string;
  what: string;
  kind: IncidentKind;
  severity: IncidentSeverity | null;
  member_id: number | null;
  member_card_no: string | null;
  member_name: string | null;
  member_gender: 'male' | 'female' | null;
  member_age: number | null;
  harm: string | null;
  cs_manager_id: number | null;
  cs_manager_told_at: string | null;
  duty_coach: string | null;
  duty_coach_told_at: string | null;
  first_aid_by: string | null;
  first_aid: string | null;
  statement_taken_by: number | null;
  statement_signed_at: string | null;
  hospital: number;
  no_hospital_reason: string | null;
  hospital_name: string | null;
  hospital_accompanied_by: number | null;
  examination_cost_cents: number | null;
  examination_result: string | null;
  exam_confirmed_at: string | null;
  member_request: string | null;
  compensation_asked_cents: number | null;
  compensation_agreed_cents: number | null;
  handling_opinion: string | null;
  consultant_told_at: string | null;
  consultant_told_by: number | null;
  closed_at: string | null;
  closed_by: number | null;
  updated_at: string;
}

/** A row of `incident_follow_ups`. */
export interface FollowUpRow {
  id: number;
  incident_id: number;
  kind: FollowUpKind;
  due_date: string;
  assigned_to: number | null;
  note: string;
  created_at: string;
  created_by: number;
  done_at: string | null;
  done_by: number | null;
  outcome: string | null;
}

/** A row of `incident_attachments` (append-only). */
export interface AttachmentRow {
  id: number;
  incident_id: number;
  original_name: string;
  mime: AttachmentType;
  size_bytes: number;
  sha256: string;
  note: string;
  created_at: string;
  created_by: number;
}

/** A row of `incident_addenda` (append-only). */
export interface AddendumRow {
  id: number;
  incident_id: number;
  text: string;
  at: string;
  by: number;
}

/** A staff member's id and name (`staff`). */
export interface StaffNameRow {
  id: number;
  name: string;
}

// ---- staff and members ----------------------------------------------------------------------------

export function staffName(db: DB, id: number): StaffNameRow | undefined {
  return stmt<[number], StaffNameRow>(db, 'SELECT id, name FROM staff WHERE id = ?').get(id);
}

/** A staff member's role (active or not); undefined: no such staff member. */
export function staffRole(db: DB, id: number): Role | undefined {
  return stmt<[number], { role: Role }>(db, 'SELECT role FROM staff WHERE id = ?').get(id)?.role;
}

/** The member's consultant now (null: none, or no such member). */
export function memberConsultantId(db: DB, memberId: number): number | null {
  return (
    stmt<[number], { consultant_id: number | null }>(
      db,
      'SELECT consultant_id FROM members WHERE id = ?',
    ).get(memberId)?.consultant_id ?? null
  );
}

// ---- reading incidents ------------------------------------------------------------------------------

export function incidentById(db: DB, id: number): IncidentRow | undefined {
  return stmt<[number], IncidentRow>(db, 'SELECT * FROM incidents WHERE id = ?').get(id);
}

/** The incidents not closed, oldest first. */
export function openIncidents(db: DB): IncidentRow[] {
  return stmt<[], IncidentRow>(
    db,
    "SELECT * FROM incidents WHERE status <> 'closed' ORDER BY occurred_at, id",
  ).all();
}

/** What the review list looks for (instants, today and visibility already worked out by the handler). */
export interface IncidentSearch {
  /** A non-manager: only the incidents they opened, the open ones, and those they must follow up. */
  visibleTo?: number;
  /** Occurred at or after this instant. */
  occurredFrom?: string;
  /** Occurred before this instant. */
  occurredBefore?: string;
  kind?: IncidentKind;
  status?: IncidentStatus;
  severity?: IncidentSeverity;
  memberId?: number;
  /** Opened, was told, took the statement, went to hospital, closed, or has a follow-up. */
  staffId?: number;
  /** Lower-case text to find; `inManagersFields`: in the medical details and addenda as well. */
  text?: { q: string; inManagersFields: boolean };
  /** A follow-up not done that is due today / overdue / either. */
  followUps?: { filter: IncidentFollowUpFilter; today: string };
}

/** Every incident matching, newest first. */
export function searchIncidents(db: DB, s: IncidentSearch): IncidentRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (s.visibleTo !== undefined) {
    where.push(
      `(i.opened_by = ? OR i.status <> 'closed' OR EXISTS (SELECT 1 FROM incident_follow_ups f WHERE f.incident_id = i.id AND f.assigned_to = ?))`,
    );
    params.push(s.visibleTo, s.visibleTo);
  }
  if (s.occurredFrom !== undefined) {
    where.push('i.occurred_at >= ?');
    params.push(s.occurredFrom);
  }
  if (s.occurredBefore !== undefined) {
    where.push('i.occurred_at < ?');
    params.push(s.occurredBefore);
  }
  for (const [col, v] of [
    ['kind', s.kind],
    ['status', s.status],
    ['severity', s.severity],
    ['member_id', s.memberId],
  ] as const) {
    if (v !== undefined) {
      where.push(`i.${col} = ?`);
      params.push(v);
    }
  }
  if (s.staffId !== undefined) {
    where.push(
      `(i.opened_by = ? OR i.cs_manager_id = ? OR i.statement_taken_by = ? OR i.hospital_accompanied_by = ? OR i.closed_by = ?
        OR EXISTS (SELECT 1 FROM incident_follow_ups f WHERE f.incident_id = i.id AND (f.assigned_to = ? OR f.done_by = ?)))`,
    );
    for (let i = 0; i < 7; i++) params.push(s.staffId);
  }
  if (s.text) {
    const { q, inManagersFields } = s.text;
    const cols = ['i.what', 'i.place', 'i.member_name', 'i.member_card_no'];
    if (inManagersFields)
      cols.push(
        'i.harm',
        'i.duty_coach',
        'i.first_aid_by',
        'i.hospital_name',
        'i.member_request',
        'i.handling_opinion',
      );
    const terms = cols.map((c) => `instr(lower(coalesce(${c}, '')), ?) > 0`);
    params.push(...cols.map(() => q));
    if (inManagersFields) {
      terms.push(
        `EXISTS (SELECT 1 FROM incident_addenda d WHERE d.incident_id = i.id AND instr(lower(d.text), ?) > 0)`,
      );
      params.push(q);
    }
    where.push(`(${terms.join(' OR ')})`);
  }
  if (s.followUps) {
    const f = s.followUps.filter;
    const cmp = f === 'due_today' ? '=' : f === 'overdue' ? '<' : '<=';
    where.push(
      `EXISTS (SELECT 1 FROM incident_follow_ups f WHERE f.incident_id = i.id AND f.done_at IS NULL AND f.due_date ${cmp} ?)`,
    );
    params.push(s.followUps.today);
  }
  return stmt<(string | number)[], IncidentRow>(
    db,
    `SELECT i.* FROM incidents i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.occurred_at DESC, i.id DESC`,
  ).all(...params);
}

// ---- follow-ups, addenda, attachments ---------------------------------------------------------------

export function followUpById(db: DB, id: number): FollowUpRow | undefined {
  return stmt<[number], FollowUpRow>(db, 'SELECT * FROM incident_follow_ups WHERE id = ?').get(id);
}

export function followUpsOf(db: DB, incidentId: number): FollowUpRow[] {
  return stmt<[number], FollowUpRow>(
    db,
    'SELECT * FROM incident_follow_ups WHERE incident_id = ? ORDER BY due_date, id',
  ).all(incidentId);
}

/** The follow-ups not done of the given incidents, earliest due first. */
export function pendingFollowUps(db: DB, incidentIds: readonly number[]): FollowUpRow[] {
  return stmt<[string], FollowUpRow>(
    db,
    `SELECT * FROM incident_follow_ups
       WHERE done_at IS NULL AND incident_id IN (SELECT value FROM json_each(?)) ORDER BY due_date, id`,
  ).all(JSON.stringify(incidentIds));
}

export function hasPendingFollowUp(db: DB, incidentId: number): boolean {
  return (
    stmt<[number], { one: 1 }>(
      db,
      'SELECT 1 AS one FROM incident_follow_ups WHERE incident_id = ? AND done_at IS NULL',
    ).get(incidentId) !== undefined
  );
}

/** Whether a follow-up of the incident is assigned to the staff member. */
export function hasFollowUpFor(db: DB, incidentId: number, staffId: number): boolean {
  return (
    stmt<[number, number], { one: 1 }>(
      db,
      'SELECT 1 AS one FROM incident_follow_ups WHERE incident_id = ? AND assigned_to = ?',
    ).get(incidentId, staffId) !== undefined
  );
}

export function addendaOf(db: DB, incidentId: number): AddendumRow[] {
  return stmt<[number], AddendumRow>(
    db,
    'SELECT * FROM incident_addenda WHERE incident_id = ? ORDER BY id',
  ).all(incidentId);
}

export function attachmentById(db: DB, id: number): AttachmentRow | undefined {
  return stmt<[number], AttachmentRow>(db, 'SELECT * FROM incident_attachments WHERE id = ?').get(id);
}

/** The incident's attachments; only those the staff member attached when `createdBy` is given. */
export function attachmentsOf(db: DB, incidentId: number, createdBy?: number): AttachmentRow[] {
  return createdBy === undefined
    ? stmt<[number], AttachmentRow>(
        db,
        'SELECT * FROM incident_attachments WHERE incident_id = ? ORDER BY id',
      ).all(incidentId)
    : stmt<[number, number], AttachmentRow>(
        db,
        'SELECT * FROM incident_attachments WHERE incident_id = ? AND created_by = ? ORDER BY id',
      ).all(incidentId, createdBy);
}

// ---- writing ------------------------------------------------------------------------------------

/** The person concerned as the incident stores it (a member's snapshot, or someone typed in). */
export interface PersonColumns {
  member_id: number | null;
  member_card_no: string | null;
  member_name: string | null;
  member_gender: 'male' | 'female' | null;
  member_age: number | null;
}

export interface NewIncident {
  openedAt: string;
  openedBy: number;
  occurredAt: string;
  place: string;
  what: string;
  kind: IncidentKind;
  severity: IncidentSeverity | null;
  person: PersonColumns | null;
}

/** Inserts an incident (open, updated now); its id. */
export function insertIncident(db: DB, i: NewIncident): number {
  const r = stmt(
    db,
    `INSERT INTO incidents (opened_at, opened_by, occurred_at, place, what, kind, severity,
                            member_id, member_card_no, member_name, member_gender, member_age, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    i.openedAt,
    i.openedBy,
    i.occurredAt,
    i.place,
    i.what,
    i.kind,
    i.severity,
    i.person?.member_id ?? null,
    i.person?.member_card_no ?? null,
    i.person?.member_name ?? null,
    i.person?.member_gender ?? null,
    i.person?.member_age ?? null,
    i.openedAt,
  );
  return Number(r.lastInsertRowid);
}

/** The columns the record's steps write (never its id, opening or update time). */
export type IncidentColumns = Partial<Omit<IncidentRow, 'id' | 'opened_at' | 'opened_by' | 'updated_at'>>;

/** Writes the given columns and the update time. */
export function updateIncident(db: DB, id: number, cols: IncidentColumns, updatedAt: string): void {
  const set = Object.entries(cols);
  stmt<(string | number | null)[]>(
    db,
    `UPDATE incidents SET ${set.map(([k]) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  ).run(...set.map(([, v]) => v ?? null), updatedAt, id);
}

export function touchIncident(db: DB, id: number, updatedAt: string): void {
  stmt<[string, number]>(db, 'UPDATE incidents SET updated_at = ? WHERE id = ?').run(updatedAt, id);
}

export function insertAddendum(db: DB, incidentId: number, text: string, at: string, by: number): void {
  stmt<[number, string, string, number]>(
    db,
    'INSERT INTO incident_addenda (incident_id, text, at, by) VALUES (?, ?, ?, ?)',
  ).run(incidentId, text, at, by);
}

export interface NewFollowUp {
  incidentId: number;
  kind: FollowUpKind;
  dueDate: string;
  assignedTo: number | null;
  note: string;
  createdAt: string;
  createdBy: number;
}

/** Inserts a follow-up; its id. */
export function insertFollowUp(db: DB, f: NewFollowUp): number {
  const r = stmt<[number, FollowUpKind, string, number | null, string, string, number]>(
    db,
    `INSERT INTO incident_follow_ups (incident_id, kind, due_date, assigned_to, note, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.incidentId, f.kind, f.dueDate, f.assignedTo, f.note, f.createdAt, f.createdBy);
  return Number(r.lastInsertRowid);
}

export function completeFollowUp(db: DB, id: number, at: string, by: number, outcome: string | null): void {
  stmt<[string, number, string | null, number]>(
    db,
    'UPDATE incident_follow_ups SET done_at = ?, done_by = ?, outcome = ? WHERE id = ?',
  ).run(at, by, outcome, id);
}

export interface NewAttachment {
  incidentId: number;
  name: string;
  mime: AttachmentType;
  sizeBytes: number;
  sha256: string;
  note: string;
  createdAt: string;
  createdBy: number;
}

/** Inserts an attachment's row (its file is stored under its hash); its id. */
export function insertAttachment(db: DB, a: NewAttachment): number {
  const r = stmt<[number, string, AttachmentType, number, string, string, string, number]>(
    db,
    `INSERT INTO incident_attachments (incident_id, original_name, mime, size_bytes, sha256, note, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.incidentId, a.name, a.mime, a.sizeBytes, a.sha256, a.note, a.createdAt, a.createdBy);
  return Number(r.lastInsertRowid);
}
