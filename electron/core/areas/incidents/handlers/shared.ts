/**
 * What the incidents area's handlers share: who counts as a manager here, who may see which
 * incident, the checks every step makes (not closed, not in the future, a real staff member), and
 * the handler and argument types.
 *
 * Who sees what: managers get the full record; everyone else the desk view (no medical details,
 * money, notes or addenda: the fields are absent, not blanked) of the incidents they opened, the
 * open ones, and those with a follow-up assigned to them.
 */
import type { z } from 'zod';
import type { StaffRef } from '../../../contract/types';
import type { DB } from '../../../db/database';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { MANAGERS } from '../../../kernel/roles';
import { zonedToUtc } from '../../../../shared/dates';
import type { incidentContract } from '../contract';
import * as q from '../queries';
import type { IncidentRow } from '../queries';

export type IncidentContract = typeof incidentContract;
export type IncidentHandlers = HandlersOf<IncidentContract>;
/** An operation's arguments as its handler gets them (parsed). */
export type ArgsOf<K extends keyof IncidentContract> = z.output<IncidentContract[K]['input']>;

/** How far ahead of the clock an occurrence time may be (a slightly fast desk clock). */
const FUTURE_SLACK_MS = 5 * 60_000;

export const isManager = (ctx: Ctx): boolean => MANAGERS.includes(ctx.requireActor().role);

export function staffRef(db: DB, id: number | null): StaffRef | null {
  if (id === null) return null;
  return q.staffName(db, id) ?? { id, name: '' };
}

export function getIncident(db: DB, id: number): IncidentRow {
  const r = q.incidentById(db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'incident' });
  return r;
}

/** Non-managers see the incidents they opened, the open ones, and those they must follow up. */
function canSee(ctx: Ctx, r: IncidentRow): boolean {
  const me = ctx.requireActor();
  return (
    isManager(ctx) || r.opened_by === me.id || r.status !== 'closed' || q.hasFollowUpFor(ctx.db, r.id, me.id)
  );
}

export function visibleIncident(ctx: Ctx, id: number, op: string): IncidentRow {
  const r = getIncident(ctx.db, id);
  if (!canSee(ctx, r)) throw new AppError('FORBIDDEN', { op });
  return r;
}

export function notClosed(r: IncidentRow): void {
  if (r.status === 'closed') throw new AppError('INCIDENT_CLOSED', { id: r.id });
}

/** "2026-11-18T14:30" in the club's time zone → ISO UTC. */
export function localToIso(ctx: Ctx, s: string): string {
  return zonedToUtc(s.slice(0, 10), s.slice(11, 16), ctx.settings.timeZone).toISOString();
}

export function notInFuture(ctx: Ctx, iso: string, field: string): void {
  if (Date.parse(iso) > ctx.now().getTime() + FUTURE_SLACK_MS)
    throw new AppError('VALIDATION', { issues: [{ path: field, code: 'future' }] });
}

export function checkStaff(db: DB, id: number | null, field: string): void {
  if (id === null) return;
  if (q.staffRole(db, id) === undefined)
    throw new AppError('VALIDATION', { issues: [{ path: field, code: 'unknown' }] });
}

/** Trimmed text, or null when there is none. */
export const blank = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);
