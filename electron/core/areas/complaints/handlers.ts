/**
 * The complaints area's rules (投诉处理): the duty manager takes a complaint down; the supervisor of
 * the department concerned finds out what happened; duty manager and supervisor agree a resolution
 * (and any action on staff); the outcome is reported to the store manager and the complaint is
 * closed. One beyond the duty manager's authority is escalated to the store manager with a written
 * report, and only the store manager resolves it. A complaint not resolved on the day it was
 * registered stays on the open list (shown at every shift opening: to reception without who
 * complained or what about) and is followed up with dated notes. Each complaint is to be closed
 * within complaintDeadlineDays (6 by default) of being registered: its due date is set then, and
 * due / overdue ones are shown to the managers. The close records what the member wanted and what
 * was agreed with the member. The SQL is in queries.ts.
 *
 *   registered → assigned → investigated → resolved → closed
 *        └──────────┴────────────┴→ escalated → resolved (store manager) → closed
 */
import type { StaffRef } from '../../contract/types';
import type { DB } from '../../db/database';
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { MANAGERS } from '../../kernel/roles';
import { getMemberRow } from '../members';
import { addDays, dayBoundsUtc, daysBetween, localDate } from '../../../shared/dates';
import {
  COMPLAINT_OPEN_STATUSES,
  type ComplaintDeadline,
  type ComplaintDeskSummary,
  type ComplaintDetail,
  type ComplaintList,
  type ComplaintStatus,
  type ComplaintSummary,
  type complaintContract,
  type OpenComplaint,
} from './contract';
import * as q from './queries';
import type { ComplaintColumns, ComplaintRow } from './queries';

const OPEN: readonly ComplaintStatus[] = COMPLAINT_OPEN_STATUSES;

// ---- complaints as the contract shows them ------------------------------------------------------

function staffRef(db: DB, id: number | null): StaffRef | null {
  if (id === null) return null;
  return q.staffName(db, id) ?? { id, name: '' };
}

function getComplaint(db: DB, id: number): ComplaintRow {
  const r = q.complaintById(db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'complaint' });
  return r;
}

/**
 * Where the complaint stands against its deadline (complaintDeadlineDays from registration,
 * stored as due_date): due = the due date is today or tomorrow.
 */
function deadlineOf(ctx: Ctx, r: ComplaintRow): { daysLeft: number | null; deadline: ComplaintDeadline } {
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

function toSummary(ctx: Ctx, r: ComplaintRow): ComplaintSummary {
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
    open: OPEN.includes(r.status),
    resolvedSameDay: r.resolved_at ? end === registered : null,
    daysOpen: Math.max(0, daysBetween(registered, end)),
    dueDate: r.due_date,
    ...deadlineOf(ctx, r),
  };
}

/** What reception (and everyone but managers) may see of a complaint: see ComplaintDeskSummary. */
function toDeskSummary(ctx: Ctx, r: ComplaintRow): ComplaintDeskSummary {
  const s = toSummary(ctx, r);
  return {
    view: 'desk',
    id: s.id,
    status: s.status,
    registeredAt: s.registeredAt,
    department: s.department,
    escalated: s.escalated,
    daysOpen: s.daysOpen,
    dueDate: s.dueDate,
    daysLeft: s.daysLeft,
    deadline: s.deadline,
    complainant: maskName(r.complainant_name),
  };
}

function toDetail(ctx: Ctx, r: ComplaintRow): ComplaintDetail {
  const db = ctx.db;
  const notes = q
    .notesOf(db, r.id)
    .map((n) => ({ id: n.id, text: n.text, at: n.at, by: staffRef(db, n.by)! }));
  return {
    ...toSummary(ctx, r),
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
    aftercare:
      r.aftercare_satisfaction && r.aftercare_at
        ? {
            satisfaction: r.aftercare_satisfaction,
            comment: r.aftercare_comment,
            at: r.aftercare_at,
            by: staffRef(db, r.aftercare_by),
          }
        : null,
    notes,
    updatedAt: r.updated_at,
  };
}

function load(ctx: Ctx, id: number): ComplaintDetail {
  return toDetail(ctx, getComplaint(ctx.db, id));
}

function notClosed(r: ComplaintRow): void {
  if (r.status === 'closed') throw new AppError('COMPLAINT_CLOSED', { id: r.id });
}

function stepInvalid(r: ComplaintRow, step: string): AppError {
  return new AppError('COMPLAINT_STEP_INVALID', { id: r.id, step, current: r.status });
}

function setColumns(ctx: Ctx, id: number, cols: ComplaintColumns): void {
  q.updateComplaint(ctx.db, id, cols, ctx.nowIso());
}

/**
 * The open complaints (not resolved), oldest first: for shift opening and the review. Managers get
 * the full summary; everyone else (reception at shift opening) the desk one: no name, contact, card
 * number or what it is about.
 */
