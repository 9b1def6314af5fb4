/**
 * The first-run setup, the demo club, and backups made and restored by hand. (The daily backup and
 * the opening of the file are the Core's: app.ts; the backup files themselves are db/backups.ts's.
 * The status is answered by the Core too.)
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  backupDir,
  checkBackupFile,
  createBackup,
  infoOf,
  listBackups,
  resolveBackup,
  restoreFile,
} from '../../db/backups';
import { nativeBindingOption } from '../../db/database';
import { type Actor, type HandlersOf, writeAudit } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { MANAGERS } from '../../kernel/roles';
import type { AttemptWindow } from '../../kernel/sessions';
import { isSetUp, readSettings, writeSettings } from '../settings';
import { insertStaff, pinMatches } from '../staff';
import { seedTags } from '../tags';
import type { systemContract } from './contract';
import { createDemoClub } from './demo';
import { lostFromDamaged, lostFromLive } from './lost';
import { backupStaff } from './queries';

/** Every system operation but the statuses, which the Core answers itself. */
export const systemHandlers: HandlersOf<Omit<typeof systemContract, 'system.status' | 'backups.status'>> = {
  'system.setup': (ctx, a) => {
    if (isSetUp(ctx.db)) throw new AppError('ALREADY_SET_UP');
    writeSettings(ctx.db, {
      clubName: a.clubName,
      timeZone: a.timeZone,
      language: a.language,
      staffArriveTime: a.staffArriveTime,
      openTime: a.openTime,
      closeTime: a.closeTime,
    });
    const manager = insertStaff(ctx.db, { ...a.manager, role: 'store_manager' }, ctx.nowIso());
    seedTags(ctx.db, a.tagCount, ctx.nowIso());
    writeAudit(ctx.db, { id: manager.id, name: manager.name, role: manager.role }, ctx.nowIso(), {
      op: 'system.setup',
      entity: 'club',
      after: { clubName: a.clubName, timeZone: a.timeZone, tagCount: a.tagCount },
    });
    return { ok: true as const };
  },

  'system.createDemo': (ctx, a) => {
    if (isSetUp(ctx.db)) throw new AppError('ALREADY_SET_UP');
    return createDemoClub(ctx.db, { language: a.language, now: ctx.now() });
  },

  'backups.list': (ctx) => listBackups(ctx.dataDir),

  'backups.create': async (ctx, _a, env) => {
    const b = await createBackup(ctx.db, env.files.dataDir, 'manual', ctx.now());
    ctx.audit({ op: 'backups.create', entity: 'backup', entityId: b.file });
    return b;
  },

  /**
   * Made before the current file is replaced: a 'pre-restore' backup (if it cannot be made, nothing
   * is restored), which never prunes the backup being restored. Whatever happens, the database is
   * opened again: a failed restore leaves the desk on the file it had.
   */
  'backups.restore': async (ctx, a, env) => {
    const { files } = env;
    const full = resolveBackup(files.dataDir, a.file);
    checkBackupFile(full);
    let actor: Actor | null = ctx.actor;
    const writer = files.writer();
    const wasBroken = !writer;
    if (!writer) {
      // Broken database: a manager known to the backup authorises the restore.
      if (!a.authorization) throw new AppError('UNAUTHENTICATED');
      actor = verifyAgainstBackup(
        full,
        a.authorization.staffId,
        a.authorization.pin,
        files.restoreTries,
        ctx.now(),
      );
    } else {
      if (!actor || !MANAGERS.includes(actor.role))
        throw new AppError('FORBIDDEN', { op: 'backups.restore' });
      await createBackup(writer, files.dataDir, 'pre-restore', ctx.now(), [a.file]);
      files.close();
    }
    try {
      await restoreFile(files.dbFile, full, wasBroken, ctx.now());
    } finally {
      env.sessions.clear();
      await files.reopen();
    }
    const db = files.writer();
    if (db)
      writeAudit(db, actor, ctx.nowIso(), { op: 'backups.restore', entity: 'backup', entityId: a.file });
    return { ok: true as const };
  },

  'backups.setSecondFolder': async (ctx, a, env) => {
    const folder = a.folder === '' ? '' : await usableFolder(a.folder, env.files.dataDir);
    const before = ctx.settings.secondBackupDir;
    if (folder !== before)
      env.transaction(() => {
        writeSettings(ctx.db, { secondBackupDir: folder });
        ctx.audit({
          op: 'backups.setSecondFolder',
          entity: 'settings',
          before: { secondBackupDir: before },
          after: { secondBackupDir: folder },
        });
      });
    env.announce();
    // the copy (maybe minutes to a network share) goes on in the background; the status shows it
    void env.files.backups.runDue();
    return env.files.backups.health();
  },

  'backups.lost': async (ctx, a, env) => {
    const { files } = env;
    const full = resolveBackup(files.dataDir, a.file);
    checkBackupFile(full);
    const info = infoOf(backupDir(files.dataDir), a.file)!;
    const writer = files.writer();
    if (!writer) {
      if (!a.authorization) throw new AppError('UNAUTHENTICATED');
      verifyAgainstBackup(full, a.authorization.staffId, a.authorization.pin, files.restoreTries, ctx.now());
      // the damaged file's settings may be unreadable: the backup's say how the club words time
      const s = settingsOfFile(full);
      return lostFromDamaged(files.dbFile, full, info, s.timeZone, a.language ?? s.language);
    }
    const r = lostFromLive(writer, full, info, ctx.settings.timeZone, a.language ?? ctx.settings.language);
    env.transaction(() =>
      ctx.audit({
        op: 'backups.lost',
        entity: 'backup',
        entityId: a.file,
        detail: `${r.operations.length} operations after the backup`,
      }),
    );
    return r;
  },
};

