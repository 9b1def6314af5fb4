/**
 * The complaints area's values and result types: the enums as values, the error codes it throws,
 * and what its operations answer. No zod here: the renderer imports these (through
 * electron/core/contract) without loading the schemas.
 */
import type { StaffRef } from '../../contract/types';

// ---- enums and error codes ------------------------------------------------------------------

/**
 *   registered → assigned → investigated → resolved → closed
 *        └──────────┴────────────┴→ escalated → resolved (store manager) → closed
 */
export const COMPLAINT_STATUSES = [
  'registered',
  'assigned',
  'investigated',
  'resolved',
  'escalated',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** The statuses of the open list: not resolved yet (shown at every shift opening). */
export const COMPLAINT_OPEN_STATUSES = [
  'registered',
  'assigned',
  'investigated',
  'escalated',
] as const satisfies readonly ComplaintStatus[];
export const COMPLAINT_CHANNELS = ['in_person', 'phone', 'written', 'online', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const DEPARTMENTS = [
  'front_desk',
  'fitness',
  'group_exercise',
  'bar',
  'shop',
  'sales',
  'facilities',
  'other',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/**
 * The complaint's deadline (closed within complaintDeadlineDays of registration): not closed and
 * more than a day left; not closed and due today or tomorrow; not closed and past it; closed on or
 * before it; closed after it.
 */
export const COMPLAINT_DEADLINES = ['upcoming', 'due', 'overdue', 'met', 'missed'] as const;
export type ComplaintDeadline = (typeof COMPLAINT_DEADLINES)[number];
/** The list's deadline filter: not closed and due today or tomorrow / past the deadline / either. */
export const COMPLAINT_DEADLINE_FILTERS = ['due', 'overdue', 'due_or_overdue'] as const;
export type ComplaintDeadlineFilter = (typeof COMPLAINT_DEADLINE_FILTERS)[number];

export const COMPLAINT_ERROR_CODES = [
  'COMPLAINT_STEP_INVALID',
  'COMPLAINT_ESCALATED',
  'COMPLAINT_CLOSED',
  'COMPLAINT_OUTCOME_MISSING',
] as const;

// ---- result types ---------------------------------------------------------------------------

/** A complaint on a list (managers). */
export interface ComplaintSummary {
  id: number;
  status: ComplaintStatus;
  registeredAt: string;
  registeredBy: StaffRef;
  memberId: number | null;
  cardNo: string | null;
  complainantName: string;
  channel: ComplaintChannel;
  department: Department;
  what: string;
  supervisorName: string | null;
  escalated: boolean;
  /** Not yet resolved: on the open list, shown at every shift opening. */
  open: boolean;
  /** Resolved on the club-local day it was registered (null while not resolved). */
  resolvedSameDay: boolean | null;
  /** Club-local days from registration to resolution (or to today while open). */
  daysOpen: number;
  /** Club-local date by which it is to be closed (set when it was registered). */
  dueDate: string;
  /** Days from today to the due date while not closed (negative: overdue); null once closed. */
  daysLeft: number | null;
  deadline: ComplaintDeadline;
}

/**
 * An open complaint as reception (and everyone but managers) sees it at shift opening: that it is
 * there, since when, the department, the deadline — not who complained (name masked), their
 * contact, card number, or what it is about.
 */
export interface ComplaintDeskSummary {
  view: 'desk';
  id: number;
  status: ComplaintStatus;
  registeredAt: string;
  department: Department;
  escalated: boolean;
  daysOpen: number;
  dueDate: string;
  daysLeft: number | null;
  deadline: ComplaintDeadline;
  /** The first character of the complainant's name, the rest as asterisks ("王**"). */
  complainant: string;
}

/** Open complaints on the open items: managers get the full summary, everyone else the desk one. */
export type OpenComplaint = ComplaintDeskSummary | (ComplaintSummary & { view: 'full' });

export interface ComplaintNote {
  id: number;
  text: string;
  at: string;
  by: StaffRef;
}

export interface ComplaintDetail extends ComplaintSummary {
  contact: string | null;
  staffInvolved: string;
  assignedAt: string | null;
  assignedBy: StaffRef | null;
  findings: string | null;
  findingsAt: string | null;
  resolution: string | null;
  staffAction: string | null;
  resolvedAt: string | null;
  resolvedBy: StaffRef | null;
  escalatedAt: string | null;
  escalatedBy: StaffRef | null;
  escalationReport: string | null;
  /** Reported to the store manager (the complaint is then closed). */
  reportedAt: string | null;
  reportedBy: StaffRef | null;
  /** What the member wants (recorded when it is taken down, or at the latest at the close). */
  desiredOutcome: string | null;
  /** What was agreed with the member (recorded at the close). */
  agreedOutcome: string | null;
  /** The after-care call (回访) once the member was called back: were they satisfied, and what they said. */
  aftercare: {
    satisfaction: 'satisfied' | 'fair' | 'unsatisfied';
    comment: string | null;
    at: string;
    by: StaffRef | null;
  } | null;
  notes: ComplaintNote[];
  updatedAt: string;
}

export interface ComplaintList {
  rows: ComplaintSummary[];
  total: number;
  /** Open complaints among the matching ones. */
  openCount: number;
  /** Over every complaint not closed (whatever the filters): due today or tomorrow, past the deadline. */
  deadlines: { due: number; overdue: number };
}

/** The complaints review: per month of resolution, how the after-care calls answered. */
export interface ComplaintSatisfactionMonth {
  month: string;
  resolved: number;
  satisfied: number;
  fair: number;
  unsatisfied: number;
  /** Resolved, not called back (yet). */
  notCalled: number;
}
