/**
 * The first-run setup, the demo club, and backups made and restored by hand. (The daily backup and
 * the opening of the file are the Core's: app.ts; the backup files themselves are db/backups.ts's.
 * The status is answered by the Core too.)
 */
import Database from 'better-sqlite3';
import { checkBackupFile, createBackup, listBackups, resolveBackup, restoreFile } from '../../db/backups';
import { nativeBindingOption } from '../../db/database';
import { type Actor, type HandlersOf, writeAudit } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { MANAGERS } from '../../kernel/roles';
import type { AttemptWindow } from '../../kernel/sessions';
import { isSetUp, writeSettings } from '../settings';
import { insertStaff, pinMatches } from '../staff';
import { seedTags } from '../tags';
import type { systemContract } from './contract';
import { createDemoClub } from './demo';
import { backupStaff } from './queries';

/** Every system operation but the status, which the Core answers itself. */
export const systemHandlers: HandlersOf<Omit<typeof systemContract, 'system.status'>> = {
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
      await createBackup(writer, files.dataDir, 'pre-restore', ctx.now());
      files.close();
    }
    restoreFile(files.dbFile, full, wasBroken, ctx.now());
    env.sessions.clear();
    await files.reopen();
    const db = files.writer();
    if (db)
      writeAudit(db, actor, ctx.nowIso(), { op: 'backups.restore', entity: 'backup', entityId: a.file });
    return { ok: true as const };
  },
};

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
