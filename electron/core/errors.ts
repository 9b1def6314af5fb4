/**
 * Structured errors: a stable code plus parameters. The renderer translates the code into the
 * user's language; the core never sends free text meant for the user.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_OPERATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PIN_WRONG',
  'STAFF_LOCKED',
  'STAFF_INACTIVE',
  'ALREADY_SET_UP',
  'NOT_SET_UP',
  'DATABASE_BROKEN',
  'DATABASE_TOO_NEW',
  'DATABASE_READONLY',
  'DISK_FULL',
  'CARD_NO_TAKEN',
  'CARD_TYPE_NAME_TAKEN',
  'CARD_TYPE_IN_USE',
  'MEMBER_UNKNOWN_CARD',
  'CHECKIN_BLOCKED',
  'OVERRIDE_NOT_ALLOWED',
  'OVERRIDE_REASON_REQUIRED',
  'TAG_UNKNOWN',
  'TAG_IN_USE',
  'TAG_NOT_AVAILABLE',
  'NO_FREE_TAG',
  'TAG_NUMBER_TAKEN',
  'TAG_NOT_ISSUED',
  'VISIT_CLOSED',
  'VISIT_NOT_FOUND',
  'ALREADY_INSIDE',
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
  'TAB_UNPAID',
  'PAYMENT_MISMATCH',
  'CASH_TENDERED_SHORT',
  'STORED_VALUE_INSUFFICIENT',
  'STORED_VALUE_GUEST',
  'NOTHING_TO_PAY',
  'LINE_NOT_CORRECTABLE',
  'LINE_VOIDED',
  'CORRECTION_WINDOW_PASSED',
  'VOID_NEEDS_MANAGER',
  'CASH_BACK_NEEDS_MANAGER',
  'BAR_ITEM_NAME_TAKEN',
  'BAR_ITEM_INACTIVE',
  'RANGE_INVALID',
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
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number | boolean | null | readonly unknown[]>;

export interface AppErrorShape {
  code: ErrorCode;
  params: ErrorParams;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /**
   * Work that must persist even though the operation fails and its transaction is rolled back
   * (e.g. counting a wrong PIN). The dispatcher runs it after the rollback.
   */
  afterRollback?: () => void;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, params: this.params };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Map a low-level error (SQLite, file system) to a structured one; never leak raw messages. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const code =
    typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (
    code === 'SQLITE_READONLY' ||
    code.startsWith('SQLITE_READONLY_') ||
    code === 'EROFS' ||
    code === 'EACCES'
  ) {
    return new AppError('DATABASE_READONLY');
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('DISK_FULL');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new AppError('DATABASE_BROKEN');
  return new AppError('INTERNAL');
}
