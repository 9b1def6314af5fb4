/**
 * All the import area's SQL. Rows are typed by the statement (`stmt<Params, Row>`), never cast; a
 * `…Row` type is a database row with the database's column names. Members are created through the
 * members area (insertMember); what the import adds to a new member is written here.
 */
import type { CardKind } from '../../contract/types';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { MemberRow } from '../members';

type Found = { one: 1 };

/** What the checker needs of a card type. */
export interface CardTypeLiteRow {
  id: number;
  name: string;
  kind: CardKind;
  duration_days: number | null;
  active: number;
}

export function cardTypes(db: DB): CardTypeLiteRow[] {
  return stmt<[], CardTypeLiteRow>(db, 'SELECT id, name, kind, duration_days, active FROM card_types').all();
}

export interface StaffNameRow {
  id: number;
  name: string;
}

/** Active staff members, for matching the file's consultant names. */
export function activeStaffNames(db: DB): StaffNameRow[] {
  return stmt<[], StaffNameRow>(db, 'SELECT id, name FROM staff WHERE active = 1').all();
}

export function isActiveStaff(db: DB, staffId: number): boolean {
  return (
    stmt<[number], Found>(db, 'SELECT 1 AS one FROM staff WHERE id = ? AND active = 1').get(staffId) !==
    undefined
  );
}

/** Whether a card number is taken: one lookup per row of the file, on one statement. */
export function cardNoTaken(db: DB): (cardNo: string) => boolean {
  const st = stmt<[string], Found>(db, 'SELECT 1 AS one FROM members WHERE card_no = ?');
  return (cardNo) => st.get(cardNo) !== undefined;
}

/** What a new member takes over from the file besides its card: deactivated, frozen, the national ID. */
export function setImportedState(
  db: DB,
  memberId: number,
  s: {
    active: boolean;
    frozenFrom: string | null;
    frozenTo: string | null;
    frozenReason: string | null;
    nationalId: string | null;
  },
): void {
  stmt<[number, string | null, string | null, string | null, string | null, number]>(
    db,
    'UPDATE members SET active = ?, frozen_from = ?, frozen_to = ?, frozen_reason = ?, national_id = ? WHERE id = ?',
  ).run(s.active ? 1 : 0, s.frozenFrom, s.frozenTo, s.frozenReason, s.nationalId, memberId);
}

/** The record of a freeze taken over from the file (no extension of the expiry: the file's expiry stands). */
export function insertImportedFreeze(
  db: DB,
  f: { memberId: number; from: string; to: string; reason: string; at: string; by: number },
): void {
  stmt<[number, string, string, string, string, number]>(
    db,
    `INSERT INTO member_freezes (member_id, from_date, to_date, reason, extended_days, created_at, created_by)
     VALUES (?, ?, ?, ?, 0, ?, ?)`,
  ).run(f.memberId, f.from, f.to, f.reason, f.at, f.by);
}

/** A member as the roster export writes it: with its card type's and consultant's names. */
export interface MemberExportRow extends MemberRow {
  type_name: string;
  consultant_name: string | null;
}

/** Every member, by card number. */
export function rosterRows(db: DB): MemberExportRow[] {
  return stmt<[], MemberExportRow>(
    db,
    `SELECT m.*, t.name AS type_name, s.name AS consultant_name FROM members m
       JOIN card_types t ON t.id = m.card_type_id LEFT JOIN staff s ON s.id = m.consultant_id
       ORDER BY m.card_no`,
  ).all();
}
