/**
 * The club network's integration tests (tests/unit/network.test.ts, network-netns.test.ts): the host
 * (the `npm run web` entry point, bundled with esbuild) and station processes
 * (tests/unit/network-station.ts), the desk's browser at the host, and the host's club.
 *
 * A host or station may run inside a network namespace (`spawn` given): the host's desk then is
 * reached through a Unix socket that a small forwarder inside the namespace passes on to its
 * loopback server (the loopback server stays loopback-only; a Unix socket is a file, seen from
 * every namespace).
 */
import { type ChildProcess, fork, type SpawnOptions, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { Core } from '../../electron/core/app';
import type { Response } from '../../electron/core/contract';
import { must, until } from './net';

const ROOT = path.resolve(__dirname, '..', '..');
export const MANAGER_PIN = '9999';
export const DESK_PIN = '2222';
export const BAR_PIN = '3333';

/** Runs a program somewhere else (inside a network namespace); its pid is the program's. */
type Spawner = (program: string, args: string[], opts: SpawnOptions) => ChildProcess;

/** The web build (`npm run web`'s entry point) bundled as `build/test/<name>.cjs`. */
export async function buildWeb(name: string): Promise<string> {
  const outfile = path.join(ROOT, 'build', 'test', `${name}.cjs`);
  await bundle('electron/server/web.ts', outfile);
  return outfile;
}

function bundle(entry: string, outfile: string) {
  return esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'electron'],
    logLevel: 'warning',
  });
}

/** The processes' bundles, `build/test/<name>-host.cjs` and `-station.cjs` (a name per test file). */
export async function buildNetProcesses(name: string): Promise<{ hostJs: string; stationJs: string }> {
  const hostJs = path.join(ROOT, 'build', 'test', `${name}-host.cjs`);
  const stationJs = path.join(ROOT, 'build', 'test', `${name}-station.cjs`);
  await bundle('electron/server/web.ts', hostJs);
  await bundle('tests/unit/network-station.ts', stationJs);
  return { hostJs, stationJs };
}

export interface Club {
  staff: { manager: number; desk: number; bar: number };
  visitId: number;
  itemId: number;
}

/** The host's club: a manager, a receptionist, a barman, a member inside on tag 5, a drink, network on. */
export async function makeHostClub(dataDir: string): Promise<Club> {
  const core = await Core.open({ dataDir, dailyBackup: false });
  try {
    await must(
      core.call('setup', 'system.setup', {
        clubName: 'Net Club',
        timeZone: 'Asia/Shanghai',
        language: 'en',
        staffArriveTime: '09:50',
        openTime: '00:00',
        closeTime: '23:59',
        tagCount: 10,
        manager: { name: 'Manager Wang', pin: MANAGER_PIN, gender: 'female' },
      }),
    );
    const manager = (await must<{ id: number }[]>(core.call('x', 'session.staffList', {})))[0]!.id;
    await must(core.call('mgr', 'session.login', { staffId: manager, pin: MANAGER_PIN }));
    const desk = await must<{ id: number }>(
      core.call('mgr', 'staff.create', {
        name: 'Desk Li',
        role: 'reception',
        pin: DESK_PIN,
        gender: 'female',
      }),
    );
    const bar = await must<{ id: number }>(
      core.call('mgr', 'staff.create', { name: 'Bar Zhao', role: 'bar', pin: BAR_PIN, gender: 'male' }),
    );
    const type = await must<{ id: number }>(
      core.call('mgr', 'cardTypes.create', {
        name: 'Year',
        kind: 'time',
        durationDays: 365,
        visitCount: null,
        priceCents: 300000,
      }),
    );
    const m = await must<{ id: number }>(
      core.call('mgr', 'members.create', {
        cardNo: 'K1001',
        name: '张伟',
        gender: 'male',
        phone: '13800000001',
        birthDate: null,
        cardTypeId: type.id,
        startDate: '2026-01-01',
        expiryDate: null,
        visitsLeft: null,
        consultantId: null,
        notes: '',
      }),
    );
    const item = await must<{ id: number }>(
      core.call('mgr', 'bar.itemCreate', { name: 'Cola', category: 'Drinks', priceCents: 800, notes: '' }),
    );
    await must(core.call('mgr', 'bar.receive', { itemId: item.id, quantity: 100 }));
    const visit = await must<{ visit: { id: number } }>(
      core.call('mgr', 'checkin.scan', { ref: { memberId: m.id }, tagNumber: 5 }),
    );
    await must(core.call('mgr', 'network.setEnabled', { enabled: true }));
    return { staff: { manager, desk: desk.id, bar: bar.id }, visitId: visit.visit.id, itemId: item.id };
  } finally {
    core.close();
  }
}

