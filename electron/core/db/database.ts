import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations as allMigrations, type Migration } from '../../../db';
import { AppError } from '../errors';

export type { DB };

export const DB_FILE = 'frontdesk.sqlite3';
export const BACKUP_DIR = 'backups';

export interface OpenOptions {
  /** Called with the old version before any migration runs, so a backup can be made. */
  beforeMigrate?: (db: DB, fromVersion: number, toVersion: number) => void;
  migrations?: readonly Migration[];
  /** false: only check the version (callers that back up asynchronously first, then migrate). */
  runMigrations?: boolean;
  readonly?: boolean;
  /**
   * How thoroughly to check the file before use. 'full': `PRAGMA quick_check` (reads every page:
   * about 2 s for a one-year club of 500 MB). 'auto' (default): full after an unclean shutdown (the
   * write-ahead log was left behind), otherwise a light check that reads the schema and the first
   * page of every table. Corruption met later is still caught: SQLITE_CORRUPT puts the core into its
   * broken state, and every backup copy is quick-checked when it is made.
   */
  check?: 'full' | 'auto';
}

/** Whether the last connection to the file ended without closing it (power cut, crash, kill). */
export function wasUncleanShutdown(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** Reads the schema and the first page of every table: catches a damaged header or root page. */
function lightCheck(db: DB): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  for (const t of tables) db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}" LIMIT 1`).all();
}

export function applyPragmas(db: DB): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs the migrations the database has not seen yet, each in its own transaction together with
 * the `user_version` bump. Refuses a database written by a newer app.
 */
export function migrate(
  db: DB,
  migrations: readonly Migration[],
  beforeMigrate?: OpenOptions['beforeMigrate'],
) {
  const current = schemaVersion(db);
  const target = migrations.length;
  if (current > target) {
    throw new AppError('DATABASE_TOO_NEW', { found: current, supported: target });
  }
  if (current === target) return;
  beforeMigrate?.(db, current, target);
  for (const m of migrations) {
    if (m.version <= current) continue;
    const fkOff = m.foreignKeysOff === true;
    if (fkOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (fkOff) {
          const bad = db.pragma('foreign_key_check') as unknown[];
          if (bad.length > 0)
            throw new Error(`migration ${m.version} (${m.name}) broke ${bad.length} foreign key(s)`);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (fkOff) db.pragma('foreign_keys = ON');
    }
  }
}

/**
 * Opens (creating if needed) the club's database: pragmas, the check (see OpenOptions.check),
 * migrations. A file that is not a database or fails the check throws DATABASE_BROKEN; it is never
 * recreated.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): DB {
  const migrations = opts.migrations ?? allMigrations;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // before the connection touches the log
  const full = opts.check === 'full' || wasUncleanShutdown(file);
  let db: DB;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, ...nativeBindingOption() });
  } catch (e) {
    throw brokenOrFs(e);
  }
  try {
    if (!opts.readonly) applyPragmas(db);
    if (full) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new AppError('DATABASE_BROKEN', { detail: String(check).slice(0, 200) });
    } else {
      lightCheck(db);
    }
    if (!opts.readonly && opts.runMigrations !== false) migrate(db, migrations, opts.beforeMigrate);
    else if (schemaVersion(db) > migrations.length) {
      throw new AppError('DATABASE_TOO_NEW', { found: schemaVersion(db), supported: migrations.length });
    }
    return db;
  } catch (e) {
    db.close();
    throw brokenOrFs(e);
  }
}

/**
 * The read-only handle: a second connection to the same file (the writer opened and migrated it,
 * so it is in WAL mode and its shared memory exists). Every write on it fails with SQLITE_READONLY.
 */
export function openReadOnly(file: string): DB {
  let db: DB;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
  } catch (e) {
    throw brokenOrFs(e);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (e) {
    db.close();
    throw brokenOrFs(e);
  }
}

function brokenOrFs(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('DATABASE_BROKEN', { detail: code });
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EACCES' ||
    code === 'EROFS'
  ) {
    return new AppError('DATABASE_READONLY', { detail: code });
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('DISK_FULL');
  return e;
}

/**
 * Electron loads a better-sqlite3 build made for its own ABI (npm start puts it in
 * build/native/electron and names it here); plain Node uses the package's default build.
 */
export function nativeBindingOption(): { nativeBinding?: string } {
  const p = process.env.FRONTDESK_NATIVE_BINDING;
  return p ? { nativeBinding: p } : {};
}
