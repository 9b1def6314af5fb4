/**
 * The check-in area's values and result types: the enums as values, the error codes it throws, and
 * what its operations answer. No zod here: the renderer imports these (through
 * electron/core/contract) without loading the schemas.
 */
import type { MemberGender, TabLine } from '../../contract/types';
import type { MemberCard } from '../members/types';
import type { Receipt } from '../payments/types';

// ---- enums and error codes ------------------------------------------------------------------

export const VISIT_KINDS = ['member', 'trial', 'coach'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
/** Who enters without a membership card. */
export const GUEST_KINDS = ['trial', 'coach'] as const satisfies readonly VisitKind[];
export const CHECKOUT_KINDS = ['normal', 'tag_not_returned'] as const;
export type CheckoutKind = (typeof CHECKOUT_KINDS)[number];
/** Amber: the member may enter; the desk says something. */
export const WARNING_CODES = ['EXPIRES_SOON', 'FEW_VISITS', 'BIRTHDAY', 'UNPAID_BALANCE'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
/** Red: the member may not enter (a shift lead may let them in, except ALREADY_INSIDE and UNKNOWN_CARD). */
export const BLOCK_CODES = [
  'UNKNOWN_CARD',
  'EXPIRED',
  'NOT_STARTED',
  'FROZEN',
  'NO_VISITS_LEFT',
  'ALREADY_INSIDE',
  'DEACTIVATED',
] as const;
export type BlockCode = (typeof BLOCK_CODES)[number];

export const CHECKIN_ERROR_CODES = [
  'MEMBER_UNKNOWN_CARD',
  'ALREADY_INSIDE',
  'VISIT_NOT_FOUND',
  'VISIT_CLOSED',
  'NO_FREE_TAG',
  'TAB_UNPAID',
] as const;

// ---- result types ---------------------------------------------------------------------------

export interface VisitInfo {
  id: number;
  kind: VisitKind;
  memberId: number | null;
  cardNo: string | null;
  name: string;
  gender: MemberGender;
  tagNumber: number | null;
  checkedInAt: string;
  checkedOutAt: string | null;
  checkoutKind: CheckoutKind | null;
  overridden: boolean;
}

export interface StatusReason<C extends string> {
  code: C;
  /** e.g. { days: 3 } for EXPIRES_SOON, { visits: 2 } for FEW_VISITS, { cents: 5000 } for UNPAID_BALANCE */
  params: Record<string, string | number>;
}

export type CheckinResult =
  | {
      outcome: 'checked_in';
      status: 'ok' | 'warning';
      warnings: StatusReason<WarningCode>[];
      member: MemberCard;
      visit: VisitInfo;
      overridden: boolean;
      /** Who authorised the entry (an override or no tag): the PIN named them. */
      authorizedByName?: string;
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

/** Someone inside now (a line of the "inside" list, the head of a bar tab). */
export interface InsideVisit {
  visitId: number;
  kind: VisitKind;
  memberId: number | null;
  cardNo: string | null;
  name: string;
  gender: MemberGender;
  tagNumber: number | null;
  checkedInAt: string;
  /** Unpaid drink-bar tab on this visit, in cents. */
  tabCents: number;
}

export interface CheckoutPreview {
  visit: InsideVisit;
  /** Unpaid drink-bar tab of this visit. */
  tabCents: number;
  tabLines: TabLine[];
  /** Unpaid charges and debts from earlier visits (payable separately, see payments.debts). */
  unpaidChargesCents: number;
  lostTagFeeCents: number;
  /** The member's stored-value balance (null for guests). */
  storedValueCents: number | null;
}

export interface CheckoutResult {
  visitId: number;
  tagNumber: number | null;
  checkedOutAt: string;
  checkoutKind: CheckoutKind;
  lostTagFeeCents: number;
  name: string;
  cardNo: string | null;
  /** The payment of the tab, if there was one. */
  receipt: Receipt | null;
  /** A tab left unpaid with a shift lead's authorisation (now the member's debt). */
  unpaidLeftCents: number;
  /** The member's stored-value balance after the check-out (null for guests). */
  storedValueCents: number | null;
  /** Who let the tab be left unpaid (their PIN named them). */
  unpaidAllowedByName?: string;
}

/** Entries counted by gender; an unknown gender is counted on its own, never dropped. */
export interface EntryCount {
  male: number;
  female: number;
  unknown: number;
}

export interface TodayCounts {
  date: string;
  entries: Record<VisitKind, EntryCount>;
  insideNow: number;
  tagsOut: number;
  tagsFree: number;
}
