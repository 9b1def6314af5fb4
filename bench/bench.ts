/**
 * `npm run bench`: speed at club-chain scale (issue 7).
 *
 * 1. Generates a large club in a temporary data folder (bench/generate.ts): 100,000 members,
 *    1,000,000 past visits over a year, 300,000 bar slips, 2,000 audit entries a day.
 * 2. Measures in the core, through Core.call like every transport: check-in, check-out with a cash
 *    settlement, member search (card prefix, name, pinyin initials, phone), the month bar report,
 *    the shift close of a busy day (2,000 entries, bench/generate.ts generateBusyShift), and opening
 *    the data; and the floor (bare better-sqlite3: an indexed SELECT plus one INSERT in
 *    one synchronous=FULL transaction on the same file system).
 * 3. In Chromium via the web build: scan-to-paint on the check-in screen, and the bundle size.
 * 4. Writes bench/results/latest.json and bench/results/latest.md.
 *
 * 5. The club network (bench/network.ts, issue 15): a bar sale from a station, a change seen by another
 *    station, 10 stations × 5 operations a second; also written alone to bench/results/network-latest.*.
 *
 * Smaller runs for trying things out: BENCH_SCALE=0.1 (a tenth of the data), BENCH_OPS=200,
 * BENCH_WEB=0 (skip the browser), BENCH_KEEP=1 (keep the data folder). Flags (after `npm run bench --`):
 * `--only network` (only the club network), `--net-seconds N` (the network load's length; default 300,
 * the issue's 5 minutes), `--no-network` (skip it).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../electron/core/app';
import type { Response } from '../electron/core/contract';
import type { CountResult } from '../electron/core/areas/shift/types';
import { DB_FILE, applyPragmas } from '../electron/core/db/database';
import { backupDir, copySetTo, createBackup } from '../electron/core/db/backups';
import { memberTerms, RANK } from '../electron/core/areas/members/pinyin';
import { ManualClock } from '../electron/core/clock';
import { addDays, dayBoundsUtc, localDate } from '../electron/shared/dates';
import { generateBusyShift, generateClub, PINS, rng, TZ } from './generate';
import { measureFloor, round, stats, timeEach, type Stats } from './stats';
import { bundleSize, measureWeb } from './web';
import { measureNetwork, networkNote, networkRows, putNetwork, runNetHost } from './network';

const ROOT = path.resolve(__dirname, '..', '..');
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const OPS = Number(process.env.BENCH_OPS ?? 1000);
const WEB = process.env.BENCH_WEB !== '0';
const ARGV = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = ARGV.indexOf(name);
  return i >= 0 ? (ARGV[i + 1] ?? '') : undefined;
};
const NET_ONLY = flag('--only') === 'network';
const NET = !ARGV.includes('--no-network');
const NET_SECONDS = Number(flag('--net-seconds') ?? 300);
if (!(NET_SECONDS > 0 && NET_SECONDS <= 86_400)) {
  console.error('--net-seconds must be a number of seconds from 1 to 86400');
  process.exit(2);
}
const log = (s: string) => console.log(s);

type Metric = { value: number | string | null; unit: string; note?: string };
const results: Record<string, Metric> = {};
const put = (k: string, value: number | string | null, unit: string, note?: string) => {
  results[k] = note === undefined ? { value, unit } : { value, unit, note };
};
const putStats = (k: string, s: Stats, note?: string) => {
  put(`${k}.p50`, round(s.p50, 3), 'ms');
  put(`${k}.p95`, round(s.p95, 3), 'ms');
  put(`${k}.p99`, round(s.p99, 3), 'ms');
  put(`${k}.n`, s.n, 'operations', note);
};

function data<T>(r: Response<unknown>, what: string): T {
  if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

let opSeq = 0;
const opId = () => `bench-${process.pid}-${++opSeq}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Notes and coins for exactly what the records say the drawer of the shift holds at `to`: its float
 * + cash in − change − refunds − pay-outs since the shift's cash window opened. The window opens
 * where the previous shift's closed (not when this shift was opened: cash taken in between belongs
 * to the next drawer), as in the core's shift.count.
 */
