/**
 * The system area's values and result types: the status every window asks for first, a backup as
 * the contract shows it, what the demo club answers, and the error codes the area throws. No zod
 * here: the renderer imports these (through electron/core/contract) without the schemas.
 */
import type { Language } from '../../contract/types';
import type { Role } from '../../kernel/roles';

/** ALREADY_SET_UP: setup or demo on a club already set up; BACKUP_NOT_FOUND: db/backups.ts's resolveBackup. */
export const SYSTEM_ERROR_CODES = ['ALREADY_SET_UP', 'BACKUP_NOT_FOUND'] as const;

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