/** The host process; resolves once both its listeners are up. */
export class Host {
  proc: ChildProcess | null = null;
  deskUrl = '';
  /** The forwarder to the desk's loopback server when the host runs in a namespace. */
  private forwarder: ChildProcess | null = null;
  constructor(
    readonly dataDir: string,
    readonly lanPort: number,
    readonly opts: {
      hostJs: string;
      lanHost?: string;
      /** Runs the host elsewhere (a network namespace); the desk is then reached at `deskSocket`. */
      spawn?: Spawner;
      deskSocket?: string;
    },
  ) {}

  async start(): Promise<void> {
    const args = [
      this.opts.hostJs,
      '--data-dir',
      this.dataDir,
      '--port',
      '0',
      '--lan-port',
      String(this.lanPort),
      '--lan-host',
      this.opts.lanHost ?? '127.0.0.1',
    ];
    const stdio: SpawnOptions = { stdio: ['ignore', 'pipe', 'pipe'] };
    const p = this.opts.spawn
      ? this.opts.spawn(process.execPath, args, stdio)
      : spawn(process.execPath, args, stdio);
    this.proc = p;
    let out = '';
    p.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    await until('the host to start', 15_000, () => {
      if (p.exitCode !== null) throw new Error(`host exited: ${out}`);
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m && out.includes('stations join at')) return (this.deskUrl = m[1]!);
      return undefined;
    });
    if (this.opts.spawn && this.opts.deskSocket) await this.forward(this.opts.spawn, this.opts.deskSocket);
  }

  /** A forwarder inside the host's namespace: the Unix socket → the desk's loopback port. */
  private async forward(run: Spawner, socket: string): Promise<void> {
    const js = `const net = require('node:net');
const [sock, port] = process.argv.slice(1);
net.createServer((c) => {
  const u = net.connect(Number(port), '127.0.0.1');
  c.pipe(u).pipe(c);
  c.on('error', () => u.destroy());
  u.on('error', () => c.destroy());
}).listen(sock, () => console.log('forwarding'));`;
    const f = run(process.execPath, ['-e', js, socket, new URL(this.deskUrl).port], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.forwarder = f;
    let out = '';
    f.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    await until('the desk forwarder', 10_000, () => {
      if (f.exitCode !== null) throw new Error('the desk forwarder exited');
      return out.includes('forwarding') || undefined;
    });
  }

  async kill(): Promise<void> {
    for (const p of [this.forwarder, this.proc]) {
      if (!p || p.exitCode !== null || p.signalCode !== null) continue;
      const gone = new Promise((r) => p.once('exit', r));
      p.kill('SIGKILL');
      await gone;
    }
    this.forwarder = null;
  }
}

