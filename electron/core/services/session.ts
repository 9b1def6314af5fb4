/**
 * Logging in and out at the counter, the idle lock and the staff member's own PIN. The sessions
 * themselves are kernel/sessions.ts; these handlers reach them through the CommandEnv.
 */
import type { LoginStaff, SessionInfo } from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../kernel/ctx';
import { stmt } from '../kernel/statements';
import { allowedOps } from '../permissions';
import { getStaffRow, hashPin, pinMatches, toStaffInfo, verifyPin } from '../areas/staff';

function sessionInfo(ctx: Ctx, staffId: number): SessionInfo {
  const row = getStaffRow(ctx.db, staffId)!;
  return {
    staff: toStaffInfo(row),
    allowed: allowedOps(row.role),
    idleLockMinutes: ctx.settings.idleLockMinutes,
  };
}

export const sessionHandlers = handlers({
  'session.staffList': (ctx) =>
    stmt<[], LoginStaff>(ctx.db, 'SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name').all(),

  'session.login': async (ctx, a, env) => {
    // a wrong PIN is counted even though the login fails (verifyPin's afterRollback)
    const who = env.transaction(() => verifyPin(ctx.db, a.staffId, a.pin, ctx.now()));
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

  'session.changePin': (ctx, a) => {
    const me = ctx.requireActor();
    const row = getStaffRow(ctx.db, me.id)!;
    if (!pinMatches(a.currentPin, row.pin_hash)) throw new AppError('PIN_WRONG', { attemptsLeft: -1 });
    stmt(ctx.db, 'UPDATE staff SET pin_hash = ?, updated_at = ? WHERE id = ?').run(
      hashPin(a.newPin),
      ctx.nowIso(),
      me.id,
    );
    ctx.audit({ op: 'session.changePin', entity: 'staff', entityId: me.id });
    return { ok: true as const };
  },
});
