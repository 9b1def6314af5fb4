/**
 * Tablets without the app (issue 15): the club network's listener (lan.ts) serves the renderer to a
 * browser, which pairs and works through it the way the app's stations do — with cookies instead of
 * the device headers.
 *
 * - Pages: the same static build and headers (CSP and the rest) as the loopback server (`serveStatic`).
 * - `GET /station/state` answers for the cookie's device as a station's loopback server does
 *   (unpaired → the join screen without the host's address, pending → waiting, active → login,
 *   refused/revoked → said so); `POST /station/pair` takes the code and the name (the same tries per
 *   address and per code as the app's pairing) and sets the device cookie.
 * - The device credential lives in one cookie, the staff session (renewed at every login) in another:
 *   both `__Host-` (HttpOnly, Secure, SameSite=Strict, Path=/, no Domain).
 * - `POST /api/<op>` goes through the listener's own call handling (active device, its screens, rate
 *   limit, body caps); `GET /api/events` gives the change events as server-sent events, as the
 *   loopback server does, to a logged-in session of an active device; revoking closes them at once.
 * - A request is answered only when its Host is an address and port of this listener (no DNS
 *   rebinding); its Origin, when present, must be `https://<Host>`; a state-changing request (POST)
 *   must carry that Origin (a cookie alone never does), and Sec-Fetch-Site, when sent, must say
 *   same-origin.
 */
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ChangeEvent, Core } from '../core/app';
import type { DeviceAuth } from '../core/areas/network';
import { MAX_STREAMS, MAX_STREAMS_PER_SESSION } from '../core/kernel/limits';
import type { StationState } from './station-backend';
import { parseCookies, refuse, refuseAndClose, sendJson, serveStatic } from './server';

const DEVICE_COOKIE = '__Host-fd_device';
const SESSION_COOKIE = '__Host-fd_session';
/** The longest a browser keeps a cookie (Chromium caps at 400 days); renewed at every page load. */
const DEVICE_COOKIE_SECONDS = 400 * 24 * 3600;
const KEEP_ALIVE_MS = 25_000;

/** A pairing request's outcome (lan.ts checks the code and the tries). */
export type PairAttempt =
  | { ok: true; deviceId: number; secret: string }
  | { ok: false; status: number; code: string; close?: boolean };

/** How a call's device and staff session travel (headers for the app's stations, cookies here). */
export interface ApiCredentials {
  device: DeviceAuth | null;
  token: string | undefined;
  /** The headers that give the client a (new) staff session token. */
  tokenHeaders: (token: string) => Record<string, string>;
}

/** What the listener lends the browser side. */
interface BrowserContext {
  core: Pick<Core, 'loggedIn'>;
  staticDir: string;
  fingerprint: string;
  /** The address the listener was given ('0.0.0.0': every interface). */
  listenHost: string;
  port: () => number;
  device: (id: number, secret: unknown) => DeviceAuth | null;
  pair: (req: http.IncomingMessage) => Promise<PairAttempt>;
  api: (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    op: string,
    creds: ApiCredentials,
  ) => Promise<void>;
  /** The device a staff session token belongs to. */
  sessionOf: (token: string) => number | undefined;
  loggedIn: (deviceId: number, token: string) => boolean;
  rateOk: (deviceId: number) => boolean;
}

export interface BrowserSide {
  /** Whether a path is the browser side's (everything but the app's pairing endpoints). */
  claims(pathname: string): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void;
  /** The devices with an event stream open (checked again after a revocation). */
  devices(): number[];
  /** A device is no longer active: its event streams close. */
  endDevice(deviceId: number): void;
  change(e: ChangeEvent): void;
  /** The listener stops: every stream closes. */
  stop(): void;
}

type BrowserStationState = StationState & { browser: true };

const hostPort = (address: string, port: number) =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;

