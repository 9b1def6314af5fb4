/**
 * The roster-import migration (found by name: versions are renumbered when branches merge): members
 * and visits are rebuilt to accept an unknown gender, and members get a national ID column. A
 * database of the previous version with members, visits, freezes, photos, search terms, a ledger
 * and charges keeps every row and every reference; indexes and triggers are there again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { DB_FILE, openDatabase, schemaVersion, type DB } from '../../electron/core/db/database';
import { tempDir } from './helpers';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const AT = '2026-11-18T02:00:00.000Z';

/** A database of the version before the import migration, with a member's whole life in it. */
function previousVersion(): { file: string; index: number } {
  const index = migrations.findIndex((m) => m.name === 'import');
  expect(index).toBeGreaterThan(0);
  const dir = tempDir('mig-import');
  dirs.push(dir);
  const file = path.join(dir, DB_FILE);
  const db = openDatabase(file, { migrations: migrations.slice(0, index) });
  expect(schemaVersion(db)).toBe(migrations[index - 1]!.version);
  db.exec(`
    INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES (1, 'M', 'store_manager', 'x', '${AT}', '${AT}');
    INSERT INTO card_types (id, name, kind, duration_days, visit_count, price_cents, created_at, updated_at)
      VALUES (1, 'Year', 'time', 365, NULL, 100, '${AT}', '${AT}');
    INSERT INTO members (id, card_no, name, gender, phone, card_type_id, start_date, expiry_date, stored_value_cents,
                         frozen_from, frozen_to, frozen_reason, created_at, updated_at)
      VALUES (7, 'A7', 'Ann', 'female', '+8613800001111', 1, '2026-01-01', '2026-12-31', 500,
              '2026-12-01', '2026-12-10', 'trip', '${AT}', '${AT}'),
             (9, 'B9', 'Bo', 'male', NULL, 1, '2026-01-01', '2026-12-31', 0, NULL, NULL, NULL, '${AT}', '${AT}');
    INSERT INTO member_search (term, member_id, rank) VALUES ('a7', 7, 1), ('ann', 7, 3), ('b9', 9, 1);
    INSERT INTO member_photos (member_id, mime, data) VALUES (7, 'image/png', x'89504e47');
    INSERT INTO member_freezes (member_id, from_date, to_date, reason, extended_days, created_at, created_by)
      VALUES (7, '2026-12-01', '2026-12-10', 'trip', 10, '${AT}', 1);
    INSERT INTO key_tags (id, number, status, status_since) VALUES (1, 1, 'issued', '${AT}'), (2, 2, 'available', '${AT}');
    INSERT INTO visits (id, kind, member_id, gender, tag_id, checked_in_at, checked_in_by, checked_out_at, checkout_kind)
      VALUES (30, 'member', 9, 'male', 2, '2026-11-17T03:00:00.000Z', 1, '2026-11-17T04:00:00.000Z', 'normal'),
             (31, 'member', 7, 'female', 1, '${AT}', 1, NULL, NULL);
    INSERT INTO member_charges (member_id, kind, amount_cents, visit_id, created_at, created_by)
      VALUES (9, 'lost_tag', 2000, 30, '${AT}', 1);
    INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, reason, at, by)
      VALUES (7, 'topup', 500, 500, NULL, '${AT}', 1);
  `);
  db.close();
  return { file, index };
}

const count = (db: DB, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const indexesOf = (db: DB, table: string) =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
      )
      .all(table) as { name: string }[]
  ).map((r) => r.name);

