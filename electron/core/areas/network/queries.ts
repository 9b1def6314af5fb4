/** All the club network's SQL (network_config, network_pairing_codes, network_devices, network_standby_copies). */
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { DeviceStatus } from './types';

export interface DeviceRow {
  id: number;
  name: string;
  secret_hash: string;
  status: DeviceStatus;
  screens: string;
  address: string;
  code_id: number;
  requested_at: string;
  confirmed_at: string | null;
  confirmed_by: number | null;
  confirmed_by_name: string | null;
  ended_at: string | null;
  ended_by: number | null;
  last_seen_at: string | null;
}

export interface CodeRow {
  id: number;
  code_hash: string;
  expires_at: string;
  wrong_tries: number;
}

const SELECT_DEVICE = `SELECT d.*, s.name AS confirmed_by_name FROM network_devices d
  LEFT JOIN staff s ON s.id = d.confirmed_by`;

export function networkEnabled(db: DB): boolean {
  return (
    stmt<[], { enabled: number }>(db, 'SELECT enabled FROM network_config WHERE id = 1').get()?.enabled === 1
  );
}

export function setNetworkEnabled(db: DB, enabled: boolean, at: string, by: number): void {
  stmt<[number, string, number]>(
    db,
    'UPDATE network_config SET enabled = ?, changed_at = ?, changed_by = ? WHERE id = 1',
  ).run(enabled ? 1 : 0, at, by);
}

/** The pairing code open now (not ended, not expired), if any. */
export function openCode(db: DB, now: string): CodeRow | undefined {
  return stmt<[string], CodeRow>(
    db,
    `SELECT id, code_hash, expires_at, wrong_tries FROM network_pairing_codes
     WHERE ended_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1`,
  ).get(now);
}

export function endOpenCodes(db: DB, at: string): void {
  stmt<[string]>(db, 'UPDATE network_pairing_codes SET ended_at = ? WHERE ended_at IS NULL').run(at);
}

export function insertCode(db: DB, c: { hash: string; at: string; expiresAt: string; by: number }): number {
  return Number(
    stmt<typeof c>(
      db,
      `INSERT INTO network_pairing_codes (code_hash, created_at, expires_at, created_by)
       VALUES (@hash, @at, @expiresAt, @by)`,
    ).run(c).lastInsertRowid,
  );
}

/** Counts a wrong code against the open code; returns the tries it has had. */
export function countWrongTry(db: DB, id: number): number {
  stmt<[number]>(db, 'UPDATE network_pairing_codes SET wrong_tries = wrong_tries + 1 WHERE id = ?').run(id);
  return stmt<[number], { n: number }>(
    db,
    'SELECT wrong_tries AS n FROM network_pairing_codes WHERE id = ?',
  ).get(id)!.n;
}

export function endCode(db: DB, id: number, at: string): void {
  stmt<[string, number]>(db, 'UPDATE network_pairing_codes SET ended_at = ? WHERE id = ?').run(at, id);
}

export function insertDevice(
  db: DB,
  d: { name: string; secretHash: string; address: string; codeId: number; at: string },
): number {
  return Number(
    stmt<typeof d>(
      db,
      `INSERT INTO network_devices (name, secret_hash, status, address, code_id, requested_at)
       VALUES (@name, @secretHash, 'pending', @address, @codeId, @at)`,
    ).run(d).lastInsertRowid,
  );
}

export function deviceById(db: DB, id: number): DeviceRow | undefined {
  return stmt<[number], DeviceRow>(db, `${SELECT_DEVICE} WHERE d.id = ?`).get(id);
}

/** Pending and active first, then the rest, newest first; at most 200. */
export function listDevices(db: DB): DeviceRow[] {
  return stmt<[], DeviceRow>(
    db,
    `${SELECT_DEVICE} ORDER BY CASE d.status WHEN 'pending' THEN 0 WHEN 'active' THEN 1 ELSE 2 END,
     d.requested_at DESC, d.id DESC LIMIT 200`,
  ).all();
}

export function confirmDevice(db: DB, u: { id: number; screens: string; at: string; by: number }): boolean {
  return (
    stmt<typeof u>(
      db,
      `UPDATE network_devices SET status = 'active', screens = @screens, confirmed_at = @at, confirmed_by = @by
       WHERE id = @id AND status = 'pending'`,
    ).run(u).changes === 1
  );
}

/** Refuses a pending device or revokes an active one (`from` the status it must have). */
export function endDevice(
  db: DB,
  u: { id: number; from: DeviceStatus; to: 'refused' | 'revoked'; at: string; by: number | null },
): boolean {
  return (
    stmt<typeof u>(
      db,
      `UPDATE network_devices SET status = @to, ended_at = @at, ended_by = @by WHERE id = @id AND status = @from`,
    ).run(u).changes === 1
  );
}

