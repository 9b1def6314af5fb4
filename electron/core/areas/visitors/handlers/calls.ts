/**
 * Walk-in visitors (访客接待): registration, the decision whom to call (and why), calls with pages
 * and a timer, the hand-off (the consultant's PIN), outcomes, and the day's list.
 *
 * Whom to call (domain.md, "Visitors and the consultant rotation" and "Leads (撞单)"):
 * 1. The visitor's phone (however it is written: shared/phone.ts) matches appointments fixed at most
 *    `leadOwnershipDays` ago — the days count from when the appointment was fixed, not from its
 *    date: the consultant who fixed the earliest of them owns the lead and is called if at the club;
 *    appointments fixed longer ago make the lead shared.
 * 2. An appointment the visitor names (nothing recorded): that consultant, if at the club.
 * 3. Met a consultant before and names them: that consultant, if at the club.
 * 4. Everyone else (first visit, a name they cannot remember, the named consultant absent): the
 *    rotation. Only rotation calls use a turn.
 * The decision and the turn it takes happen in the operation's single IMMEDIATE transaction, so two
 * visitors registered at the same moment never get the same consultant.
 *
 * One sale, one consultant: a phone still being handled today (waiting, called, with a consultant)
 * cannot be registered a second time (two consultants would receive the same person); a visitor's
 * outcome and any card sold count for the one consultant credited with the visitor (the one who
 * received them, unless a dispute moved the credit, wholly, to another).
 */
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { getStaffRow, verifyPin } from '../../staff';
import {
  checkOwn,
  consultantDone,
  presence,
  requireConsultant,
  setSigninState,
  signinOf,
  takeTurn,
} from '../../rotation';
import type { ReasonParams } from '../../rotation/types';
import { phoneKey } from '../../../../shared/phone';
import { daysBetween, localDate } from '../../../../shared/dates';
import type { visitorsContract } from '../contract';
import type { Decision, DecisionCode, VisitorSummary, VisitorsToday } from '../types';
import * as q from '../queries';
import type { CallJoinedRow, VisitorJoinedRow } from '../queries';
import * as leads from '../leadQueries';
import * as figures from '../reportQueries';
import { getVisitorRow, loadVisitor, noShowsOf, parseParams, toCardsSold, toVisitorSummary } from './views';

// ---- calling ---------------------------------------------------------------------------------

function createCall(ctx: Ctx, visitorId: number, staffId: number, d: Decision, turnConsumed: boolean): void {
  const now = ctx.now();
  const deadline = new Date(now.getTime() + ctx.settings.callTimeoutSeconds * 1000).toISOString();
  q.insertCall(ctx.db, {
    visitorId,
    staffId,
    basis: d.basis,
    reasonCode: d.code,
    reasonParams: d.params,
    turnConsumed,
    at: now.toISOString(),
    by: ctx.requireActor().id,
    deadlineAt: deadline,
  });
  q.setVisitorStatus(ctx.db, visitorId, 'calling');
}

/** Calls the next consultant in rotation for a visitor; false when nobody can come (the visitor waits). */
function callByRotation(ctx: Ctx, visitorId: number, d: Decision): boolean {
  const chosen = takeTurn(ctx, 'visitor', { visitorId }, noShowsOf(ctx.db, visitorId));
  if (!chosen) {
    q.setVisitorStatus(ctx.db, visitorId, 'waiting');
    return false;
  }
  createCall(ctx, visitorId, chosen.staff_id, { ...d, basis: 'rotation' }, true);
  return true;
}

/** The called consultant did not come: the no-show is recorded and the next in rotation is called. */
function noShowAndNext(ctx: Ctx, visitorId: number, call: CallJoinedRow): void {
  q.closeCall(ctx.db, call.id, 'no_show', ctx.nowIso(), ctx.requireActor().id);
  const called = callByRotation(ctx, visitorId, {
    basis: 'rotation',
    code: 'no_show_next',
    params: { previous: call.staff_name, previousId: call.staff_id },
  });
  ctx.audit({
    op: 'visitors.noShow',
    entity: 'visitor',
    entityId: visitorId,
    before: { consultantId: call.staff_id, pages: call.pages, deadlineAt: call.deadline_at },
    after: { next: q.openCallOf(ctx.db, visitorId)?.staff_id ?? null, waiting: !called },
  });
}

function pageAgain(ctx: Ctx, call: CallJoinedRow): void {
  const now = ctx.now();
  q.pageCall(
    ctx.db,
    call.id,
    now.toISOString(),
    new Date(now.getTime() + ctx.settings.callTimeoutSeconds * 1000).toISOString(),
  );
}

