/**
 * Wrong PINs counted per client (kernel/limits.ts's ClientId), so that nobody can lock a staff
 * member — the store manager included — out of the counter by guessing from somewhere else:
 *
 * - a client that gave SOURCE_STAFF_TRIES wrong PINs for one staff member within the window may not
 *   try that staff member again until the oldest of them leaves it (CLIENT_LOCKED);
 * - a client that gave SOURCE_TRIES wrong PINs in all within the window may try nobody (CLIENT_LOCKED);
 * - only PERSON_TRIES wrong PINs for one staff member from all clients together (more than any one
 *   client can give) lock the person for everyone (STAFF_LOCKED, persisted by the staff area);
 * - a manager can unlock a staff member at once (`forget`).
 *
 * The Electron window, a browser on this computer and, later, each paired device of the club
 * network are separate clients: a lock on one leaves the others free. In memory: a restart forgets
 * the clients' counts (the person's lock is kept in the database).
 */
import type { Clock } from '../clock';
import { AppError } from './errors';
import { type ClientId, clientKey } from './limits';

export const SOURCE_STAFF_TRIES = 5;
export const SOURCE_TRIES = 10;
export const PERSON_TRIES = 12;
export const TRY_WINDOW_MINUTES = 15;
export const PERSON_LOCK_MINUTES = 15;
/** Failures kept at most (the oldest go first): memory stays bounded whatever a client sends. */
const MAX_KEPT = 10_000;

interface Failure {
  client: string;
  staffId: number | null;
  at: number;
}

/** The wrong PINs of every client (one per Core). */
export class LoginGuard {
  private failures: Failure[] = [];
  private readonly windowMs = TRY_WINDOW_MINUTES * 60_000;

  private recent(now: number): Failure[] {
    this.failures = this.failures.filter((f) => now - f.at < this.windowMs);
    return this.failures;
  }

  /** Until when (ms) this client may not try this staff member's PIN; 0 when it may. */
  lockedUntil(client: string, staffId: number | null, now: number): number {
    const recent = this.recent(now);
    const mine = recent.filter((f) => f.client === client);
    const forStaff = staffId === null ? [] : mine.filter((f) => f.staffId === staffId);
    let until = 0;
    if (mine.length >= SOURCE_TRIES) until = mine[mine.length - SOURCE_TRIES]!.at + this.windowMs;
    if (forStaff.length >= SOURCE_STAFF_TRIES)
      until = Math.max(until, forStaff[forStaff.length - SOURCE_STAFF_TRIES]!.at + this.windowMs);
    return until;
  }

  fail(client: string, staffId: number | null, now: number): { left: number; personFailures: number } {
    const recent = this.recent(now);
    recent.push({ client, staffId, at: now });
    if (recent.length > MAX_KEPT) recent.splice(0, recent.length - MAX_KEPT);
    const mine = recent.filter((f) => f.client === client);
    const forStaff = mine.filter((f) => f.staffId === staffId);
    const left = Math.max(
      0,
      Math.min(
        SOURCE_TRIES - mine.length,
        staffId === null ? Infinity : SOURCE_STAFF_TRIES - forStaff.length,
      ),
    );
    const personFailures = staffId === null ? 0 : recent.filter((f) => f.staffId === staffId).length;
    return { left, personFailures };
  }

  /** A right PIN from this client: its failures for this staff member are forgotten. */
  succeed(client: string, staffId: number): void {
    this.failures = this.failures.filter((f) => !(f.client === client && f.staffId === staffId));
  }

  /** A manager unlocked this staff member: every client's failures for them are forgotten. */
  forget(staffId: number): void {
    this.failures = this.failures.filter((f) => f.staffId !== staffId);
  }

  /** Staff members some client may not try now (for the managers' staff list). */
  lockedStaff(now: number): Set<number> {
    const out = new Set<number>();
    for (const f of this.recent(now))
      if (f.staffId !== null && !out.has(f.staffId) && this.lockedUntil(f.client, f.staffId, now) > now)
        out.add(f.staffId);
    return out;
  }
}

/** One call's view of the guard: its client and the clock (what handlers see as ctx.pinTries). */
export interface PinTries {
  readonly client: ClientId;
  /** Throws CLIENT_LOCKED ({ minutes, until }) while this client may not try this staff member. */
  check(staffId: number | null): void;
  /** A wrong PIN: tries left to this client, and the failures against the person from all clients. */
  fail(staffId: number | null): { left: number; personFailures: number };
  succeed(staffId: number): void;
  forget(staffId: number): void;
  lockedStaff(): Set<number>;
}

export function clientLockedError(untilMs: number, nowMs: number): AppError {
  return new AppError('CLIENT_LOCKED', {
    minutes: Math.max(1, Math.ceil((untilMs - nowMs) / 60_000)),
    until: new Date(untilMs).toISOString(),
  });
}

export function pinTriesFor(guard: LoginGuard, client: ClientId, clock: Clock): PinTries {
  const key = clientKey(client);
  const now = () => clock.now().getTime();
  return {
    client,
    check: (staffId) => {
      const t = now();
      const until = guard.lockedUntil(key, staffId, t);
      if (until > t) throw clientLockedError(until, t);
    },
    fail: (staffId) => guard.fail(key, staffId, now()),
    succeed: (staffId) => guard.succeed(key, staffId),
    forget: (staffId) => guard.forget(staffId),
    lockedStaff: () => guard.lockedStaff(now()),
  };
}
