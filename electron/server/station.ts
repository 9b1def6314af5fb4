/**
 * A station of the club network, in plain Node (no Electron): pairs with the host, then calls the
 * contract's operations over HTTPS and hears the host's changes over a WebSocket.
 *
 * - Pairing (`pairWithHost`): the code shown at the host and this station's name; the host answers
 *   with the device id and credential (pending until a manager confirms with a PIN) and its
 *   certificate's fingerprint, which must equal the certificate this connection saw (and the one
 *   the manager read out, when given). The certificate is pinned from then on.
 * - Every later connection trusts that certificate and no other (it is the only CA given, and its
 *   fingerprint is checked): a host with another certificate is refused before anything is sent.
 * - `call`: an operation with its arguments; a command with an `opId` is sent again, with the same
 *   id, until it gets an answer (the host records it exactly once) or `retryForMs` passes.
 * - The live link reconnects by itself (backing off to 2 s); `status` says connected or not, and
 *   'status' events tell a screen to say "not connected to the front desk — reconnecting".
 */
import { EventEmitter } from 'node:events';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { Bonjour } from 'bonjour-service';
import WebSocket from 'ws';
import type { Response } from '../core/contract';
import { fingerprintOf } from '../core/areas/network';
import { DEVICE_HEADER, MDNS_TYPE, SECRET_HEADER, SESSION_HEADER } from './lan';

export interface StationCredential {
  /** https://address:port of the host. */
  hostUrl: string;
  deviceId: number;
  secret: string;
  /** The host certificate (PEM) and its SHA-256 fingerprint, pinned at pairing. */
  certPem: string;
  fingerprint: string;
  /** The station's name given at pairing ("水吧"). */
  name?: string;
  /**
   * The club's standby computer as the host last named it (`GET /network/peers`): its address and
   * certificate, so that this station can follow it when it is promoted (issue 15, standby copy).
   */
  standby?: StandbyPeer | null;
  /** The host this station followed the standby away from (never followed back). */
  previousHost?: string;
}

/** The standby as the host names it: its device id there, its LAN address, its pinned certificate. */
export interface StandbyPeer {
  deviceId: number;
  url: string;
  certPem: string;
  fingerprint: string;
}

export interface StationOptions {
  /** The local address to connect from (a computer with several networks; the tests' 127.0.0.2). */
  localAddress?: string;
}

export type StationStatus = 'connected' | 'disconnected';

/**
 * A staff session at the host kept by the caller (one per browser of a station's loopback server):
 * its token is sent with a call and replaced by the one the host answers with.
 */
export interface SessionHolder {
  token: string | null;
}

export const CREDENTIAL_FILE = 'station.json';
const TIMEOUT_MS = 10_000;
/** How long the link to the host must have been down before the standby is tried. */
const FOLLOW_AFTER_MS = 10_000;
/** How often the standby is tried while the host stays away. */
const FOLLOW_EVERY_MS = 2_000;

class LinkError extends Error {}

