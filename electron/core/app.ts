/**
 * The core: plain TypeScript, no Electron. Owns the database, the staff sessions and the
 * dispatcher that every transport (Electron IPC, the loopback server, tests) calls.
 *
 *   core.call(sessionId, 'checkin.scan', args)  →  { ok: true, data } | { ok: false, error }
 *
 * The dispatcher validates the arguments with the contract's zod schema, checks the session and
 * the role, runs the handler inside one transaction (with the audit entries it writes), and turns
 * every failure into a structured error. It never throws.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type z } from 'zod';
import { SCHEMA_VERSION } from '../../db';
import type { Clock } from './clock';
import { systemClock } from './clock';
import {
  contract,
  type OpName,
  type OpResult,
  type Response,
  type SessionInfo,
  type Settings,
  type SystemStatus,
} from './contract';
import { type Actor, type Ctx, type Handlers, handlers, makeCtx, writeAudit } from './context';
import { type DB, DB_FILE, migrate, nativeBindingOption, openDatabase, schemaVersion } from './db/database';
import { migrations } from '../../db';
import {
  backupDir,
  checkBackupFile,
  createBackup,
  listBackups,
  resolveBackup,
  restoreFile,
} from './db/backups';
import { AppError, toAppError } from './errors';
import { allowedOps, isAllowed, MANAGERS } from './permissions';
import { auditHandlers } from './services/audit';
import { cardTypeHandlers } from './services/cardTypes';
import { checkinHandlers } from './services/checkin';
import { createDemoClub } from './services/demo';
import { memberHandlers } from './services/members';
import { importHandlers, importPreview } from './services/memberImport';
import { barHandlers } from './services/bar';
import { paymentHandlers } from './services/payments';
import {
  DEFAULT_SETTINGS,
  isSetUp,
  readSettings,
  settingsHandlers,
  writeSettings,
} from './services/settings';
import {
  getStaffRow,
  hashPin,
  insertStaff,
  pinMatches,
  staffHandlers,
  toStaffInfo,
  verifyPin,
} from './services/staff';
import { tagHandlers, seedTags } from './services/tags';
import { incidentHandlers } from './services/incidents';
import { complaintHandlers } from './services/complaints';
import { visitorHandlers } from './services/visitors';
import { closeDayRecord, recordDayBackup, shiftHandlers } from './services/shift';
import { localDate } from '../shared/dates';
import Database, { type Transaction } from 'better-sqlite3';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  /** Make the daily backup on open (default true). */
  dailyBackup?: boolean;
}

interface Session {
  staffId: number;
  lastActive: number;
  locked: boolean;
}

/** Operations that may run while the database is broken (restore it from a backup). */
const BROKEN_OPS = new Set<OpName>(['system.status', 'backups.list', 'backups.restore']);
/** Operations that may run before the first-run setup. */
const SETUP_OPS = new Set<OpName>(['system.status', 'system.setup', 'system.createDemo']);
/** Public operations that do not count as activity nor need an unlocked session. */
const SESSIONLESS = new Set<OpName>([
  'system.status',
  'session.staffList',
  'session.current',
  'session.login',
  'session.logout',
]);

/** Operations that only read: they never announce a change. */
const READ_ONLY_NAME =
  /\.(status|staffList|current|get|list|search|photo|board|inside|today|recent|checkoutPreview|tab|items|report|reportCsv|orderList|debts|account|check|exportCsv|importPreview|importValidate|attachment|openItems|due|disputes|consultants|opening|history|charts|dayPreview|dayReport)$/;
const readOnlyMemo = new Map<string, boolean>();
function isReadOnly(name: string): boolean {
  let r = readOnlyMemo.get(name);
  if (r === undefined) readOnlyMemo.set(name, (r = READ_ONLY_NAME.test(name)));
  return r;
}

/**
 * One better-sqlite3 transaction function per connection, taking the work as its argument:
 * `db.transaction(fn)` builds four wrapped functions each time, a cost every call would pay.
 */
type TxRunner = Transaction<(work: () => unknown) => unknown>;
const txRunners = new WeakMap<DB, TxRunner>();
function txRunner(db: DB): TxRunner {
  let r = txRunners.get(db);
  if (!r) txRunners.set(db, (r = db.transaction((work: () => unknown) => work())));
  return r;
}

export interface ChangeEvent {
  op: string;
  at: string;
}

