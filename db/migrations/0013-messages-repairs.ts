import type { Migration } from '../types';

/**
 * The message book and the repair log (issue 16):
 * - `staff_messages`: a message taken at the desk for a member of staff (from a caller or a visitor,
 *   their name, phone as the key of shared/phone.ts or '', the text; who took it and when). It is
 *   marked done once (who, when, an optional note); nothing else in it changes and none is deleted.
 * - `repairs`: a loss, damage or needed repair (what, where, urgency, an optional photo in the
 *   attachment store by its hash); its status moves reported → requested → fixed / written_off, the
 *   cost in cents at the end. `repair_steps` is its append-only history (who, when, note, cost);
 *   an item's status can only move along those steps, and a closed item never changes again.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'messages-repairs',
  up(db) {
    db.exec(`
      CREATE TABLE staff_messages (
        id INTEGER PRIMARY KEY,
        to_staff_id INTEGER NOT NULL REFERENCES staff(id),
        source TEXT NOT NULL CHECK (source IN ('caller', 'visitor')),
        from_name TEXT NOT NULL CHECK (length(from_name) BETWEEN 1 AND 100),
        phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        done_at TEXT,
        done_by INTEGER REFERENCES staff(id),
        done_note TEXT CHECK (done_note IS NULL OR length(done_note) <= 500),
        CHECK ((done_at IS NULL) = (done_by IS NULL))
      ) STRICT;
      CREATE INDEX staff_messages_to_open ON staff_messages(to_staff_id) WHERE done_at IS NULL;
      CREATE INDEX staff_messages_created ON staff_messages(created_at);
      CREATE TRIGGER staff_messages_done_once BEFORE UPDATE ON staff_messages
        WHEN OLD.done_at IS NOT NULL
          OR NEW.to_staff_id IS NOT OLD.to_staff_id OR NEW.source IS NOT OLD.source
          OR NEW.from_name IS NOT OLD.from_name OR NEW.phone IS NOT OLD.phone OR NEW.text IS NOT OLD.text
          OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        BEGIN SELECT RAISE(ABORT, 'a message is only marked done, once'); END;
      CREATE TRIGGER staff_messages_no_delete BEFORE DELETE ON staff_messages
        BEGIN SELECT RAISE(ABORT, 'staff_messages are never deleted'); END;

      CREATE TABLE repairs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('damage', 'loss', 'repair')),
        what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
        place TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
        urgency TEXT NOT NULL CHECK (urgency IN ('low', 'normal', 'urgent')),
        status TEXT NOT NULL DEFAULT 'reported'
          CHECK (status IN ('reported', 'requested', 'fixed', 'written_off')),
        photo_sha256 TEXT CHECK (photo_sha256 IS NULL OR length(photo_sha256) = 64),
        photo_mime TEXT CHECK (photo_mime IS NULL OR photo_mime IN ('image/jpeg', 'image/png', 'image/webp')),
        cost_cents INTEGER CHECK (cost_cents IS NULL OR cost_cents BETWEEN 0 AND 100000000),
        reported_at TEXT NOT NULL,
        reported_by INTEGER NOT NULL REFERENCES staff(id),
        closed_at TEXT,
        CHECK ((closed_at IS NOT NULL) = (status IN ('fixed', 'written_off'))),
        CHECK ((photo_sha256 IS NULL) = (photo_mime IS NULL))
      ) STRICT;
      CREATE INDEX repairs_open ON repairs(urgency, reported_at) WHERE closed_at IS NULL;
      CREATE INDEX repairs_reported ON repairs(reported_at);
      CREATE TRIGGER repairs_steps_only BEFORE UPDATE ON repairs
        WHEN OLD.status IN ('fixed', 'written_off')
          OR NOT ((OLD.status = NEW.status)
            OR (OLD.status = 'reported' AND NEW.status IN ('requested', 'fixed', 'written_off'))
            OR (OLD.status = 'requested' AND NEW.status IN ('fixed', 'written_off')))
          OR NEW.kind IS NOT OLD.kind OR NEW.what IS NOT OLD.what OR NEW.place IS NOT OLD.place
          OR NEW.urgency IS NOT OLD.urgency OR NEW.photo_sha256 IS NOT OLD.photo_sha256
          OR NEW.reported_at IS NOT OLD.reported_at OR NEW.reported_by IS NOT OLD.reported_by
        BEGIN SELECT RAISE(ABORT, 'a repair moves only along its steps, and never once closed'); END;
      CREATE TRIGGER repairs_no_delete BEFORE DELETE ON repairs
        BEGIN SELECT RAISE(ABORT, 'repairs are never deleted'); END;

      CREATE TABLE repair_steps (
        id INTEGER PRIMARY KEY,
        repair_id INTEGER NOT NULL REFERENCES repairs(id),
        status TEXT NOT NULL CHECK (status IN ('reported', 'requested', 'fixed', 'written_off')),
        note TEXT NOT NULL CHECK (length(note) <= 500),
        cost_cents INTEGER CHECK (cost_cents IS NULL OR cost_cents BETWEEN 0 AND 100000000),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX repair_steps_repair ON repair_steps(repair_id, at, id);
      CREATE TRIGGER repair_steps_no_update BEFORE UPDATE ON repair_steps
        BEGIN SELECT RAISE(ABORT, 'repair_steps is append-only'); END;
      CREATE TRIGGER repair_steps_no_delete BEFORE DELETE ON repair_steps
        BEGIN SELECT RAISE(ABORT, 'repair_steps is append-only'); END;
    `);
  },
};
