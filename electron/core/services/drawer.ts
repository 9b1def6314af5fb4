/**
 * The cash drawer's state, read by every place that moves cash (payments.ts for cash paid in or
 * out, shift.ts for pay-outs and counts): cash is taken only in an open shift, and once the shift's
 * cash is counted the drawer is shut until a shift lead authorises a recount.
 */
import type { DB } from '../db/database';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { stmt } from '../kernel/statements';

export interface DrawerState {
  shiftId: number;
  /** The latest count of the shift (null: not counted yet). */
  countId: number | null;
  /** A recount authorised after the latest count and not counted yet. */
  recountId: number | null;
  /** Counted and no recount authorised: no cash moves. */
  shut: boolean;
}

export function openShiftId(db: DB): number | null {
  const r = stmt(db, "SELECT id FROM shifts WHERE status = 'open'").get() as { id: number } | undefined;
  return r?.id ?? null;
}

export function drawerState(db: DB, shiftId: number): DrawerState {
  const c = stmt(db, 'SELECT id FROM shift_counts WHERE shift_id = ? ORDER BY id DESC LIMIT 1').get(
    shiftId,
  ) as { id: number } | undefined;
  const r = c
    ? (stmt(db, 'SELECT id FROM shift_recounts WHERE count_id = ?').get(c.id) as { id: number } | undefined)
    : undefined;
  return { shiftId, countId: c?.id ?? null, recountId: r?.id ?? null, shut: !!c && !r };
}

/**
 * Throws unless cash may move now: a shift is open (SHIFT_NOT_OPEN) and its drawer is not shut by a
 * count (DRAWER_COUNTED). Returns the open shift's id.
 */
export function requireCashDrawer(ctx: Ctx): number {
  const id = openShiftId(ctx.db);
  if (id === null) throw new AppError('SHIFT_NOT_OPEN');
  if (drawerState(ctx.db, id).shut) throw new AppError('DRAWER_COUNTED', { shiftId: id });
  return id;
}