function exactCount(db: Database.Database, shiftId: number, to: string): Record<string, number> {
  const s = db.prepare('SELECT window_from, float_cents FROM shifts WHERE id = ?').get(shiftId) as {
    window_from: string;
    float_cents: number;
  };
  const cash = db
    .prepare(
      `SELECT coalesce(sum(CASE WHEN amount_cents > 0 THEN coalesce(tendered_cents, amount_cents) ELSE 0 END), 0)
            - coalesce(sum(CASE WHEN amount_cents > 0 THEN coalesce(change_cents, 0) ELSE 0 END), 0)
            - coalesce(sum(CASE WHEN amount_cents < 0 THEN -amount_cents ELSE 0 END), 0) AS c
       FROM payments WHERE method = 'cash' AND at >= ? AND at < ?`,
    )
    .get(s.window_from, to) as { c: number };
  const paidOut = db
    .prepare('SELECT coalesce(sum(amount_cents), 0) AS p FROM shift_payouts WHERE shift_id = ?')
    .get(shiftId) as { p: number };
  let left = s.float_cents + cash.c - paidOut.p;
  const denominations: Record<string, number> = {};
  for (const [k, cents] of [
    ['n100', 10_000],
    ['n50', 5_000],
    ['n20', 2_000],
    ['n10', 1_000],
    ['n5', 500],
    ['n1', 100],
    ['c50', 50],
    ['c10', 10],
  ] as const) {
    denominations[k] = Math.floor(left / cents);
    left -= denominations[k] * cents;
  }
  return denominations;
}

/** The benchmark counts exactly what the records say: a difference means exactCount is out of date. */
function exactlyCounted(c: CountResult): CountResult {
  if (c.differenceCents !== 0)
    throw new Error(
      `shift.count: the benchmark counted ${c.countedCents} cents, the core expects ${c.expectedCents} (${JSON.stringify(c.cash)})`,
    );
  return c;
}

function lastFullMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const from = `${py}-${String(pm).padStart(2, '0')}-01`;
  const to = addDays(`${y}-${String(m).padStart(2, '0')}-01`, -1);
  return { from, to };
}

async function network(): Promise<void> {
  log(`club network (${NET_SECONDS} s of load)…`);
  const t = performance.now();
  putNetwork(
    await measureNetwork({ samples: Math.min(OPS, 1000), seconds: NET_SECONDS, log }),
    put,
    putStats,
  );
  put('net.total', round((performance.now() - t) / 1000, 1), 's');
}

/** `--only network`: the club network alone, written to network-latest.json and .md. */
async function networkOnly(): Promise<void> {
  log(
    `Front Desk benchmark, club network only; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`,
  );
  await network();
  putRun();
  writeNetworkResults();
}

