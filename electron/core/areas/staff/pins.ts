/**
 * Staff PINs: hashing (scrypt), the check with the lockout rule, and the on-the-spot authorisation
 * by a supervisor that other areas ask for (`authorize`, through ./index.ts).
 */
import crypto from 'node:crypto';
import type { DB } from '../../db/database';
import { type Actor, type Ctx, writeAudit } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { type Role, SUPERVISORS } from '../../kernel/roles';
import { AUTH_REASONS, type AuthAction } from './types';
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

/** An authorisation's signer: who typed the PIN, and the preset reason picked (if any). */
export interface Authoriser extends Actor {
  reasonCode: string | null;
}

/** The audit log's op for a wrong authorisation PIN (what the per-desk count reads). */
export const AUTH_PIN_WRONG = 'staff.authPinWrong';

/** How many wrong authorisation PINs one staff member's desk may type in LOCK_MINUTES. */
const MAX_AUTH_TRIES = MAX_PIN_TRIES;

/**
 * Who else has this PIN among the active staff (other than `exceptId`): a PIN must identify one
 * person, since an authorisation is given by the PIN alone. Every active staff member's hash is
 * tried (scrypt: a manager sets a PIN rarely, so a second or so is fine).
 */
export function pinTaken(db: DB, pin: string, exceptId: number | null): boolean {
  return q.activePinHashes(db).some((r) => r.id !== exceptId && pinMatches(pin, r.pin_hash));
}

/** Refuses a PIN another active staff member has (without saying whose). */
export function requireUniquePin(db: DB, pin: string, exceptId: number | null): void {
  if (pinTaken(db, pin, exceptId)) throw new AppError('PIN_IN_USE');
}

/**
 * An on-the-spot authorisation by the PIN alone: the PIN must belong to exactly one active staff
 * member among those who could authorise anything (shift leads and managers) — and, so that a desk
 * member's own PIN never passes for a supervisor's, not to the staff member asking. Then their role
 * must be one of `roles` (else OVERRIDE_NOT_ALLOWED). Only the few supervisors' hashes are tried.
 *
 * Wrong PINs are counted per staff member asking (their desk session): MAX_AUTH_TRIES within
 * LOCK_MINUTES pause their authorisations (AUTH_PAUSED); nobody can lock a supervisor out this way,
 * and the supervisor's own login lock does not stop their authorisations.
 */
export function authorize(
  ctx: Ctx,
  auth: { pin: string; reasonCode?: string },
  roles: readonly Role[],
  action: AuthAction,
): Authoriser {
  const me = ctx.requireActor();
  const now = ctx.now();
  if (auth.reasonCode !== undefined && !(AUTH_REASONS[action] as readonly string[]).includes(auth.reasonCode))
    throw new AppError('VALIDATION', { issues: [{ path: 'authorization.reasonCode', code: 'invalid' }] });
  const windowStart = new Date(now.getTime() - LOCK_MINUTES * 60_000).toISOString();
  const recent = q.recentAuthFailures(ctx.db, me.id, windowStart, MAX_AUTH_TRIES);
  if (recent.length >= MAX_AUTH_TRIES) {
    const until = new Date(Date.parse(recent[MAX_AUTH_TRIES - 1]!.at) + LOCK_MINUTES * 60_000).toISOString();
    throw new AppError('AUTH_PAUSED', { until });
  }
  const candidates = q.activeStaffWithRoles(ctx.db, [...new Set([...SUPERVISORS, ...roles])]);
  const matches = candidates.filter((r) => pinMatches(auth.pin, r.pin_hash));
  // the one asking, when they are no supervisor: their own PIN authorises nothing
  const own = candidates.some((r) => r.id === me.id) ? undefined : q.getStaffRow(ctx.db, me.id);
  const ownPin = own !== undefined && pinMatches(auth.pin, own.pin_hash);
  if (matches.length > 1 || (matches.length === 1 && ownPin)) {
    // Two people share this PIN: it identifies nobody. A manager gives one of them a new one.
    const err = new AppError('PIN_AMBIGUOUS');
    err.afterRollback = () =>
      writeAudit(ctx.db, me, now.toISOString(), { op: 'staff.pinShared', entity: 'staff', detail: action });
    throw err;
  }
  const who = matches[0];
  if (!who && ownPin) throw new AppError('OVERRIDE_NOT_ALLOWED', { role: me.role });
  if (!who) {
    const left = MAX_AUTH_TRIES - recent.length - 1;
    const err =
      left > 0
        ? new AppError('AUTH_PIN_WRONG', { attemptsLeft: left })
        : new AppError('AUTH_PAUSED', {
            until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(),
          });
    err.afterRollback = () =>
      writeAudit(ctx.db, me, now.toISOString(), { op: AUTH_PIN_WRONG, entity: 'staff', detail: action });
    throw err;
  }
  if (!roles.includes(who.role)) throw new AppError('OVERRIDE_NOT_ALLOWED', { role: who.role });
  return { id: who.id, name: who.name, role: who.role, reasonCode: auth.reasonCode ?? null };
}

/** What an operation's audit entry keeps of its authorisation. */
export function signedBy(who: Authoriser): { authorizedBy: number; reasonCode?: string } {
  return who.reasonCode ? { authorizedBy: who.id, reasonCode: who.reasonCode } : { authorizedBy: who.id };
}
