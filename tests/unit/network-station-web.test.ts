/**
 * The station side of the app (issue 15), with real processes: a host (`npm run web`, bundled here
 * with esbuild) and a station web process (the same entry point with --station) whose loopback
 * server forwards the renderer's calls and change events to the paired host. Checked: pairing
 * through the station's own loopback endpoints (the code, the name, a manager's confirmation at the
 * host); the station's data folder keeps the pairing and no database; a staff login and a bar sale
 * through the station seen at the desk; the host's change events on the station's event stream;
 * the link state when the host is killed (commands refused at once, said plainly) and back (the
 * station reconnects by itself). Every wait is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import type { Response } from '../../electron/core/contract';
import { DB_FILE } from '../../electron/core/db/database';
import { tempDir } from './helpers';
import { freePort, must, until } from '../support/net';

const ROOT = path.resolve(__dirname, '..', '..');
const WEB_JS = path.join(ROOT, 'build', 'test', 'net-web-station.cjs');
const MANAGER_PIN = '9999';
const BAR_PIN = '3333';

interface Club {
  manager: number;
  bar: number;
  visitId: number;
  itemId: number;
}

/** A manager, a barman, a member inside on tag 5, a drink, the club network on. */
async function makeHostClub(dataDir: string): Promise<Club> {
  const core = await Core.open({ dataDir, dailyBackup: false });
  try {
    const c = (op: string, args: unknown) => must<{ id: number }>(core.call('mgr', op, args), op);
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
    const bar = await c('staff.create', { name: 'Bar Zhao', role: 'bar', pin: BAR_PIN, gender: 'male' });
    const type = await c('cardTypes.create', {
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 300000,
    });
    const m = await c('members.create', {
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
    });
    const item = await c('bar.itemCreate', { name: 'Cola', category: 'Drinks', priceCents: 800, notes: '' });
    await must(core.call('mgr', 'bar.receive', { itemId: item.id, quantity: 100 }));
    const visit = await must<{ visit: { id: number } }>(
      core.call('mgr', 'checkin.scan', { ref: { memberId: m.id }, tagNumber: 5 }),
    );
    await must(core.call('mgr', 'network.setEnabled', { enabled: true }));
    return { manager, bar: bar.id, visitId: visit.visit.id, itemId: item.id };
  } finally {
    core.close();
  }
}

/** A web process (host or station); resolves once it serves. */
class WebProc {
  proc: ChildProcess | null = null;
  url = '';
  constructor(private readonly args: string[]) {}
  async start(ready: RegExp): Promise<void> {
    const p = spawn(process.execPath, [WEB_JS, ...this.args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await gone;
  }
}

/** A browser of a loopback server: its cookie, JSON calls, the event stream. */
class Browser {
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

interface State {
  stage: string;
  link: string;
  name: string | null;
}

describe('the station side of the app: a station web process forwarding to its host', () => {
  let club: Club;
  let hostDir: string;
  let stationDir: string;
  let lanPort: number;
  let host: WebProc;
  let station: WebProc;
  let desk: Browser;
  let bar: Browser;

  const startHost = () => host.start(/stations join at/);

  beforeAll(async () => {
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'electron/server/web.ts')],
      outfile: WEB_JS,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['better-sqlite3', 'electron'],
      logLevel: 'warning',
    });
    hostDir = tempDir('netweb-host');
    stationDir = tempDir('netweb-station');
    club = await makeHostClub(hostDir);
    lanPort = await freePort();
    host = new WebProc([
      '--data-dir',
      hostDir,
      '--port',
      '0',
      '--lan-port',
      String(lanPort),
      '--lan-host',
      '127.0.0.1',
      '--no-mdns',
    ]);
    await startHost();
    desk = new Browser(host);
    await desk.must('session.login', { staffId: club.manager, pin: MANAGER_PIN });
    station = new WebProc(['--station', '--data-dir', stationDir, '--port', '0']);
    await station.start(/\(station\)/);
    bar = new Browser(station);
  }, 60_000);

  afterAll(async () => {
    await station?.kill();
    await host?.kill();
  });

  it('pairs through its own loopback endpoints and keeps only the pairing', async () => {
    expect(await bar.get<State>('/station/state')).toMatchObject({ stage: 'unpaired', link: 'disconnected' });
    // nothing reaches a host before pairing
    expect(await bar.call('system.status', {})).toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_LOST' },
    });
    // a wrong code: refused with the host's reason
    expect(
      await bar.post('/station/pair', { hostUrl: `127.0.0.1:${lanPort}`, code: '000000', name: '水吧' }),
    ).toMatchObject({ ok: false });
    // another site's page cannot pair it
    const res = await fetch(new URL('/station/pair', station.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: JSON.stringify({ hostUrl: `127.0.0.1:${lanPort}`, code: '123456', name: 'x' }),
    });
    expect(res.status).toBe(403);