/** Operations that need the session id or do asynchronous work (backups); they manage their own transactions. */
type AsyncOp =
  | 'session.login'
  | 'session.current'
  | 'session.logout'
  | 'session.lock'
  | 'staff.update'
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
  | 'shift.closeDay'
  | 'members.importPreview';
type AsyncHandlers = {
  [K in AsyncOp]: (
    ctx: Ctx,
    args: z.output<(typeof contract)[K]['input']>,
    sessionId: string,
  ) => Promise<OpResult<K>>;
};
type SyncHandlers = Handlers<Exclude<OpName, AsyncOp>>;

export class Core {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly clock: Clock;
  private db: DB | null = null;
  /** The open database once it was seen set up (see `state`). */
  private setUpDb: DB | null = null;
  private problem: string | null = null;
  private sessions = new Map<string, Session>();
  private changeListeners = new Set<(e: ChangeEvent) => void>();

  /**
   * Tells every window (Electron) and browser (loopback server) that something changed, so the desk
   * sees a bar slip or a check-out from another counter at once. Only the operation's name is sent.
   */
  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private emitChange(op: string): void {
    const e: ChangeEvent = { op, at: this.clock.now().toISOString() };
    for (const l of this.changeListeners) {
      try {
        l(e);
      } catch {
        // a broken listener never affects the operation that already committed
      }
    }
  }
  private settingsCache: Settings | null = null;
  private readonly sync: SyncHandlers;
  private readonly async: AsyncHandlers;

  private constructor(opts: CoreOptions) {
    this.dataDir = path.resolve(opts.dataDir);
    this.dbFile = path.join(this.dataDir, DB_FILE);
    this.clock = opts.clock ?? systemClock;
    this.sync = {
      ...this.systemHandlers(),
      ...this.sessionHandlers(),
      ...settingsHandlers,
      'staff.list': staffHandlers['staff.list'],
      'staff.create': staffHandlers['staff.create'],
      ...auditHandlers,
      ...cardTypeHandlers,
      ...memberHandlers,
      ...checkinHandlers,
      ...importHandlers,
      ...barHandlers,
      ...paymentHandlers,
      ...tagHandlers,
      ...incidentHandlers,
      ...complaintHandlers,
      ...visitorHandlers,
      ...shiftHandlers,
    };
    this.async = this.asyncHandlers();
  }

  static async open(opts: CoreOptions): Promise<Core> {
    const core = new Core(opts);
    await core.openDb(opts.dailyBackup ?? true);
    return core;
  }

  /** The open database (tests and the demo generator use it directly). */
  get database(): DB {
    if (!this.db) throw new AppError('DATABASE_BROKEN');
    return this.db;
  }

  get state(): SystemStatus['state'] {
    if (!this.db) return 'broken';
    // Once set up, a database stays set up (nothing removes the club's name): asked once per opening.
    if (this.setUpDb !== this.db) {
      if (!isSetUp(this.db)) return 'setup';
      this.setUpDb = this.db;
    }
    return 'ready';
  }

  private async openDb(dailyBackup: boolean): Promise<void> {
    this.problem = null;
    this.settingsCache = null;
    try {
      const db = openDatabase(this.dbFile, { runMigrations: false });
      const from = schemaVersion(db);
      if (from < SCHEMA_VERSION) {
        if (from > 0) await createBackup(db, this.dataDir, 'pre-migration', this.clock.now());
        migrate(db, migrations);
      }
      this.db = db;
      if (dailyBackup && isSetUp(db)) await this.dailyBackup();
    } catch (e) {
      this.db = null;
      const err = toAppError(e);
      this.problem = err.code === 'INTERNAL' ? 'DATABASE_BROKEN' : err.code;
    }
  }

  /** A backup on the first start of each club-local day. */
  private async dailyBackup(): Promise<void> {
    const db = this.database;
    const tz = readSettings(db).timeZone;
    const today = localDate(this.clock.now(), tz);
    const has = listBackups(this.dataDir).some(
      (b) => b.reason === 'daily' && localDate(new Date(b.createdAt), tz) === today,
    );
    if (has) return;
    const b = await createBackup(db, this.dataDir, 'daily', this.clock.now());
    // Once a day every page is read and checked, on the copy (the desk keeps working on the original).
    const copy = path.join(backupDir(this.dataDir), b.file);
    try {
      checkBackupFile(copy);
    } catch (e) {
      // a damaged copy is never offered for a restore; the original is damaged too
      fs.rmSync(copy, { force: true });
      throw e;
    }
  }

