/**
 * What every handler gets: `ctx` (the database handle of its kind, the clock, the club's settings
 * and who is acting) and its parsed arguments; a manual-transaction command also gets `env`.
 *
 *   export const checkinHandlers: HandlersOf<typeof checkinContract> = {
 *     'checkin.inside': (ctx, a) => …,              // query: ctx.db is the read-only handle
 *     'checkin.scan': (ctx, a) => …,                // command: ctx.db is the writer, in BEGIN IMMEDIATE
 *   };
 *   'session.login': async (ctx, a, env) => …       // command({ tx: 'manual' }): see CommandEnv
 */
import type { z } from 'zod';
import type { DB } from '../db/database';
import type { Clock } from '../clock';
import type { Role } from '../contract/common';
import type { Settings } from '../areas/settings/types';
import type { BackupHealth } from '../areas/system/types';
import type { PinTries } from './clients';
import { AppError } from './errors';
import type { ManualCommandDef, OpDef } from './op';
import type { AttemptWindow, Sessions } from './sessions';
import { stmt } from './statements';
import { localDate } from '../../shared/dates';

export interface Actor {
  id: number;
  name: string;
  role: Role;
}

export interface AuditEntry {
  op: string;
  entity?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
  detail?: string;
}

export interface Ctx {
  /** A query's: the read-only handle; a command's: the writer. Throws DATABASE_BROKEN without a database. */
  db: DB;
  clock: Clock;
  dataDir: string;
  settings: Settings;
  /** null only for public operations */
  actor: Actor | null;
  now(): Date;
  nowIso(): string;
  today(): string;
  /** Appends to the audit log (commands only: a query's handle refuses the write). */
  audit(entry: AuditEntry): void;
  requireActor(): Actor;
  /** Wrong PINs of the calling client (kernel/clients.ts): every PIN check goes through them. */
  pinTries: PinTries;
}

/**
 * What a manual-transaction command gets besides ctx: nothing reaches it through the Core class.
 */
export interface CommandEnv {
  /** The caller's session (login, logout, lock). */
  sessionId: string;
  sessions: Sessions;
  /** Runs `work` in one BEGIN IMMEDIATE transaction on the writer (AppError.afterRollback is run after a rollback). */
  transaction<T>(work: () => T): T;
  /** Announces a change to every window (the dispatcher does it for every other command). */
  announce(): void;
  /** The database as files: backups and restore. */
  files: DatabaseFiles;
}

export interface DatabaseFiles {
  dataDir: string;
  dbFile: string;
  /** The writer, or null when the database is broken. */
  writer(): DB | null;
  /** Closes both handles (before a restore replaces the file). */
  close(): void;
  /** Opens the file again (after a restore); the state and problem are recomputed. */
  reopen(): Promise<void>;
  /** Wrong PINs given for a restore while nobody can log in (the broken state). */
  restoreTries: AttemptWindow;
  /** The automatic backups: make what is due now (in the background), and their health. */
  backups: { runDue(): Promise<void>; health(): BackupHealth };
}

export type Handler<D extends OpDef> =
  D extends ManualCommandDef<infer I, infer O>
    ? (ctx: Ctx, args: z.output<I>, env: CommandEnv) => Promise<O>
    : D extends { input: infer I extends z.ZodType; output: infer O }
      ? (ctx: Ctx, args: z.output<I>) => O
      : never;

/** An area's handlers: exactly one per operation of its contract. */
export type HandlersOf<C extends Record<string, OpDef>> = { [K in keyof C]: Handler<C[K]> };

export function makeCtx(base: {
  db: DB | null;
  clock: Clock;
  dataDir: string;
  settings: Settings;
  actor: Actor | null;
  pinTries: PinTries;
}): Ctx {
  const { db, clock, actor } = base;
  return {
    get db(): DB {
      if (!db) throw new AppError('DATABASE_BROKEN');
      return db;
    },
    clock,
    dataDir: base.dataDir,
    settings: base.settings,
    actor,
    now: () => clock.now(),
    nowIso: () => clock.now().toISOString(),
    today: () => localDate(clock.now(), base.settings.timeZone),
    audit: (e) => {
      if (!db) throw new AppError('DATABASE_BROKEN');
      writeAudit(db, actor, clock.now().toISOString(), e);
    },
    requireActor: () => {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      return actor;
    },
    pinTries: base.pinTries,
  };
}

export function writeAudit(db: DB, actor: Actor | null, at: string, e: AuditEntry): void {
  stmt<unknown[]>(
    db,
    `INSERT INTO audit_log (at, staff_id, staff_name, op, entity, entity_id, before_json, after_json, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at,
    actor?.id ?? null,
    actor?.name ?? null,
    e.op,
    e.entity ?? null,
    e.entityId === undefined ? null : String(e.entityId),
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.detail ?? null,
  );
}