export function setScreens(db: DB, id: number, screens: string): boolean {
  return (
    stmt<[string, number]>(
      db,
      `UPDATE network_devices SET screens = ? WHERE id = ? AND status = 'active'`,
    ).run(screens, id).changes === 1
  );
}

export function touchDevice(db: DB, id: number, at: string): void {
  stmt<[string, number]>(
    db,
    `UPDATE network_devices SET last_seen_at = ? WHERE id = ? AND status = 'active'`,
  ).run(at, id);
}

export interface StandbyRow {
  device_id: number;
  name: string;
  minutes: number;
  url: string | null;
  cert_pem: string | null;
  fingerprint: string | null;
}

export interface CopyRow {
  taken_at: string;
  verified_at: string;
  bytes: number;
}

/** The standby device now (null: none). */
export function standby(db: DB): StandbyRow | undefined {
  return stmt<[], StandbyRow>(
    db,
    `SELECT c.standby_device_id AS device_id, d.name, c.standby_minutes AS minutes, c.standby_url AS url,
       c.standby_cert_pem AS cert_pem, c.standby_fingerprint AS fingerprint
     FROM network_config c JOIN network_devices d ON d.id = c.standby_device_id WHERE c.id = 1`,
  ).get();
}

export function standbyMinutes(db: DB): number {
  return stmt<[], { m: number }>(db, 'SELECT standby_minutes AS m FROM network_config WHERE id = 1').get()!.m;
}

/** Another device (or none) becomes the standby: the previous one's reported identity goes. */
export function setStandby(db: DB, deviceId: number | null): void {
  stmt<[number | null]>(
    db,
    `UPDATE network_config SET standby_device_id = ?, standby_url = NULL, standby_cert_pem = NULL,
       standby_fingerprint = NULL, standby_reported_at = NULL WHERE id = 1`,
  ).run(deviceId);
}

export function setStandbyMinutes(db: DB, minutes: number): void {
  stmt<[number]>(db, 'UPDATE network_config SET standby_minutes = ? WHERE id = 1').run(minutes);
}

export function setStandbyIdentity(
  db: DB,
  u: { deviceId: number; url: string; certPem: string; fingerprint: string; at: string },
): boolean {
  return (
    stmt<typeof u>(
      db,
      `UPDATE network_config SET standby_url = @url, standby_cert_pem = @certPem,
         standby_fingerprint = @fingerprint, standby_reported_at = @at
       WHERE id = 1 AND standby_device_id = @deviceId`,
    ).run(u).changes === 1
  );
}

/** The newest copy this device reported checked. */
export function newestVerifiedCopy(db: DB, deviceId: number): CopyRow | undefined {
  return stmt<[number], CopyRow>(
    db,
    `SELECT taken_at, verified_at, bytes FROM network_standby_copies
     WHERE device_id = ? AND verified_at IS NOT NULL ORDER BY taken_at DESC, id DESC LIMIT 1`,
  ).get(deviceId);
}

export function insertCopy(
  db: DB,
  c: { deviceId: number; takenAt: string; bytes: number; sha256: string; userVersion: number },
): number {
  return Number(
    stmt<typeof c>(
      db,
      `INSERT INTO network_standby_copies (device_id, taken_at, bytes, sha256, user_version)
       VALUES (@deviceId, @takenAt, @bytes, @sha256, @userVersion)`,
    ).run(c).lastInsertRowid,
  );
}

/** Marks this device's newest unverified copy with this hash verified; false: no such copy. */
export function verifyCopy(db: DB, u: { deviceId: number; sha256: string; at: string }): boolean {
  return (
    stmt<typeof u>(
      db,
      `UPDATE network_standby_copies SET verified_at = @at WHERE id = (
         SELECT id FROM network_standby_copies
         WHERE device_id = @deviceId AND sha256 = @sha256 AND verified_at IS NULL
         ORDER BY id DESC LIMIT 1)`,
    ).run(u).changes === 1
  );
}

/** Whether this device has a copy with this hash already verified (a repeated report). */
export function copyVerified(db: DB, deviceId: number, sha256: string): boolean {
  return (
    stmt<[number, string], { n: number }>(
      db,
      `SELECT COUNT(*) AS n FROM network_standby_copies
       WHERE device_id = ? AND sha256 = ? AND verified_at IS NOT NULL`,
    ).get(deviceId, sha256)!.n > 0
  );
}
