/**
 * Backup sets in a backup folder (the data folder's `backups/`, or the second folder a manager chose):
 *
 *   <folder>/frontdesk-<stamp>-<reason>.sqlite3   the database, an online copy (SQLite's backup API),
 *                                                 quick-checked before it gets its name
 *   <folder>/attachments/<sha256>                 the incident attachments the copies refer to
 *
 * Attachments are immutable and named by their content's hash, so the folder keeps one shared store
 * of them: a set copies only the files the store does not hold yet (each copy checked against its
 * hash), and restoring a set puts back every file its database refers to. Copies, not hard links:
 * a hard link would share the live file, so damage to it would reach the backup too, and it cannot
 * reach another disk. The store is never pruned (the live attachments folder never is either).
 *
 * Retention is per reason, so manual backups never push automatic ones out, and a restore never
 * prunes the backup it restores (`protect`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DB } from './database';
import { BACKUP_DIR, nativeBindingOption } from './database';
import { AppError, lowLevelCode } from '../kernel/errors';
import type { BackupFailure, BackupInfo } from '../areas/system/types';

export type BackupReason = 'daily' | 'hourly' | 'pre-migration' | 'manual' | 'pre-restore' | 'day-close';

/** How many backups of each reason a folder keeps. */
export const KEEP_BACKUPS: Record<BackupReason, number> = {
  hourly: 12,
  daily: 14,
  'day-close': 14,
  manual: 14,
  'pre-restore': 5,
  'pre-migration': 5,
};

/** The attachments of the live data folder and of each backup folder. */
export const ATTACHMENT_DIR = 'attachments';

const NAME_RE = /^frontdesk-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite3$/;
const HASH_RE = /^[0-9a-f]{64}$/;

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  // 20261122T130500123Z -> 2026-11-22T13:05:00.123Z
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** Why a backup could not be made, in words the desk can act on. */
export function backupFailure(e: unknown): BackupFailure {
  if (e instanceof AppError && e.code === 'BACKUP_FAILED') return e.params.reason as BackupFailure;
  const code = lowLevelCode(e);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return 'DISK_FULL';
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'EHOSTDOWN' || code === 'ENETUNREACH')
    return 'FOLDER_MISSING';
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code === 'EEXIST' ||
    code === 'ENOTDIR' ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR')
  )
    return 'FOLDER_UNWRITABLE';
  return 'OTHER';
}

/** Removes a leftover; a folder that cannot be read is the failure already being reported. */
function tryRm(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // reported by the caller's own failure
  }
}

export function fileHash(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('error', reject)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** The attachment hashes a database refers to (none before the incidents migration). */
export function attachmentHashes(db: DB): string[] {
  const has = db
    .prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'incident_attachments'",
    )
    .get();
  if (!has?.n) return [];
  return db
    .prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM incident_attachments')
    .all()
    .map((r) => r.sha256)
    .filter((h) => HASH_RE.test(h));
}

function attachmentHashesOfFile(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
  try {
    return attachmentHashes(db);
  } finally {
    db.close();
  }
}

/**
 * Copies the attachment `hash` from one store to another unless the target holds a sound copy; the
 * copy is checked against the hash before it gets its name. Answers false when the source has no
 * sound copy (nothing is written then).
 */
async function copyAttachment(
  fromDir: string,
  toDir: string,
  hash: string,
  verifyExisting: boolean,
): Promise<boolean> {
  const target = path.join(toDir, hash);
  // a backup store's files got their names only once checked: there, being present is enough
  if (fs.existsSync(target) && (!verifyExisting || (await fileHash(target)) === hash)) return true;
  const source = path.join(fromDir, hash);
  if (!fs.existsSync(source) || (await fileHash(source)) !== hash) return false;
  fs.mkdirSync(toDir, { recursive: true });
  const tmp = `${target}.partial`;
  try {
    await fs.promises.copyFile(source, tmp);
    if ((await fileHash(tmp)) !== hash) throw new AppError('BACKUP_FAILED', { reason: 'COPY_MISMATCH' });
    fs.renameSync(tmp, target);
  } finally {
    tryRm(tmp);
  }
  return true;
}

/** Copies the attachments into a store; answers the hashes that had no sound source. */
async function copyAttachments(
  fromDir: string,
  toDir: string,
  hashes: string[],
  verifyExisting = false,
): Promise<string[]> {
  const missing: string[] = [];
  for (const h of hashes) if (!(await copyAttachment(fromDir, toDir, h, verifyExisting))) missing.push(h);
  return missing;
}

export function infoOf(folder: string, file: string): BackupInfo | null {
  const m = NAME_RE.exec(file);
  if (!m) return null;
  return {
    file,
    createdAt: parseStamp(m[1]!),
    reason: m[2]!,
    sizeBytes: fs.statSync(path.join(folder, file)).size,
  };
}

