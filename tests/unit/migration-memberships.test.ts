/**
 * The memberships migration (found by its name, whatever number it gets): a database of the
 * version before it, with members, settlements, payments, paid bar lines and a paid lost-tag fee,
 * is migrated; every row and reference survives, settlements take the new kind 'card_sale' (and
 * still refuse anything else), and every member starts an entitlement history with its
 * entitlement as found.
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

const index = migrations.findIndex((m) => m.name === 'memberships');
const NOW = '2026-11-01T00:00:00.000Z';

function previousVersionWithData(): string {
  const dir = tempDir('mig-memberships');
  dirs.push(dir);
  const file = path.join(dir, DB_FILE);
  const db = openDatabase(file, { migrations: migrations.slice(0, index) });
  expect(schemaVersion(db)).toBe(migrations[index - 1]!.version);
  db.exec(`
    INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES ('Desk', 'reception', 'female', 'h', '${NOW}', '${NOW}');
    INSERT INTO card_types (name, kind, duration_days, visit_count, price_cents, created_at, updated_at)
      VALUES ('Year', 'time', 365, NULL, 298000, '${NOW}', '${NOW}'), ('Ten', 'visits', NULL, 10, 80000, '${NOW}', '${NOW}');
    INSERT INTO members (card_no, name, gender, card_type_id, start_date, expiry_date, visits_left, frozen_from, frozen_to, frozen_reason, active, created_at, updated_at)
      VALUES ('A1', 'Time card', 'male', 1, '2026-01-01', '2026-12-31', NULL, NULL, NULL, NULL, 1, '${NOW}', '${NOW}'),
             ('A2', 'Visit card', 'female', 2, '2026-02-01', NULL, 7, NULL, NULL, NULL, 1, '${NOW}', '${NOW}'),
             ('A3', 'Frozen', 'female', 1, '2026-01-01', '2027-01-20', NULL, '2026-11-01', '2026-11-20', 'trip', 1, '${NOW}', '${NOW}'),
             ('A4', 'Gone', 'male', 1, '2025-01-01', '2025-12-31', NULL, NULL, NULL, NULL, 0, '${NOW}', '${NOW}');
    INSERT INTO visits (kind, member_id, gender, checked_in_at, checked_in_by, checked_out_at, checked_out_by, checkout_kind)
      VALUES ('member', 1, 'male', '${NOW}', 1, '${NOW}', 1, 'tag_not_returned');
    INSERT INTO bar_items (name, category, price_cents, created_at, updated_at) VALUES ('Cola', 'Soft', 800, '${NOW}', '${NOW}');
    INSERT INTO bar_slips (visit_id, created_at, created_by) VALUES (1, '${NOW}', 1);
    INSERT INTO settlements (kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
      VALUES ('checkout', 1, 1, 1600, 0, 1600, '${NOW}', 1), ('debts', NULL, 1, 0, 2000, 2000, '${NOW}', 1),
             ('topup', NULL, 2, 0, 0, 50000, '${NOW}', 1), ('refund', 1, 1, 0, 0, -800, '${NOW}', 1);
    INSERT INTO payments (settlement_id, method, amount_cents, tendered_cents, change_cents, at, by)
      VALUES (1, 'cash', 1600, 2000, 400, '${NOW}', 1), (2, 'card', 2000, NULL, NULL, '${NOW}', 1),
             (3, 'mobile', 50000, NULL, NULL, '${NOW}', 1), (4, 'cash', -800, NULL, NULL, '${NOW}', 1);
    INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents, settlement_id)
      VALUES (1, 1, 'Cola', 800, 2, 1600, 1);
    INSERT INTO member_charges (member_id, kind, amount_cents, visit_id, created_at, created_by, paid_at, settlement_id)
      VALUES (1, 'lost_tag', 2000, 1, '${NOW}', 1, '${NOW}', 2);
  `);
  db.close();
  return file;
}

describe('the memberships migration', () => {
  it('is registered', () => {
    expect(index).toBeGreaterThan(0);
  });

  it('rebuilds settlements with every row, reference and index kept, and the new kind allowed', () => {
    const file = previousVersionWithData();
    const before = openDatabase(file, { migrations: migrations.slice(0, index) });
    const rows = (db: typeof before, t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
    const kept = Object.fromEntries(
      ['settlements', 'payments', 'bar_slip_lines', 'member_charges', 'members'].map((t) => [
        t,
        rows(before, t),
      ]),
    );
    before.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
    try {
      expect(schemaVersion(db)).toBe(migrations[index]!.version);
      for (const [t, r] of Object.entries(kept)) expect(rows(db, t), t).toEqual(r);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const indexes = (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
          .all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['settlements_at', 'settlements_member']));
      expect(indexes.filter((n) => n.startsWith('tmp_'))).toEqual([]);
      const sql = (
        db.prepare("SELECT sql FROM sqlite_master WHERE name = 'settlements'").get() as { sql: string }
      ).sql;
      expect(sql).toMatch(/\)\s*STRICT/);
      // The references still point at the rebuilt table: a payment for a settlement that does not exist is refused.
      expect(() =>
        db
          .prepare(
            `INSERT INTO payments (settlement_id, method, amount_cents, at, by) VALUES (99, 'cash', 1, ?, 1)`,
          )
          .run(NOW),
      ).toThrow(/FOREIGN KEY/);
      const add = db.prepare(
        `INSERT INTO settlements (kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by) VALUES (?, ?, ?, 0, 0, ?, ?, 1)`,
      );
      expect(Number(add.run('card_sale', null, 1, 298000, NOW).lastInsertRowid)).toBe(5);
      expect(() => add.run('bogus', null, 1, 100, NOW)).toThrow(/CHECK/);
      // A card sale belongs to a member, not to a visit, and takes money in.
      expect(() => add.run('card_sale', null, null, 100, NOW)).toThrow(/CHECK/);
      expect(() => add.run('card_sale', 1, 1, 100, NOW)).toThrow(/CHECK/);
      expect(() => add.run('card_sale', null, 1, 0, NOW)).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('starts every member’s entitlement history with the entitlement as found; the history is append-only', () => {
    const file = previousVersionWithData();
    const db = openDatabase(file);
    try {
      const entries = db
        .prepare(
          'SELECT member_id, kind, by, before_json, after_json, reason FROM member_entitlements ORDER BY member_id',
        )
        .all() as {
        member_id: number;
        kind: string;
        by: number | null;
        before_json: string | null;
        after_json: string;
        reason: string | null;
      }[];
      expect(entries.map((e) => [e.member_id, e.kind, e.by, e.before_json])).toEqual([
        [1, 'initial', null, null],
        [2, 'initial', null, null],
        [3, 'initial', null, null],
        [4, 'initial', null, null],
      ]);
      expect(entries.map((e) => JSON.parse(e.after_json) as unknown)).toEqual([
        {
          cardTypeId: 1,
          cardTypeName: 'Year',
          startDate: '2026-01-01',
          expiryDate: '2026-12-31',
          visitsLeft: null,
          active: true,
          frozenFrom: null,
          frozenTo: null,
        },
        {
          cardTypeId: 2,
          cardTypeName: 'Ten',
          startDate: '2026-02-01',
          expiryDate: null,
          visitsLeft: 7,
          active: true,
          frozenFrom: null,
          frozenTo: null,
        },
        {
          cardTypeId: 1,
          cardTypeName: 'Year',
          startDate: '2026-01-01',
          expiryDate: '2027-01-20',
          visitsLeft: null,
          active: true,
          frozenFrom: '2026-11-01',
          frozenTo: '2026-11-20',
        },
        {
          cardTypeId: 1,
          cardTypeName: 'Year',
          startDate: '2025-01-01',
          expiryDate: '2025-12-31',
          visitsLeft: null,
          active: false,
          frozenFrom: null,
          frozenTo: null,
        },
      ]);
      expect(() => db.prepare("UPDATE member_entitlements SET reason = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM member_entitlements').run()).toThrow(/append-only/);
      // A sale without its card type, quantity and amount, or a correction without a reason, is refused.
      expect(() =>
        db
          .prepare(
            `INSERT INTO member_entitlements (member_id, kind, at, by, after_json) VALUES (1, 'sale', ?, 1, '{}')`,
          )
          .run(NOW),
      ).toThrow(/CHECK/);
      expect(() =>
        db
          .prepare(
            `INSERT INTO member_entitlements (member_id, kind, at, by, after_json) VALUES (1, 'correction', ?, 1, '{}')`,
          )
          .run(NOW),
      ).toThrow(/CHECK/);
      // A card given free carries who authorised it and why.
      expect(() =>
        db
          .prepare(
            `INSERT INTO member_entitlements (member_id, kind, at, by, after_json, card_type_id, quantity, paid_cents) VALUES (1, 'sale', ?, 1, '{}', 1, 1, 0)`,
          )
          .run(NOW),
      ).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
