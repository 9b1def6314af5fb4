/**
 * Logging in and out at the counter, the idle lock and the staff member's own PIN. The sessions
 * themselves are kernel/sessions.ts; these handlers reach them through the CommandEnv. The staff
 * table is the staff area's: its rows and PIN rules come from ../staff.
 */
import { type Ctx, type HandlersOf, writeAudit } from '../../kernel/ctx';
import { allowedOps } from '../../permissions';
import {
  getStaffRow,
  hashPin,
  requireUniquePin,
  loginStaffList,
  setPinHash,
  toStaffInfo,
  verifyPin,
} from '../staff';
import type { SessionInfo, sessionContract } from './contract';

function sessionInfo(ctx: Ctx, staffId: number): SessionInfo {
  const row = getStaffRow(ctx.db, staffId)!;
  return {
    staff: toStaffInfo(row),
    allowed: allowedOps(row.role),
    idleLockMinutes: ctx.settings.idleLockMinutes,
  };
}

export const sessionHandlers: HandlersOf<typeof sessionContract> = {
  'session.staffList': (ctx) => loginStaffList(ctx.db),

  'session.login': async (ctx, a, env) => {
    // a wrong PIN is counted even though the login fails (verifyPin's afterRollback)
    const who = env.transaction(() => verifyPin(ctx, a.staffId, a.pin));
    env.sessions.start(env.sessionId, who.id, ctx.now().getTime());
    writeAudit(ctx.db, who, ctx.nowIso(), { op: 'session.login', entity: 'staff', entityId: who.id });
    return sessionInfo(ctx, who.id);
  },

  /** Who is logged in here; an idle session is locked now (SESSION_LOCKED) and stays locked. */
  'session.current': async (ctx, _a, env) => {
    const staffId = env.sessions.staffOf(env.sessionId);
    if (staffId === null) return null;
    const name = getStaffRow(ctx.db, staffId)?.name ?? '';
    const idleMs = ctx.settings.idleLockMinutes * 60_000;
    env.sessions.check(env.sessionId, { id: staffId, name }, ctx.now().getTime(), idleMs, false);
    return sessionInfo(ctx, staffId);
  },

  'session.logout': async (ctx, _a, env) => {
    const staffId = env.sessions.staffOf(env.sessionId);
    const row = staffId === null ? undefined : getStaffRow(ctx.db, staffId);
    if (row)
      writeAudit(ctx.db, { id: row.id, name: row.name, role: row.role }, ctx.nowIso(), {
        op: 'session.logout',
      });
    env.sessions.end(env.sessionId);
    return { ok: true as const };
  },

  'session.lock': async (_ctx, _a, env) => {
    env.sessions.lock(env.sessionId);
    return { ok: true as const };
  },

  /** The current PIN is checked like a login: limited per client, every wrong one audited. */
  'session.changePin': (ctx, a) => {
    const me = ctx.requireActor();
    verifyPin(ctx, me.id, a.currentPin, 'session.changePin');
    requireUniquePin(ctx.db, a.newPin, me.id);
    setPinHash(ctx.db, me.id, hashPin(a.newPin), ctx.nowIso());
    ctx.audit({ op: 'session.changePin', entity: 'staff', entityId: me.id });
    return { ok: true as const };
  },
};
