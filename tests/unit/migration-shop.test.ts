/**
 * The pro-shop migration ('shop'; found by name): a database of the previous version with a bar
 * item, a slip and a stocktake is migrated; everything survives as the bar's, and a point is only
 * 'bar' or 'shop'.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { hashPin } from '../../electron/core/areas/staff';
import { tempDir } from './helpers';

const AT = '2026-11-17T04:00:00.000Z';
const idx = migrations.findIndex((m) => m.name === 'shop');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration shop', () => {
  it('exists, follows the previous version and is registered', () => {
    expect(idx).toBeGreaterThan(0);
    expect(migrations[idx]!.version).toBe(migrations[idx - 1]!.version + 1);
  });

  it('keeps the bar as it was (everything the bar’s); a point is bar or shop', () => {
    const dir = tempDir('mig-shop');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, idx) });
    old
      .prepare(
        `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES ('Bar Zhao', 'bar', 'male', ?, ?, ?)`,
      )
      .run(hashPin('3333'), AT, AT);
    old
      .prepare(
        `INSERT INTO bar_items (name, category, price_cents, created_at, updated_at) VALUES ('Cola', 'Drinks', 800, ?, ?)`,
      )
      .run(AT, AT);
    old
      .prepare(`INSERT INTO stock_moves (item_id, kind, quantity, at, by) VALUES (1, 'delivery', 10, ?, 1)`)
      .run(AT);
    old.prepare(`INSERT INTO stocktakes (kind, at, by) VALUES ('daily', ?, 1)`).run(AT);
    old
      .prepare(`INSERT INTO stocktake_lines (stocktake_id, item_id, expected, counted) VALUES (1, 1, 10, 9)`)
      .run();
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, idx + 1) });
    expect(schemaVersion(db)).toBe(migrations[idx]!.version);
    expect(db.prepare('SELECT name, price_cents, point FROM bar_items').all()).toEqual([
      { name: 'Cola', price_cents: 800, point: 'bar' },
    ]);
    expect(db.prepare('SELECT sum(quantity) FROM stock_moves').pluck().get()).toBe(10);
    expect(db.prepare('SELECT kind, point FROM stocktakes').all()).toEqual([{ kind: 'daily', point: 'bar' }]);
    expect(db.prepare('SELECT counted FROM stocktake_lines').pluck().get()).toBe(9);

    db.prepare(
      `INSERT INTO bar_items (name, category, price_cents, point, created_at, updated_at) VALUES ('Towel', 'Goods', 3000, 'shop', ?, ?)`,
    ).run(AT, AT);
    expect(() =>
      db
        .prepare(
          `INSERT INTO bar_items (name, category, price_cents, point, created_at, updated_at) VALUES ('X', 'Y', 1, 'gym', ?, ?)`,
        )
        .run(AT, AT),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE stocktakes SET point = 'desk'`).run()).toThrow(/CHECK/);
    db.close();
  });
});
