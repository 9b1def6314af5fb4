/**
 * The club network's rules at the host. The network is off until a manager turns it on; a pairing
 * code is six digits, valid PAIRING_CODE_MINUTES, used once, and spent after PAIRING_CODE_TRIES
 * wrong tries (only its hash is stored). A station that gave the code waits (pending) until a manager
 * confirms it with a PIN (`authorize`) — whoever is logged in at the desk — or anyone at the desk
 * refuses it. A manager chooses its screens and revokes it; a revoked station's credential is refused
 * at its next call (the transport ends its sessions on the change event). Every change is audited.
 */
import crypto from 'node:crypto';
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { MANAGERS } from '../../kernel/roles';
import { authorize, signedBy } from '../staff';
import type { networkContract } from './contract';
import { readIdentity, readListening } from './identity';
import * as q from './queries';
import {
  type DeviceInfo,
  type NetworkStatus,
  PAIRING_CODE_MINUTES,
  type StandbyAge,
  type StandbyInfo,
  type StationScreen,
} from './types';

export function screensOf(row: q.DeviceRow): StationScreen[] {
  return JSON.parse(row.screens) as StationScreen[];
}

export function toDeviceInfo(r: q.DeviceRow): DeviceInfo {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    screens: screensOf(r),
    address: r.address,
    requestedAt: r.requested_at,
    confirmedAt: r.confirmed_at,
    confirmedBy: r.confirmed_by_name,
    endedAt: r.ended_at,
    lastSeenAt: r.last_seen_at,
  };
}

export const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

function load(ctx: Ctx, id: number): q.DeviceRow {
  const r = q.deviceById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'device' });
  return r;
}

function standbyInfo(ctx: Ctx): StandbyInfo | null {
  const s = q.standby(ctx.db);
  if (!s) return null;
  const copy = q.newestVerifiedCopy(ctx.db, s.device_id);
  return {
    deviceId: s.device_id,
    name: s.name,
    minutes: s.minutes,
    url: s.url,
    fingerprint: s.fingerprint,
    newestCopy: copy ? { takenAt: copy.taken_at, verifiedAt: copy.verified_at, bytes: copy.bytes } : null,
  };
}

function standbyAge(ctx: Ctx): StandbyAge {
  const s = standbyInfo(ctx);
  return {
    configured: s !== null && q.networkEnabled(ctx.db),
    minutes: s?.minutes ?? q.standbyMinutes(ctx.db),
    takenAt: s?.newestCopy?.takenAt ?? null,
    verifiedAt: s?.newestCopy?.verifiedAt ?? null,
  };
}

function status(ctx: Ctx): NetworkStatus {
  return {
    enabled: q.networkEnabled(ctx.db),
    fingerprint: readIdentity(ctx.dataDir)?.fingerprint ?? null,
    address: readListening(ctx.dataDir),
    codeExpiresAt: q.openCode(ctx.db, ctx.nowIso())?.expires_at ?? null,
    devices: q.listDevices(ctx.db).map(toDeviceInfo),
    standby: standbyInfo(ctx),
  };
}

