/**
 * The standby copy's endpoints on the club network listener (issue 15; see lan.ts), for paired,
 * active devices only:
 * - `GET /network/peers` (any active device): the standby's address and certificate, once it
 *   reported them, and how often it copies — every station keeps them to follow the standby if it is
 *   promoted.
 * - Only the device that is the standby now (else 403 NOT_STANDBY):
 *   - `GET /standby/snapshot`: the club's database made with SQLite's online backup API into a temp
 *     file in the data folder (removed after sending), with its SHA-256 (`x-fd-sha256`), when it was
 *     taken (`x-fd-taken-at`) and its schema version (`x-fd-user-version`). Recorded unverified. One
 *     at a time (429 BUSY), at most one per SNAPSHOT_GAP_MS per device (429 RATE_LIMITED).
 *   - `POST /standby/verified` `{ sha256, url, certPem }`: the standby checked that copy; it is marked
 *     verified and the standby's own address and certificate kept; every screen refreshes the age.
 *   - `GET /standby/attachments/<sha256>`: an attachment's bytes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Core } from '../core/app';
import {
  type DeviceAuth,
  peers,
  recordCopy,
  reportVerified,
  standbyDevice,
  StandbyReport,
} from '../core/areas/network';
import Database from 'better-sqlite3';
import { nativeBindingOption } from '../core/db/database';
import { ATTACHMENT_DIR, fileHash } from '../core/db/backups';
import { writeTransaction } from '../core/kernel/dispatch';
import { readBody, refuse, refuseAndClose, sendJson } from './server';

/** The least time between two snapshots one device may ask for. */
const SNAPSHOT_GAP_MS = 20_000;
const REPORT_BYTES = 16 * 1024;
const TEMP_PREFIX = 'standby-snapshot-';

export interface StandbyRoutes {
  /** Answers the request when its path is one of these endpoints (false: not one of them). */
  handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> | false;
}

export function standbyRoutes(opts: {
  core: Core;
  /** The device of the request's headers (null: unknown credential). */
  deviceOf: (headers: http.IncomingHttpHeaders) => DeviceAuth | null;
  /** The device's call budget (lan.ts's). */
  rateOk: (deviceId: number) => boolean;
}): StandbyRoutes {
  const { core } = opts;
  let busy = false;
  const lastSnapshot = new Map<number, number>();
  // a snapshot left behind by a crash goes at the next start
  try {
    for (const f of fs.readdirSync(core.dataDir))
      if (f.startsWith(TEMP_PREFIX)) fs.rmSync(path.join(core.dataDir, f), { force: true });
  } catch {
    // nothing to tidy
  }

  /** The active device, and when `standby` the standby itself (null: refused, answer sent). */
  function admit(req: http.IncomingMessage, res: http.ServerResponse, standby: boolean): DeviceAuth | null {
    const no = (status: number, code: string) => {
      refuseAndClose(res, status, code);
      return null;
    };
    const device = opts.deviceOf(req.headers);
    if (!device) return no(401, 'UNAUTHENTICATED');
    if (device.status !== 'active') return no(401, 'DEVICE_NOT_ACTIVE');
    if (!opts.rateOk(device.id)) return no(429, 'RATE_LIMITED');
    if (standby && standbyDevice(core.database)?.deviceId !== device.id) return no(403, 'NOT_STANDBY');
    return device;
  }

  async function snapshot(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const device = admit(req, res, true);
    if (!device) return;
    if (busy) return refuse(res, 429, 'BUSY');
    const now = Date.now();
    if (now - (lastSnapshot.get(device.id) ?? -Infinity) < SNAPSHOT_GAP_MS)
      return refuse(res, 429, 'RATE_LIMITED');
    busy = true;
    lastSnapshot.set(device.id, now);
    const tmp = path.join(core.dataDir, `${TEMP_PREFIX}${crypto.randomBytes(8).toString('hex')}.sqlite3`);
    // the next snapshot may start once this one's work is over and its answer is closed (sent, or
    // the standby went away) — whichever comes last; the temp file goes then
    let closed = false;
    const answered = new Promise<void>((r) =>
      res.on('close', () => {
        closed = true;
        r();
      }),
    );
    try {
      const takenAt = core.clock.now().toISOString();
      await core.database.backup(tmp);
      // a file that stands alone (no -wal beside it): the standby opens it read-only as it comes
      const copy = new Database(tmp, { fileMustExist: true, ...nativeBindingOption() });
      let userVersion: number;
      try {
        copy.pragma('journal_mode = DELETE');
        userVersion = copy.pragma('user_version', { simple: true }) as number;
      } finally {
        copy.close();
      }
      const sha256 = await fileHash(tmp);
      const bytes = fs.statSync(tmp).size;
      if (closed) return; // the standby is gone: no copy was sent
      writeTransaction(core.database, () =>
        recordCopy(core.database, { deviceId: device.id, takenAt, bytes, sha256, userVersion }),
      );
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(bytes),
        'Cache-Control': 'no-store',
        'x-fd-sha256': sha256,
        'x-fd-taken-at': takenAt,
        'x-fd-user-version': String(userVersion),
      });
      const stream = fs.createReadStream(tmp);
      res.on('close', () => stream.destroy());
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } finally {
      void answered.then(() => {
        busy = false;
        for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
      });
    }
  }

  async function verified(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const device = admit(req, res, true);
    if (!device) return;
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return refuse(res, 415, 'VALIDATION');
    const body = await readBody(req, REPORT_BYTES);
    if (!body.ok) return refuseAndClose(res, body.status, 'VALIDATION');
    let report: StandbyReport;
    try {
      report = StandbyReport.parse(JSON.parse(body.body.toString('utf8')));
    } catch {
      return refuse(res, 400, 'VALIDATION');
    }
    const outcome = writeTransaction(core.database, () =>
      reportVerified(core.database, core.clock.now(), device.id, report),
    );
    if (!outcome.ok)
      return refuse(
        res,
        { NOT_STANDBY: 403, UNKNOWN_COPY: 404, VALIDATION: 400 }[outcome.code],
        outcome.code,
      );
    core.announce('network.standbyCopy');
    sendJson(res, 200, { ok: true, data: {} });
  }

  function attachment(req: http.IncomingMessage, res: http.ServerResponse, hash: string): Promise<void> {
    if (!admit(req, res, true)) return Promise.resolve();
    const file = path.join(core.dataDir, ATTACHMENT_DIR, hash);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      refuse(res, 404, 'NOT_FOUND');
      return Promise.resolve();
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) });
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
    return Promise.resolve();
  }

  return {
    handle(req, res, p) {
      if (p === '/network/peers' && req.method === 'GET') {
        if (admit(req, res, false)) sendJson(res, 200, { ok: true, data: peers(core.database) });
        return Promise.resolve();
      }
      if (p === '/standby/snapshot' && req.method === 'GET') return snapshot(req, res);
      if (p === '/standby/verified' && req.method === 'POST') return verified(req, res);
      const m = /^\/standby\/attachments\/([0-9a-f]{64})$/.exec(p);
      if (m && req.method === 'GET') return attachment(req, res, m[1]!);
      return false;
    },
  };
}