describe('migration "import": unknown gender, national ID', () => {
  it('keeps every member, visit, freeze, photo, search term, charge and ledger entry, and their references', () => {
    const { file, index } = previousVersion();
    const before = openDatabase(file, { migrations: migrations.slice(0, index) });
    const memberIndexes = indexesOf(before, 'members');
    const visitIndexes = indexesOf(before, 'visits');
    const membersBefore = before.prepare('SELECT * FROM members ORDER BY id').all();
    const visitsBefore = before.prepare('SELECT * FROM visits ORDER BY id').all();
    before.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
    expect(schemaVersion(db)).toBe(migrations[index]!.version);
    // Foreign keys are on again, and nothing points nowhere.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Every row, with the new column empty.
    expect(db.prepare('SELECT * FROM members ORDER BY id').all()).toEqual(
      membersBefore.map((m) => ({ ...(m as object), national_id: null })),
    );
    expect(db.prepare('SELECT * FROM visits ORDER BY id').all()).toEqual(visitsBefore);
    expect(count(db, 'member_search')).toBe(3);
    expect(count(db, 'member_photos')).toBe(1);
    expect(count(db, 'member_freezes')).toBe(1);
    expect(count(db, 'member_charges')).toBe(1);
    expect(count(db, 'stored_value_ledger')).toBe(1);
    // Indexes and their rules: one open visit per member and per tag, unique card numbers.
    expect(indexesOf(db, 'members')).toEqual(memberIndexes);
    expect(indexesOf(db, 'visits')).toEqual(visitIndexes);
    expect(() =>
      db
        .prepare(
          `INSERT INTO visits (kind, member_id, gender, tag_id, checked_in_at, checked_in_by) VALUES ('member', 7, 'female', 2, '${AT}', 1)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO members (card_no, name, gender, card_type_id, start_date, created_at, updated_at) VALUES ('A7', 'X', 'male', 1, '2026-01-01', '${AT}', '${AT}')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    // Tables are still STRICT.
    for (const t of ['members', 'visits']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql).toMatch(/\)\s*STRICT$/);
    }
    // References still hold: a member with visits cannot be deleted.
    expect(() => db.prepare('DELETE FROM members WHERE id = 9').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('accepts an unknown gender on members and visits, refuses anything else, and keeps a national ID for managers', () => {
    const { file, index } = previousVersion();
    const db = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
    db.prepare(
      `INSERT INTO members (id, card_no, name, gender, card_type_id, start_date, national_id, created_at, updated_at)
       VALUES (11, 'U11', 'Unknown', 'unknown', 1, '2026-01-01', '110101199003071234', '${AT}', '${AT}')`,
    ).run();
    db.prepare(
      `INSERT INTO visits (kind, member_id, gender, checked_in_at, checked_in_by) VALUES ('member', 11, 'unknown', '${AT}', 1)`,
    ).run();
    expect(() => db.prepare("UPDATE members SET gender = 'x' WHERE id = 11").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE visits SET gender = 'other' WHERE member_id = 11").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("UPDATE members SET national_id = '' WHERE id = 11").run()).toThrow(/CHECK/);
    // A member with search terms and a photo is removed with them (the cascade survived the rebuild).
    db.prepare("INSERT INTO member_search (term, member_id, rank) VALUES ('u11', 11, 1)").run();
    db.prepare("INSERT INTO member_photos (member_id, mime, data) VALUES (11, 'image/png', x'00')").run();
    db.prepare('DELETE FROM visits WHERE member_id = 11').run();
    db.prepare('DELETE FROM members WHERE id = 11').run();
    expect(db.prepare('SELECT count(*) AS n FROM member_search WHERE member_id = 11').get()).toEqual({
      n: 0,
    });
    expect(db.prepare('SELECT count(*) AS n FROM member_photos WHERE member_id = 11').get()).toEqual({
      n: 0,
    });
    db.close();
  });

  it('a migration that would leave a broken reference is rolled back, foreign keys on again', () => {
    const { file, index } = previousVersion();
    const broken = [
      ...migrations.slice(0, index),
      {
        ...migrations[index]!,
        up(d: Parameters<(typeof migrations)[number]['up']>[0]) {
          migrations[index]!.up(d);
          d.exec('DELETE FROM member_freezes; DELETE FROM member_charges; DELETE FROM member_search;');
          d.exec('DELETE FROM member_photos; DELETE FROM visits; DELETE FROM members WHERE id = 7');
          // the ledger entry of member 7 now points nowhere
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/foreign key/);
    const db = openDatabase(file, { migrations: migrations.slice(0, index) });
    expect(schemaVersion(db)).toBe(migrations[index - 1]!.version);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(count(db, 'members')).toBe(2);
    expect(count(db, 'visits')).toBe(2);
    db.close();
  });
});
