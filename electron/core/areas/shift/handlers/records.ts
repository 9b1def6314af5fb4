/**
 * A shift as the contract shows it: its record, the staff on it, its pay-outs, every cash count with
 * the recounts, the cash the records say the drawer holds, the report of a closed shift, and who may
 * see which shift. Shared by the shift's handlers.
 */
import type { DB } from '../../../db/database';
import type { Ctx } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { SUPERVISORS } from '../../../kernel/roles';
import { drawerState } from '../drawer';
import * as dq from '../queries/drops';
import type {
  CashDrop,
  CashCount,
  CashFigures,
  ChecklistTick,
  CountResult,
  OverShortItem,
  Payout,
  RecountAuth,
  ShiftCorrection,
  ShiftInfo,
  ShiftReport,
  ShiftStaff,
  ShiftSummary,
} from '../types';
import * as q from '../queries';
import type { ShiftCountRow, ShiftRow } from '../queries';
import { handoverBook } from './book';

export const isoPlus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** A staff member by id (a name of '' when gone); null for no one. */
export function staffRef(db: DB, id: number): ShiftStaff;
export function staffRef(db: DB, id: number | null): ShiftStaff | null;
export function staffRef(db: DB, id: number | null): ShiftStaff | null {
  if (id === null) return null;
  return q.staffById(db, id) ?? { id, name: '' };
}

export function getShift(db: DB, id: number): ShiftRow {
  const r = q.shiftById(db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'shift' });
  return r;
}

export function requireOpen(db: DB, id: number): ShiftRow {
  const s = getShift(db, id);
  if (s.status === 'closed') throw new AppError('SHIFT_CLOSED', { id });
  return s;
}

export function payouts(db: DB, shiftId: number): Payout[] {
  return q.payoutsOfShift(db, shiftId).map((r) => ({
    id: r.id,
    amountCents: r.amount_cents,
    reason: r.reason,
    at: r.at,
    byName: r.name,
    authorizedByName: r.auth_name,
  }));
}

export function drops(db: DB, shiftId: number): CashDrop[] {
  return dq.dropsOfShift(db, shiftId).map((r) => ({
    id: r.id,
    amountCents: r.amount_cents,
    denominations: q.denominationsOf(r),
    slipNo: r.slip_no,
    destination: r.destination,
    at: r.at,
    byName: r.by_name,
    witnessName: r.witness_name,
  }));
}

/** A closed shift's over/short with what is settled and what is still open. */
export function overShortItem(db: DB, s: ShiftRow): OverShortItem {
  const settlements = dq.settlementsOfShift(db, s.id).map((x) => ({
    id: x.id,
    shiftId: x.shift_id,
    kind: x.kind,
    amountCents: x.amount_cents,
    staffName: x.staff_name,
    note: x.note,
    at: x.at,
    byName: x.by_name,
  }));
  const difference = s.difference_cents ?? 0;
  const settled = settlements.reduce((a, x) => a + x.amountCents, 0);
  return {
    shiftId: s.id,
    day: s.day,
    closedAt: s.closed_at ?? '',
    onDuty: q.onDutyIds(s).map((id) => staffRef(db, id)),
    signedOutBy: staffRef(db, s.signed_out_by),
    differenceCents: difference,
    differenceReason: s.difference_reason,
    settledCents: settled,
    openCents: Math.max(0, Math.abs(difference) - settled),
    settlements,
  };
}

function recountAuths(db: DB, shiftId: number): RecountAuth[] {
  return q.recountsOfShift(db, shiftId).map((r) => ({
    id: r.id,
    countId: r.count_id,
    at: r.at,
    byName: r.by_name,
    authorizedByName: r.auth_name,
    reason: r.reason,
  }));
}

/**
 * Every count of a shift, oldest first, with the recount each answers and the one that superseded
 * it. `blind`: the expected figures and differences are withheld (a recount is pending).
 */
export function cashCounts(db: DB, shiftId: number, blind: boolean): CashCount[] {
  const auths = recountAuths(db, shiftId);
  return q.countsOfShift(db, shiftId).map((c) => ({
    id: c.id,
    at: c.at,
    byName: c.by_name,
    countedCents: c.counted_cents,
    expectedCents: blind ? null : c.expected_cents,
    differenceCents: blind ? null : c.counted_cents - c.expected_cents,
    recount: auths.find((a) => a.id === c.recount_id) ?? null,
    supersededBy: auths.find((a) => a.countId === c.id) ?? null,
  }));
}

/** The end of an open shift's window: now (a record made this very millisecond included). */
export function windowTo(ctx: Ctx, s: ShiftRow): string {
  return s.window_to ?? isoPlus(ctx.nowIso(), 1);
}

/**
 * Cash in the drawer the records say there should be: float + takings − change − refunds − pay-outs
 * − drops to the safe or bank.
 */
