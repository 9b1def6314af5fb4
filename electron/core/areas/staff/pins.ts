/**
 * Staff PINs: hashing (scrypt), the check with the lockout rule, and the on-the-spot authorisation
 * by a supervisor that other areas ask for (`authorize`, through ./index.ts).
 */
import crypto from 'node:crypto';
import { type Actor, type Ctx, writeAudit } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import type { DB } from '../../db/database';
import { type Role, SUPERVISORS } from '../../kernel/roles';
import { AUTH_REASONS, type AuthAction } from './types';
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

/** An authorisation's signer: who typed the PIN, and the preset reason picked (if any). */
export interface Authoriser extends Actor {
  reasonCode: string | null;
}

/** The audit log's op for a wrong authorisation PIN (what the per-desk count reads). */
export const AUTH_PIN_WRONG = 'staff.authPinWrong';

/** How many wrong authorisation PINs one staff member's desk may type in AUTH_PAUSE_MINUTES. */
const MAX_AUTH_TRIES = 5;
/** How long a desk's authorisations pause after MAX_AUTH_TRIES wrong PINs. */
const AUTH_PAUSE_MINUTES = 5;

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
 * AUTH_PAUSE_MINUTES pause their authorisations (AUTH_PAUSED); nobody can lock a supervisor out this way,
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
  const windowStart = new Date(now.getTime() - AUTH_PAUSE_MINUTES * 60_000).toISOString();
  const recent = q.recentAuthFailures(ctx.db, me.id, windowStart, MAX_AUTH_TRIES);
  if (recent.length >= MAX_AUTH_TRIES) {
    const until = new Date(
      Date.parse(recent[MAX_AUTH_TRIES - 1]!.at) + AUTH_PAUSE_MINUTES * 60_000,
    ).toISOString();
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
            until: new Date(now.getTime() + AUTH_PAUSE_MINUTES * 60_000).toISOString(),
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
