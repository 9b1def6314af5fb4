/**
 * The drink bar's values and result types: the enums as values, the error codes it throws, and what
 * its operations answer. No zod here: the renderer imports these (through electron/core/contract)
 * without loading the schemas.
 */
import type { PaymentMethod, TabLine } from '../../contract/types';
import type { InsideVisit } from '../checkin/types';
import type { Role } from '../../kernel/roles';

// ---- enums and error codes ------------------------------------------------------------------

/** A bar stocktake: the daily count or the month-end one. */
export const STOCKTAKE_KINDS = ['daily', 'month_end'] as const;
export type StocktakeKind = (typeof STOCKTAKE_KINDS)[number];
/** Why an item's stock moved (the stock is the sum of its movements). */
export const STOCK_MOVE_KINDS = ['delivery', 'sale', 'void', 'correction', 'stocktake'] as const;
export type StockMoveKind = (typeof STOCK_MOVE_KINDS)[number];

/** The sales points sharing the catalogue, stock and stocktake: the drink bar and the pro shop (专卖). */
export const SALES_POINTS = ['bar', 'shop'] as const;
export type SalesPoint = (typeof SALES_POINTS)[number];

/**
 * The points a role sells at, receives and counts: bar staff the bar, reception the shop at the desk,
 * shift leads and managers both.
 */
export function pointsOfRole(role: Role): readonly SalesPoint[] {
  if (role === 'bar') return ['bar'];
  if (role === 'reception') return ['shop'];
  return SALES_POINTS;
}

export const BAR_ERROR_CODES = [
  'LINE_NOT_CORRECTABLE',
  'LINE_VOIDED',
  'CORRECTION_WINDOW_PASSED',
  'VOID_NEEDS_MANAGER',
  'CASH_BACK_NEEDS_MANAGER',
  'BAR_ITEM_NAME_TAKEN',
  'BAR_ITEM_INACTIVE',
  'ITEM_OTHER_POINT',
] as const;

// ---- result types ---------------------------------------------------------------------------

export interface BarItem {
  id: number;
  name: string;
  category: string;
  priceCents: number;
  notes: string;
  sort: number;
  active: boolean;
  /** On the menu's favourites page (常用), first. */
  favourite: boolean;
  /** Where it is sold and counted: the bar or the pro shop at the desk. */
  point: SalesPoint;
  /** Derived from stock movements; may be negative (sold past zero). */
  stock: number;
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

/** One item's figures in the bar report. */
export interface BarReportItem {
  itemId: number;
  point: SalesPoint;
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

/** A stocktake as the reports list it (the bar report, the day close). */
export interface StocktakeInfo {
  id: number;
  kind: StocktakeKind;
  /** The point counted (absent in a day close recorded before the shop: the bar). */
  point?: SalesPoint;
  /** Items whose count differed from the expected stock (absent in older day closes). */
  differences?: number;
  at: string;
  byName: string;
}

export interface BarReport {
  from: string;
  to: string;
  /** The point reported on (null: both). Payments by method are the two points together. */
  point: SalesPoint | null;
  rows: BarReportItem[];
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
  stocktakes: StocktakeInfo[];
}

/** An item of next month's order list. */
export interface OrderListItem {
  itemId: number;
  name: string;
  category: string;
  soldLastMonth: number;
  stock: number;
  suggested: number;
}
