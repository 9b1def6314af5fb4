/**
 * The contract of the visitors feature: the consultants' rotation (sign-in order), walk-in
 * visitors (registration, calling, pages, hand-off, outcome, disputes), appointments (lead
 * ownership), phone inquiries, the class timetable with its announcements, and the consultant
 * report. Reasons are codes with parameters so the desk words them in its own language.
 */
import { z } from 'zod';
import { command, out, query } from '../kernel/op';
import { DESK, MANAGERS, SUPERVISORS } from '../kernel/roles';
import { MONTH_PATTERN } from '../../shared/dates';
import { DateStr, Gender, Id, OpId, Phone, Pin, Reason, RequiredPhone, ShortText, TimeStr } from './common';
import { VISITOR_OUTCOMES, type VisitorOutcome } from './types';
import { ConsultantPin } from '../areas/rotation/contract';
import type { ReasonParams, SkipReason } from '../areas/rotation/types';

// ---- result types ---------------------------------------------------------------------------

/** What the call rests on: a rotation turn, the consultant the visitor named, or an appointment. */
export type CallBasis = 'rotation' | 'named' | 'appointment';
/**
 * Why this consultant (or nobody yet) is called:
 * - first_visit: never met a consultant → next in rotation
 * - name_unknown: met a consultant before but cannot remember the name → as a first visit
 * - met_before {consultant}: the consultant the visitor named
 * - met_before_absent {consultant, state}: the named consultant is not here → rotation
 * - appointment {consultant, date, place, fixedAt, appointmentId, days}: an appointment matched by
 *   phone within the ownership days; the consultant who fixed it first owns the lead
 * - appointment_stated {consultant}: the visitor says they have an appointment with this consultant
 * - appointment_absent {consultant, state}: the appointment's consultant is not here → rotation
 * - appointment_expired {consultant, date, days, limit}: the appointment is older than the
 *   ownership days: the lead is shared → rotation
 * - no_show_next {previous}: the consultant called did not come in time → next in rotation
 * - phone_rotation: a phone inquiry without an appointment → next in the phone rotation
 * A visitor nobody can be called for waits (status "waiting"); the desk calls the next later.
 */
export type DecisionCode =
  | 'first_visit'
  | 'name_unknown'
  | 'met_before'
  | 'met_before_absent'
  | 'appointment'
  | 'appointment_stated'
  | 'appointment_absent'
  | 'appointment_expired'
  | 'no_show_next'
  | 'phone_rotation';

export interface Decision {
  basis: CallBasis;
  code: DecisionCode;
  params: ReasonParams;
}

export interface PassedOver {
  staffId: number;
  name: string;
  reason: SkipReason;
  at: string;
}

export interface VisitorCall {
  id: number;
  staffId: number;
  staffName: string;
  basis: CallBasis;
  code: DecisionCode;
  params: ReasonParams;
  turnConsumed: boolean;
  calledAt: string;
  calledByName: string;
  /** Pages made on the public address (the first call is page 1). */
  pages: number;
  maxPages: number;
  lastPagedAt: string;
  /** UTC ISO: the desk counts down to it. */
  deadlineAt: string;
  status: 'open' | 'accepted' | 'no_show' | 'cancelled';
  closedAt: string | null;
  /** Open and past its deadline. */
  overdue: boolean;
  canPageAgain: boolean;
  /** Open and overdue: the next consultant in rotation may be called. */
  canProposeNext: boolean;
}

export type VisitorStatus = 'waiting' | 'calling' | 'with_consultant' | 'done' | 'left';

export interface VisitorRow {
  id: number;
  day: string;
  name: string;
  /** For the introduction ("Ms Zhang"): a Chinese name's first character, else the last word. */
  surname: string;
  /**
   * Shown as "138 1234 5678" to managers and to the visitor's own consultant (received or credited);
   * masked (138****5678) for everyone else.
   */
  phone: string;
  gender: 'male' | 'female';
  heardFrom: string;
  interests: string[];
  firstVisit: boolean;
  metBefore: boolean;
  metConsultantId: number | null;
  metConsultantName: string | null;
  hasAppointment: boolean;
  appointmentWithId: number | null;
  appointmentWithName: string | null;
  /** The recorded appointment matched by phone, if any. */
  appointmentId: number | null;
  note: string;
  registeredAt: string;
  registeredByName: string;
  decision: Decision;
  status: VisitorStatus;
  currentCall: VisitorCall | null;
  consultantId: number | null;
  consultantName: string | null;
  /** Who is credited with the visitor (the consultant who received them, unless a dispute moved it). */
  creditConsultantId: number | null;
  creditConsultantName: string | null;
  acceptedAt: string | null;
  handedOverByName: string | null;
  outcome: VisitorOutcome | null;
  /** The card type's name only: membership prices are never sent here. */
  outcomeCardTypeName: string | null;
  followUpDate: string | null;
  outcomeNote: string | null;
  outcomeAt: string | null;
  openDisputes: number;
}

