import type { Migration } from '../types';

/**
 * The cash drawer's controls (issue 11):
 * - a pay-out names the shift lead or manager who authorised it (their PIN): `shift_payouts.authorized_by`,
 *   required for every new pay-out (rows from before this version keep NULL: not recorded then);
 * - one blind count per shift: a recount needs a shift lead's authorisation (`shift_recounts`, which
 *   count it supersedes, who authorised it and why); the recount names it (`shift_counts.recount_id`)
 *   and the database refuses a second count without one. Every count stays (append-only);
 * - a closed day can be reopened by a manager (`day_reopenings`, with the PIN's owner and the reason):
 *   `day_closes` is rebuilt without its UNIQUE(day) so the day can be closed again; a trigger keeps one
 *   close per day that is not reopened, and a shift cannot be opened on a closed day.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'cash',
  up(db) {
    db.exec(`
      ALTER TABLE shift_payouts ADD COLUMN authorized_by INTEGER REFERENCES staff(id);
      CREATE TRIGGER shift_payouts_authorized BEFORE INSERT ON shift_payouts WHEN NEW.authorized_by IS NULL
        BEGIN SELECT RAISE(ABORT, 'a pay-out needs an authorisation'); END;

      -- A recount authorised by a shift lead or manager: the count it supersedes, who and why.
      CREATE TABLE shift_recounts (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts(id),
        count_id INTEGER NOT NULL UNIQUE REFERENCES shift_counts(id),
        authorized_by INTEGER NOT NULL REFERENCES staff(id),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX shift_recounts_shift ON shift_recounts(shift_id, id);
      CREATE TRIGGER shift_recounts_same_shift BEFORE INSERT ON shift_recounts
        WHEN NOT EXISTS (SELECT 1 FROM shift_counts c WHERE c.id = NEW.count_id AND c.shift_id = NEW.shift_id)
        BEGIN SELECT RAISE(ABORT, 'a recount supersedes a count of its own shift'); END;
      CREATE TRIGGER shift_recounts_no_update BEFORE UPDATE ON shift_recounts
        BEGIN SELECT RAISE(ABORT, 'shift_recounts is append-only'); END;
      CREATE TRIGGER shift_recounts_no_delete BEFORE DELETE ON shift_recounts
        BEGIN SELECT RAISE(ABORT, 'shift_recounts is append-only'); END;

      ALTER TABLE shift_counts ADD COLUMN recount_id INTEGER REFERENCES shift_recounts(id);
      CREATE UNIQUE INDEX shift_counts_recount ON shift_counts(recount_id) WHERE recount_id IS NOT NULL;
      CREATE TRIGGER shift_counts_one_blind BEFORE INSERT ON shift_counts
        WHEN EXISTS (SELECT 1 FROM shift_counts c WHERE c.shift_id = NEW.shift_id)
          AND (NEW.recount_id IS NULL OR NOT EXISTS (
            SELECT 1 FROM shift_recounts r WHERE r.id = NEW.recount_id AND r.shift_id = NEW.shift_id))
        BEGIN SELECT RAISE(ABORT, 'a recount needs an authorisation'); END;

      -- day_closes without UNIQUE(day): a reopened day is closed again (SQLite's 12-step rebuild).
      PRAGMA defer_foreign_keys = ON;
      CREATE TABLE day_closes_new (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (length(day) = 10),
        closed_at TEXT NOT NULL,
        closed_by INTEGER NOT NULL REFERENCES staff(id),
        checklist_json TEXT NOT NULL CHECK (json_valid(checklist_json)),
        book_json TEXT NOT NULL CHECK (json_valid(book_json)),
        backup_file TEXT
      ) STRICT;
      INSERT INTO day_closes_new (id, day, closed_at, closed_by, checklist_json, book_json, backup_file)
        SELECT id, day, closed_at, closed_by, checklist_json, book_json, backup_file FROM day_closes;
      DROP TABLE day_closes;
      ALTER TABLE day_closes_new RENAME TO day_closes;
      CREATE INDEX day_closes_day ON day_closes(day, id);
      CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
        BEGIN SELECT RAISE(ABORT, 'day closes are never deleted'); END;
      CREATE TRIGGER day_closes_only_backup BEFORE UPDATE ON day_closes
        WHEN NEW.day IS NOT OLD.day OR NEW.closed_at IS NOT OLD.closed_at OR NEW.book_json IS NOT OLD.book_json
          OR NEW.checklist_json IS NOT OLD.checklist_json OR NEW.closed_by IS NOT OLD.closed_by
          OR OLD.backup_file IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a day close is read-only'); END;

      -- A closed day reopened by a manager: which close, who authorised it and why.
      CREATE TABLE day_reopenings (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (length(day) = 10),
        day_close_id INTEGER NOT NULL UNIQUE REFERENCES day_closes(id),
        authorized_by INTEGER NOT NULL REFERENCES staff(id),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX day_reopenings_day ON day_reopenings(day, id);
      CREATE TRIGGER day_reopenings_same_day BEFORE INSERT ON day_reopenings
        WHEN NOT EXISTS (SELECT 1 FROM day_closes c WHERE c.id = NEW.day_close_id AND c.day = NEW.day)
        BEGIN SELECT RAISE(ABORT, 'a reopening names a close of its day'); END;
      CREATE TRIGGER day_reopenings_no_update BEFORE UPDATE ON day_reopenings
        BEGIN SELECT RAISE(ABORT, 'day_reopenings is append-only'); END;
      CREATE TRIGGER day_reopenings_no_delete BEFORE DELETE ON day_reopenings
        BEGIN SELECT RAISE(ABORT, 'day_reopenings is append-only'); END;

      -- One standing close per day (a close no reopening refers to); no shift opens on a closed day.
      CREATE TRIGGER day_closes_one_standing BEFORE INSERT ON day_closes
        WHEN EXISTS (SELECT 1 FROM day_closes c WHERE c.day = NEW.day
          AND NOT EXISTS (SELECT 1 FROM day_reopenings r WHERE r.day_close_id = c.id))
        BEGIN SELECT RAISE(ABORT, 'the day is already closed'); END;
      CREATE TRIGGER shifts_not_on_closed_day BEFORE INSERT ON shifts
        WHEN EXISTS (SELECT 1 FROM day_closes c WHERE c.day = NEW.day
          AND NOT EXISTS (SELECT 1 FROM day_reopenings r WHERE r.day_close_id = c.id))
        BEGIN SELECT RAISE(ABORT, 'the day is closed'); END;
    `);
  },
};
