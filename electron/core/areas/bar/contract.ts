/**
 * The drink bar's contract (水吧): the catalogue and its stock, slips written on the visit of an
 * issued key tag, on-the-spot corrections, voids, free water, stocktakes and the bar reports. Every
 * operation is declared here once: its input, its result, its kind and who may call it. The renderer
 * imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK, MANAGERS, SUPERVISORS } from '../../kernel/roles';
import {
  Authorization,
  CardNo,
  Cents,
  DateStr,
  Id,
  LongText,
  Name,
  OpId,
  Reason,
  ShortText,
  TagNumber,
} from '../../contract/common';
import { MONTH_PATTERN } from '../../../shared/dates';
import {
  SALES_POINTS,
  STOCKTAKE_KINDS,
  type BarItem,
  type BarReport,
  type OrderListItem,
  type Tab,
} from './types';

export * from './types';

// ---- operations -----------------------------------------------------------------------------

const Quantity = z.number().int().min(1).max(999);
const BarItemFields = z
  .object({
    name: Name,
    category: z.string().trim().min(1).max(50),
    priceCents: Cents,
    notes: LongText,
    sort: z.number().int().min(0).max(10_000).optional(),
    /** Shown on the menu's first page (常用). */
    favourite: z.boolean().optional(),
    /** The bar (default) or the pro shop at the desk. */
    point: z.enum(SALES_POINTS).optional(),
  })
  .strict();
const Point = z.enum(SALES_POINTS);
const TabRef = z.union([
  z.object({ visitId: Id }).strict(),
  z.object({ tagNumber: TagNumber }).strict(),
  z.object({ cardNo: CardNo }).strict(),
]);
const MonthStr = z.string().regex(MONTH_PATTERN, 'month');

export const barContract = {
  'bar.items': query({
    input: z.object({ includeInactive: z.boolean().optional(), point: Point.optional() }).strict(),
    output: out<BarItem[]>(),
    access: [...DESK, 'bar', 'consultant'],
  }),
  'bar.itemCreate': command({ input: BarItemFields, output: out<BarItem>(), access: ['bar', ...MANAGERS] }),
  /** A price change is audited and never alters slips already written. */
  'bar.itemUpdate': command({
    input: BarItemFields.partial().extend({ id: Id, active: z.boolean().optional() }).strict(),
    output: out<BarItem>(),
    access: ['bar', ...MANAGERS],
  }),
  /** A delivery received into stock (bar staff for the bar, reception for the shop). */
  'bar.receive': command({
    input: z.object({ itemId: Id, quantity: Quantity, note: ShortText.optional() }).strict(),
    output: out<BarItem>(),
    access: ['bar', ...DESK],
  }),
  /** The tab of someone inside (by tag, card or visit); a closed visit's tab only by visit id. */
  'bar.tab': query({ input: TabRef, output: out<Tab>(), access: [...DESK, 'bar'] }),
  /**
   * Writes a slip on the visit of an issued tag. Selling past zero stock is allowed, with a warning.
   * One slip is one point's: bar staff sell bar items, reception the shop's; supervisors both.
   */
  'bar.sell': command({
    input: z
      .object({
        visitId: Id,
        items: z
          .array(z.object({ itemId: Id, quantity: Quantity }).strict())
          .min(1)
          .max(50),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<Tab>(),
    access: [...DESK, 'bar'],
  }),
  /**
   * Corrects a line on the spot (a new quantity, higher or lower, or 0 to remove it) with the member's
   * confirmation: only while the member is inside, the line unpaid and the slip younger than the
   * correction window (settings.barCorrectionMinutes). Anything else is a void.
   */
  'bar.correctLine': command({
    input: z
      .object({ lineId: Id, quantity: z.number().int().min(0).max(999), memberConfirmed: z.literal(true) })
      .strict(),
    output: out<Tab>(),
    access: [...DESK, 'bar'],
  }),
  /**
   * Voids lines (or part of one): a shift lead's or customer-service manager's PIN on the spot and a
   * reason; a manager's once the member has left. Money paid for a voided line goes back where it came
   * from (stored value to the ledger); `cashBack` pays stored value back in cash, with a manager's PIN.
   */
  'bar.void': command({
    input: z
      .object({
        lineIds: z.array(Id).min(1).max(100),
        /** How many of each line to void (same order as lineIds); the whole line when left out. */
        quantities: z.array(Quantity).min(1).max(100).optional(),
        reason: Reason,
        authorization: Authorization,
        cashBack: z.boolean().optional(),
      })
      .strict(),
    output: out<Tab>(),
    access: [...DESK, 'bar'],
  }),
  /** Free water for a visitor in the bar area: counted, never charged. */
  'bar.water': command({
    input: z.object({ visitId: Id.optional() }).strict(),
    output: out<{ today: number }>(),
    access: [...DESK, 'bar'],
  }),
  /** A stocktake of one point (the bar when left out): bar staff count the bar, reception the shop. */
  'bar.stocktake': command({
    input: z
      .object({
        kind: z.enum(STOCKTAKE_KINDS),
        point: Point.optional(),
        counts: z
          .array(
            z
              .object({
                itemId: Id,
                counted: z.number().int().min(0).max(1_000_000),
                reason: ShortText.optional(),
              })
              .strict(),
          )
          .min(1)
          .max(2000),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<BarReport>(),
    access: ['bar', ...DESK],
  }),
  'bar.report': query({
    input: z.object({ from: DateStr, to: DateStr, point: Point.optional() }).strict(),
    output: out<BarReport>(),
    access: ['bar', ...SUPERVISORS],
  }),
  'bar.reportCsv': command({
    input: z.object({ from: DateStr, to: DateStr }).strict(),
    output: out<{ filename: string; csv: string }>(),
    access: ['bar', ...SUPERVISORS],
    announce: false,
  }),
  /** Next month's order list: items whose sales in `month` exceed the stock on hand now. */
  'bar.orderList': query({
    input: z.object({ month: MonthStr }).strict(),
    output: out<OrderListItem[]>(),
    access: ['bar', ...SUPERVISORS],
  }),
} as const;