export interface DisputeRow {
  id: number;
  visitorId: number;
  visitorName: string;
  visitorDay: string;
  raisedById: number;
  raisedByName: string;
  reason: string;
  raisedAt: string;
  recordedByName: string;
  creditBeforeId: number | null;
  creditBeforeName: string | null;
  status: 'open' | 'decided';
  decision: 'keep' | 'move' | null;
  creditToId: number | null;
  creditToName: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
}

export interface VisitorDetail extends VisitorRow {
  calls: VisitorCall[];
  passedOver: PassedOver[];
  disputes: DisputeRow[];
  /** Who the rotation would call next for this visitor (for the one-click "call next"). */
  proposal: { staffId: number; name: string } | null;
}

export interface CardsSold {
  cardTypeId: number;
  cardTypeName: string;
  count: number;
  /** In the shift handover: how many of `count` were sold at the desk (new members, renewals, upgrades). */
  atDesk?: number;
}

export interface VisitorsToday {
  day: string;
  visitors: VisitorRow[];
  counts: {
    visitors: number;
    byRotation: number;
    ownLeads: number;
    waiting: number;
    calling: number;
    withConsultant: number;
    done: number;
    left: number;
    joined: number;
    followUp: number;
    notInterested: number;
    phoneInquiries: number;
  };
  /** Cards sold to today's visitors, for the shift handover. */
  cardsSold: CardsSold[];
}

export interface AppointmentInfo {
  id: number;
  consultantId: number;
  consultantName: string;
  visitorName: string;
  /** Full for managers and the appointment's own consultant; masked (138****5678) for everyone else. */
  phone: string;
  date: string;
  time: string | null;
  place: string;
  note: string;
  fixedAt: string;
  createdByName: string;
  cancelledAt: string | null;
}

export interface InquiryInfo {
  id: number;
  day: string;
  /** null: the caller did not leave a name. */
  callerName: string | null;
  /**
   * null: the caller did not leave a number. Masked (138****5678) except for managers and the
   * consultant the call was passed to (who calls back).
   */
  callbackPhone: string | null;
  hasAppointment: boolean;
  appointmentWithId: number | null;
  appointmentWithName: string | null;
  topic: string;
  loggedAt: string;
  loggedByName: string;
  consultantId: number | null;
  consultantName: string | null;
  decision: Decision | null;
  assignedAt: string | null;
  calledBackAt: string | null;
  calledBackByName: string | null;
  callbackNote: string | null;
  passedOver: PassedOver[];
}

export interface ConsultantStats {
  receivedRotation: number;
  receivedOwnLeads: number;
  /** Visitors credited to them after disputes. */
  credited: number;
  passedOver: number;
  passedOverByReason: Record<SkipReason, number>;
  noShows: number;
  disputesRaised: number;
  creditMovedIn: number;
  creditMovedOut: number;
  joined: number;
  followUp: number;
  notInterested: number;
  cardsSold: { cardTypeName: string; count: number }[];
  phoneAssigned: number;
  phoneCalledBack: number;
}

export interface ConsultantReportRow {
  staffId: number;
  name: string;
  total: ConsultantStats;
  days: (ConsultantStats & { day: string })[];
}

export interface ConsultantReport {
  month: string;
  rows: ConsultantReportRow[];
}

// ---- argument schemas ------------------------------------------------------------------------

