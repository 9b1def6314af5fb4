import type { Migration } from '../types';

/**
 * The foundation: settings, staff, audit log, card types, members, key tags and visits.
 * Money is in integer cents; timestamps are ISO-8601 UTC strings ("2026-11-22T13:05:00.000Z");
 * calendar dates (start, expiry, birth, freeze) are club-local "YYYY-MM-DD" strings.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      -- Results of operations that carried an operation id, so a retried request is not applied twice.
      CREATE TABLE op_results (
        op_id TEXT PRIMARY KEY,
        op TEXT NOT NULL,
        staff_id INTEGER,
        result_json TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        role TEXT NOT NULL CHECK (role IN ('reception','bar','consultant','shift_lead','cs_manager','duty_manager','store_manager')),
        gender TEXT NOT NULL DEFAULT 'unspecified' CHECK (gender IN ('male','female','unspecified')),
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff(id),
        staff_name TEXT,
        op TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        before_json TEXT,
        after_json TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE card_types (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        kind TEXT NOT NULL CHECK (kind IN ('time','visits')),
        duration_days INTEGER CHECK (duration_days IS NULL OR duration_days > 0),
        visit_count INTEGER CHECK (visit_count IS NULL OR visit_count > 0),
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((kind = 'time' AND duration_days IS NOT NULL) OR (kind = 'visits' AND visit_count IS NOT NULL))
      ) STRICT;

      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        card_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        gender TEXT NOT NULL CHECK (gender IN ('male','female')),
        phone TEXT,
        birth_date TEXT,
        card_type_id INTEGER NOT NULL REFERENCES card_types(id),
        start_date TEXT NOT NULL,
        expiry_date TEXT,
        visits_left INTEGER CHECK (visits_left IS NULL OR visits_left >= 0),
        frozen_from TEXT,
        frozen_to TEXT,
        frozen_reason TEXT,
        stored_value_cents INTEGER NOT NULL DEFAULT 0 CHECK (stored_value_cents >= 0),
        consultant_id INTEGER REFERENCES staff(id),
        notes TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX members_phone ON members(phone);
      CREATE INDEX members_name ON members(name);

      -- Search terms: lower-case tokens (card number, phone, name words, pinyin, initials) with a rank.
      CREATE TABLE member_search (
        term TEXT NOT NULL,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        PRIMARY KEY (term, member_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX member_search_member ON member_search(member_id);

      CREATE TABLE member_photos (
        member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp')),
        data BLOB NOT NULL
      ) STRICT;

      CREATE TABLE member_freezes (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        reason TEXT NOT NULL,
        extended_days INTEGER NOT NULL CHECK (extended_days >= 0),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        ended_at TEXT,
        ended_by INTEGER REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX member_freezes_member ON member_freezes(member_id);

      CREATE TABLE key_tags (
        id INTEGER PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE CHECK (number > 0),
        locker TEXT,
        status TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available','issued','disinfection','lost','retired')),
        status_since TEXT NOT NULL,
        last_disinfected_at TEXT
      ) STRICT;

      CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('member','trial','coach')),
        member_id INTEGER REFERENCES members(id),
        guest_name TEXT,
        guest_phone TEXT,
        gender TEXT NOT NULL CHECK (gender IN ('male','female')),
        tag_id INTEGER REFERENCES key_tags(id),
        checked_in_at TEXT NOT NULL,
        checked_in_by INTEGER NOT NULL REFERENCES staff(id),
        checked_out_at TEXT,
        checked_out_by INTEGER REFERENCES staff(id),
        checkout_kind TEXT CHECK (checkout_kind IN ('normal','tag_not_returned')),
        visit_consumed INTEGER NOT NULL DEFAULT 0 CHECK (visit_consumed IN (0,1)),
        override_by INTEGER REFERENCES staff(id),
        override_reason TEXT,
        override_codes TEXT,
        CHECK ((kind = 'member') = (member_id IS NOT NULL)),
        CHECK (kind = 'member' OR guest_name IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX visits_open_tag ON visits(tag_id) WHERE checked_out_at IS NULL AND tag_id IS NOT NULL;
      CREATE UNIQUE INDEX visits_open_member ON visits(member_id) WHERE checked_out_at IS NULL AND member_id IS NOT NULL;
      CREATE INDEX visits_checked_in_at ON visits(checked_in_at);
      CREATE INDEX visits_member ON visits(member_id, checked_in_at);
      CREATE INDEX visits_open ON visits(checked_out_at) WHERE checked_out_at IS NULL;

      -- Charges against a member (lost key tag fee; bar debts come later), paid or not.
      CREATE TABLE member_charges (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        kind TEXT NOT NULL CHECK (kind IN ('lost_tag')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
        visit_id INTEGER REFERENCES visits(id),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        paid_at TEXT
      ) STRICT;
      CREATE INDEX member_charges_member ON member_charges(member_id) WHERE paid_at IS NULL;
    `);
  },
};
