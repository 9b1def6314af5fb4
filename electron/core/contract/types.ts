/**
 * The values and types several areas share (genders, languages, card kinds, payment methods, a tab's
 * line, pages). What belongs to one area lives in its areas/<area>/types.ts. No zod here: the
 * renderer takes these lists without loading the schemas.
 */
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
/** A member's gender may be unknown: a roster imported without it (the desk asks and records it). */
export type MemberGender = Gender | 'unknown';
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A card type counts time (days) or visits. */
export const CARD_KINDS = ['time', 'visits'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

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

/** A staff member named on a record (incidents, complaints). */
export interface StaffRef {
  id: number;
  name: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
}
