import type { Migration } from '../types';

/**
 * The drink bar and money: the catalogue, stock as a ledger of movements, slips (tabs) on a visit,
 * settlements with their payments (split across methods), and the stored-value ledger.
 *
 * Stock of an item = the sum of its stock movements. A member's stored value = the sum of their
 * ledger entries (members.stored_value_cents is kept equal to it in the same transaction, and the
 * weekly check compares them). Money is integer cents throughout.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'bar',
  up(db) {
    db.exec(`
      CREATE TABLE bar_items (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 50),
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        notes TEXT NOT NULL DEFAULT '',
        sort INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- A settlement is one act of paying: a tab at check-out, a member's debts, a stored-value
      -- top-up, or a refund. Its payments (one per method) add up to its total.
      CREATE TABLE settlements (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('checkout','debts','topup','refund')),
        visit_id INTEGER REFERENCES visits(id),
        member_id INTEGER REFERENCES members(id),
        bar_cents INTEGER NOT NULL DEFAULT 0 CHECK (bar_cents >= 0),
        charges_cents INTEGER NOT NULL DEFAULT 0 CHECK (charges_cents >= 0),
        total_cents INTEGER NOT NULL,
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX settlements_at ON settlements(at);
      CREATE INDEX settlements_member ON settlements(member_id);

      CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        settlement_id INTEGER NOT NULL REFERENCES settlements(id),
        method TEXT NOT NULL CHECK (method IN ('cash','card','mobile','stored_value')),
        amount_cents INTEGER NOT NULL,
        tendered_cents INTEGER CHECK (tendered_cents IS NULL OR tendered_cents >= 0),
        change_cents INTEGER CHECK (change_cents IS NULL OR change_cents >= 0),
        reference TEXT,
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX payments_settlement ON payments(settlement_id);
      CREATE INDEX payments_at ON payments(at);

      -- A slip (消水单) is what the bar writes in one go on a visit; its lines carry the item's name
      -- and price at the time, so a later price change never alters it.
      CREATE TABLE bar_slips (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits(id),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX bar_slips_visit ON bar_slips(visit_id);
      CREATE INDEX bar_slips_at ON bar_slips(created_at);

      CREATE TABLE bar_slip_lines (
        id INTEGER PRIMARY KEY,
        slip_id INTEGER NOT NULL REFERENCES bar_slips(id),
        item_id INTEGER NOT NULL REFERENCES bar_items(id),
        item_name TEXT NOT NULL,
        unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        amount_cents INTEGER NOT NULL CHECK (amount_cents = unit_price_cents * quantity),
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff(id),
        void_authorized_by INTEGER REFERENCES staff(id),
        void_reason TEXT,
        settlement_id INTEGER REFERENCES settlements(id),
        CHECK ((voided_at IS NULL) = (void_reason IS NULL))
      ) STRICT;
      CREATE INDEX bar_slip_lines_slip ON bar_slip_lines(slip_id);
      CREATE INDEX bar_slip_lines_unpaid ON bar_slip_lines(slip_id) WHERE settlement_id IS NULL AND voided_at IS NULL;

      -- Stock movements: delivery (+), sale (−), void (+), correction (±), stocktake (counted − expected).
      CREATE TABLE stock_moves (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES bar_items(id),
        kind TEXT NOT NULL CHECK (kind IN ('delivery','sale','void','correction','stocktake')),
        quantity INTEGER NOT NULL,
        line_id INTEGER REFERENCES bar_slip_lines(id),
        stocktake_id INTEGER REFERENCES stocktakes(id),
        note TEXT,
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX stock_moves_item ON stock_moves(item_id, at);
      CREATE INDEX stock_moves_at ON stock_moves(at);

      CREATE TABLE stocktakes (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('daily','month_end')),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE TABLE stocktake_lines (
        stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
        item_id INTEGER NOT NULL REFERENCES bar_items(id),
        expected INTEGER NOT NULL,
        counted INTEGER NOT NULL CHECK (counted >= 0),
        reason TEXT,
        PRIMARY KEY (stocktake_id, item_id)
      ) STRICT;

      -- Water served free to a visitor in the bar area (counted, never charged).
      CREATE TABLE bar_water (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER REFERENCES visits(id),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX bar_water_at ON bar_water(at);

      -- Stored value (储值): every change of a balance is an entry; the balance never goes below zero.
      CREATE TABLE stored_value_ledger (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        kind TEXT NOT NULL CHECK (kind IN ('opening','topup','deduction','refund','adjustment')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
        balance_after_cents INTEGER NOT NULL CHECK (balance_after_cents >= 0),
        payment_id INTEGER REFERENCES payments(id),
        reason TEXT,
        at TEXT NOT NULL,
        by INTEGER REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX stored_value_member ON stored_value_ledger(member_id, id);
      CREATE INDEX stored_value_at ON stored_value_ledger(at);
      CREATE TRIGGER stored_value_no_update BEFORE UPDATE ON stored_value_ledger
        BEGIN SELECT RAISE(ABORT, 'stored_value_ledger is append-only'); END;
      CREATE TRIGGER stored_value_no_delete BEFORE DELETE ON stored_value_ledger
        BEGIN SELECT RAISE(ABORT, 'stored_value_ledger is append-only'); END;

      -- Member charges (lost tags) are paid by a settlement too.
      ALTER TABLE member_charges ADD COLUMN settlement_id INTEGER REFERENCES settlements(id);

      -- A shift lead may let a member leave with the tab unpaid: recorded on the visit.
      ALTER TABLE visits ADD COLUMN unpaid_allowed_by INTEGER REFERENCES staff(id);
      ALTER TABLE visits ADD COLUMN unpaid_reason TEXT;
    `);
    // Balances that existed before the ledger become its opening entries, so ledger = balance.
    db.exec(`
      INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, reason, at, by)
      SELECT id, 'opening', stored_value_cents, stored_value_cents, 'opening balance', updated_at, NULL
      FROM members WHERE stored_value_cents > 0;
    `);
  },
};
