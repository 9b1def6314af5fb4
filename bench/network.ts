/**
 * The club network's benchmark (issue 15), part of `npm run bench`; alone with `--only network`.
 *
 * A host process (this bundle forked with `--net-host`: the core and the club network listener on
 * 127.0.0.1, no mDNS, its own temporary data folder, `--expose-gc` so its heap can be read after a
 * collection) and stations in this process (electron/server/station.ts, each with its own pinned
 * TLS connections and live link), all on 127.0.0.0/8. Measured:
 *
 * 1. A bar sale from a station over the network transport: `Station.call('bar.sell')` → answer,
 *    paced at 40 a second (a device may make 50; see lan.ts DEVICE_RATE).
 * 2. A change seen by another station: from the selling station sending the sale to the other
 *    station's live link delivering the `bar.sell` change.
 * 3. Load: 10 stations each doing 5 operations a second (2 sales, 3 reads) for `--net-seconds`
 *    (default 300 = the issue's 5 minutes); every error counted; the host's RSS and heap (after a
 *    collection) read at the start, the middle and the end.
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../electron/core/app';
import type { Response } from '../electron/core/contract';
import { ensureIdentity } from '../electron/core/areas/network';
import { startLanHost } from '../electron/server/lan';
import { pairWithHost, Station } from '../electron/server/station';
import { round, stats, type Stats } from './stats';

const MANAGER_PIN = '9999';
const STATIONS = 10;
/** Members inside for the measured station's sales (about 5 drinks a tab over 1000 samples). */
const MEASURED_VISITS = 220;
/** Members inside for each load station (a 5-minute load puts about 50 drinks on each). */
const LOAD_VISITS = 12;
const OPS_PER_SECOND = 5;
/** The measured calls' pace: one every 25 ms (a device may make 50 a second, lan.ts DEVICE_RATE). */
const PACE = 25;
/** The load's operations, one per tick, in turn: 2 sales and 3 reads a second. */
const LOAD_MIX = ['bar.sell', 'bar.tab', 'bar.items', 'bar.tab', 'bar.sell'] as const;

export interface Memory {
  at: string;
  rssMiB: number;
  heapUsedMiB: number;
}

export interface NetworkResult {
  sell: Stats;
  read: Stats;
  seen: Stats;
  load: {
    seconds: number;
    stations: number;
    planned: number;
    done: number;
    errors: number;
    errorSamples: string[];
    disconnects: number;
    latency: Stats;
    memory: Memory[];
    flat: boolean;
  };
}

async function must<T>(p: Promise<Response<unknown>>, what: string): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

// ---- the host process --------------------------------------------------------------------------

interface HostMsg {
  id: number;
  cmd: 'pairingCode' | 'confirm' | 'memory' | 'stop';
  deviceId?: number;
}

