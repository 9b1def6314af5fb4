/**
 * The stations' side of the club network, for its transport (electron/server/lan.ts) — never a
 * contract operation, so no Electron window or loopback browser can reach it:
 * - `requestPairing`: a station gives the code shown at the host and its name; it gets its device
 *   id and credential (a random 32-byte secret; only its SHA-256 is stored), pending until a
 *   manager confirms it at the host. A wrong code counts against the code (spent after
 *   PAIRING_CODE_TRIES); the transport also limits tries per address.
 * - `authenticateDevice`: the device of a credential, whatever its status (the transport admits
 *   only an active one and the pairing poll).
 * Each runs in the caller's write transaction on the writer.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { DB } from '../../db/database';
import { writeAudit } from '../../kernel/ctx';
import { screensOf, sha256 } from './handlers';
import * as q from './queries';
import { PAIRING_CODE_TRIES, type DeviceStatus, type StationScreen } from './types';

export const PairRequest = z
  .object({
    code: z.string().regex(/^\d{6}$/),
    name: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[^\p{Cc}]+$/u),
  })
  .strict();
export type PairRequest = z.infer<typeof PairRequest>;

export type PairOutcome =
  { ok: true; deviceId: number; secret: string } | { ok: false; code: 'NETWORK_OFF' | 'PAIRING_CODE_WRONG' };

export function requestPairing(db: DB, now: Date, a: PairRequest & { address: string }): PairOutcome {
  if (!q.networkEnabled(db)) return { ok: false, code: 'NETWORK_OFF' };
  const at = now.toISOString();
  const open = q.openCode(db, at);
  if (!open) return { ok: false, code: 'PAIRING_CODE_WRONG' };
  const given = Buffer.from(sha256(a.code), 'hex');
  if (!crypto.timingSafeEqual(given, Buffer.from(open.code_hash, 'hex'))) {
    if (q.countWrongTry(db, open.id) >= PAIRING_CODE_TRIES) q.endCode(db, open.id, at);
    writeAudit(db, null, at, {
      op: 'network.pairCodeWrong',
      entity: 'pairingCode',
      entityId: open.id,
      detail: a.address,
    });
    return { ok: false, code: 'PAIRING_CODE_WRONG' };
  }
  q.endCode(db, open.id, at);
  const secret = crypto.randomBytes(32).toString('base64url');
  const deviceId = q.insertDevice(db, {
    name: a.name,
    secretHash: sha256(secret),
    address: a.address.slice(0, 64),
    codeId: open.id,
    at,
  });
  writeAudit(db, null, at, {
    op: 'network.pairRequest',
    entity: 'device',
    entityId: deviceId,
    after: { name: a.name, address: a.address },
  });
  return { ok: true, deviceId, secret };
}

export interface DeviceAuth {
  id: number;
  name: string;
  status: DeviceStatus;
  screens: StationScreen[];
}

/** The device of this credential (null: none, or the secret is not its). */
export function authenticateDevice(db: DB, deviceId: number, secret: string): DeviceAuth | null {
  const r = q.deviceById(db, deviceId);
  if (!r) return null;
  const given = Buffer.from(sha256(secret), 'hex');
  if (!crypto.timingSafeEqual(given, Buffer.from(r.secret_hash, 'hex'))) return null;
  return { id: r.id, name: r.name, status: r.status, screens: screensOf(r) };
}

/** A device's status now (undefined: no such device). */
export function deviceStatus(db: DB, deviceId: number): DeviceStatus | undefined {
  return q.deviceById(db, deviceId)?.status;
}

/** When an active device was last seen (the transport writes it at most once a minute). */
export function deviceSeen(db: DB, deviceId: number, now: Date): void {
  q.touchDevice(db, deviceId, now.toISOString());
}
