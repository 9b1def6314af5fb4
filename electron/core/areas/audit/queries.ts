/**
 * All the audit area's SQL: the search of `audit_log` (the log is written by kernel/ctx.ts's
 * writeAudit). Rows are typed by the statement (`stmt<Params, Row>`), never cast; `AuditLogRow` has
 * the database's column names.
 */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';

/** A row of `audit_log`. */
export interface AuditLogRow {
  id: number;
  at: string;
  staff_id: number | null;
  staff_name: string | null;
  op: string;
  entity: string | null;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  detail: string | null;
}

/** What the search narrows by: a time range [fromIso, toIso), a staff member, a text. */
export interface AuditFilter {
  fromIso?: string;
  toIso?: string;
  staffId?: number;
  /** Matches the operation, the staff name, the before/after JSON, the detail (LIKE) or the entity id (exactly). */
  text?: string;
  /** Operations left out (the audited reads, unless asked for). */
  excludeOps?: readonly string[];
}

type Param = string | number;

function whereOf(f: AuditFilter): { sql: string; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  if (f.fromIso) {
    where.push('at >= ?');
    params.push(f.fromIso);
  }
  if (f.toIso) {
    where.push('at < ?');
    params.push(f.toIso);
  }
  if (f.staffId) {
    where.push('staff_id = ?');
    params.push(f.staffId);
  }
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    where.push(
      `(op LIKE ? ESCAPE '\\' OR staff_name LIKE ? ESCAPE '\\' OR entity_id = ? OR before_json LIKE ? ESCAPE '\\' OR after_json LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')`,
    );
    params.push(like, like, f.text, like, like, like);
  }
  if (f.excludeOps?.length) {
    where.push(`op NOT IN (${f.excludeOps.map(() => '?').join(',')})`);
    params.push(...f.excludeOps);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function countAuditEntries(db: DB, f: AuditFilter): number {
  const w = whereOf(f);
  return stmt<Param[], { n: number }>(db, `SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params)!.n;
}

/** The matching entries, newest first. */
export function auditEntries(db: DB, f: AuditFilter, limit: number, offset: number): AuditLogRow[] {
  const w = whereOf(f);
  return stmt<Param[], AuditLogRow>(
    db,
    `SELECT id, at, staff_id, staff_name, op, entity, entity_id, before_json, after_json, detail
       FROM audit_log ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
  ).all(...w.params, limit, offset);
}

/** Members by id (the audit rows that name one). */
export function membersByIds(db: DB, ids: number[]): { id: number; name: string; card_no: string }[] {
  if (!ids.length) return [];
  return stmt<number[], { id: number; name: string; card_no: string }>(
    db,
    `SELECT id, name, card_no FROM members WHERE id IN (${ids.map(() => '?').join(',')})`,
  ).all(...ids);
}

/** The member and tag of visits by id (check-in, check-out and bar entries are on the visit). */
export function visitsByIds(
  db: DB,
  ids: number[],
): { id: number; member_id: number | null; tag_number: number | null }[] {
  if (!ids.length) return [];
  return stmt<number[], { id: number; member_id: number | null; tag_number: number | null }>(
    db,
    `SELECT v.id, v.member_id, t.number AS tag_number FROM visits v LEFT JOIN key_tags t ON t.id = v.tag_id
      WHERE v.id IN (${ids.map(() => '?').join(',')})`,
  ).all(...ids);
}

/** Staff names by id (who authorised). */
export function staffNames(db: DB, ids: number[]): { id: number; name: string }[] {
  if (!ids.length) return [];
  return stmt<number[], { id: number; name: string }>(
    db,
    `SELECT id, name FROM staff WHERE id IN (${ids.map(() => '?').join(',')})`,
  ).all(...ids);
}
