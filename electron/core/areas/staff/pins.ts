/**
 * Staff PINs: hashing (scrypt), the check with the lockout rule, and the on-the-spot authorisation
 * by a supervisor that other areas ask for (`authorize`, through ./index.ts).
 */
import crypto from 'node:crypto';
import type { DB } from '../../db/database';
import { type Actor, type Ctx, writeAudit } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import type { Role } from '../../kernel/roles';
import * as q from './queries';

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

/**
 * Checks a staff member's PIN with the lockout rule (5 wrong tries lock for 5 minutes).
 * The attempt counter is written even when the check fails, so callers must not roll it back:
 * run this outside the operation's transaction or commit it before throwing.
 */
export function verifyPin(db: DB, staffId: number, pin: string, now: Date): Actor {
  const row = q.getStaffRow(db, staffId);
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
      q.setPinFailures(db, staffId, lock ? 0 : attempts, until);
      writeAudit(db, null, now.toISOString(), {
        op: lock ? 'staff.locked' : 'staff.pinWrong',
        entity: 'staff',
        entityId: staffId,
      });
    };
    throw err;
  }
  if (row.failed_attempts !== 0 || row.locked_until) q.clearPinFailures(db, staffId);
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
