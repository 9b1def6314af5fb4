/**
 * The contract of shift close and handover (交接班 / 交接本): opening a shift (the previous handover,
 * open items, the float, the opening checklist), the live handover book, pay-outs, the blind cash
 * count, closing with two signatures, corrections of a closed shift, the day close, history and
 * charts, and the CSV export. Figures are computed from the records of the shift's time window.
 *
 * The blind count: before a count is entered nothing the core sends about the running shift carries
 * the expected cash (nor the cash figures it is made of); only shift.count's result does.
 */
import { z } from 'zod';
import { command, out, query } from '../kernel/op';
import { DESK, SUPERVISORS } from '../kernel/roles';
import { Authorization, Cents, DateStr, Id, Pin, Reason } from './common';
import type { AnnouncementItem, CardsSold } from './visitors';
import type { DueFollowUp, IncidentRow, OpenComplaint, PaymentMethod } from './types';
import type { StocktakeKind } from '../areas/bar/types';
import type { VisitKind } from '../areas/checkin/types';

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

/** Why an entry and the tags handed out do not match. */
export type TagMismatchReason =
  /** the tag was changed during the visit: more tags issued than entries */
  | 'tag_changed'
  /** a visit with a tag but no record of the tag being issued */
  | 'no_issue_record'
  /** a tag issued in this shift for an entry of another shift */
  | 'entry_outside_shift'
  /** a tag marked issued that no open visit holds */
  | 'issued_without_visit';

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

export interface TagLostRow {
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
    lost: TagLostRow[];
  };
}

