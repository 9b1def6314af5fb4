import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DB } from './database';
import { BACKUP_DIR, nativeBindingOption } from './database';
import { AppError } from '../errors';
import type { BackupInfo } from '../areas/system/types';

export const KEEP_BACKUPS = 14;

export type BackupReason = 'daily' | 'pre-migration' | 'manual' | 'pre-restore' | 'day-close';

const NAME_RE = /^frontdesk-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite3$/;

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '').replace('Z', 'Z');
}

function parseStamp(s: string): string {
  // 20261122T130500123Z -> 2026-11-22T13:05:00.123Z
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** Online backup (SQLite's backup API) of a live database into the data folder's backups. */
export async function createBackup(
  db: DB,
  dataDir: string,
  reason: BackupReason,
  now: Date,
): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = `frontdesk-${stamp(now)}-${reason}.sqlite3`;
  const full = path.join(dir, file);
  const tmp = `${full}.partial`;
  await db.backup(tmp);
  fs.renameSync(tmp, full);
  pruneBackups(dataDir);
  return { file, createdAt: now.toISOString(), reason, sizeBytes: fs.statSync(full).size };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const f of fs.readdirSync(dir)) {
    const m = NAME_RE.exec(f);
    if (!m) continue;
    out.push({
      file: f,
      createdAt: parseStamp(m[1]!),
      reason: m[2]!,
      sizeBytes: fs.statSync(path.join(dir, f)).size,
    });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function pruneBackups(dataDir: string, keep = KEEP_BACKUPS): void {
  const all = listBackups(dataDir);
  for (const b of all.slice(keep)) fs.rmSync(path.join(backupDir(dataDir), b.file), { force: true });
}

/** Resolves a backup file name safely (no path traversal) and checks it is a sound database. */
export function resolveBackup(dataDir: string, file: string): string {
  if (!NAME_RE.test(file)) throw new AppError('BACKUP_NOT_FOUND');
  const full = path.join(backupDir(dataDir), file);
  if (!fs.existsSync(full)) throw new AppError('BACKUP_NOT_FOUND');
  return full;
}

export function checkBackupFile(full: string): void {
  let db: DB | undefined;
  try {
    db = new Database(full, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new AppError('DATABASE_BROKEN', { detail: 'backup' });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('DATABASE_BROKEN', { detail: 'backup' });
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database file with a backup. The caller must have closed the live database.
 * The WAL and shared-memory files of the replaced database are removed so they cannot be replayed
 * over the restored copy.
 */
/**
 * Puts a backup in place of the database file. With `keepDamaged` (the database could not be
 * opened) the unreadable file and its WAL are kept beside it, renamed, never deleted.
 */
export function restoreFile(dbFile: string, backupFull: string, keepDamaged = false, now = new Date()): void {
  checkBackupFile(backupFull);
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFull, tmp);
  const keep = `${dbFile}.damaged-${stamp(now)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (suffix === '') continue;
    if (keepDamaged && fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, keep + suffix);
    else fs.rmSync(dbFile + suffix, { force: true });
  }
  if (keepDamaged && fs.existsSync(dbFile)) fs.copyFileSync(dbFile, keep);
  fs.renameSync(tmp, dbFile);
}