/** The desk's browser at the host: the loopback server with its cookie. */
export class Desk {
  private cookie = '';
  constructor(private readonly host: Host) {}
  call<T>(op: string, args: unknown): Promise<Response<T>> {
    const url = new URL(`/api/${op}`, this.host.deskUrl);
    const body = JSON.stringify(args);
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: 'POST',
          socketPath: this.host.opts.deskSocket,
          headers: {
            Host: url.host,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            Cookie: this.cookie,
          },
        },
        (res) => {
          const set = res.headers['set-cookie']?.[0];
          if (set) this.cookie = set.split(';')[0]!;
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            try {
              resolve(JSON.parse(text) as Response<T>);
            } catch (e) {
              reject(e);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
  must<T>(op: string, args: unknown): Promise<T> {
    return must<T>(this.call<T>(op, args), op);
  }
}

/** A station process, driven over the IPC channel (see tests/unit/network-station.ts). */
export class StationProc {
  private seq = 0;
  private readonly waiting = new Map<
    number,
    (m: { ok: boolean; result?: unknown; error?: string }) => void
  >();
  readonly proc: ChildProcess;
  constructor(stationJs: string, dataDir: string, localAddress: string, run?: Spawner) {
    const stdio: SpawnOptions = { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] };
    this.proc = run
      ? run(process.execPath, [stationJs, dataDir, localAddress], stdio)
      : fork(stationJs, [dataDir, localAddress], stdio);
    this.proc.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
  }
  send<T>(msg: Record<string, unknown>, timeoutMs = 40_000): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`station: no answer to ${JSON.stringify(msg)}`)),
        timeoutMs,
      );
      this.waiting.set(id, (m) => {
        clearTimeout(t);
        if (m.ok) resolve(m.result as T);
        else reject(new Error(m.error));
      });
      this.proc.send({ ...msg, id });
    });
  }
  call<T>(op: string, args: unknown): Promise<Response<T>> {
    return this.send<Response<T>>({ cmd: 'call', op, args });
  }
  log() {
    return this.send<{ status: string; log: { at: number; kind: string; value: string }[] }>({ cmd: 'log' });
  }
  /** Ends the process (SIGKILL) and waits until it is gone. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await gone;
  }
}

/** A web build process (a host or a station: `--station`); resolves once it serves. */
export class WebProc {
  proc: ChildProcess | null = null;
  url = '';
  constructor(
    private readonly js: string,
    private readonly args: string[],
  ) {}
  async start(ready: RegExp): Promise<void> {
    const p = spawn(process.execPath, [this.js, ...this.args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = p;
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (out += c.toString()));
    await until('the process to start', 15_000, () => {
      if (p.exitCode !== null) throw new Error(`exited: ${out}`);
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m && ready.test(out)) return (this.url = m[1]!);
      return undefined;
    });
  }
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await gone;
  }
}

/** A browser of a loopback server: its cookie, JSON calls, the event stream. */
export class Browser {
  private cookie = '';
  constructor(private readonly proc: WebProc) {}
  private async fetch(pathname: string, init: { method: string; body?: unknown }) {
    const res = await fetch(new URL(pathname, this.proc.url), {
      method: init.method,
      headers: { 'Content-Type': 'application/json', Cookie: this.cookie },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return { status: res.status, body: (await res.json()) as Response<unknown> };
  }
  async call<T>(op: string, args: unknown): Promise<Response<T>> {
    return (await this.fetch(`/api/${op}`, { method: 'POST', body: args })).body as Response<T>;
  }
  must<T>(op: string, args: unknown): Promise<T> {
    return must<T>(this.call<T>(op, args), op);
  }
  async get<T>(pathname: string): Promise<T> {
    return must<T>(this.fetch(pathname, { method: 'GET' }).then((r) => r.body));
  }
  post(pathname: string, body: unknown) {
    return this.fetch(pathname, { method: 'POST', body }).then((r) => r.body);
  }
  /** Opens the event stream; the change events' operation names land in `events`. */
  listen(events: string[]): Promise<http.ClientRequest> {
    return new Promise((resolve, reject) => {
      const req = http.get(
        new URL('/api/events', this.proc.url),
        { headers: { Cookie: this.cookie } },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`events: HTTP ${res.statusCode}`));
          res.on('data', (c: Buffer) => {
            for (const m of c.toString().matchAll(/event: change\ndata: (.*)\n/g))
              events.push((JSON.parse(m[1]!) as { op: string }).op);
          });
          resolve(req);
        },
      );
      req.on('error', () => undefined);
    });
  }
}
