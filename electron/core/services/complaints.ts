/**
 * Complaints (投诉处理): the duty manager takes a complaint down; the supervisor of the department
 * concerned finds out what happened; duty manager and supervisor agree a resolution (and any action
 * on staff); the outcome is reported to the store manager and the complaint is closed. One beyond
 * the duty manager's authority is escalated to the store manager with a written report, and only the
 * store manager resolves it. A complaint not resolved on the day it was registered stays on the
 * open list (shown at every shift opening: to reception without who complained or what about) and is
 * followed up with dated notes. Each complaint is to be closed within complaintDeadlineDays (6 by
 * default) of being registered: its due date is set then, and due / overdue ones are shown to the
 * managers. The close records what the member wanted and what was agreed with the member.
 *
 *   registered → assigned → investigated → resolved → closed
 *        └──────────┴────────────┴→ escalated → resolved (store manager) → closed
 */
import type { DB } from '../db/database';
import type {
  ComplaintChannel,
  ComplaintDeadline,
  ComplaintDeskRow,
  ComplaintDetail,
  ComplaintList,
  ComplaintRow,
  ComplaintStatus,
  Department,
  OpenComplaint,
  StaffRef,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { MANAGERS } from '../permissions';
import { addDays, dayBoundsUtc, daysBetween, localDate } from '../../shared/dates';
import { getMemberRow } from '../areas/members';
import { stmt } from '../kernel/statements';

interface ComplaintDb {
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
}

/** Statuses of the open list: not resolved yet. */
const OPEN_STATUSES: readonly ComplaintStatus[] = ['registered', 'assigned', 'investigated', 'escalated'];

function staffRef(db: DB, id: number | null): StaffRef | null {
  if (id === null) return null;
  const s = stmt(db, 'SELECT id, name FROM staff WHERE id = ?').get(id) as StaffRef | undefined;
  return s ?? { id, name: '' };
}

function getComplaint(db: DB, id: number): ComplaintDb {
  const r = stmt(db, 'SELECT * FROM complaints WHERE id = ?').get(id) as ComplaintDb | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'complaint' });
  return r;
}

/**
 * Where the complaint stands against its deadline (complaintDeadlineDays from registration,
 * stored as due_date): due = the due date is today or tomorrow.
 */
function deadlineOf(ctx: Ctx, r: ComplaintDb): { daysLeft: number | null; deadline: ComplaintDeadline } {
  if (r.status === 'closed') {
    const closedOn = localDate(new Date(r.reported_at!), ctx.settings.timeZone);
    return { daysLeft: null, deadline: closedOn <= r.due_date ? 'met' : 'missed' };
  }
  const daysLeft = daysBetween(ctx.today(), r.due_date);
  return { daysLeft, deadline: daysLeft < 0 ? 'overdue' : daysLeft <= 1 ? 'due' : 'upcoming' };
}

/** "王小明" → "王**", "Emma Liu" → "E*** ***": enough to tell two complaints apart, not to name anyone. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.map((c, i) => (i === 0 || /\s/.test(c) ? c : '*')).join('');
}

export function toComplaintRow(ctx: Ctx, r: ComplaintDb): ComplaintRow {
  const tz = ctx.settings.timeZone;
  const registered = localDate(new Date(r.registered_at), tz);
  const end = r.resolved_at ? localDate(new Date(r.resolved_at), tz) : ctx.today();
  return {
    id: r.id,
    status: r.status,
    registeredAt: r.registered_at,
    registeredBy: staffRef(ctx.db, r.registered_by)!,
    memberId: r.member_id,
    cardNo: r.member_card_no,
    complainantName: r.complainant_name,
    channel: r.channel,
    department: r.department,
    what: r.what,
    supervisorName: r.supervisor_name,
    escalated: r.escalated_at !== null,
    open: OPEN_STATUSES.includes(r.status),
    resolvedSameDay: r.resolved_at ? end === registered : null,
    daysOpen: Math.max(0, daysBetween(registered, end)),
    dueDate: r.due_date,
    ...deadlineOf(ctx, r),
  };
}

/** What reception (and everyone but managers) may see of a complaint: see ComplaintDeskRow. */
function toDeskRow(ctx: Ctx, r: ComplaintDb): ComplaintDeskRow {
  const row = toComplaintRow(ctx, r);
  return {
    view: 'desk',
    id: row.id,
    status: row.status,
    registeredAt: row.registeredAt,
    department: row.department,
    escalated: row.escalated,
    daysOpen: row.daysOpen,
    dueDate: row.dueDate,
    daysLeft: row.daysLeft,
    deadline: row.deadline,
    complainant: maskName(r.complainant_name),
  };
}