  close(): void {
    this.db?.close();
    this.db = null;
    this.sessions.clear();
  }

  private settings(): Settings {
    if (!this.settingsCache) this.settingsCache = this.db ? readSettings(this.db) : DEFAULT_SETTINGS;
    return this.settingsCache;
  }

  /** Ends every session of a staff member (deactivated, role changed). */
  private dropSessionsOf(staffId: number): void {
    for (const [id, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(id);
  }

  // -------------------------------------------------------------------------------------------
  /** The single entry point for every transport. Never throws. */
  async call(sessionId: string, op: string, rawArgs: unknown): Promise<Response<unknown>> {
    try {
      const data = await this.dispatch(sessionId, op, rawArgs);
      return { ok: true, data };
    } catch (e) {
      const err = toAppError(e);
      if (err.code === 'INTERNAL') {
        console.error(`[core] ${op} failed:`, e);
      }
      if (err.code === 'DATABASE_BROKEN' && this.db) {
        // Damage met while working: stop using the file; the desk is offered a restore.
        console.error(`[core] ${op} met a damaged database:`, e);
        this.db.close();
        this.db = null;
        this.problem = 'DATABASE_BROKEN';
        this.sessions.clear();
      }
      return { ok: false, error: { code: err.code, params: err.params } };
    }
  }

  private async dispatch(sessionId: string, op: string, rawArgs: unknown): Promise<unknown> {
    if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(contract, op)) {
      throw new AppError('UNKNOWN_OPERATION');
    }
    const name = op as OpName;
    const schema = contract[name].input as z.ZodType;
    const parsed = schema.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      throw new AppError('VALIDATION', {
        issues: parsed.error.issues.slice(0, 10).map((i) => ({
          path: i.path.map(String).join('.'),
          code: i.code,
          message: i.message.slice(0, 100),
        })),
      });
    }
    const args = parsed.data;

    const state = this.state;
    if (state === 'broken' && !BROKEN_OPS.has(name)) {
      throw new AppError('DATABASE_BROKEN', { problem: this.problem });
    }
    if (state === 'setup' && !SETUP_OPS.has(name)) throw new AppError('NOT_SET_UP');

    // Who is calling, and may they?
    let actor: Actor | null = null;
    const session = this.sessions.get(sessionId);
    if (session && state === 'ready') {
      const row = getStaffRow(this.database, session.staffId);
      if (!row || row.active !== 1) {
        this.sessions.delete(sessionId);
      } else {
        actor = { id: row.id, name: row.name, role: row.role };
        const idleMs = this.settings().idleLockMinutes * 60_000;
        const nowMs = this.clock.now().getTime();
        if (!SESSIONLESS.has(name)) {
          if (session.locked || nowMs - session.lastActive > idleMs) {
            session.locked = true;
            throw new AppError('SESSION_LOCKED', { staffId: row.id, staffName: row.name });
          }
          session.lastActive = nowMs;
        }
      }
    }
    const access = isAllowed(name, actor?.role ?? null);
    if (!access) {
      if (!actor && !(state === 'broken' && (name === 'backups.restore' || name === 'backups.list')))
        throw new AppError('UNAUTHENTICATED');
      if (actor) throw new AppError('FORBIDDEN', { op: name });
    }

    const ctx = makeCtx({
      db: this.db!,
      clock: this.clock,
      dataDir: this.dataDir,
      settings: this.settings(),
      actor,
    });

    const asyncHandler = (this.async as Partial<Record<OpName, AsyncHandlers[AsyncOp]>>)[name];
    if (asyncHandler)
      return await (asyncHandler as (c: Ctx, a: unknown, s: string) => Promise<unknown>)(
        ctx,
        args,
        sessionId,
      );

    const handler = (this.sync as unknown as Record<string, (c: Ctx, a: unknown) => unknown>)[name]!;
    // Status is read-only and must answer even when there is no usable database.
    if (name === 'system.status') return handler(ctx, args);
    const opId = (args as { opId?: string }).opId;
    const db = this.database;
    try {
      // A change runs in an IMMEDIATE transaction: it holds the write lock from its first read, so a
      // decision and what it updates (a rotation turn, a tag) cannot interleave with another writer.
      const work = () => {
        if (opId) {
          const prev = db.prepare('SELECT op, result_json FROM op_results WHERE op_id = ?').get(opId) as
            { op: string; result_json: string } | undefined;
          if (prev) {
            if (prev.op !== name) throw new AppError('CONFLICT', { reason: 'opId' });
            return JSON.parse(prev.result_json) as unknown;
          }
        }
        const r = handler(ctx, args);
        if (opId) {
          db.prepare(
            'INSERT INTO op_results (op_id, op, staff_id, result_json, at) VALUES (?, ?, ?, ?, ?)',
          ).run(opId, name, actor?.id ?? null, JSON.stringify(r ?? null), ctx.nowIso());
        }
        return r;
      };
      const readOnly = isReadOnly(name);
      const tx = txRunner(db);
      const result = readOnly ? tx(work) : tx.immediate(work);
      if (name === 'settings.update' || name === 'system.setup' || name === 'system.createDemo')
        this.settingsCache = null;
      if (!readOnly) this.emitChange(name);
      return result;
    } catch (e) {
      if (e instanceof AppError && e.afterRollback) e.afterRollback();
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------
  private systemHandlers() {
    return handlers({
      'system.status': (): SystemStatus => {
        const s = this.db && isSetUp(this.db) ? this.settings() : null;
        return {
          state: this.state,
          clubName: s?.clubName ?? null,
          language: s?.language ?? null,
          timeZone: s?.timeZone ?? null,
          problem: this.problem,
          schemaVersion: this.db ? schemaVersion(this.db) : 0,
          dataDir: this.dataDir,
        };
      },
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
    });
  }

  private sessionHandlers() {
    return handlers({
      'session.staffList': (ctx) =>
        ctx.db.prepare('SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name').all() as {
          id: number;
          name: string;
          role: Actor['role'];
        }[],
      'session.changePin': (ctx, a) => {
        const me = ctx.requireActor();
        const row = getStaffRow(ctx.db, me.id)!;
        if (!pinMatches(a.currentPin, row.pin_hash)) throw new AppError('PIN_WRONG', { attemptsLeft: -1 });
        ctx.db
          .prepare('UPDATE staff SET pin_hash = ?, updated_at = ? WHERE id = ?')
          .run(hashPin(a.newPin), ctx.nowIso(), me.id);
        ctx.audit({ op: 'session.changePin', entity: 'staff', entityId: me.id });
        return { ok: true as const };
      },
    });
  }

  private asyncHandlers(): AsyncHandlers {
    const sessionInfo = (staffId: number): SessionInfo => {
      const row = getStaffRow(this.database, staffId)!;
      return {
        staff: toStaffInfo(row),
        allowed: allowedOps(row.role),
        idleLockMinutes: this.settings().idleLockMinutes,
      };
    };
    return {
      'session.login': async (ctx, a, sessionId) => {
        const db = this.database;
        let who: Actor;
        try {
          who = db.transaction(() => verifyPin(db, a.staffId, a.pin, ctx.now()))();
        } catch (e) {
          if (e instanceof AppError && e.afterRollback) e.afterRollback();
          throw e;
        }
        this.sessions.set(sessionId, { staffId: who.id, lastActive: ctx.now().getTime(), locked: false });
        writeAudit(db, who, ctx.nowIso(), { op: 'session.login', entity: 'staff', entityId: who.id });
        return sessionInfo(who.id);
      },
      'session.current': async (ctx, _a, sessionId) => {
        const s = this.sessions.get(sessionId);
        if (!s || this.state !== 'ready') return null;
        const idleMs = this.settings().idleLockMinutes * 60_000;
        if (s.locked || ctx.now().getTime() - s.lastActive > idleMs) {
          s.locked = true;
          throw new AppError('SESSION_LOCKED', {
            staffId: s.staffId,
            staffName: getStaffRow(this.database, s.staffId)?.name ?? '',
          });
        }
        return sessionInfo(s.staffId);
      },
      'session.logout': async (ctx, _a, sessionId) => {
        const s = this.sessions.get(sessionId);
        if (s && this.db) {
          const row = getStaffRow(this.db, s.staffId);
          if (row)
            writeAudit(this.db, { id: row.id, name: row.name, role: row.role }, ctx.nowIso(), {
              op: 'session.logout',
            });
        }
        this.sessions.delete(sessionId);
        return { ok: true as const };
      },
      'session.lock': async (_ctx, _a, sessionId) => {
        const s = this.sessions.get(sessionId);
        if (s) s.locked = true;
        return { ok: true as const };
      },
      'staff.update': async (ctx, a) => {
        const db = this.database;
        const r = db.transaction(() => staffHandlers['staff.update'](ctx, a))();
        if (a.active === false || a.role !== undefined || a.newPin !== undefined) this.dropSessionsOf(a.id);
        return r;
      },
      'shift.closeDay': async (ctx, a) => {
        // The day close is recorded in one transaction; the backup follows it (a failed backup leaves
        // the day closed without a backup file, shown as such).
        const db = this.database;
        const report = db.transaction(() => closeDayRecord(ctx, a.day, a.checked)).immediate();
        this.emitChange('shift.closeDay');
        try {
          const b = await createBackup(db, this.dataDir, 'day-close', ctx.now());
          db.transaction(() => recordDayBackup(ctx, a.day, b.file))();
          return { ...report, backupFile: b.file };
        } catch (e) {
          console.error('[core] day-close backup failed:', e);
          return report;
        }
      },
      // reads the file (an .xlsx is unzipped asynchronously) and writes nothing to the database
      'members.importPreview': (ctx, a) => importPreview(ctx, a),
      'backups.list': async () => listBackups(this.dataDir),
      'backups.create': async (ctx) => {
        const b = await createBackup(this.database, this.dataDir, 'manual', ctx.now());
        ctx.audit({ op: 'backups.create', entity: 'backup', entityId: b.file });
        return b;
      },
      'backups.restore': async (ctx, a) => {
        const full = resolveBackup(this.dataDir, a.file);
        checkBackupFile(full);
        let actor: Actor | null = ctx.actor;
        const wasBroken = !this.db;
        if (!this.db) {
          // Broken database: a manager known to the backup authorises the restore.
          if (!a.authorization) throw new AppError('UNAUTHENTICATED');
          actor = this.verifyAgainstBackup(full, a.authorization.staffId, a.authorization.pin);
        } else {
          if (!actor || !MANAGERS.includes(actor.role))
            throw new AppError('FORBIDDEN', { op: 'backups.restore' });
          await createBackup(this.db, this.dataDir, 'pre-restore', ctx.now());
          this.db.close();
          this.db = null;
        }
        restoreFile(this.dbFile, full, wasBroken, ctx.now());
        this.sessions.clear();
        await this.openDb(false);
        if (this.db) {
          writeAudit(this.db, actor, ctx.nowIso(), {
            op: 'backups.restore',
            entity: 'backup',
            entityId: a.file,
          });
        }
        return { ok: true as const };
      },
    };
  }

  private restoreFailures: number[] = [];

  /**
   * In the broken state nobody can log in, so a manager of the backup being restored authorises it
   * with their PIN (their staff id is optional: any active manager's PIN in that backup will do).
   * Five wrong PINs within five minutes pause further tries.
   */
  private verifyAgainstBackup(file: string, staffId: number | undefined, pin: string): Actor {
    const nowMs = this.clock.now().getTime();
    this.restoreFailures = this.restoreFailures.filter((t) => nowMs - t < 5 * 60_000);
    if (this.restoreFailures.length >= 5) throw new AppError('RATE_LIMITED');
    const b = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
    try {
      type Row = { id: number; name: string; role: Actor['role']; pin_hash: string; active: number };
      const rows = (
        staffId === undefined
          ? b.prepare('SELECT id, name, role, pin_hash, active FROM staff WHERE active = 1').all()
          : b.prepare('SELECT id, name, role, pin_hash, active FROM staff WHERE id = ?').all(staffId)
      ) as Row[];
      const row = rows.find(
        (r) =>
          r.active === 1 &&
          (staffId !== undefined || MANAGERS.includes(r.role)) &&
          pinMatches(pin, r.pin_hash),
      );
      if (!row) {
        this.restoreFailures.push(nowMs);
        throw new AppError('PIN_WRONG', { attemptsLeft: -1 });
      }
      if (!MANAGERS.includes(row.role)) throw new AppError('FORBIDDEN', { op: 'backups.restore' });
      return { id: row.id, name: row.name, role: row.role };
    } finally {
      b.close();
    }
  }
}

export function dataDirExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, DB_FILE));
}
