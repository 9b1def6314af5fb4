/**
 * Every error code of the core, composed from the kernel's and the areas' lists (the renderer has
 * words for each, in both languages: tests/unit/i18n.test.ts). An area adds its codes in its own
 * contract.ts (`export const CHECKIN_ERROR_CODES = [...] as const`) and is added here.
 */
import { BAR_ERROR_CODES } from './areas/bar/types';
import { CHECKIN_ERROR_CODES } from './areas/checkin/contract';
import { SHIFT_ERROR_CODES } from './areas/shift/types';
import { KERNEL_ERROR_CODES } from './kernel/errors';

/** Codes of the areas not yet moved to electron/core/areas/: each moves to its area's contract.ts. */
const LEGACY_ERROR_CODES = [
  'PIN_WRONG',
  'STAFF_LOCKED',
  'STAFF_INACTIVE',
  'ALREADY_SET_UP',
  'CARD_NO_TAKEN',
  'CARD_TYPE_NAME_TAKEN',
  'CARD_TYPE_IN_USE',
  'OVERRIDE_NOT_ALLOWED',
  'TAG_UNKNOWN',
  'TAG_IN_USE',
  'TAG_NOT_AVAILABLE',
  'TAG_NUMBER_TAKEN',
  'TAG_NOT_ISSUED',
  'FREEZE_INVALID',
  'FREEZE_AFTER_EXPIRY',
  'NOT_FROZEN',
  'MEMBER_DEACTIVATED',
  'MEMBER_FROZEN',
  'FREE_CARD_NEEDS_AUTHORIZATION',
  'VISITOR_ALREADY_SOLD',
  'IMPORT_JOB_UNKNOWN',
  'IMPORT_FILE_INVALID',
  'IMPORT_HAS_DUPLICATES',
  'IMPORT_MAPPING_INVALID',
  'IMPORT_HAS_PROBLEMS',
  'BACKUP_NOT_FOUND',
  'LAST_MANAGER',
  'RATE_LIMITED',
  'PAYMENT_MISMATCH',
  'CASH_TENDERED_SHORT',
  'STORED_VALUE_INSUFFICIENT',
  'STORED_VALUE_GUEST',
  'NOTHING_TO_PAY',
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
] as const;

export const ERROR_CODES = [
  ...KERNEL_ERROR_CODES,
  ...LEGACY_ERROR_CODES,
  ...CHECKIN_ERROR_CODES,
  ...BAR_ERROR_CODES,
  ...SHIFT_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export { AppError, isAppError, toAppError, type AppErrorShape, type ErrorParams } from './kernel/errors';
