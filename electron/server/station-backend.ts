/**
 * A station's side of the app (issue 15): what the station's loopback server forwards to instead of
 * a local core. The station's data folder keeps only its pairing (station.json: the host's address,
 * the pinned certificate, the device credential, the station's name) — no club database.
 *
 * - Every contract call goes to the paired host through the station client (station.ts) with the
 *   browser's own staff session there (one host session token per loopback cookie), so staff log in
 *   with their PIN at the host and the core's roles apply unchanged.
 * - The host's change events reach the loopback server's event stream as the core's would.
 * - While the live link is down, a command is refused at once (CONNECTION_LOST, `offline`): the
 *   station takes no new work until the link is back; the link reconnects by itself.
 * - `routes` answers the station's own endpoints for the renderer: GET /station/state (pairing and
 *   link), POST /station/pair (the host's address, the code, the name), GET /station/discover (hosts
 *   found by mDNS).
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { contract, type Response } from '../core/contract';
import { type ChangeEvent, Core } from '../core/app';
import { ensureIdentity, managerByPin, recordPromotion } from '../core/areas/network';
import { nativeBindingOption } from '../core/db/database';
import { writeTransaction } from '../core/kernel/dispatch';
import type { OpDef } from '../core/kernel/op';
import { AttemptWindow } from '../core/kernel/sessions';
import { PairArgs, pairFailure } from './pair-args';
import { readBody, refuse, sendJson } from './server';
import { copyFile, CopyRefused, installPromotion, readCopyInfo, takeCopy } from './standby';
import {
  CREDENTIAL_FILE,
  discoverHosts,
  loadCredential,
  pairWithHost,
  saveCredential,
  type SessionHolder,
  type StandbyPeer,
  Station,
  type StationCredential,
  type StationOptions,
} from './station';

const DEFS: Readonly<Record<string, OpDef>> = contract;
/** How often a waiting station asks the host whether a manager confirmed it. */
const PAIR_POLL_MS = 1_000;
/** A command sent just as the link drops is sent again (same operation id) for this long. */
const RETRY_MS = 5_000;
/** How often the station asks the host which computer is the standby. */
const PEERS_EVERY_MS = 60_000;
/** How long a copy waits for the host's one-per-20-s limit (or another copy) before giving up. */
const COPY_WAIT_MS = 30_000;
const COPY_RETRY_MS = 3_000;
/** Wrong manager PINs the promotion accepts in PROMOTE_WINDOW_MS. */
const PROMOTE_TRIES = 5;
const PROMOTE_WINDOW_MS = 5 * 60_000;

type StationStage = 'unpaired' | 'pending' | 'active' | 'refused' | 'revoked';

export interface StationState {
  mode: 'station';
  stage: StationStage;
  link: 'connected' | 'disconnected';
  hostUrl: string | null;
  name: string | null;
  fingerprint: string | null;
  /** This station's standby copy (null: it is not the standby and holds no copy). */
  standby: { isStandby: boolean; takenAt: string | null; verifiedAt: string | null } | null;
}

const offline = (reason: string): Response<unknown> => ({
  ok: false,
  error: { code: 'CONNECTION_LOST', params: { reason } },
});

export class StationBackend {
  private credential: StationCredential | null;
  private station: Station | null = null;
  private stage: StationStage;
  private polledAt = 0;
  private readonly holders = new Map<string, SessionHolder>();
  private readonly logged = new Set<string>();
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private readonly stateListeners = new Set<() => void>();

  /** Whether the host named this station its standby (its copy endpoints answered it). */
  private isStandby = false;
  private standbyMinutes = 5;
  private copyTimer: NodeJS.Timeout | null = null;
  private peersTimer: NodeJS.Timeout | null = null;
  private copying: Promise<void> | null = null;
  private lastCopyError: string | null = null;
  private promoted = false;
  /** The core opened on the copy once promoted. */
  private promotedCore: Core | null = null;
  private promoting = false;
  private readonly promoteTries = new AttemptWindow(PROMOTE_TRIES, PROMOTE_WINDOW_MS);