/** `bench.js --net-host <dataDir>`: the club's host, driven over the fork IPC channel. */
export async function runNetHost(dataDir: string): Promise<void> {
  const core = await Core.open({ dataDir, dailyBackup: false });
  const call = <T = unknown>(op: string, args: unknown) => must<T>(core.call('mgr', op, args), op);
  await call('system.setup', {
    clubName: 'Bench Club',
    timeZone: 'Asia/Shanghai',
    language: 'en',
    staffArriveTime: '09:50',
    openTime: '00:00',
    closeTime: '23:59',
    tagCount: 400,
    manager: { name: 'Manager Wang', pin: MANAGER_PIN, gender: 'female' },
  });
  const staff = await must<{ id: number }[]>(core.call('x', 'session.staffList', {}), 'staffList');
  await call('session.login', { staffId: staff[0]!.id, pin: MANAGER_PIN });
  const type = await call<{ id: number }>('cardTypes.create', {
    name: 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 300000,
  });
  const item = await call<{ id: number }>('bar.itemCreate', {
    name: 'Cola',
    category: 'Drinks',
    priceCents: 800,
    notes: '',
  });
  await call('bar.receive', { itemId: item.id, quantity: 999 }); // selling past zero stock is allowed (a warning);
  // a barman and members inside for each station (and one more of each for the measurements): the
  // sales go round a station's members, so a tab stays the size of a real one (a few drinks) instead
  // of one visit gathering every sale of the run
  const barmen: { id: number; pin: string }[] = [];
  const visits: number[][] = [];
  let tag = 0;
  for (let i = 0; i <= STATIONS; i++) {
    const pin = String(3000 + i);
    const b = await call<{ id: number }>('staff.create', {
      name: `Bar ${i}`,
      role: 'bar',
      pin,
      gender: 'male',
    });
    barmen.push({ id: b.id, pin });
    const mine: number[] = [];
    for (let j = 0; j < (i === STATIONS ? MEASURED_VISITS : LOAD_VISITS); j++) {
      const m = await call<{ id: number }>('members.create', {
        cardNo: `N${1000 + tag}`,
        name: `会员${tag}`,
        gender: 'male',
        phone: null,
        birthDate: null,
        cardTypeId: type.id,
        startDate: '2026-01-01',
        expiryDate: null,
        visitsLeft: null,
        consultantId: null,
        notes: '',
      });
      const v = await call<{ visit: { id: number } }>('checkin.scan', {
        ref: { memberId: m.id },
        tagNumber: ++tag,
      });
      mine.push(v.visit.id);
    }
    visits.push(mine);
  }
  await call('network.setEnabled', { enabled: true });
  const lan = await startLanHost({
    core,
    identity: await ensureIdentity(dataDir),
    host: '127.0.0.1',
    port: 0,
    mdns: false,
  });
  const url = lan.url();
  if (!url) throw new Error('the club network did not start');

  process.on('message', (m: HostMsg) => {
    const answer = (p: Promise<unknown>) =>
      p.then(
        (result) => process.send!({ id: m.id, ok: true, result }),
        (e: unknown) => process.send!({ id: m.id, ok: false, error: (e as Error).message }),
      );
    switch (m.cmd) {
      case 'pairingCode':
        return void answer(call<{ code: string }>('network.startPairing', {}).then((c) => c.code));
      case 'confirm':
        return void answer(
          call('network.confirm', {
            deviceId: m.deviceId,
            screens: ['bar'],
            authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Benchmark' },
          }),
        );
      case 'memory': {
        (globalThis as { gc?: () => void }).gc?.();
        const u = process.memoryUsage();
        return void answer(Promise.resolve({ rss: u.rss, heapUsed: u.heapUsed }));
      }
      case 'stop':
        return void answer(lan.close().then(() => core.close())).finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ id: 0, ok: true, result: { url, barmen, visits, itemId: item.id } });
}

interface HostReady {
  url: string;
  barmen: { id: number; pin: string }[];
  /** Per station, the visits its sales go round (the measured station's last). */
  visits: number[][];
  itemId: number;
}

class HostProc {
  private seq = 0;
  private readonly waiting = new Map<
    number,
    (m: { ok: boolean; result?: unknown; error?: string }) => void
  >();
  readonly proc: ChildProcess;
  readonly ready: Promise<HostReady>;
  constructor(dataDir: string) {
    this.proc = fork(process.argv[1]!, ['--net-host', dataDir], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve, reject) => {
      this.waiting.set(0, (m) => (m.ok ? resolve(m.result as HostReady) : reject(new Error(m.error))));
      this.proc.once('exit', (code) => reject(new Error(`the host exited (${code})`)));
    });
    this.proc.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
  }
  send<T>(cmd: HostMsg['cmd'], extra: Partial<HostMsg> = {}): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`host: no answer to ${cmd}`)), 30_000);
      this.waiting.set(id, (m) => {
        clearTimeout(t);
        if (m.ok) resolve(m.result as T);
        else reject(new Error(m.error));
      });
      this.proc.send({ ...extra, cmd, id });
    });
  }
  async memory(at: string): Promise<Memory> {
    const m = await this.send<{ rss: number; heapUsed: number }>('memory');
    return { at, rssMiB: round(m.rss / 2 ** 20, 1), heapUsedMiB: round(m.heapUsed / 2 ** 20, 1) };
  }
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const gone = new Promise((r) => this.proc.once('exit', r));
    await this.send('stop').catch(() => this.proc.kill('SIGKILL'));
    await Promise.race([gone, sleep(5_000).then(() => this.proc.kill('SIGKILL'))]);
  }
}

// ---- the stations ------------------------------------------------------------------------------

async function pairStation(host: HostProc, url: string, name: string): Promise<Station> {
  const code = await host.send<string>('pairingCode');
  const cred = await pairWithHost(url, code, name, { localAddress: '127.0.0.1' });
  await host.send('confirm', { deviceId: cred.deviceId });
  return new Station(cred, { localAddress: '127.0.0.1' });
}

async function connected(s: Station): Promise<void> {
  const end = Date.now() + 10_000;
  while (s.status !== 'connected') {
    if (Date.now() > end) throw new Error('a station did not connect');
    await sleep(20);
  }
}

