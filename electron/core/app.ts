/**
 * The core: plain TypeScript, no Electron. Owns the database (the writer and a read-only handle),
 * the staff sessions, the daily backup, and wires the contract's handlers to the dispatcher that
 * every transport (Electron IPC, the loopback server, tests) calls.
 *
 *   core.call(sessionId, 'checkin.scan', args)  →  { ok: true, data } | { ok: false, error }
 *
 * What a call goes through is kernel/dispatch.ts; who may call what is declared with each operation
 * (contract/, areas/*\/contract.ts). A call never throws.
 */
import path from 'node:path';
import { migrations, SCHEMA_VERSION } from '../../db';
import { barHandlers } from './areas/bar';
import { checkinHandlers } from './areas/checkin';
import { complaintHandlers } from './areas/complaints';
import { incidentHandlers } from './areas/incidents';
import { rotationHandlers } from './areas/rotation';
import { visitorsHandlers } from './areas/visitors';
import { announcementsHandlers } from './areas/announcements';
import { shiftHandlers } from './areas/shift';
import { messagesHandlers } from './areas/messages';
import { repairsHandlers } from './areas/repairs';
import { callsHandlers } from './areas/calls';
import { networkHandlers } from './areas/network';
import { receiptsHandlers } from './areas/receipts';
import { importHandlers } from './areas/import';
import { membersHandlers } from './areas/members';
import { paymentsHandlers } from './areas/payments';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { contract, type Contract, type Response, type Settings, type SystemStatus } from './contract';
import { createBackup } from './db/backups';
import { type DB, DB_FILE, migrate, openDatabase, openReadOnly, schemaVersion } from './db/database';
import { AppError, toAppError } from './errors';
import type { Actor, DatabaseFiles, HandlersOf } from './kernel/ctx';
import { createDispatcher, type DbState } from './kernel/dispatch';
import { LoginGuard } from './kernel/clients';
import type { ClientId } from './kernel/limits';
import { AttemptWindow, Sessions } from './kernel/sessions';
import { auditHandlers } from './areas/audit';
import { cardTypeHandlers } from './areas/cardTypes';
import { sessionHandlers } from './areas/session';
import { DEFAULT_SETTINGS, isSetUp, settingsHandlers, settingsOf } from './areas/settings';
import { getStaffRow, staffHandlers } from './areas/staff';
import { BackupSchedule, systemHandlers } from './areas/system';
import { tagHandlers } from './areas/tags';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  /**
   * Automatic backups (default true): on open and at least hourly while open (the day's first is the
   * daily one), with a verified copy in the second backup folder when one is chosen.
   */
  dailyBackup?: boolean;
}

export interface ChangeEvent {
  op: string;
  at: string;
}

/** Every handler but the statuses, which the Core answers itself. */
const HANDLERS: Omit<HandlersOf<Contract>, 'system.status' | 'backups.status'> = {
  ...systemHandlers,
  ...sessionHandlers,
  ...settingsHandlers,
  ...staffHandlers,
  ...auditHandlers,
  ...cardTypeHandlers,
  ...membersHandlers,
  ...importHandlers,
  ...checkinHandlers,
  ...barHandlers,
  ...paymentsHandlers,
  ...tagHandlers,
  ...incidentHandlers,
  ...complaintHandlers,
  ...rotationHandlers,
  ...visitorsHandlers,
  ...announcementsHandlers,
  ...shiftHandlers,
  ...messagesHandlers,
  ...repairsHandlers,
  ...callsHandlers,
  ...networkHandlers,
  ...receiptsHandlers,
};

export class Core {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly clock: Clock;
  /** The writer: commands run on it. */
  private db: DB | null = null;
  /** The read-only handle (a second connection to the same file): queries run on it. */
  private readDb: DB | null = null;
  /** The open database once it was seen set up (see `state`). */
  private setUpDb: DB | null = null;
  private problem: string | null = null;
  private readonly sessions = new Sessions();
  private readonly loginGuard = new LoginGuard();
  private readonly changeListeners = new Set<(e: ChangeEvent) => void>();
  private readonly dispatch: (
    sessionId: string,
    op: string,
    rawArgs: unknown,
    client: ClientId,
  ) => Promise<unknown>;
  /** The automatic backups (tests call `backups.runDue()` instead of waiting for the timer). */
  readonly backups: BackupSchedule;

