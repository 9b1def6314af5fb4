/**
 * The cash drawer's state, read by every place that moves cash (the payments for cash paid in or
 * out, the shift's pay-outs and counts): cash is taken only in an open shift, and once the shift's
 * cash is counted the drawer is shut until a shift lead authorises a recount.
 */
import type { DB } from '../../db/database';
import type { Ctx } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import * as q from './queries';

export interface DrawerState {
  shiftId: number;
  /** The latest count of the shift (null: not counted yet). */
  countId: number | null;
  /** A recount authorised after the latest count and not counted yet. */
  recountId: number | null;
  /** Counted and no recount authorised: no cash moves. */
  shut: boolean;
}

export function drawerState(db: DB, shiftId: number): DrawerState {
  const countId = q.latestCountId(db, shiftId);
  const recountId = countId !== undefined ? q.recountIdOfCount(db, countId) : undefined;
  return {
    shiftId,
    countId: countId ?? null,
    recountId: recountId ?? null,
    shut: countId !== undefined && recountId === undefined,
  };
}

/**
 * Throws unless cash may move now: a shift is open (SHIFT_NOT_OPEN) and its drawer is not shut by a
 * count (DRAWER_COUNTED). Returns the open shift's id.
 */
export function requireCashDrawer(ctx: Ctx): number {
  const id = q.openShiftId(ctx.db);
  if (id === undefined) throw new AppError('SHIFT_NOT_OPEN');
  if (drawerState(ctx.db, id).shut) throw new AppError('DRAWER_COUNTED', { shiftId: id });
  return id;
}
