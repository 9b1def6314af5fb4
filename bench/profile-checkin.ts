/**
 * Profiling aid for the counter's hot path (issue 7): check-in and check-out through Core.call.
 *
 * Generates a small club (bench/generate.ts at PROFILE_SCALE, default 0.1: 10,000 members,
 * 100,000 visits), puts 150 people inside, then runs PROFILE_PAIRS (default 5,000) check-in /
 * check-out pairs with an opId each, like `npm run bench` (no bar sale in between: the check-out
 * has no tab to settle). Prints p50/p95 of both (and the CPU time each used, on average) and of the floor (bench/stats.ts makeFloor), one floor
 * transaction timed after each pair, so that on a busy machine runs compare by their ratio to it.
 *
 * PROFILE_PLANS=1 prints the query plan of every statement one check-in and one check-out run.
 * PROFILE_STATEMENTS=1 times every statement (get/run/all) and prints the total per SQL text.
 * PROFILE_KEEP=1 keeps the data folder (its path is printed).
 *
 * Not part of `npm run bench`. With PROFILE_OUT=file.cpuprofile it records a V8 CPU profile of the
 * measured loop only (not of the generation); read it with Chrome DevTools, speedscope, or a small
 * script summing self time per function (time spent inside SQLite shows as the self time of the
 * function that called the statement; the commit's as better-sqlite3's sqliteTransaction):
 *
 *   npx esbuild bench/profile-checkin.ts --bundle --platform=node --format=cjs \
 *     --external:better-sqlite3 --external:electron --outfile=bench/tmp/profile.js
 *   PROFILE_OUT=bench/tmp/checkin.cpuprofile node bench/tmp/profile.js
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../electron/core/app';
import type { Response } from '../electron/core/contract';
import { generateClub, PINS } from './generate';
import { makeFloor, stats, type Stats } from './stats';

const SCALE = Number(process.env.PROFILE_SCALE ?? 0.1);
const PAIRS = Number(process.env.PROFILE_PAIRS ?? 5000);
const OUT = process.env.PROFILE_OUT;

function data<T>(r: Response<unknown>, what: string): T {
  if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** CPU time since `from`, ms, added to `acc` (user, system). */
const addCpu = (acc: { user: number; system: number }, from: NodeJS.CpuUsage): void => {
  const d = process.cpuUsage(from);
  acc.user += d.user / 1000;
  acc.system += d.system / 1000;
};
const cpu = (acc: { user: number; system: number }) =>
  `CPU ${((acc.user * 1000) / PAIRS).toFixed(0)} µs user + ${((acc.system * 1000) / PAIRS).toFixed(0)} µs system`;

const fmt = (s: Stats, floor: Stats) =>
  `p50 ${s.p50.toFixed(3)} ms (${(s.p50 / floor.p50).toFixed(1)}×), p95 ${s.p95.toFixed(3)} ms (${(s.p95 / floor.p95).toFixed(1)}× the floor)`;

/** Wraps every statement the core prepares from now on so that its get/run/all calls are timed. */
function timeStatements(core: Core): Map<string, { ms: number; n: number }> {
  const db = core.database;
  const prepare = db.prepare;
  const timings = new Map<string, { ms: number; n: number }>();
  const wrapped = new WeakSet<object>();
  db.prepare = ((sql: string) => {
    const st = prepare(sql);
    if (wrapped.has(st)) return st;
    wrapped.add(st);
    const t = { ms: 0, n: 0 };
    timings.set(sql, t);
    for (const m of ['get', 'run', 'all'] as const) {
      const f: (...a: unknown[]) => unknown = st[m].bind(st);
      (st as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return f(...a);
        } finally {
          t.ms += performance.now() - t0;
          t.n += 1;
        }
      };
    }
    return st;
  }) as typeof db.prepare;
  return timings;
}

