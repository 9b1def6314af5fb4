/**
 * Visitors, calls, disputes, appointments and inquiries as the contract shows them: the database's
 * rows (queries.ts, leadQueries.ts) mapped to domain names, with the lead's phone shown in full or
 * masked for the actor.
 *
 * Privacy: phones in every result are masked (138****5678) except for managers and the consultant
 * whose lead it is (who calls them); reception cannot collect the prospects' numbers.
 */
import type { DB } from '../../../db/database';
import type { Ctx } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { MANAGERS } from '../../../kernel/roles';
import { pickNext } from '../../rotation';
import type { ReasonParams } from '../../rotation/types';
import { formatPhone, maskPhone } from '../../../../shared/phone';
import type {
  AppointmentInfo,
  CardsSold,
  DisputeInfo,
  InquiryInfo,
  PassedOver,
  VisitorCall,
  VisitorDetail,
  VisitorSummary,
} from '../types';
import * as q from '../queries';
import type { CallJoinedRow, DisputeJoinedRow, VisitorJoinedRow } from '../queries';
import * as leads from '../leadQueries';
import type { AppointmentJoinedRow, InquiryJoinedRow } from '../leadQueries';
import type { CardsSoldRow } from '../reportQueries';

/**
 * A lead's phone as the actor may see it: in full ("138 1234 5678") for managers and for the
 * consultant whose lead it is (`owners`: who received, is credited, fixed the appointment, takes the
 * call back); masked (138****5678) for everyone else, so that no list or page of results gives out
 * the club's prospects' numbers.
 */
function leadPhone(ctx: Ctx, stored: string, ...owners: (number | null)[]): string;
function leadPhone(ctx: Ctx, stored: string | null, ...owners: (number | null)[]): string | null;
function leadPhone(ctx: Ctx, stored: string | null, ...owners: (number | null)[]): string | null {
  if (stored === null || stored === '') return stored;
  const actor = ctx.requireActor();
  const full = MANAGERS.includes(actor.role) || (actor.role === 'consultant' && owners.includes(actor.id));
  return full ? formatPhone(stored) : maskPhone(stored);
}

function surnameOf(name: string): string {
  const n = name.trim();
  if (/^[\u3400-\u9fff]/.test(n)) return n.slice(0, 1);
  const words = n.split(/\s+/);
  return words[words.length - 1] ?? n;
}

/** A reason's parameters, as stored (JSON). */
export function parseParams(json: string): ReasonParams {
  return JSON.parse(json) as ReasonParams;
}

// ---- visitors and their calls -------------------------------------------------------------------

function toCall(ctx: Ctx, k: CallJoinedRow): VisitorCall {
  const open = k.status === 'open';
  const overdue = open && k.deadline_at <= ctx.nowIso();
  return {
    id: k.id,
    staffId: k.staff_id,
    staffName: k.staff_name,
    basis: k.basis,
    code: k.reason_code,
    params: parseParams(k.reason_params),
    turnConsumed: k.turn_consumed === 1,
    calledAt: k.called_at,
    calledByName: k.called_by_name,
    pages: k.pages,
    maxPages: ctx.settings.maxPages,
    lastPagedAt: k.last_paged_at,
    deadlineAt: k.deadline_at,
    status: k.status,
    closedAt: k.closed_at,
    overdue,
    canPageAgain: open && k.pages < ctx.settings.maxPages,
    canProposeNext: overdue,
  };
}

export function toVisitorSummary(ctx: Ctx, v: VisitorJoinedRow): VisitorSummary {
  const call = v.status === 'calling' ? q.openCallOf(ctx.db, v.id) : undefined;
  return {
    id: v.id,
    day: v.day,
    name: v.name,
    surname: surnameOf(v.name),
    phone: leadPhone(ctx, v.phone, v.consultant_id, v.credit_consultant_id),
    gender: v.gender,
    heardFrom: v.heard_from,
    interests: JSON.parse(v.interests) as string[],
    firstVisit: v.first_visit === 1,
    metBefore: v.met_before === 1,
    metConsultantId: v.met_consultant_id,
    metConsultantName: v.met_name,
    hasAppointment: v.stated_appointment === 1,
    appointmentWithId: v.stated_appointment_with,
    appointmentWithName: v.appt_with_name,
    appointmentId: v.appointment_id,
    note: v.note,
    registeredAt: v.registered_at,
    registeredByName: v.registered_by_name,
    decision: { basis: v.basis, code: v.reason_code, params: parseParams(v.reason_params) },
    status: v.status,
    currentCall: call ? toCall(ctx, call) : null,
    consultantId: v.consultant_id,
    consultantName: v.consultant_name,
    creditConsultantId: v.credit_consultant_id,
    creditConsultantName: v.credit_name,
    acceptedAt: v.accepted_at,
    handedOverByName: v.handed_over_by_name,
    outcome: v.outcome,
    outcomeCardTypeName: v.card_type_name,
    followUpDate: v.outcome_follow_up_date,
    outcomeNote: v.outcome_note,
    outcomeAt: v.outcome_at,
    openDisputes: v.open_disputes,
  };
}

