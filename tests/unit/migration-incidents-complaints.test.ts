/**
 * The migration "incidents-complaints" (found by name: its number is the next free one when the
 * branches are merged): a database of the previous version holding incidents and complaints (with
 * notes, one closed, one open, registered late in the club's evening) is migrated. Everything
 * survives; the incident gets its new columns empty (so an open injury now lists the new steps); every
 * complaint gets its deadline from its registration time in the club's time zone and the setting in
 * force (6 days when none); the new CHECKs hold; notes (rebuilt with it) keep pointing at their
 * complaint and stay append-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { tempDir } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const index = migrations.findIndex((m) => m.name === 'incidents-complaints');

/** A database just before the migration, with the club's settings and some staff. */
function before(settings: Record<string, unknown>) {
  const dir = tempDir('mig-inc');
  dirs.push(dir);
  const file = path.join(dir, DB_FILE);
  const db = openDatabase(file, { migrations: migrations.slice(0, index) });
  expect(schemaVersion(db)).toBe(index);
  const now = '2026-11-01T00:00:00.000Z';
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (const [k, v] of Object.entries({ clubName: 'Old Club', ...settings })) set.run(k, JSON.stringify(v));
  db.prepare(
    `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES
       ('Desk', 'reception', 'male', 'h', ?, ?), ('Duty', 'duty_manager', 'female', 'h', ?, ?)`,
  ).run(now, now, now, now);
  return { db, file };
}

function insertComplaints(db: ReturnType<typeof openDatabase>) {
  const c = db.prepare(
    `INSERT INTO complaints (status, registered_at, registered_by, complainant_name, contact, channel, what,
       department, supervisor_name, assigned_at, assigned_by, findings, findings_at, resolution, resolved_at,
       resolved_by, reported_at, reported_by, updated_at)
     VALUES (?, ?, 2, ?, ?, 'phone', ?, 'bar', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // closed: registered 2026-10-01 10:00 club time
  c.run(
    'closed',
    '2026-10-01T02:00:00.000Z',
    'Ms Closed',
    '138 1111 2222',
    'Cold coffee',
    'Bar lead',
    '2026-10-01T03:00:00.000Z',
    2,
    'Machine off',
    '2026-10-01T04:00:00.000Z',
    'New machine',
    '2026-10-02T02:00:00.000Z',
    2,
    '2026-10-03T02:00:00.000Z',
    2,
    '2026-10-03T02:00:00.000Z',
  );
  // open: registered 2026-10-31 23:30 club time = 15:30 UTC (the UTC date would be a day early)
  c.run(
    'assigned',
    '2026-10-31T15:30:00.000Z',
    'Mr Open',
    null,
    'Loud music',
    'Studio lead',
    '2026-10-31T15:40:00.000Z',
    2,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    '2026-10-31T15:40:00.000Z',
  );
  const note = db.prepare('INSERT INTO complaint_notes (complaint_id, text, at, by) VALUES (?, ?, ?, 2)');
  note.run(1, 'Called back', '2026-10-04T02:00:00.000Z');
  note.run(2, 'Still waiting', '2026-11-01T02:00:00.000Z');
}

describe('migration incidents-complaints', () => {
  it('is registered after the migrations it builds on', () => {
    expect(index).toBeGreaterThanOrEqual(6);
    expect(migrations[index]!.version).toBe(index + 1);
  });

  it('migrates incidents and complaints: data kept, deadlines from the registration time, new rules hold', () => {
    const { db: old, file } = before({ timeZone: 'Asia/Shanghai' });
    const now = '2026-11-01T00:00:00.000Z';
    old
      .prepare(
        `INSERT INTO incidents (status, opened_at, opened_by, occurred_at, place, what, kind, member_name, hospital, updated_at)
         VALUES ('open', ?, 1, ?, 'Gym', 'Fell off a bench', 'injury', 'Guest Lin', 0, ?)`,
      )
      .run(now, now, now);
    insertComplaints(old);
    const incidentBefore = old.prepare('SELECT * FROM incidents WHERE id = 1').get() as Record<
      string,
      unknown
    >;
    const complaintsBefore = old.prepare('SELECT * FROM complaints ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
    expect(schemaVersion(db)).toBe(index + 1);

    // incidents: every old column as it was, the new ones empty
    const inc = db.prepare('SELECT * FROM incidents WHERE id = 1').get() as Record<string, unknown>;
    expect(inc).toMatchObject(incidentBefore);
    expect(inc).toMatchObject({
      no_hospital_reason: null,
      consultant_told_at: null,
      consultant_told_by: null,
    });
    expect(() => db.prepare('UPDATE incidents SET consultant_told_by = 99 WHERE id = 1').run()).toThrow(
      /FOREIGN KEY/,
    );

    // complaints: every old column as it was; the deadline from the club-local registration date + 6
    const rows = db.prepare('SELECT * FROM complaints ORDER BY id').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    rows.forEach((r, i) => expect(r).toMatchObject(complaintsBefore[i]!));
    expect(rows.map((r) => [r.due_date, r.desired_outcome, r.agreed_outcome])).toEqual([
      ['2026-10-07', null, null],
      // 23:30 on 31 October club time: due 6 November, not the 5th of the UTC date
      ['2026-11-06', null, null],
    ]);
    // notes still belong to their complaints; the foreign keys check clean
    expect(db.prepare('SELECT complaint_id, text FROM complaint_notes ORDER BY id').all()).toEqual([
      { complaint_id: 1, text: 'Called back' },
      { complaint_id: 2, text: 'Still waiting' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const notesSql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'complaint_notes'").get() as { sql: string }
    ).sql;
    expect(notesSql).toMatch(/REFERENCES "?complaints"?\(id\)/);
    expect(notesSql).toMatch(/\)\s*STRICT/);
    expect(() => db.prepare("UPDATE complaint_notes SET text = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM complaint_notes').run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT INTO complaint_notes (complaint_id, text, at, by) VALUES (99, 'x', ?, 2)").run(now),
    ).toThrow(/FOREIGN KEY/);

    // the table is still STRICT, with its indexes, and the new rules hold
    const sql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'complaints'").get() as { sql: string }
    ).sql;
    expect(sql).toMatch(/\)\s*STRICT/);
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'complaints'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['complaints_registered', 'complaints_status', 'complaints_due']),
    );
    const add = (due: unknown, status = 'registered') =>
      db
        .prepare(
          `INSERT INTO complaints (status, registered_at, registered_by, complainant_name, channel, what, department,
             updated_at, due_date) VALUES (?, ?, 1, 'A', 'phone', 'x', 'bar', ?, ?)`,
        )
        .run(status, now, now, due);
    expect(() => add(null)).toThrow(/NOT NULL/);
    expect(() => add('7 Nov')).toThrow(/CHECK/);
    expect(() => add('2026-11-07', 'closed')).toThrow(/CHECK/);
    add('2026-11-07');
    expect(() => db.prepare("UPDATE complaints SET desired_outcome = '' WHERE id = 3").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('takes the club time zone and a deadline setting in force', () => {
    const { db: old, file } = before({ timeZone: 'Europe/London', complaintDeadlineDays: 3 });
    insertComplaints(old);
    old.close();
    const db = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
    // 2026-10-31 15:30 UTC is still the 31st in London: + 3 days
    expect(db.prepare('SELECT id, due_date FROM complaints ORDER BY id').all()).toEqual([
      { id: 1, due_date: '2026-10-04' },
      { id: 2, due_date: '2026-11-03' },
    ]);
    db.close();
  });
});
