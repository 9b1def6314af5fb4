/**
 * The visitors area's values and result types: how a visit goes (statuses, the basis and reason of
 * a call, outcomes, disputes), the error codes it throws, and what its operations answer — walk-in
 * visitors, appointments, phone inquiries and the consultant report. No zod here: the renderer
 * imports these (through electron/core/contract) without loading the schemas.
 */
import type { Gender } from '../../contract/types';
import type { ReasonParams, SkipReason } from '../rotation/types';

// ---- enums and error codes ------------------------------------------------------------------

/** Where a walk-in visitor is: waiting for a consultant, one being called, with one, done, or left. */
export const VISITOR_STATUSES = ['waiting', 'calling', 'with_consultant', 'done', 'left'] as const;
export type VisitorStatus = (typeof VISITOR_STATUSES)[number];
/** How a visitor's visit ended. */
export const VISITOR_OUTCOMES = ['joined', 'follow_up', 'not_interested'] as const;
export type VisitorOutcome = (typeof VISITOR_OUTCOMES)[number];
/** What the call rests on: a rotation turn, the consultant the visitor named, or an appointment. */
export const CALL_BASES = ['rotation', 'named', 'appointment'] as const;
export type CallBasis = (typeof CALL_BASES)[number];
/** A call of a consultant for a visitor: open (the timer runs), accepted, no-show, or cancelled (the visitor left). */
export const CALL_STATUSES = ['open', 'accepted', 'no_show', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
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
export const DECISION_CODES = [
  'first_visit',
  'name_unknown',
  'met_before',
  'met_before_absent',
  'appointment',
  'appointment_stated',
  'appointment_absent',
  'appointment_expired',
  'no_show_next',
  'phone_rotation',
] as const;
export type DecisionCode = (typeof DECISION_CODES)[number];

/** A dispute over who gets a visitor: open until the customer-service manager (or above) decides. */
export const DISPUTE_STATUSES = ['open', 'decided'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
/** The decision: keep the credit where it is, or move it (wholly) to another consultant. */
export const DISPUTE_DECISIONS = ['keep', 'move'] as const;
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number];

export const VISITORS_ERROR_CODES = [
  'VISITOR_WRONG_STATE',
  'PAGE_LIMIT',
  'CALL_NOT_OVERDUE',
  'NO_CONSULTANT_AVAILABLE',
  'WRONG_CONSULTANT',
  'DISPUTE_DECIDED',
  'CARD_TYPE_REQUIRED',
  'INQUIRY_ASSIGNED',
  'VISITOR_ALREADY_HERE',
  'CONSULTANT_PIN_REQUIRED',
] as const;

// ---- result types ---------------------------------------------------------------------------

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
  status: CallStatus;
  closedAt: string | null;
  /** Open and past its deadline. */
  overdue: boolean;
  canPageAgain: boolean;
  /** Open and overdue: the next consultant in rotation may be called. */
  canProposeNext: boolean;
}

/** A visitor as the lists show them. */
export interface VisitorSummary {
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
  gender: Gender;
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

export interface DisputeInfo {
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
  status: DisputeStatus;
  decision: DisputeDecision | null;
  creditToId: number | null;
  creditToName: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
}

export interface VisitorDetail extends VisitorSummary {
  calls: VisitorCall[];
  passedOver: PassedOver[];
  disputes: DisputeInfo[];
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
  visitors: VisitorSummary[];
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

/** One consultant's line of the monthly report: the month's totals and each day's figures. */
export interface ConsultantReportLine {
  staffId: number;
  name: string;
  total: ConsultantStats;
  days: (ConsultantStats & { day: string })[];
}

export interface ConsultantReport {
  month: string;
  rows: ConsultantReportLine[];
}
