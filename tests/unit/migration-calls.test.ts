/**
 * The follow-up calls migration ('calls'; found by name): a database of the previous version with
 * staff, a member and a resolved complaint is migrated; everything survives, the call settings start
 * at the club's defaults (30/15/7 days, 3 visits, 14/30 days, 10:00–12:00 and 15:00–17:00), the
 * complaint gains an empty after-care answer, and the new rules hold in the database itself: one
 * open entry per person, a reason never listed twice, outcomes and reasons append-only, a closed
 * entry never changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { hashPin } from '../../electron/core/areas/staff';
import { tempDir } from './helpers';

const AT = '2026-11-17T04:00:00.000Z';
const idx = migrations.findIndex((m) => m.name === 'calls');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration calls', () => {
  it('exists, follows the previous version and is registered', () => {
    expect(idx).toBeGreaterThan(0);
    expect(migrations[idx]!.version).toBe(migrations[idx - 1]!.version + 1);
  });

  it('keeps what was there; the defaults and the new rules hold in the database', () => {
    const dir = tempDir('mig-calls');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, idx) });
    const staff = old.prepare(
      `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES (?, ?, 'female', ?, ?, ?)`,
    );
    staff.run('Manager Wang', 'store_manager', hashPin('9999'), AT, AT);
    staff.run('Anna', 'consultant', hashPin('7000'), AT, AT);
    old
      .prepare(
        `INSERT INTO card_types (name, kind, duration_days, price_cents, created_at, updated_at)
         VALUES ('Year', 'time', 365, 100000, ?, ?)`,
      )
      .run(AT, AT);
    old
      .prepare(
        `INSERT INTO members (card_no, name, gender, phone, card_type_id, start_date, expiry_date, consultant_id, created_at, updated_at)
         VALUES ('C1', 'Li Lei', 'male', '13800001111', 1, '2026-01-01', '2026-12-01', 2, ?, ?)`,
      )
      .run(AT, AT);
    old
      .prepare(
        `INSERT INTO complaints (status, registered_at, registered_by, member_id, complainant_name, channel, what,
           department, resolution, resolved_at, resolved_by, updated_at, due_date, desired_outcome)
         VALUES ('resolved', ?, 1, 1, 'Li Lei', 'in_person', 'Cold showers', 'facilities', 'Fixed', ?, 1, ?,
           '2026-11-23', 'Hot water')`,
      )
      .run(AT, AT, AT);
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, idx + 1) });
    expect(schemaVersion(db)).toBe(migrations[idx]!.version);
    expect(db.prepare('SELECT name FROM members').pluck().all()).toEqual(['Li Lei']);
    expect(
      db.prepare('SELECT what, desired_outcome, aftercare_satisfaction, aftercare_at FROM complaints').get(),
    ).toEqual({
      what: 'Cold showers',
      desired_outcome: 'Hot water',
      aftercare_satisfaction: null,
      aftercare_at: null,
    });
    const s = db.prepare('SELECT * FROM call_settings').all() as Record<string, unknown>[];
    expect(s).toHaveLength(1);
    expect(JSON.parse(String(s[0]!.reminder_days))).toEqual([30, 15, 7]);
    expect(JSON.parse(String(s[0]!.absent_days))).toEqual([14, 30]);
    expect(s[0]!.visits_left).toBe(3);
    expect(JSON.parse(String(s[0]!.windows))).toEqual([
      { from: '10:00', to: '12:00' },
      { from: '15:00', to: '17:00' },
    ]);
    expect(() => db.prepare('INSERT INTO call_settings (id) VALUES (2)').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE complaints SET aftercare_satisfaction = 'meh'").run()).toThrow(/CHECK/);

    const entry = db.prepare(
      `INSERT INTO call_entries (member_id, complaint_id, consultant_id, basis, listed_on, due_on, created_at)
       VALUES (?, ?, 2, 'owner', '2026-11-18', '2026-11-18', ?)`,
    );
    entry.run(1, null, AT);
    // one open entry per person (the complaint's after-care call is its own)
    expect(() => entry.run(1, null, AT)).toThrow(/UNIQUE/);
    entry.run(1, 1, AT);
    db.prepare(
      `INSERT INTO call_reasons (entry_id, reason, detail, dedup_key) VALUES (1, 'card_ending', '{"days":15}', 'card_ending:1:2026-12-01:15')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO call_reasons (entry_id, reason, dedup_key) VALUES (1, 'card_ending', 'card_ending:1:2026-12-01:15')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE call_reasons SET detail = '{}'`).run()).toThrow(/append-only/);
    const outcome = db.prepare(
      `INSERT INTO call_outcomes (entry_id, outcome, callback_on, at, by) VALUES (1, ?, ?, ?, 2)`,
    );
    expect(() => outcome.run('call_back', null, AT)).toThrow(/CHECK/);
    expect(() => outcome.run('appointment', null, AT)).toThrow(/CHECK/);
    outcome.run('reached', null, AT);
    expect(() => db.prepare('DELETE FROM call_outcomes').run()).toThrow(/append-only/);
    db.prepare('UPDATE call_entries SET closed_at = ? WHERE id = 1').run(AT);
    expect(() => db.prepare('UPDATE call_entries SET consultant_id = 1 WHERE id = 1').run()).toThrow(
      /never changes/,
    );
    expect(() => db.prepare('DELETE FROM call_entries').run()).toThrow(/never deleted/);
    // closed: the person may be listed again
    entry.run(1, null, AT);
    db.close();
  });
});
