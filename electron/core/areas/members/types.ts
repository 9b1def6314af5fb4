/**
 * The members area's values and result types: the states of a membership, how an entitlement
 * changes, the error codes it throws, and what its operations answer. No zod here: the renderer
 * imports these (through electron/core/contract) without loading the schemas.
 */
import type { CardKind, MemberGender, PaymentMethod } from '../../contract/types';
import type { VisitInfo } from '../checkin/types';
import type { ChargeInfo, Receipt } from '../payments/types';

// ---- enums and error codes ------------------------------------------------------------------

/** A membership's state on a club-local date (the first that applies wins, see memberState). */
export const MEMBER_STATES = [
  'active',
  'expired',
  'not_started',
  'frozen',
  'no_visits',
  'deactivated',
] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

/**
 * How an entitlement changed: 'initial' (as found when the history began), 'import' (the roster
 * import), 'registered' (a manager entered a card sold before, no sale), 'sale' (a new member's
 * card sold at the desk), 'renewal' (the same card type bought again), 'upgrade' (another card type
 * bought), 'freeze', 'unfreeze', 'correction' (a manager, with a reason).
 */
export const ENTITLEMENT_KINDS = [
  'initial',
  'import',
  'registered',
  'sale',
  'renewal',
  'upgrade',
  'freeze',
  'unfreeze',
  'correction',
] as const;
export type EntitlementKind = (typeof ENTITLEMENT_KINDS)[number];
/** The entitlement changes that sell a card at the desk (money in the shift's drawer). */
export const CARD_SALE_KINDS = ['sale', 'renewal', 'upgrade'] as const satisfies readonly EntitlementKind[];
export type CardSaleKind = (typeof CARD_SALE_KINDS)[number];

export const MEMBERS_ERROR_CODES = [
  'CARD_NO_TAKEN',
  'FREEZE_INVALID',
  'FREEZE_AFTER_EXPIRY',
  'NOT_FROZEN',
  'MEMBER_DEACTIVATED',
  'MEMBER_FROZEN',
  'FREE_CARD_NEEDS_AUTHORIZATION',
  'VISITOR_ALREADY_SOLD',
] as const;

// ---- result types ---------------------------------------------------------------------------

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
  /** The settlement that paid it (its receipt can be reprinted); null when free. */
  settlementId: number | null;
}

/** A card sold, renewed or upgraded at the desk: the member as now, and the receipt (none when free). */
export interface CardSaleResult {
  member: MemberDetail;
  entry: EntitlementEntry;
  receipt: Receipt | null;
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
  /** settlementId: the check-out's payment of the tab (its receipt can be reprinted). */
  recentVisits: (VisitInfo & { settlementId: number | null })[];
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
  /** The stored-value balance (shown on every check-in result). */
  storedValueCents: number;
}