    const code = (await desk.must<{ code: string }>('network.startPairing', {})).code;
    const paired = await bar.post('/station/pair', { hostUrl: `127.0.0.1:${lanPort}`, code, name: '水吧' });
    expect(paired).toMatchObject({ ok: true, data: { stage: 'pending', name: '水吧' } });
    const devices = (
      await desk.must<{ devices: { id: number; name: string; status: string }[] }>('network.status', {})
    ).devices;
    const device = devices.find((d) => d.name === '水吧')!;
    expect(device.status).toBe('pending');
    await desk.must('network.confirm', {
      deviceId: device.id,
      screens: ['bar'],
      authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Bar counter' },
    });
    await until('the station to see the confirmation and connect', 10_000, async () => {
      const s = await bar.get<State>('/station/state');
      return s.stage === 'active' && s.link === 'connected' ? s : undefined;
    });
    expect(fs.readdirSync(stationDir)).toEqual(['station.json']);
    expect(fs.existsSync(path.join(stationDir, DB_FILE))).toBe(false);
  }, 30_000);

  it('forwards a login and a bar sale to the host; the desk sees it; the host’s changes stream back', async () => {
    const status = await bar.must<{ state: string }>('system.status', {});
    expect(status.state).toBe('ready');
    // the staff log in with their PIN at the host: a wrong PIN is the host's refusal
    expect(await bar.call('session.login', { staffId: club.bar, pin: '0000' })).toMatchObject({ ok: false });
    await bar.must('session.login', { staffId: club.bar, pin: BAR_PIN });
    const events: string[] = [];
    const stream = await bar.listen(events);
    try {
      await bar.must('bar.sell', {
        visitId: club.visitId,
        items: [{ itemId: club.itemId, quantity: 2 }],
        opId: 'station-web-sale-01',
      });
      const preview = await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 });
      expect(preview.tabCents).toBe(1600);
      // a change made at the desk reaches the station's browser
      await desk.must('bar.receive', { itemId: club.itemId, quantity: 1 });
      await until('the station to hear the desk', 3_000, () =>
        events.includes('bar.receive') ? true : undefined,
      );
      // the bar station's screens: the desk's operations are refused by the host
      expect(await bar.call('members.search', { query: 'K1001' })).toMatchObject({ ok: false });
    } finally {
      stream.destroy();
    }
  }, 30_000);

  it('says the link is down when the host dies, takes no new work, and reconnects by itself', async () => {
    await host.kill();
    await until('the station to notice', 15_000, async () =>
      (await bar.get<State>('/station/state')).link === 'disconnected' ? true : undefined,
    );
    const t = Date.now();
    expect(
      await bar.call('bar.sell', {
        visitId: club.visitId,
        items: [{ itemId: club.itemId, quantity: 1 }],
        opId: 'station-web-sale-02',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONNECTION_LOST', params: { reason: 'offline' } } });
    expect(Date.now() - t).toBeLessThan(1_000);

    await startHost();
    await until('the station to reconnect', 15_000, async () =>
      (await bar.get<State>('/station/state')).link === 'connected' ? true : undefined,
    );
    // the host's sessions ended with it: the barman logs in again and sells
    await bar.must('session.login', { staffId: club.bar, pin: BAR_PIN });
    await bar.must('bar.sell', {
      visitId: club.visitId,
      items: [{ itemId: club.itemId, quantity: 1 }],
      opId: 'station-web-sale-03',
    });
    desk = new Browser(host);
    await desk.must('session.login', { staffId: club.manager, pin: MANAGER_PIN });
    expect(
      (await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 })).tabCents,
    ).toBe(2400);
  }, 45_000);

  it('a first start that chooses to join a club’s front desk becomes a station and drops its empty database', async () => {
    const dir = tempDir('netweb-join');
    const fresh = new WebProc(['--data-dir', dir, '--port', '0', '--lan-port', '0', '--no-mdns']);
    await fresh.start(/Data folder/);
    try {
      const b = new Browser(fresh);
      expect((await b.must<{ state: string }>('system.status', {})).state).toBe('setup');
      // a host has no station state
      expect((await fetch(new URL('/station/state', fresh.url))).status).toBe(404);
      expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(true);
      const code = (await desk.must<{ code: string }>('network.startPairing', {})).code;
      expect(
        await b.post('/station/pair', { hostUrl: `https://127.0.0.1:${lanPort}`, code, name: '经理办公室' }),
      ).toMatchObject({ ok: true, data: { stage: 'pending', name: '经理办公室' } });
      expect(await b.get<State>('/station/state')).toMatchObject({ stage: 'pending' });
      expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'station.json'))).toBe(true);
      // not yet confirmed: nothing is forwarded
      expect(await b.call('system.status', {})).toMatchObject({
        ok: false,
        error: { code: 'CONNECTION_LOST' },
      });
    } finally {
      await fresh.kill();
    }
  }, 30_000);
});
