/**
 * The cash-drops migration ('cash-drops'; found by name): a database of the previous version with
 * staff, a closed shift that was short and an open shift is migrated; everything survives (the old
 * shifts have no float count), and the new rules hold in the database itself: a drop is witnessed by
 * someone other than the dropper, only in an open shift, its slip number once per destination, and
 * never changed or deleted; a settlement matches its closed shift's over or short, never more than
 * the difference, and is append-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { hashPin } from '../../electron/core/areas/staff';
import { tempDir } from './helpers';

const AT = '2026-11-17T04:00:00.000Z';
const idx = migrations.findIndex((m) => m.name === 'cash-drops');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration cash-drops', () => {
  it('exists, follows the previous version and is registered', () => {
    expect(idx).toBeGreaterThan(0);
    expect(migrations[idx]!.version).toBe(migrations[idx - 1]!.version + 1);
  });

  it('keeps the shifts; drops and settlements keep their rules in the database', () => {
    const dir = tempDir('mig-drops');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, idx) });
    const staff = old.prepare(
      `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES (?, ?, 'female', ?, ?, ?)`,
    );
    staff.run('Manager Wang', 'store_manager', hashPin('9999'), AT, AT); // 1
    staff.run('Desk Li', 'reception', hashPin('2222'), AT, AT); // 2
    staff.run('Desk Wu', 'reception', hashPin('3333'), AT, AT); // 3
    const shift = old.prepare(
      `INSERT INTO shifts (day, opened_at, opened_by, window_from, staff_json, float_prefill_cents, float_cents)
       VALUES (?, ?, 2, ?, '[2]', 50000, 50000)`,
    );
    shift.run('2026-11-17', AT, AT);
    old
      .prepare(
        `UPDATE shifts SET status = 'closed', window_to = ?, closed_at = ?, closed_by = 2, counted_cents = 49700,
           expected_cents = 50000, difference_cents = -300, difference_reason = 'change given wrong',
           float_handed_cents = 49700, book_json = '{}', signed_out_by = 2, signed_in_by = 3 WHERE id = 1`,
      )
      .run('2026-11-17T10:00:00.000Z', '2026-11-17T10:00:00.000Z');
    shift.run('2026-11-17', '2026-11-17T10:00:00.000Z', '2026-11-17T10:00:00.000Z'); // 2, open
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, idx + 1) });
    expect(schemaVersion(db)).toBe(migrations[idx]!.version);
    expect(
      db
        .prepare(
          'SELECT id, status, difference_cents, float_denominations_json, float_authorized_by FROM shifts',
        )
        .all(),
    ).toEqual([
      {
        id: 1,
        status: 'closed',
        difference_cents: -300,
        float_denominations_json: null,
        float_authorized_by: null,
      },
      {
        id: 2,
        status: 'open',
        difference_cents: null,
        float_denominations_json: null,
        float_authorized_by: null,
      },
    ]);

    // drops: a witness other than the dropper, only in an open shift, a slip once per destination
    const drop = db.prepare(
      `INSERT INTO shift_drops (shift_id, amount_cents, denominations_json, slip_no, destination, at, by, witnessed_by)
       VALUES (?, 20000, '{"n100":2}', ?, ?, ?, 2, ?)`,
    );
    expect(() => drop.run(2, 'S-1', 'safe', AT, 2)).toThrow(/CHECK/);
    expect(() => drop.run(1, 'S-1', 'safe', AT, 3)).toThrow(/open shift/);
    expect(() => drop.run(2, 'S-1', 'vault', AT, 3)).toThrow(/CHECK/);
    drop.run(2, 'S-1', 'safe', AT, 3);
    expect(() => drop.run(2, 'S-1', 'safe', AT, 1)).toThrow(/UNIQUE/);
    drop.run(2, 'S-1', 'bank', AT, 1);
    expect(() => db.prepare('UPDATE shift_drops SET amount_cents = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM shift_drops').run()).toThrow(/append-only/);

    // settlements: the kind of the shift's difference, never more than it, append-only
    const settle = db.prepare(
      `INSERT INTO shift_settlements (shift_id, kind, amount_cents, staff_id, note, at, by)
       VALUES (?, ?, ?, 2, '', ?, 1)`,
    );
    expect(() => settle.run(1, 'surplus', 100, AT)).toThrow(/matches/);
    expect(() => settle.run(2, 'shortage', 100, AT)).toThrow(/matches/);
    settle.run(1, 'shortage', 200, AT);
    expect(() => settle.run(1, 'shortage', 200, AT)).toThrow(/more than is open/);
    settle.run(1, 'shortage', 100, AT);
    expect(() => db.prepare('UPDATE shift_settlements SET amount_cents = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM shift_settlements').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT sum(amount_cents) FROM shift_settlements').pluck().get()).toBe(300);
    db.close();
  });
});
