/**
 * The incidents area's values and result types: the enums as values, the error codes it throws, and
 * what its operations answer (the record in its desk and full views, the review list, the written
 * report, the open items). No zod here: the renderer imports these (through electron/core/contract)
 * without loading the schemas.
 */
import type { Gender, StaffRef } from '../../contract/types';
import type { OpenComplaint } from '../complaints/types';

// ---- enums, limits and error codes ----------------------------------------------------------

export const INCIDENT_KINDS = ['injury', 'illness', 'property', 'conflict', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_STATUSES = ['open', 'follow_up', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const FOLLOW_UP_KINDS = ['consultant_call', 'manager_call', 'visit'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
/** A follow-up relative to the club's today: done, not done and due today / past due / not yet due. */
export const FOLLOW_UP_STATES = ['done', 'due_today', 'overdue', 'upcoming'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];
/** The list's follow-up filter: a follow-up not done that is due today, overdue, or either. */
export const INCIDENT_FOLLOW_UP_FILTERS = ['due_today', 'overdue', 'due'] as const;
export type IncidentFollowUpFilter = (typeof INCIDENT_FOLLOW_UP_FILTERS)[number];
/** What an incident file may attach: photos and PDF scans. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** The largest attachment (5 MB). */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The rulebook's steps of an incident (domain.md, "Incidents"), in its order: the customer-service
 * manager told, the duty coach told, first aid (who, what), the member's statement written and
 * signed, the hospital decision (yes: where, costs, the member's signed "no serious harm"; no: why
 * not), the member's consultant told, and the written report. Which apply depends on the kind and
 * severity (INCIDENT_STEP_RULES in handlers/steps.ts).
 */
export const INCIDENT_STEPS = [
  'csManagerTold',
  'dutyCoachTold',
  'firstAid',
  'statement',
  'hospitalDecision',
  'consultantTold',
  'writtenReport',
] as const;
export type IncidentStep = (typeof INCIDENT_STEPS)[number];

/**
 * The fields (and conditions) that closing needs: named like the fields of incidents.update, plus
 * 'followUps' (some are not done yet).
 */
export const INCIDENT_REPORT_FIELDS = [
  'severity',
  'memberName',
  'memberGender',
  'memberAge',
  'harm',
  'csManagerId',
  'csManagerToldAt',
  'dutyCoach',
  'dutyCoachToldAt',
  'firstAidBy',
  'firstAid',
  'statementTakenById',
  'statementSignedAt',
  'noHospitalReason',
  'hospitalName',
  'examinationCostCents',
  'examConfirmedAt',
  'consultantToldById',
  'consultantToldAt',
  'memberRequest',
  'handlingOpinion',
  'followUps',
] as const;
export type IncidentReportField = (typeof INCIDENT_REPORT_FIELDS)[number];

export const INCIDENT_ERROR_CODES = [
  'INCIDENT_CLOSED',
  'INCIDENT_REPORT_INCOMPLETE',
  'FOLLOW_UP_DONE',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_INVALID',
  'ATTACHMENT_TAMPERED',
  'ATTACHMENT_MISSING',
] as const;

// ---- result types ---------------------------------------------------------------------------

/** The person concerned: a member (snapshot taken when linked) or someone else typed in. */
export interface IncidentPerson {
  memberId: number | null;
  cardNo: string | null;
  name: string | null;
  gender: Gender | null;
  age: number | null;
}

export interface FollowUpInfo {
  id: number;
  incidentId: number;
  kind: FollowUpKind;
  /** Club-local date. */
  dueDate: string;
  /** Relative to the club's today: not done and due today, not done and past due, not yet due, done. */
  state: FollowUpState;
  assignedTo: StaffRef | null;
  doneAt: string | null;
  doneBy: StaffRef | null;
  createdAt: string;
  /** Managers only (may hold medical details): absent for other roles. */
  note?: string;
  outcome?: string | null;
}

export interface AttachmentInfo {
  id: number;
  incidentId: number;
  /** The file's original name. */
  name: string;
  mime: AttachmentType;
  sizeBytes: number;
  sha256: string;
  note: string;
  createdAt: string;
  createdBy: StaffRef;
}

export interface AddendumInfo {
  id: number;
  text: string;
  at: string;
  by: StaffRef;
}

/** One step that applies to this incident, with the fields it still misses (empty: done). */
export interface IncidentStepCheck {
  step: IncidentStep;
  missing: IncidentReportField[];
}

interface IncidentCommon {
  id: number;
  status: IncidentStatus;
  kind: IncidentKind;
  severity: IncidentSeverity | null;
  occurredAt: string;
  place: string;
  what: string;
  person: IncidentPerson | null;
  openedAt: string;
  openedBy: StaffRef;
  closedAt: string | null;
  closedBy: StaffRef | null;
  updatedAt: string;
  followUps: FollowUpInfo[];
  /** Managers: every attachment. Others: only those they attached themselves. */
  attachments: AttachmentInfo[];
}

/** What reception (and every non-manager) sees: no medical details, no money, no addenda. */
export interface IncidentDeskView extends IncidentCommon {
  view: 'desk';
}

/** What managers see: everything. */
export interface IncidentFullView extends IncidentCommon {
  view: 'full';
  /** How badly the person was hurt. */
  harm: string | null;
  csManager: StaffRef | null;
  csManagerToldAt: string | null;
  dutyCoach: string | null;
  dutyCoachToldAt: string | null;
  firstAidBy: string | null;
  firstAid: string | null;
  statementTakenBy: StaffRef | null;
  /** When the member read and signed the statement. */
  statementSignedAt: string | null;
  hospital: boolean;
  /** The hospital decision "no": why not (needed where the decision is one of the steps). */
  noHospitalReason: string | null;
  hospitalName: string | null;
  hospitalAccompaniedBy: StaffRef | null;
  examinationCostCents: number | null;
  examinationResult: string | null;
  /** When the member signed, after the examination, that there is no serious harm. */
  examConfirmedAt: string | null;
  /** What the member asks for. */
  memberRequest: string | null;
  compensationAskedCents: number | null;
  compensationAgreedCents: number | null;
  /** How the club proposes to handle it. */
  handlingOpinion: string | null;
  /** The member's consultant (now), who is to be told of an injury or illness. */
  memberConsultant: StaffRef | null;
  consultantToldAt: string | null;
  consultantToldBy: StaffRef | null;
  addenda: AddendumInfo[];
  /** Fields still missing over every step that applies; empty: the incident may be closed. */
  reportMissing: IncidentReportField[];
  /** The steps that apply to this incident's kind and severity, in the rulebook's order. */
  steps: IncidentStepCheck[];
}

export type IncidentDetail = IncidentDeskView | IncidentFullView;

/** An incident on the review list and the open items. */
export interface IncidentSummary {
  id: number;
  status: IncidentStatus;
  kind: IncidentKind;
  severity: IncidentSeverity | null;
  occurredAt: string;
  place: string;
  what: string;
  memberId: number | null;
  cardNo: string | null;
  personName: string | null;
  openedAt: string;
  openedBy: StaffRef;
  /** Earliest due date of the follow-ups not done yet. */
  nextFollowUpDue: string | null;
  followUpsDueToday: number;
  followUpsOverdue: number;
  /** Managers only: absent for other roles. */
  examinationCostCents?: number | null;
  compensationAskedCents?: number | null;
  compensationAgreedCents?: number | null;
}

export interface IncidentMonth {
  /** YYYY-MM, club-local */
  month: string;
  counts: Record<IncidentKind, number>;
  total: number;
}

export interface IncidentList {
  view: 'desk' | 'full';
  rows: IncidentSummary[];
  /** Matching incidents (before limit/offset). */
  total: number;
  /** Over the matching incidents: follow-ups not done, due today / overdue. */
  followUps: { dueToday: number; overdue: number };
  /** Managers only: sums over the matching incidents. */
  totals?: { examinationCostCents: number; compensationAskedCents: number; compensationAgreedCents: number };
  /** Managers only: the matching incidents per club-local month and kind, every month in the range. */
  perMonth?: IncidentMonth[];
}

/** The data of the printable written report (A4 / PDF). Managers only. */
export interface IncidentReport {
  clubName: string;
  generatedAt: string;
  generatedBy: StaffRef;
  complete: boolean;
  missing: IncidentReportField[];
  incident: IncidentFullView;
}

/** The matching incidents as a CSV file. */
export interface IncidentCsv {
  filename: string;
  csv: string;
  count: number;
}

export interface DueFollowUp extends FollowUpInfo {
  incidentKind: IncidentKind;
  personName: string | null;
}

/** What is still open: shown at shift opening and on the manager's review. */
export interface OpenItems {
  incidents: IncidentSummary[];
  /** Not resolved yet; only managers get the complainant and what it is about. */
  complaints: OpenComplaint[];
  /** Follow-ups not done, due today or overdue (oldest first). */
  followUps: DueFollowUp[];
}
