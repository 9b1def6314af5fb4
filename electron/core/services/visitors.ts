/**
 * Walk-in visitors (访客接待): registration, the decision whom to call (and why), calls with pages
 * and a timer, the hand-off (the consultant's PIN), outcomes, disputes decided by the
 * customer-service manager; appointments (lead ownership); phone inquiries with their own turn
 * pointer; and the consultant report.
 *
 * Whom to call (domain.md, "Visitors and the consultant rotation" and "Leads (撞单)"):
 * 1. The visitor's phone (however it is written: phone.ts) matches appointments fixed at most
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
 *
 * Privacy: phones in every result are masked (138****5678) except for managers and the
 * consultant whose lead it is (who calls them); reception cannot collect the prospects' numbers.
 */
import type { DB } from '../db/database';
import type {
  CallBasis,
  CardsSold,
  ConsultantReport,
  ConsultantStats,
  Decision,
  DecisionCode,
  DisputeRow,
  InquiryInfo,
  PassedOver,
  ReasonParams,
  SkipReason,
  AppointmentInfo,
  VisitorCall,
  VisitorDetail,
  VisitorRow,
  VisitorsToday,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { MANAGERS } from '../permissions';
import { formatPhone, maskPhone, phoneKey } from '../../shared/phone';
import { addDays, dayBoundsUtc, daysBetween, localDate, monthBounds } from '../../shared/dates';
import { announcementHandlers } from './announcements';
import {
  checkOwn,
  consultantDone,
  pickNext,
  presence,
  requireConsultant,
  rotationHandlers,
  setSigninState,
  signinOf,
  takeTurn,
} from './rotation';
import { getStaffRow, verifyPin } from '../areas/staff';
import { stmt } from '../kernel/statements';

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

function parseParams(json: string): ReasonParams {
  return JSON.parse(json) as ReasonParams;
}

// ---- loading ---------------------------------------------------------------------------------

interface VisitorDbRow {
  id: number;
  day: string;
  name: string;
  phone: string;
  gender: 'male' | 'female';
  heard_from: string;
  interests: string;
  first_visit: number;
  met_before: number;
  met_consultant_id: number | null;
  met_name: string | null;
  stated_appointment: number;
  stated_appointment_with: number | null;
  appt_with_name: string | null;
  appointment_id: number | null;
  note: string;
  registered_at: string;
  registered_by_name: string;
  basis: CallBasis;
  reason_code: DecisionCode;
  reason_params: string;
  status: VisitorRow['status'];
  consultant_id: number | null;
  consultant_name: string | null;
  credit_consultant_id: number | null;
  credit_name: string | null;
  accepted_at: string | null;
  handed_over_by_name: string | null;
  outcome: VisitorRow['outcome'];
  card_type_name: string | null;
  outcome_follow_up_date: string | null;
  outcome_note: string | null;
  outcome_at: string | null;
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

interface CallDbRow {
  id: number;
  visitor_id: number;
  staff_id: number;
  staff_name: string;
  basis: CallBasis;
  reason_code: DecisionCode;
  reason_params: string;
  turn_consumed: number;
  called_at: string;
  called_by_name: string;
  pages: number;
  last_paged_at: string;
  deadline_at: string;
  status: VisitorCall['status'];
  closed_at: string | null;
}

const CALL_SELECT = `SELECT k.*, s.name AS staff_name, b.name AS called_by_name FROM visitor_calls k
  JOIN staff s ON s.id = k.staff_id JOIN staff b ON b.id = k.called_by`;

function toCall(ctx: Ctx, k: CallDbRow): VisitorCall {
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

function openCall(db: DB, visitorId: number): CallDbRow | undefined {
  return stmt(db, `${CALL_SELECT} WHERE k.visitor_id = ? AND k.status = 'open'`).get(visitorId) as
    CallDbRow | undefined;
}

function toVisitorRow(ctx: Ctx, v: VisitorDbRow): VisitorRow {
  const call = v.status === 'calling' ? openCall(ctx.db, v.id) : undefined;
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

function getVisitorRow(db: DB, id: number): VisitorDbRow {
  const v = stmt(db, `${VISITOR_SELECT} WHERE v.id = ?`).get(id) as VisitorDbRow | undefined;
  if (!v) throw new AppError('NOT_FOUND', { entity: 'visitor' });
  return v;
}

interface DisputeDbRow {
  id: number;
  visitor_id: number;
  visitor_name: string;
  visitor_day: string;
  raised_by: number;
  raised_by_name: string;
  reason: string;
  raised_at: string;
  recorded_by_name: string;
  credit_before: number | null;
  credit_before_name: string | null;
  status: 'open' | 'decided';
  decision: 'keep' | 'move' | null;
  credit_to: number | null;
  credit_to_name: string | null;
  decision_note: string | null;
  decided_at: string | null;
  decided_by_name: string | null;
}

const DISPUTE_SELECT = `SELECT d.*, v.name AS visitor_name, v.day AS visitor_day, r.name AS raised_by_name,
    rec.name AS recorded_by_name, cb.name AS credit_before_name, ct.name AS credit_to_name, db.name AS decided_by_name
  FROM visitor_disputes d JOIN visitors v ON v.id = d.visitor_id
  JOIN staff r ON r.id = d.raised_by JOIN staff rec ON rec.id = d.recorded_by
  LEFT JOIN staff cb ON cb.id = d.credit_before LEFT JOIN staff ct ON ct.id = d.credit_to
  LEFT JOIN staff db ON db.id = d.decided_by`;

function toDispute(d: DisputeDbRow): DisputeRow {
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

function getDispute(db: DB, id: number): DisputeRow {
  const d = stmt(db, `${DISPUTE_SELECT} WHERE d.id = ?`).get(id) as DisputeDbRow | undefined;
  if (!d) throw new AppError('NOT_FOUND', { entity: 'dispute' });
  return toDispute(d);
}

function skipsOf(db: DB, col: 'visitor_id' | 'inquiry_id', id: number): PassedOver[] {
  return (
    stmt(
      db,
      `SELECT k.staff_id, s.name, k.reason, k.at FROM rotation_skips k JOIN staff s ON s.id = k.staff_id WHERE k.${col} = ? ORDER BY k.id`,
    ).all(id) as { staff_id: number; name: string; reason: SkipReason; at: string }[]
  ).map((r) => ({ staffId: r.staff_id, name: r.name, reason: r.reason, at: r.at }));
}

/** Consultants who already failed to come for this visitor: not called again by the rotation. */
function noShowsOf(db: DB, visitorId: number): Set<number> {
  return new Set(
    (
      stmt(db, "SELECT staff_id FROM visitor_calls WHERE visitor_id = ? AND status = 'no_show'").all(
        visitorId,
      ) as { staff_id: number }[]
    ).map((r) => r.staff_id),
  );
}

export function loadVisitor(ctx: Ctx, id: number): VisitorDetail {
  const row = toVisitorRow(ctx, getVisitorRow(ctx.db, id));
  const calls = (
    stmt(ctx.db, `${CALL_SELECT} WHERE k.visitor_id = ? ORDER BY k.id`).all(id) as CallDbRow[]
  ).map((k) => toCall(ctx, k));
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
    passedOver: skipsOf(ctx.db, 'visitor_id', id),
    disputes: (
      stmt(ctx.db, `${DISPUTE_SELECT} WHERE d.visitor_id = ? ORDER BY d.id`).all(id) as DisputeDbRow[]
    ).map(toDispute),
    proposal,
  };
}

// ---- calling ---------------------------------------------------------------------------------

function createCall(ctx: Ctx, visitorId: number, staffId: number, d: Decision, turnConsumed: boolean): void {
  const now = ctx.now();
  const deadline = new Date(now.getTime() + ctx.settings.callTimeoutSeconds * 1000).toISOString();
  stmt(
    ctx.db,
    `INSERT INTO visitor_calls (visitor_id, staff_id, basis, reason_code, reason_params, turn_consumed, called_at,
         called_by, pages, last_paged_at, deadline_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 'open')`,
  ).run(
    visitorId,
    staffId,
    d.basis,
    d.code,
    JSON.stringify(d.params),
    turnConsumed ? 1 : 0,
    now.toISOString(),
    ctx.requireActor().id,
    now.toISOString(),
    deadline,
  );
  stmt(ctx.db, "UPDATE visitors SET status = 'calling' WHERE id = ?").run(visitorId);
}

/** Calls the next consultant in rotation for a visitor; false when nobody can come (the visitor waits). */
function callByRotation(ctx: Ctx, visitorId: number, d: Decision): boolean {
  const chosen = takeTurn(ctx, 'visitor', { visitorId }, noShowsOf(ctx.db, visitorId));
  if (!chosen) {
    stmt(ctx.db, "UPDATE visitors SET status = 'waiting' WHERE id = ?").run(visitorId);
    return false;
  }
  createCall(ctx, visitorId, chosen.staff_id, { ...d, basis: 'rotation' }, true);
  return true;
}

/** The called consultant did not come: the no-show is recorded and the next in rotation is called. */
function noShowAndNext(ctx: Ctx, visitorId: number, call: CallDbRow): void {
  stmt(ctx.db, "UPDATE visitor_calls SET status = 'no_show', closed_at = ?, closed_by = ? WHERE id = ?").run(
    ctx.nowIso(),
    ctx.requireActor().id,
    call.id,
  );
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
    after: { next: openCall(ctx.db, visitorId)?.staff_id ?? null, waiting: !called },
  });
}

function pageAgain(ctx: Ctx, call: CallDbRow): void {
  const now = ctx.now();
  stmt(
    ctx.db,
    'UPDATE visitor_calls SET pages = pages + 1, last_paged_at = ?, deadline_at = ? WHERE id = ?',
  ).run(
    now.toISOString(),
    new Date(now.getTime() + ctx.settings.callTimeoutSeconds * 1000).toISOString(),
    call.id,
  );
}

/**
 * With autoProposeNext: every call whose timer ran out is paged again (while pages are left) or
 * given up (no-show) and the next consultant called. Returns the visitors changed.
 */
function sweep(ctx: Ctx): number[] {
  if (!ctx.settings.autoProposeNext) return [];
  const due = stmt(
    ctx.db,
    `${CALL_SELECT} WHERE k.status = 'open' AND k.deadline_at <= ? ORDER BY k.deadline_at, k.id`,
  ).all(ctx.nowIso()) as CallDbRow[];
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
  const appts = (
    stmt(
      ctx.db,
      `SELECT a.id, a.consultant_id, a.appt_date, a.place, a.fixed_at, s.name FROM appointments a JOIN staff s ON s.id = a.consultant_id
         WHERE a.phone_norm = ? AND a.cancelled_at IS NULL ORDER BY a.fixed_at, a.id`,
    ).all(phoneKey(a.phone)) as {
      id: number;
      consultant_id: number;
      appt_date: string;
      place: string;
      fixed_at: string;
      name: string;
    }[]
  ).map((x) => ({ ...x, sinceFixed: daysBetween(localDate(new Date(x.fixed_at), tz), day) }));
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

function requireVisitorConsultant(ctx: Ctx, v: VisitorDbRow): void {
  const actor = ctx.requireActor();
  if (actor.role === 'consultant' && v.consultant_id !== actor.id) throw new AppError('NOT_YOURS');
}

// ---- appointments and inquiries ----------------------------------------------------------------

interface ApptDbRow {
  id: number;
  consultant_id: number;
  consultant_name: string;
  visitor_name: string;
  phone: string;
  appt_date: string;
  appt_time: string | null;
  place: string;
  note: string;
  fixed_at: string;
  created_by_name: string;
  cancelled_at: string | null;
}
const APPT_SELECT = `SELECT a.*, c.name AS consultant_name, b.name AS created_by_name FROM appointments a
  JOIN staff c ON c.id = a.consultant_id JOIN staff b ON b.id = a.created_by`;

function toAppt(ctx: Ctx, a: ApptDbRow): AppointmentInfo {
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

function getApptRow(db: DB, id: number): ApptDbRow {
  const a = stmt(db, `${APPT_SELECT} WHERE a.id = ?`).get(id) as ApptDbRow | undefined;
  if (!a) throw new AppError('NOT_FOUND', { entity: 'appointment' });
  return a;
}

function getAppt(ctx: Ctx, id: number): AppointmentInfo {
  return toAppt(ctx, getApptRow(ctx.db, id));
}

interface InquiryDbRow {
  id: number;
  day: string;
  caller_name: string | null;
  callback_phone: string | null;
  has_appointment: number;
  appointment_with: number | null;
  appt_with_name: string | null;
  topic: string;
  logged_at: string;
  logged_by_name: string;
  consultant_id: number | null;
  consultant_name: string | null;
  basis: CallBasis | null;
  reason_code: DecisionCode | null;
  reason_params: string;
  assigned_at: string | null;
  called_back_at: string | null;
  called_back_by_name: string | null;
  callback_note: string | null;
}
const INQUIRY_SELECT = `SELECT i.*, aw.name AS appt_with_name, lb.name AS logged_by_name, c.name AS consultant_name,
    cb.name AS called_back_by_name
  FROM phone_inquiries i LEFT JOIN staff aw ON aw.id = i.appointment_with JOIN staff lb ON lb.id = i.logged_by
  LEFT JOIN staff c ON c.id = i.consultant_id LEFT JOIN staff cb ON cb.id = i.called_back_by`;

function toInquiry(ctx: Ctx, i: InquiryDbRow): InquiryInfo {
  const db = ctx.db;
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
    passedOver: skipsOf(db, 'inquiry_id', i.id),
  };
}

function getInquiry(ctx: Ctx, id: number): InquiryInfo {
  const i = stmt(ctx.db, `${INQUIRY_SELECT} WHERE i.id = ?`).get(id) as InquiryDbRow | undefined;
  if (!i) throw new AppError('NOT_FOUND', { entity: 'inquiry' });
  return toInquiry(ctx, i);
}

function assignInquiry(ctx: Ctx, id: number, consultantId: number, d: Decision): void {
  stmt(
    ctx.db,
    'UPDATE phone_inquiries SET consultant_id = ?, basis = ?, reason_code = ?, reason_params = ?, assigned_at = ?, assigned_by = ? WHERE id = ?',
  ).run(consultantId, d.basis, d.code, JSON.stringify(d.params), ctx.nowIso(), ctx.requireActor().id, id);
}

// ---- handover and report -------------------------------------------------------------------------

function cardsSold(db: DB, where: string, ...params: (string | number)[]): CardsSold[] {
  return (
    stmt(
      db,
      `SELECT v.outcome_card_type_id AS id, ct.name, count(*) AS n FROM visitors v JOIN card_types ct ON ct.id = v.outcome_card_type_id
         WHERE v.outcome = 'joined' AND ${where} GROUP BY v.outcome_card_type_id ORDER BY ct.name`,
    ).all(...params) as { id: number; name: string; n: number }[]
  ).map((r) => ({ cardTypeId: r.id, cardTypeName: r.name, count: r.n }));
}

/** Visitors, phone inquiries and cards sold to visitors in a period (for the shift handover; cards sold at the desk are added there). */
export function visitorHandover(
  db: DB,
  fromIso: string,
  toIso: string,
): { visitors: number; phoneInquiries: number; cardsSold: CardsSold[] } {
  const n = (sql: string) => (stmt(db, sql).get(fromIso, toIso) as { n: number }).n;
  return {
    visitors: n('SELECT count(*) AS n FROM visitors WHERE registered_at >= ? AND registered_at < ?'),
    phoneInquiries: n('SELECT count(*) AS n FROM phone_inquiries WHERE logged_at >= ? AND logged_at < ?'),
    // A visitor whose card was sold at the desk (members.sell with the visitor) counts there, once.
    cardsSold: cardsSold(
      db,
      'v.outcome_at >= ? AND v.outcome_at < ? AND NOT EXISTS (SELECT 1 FROM member_entitlements e WHERE e.visitor_id = v.id)',
      fromIso,
      toIso,
    ),
  };
}

function emptyStats(): ConsultantStats {
  return {
    receivedRotation: 0,
    receivedOwnLeads: 0,
    credited: 0,
    passedOver: 0,
    passedOverByReason: { away: 0, with_visitor: 0, being_called: 0 },
    noShows: 0,
    disputesRaised: 0,
    creditMovedIn: 0,
    creditMovedOut: 0,
    joined: 0,
    followUp: 0,
    notInterested: 0,
    cardsSold: [],
    phoneAssigned: 0,
    phoneCalledBack: 0,
  };
}

function addStats(into: ConsultantStats, s: ConsultantStats): void {
  const numeric = [
    'receivedRotation',
    'receivedOwnLeads',
    'credited',
    'passedOver',
    'noShows',
    'disputesRaised',
    'creditMovedIn',
    'creditMovedOut',
    'joined',
    'followUp',
    'notInterested',
    'phoneAssigned',
    'phoneCalledBack',
  ] as const;
  for (const k of numeric) into[k] += s[k];
  for (const r of ['away', 'with_visitor', 'being_called'] as const)
    into.passedOverByReason[r] += s.passedOverByReason[r];
  for (const c of s.cardsSold) {
    const have = into.cardsSold.find((x) => x.cardTypeName === c.cardTypeName);
    if (have) have.count += c.count;
    else into.cardsSold.push({ ...c });
  }
}

function consultantReport(ctx: Ctx, month: string): ConsultantReport {
  const tz = ctx.settings.timeZone;
  const { first, last } = monthBounds(month);
  const from = dayBoundsUtc(first, tz).from;
  const to = dayBoundsUtc(last, tz).to;
  const db = ctx.db;
  const per = new Map<number, Map<string, ConsultantStats>>();
  const at = (staffId: number, dayOrIso: string): ConsultantStats => {
    const day = dayOrIso.length === 10 ? dayOrIso : localDate(new Date(dayOrIso), tz);
    let m = per.get(staffId);
    if (!m) per.set(staffId, (m = new Map()));
    let s = m.get(day);
    if (!s) m.set(day, (s = emptyStats()));
    return s;
  };
  type R = Record<string, string | number | null>;
  const rows = (sql: string, ...p: string[]) => stmt(db, sql).all(...p) as R[];

  for (const r of rows(
    `SELECT v.consultant_id AS id, v.accepted_at AS at, k.basis FROM visitors v
     JOIN visitor_calls k ON k.visitor_id = v.id AND k.status = 'accepted'
     WHERE v.accepted_at >= ? AND v.accepted_at < ?`,
    from,
    to,
  )) {
    const s = at(Number(r.id), String(r.at));
    if (r.basis === 'rotation') s.receivedRotation += 1;
    else s.receivedOwnLeads += 1;
  }
  for (const r of rows(
    'SELECT credit_consultant_id AS id, day FROM visitors WHERE credit_consultant_id IS NOT NULL AND day >= ? AND day <= ?',
    first,
    last,
  ))
    at(Number(r.id), String(r.day)).credited += 1;
  for (const r of rows(
    'SELECT staff_id AS id, day, reason FROM rotation_skips WHERE day >= ? AND day <= ?',
    first,
    last,
  )) {
    const s = at(Number(r.id), String(r.day));
    s.passedOver += 1;
    s.passedOverByReason[r.reason as SkipReason] += 1;
  }
  for (const r of rows(
    "SELECT staff_id AS id, called_at AS at FROM visitor_calls WHERE status = 'no_show' AND called_at >= ? AND called_at < ?",
    from,
    to,
  ))
    at(Number(r.id), String(r.at)).noShows += 1;
  for (const r of rows(
    'SELECT raised_by AS id, raised_at AS at FROM visitor_disputes WHERE raised_at >= ? AND raised_at < ?',
    from,
    to,
  ))
    at(Number(r.id), String(r.at)).disputesRaised += 1;
  for (const r of rows(
    "SELECT credit_before AS fromId, credit_to AS toId, decided_at AS at FROM visitor_disputes WHERE decision = 'move' AND decided_at >= ? AND decided_at < ?",
    from,
    to,
  )) {
    if (r.fromId === r.toId) continue;
    at(Number(r.toId), String(r.at)).creditMovedIn += 1;
    if (r.fromId !== null) at(Number(r.fromId), String(r.at)).creditMovedOut += 1;
  }
  // An outcome (and a card sold) counts once, for the consultant credited with the visitor: the one
  // who received them, or the one a dispute moved the credit to — never for both.
  for (const r of rows(
    `SELECT coalesce(v.credit_consultant_id, v.consultant_id) AS id, v.outcome, v.outcome_at AS at, ct.name AS cardType FROM visitors v
     LEFT JOIN card_types ct ON ct.id = v.outcome_card_type_id WHERE v.outcome_at >= ? AND v.outcome_at < ?`,
    from,
    to,
  )) {
    const s = at(Number(r.id), String(r.at));
    if (r.outcome === 'joined') {
      s.joined += 1;
      addStats(s, { ...emptyStats(), cardsSold: [{ cardTypeName: String(r.cardType), count: 1 }] });
    } else if (r.outcome === 'follow_up') s.followUp += 1;
    else s.notInterested += 1;
  }
  for (const r of rows(
    'SELECT consultant_id AS id, day, called_back_at AS cb FROM phone_inquiries WHERE consultant_id IS NOT NULL AND day >= ? AND day <= ?',
    first,
    last,
  )) {
    const s = at(Number(r.id), String(r.day));
    s.phoneAssigned += 1;
    if (r.cb !== null) s.phoneCalledBack += 1;
  }

  const staff = stmt(
    db,
    "SELECT id, name, role, active FROM staff WHERE role = 'consultant' OR id IN (SELECT staff_id FROM consultant_signins WHERE day >= ? AND day <= ?)",
  ).all(first, last) as { id: number; name: string; role: string; active: number }[];
  const names = new Map(staff.map((s) => [s.id, s]));
  for (const id of per.keys())
    if (!names.has(id)) {
      const s = stmt(db, 'SELECT id, name, role, active FROM staff WHERE id = ?').get(id) as
        { id: number; name: string; role: string; active: number } | undefined;
      if (s) names.set(id, s);
    }
  const out = [...names.values()]
    .filter((s) => s.active === 1 || per.has(s.id))
    .map((s) => {
      const days = [...(per.get(s.id) ?? new Map<string, ConsultantStats>()).entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, st]) => ({ day, ...st }));
      const total = emptyStats();
      for (const d of days) addStats(total, d);
      return { staffId: s.id, name: s.name, total, days };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { month, rows: out };
}

// ---- handlers ----------------------------------------------------------------------------------

export const visitorHandlers = handlers({
  ...rotationHandlers,
  ...announcementHandlers,

  'visitors.register': (ctx, a) => {
    const actor = ctx.requireActor();
    if (a.metBefore && a.metConsultantId !== null) requireConsultant(ctx.db, a.metConsultantId);
    if (a.hasAppointment && a.appointmentWithId !== null) requireConsultant(ctx.db, a.appointmentWithId);
    sweep(ctx);
    const key = phoneKey(a.phone);
    // One person, one consultant: the same phone still being handled today is the same visitor
    // (registering them again would call a second consultant for one sale).
    const here = stmt(
      ctx.db,
      `SELECT v.name, c.name AS consultant FROM visitors v LEFT JOIN staff c ON c.id = v.consultant_id
         WHERE v.phone_norm = ? AND v.day = ? AND v.status IN ('waiting','calling','with_consultant') LIMIT 1`,
    ).get(key, ctx.today()) as { name: string; consultant: string | null } | undefined;
    if (here)
      throw new AppError('VISITOR_ALREADY_HERE', { name: here.name, consultant: here.consultant ?? '' });
    const d = decide(ctx, a);
    const now = ctx.nowIso();
    const id = Number(
      stmt(
        ctx.db,
        `INSERT INTO visitors (day, name, phone, phone_norm, gender, heard_from, interests, first_visit, met_before,
             met_consultant_id, stated_appointment, stated_appointment_with, appointment_id, note, registered_at,
             registered_by, basis, reason_code, reason_params, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting')`,
      ).run(
        ctx.today(),
        a.name,
        key,
        key,
        a.gender,
        a.heardFrom,
        JSON.stringify(a.interests),
        a.firstVisit ? 1 : 0,
        a.metBefore ? 1 : 0,
        a.metBefore ? a.metConsultantId : null,
        a.hasAppointment ? 1 : 0,
        a.hasAppointment ? a.appointmentWithId : null,
        d.appointmentId,
        a.note ?? '',
        now,
        actor.id,
        d.decision.basis,
        d.decision.code,
        JSON.stringify(d.decision.params),
      ).lastInsertRowid,
    );
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
    const call = v.status === 'calling' ? openCall(ctx.db, v.id) : undefined;
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
      const call = openCall(ctx.db, v.id)!;
      if (call.deadline_at > ctx.nowIso())
        throw new AppError('CALL_NOT_OVERDUE', { deadlineAt: call.deadline_at });
      noShowAndNext(ctx, v.id, call);
    } else if (v.status === 'waiting') {
      const prev = stmt(
        ctx.db,
        `${CALL_SELECT} WHERE k.visitor_id = ? AND k.status = 'no_show' ORDER BY k.id DESC`,
      ).get(v.id) as CallDbRow | undefined;
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
        after: { called: openCall(ctx.db, v.id)?.staff_id ?? null },
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
    const call = v.status === 'calling' ? openCall(ctx.db, v.id) : undefined;
    if (!call) throw new AppError('VISITOR_WRONG_STATE', { status: v.status });
    if (call.staff_id !== a.staffId) throw new AppError('WRONG_CONSULTANT', { name: call.staff_name });
    verifyPin(ctx.db, a.staffId, a.pin, ctx.now());
    const now = ctx.nowIso();
    stmt(
      ctx.db,
      "UPDATE visitor_calls SET status = 'accepted', closed_at = ?, closed_by = ? WHERE id = ?",
    ).run(now, actor.id, call.id);
    stmt(
      ctx.db,
      "UPDATE visitors SET status = 'with_consultant', consultant_id = ?, credit_consultant_id = ?, accepted_at = ?, handed_over_by = ? WHERE id = ?",
    ).run(a.staffId, a.staffId, now, actor.id, v.id);
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
      if (!stmt(ctx.db, 'SELECT 1 FROM card_types WHERE id = ?').get(a.cardTypeId))
        throw new AppError('NOT_FOUND', { entity: 'cardType' });
      cardTypeId = a.cardTypeId;
    }
    stmt(
      ctx.db,
      `UPDATE visitors SET status = 'done', outcome = ?, outcome_card_type_id = ?, outcome_follow_up_date = ?, outcome_note = ?,
           outcome_at = ?, outcome_by = ? WHERE id = ?`,
    ).run(
      a.outcome,
      cardTypeId,
      a.outcome === 'follow_up' ? (a.followUpDate ?? null) : null,
      a.note ?? null,
      ctx.nowIso(),
      ctx.requireActor().id,
      v.id,
    );
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
    stmt(
      ctx.db,
      "UPDATE visitor_calls SET status = 'cancelled', closed_at = ?, closed_by = ? WHERE visitor_id = ? AND status = 'open'",
    ).run(now, actor.id, v.id);
    stmt(
      ctx.db,
      "UPDATE visitors SET status = 'left', left_at = ?, left_by = ?, note = CASE WHEN ? = '' THEN note ELSE ? END WHERE id = ?",
    ).run(now, actor.id, a.note ?? '', a.note ?? '', v.id);
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
    const visitors = (
      stmt(ctx.db, `${VISITOR_SELECT} WHERE v.day = ? ORDER BY v.id DESC`).all(day) as VisitorDbRow[]
    ).map((v) => toVisitorRow(ctx, v));
    const count = (f: (v: VisitorRow) => boolean) => visitors.filter(f).length;
    const received = visitors.filter((v) => v.consultantId !== null);
    const acceptedBasis = new Map(
      (
        stmt(
          ctx.db,
          "SELECT k.visitor_id, k.basis FROM visitor_calls k JOIN visitors v ON v.id = k.visitor_id WHERE v.day = ? AND k.status = 'accepted'",
        ).all(day) as { visitor_id: number; basis: CallBasis }[]
      ).map((r) => [r.visitor_id, r.basis]),
    );
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
        phoneInquiries: (
          stmt(ctx.db, 'SELECT count(*) AS n FROM phone_inquiries WHERE day = ?').get(day) as { n: number }
        ).n,
      },
      cardsSold: cardsSold(ctx.db, 'v.day = ?', day),
    };
  },
  'visitors.list': (ctx, a) => {
    if (a.to < a.from || daysBetween(a.from, a.to) > 366)
      throw new AppError('RANGE_INVALID', { from: a.from, to: a.to });
    const rows = stmt(
      ctx.db,
      `${VISITOR_SELECT} WHERE v.day >= ? AND v.day <= ? AND (? IS NULL OR v.consultant_id = ?) ORDER BY v.id DESC LIMIT 5000`,
    ).all(a.from, a.to, a.consultantId ?? null, a.consultantId ?? null) as VisitorDbRow[];
    return rows.map((v) => toVisitorRow(ctx, v));
  },
  'visitors.dispute': (ctx, a) => {
    const actor = ctx.requireActor();
    const v = getVisitorRow(ctx.db, a.visitorId);
    if (v.consultant_id === null) throw new AppError('VISITOR_WRONG_STATE', { status: v.status });
    let raiser: number;
    if (actor.role === 'consultant') raiser = actor.id;
    else {
      if (!a.consultant) throw new AppError('NOT_A_CONSULTANT', { name: actor.name });
      raiser = requireConsultant(ctx.db, a.consultant.staffId).id;
      verifyPin(ctx.db, a.consultant.staffId, a.consultant.pin, ctx.now());
    }
    const id = Number(
      stmt(
        ctx.db,
        'INSERT INTO visitor_disputes (visitor_id, raised_by, reason, raised_at, recorded_by, credit_before) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(v.id, raiser, a.reason, ctx.nowIso(), actor.id, v.credit_consultant_id).lastInsertRowid,
    );
    ctx.audit({
      op: 'visitors.dispute',
      entity: 'dispute',
      entityId: id,
      after: { visitorId: v.id, raisedBy: raiser, reason: a.reason },
    });
    return getDispute(ctx.db, id);
  },
  'visitors.disputes': (ctx, a) => {
    const actor = ctx.requireActor();
    const status = a.status ?? 'open';
    const mine = actor.role === 'consultant';
    const rows = stmt(
      ctx.db,
      `${DISPUTE_SELECT} WHERE (? = 'all' OR d.status = ?)
         AND (? = 0 OR d.raised_by = ? OR d.credit_before = ? OR d.credit_to = ?) ORDER BY d.id DESC LIMIT 1000`,
    ).all(status, status, mine ? 1 : 0, actor.id, actor.id, actor.id) as DisputeDbRow[];
    return rows.map(toDispute);
  },
  'visitors.decideDispute': (ctx, a) => {
    const d = getDispute(ctx.db, a.disputeId);
    if (d.status === 'decided') throw new AppError('DISPUTE_DECIDED');
    let creditTo: number | null = null;
    if (a.decision === 'move') {
      creditTo = requireConsultant(ctx.db, a.creditToId ?? d.raisedById).id;
      stmt(ctx.db, 'UPDATE visitors SET credit_consultant_id = ? WHERE id = ?').run(creditTo, d.visitorId);
    }
    stmt(
      ctx.db,
      "UPDATE visitor_disputes SET status = 'decided', decision = ?, credit_to = ?, decision_note = ?, decided_at = ?, decided_by = ? WHERE id = ?",
    ).run(a.decision, creditTo, a.note ?? null, ctx.nowIso(), ctx.requireActor().id, d.id);
    ctx.audit({
      op: 'visitors.decideDispute',
      entity: 'dispute',
      entityId: d.id,
      before: { creditTo: d.creditBeforeId },
      after: { decision: a.decision, creditTo: creditTo ?? d.creditBeforeId },
      detail: a.note,
    });
    return getDispute(ctx.db, d.id);
  },

  'appointments.create': (ctx, a) => {
    const actor = ctx.requireActor();
    const consultantId = a.consultantId ?? (actor.role === 'consultant' ? actor.id : null);
    if (consultantId === null) throw new AppError('NOT_A_CONSULTANT', { name: actor.name });
    checkOwn(actor, consultantId);
    const consultant = requireConsultant(ctx.db, consultantId);
    // Fixing an appointment gives the consultant the lead: the desk cannot do that for them alone.
    const byOther = actor.id !== consultantId && !MANAGERS.includes(actor.role);
    if (byOther) {
      if (!a.consultantPin) throw new AppError('CONSULTANT_PIN_REQUIRED', { name: consultant.name });
      verifyPin(ctx.db, consultantId, a.consultantPin, ctx.now());
    }
    const now = ctx.nowIso();
    const key = phoneKey(a.phone);
    const id = Number(
      stmt(
        ctx.db,
        `INSERT INTO appointments (consultant_id, visitor_name, phone, phone_norm, appt_date, appt_time, place, note, fixed_at, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        consultantId,
        a.visitorName,
        key,
        key,
        a.date,
        a.time ?? null,
        a.place,
        a.note ?? '',
        now,
        now,
        actor.id,
      ).lastInsertRowid,
    );
    const appt = getAppt(ctx, id);
    ctx.audit({
      op: 'appointments.create',
      entity: 'appointment',
      entityId: id,
      after: { ...appt, phone: key, confirmedByConsultantPin: byOther },
    });
    return appt;
  },
  'appointments.list': (ctx, a) => {
    const from = a.from ?? addDays(ctx.today(), -(ctx.settings.leadOwnershipDays + 7));
    const to = a.to ?? '9999-12-31';
    const phone = a.phone ? phoneKey(a.phone) : '';
    const rows = stmt(
      ctx.db,
      `${APPT_SELECT} WHERE a.appt_date >= ? AND a.appt_date <= ? AND (? = '' OR a.phone_norm = ?)
         AND (? IS NULL OR a.consultant_id = ?) ORDER BY a.appt_date, a.appt_time, a.fixed_at LIMIT 2000`,
    ).all(from, to, phone, phone, a.consultantId ?? null, a.consultantId ?? null) as ApptDbRow[];
    return rows.map((r) => toAppt(ctx, r));
  },
  'appointments.cancel': (ctx, a) => {
    const actor = ctx.requireActor();
    const row = getApptRow(ctx.db, a.id);
    const appt = toAppt(ctx, row);
    checkOwn(actor, appt.consultantId);
    if (appt.cancelledAt) return appt;
    stmt(ctx.db, 'UPDATE appointments SET cancelled_at = ?, cancelled_by = ? WHERE id = ?').run(
      ctx.nowIso(),
      actor.id,
      a.id,
    );
    ctx.audit({
      op: 'appointments.cancel',
      entity: 'appointment',
      entityId: a.id,
      before: { ...appt, phone: row.phone },
    });
    return getAppt(ctx, a.id);
  },

  'inquiries.create': (ctx, a) => {
    const actor = ctx.requireActor();
    const withId = a.hasAppointment ? a.appointmentWithId : null;
    const consultantName = withId !== null ? requireConsultant(ctx.db, withId).name : null;
    const id = Number(
      stmt(
        ctx.db,
        `INSERT INTO phone_inquiries (day, caller_name, callback_phone, has_appointment, appointment_with, topic, logged_at, logged_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        ctx.today(),
        a.callerName || null,
        a.callbackPhone ? phoneKey(a.callbackPhone) : null,
        a.hasAppointment ? 1 : 0,
        withId,
        a.topic,
        ctx.nowIso(),
        actor.id,
      ).lastInsertRowid,
    );
    let d: Decision = { basis: 'rotation', code: 'phone_rotation', params: {} };
    if (withId !== null) {
      const p = presence(ctx.db, ctx.today(), withId);
      if (p.present) {
        d = {
          basis: 'appointment',
          code: 'appointment_stated',
          params: { consultant: consultantName, consultantId: withId },
        };
        assignInquiry(ctx, id, withId, d);
      } else
        d = {
          basis: 'rotation',
          code: 'appointment_absent',
          params: { consultant: consultantName, consultantId: withId, state: p.state },
        };
    }
    if (d.basis === 'rotation') {
      const chosen = takeTurn(ctx, 'phone', { inquiryId: id });
      if (chosen) assignInquiry(ctx, id, chosen.staff_id, d);
      else
        stmt(
          ctx.db,
          'UPDATE phone_inquiries SET basis = ?, reason_code = ?, reason_params = ? WHERE id = ?',
        ).run(d.basis, d.code, JSON.stringify(d.params), id);
    }
    const inq = getInquiry(ctx, id);
    ctx.audit({
      op: 'inquiries.create',
      entity: 'inquiry',
      entityId: id,
      after: {
        callerName: a.callerName || null,
        leftNumber: !!a.callbackPhone,
        consultantId: inq.consultantId,
        decision: d,
      },
    });
    return inq;
  },
  'inquiries.list': (ctx, a) => {
    const day = a.day ?? ctx.today();
    const rows = stmt(
      ctx.db,
      `${INQUIRY_SELECT} WHERE i.day = ? AND (? IS NULL OR i.consultant_id = ?) AND (? = 0 OR i.called_back_at IS NULL) ORDER BY i.id DESC`,
    ).all(day, a.consultantId ?? null, a.consultantId ?? null, a.open ? 1 : 0) as InquiryDbRow[];
    return rows.map((i) => toInquiry(ctx, i));
  },
  'inquiries.assign': (ctx, a) => {
    const inq = getInquiry(ctx, a.inquiryId);
    if (inq.consultantId !== null) throw new AppError('INQUIRY_ASSIGNED', { name: inq.consultantName });
    const chosen = takeTurn(ctx, 'phone', { inquiryId: inq.id });
    if (!chosen) throw new AppError('NO_CONSULTANT_AVAILABLE');
    assignInquiry(
      ctx,
      inq.id,
      chosen.staff_id,
      inq.decision ?? { basis: 'rotation', code: 'phone_rotation', params: {} },
    );
    ctx.audit({
      op: 'inquiries.assign',
      entity: 'inquiry',
      entityId: inq.id,
      after: { consultantId: chosen.staff_id },
    });
    return getInquiry(ctx, inq.id);
  },
  'inquiries.markCalledBack': (ctx, a) => {
    const actor = ctx.requireActor();
    const inq = getInquiry(ctx, a.inquiryId);
    if (inq.consultantId === null) throw new AppError('NO_CONSULTANT_AVAILABLE');
    checkOwn(actor, inq.consultantId);
    if (inq.calledBackAt) return inq;
    stmt(
      ctx.db,
      'UPDATE phone_inquiries SET called_back_at = ?, called_back_by = ?, callback_note = ? WHERE id = ?',
    ).run(ctx.nowIso(), actor.id, a.note ?? null, inq.id);
    ctx.audit({ op: 'inquiries.markCalledBack', entity: 'inquiry', entityId: inq.id, detail: a.note });
    return getInquiry(ctx, inq.id);
  },

  'reports.consultants': (ctx, a) => consultantReport(ctx, a.month),
});