export function getVisitorRow(db: DB, id: number): VisitorJoinedRow {
  const v = q.visitorById(db, id);
  if (!v) throw new AppError('NOT_FOUND', { entity: 'visitor' });
  return v;
}

/** Who was passed over for a visitor's or an inquiry's turn. */
function passedOverOf(db: DB, col: 'visitor_id' | 'inquiry_id', id: number): PassedOver[] {
  return q
    .skipsOf(db, col, id)
    .map((r) => ({ staffId: r.staff_id, name: r.name, reason: r.reason, at: r.at }));
}

/** Consultants who already failed to come for this visitor: not called again by the rotation. */
export function noShowsOf(db: DB, visitorId: number): Set<number> {
  return new Set(q.noShowStaffOf(db, visitorId));
}

export function loadVisitor(ctx: Ctx, id: number): VisitorDetail {
  const row = toVisitorSummary(ctx, getVisitorRow(ctx.db, id));
  const calls = q.callsOf(ctx.db, id).map((k) => toCall(ctx, k));
  let proposal: VisitorDetail['proposal'] = null;
  if (row.status === 'waiting' || row.status === 'calling') {
    const exclude = noShowsOf(ctx.db, id);
    if (row.currentCall) exclude.add(row.currentCall.staffId);
    const p = pickNext(ctx.db, ctx.today(), 'visitor', exclude);
    // The consultant being called for this very visitor does not block the proposal.
    if (p.chosen) proposal = { staffId: p.chosen.staff_id, name: p.chosen.name };
  }
  return {
    ...row,
    calls,
    passedOver: passedOverOf(ctx.db, 'visitor_id', id),
    disputes: q.disputesOf(ctx.db, id).map(toDispute),
    proposal,
  };
}

export function toCardsSold(rows: CardsSoldRow[]): CardsSold[] {
  return rows.map((r) => ({ cardTypeId: r.id, cardTypeName: r.name, count: r.n }));
}

// ---- disputes -------------------------------------------------------------------------------------

export function toDispute(d: DisputeJoinedRow): DisputeInfo {
  return {
    id: d.id,
    visitorId: d.visitor_id,
    visitorName: d.visitor_name,
    visitorDay: d.visitor_day,
    raisedById: d.raised_by,
    raisedByName: d.raised_by_name,
    reason: d.reason,
    raisedAt: d.raised_at,
    recordedByName: d.recorded_by_name,
    creditBeforeId: d.credit_before,
    creditBeforeName: d.credit_before_name,
    status: d.status,
    decision: d.decision,
    creditToId: d.credit_to,
    creditToName: d.credit_to_name,
    decisionNote: d.decision_note,
    decidedAt: d.decided_at,
    decidedByName: d.decided_by_name,
  };
}

export function getDispute(db: DB, id: number): DisputeInfo {
  const d = q.disputeById(db, id);
  if (!d) throw new AppError('NOT_FOUND', { entity: 'dispute' });
  return toDispute(d);
}

// ---- appointments and inquiries -------------------------------------------------------------------

export function toAppointment(ctx: Ctx, a: AppointmentJoinedRow): AppointmentInfo {
  return {
    id: a.id,
    consultantId: a.consultant_id,
    consultantName: a.consultant_name,
    visitorName: a.visitor_name,
    phone: leadPhone(ctx, a.phone, a.consultant_id),
    date: a.appt_date,
    time: a.appt_time,
    place: a.place,
    note: a.note,
    fixedAt: a.fixed_at,
    createdByName: a.created_by_name,
    cancelledAt: a.cancelled_at,
  };
}

export function getAppointmentRow(db: DB, id: number): AppointmentJoinedRow {
  const a = leads.appointmentById(db, id);
  if (!a) throw new AppError('NOT_FOUND', { entity: 'appointment' });
  return a;
}

export function getAppointment(ctx: Ctx, id: number): AppointmentInfo {
  return toAppointment(ctx, getAppointmentRow(ctx.db, id));
}

export function toInquiry(ctx: Ctx, i: InquiryJoinedRow): InquiryInfo {
  return {
    id: i.id,
    day: i.day,
    callerName: i.caller_name,
    callbackPhone: leadPhone(ctx, i.callback_phone, i.consultant_id),
    hasAppointment: i.has_appointment === 1,
    appointmentWithId: i.appointment_with,
    appointmentWithName: i.appt_with_name,
    topic: i.topic,
    loggedAt: i.logged_at,
    loggedByName: i.logged_by_name,
    consultantId: i.consultant_id,
    consultantName: i.consultant_name,
    decision:
      i.basis && i.reason_code
        ? { basis: i.basis, code: i.reason_code, params: parseParams(i.reason_params) }
        : null,
    assignedAt: i.assigned_at,
    calledBackAt: i.called_back_at,
    calledBackByName: i.called_back_by_name,
    callbackNote: i.callback_note,
    passedOver: passedOverOf(ctx.db, 'inquiry_id', i.id),
  };
}

export function getInquiry(ctx: Ctx, id: number): InquiryInfo {
  const i = leads.inquiryById(ctx.db, id);
  if (!i) throw new AppError('NOT_FOUND', { entity: 'inquiry' });
  return toInquiry(ctx, i);
}
