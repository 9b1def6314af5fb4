import type { Migration } from '../types';

/**
 * Memberships: a member's entitlement (card type, start, expiry, visits left, active, freeze) changes
 * only through explicit operations, and every change is an entry of the member's entitlement
 * history (who, when, what before and after, what was paid): a card sold at the desk, a renewal or
 * an upgrade, a freeze or unfreeze, a manager's correction with its reason. The history is
 * append-only. Existing members get an entry 'initial' holding their entitlement as found.
 *
 * A card sold at the desk is paid through a settlement of the new kind 'card_sale', so it counts in
 * the shift's takings and cash like any other payment. Widening the CHECK on settlements.kind needs
 * the table rebuilt. payments, bar_slip_lines and member_charges reference settlements(id); with
 * foreign keys on (the migration runs in a transaction, where they cannot be switched off) the
 * rows are copied aside, the table dropped and created again under its own name, and the rows
 * copied back: dropping counts every child row as a deferred violation and inserting its parent
 * again clears it, so the transaction commits only if every reference is restored. Temporary
 * indexes on the child columns keep that from scanning the child tables once per settlement.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'memberships',
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE INDEX tmp_bar_slip_lines_settlement ON bar_slip_lines(settlement_id);
      CREATE INDEX tmp_member_charges_settlement ON member_charges(settlement_id);
      CREATE TEMP TABLE settlements_copy AS SELECT * FROM settlements;
      DROP TABLE settlements;
      CREATE TABLE settlements (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('checkout','debts','topup','refund','card_sale')),
        visit_id INTEGER REFERENCES visits(id),
        member_id INTEGER REFERENCES members(id),
        bar_cents INTEGER NOT NULL DEFAULT 0 CHECK (bar_cents >= 0),
        charges_cents INTEGER NOT NULL DEFAULT 0 CHECK (charges_cents >= 0),
        total_cents INTEGER NOT NULL,
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id),
        CHECK (kind <> 'card_sale' OR (member_id IS NOT NULL AND visit_id IS NULL AND total_cents > 0))
      ) STRICT;
      INSERT INTO settlements (id, kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
        SELECT id, kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by FROM settlements_copy;
      DROP TABLE settlements_copy;
      CREATE INDEX settlements_at ON settlements(at);
      CREATE INDEX settlements_member ON settlements(member_id);
      DROP INDEX tmp_bar_slip_lines_settlement;
      DROP INDEX tmp_member_charges_settlement;

      -- The entitlement history. before_json / after_json: the entitlement as
      -- {cardTypeId, cardTypeName, startDate, expiryDate, visitsLeft, active, frozenFrom, frozenTo}.
      -- A sale, renewal or upgrade records the card type and quantity bought, the amount paid (typed
      -- from the consultant's sales slip) with its settlement, the catalogue price at the time (shown
      -- only to those who may see prices), the consultant who sold it and the visitor it closes.
      CREATE TABLE member_entitlements (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        kind TEXT NOT NULL CHECK (kind IN ('initial','import','registered','sale','renewal','upgrade','freeze','unfreeze','correction')),
        at TEXT NOT NULL,
        by INTEGER REFERENCES staff(id),
        before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json TEXT NOT NULL CHECK (json_valid(after_json)),
        card_type_id INTEGER REFERENCES card_types(id),
        quantity INTEGER CHECK (quantity IS NULL OR quantity > 0),
        paid_cents INTEGER CHECK (paid_cents IS NULL OR paid_cents >= 0),
        list_price_cents INTEGER CHECK (list_price_cents IS NULL OR list_price_cents >= 0),
        settlement_id INTEGER UNIQUE REFERENCES settlements(id),
        sold_by INTEGER REFERENCES staff(id),
        visitor_id INTEGER UNIQUE REFERENCES visitors(id),
        authorized_by INTEGER REFERENCES staff(id),
        reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        CHECK (kind IN ('initial','import') OR by IS NOT NULL),
        CHECK ((kind IN ('sale','renewal','upgrade')) = (card_type_id IS NOT NULL AND quantity IS NOT NULL AND paid_cents IS NOT NULL)),
        CHECK (kind NOT IN ('sale','renewal','upgrade') OR (paid_cents > 0) = (settlement_id IS NOT NULL)),
        CHECK (kind NOT IN ('sale','renewal','upgrade') OR paid_cents > 0 OR (authorized_by IS NOT NULL AND reason IS NOT NULL)),
        CHECK (kind <> 'correction' OR reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX member_entitlements_member ON member_entitlements(member_id, id);
      CREATE INDEX member_entitlements_sales ON member_entitlements(at) WHERE kind IN ('sale','renewal','upgrade');
      CREATE TRIGGER member_entitlements_no_update BEFORE UPDATE ON member_entitlements
        BEGIN SELECT RAISE(ABORT, 'member_entitlements is append-only'); END;
      CREATE TRIGGER member_entitlements_no_delete BEFORE DELETE ON member_entitlements
        BEGIN SELECT RAISE(ABORT, 'member_entitlements is append-only'); END;

      INSERT INTO member_entitlements (member_id, kind, at, by, before_json, after_json, reason)
        SELECT m.id, 'initial', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, NULL,
               json_object('cardTypeId', m.card_type_id, 'cardTypeName', t.name, 'startDate', m.start_date,
                           'expiryDate', m.expiry_date, 'visitsLeft', m.visits_left, 'active', json(CASE WHEN m.active = 1 THEN 'true' ELSE 'false' END),
                           'frozenFrom', m.frozen_from, 'frozenTo', m.frozen_to),
               NULL
        FROM members m JOIN card_types t ON t.id = m.card_type_id ORDER BY m.id;
    `);
  },
};