export const networkHandlers: HandlersOf<typeof networkContract> = {
  'network.status': (ctx) => status(ctx),

  'network.setEnabled': (ctx, a) => {
    const me = ctx.requireActor();
    const before = q.networkEnabled(ctx.db);
    if (before !== a.enabled) {
      q.setNetworkEnabled(ctx.db, a.enabled, ctx.nowIso(), me.id);
      if (!a.enabled) q.endOpenCodes(ctx.db, ctx.nowIso());
      ctx.audit({ op: 'network.setEnabled', entity: 'network', before: { enabled: before }, after: a });
    }
    return status(ctx);
  },

  'network.startPairing': (ctx) => {
    const me = ctx.requireActor();
    if (!q.networkEnabled(ctx.db)) throw new AppError('NETWORK_OFF');
    const at = ctx.nowIso();
    q.endOpenCodes(ctx.db, at);
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(ctx.now().getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString();
    const id = q.insertCode(ctx.db, { hash: sha256(code), at, expiresAt, by: me.id });
    ctx.audit({ op: 'network.startPairing', entity: 'pairingCode', entityId: id, after: { expiresAt } });
    return { code, expiresAt };
  },

  'network.confirm': (ctx, a) => {
    const r = load(ctx, a.deviceId);
    if (r.status !== 'pending') throw new AppError('DEVICE_NOT_PENDING', { status: r.status });
    const who = authorize(ctx, a.authorization, MANAGERS, 'pairDevice');
    if (
      !q.confirmDevice(ctx.db, { id: r.id, screens: JSON.stringify(a.screens), at: ctx.nowIso(), by: who.id })
    )
      throw new AppError('CONFLICT', { id: r.id });
    ctx.audit({
      op: 'network.confirm',
      entity: 'device',
      entityId: r.id,
      before: { status: r.status },
      after: { status: 'active', name: r.name, screens: a.screens, ...signedBy(who) },
      detail: a.authorization.reason,
    });
    return toDeviceInfo(load(ctx, r.id));
  },

  'network.refuse': (ctx, a) => {
    const me = ctx.requireActor();
    const r = load(ctx, a.deviceId);
    if (r.status !== 'pending') throw new AppError('DEVICE_NOT_PENDING', { status: r.status });
    if (!q.endDevice(ctx.db, { id: r.id, from: 'pending', to: 'refused', at: ctx.nowIso(), by: me.id }))
      throw new AppError('CONFLICT', { id: r.id });
    ctx.audit({ op: 'network.refuse', entity: 'device', entityId: r.id, after: { name: r.name } });
    return toDeviceInfo(load(ctx, r.id));
  },

  'network.setScreens': (ctx, a) => {
    const r = load(ctx, a.deviceId);
    if (r.status !== 'active') throw new AppError('DEVICE_NOT_ACTIVE', { status: r.status });
    if (!q.setScreens(ctx.db, r.id, JSON.stringify(a.screens))) throw new AppError('CONFLICT', { id: r.id });
    ctx.audit({
      op: 'network.setScreens',
      entity: 'device',
      entityId: r.id,
      before: { screens: screensOf(r) },
      after: { screens: a.screens },
    });
    return toDeviceInfo(load(ctx, r.id));
  },

  'network.revoke': (ctx, a) => {
    const me = ctx.requireActor();
    const r = load(ctx, a.deviceId);
    if (r.status !== 'active') throw new AppError('DEVICE_NOT_ACTIVE', { status: r.status });
    if (!q.endDevice(ctx.db, { id: r.id, from: 'active', to: 'revoked', at: ctx.nowIso(), by: me.id }))
      throw new AppError('CONFLICT', { id: r.id });
    // a revoked station is no standby any more
    const wasStandby = q.standby(ctx.db)?.device_id === r.id;
    if (wasStandby) q.setStandby(ctx.db, null);
    ctx.audit({
      op: 'network.revoke',
      entity: 'device',
      entityId: r.id,
      after: { name: r.name, ...(wasStandby ? { standbyEnded: true } : {}) },
    });
    return toDeviceInfo(load(ctx, r.id));
  },

  'network.setStandby': (ctx, a) => {
    const before = q.standby(ctx.db);
    if (a.deviceId !== null) {
      const r = load(ctx, a.deviceId);
      if (r.status !== 'active') throw new AppError('DEVICE_NOT_ACTIVE', { status: r.status });
    }
    const who = authorize(ctx, a.authorization, MANAGERS, 'setStandby');
    if ((before?.device_id ?? null) !== a.deviceId) {
      q.setStandby(ctx.db, a.deviceId);
      ctx.audit({
        op: 'network.setStandby',
        entity: 'device',
        entityId: a.deviceId ?? before?.device_id,
        before: { standby: before ? before.name : null },
        after: { standby: a.deviceId === null ? null : load(ctx, a.deviceId).name, ...signedBy(who) },
        detail: a.authorization.reason,
      });
    }
    return standbyInfo(ctx);
  },

  'network.setStandbyMinutes': (ctx, a) => {
    const before = q.standbyMinutes(ctx.db);
    if (before !== a.minutes) {
      q.setStandbyMinutes(ctx.db, a.minutes);
      ctx.audit({
        op: 'network.setStandbyMinutes',
        entity: 'network',
        before: { minutes: before },
        after: { minutes: a.minutes },
      });
    }
    return standbyInfo(ctx);
  },

  'network.standbyAge': (ctx) => standbyAge(ctx),
};
