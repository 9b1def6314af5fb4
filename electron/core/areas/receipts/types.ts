/**
 * The receipts area's values and result types: a printed receipt (小票) assembled from the records of
 * one settlement — never from numbers the screen sends. No zod here: the renderer imports these
 * (through electron/core/contract) without the schemas.
 */
import type { PaymentMethod } from '../../contract/types';
import type { SettlementKind } from '../payments/types';

/** The paper a receipt is printed on: a 58 or 80 mm thermal roll, or an A4 sheet. */
export const RECEIPT_PAPERS = ['58', '80', 'A4'] as const;
export type ReceiptPaper = (typeof RECEIPT_PAPERS)[number];

/** What a line of a receipt is: a drink of the bar tab, a charge (lost tag), a top-up, a card sold. */
export const RECEIPT_LINE_KINDS = ['bar', 'lost_tag', 'topup', 'sale', 'renewal', 'upgrade'] as const;
export type ReceiptLineKind = (typeof RECEIPT_LINE_KINDS)[number];

export const RECEIPTS_ERROR_CODES = ['RECEIPT_NONE'] as const;

export interface ReceiptLine {
  kind: ReceiptLineKind;
  /** The drink's or card type's name as recorded; null for a top-up or a charge (the renderer words it). */
  name: string | null;
  quantity: number;
  unitCents: number | null;
  amountCents: number;
}

export interface PrintedReceipt {
  /** Stable: the same on every reprint (from the settlement's id). */
  number: string;
  settlementId: number;
  kind: SettlementKind;
  clubName: string;
  timeZone: string;
  /** When it was paid (ISO UTC; shown in the club's time zone). */
  at: string;
  staffName: string;
  member: { name: string; cardNo: string } | null;
  /** A guest's visit (trial) paid at check-out. */
  guestName: string | null;
  tagNo: number | null;
  lines: ReceiptLine[];
  totalCents: number;
  payments: {
    method: PaymentMethod;
    amountCents: number;
    tenderedCents: number | null;
    changeCents: number | null;
    reference: string | null;
  }[];
  changeCents: number;
  /** The member's balance right after this payment; null without a member (or with no stored value ever). */
  storedValueAfterCents: number | null;
  /** A card sold or renewed: the card as it then stood. */
  card: { expiryDate: string | null; visitsLeft: number | null } | null;
  /** 0: the first print; n: the n-th reprint (counted in the audit log). */
  reprint: number;
  /** When this copy was printed (ISO UTC). */
  printedAt: string;
}