/** Keeps the credential in the station's data folder, readable by this user only. */
export function saveCredential(dataDir: string, c: StationCredential): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dataDir, `${CREDENTIAL_FILE}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(c), { mode: 0o600 });
  fs.renameSync(tmp, path.join(dataDir, CREDENTIAL_FILE));
}

export function loadCredential(dataDir: string): StationCredential | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, CREDENTIAL_FILE), 'utf8')) as StationCredential;
  } catch {
    return null;
  }
}

function pinnedTls(c: { certPem: string; fingerprint: string }) {
  return {
    ca: c.certPem,
    rejectUnauthorized: true,
    // the name in the certificate is not the host's address: the pinned fingerprint is what counts
    checkServerIdentity: (_host: string, cert: { fingerprint256: string }) =>
      cert.fingerprint256 === c.fingerprint
        ? undefined
        : new Error('the host certificate is not the paired one'),
  };
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  peerCert?: string;
}

function request(
  url: URL,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    tls: https.RequestOptions;
    agent?: https.Agent;
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: init.method,
        headers: init.headers,
        timeout: TIMEOUT_MS,
        ...(init.agent ? { agent: init.agent } : { agent: false, ...init.tls }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        const socket = res.socket as TLSSocket;
        const raw = socket.getPeerCertificate?.()?.raw;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new LinkError(e.message)));
        res.on('end', () => {
          let body: unknown = null;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            body = null;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            peerCert: raw
              ? `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`
              : undefined,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new LinkError('timeout')));
    req.on('error', (e) => reject(e instanceof LinkError ? e : new LinkError(e.message)));
    req.end(init.body);
  });
}

/**
 * Asks the host to pair (its code and this station's name). Trust on first use, checked: the
 * fingerprint the host states must be the certificate seen, and `expectFingerprint` (what the
 * manager reads on the host's screen) when given.
 */
export async function pairWithHost(
  hostUrl: string,
  code: string,
  name: string,
  opts: StationOptions & { expectFingerprint?: string } = {},
): Promise<StationCredential> {
  const ans = await request(new URL('/pair/request', hostUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name }),
    tls: { rejectUnauthorized: false, localAddress: opts.localAddress },
  });
  const body = ans.body as Response<{ deviceId: number; secret: string; fingerprint: string }> | null;
  if (!body?.ok) throw new Error(body ? body.error.code : `HTTP ${ans.status}`);
  if (!ans.peerCert) throw new Error('no certificate');
  const seen = fingerprintOf(ans.peerCert);
  if (seen !== body.data.fingerprint || (opts.expectFingerprint && opts.expectFingerprint !== seen))
    throw new Error('CERTIFICATE_MISMATCH');
  return {
    hostUrl,
    deviceId: body.data.deviceId,
    secret: body.data.secret,
    certPem: ans.peerCert,
    fingerprint: seen,
  };
}

export interface FoundHost {
  name: string;
  url: string;
  /** The first bytes of the host certificate's fingerprint (the rest is checked at pairing). */
  fingerprintStart: string;
}

/** The club hosts announcing themselves on the LAN (mDNS/DNS-SD), looked for during `ms`. */
export function discoverHosts(ms = 3_000): Promise<FoundHost[]> {
  return new Promise((resolve) => {
    const found = new Map<string, FoundHost>();
    const bonjour = new Bonjour();
    bonjour.find({ type: MDNS_TYPE }, (s) => {
      const address = s.addresses?.find((a) => a.includes('.')) ?? s.referer?.address;
      if (!address) return;
      const url = `https://${address}:${s.port}`;
      const txt = s.txt as { fp?: unknown } | undefined;
      found.set(url, { name: s.name, url, fingerprintStart: typeof txt?.fp === 'string' ? txt.fp : '' });
    });
    setTimeout(() => bonjour.destroy(() => resolve([...found.values()])), ms);
  });
}

export class Station extends EventEmitter {
  private session: string | null = null;
  private ws: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private backoff = 100;
  private stopped = false;
  /** Since when the live link is down (null: up, or never opened yet). */
  private downSince: number | null = null;
  private standby: StandbyPeer | null;
  private followTriedAt = 0;
  private following = false;
  status: StationStatus = 'disconnected';
  /** Calls reuse their TLS connections (a handshake per call would cost more than the call). */
  private readonly agent: https.Agent;

