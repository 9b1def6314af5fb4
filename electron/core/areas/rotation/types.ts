/**
 * The rotation area's values and result types: the consultants' states, the two queues, why a
 * consultant is passed over, the error codes it throws, and the board its operations answer. No zod
 * here: the renderer imports these (through electron/core/contract) without loading the schemas.
 */

// ---- enums and error codes ------------------------------------------------------------------

/** A signed-in consultant's state for the day. */
export const CONSULTANT_STATES = ['available', 'with_visitor', 'away', 'signed_out'] as const;
export type ConsultantState = (typeof CONSULTANT_STATES)[number];
/** Why a consultant is away from the rotation. */
export const AWAY_KINDS = ['meal', 'outside', 'other'] as const;
export type AwayKind = (typeof AWAY_KINDS)[number];
/** Each queue has its own turn pointer: walk-in visitors and phone inquiries. */
export const ROTATION_QUEUES = ['visitor', 'phone'] as const;
export type RotationQueue = (typeof ROTATION_QUEUES)[number];
/** Why a consultant was passed over when their turn came. */
export const SKIP_REASONS = ['away', 'with_visitor', 'being_called'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
/**
 * Who is next in a queue and why:
 * - first_turn: nobody has had a turn today; the first signed in who is available
 * - after_last {after}: the turn passes on from the consultant who had the last one
 * - none_available: everyone signed in is away, with a visitor or being called
 * - nobody_signed_in: no consultant has signed in today
 */
export const NEXT_WHY_CODES = ['first_turn', 'after_last', 'none_available', 'nobody_signed_in'] as const;
export type NextWhyCode = (typeof NEXT_WHY_CODES)[number];

export const ROTATION_ERROR_CODES = [
  'NOT_A_CONSULTANT',
  'CONSULTANT_NOT_SIGNED_IN',
  'CONSULTANT_ALREADY_SIGNED_IN',
  'CONSULTANT_BUSY',
  'NOT_YOURS',
] as const;

// ---- result types ---------------------------------------------------------------------------

/** The parameters of a reason code (the desk words the reason in its own language). */
export type ReasonParams = Record<string, string | number | null>;

export interface RotationConsultant {
  staffId: number;
  name: string;
  /** Sign-in order: the rotation order (1 = first). */
  seq: number;
  state: ConsultantState;
  awayKind: AwayKind | null;
  awayNote: string | null;
  /** UTC ISO. */
  expectedBackAt: string | null;
  stateSince: string;
  signedInAt: string;
  /** Being called for a visitor now (not yet accepted). */
  beingCalledFor: number | null;
  /** The visitor they are with now. */
  withVisitorId: number | null;
  receivedToday: number;
}

export interface RotationNext {
  staffId: number | null;
  name: string | null;
  why: { code: NextWhyCode; params: ReasonParams };
  /** Consultants whose turn it would be first, and why they would be passed over. */
  wouldPassOver: { staffId: number; name: string; reason: SkipReason }[];
}

export interface RotationBoard {
  day: string;
  /** Signed-in consultants (signed-out ones last), in sign-in order. */
  consultants: RotationConsultant[];
  next: { visitor: RotationNext; phone: RotationNext };
  callTimeoutSeconds: number;
  maxPages: number;
  autoProposeNext: boolean;
}
