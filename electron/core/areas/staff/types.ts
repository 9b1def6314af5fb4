/**
 * The staff area's values and result types: the staff genders, the error codes it throws (PINs,
 * lockout, authorisations, the last manager), and the staff member as the contract shows them. No
 * zod here: the renderer imports these (through electron/core/contract) without the schemas.
 */
import type { Role } from '../../kernel/roles';

/** A staff member's gender (who counts as coach men / women); they may leave it unsaid. */
export const STAFF_GENDERS = ['male', 'female', 'unspecified'] as const;
export type StaffGender = (typeof STAFF_GENDERS)[number];

export const STAFF_ERROR_CODES = [
  'PIN_WRONG',
  'STAFF_LOCKED',
  'STAFF_INACTIVE',
  'OVERRIDE_NOT_ALLOWED',
  'LAST_MANAGER',
  'PIN_IN_USE',
  'AUTH_PIN_WRONG',
  'PIN_AMBIGUOUS',
  'AUTH_PAUSED',
] as const;

/**
 * What a supervisor authorises on the spot (PIN alone), each with the reasons the desk is offered
 * as chips (a code stored with the words; free text is always possible too).
 */
export const AUTH_REASONS = {
  override: ['renewing_today', 'consultant_escort', 'card_forgotten', 'manager_guest'],
  noTag: ['tags_out', 'short_visit'],
  leaveUnpaid: ['pays_next_visit', 'no_means_to_pay', 'slip_disputed'],
  void: ['duplicate_slip', 'member_changed_order', 'wrong_item', 'not_served'],
  payout: ['supplies', 'member_refund', 'petty_cash'],
  recount: ['miscounted', 'cash_moved'],
  reopenDay: ['missing_entry', 'wrong_figure'],
  freeCard: ['promotion', 'compensation', 'staff_card'],
  /** A cash drop's witness signs with the PIN alone (no reason asked). */
  dropWitness: [],
  /** A difference in the change float at the opening over the threshold. */
  floatDifference: ['handover_miscounted', 'change_used'],
  pairDevice: ['new_station', 'replaced_station'],
  /** Which station keeps the standby copy of the club's database (or none any more). */
  setStandby: ['standby_new', 'standby_replaced', 'standby_stopped'],
} as const satisfies Record<string, readonly string[]>;
export type AuthAction = keyof typeof AUTH_REASONS;
export type AuthReasonCode = (typeof AUTH_REASONS)[AuthAction][number];
export const AUTH_REASON_CODES = [...new Set(Object.values(AUTH_REASONS).flat())] as [
  AuthReasonCode,
  ...AuthReasonCode[],
];

export interface StaffInfo {
  id: number;
  name: string;
  role: Role;
  gender: StaffGender;
  active: boolean;
}

/** A staff member in the managers' list: with whether a PIN lock keeps them out somewhere now. */
export interface StaffListItem extends StaffInfo {
  /** Locked as a person, or for some computer or window after too many wrong PINs from it. */
  locked: boolean;
}

/** An active staff member as the login screen and the staff pickers list them. */
export interface LoginStaff {
  id: number;
  name: string;
  role: Role;
}