export function openComplaints(ctx: Ctx): OpenComplaint[] {
  const rows = q.openComplaintRows(ctx.db);
  const full = MANAGERS.includes(ctx.requireActor().role);
  return rows.map((r) => (full ? { ...toSummary(ctx, r), view: 'full' as const } : toDeskSummary(ctx, r)));
}

// ---- handlers -----------------------------------------------------------------------------------

export const complaintHandlers: HandlersOf<typeof complaintContract> = {
  'complaints.create': (ctx, a) => {
    const me = ctx.requireActor();
    const member = a.memberId !== undefined ? getMemberRow(ctx.db, a.memberId) : null;
    const name = a.complainantName ?? member?.name;
    if (!name) throw new AppError('VALIDATION', { issues: [{ path: 'complainantName', code: 'required' }] });
    const now = ctx.nowIso();
    const dueDate = addDays(ctx.today(), ctx.settings.complaintDeadlineDays);
    const id = q.insertComplaint(ctx.db, {
      registeredAt: now,
      registeredBy: me.id,
      memberId: member?.id ?? null,
      memberCardNo: member?.card_no ?? null,
      complainantName: name,
      contact: a.contact || null,
      channel: a.channel,
      what: a.what,
      staffInvolved: a.staffInvolved ?? '',
      department: a.department,
      dueDate,
      desiredOutcome: a.desiredOutcome ?? null,
    });
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
    const cols: ComplaintColumns = {};
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
    for (const k of Object.keys(cols) as (keyof ComplaintColumns)[]) {
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
    const cols: ComplaintColumns = {
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
    q.insertNote(ctx.db, r.id, a.text, ctx.nowIso(), ctx.requireActor().id);
    q.touchComplaint(ctx.db, r.id, ctx.nowIso());
    ctx.audit({ op: 'complaints.addNote', entity: 'complaint', entityId: r.id, detail: a.text });
    return load(ctx, r.id);
  },

  'complaints.list': (ctx, a): ComplaintList => {
    const tz = ctx.settings.timeZone;
    if (a.from && a.to && a.to < a.from) throw new AppError('RANGE_INVALID', { from: a.from, to: a.to });
    const today = ctx.today();
    const tomorrow = addDays(today, 1);
    const rows = q.searchComplaints(ctx.db, {
      registeredFrom: a.from ? dayBoundsUtc(a.from, tz).from : undefined,
      registeredBefore: a.to ? dayBoundsUtc(a.to, tz).to : undefined,
      status: a.status,
      open: a.open,
      department: a.department,
      memberId: a.memberId,
      deadline: a.deadline ? { filter: a.deadline, today, tomorrow } : undefined,
      text: a.q?.trim().toLowerCase() || undefined,
    });
    const offset = a.offset ?? 0;
    const limit = a.limit ?? 100;
    return {
      rows: rows.slice(offset, offset + limit).map((r) => toSummary(ctx, r)),
      total: rows.length,
      openCount: rows.filter((r) => OPEN.includes(r.status)).length,
      deadlines: q.deadlineCounts(ctx.db, today, tomorrow),
    };
  },

  'complaints.get': (ctx, a) => load(ctx, a.id),

  'complaints.satisfaction': (ctx, a) => {
    const tz = ctx.settings.timeZone;
    const months = Array.from({ length: 12 }, (_, i) => `${a.year}-${String(i + 1).padStart(2, '0')}`);
    const rows = q.resolvedBetween(
      ctx.db,
      dayBoundsUtc(`${a.year}-01-01`, tz).from,
      dayBoundsUtc(`${a.year}-12-31`, tz).to,
    );
    return months.map((month) => {
      const mine = rows.filter((r) => localDate(new Date(r.resolved_at), tz).startsWith(month));
      const n = (s: string) => mine.filter((r) => r.satisfaction === s).length;
      return {
        month,
        resolved: mine.length,
        satisfied: n('satisfied'),
        fair: n('fair'),
        unsatisfied: n('unsatisfied'),
        notCalled: mine.filter((r) => r.satisfaction === null).length,
      };
    });
  },
};

/**
 * Files the after-care call's answer with a resolved complaint (the calls area calls this when the
 * member is called back): the satisfaction and comment on the complaint (shown with it). Once.
 */
export function fileComplaintAftercare(
  ctx: Ctx,
  id: number,
  satisfaction: 'satisfied' | 'fair' | 'unsatisfied',
  comment: string,
): void {
  const r = getComplaint(ctx.db, id);
  const at = ctx.nowIso();
  const by = ctx.requireActor().id;
  if (!q.fileAftercare(ctx.db, { id, satisfaction, comment: comment || null, at, by })) return;
  q.touchComplaint(ctx.db, id, at);
  ctx.audit({
    op: 'calls.record',
    entity: 'complaint',
    entityId: id,
    before: { status: r.status, aftercare: null },
    after: { aftercare: { satisfaction, comment: comment || null } },
  });
}