  constructor(
    private readonly dataDir: string,
    private readonly opts: StationOptions & {
      /** Told once a pairing is saved (a first-start host becomes this station then). */
      onPaired?: () => void;
      /**
       * Told when a manager promoted this standby to the club's host: the core opened on the copy.
       * The owner serves it instead of this backend (web.ts, electron/main) and starts the LAN
       * listener with this computer's identity.
       */
      onPromoted?: (core: Core) => void | Promise<void>;
      /** This computer's LAN address as a host (https://address:port), told to the host as standby's. */
      lanUrl?: string;
    } = {},
  ) {
    this.credential = loadCredential(dataDir);
    this.stage = this.credential ? 'pending' : 'unpaired';
    const standby = this.credential?.standby;
    this.isStandby = !!standby && standby.deviceId === this.credential?.deviceId;
  }

  /** Looks whether the pairing was confirmed (at most once a second) and opens the live link then. */
  async state(): Promise<StationState> {
    const c = this.credential;
    if (c && this.stage === 'pending' && Date.now() - this.polledAt >= PAIR_POLL_MS) {
      this.polledAt = Date.now();
      try {
        const s = await this.client(c).pairingStatus();
        if (s === 'active') this.activate();
        else if (s === 'refused' || s === 'revoked') this.stage = s;
      } catch {
        // the host is not reachable now: still waiting
      }
    }
    return {
      mode: 'station',
      stage: this.stage,
      link: this.station?.status ?? 'disconnected',
      hostUrl: c?.hostUrl ?? null,
      name: c?.name ?? null,
      fingerprint: c?.fingerprint ?? null,
      standby: this.standbyState(),
    };
  }

  private standbyState(): StationState['standby'] {
    const info = readCopyInfo(this.dataDir);
    if (!this.isStandby && !info) return null;
    return {
      isStandby: this.isStandby,
      takenAt: info?.takenAt ?? null,
      verifiedAt: info?.verifiedAt ?? null,
    };
  }

  private client(c: StationCredential): Station {
    if (!this.station) {
      const s = new Station(c, this.opts);
      s.on('change', (e: ChangeEvent) => {
        for (const l of this.listeners) l(e);
      });
      s.on('revoked', () => {
        this.stage = 'revoked';
        s.stop();
        this.stopStandby();
        this.stateChanged();
      });
      s.on('status', (st: string) => {
        if (st === 'connected') void this.refreshPeers();
        this.stateChanged();
      });
      s.on('change', (e: ChangeEvent) => {
        if (e.op.startsWith('network.')) void this.refreshPeers();
      });
      s.on('follow', (next: StationCredential) => this.follow(s, next));
      this.station = s;
    }
    return this.station;
  }

  /**
   * The host is gone and the standby answers as the front desk: this station follows it for good
   * (the old host is kept as `previousHost` and never followed back). Staff log in again there.
   */
  private follow(from: Station, next: StationCredential): void {
    if (this.station !== from || this.promoted) return;
    console.log(
      `Following the promoted standby at ${next.hostUrl} (the front desk at ${next.previousHost} is gone).`,
    );
    from.stop();
    this.stopStandby();
    this.isStandby = false;
    saveCredential(this.dataDir, next);
    this.credential = next;
    this.station = null;
    this.holders.clear();
    this.logged.clear();
    this.client(next).start();
    for (const l of this.listeners) l({ op: 'network.followed', at: new Date().toISOString() });
  }