export function startBrowserSide(ctx: BrowserContext): BrowserSide {
  const staticRoot = path.resolve(ctx.staticDir);
  const streams = new Map<http.ServerResponse, { deviceId: number; token: string }>();

  /** Host headers that name this listener: its address (every interface's when it listens on all). */
  function ownHosts(): Set<string> {
    const port = ctx.port();
    const out = new Set<string>();
    if (ctx.listenHost !== '0.0.0.0' && ctx.listenHost !== '::') out.add(hostPort(ctx.listenHost, port));
    else
      for (const list of Object.values(os.networkInterfaces()))
        for (const a of list ?? []) out.add(hostPort(a.address, port));
    return out;
  }

  const deviceCookie = (value: string) =>
    `${DEVICE_COOKIE}=${value}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${DEVICE_COOKIE_SECONDS}`;
  const sessionCookie = (token: string) =>
    `${SESSION_COOKIE}=${token}; HttpOnly; Secure; SameSite=Strict; Path=/`;

  function cookieDevice(cookies: Record<string, string>): { auth: DeviceAuth; value: string } | null {
    const value = cookies[DEVICE_COOKIE];
    const m = value ? /^(\d{1,12})\.([A-Za-z0-9_-]{1,100})$/.exec(value) : null;
    if (!value || !m) return null;
    const auth = ctx.device(Number(m[1]), m[2]);
    return auth ? { auth, value } : null;
  }

  function stateOf(auth: DeviceAuth | null): BrowserStationState {
    return {
      mode: 'station',
      browser: true,
      stage: auth ? auth.status : 'unpaired',
      // as an app station's: linked only once active (the renderer loads the session on that change)
      link: auth?.status === 'active' ? 'connected' : 'disconnected',
      hostUrl: null,
      name: auth?.name ?? null,
      // a browser never keeps a standby copy
      standby: null,
      fingerprint: ctx.fingerprint,
    };
  }

  function handleEvents(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    deviceId: number,
    token: string,
  ) {
    let mine = 0;
    for (const s of streams.values()) if (s.token === token) mine++;
    if (mine >= MAX_STREAMS_PER_SESSION || streams.size >= MAX_STREAMS)
      return refuse(res, 429, 'RATE_LIMITED');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.set(res, { deviceId, token });
    const drop = () => streams.delete(res);
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
  }

  const send = (data: string) => {
    for (const [r, s] of streams) {
      if (ctx.sessionOf(s.token) !== s.deviceId || !ctx.loggedIn(s.deviceId, s.token)) {
        streams.delete(r);
        r.end();
      } else r.write(data);
    }
  };
  const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();

  function handle(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    const host = req.headers.host ?? '';
    if (!ownHosts().has(host)) return refuseAndClose(res, 421, 'FORBIDDEN');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `https://${host}`) return refuse(res, 403, 'FORBIDDEN');
    const isApi = pathname.startsWith('/api/') || pathname.startsWith('/station/');
    if (!isApi) return serveStatic(req, res, staticRoot, pathname);

    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(res, 403, 'FORBIDDEN');
    const cookies = parseCookies(req.headers.cookie);
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (!reading && origin === undefined) {
      // a state-changing request from a browser always says where it comes from; a cookie alone is no proof
      const anyCookie = cookies[DEVICE_COOKIE] !== undefined || cookies[SESSION_COOKIE] !== undefined;
      const forbidden = anyCookie || pathname === '/station/pair';
      return refuseAndClose(res, forbidden ? 403 : 401, forbidden ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    const found = cookieDevice(cookies);
    const device = found?.auth ?? null;

    if (pathname === '/station/state' && req.method === 'GET') {
      if (device && !ctx.rateOk(device.id)) return refuse(res, 429, 'RATE_LIMITED');
      // an active device's cookie is renewed at every page load (browsers cap a cookie's age)
      const extra: Record<string, string> =
        found && device?.status === 'active' ? { 'Set-Cookie': deviceCookie(found.value) } : {};
      return sendJson(res, 200, { ok: true, data: stateOf(device) }, extra);
    }
    if (pathname === '/station/pair' && req.method === 'POST') {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
        return refuse(res, 415, 'VALIDATION');
      void ctx
        .pair(req)
        .then((o) => {
          if (!o.ok) {
            const answer = { ok: false, error: { code: o.code, params: {} } };
            if (o.close) res.setHeader('Connection', 'close');
            return sendJson(res, o.status, answer);
          }
          const auth = ctx.device(o.deviceId, o.secret);
          sendJson(
            res,
            200,
            { ok: true, data: stateOf(auth) },
            { 'Set-Cookie': deviceCookie(`${o.deviceId}.${o.secret}`) },
          );
        })
        .catch(() => {
          if (!res.headersSent) refuse(res, 500, 'INTERNAL');
          else res.end();
        });
      return;
    }
    if (pathname === '/api/events' && req.method === 'GET') {
      const token = cookies[SESSION_COOKIE];
      if (!device || device.status !== 'active') return refuse(res, 401, 'DEVICE_NOT_ACTIVE');
      if (!token || ctx.sessionOf(token) !== device.id || !ctx.loggedIn(device.id, token))
        return refuse(res, 401, 'UNAUTHENTICATED');
      if (!ctx.rateOk(device.id)) return refuse(res, 429, 'RATE_LIMITED');
      return handleEvents(req, res, device.id, token);
    }
    const m = /^\/api\/([A-Za-z.]{1,64})$/.exec(pathname);
    if (!m) return refuse(res, 404, 'UNKNOWN_OPERATION');
    if (!device) return refuseAndClose(res, 401, 'UNAUTHENTICATED');
    ctx
      .api(req, res, m[1]!, {
        device,
        token: cookies[SESSION_COOKIE],
        tokenHeaders: (t) => ({ 'Set-Cookie': sessionCookie(t) }),
      })
      .catch(() => {
        if (!res.headersSent) refuse(res, 500, 'INTERNAL');
        else res.end();
      });
  }

  const endWhere = (keep: (deviceId: number) => boolean) => {
    for (const [r, s] of streams)
      if (!keep(s.deviceId)) {
        streams.delete(r);
        r.end();
      }
  };

  return {
    claims: (pathname) => pathname !== '/pair/request' && pathname !== '/pair/status',
    handle,
    devices: () => [...new Set([...streams.values()].map((s) => s.deviceId))],
    endDevice: (deviceId) => endWhere((d) => d !== deviceId),
    change: (e) => send(`event: change\ndata: ${JSON.stringify(e)}\n\n`),
    stop: () => endWhere(() => false),
  };
}
