/**
 * The shift area's values and result types (交接班 / 交接本): the enums as values, the error codes it
 * throws, and what its operations answer. No zod here: the renderer imports these (through
 * electron/core/contract) without loading the schemas.
 *
 * The blind count: before a count is entered nothing the core sends about the running shift carries
 * the expected cash (nor the cash figures it is made of); only shift.count's result does.
 */
import type { PaymentMethod } from '../../contract/types';
import type { CardsSold } from '../visitors/types';
import type { AnnouncementItem } from '../announcements/types';
import type { OpenComplaint } from '../complaints/types';
import type { DueFollowUp, IncidentSummary } from '../incidents/types';
import type { StocktakeInfo } from '../bar/types';
import type { VisitKind } from '../checkin/types';
import type { OpenMessage } from '../messages/types';
import type { OpenRepair } from '../repairs/types';

// ---- enums and error codes ------------------------------------------------------------------

export const SHIFT_STATUSES = ['open', 'closed'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

/** Why an entry and the tags handed out do not match. */
export const TAG_MISMATCH_REASONS = [
  /** the tag was changed during the visit: more tags issued than entries */
  'tag_changed',
  /** a visit with a tag but no record of the tag being issued */
  'no_issue_record',
  /** a tag issued in this shift for an entry of another shift */
  'entry_outside_shift',
  /** a tag marked issued that no open visit holds */
  'issued_without_visit',
] as const;
export type TagMismatchReason = (typeof TAG_MISMATCH_REASONS)[number];

export const SHIFT_ERROR_CODES = [
  'SHIFT_ALREADY_OPEN',
  'SHIFT_CLOSED',
  'SHIFT_NOT_CLOSED',
  'SHIFT_STAFF_INVALID',
  'SHIFT_NOT_COUNTED',
  'SHIFT_ALREADY_COUNTED',
  'CASH_CHANGED_SINCE_COUNT',
  'DIFFERENCE_REASON_REQUIRED',
  'TAG_COUNT_REASON_REQUIRED',
  'FLOAT_REASON_REQUIRED',
  'FLOAT_EXCEEDS_CASH',
  'HANDOVER_NOT_ACKNOWLEDGED',
  'SIGNER_INVALID',
  'CHECKLIST_INCOMPLETE',
  'DAY_ALREADY_CLOSED',
  'DAY_HAS_OPEN_SHIFT',
  'DAY_NOT_CLOSED',
  'SHIFT_NOT_OPEN',
  'DRAWER_COUNTED',
  'RECOUNT_PENDING',
  'DAY_STOCKTAKE_MISSING',
  'MANAGER_PIN_REQUIRED',
  'DROP_WITNESS_SELF',
  'DROP_SLIP_USED',
  'SETTLE_NOTHING_OPEN',
  'SETTLE_TOO_MUCH',
  'SETTLE_SELF',
  'FLOAT_COUNT_MISMATCH',
  'FLOAT_AUTH_REQUIRED',
] as const;

/** Where a cash drop goes (投款): the club's safe or the bank. */
export const DROP_DESTINATIONS = ['safe', 'bank'] as const;
export type DropDestination = (typeof DROP_DESTINATIONS)[number];

/** A surplus handed in (长款上交) or a shortage made good (短款补齐). */
export const OVER_SHORT_KINDS = ['surplus', 'shortage'] as const;
export type OverShortKind = (typeof OVER_SHORT_KINDS)[number];

/**
 * The change float counted at the opening may differ from the float handed over by up to this
 * much on the desk's word (with a reason); more needs a shift lead's or manager's PIN.
 */
export const FLOAT_DIFF_PIN_CENTS = 5_000;

// ---- result types ---------------------------------------------------------------------------

export interface GenderCount {
  male: number;
  female: number;
  /**
   * Members whose gender is not known (imported without it). Absent in books frozen before the
   * roster import came (their entries were all men or women).
   */
  unknown?: number;
}

export interface TagMismatch {
  reason: TagMismatchReason;
  visitId: number | null;
  name: string | null;
  kind: VisitKind | null;
  cardNo: string | null;
  checkedInAt: string | null;
  /** The tag numbers issued for this record in the window (in order). */
  tags: number[];
}

export interface TagOut {
  tagNumber: number;
  visitId: number;
  name: string;
  kind: VisitKind;
  cardNo: string | null;
  since: string;
}

export interface LostTag {
  tagNumber: number;
  visitId: number;
  name: string;
  cardNo: string | null;
  at: string;
}

export interface UnpaidTab {
  visitId: number;
  name: string;
  tagNumber: number | null;
  cents: number;
}

/** Money by method where the cash part is withheld (null) until the blind count. */
export type ByMethod<M extends string> = Record<Exclude<M, 'cash'>, number> & { cash: number | null };

export interface HandoverBook {
  /** UTC ISO window [from, to). */
  from: string;
  to: string;
  entries: { member: GenderCount; trial: GenderCount; coach: GenderCount; total: number };
  visitors: number;
  phoneInquiries: number;
  /**
   * Card types sold, names and counts only (never prices): the visitors' outcomes 'joined' and the
   * cards sold at the desk (new members, renewals, upgrades; `atDesk` of the count).
   */
  cardsSold: CardsSold[];
  /** Cards sold at the desk in the window (absent in books closed before the entitlement history). */
  cardSales?: CardSalesFigures;
  topups: { count: number; totalCents: number | null; byMethod: ByMethod<'cash' | 'card' | 'mobile'> };
  bar: {
    salesCents: number;
    /** Paid for bar sales in the window, by method. */
    byMethod: ByMethod<PaymentMethod>;
    /** Tabs of visits checked out in the window left unpaid with a shift lead's authorisation. */
    unpaidLeftCents: number;
    unpaidTabs: UnpaidTab[];
  };
  tags: {
    /** Tags handed out (check-ins with a tag, tag changes). */
    issued: number;
    /** Entries of the window that took a tag. */
    entriesWithTag: number;
    entriesWithoutTag: number;
    match: boolean;
    mismatches: TagMismatch[];
    stillOut: TagOut[];
    lost: LostTag[];
  };
  /** Messages for staff not done at the end of the window (absent in books closed before the message book). */
  openMessages?: OpenMessage[];
  /** Losses and repairs not fixed or written off at the end of the window (same). */
  openRepairs?: OpenRepair[];
}

/** One card sold, renewed or upgraded at the desk, as the handover lists it. */
export interface CardSale {
  entryId: number;
  at: string;
  kind: 'sale' | 'renewal' | 'upgrade';
  memberId: number;
  cardNo: string;
  name: string;
  cardTypeId: number;
  cardTypeName: string;
  quantity: number;
  /** What was paid (null before the blind count when part of it was cash). */
  paidCents: number | null;
  /** A card given without payment: the supervisor who authorised it. */
  free: boolean;
  authorizedByName: string | null;
  byName: string;
  soldByName: string | null;
}

export interface CardSalesFigures {
  count: number;
  byKind: { sale: number; renewal: number; upgrade: number };
  totalCents: number | null;
  byMethod: ByMethod<PaymentMethod>;
  list: CardSale[];
}

export interface Payout {
  id: number;
  amountCents: number;
  reason: string;
  at: string;
  byName: string;
  /** The shift lead or manager whose PIN authorised it (null: recorded before authorisations were). */
  authorizedByName: string | null;
}

/** Cash taken out of the drawer to the safe or the bank (投款), witnessed by a second person. */
export interface CashDrop {
  id: number;
  amountCents: number;
  denominations: Denominations;
  slipNo: string;
  destination: DropDestination;
  at: string;
  byName: string;
  /** The second person whose PIN witnessed it (never the one who dropped). */
  witnessName: string;
}

/** A surplus handed in or a shortage made good, against the closed shift it belongs to. */
export interface Settlement {
  id: number;
  shiftId: number;
  kind: OverShortKind;
  amountCents: number;
  /** Who handed the surplus in / made the shortage good. */
  staffName: string;
  note: string;
  at: string;
  /** Who received and recorded it (a shift lead or manager). */
  byName: string;
}

/** A closed shift's cash over or short, what is settled and what is still open (never netted). */
export interface OverShortItem {
  shiftId: number;
  day: string;
  closedAt: string;
  onDuty: ShiftStaff[];
  signedOutBy: ShiftStaff | null;
  /** counted − expected at the close: positive over (长款), negative short (短款). */
  differenceCents: number;
  differenceReason: string | null;
  settledCents: number;
  /** What is still to be handed in / made good (0: settled). */
  openCents: number;
  settlements: Settlement[];
}

/** The over/short of the closed shifts of days [from, to] (a month, say), and what is still open. */
export interface OverShortReport {
  from: string;
  to: string;
  items: OverShortItem[];
  /** Still to hand in (surpluses) and to make good (shortages), kept apart. */
  openOverCents: number;
  openShortCents: number;
}

/** A recount authorised by a shift lead or manager: the count it supersedes, who and why. */
export interface RecountAuth {
  id: number;
  /** The count this recount supersedes. */
  countId: number;
  at: string;
  byName: string;
  authorizedByName: string;
  reason: string;
}

/**
 * One cash count of a shift, every one kept (a recount supersedes the earlier count, which stays).
 * In the running shift the expected figure and the difference are withheld (null) while a recount is
 * pending: the recount is blind too.
 */
export interface CashCount {
  id: number;
  at: string;
  byName: string;
  countedCents: number;
  expectedCents: number | null;
  differenceCents: number | null;
  /** The authorisation this count answers (null: the shift's first, blind count). */
  recount: RecountAuth | null;
  /** A later recount supersedes it; the close uses the latest count. */
  supersededBy: RecountAuth | null;
}

export interface CashFigures {
  floatCents: number;
  /** Cash received (what members handed over). */
  takingsCents: number;
  changeCents: number;
  /** Cash paid back (refunds). */
  refundsCents: number;
  payoutsCents: number;
  /** Cash dropped to the safe or bank (absent in shifts closed before drops were recorded). */
  dropsCents?: number;
  /** float + takings − change − refunds − pay-outs − drops */
  expectedCents: number;
}

/** Counts of notes and coins (coins 0.5 and 0.1 yuan). */
export interface Denominations {
  n100: number;
  n50: number;
  n20: number;
  n10: number;
  n5: number;
  n1: number;
  c50: number;
  c10: number;
}

export interface CountResult {
  shiftId: number;
  countedCents: number;
  denominations: Denominations;
  expectedCents: number;
  /** counted − expected: positive = cash over (长款), negative = cash short (短款). */
  differenceCents: number;
  cash: CashFigures;
  at: string;
}

export interface ShiftStaff {
  id: number;
  name: string;
}

export interface ChecklistTick {
  item: string;
  at: string;
}

export interface ShiftCorrection {
  id: number;
  figure: string | null;
  value: number | null;
  text: string;
  at: string;
  byName: string;
}

export interface ShiftInfo {
  id: number;
  day: string;
  status: ShiftStatus;
  openedAt: string;
  openedBy: ShiftStaff;
  onDuty: ShiftStaff[];
  previousShiftId: number | null;
  handoverAckAt: string | null;
  handoverAckBy: ShiftStaff | null;
  floatPrefillCents: number;
  floatCents: number;
  floatReason: string | null;
  /** The float's notes counted at the opening (null: opened before the count was asked). */
  floatCount: Denominations | null;
  /** Float received − float handed over (0 when they agree). */
  floatDifferenceCents: number;
  /** The shift lead or manager who accepted a difference over FLOAT_DIFF_PIN_CENTS. */
  floatAuthorizedByName: string | null;
  checklist: ChecklistTick[];
  messages: string;
  notes: string;
  payouts: Payout[];
  /** Cash drops to the safe or bank, with who dropped and who witnessed. */
  drops: CashDrop[];
  /** A blind count was entered (and cash has not moved since): the drawer is shut until a recount. */
  counted: boolean;
  /** Every count of the shift, oldest first. */
  counts: CashCount[];
  /** A recount authorised and not counted yet (cash may move; the close waits for the recount). */
  recountPending: RecountAuth | null;
  closedAt: string | null;
}

/** The full report of a closed shift (also the printable handover). */
/** The used key tags counted by hand at the close, against the tags the book issued. */
export interface TagHandCount {
  counted: number;
  issued: number;
  /** Why they differ (null when they agree). */
  reason: string | null;
}

export interface ShiftReport {
  clubName: string;
  shift: ShiftInfo;
  book: HandoverBook;
  cash: CashFigures;
  countedCents: number;
  denominations: Denominations;
  differenceCents: number;
  differenceReason: string | null;
  /** The hand count of used tags (null for shifts closed before it was asked). */
  tagCount: TagHandCount | null;
  floatHandedCents: number;
  signedOutBy: ShiftStaff;
  signedInBy: ShiftStaff;
  corrections: ShiftCorrection[];
}

/** The running shift: its record and the live book (blind: no cash figures). */
export interface ShiftCurrent {
  shift: ShiftInfo | null;
  book: HandoverBook | null;
  /** The counted result, once a count was entered (cash has not moved since). */
  count: CountResult | null;
}

export interface OpenItemsAtOpening {
  tagsOut: TagOut[];
  unpaidTabs: UnpaidTab[];
  complaints: OpenComplaint[];
  incidents: IncidentSummary[];
  followUps: DueFollowUp[];
  missedAnnouncements: AnnouncementItem[];
  messages: OpenMessage[];
  repairs: OpenRepair[];
}

export interface ShiftOpening {
  /** A shift is already open (open it no twice). */
  openShiftId: number | null;
  /** Today is closed already: no shift opens until a manager reopens the day. */
  dayClosed: { day: string; closedAt: string; closedBy: ShiftStaff } | null;
  previous: ShiftReport | null;
  openItems: OpenItemsAtOpening;
  floatPrefillCents: number;
  checklist: string[];
  /** Desk staff who may be on duty. */
  staff: ShiftStaff[];
}

export interface ShiftSummary {
  id: number;
  day: string;
  openedAt: string;
  closedAt: string | null;
  onDuty: ShiftStaff[];
  signedOutBy: ShiftStaff | null;
  signedInBy: ShiftStaff | null;
  entries: number;
  countedCents: number | null;
  expectedCents: number | null;
  differenceCents: number | null;
  corrections: number;
}

export interface DayCloseSummary {
  id: number;
  day: string;
  closedAt: string;
  closedBy: ShiftStaff;
  shifts: number;
  entries: number;
  overCents: number;
  shortCents: number;
  /** How many times the day was reopened before this close. */
  reopenings: number;
}

/** A closed day reopened by a manager (PIN and reason); the day is then closed again. */
export interface DayReopening {
  id: number;
  at: string;
  byName: string;
  authorizedByName: string;
  reason: string;
  /** The close that was reopened. */
  closedAt: string;
  closedByName: string;
}

/** What stops the day close, checked against the records (not only ticked). */
export interface DayBlockers {
  /** Shifts still open: of this day, or opened earlier and still running. */
  openShifts: { id: number; day: string; openedAt: string; onDuty: ShiftStaff[] }[];
  /** Bar and shop items on sale that no stocktake of the day counted (empty: done or nothing to count). */
  stocktakeMissing: string[];
  /** The same per point (absent in a day close recorded before the shop). */
  stocktakeMissingShop?: string[];
}

export interface DayReport {
  clubName: string;
  day: string;
  /** Closed already (null while previewing). */
  closedAt: string | null;
  closedBy: ShiftStaff | null;
  shifts: ShiftSummary[];
  openShift: boolean;
  book: HandoverBook;
  /** Sum over the closed shifts, never netted: surpluses and shortages are kept apart. */
  cash: {
    countedCents: number;
    expectedCents: number;
    overCents: number;
    shortCents: number;
    floatHandedCents: number | null;
  };
  checklist: string[];
  ticked: ChecklistTick[];
  backupFile: string | null;
  /** Every count of the day's shifts (recounts with who authorised them and why). */
  counts: (CashCount & { shiftId: number })[];
  /** Every pay-out of the day's shifts, with who authorised it and why. */
  payouts: (Payout & { shiftId: number })[];
  /** Every cash drop of the day's shifts, with who dropped and who witnessed. */
  drops: (CashDrop & { shiftId: number })[];
  /**
   * The over/short of the day's closed shifts and what is still open — read live (settling comes
   * after the close), plus earlier shifts still open.
   */
  overShort: OverShortItem[];
  /** The stocktakes of the day, the bar's and the shop's (each with its point and differences). */
  stocktakes: StocktakeInfo[];
  /** Earlier closes of this day that a manager reopened. */
  reopenings: DayReopening[];
  /** Empty lists: nothing stops the close. */
  blockers: DayBlockers;
}

export interface ShiftHistory {
  shifts: ShiftSummary[];
  days: DayCloseSummary[];
}

export interface ShiftCharts {
  day: string;
  /** The last 30 days ending on `day`. */
  perDay: { day: string; entries: number }[];
  /** 0…23, club-local hours of `day`. */
  perHour: { hour: number; entries: number }[];
}
