/**
 * The announcements area's values and result types: the class timetable, the day's announcements
 * with their state, and the error codes it throws. No zod here: the renderer imports these (through
 * electron/core/contract) without loading the schemas.
 */

// ---- enums and error codes ------------------------------------------------------------------

/** A class's announcement or the one before closing. */
export const ANNOUNCEMENT_KINDS = ['class', 'closing'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];
/**
 * Where an announcement stands now: not yet due, due (the desk is reminded), announced, or missed
 * (not announced by the time the class started or the club closed).
 */
export const ANNOUNCEMENT_STATUSES = ['upcoming', 'due', 'announced', 'missed'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

export const ANNOUNCEMENTS_ERROR_CODES = ['ANNOUNCEMENT_PASSED', 'ANNOUNCEMENT_DONE'] as const;

// ---- result types ---------------------------------------------------------------------------

export interface ClassSlot {
  id: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  startTime: string;
  className: string;
  room: string;
  instructor: string;
  active: boolean;
}

export interface AnnouncementItem {
  day: string;
  /** "class:<timetable id>" or "closing" */
  slot: string;
  kind: AnnouncementKind;
  timetableId: number | null;
  className: string | null;
  room: string | null;
  instructor: string | null;
  /** UTC ISO: the class start (or the closing time). */
  startsAt: string;
  /** UTC ISO: when the reminder is due. */
  dueAt: string;
  status: AnnouncementStatus;
  announcedAt: string | null;
  announcedByName: string | null;
}

export interface AnnouncementsDue {
  day: string;
  items: AnnouncementItem[];
  /** How many are due now (reminders to show). */
  dueNow: number;
}
