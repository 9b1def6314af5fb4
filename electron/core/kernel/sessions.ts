/**
 * Staff sessions at the counter, in memory: which staff member a transport's session id (an
 * Electron window, a browser cookie) is logged in as, and the idle lock. Apart from dispatch: the
 * dispatcher asks `check()`; the session operations (login, logout, lock) change them through the
 * CommandEnv; a role change, a deactivation or a restore ends them.
 */
import { AppError } from './errors';

interface Session {
  staffId: number;
  lastActive: number;
  locked: boolean;
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  start(sessionId: string, staffId: number, nowMs: number): void {
    this.byId.set(sessionId, { staffId, lastActive: nowMs, locked: false });
  }

  /** The staff member of a session, whatever its lock. */
  staffOf(sessionId: string): number | null {
    return this.byId.get(sessionId)?.staffId ?? null;
  }

  end(sessionId: string): void {
    this.byId.delete(sessionId);
  }

  /** Locks the counter now (who was logged in is kept, for a quick unlock by PIN). */
  lock(sessionId: string): void {
    const s = this.byId.get(sessionId);
    if (s) s.locked = true;
  }

  /** Ends every session of a staff member (deactivated, role or PIN changed). */
  endAllOf(staffId: number): void {
    for (const [id, s] of this.byId) if (s.staffId === staffId) this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }

  /**
   * The lock rule for a call in this session: locked (by hand, or idle longer than `idleMs`) throws
   * SESSION_LOCKED and keeps it locked; otherwise `touch` counts the call as activity.
   */
  check(
    sessionId: string,
    who: { id: number; name: string },
    nowMs: number,
    idleMs: number,
    touch: boolean,
  ): void {
    const s = this.byId.get(sessionId);
    if (!s) return;
    if (s.locked || nowMs - s.lastActive > idleMs) {
      s.locked = true;
      throw new AppError('SESSION_LOCKED', { staffId: who.id, staffName: who.name });
    }
    if (touch) s.lastActive = nowMs;
  }
}

/** Failed attempts within a sliding window (the restore's PIN tries while nobody can log in). */
export class AttemptWindow {
  private failures: number[] = [];
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  /** Throws RATE_LIMITED while `max` failures lie within the window. */
  guard(nowMs: number): void {
    this.failures = this.failures.filter((t) => nowMs - t < this.windowMs);
    if (this.failures.length >= this.max) throw new AppError('RATE_LIMITED');
  }
  fail(nowMs: number): void {
    this.failures.push(nowMs);
  }
}
