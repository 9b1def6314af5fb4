/**
 * The bar-voids migration: a database of the previous version holding slips, a correction, an
 * unpaid void and a paid void with its refund migrates with every row intact; the paid void is
 * linked to its refund; the new tables keep their rules (append-only, the member's confirmation).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { hashPin } from '../../electron/core/areas/staff';
import { tempDir } from './helpers';

const at = (min: number) => new Date(Date.parse('2026-11-18T03:00:00.000Z') + min * 60_000).toISOString();

describe('migration bar-voids', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps slips and voids, links a paid void to its refund, and adds the correction record', async () => {
    const index = migrations.findIndex((m) => m.name === 'bar-voids');
    expect(index).toBeGreaterThan(0);
    const dir = tempDir('mig-bar');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, index) });
    expect(schemaVersion(old)).toBe(migrations[index - 1]!.version);
    old.exec(`
      INSERT INTO settings (key, value) VALUES ('clubName', '"Old Club"'), ('timeZone', '"Asia/Shanghai"'), ('language', '"en"');
      INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES
        ('Boss', 'store_manager', 'female', '${hashPin('9999')}', '${at(0)}', '${at(0)}'),
        ('Bar Zhao', 'bar', 'male', 'x', '${at(0)}', '${at(0)}'),
        ('Lead Chen', 'shift_lead', 'male', 'x', '${at(0)}', '${at(0)}');
      INSERT INTO card_types (name, kind, duration_days, price_cents, created_at, updated_at)
        VALUES ('Year', 'time', 365, 1, '${at(0)}', '${at(0)}');
      INSERT INTO members (card_no, name, gender, card_type_id, start_date, expiry_date, stored_value_cents, created_at, updated_at)
        VALUES ('M1', 'Member One', 'female', 1, '2026-01-01', '2026-12-31', 800, '${at(0)}', '${at(0)}');
      INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, reason, at, by)
        VALUES (1, 'opening', 800, 800, 'opening balance', '${at(0)}', NULL);
      INSERT INTO visits (kind, member_id, gender, checked_in_at, checked_in_by, checked_out_at)
        VALUES ('member', 1, 'female', '${at(1)}', 2, '${at(40)}');
      INSERT INTO bar_items (name, category, price_cents, created_at, updated_at) VALUES
        ('Cola', 'Drinks', 800, '${at(0)}', '${at(0)}'), ('Latte', 'Coffee', 2000, '${at(0)}', '${at(0)}');
      INSERT INTO bar_slips (visit_id, created_at, created_by) VALUES (1, '${at(5)}', 2);
      INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents, voided_at, voided_by, void_authorized_by, void_reason)
        VALUES
        (1, 1, 'Cola', 800, 2, 1600, NULL, NULL, NULL, NULL),
        (1, 2, 'Latte', 2000, 1, 2000, '${at(6)}', 2, NULL, 'corrected: removed (member confirmed)'),
        (1, 2, 'Latte', 2000, 1, 2000, '${at(30)}', 2, 3, 'never served'),
        (1, 1, 'Cola', 800, 1, 800, NULL, NULL, NULL, NULL);
      -- check-out paid the two colas (24.00): 8.00 stored value, 16.00 cash
      INSERT INTO settlements (kind, visit_id, member_id, bar_cents, total_cents, at, by)
        VALUES ('checkout', 1, 1, 2400, 2400, '${at(40)}', 2);
      INSERT INTO payments (settlement_id, method, amount_cents, at, by) VALUES
        (1, 'stored_value', 800, '${at(40)}', 2), (1, 'cash', 1600, '${at(40)}', 2);
      INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, payment_id, at, by)
        VALUES (1, 'deduction', -800, 0, 1, '${at(40)}', 2);
      UPDATE members SET stored_value_cents = 0;
      UPDATE bar_slip_lines SET settlement_id = 1 WHERE id IN (1, 4);
      -- the last cola voided afterwards by the old code, refunded to stored value just before
      INSERT INTO settlements (kind, visit_id, member_id, bar_cents, total_cents, at, by)
        VALUES ('refund', 1, 1, 0, -800, '${at(50)}', 2);
      INSERT INTO payments (settlement_id, method, amount_cents, at, by) VALUES (2, 'stored_value', -800, '${at(50)}', 2);
      INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, payment_id, reason, at, by)
        VALUES (1, 'refund', 800, 800, 3, 'flat', '${at(50)}', 2);
      UPDATE members SET stored_value_cents = 800;
      UPDATE bar_slip_lines SET voided_at = '${at(50)}', voided_by = 2, void_authorized_by = 1, void_reason = 'flat' WHERE id = 4;
    `);
    const before = old.prepare('SELECT * FROM bar_slip_lines ORDER BY id').all();
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, index + 1) });
    expect(schemaVersion(db)).toBe(migrations[index]!.version);
    const lines = db.prepare('SELECT * FROM bar_slip_lines ORDER BY id').all() as Record<string, unknown>[];
    const NEW_COLUMNS = ['split_from', 'void_refund_settlement_id'];
    const oldColumns = (l: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(l).filter(([k]) => !NEW_COLUMNS.includes(k)));
    expect(lines.map(oldColumns)).toEqual(before);
    expect(lines.map((l) => [l.id, l.split_from, l.void_refund_settlement_id])).toEqual([
      [1, null, null],
      [2, null, null],
      [3, null, null],
      [4, null, 2],
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM stored_value_ledger').get()).toEqual({ n: 3 });

    // the record of corrections: append-only, and a correction always has the member's confirmation
    const now = at(60);
    const addCorrection = (before: number, after: number, confirmed: number) =>
      db
        .prepare(
          `INSERT INTO bar_corrections (line_id, quantity_before, quantity_after, slip_age_seconds, member_confirmed, at, by)
           VALUES (1, ?, ?, 60, ?, ?, 2)`,
        )
        .run(before, after, confirmed, now);
    expect(() => addCorrection(2, 1, 0)).toThrow(/CHECK/);
    expect(() => addCorrection(2, 2, 1)).toThrow(/CHECK/);
    addCorrection(2, 1, 1);
    expect(() => db.prepare('UPDATE bar_corrections SET quantity_after = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM bar_corrections').run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT INTO bar_refund_parts (payment_id, from_method) VALUES (3, 'cheque')").run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO bar_refund_parts (payment_id, from_method) VALUES (3, 'stored_value')").run();
    expect(() => db.prepare('DELETE FROM bar_refund_parts').run()).toThrow(/append-only/);
    db.close();

    // The app opens the migrated club: the old voids are in the bar report, the paid one with its refund.
    const clock = new ManualClock(at(70));
    const core = await Core.open({ dataDir: dir, clock, dailyBackup: false });
    try {
      const login = await core.call('mgr', 'session.login', { staffId: 1, pin: '9999' });
      expect(login.ok).toBe(true);
      const r = await core.call('mgr', 'bar.report', { from: '2026-11-18', to: '2026-11-18' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const report = r.data as {
        voids: { name: string; refundCents: number; refundTo: string[]; authorizedByName: string }[];
        refunds: { byMethod: Record<string, number> };
      };
      expect(report.voids.map((v) => [v.name, v.authorizedByName, v.refundCents, v.refundTo])).toEqual([
        ['Latte', 'Lead Chen', 0, []],
        ['Cola', 'Boss', 800, ['stored_value']],
      ]);
      expect(report.refunds.byMethod.stored_value).toBe(800);
    } finally {
      core.close();
    }
  });
});
