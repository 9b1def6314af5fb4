/**
 * Structured errors: a stable code plus parameters. The renderer translates the code into the
 * user's language; the core never sends free text meant for the user.
 *
 * Each area exports its own codes (`CHECKIN_ERROR_CODES` in areas/checkin/contract.ts); the full
 * list is composed in ../errors.ts. These are the kernel's own: the dispatcher's and the database's.
 */
import type { ErrorCode } from '../errors';

export const KERNEL_ERROR_CODES = [
  'VALIDATION',
  /** Too many wrong PINs in a row (kernel/sessions.ts), or too many requests (the loopback server). */
  'RATE_LIMITED',
  /** Too many wrong PINs from this client (this computer, this window, this device): kernel/clients.ts. */
  'CLIENT_LOCKED',
  'UNKNOWN_OPERATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RANGE_INVALID',
  'NOT_SET_UP',
  'DATABASE_BROKEN',
  'DATABASE_TOO_NEW',
  'DATABASE_READONLY',
  'DISK_FULL',
  'INTERNAL',
] as const;

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

/** The SQLite or file-system error code of a low-level error ('' for anything else). */
export function lowLevelCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
}

/** Map a low-level error (SQLite, file system) to a structured one; never leak raw messages. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const code = lowLevelCode(e);
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
