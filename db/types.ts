import type { Database } from 'better-sqlite3';

/** One numbered schema migration. `up` runs inside the migration's transaction. */
export interface Migration {
  version: number;
  name: string;
  /**
   * The migration rebuilds tables that others refer to (SQLite's 12-step recipe): the runner turns
   * foreign keys off around its transaction (a pragma that cannot change inside one), runs
   * `PRAGMA foreign_key_check` before committing (any violation rolls the migration back) and turns
   * them on again. With foreign keys on, dropping the old table would cascade into the tables that
   * refer to it (search terms, photos) and leave the others with a failed deferred check.
   */
  foreignKeysOff?: boolean;
  up(db: Database): void;
}
