import type { Migration } from '../types';

/**
 * Follow-up calls, renewal reminders and complaint after-care (issue 16 §1–2):
 * - `call_settings` (one row): reminder days before a card runs out, the visits-left threshold, the
 *   not-seen days, the days after a first visit, the call windows (JSON lists).
 * - `call_holidays`: the club-local days on which nobody is called.
 * - `call_entries`: a person on the call list (a member, a visitor, or a complaint's complainant), the
 *   consultant it is assigned to (and on what basis), from which day it is due; open until an outcome
 *   closes it. A person has one open entry at a time (a complaint's after-care call is its own).
 * - `call_reasons`: why an entry is on the list; `dedup_key` (unique) keeps the same reason for the
 *   same person from being listed twice. Append-only.
 * - `call_outcomes`: each call made (outcome, call-back date, satisfaction, what the member asked for,
 *   the appointment made). Append-only.
 * - `complaints` gains the after-care answer (satisfaction, comment, when, by whom).
 */
export const migration0016: Migration = {
  version: 16,
  name: 'calls',
  up(db) {
    db.exec(`
      CREATE TABLE call_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        reminder_days TEXT NOT NULL DEFAULT '[30,15,7]' CHECK (json_valid(reminder_days)),
        visits_left INTEGER NOT NULL DEFAULT 3 CHECK (visits_left BETWEEN 0 AND 100),
        absent_days TEXT NOT NULL DEFAULT '[14,30]' CHECK (json_valid(absent_days)),
        first_call_days INTEGER NOT NULL DEFAULT 7 CHECK (first_call_days BETWEEN 1 AND 60),
        windows TEXT NOT NULL DEFAULT '[{"from":"10:00","to":"12:00"},{"from":"15:00","to":"17:00"}]'
          CHECK (json_valid(windows))
      ) STRICT;
      INSERT INTO call_settings (id) VALUES (1);

      CREATE TABLE call_holidays (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        name TEXT NOT NULL CHECK (length(name) <= 100)
      ) STRICT;

      CREATE TABLE call_entries (
        id INTEGER PRIMARY KEY,
        member_id INTEGER REFERENCES members(id),
        visitor_id INTEGER REFERENCES visitors(id),
        complaint_id INTEGER UNIQUE REFERENCES complaints(id),
        consultant_id INTEGER NOT NULL REFERENCES staff(id),
        basis TEXT NOT NULL CHECK (basis IN ('owner', 'rotation', 'manager')),
        listed_on TEXT NOT NULL CHECK (listed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        CHECK (member_id IS NOT NULL OR visitor_id IS NOT NULL OR complaint_id IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX call_entries_open_member ON call_entries(member_id)
        WHERE closed_at IS NULL AND complaint_id IS NULL AND member_id IS NOT NULL;
      CREATE UNIQUE INDEX call_entries_open_visitor ON call_entries(visitor_id)
        WHERE closed_at IS NULL AND complaint_id IS NULL AND visitor_id IS NOT NULL;
      CREATE INDEX call_entries_open ON call_entries(consultant_id, due_on) WHERE closed_at IS NULL;
      CREATE INDEX call_entries_listed ON call_entries(listed_on);
      CREATE TRIGGER call_entries_no_delete BEFORE DELETE ON call_entries
        BEGIN SELECT RAISE(ABORT, 'call_entries are never deleted'); END;
      CREATE TRIGGER call_entries_closed BEFORE UPDATE ON call_entries
        WHEN OLD.closed_at IS NOT NULL
          OR NEW.member_id IS NOT OLD.member_id OR NEW.visitor_id IS NOT OLD.visitor_id
          OR NEW.complaint_id IS NOT OLD.complaint_id OR NEW.listed_on IS NOT OLD.listed_on
          OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'a closed call entry never changes; who and why never change'); END;

      CREATE TABLE call_reasons (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES call_entries(id),
        reason TEXT NOT NULL
          CHECK (reason IN ('card_ending', 'visits_low', 'not_seen', 'first_visit', 'new_member', 'aftercare')),
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
        dedup_key TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX call_reasons_entry ON call_reasons(entry_id);
      CREATE TRIGGER call_reasons_no_update BEFORE UPDATE ON call_reasons
        BEGIN SELECT RAISE(ABORT, 'call_reasons is append-only'); END;
      CREATE TRIGGER call_reasons_no_delete BEFORE DELETE ON call_reasons
        BEGIN SELECT RAISE(ABORT, 'call_reasons is append-only'); END;

      CREATE TABLE call_outcomes (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES call_entries(id),
        outcome TEXT NOT NULL CHECK (outcome IN
          ('reached', 'no_answer', 'wrong_number', 'call_back', 'appointment', 'renewed', 'not_interested')),
        callback_on TEXT CHECK (callback_on IS NULL OR callback_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        satisfaction TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied', 'fair', 'unsatisfied')),
        requests TEXT NOT NULL DEFAULT '' CHECK (length(requests) <= 1000),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
        appointment_id INTEGER REFERENCES appointments(id),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id),
        CHECK ((outcome = 'call_back') = (callback_on IS NOT NULL)),
        CHECK ((outcome = 'appointment') = (appointment_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX call_outcomes_entry ON call_outcomes(entry_id, id);
      CREATE INDEX call_outcomes_at ON call_outcomes(at);
      CREATE TRIGGER call_outcomes_no_update BEFORE UPDATE ON call_outcomes
        BEGIN SELECT RAISE(ABORT, 'call_outcomes is append-only'); END;
      CREATE TRIGGER call_outcomes_no_delete BEFORE DELETE ON call_outcomes
        BEGIN SELECT RAISE(ABORT, 'call_outcomes is append-only'); END;

      ALTER TABLE complaints ADD COLUMN aftercare_satisfaction TEXT
        CHECK (aftercare_satisfaction IS NULL OR aftercare_satisfaction IN ('satisfied', 'fair', 'unsatisfied'));
      ALTER TABLE complaints ADD COLUMN aftercare_comment TEXT
        CHECK (aftercare_comment IS NULL OR length(aftercare_comment) <= 1000);
      ALTER TABLE complaints ADD COLUMN aftercare_at TEXT;
      ALTER TABLE complaints ADD COLUMN aftercare_by INTEGER REFERENCES staff(id);
    `);
  },
};