/** The club's settings as a backup file holds them. */
function settingsOfFile(file: string) {
  const b = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
  try {
    return readSettings(b);
  } finally {
    b.close();
  }
}

/**
 * A second backup folder must be an absolute path to an existing folder outside the data folder that
 * takes a file (written and removed at once).
 */
async function usableFolder(raw: string, dataDir: string): Promise<string> {
  const unusable = (reason: string) => new AppError('BACKUP_FOLDER_UNUSABLE', { reason });
  if (!path.isAbsolute(raw)) throw unusable('NOT_ABSOLUTE');
  const folder = path.resolve(raw);
  const rel = path.relative(path.resolve(dataDir), folder);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) throw unusable('INSIDE_DATA_FOLDER');
  try {
    if (!(await fs.promises.stat(folder)).isDirectory()) throw unusable('FOLDER_MISSING');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unusable('FOLDER_MISSING');
  }
  const probe = path.join(folder, `.frontdesk-probe-${process.pid}-${Date.now()}`);
  try {
    await fs.promises.writeFile(probe, 'front desk');
  } catch {
    throw unusable('FOLDER_UNWRITABLE');
  } finally {
    await fs.promises.rm(probe, { force: true });
  }
  return folder;
}

/**
 * In the broken state nobody can log in, so a manager of the backup being restored authorises it
 * with their PIN (their staff id is optional: any active manager's PIN in that backup will do).
 * Five wrong PINs within five minutes pause further tries.
 */
function verifyAgainstBackup(
  file: string,
  staffId: number | undefined,
  pin: string,
  tries: AttemptWindow,
  now: Date,
): Actor {
  const nowMs = now.getTime();
  tries.guard(nowMs);
  const b = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
  try {
    const row = backupStaff(b, staffId).find(
      (r) =>
        r.active === 1 && (staffId !== undefined || MANAGERS.includes(r.role)) && pinMatches(pin, r.pin_hash),
    );
    if (!row) {
      tries.fail(nowMs);
      throw new AppError('PIN_WRONG', { attemptsLeft: -1 });
    }
    if (!MANAGERS.includes(row.role)) throw new AppError('FORBIDDEN', { op: 'backups.restore' });
    return { id: row.id, name: row.name, role: row.role };
  } finally {
    b.close();
  }
}
