/**
 * Staff PINs: hashing (scrypt), the check with the lockout rule, and the on-the-spot authorisation
 * by a supervisor that other areas ask for (`authorize`, through ./index.ts).
 */
import crypto from 'node:crypto';
import { type Actor, type Ctx, writeAudit } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import type { Role } from '../../kernel/roles';
import { PERSON_LOCK_MINUTES, PERSON_TRIES } from '../../kernel/clients';
import * as q from './queries';

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
 * Checks a staff member's PIN with the lockout rules, counted per client (kernel/clients.ts): the
 * calling client is refused (CLIENT_LOCKED) after too many wrong PINs from it, while other clients —
 * the desk's own window, another computer — still may; only wrong PINs from several clients
 * together lock the person for everyone (STAFF_LOCKED, which a manager can lift: staff.unlock).
 * What a failure records (the person's count, the audit entry) is written even though the caller's
 * transaction rolls back (AppError.afterRollback): run this outside the operation's transaction or
 * inside the dispatcher's.
 */
export function verifyPin(ctx: Ctx, staffId: number, pin: string, purpose?: string): Actor {
  const db = ctx.db;
  const now = ctx.now();
  const tries = ctx.pinTries;
  tries.check(staffId);
  const row = q.getStaffRow(db, staffId);
  if (!row) {
    const { left } = tries.fail(null);
    throw new AppError('PIN_WRONG', { attemptsLeft: left });
  }
  if (row.active !== 1) throw new AppError('STAFF_INACTIVE');
  if (row.locked_until && row.locked_until > now.toISOString()) {
    throw new AppError('STAFF_LOCKED', { until: row.locked_until });
  }
  if (!pinMatches(pin, row.pin_hash)) {
    const { left, personFailures } = tries.fail(staffId);
    const lockPerson = personFailures >= PERSON_TRIES;
    const until = lockPerson ? new Date(now.getTime() + PERSON_LOCK_MINUTES * 60_000).toISOString() : null;
    let err: AppError;
    if (lockPerson) err = new AppError('STAFF_LOCKED', { until });
    else if (left === 0) {
      err = new AppError('PIN_WRONG', { attemptsLeft: 0 });
      try {
        tries.check(staffId);
      } catch (locked) {
        err = locked as AppError;
      }
    } else err = new AppError('PIN_WRONG', { attemptsLeft: left });
    const client = `${tries.client.kind}:${tries.client.id}`;
    err.afterRollback = () => {
      q.setPinFailures(db, staffId, lockPerson ? 0 : personFailures, until);
      const detail = purpose ? `${purpose}; ${client}` : client;
      writeAudit(db, null, now.toISOString(), {
        op: 'staff.pinWrong',
        entity: 'staff',
        entityId: staffId,
        detail,
      });
      if (lockPerson || left === 0)
        writeAudit(db, null, now.toISOString(), {
          op: lockPerson ? 'staff.locked' : 'staff.clientLocked',
          entity: 'staff',
          entityId: staffId,
          detail,
        });
    };
    throw err;
  }
  tries.succeed(staffId);
  if (row.failed_attempts !== 0 || row.locked_until) q.clearPinFailures(db, staffId);
  return { id: row.id, name: row.name, role: row.role };
}

/** A manager lifts a staff member's lock at once: the person's, and every client's for them. */
export function unlockStaff(ctx: Ctx, staffId: number): void {
  q.clearPinFailures(ctx.db, staffId);
  ctx.pinTries.forget(staffId);
}

/**
 * An on-the-spot authorisation by a supervisor (their PIN). Throws OVERRIDE_NOT_ALLOWED when the
 * PIN is right but the role may not authorise this.
 */
export function authorize(ctx: Ctx, auth: { staffId: number; pin: string }, roles: readonly Role[]): Actor {
  const who = verifyPin(ctx, auth.staffId, auth.pin, 'authorization');
  if (!roles.includes(who.role)) throw new AppError('OVERRIDE_NOT_ALLOWED', { role: who.role });
  return who;
}