  private constructor(opts: CoreOptions) {
    this.dataDir = path.resolve(opts.dataDir);
    this.dbFile = path.join(this.dataDir, DB_FILE);
    this.clock = opts.clock ?? systemClock;
    this.backups = new BackupSchedule(
      {
        clock: this.clock,
        dataDir: this.dataDir,
        readyWriter: () => (this.state === 'ready' ? this.db : null),
        settings: () => this.settings(),
        damaged: () => this.markBroken('DATABASE_BROKEN'),
      },
      opts.dailyBackup ?? true,
    );
    const files: DatabaseFiles = {
      dataDir: this.dataDir,
      dbFile: this.dbFile,
      writer: () => this.db,
      close: () => this.closeDb(),
      reopen: () => this.openDb(),
      restoreTries: new AttemptWindow(5, 5 * 60_000),
      backups: this.backups,
    };
    const handlers: HandlersOf<Contract> = {
      ...HANDLERS,
      'system.status': () => this.status(),
      'backups.status': () => this.backups.health(),
    };
    this.dispatch = createDispatcher(contract, handlers, {
      clock: this.clock,
      dataDir: this.dataDir,
      sessions: this.sessions,
      loginGuard: this.loginGuard,
      files,
      state: () => this.state,
      problem: () => this.problem,
      writer: () => this.db,
      reader: () => this.readDb,
      settings: () => this.settings(),
      activeStaff: (db, staffId) => activeStaff(db, staffId),
      announce: (op) => this.emitChange(op),
    });
  }

  static async open(opts: CoreOptions): Promise<Core> {
    const core = new Core(opts);
    await core.openDb();
    if (core.backups.automatic) {
      await core.backups.runDue();
      core.backups.start();
    }
    return core;
  }

  /** The writer (tests and the demo generator use it directly). */
  get database(): DB {
    if (!this.db) throw new AppError('DATABASE_BROKEN');
    return this.db;
  }

  get state(): DbState {
    if (!this.db) return 'broken';
    // Once set up, a database stays set up (nothing removes the club's name): asked once per opening.
    if (this.setUpDb !== this.db) {
      if (!isSetUp(this.db)) return 'setup';
      this.setUpDb = this.db;
    }
    return 'ready';
  }

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

  /**
   * Announces a change a transport wrote itself (the club network's pairing requests, written
   * outside any operation): every window and station hears of it like an operation's.
   */
  announce(op: string): void {
    this.emitChange(op);
  }

  /** Whether a staff member is logged in on this session (locked or not): transports' limits ask. */
  loggedIn(sessionId: string): boolean {
    return this.sessions.staffOf(sessionId) !== null;
  }

  /** Ends a session the transport retires (its id was replaced at a login). */
  endSession(sessionId: string): void {
    this.sessions.end(sessionId);
  }

  /**
   * The single entry point for every transport. Never throws. `client` is who calls as the
   * transport knows it (wrong PINs are counted per client); by default each session is its own
   * client (an Electron window).
   */
  async call(
    sessionId: string,
    op: string,
    rawArgs: unknown,
    client: ClientId = { kind: 'ipc', id: sessionId },
  ): Promise<Response<unknown>> {
    try {
      const data = await this.dispatch(sessionId, op, rawArgs, client);
      return { ok: true, data };
    } catch (e) {
      const err = toAppError(e);
      if (err.code === 'INTERNAL') {
        console.error(`[core] ${op} failed:`, e);
      }
      if (err.code === 'DATABASE_BROKEN' && this.db) {
        // Damage met while working: stop using the file; the desk is offered a restore.
        console.error(`[core] ${op} met a damaged database:`, e);
        this.markBroken('DATABASE_BROKEN');
      }
      return { ok: false, error: { code: err.code, params: err.params } };
    }
  }

  close(): void {
    this.backups.stop();
    this.closeDb();
    this.sessions.clear();
  }

  /** Stops using the file; the desk is offered a restore. */
  private markBroken(problem: string): void {
    this.closeDb();
    this.problem = problem;
    this.sessions.clear();
  }

  private closeDb(): void {
    this.readDb?.close();
    this.readDb = null;
    this.db?.close();
    this.db = null;
  }

  private settings(): Settings {
    return this.db ? settingsOf(this.db) : DEFAULT_SETTINGS;
  }

  private status(): SystemStatus {
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
  }

  // -------------------------------------------------------------------------------------------
  /** Opens the file: a backup before any migration (refused without one); the state follows. */
  private async openDb(): Promise<void> {
    this.problem = null;
    try {
      const db = openDatabase(this.dbFile, { runMigrations: false });
      try {
        const from = schemaVersion(db);
        if (from < SCHEMA_VERSION) {
          if (from > 0) await createBackup(db, this.dataDir, 'pre-migration', this.clock.now());
          migrate(db, migrations);
        }
        this.readDb = openReadOnly(this.dbFile);
      } catch (e) {
        db.close();
        throw e;
      }
      this.db = db;
    } catch (e) {
      this.closeDb();
      const err = toAppError(e);
      this.problem = err.code === 'INTERNAL' ? 'DATABASE_BROKEN' : err.code;
    }
  }
}

function activeStaff(db: DB, staffId: number): Actor | null {
  const row = getStaffRow(db, staffId);
  return row && row.active === 1 ? { id: row.id, name: row.name, role: row.role } : null;
}
