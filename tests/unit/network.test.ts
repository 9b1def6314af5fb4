/**
 * The club network end to end (issue 15), with real processes: a host (the `npm run web` entry point,
 * bundled here with esbuild: the core, the loopback server for the desk, the club network listener)
 * and two station processes (tests/unit/network-station.ts) with their own data folders, one
 * connecting from 127.0.0.2, the bar's through a TCP proxy this test can cut. Checked: pairing with
 * the code and a manager's PIN (a receptionist's PIN does not do); an unpaired client, a wrong
 * certificate and a revoked station refused; a bar sale on a station seen by the other station and
 * the desk within a bound; the link cut in the middle of a sale and restored — recorded exactly once;
 * the host SIGKILLed and restarted — the stations reconnect by themselves. Every wait is bounded.
 * The processes and the host's club: tests/support/club-net.ts; the same across network namespaces,
 * with real cables pulled: network-netns.test.ts.
 */
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openReadOnly, DB_FILE } from '../../electron/core/db/database';
import { discoverHosts, type StationCredential, Station } from '../../electron/server/station';
import { tempDir } from './helpers';
import { freePort, must, until } from '../support/net';
import {
  BAR_PIN,
  buildNetProcesses,
  type Club,
  Desk,
  DESK_PIN,
  Host,
  makeHostClub,
  MANAGER_PIN,
  StationProc,
} from '../support/club-net';

/**
 * A TCP proxy between the bar station and the host that the test can cut. While `armed`, a new
 * connection's answer from the host is never delivered; `cut()` destroys every connection and
 * refuses new ones until `restore()`.
 */
