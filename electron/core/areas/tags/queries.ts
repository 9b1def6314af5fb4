/**
 * All the key-tags area's SQL (the `key_tags` table; the board joins the open visits holding a tag).
 * Rows are typed by the statement (`stmt<Params, Row>`), never cast; `…Row` types have the
 * database's column names.
 */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { VisitKind } from '../checkin/types';
import type { TagStatus } from './types';

/** A row of `key_tags`. */
export interface KeyTagRow {
  id: number;
  number: number;
  locker: string | null;
  status: TagStatus;
  status_since: string;
  last_disinfected_at: string | null;
}

/** A tag with the open visit holding it, if any (the board). */
export interface TagBoardRow extends KeyTagRow {
  visit_id: number | null;
  visit_kind: VisitKind | null;
  guest_name: string | null;
  member_name: string | null;
  card_no: string | null;
}

/** A new tag, available from `nowIso`. */
export function insertTag(db: DB, number: number, nowIso: string): void {
  stmt<[number, string]>(
    db,
    "INSERT INTO key_tags (number, status, status_since) VALUES (?, 'available', ?)",
  ).run(number, nowIso);
}

export function tagByNumber(db: DB, number: number): KeyTagRow | undefined {
  return stmt<[number], KeyTagRow>(db, 'SELECT * FROM key_tags WHERE number = ?').get(number);
}

export function lowestFreeTag(db: DB): KeyTagRow | undefined {
  return stmt<[], KeyTagRow>(
    db,
    "SELECT * FROM key_tags WHERE status = 'available' ORDER BY number LIMIT 1",
  ).get();
}

export function setTagStatus(db: DB, tagId: number, status: TagStatus, nowIso: string): void {
  stmt<[TagStatus, string, number]>(db, 'UPDATE key_tags SET status = ?, status_since = ? WHERE id = ?').run(
    status,
    nowIso,
    tagId,
  );
}

/** Back from disinfection: available again, disinfected now. */
export function markDisinfected(db: DB, tagId: number, nowIso: string): void {
  stmt<[string, string, number]>(
    db,
    "UPDATE key_tags SET status = 'available', status_since = ?, last_disinfected_at = ? WHERE id = ?",
  ).run(nowIso, nowIso, tagId);
}

export function setTagNumber(db: DB, tagId: number, number: number): void {
  stmt<[number, number]>(db, 'UPDATE key_tags SET number = ? WHERE id = ?').run(number, tagId);
}

export function setTagLocker(db: DB, tagId: number, locker: string | null): void {
  stmt<[string | null, number]>(db, 'UPDATE key_tags SET locker = ? WHERE id = ?').run(locker, tagId);
}

/** The lowest tag number already in use in [from, to], if any. */
export function firstNumberBetween(db: DB, from: number, to: number): number | undefined {
  return stmt<[number, number], { number: number }>(
    db,
    'SELECT number FROM key_tags WHERE number BETWEEN ? AND ? ORDER BY number LIMIT 1',
  ).get(from, to)?.number;
}

export function tagNumberExists(db: DB, number: number): boolean {
  return (
    stmt<[number], { one: 1 }>(db, 'SELECT 1 AS one FROM key_tags WHERE number = ?').get(number) !== undefined
  );
}

/** Every tag in number order, with the open visit holding it. */
export function tagBoardRows(db: DB): TagBoardRow[] {
  return stmt<[], TagBoardRow>(
    db,
    `SELECT t.*, v.id AS visit_id, v.kind AS visit_kind, v.guest_name, m.name AS member_name, m.card_no
       FROM key_tags t
       LEFT JOIN visits v ON v.tag_id = t.id AND v.checked_out_at IS NULL
       LEFT JOIN members m ON m.id = v.member_id
       ORDER BY t.number`,
  ).all();
}

/** Whether tags were sent to disinfection in [fromIso, toIso) (the audit log records it). */
export function disinfectionSentBetween(db: DB, fromIso: string, toIso: string): boolean {
  return (
    stmt<[string, string], { one: 1 }>(
      db,
      "SELECT 1 AS one FROM audit_log WHERE op = 'tags.sendToDisinfection' AND at >= ? AND at < ? LIMIT 1",
    ).get(fromIso, toIso) !== undefined
  );
}
