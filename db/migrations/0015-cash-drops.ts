import type { Migration } from '../types';

/**
 * Cash drops, settling over/short and the opening float count (issue 16 §4):
 * - `shift_drops`: cash taken out of the drawer to the safe or the bank (投款): the amount and its
 *   notes, the deposit slip's number (unique per destination), who dropped it and the witness whose
 *   PIN signed it — never the same person. Append-only; only into an open shift.
 * - `shift_settlements`: a surplus handed in or a shortage made good (长缴短补), recorded against the
 *   closed shift it belongs to: who handed it in / made it good, the amount, a note, who received it
 *   and when. Append-only; a surplus only for a shift that was over, a shortage only for one short
 *   (never netted against another shift: each row names one shift).
 * - the change float counted at the opening: `shifts.float_denominations_json` (the notes counted,
 *   NULL for shifts opened before) and `shifts.float_authorized_by` (the supervisor who accepted a
 *   difference over the threshold from the float handed over).
 */
export const migration0015: Migration = {
  version: 15,
  name: 'cash-drops',
  up(db) {
    db.exec(`
      CREATE TABLE shift_drops (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts(id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        denominations_json TEXT NOT NULL CHECK (json_valid(denominations_json)),
        slip_no TEXT NOT NULL CHECK (length(slip_no) BETWEEN 1 AND 40),
        destination TEXT NOT NULL CHECK (destination IN ('safe', 'bank')),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id),
        witnessed_by INTEGER NOT NULL REFERENCES staff(id),
        CHECK (witnessed_by <> by),
        UNIQUE (destination, slip_no)
      ) STRICT;
      CREATE INDEX shift_drops_shift ON shift_drops(shift_id, id);
      CREATE TRIGGER shift_drops_open_shift BEFORE INSERT ON shift_drops
        WHEN NOT EXISTS (SELECT 1 FROM shifts s WHERE s.id = NEW.shift_id AND s.status = 'open')
        BEGIN SELECT RAISE(ABORT, 'a drop is made in an open shift'); END;
      CREATE TRIGGER shift_drops_no_update BEFORE UPDATE ON shift_drops
        BEGIN SELECT RAISE(ABORT, 'shift_drops is append-only'); END;
      CREATE TRIGGER shift_drops_no_delete BEFORE DELETE ON shift_drops
        BEGIN SELECT RAISE(ABORT, 'shift_drops is append-only'); END;

      CREATE TABLE shift_settlements (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts(id),
        kind TEXT NOT NULL CHECK (kind IN ('surplus', 'shortage')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        note TEXT NOT NULL CHECK (length(note) <= 500),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX shift_settlements_shift ON shift_settlements(shift_id, id);
      CREATE TRIGGER shift_settlements_matches BEFORE INSERT ON shift_settlements
        WHEN NOT EXISTS (SELECT 1 FROM shifts s WHERE s.id = NEW.shift_id AND s.status = 'closed'
          AND ((NEW.kind = 'surplus' AND s.difference_cents > 0) OR (NEW.kind = 'shortage' AND s.difference_cents < 0)))
        BEGIN SELECT RAISE(ABORT, 'a settlement matches its closed shift''s over or short'); END;
      CREATE TRIGGER shift_settlements_not_more BEFORE INSERT ON shift_settlements
        WHEN NEW.amount_cents + (SELECT coalesce(sum(amount_cents), 0) FROM shift_settlements x WHERE x.shift_id = NEW.shift_id)
          > (SELECT abs(difference_cents) FROM shifts s WHERE s.id = NEW.shift_id)
        BEGIN SELECT RAISE(ABORT, 'a settlement is more than is open'); END;
      CREATE TRIGGER shift_settlements_no_update BEFORE UPDATE ON shift_settlements
        BEGIN SELECT RAISE(ABORT, 'shift_settlements is append-only'); END;
      CREATE TRIGGER shift_settlements_no_delete BEFORE DELETE ON shift_settlements
        BEGIN SELECT RAISE(ABORT, 'shift_settlements is append-only'); END;

      ALTER TABLE shifts ADD COLUMN float_denominations_json TEXT
        CHECK (float_denominations_json IS NULL OR json_valid(float_denominations_json));
      ALTER TABLE shifts ADD COLUMN float_authorized_by INTEGER REFERENCES staff(id);
    `);
  },
};
