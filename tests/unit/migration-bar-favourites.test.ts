/**
 * The bar-favourites migration: a database of the previous version with bar items and a sale
 * migrates with every row intact, no item a favourite; the new column takes only 0 or 1 and the
 * core reads and writes it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, SCHEMA_VERSION } from '../../db';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { tempDir } from './helpers';

const AT = '2026-11-18T03:00:00.000Z';

describe('migration bar-favourites', () => {
  it('keeps the items and their sales, none a favourite, and checks the new column', () => {
    const index = migrations.findIndex((m) => m.name === 'bar-favourites');
    expect(index).toBeGreaterThan(0);
    const file = path.join(tempDir('mig-fav'), DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, index) });
    expect(schemaVersion(old)).toBe(migrations[index - 1]!.version);
    old.exec(`
      INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES ('Bar Zhao', 'bar', 'male', 'x', '${AT}', '${AT}');
      INSERT INTO bar_items (name, category, price_cents, notes, sort, active, created_at, updated_at) VALUES
        ('Cola', 'Drinks', 800, 'can', 2, 1, '${AT}', '${AT}'),
        ('Latte', 'Coffee', 2000, '', 0, 0, '${AT}', '${AT}');
      INSERT INTO stock_moves (item_id, kind, quantity, at, by) VALUES (1, 'delivery', 12, '${AT}', 1);
    `);
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(
        db
          .prepare(
            'SELECT name, category, price_cents, notes, sort, active, favourite FROM bar_items ORDER BY id',
          )
          .all(),
      ).toEqual([
        {
          name: 'Cola',
          category: 'Drinks',
          price_cents: 800,
          notes: 'can',
          sort: 2,
          active: 1,
          favourite: 0,
        },
        { name: 'Latte', category: 'Coffee', price_cents: 2000, notes: '', sort: 0, active: 0, favourite: 0 },
      ]);
      expect(db.prepare('SELECT sum(quantity) AS n FROM stock_moves WHERE item_id = 1').get()).toEqual({
        n: 12,
      });
      db.prepare('UPDATE bar_items SET favourite = 1 WHERE id = 1').run();
      expect(() => db.prepare('UPDATE bar_items SET favourite = 2 WHERE id = 1').run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE bar_items SET favourite = 'yes' WHERE id = 1").run()).toThrow();
      expect(() => db.prepare('UPDATE bar_items SET favourite = NULL WHERE id = 1').run()).toThrow(
        /NOT NULL/,
      );
    } finally {
      db.close();
    }
  });
});
