import crypto from 'node:crypto';
import type { DB } from '../db/database';
import type { OpParsedArgs, Role, StaffInfo } from '../contract';
import { type Actor, type Ctx, handlers, writeAudit } from '../context';
import { AppError } from '../errors';
import { MANAGERS } from '../permissions';
import { stmt } from '../kernel/statements';

export const MAX_PIN_TRIES = 5;
export const LOCK_MINUTES = 5;

const SCRYPT = { N: 16384, r: 8, p: 1 } as const;

export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(pin, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = crypto.scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(expected, got);
}

interface StaffRow {
  id: number;
  name: string;
  role: Role;
  gender: 'male' | 'female' | 'unspecified';
  pin_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
}

export function toStaffInfo(r: StaffRow): StaffInfo {
  return { id: r.id, name: r.name, role: r.role, gender: r.gender, active: r.active === 1 };
}

export function getStaffRow(db: DB, id: number): StaffRow | undefined {
  return stmt(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
}

/**
 * Checks a staff member's PIN with the lockout rule (5 wrong tries lock for 5 minutes).
 * The attempt counter is written even when the check fails, so callers must not roll it back:
 * run this outside the operation's transaction or commit it before throwing.
 */
export function verifyPin(db: DB, staffId: number, pin: string, now: Date): Actor {
  const row = getStaffRow(db, staffId);
  if (!row) throw new AppError('PIN_WRONG', { attemptsLeft: MAX_PIN_TRIES });
  if (row.active !== 1) throw new AppError('STAFF_INACTIVE');
  if (row.locked_until && row.locked_until > now.toISOString()) {
    throw new AppError('STAFF_LOCKED', { until: row.locked_until });
  }
  if (!pinMatches(pin, row.pin_hash)) {
    const attempts = (row.locked_until ? 0 : row.failed_attempts) + 1;
    const lock = attempts >= MAX_PIN_TRIES;
    const until = lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    const err = lock
      ? new AppError('STAFF_LOCKED', { until })
      : new AppError('PIN_WRONG', { attemptsLeft: MAX_PIN_TRIES - attempts });
    err.afterRollback = () => {
      stmt(db, 'UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(
        lock ? 0 : attempts,
        until,
        staffId,
      );
      writeAudit(db, null, now.toISOString(), {
        op: lock ? 'staff.locked' : 'staff.pinWrong',
        entity: 'staff',
        entityId: staffId,
      });
    };
    throw err;
  }
  if (row.failed_attempts !== 0 || row.locked_until) {
    stmt(db, 'UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(staffId);
  }
  return { id: row.id, name: row.name, role: row.role };
}

/**
 * An on-the-spot authorisation by a supervisor (their PIN). Throws OVERRIDE_NOT_ALLOWED when the
 * PIN is right but the role may not authorise this.
 */
export function authorize(ctx: Ctx, auth: { staffId: number; pin: string }, roles: readonly Role[]): Actor {
  const who = verifyPin(ctx.db, auth.staffId, auth.pin, ctx.now());
  if (!roles.includes(who.role)) throw new AppError('OVERRIDE_NOT_ALLOWED', { role: who.role });
  return who;
}

export function insertStaff(
  db: DB,
  s: { name: string; role: Role; pin: string; gender: StaffInfo['gender'] },
  nowIso: string,
): StaffInfo {
  const info = stmt(
    db,
    `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(s.name, s.role, s.gender, hashPin(s.pin), nowIso, nowIso);
  return toStaffInfo(getStaffRow(db, Number(info.lastInsertRowid))!);
}

function activeManagerCount(db: DB, exceptId: number): number {
  const q = `SELECT count(*) AS n FROM staff WHERE active = 1 AND id != ? AND role IN (${MANAGERS.map(() => '?').join(',')})`;
  return (stmt(db, q).get(exceptId, ...MANAGERS) as { n: number }).n;
}

export const staffHandlers = handlers({
  'staff.list': (ctx, { includeInactive }) => {
    const rows = stmt(
      ctx.db,
      `SELECT * FROM staff ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, name`,
    ).all() as StaffRow[];
    return rows.map(toStaffInfo);
  },
  'staff.create': (ctx, args) => {
    const s = insertStaff(ctx.db, args, ctx.nowIso());
    ctx.audit({ op: 'staff.create', entity: 'staff', entityId: s.id, after: s });
    return s;
  },
  'staff.update': async (ctx, args, env) => {
    const r = env.transaction(() => updateStaff(ctx, args));
    // a deactivation, a new role or a new PIN ends the staff member's sessions
    if (args.active === false || args.role !== undefined || args.newPin !== undefined)
      env.sessions.endAllOf(args.id);
    return r;
  },
});

function updateStaff(ctx: Ctx, args: OpParsedArgs<'staff.update'>): StaffInfo {
  const row = getStaffRow(ctx.db, args.id);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'staff' });
  const before = toStaffInfo(row);
  const next = {
    name: args.name ?? row.name,
    role: args.role ?? row.role,
    gender: args.gender ?? row.gender,
    active: args.active === undefined ? row.active : args.active ? 1 : 0,
  };
  const stillManager = next.active === 1 && MANAGERS.includes(next.role);
  if (
    !stillManager &&
    MANAGERS.includes(row.role) &&
    row.active === 1 &&
    activeManagerCount(ctx.db, row.id) === 0
  ) {
    throw new AppError('LAST_MANAGER');
  }
  stmt(
    ctx.db,
    'UPDATE staff SET name = ?, role = ?, gender = ?, active = ?, updated_at = ? WHERE id = ?',
  ).run(next.name, next.role, next.gender, next.active, ctx.nowIso(), row.id);
  if (args.newPin) {
    stmt(ctx.db, 'UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(
      hashPin(args.newPin),
      row.id,
    );
  }
  const after = toStaffInfo(getStaffRow(ctx.db, row.id)!);
  ctx.audit({
    op: 'staff.update',
    entity: 'staff',
    entityId: row.id,
    before,
    after,
    detail: args.newPin ? 'pin reset' : undefined,
  });
  return after;
}
