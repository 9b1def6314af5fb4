/**
 * Every error code of the core, composed from the kernel's and the areas' lists (the renderer has
 * words for each, in both languages: tests/unit/i18n.test.ts). An area adds its codes in its own
 * contract.ts (`export const CHECKIN_ERROR_CODES = [...] as const`) and is added here.
 */
import { CHECKIN_ERROR_CODES } from './areas/checkin/contract';
import { IMPORT_ERROR_CODES } from './areas/import/contract';
import { MEMBERS_ERROR_CODES } from './areas/members/contract';
import { PAYMENTS_ERROR_CODES } from './areas/payments/contract';
import { KERNEL_ERROR_CODES } from './kernel/errors';

/** Codes of the areas not yet moved to electron/core/areas/: each moves to its area's contract.ts. */
const LEGACY_ERROR_CODES = [
  'PIN_WRONG',
  'STAFF_LOCKED',
  'STAFF_INACTIVE',
  'ALREADY_SET_UP',
  'CARD_TYPE_NAME_TAKEN',
  'CARD_TYPE_IN_USE',
  'OVERRIDE_NOT_ALLOWED',
  'TAG_UNKNOWN',
  'TAG_IN_USE',
  'TAG_NOT_AVAILABLE',
  'TAG_NUMBER_TAKEN',
  'TAG_NOT_ISSUED',
  'BACKUP_NOT_FOUND',
  'LAST_MANAGER',
  'RATE_LIMITED',
  'LINE_NOT_CORRECTABLE',
  'LINE_VOIDED',
  'CORRECTION_WINDOW_PASSED',
  'VOID_NEEDS_MANAGER',
  'CASH_BACK_NEEDS_MANAGER',
  'BAR_ITEM_NAME_TAKEN',
  'BAR_ITEM_INACTIVE',
  'INCIDENT_CLOSED',
  'INCIDENT_REPORT_INCOMPLETE',
  'FOLLOW_UP_DONE',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_INVALID',
  'ATTACHMENT_TAMPERED',
  'ATTACHMENT_MISSING',
  'COMPLAINT_STEP_INVALID',
  'COMPLAINT_ESCALATED',
  'COMPLAINT_CLOSED',
  'COMPLAINT_OUTCOME_MISSING',
  'NOT_A_CONSULTANT',
  'CONSULTANT_NOT_SIGNED_IN',
  'CONSULTANT_ALREADY_SIGNED_IN',
  'CONSULTANT_BUSY',
  'NOT_YOURS',
  'VISITOR_WRONG_STATE',
  'PAGE_LIMIT',
  'CALL_NOT_OVERDUE',
  'NO_CONSULTANT_AVAILABLE',
  'WRONG_CONSULTANT',
  'DISPUTE_DECIDED',
  'CARD_TYPE_REQUIRED',
  'INQUIRY_ASSIGNED',
  'VISITOR_ALREADY_HERE',
  'CONSULTANT_PIN_REQUIRED',
  'ANNOUNCEMENT_PASSED',
  'ANNOUNCEMENT_DONE',
  'SHIFT_ALREADY_OPEN',
  'SHIFT_CLOSED',
  'SHIFT_NOT_CLOSED',
  'SHIFT_STAFF_INVALID',
  'SHIFT_NOT_COUNTED',
  'SHIFT_ALREADY_COUNTED',
  'CASH_CHANGED_SINCE_COUNT',
  'DIFFERENCE_REASON_REQUIRED',
  'FLOAT_REASON_REQUIRED',
  'FLOAT_EXCEEDS_CASH',
  'HANDOVER_NOT_ACKNOWLEDGED',
  'SIGNER_INVALID',
  'CHECKLIST_INCOMPLETE',
  'DAY_ALREADY_CLOSED',
  'DAY_HAS_OPEN_SHIFT',
  'DAY_NOT_CLOSED',
  'SHIFT_NOT_OPEN',
  'DRAWER_COUNTED',
  'RECOUNT_PENDING',
  'DAY_STOCKTAKE_MISSING',
  'MANAGER_PIN_REQUIRED',
] as const;

export const ERROR_CODES = [
  ...KERNEL_ERROR_CODES,
  ...LEGACY_ERROR_CODES,
  ...CHECKIN_ERROR_CODES,
  ...MEMBERS_ERROR_CODES,
  ...IMPORT_ERROR_CODES,
  ...PAYMENTS_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export { AppError, isAppError, toAppError, type AppErrorShape, type ErrorParams } from './kernel/errors';
