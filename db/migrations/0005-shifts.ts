import type { Migration } from '../types';

/**
 * Shifts and the handover book (交接班 / 交接本): a shift is opened by the staff on duty with the
 * float they received, acknowledges the previous handover and ticks the opening checklist; it
 * records pay-outs and blind cash counts; it is closed with both signatures. A closed shift never
 * changes (a trigger refuses it): a correction is a new row that refers to it. A day close combines
 * the day's shifts once, with the pre-closing checklist and a backup.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'shifts',
  up(db) {
    db.exec(`
      CREATE TABLE shifts (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (length(day) = 10),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        opened_at TEXT NOT NULL,
        opened_by INTEGER NOT NULL REFERENCES staff(id),
        -- The records of the shift: [window_from, window_to). It starts where the previous shift's
        -- window ended (nothing falls between two shifts) and ends when the shift is closed.
        window_from TEXT NOT NULL,
        window_to TEXT,
        staff_json TEXT NOT NULL CHECK (json_valid(staff_json) AND json_type(staff_json) = 'array'),
        previous_shift_id INTEGER REFERENCES shifts(id),
        handover_ack_at TEXT,
        handover_ack_by INTEGER REFERENCES staff(id),
        float_prefill_cents INTEGER NOT NULL CHECK (float_prefill_cents >= 0),
        float_cents INTEGER NOT NULL CHECK (float_cents >= 0),
        float_reason TEXT,
        checklist_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checklist_json)),
        messages TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        closed_at TEXT,
        closed_by INTEGER REFERENCES staff(id),
        counted_cents INTEGER CHECK (counted_cents IS NULL OR counted_cents >= 0),
        expected_cents INTEGER,
        difference_cents INTEGER,
        difference_reason TEXT,
        float_handed_cents INTEGER CHECK (float_handed_cents IS NULL OR float_handed_cents >= 0),
        book_json TEXT CHECK (book_json IS NULL OR json_valid(book_json)),
        signed_out_by INTEGER REFERENCES staff(id),
        signed_in_by INTEGER REFERENCES staff(id),
        CHECK (float_cents = float_prefill_cents OR float_reason IS NOT NULL),
        CHECK (status = 'open' OR (closed_at IS NOT NULL AND counted_cents IS NOT NULL
          AND expected_cents IS NOT NULL AND difference_cents = counted_cents - expected_cents
          AND float_handed_cents IS NOT NULL AND book_json IS NOT NULL
          AND window_to IS NOT NULL AND signed_out_by IS NOT NULL AND signed_in_by IS NOT NULL AND signed_out_by <> signed_in_by)),
        CHECK (difference_cents IS NULL OR difference_cents = 0 OR difference_reason IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX shifts_one_open ON shifts(status) WHERE status = 'open';
      CREATE INDEX shifts_day ON shifts(day);
      CREATE TRIGGER shifts_closed_readonly BEFORE UPDATE ON shifts WHEN OLD.status = 'closed'
        BEGIN SELECT RAISE(ABORT, 'a closed shift is read-only'); END;
      CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
        BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;

      -- Blind counts: the counted cash by denomination; the expected figure is stored with it but
      -- only sent back after the count. A recount is possible only when cash moved since.
      CREATE TABLE shift_counts (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts(id),
        denominations_json TEXT NOT NULL CHECK (json_valid(denominations_json)),
        counted_cents INTEGER NOT NULL CHECK (counted_cents >= 0),
        expected_cents INTEGER NOT NULL,
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX shift_counts_shift ON shift_counts(shift_id, id);
      CREATE TRIGGER shift_counts_no_update BEFORE UPDATE ON shift_counts
        BEGIN SELECT RAISE(ABORT, 'shift_counts is append-only'); END;
      CREATE TRIGGER shift_counts_no_delete BEFORE DELETE ON shift_counts
        BEGIN SELECT RAISE(ABORT, 'shift_counts is append-only'); END;

      -- Cash taken out of the drawer during a shift (petty cash), with the reason.
      CREATE TABLE shift_payouts (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts(id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX shift_payouts_shift ON shift_payouts(shift_id);
      CREATE TRIGGER shift_payouts_no_update BEFORE UPDATE ON shift_payouts
        BEGIN SELECT RAISE(ABORT, 'shift_payouts is append-only'); END;
      CREATE TRIGGER shift_payouts_no_delete BEFORE DELETE ON shift_payouts
        BEGIN SELECT RAISE(ABORT, 'shift_payouts is append-only'); END;

      -- A correction of a closed shift: a new entry that refers to it, shown with it.
      CREATE TABLE shift_corrections (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts(id),
        figure TEXT,
        value INTEGER,
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX shift_corrections_shift ON shift_corrections(shift_id);
      CREATE TRIGGER shift_corrections_no_update BEFORE UPDATE ON shift_corrections
        BEGIN SELECT RAISE(ABORT, 'shift_corrections is append-only'); END;
      CREATE TRIGGER shift_corrections_no_delete BEFORE DELETE ON shift_corrections
        BEGIN SELECT RAISE(ABORT, 'shift_corrections is append-only'); END;

      CREATE TABLE day_closes (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL UNIQUE CHECK (length(day) = 10),
        closed_at TEXT NOT NULL,
        closed_by INTEGER NOT NULL REFERENCES staff(id),
        checklist_json TEXT NOT NULL CHECK (json_valid(checklist_json)),
        book_json TEXT NOT NULL CHECK (json_valid(book_json)),
        backup_file TEXT
      ) STRICT;
      CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
        BEGIN SELECT RAISE(ABORT, 'day closes are never deleted'); END;
      CREATE TRIGGER day_closes_only_backup BEFORE UPDATE ON day_closes
        WHEN NEW.day IS NOT OLD.day OR NEW.closed_at IS NOT OLD.closed_at OR NEW.book_json IS NOT OLD.book_json
          OR NEW.checklist_json IS NOT OLD.checklist_json OR NEW.closed_by IS NOT OLD.closed_by
          OR OLD.backup_file IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a day close is read-only'); END;
    `);
  },
};
