/**
 * The cash migration ('cash'; found by name, so it holds whatever number it ends up with): a database
 * of the previous version holding shifts (one closed, one open), counts (two on one shift, as the old
 * "recount when cash moved" rule made them), a pay-out without an authoriser and a closed day is
 * migrated; everything survives, and the new rules hold in the database itself: a pay-out names its
 * authoriser, a second count answers a recount of its own shift, a day close is read-only and one per
 * day unless a reopening (append-only) refers to it, and no shift opens on a closed day. Then the
 * whole app reads the old records: the shift report lists both old counts and the pay-out, the day
 * report of the old close gets its counts and pay-outs, and a manager can reopen that day.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { hashPin } from '../../electron/core/areas/staff';
import { expectError, tempDir, CallError } from './helpers';

const AT = '2026-11-17T04:00:00.000Z';
const idx = migrations.findIndex((m) => m.name === 'cash');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database of the version before 'cash' with a club, its staff, shifts, counts, a pay-out and a day close. */
function seedPrevious(): { dir: string; file: string } {
  const dir = tempDir('mig-cash');
  dirs.push(dir);
  const file = path.join(dir, DB_FILE);
  const db = openDatabase(file, { migrations: migrations.slice(0, idx) });
  expect(schemaVersion(db)).toBe(idx);
  const settings = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  settings.run('clubName', JSON.stringify('Old Club'));
  settings.run('timeZone', JSON.stringify('Asia/Shanghai'));
  settings.run('language', JSON.stringify('en'));
  const staff = db.prepare(
    `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES (?, ?, 'female', ?, ?, ?)`,
  );
  staff.run('Manager Wang', 'store_manager', hashPin('9999'), AT, AT); // 1
  staff.run('Desk Li', 'reception', hashPin('2222'), AT, AT); // 2
  staff.run('Desk Wu', 'reception', hashPin('3333'), AT, AT); // 3
  const book = JSON.stringify({
    book: { entries: { total: 3 } },
    cash: { expectedCents: 50_800 },
    denominations: { n100: 5, n50: 0, n20: 0, n10: 0, n5: 1, n1: 3, c50: 0, c10: 0 },
  });
  // shift 1, 2026-11-17, closed: counted twice (cash moved after the first count), one pay-out
  db.prepare(
    `INSERT INTO shifts (day, opened_at, opened_by, window_from, staff_json, float_prefill_cents, float_cents)
     VALUES ('2026-11-17', ?, 2, ?, '[2]', 50000, 50000)`,
  ).run(AT, AT);
  const count = db.prepare(
    `INSERT INTO shift_counts (shift_id, denominations_json, counted_cents, expected_cents, at, by)
     VALUES (?, '{}', ?, ?, ?, 2)`,
  );
  count.run(1, 51_000, 51_100, '2026-11-17T09:00:00.000Z');
  db.prepare(
    `INSERT INTO shift_payouts (shift_id, amount_cents, reason, at, by) VALUES (1, 300, 'stamps', ?, 2)`,
  ).run('2026-11-17T09:10:00.000Z');
  count.run(1, 50_800, 50_800, '2026-11-17T09:20:00.000Z');
  db.prepare(
    `UPDATE shifts SET status = 'closed', window_to = ?, closed_at = ?, closed_by = 2, counted_cents = 50800,
       expected_cents = 50800, difference_cents = 0, float_handed_cents = 50000, book_json = ?,
       signed_out_by = 2, signed_in_by = 3 WHERE id = 1`,
  ).run('2026-11-17T10:00:00.000Z', '2026-11-17T10:00:00.000Z', book);
  const oldDay = {
    clubName: 'Old Club',
    day: '2026-11-17',
    closedAt: '2026-11-17T14:00:00.000Z',
    closedBy: { id: 1, name: 'Manager Wang' },
    shifts: [{ id: 1 }],
    openShift: false,
    book: { entries: { total: 3 } },
    cash: {
      countedCents: 50_800,
      expectedCents: 50_800,
      overCents: 0,
      shortCents: 0,
      floatHandedCents: 50_000,
    },
    checklist: [],
    ticked: [],
    backupFile: null,
  };
  db.prepare(
    `INSERT INTO day_closes (day, closed_at, closed_by, checklist_json, book_json, backup_file)
     VALUES ('2026-11-17', ?, 1, '[]', ?, 'frontdesk-old-day-close.sqlite3')`,
  ).run(oldDay.closedAt, JSON.stringify(oldDay));
  // shift 2, 2026-11-18, open and counted once
  db.prepare(
    `INSERT INTO shifts (day, opened_at, opened_by, window_from, staff_json, previous_shift_id, float_prefill_cents, float_cents)
     VALUES ('2026-11-18', ?, 3, ?, '[3]', 1, 50000, 50000)`,
  ).run('2026-11-18T01:00:00.000Z', '2026-11-17T10:00:00.000Z');
  count.run(2, 50_000, 50_000, '2026-11-18T01:30:00.000Z');
  db.close();
  return { dir, file };
}

