/**
 * The message book and repair log migration ('messages-repairs'; found by name): a database of the
 * previous version with staff and an audit trail is migrated; everything survives, and the new rules
 * hold in the database itself: a message is only marked done, once, and never deleted; a repair moves
 * only along its steps and never once closed; its steps are append-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { hashPin } from '../../electron/core/areas/staff';
import { tempDir } from './helpers';

const AT = '2026-11-17T04:00:00.000Z';
const idx = migrations.findIndex((m) => m.name === 'messages-repairs');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration messages-repairs', () => {
  it('exists, follows the previous version and is registered', () => {
    expect(idx).toBeGreaterThan(0);
    expect(migrations[idx]!.version).toBe(migrations[idx - 1]!.version + 1);
  });

  it('keeps what was there; the new rules hold in the database', () => {
    const dir = tempDir('mig-msg');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, idx) });
    const staff = old.prepare(
      `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES (?, ?, 'female', ?, ?, ?)`,
    );
    staff.run('Manager Wang', 'store_manager', hashPin('9999'), AT, AT);
    staff.run('Desk Li', 'reception', hashPin('2222'), AT, AT);
    old
      .prepare(`INSERT INTO audit_log (at, staff_id, staff_name, op) VALUES (?, 2, 'Desk Li', 'x.y')`)
      .run(AT);
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, idx + 1) });
    expect(schemaVersion(db)).toBe(migrations[idx]!.version);
    expect(db.prepare('SELECT name FROM staff ORDER BY id').pluck().all()).toEqual([
      'Manager Wang',
      'Desk Li',
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(1);

    // a message: marked done once, nothing else changes, never deleted
    db.prepare(
      `INSERT INTO staff_messages (to_staff_id, source, from_name, phone, text, created_at, created_by)
       VALUES (1, 'caller', 'Zhao', '+8613800138000', 'call back', ?, 2)`,
    ).run(AT);
    expect(() => db.prepare(`UPDATE staff_messages SET text = 'changed'`).run()).toThrow(/only marked done/);
    expect(() => db.prepare(`UPDATE staff_messages SET done_at = ?`).run(AT)).toThrow(/CHECK/);
    db.prepare(`UPDATE staff_messages SET done_at = ?, done_by = 1`).run(AT);
    expect(() => db.prepare(`UPDATE staff_messages SET done_note = 'again'`).run()).toThrow(
      /only marked done/,
    );
    expect(() => db.prepare('DELETE FROM staff_messages').run()).toThrow(/never deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO staff_messages (to_staff_id, source, from_name, text, created_at, created_by)
           VALUES (1, 'email', 'x', 'y', ?, 2)`,
        )
        .run(AT),
    ).toThrow(/CHECK/);

    // a repair: along its steps only, never once closed; its steps append-only
    db.prepare(
      `INSERT INTO repairs (kind, what, place, urgency, reported_at, reported_by)
       VALUES ('damage', 'Treadmill', 'Gym', 'urgent', ?, 2)`,
    ).run(AT);
    db.prepare(
      `INSERT INTO repair_steps (repair_id, status, note, at, by) VALUES (1, 'reported', '', ?, 2)`,
    ).run(AT);
    expect(() => db.prepare(`UPDATE repairs SET status = 'fixed'`).run()).toThrow(/CHECK/); // no closed_at
    db.prepare(`UPDATE repairs SET status = 'requested'`).run();
    expect(() => db.prepare(`UPDATE repairs SET status = 'reported'`).run()).toThrow(/along its steps/);
    expect(() => db.prepare(`UPDATE repairs SET what = 'Bike'`).run()).toThrow(/along its steps/);
    db.prepare(`UPDATE repairs SET status = 'written_off', closed_at = ?, cost_cents = 500`).run(AT);
    expect(() => db.prepare(`UPDATE repairs SET cost_cents = 1`).run()).toThrow(/along its steps/);
    expect(() => db.prepare('DELETE FROM repairs').run()).toThrow(/never deleted/);
    expect(() => db.prepare(`UPDATE repair_steps SET note = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM repair_steps').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO repairs (kind, what, place, urgency, cost_cents, reported_at, reported_by)
           VALUES ('loss', 'x', 'y', 'low', -1, ?, 2)`,
        )
        .run(AT),
    ).toThrow(/CHECK/);
    db.close();
  });
});
