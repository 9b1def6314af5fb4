/**
 * The SQL of cash drops (投款) and of settling a closed shift's over/short (长缴短补). Rows are typed
 * by the statement (`stmt<Params, Row>`), never cast.
 */
import type { DB } from '../../../db/database';
import { stmt } from '../../../kernel/statements';
import type { Denominations, DropDestination, OverShortKind } from '../types';
import type { ShiftRow } from '../queries';

export interface DropListRow {
  id: number;
  shift_id: number;
  amount_cents: number;
  denominations_json: string;
  slip_no: string;
  destination: DropDestination;
  at: string;
  by_name: string;
  witness_name: string;
}

export function dropsOfShift(db: DB, shiftId: number): DropListRow[] {
  return stmt<[number], DropListRow>(
    db,
    `SELECT d.id, d.shift_id, d.amount_cents, d.denominations_json, d.slip_no, d.destination, d.at,
            s.name AS by_name, w.name AS witness_name
       FROM shift_drops d JOIN staff s ON s.id = d.by JOIN staff w ON w.id = d.witnessed_by
       WHERE d.shift_id = ? ORDER BY d.id`,
  ).all(shiftId);
}

export function dropsTotal(db: DB, shiftId: number): number {
  return stmt<[number], { c: number }>(
    db,
    'SELECT coalesce(sum(amount_cents), 0) AS c FROM shift_drops WHERE shift_id = ?',
  ).get(shiftId)!.c;
}

export function slipUsed(db: DB, destination: DropDestination, slipNo: string): boolean {
  return (
    stmt<[string, string], { id: number }>(
      db,
      'SELECT id FROM shift_drops WHERE destination = ? AND slip_no = ?',
    ).get(destination, slipNo) !== undefined
  );
}

export function insertDrop(
  db: DB,
  d: {
    shiftId: number;
    amountCents: number;
    denominations: Denominations;
    slipNo: string;
    destination: DropDestination;
    at: string;
    by: number;
    witnessedBy: number;
  },
): number {
  const r = stmt<[number, number, string, string, string, string, number, number]>(
    db,
    `INSERT INTO shift_drops (shift_id, amount_cents, denominations_json, slip_no, destination, at, by, witnessed_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.shiftId,
    d.amountCents,
    JSON.stringify(d.denominations),
    d.slipNo,
    d.destination,
    d.at,
    d.by,
    d.witnessedBy,
  );
  return Number(r.lastInsertRowid);
}

export interface SettlementListRow {
  id: number;
  shift_id: number;
  kind: OverShortKind;
  amount_cents: number;
  staff_name: string;
  note: string;
  at: string;
  by_name: string;
}

export function settlementsOfShift(db: DB, shiftId: number): SettlementListRow[] {
  return stmt<[number], SettlementListRow>(
    db,
    `SELECT x.id, x.shift_id, x.kind, x.amount_cents, p.name AS staff_name, x.note, x.at, b.name AS by_name
       FROM shift_settlements x JOIN staff p ON p.id = x.staff_id JOIN staff b ON b.id = x.by
       WHERE x.shift_id = ? ORDER BY x.id`,
  ).all(shiftId);
}

export function insertSettlement(
  db: DB,
  x: {
    shiftId: number;
    kind: OverShortKind;
    amountCents: number;
    staffId: number;
    note: string;
    at: string;
    by: number;
  },
): number {
  const r = stmt<[number, string, number, number, string, string, number]>(
    db,
    `INSERT INTO shift_settlements (shift_id, kind, amount_cents, staff_id, note, at, by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(x.shiftId, x.kind, x.amountCents, x.staffId, x.note, x.at, x.by);
  return Number(r.lastInsertRowid);
}

/** Closed shifts with a cash difference: of days [from, to], or (openOnly) any day up to `to` still unsettled. */
export function shiftsOverShort(db: DB, from: string, to: string, openOnly: boolean): ShiftRow[] {
  return stmt<[string, string, number], ShiftRow>(
    db,
    `SELECT * FROM shifts s WHERE s.status = 'closed' AND s.difference_cents <> 0 AND s.day >= ? AND s.day <= ?
         AND (? = 0 OR abs(s.difference_cents) >
           (SELECT coalesce(sum(amount_cents), 0) FROM shift_settlements x WHERE x.shift_id = s.id))
       ORDER BY s.day, s.closed_at, s.id`,
  ).all(from, to, openOnly ? 1 : 0);
}
