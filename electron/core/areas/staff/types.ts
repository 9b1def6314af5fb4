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
] as const;

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
