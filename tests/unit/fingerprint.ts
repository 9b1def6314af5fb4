import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** A fingerprint of everything in the database: every table's row count and a hash of its rows. */
export function fingerprint(db: Database): string {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  return tables
    .map((t) => {
      const rows = db.prepare(`SELECT * FROM "${t}"`).raw().all();
      const hash = createHash('sha1').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
      return `${t}:${rows.length}:${hash}`;
    })
    .join('|');
}