const Text100 = z.string().trim().max(100);
const MonthStr = z.string().regex(MONTH_PATTERN, 'month');
export const visitorContract = {
  // The desk runs the rotation and the visitors; consultants act on their own state and visitors
  // (the service checks "own"); managers decide disputes and see the consultant report.
  // ---- visitors ------------------------------------------------------------------------------
  /** Registers a walk-in visitor and calls the consultant the rules choose (or leaves them waiting). */
  'visitors.register': command({
    input: z
      .object({
        name: z.string().trim().min(1).max(100),
        phone: RequiredPhone,
        gender: Gender,
        heardFrom: Text100,
        interests: z.array(Text100).max(20),
        firstVisit: z.boolean(),
        /** Met a consultant before; metConsultantId null = cannot remember the name. */
        metBefore: z.boolean(),
        metConsultantId: Id.nullable(),
        hasAppointment: z.boolean(),
        appointmentWithId: Id.nullable(),
        note: ShortText.optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<VisitorDetail>(),
    access: DESK,
  }),
  /** Pages the called consultant again (at most maxPages in all); the timer restarts. */
  'visitors.page': command({
    input: z.object({ visitorId: Id }).strict(),
    output: out<VisitorDetail>(),
    access: DESK,
  }),
  /**
   * The called consultant did not come in time: records the no-show and calls the next in rotation
   * (also calls the next for a waiting visitor).
   */
  'visitors.proposeNext': command({
    input: z.object({ visitorId: Id, opId: OpId.optional() }).strict(),
    output: out<VisitorDetail>(),
    access: DESK,
  }),
  /** With autoProposeNext: pages again / calls the next for every call whose timer ran out. */
  'visitors.tick': command({
    input: z.object({}).strict(),
    output: out<{ changed: number[] }>(),
    access: DESK,
  }),
  /** The consultant accepts the visitor with their PIN; reception (the caller) hands over. */
  'visitors.accept': command({
    input: z.object({ visitorId: Id, staffId: Id, pin: Pin }).strict(),
    output: out<VisitorDetail>(),
    access: [...DESK, 'consultant'],
  }),
  'visitors.outcome': command({
    input: z
      .object({
        visitorId: Id,
        outcome: z.enum(VISITOR_OUTCOMES),
        cardTypeId: Id.optional(),
        followUpDate: DateStr.optional(),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<VisitorDetail>(),
    access: [...DESK, 'consultant'],
  }),
  /** The visitor left before a consultant received them. */
  'visitors.leave': command({
    input: z.object({ visitorId: Id, note: ShortText.optional() }).strict(),
    output: out<VisitorDetail>(),
    access: DESK,
  }),
  'visitors.get': query({
    input: z.object({ id: Id }).strict(),
    output: out<VisitorDetail>(),
    access: [...DESK, 'consultant'],
  }),
  'visitors.today': query({
    input: z.object({}).strict(),
    output: out<VisitorsToday>(),
    access: [...DESK, 'consultant'],
  }),
  'visitors.list': query({
    input: z.object({ from: DateStr, to: DateStr, consultantId: Id.optional() }).strict(),
    output: out<VisitorRow[]>(),
    access: [...DESK, 'consultant'],
  }),
  /** A consultant disputes who got a visitor (a logged-in consultant, or one at the desk with their PIN). */
  'visitors.dispute': command({
    input: z.object({ visitorId: Id, reason: Reason, consultant: ConsultantPin.optional() }).strict(),
    output: out<DisputeRow>(),
    access: [...DESK, 'consultant'],
  }),
  'visitors.disputes': query({
    input: z.object({ status: z.enum(['open', 'decided', 'all']).optional() }).strict(),
    output: out<DisputeRow[]>(),
    access: [...MANAGERS, 'consultant'],
  }),
  /** The customer-service manager (or above) decides: keep, or move the credit. Never changed after. */
  'visitors.decideDispute': command({
    input: z
      .object({
        disputeId: Id,
        decision: z.enum(['keep', 'move']),
        creditToId: Id.optional(),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<DisputeRow>(),
    access: MANAGERS,
  }),

  // ---- appointments ----------------------------------------------------------------------------
  /**
   * Records an appointment fixed now (the consultant defaults to the logged-in consultant). The
   * appointment makes its consultant the lead's owner, so when someone else records it at the desk
   * the consultant confirms it with their PIN (a manager may record it without).
   */
  'appointments.create': command({
    input: z
      .object({
        consultantId: Id.optional(),
        /** The consultant's own PIN when a receptionist or shift lead records the appointment for them. */
        consultantPin: Pin.optional(),
        visitorName: z.string().trim().min(1).max(100),
        phone: RequiredPhone,
        date: DateStr,
        time: TimeStr.optional(),
        place: z.string().trim().min(1).max(200),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<AppointmentInfo>(),
    access: [...DESK, 'consultant'],
  }),
  'appointments.list': query({
    input: z
      .object({
        from: DateStr.optional(),
        to: DateStr.optional(),
        phone: Phone.optional(),
        consultantId: Id.optional(),
      })
      .strict(),
    output: out<AppointmentInfo[]>(),
    access: [...DESK, 'consultant'],
  }),
  'appointments.cancel': command({
    input: z.object({ id: Id }).strict(),
    output: out<AppointmentInfo>(),
    access: [...SUPERVISORS, 'consultant'],
  }),

  // ---- phone inquiries -------------------------------------------------------------------------
  /**
   * Logs a call and passes it to a consultant (appointment → that consultant; else the phone
   * rotation). Callers leave their name and number only if they are willing: both may be left out
   * ('' or null); the call is logged and counted all the same.
   */
  'inquiries.create': command({
    input: z
      .object({
        callerName: z.string().trim().max(100).nullable().optional(),
        callbackPhone: Phone.nullable().optional(),
        hasAppointment: z.boolean(),
        appointmentWithId: Id.nullable(),
        topic: ShortText,
        opId: OpId.optional(),
      })
      .strict(),
    output: out<InquiryInfo>(),
    access: DESK,
  }),
  'inquiries.list': query({
    input: z
      .object({ day: DateStr.optional(), consultantId: Id.optional(), open: z.boolean().optional() })
      .strict(),
    output: out<InquiryInfo[]>(),
    access: [...DESK, 'consultant'],
  }),
  /** Passes a still unassigned inquiry to the next consultant of the phone rotation. */
  'inquiries.assign': command({
    input: z.object({ inquiryId: Id }).strict(),
    output: out<InquiryInfo>(),
    access: DESK,
  }),
  'inquiries.markCalledBack': command({
    input: z.object({ inquiryId: Id, note: ShortText.optional() }).strict(),
    output: out<InquiryInfo>(),
    access: [...DESK, 'consultant'],
  }),

  // ---- report ----------------------------------------------------------------------------------
  'reports.consultants': query({
    input: z.object({ month: MonthStr }).strict(),
    output: out<ConsultantReport>(),
    access: MANAGERS,
  }),
} as const;