function putRun(): void {
  put(
    'run.machine',
    `${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    'text',
  );
  put(
    'run.load',
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    'text',
    'load average (1, 5, 15 min) at the end of the run',
  );
  put('run.date', new Date().toISOString(), 'text');
}

async function main(): Promise<void> {
  const started = performance.now();
  const keep = process.env.BENCH_KEEP === '1';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-bench-'));
  const now = new Date();
  const today = localDate(now, TZ);
  const n = {
    members: Math.round(100_000 * SCALE),
    visits: Math.round(1_000_000 * SCALE),
    slips: Math.round(300_000 * SCALE),
    auditPerDay: Math.round(2_000 * SCALE),
  };
  log(`Front Desk benchmark: ${JSON.stringify(n)}, ${OPS} operations per measurement`);
  log(`data folder: ${dataDir}`);
  log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );

  try {
    // ---- 1. generate -------------------------------------------------------------------------
    log('generating…');
    const t0 = performance.now();
    const gen = await generateClub({ dataDir, ...n, days: 365, tags: 500, now, log });
    const genMs = performance.now() - t0;
    put('generate.total', round(genMs / 1000, 1), 's');
    for (const [k, v] of Object.entries(gen.counts)) put(`data.${k}`, v, 'rows');
    const dbBytes = fs.statSync(path.join(dataDir, DB_FILE)).size;
    put('data.fileSize', round(dbBytes / 2 ** 20, 1), 'MiB');
    log(`generated in ${(genMs / 1000).toFixed(1)} s, ${(dbBytes / 2 ** 20).toFixed(0)} MiB`);

    // ---- 2. the floor ------------------------------------------------------------------------
    log('floor…');
    const floor = stats(measureFloor(dataDir, Math.max(OPS, 1000)));
    putStats('floor', floor);
    log(`  floor p50 ${floor.p50.toFixed(3)} ms, p95 ${floor.p95.toFixed(3)} ms`);

    // ---- 3. opening the data -------------------------------------------------------------------
    log('open…');
    const openTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      const c = await Core.open({ dataDir, dailyBackup: false });
      const dt = performance.now() - t;
      if (c.state !== 'ready') throw new Error(`core state ${c.state}`);
      c.close();
      if (i > 0) openTimes.push(dt); // the first open also warms the OS file cache
    }
    const open = stats(openTimes);
    putStats(
      'open',
      open,
      'Core.open after a clean close (migration check + light check; a full quick_check only after an unclean shutdown, see open.quickCheckOnly), warm file cache, no daily backup',
    );
    {
      const raw = new Database(path.join(dataDir, DB_FILE));
      applyPragmas(raw);
      const q = await timeEach(3, () => raw.pragma('quick_check', { simple: true }));
      put('open.quickCheckOnly', round(stats(q).p50, 1), 'ms');
      raw.close();
    }
    log(`  open p50 ${open.p50.toFixed(0)} ms, max ${open.max.toFixed(0)} ms`);

    // ---- 3b. the hourly backup ------------------------------------------------------------------
    // One online backup (SQLite's backup API) with its quick_check and the attachments, then the
    // verified copy to a second folder; the longest the event loop was held meanwhile is what the
    // desk would feel (a 1 ms timer counts the gaps).
    {
      log('backup…');
      const c = await Core.open({ dataDir, dailyBackup: false });
      const second = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-bench-second-'));
      try {
        let last = performance.now();
        let stall = 0;
        const tick = setInterval(() => {
          const t = performance.now();
          stall = Math.max(stall, t - last);
          last = t;
        }, 1);
        const t1 = performance.now();
        const b = await createBackup(c.database, dataDir, 'hourly', new Date());
        const backupMs = performance.now() - t1;
        const stallBackup = stall;
        stall = 0;
        last = performance.now();
        const t2 = performance.now();
        await copySetTo(dataDir, b.file, second);
        const copyMs = performance.now() - t2;
        clearInterval(tick);
        put(
          'backup.online',
          round(backupMs, 0),
          'ms',
          'online backup + quick_check of the copy + attachments',
        );
        put('backup.onlineStall', round(stallBackup, 0), 'ms', 'longest event-loop stall during it');
        put('backup.secondCopy', round(copyMs, 0), 'ms', 'copy to a second folder, SHA-256 of both');
        put('backup.secondCopyStall', round(stall, 0), 'ms', 'longest event-loop stall during it');
        log(
          `  backup ${backupMs.toFixed(0)} ms (stall ${stallBackup.toFixed(0)} ms), second copy ${copyMs.toFixed(0)} ms (stall ${stall.toFixed(0)} ms)`,
        );
      } finally {
        c.close();
        fs.rmSync(second, { recursive: true, force: true });
        fs.rmSync(backupDir(dataDir), { recursive: true, force: true });
      }
    }

    // ---- 4. the counter through the core -----------------------------------------------------
    const core = await Core.open({ dataDir, dailyBackup: false });
    const call = (s: string, op: string, args: unknown) => core.call(s, op, args);
    data(
      await call('desk', 'session.login', { staffId: gen.staff.reception[0], pin: PINS.reception }),
      'login',
    );
    data(await call('bar', 'session.login', { staffId: gen.staff.bar[0], pin: PINS.bar }), 'login');
    data(await call('lead', 'session.login', { staffId: gen.staff.lead, pin: PINS.lead }), 'login');
    // Cash is taken only in an open shift: the desk opens one (closed again after the counter part).
    const counterShift = data<{ id: number; openedAt: string; floatCents: number }>(
      await call('desk', 'shift.open', {
        staffIds: [gen.staff.reception[0]],
        floatCents: data<{ floatPrefillCents: number }>(await call('desk', 'shift.opening', {}), 'opening')
          .floatPrefillCents,
        acknowledged: true,
        checked: [],
      }),
      'shift.open',
    );
    const pool = gen.checkinPool;
    const need = 150 + OPS + 220;
    if (pool.length < need) throw new Error(`only ${pool.length} members to check in, need ${need}`);
    // A busy evening: 150 people inside (with their tabs) before the measurement starts.
    const busy: number[] = [];
    for (const m of pool.slice(0, 150)) {
      const r = data<{ outcome: string; visit: { id: number } }>(
        await call('desk', 'checkin.scan', { ref: { cardNo: m.cardNo }, scanned: true }),
        'scan',
      );
      busy.push(r.visit.id);
      data(
        await call('bar', 'bar.sell', {
          visitId: r.visit.id,
          items: [{ itemId: gen.items[0]!.id, quantity: 1 }],
        }),
        'sell',
      );
    }

    log('check-in / bar sale / check-out…');
    const scanT: number[] = [];
    const sellT: number[] = [];
    const outT: number[] = [];
    const r = rng(99);
    const base = 150;
    for (let i = 0; i < OPS; i++) {
      const m = pool[base + i]!;
      let t = performance.now();
      const res = data<{ outcome: string; visit: { id: number } }>(
        await call('desk', 'checkin.scan', { ref: { cardNo: m.cardNo }, scanned: true, opId: opId() }),
        'checkin.scan',
      );
      scanT.push(performance.now() - t);
      if (res.outcome !== 'checked_in') throw new Error(`check-in of ${m.cardNo}: ${res.outcome}`);
      const it = gen.items[Math.floor(r() * gen.items.length)]!;
      t = performance.now();
      const tab = data<{ unpaidCents: number }>(
        await call('bar', 'bar.sell', {
          visitId: res.visit.id,
          items: [{ itemId: it.id, quantity: 1 + (i % 2) }],
          opId: opId(),
        }),
        'bar.sell',
      );
      sellT.push(performance.now() - t);
      const tendered = Math.ceil(tab.unpaidCents / 10_000) * 10_000;
      t = performance.now();
      data(
        await call('desk', 'checkin.checkout', {
          visitId: res.visit.id,
          tagReturned: true,
          payment: { parts: [{ method: 'cash', amountCents: tab.unpaidCents, tenderedCents: tendered }] },
          opId: opId(),
        }),
        'checkin.checkout',
      );
      outT.push(performance.now() - t);
    }
    const scan = stats(scanT);
    const sell = stats(sellT);
    const out = stats(outT);
    putStats('checkin.scan', scan, 'scan → tag → committed; 150 people inside');
    putStats('bar.sell', sell, 'a slip of one line on an open visit');
    putStats('checkin.checkout', out, 'tag returned, tab settled in cash');
    log(
      `  check-in p95 ${scan.p95.toFixed(2)} ms, bar sale p95 ${sell.p95.toFixed(2)} ms, check-out p95 ${out.p95.toFixed(2)} ms`,
    );

    // ---- search ------------------------------------------------------------------------------
    log('search…');
    const dbr = core.database;
    const all = dbr.prepare('SELECT id, card_no, name, phone FROM members ORDER BY id').all() as {
      id: number;
      card_no: string;
      name: string;
      phone: string | null;
    }[];
    const rs = rng(1234);
    const any = () => all[Math.floor(rs() * all.length)]!;
    const queries = {
      cardPrefix: [] as string[],
      name: [] as string[],
      pinyinInitials: [] as string[],
      phone: [] as string[],
      surname: [] as string[],
    };
    const han = all.filter((m) => /\p{Script=Han}/u.test(m.name));
    const phones = all.filter((m) => m.phone);
    for (let i = 0; i < OPS; i++) {
      queries.cardPrefix.push(any().card_no.slice(0, 6));
      queries.name.push(any().name);
      const h = han[Math.floor(rs() * han.length)]!;
      const ini = memberTerms({ cardNo: h.card_no, name: h.name, phone: null }).find(
        (t) => t.rank === RANK.initials,
      );
      queries.pinyinInitials.push(ini?.term ?? 'zw');
      const p = phones[Math.floor(rs() * phones.length)]!.phone!;
      queries.phone.push(i % 2 === 0 ? p : p.slice(-4));
      queries.surname.push([...h.name][0]!);
    }
    const searchStats: Record<string, Stats> = {};
    for (const [kind, qs] of Object.entries(queries)) {
      const limit = kind === 'surname' ? Math.min(300, qs.length) : OPS;
      const samples = await timeEach(limit, async (i) =>
        data(await call('desk', 'members.search', { q: qs[i]!, limit: 8 }), 'members.search'),
      );
      searchStats[kind] = stats(samples);
      log(
        `  search ${kind}: p50 ${searchStats[kind].p50.toFixed(2)} ms, p95 ${searchStats[kind].p95.toFixed(2)} ms`,
      );
    }
    putStats('search.cardPrefix', searchStats.cardPrefix!, 'first 6 of 8 digits of a card number');
    putStats('search.name', searchStats.name!, 'a member’s full name (60% Chinese, 40% Latin)');
    putStats(
      'search.pinyinInitials',
      searchStats.pinyinInitials!,
      'pinyin initials of a Chinese name, e.g. "zw"',
    );
    putStats('search.phone', searchStats.phone!, 'half full 11-digit numbers, half the last 4 digits');
    putStats(
      'search.surnameOnly',
      searchStats.surname!,
      'informational worst case: one Chinese character (thousands of matches)',
    );

    // ---- month bar report ----------------------------------------------------------------------
    log('month bar report…');
    const month = lastFullMonth(today);
    const rep = stats(
      await timeEach(OPS, async () => data(await call('lead', 'bar.report', month), 'bar.report'), 60_000),
    );
    putStats('bar.reportMonth', rep, `bar.report ${month.from}..${month.to}; stops after 60 s`);
    log(`  month report p50 ${rep.p50.toFixed(1)} ms, p95 ${rep.p95.toFixed(1)} ms (n=${rep.n})`);

    // Everyone out again (not measured), so the browser part has free tags.
    for (const id of busy) {
      const tab = data<{ unpaidCents: number }>(await call('desk', 'bar.tab', { visitId: id }), 'bar.tab');
      data(
        await call('desk', 'checkin.checkout', {
          visitId: id,
          tagReturned: true,
          ...(tab.unpaidCents > 0
            ? { payment: { parts: [{ method: 'cash', amountCents: tab.unpaidCents }] } }
            : {}),
        }),
        'checkout',
      );
    }
    // The counter's shift is counted (exactly what the records say) and closed by the desk and the lead.
    exactlyCounted(
      data<CountResult>(
        await call('desk', 'shift.count', {
          shiftId: counterShift.id,
          denominations: exactCount(core.database, counterShift.id, new Date(Date.now() + 1).toISOString()),
        }),
        'shift.count',
      ),
    );
    data(
      await call('desk', 'shift.close', {
        shiftId: counterShift.id,
        floatHandedCents: counterShift.floatCents,
        messages: '',
        notes: '',
        outgoing: { staffId: gen.staff.reception[0], pin: PINS.reception },
        incoming: { staffId: gen.staff.lead, pin: PINS.lead },
      }),
      'shift.close',
    );
    core.close();

    // ---- shift close, busy day ---------------------------------------------------------------
    // Tomorrow (no history, no check-ins of this run) on a clock the benchmark moves: the shift opens
    // at 09:50, 2,000 entries with their tags, bar sales, settlements, check-outs, top-ups, visitors
    // and inquiries are written in bulk into its window, the clock goes to 22:00, the cash is counted,
    // and the book of the shift is computed the way the close screen gets it (shift.current once the
    // count is in: the whole handover book with the cash figures). Then the shift is closed for real
    // (once: it computes the same book, checks both PINs and freezes the shift).
    log('shift close, busy day…');
    {
      const day = addDays(today, 1);
      const dayFrom = Date.parse(dayBoundsUtc(day, TZ).from);
      const clock = new ManualClock(new Date(dayFrom + (9 * 60 + 50) * 60_000));
      const sc = await Core.open({ dataDir, dailyBackup: false, clock });
      try {
        const sCall = (s: string, op: string, args: unknown) => sc.call(s, op, args);
        const logins = async () => {
          data(
            await sCall('mgr', 'session.login', { staffId: gen.staff.manager, pin: PINS.manager }),
            'login',
          );
          data(
            await sCall('desk', 'session.login', { staffId: gen.staff.reception[0], pin: PINS.reception }),
            'login',
          );
        };
        await logins();
        const consultant = data<{ id: number }>(
          await sCall('mgr', 'staff.create', {
            name: 'Anna Consultant',
            role: 'consultant',
            pin: '7777',
            gender: 'female',
          }),
          'staff.create',
        ).id;
        const opening = data<{ floatPrefillCents: number }>(
          await sCall('desk', 'shift.opening', {}),
          'shift.opening',
        );
        const shift = data<{ id: number; openedAt: string }>(
          await sCall('desk', 'shift.open', {
            staffIds: [gen.staff.reception[0], gen.staff.reception[1]],
            floatCents: opening.floatPrefillCents,
            acknowledged: true,
            checked: [],
          }),
          'shift.open',
        );
        const closeAt = dayFrom + 22 * 3_600_000;
        const reserved = new Set(pool.slice(0, base + OPS + 220).map((m) => m.id));
        const t = performance.now();
        const busyCounts = generateBusyShift({
          db: sc.database,
          from: shift.openedAt,
          to: new Date(closeAt).toISOString(),
          entries: 2_000,
          staff: { reception: gen.staff.reception, bar: gen.staff.bar, lead: gen.staff.lead },
          consultant,
          cardTypeYear: gen.cardTypes.year,
          reserved,
          insideAtClose: 30,
        });
        log(
          `  busy shift written in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(busyCounts)}`,
        );
        clock.set(new Date(closeAt));
        await logins();
        // the blind count: the drawer holds exactly what the records say
        const denominations = exactCount(sc.database, shift.id, new Date(closeAt + 1).toISOString());
        const counted = exactlyCounted(
          data<CountResult>(
            await sCall('desk', 'shift.count', { shiftId: shift.id, denominations }),
            'shift.count',
          ),
        );
        const book = (r: Response<unknown>) =>
          data<{ book: { entries: { total: number }; tags: { match: boolean; stillOut: unknown[] } } }>(
            r,
            'shift.current',
          ).book;
        const first = book(await sCall('desk', 'shift.current', {}));
        if (first.entries.total !== 2_000)
          throw new Error(`busy shift: ${first.entries.total} entries in the book`);
        const reps = 50;
        const cur = stats(
          await timeEach(reps, async () => book(await sCall('desk', 'shift.current', {})), 60_000),
        );
        putStats(
          'shiftClose.busyDay',
          cur,
          `shift.current once counted (the whole handover book of the shift with its cash figures), ${reps} repetitions; ` +
            `${first.entries.total} entries, ${first.tags.stillOut.length} still inside, count difference ${counted.differenceCents}`,
        );
        log(`  shift book p50 ${cur.p50.toFixed(1)} ms, p95 ${cur.p95.toFixed(1)} ms (n=${cur.n})`);
        const tc = performance.now();
        data(
          await sCall('desk', 'shift.close', {
            shiftId: shift.id,
            floatHandedCents: opening.floatPrefillCents,
            messages: 'Busy day.',
            notes: '',
            outgoing: { staffId: gen.staff.reception[0], pin: PINS.reception },
            incoming: { staffId: gen.staff.reception[1], pin: PINS.reception },
          }),
          'shift.close',
        );
        const closeMs = performance.now() - tc;
        put(
          'shiftClose.close',
          round(closeMs, 1),
          'ms',
          'shift.close once: the same book, both PINs checked, the shift frozen',
        );
        const dp = stats(
          await timeEach(10, async () =>
            data(await sCall('mgr', 'shift.dayPreview', { day }), 'shift.dayPreview'),
          ),
        );
        put(
          'shiftClose.dayPreview.p50',
          round(dp.p50, 1),
          'ms',
          'shift.dayPreview of the busy day, 10 repetitions',
        );
        log(`  shift.close ${closeMs.toFixed(1)} ms; day preview p50 ${dp.p50.toFixed(1)} ms`);
      } finally {
        sc.close();
      }
    }

    // ---- 5. the browser ------------------------------------------------------------------------
    const size = bundleSize(ROOT);
    put('renderer.jsGzip', round(size.jsGzip / 1024, 1), 'KiB');
    put('renderer.cssGzip', round(size.cssGzip / 1024, 1), 'KiB');
    put('renderer.js', round(size.js / 1024, 1), 'KiB');
    if (WEB) {
      log('browser: scan to paint…');
      const cards = pool.slice(base + OPS, base + OPS + 205).map((m) => m.cardNo);
      const w = await measureWeb({
        root: ROOT,
        dataDir,
        staffName: 'Desk Li',
        pin: PINS.reception,
        cards,
        inside: 150,
        log,
      }).catch((e: unknown) => ({
        scanToPaint: [] as number[],
        scans: 0,
        failures: [String(e).slice(0, 300)],
      }));
      const sp = stats(w.scanToPaint);
      putStats(
        'web.scanToPaint',
        sp,
        'Chromium, web build; Enter → result painted; 5 warm-up scans not counted',
      );
      if (w.failures.length) put('web.failures', w.failures.slice(0, 5).join('; '), 'text');
      log(
        `  scan to paint p50 ${sp.p50.toFixed(1)} ms, p95 ${sp.p95.toFixed(1)} ms (n=${sp.n}, failures ${w.failures.length})`,
      );
    } else {
      put('web.scanToPaint.p95', null, 'ms', 'skipped (BENCH_WEB=0)');
    }

    // ---- 6. the club network ------------------------------------------------------------------
    if (NET) await network();

    put('run.total', round((performance.now() - started) / 1000, 1), 's');
    putRun();
    put('run.scale', SCALE, 'x');
    writeResults();
    if (NET) writeNetworkResults();
  } finally {
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
    else log(`kept ${dataDir}`);
  }
}

function v(k: string): number | null {
  const x = results[k]?.value;
  return typeof x === 'number' ? x : null;
}

function writeResults(): void {
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const json = { ...results };
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);

  const floor95 = v('floor.p95');
  const ratio = (k: string) => {
    const x = v(`${k}.p95`);
    return x !== null && floor95 ? x / floor95 : null;
  };
  const fmt = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
  type Row = [name: string, key: string, target: string, pass: boolean | null];
  const within = (k: string, limit: number, times?: number): boolean | null => {
    const x = v(`${k}.p95`);
    if (x === null) return null;
    const rr = ratio(k);
    return x <= limit && (times === undefined || (rr !== null && rr <= times));
  };
  const rows: Row[] = [
    [
      'Check-in (scan → tag → committed)',
      'checkin.scan',
      'p95 ≤ 5 ms and ≤ 3× floor',
      within('checkin.scan', 5, 3),
    ],
    ['Check-out with cash settlement', 'checkin.checkout', '—', null],
    ['Bar sale (one slip)', 'bar.sell', '—', null],
    ['Search: card prefix', 'search.cardPrefix', 'p95 ≤ 15 ms', within('search.cardPrefix', 15)],
    ['Search: name', 'search.name', 'p95 ≤ 15 ms', within('search.name', 15)],
    ['Search: pinyin initials', 'search.pinyinInitials', 'p95 ≤ 15 ms', within('search.pinyinInitials', 15)],
    ['Search: phone', 'search.phone', 'p95 ≤ 15 ms', within('search.phone', 15)],
    ['Search: one Chinese character (worst case, info)', 'search.surnameOnly', '—', null],
    ['Month bar report', 'bar.reportMonth', '— (no target in the issue)', null],
    [
      'Shift close, busy day (2,000 entries)',
      'shiftClose.busyDay',
      'p95 ≤ 200 ms',
      within('shiftClose.busyDay', 200),
    ],
    ['Opening the 1-year data (Core.open, clean close)', 'open', 'p95 ≤ 1,500 ms', within('open', 1500)],
    ['Scan to paint (Chromium, web build)', 'web.scanToPaint', 'p95 ≤ 50 ms', within('web.scanToPaint', 50)],
    ['Floor: indexed SELECT + INSERT, synchronous=FULL', 'floor', '—', null],
    ...(NET ? networkRows(v) : []),
  ];
  const lines: string[] = [];
  lines.push(`# Benchmark — latest run`);
  lines.push('');
  lines.push(
    `${results['run.date']?.value ?? ''} · ${results['run.machine']?.value ?? ''} · scale ${v('run.scale')} · ` +
      `${v('data.members')} members, ${v('data.visits')} visits, ${v('data.bar_slips')} slips, ` +
      `${v('data.audit_log')} audit entries · database ${v('data.fileSize')} MiB · generated in ${v('generate.total')} s`,
  );
  lines.push('');
  lines.push('| Operation | n | p50 ms | p95 ms | p99 ms | p95 / floor | Target | Result |');
  lines.push('|---|---:|---:|---:|---:|---:|---|---|');
  for (const [name, key, target, pass] of rows) {
    const rr = key === 'floor' ? 1 : ratio(key);
    lines.push(
      `| ${name} | ${v(`${key}.n`) ?? '—'} | ${fmt(v(`${key}.p50`))} | ${fmt(v(`${key}.p95`))} | ${fmt(v(`${key}.p99`))} | ${rr === null ? '—' : `${rr.toFixed(1)}×`} | ${target} | ${pass === null ? '—' : pass ? 'pass' : 'MISS'} |`,
    );
  }
  lines.push('');
  lines.push(
    `Shift close: \`shift.close\` itself (once, with both PIN checks) ${v('shiftClose.close') ?? '—'} ms; ` +
      `the day preview of that day ${v('shiftClose.dayPreview.p50') ?? '—'} ms (p50 of 10).`,
  );
  lines.push('');
  lines.push(
    `Renderer bundle: ${v('renderer.jsGzip')} KiB JS + ${v('renderer.cssGzip')} KiB CSS gzipped (${v('renderer.js')} KiB JS raw). ` +
      `quick_check alone (added to the opening after an unclean shutdown, and run on every backup copy): ${v('open.quickCheckOnly')} ms. ` +
      `The hourly backup (online backup + quick_check + attachments): ${v('backup.online')} ms, event loop held at most ${v('backup.onlineStall')} ms; ` +
      `its verified copy to a second folder: ${v('backup.secondCopy')} ms (held at most ${v('backup.secondCopyStall')} ms).`,
  );
  lines.push('');
  lines.push(
    'Core operations are timed around `Core.call` (validation, session, role, one transaction with its audit entry, ' +
      'WAL with synchronous=FULL). Opening is timed over 5 repetitions after one warm-up (the OS file cache is warm). ' +
      'The month report stops after 60 s of repetitions; the shift book is timed over 50 repetitions (a 200 ms-class operation). Scan to paint is read from the renderer’s performance marks ' +
      '(`fd:scan:submit` → `fd:scan:painted`, the latter after the result’s frame).',
  );
  if (NET) lines.push('', networkNote(v));
  if (results['web.failures']) lines.push('', `Browser failures: ${results['web.failures'].value}`);
  fs.writeFileSync(path.join(dir, 'latest.md'), `${lines.join('\n')}\n`);
  log(`\nwrote bench/results/latest.json and latest.md\n`);
  log(lines.join('\n'));
}

