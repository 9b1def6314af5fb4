import type { Database } from 'better-sqlite3';
import type { Migration } from '../types';

/**
 * What a club's roster brings with it (issue 11, importing a roster):
 *
 * - A member's gender may be unknown: a roster from another system without a gender column still
 *   imports. `members.gender` and `visits.gender` (copied at check-in, counted in the handover
 *   book) accept 'unknown' besides 'male' and 'female'. Both tables are rebuilt with SQLite's
 *   12-step recipe (foreign keys off around the transaction, see Migration.foreignKeysOff): the new
 *   table is made from the stored CREATE statement with only the CHECK widened, so every column
 *   added by earlier migrations comes along; rows are copied with their ids; the indexes and
 *   triggers of the table are made again. Search terms, photos, freezes, visits, ledgers and every
 *   other reference keep pointing at the same ids.
 * - A national ID number (身份证号) is kept only when a manager chose to when importing: a column of
 *   its own that only managers are ever sent, never searched.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'import',
  foreignKeysOff: true,
  up(db) {
    const widen = (sql: string) =>
      replaceOnce(
        sql,
        "CHECK (gender IN ('male','female'))",
        "CHECK (gender IN ('male','female','unknown'))",
      );
    rebuildTable(db, 'members', widen);
    rebuildTable(db, 'visits', widen);
    db.exec(`
      ALTER TABLE members ADD COLUMN national_id TEXT
        CHECK (national_id IS NULL OR length(national_id) BETWEEN 1 AND 40);
    `);
  },
};

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0)
    throw new Error(`migration: expected exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * Rebuilds a table with a changed definition (SQLite's "12-step" procedure, steps 4–9): the caller
 * runs it inside a transaction with foreign keys off. `edit` changes the table's CREATE statement as
 * stored in the schema; the columns stay the same and in the same order.
 */
export function rebuildTable(db: Database, table: string, edit: (createSql: string) => string): void {
  const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as
    { sql: string } | undefined;
  if (!row) throw new Error(`migration: no table ${table}`);
  const sql = edit(row.sql);
  const head = new RegExp(`^CREATE TABLE\\s+"?${table}"?\\s*\\(`);
  if (!head.test(sql)) throw new Error(`migration: unexpected CREATE statement of ${table}`);
  const temp = `${table}_rebuild`;
  const extras = db
    .prepare(
      "SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
    )
    .all(table) as { sql: string }[];
  db.exec(sql.replace(head, `CREATE TABLE ${temp} (`));
  db.exec(`INSERT INTO ${temp} SELECT * FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${temp} RENAME TO ${table}`);
  for (const e of extras) db.exec(e.sql);
}
