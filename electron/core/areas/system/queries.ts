/**
 * The system area's own SQL: the staff of a backup file, read to authorise a restore when the live
 * database is broken (on a one-off connection to the backup, so `db.prepare`, not the statement
 * cache). The demo club's SQL is in demoQueries.ts. Rows are typed by the statement, never cast.
 */
import type { DB } from '../../db/database';
import type { Role } from '../../kernel/roles';

/** The columns of a `staff` row a restore's authorisation needs. */
export interface StaffPinRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: string;
  active: number;
}

/** The active staff of a backup (staffId undefined) or the one staff member with that id. */
export function backupStaff(backup: DB, staffId: number | undefined): StaffPinRow[] {
  return staffId === undefined
    ? backup
        .prepare<[], StaffPinRow>('SELECT id, name, role, pin_hash, active FROM staff WHERE active = 1')
        .all()
    : backup
        .prepare<[number], StaffPinRow>('SELECT id, name, role, pin_hash, active FROM staff WHERE id = ?')
        .all(staffId);
}

/** The newest audit entry's id (0: none). */
export function lastAuditId(db: DB): number {
  return db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) AS id FROM audit_log').get()?.id ?? 0;
}

/** A row of `audit_log`, as the report of what a restore would lose lists it. */
export interface LostAuditRow {
  id: number;
  at: string;
  staff_name: string | null;
  op: string;
  entity: string | null;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  detail: string | null;
}

/** The audit entries after an id, oldest first (read lazily: a damaged page stops the iteration). */
export function lostAuditRows(db: DB, afterId: number): IterableIterator<LostAuditRow> {
  return db
    .prepare<[number], LostAuditRow>(
      `SELECT id, at, staff_name, op, entity, entity_id, before_json, after_json, detail
         FROM audit_log WHERE id > ? ORDER BY id`,
    )
    .iterate(afterId);
}
