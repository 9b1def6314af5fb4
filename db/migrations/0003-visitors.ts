import type { Migration } from '../types';

/**
 * Visitors and the consultant rotation: the day's consultant sign-ins (their order is the rotation
 * order) with a state history, one turn pointer per queue (walk-in visitors, phone inquiries),
 * appointments (lead ownership), visitors with every call made for them (the assignment decision
 * with its reason code, pages, timer, no-show), passed-over turns, disputes (decided once, never
 * edited), phone inquiries, the class timetable and the day's announcements.
 *
 * Days ("day") are club-local "YYYY-MM-DD"; instants are ISO-8601 UTC. Reasons are stable codes
 * with JSON parameters, so the desk words them in its own language.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'visitors',
  up(db) {
    db.exec(`
      -- A consultant's sign-in for a day. seq is the rotation order (a late sign-in, or signing in
      -- again after signing out, takes the next number: the end of the rotation).
      CREATE TABLE consultant_signins (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (length(day) = 10),
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        seq INTEGER NOT NULL CHECK (seq > 0),
        signed_in_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('available','with_visitor','away','signed_out')),
        away_kind TEXT CHECK (away_kind IN ('meal','outside','other')),
        away_note TEXT,
        expected_back_at TEXT,
        state_since TEXT NOT NULL,
        CHECK ((state = 'away') = (away_kind IS NOT NULL)),
        CHECK (state = 'away' OR expected_back_at IS NULL),
        UNIQUE (day, staff_id),
        UNIQUE (day, seq)
      ) STRICT;

      -- Every change of a consultant's state (sign-in, away, back, with a visitor, signed out).
      CREATE TABLE consultant_state_log (
        id INTEGER PRIMARY KEY,
        signin_id INTEGER NOT NULL REFERENCES consultant_signins(id),
        state TEXT NOT NULL CHECK (state IN ('available','with_visitor','away','signed_out')),
        away_kind TEXT CHECK (away_kind IN ('meal','outside','other')),
        away_note TEXT,
        expected_back_at TEXT,
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX consultant_state_log_signin ON consultant_state_log(signin_id, id);
      CREATE TRIGGER consultant_state_log_no_update BEFORE UPDATE ON consultant_state_log
        BEGIN SELECT RAISE(ABORT, 'consultant_state_log is append-only'); END;
      CREATE TRIGGER consultant_state_log_no_delete BEFORE DELETE ON consultant_state_log
        BEGIN SELECT RAISE(ABORT, 'consultant_state_log is append-only'); END;

      -- The turn pointer of each queue: the sign-in seq of the consultant who took the last turn.
      CREATE TABLE rotation_pointers (
        day TEXT NOT NULL,
        queue TEXT NOT NULL CHECK (queue IN ('visitor','phone')),
        last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (day, queue)
      ) STRICT, WITHOUT ROWID;

      -- An appointment a consultant fixed with a prospect (date and place). fixed_at decides lead
      -- ownership when several consultants booked the same phone.
      CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        consultant_id INTEGER NOT NULL REFERENCES staff(id),
        visitor_name TEXT NOT NULL CHECK (length(visitor_name) BETWEEN 1 AND 100),
        phone TEXT NOT NULL,
        phone_norm TEXT NOT NULL CHECK (length(phone_norm) BETWEEN 1 AND 30),
        appt_date TEXT NOT NULL CHECK (length(appt_date) = 10),
        appt_time TEXT,
        place TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
        note TEXT NOT NULL DEFAULT '',
        fixed_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        cancelled_at TEXT,
        cancelled_by INTEGER REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX appointments_phone ON appointments(phone_norm, fixed_at);
      CREATE INDEX appointments_date ON appointments(appt_date);

      -- A walk-in visitor's registration and where they are now. The decision (basis, reason) is
      -- the first one; every call made for the visitor is in visitor_calls.
      CREATE TABLE visitors (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (length(day) = 10),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        phone TEXT NOT NULL,
        phone_norm TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('male','female')),
        heard_from TEXT NOT NULL DEFAULT '',
        interests TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(interests)),
        first_visit INTEGER NOT NULL CHECK (first_visit IN (0,1)),
        met_before INTEGER NOT NULL CHECK (met_before IN (0,1)),
        met_consultant_id INTEGER REFERENCES staff(id),
        stated_appointment INTEGER NOT NULL DEFAULT 0 CHECK (stated_appointment IN (0,1)),
        stated_appointment_with INTEGER REFERENCES staff(id),
        appointment_id INTEGER REFERENCES appointments(id),
        note TEXT NOT NULL DEFAULT '',
        registered_at TEXT NOT NULL,
        registered_by INTEGER NOT NULL REFERENCES staff(id),
        basis TEXT NOT NULL CHECK (basis IN ('rotation','named','appointment')),
        reason_code TEXT NOT NULL,
        reason_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reason_params)),
        status TEXT NOT NULL CHECK (status IN ('waiting','calling','with_consultant','done','left')),
        consultant_id INTEGER REFERENCES staff(id),
        credit_consultant_id INTEGER REFERENCES staff(id),
        accepted_at TEXT,
        handed_over_by INTEGER REFERENCES staff(id),
        outcome TEXT CHECK (outcome IN ('joined','follow_up','not_interested')),
        outcome_card_type_id INTEGER REFERENCES card_types(id),
        outcome_follow_up_date TEXT,
        outcome_note TEXT,
        outcome_at TEXT,
        outcome_by INTEGER REFERENCES staff(id),
        left_at TEXT,
        left_by INTEGER REFERENCES staff(id),
        CHECK ((accepted_at IS NULL) = (consultant_id IS NULL)),
        CHECK ((outcome IS NULL) = (outcome_at IS NULL)),
        CHECK (outcome IS NULL OR consultant_id IS NOT NULL),
        CHECK ((outcome = 'joined') = (outcome_card_type_id IS NOT NULL)),
        CHECK (status <> 'done' OR outcome IS NOT NULL)
      ) STRICT;
      CREATE INDEX visitors_day ON visitors(day, id);
      CREATE INDEX visitors_phone ON visitors(phone_norm);
      CREATE INDEX visitors_consultant ON visitors(consultant_id, day);

      -- Each call of a consultant for a visitor (an assignment decision): why, whether it used a
      -- rotation turn, the pages on the public address, the timer, and how it ended.
      CREATE TABLE visitor_calls (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        basis TEXT NOT NULL CHECK (basis IN ('rotation','named','appointment')),
        reason_code TEXT NOT NULL,
        reason_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reason_params)),
        turn_consumed INTEGER NOT NULL CHECK (turn_consumed IN (0,1)),
        called_at TEXT NOT NULL,
        called_by INTEGER NOT NULL REFERENCES staff(id),
        pages INTEGER NOT NULL DEFAULT 1 CHECK (pages >= 1),
        last_paged_at TEXT NOT NULL,
        deadline_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open','accepted','no_show','cancelled')),
        closed_at TEXT,
        closed_by INTEGER REFERENCES staff(id),
        CHECK ((status = 'open') = (closed_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX visitor_calls_open ON visitor_calls(visitor_id) WHERE status = 'open';
      CREATE INDEX visitor_calls_staff ON visitor_calls(staff_id, called_at);
      CREATE INDEX visitor_calls_at ON visitor_calls(called_at);

      -- A consultant passed over when their turn came (away, with a visitor, being called).
      CREATE TABLE rotation_skips (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        queue TEXT NOT NULL CHECK (queue IN ('visitor','phone')),
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        reason TEXT NOT NULL CHECK (reason IN ('away','with_visitor','being_called')),
        visitor_id INTEGER REFERENCES visitors(id),
        inquiry_id INTEGER REFERENCES phone_inquiries(id),
        at TEXT NOT NULL,
        CHECK ((queue = 'visitor') = (visitor_id IS NOT NULL)),
        CHECK ((queue = 'phone') = (inquiry_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX rotation_skips_day ON rotation_skips(day, staff_id);
      CREATE TRIGGER rotation_skips_no_update BEFORE UPDATE ON rotation_skips
        BEGIN SELECT RAISE(ABORT, 'rotation_skips is append-only'); END;
      CREATE TRIGGER rotation_skips_no_delete BEFORE DELETE ON rotation_skips
        BEGIN SELECT RAISE(ABORT, 'rotation_skips is append-only'); END;

      -- A consultant's dispute of who got a visitor; the customer-service manager decides once
      -- (keep, or move the credit). A decided dispute is never changed.
      CREATE TABLE visitor_disputes (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        raised_by INTEGER NOT NULL REFERENCES staff(id),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        raised_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff(id),
        credit_before INTEGER REFERENCES staff(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','decided')),
        decision TEXT CHECK (decision IN ('keep','move')),
        credit_to INTEGER REFERENCES staff(id),
        decision_note TEXT,
        decided_at TEXT,
        decided_by INTEGER REFERENCES staff(id),
        CHECK ((status = 'decided') = (decision IS NOT NULL)),
        CHECK ((decision IS NULL) = (decided_at IS NULL)),
        CHECK ((decision = 'move') = (credit_to IS NOT NULL))
      ) STRICT;
      CREATE INDEX visitor_disputes_open ON visitor_disputes(status, raised_at);
      CREATE INDEX visitor_disputes_visitor ON visitor_disputes(visitor_id);
      CREATE TRIGGER visitor_disputes_decided_final BEFORE UPDATE ON visitor_disputes
        WHEN OLD.status = 'decided'
        BEGIN SELECT RAISE(ABORT, 'a decided dispute is never changed'); END;
      CREATE TRIGGER visitor_disputes_no_delete BEFORE DELETE ON visitor_disputes
        BEGIN SELECT RAISE(ABORT, 'visitor_disputes is append-only'); END;

      -- A phone inquiry: logged, passed to a consultant by its own turn pointer, called back.
      CREATE TABLE phone_inquiries (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (length(day) = 10),
        caller_name TEXT NOT NULL CHECK (length(caller_name) BETWEEN 1 AND 100),
        callback_phone TEXT NOT NULL,
        has_appointment INTEGER NOT NULL CHECK (has_appointment IN (0,1)),
        appointment_with INTEGER REFERENCES staff(id),
        topic TEXT NOT NULL DEFAULT '',
        logged_at TEXT NOT NULL,
        logged_by INTEGER NOT NULL REFERENCES staff(id),
        consultant_id INTEGER REFERENCES staff(id),
        basis TEXT CHECK (basis IN ('rotation','named','appointment')),
        reason_code TEXT,
        reason_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reason_params)),
        assigned_at TEXT,
        assigned_by INTEGER REFERENCES staff(id),
        called_back_at TEXT,
        called_back_by INTEGER REFERENCES staff(id),
        callback_note TEXT,
        CHECK ((consultant_id IS NULL) = (assigned_at IS NULL)),
        CHECK (called_back_at IS NULL OR consultant_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX phone_inquiries_day ON phone_inquiries(day, id);
      CREATE INDEX phone_inquiries_consultant ON phone_inquiries(consultant_id, called_back_at);

      -- The class timetable (weekday 0 = Sunday … 6 = Saturday, club-local start time).
      CREATE TABLE class_timetable (
        id INTEGER PRIMARY KEY,
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
        start_time TEXT NOT NULL CHECK (length(start_time) = 5),
        class_name TEXT NOT NULL CHECK (length(class_name) BETWEEN 1 AND 100),
        room TEXT NOT NULL DEFAULT '',
        instructor TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX class_timetable_day ON class_timetable(weekday, start_time);

      -- Announcements made: one per class of a day, and the pre-closing one (slot 'closing').
      -- The class's name, room and time are kept as they were announced.
      CREATE TABLE announcements (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL CHECK (length(day) = 10),
        slot TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('class','closing')),
        timetable_id INTEGER REFERENCES class_timetable(id),
        class_name TEXT,
        room TEXT,
        starts_at TEXT NOT NULL,
        announced_at TEXT NOT NULL,
        announced_by INTEGER NOT NULL REFERENCES staff(id),
        CHECK ((kind = 'class') = (timetable_id IS NOT NULL)),
        UNIQUE (day, slot)
      ) STRICT;
    `);
  },
};