const rows = (db: Database.Database, sql: string) => db.prepare(sql).all();

describe(`migration 'cash'`, () => {
  it('exists, follows the previous version and is registered', () => {
    expect(idx).toBeGreaterThan(0);
    expect(migrations[idx]!.version).toBe(idx + 1);
  });

  it('keeps every shift, count, pay-out and day close; the new rules hold in the database', () => {
    const { file } = seedPrevious();
    const db = openDatabase(file, { migrations: migrations.slice(0, idx + 1) });
    expect(schemaVersion(db)).toBe(idx + 1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // every row survived as it was
    expect(
      rows(
        db,
        'SELECT id, shift_id, counted_cents, expected_cents, recount_id FROM shift_counts ORDER BY id',
      ),
    ).toEqual([
      { id: 1, shift_id: 1, counted_cents: 51_000, expected_cents: 51_100, recount_id: null },
      { id: 2, shift_id: 1, counted_cents: 50_800, expected_cents: 50_800, recount_id: null },
      { id: 3, shift_id: 2, counted_cents: 50_000, expected_cents: 50_000, recount_id: null },
    ]);
    expect(rows(db, 'SELECT id, amount_cents, reason, by, authorized_by FROM shift_payouts')).toEqual([
      { id: 1, amount_cents: 300, reason: 'stamps', by: 2, authorized_by: null },
    ]);
    expect(rows(db, 'SELECT id, day, closed_by, backup_file FROM day_closes')).toEqual([
      { id: 1, day: '2026-11-17', closed_by: 1, backup_file: 'frontdesk-old-day-close.sqlite3' },
    ]);
    expect(rows(db, 'SELECT id, status, difference_cents FROM shifts ORDER BY id')).toEqual([
      { id: 1, status: 'closed', difference_cents: 0 },
      { id: 2, status: 'open', difference_cents: null },
    ]);
    for (const t of ['shift_recounts', 'day_reopenings', 'day_closes']) {
      const sql = (
        db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) as {
          sql: string;
        }
      ).sql;
      expect(sql, t).toMatch(/\)\s*STRICT/);
    }

    // a pay-out names the shift lead or manager who authorised it
    const payout = db.prepare(
      `INSERT INTO shift_payouts (shift_id, amount_cents, reason, at, by, authorized_by) VALUES (2, 100, 'soap', ?, 3, ?)`,
    );
    expect(() => payout.run(AT, null)).toThrow(/authorisation/);
    payout.run(AT, 1);

    // one blind count per shift: a second one answers a recount of its own shift, once
    const count = db.prepare(
      `INSERT INTO shift_counts (shift_id, denominations_json, counted_cents, expected_cents, at, by, recount_id)
       VALUES (2, '{}', 49900, 49900, ?, 3, ?)`,
    );
    expect(() => count.run(AT, null)).toThrow(/recount needs an authorisation/);
    const recount = db.prepare(
      `INSERT INTO shift_recounts (shift_id, count_id, authorized_by, reason, at, by) VALUES (?, ?, 1, 'miscounted', ?, 3)`,
    );
    expect(() => recount.run(2, 1, AT)).toThrow(/its own shift/);
    const r = Number(recount.run(2, 3, AT).lastInsertRowid);
    expect(() => recount.run(2, 3, AT)).toThrow(/UNIQUE/);
    count.run(AT, r);
    expect(() => count.run(AT, r)).toThrow(/UNIQUE|authorisation/);
    expect(() => db.prepare('UPDATE shift_recounts SET reason = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM shift_recounts').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE shift_counts SET counted_cents = 1').run()).toThrow(/append-only/);

    // the day close is still read-only, never deleted, and one per day
    expect(() => db.prepare("UPDATE day_closes SET book_json = '{}'").run()).toThrow(/read-only/);
    expect(() => db.prepare('DELETE FROM day_closes').run()).toThrow(/never deleted/);
    const close = db.prepare(
      `INSERT INTO day_closes (day, closed_at, closed_by, checklist_json, book_json) VALUES ('2026-11-17', ?, 1, '[]', '{}')`,
    );
    expect(() => close.run(AT)).toThrow(/already closed/);
    // no shift opens on a closed day
    const openShift = db.prepare(
      `INSERT INTO shifts (day, opened_at, opened_by, window_from, staff_json, float_prefill_cents, float_cents)
       VALUES ('2026-11-17', ?, 2, ?, '[2]', 50000, 50000)`,
    );
    db.prepare(
      "UPDATE shifts SET status = 'closed', window_to = ?, closed_at = ?, counted_cents = 49900, expected_cents = 49900, difference_cents = 0, float_handed_cents = 0, book_json = '{}', signed_out_by = 3, signed_in_by = 2 WHERE id = 2",
    ).run(AT, AT);
    expect(() => openShift.run(AT, AT)).toThrow(/the day is closed/);
    // a reopening names a close of its own day, and is append-only; then the day closes again, once
    const reopen = db.prepare(
      `INSERT INTO day_reopenings (day, day_close_id, authorized_by, reason, at, by) VALUES (?, 1, 1, 'late refund', ?, 1)`,
    );
    expect(() => reopen.run('2026-11-18', AT)).toThrow(/its day/);
    reopen.run('2026-11-17', AT);
    expect(() => reopen.run('2026-11-17', AT)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE day_reopenings SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM day_reopenings').run()).toThrow(/append-only/);
    openShift.run(AT, AT);
    db.prepare(
      "UPDATE shifts SET status = 'closed', window_to = ?, closed_at = ?, counted_cents = 0, expected_cents = 0, difference_cents = 0, float_handed_cents = 0, book_json = '{}', signed_out_by = 2, signed_in_by = 3 WHERE id = 3",
    ).run(AT, AT);
    close.run(AT);
    expect(() => close.run(AT)).toThrow(/already closed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('the app reads the old records: both counts and the pay-out on the report, the old day reopened by a manager', async () => {
    const { dir } = seedPrevious();
    const core = await Core.open({
      dataDir: dir,
      clock: new ManualClock('2026-11-18T02:00:00.000Z'),
      dailyBackup: false,
    });
    try {
      const call = async <T>(op: string, args: unknown): Promise<T> => {
        const r = await core.call('mgr', op, args);
        if (!r.ok) throw new CallError(r.error.code, r.error.params);
        return r.data as T;
      };
      await call('session.login', { staffId: 1, pin: '9999' });
      const report = await call<{
        shift: {
          counts: {
            countedCents: number;
            differenceCents: number;
            recount: unknown;
            supersededBy: unknown;
          }[];
          payouts: { reason: string; authorizedByName: string | null; byName: string }[];
        };
      }>('shift.report', { id: 1 });
      expect(
        report.shift.counts.map((c) => [c.countedCents, c.differenceCents, c.recount, c.supersededBy]),
      ).toEqual([
        [51_000, -100, null, null],
        [50_800, 0, null, null],
      ]);
      expect(report.shift.payouts).toMatchObject([
        { reason: 'stamps', byName: 'Desk Li', authorizedByName: null },
      ]);
      const day = await call<{
        counts: { shiftId: number }[];
        payouts: unknown[];
        reopenings: unknown[];
        backupFile: string;
      }>('shift.dayReport', { day: '2026-11-17' });
      expect(day.counts.map((c) => c.shiftId)).toEqual([1, 1]);
      expect(day.payouts).toHaveLength(1);
      expect(day.reopenings).toEqual([]);
      expect(day.backupFile).toBe('frontdesk-old-day-close.sqlite3');
      // a reception PIN does not reopen it (it names no authoriser); the manager's does, with the reason
      await expectError(
        call('shift.reopenDay', {
          day: '2026-11-17',
          authorization: { pin: '2222', reason: 'x' },
        }),
        'AUTH_PIN_WRONG',
      );
      const reopened = await call<{
        closedAt: string | null;
        reopenings: { authorizedByName: string; reason: string }[];
      }>('shift.reopenDay', {
        day: '2026-11-17',
        authorization: { pin: '9999', reason: 'a refund was missed' },
      });
      expect(reopened.closedAt).toBeNull();
      expect(reopened.reopenings).toMatchObject([
        { authorizedByName: 'Manager Wang', reason: 'a refund was missed' },
      ]);
    } finally {
      core.close();
    }
  });
});
