import type { Migration } from '../types';

/**
 * Incidents (特殊突发事件) and complaints (投诉处理).
 *
 * An incident is opened at the desk in seconds (when, where, what, member if any) and completed by a
 * customer-service manager or above: who was told and when, first aid, the member's signed
 * statement, hospital and examination costs, the member's signed confirmation after the examination,
 * follow-ups, compensation, the club's handling opinion. Closing needs the written report complete;
 * a closed incident is read-only, and addenda (append-only, dated) are added after it.
 *
 * Attachments live in the data folder (attachments/<sha256>); the row keeps the content hash, which
 * is checked every time the file is opened.
 *
 * A complaint goes registered → assigned (department supervisor) → investigated (findings) →
 * resolved (agreed resolution, action on staff) → closed (reported to the store manager); one beyond
 * the duty manager's authority is escalated to the store manager with a written report.
 *
 * Timestamps are ISO-8601 UTC; due dates are club-local "YYYY-MM-DD"; money is integer cents.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'incidents',
  up(db) {
    db.exec(`
      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','follow_up','closed')),
        opened_at TEXT NOT NULL,
        opened_by INTEGER NOT NULL REFERENCES staff(id),
        occurred_at TEXT NOT NULL,
        place TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
        what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 5000),
        kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('injury','illness','property','conflict','other')),
        severity TEXT CHECK (severity IS NULL OR severity IN ('minor','moderate','serious')),
        -- The person concerned: a member (snapshot of card number, name, gender, age at the time) or
        -- someone else (name, gender, age typed in; no card number).
        member_id INTEGER REFERENCES members(id),
        member_card_no TEXT,
        member_name TEXT CHECK (member_name IS NULL OR length(member_name) BETWEEN 1 AND 100),
        member_gender TEXT CHECK (member_gender IS NULL OR member_gender IN ('male','female')),
        member_age INTEGER CHECK (member_age IS NULL OR member_age BETWEEN 0 AND 150),
        -- How badly hurt (medical).
        harm TEXT,
        cs_manager_id INTEGER REFERENCES staff(id),
        cs_manager_told_at TEXT,
        duty_coach TEXT,
        duty_coach_told_at TEXT,
        first_aid_by TEXT,
        first_aid TEXT,
        statement_taken_by INTEGER REFERENCES staff(id),
        statement_signed_at TEXT,
        hospital INTEGER NOT NULL DEFAULT 0 CHECK (hospital IN (0,1)),
        hospital_name TEXT,
        hospital_accompanied_by INTEGER REFERENCES staff(id),
        examination_cost_cents INTEGER CHECK (examination_cost_cents IS NULL OR examination_cost_cents >= 0),
        examination_result TEXT,
        exam_confirmed_at TEXT,
        member_request TEXT,
        compensation_asked_cents INTEGER CHECK (compensation_asked_cents IS NULL OR compensation_asked_cents >= 0),
        compensation_agreed_cents INTEGER CHECK (compensation_agreed_cents IS NULL OR compensation_agreed_cents >= 0),
        handling_opinion TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        CHECK (member_id IS NULL OR member_card_no IS NOT NULL),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CHECK ((closed_at IS NULL) = (closed_by IS NULL))
      ) STRICT;
      CREATE INDEX incidents_occurred ON incidents(occurred_at);
      CREATE INDEX incidents_status ON incidents(status);
      CREATE INDEX incidents_member ON incidents(member_id);
      CREATE INDEX incidents_opened_by ON incidents(opened_by);

      CREATE TABLE incident_follow_ups (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        kind TEXT NOT NULL CHECK (kind IN ('consultant_call','manager_call','visit')),
        due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        assigned_to INTEGER REFERENCES staff(id),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id),
        done_at TEXT,
        done_by INTEGER REFERENCES staff(id),
        outcome TEXT,
        CHECK ((done_at IS NULL) = (done_by IS NULL))
      ) STRICT;
      CREATE INDEX incident_follow_ups_incident ON incident_follow_ups(incident_id);
      CREATE INDEX incident_follow_ups_due ON incident_follow_ups(due_date) WHERE done_at IS NULL;

      CREATE TABLE incident_addenda (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX incident_addenda_incident ON incident_addenda(incident_id);
      CREATE TRIGGER incident_addenda_no_update BEFORE UPDATE ON incident_addenda
        BEGIN SELECT RAISE(ABORT, 'incident_addenda is append-only'); END;
      CREATE TRIGGER incident_addenda_no_delete BEFORE DELETE ON incident_addenda
        BEGIN SELECT RAISE(ABORT, 'incident_addenda is append-only'); END;

      CREATE TABLE incident_attachments (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        original_name TEXT NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200),
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp','application/pdf')),
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX incident_attachments_incident ON incident_attachments(incident_id);
      CREATE TRIGGER incident_attachments_no_update BEFORE UPDATE ON incident_attachments
        BEGIN SELECT RAISE(ABORT, 'incident_attachments is append-only'); END;
      CREATE TRIGGER incident_attachments_no_delete BEFORE DELETE ON incident_attachments
        BEGIN SELECT RAISE(ABORT, 'incident_attachments is append-only'); END;

      CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL DEFAULT 'registered'
          CHECK (status IN ('registered','assigned','investigated','resolved','escalated','closed')),
        registered_at TEXT NOT NULL,
        registered_by INTEGER NOT NULL REFERENCES staff(id),
        member_id INTEGER REFERENCES members(id),
        member_card_no TEXT,
        complainant_name TEXT NOT NULL CHECK (length(complainant_name) BETWEEN 1 AND 100),
        contact TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('in_person','phone','written','online','other')),
        what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 5000),
        staff_involved TEXT NOT NULL DEFAULT '',
        department TEXT NOT NULL
          CHECK (department IN ('front_desk','fitness','group_exercise','bar','shop','sales','facilities','other')),
        supervisor_name TEXT,
        assigned_at TEXT,
        assigned_by INTEGER REFERENCES staff(id),
        findings TEXT,
        findings_at TEXT,
        resolution TEXT,
        staff_action TEXT,
        resolved_at TEXT,
        resolved_by INTEGER REFERENCES staff(id),
        escalated_at TEXT,
        escalated_by INTEGER REFERENCES staff(id),
        escalation_report TEXT,
        reported_at TEXT,
        reported_by INTEGER REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        CHECK ((escalated_at IS NULL) = (escalation_report IS NULL)),
        CHECK (status <> 'closed' OR (resolved_at IS NOT NULL AND reported_at IS NOT NULL)),
        CHECK (resolved_at IS NULL OR resolution IS NOT NULL)
      ) STRICT;
      CREATE INDEX complaints_registered ON complaints(registered_at);
      CREATE INDEX complaints_status ON complaints(status);

      CREATE TABLE complaint_notes (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints(id),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX complaint_notes_complaint ON complaint_notes(complaint_id);
      CREATE TRIGGER complaint_notes_no_update BEFORE UPDATE ON complaint_notes
        BEGIN SELECT RAISE(ABORT, 'complaint_notes is append-only'); END;
      CREATE TRIGGER complaint_notes_no_delete BEFORE DELETE ON complaint_notes
        BEGIN SELECT RAISE(ABORT, 'complaint_notes is append-only'); END;
    `);
  },
};