export function cashFigures(db: DB, s: ShiftRow, to: string): CashFigures {
  const r = q.cashSums(db, s.window_from, to);
  const paid = q.payoutsTotal(db, s.id);
  const dropped = dq.dropsTotal(db, s.id);
  return {
    floatCents: s.float_cents,
    takingsCents: r.takings,
    changeCents: r.change,
    refundsCents: r.refunds,
    payoutsCents: paid,
    dropsCents: dropped,
    expectedCents: s.float_cents + r.takings - r.change - r.refunds - paid - dropped,
  };
}

export function toCountResult(s: ShiftRow, c: ShiftCountRow, cash: CashFigures): CountResult {
  return {
    shiftId: s.id,
    countedCents: c.counted_cents,
    denominations: q.denominationsOf(c),
    expectedCents: c.expected_cents,
    differenceCents: c.counted_cents - c.expected_cents,
    cash,
    at: c.at,
  };
}

export function toShiftInfo(ctx: Ctx, s: ShiftRow): ShiftInfo {
  const db = ctx.db;
  let counted = false;
  let pending: RecountAuth | null = null;
  if (s.status === 'open') {
    const c = q.latestCount(db, s.id);
    const drawer = drawerState(db, s.id);
    counted = !!c && drawer.shut && c.expected_cents === cashFigures(db, s, windowTo(ctx, s)).expectedCents;
    if (drawer.recountId !== null)
      pending = recountAuths(db, s.id).find((a) => a.id === drawer.recountId) ?? null;
  } else counted = true;
  return {
    id: s.id,
    day: s.day,
    status: s.status,
    openedAt: s.opened_at,
    openedBy: staffRef(db, s.opened_by),
    onDuty: q.onDutyIds(s).map((id) => staffRef(db, id)),
    previousShiftId: s.previous_shift_id,
    handoverAckAt: s.handover_ack_at,
    handoverAckBy: staffRef(db, s.handover_ack_by),
    floatPrefillCents: s.float_prefill_cents,
    floatCents: s.float_cents,
    floatReason: s.float_reason,
    floatCount: q.floatCountOf(s),
    floatDifferenceCents: s.float_cents - s.float_prefill_cents,
    floatAuthorizedByName: staffRef(db, s.float_authorized_by)?.name ?? null,
    checklist: q.checklistOf(s),
    messages: s.messages,
    notes: s.notes,
    payouts: payouts(db, s.id),
    drops: drops(db, s.id),
    counted,
    counts: cashCounts(db, s.id, !counted),
    recountPending: pending,
    closedAt: s.closed_at,
  };
}

function corrections(db: DB, shiftId: number): ShiftCorrection[] {
  return q.correctionsOfShift(db, shiftId).map((r) => ({
    id: r.id,
    figure: r.figure,
    value: r.value,
    text: r.text,
    at: r.at,
    byName: r.by_name,
  }));
}

export function shiftReport(ctx: Ctx, s: ShiftRow): ShiftReport {
  if (s.status !== 'closed') throw new AppError('SHIFT_NOT_CLOSED', { id: s.id });
  const frozen = q.frozenBookOf(s)!;
  return {
    clubName: ctx.settings.clubName,
    shift: toShiftInfo(ctx, s),
    book: frozen.book,
    cash: frozen.cash,
    countedCents: s.counted_cents!,
    denominations: frozen.denominations,
    differenceCents: s.difference_cents!,
    differenceReason: s.difference_reason,
    tagCount: frozen.tagCount ?? null,
    floatHandedCents: s.float_handed_cents!,
    signedOutBy: staffRef(ctx.db, s.signed_out_by)!,
    signedInBy: staffRef(ctx.db, s.signed_in_by)!,
    corrections: corrections(ctx.db, s.id),
  };
}

export function toShiftSummary(ctx: Ctx, s: ShiftRow): ShiftSummary {
  const frozen = q.frozenBookOf(s);
  return {
    id: s.id,
    day: s.day,
    openedAt: s.opened_at,
    closedAt: s.closed_at,
    onDuty: q.onDutyIds(s).map((id) => staffRef(ctx.db, id)),
    signedOutBy: staffRef(ctx.db, s.signed_out_by),
    signedInBy: staffRef(ctx.db, s.signed_in_by),
    entries: frozen
      ? frozen.book.entries.total
      : handoverBook(ctx, s.window_from, windowTo(ctx, s), true).entries.total,
    countedCents: s.counted_cents,
    expectedCents: s.expected_cents,
    differenceCents: s.difference_cents,
    corrections: q.correctionCount(ctx.db, s.id),
  };
}

/** Managers and shift leads see every shift; reception the shifts they were on (or signed), and the last one. */
export function canSee(ctx: Ctx, s: ShiftRow): boolean {
  const me = ctx.requireActor();
  if (SUPERVISORS.includes(me.role)) return true;
  if (q.onDutyIds(s).includes(me.id) || s.signed_in_by === me.id || s.signed_out_by === me.id) return true;
  if (s.status === 'open') return true;
  return q.lastClosedShift(ctx.db)?.id === s.id;
}

/** The items of a checklist that were ticked, at the time given. */
export function checkTicks(
  items: readonly string[],
  checked: readonly string[],
  at: string,
): ChecklistTick[] {
  const set = new Set(checked);
  return items.filter((i) => set.has(i)).map((item) => ({ item, at }));
}