  // ------------------------------------------------------------------------------ the standby
  /** Asks the host which computer is the standby (and how often it copies) and acts on it. */
  private async refreshPeers(): Promise<void> {
    const s = this.station;
    const c = this.credential;
    if (!s || !c || this.stage !== 'active' || this.promoted) return;
    let peers: { standby: StandbyPeer | null; minutes: number };
    try {
      const ans = await s.getJson('/network/peers');
      const body = ans.body as Response<typeof peers> | null;
      if (!body?.ok) return;
      peers = body.data;
    } catch {
      return;
    }
    if (this.station !== s) return;
    if (Number.isInteger(peers.minutes) && peers.minutes >= 1 && peers.minutes <= 60) {
      const changed = peers.minutes !== this.standbyMinutes;
      this.standbyMinutes = peers.minutes;
      if (changed && this.isStandby) this.scheduleCopy();
    }
    const known = c.standby ?? null;
    const next = peers.standby;
    if (JSON.stringify(known) !== JSON.stringify(next ?? null)) {
      const updated = { ...c, standby: next ?? null };
      saveCredential(this.dataDir, updated);
      this.credential = updated;
    }
    s.knowStandby(next && next.deviceId !== c.deviceId ? next : null);
    if (next?.deviceId === c.deviceId) {
      if (!this.isStandby) {
        this.isStandby = true;
        this.scheduleCopy(0);
      }
    } else if (next) {
      // another computer is the standby now
      this.stopStandby();
    } else if (!this.copying) {
      // a standby may be named that has not reported yet: the host says whether it is this one
      void this.copyNow().catch(() => undefined);
    }
    this.peersTimer ??= setInterval(() => void this.refreshPeers(), PEERS_EVERY_MS);
    this.peersTimer.unref?.();
  }

  private stopStandby(): void {
    this.isStandby = false;
    if (this.copyTimer) clearTimeout(this.copyTimer);
    this.copyTimer = null;
  }

