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
import type http from 'node:http';
import { contract, type Response } from '../core/contract';
import type { ChangeEvent } from '../core/app';
import type { OpDef } from '../core/kernel/op';
import { PairArgs, pairFailure } from './pair-args';
import { readBody, refuse, sendJson } from './server';
import {
  discoverHosts,
  loadCredential,
  pairWithHost,
  saveCredential,
  type SessionHolder,
  Station,
  type StationCredential,
  type StationOptions,
} from './station';

const DEFS: Readonly<Record<string, OpDef>> = contract;
/** How often a waiting station asks the host whether a manager confirmed it. */
const PAIR_POLL_MS = 1_000;
/** A command sent just as the link drops is sent again (same operation id) for this long. */
const RETRY_MS = 5_000;

type StationStage = 'unpaired' | 'pending' | 'active' | 'refused' | 'revoked';

export interface StationState {
  mode: 'station';
  stage: StationStage;
  link: 'connected' | 'disconnected';
  hostUrl: string | null;
  name: string | null;
  fingerprint: string | null;
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

  constructor(
    private readonly dataDir: string,
    private readonly opts: StationOptions & {
      /** Told once a pairing is saved (a first-start host becomes this station then). */
      onPaired?: () => void;
    } = {},
  ) {
    this.credential = loadCredential(dataDir);
    this.stage = this.credential ? 'pending' : 'unpaired';
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
        this.stateChanged();
      });
      s.on('status', () => this.stateChanged());
      this.station = s;
    }
    return this.station;
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
    return this.logged.has(sessionId);
  }

  /** The loopback server retired a session (a new one at login): its host session ends too. */
  endSession(sessionId: string): void {
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
    this.station?.stop();
  }

  /** The station's own endpoints for its renderer (the loopback server checked Host and Origin). */
  routes = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean => {
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