/** One check-in and check-out with every statement recorded, then each statement's query plan. */
async function printPlans(core: Core, cardNo: string): Promise<void> {
  const db = core.database;
  const prepare = db.prepare;
  const seen = new Set<string>();
  db.prepare = (sql: string) => {
    seen.add(sql);
    return prepare(sql);
  };
  try {
    const r = data<{ visit: { id: number } }>(
      await core.call('desk', 'checkin.scan', { ref: { cardNo }, scanned: true, opId: 'profile-plans-1' }),
      'scan',
    );
    data(
      await core.call('desk', 'checkin.checkout', {
        visitId: r.visit.id,
        tagReturned: true,
        opId: 'profile-plans-2',
      }),
      'checkout',
    );
  } finally {
    db.prepare = prepare;
  }
  for (const sql of seen) {
    if (/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql.trim())) continue;
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null)) as { detail: string }[]
    ).map((p) => p.detail);
    console.log(`${sql.replace(/\s+/g, ' ').slice(0, 160)}\n    ${plan.join('\n    ')}`);
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-profile-'));
  try {
    const gen = await generateClub({
      dataDir,
      members: Math.round(100_000 * SCALE),
      visits: Math.round(1_000_000 * SCALE),
      slips: Math.round(300_000 * SCALE),
      auditPerDay: Math.round(2_000 * SCALE),
      days: 365,
      tags: 500,
      now: new Date(),
    });
    const core = await Core.open({ dataDir, dailyBackup: false });
    if (process.env.PROFILE_SYNC) core.database.pragma(`synchronous = ${process.env.PROFILE_SYNC}`);
    const call = (op: string, args: unknown) => core.call('desk', op, args);
    data(
      await core.call('desk', 'session.login', { staffId: gen.staff.reception[0], pin: PINS.reception }),
      'login',
    );
    const pool = gen.checkinPool;
    if (pool.length < 300) throw new Error(`only ${pool.length} members to check in`);
    for (const m of pool.slice(0, 150))
      data(await call('checkin.scan', { ref: { cardNo: m.cardNo }, scanned: true }), 'scan');
    const rest = pool.slice(150);

    if (process.env.PROFILE_PLANS === '1') await printPlans(core, rest[rest.length - 1]!.cardNo);

    const timings = process.env.PROFILE_STATEMENTS === '1' ? timeStatements(core) : null;

    let seq = 0;
    const opId = () => `profile-${process.pid}-${++seq}`;
    const scanT: number[] = [];
    const outT: number[] = [];
    const floorT: number[] = [];
    const scanCpu = { user: 0, system: 0 };
    const outCpu = { user: 0, system: 0 };
    const floorDb = makeFloor(dataDir);
    const inspector = OUT ? new Session() : null;
    if (inspector) {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
      await inspector.post('Profiler.start');
    }
    for (let i = 0; i < PAIRS; i++) {
      const m = rest[i % rest.length]!;
      let c = process.cpuUsage();
      let t = performance.now();
      const r = data<{ outcome: string; visit: { id: number } }>(
        await call('checkin.scan', { ref: { cardNo: m.cardNo }, scanned: true, opId: opId() }),
        'checkin.scan',
      );
      scanT.push(performance.now() - t);
      addCpu(scanCpu, c);
      if (r.outcome !== 'checked_in') throw new Error(`check-in of ${m.cardNo}: ${r.outcome}`);
      c = process.cpuUsage();
      t = performance.now();
      data(
        await call('checkin.checkout', { visitId: r.visit.id, tagReturned: true, opId: opId() }),
        'checkin.checkout',
      );
      outT.push(performance.now() - t);
      addCpu(outCpu, c);
      floorT.push(floorDb.step());
    }
    floorDb.close();
    if (timings) {
      const rows = [...timings].sort((a, b) => b[1].ms - a[1].ms);
      for (const [sql, t] of rows)
        console.log(
          `${((t.ms * 1000) / PAIRS).toFixed(1).padStart(7)} µs/pair ${String(t.n).padStart(6)}× ${sql.replace(/\s+/g, ' ').slice(0, 110)}`,
        );
    }
    if (inspector && OUT) {
      const { profile } = await inspector.post('Profiler.stop');
      fs.writeFileSync(OUT, JSON.stringify(profile));
      inspector.disconnect();
      console.log(`profile: ${OUT}`);
    }
    core.close();
    const floor = stats(floorT);
    console.log(`floor     p50 ${floor.p50.toFixed(3)} ms, p95 ${floor.p95.toFixed(3)} ms`);
    console.log(`check-in  ${fmt(stats(scanT), floor)}; ${cpu(scanCpu)}`);
    console.log(`check-out ${fmt(stats(outT), floor)}; ${cpu(outCpu)}`);
  } finally {
    if (process.env.PROFILE_KEEP === '1') console.log(`data folder kept: ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
