/**
 * The club's staff as the login screen lists them (id, name, role): one shared query for every
 * screen that names or picks staff (login, supervisors' authorisation, consultants, incidents…).
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { LoginStaff } from '../../electron/core/contract';
import type { ApiCallError } from './api';
import { useOp } from './query';

const NONE: LoginStaff[] = [];
/** The list changes only with the staff operations (not with every check-in). */
const STAFF_EVENTS = ['staff.'];
const consultantsOf = (list: LoginStaff[]) => list.filter((s) => s.role === 'consultant');

export function useStaffList(): UseQueryResult<LoginStaff[], ApiCallError> {
  return useOp('session.staffList', {}, { live: STAFF_EVENTS });
}

/** The staff list, empty until loaded (for the "who" fields). */
export function useStaff(): LoginStaff[] {
  return useStaffList().data ?? NONE;
}

/** The consultants on the staff list (for sign-in and the selects); empty until loaded. */
export function useConsultants(): LoginStaff[] {
  return useOp('session.staffList', {}, { live: STAFF_EVENTS, select: consultantsOf }).data ?? NONE;
}
