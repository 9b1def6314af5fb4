/**
 * The staff area's rules: the managers' staff list, adding staff, and changing a staff member (a
 * deactivation, a new role or a new PIN ends their sessions; the last active manager stays). PINs
 * and authorisations are ./pins.ts; the SQL is in queries.ts.
 */
import type { DB } from '../../db/database';
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { MANAGERS, type Role } from '../../kernel/roles';
import type { staffContract, StaffGender, StaffInfo, StaffListItem } from './contract';
import { hashPin, requireUniquePin, unlockStaff } from './pins';
import * as q from './queries';
import type { StaffRow } from './queries';

export function toStaffInfo(r: StaffRow): StaffInfo {
  return { id: r.id, name: r.name, role: r.role, gender: r.gender, active: r.active === 1 };
}

function listItem(r: StaffRow, lockedSomewhere: Set<number>, nowIso: string): StaffListItem {
  const personLocked = r.locked_until !== null && r.locked_until > nowIso;
  return { ...toStaffInfo(r), locked: personLocked || lockedSomewhere.has(r.id) };
}

/** Adds a staff member with a hashed PIN (the setup's first manager, the demo's staff too). */
export function insertStaff(
  db: DB,
  s: { name: string; role: Role; pin: string; gender: StaffGender },
  nowIso: string,
): StaffInfo {
  const id = q.insertStaffRow(
    db,
    { name: s.name, role: s.role, gender: s.gender, pinHash: hashPin(s.pin) },
    nowIso,
  );
  return toStaffInfo(q.getStaffRow(db, id)!);
}

interface StaffChange {
  id: number;
  name?: string;
  role?: Role;
  gender?: StaffGender;
  active?: boolean;
  newPin?: string;
}

function updateStaff(ctx: Ctx, args: StaffChange): StaffInfo {
  const row = q.getStaffRow(ctx.db, args.id);
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
    q.activeCountWithRoles(ctx.db, row.id, MANAGERS) === 0
  ) {
    throw new AppError('LAST_MANAGER');
  }
  // a PIN names one person (authorisations are given by the PIN alone)
  if (args.newPin) requireUniquePin(ctx.db, args.newPin, row.id);
  q.updateStaffRow(ctx.db, row.id, next, ctx.nowIso());
  if (args.newPin) q.resetPin(ctx.db, row.id, hashPin(args.newPin));
  const after = toStaffInfo(q.getStaffRow(ctx.db, row.id)!);
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

export const staffHandlers: HandlersOf<typeof staffContract> = {
  'staff.list': (ctx, { includeInactive }) => {
    const locked = ctx.pinTries.lockedStaff();
    const nowIso = ctx.nowIso();
    return q.listStaff(ctx.db, includeInactive ?? false).map((r) => listItem(r, locked, nowIso));
  },

  'staff.unlock': (ctx, { id }) => {
    const row = q.getStaffRow(ctx.db, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'staff' });
    unlockStaff(ctx, id);
    ctx.audit({
      op: 'staff.unlock',
      entity: 'staff',
      entityId: id,
      detail: row.locked_until ? `locked until ${row.locked_until}` : undefined,
    });
    return listItem(q.getStaffRow(ctx.db, id)!, ctx.pinTries.lockedStaff(), ctx.nowIso());
  },

  'staff.create': (ctx, args) => {
    requireUniquePin(ctx.db, args.pin, null);
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
};
