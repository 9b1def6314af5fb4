import type { Database } from 'better-sqlite3';

/** One numbered schema migration. `up` runs inside the migration's transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
