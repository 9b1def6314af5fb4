/**
 * The club network transport (issue 15): the host's HTTPS listener on the LAN, a third transport
 * next to Electron IPC and the loopback server, carrying the same contract through `Core.call` (the
 * same zod validation, sessions, role checks) with the loopback server's body caps.
 *
 * - TLS with the host's own certificate (areas/network/identity.ts); stations pin it.
 * - It listens only while the club network is on (a manager's setting): `sync()` starts or stops it,
 *   and it follows the setting's change event by itself.
 * - It answers only paired, active devices — the device id and credential in headers on every
 *   request — except the two pairing endpoints: `POST /pair/request` (the code shown at the host and
 *   the station's name; tries limited per address and per code) and `GET /pair/status` (a pending
 *   device polls whether a manager confirmed it). The standby copy's endpoints: ./lan-standby.ts.
 * - A device calls only the operations its screens admit (areas/network/types.ts), at most
 *   DEVICE_RATE calls a second (a burst of DEVICE_BURST); wrong PINs are counted per device.
 * - A station's staff session is an opaque token this listener issues (header `x-fd-session`),
 *   renewed at every login like the loopback cookie; a revoked device's sessions end at once.
 * - Live changes go to each device over one WebSocket (`ws`; `GET /events`). Chosen over server-sent
 *   events because one socket per station carries the device headers that browsers' EventSource
 *   cannot, ping/pong finds a dead link within seconds (the station then says it is not connected),
 *   and a slow station's queue is visible (`bufferedAmount`) and bounded.
 * - A tablet without the app works through its browser (lan-browser.ts): the listener serves it the
 *   renderer, and its device credential and staff session travel in cookies instead of headers,
 *   under the same screens, rate limits and body caps. A request with the device headers (the app's
 *   stations) or to the app's pairing endpoints must carry no Origin header.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import os from 'node:os';
import { Bonjour } from 'bonjour-service';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/app';
import { contract, OP_NAMES } from '../core/contract';
import {
  authenticateDevice,
  type DeviceAuth,
  deviceSeen,
  deviceStatus,
  type HostIdentity,
  writeListening,
  networkEnabled,
  opAllowedOn,
  PairRequest,
  requestPairing,
} from '../core/areas/network';
import { writeTransaction } from '../core/kernel/dispatch';
import { bodyLimit, type ClientId } from '../core/kernel/limits';
import type { OpDef } from '../core/kernel/op';
import { AttemptWindow } from '../core/kernel/sessions';
import { type ApiCredentials, type BrowserSide, type PairAttempt, startBrowserSide } from './lan-browser';
import { standbyRoutes } from './lan-standby';
import { readBody, refuse, refuseAndClose, sendJson } from './server';

export const DEVICE_HEADER = 'x-fd-device';
export const SECRET_HEADER = 'x-fd-secret';
export const SESSION_HEADER = 'x-fd-session';
/** Calls a second one device may make, and the burst it may save up. */
const DEVICE_RATE = 50;
const DEVICE_BURST = 100;
/** Wrong pairing codes one address may give in PAIR_WINDOW_MS. */
const PAIR_TRIES = 10;
const PAIR_WINDOW_MS = 10 * 60_000;
const PING_MS = 5_000;
/** A station whose socket holds more than this unsent is dropped (it reconnects and reloads). */
const MAX_BUFFERED = 1024 * 1024;
const MAX_CONNECTIONS = 512;
const DEFS: Readonly<Record<string, OpDef>> = contract;
const OPS = new Set<string>(OP_NAMES);
/** The changes after which every connected device is checked again. */
const RECHECK = new Set(['network.revoke', 'network.setScreens', 'network.setEnabled', 'backups.restore']);
/** Staff session tokens one device may hold (its oldest goes first): memory stays bounded. */
const TOKENS_PER_DEVICE = 8;
/** Addresses whose wrong pairing codes are remembered at once. */
const MAX_PAIR_ADDRESSES = 1024;

export interface LanOptions {
  core: Core;
  identity: HostIdentity;
  /** The address to listen on ('0.0.0.0': every interface). */
  host: string;
  port: number;
  /** Announce the host on the LAN by mDNS/DNS-SD (`_frontdesk._tcp`) while listening (default true). */
  mdns?: boolean;
  /** Told when the listener starts or stops (for the log). */
  onListening?: (url: string | null) => void;
  /** The built renderer, served to tablets' browsers (none given: browsers are refused). */
  staticDir?: string;
}