function toDetail(ctx: Ctx, r: ComplaintDb): ComplaintDetail {
  const db = ctx.db;
  const notes = (
    stmt(db, 'SELECT id, text, at, by FROM complaint_notes WHERE complaint_id = ? ORDER BY id').all(r.id) as {
      id: number;
      text: string;
      at: string;
      by: number;
    }[]
  ).map((n) => ({ id: n.id, text: n.text, at: n.at, by: staffRef(db, n.by)! }));
  return {
    ...toComplaintRow(ctx, r),
    contact: r.contact,
    staffInvolved: r.staff_involved,
    assignedAt: r.assigned_at,
    assignedBy: staffRef(db, r.assigned_by),
    findings: r.findings,
    findingsAt: r.findings_at,
    resolution: r.resolution,
    staffAction: r.staff_action,
    resolvedAt: r.resolved_at,
    resolvedBy: staffRef(db, r.resolved_by),
    escalatedAt: r.escalated_at,
    escalatedBy: staffRef(db, r.escalated_by),
    escalationReport: r.escalation_report,
    reportedAt: r.reported_at,
    reportedBy: staffRef(db, r.reported_by),
    desiredOutcome: r.desired_outcome,
    agreedOutcome: r.agreed_outcome,
    notes,
    updatedAt: r.updated_at,
  };
}

function load(ctx: Ctx, id: number): ComplaintDetail {
  return toDetail(ctx, getComplaint(ctx.db, id));
}

function notClosed(r: ComplaintDb): void {
  if (r.status === 'closed') throw new AppError('COMPLAINT_CLOSED', { id: r.id });
}

function stepInvalid(r: ComplaintDb, step: string): AppError {
  return new AppError('COMPLAINT_STEP_INVALID', { id: r.id, step, current: r.status });
}

