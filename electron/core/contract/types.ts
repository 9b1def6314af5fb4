/**
 * Result types of the contract's operations (what the core sends back to the renderer), and the
 * value lists of the contract's enums (the schemas build their z.enum from these). No zod here: the
 * renderer takes these lists without loading the schemas.
 */
import type { VisitKind } from '../areas/checkin/types';
import type { Role } from '../kernel/roles';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
/** A member's gender may be unknown: a roster imported without it (the desk asks and records it). */
export type MemberGender = Gender | 'unknown';
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A staff member's gender (who counts as coach men / women); they may leave it unsaid. */
export const STAFF_GENDERS = ['male', 'female', 'unspecified'] as const;
export type StaffGender = (typeof STAFF_GENDERS)[number];
/** A card type counts time (days) or visits. */
export const CARD_KINDS = ['time', 'visits'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export interface StaffInfo {
  id: number;
  name: string;
  role: Role;
  gender: StaffGender;
  active: boolean;
}

export interface LoginStaff {
  id: number;
  name: string;
  role: Role;
}

export interface SessionInfo {
  staff: StaffInfo;
  /** Operations this staff member may call (for showing or hiding controls; the core decides). */
  allowed: string[];
  idleLockMinutes: number;
}

export interface Settings {
  clubName: string;
  timeZone: string;
  language: Language;
  staffArriveTime: string;
  openTime: string;
  closeTime: string;
  duplicateScanSeconds: number;
  idleLockMinutes: number;
  lostTagFeeCents: number;
  /** 0 = Sunday … 6 = Saturday */
  disinfectionDays: number[];
  expiryWarnDays: number;
  visitsWarnThreshold: number;
  currency: string;
  /** Visitors: an appointment this many days old or less belongs to the consultant who fixed it first. */
  leadOwnershipDays: number;
  /** Visitors: how long a called consultant has to come to the desk. */
  callTimeoutSeconds: number;
  /** Visitors: pages on the public address at most (the first call is page 1). */
  maxPages: number;
  /** Visitors: when the time is up, page again / call the next consultant without a click. */
  autoProposeNext: boolean;
  /** Class announcements: minutes before the class. */
  announceLeadMinutes: number;
  /** The pre-closing announcement: minutes before closing. */
  preClosingAnnounceMinutes: number;
  /** Shift opening checklist; an item starting with "@" is a built-in one the desk words in its language. */
  openingChecklist: string[];
  /** Pre-closing checklist of the day close (same convention). */
  closingChecklist: string[];
  /** The float of the very first shift (later shifts take the float handed over at the last close). */
  defaultFloatCents: number;
  /**
   * Drink bar: minutes after a slip is written during which the bar may correct it on the spot (the
   * member confirms, the tab unpaid). Afterwards any removal or reduction is a void (a supervisor's PIN).
   */
  barCorrectionMinutes: number;
  /** Complaints: a complaint is to be closed within this many days of being registered (club-local dates). */
  complaintDeadlineDays: number;
}

export interface SystemStatus {
  state: 'setup' | 'ready' | 'broken';
  clubName: string | null;
  language: Language | null;
  timeZone: string | null;
  /** For state 'broken': DATABASE_BROKEN, DATABASE_TOO_NEW, DATABASE_READONLY … */
  problem: string | null;
  schemaVersion: number;
  dataDir: string;
}

export interface CardTypeInfo {
  id: number;
  name: string;
  kind: CardKind;
  durationDays: number | null;
  visitCount: number | null;
  /** Present only for roles that may see membership prices. */
  priceCents?: number;
  active: boolean;
  memberCount: number;
}

// ---- payments, stored value, bar lines -------------------------------------------------------

export const PAYMENT_METHODS = ['cash', 'card', 'mobile', 'stored_value'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** How money is paid in at the desk for stored value (a top-up, a refund): never with stored value itself. */
export const DESK_PAYMENT_METHODS = ['cash', 'card', 'mobile'] as const satisfies readonly PaymentMethod[];
export type DeskPaymentMethod = (typeof DESK_PAYMENT_METHODS)[number];

export interface TabLine {
  id: number;
  slipId: number;
  itemId: number;
  name: string;
  unitPriceCents: number;
  quantity: number;
  amountCents: number;
  createdAt: string;
  createdByName: string;
  voided: boolean;
  voidReason: string | null;
  /** Removed by a correction on the spot (the member confirmed), not voided by a supervisor. */
  removed: boolean;
  paid: boolean;
  /** How the line's settlement was paid (empty while unpaid). */
  paidWith: PaymentMethod[];
  /**
   * Until when the bar may still correct the line on the spot (slip time + the correction window);
   * null when it cannot be corrected at all (paid, voided, or the member has left).
   */
  correctableUntil: string | null;
}

export const TAG_STATUSES = ['available', 'issued', 'disinfection', 'lost', 'retired'] as const;
export type TagStatus = (typeof TAG_STATUSES)[number];
/** Tags that can be retired (not out with someone, not retired already). */
export const RETIRABLE_TAG_STATUSES: readonly TagStatus[] = ['available', 'disinfection', 'lost'];
/** Tags that can be put back into use. */
export const RESTORABLE_TAG_STATUSES: readonly TagStatus[] = ['lost', 'retired'];

export interface TagRow {
  number: number;
  locker: string | null;
  status: TagStatus;
  since: string;
  lastDisinfectedAt: string | null;
  holder: { visitId: number; name: string; kind: VisitKind; cardNo: string | null } | null;
}

export interface TagBoard {
  tags: TagRow[];
  counts: Record<TagStatus, number> & { total: number };
  /** Today is a disinfection day and no tag has been sent to disinfection today. */
  disinfectionDueToday: boolean;
}

export interface AuditRow {
  id: number;
  at: string;
  staffId: number | null;
  staffName: string | null;
  op: string;
  entity: string | null;
  entityId: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
}

/** A staff member named on a record (incidents, complaints). */
export interface StaffRef {
  id: number;
  name: string;
}

export interface BackupInfo {
  file: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
}
