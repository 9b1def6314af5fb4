/**
 * The contract of shift close and handover (交接班 / 交接本): opening a shift (the previous handover,
 * open items, the float, the opening checklist), the live handover book, pay-outs, the blind cash
 * count, closing with two signatures, corrections of a closed shift, the day close, history and
 * charts, and the CSV export. Figures are computed from the records of the shift's time window.
 * Every operation is declared here once: its input, its result, its kind and who may call it. The
 * renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK, SUPERVISORS } from '../../kernel/roles';
import { DROP_DESTINATIONS, OVER_SHORT_KINDS } from './types';
import { Authorization, Cents, DateStr, Id, Pin, Reason } from '../../contract/common';
import type {
  CountResult,
  DayReport,
  OverShortItem,
  OverShortReport,
  ShiftCharts,
  ShiftCurrent,
  ShiftHistory,
  ShiftInfo,
  ShiftOpening,
  ShiftReport,
} from './types';

export * from './types';

// ---- operations -----------------------------------------------------------------------

const Count = z.number().int().min(0).max(100_000);
export const DenominationsSchema = z
  .object({ n100: Count, n50: Count, n20: Count, n10: Count, n5: Count, n1: Count, c50: Count, c10: Count })
  .strict();
const Signature = z.object({ staffId: Id, pin: Pin }).strict();
const ChecklistItem = z.string().trim().min(1).max(200);
const Text = z.string().max(5000);

export const shiftContract = {
  // The desk opens, runs and closes shifts; shift leads and managers close the day and see every
  // shift (reception sees the shifts it was on; handlers/records.ts). A pay-out and a recount also
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
        /** The change float's notes counted at the opening; their total is the float received. */
        floatDenominations: DenominationsSchema.optional(),
        /** A shift lead's or manager's PIN accepting a float difference over FLOAT_DIFF_PIN_CENTS. */
        floatAuthorization: Authorization.optional(),
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
   * A cash drop (投款): notes out of the drawer to the safe or the bank against a deposit slip (its
   * number unique per destination), witnessed by another active desk staff member's PIN (never the
   * dropper's own). The expected drawer cash goes down by it. Refused once the cash is counted.
   */
  'shift.drop': command({
    input: z
      .object({
        shiftId: Id,
        denominations: DenominationsSchema,
        slipNo: z.string().trim().min(1).max(40),
        destination: z.enum(DROP_DESTINATIONS),
        witnessPin: Pin,
      })
      .strict(),
    output: out<ShiftInfo>(),
    access: DESK,
  }),
  /**
   * A closed shift's surplus handed in or shortage made good (长缴短补) by the person named, received by
   * a shift lead or manager (not that person): against that shift only, up to what is still open.
   */
  'shift.settle': command({
    input: z
      .object({
        shiftId: Id,
        kind: z.enum(OVER_SHORT_KINDS),
        staffId: Id,
        amountCents: Cents.refine((n) => n > 0, 'positive'),
        note: z.string().trim().max(500),
      })
      .strict(),
    output: out<OverShortItem>(),
    access: SUPERVISORS,
  }),
  /**
   * The over/short of the closed shifts of days [from, to] with what is settled and still open;
   * `openOnly`: every shift up to `to` with something still open, however old.
   */
  'shift.overShort': query({
    input: z.object({ from: DateStr, to: DateStr, openOnly: z.boolean().optional() }).strict(),
    output: out<OverShortReport>(),
    access: SUPERVISORS,
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
  /**
   * Closes the shift: the used tags counted by hand (a difference from the book explained), the
   * reason of a cash difference, the float handed over, messages, both PINs.
   */
  'shift.close': command({
    input: z
      .object({
        shiftId: Id,
        differenceReason: Reason.optional(),
        /** The used key tags counted by hand at the close; compared with the tags the book issued. */
        tagsCounted: z.number().int().min(0).max(100_000),
        /** Why the hand count differs from the book (required when it does). */
        tagsReason: Reason.optional(),
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
