/**
 * The standby copy end to end (issue 15), with real processes: a host (`npm run web`, bundled here
 * with esbuild), a standby station and a bar station (the same entry point with --station), each
 * with its own data folder and ports. Checked: both pair; a manager marks the standby with a PIN; a
 * verified copy arrives (the host's `network.standbyAge`); a bar sale; "Copy now"; the host is
 * SIGKILLed; a wrong PIN is refused at the standby; the manager's PIN promotes it (its loopback
 * server serves the core from then on, the club network listens); a login there shows the sale; the
 * bar station follows the promoted standby by itself and a new sale is recorded there. Every wait is
 * bounded.
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
const WEB_JS = path.join(ROOT, 'build', 'test', 'net-web-standby.cjs');
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
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
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
  hostUrl: string | null;
  standby: { isStandby: boolean; takenAt: string | null; verifiedAt: string | null } | null;
}

interface Age {
  configured: boolean;
  minutes: number;
  takenAt: string | null;
  verifiedAt: string | null;
}

describe('the standby copy: made, verified, promoted, and followed', () => {
  let club: Club;
  let hostDir: string;
  let standbyDir: string;
  let barDir: string;
  let lanPort: number;
  let standbyLanPort: number;
  let host: WebProc;
  let standby: WebProc;
  let barStation: WebProc;
  let desk: Browser;
  let office: Browser;
  let bar: Browser;

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
    hostDir = tempDir('standby-host');
    standbyDir = tempDir('standby-office');
    barDir = tempDir('standby-bar');
    club = await makeHostClub(hostDir);
    lanPort = await freePort();
    standbyLanPort = await freePort();
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
    await host.start(/stations join at/);
    desk = new Browser(host);
    await desk.must('session.login', { staffId: club.manager, pin: MANAGER_PIN });
    standby = new WebProc([
      '--station',
      '--data-dir',
      standbyDir,
      '--port',
      '0',
      '--lan-host',
      '127.0.0.1',
      '--lan-port',
      String(standbyLanPort),
      '--no-mdns',
    ]);
    barStation = new WebProc(['--station', '--data-dir', barDir, '--port', '0']);
    await Promise.all([standby.start(/\(station\)/), barStation.start(/\(station\)/)]);
    office = new Browser(standby);
    bar = new Browser(barStation);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([standby?.kill(), barStation?.kill(), host?.kill()]);
  });

  /** Pairs a station through its loopback endpoints; a manager confirms it at the desk. */
  async function pair(b: Browser, name: string, screens: string[]): Promise<number> {
    const code = (await desk.must<{ code: string }>('network.startPairing', {})).code;
    expect(await b.post('/station/pair', { hostUrl: `127.0.0.1:${lanPort}`, code, name })).toMatchObject({
      ok: true,
    });
    const devices = (await desk.must<{ devices: { id: number; name: string }[] }>('network.status', {}))
      .devices;
    const id = devices.find((d) => d.name === name)!.id;
    await desk.must('network.confirm', {
      deviceId: id,
      screens,
      authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: name },
    });
    await until(`${name} to connect`, 10_000, async () => {
      const s = await b.get<State>('/station/state');
      return s.stage === 'active' && s.link === 'connected' ? s : undefined;
    });
    return id;
  }

  let standbyId: number;
  let firstCopy: Age;

  it('pairs both stations; a manager marks the standby; a verified copy arrives', async () => {
    standbyId = await pair(office, '经理办公室', ['manager']);
    await pair(bar, '水吧', ['bar']);
    expect((await desk.must<Age>('network.standbyAge', {})).configured).toBe(false);
    // nobody is the standby yet: the office keeps no copy
    expect((await office.get<State>('/station/state')).standby).toBeNull();
    await desk.must('network.setStandby', {
      deviceId: standbyId,
      authorization: { pin: MANAGER_PIN, reason: 'Manager office PC' },
    });
    firstCopy = await until('a verified copy at the host', 20_000, async () => {
      const a = await desk.must<Age>('network.standbyAge', {});
      return a.verifiedAt ? a : undefined;
    });
    expect(firstCopy).toMatchObject({ configured: true, minutes: 5 });
    const s = await office.get<State>('/station/state');
    expect(s.standby).toMatchObject({ isStandby: true, takenAt: firstCopy.takenAt });
    expect(fs.existsSync(path.join(standbyDir, 'standby', 'club.sqlite3'))).toBe(true);
    // the office became a host-to-be: its own identity; still no club database of its own
    expect(fs.existsSync(path.join(standbyDir, 'network', 'host-cert.pem'))).toBe(true);
    expect(fs.existsSync(path.join(standbyDir, DB_FILE))).toBe(false);
    // the bar station learns where the standby is (to follow it)
    await until('the bar station to know the standby', 10_000, () => {
      const c = JSON.parse(fs.readFileSync(path.join(barDir, 'station.json'), 'utf8')) as {
        standby?: { deviceId: number; url: string } | null;
      };
      return c.standby?.deviceId === standbyId ? c.standby : undefined;
    });
    // and is no standby itself
    expect((await bar.get<State>('/station/state')).standby).toBeNull();
    // a station that is not the standby cannot promote itself
    expect(await bar.post('/station/promote', { pin: MANAGER_PIN })).toMatchObject({
      ok: false,
      error: { code: 'NOT_STANDBY' },
    });
  }, 60_000);

  it('a bar sale, then "Copy now" carries it; the host dies; a wrong PIN is refused; the manager promotes', async () => {
    await bar.must('session.login', { staffId: club.bar, pin: BAR_PIN });
    await bar.must('bar.sell', {
      visitId: club.visitId,
      items: [{ itemId: club.itemId, quantity: 2 }],
      opId: 'standby-sale-01',
    });
    // while the desk answers, promoting is refused (two front desks would split the records)
    expect(await office.post('/station/promote', { pin: MANAGER_PIN })).toMatchObject({
      ok: false,
      error: { code: 'HOST_REACHABLE' },
    });
    const copied = await office.post('/station/standby/refresh', {});
    expect(copied).toMatchObject({ ok: true, data: { isStandby: true } });
    const age = await desk.must<Age>('network.standbyAge', {});
    expect(age.takenAt! > firstCopy.takenAt!).toBe(true);
    expect(age.verifiedAt).not.toBeNull();

    await host.kill();
    await until('the standby to notice', 15_000, async () =>
      (await office.get<State>('/station/state')).link === 'disconnected' ? true : undefined,
    );
    expect(await office.post('/station/promote', { pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_WRONG' },
    });
    // the barman's PIN is no manager's
    expect(await office.post('/station/promote', { pin: BAR_PIN })).toMatchObject({
      ok: false,
      error: { code: 'PIN_WRONG' },
    });
    expect(fs.existsSync(path.join(standbyDir, DB_FILE))).toBe(false);
    expect(await office.post('/station/promote', { pin: MANAGER_PIN })).toMatchObject({
      ok: true,
      data: { promoted: true },
    });
    expect(fs.existsSync(path.join(standbyDir, 'station.json'))).toBe(false);
    expect(fs.existsSync(path.join(standbyDir, 'station.promoted.json'))).toBe(true);
    // the front desk now: no station endpoints; staff log in again and see the sale
    expect((await fetch(new URL('/station/state', standby.url))).status).toBe(404);
    const newDesk = new Browser(standby);
    await newDesk.must('session.login', { staffId: club.manager, pin: MANAGER_PIN });
    expect(
      (await newDesk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 })).tabCents,
    ).toBe(1600);
    // the promotion is in the audit log with the manager who promoted
    const audit = await newDesk.must<{ rows: { op: string; staffId: number | null }[] }>('audit.search', {
      q: 'network.promoted',
      limit: 10,
    });
    expect(audit.rows.find((e) => e.op === 'network.promoted')).toMatchObject({ staffId: club.manager });
    desk = newDesk;
  }, 90_000);

  it('the bar station follows the promoted standby by itself and sells there', async () => {
    const url = `https://127.0.0.1:${standbyLanPort}`;
    await until('the bar station to follow', 40_000, async () => {
      const s = await bar.get<State>('/station/state');
      return s.hostUrl === url && s.link === 'connected' ? s : undefined;
    });
    const c = JSON.parse(fs.readFileSync(path.join(barDir, 'station.json'), 'utf8')) as {
      hostUrl: string;
      previousHost?: string;
    };
    expect(c).toMatchObject({ hostUrl: url, previousHost: `https://127.0.0.1:${lanPort}` });
    await bar.must('session.login', { staffId: club.bar, pin: BAR_PIN });
    await bar.must('bar.sell', {
      visitId: club.visitId,
      items: [{ itemId: club.itemId, quantity: 1 }],
      opId: 'standby-sale-02',
    });
    expect(
      (await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 })).tabCents,
    ).toBe(2400);
  }, 60_000);
});
