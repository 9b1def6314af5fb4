/**
 * All the settings area's SQL (the `settings` table: one JSON value per key). Rows are typed by the
 * statement (`stmt<Params, Row>`), never cast.
 */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';

/** A row of `settings`: the value is JSON. */
export interface SettingRow {
  key: string;
  value: string;
}

export function settingRows(db: DB): SettingRow[] {
  return stmt<[], SettingRow>(db, 'SELECT key, value FROM settings').all();
}

export function upsertSetting(db: DB, key: string, json: string): void {
  stmt<[string, string]>(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, json);
}

/** The setup wrote the club's name: the database is set up. */
export function hasClubName(db: DB): boolean {
  return stmt<[], { one: 1 }>(db, "SELECT 1 AS one FROM settings WHERE key = 'clubName'").get() !== undefined;
}
