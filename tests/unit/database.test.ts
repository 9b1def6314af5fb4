import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, SCHEMA_VERSION } from '../../db';
import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
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
    const file = path.join(tempDir(), DB_FILE);
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
    const file = path.join(tempDir(), DB_FILE);
    openDatabase(file).close();
    // Re-opening runs nothing again (would fail with "table already exists" otherwise).
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('a failing migration leaves the database at the previous version', () => {
    const file = path.join(tempDir(), DB_FILE);
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
    const dir = tempDir();
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
    const dir = tempDir();
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

  it('keeps only the last 14 backups', async () => {
    const club = await makeClub();
    for (let i = 0; i < KEEP_BACKUPS + 3; i++) {
      club.clock.advance(1000);
      await club.call('mgr', 'backups.create', {});
    }
    const list = await club.call('mgr', 'backups.list', {});
    expect(list).toHaveLength(KEEP_BACKUPS);
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
