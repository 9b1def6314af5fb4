/**
 * All the staff area's SQL (the `staff` table). Rows are typed by the statement (`stmt<Params, Row>`),
 * never cast; `StaffRow` has the database's column names.
 */
import type { DB } from '../../db/database';
import type { Role } from '../../kernel/roles';
import { stmt } from '../../kernel/statements';
import type { LoginStaff, StaffGender } from './types';

/** A row of `staff`. */
export interface StaffRow {
  id: number;
  name: string;
  role: Role;
  gender: StaffGender;
  pin_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export function getStaffRow(db: DB, id: number): StaffRow | undefined {
  return stmt<[number], StaffRow>(db, 'SELECT * FROM staff WHERE id = ?').get(id);
}

/** Who can log in: the active staff members by name (the login screen, the staff pickers). */
export function loginStaffList(db: DB): LoginStaff[] {
  return stmt<[], LoginStaff>(db, 'SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name').all();
}

/** Active staff first, then by name; only the active ones unless `includeInactive`. */
export function listStaff(db: DB, includeInactive: boolean): StaffRow[] {
  return includeInactive
    ? stmt<[], StaffRow>(db, 'SELECT * FROM staff ORDER BY active DESC, name').all()
    : stmt<[], StaffRow>(db, 'SELECT * FROM staff WHERE active = 1 ORDER BY active DESC, name').all();
}

/** Active staff members with one of `roles`, other than `exceptId`. */
export function activeCountWithRoles(db: DB, exceptId: number, roles: readonly Role[]): number {
  return stmt<[number, ...Role[]], { n: number }>(
    db,
    `SELECT count(*) AS n FROM staff WHERE active = 1 AND id != ? AND role IN (${roles.map(() => '?').join(',')})`,
  ).get(exceptId, ...roles)!.n;
}

export function insertStaffRow(
  db: DB,
  s: { name: string; role: Role; gender: StaffGender; pinHash: string },
  nowIso: string,
): number {
  const r = stmt<[string, Role, StaffGender, string, string, string]>(
    db,
    `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(s.name, s.role, s.gender, s.pinHash, nowIso, nowIso);
  return Number(r.lastInsertRowid);
}

export function updateStaffRow(
  db: DB,
  id: number,
  s: { name: string; role: Role; gender: StaffGender; active: number },
  nowIso: string,
): void {
  stmt<[string, Role, StaffGender, number, string, number]>(
    db,
    'UPDATE staff SET name = ?, role = ?, gender = ?, active = ?, updated_at = ? WHERE id = ?',
  ).run(s.name, s.role, s.gender, s.active, nowIso, id);
}

/** A manager set a new PIN: the wrong tries and any lock are cleared. */
export function resetPin(db: DB, id: number, pinHash: string): void {
  stmt<[string, number]>(
    db,
    'UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
  ).run(pinHash, id);
}

/** The staff member changed their own PIN. */
export function setPinHash(db: DB, id: number, pinHash: string, nowIso: string): void {
  stmt<[string, string, number]>(db, 'UPDATE staff SET pin_hash = ?, updated_at = ? WHERE id = ?').run(
    pinHash,
    nowIso,
    id,
  );
}

/** A wrong PIN counted (or the lock set, the count back to 0). */
export function setPinFailures(db: DB, id: number, attempts: number, lockedUntil: string | null): void {
  stmt<[number, string | null, number]>(
    db,
    'UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?',
  ).run(attempts, lockedUntil, id);
}

/** A right PIN: the wrong tries and any lock are cleared. */
export function clearPinFailures(db: DB, id: number): void {
  stmt<[number]>(db, 'UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
}

/** The active staff members' PIN hashes (the uniqueness check of a new PIN). */
export function activePinHashes(db: DB): { id: number; pin_hash: string }[] {
  return stmt<[], { id: number; pin_hash: string }>(
    db,
    'SELECT id, pin_hash FROM staff WHERE active = 1',
  ).all();
}

/** The active staff members with one of `roles` (the candidates of a PIN-only authorisation). */
export function activeStaffWithRoles(db: DB, roles: readonly Role[]): StaffRow[] {
  return stmt<Role[], StaffRow>(
    db,
    `SELECT * FROM staff WHERE active = 1 AND role IN (${roles.map(() => '?').join(',')}) ORDER BY id`,
  ).all(...roles);
}

/** The latest wrong authorisation PINs typed at `staffId`'s session since `sinceIso` (newest first). */
export function recentAuthFailures(
  db: DB,
  staffId: number,
  sinceIso: string,
  limit: number,
): { at: string }[] {
  return stmt<[number, string, number], { at: string }>(
    db,
    `SELECT at FROM audit_log WHERE op = 'staff.authPinWrong' AND staff_id = ? AND at > ? ORDER BY id DESC LIMIT ?`,
  ).all(staffId, sinceIso, limit);
}
