/**
 * How an operation is declared, once, in its area's contract.ts:
 *
 *   'checkin.scan':   command({ input: ScanInput, output: out<CheckinResult>(), access: DESK }),
 *   'checkin.inside': query({ input: InsideInput, output: out<InsideVisit[]>(), access: [...DESK, 'bar'] }),
 *
 * - **query**: runs on the read-only database handle in one read transaction. It cannot write — not
 *   a row, not an audit entry (SQLite refuses: SQLITE_READONLY, reported loudly as INTERNAL).
 * - **command**: anything that writes, an audit row included ("who opened this record" makes an
 *   audited read a command, whatever its name). Runs in BEGIN IMMEDIATE on the writer with its audit
 *   entries and the op-id result row, then announces the change to every window.
 *   `tx: 'manual'`: the handler manages its own transactions (login, backups, restore, the day close
 *   with its backup, asynchronous file work) and gets what it needs through the `CommandEnv`
 *   parameter (see dispatch.ts).
 *   `announce: false`: a command that changes nothing another window shows (an audited read, an
 *   export): no change event, so a screen that reloads on changes does not reload itself forever.
 * - `access`: 'public' (no login), 'staff' (anyone logged in) or the roles that may call it (the role
 *   groups of ./roles.ts). The permissions table and docs/roles.md are derived from it.
 *
 * Kind is declared, never guessed from the name.
 */
import type { z } from 'zod';
import type { Role } from '../contract/common';

export type Access = 'public' | 'staff' | readonly Role[];
/** Besides a ready database: before the first-run setup, or with no usable database. */
export type OpState = 'setup' | 'broken';

interface OpSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: `out<Result>()`. */
  output: O;
  access: Access;
  /**
   * The states other than 'ready' in which the operation runs. In the 'broken' state there is no
   * database (ctx.db throws) and nobody can be logged in, so access is not checked: the handler
   * authorises the call itself (a restore asks for a manager's PIN from the backup).
   */
  states?: readonly OpState[];
  /** Needs no unlocked session and is no activity (the idle lock neither applies nor restarts). */
  sessionless?: true;
  /**
   * The most bytes a call may carry over a byte transport (loopback, club network), when more than
   * the default (kernel/limits.ts): the file uploads. Refused before anything is parsed.
   */
  maxBytes?: number;
}

export interface QueryDef<I extends z.ZodType = z.ZodType, O = unknown> extends OpSpec<I, O> {
  kind: 'query';
}
export interface CommandDef<I extends z.ZodType = z.ZodType, O = unknown> extends OpSpec<I, O> {
  kind: 'command';
  announce?: false;
}
export interface ManualCommandDef<I extends z.ZodType = z.ZodType, O = unknown> extends OpSpec<I, O> {
  kind: 'command';
  tx: 'manual';
  announce?: false;
}
export type OpDef = QueryDef | CommandDef | ManualCommandDef;

export function query<I extends z.ZodType, O>(spec: OpSpec<I, O>): QueryDef<I, O> {
  return { kind: 'query', ...spec };
}

export function command<I extends z.ZodType, O>(
  spec: OpSpec<I, O> & { tx: 'manual'; announce?: false },
): ManualCommandDef<I, O>;
export function command<I extends z.ZodType, O>(spec: OpSpec<I, O> & { announce?: false }): CommandDef<I, O>;
export function command<I extends z.ZodType, O>(
  spec: OpSpec<I, O> & { tx?: 'manual'; announce?: false },
): CommandDef<I, O> | ManualCommandDef<I, O> {
  return { kind: 'command', ...spec };
}

/** Phantom marker for an operation's result type. */
export function out<R>(): R {
  return undefined as unknown as R;
}

export function isManual(def: OpDef): def is ManualCommandDef {
  return def.kind === 'command' && 'tx' in def && def.tx === 'manual';
}

/** Whether a role (null: nobody logged in) may call an operation with this access. */
export function admits(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'staff') return true;
  return access.includes(role);
}
