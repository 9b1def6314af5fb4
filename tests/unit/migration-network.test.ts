/**
 * The club network migration ('network'; found by name): a database of the previous version with
 * staff and an audit trail is migrated; everything survives, the network is off, and the new rules
 * hold in the database itself: a refused or revoked device never becomes active again, a credential
 * never changes, and no device is deleted.
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
const idx = migrations.findIndex((m) => m.name === 'network');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration network', () => {
  it('exists, follows the previous version and is registered', () => {
    expect(idx).toBeGreaterThan(0);
    expect(migrations[idx]!.version).toBe(migrations[idx - 1]!.version + 1);
  });

  it('keeps what was there; the network is off; the new rules hold in the database', () => {
    const dir = tempDir('mig-net');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE);
    const old = openDatabase(file, { migrations: migrations.slice(0, idx) });
    old
      .prepare(
        `INSERT INTO staff (name, role, gender, pin_hash, created_at, updated_at) VALUES (?, ?, 'female', ?, ?, ?)`,
      )
      .run('Manager Wang', 'store_manager', hashPin('9999'), AT, AT);
    old
      .prepare(`INSERT INTO audit_log (at, staff_id, staff_name, op) VALUES (?, 1, 'Manager Wang', 'x.y')`)
      .run(AT);
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, idx + 1) });
    expect(schemaVersion(db)).toBe(migrations[idx]!.version);
    expect(db.prepare('SELECT name FROM staff').pluck().all()).toEqual(['Manager Wang']);
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(1);
    expect(db.prepare('SELECT enabled FROM network_config').pluck().all()).toEqual([0]);
    expect(() => db.prepare('INSERT INTO network_config (id, enabled) VALUES (2, 1)').run()).toThrow(/CHECK/);

    db.prepare(
      `INSERT INTO network_pairing_codes (code_hash, created_at, expires_at, created_by) VALUES (?, ?, ?, 1)`,
    ).run('a'.repeat(64), AT, LATER);
    expect(() =>
      db
        .prepare(
          `INSERT INTO network_pairing_codes (code_hash, created_at, expires_at, created_by) VALUES (?, ?, ?, 1)`,
        )
        .run('b'.repeat(64), LATER, AT),
    ).toThrow(/CHECK/);
    const insert = db.prepare(
      `INSERT INTO network_devices (name, secret_hash, status, code_id, requested_at) VALUES (?, ?, 'pending', 1, ?)`,
    );
    insert.run('水吧', 'c'.repeat(64), AT);
    // one device per code
    expect(() => insert.run('Another', 'd'.repeat(64), AT)).toThrow(/UNIQUE/);
    // active needs who confirmed it; the credential never changes
    expect(() => db.prepare(`UPDATE network_devices SET status = 'active'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE network_devices SET status = 'active', confirmed_at = ?, confirmed_by = 1`).run(LATER);
    expect(() => db.prepare(`UPDATE network_devices SET secret_hash = ?`).run('e'.repeat(64))).toThrow(
      /never changes/,
    );
    expect(() => db.prepare(`UPDATE network_devices SET status = 'pending'`).run()).toThrow(/never changes/);
    db.prepare(`UPDATE network_devices SET status = 'revoked', ended_at = ?, ended_by = 1`).run(LATER);
    expect(() => db.prepare(`UPDATE network_devices SET status = 'active', ended_at = NULL`).run()).toThrow(
      /stays so/,
    );
    expect(() => db.prepare('DELETE FROM network_devices').run()).toThrow(/never deleted/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