  constructor(
    readonly credential: StationCredential,
    private readonly opts: StationOptions = {},
  ) {
    super();
    this.standby = credential.standby ?? null;
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 4,
      // an idle connection is closed here first: without a timeout of its own, Node's agent ignores
      // the host's `Keep-Alive: timeout=5` and reuses a connection the host is closing (ECONNRESET;
      // the benchmark's 5-minute load saw it on reads, which are not sent again)
      timeout: 4_000,
      ...pinnedTls(credential),
      localAddress: opts.localAddress,
    });
  }

  private headers(session: string | null = this.session): Record<string, string> {
    const h: Record<string, string> = {
      [DEVICE_HEADER]: String(this.credential.deviceId),
      [SECRET_HEADER]: this.credential.secret,
    };
    if (session) h[SESSION_HEADER] = session;
    return h;
  }

  private tls(): https.RequestOptions {
    return { ...pinnedTls(this.credential), localAddress: this.opts.localAddress };
  }

  /** The standby the host names now (null: none): the one this station follows if the host dies. */
  knowStandby(s: StandbyPeer | null): void {
    this.standby = s;
  }

  /** A JSON GET to the host with the device's headers (the standby endpoints, /network/peers). */
  async getJson(pathname: string): Promise<{ status: number; body: unknown }> {
    const ans = await request(new URL(pathname, this.credential.hostUrl), {
      method: 'GET',
      headers: this.headers(null),
      tls: this.tls(),
      agent: this.agent,
    });
    return { status: ans.status, body: ans.body };
  }

  /** A JSON POST to the host with the device's headers. */
  async postJson(pathname: string, data: unknown): Promise<{ status: number; body: unknown }> {
    const ans = await request(new URL(pathname, this.credential.hostUrl), {
      method: 'POST',
      headers: { ...this.headers(null), 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
      tls: this.tls(),
      agent: this.agent,
    });
    return { status: ans.status, body: ans.body };
  }

  /**
   * Streams a GET's body into `file` (at most `maxBytes`; more aborts it). A status other than 200
   * writes nothing and gives the host's JSON refusal.
   */
  download(
    pathname: string,
    file: string,
    maxBytes: number,
  ): Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    bytes: number;
    body?: unknown;
  }> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL(pathname, this.credential.hostUrl),
        { method: 'GET', headers: this.headers(null), timeout: TIMEOUT_MS, agent: false, ...this.tls() },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status !== 200) {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.length < 64 && chunks.push(c));
            res.on('error', (e) => reject(new LinkError(e.message)));
            res.on('end', () => {
              let body: unknown = null;
              try {
                body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              } catch {
                body = null;
              }
              resolve({ status, headers: res.headers, bytes: 0, body });
            });
            return;
          }
          if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
            req.destroy(new LinkError('too large'));
            return;
          }
          fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
          const out = fs.createWriteStream(file, { mode: 0o600 });
          let bytes = 0;
          res.on('data', (c: Buffer) => {
            bytes += c.length;
            if (bytes > maxBytes) req.destroy(new LinkError('too large'));
          });
          res.on('error', (e) => {
            out.destroy();
            reject(new LinkError(e.message));
          });
          out.on('error', (e) => {
            req.destroy();
            reject(e);
          });
          out.on('finish', () => resolve({ status, headers: res.headers, bytes }));
          res.pipe(out);
        },
      );
      req.on('timeout', () => req.destroy(new LinkError('timeout')));
      req.on('error', (e) => reject(e instanceof LinkError ? e : new LinkError(e.message)));
      req.end();
    });
  }

  /** Whether a manager confirmed this station yet ('pending', 'active', 'refused', 'revoked'). */
  async pairingStatus(): Promise<string> {
    const ans = await request(new URL('/pair/status', this.credential.hostUrl), {
      method: 'GET',
      headers: this.headers(),
      tls: this.tls(),
    });
    const body = ans.body as Response<{ status: string }> | null;
    if (!body?.ok) throw new Error(body ? body.error.code : `HTTP ${ans.status}`);
    return body.data.status;
  }

  private async send(op: string, args: unknown, holder?: SessionHolder): Promise<Response<unknown>> {
    const ans = await request(new URL(`/api/${op}`, this.credential.hostUrl), {
      method: 'POST',
      headers: {
        ...this.headers(holder ? holder.token : this.session),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(args ?? {}),
      tls: this.tls(),
      agent: this.agent,
    });
    const token = ans.headers[SESSION_HEADER];
    if (typeof token === 'string') {
      if (holder) holder.token = token;
      else this.session = token;
    }
    const body = ans.body as Response<unknown> | null;
    return body ?? { ok: false, error: { code: 'INTERNAL', params: { status: ans.status } } };
  }

  /**
   * One operation. A command carrying an `opId` is retried with the same id while the link is down
   * (for up to `retryForMs`): it is recorded once whatever the cut. Anything else is tried once; a
   * cut gives CONNECTION_LOST.
   */
  async call(
    op: string,
    args: unknown,
    opts: { retryForMs?: number; session?: SessionHolder } = {},
  ): Promise<Response<unknown>> {
    const idempotent = typeof (args as { opId?: unknown } | null)?.opId === 'string';
    const until = Date.now() + (idempotent ? (opts.retryForMs ?? 30_000) : 0);
    let wait = 100;
    for (;;) {
      try {
        return await this.send(op, args, opts.session);
      } catch (e) {
        if (!(e instanceof LinkError) || Date.now() + wait > until)
          return { ok: false, error: { code: 'CONNECTION_LOST', params: { message: (e as Error).message } } };
        await new Promise((r) => setTimeout(r, wait));
        wait = Math.min(wait * 2, 1000);
      }
    }
  }

  /** A fresh operation id for a command. */
  static opId(): string {
    return crypto.randomBytes(12).toString('base64url');
  }

  /** Opens the live link and keeps it open. */
  start(): void {
    this.stopped = false;
    this.connect();
  }

  private setStatus(s: StationStatus): void {
    if (s === this.status) return;
    this.status = s;
    this.emit('status', s);
  }

  private connect(): void {
    if (this.stopped) return;
    const u = new URL('/events', this.credential.hostUrl);
    u.protocol = 'wss:';
    const ws = new WebSocket(u, {
      headers: this.headers(),
      ...pinnedTls(this.credential),
      localAddress: this.opts.localAddress,
      handshakeTimeout: 5_000,
    });
    this.ws = ws;
    let alive = true;
    const watchdog = setInterval(() => {
      // the host pings every 5 s: two silent periods mean the link is gone (a cut cable closes nothing)
      if (!alive) ws.terminate();
      alive = false;
    }, 6_000);
    ws.on('ping', () => (alive = true));
    ws.on('open', () => {
      this.backoff = 100;
      this.downSince = null;
      this.setStatus('connected');
    });
    ws.on('message', (data: Buffer) => {
      alive = true;
      try {
        const m = JSON.parse(data.toString('utf8')) as { type: string; op?: string; at?: string };
        if (m.type === 'change') this.emit('change', { op: m.op, at: m.at });
      } catch {
        // not ours
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      clearInterval(watchdog);
      if (this.ws === ws) this.ws = null;
      this.setStatus('disconnected');
      this.downSince ??= Date.now();
      if (code === 4401) this.emit('revoked');
      if (this.stopped) return;
      this.maybeFollow();
      this.timer = setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, 2_000);
    });
  }

  /**
   * The host has been away FOLLOW_AFTER_MS and a standby (not this station) is known: is it the
   * front desk now? It is tried pinned to its own certificate with this station's credential (its
   * copy of the club's database holds the device table). When it answers `active`, 'follow' is
   * emitted with the credential for it (the old host kept as `previousHost`); the owner switches.
   */
  private maybeFollow(): void {
    const s = this.standby;
    const now = Date.now();
    if (
      !s ||
      s.deviceId === this.credential.deviceId ||
      this.following ||
      this.downSince === null ||
      now - this.downSince < FOLLOW_AFTER_MS ||
      now - this.followTriedAt < FOLLOW_EVERY_MS
    )
      return;
    this.following = true;
    this.followTriedAt = now;
    const next: StationCredential = {
      ...this.credential,
      hostUrl: s.url,
      certPem: s.certPem,
      fingerprint: s.fingerprint,
      standby: null,
      previousHost: this.credential.hostUrl,
    };
    const probe = new Station(next, this.opts);
    probe
      .pairingStatus()
      .then(
        (st) => {
          if (st === 'active' && !this.stopped) this.emit('follow', next);
        },
        () => undefined,
      )
      .finally(() => {
        this.following = false;
        probe.stop();
      });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.terminate();
    this.ws = null;
    this.agent.destroy();
    this.setStatus('disconnected');
  }
}