/** One card sold, renewed or upgraded at the desk, as the handover lists it. */
export interface CardSaleRow {
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
  list: CardSaleRow[];
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
export interface CountRow {
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
  /** float + takings − change − refunds − pay-outs */
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
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: ShiftStaff;
  onDuty: ShiftStaff[];
  previousShiftId: number | null;
  handoverAckAt: string | null;
  handoverAckBy: ShiftStaff | null;
  floatPrefillCents: number;
  floatCents: number;
  floatReason: string | null;
  checklist: ChecklistTick[];
  messages: string;
  notes: string;
  payouts: Payout[];
  /** A blind count was entered (and cash has not moved since): the drawer is shut until a recount. */
  counted: boolean;
  /** Every count of the shift, oldest first. */
  counts: CountRow[];
  /** A recount authorised and not counted yet (cash may move; the close waits for the recount). */
  recountPending: RecountAuth | null;
  closedAt: string | null;
}

/** The full report of a closed shift (also the printable handover). */
export interface ShiftReport {
  clubName: string;
  shift: ShiftInfo;
  book: HandoverBook;
  cash: CashFigures;
  countedCents: number;
  denominations: Denominations;
  differenceCents: number;
  differenceReason: string | null;
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
  incidents: IncidentRow[];
  followUps: DueFollowUp[];
  missedAnnouncements: AnnouncementItem[];
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

export interface ShiftRow {
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

export interface DayCloseRow {
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
  /** Bar items on sale that no stocktake of the day counted (empty: done or nothing to count). */
  stocktakeMissing: string[];
}

export interface DayReport {
  clubName: string;
  day: string;
  /** Closed already (null while previewing). */
  closedAt: string | null;
  closedBy: ShiftStaff | null;
  shifts: ShiftRow[];
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
  counts: (CountRow & { shiftId: number })[];
  /** Every pay-out of the day's shifts, with who authorised it and why. */
  payouts: (Payout & { shiftId: number })[];
  /** The bar's stocktakes of the day. */
  stocktakes: { id: number; kind: StocktakeKind; at: string; byName: string }[];
  /** Earlier closes of this day that a manager reopened. */
  reopenings: DayReopening[];
  /** Empty lists: nothing stops the close. */
  blockers: DayBlockers;
}

export interface ShiftHistory {
  shifts: ShiftRow[];
  days: DayCloseRow[];
}

export interface ShiftCharts {
  day: string;
  /** The last 30 days ending on `day`. */
  perDay: { day: string; entries: number }[];
  /** 0…23, club-local hours of `day`. */
  perHour: { hour: number; entries: number }[];
}

// ---- argument schemas -----------------------------------------------------------------------

const Count = z.number().int().min(0).max(100_000);
export const DenominationsSchema = z
  .object({ n100: Count, n50: Count, n20: Count, n10: Count, n5: Count, n1: Count, c50: Count, c10: Count })
  .strict();
const Signature = z.object({ staffId: Id, pin: Pin }).strict();
const ChecklistItem = z.string().trim().min(1).max(200);
const Text = z.string().max(5000);

export const shiftContract = {
  // The desk opens, runs and closes shifts; shift leads and managers close the day and see every
  // shift (reception sees the shifts it was on; services/shift.ts). A pay-out and a recount also
  // need a shift lead's or manager's PIN; reopening a closed day a manager's (a shift lead asks a
  // manager on the spot).
  /** What the incoming staff sees before opening: the previous handover, open items, float, checklist. */
  'shift.opening': query({ input: z.object({}).strict(), output: out<ShiftOpening>(), access: DESK }),
  /**
   * Opens a shift: the staff on duty, the float received (a reason when it differs from the last
   * close's), the previous handover acknowledged, the checklist items ticked.
   */
  'shift.open': command({
    input: z
      .object({
        staffIds: z.array(Id).min(1).max(10),
        floatCents: Cents,
        floatReason: Reason.optional(),
        acknowledged: z.boolean(),
        checked: z.array(ChecklistItem).max(50),
      })
      .strict(),
    output: out<ShiftInfo>(),
    access: DESK,
  }),
  /** The running shift and its live figures (blind: without cash). */
  'shift.current': query({ input: z.object({}).strict(), output: out<ShiftCurrent>(), access: DESK }),
  /** Messages for the next shift and free notes of the open shift (refused once closed). */
  'shift.update': command({
    input: z.object({ shiftId: Id, messages: Text.optional(), notes: Text.optional() }).strict(),
    output: out<ShiftInfo>(),
    access: DESK,
  }),
  /**
   * Cash taken out of the drawer (petty cash): a shift lead's or manager's PIN and the reason (the
   * authorisation's reason is the pay-out's). Refused once the cash is counted, until a recount.
   */
  'shift.payout': command({
    input: z
      .object({
        shiftId: Id,
        amountCents: Cents.refine((n) => n > 0, 'positive'),
        authorization: Authorization,
      })
      .strict(),
    output: out<ShiftInfo>(),
    access: DESK,
  }),
  /**
   * The blind count: only its result carries the expected figure. One per shift: a second count
   * answers a recount a shift lead authorised (shift.authorizeRecount).
   */
  'shift.count': command({
    input: z.object({ shiftId: Id, denominations: DenominationsSchema }).strict(),
    output: out<CountResult>(),
    access: DESK,
  }),
  /**
   * A shift lead or manager authorises a recount (PIN, reason): the drawer opens again (cash may
   * move), the close waits for the recount, and the earlier count stays on the report.
   */
  'shift.authorizeRecount': command({
    input: z.object({ shiftId: Id, authorization: Authorization }).strict(),
    output: out<ShiftInfo>(),
    access: DESK,
  }),
  /** Closes the shift: the reason of a difference, the float handed over, messages, both PINs. */
  'shift.close': command({
    input: z
      .object({
        shiftId: Id,
        differenceReason: Reason.optional(),
        floatHandedCents: Cents,
        messages: Text,
        notes: Text,
        outgoing: Signature,
        incoming: Signature,
      })
      .strict(),
    output: out<ShiftReport>(),
    access: DESK,
  }),
  /** A correction of a closed shift: a new entry linked to it. */
  'shift.addCorrection': command({
    input: z
      .object({
        shiftId: Id,
        text: z.string().trim().min(1).max(2000),
        figure: z.string().trim().min(1).max(60).optional(),
        value: z.number().int().min(-100_000_000).max(100_000_000).optional(),
      })
      .strict(),
    output: out<ShiftReport>(),
    access: DESK,
  }),
  'shift.report': query({ input: z.object({ id: Id }).strict(), output: out<ShiftReport>(), access: DESK }),
  'shift.reportCsv': command({
    input: z.union([z.object({ shiftId: Id }).strict(), z.object({ day: DateStr }).strict()]),
    output: out<{ filename: string; csv: string }>(),
    access: DESK,
    announce: false,
  }),
  'shift.history': query({
    input: z.object({ from: DateStr.optional(), to: DateStr.optional(), staffId: Id.optional() }).strict(),
    output: out<ShiftHistory>(),
    access: DESK,
  }),
  'shift.charts': query({
    input: z.object({ day: DateStr }).strict(),
    output: out<ShiftCharts>(),
    access: DESK,
  }),
  /** The day as it would close now: its shifts combined, the pre-closing checklist. */
  'shift.dayPreview': query({
    input: z.object({ day: DateStr }).strict(),
    output: out<DayReport>(),
    access: SUPERVISORS,
  }),
  /**
   * Closes the day (once, unless a manager reopens it): every closing checklist item ticked, no shift
   * still open, the bar's stocktake of the day recorded; makes a backup.
   */
  'shift.closeDay': command({
    input: z.object({ day: DateStr, checked: z.array(ChecklistItem).max(50) }).strict(),
    output: out<DayReport>(),
    access: SUPERVISORS,
    tx: 'manual',
  }),
  'shift.dayReport': query({
    input: z.object({ day: DateStr }).strict(),
    output: out<DayReport>(),
    access: SUPERVISORS,
  }),
  /**
   * Reopens a closed day: a manager's PIN and the reason (audited). The day's report is computed
   * again from the records and the day is closed again with shift.closeDay.
   */
  'shift.reopenDay': command({
    input: z.object({ day: DateStr, authorization: Authorization }).strict(),
    output: out<DayReport>(),
    access: SUPERVISORS,
  }),
} as const;