class Proxy {
  private readonly server: net.Server;
  private readonly conns = new Set<net.Socket>();
  private readonly states = new Set<{ fromClient: number; swallowAfter: number }>();
  private armedNow = false;
  down = false;
  port = 0;
  constructor(private readonly target: number) {
    this.server = net.createServer((client) => {
      if (this.down) return void client.destroy();
      const upstream = net.connect(this.target, '127.0.0.1');
      this.conns.add(client).add(upstream);
      // Armed, the host's answers are swallowed: on a connection opened before, whatever follows
      // the station's next bytes (its request); on a new one, whatever follows the station's second
      // flight (its TLS Finished and the request) — the handshake itself goes through.
      const state = { fromClient: 0, swallowAfter: this.armed ? 1 : Infinity };
      this.states.add(state);
      client.on('data', (d) => {
        state.fromClient++;
        upstream.write(d);
      });
      upstream.on('data', (d) => {
        if (state.fromClient > state.swallowAfter) return;
        client.write(d);
      });
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.conns.delete(client);
        this.conns.delete(upstream);
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
  }
  listen(): Promise<void> {
    return new Promise((r) =>
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.address() as net.AddressInfo).port;
        r();
      }),
    );
  }
  get armed(): boolean {
    return this.armedNow;
  }
  set armed(on: boolean) {
    this.armedNow = on;
    for (const s of this.states) s.swallowAfter = on ? s.fromClient : Infinity;
  }
  cut(): void {
    this.states.clear();
    this.down = true;
    for (const c of this.conns) c.destroy();
    this.conns.clear();
  }
  restore(): void {
    this.down = false;
  }
  close(): Promise<void> {
    this.cut();
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('club network: a host and two stations', () => {
  let hostDir: string;
  let host: Host;
  let desk: Desk;
  let club: Club;
  let proxy: Proxy;
  let bar: StationProc;
  let tablet: StationProc;

  beforeAll(async () => {
    const { hostJs, stationJs } = await buildNetProcesses('net');
    hostDir = tempDir('net-host');
    club = await makeHostClub(hostDir);
    host = new Host(hostDir, await freePort(), { hostJs });
    await host.start();
    desk = new Desk(host);
    await desk.must('session.login', { staffId: club.staff.manager, pin: MANAGER_PIN });
    proxy = new Proxy(host.lanPort);
    await proxy.listen();
    bar = new StationProc(stationJs, tempDir('net-bar'), '127.0.0.1');
    tablet = new StationProc(stationJs, tempDir('net-tablet'), '127.0.0.2');
  }, 60_000);

  afterAll(async () => {
    for (const s of [bar, tablet]) if (s && s.proc.exitCode === null) s.proc.kill('SIGKILL');
    await proxy?.close();
    await host?.kill();
  });

  const lanUrl = () => `https://127.0.0.1:${host.lanPort}`;

  it('pairs two stations with the code and a manager PIN (a receptionist PIN does not do)', async () => {
    const code = (await desk.must<{ code: string }>('network.startPairing', {})).code;
    const paired = await bar.send<{ deviceId: number; fingerprint: string }>({
      cmd: 'pair',
      hostUrl: `https://127.0.0.1:${proxy.port}`,
      code,
      name: '水吧',
    });
    const status = await desk.must<{ fingerprint: string; devices: { id: number; status: string }[] }>(
      'network.status',
      {},
    );
    expect(paired.fingerprint).toBe(status.fingerprint);
    // the host announces itself on the LAN (mDNS/DNS-SD)
    const found = await discoverHosts(2_000);
    expect(found).toContainEqual(
      expect.objectContaining({ fingerprintStart: status.fingerprint.slice(0, 23) }),
    );
    expect(status.devices).toEqual([expect.objectContaining({ id: paired.deviceId, status: 'pending' })]);
    expect(await bar.send({ cmd: 'pairingStatus' })).toBe('pending');
    // pending: no operation yet
    expect((await bar.call('system.status', {})).ok).toBe(false);

    const auth = (pin: string) => ({ pin, reasonCode: 'new_station', reason: 'Bar counter' });
    // a receptionist at the desk confirms with her own PIN: refused
    const deskRole = new Desk(host);
    await deskRole.must('session.login', { staffId: club.staff.desk, pin: DESK_PIN });
    const refused = await deskRole.call('network.confirm', {
      deviceId: paired.deviceId,
      screens: ['bar'],
      authorization: auth(DESK_PIN),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'OVERRIDE_NOT_ALLOWED' } });
    await deskRole.must('network.confirm', {
      deviceId: paired.deviceId,
      screens: ['bar'],
      authorization: auth(MANAGER_PIN),
    });
    expect(await bar.send({ cmd: 'pairingStatus' })).toBe('active');

    const code2 = (await desk.must<{ code: string }>('network.startPairing', {})).code;
    const t = await tablet.send<{ deviceId: number }>({
      cmd: 'pair',
      hostUrl: lanUrl(),
      code: code2,
      name: '前台平板',
    });
    await desk.must('network.confirm', {
      deviceId: t.deviceId,
      screens: ['desk'],
      authorization: auth(MANAGER_PIN),
    });
    const devices = (
      await desk.must<{ devices: { name: string; address: string; status: string }[] }>('network.status', {})
    ).devices;
    expect(devices.find((d) => d.name === '前台平板')).toMatchObject({
      status: 'active',
      address: '127.0.0.2',
    });

    await bar.send({ cmd: 'start' });
    await tablet.send({ cmd: 'start' });
    await until('both stations connected', 10_000, async () =>
      (await bar.log()).status === 'connected' && (await tablet.log()).status === 'connected'
        ? true
        : undefined,
    );
    await must(bar.call('session.login', { staffId: club.staff.bar, pin: BAR_PIN }));
    await must(tablet.call('session.login', { staffId: club.staff.desk, pin: DESK_PIN }));
  }, 60_000);

  it('refuses an unpaired client, a wrong code, a screen the station may not open, and a wrong certificate', async () => {
    const raw = (p: string, headers: Record<string, string> = {}, body?: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = https.request(
          `${lanUrl()}${p}`,
          { method: body === undefined ? 'GET' : 'POST', headers, rejectUnauthorized: false, agent: false },
          (res) => {
            let b = '';
            res.on('data', (c: Buffer) => (b += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const json = { 'Content-Type': 'application/json' };
    expect((await raw('/api/system.status', json, '{}')).status).toBe(401);
    const cred = await bar.send<StationCredential>({ cmd: 'credential' });
    const forged = { ...json, 'x-fd-device': String(cred.deviceId), 'x-fd-secret': 'A'.repeat(43) };
    expect((await raw('/api/system.status', forged, '{}')).status).toBe(401);
    // the live link: no upgrade without a paired device's credential
    const upgrade = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`wss://127.0.0.1:${host.lanPort}/events`, {
          headers,
          rejectUnauthorized: false,
        });
        ws.on('unexpected-response', (_q, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('open', () => {
          resolve(101);
          ws.terminate();
        });
        ws.on('error', () => resolve(-1));
      });
    expect(await upgrade({})).toBe(401);
    expect(await upgrade(forged)).toBe(401);
    const wrong = await raw('/pair/request', json, JSON.stringify({ code: '000000', name: 'Intruder' }));
    expect(wrong.status).toBe(403);
    expect(wrong.body).toContain('PAIRING_CODE_WRONG');

    // the bar's screen does not admit a check-out; the core's roles still apply on top
    expect(await bar.call('checkin.checkout', { visitId: club.visitId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await bar.call('network.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // a server with another certificate at the host's address: nothing is sent to it
    const other = await generate([{ name: 'commonName', value: 'Front Desk club host' }], { keyType: 'ec' });
    let reached = 0;
    const fake = https.createServer({ key: other.private, cert: other.cert }, (_q, s) => {
      reached++;
      s.end('{}');
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    try {
      const port = (fake.address() as net.AddressInfo).port;
      const impostor = new Station({ ...cred, hostUrl: `https://127.0.0.1:${port}` });
      const r = await impostor.call('system.status', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'CONNECTION_LOST' } });
      expect(reached).toBe(0);
    } finally {
      await new Promise((r) => fake.close(r));
    }
  }, 60_000);

  it('a bar sale on a station is seen by the other station and the desk at once', async () => {
    const before = (await tablet.log()).log.length;
    const sold = await must(
      bar.call('bar.sell', {
        visitId: club.visitId,
        items: [{ itemId: club.itemId, quantity: 2 }],
        opId: 'net-sale-0001',
      }),
    );
    const answeredAt = Date.now();
    expect(sold).toBeTruthy();
    const seen = await until('the tablet to see the sale', 2_000, async () =>
      (await tablet.log()).log.slice(before).find((e) => e.kind === 'change' && e.value === 'bar.sell'),
    );
    expect(seen.at - answeredAt).toBeLessThan(1_000);
    const preview = await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 });
    expect(preview.tabCents).toBe(1600);
    const onTablet = await must<{ tabCents: number }>(
      tablet.call('checkin.checkoutPreview', { tagNumber: 5 }),
    );
    expect(onTablet.tabCents).toBe(1600);
  }, 30_000);

  it('the link cut in the middle of a sale and restored: the sale is recorded exactly once', async () => {
    const db = openReadOnly(path.join(hostDir, DB_FILE));
    const recorded = () =>
      db.prepare(`SELECT COUNT(*) FROM op_results WHERE op_id = 'net-sale-cut-01'`).pluck().get() as number;
    proxy.armed = true;
    try {
      const sale = bar.call('bar.sell', {
        visitId: club.visitId,
        items: [{ itemId: club.itemId, quantity: 1 }],
        opId: 'net-sale-cut-01',
      });
      let answered = false;
      void sale.then(() => (answered = true));
      // the host carried the sale out; its answer is on the way (swallowed): now the link goes
      await until('the host to record the sale', 5_000, () => (recorded() === 1 ? true : undefined));
      await new Promise((r) => setTimeout(r, 200));
      expect(answered).toBe(false);
      proxy.armed = false;
      proxy.cut();
      setTimeout(() => proxy.restore(), 1_500);
      await until('the bar to say it is not connected', 5_000, async () =>
        (await bar.log()).status === 'disconnected' ? true : undefined,
      );
      await must(sale, 'the sale after the link came back');
      expect(recorded()).toBe(1);
    } finally {
      proxy.armed = false;
      proxy.restore();
    }
    await until('the bar to reconnect', 10_000, async () =>
      (await bar.log()).status === 'connected' ? true : undefined,
    );
    try {
      expect(recorded()).toBe(1);
    } finally {
      db.close();
    }
    // 2 + 1 colas, not 2 + 1 + 1
    expect(
      (await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 })).tabCents,
    ).toBe(2400);
  }, 40_000);

  it('the host SIGKILLed and restarted: the stations reconnect by themselves', async () => {
    await host.kill();
    await until('both stations to say not connected', 15_000, async () =>
      (await bar.log()).status === 'disconnected' && (await tablet.log()).status === 'disconnected'
        ? true
        : undefined,
    );
    expect(await bar.call('system.status', {})).toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_LOST' },
    });
    await host.start();
    await until('both stations to reconnect', 15_000, async () =>
      (await bar.log()).status === 'connected' && (await tablet.log()).status === 'connected'
        ? true
        : undefined,
    );
    // staff sessions were in the host's memory: the barman logs in again, and sells
    await must(bar.call('session.login', { staffId: club.staff.bar, pin: BAR_PIN }));
    await must(
      bar.call('bar.sell', {
        visitId: club.visitId,
        items: [{ itemId: club.itemId, quantity: 1 }],
        opId: 'net-sale-after-1',
      }),
    );
    desk = new Desk(host);
    await desk.must('session.login', { staffId: club.staff.manager, pin: MANAGER_PIN });
    expect(
      (await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 })).tabCents,
    ).toBe(3200);
  }, 60_000);

  it('a revoked station is refused at once and its live link closed', async () => {
    await must(tablet.call('system.status', {}));
    const id = (await tablet.send<StationCredential>({ cmd: 'credential' })).deviceId;
    await desk.must('network.revoke', { deviceId: id });
    await until('the tablet to be cut off', 5_000, async () =>
      (await tablet.log()).log.some((e) => e.kind === 'revoked') ? true : undefined,
    );
    expect(await tablet.call('system.status', {})).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_NOT_ACTIVE' },
    });
    expect(await tablet.send({ cmd: 'pairingStatus' })).toBe('revoked');
    // the bar goes on
    await must(bar.call('system.status', {}));
  }, 30_000);

  it('turned off, the host stops listening; turned on again, the stations come back', async () => {
    await desk.must('network.setEnabled', { enabled: false });
    await until('the bar to be cut off', 10_000, async () =>
      (await bar.log()).status === 'disconnected' ? true : undefined,
    );
    expect(await bar.call('system.status', {})).toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_LOST' },
    });
    expect((await desk.must<{ address: string | null }>('network.status', {})).address).toBeNull();
    await desk.must('network.setEnabled', { enabled: true });
    await until('the bar to reconnect', 10_000, async () =>
      (await bar.log()).status === 'connected' ? true : undefined,
    );
    // its staff session ended with the listener: the barman logs in again
    await must(bar.call('session.login', { staffId: club.staff.bar, pin: BAR_PIN }));
    await must(bar.call('bar.tab', { visitId: club.visitId }));
  }, 30_000);

  it('measures a bar sale from a station and reports its p95 (the benchmark proper is later work)', async () => {
    const argsList = Array.from({ length: 60 }, (_, i) => ({
      visitId: club.visitId,
      items: [{ itemId: club.itemId, quantity: 1 }],
      opId: `net-bench-${String(i).padStart(4, '0')}`,
    }));
    const ms = (await bar.send<number[]>({ cmd: 'calls', op: 'bar.sell', argsList }))
      .slice(10)
      .sort((a, b) => a - b);
    const p95 = ms[Math.ceil(ms.length * 0.95) - 1]!;
    console.log(
      `club network: bar.sell from a station, p50 ${ms[ms.length >> 1]!.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
    );
    // loose: this machine is shared; the 10 ms belongs to `npm run bench`
    expect(p95).toBeLessThan(250);
  }, 60_000);
});