/**
 * With autoProposeNext: every call whose timer ran out is paged again (while pages are left) or
 * given up (no-show) and the next consultant called. Returns the visitors changed.
 */
function sweep(ctx: Ctx): number[] {
  if (!ctx.settings.autoProposeNext) return [];
  const due = q.overdueCalls(ctx.db, ctx.nowIso());
  for (const k of due) {
    if (k.pages < ctx.settings.maxPages) {
      pageAgain(ctx, k);
      ctx.audit({
        op: 'visitors.page',
        entity: 'visitor',
        entityId: k.visitor_id,
        after: { pages: k.pages + 1, auto: true },
      });
    } else noShowAndNext(ctx, k.visitor_id, k);
  }
  return due.map((k) => k.visitor_id);
}

/** Whom to call for a new visitor, and why. */
function decide(
  ctx: Ctx,
  a: {
    phone: string;
    metBefore: boolean;
    metConsultantId: number | null;
    hasAppointment: boolean;
    appointmentWithId: number | null;
  },
): { decision: Decision; callStaffId: number | null; appointmentId: number | null } {
  const day = ctx.today();
  const limit = ctx.settings.leadOwnershipDays;
  const tz = ctx.settings.timeZone;
  const appts = leads
    .appointmentsForPhone(ctx.db, phoneKey(a.phone))
    .map((x) => ({ ...x, sinceFixed: daysBetween(localDate(new Date(x.fixed_at), tz), day) }));
  // The ownership days count from the day the appointment was fixed (domain.md, 撞单), never from
  // the appointment's date: an appointment set far ahead does not keep a lead.
  const live = appts.filter((x) => x.sinceFixed <= limit);
  const owner = live[0];
  const named = (
    staffId: number,
    basis: 'named' | 'appointment',
    code: DecisionCode,
    absentCode: DecisionCode,
    extra: ReasonParams = {},
  ) => {
    const name = getStaffRow(ctx.db, staffId)?.name ?? '';
    const p = presence(ctx.db, day, staffId);
    if (p.present)
      return {
        decision: { basis, code, params: { consultant: name, consultantId: staffId, ...extra } },
        callStaffId: staffId,
      };
    return {
      decision: {
        basis: 'rotation' as const,
        code: absentCode,
        params: { consultant: name, consultantId: staffId, state: p.state, ...extra },
      },
      callStaffId: null,
    };
  };
  if (owner) {
    const r = named(owner.consultant_id, 'appointment', 'appointment', 'appointment_absent', {
      appointmentId: owner.id,
      date: owner.appt_date,
      place: owner.place,
      fixedAt: owner.fixed_at,
      days: owner.sinceFixed,
      others: live.filter((x) => x.consultant_id !== owner.consultant_id).length,
    });
    return { ...r, appointmentId: owner.id };
  }
  if (a.hasAppointment && a.appointmentWithId !== null)
    return {
      ...named(a.appointmentWithId, 'appointment', 'appointment_stated', 'appointment_absent'),
      appointmentId: null,
    };
  if (a.metBefore && a.metConsultantId !== null)
    return { ...named(a.metConsultantId, 'named', 'met_before', 'met_before_absent'), appointmentId: null };
  const expired = appts.length ? appts[appts.length - 1] : undefined;
  if (expired) {
    return {
      decision: {
        basis: 'rotation',
        code: 'appointment_expired',
        params: {
          consultant: expired.name,
          consultantId: expired.consultant_id,
          date: expired.appt_date,
          fixedAt: expired.fixed_at,
          days: expired.sinceFixed,
          limit,
        },
      },
      callStaffId: null,
      appointmentId: null,
    };
  }
  return {
    decision: { basis: 'rotation', code: a.metBefore ? 'name_unknown' : 'first_visit', params: {} },
    callStaffId: null,
    appointmentId: null,
  };
}

function requireVisitorConsultant(ctx: Ctx, v: VisitorJoinedRow): void {
  const actor = ctx.requireActor();
  if (actor.role === 'consultant' && v.consultant_id !== actor.id) throw new AppError('NOT_YOURS');
}

// ---- the operations -------------------------------------------------------------------------

type CallOps =
  | 'visitors.register'
  | 'visitors.page'
  | 'visitors.proposeNext'
  | 'visitors.tick'
  | 'visitors.accept'
  | 'visitors.outcome'
  | 'visitors.leave'
  | 'visitors.get'
  | 'visitors.today'
  | 'visitors.list';