export async function measureNetwork(opts: {
  samples: number;
  seconds: number;
  log: (s: string) => void;
}): Promise<NetworkResult> {
  const { log } = opts;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-bench-net-'));
  const host = new HostProc(dataDir);
  const stations: Station[] = [];
  try {
    const club = await host.ready;
    log(`  host at ${club.url}; pairing ${STATIONS + 1} stations…`);
    const sale = (visitId: number) => ({
      visitId,
      items: [{ itemId: club.itemId, quantity: 1 }],
      opId: Station.opId(),
    });
    for (let i = 0; i <= STATIONS; i++) {
      const s = await pairStation(host, club.url, `Bench ${i}`);
      stations.push(s);
      await must(s.call('session.login', { staffId: club.barmen[i]!.id, pin: club.barmen[i]!.pin }), 'login');
    }
    const a = stations[STATIONS]!;
    const aVisits = club.visits[STATIONS]!;
    const aVisit = (i: number) => aVisits[i % aVisits.length]!;

    // 1. a bar sale from a station: 20 warm-up sales, then `samples`, paced at 40 a second
    log('  bar sale from a station…');
    const sellT: number[] = [];
    for (let i = 0; i < opts.samples + 20; i++) {
      const t = performance.now();
      await must(a.call('bar.sell', sale(aVisit(i))), 'bar.sell');
      const dt = performance.now() - t;
      if (i >= 20) sellT.push(dt);
      await sleep(PACE - dt);
    }
    const sell = stats(sellT);
    log(`    p50 ${sell.p50.toFixed(2)} ms, p95 ${sell.p95.toFixed(2)} ms (n=${sell.n})`);
    // the transport alone, for comparison: a read (the tab) the same way
    const readT: number[] = [];
    for (let i = 0; i < opts.samples + 20; i++) {
      const t = performance.now();
      await must(a.call('bar.tab', { visitId: aVisit(i) }), 'bar.tab');
      const dt = performance.now() - t;
      if (i >= 20) readT.push(dt);
      await sleep(PACE - dt);
    }
    const read = stats(readT);
    log(`    a read (bar.tab) from a station: p50 ${read.p50.toFixed(2)} ms, p95 ${read.p95.toFixed(2)} ms`);

    // 2. seen by another station: sale sent → the other station's live link delivers it
    log('  a change seen by another station…');
    const b = stations[0]!;
    b.start();
    await connected(b);
    let waiter: ((t: number) => void) | null = null;
    b.on('change', (e: { op: string }) => {
      if (e.op === 'bar.sell' && waiter) waiter(performance.now());
    });
    const seenT: number[] = [];
    for (let i = 0; i < opts.samples + 10; i++) {
      const seen = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the other station did not see the sale in 5 s')),
          5_000,
        );
        waiter = (t) => {
          clearTimeout(timer);
          waiter = null;
          resolve(t);
        };
      });
      const t = performance.now();
      await must(a.call('bar.sell', sale(aVisit(i + opts.samples + 20))), 'bar.sell');
      const dt = (await seen) - t;
      if (i >= 10) seenT.push(dt);
      await sleep(PACE - (performance.now() - t));
    }
    const seen = stats(seenT);
    log(`    p50 ${seen.p50.toFixed(2)} ms, p95 ${seen.p95.toFixed(2)} ms (n=${seen.n})`);

    // 3. the load: 10 stations, 5 operations a second each, for `seconds`
    log(`  load: ${STATIONS} stations × ${OPS_PER_SECOND} operations a second for ${opts.seconds} s…`);
    const load = stations.slice(0, STATIONS);
    for (const s of load) s.start();
    for (const s of load) await connected(s);
    let disconnects = 0;
    for (const s of load)
      s.on('status', (st: string) => {
        if (st === 'disconnected') disconnects++;
      });
    const memory: Memory[] = [await host.memory('start')];
    const latency: number[] = [];
    const errorSamples: string[] = [];
    let errors = 0;
    let done = 0;
    const ticks = Math.round(opts.seconds * OPS_PER_SECOND);
    const periodMs = 1000 / OPS_PER_SECOND;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    const one = async (s: Station, i: number, k: number): Promise<void> => {
      const op = LOAD_MIX[k % LOAD_MIX.length]!;
      const visitId = club.visits[i]![k % club.visits[i]!.length]!;
      const args = op === 'bar.sell' ? sale(visitId) : op === 'bar.tab' ? { visitId } : {};
      const t = performance.now();
      let r: Response<unknown>;
      try {
        r = await s.call(op, args);
      } catch (e) {
        r = { ok: false, error: { code: 'INTERNAL', params: { message: (e as Error).message } } };
      }
      latency.push(performance.now() - t);
      done++;
      if (!r.ok) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${op}: ${JSON.stringify(r.error)}`);
      }
    };
    const runStation = async (s: Station, i: number): Promise<void> => {
      // stations start spread over one period, each on its own fixed schedule (not waiting for answers)
      const offset = (periodMs * i) / STATIONS;
      for (let k = 0; k < ticks; k++) {
        await sleep(started + offset + k * periodMs - performance.now());
        inFlight.push(one(s, i, k));
      }
    };
    const middle = (async () => {
      await sleep(started + (opts.seconds * 1000) / 2 - performance.now());
      memory.push(await host.memory('middle'));
    })();
    await Promise.all(load.map((s, i) => runStation(s, i)));
    await Promise.all(inFlight);
    await middle;
    memory.push(await host.memory('end'));
    const [m0, m1, m2] = memory as [Memory, Memory, Memory];
    // flat: the heap after a collection and the RSS at the end no more than 10% (+ a little) above
    // the larger of start and middle
    const flat =
      m2.heapUsedMiB <= Math.max(m0.heapUsedMiB, m1.heapUsedMiB) * 1.1 + 2 &&
      m2.rssMiB <= Math.max(m0.rssMiB, m1.rssMiB) * 1.1 + 8;
    const lat = stats(latency);
    log(
      `    ${done}/${ticks * STATIONS} operations, ${errors} errors, ${disconnects} disconnects; p95 ${lat.p95.toFixed(2)} ms; ` +
        `host RSS ${m0.rssMiB} → ${m1.rssMiB} → ${m2.rssMiB} MiB, heap ${m0.heapUsedMiB} → ${m1.heapUsedMiB} → ${m2.heapUsedMiB} MiB`,
    );
    return {
      sell,
      read,
      seen,
      load: {
        seconds: opts.seconds,
        stations: STATIONS,
        planned: ticks * STATIONS,
        done,
        errors,
        errorSamples,
        disconnects,
        latency: lat,
        memory,
        flat,
      },
    };
  } finally {
    for (const s of stations) s.stop();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- the report --------------------------------------------------------------------------------

type Put = (k: string, value: number | string | null, unit: string, note?: string) => void;

/** The network's figures under `net.*` in the benchmark's results. */
export function putNetwork(
  r: NetworkResult,
  put: Put,
  putStats: (k: string, s: Stats, note?: string) => void,
) {
  putStats(
    'net.sell',
    r.sell,
    'bar.sell from a paired station over HTTPS (pinned TLS, kept-alive), one every 25 ms',
  );
  putStats('net.read', r.read, 'bar.tab from the same station the same way: the transport without a commit');
  putStats(
    'net.seen',
    r.seen,
    'sale sent by one station → the change delivered on another station’s live link',
  );
  putStats(
    'net.load',
    r.load.latency,
    `${r.load.stations} stations × ${OPS_PER_SECOND} operations a second (2 sales, 3 reads) for ${r.load.seconds} s`,
  );
  put('net.load.seconds', r.load.seconds, 's');
  put('net.load.planned', r.load.planned, 'operations');
  put('net.load.errors', r.load.errors, 'operations', r.load.errorSamples.join('; ') || undefined);
  put('net.load.disconnects', r.load.disconnects, 'events');
  for (const m of r.load.memory) {
    put(`net.host.${m.at}.rss`, m.rssMiB, 'MiB');
    put(`net.host.${m.at}.heapUsed`, m.heapUsedMiB, 'MiB', 'after a collection');
  }
  put('net.load.memoryFlat', r.load.flat ? 1 : 0, '1 = flat');
}

/** The rows of the results table for the network (name, key, target, pass). */
export function networkRows(
  v: (k: string) => number | null,
): [name: string, key: string, target: string, pass: boolean | null][] {
  const p95 = (k: string, limit: number) => {
    const x = v(`${k}.p95`);
    return x === null ? null : x <= limit;
  };
  const errors = v('net.load.errors');
  return [
    ['Club network: bar sale from a station', 'net.sell', 'p95 ≤ 10 ms', p95('net.sell', 10)],
    ['Club network: a read (the tab) from a station, for comparison', 'net.read', '—', null],
    ['Club network: change seen by another station', 'net.seen', 'p95 ≤ 100 ms', p95('net.seen', 100)],
    [
      `Club network: load, 10 stations × 5 op/s for ${v('net.load.seconds') ?? '—'} s (every operation)`,
      'net.load',
      'no error, flat memory',
      errors === null
        ? null
        : errors === 0 && v('net.load.disconnects') === 0 && v('net.load.memoryFlat') === 1,
    ],
  ];
}

/** One line on the load's errors and the host's memory. */
export function networkNote(v: (k: string) => number | null): string {
  const mem = (at: string) => `${v(`net.host.${at}.rss`) ?? '—'} / ${v(`net.host.${at}.heapUsed`) ?? '—'}`;
  return (
    `Club network load: ${v('net.load.n') ?? '—'} of ${v('net.load.planned') ?? '—'} operations done, ${v('net.load.errors') ?? '—'} errors, ` +
    `${v('net.load.disconnects') ?? '—'} live-link drops; host RSS / heap after GC (MiB) at start ${mem('start')}, ` +
    `middle ${mem('middle')}, end ${mem('end')} — flat: ${v('net.load.memoryFlat') === null ? '—' : v('net.load.memoryFlat') === 1 ? 'yes' : 'no'}.`
  );
}
