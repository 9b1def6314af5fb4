/**
 * What other areas (and the composition in app.ts) may use of the staff area: the supervisor's
 * on-the-spot authorisation (`authorize`), the PIN check with its lockout (`verifyPin`), and the
 * staff rows.
 */
export {
  authorize,
  type Authoriser,
  hashPin,
  pinMatches,
  requireUniquePin,
  signedBy,
  verifyPin,
} from './pins';
export { insertStaff, staffHandlers, toStaffInfo } from './handlers';
export { getStaffRow, loginStaffList, setPinHash } from './queries';
