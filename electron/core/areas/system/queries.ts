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
