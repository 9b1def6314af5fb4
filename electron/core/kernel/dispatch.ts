/**
 * The dispatcher: one call of one operation, the same for every transport.
 *
 *   1. the operation must exist; its arguments are validated with its zod schema;
 *   2. the database's state (set up? broken?) must allow it (`states`);
 *   3. the session: who is calling, still active, not locked (unless `sessionless`), and may their
 *      role call it (`access`);
 *   4. the handler runs:
 *      - a **query** on the read-only handle, in one read transaction: it cannot write (a write fails
 *        with SQLITE_READONLY and is reported loudly as INTERNAL — the operation must be a command);
 *      - a **command** on the writer in BEGIN IMMEDIATE, with its audit entries and, when the call
 *        carries an `opId`, the stored result that answers a retry; then the change is announced;
 *      - a **manual** command (`tx: 'manual'`) with the CommandEnv: it opens its own transactions.
 *
 * It knows no area: the host (the Core) gives it the handles, the settings and the staff lookup.
 */
import type { Transaction } from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Settings } from '../areas/settings/types';
import type { DB } from '../db/database';
import { type Actor, type CommandEnv, type Ctx, type DatabaseFiles, makeCtx } from './ctx';
import { AppError, lowLevelCode } from './errors';
import { admits, isManual, type OpDef } from './op';
import { type LoginGuard, pinTriesFor } from './clients';
import { type ClientId } from './limits';
import type { Sessions } from './sessions';
import { stmt } from './statements';

export type DbState = 'ready' | 'setup' | 'broken';

export interface DispatchHost {
  readonly clock: Clock;
  readonly dataDir: string;
  readonly sessions: Sessions;
  /** Wrong PINs per client (kernel/clients.ts). */
  readonly loginGuard: LoginGuard;
  readonly files: DatabaseFiles;
  state(): DbState;
  problem(): string | null;
  /** The writer and the read-only handle (null when the database is broken). */
  writer(): DB | null;
  reader(): DB | null;
  settings(): Settings;
  /** The active staff member with this id (null: gone or deactivated). */
  activeStaff(db: DB, staffId: number): Actor | null;
  announce(op: string): void;
}

type AnyHandler = (ctx: Ctx, args: unknown, env?: CommandEnv) => unknown;

/** A query tried to write: a programming error (declare the operation a command). */
export class QueryWroteError extends Error {
  constructor(op: string, cause: unknown) {
    super(`query ${op} tried to write: it must be declared a command`, { cause });
    this.name = 'QueryWroteError';
  }
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

/** BEGIN IMMEDIATE on the writer; a failed AppError's afterRollback work runs after the rollback. */
export function writeTransaction<T>(db: DB, work: () => T): T {
  try {
    return txRunner(db).immediate(work) as T;
  } catch (e) {
    if (e instanceof AppError && e.afterRollback) e.afterRollback();
    throw e;
  }
}

/** One read transaction (one snapshot) on the read-only handle. */
export function readTransaction<T>(db: DB, op: string, work: () => T): T {
  try {
    return txRunner(db)(work) as T;
  } catch (e) {
    if (lowLevelCode(e) === 'SQLITE_READONLY') throw new QueryWroteError(op, e);
    throw e;
  }
}

export function createDispatcher(
  contract: Readonly<Record<string, OpDef>>,
  handlers: Readonly<Record<string, unknown>>,
  host: DispatchHost,
): (sessionId: string, op: string, rawArgs: unknown, client?: ClientId) => Promise<unknown> {
  for (const name of Object.keys(contract))
    if (typeof handlers[name] !== 'function') throw new Error(`no handler for ${name}`);

  return async (sessionId, op, rawArgs, client = { kind: 'ipc', id: sessionId }) => {
    if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(contract, op)) {
      throw new AppError('UNKNOWN_OPERATION');
    }
    const def = contract[op]!;
    const parsed = def.input.safeParse(rawArgs ?? {});
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

    const state = host.state();
    if (state === 'broken' && !def.states?.includes('broken')) {
      throw new AppError('DATABASE_BROKEN', { problem: host.problem() });
    }
    if (state === 'setup' && !def.states?.includes('setup')) throw new AppError('NOT_SET_UP');

    // Who is calling, and may they?
    const settings = host.settings();
    let actor: Actor | null = null;
    const writer = host.writer();
    const staffId = host.sessions.staffOf(sessionId);
    if (staffId !== null && state === 'ready' && writer) {
      actor = host.activeStaff(writer, staffId);
      if (!actor) host.sessions.end(sessionId);
      else if (!def.sessionless) {
        const nowMs = host.clock.now().getTime();
        host.sessions.check(sessionId, actor, nowMs, settings.idleLockMinutes * 60_000, true);
      }
    }
    // In the broken state nobody can log in: what runs there authorises itself (see OpDef.states).
    if (state !== 'broken' && !admits(def.access, actor?.role ?? null)) {
      throw actor ? new AppError('FORBIDDEN', { op }) : new AppError('UNAUTHENTICATED');
    }

    const handler = handlers[op] as AnyHandler;
    const pinTries = pinTriesFor(host.loginGuard, client, host.clock);
    const base = { clock: host.clock, dataDir: host.dataDir, settings, actor, pinTries };

    if (isManual(def)) {
      const ctx = makeCtx({ ...base, db: writer });
      const env: CommandEnv = {
        sessionId,
        sessions: host.sessions,
        transaction: (work) => {
          const db = host.writer();
          if (!db) throw new AppError('DATABASE_BROKEN');
          return writeTransaction(db, work);
        },
        announce: () => host.announce(op),
        files: host.files,
      };
      return await handler(ctx, args, env);
    }

    if (def.kind === 'query') {
      const reader = host.reader();
      const ctx = makeCtx({ ...base, db: reader });
      // without a database (the broken state) only what needs none runs, outside any transaction
      if (!reader) return handler(ctx, args);
      return readTransaction(reader, op, () => handler(ctx, args));
    }

    if (!writer) throw new AppError('DATABASE_BROKEN');
    const ctx = makeCtx({ ...base, db: writer });
    const opId = (args as { opId?: unknown }).opId;
    const result = writeTransaction(writer, () => {
      if (typeof opId === 'string') {
        const prev = stmt<[string], { op: string; result_json: string }>(
          writer,
          'SELECT op, result_json FROM op_results WHERE op_id = ?',
        ).get(opId);
        if (prev) {
          if (prev.op !== op) throw new AppError('CONFLICT', { reason: 'opId' });
          return JSON.parse(prev.result_json) as unknown;
        }
      }
      const r = handler(ctx, args);
      if (typeof opId === 'string') {
        stmt<[string, string, number | null, string, string]>(
          writer,
          'INSERT INTO op_results (op_id, op, staff_id, result_json, at) VALUES (?, ?, ?, ?, ?)',
        ).run(opId, op, actor?.id ?? null, JSON.stringify(r ?? null), ctx.nowIso());
      }
      return r;
    });
    if (def.announce !== false) host.announce(op);
    return result;
  };
}
