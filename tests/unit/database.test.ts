import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, SCHEMA_VERSION } from '../../db';
import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import { DB_FILE, openDatabase, schemaVersion, wasUncleanShutdown } from '../../electron/core/db/database';
import { KEEP_BACKUPS, listBackups } from '../../electron/core/db/backups';
import { AppError } from '../../electron/core/errors';
import { expectError, makeClub, MANAGER_PIN, tempDir } from './helpers';

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

describe('migrations', () => {
  it('migration 1 creates the foundation tables, STRICT, and sets user_version', () => {
    const file = path.join(tempDir('db'), DB_FILE);
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'settings',
        'staff',
        'audit_log',
        'card_types',
        'members',
        'member_search',
        'key_tags',
        'visits',
        'member_charges',
        'op_results',
      ]),
    );
    const sql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        sql: string;
      }[]
    ).map((r) => r.sql);
    for (const s of sql) expect(s).toMatch(/\)\s*STRICT/);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('each migration is numbered in order and runs exactly once', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    const file = path.join(tempDir('db'), DB_FILE);
    openDatabase(file).close();
    // Re-opening runs nothing again (would fail with "table already exists" otherwise).
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('a failing migration leaves the database at the previous version', () => {
    const file = path.join(tempDir('db'), DB_FILE);
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up(db: Database.Database) {
          db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
          db.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('migration 2 adds the bar and money tables and opens a ledger entry for every existing balance', () => {
    const file = path.join(tempDir('db'), DB_FILE);
    const v1 = openDatabase(file, { migrations: migrations.slice(0, 1) });
    expect(schemaVersion(v1)).toBe(1);
    const now = '2026-11-01T00:00:00.000Z';
    v1.prepare(
      "INSERT INTO card_types (name, kind, duration_days, price_cents, created_at, updated_at) VALUES ('Y', 'time', 365, 1, ?, ?)",
    ).run(now, now);
    const add = v1.prepare(
      `INSERT INTO members (card_no, name, gender, card_type_id, start_date, expiry_date, stored_value_cents, created_at, updated_at)
       VALUES (?, ?, 'male', 1, '2026-01-01', '2026-12-31', ?, ?, ?)`,
    );
    add.run('A1', 'Has money', 12345, now, now);
    add.run('A2', 'No money', 0, now, now);
    v1.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'bar_items',
        'bar_slips',
        'bar_slip_lines',
        'stock_moves',
        'stocktakes',
        'stocktake_lines',
        'settlements',
        'payments',
        'stored_value_ledger',
        'bar_water',
      ]),
    );
    for (const r of db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { sql: string }[]) {
      expect(r.sql).toMatch(/\)\s*STRICT/);
    }
    expect(
      db.prepare('SELECT member_id, kind, amount_cents, balance_after_cents FROM stored_value_ledger').all(),
    ).toEqual([{ member_id: 1, kind: 'opening', amount_cents: 12345, balance_after_cents: 12345 }]);
    expect(() => db.prepare('UPDATE stored_value_ledger SET amount_cents = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM stored_value_ledger').run()).toThrow(/append-only/);
    // A slip line's amount is its price times its quantity, by the schema itself.
    expect(() =>
      db.exec(`INSERT INTO bar_items (name, category, price_cents, created_at, updated_at) VALUES ('x', 'y', 100, '${now}', '${now}');
               INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES ('s', 'bar', 'male', 'h', '${now}', '${now}');
               INSERT INTO visits (kind, member_id, gender, checked_in_at, checked_in_by) VALUES ('member', 1, 'male', '${now}', 1);
               INSERT INTO bar_slips (visit_id, created_at, created_by) VALUES (1, '${now}', 1);
               INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents) VALUES (1, 1, 'x', 100, 2, 150);`),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('migration 3 adds the visitor and rotation tables; history tables refuse changes', () => {
    const file = path.join(tempDir('db'), DB_FILE);
    const v2 = openDatabase(file, { migrations: migrations.slice(0, 2) });
    expect(schemaVersion(v2)).toBe(2);
    v2.close();
    const db = openDatabase(file, { migrations: migrations.slice(0, 3) });
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'consultant_signins',
        'consultant_state_log',
        'rotation_pointers',
        'appointments',
        'visitors',
        'visitor_calls',
        'rotation_skips',
        'visitor_disputes',
        'phone_inquiries',
        'class_timetable',
        'announcements',
      ]),
    );
    const now = '2026-11-18T02:00:00.000Z';
    db.exec(`INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES ('c', 'consultant', 'male', 'h', '${now}', '${now}');
             INSERT INTO consultant_signins (day, staff_id, seq, signed_in_at, state, state_since) VALUES ('2026-11-18', 1, 1, '${now}', 'available', '${now}');`);
    // Away needs its kind; one sign-in per consultant and day.
    expect(() => db.prepare("UPDATE consultant_signins SET state = 'away'").run()).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `INSERT INTO consultant_signins (day, staff_id, seq, signed_in_at, state, state_since) VALUES ('2026-11-18', 1, 2, '${now}', 'available', '${now}')`,
      ),
    ).toThrow(/UNIQUE/);
    db.exec(
      `INSERT INTO consultant_state_log (signin_id, state, at, by) VALUES (1, 'available', '${now}', 1)`,
    );
    expect(() => db.prepare("UPDATE consultant_state_log SET state = 'away'").run()).toThrow(/append-only/);
    db.close();
  });

  it('migration 4 adds incidents and complaints: checked kinds and statuses, append-only addenda', () => {
    const file = path.join(tempDir('db'), DB_FILE);
    const v3 = openDatabase(file, { migrations: migrations.slice(0, 3) });
    expect(schemaVersion(v3)).toBe(3);
    const now = '2026-11-01T00:00:00.000Z';
    v3.exec(
      `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES ('s', 'reception', 'male', 'h', '${now}', '${now}')`,
    );
    v3.close();

    expect(migrations[3]).toMatchObject({ version: 4, name: 'incidents' });
    // at version 4 (later migrations change complaints; see their own tests)
    const db = openDatabase(file, { migrations: migrations.slice(0, 4) });
    expect(schemaVersion(db)).toBe(4);
    const added = [
      'incidents',
      'incident_follow_ups',
      'incident_addenda',
      'incident_attachments',
      'complaints',
      'complaint_notes',
    ];
    expect(tables(db)).toEqual(expect.arrayContaining(added));
    for (const t of added) {
      const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
      expect((row as { sql: string }).sql).toMatch(/\)\s*STRICT/);
    }
    const incident = (kind: string, status = 'open', closed: string | null = null) =>
      db
        .prepare(
          `INSERT INTO incidents (status, opened_at, opened_by, occurred_at, place, what, kind, closed_at, closed_by, updated_at)
           VALUES (?, ?, 1, ?, 'Gym', 'Fell', ?, ?, ?, ?)`,
        )
        .run(status, now, now, kind, closed, closed ? 1 : null, now);
    incident('injury');
    expect(() => incident('flood')).toThrow(/CHECK/);
    // Closed means closed_at and closed_by, and the other way round.
    expect(() => incident('injury', 'closed')).toThrow(/CHECK/);
    incident('injury', 'closed', now);
    expect(() =>
      db.exec(`INSERT INTO incidents (opened_at, opened_by, occurred_at, place, what, member_id, updated_at)
               VALUES ('${now}', 1, '${now}', 'Gym', 'x', 99, '${now}')`),
    ).toThrow(/CHECK|FOREIGN KEY/);
    db.prepare("INSERT INTO incident_addenda (incident_id, text, at, by) VALUES (1, 'later', ?, 1)").run(now);
    expect(() => db.prepare("UPDATE incident_addenda SET text = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM incident_addenda').run()).toThrow(/append-only/);
    db.prepare(
      `INSERT INTO incident_attachments (incident_id, original_name, mime, size_bytes, sha256, created_at, created_by)
       VALUES (1, 'a.png', 'image/png', 10, ?, ?, 1)`,
    ).run('0'.repeat(64), now);
    expect(() => db.prepare('DELETE FROM incident_attachments').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO incident_attachments (incident_id, original_name, mime, size_bytes, sha256, created_at, created_by)
           VALUES (1, 'a.exe', 'application/x-msdownload', 10, ?, ?, 1)`,
        )
        .run('1'.repeat(64), now),
    ).toThrow(/CHECK/);
    const complaint = (status: string) =>
      db
        .prepare(
          `INSERT INTO complaints (status, registered_at, registered_by, complainant_name, channel, what, department, updated_at)
           VALUES (?, ?, 1, 'A', 'phone', 'x', 'bar', ?)`,
        )
        .run(status, now, now);
    complaint('registered');
    expect(() => complaint('lost')).toThrow(/CHECK/);
    // Closed only after a resolution was reported.
    expect(() => complaint('closed')).toThrow(/CHECK/);
    db.close();
  });

  it('migration 5 adds shifts: one open shift, a closed shift is read-only, counts append-only', () => {
    const file = path.join(tempDir('db'), DB_FILE);
    const v4 = openDatabase(file, { migrations: migrations.slice(0, 4) });
    expect(schemaVersion(v4)).toBe(4);
    const now = '2026-11-01T00:00:00.000Z';
    v4.exec(
      `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES ('a', 'reception', 'male', 'h', '${now}', '${now}'), ('b', 'reception', 'female', 'h', '${now}', '${now}')`,
    );
    v4.close();

    expect(migrations[4]).toMatchObject({ version: 5, name: 'shifts' });
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const added = ['shifts', 'shift_counts', 'shift_payouts', 'shift_corrections', 'day_closes'];
    expect(tables(db)).toEqual(expect.arrayContaining(added));
    for (const t of added) {
      const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
      expect((row as { sql: string }).sql).toMatch(/\)\s*STRICT/);
    }
    const open = (floatCents = 50_000, reason: string | null = null) =>
      db
        .prepare(
          `INSERT INTO shifts (day, opened_at, opened_by, window_from, staff_json, float_prefill_cents, float_cents, float_reason)
           VALUES ('2026-11-01', ?, 1, ?, '[1]', 50000, ?, ?)`,
        )
        .run(now, now, floatCents, reason).lastInsertRowid;
    // a float that differs from the prefill needs a reason
    expect(() => open(40_000)).toThrow(/CHECK/);
    const id = open();
    // one open shift at a time
    expect(() => open()).toThrow(/UNIQUE/);
    // closing needs the count, the book and two different signatures; the difference adds up
    const close = (diff: number, outBy = 1, inBy = 2, reason: string | null = 'note') =>
      db
        .prepare(
          `UPDATE shifts SET status = 'closed', window_to = ?, closed_at = ?, counted_cents = 100, expected_cents = 200,
             difference_cents = ?, difference_reason = ?, float_handed_cents = 50, book_json = '{}',
             signed_out_by = ?, signed_in_by = ? WHERE id = ?`,
        )
        .run(now, now, diff, reason, outBy, inBy, id);
    expect(() => close(-50)).toThrow(/CHECK/);
    expect(() => close(-100, 1, 1)).toThrow(/CHECK/);
    expect(() => close(-100, 1, 2, null)).toThrow(/CHECK/);
    close(-100);
    expect(() => db.prepare("UPDATE shifts SET notes = 'x' WHERE id = ?").run(id)).toThrow(/read-only/);
    expect(() => db.prepare('DELETE FROM shifts WHERE id = ?').run(id)).toThrow(/never deleted/);
    db.prepare(
      `INSERT INTO shift_counts (shift_id, denominations_json, counted_cents, expected_cents, at, by)
       VALUES (?, '{}', 100, 200, ?, 1)`,
    ).run(id, now);
    expect(() => db.prepare('UPDATE shift_counts SET counted_cents = 200').run()).toThrow(/append-only/);
    db.prepare(
      "INSERT INTO day_closes (day, closed_at, closed_by, checklist_json, book_json) VALUES ('2026-11-01', ?, 1, '[]', '{}')",
    ).run(now);
    // the backup file is recorded once; nothing else changes
    db.prepare("UPDATE day_closes SET backup_file = 'b.sqlite3'").run();
    expect(() => db.prepare("UPDATE day_closes SET backup_file = 'c.sqlite3'").run()).toThrow(/read-only/);
    expect(() => db.prepare("UPDATE day_closes SET book_json = '[]'").run()).toThrow(/read-only/);
    db.close();
  });

  it('migration 6 adds the indexes the bar sale and the bar report use', () => {
    const file = path.join(tempDir('db'), DB_FILE);
    openDatabase(file, { migrations: migrations.slice(0, 5) }).close();
    expect(migrations[5]).toMatchObject({ version: 6, name: 'indexes' });
    const db = openDatabase(file, { migrations: migrations.slice(0, 6) });
    expect(schemaVersion(db)).toBe(6);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan('SELECT sum(quantity) FROM stock_moves WHERE item_id = 1')).toMatch(
      /COVERING INDEX stock_moves_item_kind/,
    );
    expect(plan("SELECT id FROM bar_slip_lines WHERE voided_at >= '2026-11-01'")).toMatch(
      /INDEX bar_slip_lines_voided/,
    );
    expect(
      plan(
        "SELECT id FROM visits WHERE checkout_kind = 'tag_not_returned' AND checked_out_at >= '2026-11-01' AND checked_out_at < '2026-11-02'",
      ),
    ).toMatch(/INDEX visits_tag_not_returned/);
    db.close();
  });

  it('the audit log refuses UPDATE and DELETE', async () => {
    const club = await makeClub();
    const db = club.core.database;
    const n = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(n).toBeGreaterThan(0);
    expect(() => db.prepare("UPDATE audit_log SET op = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(n);
    club.core.close();
  });
});

describe('opening the database', () => {
  it('refuses a database written by a newer app and does not touch it', async () => {
    const dir = tempDir('db');
    const file = path.join(dir, DB_FILE);
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(AppError);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as AppError).code).toBe('DATABASE_TOO_NEW');
    }
    const core = await Core.open({ dataDir: dir });
    const st = await core.call('x', 'system.status', {});
    expect(st).toMatchObject({ ok: true, data: { state: 'broken', problem: 'DATABASE_TOO_NEW' } });
    const r = await core.call('x', 'session.staffList', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'DATABASE_BROKEN' } });
    const again = new Database(file);
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION + 1);
    again.close();
  });

  it('a file that is not a database is reported broken and never recreated', async () => {
    const dir = tempDir('db');
    const file = path.join(dir, DB_FILE);
    const junk = Buffer.alloc(8192, 0x41);
    fs.writeFileSync(file, junk);
    const core = await Core.open({ dataDir: dir });
    const st = await core.call('x', 'system.status', {});
    expect(st).toMatchObject({ ok: true, data: { state: 'broken', problem: 'DATABASE_BROKEN' } });
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
  });
});

describe('backups', () => {
  it('makes a daily backup on the first start of the day only', async () => {
    const club = await makeClub();
    const dir = club.dataDir;
    club.core.close();
    const clock = new ManualClock('2026-11-18T03:00:00.000Z');
    (await Core.open({ dataDir: dir, clock })).close();
    expect(listBackups(dir).filter((b) => b.reason === 'daily')).toHaveLength(1);
    clock.advance(60 * 60_000);
    (await Core.open({ dataDir: dir, clock })).close();
    expect(listBackups(dir).filter((b) => b.reason === 'daily')).toHaveLength(1);
    clock.advance(24 * 60 * 60_000);
    (await Core.open({ dataDir: dir, clock })).close();
    expect(listBackups(dir).filter((b) => b.reason === 'daily')).toHaveLength(2);
  });

  it('keeps only the last 14 manual backups', async () => {
    const club = await makeClub();
    for (let i = 0; i < KEEP_BACKUPS.manual + 3; i++) {
      club.clock.advance(1000);
      await club.call('mgr', 'backups.create', {});
    }
    const list = await club.call('mgr', 'backups.list', {});
    expect(list).toHaveLength(KEEP_BACKUPS.manual);
    club.core.close();
  });

  it('restores a backup: later changes are gone, the backup taken before restore keeps them', async () => {
    const club = await makeClub();
    const b = await club.call('mgr', 'backups.create', {});
    club.clock.advance(1000);
    await club.call('mgr', 'staff.create', {
      name: 'After Backup',
      role: 'reception',
      pin: '4321',
      gender: 'male',
    });
    expect((await club.call('mgr', 'staff.list', {})).map((s) => s.name)).toContain('After Backup');
    await club.call('mgr', 'backups.restore', { file: b.file });
    // Sessions end with a restore: log in again.
    await expectError(club.call('mgr', 'staff.list', {}), 'UNAUTHENTICATED');
    await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
    expect((await club.call('mgr', 'staff.list', {})).map((s) => s.name)).not.toContain('After Backup');
    const list = await club.call('mgr', 'backups.list', {});
    expect(list.some((x) => x.reason === 'pre-restore')).toBe(true);
    club.core.close();
  });

  it('reception cannot list, make or restore backups', async () => {
    const club = await makeClub();
    const { session } = await club.loginAs('reception');
    await expectError(club.call(session, 'backups.list', {}), 'FORBIDDEN');
    await expectError(club.call(session, 'backups.create', {}), 'FORBIDDEN');
    await expectError(
      club.call(session, 'backups.restore', { file: 'frontdesk-20261118T020000000Z-manual.sqlite3' }),
      'FORBIDDEN',
    );
    club.core.close();
  });

  it('refuses backup names that try to leave the backups folder', async () => {
    const club = await makeClub();
    for (const file of ['../frontdesk.sqlite3', '/etc/passwd', 'frontdesk-x-manual.sqlite3']) {
      await expectError(club.call('mgr', 'backups.restore', { file }), 'BACKUP_NOT_FOUND');
    }
    club.core.close();
  });

  it('a broken database is restored with the PIN of a manager known to the backup', async () => {
    const club = await makeClub();
    const dir = club.dataDir;
    const b = await club.call('mgr', 'backups.create', {});
    club.core.close();
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, Buffer.alloc(4096, 0x42));
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
    const core = await Core.open({ dataDir: dir, clock: club.clock, dailyBackup: false });
    expect((await core.call('x', 'system.status', {})) as { data: { state: string } }).toMatchObject({
      data: { state: 'broken' },
    });
    const listed = await core.call('x', 'backups.list', {});
    expect(listed.ok && (listed.data as { file: string }[]).map((x) => x.file)).toContain(b.file);
    const wrong = await core.call('x', 'backups.restore', {
      file: b.file,
      authorization: { staffId: club.managerId, pin: '0000' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    const ok = await core.call('x', 'backups.restore', {
      file: b.file,
      authorization: { staffId: club.managerId, pin: MANAGER_PIN },
    });
    expect(ok).toMatchObject({ ok: true });
    expect(await core.call('x', 'system.status', {})).toMatchObject({ ok: true, data: { state: 'ready' } });
    core.close();
  });
});

describe('checking the file', () => {
  it('knows an unclean shutdown by the write-ahead log left behind', () => {
    const file = path.join(tempDir('db'), DB_FILE);
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1)');
    // while the connection is open (as after a power cut) the log holds the last transactions
    expect(wasUncleanShutdown(file)).toBe(true);
    db.close();
    expect(wasUncleanShutdown(file)).toBe(false);
  });

  it('damage met while working puts the core into its broken state, where a restore is offered', async () => {
    const club = await makeClub();
    for (let i = 0; i < 400; i++) {
      await club.call('mgr', 'audit.search', { q: `x${i}`, limit: 1, offset: 0 });
      await club.call('mgr', 'settings.update', { lostTagFeeCents: 1000 + i });
    }
    const { dataDir } = club;
    club.core.close();
    // the last pages of the file (the newest audit entries) are overwritten; the header, the schema
    // and the first page of every table are intact, so the light check at a clean open passes
    const file = path.join(dataDir, DB_FILE);
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8 * 4096, 0x5a), 0, 8 * 4096, size - 8 * 4096);
    fs.closeSync(fd);
    const core = await Core.open({ dataDir, clock: club.clock, dailyBackup: false });
    try {
      expect(core.state).toBe('ready');
      await core.call('m', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
      const r = await core.call('m', 'audit.search', { q: 'settings', limit: 500, offset: 0 });
      expect(r.ok ? 'ok' : r.error.code).toBe('DATABASE_BROKEN');
      expect(core.state).toBe('broken');
      const st = await core.call('m', 'system.status', {});
      expect(st).toMatchObject({ ok: true, data: { state: 'broken', problem: 'DATABASE_BROKEN' } });
    } finally {
      core.close();
    }
  });
});
