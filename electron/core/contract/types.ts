/** Result types of the contract's operations (what the core sends back to the renderer). */
import type { Role } from './common';

export type Gender = 'male' | 'female';
export type Language = 'zh-CN' | 'en';

export interface StaffInfo {
  id: number;
  name: string;
  role: Role;
  gender: 'male' | 'female' | 'unspecified';
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
  kind: 'time' | 'visits';
  durationDays: number | null;
  visitCount: number | null;
  /** Present only for roles that may see membership prices. */
  priceCents?: number;
  active: boolean;
  memberCount: number;
}

export type MemberState = 'active' | 'expired' | 'not_started' | 'frozen' | 'no_visits' | 'deactivated';

export interface MemberSummary {
  id: number;
  cardNo: string;
  name: string;
  gender: Gender;
  /** Masked (138****1234) unless the role needs the full number. */
  phone: string | null;
  cardTypeName: string;
  cardKind: 'time' | 'visits';
  expiryDate: string | null;
  visitsLeft: number | null;
  state: MemberState;
  inside: boolean;
  hasPhoto: boolean;
}

export interface FreezeInfo {
  id: number;
  fromDate: string;
  toDate: string;
  reason: string;
  extendedDays: number;
  createdAt: string;
  createdByName: string;
  endedAt: string | null;
}

export interface ChargeInfo {
  id: number;
  kind: 'lost_tag';
  visitId?: number | null;
  amountCents: number;
  createdAt: string;
  paidAt: string | null;
  note: string | null;
}

export interface VisitInfo {
  id: number;
  kind: 'member' | 'trial' | 'coach';
  memberId: number | null;
  cardNo: string | null;
  name: string;
  gender: Gender;
  tagNumber: number | null;
  checkedInAt: string;
  checkedOutAt: string | null;
  checkoutKind: 'normal' | 'tag_not_returned' | null;
  overridden: boolean;
}

export interface MemberDetail extends MemberSummary {
  birthDate: string | null;
  startDate: string;
  cardTypeId: number;
  frozenFrom: string | null;
  frozenTo: string | null;
  frozenReason: string | null;
  storedValueCents: number;
  consultantId: number | null;
  consultantName: string | null;
  notes: string;
  unpaidCents: number;
  charges: ChargeInfo[];
  freezes: FreezeInfo[];
  recentVisits: VisitInfo[];
  createdAt: string;
  updatedAt: string;
}

export type WarningCode = 'EXPIRES_SOON' | 'FEW_VISITS' | 'BIRTHDAY' | 'UNPAID_BALANCE';
export type BlockCode =
  'UNKNOWN_CARD' | 'EXPIRED' | 'NOT_STARTED' | 'FROZEN' | 'NO_VISITS_LEFT' | 'ALREADY_INSIDE' | 'DEACTIVATED';

export interface StatusReason<C extends string> {
  code: C;
  /** e.g. { days: 3 } for EXPIRES_SOON, { visits: 2 } for FEW_VISITS, { cents: 5000 } for UNPAID_BALANCE */
  params: Record<string, string | number>;
}

export interface MemberCard {
  id: number;
  cardNo: string;
  name: string;
  gender: Gender;
  cardTypeName: string;
  cardKind: 'time' | 'visits';
  expiryDate: string | null;
  visitsLeft: number | null;
  hasPhoto: boolean;
}

export type CheckinResult =
  | {
      outcome: 'checked_in';
      status: 'ok' | 'warning';
      warnings: StatusReason<WarningCode>[];
      member: MemberCard;
      visit: VisitInfo;
      overridden: boolean;
    }
  | {
      outcome: 'blocked';
      status: 'blocked';
      blocks: StatusReason<BlockCode>[];
      member: MemberCard | null;
      cardNo: string | null;
      /** Whether a shift lead may let the member in anyway. */
      overridable: boolean;
    }
  | {
      /** Same card scanned again within the duplicate window: ignored, nothing recorded. */
      outcome: 'duplicate_ignored';
      status: 'ok';
      member: MemberCard;
      visit: VisitInfo;
      secondsAgo: number;
    }
  | {
      /** Every key tag is out. A shift lead may record the visit without a tag. */
      outcome: 'no_free_tag';
      status: 'blocked';
      member: MemberCard | null;
      warnings: StatusReason<WarningCode>[];
    };

export interface InsideRow {
  visitId: number;
  kind: 'member' | 'trial' | 'coach';
  memberId: number | null;
  cardNo: string | null;
  name: string;
  gender: Gender;
  tagNumber: number | null;
  checkedInAt: string;
  /** Unpaid drink-bar tab on this visit, in cents (filled by the bar feature). */
  tabCents: number;
}

export interface CheckoutPreview {
  visit: InsideRow;
  /** Unpaid drink-bar tab of this visit. */
  tabCents: number;
  tabLines: TabLine[];
  /** Unpaid charges and debts from earlier visits (payable separately, see payments.debts). */
  unpaidChargesCents: number;
  lostTagFeeCents: number;
  /** The member's stored-value balance (null for guests). */
  storedValueCents: number | null;
}

// ---- drink bar, payments, stored value -------------------------------------------------------

export type PaymentMethod = 'cash' | 'card' | 'mobile' | 'stored_value';

export interface BarItem {
  id: number;
  name: string;
  category: string;
  priceCents: number;
  notes: string;
  sort: number;
  active: boolean;
  /** Derived from stock movements; may be negative (sold past zero). */
  stock: number;
}

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
  paid: boolean;
}

