/**
 * The incidents area's contract (特殊突发事件): anyone at the desk opens an incident in seconds; a
 * customer-service manager or above completes the record step by step, adds follow-ups and
 * attachments, closes it once the written report is complete, then adds dated addenda; the review
 * list, the CSV export, the printable report, and the open items shown at shift opening. Non-managers
 * see the desk view (no medical details) of the incidents they opened and of the open ones. Every
 * operation is declared here once: its input, its result, its kind and who may call it. The
 * renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { MANAGERS } from '../../kernel/roles';
import {
  Cents,
  DateStr,
  Empty,
  Gender,
  Id,
  Limit,
  Name,
  Narrative,
  Offset,
  OpId,
  Search,
  ShortText,
} from '../../contract/common';
import { LOCAL_DATE_TIME_PATTERN } from '../../../shared/dates';
import {
  ATTACHMENT_TYPES,
  FOLLOW_UP_KINDS,
  INCIDENT_FOLLOW_UP_FILTERS,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type AttachmentInfo,
  type IncidentCsv,
  type IncidentDetail,
  type IncidentFullView,
  type IncidentList,
  type IncidentReport,
  type OpenItems,
} from './types';

export * from './types';

/** A club-local date and time as a datetime-local input gives it: "2026-11-18T14:30". */
const LocalDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME_PATTERN, 'dateTime')
  .refine((s) => DateStr.safeParse(s.slice(0, 10)).success, 'dateTime');
const Place = z.string().trim().min(1).max(200);
/** A text field a form may clear: '' and null both clear it. */
const OptText = z.string().trim().max(5000).nullable();
const OptName = z.string().trim().max(100).nullable();
const IncidentKind = z.enum(INCIDENT_KINDS);
const IncidentSeverity = z.enum(INCIDENT_SEVERITIES);
const IncidentStatus = z.enum(INCIDENT_STATUSES);
const FollowUpKind = z.enum(FOLLOW_UP_KINDS);
const IncidentFilterFields = {
  /** Club-local dates of occurrence, inclusive. */
  from: DateStr.optional(),
  to: DateStr.optional(),
  kind: IncidentKind.optional(),
  status: IncidentStatus.optional(),
  severity: IncidentSeverity.optional(),
  memberId: Id.optional(),
  /** Opened by, told, took the statement, went to hospital, or has a follow-up. */
  staffId: Id.optional(),
  q: Search.optional(),
  /** Only incidents with a follow-up not done that is due today, overdue, or either. */
  followUps: z.enum(INCIDENT_FOLLOW_UP_FILTERS).optional(),
};
const IncidentUpdateFields = z
  .object({
    occurredAt: LocalDateTime,
    place: Place,
    what: Narrative,
    kind: IncidentKind,
    severity: IncidentSeverity.nullable(),
    /** Links a member (card number, name, gender and age are copied) or unlinks (null). */
    memberId: Id.nullable(),
    /** Someone who is not a member, or a correction of the copied details. */
    memberName: OptName,
    memberGender: Gender.nullable(),
    memberAge: z.number().int().min(0).max(150).nullable(),
    harm: OptText,
    csManagerId: Id.nullable(),
    csManagerToldAt: LocalDateTime.nullable(),
    dutyCoach: OptName,
    dutyCoachToldAt: LocalDateTime.nullable(),
    firstAidBy: OptName,
    firstAid: OptText,
    statementTakenById: Id.nullable(),
    statementSignedAt: LocalDateTime.nullable(),
    hospital: z.boolean(),
    /** The hospital decision "no": why not. */
    noHospitalReason: OptText,
    hospitalName: z.string().trim().max(200).nullable(),
    hospitalAccompaniedById: Id.nullable(),
    examinationCostCents: Cents.nullable(),
    examinationResult: OptText,
    examConfirmedAt: LocalDateTime.nullable(),
    memberRequest: OptText,
    compensationAskedCents: Cents.nullable(),
    compensationAgreedCents: Cents.nullable(),
    handlingOpinion: OptText,
    /** The member's consultant was told: when, and by whom. */
    consultantToldAt: LocalDateTime.nullable(),
    consultantToldById: Id.nullable(),
  })
  .partial();