export const callHandlers: Pick<HandlersOf<typeof visitorsContract>, CallOps> = {
  'visitors.register': (ctx, a) => {
    const actor = ctx.requireActor();
    if (a.metBefore && a.metConsultantId !== null) requireConsultant(ctx.db, a.metConsultantId);
    if (a.hasAppointment && a.appointmentWithId !== null) requireConsultant(ctx.db, a.appointmentWithId);
    sweep(ctx);
    const key = phoneKey(a.phone);
    // One person, one consultant: the same phone still being handled today is the same visitor
    // (registering them again would call a second consultant for one sale).
    const here = q.visitorBeingHandled(ctx.db, key, ctx.today());
    if (here)
      throw new AppError('VISITOR_ALREADY_HERE', { name: here.name, consultant: here.consultant ?? '' });
    const d = decide(ctx, a);
    const id = q.insertVisitor(ctx.db, {
      day: ctx.today(),
      name: a.name,
      phoneNorm: key,
      gender: a.gender,
      heardFrom: a.heardFrom,
      interests: a.interests,
      firstVisit: a.firstVisit,
      metBefore: a.metBefore,
      metConsultantId: a.metBefore ? a.metConsultantId : null,
      statedAppointment: a.hasAppointment,
      statedAppointmentWith: a.hasAppointment ? a.appointmentWithId : null,
      appointmentId: d.appointmentId,
      note: a.note ?? '',
      registeredAt: ctx.nowIso(),
      registeredBy: actor.id,
      basis: d.decision.basis,
      reasonCode: d.decision.code,
      reasonParams: d.decision.params,
    });
    if (d.callStaffId !== null) createCall(ctx, id, d.callStaffId, d.decision, false);
    else callByRotation(ctx, id, d.decision);
    const v = loadVisitor(ctx, id);
    ctx.audit({
      op: 'visitors.register',
      entity: 'visitor',
      entityId: id,
      after: { name: v.name, decision: v.decision, called: v.currentCall?.staffId ?? null, status: v.status },
    });
    return v;
  },
  'visitors.page': (ctx, a) => {
    sweep(ctx);
    const v = getVisitorRow(ctx.db, a.visitorId);
    const call = v.status === 'calling' ? q.openCallOf(ctx.db, v.id) : undefined;
    if (!call) throw new AppError('VISITOR_WRONG_STATE', { status: v.status });
    if (call.pages >= ctx.settings.maxPages)
      throw new AppError('PAGE_LIMIT', { maxPages: ctx.settings.maxPages });
    pageAgain(ctx, call);
    ctx.audit({
      op: 'visitors.page',
      entity: 'visitor',
      entityId: v.id,
      after: { consultantId: call.staff_id, pages: call.pages + 1 },
    });
    return loadVisitor(ctx, v.id);
  },
  'visitors.proposeNext': (ctx, a) => {
    sweep(ctx);
    const v = getVisitorRow(ctx.db, a.visitorId);
    if (v.status === 'calling') {
      const call = q.openCallOf(ctx.db, v.id)!;
      if (call.deadline_at > ctx.nowIso())
        throw new AppError('CALL_NOT_OVERDUE', { deadlineAt: call.deadline_at });
      noShowAndNext(ctx, v.id, call);
    } else if (v.status === 'waiting') {
      const prev = q.lastNoShowOf(ctx.db, v.id);
      const d: Decision = prev
        ? {
            basis: 'rotation',
            code: 'no_show_next',
            params: { previous: prev.staff_name, previousId: prev.staff_id },
          }
        : { basis: 'rotation', code: v.reason_code, params: parseParams(v.reason_params) };
      if (!callByRotation(ctx, v.id, d)) throw new AppError('NO_CONSULTANT_AVAILABLE');
      ctx.audit({
        op: 'visitors.proposeNext',
        entity: 'visitor',
        entityId: v.id,
        after: { called: q.openCallOf(ctx.db, v.id)?.staff_id ?? null },
      });
    } else throw new AppError('VISITOR_WRONG_STATE', { status: v.status });
    return loadVisitor(ctx, v.id);
  },
  'visitors.tick': (ctx) => ({ changed: sweep(ctx) }),
  'visitors.accept': (ctx, a) => {
    const actor = ctx.requireActor();
    checkOwn(actor, a.staffId);
    sweep(ctx);
    const v = getVisitorRow(ctx.db, a.visitorId);
    const call = v.status === 'calling' ? q.openCallOf(ctx.db, v.id) : undefined;
    if (!call) throw new AppError('VISITOR_WRONG_STATE', { status: v.status });
    if (call.staff_id !== a.staffId) throw new AppError('WRONG_CONSULTANT', { name: call.staff_name });
    verifyPin(ctx, a.staffId, a.pin);
    const now = ctx.nowIso();
    q.closeCall(ctx.db, call.id, 'accepted', now, actor.id);
    q.acceptVisitor(ctx.db, v.id, a.staffId, now, actor.id);
    const s = signinOf(ctx.db, ctx.today(), a.staffId);
    if (s && s.state !== 'signed_out' && s.state !== 'with_visitor') setSigninState(ctx, s, 'with_visitor');
    ctx.audit({
      op: 'visitors.accept',
      entity: 'visitor',
      entityId: v.id,
      after: { consultantId: a.staffId, handedOverBy: actor.id, basis: call.basis, at: now },
    });
    return loadVisitor(ctx, v.id);
  },
  'visitors.outcome': (ctx, a) => {
    const v = getVisitorRow(ctx.db, a.visitorId);
    if (v.status !== 'with_consultant') throw new AppError('VISITOR_WRONG_STATE', { status: v.status });
    requireVisitorConsultant(ctx, v);
    let cardTypeId: number | null = null;
    if (a.outcome === 'joined') {
      if (a.cardTypeId === undefined) throw new AppError('CARD_TYPE_REQUIRED');
      if (!q.cardTypeExists(ctx.db, a.cardTypeId)) throw new AppError('NOT_FOUND', { entity: 'cardType' });
      cardTypeId = a.cardTypeId;
    }
    q.recordOutcome(ctx.db, v.id, {
      outcome: a.outcome,
      cardTypeId,
      followUpDate: a.outcome === 'follow_up' ? (a.followUpDate ?? null) : null,
      note: a.note ?? null,
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
    });
    consultantDone(ctx, v.consultant_id!);
    ctx.audit({
      op: 'visitors.outcome',
      entity: 'visitor',
      entityId: v.id,
      after: { outcome: a.outcome, cardTypeId, followUpDate: a.followUpDate ?? null },
    });
    return loadVisitor(ctx, v.id);
  },
  'visitors.leave': (ctx, a) => {
    const v = getVisitorRow(ctx.db, a.visitorId);
    if (v.status !== 'waiting' && v.status !== 'calling')
      throw new AppError('VISITOR_WRONG_STATE', { status: v.status });
    const now = ctx.nowIso();
    const actor = ctx.requireActor();
    q.cancelOpenCalls(ctx.db, v.id, now, actor.id);
    q.markLeft(ctx.db, v.id, now, actor.id, a.note ?? '');
    ctx.audit({
      op: 'visitors.leave',
      entity: 'visitor',
      entityId: v.id,
      before: { status: v.status },
      detail: a.note,
    });
    return loadVisitor(ctx, v.id);
  },
  'visitors.get': (ctx, a) => loadVisitor(ctx, a.id),
  'visitors.today': (ctx): VisitorsToday => {
    const day = ctx.today();
    const visitors = q.visitorsOn(ctx.db, day).map((v) => toVisitorSummary(ctx, v));
    const count = (f: (v: VisitorSummary) => boolean) => visitors.filter(f).length;
    const received = visitors.filter((v) => v.consultantId !== null);
    const acceptedBasis = new Map(q.acceptedBasesOn(ctx.db, day).map((r) => [r.visitor_id, r.basis]));
    return {
      day,
      visitors,
      counts: {
        visitors: visitors.length,
        byRotation: received.filter((v) => acceptedBasis.get(v.id) === 'rotation').length,
        ownLeads: received.filter((v) => acceptedBasis.get(v.id) !== 'rotation').length,
        waiting: count((v) => v.status === 'waiting'),
        calling: count((v) => v.status === 'calling'),
        withConsultant: count((v) => v.status === 'with_consultant'),
        done: count((v) => v.status === 'done'),
        left: count((v) => v.status === 'left'),
        joined: count((v) => v.outcome === 'joined'),
        followUp: count((v) => v.outcome === 'follow_up'),
        notInterested: count((v) => v.outcome === 'not_interested'),
        phoneInquiries: leads.inquiryCountOn(ctx.db, day),
      },
      cardsSold: toCardsSold(figures.cardsSoldOn(ctx.db, day)),
    };
  },
  'visitors.list': (ctx, a) => {
    if (a.to < a.from || daysBetween(a.from, a.to) > 366)
      throw new AppError('RANGE_INVALID', { from: a.from, to: a.to });
    return q
      .visitorsBetween(ctx.db, a.from, a.to, a.consultantId ?? null)
      .map((v) => toVisitorSummary(ctx, v));
  },
};
