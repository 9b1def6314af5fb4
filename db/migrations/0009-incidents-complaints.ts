import type { Migration } from '../types';

/**
 * Incidents: the rulebook's steps before closing (issue 11). Two facts had no place yet: the
 * hospital decision "no" with the reason why not (hospital = 0 alone cannot tell "decided not to go"
 * from "not decided yet"), and the member's consultant told (when, by whom).
 *
 * Complaints: a deadline (closed within N days of registration; the setting complaintDeadlineDays,
 * 6 by default), and what the close records: the member's desired outcome and what was agreed with
 * the member. The deadline is stored with the complaint when it is registered, so a later change of
 * the setting does not move the deadline of complaints already taken down. Existing complaints get
 * theirs from their registration time (club-local date + the setting in force, 6 if none).
 *
 * complaints is rebuilt (SQLite's 12-step recipe) for the NOT NULL due_date with its CHECK, and
 * complaint_notes with it: foreign keys cannot be switched off inside the migration's transaction,
 * and dropping a parent that still has children leaves deferred violations that renaming the new
 * table does not clear. So both new tables are filled, the child (notes) dropped before the parent,
 * and the renames rewrite the notes' reference to "complaints". Indexes and the notes' append-only
 * triggers are recreated.
 */
/*
 * The date helpers this migration needs, written out here instead of imported from the app's
 * electron/shared/dates.ts: a migration must give the same result whatever the app's code becomes
 * later. They match dates.ts `isValidTimeZone` / `localDate` / `addDays` as of this version.
 */
function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The club-local calendar date "YYYY-MM-DD" of an instant. */
function localDate(d: Date, timeZone: string): string {
  const p: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  for (const part of f.formatToParts(d)) p[part.type] = part.value;
  return `${p.year!.padStart(4, '0')}-${p.month}-${p.day}`;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const migration0009: Migration = {
  version: 9,
  name: 'incidents-complaints',
  up(db) {
    db.exec(`
      ALTER TABLE incidents ADD COLUMN no_hospital_reason TEXT;
      ALTER TABLE incidents ADD COLUMN consultant_told_at TEXT;
      ALTER TABLE incidents ADD COLUMN consultant_told_by INTEGER REFERENCES staff(id);
    `);

    const setting = (key: string): unknown => {
      const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
        { value: string } | undefined;
      return r ? (JSON.parse(r.value) as unknown) : undefined;
    };
    const tzSetting = setting('timeZone');
    const tz = typeof tzSetting === 'string' && isValidTimeZone(tzSetting) ? tzSetting : 'Asia/Shanghai';
    const daysSetting = setting('complaintDeadlineDays');
    const days =
      typeof daysSetting === 'number' && Number.isInteger(daysSetting) && daysSetting >= 1 ? daysSetting : 6;

    db.exec(`
      CREATE TABLE complaints_new (
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
        -- Club-local date by which the complaint is to be closed.
        due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        -- What the member wants; what was agreed with the member (both needed to close, from now on).
        desired_outcome TEXT CHECK (desired_outcome IS NULL OR length(desired_outcome) BETWEEN 1 AND 5000),
        agreed_outcome TEXT CHECK (agreed_outcome IS NULL OR length(agreed_outcome) BETWEEN 1 AND 5000),
        CHECK ((escalated_at IS NULL) = (escalation_report IS NULL)),
        CHECK (status <> 'closed' OR (resolved_at IS NOT NULL AND reported_at IS NOT NULL)),
        CHECK (resolved_at IS NULL OR resolution IS NOT NULL)
      ) STRICT;
    `);
    const rows = db.prepare('SELECT id, registered_at FROM complaints').all() as {
      id: number;
      registered_at: string;
    }[];
    const due = new Map(rows.map((r) => [r.id, addDays(localDate(new Date(r.registered_at), tz), days)]));
    db.exec(`
      INSERT INTO complaints_new (id, status, registered_at, registered_by, member_id, member_card_no,
        complainant_name, contact, channel, what, staff_involved, department, supervisor_name, assigned_at,
        assigned_by, findings, findings_at, resolution, staff_action, resolved_at, resolved_by, escalated_at,
        escalated_by, escalation_report, reported_at, reported_by, updated_at, due_date)
      SELECT id, status, registered_at, registered_by, member_id, member_card_no,
        complainant_name, contact, channel, what, staff_involved, department, supervisor_name, assigned_at,
        assigned_by, findings, findings_at, resolution, staff_action, resolved_at, resolved_by, escalated_at,
        escalated_by, escalation_report, reported_at, reported_by, updated_at, '0000-00-00'
      FROM complaints;
    `);
    const setDue = db.prepare('UPDATE complaints_new SET due_date = ? WHERE id = ?');
    for (const [id, d] of due) setDue.run(d, id);
    db.exec(`
      CREATE TABLE complaint_notes_new (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints_new(id),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        at TEXT NOT NULL,
        by INTEGER NOT NULL REFERENCES staff(id)
      ) STRICT;
      INSERT INTO complaint_notes_new (id, complaint_id, text, at, by)
        SELECT id, complaint_id, text, at, by FROM complaint_notes;
      DROP TABLE complaint_notes;
      DROP TABLE complaints;
      ALTER TABLE complaints_new RENAME TO complaints;
      ALTER TABLE complaint_notes_new RENAME TO complaint_notes;
      CREATE INDEX complaints_registered ON complaints(registered_at);
      CREATE INDEX complaints_status ON complaints(status);
      CREATE INDEX complaints_due ON complaints(due_date) WHERE status <> 'closed';
      CREATE INDEX complaint_notes_complaint ON complaint_notes(complaint_id);
      CREATE TRIGGER complaint_notes_no_update BEFORE UPDATE ON complaint_notes
        BEGIN SELECT RAISE(ABORT, 'complaint_notes is append-only'); END;
      CREATE TRIGGER complaint_notes_no_delete BEFORE DELETE ON complaint_notes
        BEGIN SELECT RAISE(ABORT, 'complaint_notes is append-only'); END;
    `);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length)
      throw new Error(`foreign key check failed after rebuilding complaints: ${broken.length}`);
  },
};
