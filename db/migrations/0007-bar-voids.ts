import type { Migration } from '../types';

/**
 * Bar slips: corrections and voids as the rulebook has them. A correction on the spot (the member
 * confirms, the slip is fresh and unpaid) is recorded in its own append-only table, so the bar report
 * can list it. A void may take part of a line: the voided part becomes its own line, pointing to the
 * line it was split from. A voided line that was paid points to the refund that gave its money back,
 * and each payment of such a refund records where the money had come from (a refund goes back where
 * it came from; cash back for stored value is a manager's decision, and shows as such).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'bar-voids',
  up(db) {
    db.exec(`
      ALTER TABLE bar_slip_lines ADD COLUMN split_from INTEGER REFERENCES bar_slip_lines(id);
      ALTER TABLE bar_slip_lines ADD COLUMN void_refund_settlement_id INTEGER REFERENCES settlements(id);

      CREATE TABLE bar_corrections (
        id INTEGER PRIMARY KEY,
        line_id INTEGER NOT NULL REFERENCES bar_slip_lines(id),
        quantity_before INTEGER NOT NULL CHECK (quantity_before > 0),
        quantity_after INTEGER NOT NULL CHECK (quantity_after >= 0 AND quantity_after <> quantity_before),
        -- How old the slip was when it was corrected (the window is a setting).
        slip_age_seconds INTEGER NOT NULL CHECK (slip_age_seconds >= 0),
        member_confirmed INTEGER NOT NULL CHECK (member_confirmed = 1),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX bar_corrections_at ON bar_corrections(at);
      CREATE INDEX bar_corrections_line ON bar_corrections(line_id);
      CREATE TRIGGER bar_corrections_no_update BEFORE UPDATE ON bar_corrections
        BEGIN SELECT RAISE(ABORT, 'bar_corrections is append-only'); END;
      CREATE TRIGGER bar_corrections_no_delete BEFORE DELETE ON bar_corrections
        BEGIN SELECT RAISE(ABORT, 'bar_corrections is append-only'); END;

      -- One row per payment of a bar refund: the method the money had been paid with.
      CREATE TABLE bar_refund_parts (
        payment_id INTEGER PRIMARY KEY REFERENCES payments(id),
        from_method TEXT NOT NULL CHECK (from_method IN ('cash','card','mobile','stored_value'))
      ) STRICT;
      CREATE TRIGGER bar_refund_parts_no_update BEFORE UPDATE ON bar_refund_parts
        BEGIN SELECT RAISE(ABORT, 'bar_refund_parts is append-only'); END;
      CREATE TRIGGER bar_refund_parts_no_delete BEFORE DELETE ON bar_refund_parts
        BEGIN SELECT RAISE(ABORT, 'bar_refund_parts is append-only'); END;
    `);
    // Voids of paid lines made before this version refunded in the same transaction, just before the
    // line was marked: link each to the last refund of its visit at or before the void.
    db.exec(`
      UPDATE bar_slip_lines SET void_refund_settlement_id = (
        SELECT r.id FROM settlements r JOIN bar_slips s ON s.visit_id = r.visit_id
        WHERE s.id = bar_slip_lines.slip_id AND r.kind = 'refund' AND r.at <= bar_slip_lines.voided_at
        ORDER BY r.at DESC, r.id DESC LIMIT 1)
      WHERE voided_at IS NOT NULL AND void_authorized_by IS NOT NULL AND settlement_id IS NOT NULL;
    `);
  },
};