// ---- operations -----------------------------------------------------------------------------

export const incidentContract = {
  /**
   * Anyone at the desk opens an incident in seconds: when (club-local, default now), where, what,
   * the member if any, or the name (gender, age) of someone who is not a member. Non-managers get
   * the desk view (no medical details).
   */
  'incidents.open': command({
    input: z
      .object({
        occurredAt: LocalDateTime.optional(),
        place: Place,
        what: Narrative,
        kind: IncidentKind.optional(),
        severity: IncidentSeverity.optional(),
        memberId: Id.optional(),
        /** Someone who is not a member (a visitor, a guest): instead of memberId; gender and age if known. */
        personName: Name.optional(),
        personGender: Gender.optional(),
        personAge: z.number().int().min(0).max(150).optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<IncidentDetail>(),
    access: 'staff',
  }),
  /** A customer-service manager or above completes the record; a closed incident is refused. */
  'incidents.update': command({
    input: IncidentUpdateFields.extend({ id: Id }).strict(),
    output: out<IncidentFullView>(),
    access: MANAGERS,
  }),
  /** open ↔ follow_up, or closed (needs the written-report fields; then read-only for good). */
  'incidents.setStatus': command({
    input: z.object({ id: Id, status: IncidentStatus }).strict(),
    output: out<IncidentFullView>(),
    access: MANAGERS,
  }),
  /** A dated note added to the record, also (mainly) after closing. */
  'incidents.addAddendum': command({
    input: z.object({ id: Id, text: Narrative }).strict(),
    output: out<IncidentFullView>(),
    access: MANAGERS,
  }),
  /** A follow-up (call or visit) with a due date; an open incident moves to follow_up. */
  'incidents.addFollowUp': command({
    input: z
      .object({
        id: Id,
        kind: FollowUpKind,
        dueDate: DateStr,
        assignedToId: Id.nullable().optional(),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<IncidentFullView>(),
    access: MANAGERS,
  }),
  /** Marks a follow-up done (a manager, or the staff member it is assigned to). */
  'incidents.completeFollowUp': command({
    input: z.object({ followUpId: Id, outcome: z.string().trim().max(5000).optional() }).strict(),
    output: out<IncidentDetail>(),
    access: 'staff',
  }),
  /** Attaches a photo or scan (stored in the data folder with its SHA-256). At most 5 MB. */
  'incidents.attach': command({
    input: z
      .object({
        id: Id,
        name: z.string().trim().min(1).max(200),
        mime: z.enum(ATTACHMENT_TYPES),
        contentBase64: z
          .string()
          .min(1)
          .max(7_000_000)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
        note: ShortText.optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<AttachmentInfo>(),
    access: 'staff',
    maxBytes: 7_100_000,
  }),
  /** An attachment's content, after checking its hash (ATTACHMENT_TAMPERED when it differs). */
  'incidents.attachment': command({
    input: z.object({ attachmentId: Id }).strict(),
    output: out<AttachmentInfo & { dataUrl: string }>(),
    access: 'staff',
    announce: false,
  }),
  /** The record (audited): the full view for managers, the desk view for others. */
  'incidents.get': command({
    input: z.object({ id: Id }).strict(),
    output: out<IncidentDetail>(),
    access: 'staff',
    announce: false,
  }),
  /** The review list: filters, follow-ups due, totals and the per-month chart (managers). */
  'incidents.list': query({
    input: z.object({ ...IncidentFilterFields, limit: Limit.optional(), offset: Offset.optional() }).strict(),
    output: out<IncidentList>(),
    access: 'staff',
  }),
  /** The matching incidents as CSV (managers only, audited). */
  'incidents.exportCsv': command({
    input: z.object(IncidentFilterFields).strict(),
    output: out<IncidentCsv>(),
    access: MANAGERS,
    announce: false,
  }),
  /** The data of the printable written report (audited). */
  'incidents.report': command({
    input: z.object({ id: Id }).strict(),
    output: out<IncidentReport>(),
    access: MANAGERS,
    announce: false,
  }),

  /** Open incidents, open complaints and follow-ups due: for shift opening and the review screen. */
  'review.openItems': query({ input: Empty, output: out<OpenItems>(), access: 'staff' }),
} as const;