/** The network's results alone (`--only network`, and after a full run). */
function writeNetworkResults(): void {
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const json = Object.fromEntries(Object.entries(results).filter(([k]) => /^(net|run)\./.test(k)));
  fs.writeFileSync(path.join(dir, 'network-latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(2));
  const lines = [
    '# Benchmark — club network, latest run',
    '',
    `${results['run.date']?.value ?? ''} · ${results['run.machine']?.value ?? ''} · load average ${results['run.load']?.value ?? '—'} · host and stations on 127.0.0.1`,
    '',
    '| Operation | n | p50 ms | p95 ms | p99 ms | Target | Result |',
    '|---|---:|---:|---:|---:|---|---|',
    ...networkRows(v).map(
      ([name, key, target, pass]) =>
        `| ${name} | ${v(`${key}.n`) ?? '—'} | ${fmt(v(`${key}.p50`))} | ${fmt(v(`${key}.p95`))} | ${fmt(v(`${key}.p99`))} | ${target} | ${pass === null ? '—' : pass ? 'pass' : 'MISS'} |`,
    ),
    '',
    networkNote(v),
    '',
    'A host process (the core and the club network listener, `--expose-gc`) and the stations ' +
      '(electron/server/station.ts: pinned TLS, kept-alive connections, the WebSocket live link) in the ' +
      'benchmark process. The sale is timed around `Station.call` (HTTPS request → answer), one every 25 ms. ' +
      '“Seen” runs from the selling station sending the sale to the other station receiving its change. ' +
      'The load runs each station on a fixed schedule (not waiting for answers); its latency row is every operation of the load.',
  ];
  fs.writeFileSync(path.join(dir, 'network-latest.md'), `${lines.join('\n')}\n`);
  log(`\nwrote bench/results/network-latest.json and network-latest.md\n`);
  log(lines.join('\n'));
}

const hostAt = ARGV.indexOf('--net-host');
(hostAt >= 0 ? runNetHost(ARGV[hostAt + 1]!) : NET_ONLY ? networkOnly() : main()).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
