/**
 * The standby copy migration ('standby'; found by name): a database of the previous version with a
 * paired station and the network on is migrated; everything survives, no standby is set, copies are
 * taken every 5 minutes, and the new rules hold in the database itself: the interval stays within
 * 1..60 minutes, the standby is a device, a copy is only ever marked verified (once), and no copy is
 * deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import { DB_FILE, openDatabase, schemaVersion } from '../../electron/core/db/database';
import { hashPin } from '../../electron/core/areas/staff';
import { tempDir } from './helpers';

const AT = '2026-12-07T04:00:00.000Z';
const LATER = '2026-12-07T04:02:00.000Z';
const idx = migrations.findIndex((m) => m.name === 'standby');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration standby', () => {
  it('exists, follows the previous version and is registered', () => {
    expect(idx).toBeGreaterThan(0);
    expect(migrations[idx]!.version).toBe(migrations[idx - 1]!.version + 1);
  });

  it('keeps what was there; no standby; the new rules hold in the database', () => {
    const dir = tempDir('mig-standby');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, idx) });
    old
      .prepare(
        `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES (?, ?, 'female', ?, ?, ?)`,
      )
      .run('Manager Wang', 'store_manager', hashPin('9999'), AT, AT);
    old.prepare('UPDATE network_config SET enabled = 1, changed_at = ?, changed_by = 1').run(AT);
    old
      .prepare(
        `INSERT INTO network_pairing_codes (code_hash, created_at, expires_at, created_by) VALUES (?, ?, ?, 1)`,
      )
      .run('a'.repeat(64), AT, LATER);
    old
      .prepare(
        `INSERT INTO network_devices (name, secret_hash, status, code_id, requested_at, confirmed_at, confirmed_by)
         VALUES ('经理办公室', ?, 'active', 1, ?, ?, 1)`,
      )
      .run('c'.repeat(64), AT, AT);
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, idx + 1) });
    expect(schemaVersion(db)).toBe(migrations[idx]!.version);
    expect(db.prepare('SELECT name, status FROM network_devices').all()).toEqual([
      { name: '经理办公室', status: 'active' },
    ]);
    expect(
      db.prepare('SELECT enabled, standby_device_id, standby_minutes, standby_url FROM network_config').all(),
    ).toEqual([{ enabled: 1, standby_device_id: null, standby_minutes: 5, standby_url: null }]);

    // the interval stays within 1..60 minutes; the standby is a device
    expect(() => db.prepare('UPDATE network_config SET standby_minutes = 0').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE network_config SET standby_minutes = 61').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE network_config SET standby_device_id = 99').run()).toThrow(/FOREIGN KEY/);
    // an identity only with a standby, whole
    expect(() => db.prepare(`UPDATE network_config SET standby_url = 'https://10.0.0.5:5175'`).run()).toThrow(
      /whole/,
    );
    db.prepare('UPDATE network_config SET standby_device_id = 1, standby_minutes = 10').run();

    const insert = db.prepare(
      `INSERT INTO network_standby_copies (device_id, taken_at, bytes, sha256, user_version) VALUES (?, ?, ?, ?, ?)`,
    );
    insert.run(1, AT, 4096, 'd'.repeat(64), 19);
    expect(() => insert.run(1, AT, 0, 'd'.repeat(64), 19)).toThrow(/CHECK/);
    expect(() => insert.run(1, AT, 10, 'D'.repeat(64), 19)).toThrow(/CHECK/);
    expect(() => insert.run(1, AT, 10, 'e'.repeat(63), 19)).toThrow(/CHECK/);
    expect(() => insert.run(2, AT, 10, 'e'.repeat(64), 19)).toThrow(/FOREIGN KEY/);
    // only ever marked verified, once, never before it was taken
    expect(() => db.prepare('UPDATE network_standby_copies SET bytes = 1').run()).toThrow(/only ever/);
    expect(() =>
      db.prepare('UPDATE network_standby_copies SET verified_at = ?').run('2026-12-07T03:00:00.000Z'),
    ).toThrow(/CHECK/);
    db.prepare('UPDATE network_standby_copies SET verified_at = ?').run(LATER);
    expect(() => db.prepare('UPDATE network_standby_copies SET verified_at = ?').run(LATER)).toThrow(
      /only ever/,
    );
    expect(() => db.prepare('DELETE FROM network_standby_copies').run()).toThrow(/never deleted/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
