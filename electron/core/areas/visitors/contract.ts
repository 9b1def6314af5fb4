/**
 * The visitors area's contract: walk-in visitors (registration, calling, pages, hand-off, outcome,
 * disputes), appointments (lead ownership), phone inquiries, and the consultant report. The desk
 * runs the visitors; consultants act on their own visitors (the handlers check "own"); managers
 * decide disputes and see the report. Reasons are codes with parameters so the desk words them in
 * its own language. The renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK, MANAGERS, SUPERVISORS } from '../../kernel/roles';
import {
  DateStr,
  Gender,
  Id,
  OpId,
  Phone,
  Pin,
  Reason,
  RequiredPhone,
  ShortText,
  TimeStr,
} from '../../contract/common';
import { MONTH_PATTERN } from '../../../shared/dates';
import { ConsultantPin } from '../rotation/contract';
import {
  DISPUTE_DECISIONS,
  DISPUTE_STATUSES,
  VISITOR_OUTCOMES,
  type AppointmentInfo,
  type ConsultantReport,
  type DisputeInfo,
  type InquiryInfo,
  type VisitorDetail,
  type VisitorSummary,
  type VisitorsToday,
} from './types';

export * from './types';

const Text100 = z.string().trim().max(100);
const MonthStr = z.string().regex(MONTH_PATTERN, 'month');

export const visitorsContract = {
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
    output: out<VisitorSummary[]>(),
    access: [...DESK, 'consultant'],
  }),
  /** A consultant disputes who got a visitor (a logged-in consultant, or one at the desk with their PIN). */
  'visitors.dispute': command({
    input: z.object({ visitorId: Id, reason: Reason, consultant: ConsultantPin.optional() }).strict(),
    output: out<DisputeInfo>(),
    access: [...DESK, 'consultant'],
  }),
  'visitors.disputes': query({
    input: z.object({ status: z.enum([...DISPUTE_STATUSES, 'all']).optional() }).strict(),
    output: out<DisputeInfo[]>(),
    access: [...MANAGERS, 'consultant'],
  }),
  /** The customer-service manager (or above) decides: keep, or move the credit. Never changed after. */
  'visitors.decideDispute': command({
    input: z
      .object({
        disputeId: Id,
        decision: z.enum(DISPUTE_DECISIONS),
        creditToId: Id.optional(),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<DisputeInfo>(),
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
