/**
 * Follow-up calls and renewal reminders (回访 / 续卡提醒): the morning call list made from the
 * records, each entry with the reason(s) it is there, assigned to a consultant; each call's outcome,
 * satisfaction and what the member asked for; the settings (reminder days, call windows, holidays).
 * The values and result types the renderer uses (no zod here).
 */
import type { StaffRef } from '../../contract/types';

/** Why someone is on the list. */
export const CALL_REASONS = [
  /** The card runs out within one of the reminder days (30/15/7). */
  'card_ending',
  /** A visit card with few visits left (≤ 3). */
  'visits_low',
  /** Not seen for 14/30 days. */
  'not_seen',
  /** A first-time visitor, about a week after the visit. */
  'first_visit',
  /** A new member, about a week after their first visit. */
  'new_member',
  /** A resolved complaint: the after-care call. */
  'aftercare',
] as const;
export type CallReason = (typeof CALL_REASONS)[number];

export const CALL_OUTCOMES = [
  'reached',
  'no_answer',
  'wrong_number',
  'call_back',
  'appointment',
  'renewed',
  'not_interested',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** Outcomes in which somebody was spoken to. */
export const REACHED_OUTCOMES: readonly CallOutcome[] = [
  'reached',
  'call_back',
  'appointment',
  'renewed',
  'not_interested',
];
/** Outcomes that leave the entry on the list (tried again; or on the agreed date). */
export const OPEN_OUTCOMES: readonly CallOutcome[] = ['no_answer', 'call_back'];

export const SATISFACTIONS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const SUMMARY_PERIODS = ['month', 'quarter'] as const;
export type SummaryPeriod = (typeof SUMMARY_PERIODS)[number];

export const CALLS_ERROR_CODES = [
  'CALL_WINDOW_CLOSED',
  'CALL_ENTRY_CLOSED',
  'CALL_SATISFACTION_REQUIRED',
  'CALL_NO_PHONE',
  'CALL_SETTINGS_INVALID',
] as const;

export interface CallWindow {
  from: string;
  to: string;
}

export interface Holiday {
  date: string;
  name: string;
}

export interface CallSettings {
  /** Remind members whose card runs out within these many days (each once per card). */
  reminderDays: number[];
  /** Visit cards with this many visits left or fewer. */
  visitsLeft: number;
  /** Members not seen for these many days. */
  absentDays: number[];
  /** First-time visitors and new members: called this many days after the first visit. */
  firstCallDays: number;
  /** The call windows of a day (club-local times). */
  windows: CallWindow[];
  /** No calls on these days. */
  holidays: Holiday[];
}

/** Whether calls may be made now, and when the next window opens. */
export interface WindowState {
  open: boolean;
  /** The window now open. */
  current: CallWindow | null;
  /** Today is a holiday (its name). */
  holiday: string | null;
  /** When the next window opens (club-local date and time); null when none in the next 60 days. */
  next: { date: string; time: string } | null;
}

export interface CallReasonInfo {
  reason: CallReason;
  /** card_ending: days (the reminder), expiry; visits_low: visitsLeft; not_seen: days, lastSeen; … */
  detail: Record<string, string | number>;
}

export interface CallAttempt {
  id: number;
  outcome: CallOutcome;
  callbackOn: string | null;
  satisfaction: Satisfaction | null;
  requests: string;
  note: string;
  appointmentId: number | null;
  at: string;
  by: StaffRef;
}

export interface CallEntry {
  id: number;
  /** Who is called: a member, a visitor, or the complainant of a complaint. */
  person: {
    kind: 'member' | 'visitor' | 'complainant';
    memberId: number | null;
    visitorId: number | null;
    cardNo: string | null;
    name: string;
    phone: string;
  };
  complaintId: number | null;
  consultant: StaffRef;
  basis: 'owner' | 'rotation' | 'manager';
  listedOn: string;
  /** On the list from this day (a call-back date moves it). */
  dueOn: string;
  /** 'due': a call-back due today or earlier (first on the list); 'new': not called yet; 'retry': no answer before; 'done'. */
  state: 'due' | 'new' | 'retry' | 'done';
  reasons: CallReasonInfo[];
  attempts: CallAttempt[];
  closedAt: string | null;
}

export interface ConsultantRate {
  consultant: StaffRef;
  onList: number;
  called: number;
}

export interface CallList {
  day: string;
  window: WindowState;
  entries: CallEntry[];
  /** Per consultant: called today / on today's list (target 100%). */
  rates: ConsultantRate[];
}

export interface SummaryRow {
  consultant: StaffRef | null;
  listed: number;
  called: number;
  calls: number;
  reached: number;
  appointments: number;
  renewals: number;
  satisfied: number;
  fair: number;
  unsatisfied: number;
}

export interface CallRequest {
  at: string;
  name: string;
  consultant: string;
  text: string;
}

export interface CallSummary {
  period: SummaryPeriod;
  /** 'YYYY-MM' or 'YYYY-Qn'. */
  label: string;
  from: string;
  to: string;
  rows: SummaryRow[];
  total: SummaryRow;
  requests: CallRequest[];
}