/**
 * Online backup (SQLite's backup API) of the live database into the data folder's backups, with
 * the attachments it refers to. The copy is quick-checked before it gets its name: a damaged copy
 * is never offered for a restore (BACKUP_FAILED with reason COPY_DAMAGED: the caller decides
 * whether the original is damaged too). Nothing is left behind when it fails.
 */
export async function createBackup(
  db: DB,
  dataDir: string,
  reason: BackupReason,
  now: Date,
  protect: readonly string[] = [],
): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  const file = `frontdesk-${stamp(now)}-${reason}.sqlite3`;
  const full = path.join(dir, file);
  const tmp = `${full}.partial`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    tryRm(tmp);
    await db.backup(tmp);
    try {
      checkBackupFile(tmp);
    } catch {
      throw new AppError('BACKUP_FAILED', { reason: 'COPY_DAMAGED' });
    }
    const missing = await copyAttachments(
      path.join(dataDir, ATTACHMENT_DIR),
      path.join(dir, ATTACHMENT_DIR),
      attachmentHashesOfFile(tmp),
    );
    if (missing.length) console.error(`[backup] ${missing.length} attachment(s) missing or damaged`);
    fs.renameSync(tmp, full);
  } catch (e) {
    tryRm(tmp);
    if (e instanceof AppError) throw e;
    throw new AppError('BACKUP_FAILED', { reason: backupFailure(e) });
  }
  pruneBackups(dir, [file, ...protect]);
  return infoOf(dir, file)!;
}

/** The backups in a folder (the data folder's by default), newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  return listFolder(backupDir(dataDir));
}

export function listFolder(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const f of names) {
    try {
      const b = infoOf(dir, f);
      if (b) out.push(b);
    } catch {
      // removed meanwhile
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Keeps the newest backups of each reason (KEEP_BACKUPS); never removes the `protect`ed files. */
export function pruneBackups(dir: string, protect: readonly string[] = []): void {
  const seen = new Map<string, number>();
  for (const b of listFolder(dir)) {
    const n = (seen.get(b.reason) ?? 0) + 1;
    seen.set(b.reason, n);
    const keep = KEEP_BACKUPS[b.reason as BackupReason] ?? 14;
    if (n > keep && !protect.includes(b.file)) tryRm(path.join(dir, b.file));
  }
}

/** Resolves a backup file name safely (no path traversal). */
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
 * Copies a backup set (the database file and its attachments) into another folder, verified: the
 * copy's hash must equal the original's (which was quick-checked when it was made) before the copy
 * gets its name. Prunes that folder as the data folder is pruned.
 */
export async function copySetTo(dataDir: string, file: string, toDir: string): Promise<BackupInfo> {
  const from = resolveBackup(dataDir, file);
  const target = path.join(toDir, file);
  const tmp = `${target}.partial`;
  try {
    if (!fs.statSync(toDir).isDirectory()) throw new AppError('BACKUP_FAILED', { reason: 'FOLDER_MISSING' });
    await copyAttachments(
      path.join(backupDir(dataDir), ATTACHMENT_DIR),
      path.join(toDir, ATTACHMENT_DIR),
      attachmentHashesOfFile(from),
    );
    const [expected] = await Promise.all([fileHash(from), fs.promises.copyFile(from, tmp)]);
    if ((await fileHash(tmp)) !== expected) throw new AppError('BACKUP_FAILED', { reason: 'COPY_MISMATCH' });
    fs.renameSync(tmp, target);
  } catch (e) {
    tryRm(tmp);
    if (e instanceof AppError) throw e;
    throw new AppError('BACKUP_FAILED', { reason: backupFailure(e) });
  }
  pruneBackups(toDir, [file]);
  return infoOf(toDir, file)!;
}

/**
 * Puts a backup in place of the database file. The caller must have closed the live database.
 * The WAL and shared-memory files of the replaced database are removed so they cannot be replayed
 * over the restored copy; with `keepDamaged` (the database could not be opened) the unreadable file
 * and its WAL are kept beside it, renamed, never deleted. The attachments the backup refers to are
 * put back from the backup folder's store when the data folder lacks a sound copy.
 */
export async function restoreFile(
  dbFile: string,
  backupFull: string,
  keepDamaged = false,
  now = new Date(),
): Promise<void> {
  checkBackupFile(backupFull);
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFull, tmp);
  const keep = `${dbFile}.damaged-${stamp(now)}`;
  for (const suffix of ['-wal', '-shm']) {
    if (keepDamaged && fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, keep + suffix);
    else fs.rmSync(dbFile + suffix, { force: true });
  }
  if (keepDamaged && fs.existsSync(dbFile)) fs.copyFileSync(dbFile, keep);
  fs.renameSync(tmp, dbFile);
  const missing = await copyAttachments(
    path.join(path.dirname(backupFull), ATTACHMENT_DIR),
    path.join(path.dirname(dbFile), ATTACHMENT_DIR),
    attachmentHashesOfFile(dbFile),
    true,
  );
  if (missing.length) console.error(`[restore] ${missing.length} attachment(s) not in the backup`);
}