export interface LanHost {
  /** The URL stations reach while on (null while the club network is off). */
  url(): string | null;
  /** Starts or stops the listener to match the setting. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** The DNS-SD service type stations look for. */
export const MDNS_TYPE = 'frontdesk';

/** This computer's first LAN IPv4 address (what a station types when mDNS does not find the host). */
/** This computer's address on the club network as a host (what stations follow after a promotion). */
export const lanUrlOf = (lan: { host: string; port: number }): string =>
  `https://${lan.host === '0.0.0.0' ? lanAddress() : lan.host}:${lan.port || 5175}`;

function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

export async function startLanHost(opts: LanOptions): Promise<LanHost> {
  const { core } = opts;
  let server: https.Server | null = null;
  let url: string | null = null;
  let closed = false;
  /** token → device id (the station's staff sessions). */
  const sessions = new Map<string, number>();
  const sockets = new Map<WebSocket, number>();
  const buckets = new Map<number, Bucket>();
  const lastSeen = new Map<number, number>();
  const pairTries = new Map<string, AttemptWindow>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });

  const sessionId = (deviceId: number, token: string) => `lan-${deviceId}-${token}`;
  const enabled = () => {
    try {
      return core.state !== 'broken' && networkEnabled(core.database);
    } catch {
      return false;
    }
  };

  function endDevice(deviceId: number): void {
    for (const [t, d] of sessions)
      if (d === deviceId) {
        core.endSession(sessionId(d, t));
        sessions.delete(t);
      }
    for (const [ws, d] of sockets) if (d === deviceId) ws.close(4401, 'revoked');
    browser?.endDevice(deviceId);
  }

  /** A new staff session token for a device; its oldest goes past TOKENS_PER_DEVICE. */
  function newToken(deviceId: number): string {
    const mine = [...sessions].filter(([, d]) => d === deviceId);
    if (mine.length >= TOKENS_PER_DEVICE) {
      const [old] = mine[0]!;
      core.endSession(sessionId(deviceId, old));
      sessions.delete(old);
    }
    const t = crypto.randomBytes(32).toString('hex');
    sessions.set(t, deviceId);
    return t;
  }

  /** The device of a request's headers, whatever its status (null: no such credential). */
  function deviceOf(headers: http.IncomingHttpHeaders): DeviceAuth | null {
    return deviceOfCredential(Number(headers[DEVICE_HEADER]), headers[SECRET_HEADER]);
  }

  /** The device of a credential, whatever its status; an active one's last-seen time is kept. */
  function deviceOfCredential(id: number, secret: unknown): DeviceAuth | null {
    if (!Number.isSafeInteger(id) || id <= 0 || typeof secret !== 'string' || secret.length > 100)
      return null;
    let d: DeviceAuth | null;
    try {
      d = authenticateDevice(core.database, id, secret);
    } catch {
      return null;
    }
    if (d?.status === 'active') {
      const now = Date.now();
      if (now - (lastSeen.get(d.id) ?? 0) > 60_000) {
        lastSeen.set(d.id, now);
        try {
          writeTransaction(core.database, () => deviceSeen(core.database, d.id, core.clock.now()));
        } catch {
          // the last-seen time is a courtesy: a busy or broken database never refuses the call
        }
      }
    }
    return d;
  }

  function rateOk(deviceId: number): boolean {
    const now = Date.now();
    const b = buckets.get(deviceId) ?? { tokens: DEVICE_BURST, at: now };
    b.tokens = Math.min(DEVICE_BURST, b.tokens + ((now - b.at) / 1000) * DEVICE_RATE);
    b.at = now;
    buckets.set(deviceId, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  const standby = standbyRoutes({ core, deviceOf, rateOk });

  async function handlePair(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const outcome = await pairAttempt(req);
    if (!outcome.ok)
      return outcome.close
        ? refuseAndClose(res, outcome.status, outcome.code)
        : refuse(res, outcome.status, outcome.code);
    sendJson(res, 200, {
      ok: true,
      data: { deviceId: outcome.deviceId, secret: outcome.secret, fingerprint: opts.identity.fingerprint },
    });
  }

  /** A pairing request's body (the code and the name), tries limited per address and per code. */
  async function pairAttempt(req: http.IncomingMessage): Promise<PairAttempt> {
    const address = req.socket.remoteAddress ?? '';
    let tries = pairTries.get(address);
    if (!tries) {
      if (pairTries.size >= MAX_PAIR_ADDRESSES) pairTries.delete(pairTries.keys().next().value!);
      pairTries.set(address, (tries = new AttemptWindow(PAIR_TRIES, PAIR_WINDOW_MS)));
    }
    try {
      tries.guard(Date.now());
    } catch {
      return { ok: false, status: 429, code: 'RATE_LIMITED' };
    }
    const body = await readBody(req, 1024);
    if (!body.ok) return { ok: false, status: body.status, code: 'VALIDATION', close: true };
    let parsed: PairRequest;
    try {
      parsed = PairRequest.parse(JSON.parse(body.body.toString('utf8')));
    } catch {
      tries.fail(Date.now());
      return { ok: false, status: 400, code: 'VALIDATION' };
    }
    const outcome = writeTransaction(core.database, () =>
      requestPairing(core.database, core.clock.now(), { ...parsed, address }),
    );
    if (!outcome.ok) {
      tries.fail(Date.now());
      core.announce('network.pairCodeWrong');
      return { ok: false, status: 403, code: outcome.code };
    }
    core.announce('network.pairRequest');
    return { ok: true, deviceId: outcome.deviceId, secret: outcome.secret };
  }

  /** An app station's call: the device and its staff session in headers. */
  function headerCredentials(req: http.IncomingMessage): ApiCredentials {
    const token = req.headers[SESSION_HEADER];
    return {
      device: deviceOf(req.headers),
      token: typeof token === 'string' ? token : undefined,
      tokenHeaders: (t) => ({ [SESSION_HEADER]: t }),
    };
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    op: string,
    creds: ApiCredentials,
  ): Promise<void> {
    const { device } = creds;
    if (!device) return refuseAndClose(res, 401, 'UNAUTHENTICATED');
    if (device.status !== 'active') return refuseAndClose(res, 401, 'DEVICE_NOT_ACTIVE');
    if (!rateOk(device.id)) return refuseAndClose(res, 429, 'RATE_LIMITED');
    if (req.method !== 'POST') return refuse(res, 405, 'UNKNOWN_OPERATION');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return refuse(res, 415, 'VALIDATION');
    if (!OPS.has(op)) return refuse(res, 404, 'UNKNOWN_OPERATION');
    if (!opAllowedOn(device.screens, op)) return refuse(res, 403, 'FORBIDDEN');

    const client: ClientId = { kind: 'device', id: String(device.id) };
    let token = creds.token;
    let extra: Record<string, string> = {};
    if (typeof token !== 'string' || sessions.get(token) !== device.id) {
      token = newToken(device.id);
      extra = creds.tokenHeaders(token);
    }
    const limit = bodyLimit(DEFS[op], core.loggedIn(sessionId(device.id, token)));
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuseAndClose(res, 413, 'VALIDATION');
    const body = await readBody(req, limit);
    if (!body.ok) return refuseAndClose(res, body.status, 'VALIDATION');
    let args: unknown;
    try {
      args = body.body.length ? JSON.parse(body.body.toString('utf8')) : {};
    } catch {
      return refuse(res, 400, 'VALIDATION');
    }
    if (op === 'session.login') {
      // a new session token at every login (no fixation); the old one ends only when this succeeds
      const fresh = newToken(device.id);
      const result = await core.call(sessionId(device.id, fresh), op, args, client);
      if (!result.ok) {
        sessions.delete(fresh);
        return sendJson(res, 200, result, extra);
      }
      core.endSession(sessionId(device.id, token));
      sessions.delete(token);
      return sendJson(res, 200, result, creds.tokenHeaders(fresh));
    }
    const result = await core.call(sessionId(device.id, token), op, args, client);
    sendJson(res, 200, result, extra);
  }

  function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    if (!enabled()) return refuseAndClose(res, 503, 'NETWORK_OFF');
    const path = (req.url ?? '/').split('?')[0]!;
    // a tablet's browser: no device headers (those are the app's stations)
    const appStation = req.headers[DEVICE_HEADER] !== undefined || req.headers[SECRET_HEADER] !== undefined;
    if (browser && !appStation && browser.claims(path)) return browser.handle(req, res, path);
    if (req.headers.origin !== undefined) return refuse(res, 403, 'FORBIDDEN');
    const done = (p: Promise<void>) =>
      p.catch(() => {
        if (!res.headersSent) refuse(res, 500, 'INTERNAL');
        else res.end();
      });
    if (path === '/pair/request' && req.method === 'POST') return void done(handlePair(req, res));
    if (path === '/pair/status' && req.method === 'GET') {
      const d = deviceOf(req.headers);
      if (!d) return refuse(res, 401, 'UNAUTHENTICATED');
      return sendJson(res, 200, { ok: true, data: { status: d.status, name: d.name, screens: d.screens } });
    }
    const m = /^\/api\/([A-Za-z.]{1,64})$/.exec(path);
    if (m) return void done(handleApi(req, res, m[1]!, headerCredentials(req)));
    const sb = standby.handle(req, res, path);
    if (sb) return void done(sb);
    refuse(res, 404, 'UNKNOWN_OPERATION');
  }

  function onUpgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer): void {
    socket.on('error', () => undefined);
    const path = (req.url ?? '/').split('?')[0];
    const device =
      path === '/events' && req.headers.origin === undefined && enabled() ? deviceOf(req.headers) : null;
    if (!device || device.status !== 'active') {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, device.id);
      let alive = true;
      ws.on('pong', () => (alive = true));
      ws.on('message', () => undefined);
      ws.on('error', () => undefined);
      const ping = setInterval(() => {
        if (!alive) return ws.terminate();
        alive = false;
        ws.ping();
      }, PING_MS);
      ping.unref();
      ws.on('close', () => {
        clearInterval(ping);
        sockets.delete(ws);
      });
      ws.send(JSON.stringify({ type: 'hello', deviceId: device.id }));
    });
  }

  const unsubscribe = core.onChange((e) => {
    if (RECHECK.has(e.op)) {
      if (e.op === 'network.setEnabled') void controller.sync();
      const ids = new Set([...sockets.values(), ...sessions.values(), ...(browser?.devices() ?? [])]);
      for (const id of ids) {
        let active = false;
        try {
          active = enabled() && deviceStatus(core.database, id) === 'active';
        } catch {
          active = false;
        }
        if (!active) endDevice(id);
      }
    }
    const data = JSON.stringify({ type: 'change', op: e.op, at: e.at });
    for (const ws of sockets.keys()) {
      if (ws.bufferedAmount > MAX_BUFFERED) ws.terminate();
      else ws.send(data);
    }
    browser?.change(e);
  });

  let bonjour: Bonjour | null = null;
  let listenPort = 0;

  // tablets' browsers (lan-browser.ts): pages, pairing and calls with cookies
  const browser: BrowserSide | null = opts.staticDir
    ? startBrowserSide({
        core,
        staticDir: opts.staticDir,
        fingerprint: opts.identity.fingerprint,
        listenHost: opts.host,
        port: () => listenPort,
        device: deviceOfCredential,
        pair: pairAttempt,
        api: handleApi,
        sessionOf: (token) => sessions.get(token),
        loggedIn: (deviceId, token) => core.loggedIn(sessionId(deviceId, token)),
        rateOk,
      })
    : null;

  async function stop(): Promise<void> {
    const s = server;
    if (!s) return;
    const b = bonjour;
    bonjour = null;
    if (b) await new Promise<void>((r) => b.unpublishAll(() => b.destroy(() => r())));
    server = null;
    url = null;
    for (const ws of sockets.keys()) ws.terminate();
    browser?.stop();
    for (const [t, d] of sessions) core.endSession(sessionId(d, t));
    sessions.clear();
    await new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    });
    writeListening(core.dataDir, null);
    opts.onListening?.(null);
  }

  async function start(): Promise<void> {
    const s = https.createServer(
      { key: opts.identity.key, cert: opts.identity.cert, minVersion: 'TLSv1.2' },
      onRequest,
    );
    s.on('upgrade', onUpgrade);
    s.requestTimeout = 120_000;
    s.headersTimeout = 20_000;
    s.maxConnections = MAX_CONNECTIONS;
    s.on('clientError', (_err, socket) => socket.destroy());
    s.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(opts.port, opts.host, () => {
        s.removeListener('error', reject);
        s.on('error', (e) => console.error(`[lan] ${e.message}`));
        resolve();
      });
    });
    const addr = s.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.port;
    server = s;
    listenPort = port;
    url = `https://${opts.host === '0.0.0.0' ? lanAddress() : opts.host}:${port}`;
    writeListening(core.dataDir, url);
    if (opts.mdns ?? true) {
      try {
        bonjour = new Bonjour(undefined, (e: Error) => console.error(`[lan] mDNS: ${e.message}`));
        // the fingerprint's first bytes let a station tell two clubs' hosts apart before pairing
        bonjour.publish({
          name: `Front Desk ${os.hostname()}`.slice(0, 60),
          type: MDNS_TYPE,
          port,
          txt: { fp: opts.identity.fingerprint.slice(0, 23) },
        });
      } catch (e) {
        console.error(`[lan] mDNS: ${(e as Error).message}`);
      }
    }
    opts.onListening?.(url);
  }

  let syncing: Promise<void> = Promise.resolve();
  const controller: LanHost = {
    url: () => url,
    sync: () => {
      syncing = syncing
        .catch(() => undefined)
        .then(async () => {
          const want = !closed && enabled();
          if (want && !server) await start();
          else if (!want && server) await stop();
        });
      return syncing;
    },
    close: async () => {
      closed = true;
      unsubscribe();
      await controller.sync();
      wss.close();
    },
  };
  await controller.sync();
  return controller;
}