export interface Tab {
  visit: InsideRow;
  /** Open (checked in) or closed (checked out: only voids may change it). */
  open: boolean;
  lines: TabLine[];
  /** Sum of the lines that are neither voided nor paid. */
  unpaidCents: number;
  totalCents: number;
  storedValueCents: number | null;
  /** Items whose stock went below zero with this sale (allowed, with a warning). */
  stockWarnings: { itemId: number; name: string; stock: number }[];
}

export interface PaymentPart {
  method: PaymentMethod;
  amountCents: number;
  tenderedCents?: number;
  reference?: string;
}

export interface Receipt {
  settlementId: number;
  kind: 'checkout' | 'debts' | 'topup' | 'refund';
  totalCents: number;
  parts: {
    method: PaymentMethod;
    amountCents: number;
    tenderedCents: number | null;
    changeCents: number | null;
    reference: string | null;
  }[];
  changeCents: number;
  storedValueAfterCents: number | null;
  at: string;
}

export interface Debts {
  memberId: number;
  /** Unpaid bar lines of earlier (checked-out) visits. */
  lines: (TabLine & { visitDate: string })[];
  charges: ChargeInfo[];
  totalCents: number;
  storedValueCents: number;
}

export interface StoredValueEntry {
  id: number;
  kind: 'opening' | 'topup' | 'deduction' | 'refund' | 'adjustment';
  amountCents: number;
  balanceAfterCents: number;
  method: PaymentMethod | null;
  reason: string | null;
  at: string;
  byName: string | null;
}

export interface StoredValueAccount {
  memberId: number;
  balanceCents: number;
  entries: StoredValueEntry[];
  total: number;
}

export interface StoredValueCheck {
  from: string;
  to: string;
  topupsCents: number;
  deductionsCents: number;
  refundsCents: number;
  adjustmentsCents: number;
  entries: number;
  problems: {
    kind: 'DEDUCTION_WITHOUT_SLIP' | 'TOPUP_WITHOUT_PAYMENT' | 'BALANCE_MISMATCH';
    memberId: number;
    cardNo: string;
    name: string;
    entryId: number | null;
    ledgerCents: number | null;
    balanceCents: number | null;
  }[];
}

export interface BarReportRow {
  itemId: number;
  name: string;
  category: string;
  opening: number;
  received: number;
  sold: number;
  voided: number;
  corrected: number;
  stocktakeAdjusted: number;
  expected: number;
  counted: number | null;
  difference: number | null;
  reason: string | null;
  salesCents: number;
}

export interface BarReport {
  from: string;
  to: string;
  rows: BarReportRow[];
  salesCents: number;
  /** What was paid for bar sales in the period, by method (stored value counts as its own method). */
  byMethod: Record<PaymentMethod, number>;
  unpaidCents: number;
  voids: {
    lineId: number;
    at: string;
    name: string;
    quantity: number;
    amountCents: number;
    reason: string;
    byName: string;
    authorizedByName: string;
    visitName: string;
  }[];
  water: number;
  stocktakes: { id: number; kind: 'daily' | 'month_end'; at: string; byName: string }[];
}

export interface OrderListRow {
  itemId: number;
  name: string;
  category: string;
  soldLastMonth: number;
  stock: number;
  suggested: number;
}

export interface CheckoutResult {
  visitId: number;
  tagNumber: number | null;
  checkedOutAt: string;
  checkoutKind: 'normal' | 'tag_not_returned';
  lostTagFeeCents: number;
  name: string;
  cardNo: string | null;
  /** The payment of the tab, if there was one. */
  receipt: Receipt | null;
  /** A tab left unpaid with a shift lead's authorisation (now the member's debt). */
  unpaidLeftCents: number;
}

export type TagStatus = 'available' | 'issued' | 'disinfection' | 'lost' | 'retired';

export interface TagRow {
  number: number;
  locker: string | null;
  status: TagStatus;
  since: string;
  lastDisinfectedAt: string | null;
  holder: { visitId: number; name: string; kind: 'member' | 'trial' | 'coach'; cardNo: string | null } | null;
}

export interface TagBoard {
  tags: TagRow[];
  counts: Record<TagStatus, number> & { total: number };
  /** Today is a disinfection day and no tag has been sent to disinfection today. */
  disinfectionDueToday: boolean;
}

export interface TodayCounts {
  date: string;
  entries: {
    member: { male: number; female: number };
    trial: { male: number; female: number };
    coach: { male: number; female: number };
  };
  insideNow: number;
  tagsOut: number;
  tagsFree: number;
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

export const IMPORT_FIELDS = [
  'cardNo',
  'name',
  'gender',
  'phone',
  'birthDate',
  'cardType',
  'startDate',
  'expiryDate',
  'visitsLeft',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportPreview {
  jobId: string;
  encoding: 'utf-8' | 'gbk';
  headers: string[];
  sampleRows: string[][];
  totalRows: number;
  suggestedMapping: Partial<Record<ImportField, number>>;
}

export interface ImportProblem {
  /** 1-based data row number as the user sees it in the spreadsheet (header is row 1). */
  row: number;
  field: ImportField | 'row';
  /** REQUIRED, INVALID_DATE, INVALID_GENDER, UNKNOWN_CARD_TYPE, DUPLICATE_IN_FILE, CARD_NO_EXISTS, INVALID_PHONE, INVALID_NUMBER, TOO_LONG, INVALID_CARD_NO */
  code: string;
  value: string;
}

export interface ImportValidation {
  jobId: string;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  problems: ImportProblem[];
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