/** Writes the given columns (names from this file only) and the update time. */
function setColumns(ctx: Ctx, id: number, cols: Partial<ComplaintDb>): void {
  const keys = Object.keys(cols) as (keyof ComplaintDb)[];
  stmt(
    ctx.db,
    `UPDATE complaints SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  ).run(...keys.map((k) => cols[k] ?? null), ctx.nowIso(), id);
}

/**
 * The open complaints (not resolved), oldest first: for shift opening and the review. Managers get
 * the full row; everyone else (reception at shift opening) the desk row: no name, contact, card
 * number or what it is about.
 */
export function openComplaints(ctx: Ctx): OpenComplaint[] {
  const rows = stmt(
    ctx.db,
    `SELECT * FROM complaints WHERE status IN (SELECT value FROM json_each(?)) ORDER BY registered_at, id`,
  ).all(JSON.stringify(OPEN_STATUSES)) as ComplaintDb[];
  const full = MANAGERS.includes(ctx.requireActor().role);
  return rows.map((r) => (full ? { ...toComplaintRow(ctx, r), view: 'full' as const } : toDeskRow(ctx, r)));
}

/** Over every complaint not closed: due today or tomorrow, past the deadline. */
function deadlineCounts(ctx: Ctx): { due: number; overdue: number } {
  const today = ctx.today();
  const r = stmt(
    ctx.db,
    `SELECT coalesce(sum(due_date < ?), 0) AS overdue, coalesce(sum(due_date >= ? AND due_date <= ?), 0) AS due
       FROM complaints WHERE status <> 'closed'`,
  ).get(today, today, addDays(today, 1)) as { overdue: number; due: number };
  return { due: r.due, overdue: r.overdue };
}

export const complaintHandlers = handlers({
  'complaints.create': (ctx, a) => {
    const me = ctx.requireActor();
    const member = a.memberId !== undefined ? getMemberRow(ctx.db, a.memberId) : null;
    const name = a.complainantName ?? member?.name;
    if (!name) throw new AppError('VALIDATION', { issues: [{ path: 'complainantName', code: 'required' }] });
    const now = ctx.nowIso();
    const dueDate = addDays(ctx.today(), ctx.settings.complaintDeadlineDays);
    const id = Number(
      stmt(
        ctx.db,
        `INSERT INTO complaints (registered_at, registered_by, member_id, member_card_no, complainant_name, contact,
                                   channel, what, staff_involved, department, updated_at, due_date, desired_outcome)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        now,
        me.id,
        member?.id ?? null,
        member?.card_no ?? null,
        name,
        a.contact || null,
        a.channel,
        a.what,
        a.staffInvolved ?? '',
        a.department,
        now,
        dueDate,
        a.desiredOutcome ?? null,
      ).lastInsertRowid,
    );
    ctx.audit({
      op: 'complaints.create',
      entity: 'complaint',
      entityId: id,
      after: {
        memberId: member?.id ?? null,
        channel: a.channel,
        department: a.department,
        what: a.what,
        dueDate,
        ...(a.desiredOutcome !== undefined ? { desiredOutcome: a.desiredOutcome } : {}),
      },
    });
    return load(ctx, id);
  },

  'complaints.update': (ctx, a) => {
    const r = getComplaint(ctx.db, a.id);
    notClosed(r);
    const cols: Partial<ComplaintDb> = {};
    if (a.channel !== undefined) cols.channel = a.channel;
    if (a.what !== undefined) cols.what = a.what;
    if (a.contact !== undefined) cols.contact = a.contact || null;
    if (a.staffInvolved !== undefined) cols.staff_involved = a.staffInvolved;
    if (a.department !== undefined) cols.department = a.department;
    if (a.desiredOutcome !== undefined) cols.desired_outcome = a.desiredOutcome;
    if (a.findings !== undefined) {
      // The supervisor finds out what happened: a supervisor must be assigned (or the store manager
      // investigates an escalated complaint).
      if (r.supervisor_name === null && r.status !== 'escalated') throw stepInvalid(r, 'findings');
      cols.findings = a.findings;
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of Object.keys(cols) as (keyof ComplaintDb)[]) {
      if (r[k] === cols[k]) {
        delete cols[k];
      } else {
        before[k] = r[k];
        after[k] = cols[k];
      }
    }
    if (Object.keys(after).length === 0) return toDetail(ctx, r);
    if (cols.findings !== undefined) {
      cols.findings_at = ctx.nowIso();
      if (r.status === 'assigned') cols.status = 'investigated';
    }
    setColumns(ctx, r.id, cols);
    ctx.audit({ op: 'complaints.update', entity: 'complaint', entityId: r.id, before, after });
    return load(ctx, r.id);
  },

  'complaints.assign': (ctx, a) => {
    const r = getComplaint(ctx.db, a.id);
    notClosed(r);
    if (r.status === 'resolved') throw stepInvalid(r, 'assign');
    const cols: Partial<ComplaintDb> = {
      supervisor_name: a.supervisorName,
      assigned_at: ctx.nowIso(),
      assigned_by: ctx.requireActor().id,
    };
    if (a.department !== undefined) cols.department = a.department;
    if (r.status === 'registered') cols.status = 'assigned';
    setColumns(ctx, r.id, cols);
    ctx.audit({
      op: 'complaints.assign',
      entity: 'complaint',
      entityId: r.id,
      before: { supervisorName: r.supervisor_name, department: r.department },
      after: { supervisorName: a.supervisorName, department: a.department ?? r.department },
    });
    return load(ctx, r.id);
  },

  'complaints.resolve': (ctx, a) => {
    const r = getComplaint(ctx.db, a.id);
    notClosed(r);
    const me = ctx.requireActor();
    if (r.status === 'escalated' && me.role !== 'store_manager')
      throw new AppError('COMPLAINT_ESCALATED', { id: r.id });
    if (r.status !== 'investigated' && r.status !== 'escalated') throw stepInvalid(r, 'resolve');
    setColumns(ctx, r.id, {
      status: 'resolved',
      resolution: a.resolution,
      staff_action: a.staffAction || null,
      resolved_at: ctx.nowIso(),
      resolved_by: me.id,
    });
    ctx.audit({
      op: 'complaints.resolve',
      entity: 'complaint',
      entityId: r.id,
      before: { status: r.status },
      after: { status: 'resolved', resolution: a.resolution, staffAction: a.staffAction ?? null },
    });
    return load(ctx, r.id);
  },

  'complaints.escalate': (ctx, a) => {
    const r = getComplaint(ctx.db, a.id);
    notClosed(r);
    if (r.status !== 'registered' && r.status !== 'assigned' && r.status !== 'investigated')
      throw stepInvalid(r, 'escalate');
    setColumns(ctx, r.id, {
      status: 'escalated',
      escalated_at: ctx.nowIso(),
      escalated_by: ctx.requireActor().id,
      escalation_report: a.report,
    });
    ctx.audit({
      op: 'complaints.escalate',
      entity: 'complaint',
      entityId: r.id,
      before: { status: r.status },
      after: { status: 'escalated' },
      detail: a.report,
    });
    return load(ctx, r.id);
  },

  'complaints.close': (ctx, a) => {
    const r = getComplaint(ctx.db, a.id);
    notClosed(r);
    if (r.status !== 'resolved') throw stepInvalid(r, 'close');
    // The rulebook: record what the member wants and what was agreed (the after-care call asks
    // whether the member is satisfied with it).
    const desired = a.desiredOutcome ?? r.desired_outcome;
    const agreed = a.agreedOutcome ?? r.agreed_outcome;
    const missing = [...(desired ? [] : ['desiredOutcome']), ...(agreed ? [] : ['agreedOutcome'])];
    if (missing.length)
      throw new AppError('COMPLAINT_OUTCOME_MISSING', { id: r.id, missing, count: missing.length });
    setColumns(ctx, r.id, {
      status: 'closed',
      reported_at: ctx.nowIso(),
      reported_by: ctx.requireActor().id,
      desired_outcome: desired,
      agreed_outcome: agreed,
    });
    const closedOn = ctx.today();
    ctx.audit({
      op: 'complaints.close',
      entity: 'complaint',
      entityId: r.id,
      before: { status: r.status, desiredOutcome: r.desired_outcome },
      after: {
        status: 'closed',
        desiredOutcome: desired,
        agreedOutcome: agreed,
        dueDate: r.due_date,
        deadline: closedOn <= r.due_date ? 'met' : 'missed',
      },
    });
    return load(ctx, r.id);
  },

  'complaints.addNote': (ctx, a) => {
    const r = getComplaint(ctx.db, a.id);
    stmt(ctx.db, 'INSERT INTO complaint_notes (complaint_id, text, at, by) VALUES (?, ?, ?, ?)').run(
      r.id,
      a.text,
      ctx.nowIso(),
      ctx.requireActor().id,
    );
    stmt(ctx.db, 'UPDATE complaints SET updated_at = ? WHERE id = ?').run(ctx.nowIso(), r.id);
    ctx.audit({ op: 'complaints.addNote', entity: 'complaint', entityId: r.id, detail: a.text });
    return load(ctx, r.id);
  },

  'complaints.list': (ctx, a): ComplaintList => {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const tz = ctx.settings.timeZone;
    if (a.from && a.to && a.to < a.from) throw new AppError('RANGE_INVALID', { from: a.from, to: a.to });
    if (a.from) {
      where.push('registered_at >= ?');
      params.push(dayBoundsUtc(a.from, tz).from);
    }
    if (a.to) {
      where.push('registered_at < ?');
      params.push(dayBoundsUtc(a.to, tz).to);
    }
    if (a.status) {
      where.push('status = ?');
      params.push(a.status);
    }
    if (a.open !== undefined) {
      where.push(`status ${a.open ? '' : 'NOT '}IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(OPEN_STATUSES));
    }
    if (a.department) {
      where.push('department = ?');
      params.push(a.department);
    }
    if (a.memberId !== undefined) {
      where.push('member_id = ?');
      params.push(a.memberId);
    }
    if (a.deadline) {
      const today = ctx.today();
      where.push(`status <> 'closed'`);
      if (a.deadline === 'overdue') where.push('due_date < ?');
      else if (a.deadline === 'due') where.push('due_date >= ? AND due_date <= ?');
      else where.push('due_date <= ?');
      if (a.deadline === 'due') params.push(today);
      params.push(a.deadline === 'overdue' ? today : addDays(today, 1));
    }
    const q = a.q?.trim().toLowerCase();
    if (q) {
      const cols = [
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
      where.push(`(${cols.map((c) => `instr(lower(coalesce(${c}, '')), ?) > 0`).join(' OR ')})`);
      for (let i = 0; i < cols.length; i++) params.push(q);
    }
    const rows = stmt(
      ctx.db,
      `SELECT * FROM complaints ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${a.deadline ? 'due_date, registered_at, id' : 'registered_at DESC, id DESC'}`,
    ).all(...params) as ComplaintDb[];
    const offset = a.offset ?? 0;
    const limit = a.limit ?? 100;
    return {
      rows: rows.slice(offset, offset + limit).map((r) => toComplaintRow(ctx, r)),
      total: rows.length,
      openCount: rows.filter((r) => OPEN_STATUSES.includes(r.status)).length,
      deadlines: deadlineCounts(ctx),
    };
  },

  'complaints.get': (ctx, a) => load(ctx, a.id),
});
