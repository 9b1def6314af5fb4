/**
 * The system area's values and result types: the status every window asks for first, a backup as
 * the contract shows it, what the demo club answers, and the error codes the area throws. No zod
 * here: the renderer imports these (through electron/core/contract) without the schemas.
 */
import type { Language } from '../../contract/types';
import type { Role } from '../../kernel/roles';

/**
 * ALREADY_SET_UP: setup or demo on a club already set up; BACKUP_NOT_FOUND: db/backups.ts's
 * resolveBackup; BACKUP_FAILED {reason}: a backup could not be made (reason: BACKUP_FAILURES);
 * BACKUP_FOLDER_UNUSABLE {reason}: the second backup folder chosen cannot take backups.
 */
export const SYSTEM_ERROR_CODES = [
  'ALREADY_SET_UP',
  'BACKUP_NOT_FOUND',
  'BACKUP_FAILED',
  'BACKUP_FOLDER_UNUSABLE',
] as const;

/** Why a backup failed (BACKUP_FAILED's reason, BackupPlace.lastError.reason). */
export const BACKUP_FAILURES = [
  'DISK_FULL',
  'FOLDER_UNWRITABLE',
  'FOLDER_MISSING',
  'COPY_MISMATCH',
  'COPY_DAMAGED',
  'OTHER',
] as const;
export type BackupFailure = (typeof BACKUP_FAILURES)[number];

/** One place backups go to: the data folder's backups, or the second folder. */
export interface BackupPlace {
  folder: string;
  /** The newest good (checked) copy there; null: none. */
  newestAt: string | null;
  newestFile: string | null;
  /** The last attempt failed (cleared by the next success). */
  lastError: { at: string; reason: BackupFailure } | null;
  /** When the next try is due after a failure. */
  retryAt: string | null;
  /** No failure and the newest copy is recent (BACKUP_STALE_MS). */
  ok: boolean;
}

/** Backups as the top bar, the settings and the shift handover show them. */
export interface BackupHealth {
  /** Automatic backups run (they do while the app is open). */
  automatic: boolean;
  local: BackupPlace;
  /** null: no second folder chosen. */
  second: BackupPlace | null;
  /** Something needs attention (a failure or a copy too old in either place). */
  warning: boolean;
}

/** An operation the audit log of the current (or damaged) file holds after the backup was made. */
export interface LostOperation {
  id: number;
  at: string;
  staffName: string | null;
  op: string;
  entity: string | null;
  entityId: string | null;
  detail: string | null;
  /** What it recorded (JSON as stored, may be cut short). */
  after: string | null;
}

/** What restoring a backup would lose: the operations recorded after it. */
export interface LostReport {
  file: string;
  backupAt: string;
  /** 'live': read from the working database; 'damaged': from a copy of the damaged file. */
  source: 'live' | 'damaged';
  /** false: part of the damaged file could not be read (some operations may be missing). */
  complete: boolean;
  operations: LostOperation[];
  /** The same list as a CSV file (UTF-8 with BOM) for a spreadsheet. */
  csv: string;
  csvName: string;
}

export interface SystemStatus {
  state: 'setup' | 'ready' | 'broken';
  clubName: string | null;
  language: Language | null;
  timeZone: string | null;
  /** For state 'broken': DATABASE_BROKEN, DATABASE_TOO_NEW, DATABASE_READONLY … */
  problem: string | null;
  schemaVersion: number;
  dataDir: string;
}

/** A backup file in the data folder's backups (made and read by db/backups.ts). */
export interface BackupInfo {
  file: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
}

/** The demo club was created: its staff with their PINs (the first-run screen shows them). */
export interface DemoResult {
  ok: true;
  staff: { name: string; role: Role; pin: string }[];
}