  private scheduleCopy(ms = this.standbyMinutes * 60_000): void {
    if (this.copyTimer) clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => {
      this.copyTimer = null;
      void this.copyNow()
        .catch(() => undefined)
        .finally(() => {
          if (this.isStandby && !this.copyTimer && !this.promoted) this.scheduleCopy();
        });
    }, ms);
    this.copyTimer.unref?.();
  }

  /**
   * Takes a standby copy now (one at a time). The host refusing with NOT_STANDBY ends this
   * station's standby role; any other failure keeps the previous copy (the next round retries).
   */
  copyNow(): Promise<void> {
    this.copying ??= this.copyPatiently().finally(() => (this.copying = null));
    return this.copying;
  }

  /** "Copy now" as the renderer hears it: the standby's state after the copy, or why it failed. */
  copyNowAnswer(): Promise<Response<StationState['standby']>> {
    return this.copyNow().then(
      () => ({ ok: true, data: this.standbyState() }),
      () => ({
        ok: false,
        error: {
          code: this.lastCopyError === 'NOT_STANDBY' ? 'NOT_STANDBY' : 'STANDBY_COPY_FAILED',
          params: { reason: this.lastCopyError ?? '' },
        },
      }),
    );
  }

  /**
   * The promoted core now belongs to the caller (the desktop app serves its windows from it):
   * closing this station no longer closes it.
   */
  releaseCore(): void {
    this.promotedCore = null;
  }

  /** The host makes one copy at a time and one per device every 20 s: a refusal for that waits. */
  private async copyPatiently(): Promise<void> {
    const until = Date.now() + COPY_WAIT_MS;
    for (;;) {
      try {
        return await this.copyOnce();
      } catch (e) {
        const code = e instanceof CopyRefused ? e.hostCode : undefined;
        if ((code !== 'RATE_LIMITED' && code !== 'BUSY') || Date.now() + COPY_RETRY_MS > until) throw e;
        await new Promise((r) => setTimeout(r, COPY_RETRY_MS));
      }
    }
  }

  private async copyOnce(): Promise<void> {
    const s = this.station;
    if (!s || this.stage !== 'active' || this.promoted) throw new CopyRefused('HOST_REFUSED');
    const me = async () => ({
      url: this.opts.lanUrl ?? 'https://127.0.0.1:5175',
      // the same identity a host makes: this computer's certificate if it is promoted
      certPem: (await ensureIdentity(this.dataDir)).cert,
    });
    try {
      await takeCopy(this.dataDir, s, me);
      this.lastCopyError = null;
      if (!this.isStandby) {
        this.isStandby = true;
        this.scheduleCopy();
      }
      for (const l of this.listeners) l({ op: 'network.standbyCopy', at: new Date().toISOString() });
    } catch (e) {
      const code = e instanceof CopyRefused && e.hostCode ? e.hostCode : (e as Error).message;
      this.lastCopyError = code;
      if (code === 'NOT_STANDBY') this.stopStandby();
      throw e;
    }
  }

  // ------------------------------------------------------------------------------ promotion
  /**
   * Makes this standby the club's host (a manager's PIN, checked against the copy's managers):
   * the copy becomes the data folder's club database, a core opens on it, the promotion is
   * audited with the network on, station.json becomes station.promoted.json, and the owner is told.
   */
  async promote(pin: string): Promise<Response<{ promoted: true }>> {
    const fail = (code: string, params: Record<string, unknown> = {}) =>
      ({ ok: false, error: { code, params } }) as const;
    const c = this.credential;
    if (this.promoted || this.promoting) return fail('ALREADY_PROMOTED');
    if (!c || !this.isStandby) return fail('NOT_STANDBY');
    const file = copyFile(this.dataDir);
    if (!file) return fail('NO_STANDBY_COPY');
    // two front desks at once would split the club's records: only while the desk is unreachable
    if (this.station?.status === 'connected') return fail('HOST_REACHABLE');
    try {
      this.promoteTries.guard(Date.now());
    } catch {
      return fail('RATE_LIMITED');
    }
    let manager: ReturnType<typeof managerByPin>;
    const copy = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
    try {
      manager = managerByPin(copy, pin);
    } finally {
      copy.close();
    }
    if (!manager) {
      this.promoteTries.fail(Date.now());
      return fail('PIN_WRONG');
    }
    this.promoting = true;
    let core: Core | null = null;
    try {
      this.station?.stop();
      this.stopStandby();
      if (this.peersTimer) clearInterval(this.peersTimer);
      installPromotion(this.dataDir);
      core = await Core.open({ dataDir: this.dataDir });
      if (core.state !== 'ready') throw new Error(`the copy opened ${core.state}`);
      const db = core.database;
      const by = manager;
      writeTransaction(db, () =>
        recordPromotion(db, core!.clock.now().toISOString(), by, {
          deviceId: c.deviceId,
          previousHost: c.hostUrl,
        }),
      );
      fs.renameSync(
        path.join(this.dataDir, CREDENTIAL_FILE),
        path.join(this.dataDir, 'station.promoted.json'),
      );
      this.promoted = true;
      this.promotedCore = core;
      this.holders.clear();
      this.logged.clear();
      core.onChange((e) => {
        for (const l of this.listeners) l(e);
      });
      await this.opts.onPromoted?.(core);
      core.announce('network.promoted');
      console.log(`This computer is now the club's front desk (promoted by ${manager.name}).`);
      return { ok: true, data: { promoted: true } };
    } catch (e) {
      console.error('[promote]', e);
      if (!this.promoted) {
        core?.close();
        // still a station: the link comes back by itself
        if (this.station && this.stage === 'active') this.station.start();
      }
      return fail('PROMOTE_FAILED', { message: (e as Error).message });
    } finally {
      this.promoting = false;
    }
  }

  private activate(): void {
    if (!this.credential) return;
    this.stage = 'active';
    this.client(this.credential).start();
    this.stateChanged();
  }

  private stateChanged(): void {
    for (const l of this.stateListeners) l();
  }

  /** Told when the stage or the link changed (the desktop app pushes the new state to its windows). */
  onStateChange(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Pairs with a host (its code and this station's name); a manager confirms at the host. */
  async pair(hostUrl: string, code: string, name: string): Promise<void> {
    const c = { ...(await pairWithHost(hostUrl, code, name, this.opts)), name };
    this.station?.stop();
    this.station = null;
    this.holders.clear();
    this.logged.clear();
    saveCredential(this.dataDir, c);
    this.credential = c;
    this.stage = 'pending';
    this.polledAt = 0;
    this.stateChanged();
  }

  async call(sessionId: string, op: string, args: unknown): Promise<Response<unknown>> {
    // promoted: an owner that did not switch to the core (the desktop app's IPC) reaches it here
    if (this.promotedCore) return this.promotedCore.call(sessionId, op, args);
    const station = this.station;
    if (!station || this.stage !== 'active') return offline('unpaired');
    if (station.status !== 'connected' && DEFS[op]?.kind === 'command') return offline('offline');
    let holder = this.holders.get(sessionId);
    if (!holder) this.holders.set(sessionId, (holder = { token: null }));
    const r = await station.call(op, args, { session: holder, retryForMs: RETRY_MS });
    if (op === 'session.login' && r.ok) this.logged.add(sessionId);
    else if (op === 'session.logout' || (!r.ok && r.error.code === 'UNAUTHENTICATED'))
      this.logged.delete(sessionId);
    else if (op === 'session.current' && r.ok && r.data === null) this.logged.delete(sessionId);
    return r;
  }

  loggedIn(sessionId: string): boolean {
    if (this.promotedCore) return this.promotedCore.loggedIn(sessionId);
    return this.logged.has(sessionId);
  }

  /** The loopback server retired a session (a new one at login): its host session ends too. */
  endSession(sessionId: string): void {
    if (this.promotedCore) return this.promotedCore.endSession(sessionId);
    const h = this.holders.get(sessionId);
    this.holders.delete(sessionId);
    const was = this.logged.delete(sessionId);
    if (was && h?.token && this.station) void this.station.call('session.logout', {}, { session: h });
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the link at start when the station is paired (confirmed or still waiting). */
  start(): void {
    void this.state();
  }

  close(): void {
    this.promotedCore?.close();
    this.station?.stop();
    this.stopStandby();
    if (this.peersTimer) clearInterval(this.peersTimer);
  }

  /** The station's own endpoints for its renderer (the loopback server checked Host and Origin). */
  routes = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean => {
    // promoted: this computer is the front desk now, with no station endpoints
    if (this.promoted) return false;
    if (pathname === '/station/standby/refresh' && req.method === 'POST') {
      void this.copyNowAnswer().then((r) => sendJson(res, 200, r));
      return true;
    }
    if (pathname === '/station/promote' && req.method === 'POST') {
      void this.handlePromote(req, res);
      return true;
    }
    if (pathname === '/station/state' && req.method === 'GET') {
      void this.state().then((s) => sendJson(res, 200, { ok: true, data: s }));
      return true;
    }
    if (pathname === '/station/discover' && req.method === 'GET') {
      void discoverHosts(2_000).then((hosts) => sendJson(res, 200, { ok: true, data: hosts }));
      return true;
    }
    if (pathname === '/station/pair' && req.method === 'POST') {
      void this.handlePair(req, res);
      return true;
    }
    return false;
  };

  private async handlePromote(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req, 1024);
    if (!body.ok) return refuse(res, body.status, 'VALIDATION');
    let pin: unknown;
    try {
      pin = (JSON.parse(body.body.toString('utf8')) as { pin?: unknown }).pin;
    } catch {
      return refuse(res, 400, 'VALIDATION');
    }
    if (typeof pin !== 'string' || !/^\d{4,12}$/.test(pin))
      return sendJson(res, 200, { ok: false, error: { code: 'VALIDATION', params: {} } });
    sendJson(res, 200, await this.promote(pin));
  }

  private async handlePair(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req, 4096);
    if (!body.ok) return refuse(res, body.status, 'VALIDATION');
    let raw: unknown;
    try {
      raw = JSON.parse(body.body.toString('utf8'));
    } catch {
      return refuse(res, 400, 'VALIDATION');
    }
    const a = PairArgs.safeParse(raw);
    if (!a.success) return sendJson(res, 200, { ok: false, error: { code: 'VALIDATION', params: {} } });
    try {
      await this.pair(a.data.hostUrl, a.data.code, a.data.name);
      this.opts.onPaired?.();
      sendJson(res, 200, { ok: true, data: await this.state() });
    } catch (e) {
      sendJson(res, 200, pairFailure(e));
    }
  }
}
