/**
 * The payments area's values and result types: settlements (one act of paying, split across
 * methods), what a member owes, and the stored-value ledger (储值). No zod here: the renderer
 * imports these (through electron/core/contract) without loading the schemas.
 *
 * The payment methods themselves (PAYMENT_METHODS, DESK_PAYMENT_METHODS) stay in
 * contract/types.ts: the bar, the shift and the check-in use them as much as this area does.
 */
import type { PaymentMethod, TabLine } from '../../contract/types';

// ---- enums and error codes ------------------------------------------------------------------

/** What a settlement paid for: a check-out's tab, earlier debts, a top-up, money back, a card sold at the desk. */
export const SETTLEMENT_KINDS = ['checkout', 'debts', 'topup', 'refund', 'card_sale'] as const;
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number];
/** A stored-value ledger entry: the balance taken over at import, money in, money spent, money back, a manager's correction. */
export const STORED_VALUE_ENTRY_KINDS = ['opening', 'topup', 'deduction', 'refund', 'adjustment'] as const;
export type StoredValueEntryKind = (typeof STORED_VALUE_ENTRY_KINDS)[number];
/** What the weekly stored-value check reports. */
export const STORED_VALUE_PROBLEM_KINDS = [
  'DEDUCTION_WITHOUT_SLIP',
  'TOPUP_WITHOUT_PAYMENT',
  'BALANCE_MISMATCH',
] as const;
export type StoredValueProblemKind = (typeof STORED_VALUE_PROBLEM_KINDS)[number];
/** What a member may be charged besides the bar: a key tag not returned. */
export const CHARGE_KINDS = ['lost_tag'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

export const PAYMENTS_ERROR_CODES = [
  'PAYMENT_MISMATCH',
  'CASH_TENDERED_SHORT',
  'STORED_VALUE_INSUFFICIENT',
  'STORED_VALUE_GUEST',
  'NOTHING_TO_PAY',
] as const;

// ---- result types ---------------------------------------------------------------------------

export interface PaymentPart {
  method: PaymentMethod;
  amountCents: number;
  tenderedCents?: number;
  reference?: string;
}

export interface Receipt {
  settlementId: number;
  kind: SettlementKind;
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

export interface ChargeInfo {
  id: number;
  kind: ChargeKind;
  visitId?: number | null;
  amountCents: number;
  createdAt: string;
  paidAt: string | null;
  note: string | null;
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
  kind: StoredValueEntryKind;
  amountCents: number;
  balanceAfterCents: number;
  method: PaymentMethod | null;
  /** The settlement of its payment (its receipt can be reprinted); null for an adjustment or an opening balance. */
  settlementId: number | null;
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
    kind: StoredValueProblemKind;
    memberId: number;
    cardNo: string;
    name: string;
    entryId: number | null;
    ledgerCents: number | null;
    balanceCents: number | null;
  }[];
}
