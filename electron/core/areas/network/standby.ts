/**
 * The host's side of the standby copy, for the club network transport (electron/server/lan.ts) —
 * never a contract operation: only the device that is the standby now reaches it, with its device
 * credential. The transport makes each copy with SQLite's online backup API and records it here
 * (unverified); the standby reports it checked (its hash) together with its own address and
 * certificate, which the other stations learn from the peers answer. Each runs in the caller's write
 * transaction on the writer (the peers answer on any handle).
 */
import { z } from 'zod';
import type { DB } from '../../db/database';
import { writeAudit } from '../../kernel/ctx';
import { fingerprintOf } from './identity';
import * as q from './queries';

/** The standby device now and how often it copies (null: none, or the club network is off). */
export function standbyDevice(db: DB): { deviceId: number; minutes: number } | null {
  const s = q.standby(db);
  return s && q.networkEnabled(db) ? { deviceId: s.device_id, minutes: s.minutes } : null;
}

export interface Peers {
  standby: { deviceId: number; url: string; certPem: string; fingerprint: string } | null;
  minutes: number;
}

/** What every station learns of the standby: null until it reported where it listens. */
export function peers(db: DB): Peers {
  const s = q.standby(db);
  const known = s?.url && s.cert_pem && s.fingerprint;
  return {
    standby: known
      ? { deviceId: s.device_id, url: s.url!, certPem: s.cert_pem!, fingerprint: s.fingerprint! }
      : null,
    minutes: s?.minutes ?? q.standbyMinutes(db),
  };
}

export function recordCopy(
  db: DB,
  c: { deviceId: number; takenAt: string; bytes: number; sha256: string; userVersion: number },
): number {
  return q.insertCopy(db, c);
}

export const StandbyReport = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    url: z
      .string()
      .max(200)
      .regex(/^https:\/\/[A-Za-z0-9.:[\]-]+:\d{1,5}$/),
    certPem: z
      .string()
      .max(8000)
      .regex(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/),
  })
  .strict();
export type StandbyReport = z.infer<typeof StandbyReport>;

export type ReportOutcome = { ok: true } | { ok: false; code: 'NOT_STANDBY' | 'UNKNOWN_COPY' | 'VALIDATION' };

/**
 * The standby checked the copy with this hash: it is marked verified (once) and the standby's address
 * and certificate kept (its fingerprint computed here); a changed identity is audited.
 */
export function reportVerified(db: DB, now: Date, deviceId: number, r: StandbyReport): ReportOutcome {
  const s = q.standby(db);
  if (!s || s.device_id !== deviceId || !q.networkEnabled(db)) return { ok: false, code: 'NOT_STANDBY' };
  let fingerprint: string;
  try {
    fingerprint = fingerprintOf(r.certPem);
  } catch {
    return { ok: false, code: 'VALIDATION' };
  }
  const at = now.toISOString();
  if (!q.verifyCopy(db, { deviceId, sha256: r.sha256, at }) && !q.copyVerified(db, deviceId, r.sha256))
    return { ok: false, code: 'UNKNOWN_COPY' };
  if (s.url !== r.url || s.fingerprint !== fingerprint) {
    q.setStandbyIdentity(db, { deviceId, url: r.url, certPem: r.certPem, fingerprint, at });
    writeAudit(db, null, at, {
      op: 'network.standbyIdentity',
      entity: 'device',
      entityId: deviceId,
      before: s.url ? { url: s.url, fingerprint: s.fingerprint } : undefined,
      after: { url: r.url, fingerprint },
    });
  }
  return { ok: true };
}
