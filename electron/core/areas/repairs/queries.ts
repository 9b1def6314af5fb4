/** All the repair log's SQL (repairs and repair_steps, migration 0013). */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { RepairKind, RepairStatus, RepairUrgency } from './types';

/** A row of `repairs` with the reporter's name. */
export interface RepairRow {
  id: number;
  kind: RepairKind;
  what: string;
  place: string;
  urgency: RepairUrgency;
  status: RepairStatus;
  photo_sha256: string | null;
  photo_mime: string | null;
  cost_cents: number | null;
  reported_at: string;
  reported_by: number;
  closed_at: string | null;
  reported_by_name: string;
}

/** A row of `repair_steps` with the name of who took the step. */
export interface RepairStepRow {
  id: number;
  repair_id: number;
  status: RepairStatus;
  note: string;
  cost_cents: number | null;
  at: string;
  by: number;
  by_name: string;
}

const SELECT = `SELECT r.*, s.name AS reported_by_name FROM repairs r JOIN staff s ON s.id = r.reported_by`;
/** Urgent first, then the oldest. */
const ORDER = `ORDER BY CASE r.urgency WHEN 'urgent' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, r.reported_at, r.id`;

export function repairById(db: DB, id: number): RepairRow | undefined {
  return stmt<[number], RepairRow>(db, `${SELECT} WHERE r.id = ?`).get(id);
}

/** Open (not fixed or written off) or all, of one urgency or any; at most 500 (all: newest first). */
export function findRepairs(db: DB, openOnly: boolean, urgency: RepairUrgency | null): RepairRow[] {
  return stmt<{ o: number; u: string | null }, RepairRow>(
    db,
    `${SELECT} WHERE (@o = 0 OR r.closed_at IS NULL) AND (@u IS NULL OR r.urgency = @u)
     ORDER BY (r.closed_at IS NOT NULL), ${ORDER.slice('ORDER BY '.length)} LIMIT 500`,
  ).all({ o: openOnly ? 1 : 0, u: urgency });
}

/** Items open at a moment: reported by then and not closed by then. */
export function repairsOpenAt(db: DB, at: string): RepairRow[] {
  return stmt<{ at: string }, RepairRow>(
    db,
    `${SELECT} WHERE r.reported_at <= @at AND (r.closed_at IS NULL OR r.closed_at > @at) ${ORDER} LIMIT 500`,
  ).all({ at });
}

/** The status an item had at a moment (its last step by then). */
export function statusAt(db: DB, repairId: number, at: string): RepairStatus | undefined {
  return stmt<[number, string], { status: RepairStatus }>(
    db,
    'SELECT status FROM repair_steps WHERE repair_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1',
  ).get(repairId, at)?.status;
}

export function stepsOf(db: DB, repairId: number): RepairStepRow[] {
  return stmt<[number], RepairStepRow>(
    db,
    `SELECT p.*, s.name AS by_name FROM repair_steps p JOIN staff s ON s.id = p.by
     WHERE p.repair_id = ? ORDER BY p.at, p.id`,
  ).all(repairId);
}

export function insertRepair(
  db: DB,
  r: {
    kind: RepairKind;
    what: string;
    place: string;
    urgency: RepairUrgency;
    photoSha256: string | null;
    photoMime: string | null;
    at: string;
    by: number;
  },
): number {
  return Number(
    stmt<typeof r>(
      db,
      `INSERT INTO repairs (kind, what, place, urgency, photo_sha256, photo_mime, reported_at, reported_by)
       VALUES (@kind, @what, @place, @urgency, @photoSha256, @photoMime, @at, @by)`,
    ).run(r).lastInsertRowid,
  );
}

export function insertStep(
  db: DB,
  s: {
    repairId: number;
    status: RepairStatus;
    note: string;
    costCents: number | null;
    at: string;
    by: number;
  },
): void {
  stmt<typeof s>(
    db,
    `INSERT INTO repair_steps (repair_id, status, note, cost_cents, at, by)
     VALUES (@repairId, @status, @note, @costCents, @at, @by)`,
  ).run(s);
}

/** Moves an item on from the status it had (false: it moved meanwhile). */
export function setStatus(
  db: DB,
  u: { id: number; from: RepairStatus; to: RepairStatus; costCents: number | null; closedAt: string | null },
): boolean {
  return (
    stmt<typeof u>(
      db,
      `UPDATE repairs SET status = @to, cost_cents = COALESCE(@costCents, cost_cents), closed_at = @closedAt
       WHERE id = @id AND status = @from`,
    ).run(u).changes === 1
  );
}
