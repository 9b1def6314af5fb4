/**
 * Result types of the contract's operations (what the core sends back to the renderer), and the
 * value lists of the contract's enums (the schemas build their z.enum from these). No zod here: the
 * renderer takes these lists without loading the schemas.
 */
import type { InsideVisit, VisitInfo } from '../areas/checkin/types';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
/** A member's gender may be unknown: a roster imported without it (the desk asks and records it). */
export type MemberGender = Gender | 'unknown';
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A card type counts time (days) or visits. */
export const CARD_KINDS = ['time', 'visits'] as const;
export type CardKind = (typeof CARD_KINDS)[number];
/** Why a consultant is away from the rotation (visitors). */
export const AWAY_KINDS = ['meal', 'outside', 'other'] as const;
export type AwayKind = (typeof AWAY_KINDS)[number];
/** How a visitor's visit ended (visitors). */
export const VISITOR_OUTCOMES = ['joined', 'follow_up', 'not_interested'] as const;
export type VisitorOutcome = (typeof VISITOR_OUTCOMES)[number];

export type MemberState = 'active' | 'expired' | 'not_started' | 'frozen' | 'no_visits' | 'deactivated';

export interface MemberSummary {
  id: number;
  cardNo: string;
  name: string;
  gender: MemberGender;
  /** Masked (138****1234) unless the role needs the full number. */
  phone: string | null;
  cardTypeName: string;
  cardKind: CardKind;
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

/** A member's entitlement at one moment: what the entitlement history records before and after a change. */
export interface Entitlement {
  cardTypeId: number;
  cardTypeName: string;
  startDate: string;
  expiryDate: string | null;
  visitsLeft: number | null;
  active: boolean;
  frozenFrom: string | null;
  frozenTo: string | null;
}

/**
 * How an entitlement changed: 'initial' (as found when the history began), 'import' (the roster
 * import), 'registered' (a manager entered a card sold before, no sale), 'sale' (a new member's
 * card sold at the desk), 'renewal' (the same card type bought again), 'upgrade' (another card type
 * bought), 'freeze', 'unfreeze', 'correction' (a manager, with a reason).
 */
export type EntitlementKind =
  'initial' | 'import' | 'registered' | 'sale' | 'renewal' | 'upgrade' | 'freeze' | 'unfreeze' | 'correction';

export interface EntitlementEntry {
  id: number;
  kind: EntitlementKind;
  at: string;
  byName: string | null;
  before: Entitlement | null;
  after: Entitlement;
  /** Sales: the card type bought, how many periods or visit packs, the amount paid and how. */
  cardTypeName: string | null;
  quantity: number | null;
  paidCents: number | null;
  payment: { method: PaymentMethod; amountCents: number }[];
  /** The catalogue price × quantity at the time: only for roles that may see prices (absent otherwise). */
  listPriceCents?: number | null;
  soldByName: string | null;
  /** A card given without payment: the supervisor who authorised it. */
  authorizedByName: string | null;
  reason: string | null;
  visitorId: number | null;
}

/** A card sold, renewed or upgraded at the desk: the member as now, and the receipt (none when free). */
export interface CardSaleResult {
  member: MemberDetail;
  entry: EntitlementEntry;
  receipt: Receipt | null;
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
  /**
   * The national ID number (身份证号), kept only when a manager chose to when importing the roster.
   * Sent to managers only: null for every other role, whatever is stored.
   */
  nationalId: string | null;
  unpaidCents: number;
  charges: ChargeInfo[];
  freezes: FreezeInfo[];
  /** Every change of the entitlement, newest first. */
  entitlements: EntitlementEntry[];
  recentVisits: VisitInfo[];
  createdAt: string;
  updatedAt: string;
}

export interface MemberCard {
  id: number;
  cardNo: string;
  name: string;
  gender: MemberGender;
  cardTypeName: string;
  cardKind: CardKind;
  expiryDate: string | null;
  visitsLeft: number | null;
  hasPhoto: boolean;
}

// ---- drink bar, payments, stored value -------------------------------------------------------

export const PAYMENT_METHODS = ['cash', 'card', 'mobile', 'stored_value'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** How money is paid in at the desk for stored value (a top-up, a refund): never with stored value itself. */
export const DESK_PAYMENT_METHODS = ['cash', 'card', 'mobile'] as const satisfies readonly PaymentMethod[];
export type DeskPaymentMethod = (typeof DESK_PAYMENT_METHODS)[number];

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

export interface Tab {
  visit: InsideVisit;
  /** Open (checked in) or closed (checked out: only voids may change it). */
  open: boolean;
  lines: TabLine[];
  /** Sum of the lines that are neither voided nor paid. */
  unpaidCents: number;
  totalCents: number;
  storedValueCents: number | null;
  /** Items whose stock went below zero with this sale (allowed, with a warning). */
  stockWarnings: { itemId: number; name: string; stock: number }[];
  /** bar.void only: the money given back, by where it went (empty when nothing had been paid). */
  refund?: { method: PaymentMethod; amountCents: number }[];
}

export interface PaymentPart {
  method: PaymentMethod;
  amountCents: number;
  tenderedCents?: number;
  reference?: string;
}

export interface Receipt {
  settlementId: number;
  kind: 'checkout' | 'debts' | 'topup' | 'refund' | 'card_sale';
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
    /** The member had already left when the line was voided (a manager authorised it). */
    afterCheckout: boolean;
    /** Money given back for this line (0 when it was not paid yet). */
    refundCents: number;
    /** Where the refund this line was part of went. */
    refundTo: PaymentMethod[];
    /** Stored value paid back in cash (a manager's decision). */
    cashBack: boolean;
  }[];
  /** Money given back for voided bar lines in the period, by where it went (positive cents). */
  refunds: {
    byMethod: Record<PaymentMethod, number>;
    /** Of the cash given back: money that had been paid from stored value. */
    cashBackOfStoredValueCents: number;
  };
  /** Corrections on the spot (the member confirmed; the slip was fresh and unpaid). */
  corrections: {
    id: number;
    at: string;
    name: string;
    quantityBefore: number;
    quantityAfter: number;
    /** Minutes between the slip and the correction. */
    slipAgeMinutes: number;
    byName: string;
    visitName: string;
  }[];
  water: number;
  stocktakes: { id: number; kind: StocktakeKind; at: string; byName: string }[];
}

export interface OrderListRow {
  itemId: number;
  name: string;
  category: string;
  soldLastMonth: number;
  stock: number;
  suggested: number;
}

/** A bar stocktake: the daily count or the month-end one. */
export const STOCKTAKE_KINDS = ['daily', 'month_end'] as const;
export type StocktakeKind = (typeof STOCKTAKE_KINDS)[number];

/**
 * The fields a roster column can be imported as. Besides these, any column can be added to the
 * notes ("header: value"), see ImportOptions.noteColumns.
 */
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
  'status',
  'frozenFrom',
  'frozenTo',
  'storedValue',
  'consultant',
  'nationalId',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields a roster must have a column for (a roster without gender imports with gender unknown). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['cardNo', 'name', 'cardType', 'startDate'];

/**
 * What a column is, from its header. Money and identity columns are never guessed: a price paid is
 * never suggested (nor accepted) as a stored-value balance, another money column (金额, 充值金额) is
 * only taken when a manager maps it by hand, and a national ID number only when a manager maps it
 * and confirms the club keeps them.
 */
export type ImportColumnKind =
  /** recognised as `suggestion` */
  | 'field'
  /** a second column for a field another column already takes (suggested for the notes) */
  | 'repeat'
  /** a price paid (实收金额, 售价): not a balance, not imported */
  | 'price'
  /** money whose meaning is not a balance or is unclear (金额, 充值金额, 消费金额): not imported unless mapped by hand */
  | 'money'
  /** a national ID number (身份证号): not imported unless a manager chooses to keep them */
  | 'identity'
  /** the file's own row numbers (序号) */
  | 'index'
  /** no value in any row */
  | 'empty'
  /** not recognised: suggested for the notes, so nothing is lost */
  | 'other';

export interface ImportColumn {
  index: number;
  header: string;
  kind: ImportColumnKind;
  /** The suggested target: a field, 'notes' (added to the notes as "header: value") or null (not imported). */
  suggestion: ImportField | 'notes' | null;
  /** For 'repeat': the field the column looks like. */
  sameAs: ImportField | null;
  /** Rows with a value in this column. */
  filled: number;
}

export interface ImportPreview {
  jobId: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk';
  headers: string[];
  /** The spreadsheet row of the header (a title line above it is skipped). */
  headerRow: number;
  sampleRows: string[][];
  totalRows: number;
  suggestedMapping: Partial<Record<ImportField, number>>;
  /** Columns suggested for the notes. */
  suggestedNoteColumns: number[];
  /** Every column with what it looks like and what is suggested for it. */
  columns: ImportColumn[];
}

export interface ImportProblem {
  /** 1-based row number as the user sees it in the spreadsheet (the header is usually row 1). */
  row: number;
  field: ImportField | 'row';
  /** The file's column (0-based) the problem is in; null when the field has no column (e.g. required but unmapped). */
  column: number | null;
  /**
   * REQUIRED, INVALID_CARD_NO, DUPLICATE_IN_FILE, CARD_NO_EXISTS, TOO_LONG, INVALID_GENDER,
   * INVALID_PHONE, INVALID_DATE, BIRTH_DATE_IN_FUTURE, EXPIRY_BEFORE_START, EXTRA_CELLS, UNKNOWN_CARD_TYPE, CARD_TYPE_INACTIVE,
   * INVALID_NUMBER, NEGATIVE_NUMBER, VISITS_REQUIRED, VISITS_ON_TIME_CARD, INVALID_AMOUNT, DECIMAL_COMMA,
   * NEGATIVE_AMOUNT, AMOUNT_TOO_LARGE, INVALID_STATUS, EXPIRED_NOT_PASSED, EXPIRED_WITHOUT_DATE,
   * FREEZE_END_BEFORE_START, FREEZE_DATES_INCOMPLETE, FROZEN_ENDED, FROZEN_NO_END, FROZEN_AFTER_EXPIRY,
   * FROZEN_STARTS_LATER,
   * FREEZE_NOT_IN_STATUS, UNKNOWN_CONSULTANT,
   * AMBIGUOUS_CONSULTANT, INVALID_NATIONAL_ID
   */
  code: string;
  value: string;
  /** What the reason refers to, e.g. { start: '2026-03-01' } for EXPIRY_BEFORE_START, { firstRow: '2' }. */
  params?: Record<string, string>;
}

/** A name in the file that matches nothing in the club, with the number of rows that use it. */
export interface ImportUnmatched {
  name: string;
  rows: number;
  /** For card types: a card type of that name exists but is inactive. */
  inactive?: boolean;
  /** For consultants: several active staff members have that name. */
  ambiguous?: boolean;
}

/** What the rows that can be imported bring. */
export interface ImportSummary {
  members: number;
  storedValueCents: number;
  withBalance: number;
  frozen: number;
  expired: number;
  deactivated: number;
  withConsultant: number;
  genderUnknown: number;
  nationalIds: number;
}

export interface ImportValidation {
  jobId: string;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  /** At most 5,000 (the counts cover every row). */
  problems: ImportProblem[];
  /** Problems of every row counted by field and code. */
  problemCounts: { field: ImportField | 'row'; code: string; count: number }[];
  unknownCardTypes: ImportUnmatched[];
  unknownConsultants: ImportUnmatched[];
  summary: ImportSummary;
}

export interface ImportResult extends ImportSummary {
  imported: number;
  skipped: number;
}

// ---- incidents and complaints ----------------------------------------------------------------

export const INCIDENT_KINDS = ['injury', 'illness', 'property', 'conflict', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_STATUSES = ['open', 'follow_up', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const FOLLOW_UP_KINDS = ['consultant_call', 'manager_call', 'visit'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
/** What an incident file may attach: photos and PDF scans. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export interface StaffRef {
  id: number;
  name: string;
}

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
  state: 'done' | 'due_today' | 'overdue' | 'upcoming';
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
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
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

/**
 * The fields (and conditions) that closing needs: named like the fields of incidents.update, plus
 * 'followUps' (some are not done yet).
 */
export type IncidentReportField =
  | 'severity'
  | 'memberName'
  | 'memberGender'
  | 'memberAge'
  | 'harm'
  | 'csManagerId'
  | 'csManagerToldAt'
  | 'dutyCoach'
  | 'dutyCoachToldAt'
  | 'firstAidBy'
  | 'firstAid'
  | 'statementTakenById'
  | 'statementSignedAt'
  | 'noHospitalReason'
  | 'hospitalName'
  | 'examinationCostCents'
  | 'examConfirmedAt'
  | 'consultantToldById'
  | 'consultantToldAt'
  | 'memberRequest'
  | 'handlingOpinion'
  | 'followUps';

/**
 * The rulebook's steps of an incident (domain.md, "Incidents"): the customer-service manager told,
 * the duty coach told, first aid (who, what), the member's statement written and signed, the
 * hospital decision (yes: where, costs, the member's signed "no serious harm"; no: why not), the
 * member's consultant told, and the written report. Which apply depends on the kind and severity
 * (INCIDENT_STEP_RULES in services/incidents.ts).
 */
export type IncidentStep =
  | 'csManagerTold'
  | 'dutyCoachTold'
  | 'firstAid'
  | 'statement'
  | 'hospitalDecision'
  | 'consultantTold'
  | 'writtenReport';

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

export interface IncidentRow {
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
  rows: IncidentRow[];
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

export const COMPLAINT_STATUSES = [
  'registered',
  'assigned',
  'investigated',
  'resolved',
  'escalated',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
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
export type ComplaintDeadline = 'upcoming' | 'due' | 'overdue' | 'met' | 'missed';

export interface ComplaintRow {
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
export interface ComplaintDeskRow {
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

/** Open complaints on the open items: managers get the full row, everyone else the desk row. */
export type OpenComplaint = ComplaintDeskRow | (ComplaintRow & { view: 'full' });

export interface ComplaintNote {
  id: number;
  text: string;
  at: string;
  by: StaffRef;
}

export interface ComplaintDetail extends ComplaintRow {
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
  notes: ComplaintNote[];
  updatedAt: string;
}

export interface ComplaintList {
  rows: ComplaintRow[];
  total: number;
  /** Open complaints among the matching ones. */
  openCount: number;
  /** Over every complaint not closed (whatever the filters): due today or tomorrow, past the deadline. */
  deadlines: { due: number; overdue: number };
}

export interface DueFollowUp extends FollowUpInfo {
  incidentKind: IncidentKind;
  personName: string | null;
}

/** What is still open: shown at shift opening and on the manager's review. */
export interface OpenItems {
  incidents: IncidentRow[];
  /** Not resolved yet; only managers get the complainant and what it is about. */
  complaints: OpenComplaint[];
  /** Follow-ups not done, due today or overdue (oldest first). */
  followUps: DueFollowUp[];
}

export interface Page<T> {
  rows: T[];
  total: number;
}
