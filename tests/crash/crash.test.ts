/**
 * Crash safety (issue 7). A child process (worker.ts, bundled here with esbuild so it runs as plain
 * Node on a fresh clone, before any `npm run build`) checks members in, sells bar slips, settles tabs
 * (stored value + cash) and checks out in a loop, acknowledging each operation in a file only after
 * its commit returned. We kill it with SIGKILL at random moments — CRASH_KILLS times (8 inside the
 * normal `vitest run`, 50 in `npm run test:crash`) — and after every kill reopen the data and check:
 * integrity_check ok; every acknowledged operation present; tags and open visits agree; stored-value
 * balances equal their ledgers; stock equals its movements; no slip without its visit.
 *
 * Also: a read-only database and a full disk give a clear structured error and corrupt nothing, and
 * a restore from a backup brings everything back after the database file was damaged.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import type { Response } from '../../electron/core/contract';
import { DB_FILE, type DB } from '../../electron/core/db/database';
import { localDate } from '../../electron/shared/dates';
import { tempDir } from '../unit/helpers';
import type { Ack, CrashConfig } from './worker';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKER = path.join(ROOT, 'build', 'test', 'crash-worker.cjs');
const KILLS = Number(process.env.CRASH_KILLS ?? 8);
const MANAGER_PIN = '9999';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function must<T>(p: Promise<Response<unknown>>, what = 'call'): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** A club for the worker: a manager, a receptionist, a barman, 30 members (half with stored value), 3 items. */
async function makeCrashClub(dataDir: string): Promise<CrashConfig> {
  const core = await Core.open({ dataDir, dailyBackup: false });
  try {
    await must(
      core.call('setup', 'system.setup', {
        clubName: 'Crash Club',
        timeZone: 'Asia/Shanghai',
        language: 'en',
        staffArriveTime: '09:50',
        openTime: '11:00',
        closeTime: '22:00',
        tagCount: 16,
        manager: { name: 'Manager Wang', pin: MANAGER_PIN, gender: 'female' },
      }),
    );
    const managerId = (await must<{ id: number }[]>(core.call('x', 'session.staffList', {})))[0]!.id;
    await must(core.call('mgr', 'session.login', { staffId: managerId, pin: MANAGER_PIN }));
    const desk = await must<{ id: number }>(
      core.call('mgr', 'staff.create', { name: 'Desk Li', role: 'reception', pin: '2222', gender: 'female' }),
    );
    const bar = await must<{ id: number }>(
      core.call('mgr', 'staff.create', { name: 'Bar Zhao', role: 'bar', pin: '3333', gender: 'male' }),
    );
    // Cash is taken only in an open shift: the desk's shift stays open through every kill.
    await must(
      core.call('mgr', 'shift.open', {
        staffIds: [desk.id],
        floatCents: 50_000,
        acknowledged: false,
        checked: [],
      }),
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
    const start = localDate(new Date(Date.now() - 10 * 86_400_000), 'Asia/Shanghai');
    const members: CrashConfig['members'] = [];
    for (let i = 1; i <= 30; i++) {
      const m = await must<{ id: number; cardNo: string }>(
        core.call('mgr', 'members.create', {
          cardNo: `K${String(1000 + i)}`,
          name: i % 2 ? `张${'伟芳娜敏静'[i % 5]}${i}` : `Member ${i}`,
          gender: i % 2 ? 'female' : 'male',
          phone: `1380000${String(i).padStart(4, '0')}`,
          birthDate: null,
          cardTypeId: type.id,
          startDate: start,
          expiryDate: null,
          visitsLeft: null,
          consultantId: null,
          notes: '',
        }),
      );
      members.push({ id: m.id, cardNo: m.cardNo });
      if (i % 2 === 0)
        await must(
          core.call('mgr', 'storedValue.topup', { memberId: m.id, amountCents: 3000, method: 'cash' }),
        );
    }
    const items: number[] = [];
    for (const [name, price] of [
      ['Cola', 800],
      ['Latte', 2000],
      ['Protein Shake', 2500],
    ] as const) {
      const it = await must<{ id: number }>(
        core.call('mgr', 'bar.itemCreate', { name, category: 'Drinks', priceCents: price, notes: '' }),
      );
      for (let i = 0; i < 5; i++)
        await must(core.call('mgr', 'bar.receive', { itemId: it.id, quantity: 999 }));
      items.push(it.id);
    }
    const cfg: CrashConfig = {
      desk: { id: desk.id, pin: '2222' },
      bar: { id: bar.id, pin: '3333' },
      members,
      items,
    };
    fs.writeFileSync(path.join(dataDir, 'crash-config.json'), JSON.stringify(cfg));
    return cfg;
  } finally {
    core.close();
  }
}

function readAcks(file: string): Ack[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  // A kill can only cut the line being written after its commit; complete lines are acknowledged.
  return text
    .split('\n')
    .filter((l) => l.endsWith('}'))
    .map((l) => JSON.parse(l) as Ack);
}

const one = <T>(db: DB, sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
const all = <T>(db: DB, sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];

/** Every invariant of the data after a crash; returns the problems found (empty = sound). */
function checkInvariants(db: DB, acks: readonly Ack[]): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);

  // Every acknowledged operation is present, with its effect.
  const opStmt = db.prepare('SELECT op FROM op_results WHERE op_id = ?');
  for (const a of acks) {
    const row = opStmt.get(a.opId) as { op: string } | undefined;
    if (!row || row.op !== a.op) {
      problems.push(`acknowledged ${a.op} ${a.opId} is missing`);
      continue;
    }
    if (a.op === 'checkin.scan' && !one(db, 'SELECT 1 FROM visits WHERE id = ?', a.visitId))
      problems.push(`acknowledged visit ${a.visitId} is missing`);
    if (a.op === 'bar.sell' && !one(db, 'SELECT 1 FROM bar_slips WHERE visit_id = ?', a.visitId))
      problems.push(`acknowledged slip on visit ${a.visitId} is missing`);
    if (
      a.op === 'checkin.checkout' &&
      !one(db, 'SELECT 1 FROM visits WHERE id = ? AND checked_out_at IS NOT NULL', a.visitId)
    )
      problems.push(`acknowledged check-out of visit ${a.visitId} is missing`);
    if (a.settlementId && !one(db, 'SELECT 1 FROM settlements WHERE id = ?', a.settlementId))
      problems.push(`acknowledged settlement ${a.settlementId} is missing`);
  }
  const sellsPerVisit = new Map<number, number>();
  for (const a of acks)
    if (a.op === 'bar.sell') sellsPerVisit.set(a.visitId!, (sellsPerVisit.get(a.visitId!) ?? 0) + 1);
  for (const [visitId, n] of sellsPerVisit) {
    const c = one<{ n: number }>(db, 'SELECT count(*) AS n FROM bar_slips WHERE visit_id = ?', visitId).n;
    if (c < n) problems.push(`visit ${visitId}: ${n} acknowledged slips, ${c} present`);
  }

  // Tags: every issued tag has exactly one open visit; every open visit with a tag holds an issued tag.
  for (const t of all<{ number: number; n: number }>(
    db,
    `SELECT t.number, (SELECT count(*) FROM visits v WHERE v.tag_id = t.id AND v.checked_out_at IS NULL) AS n
     FROM key_tags t WHERE t.status = 'issued'`,
  ))
    if (t.n !== 1) problems.push(`issued tag ${t.number} has ${t.n} open visits`);
  for (const v of all<{ id: number; status: string }>(
    db,
    `SELECT v.id, t.status FROM visits v JOIN key_tags t ON t.id = v.tag_id WHERE v.checked_out_at IS NULL`,
  ))
    if (v.status !== 'issued') problems.push(`open visit ${v.id} holds a tag that is ${v.status}`);

  // Stored value: each balance equals its ledger; the ledger's running balance is consistent.
  for (const m of all<{ id: number; balance: number; ledger: number }>(
    db,
    `SELECT m.id, m.stored_value_cents AS balance, coalesce((SELECT sum(amount_cents) FROM stored_value_ledger l WHERE l.member_id = m.id), 0) AS ledger
     FROM members m`,
  ))
    if (m.balance !== m.ledger) problems.push(`member ${m.id}: balance ${m.balance} ≠ ledger ${m.ledger}`);
  for (const e of all<{ id: number }>(
    db,
    `SELECT l.id FROM stored_value_ledger l
     WHERE l.balance_after_cents <> (SELECT sum(amount_cents) FROM stored_value_ledger x WHERE x.member_id = l.member_id AND x.id <= l.id)`,
  ))
    problems.push(`ledger entry ${e.id}: balance_after does not follow`);

  // Stock equals its movements: each line has its sale movement, and stock = deliveries − sold.
  for (const l of all<{ id: number; moved: number | null; quantity: number }>(
    db,
    `SELECT l.id, l.quantity, (SELECT sum(quantity) FROM stock_moves m WHERE m.line_id = l.id AND m.kind = 'sale') AS moved
     FROM bar_slip_lines l`,
  ))
    if (l.moved !== -l.quantity)
      problems.push(`line ${l.id}: quantity ${l.quantity}, sale movement ${l.moved}`);
  for (const s of all<{ id: number; stock: number; expected: number }>(
    db,
    `SELECT i.id,
            coalesce((SELECT sum(quantity) FROM stock_moves m WHERE m.item_id = i.id), 0) AS stock,
            coalesce((SELECT sum(quantity) FROM stock_moves m WHERE m.item_id = i.id AND m.kind = 'delivery'), 0)
              - coalesce((SELECT sum(quantity) FROM bar_slip_lines l WHERE l.item_id = i.id AND l.voided_at IS NULL), 0) AS expected
     FROM bar_items i`,
  ))
    if (s.stock !== s.expected) problems.push(`item ${s.id}: stock ${s.stock} ≠ movements ${s.expected}`);

  // No slip without its visit, nor without lines; money adds up.
  const orphan = one<{ n: number }>(
    db,
    'SELECT count(*) AS n FROM bar_slips s LEFT JOIN visits v ON v.id = s.visit_id WHERE v.id IS NULL',
  ).n;
  if (orphan) problems.push(`${orphan} slips without their visit`);
  const empty = one<{ n: number }>(
    db,
    'SELECT count(*) AS n FROM bar_slips s WHERE NOT EXISTS (SELECT 1 FROM bar_slip_lines l WHERE l.slip_id = s.id)',
  ).n;
  if (empty) problems.push(`${empty} slips without lines`);
  for (const s of all<{ id: number; total: number; paid: number | null; lines: number | null; kind: string }>(
    db,
    `SELECT s.id, s.kind, s.total_cents AS total, (SELECT sum(amount_cents) FROM payments p WHERE p.settlement_id = s.id) AS paid,
            (SELECT sum(amount_cents) FROM bar_slip_lines l WHERE l.settlement_id = s.id) AS lines
     FROM settlements s`,
  )) {
    if (s.paid !== s.total) problems.push(`settlement ${s.id}: payments ${s.paid} ≠ total ${s.total}`);
    if (s.kind === 'checkout' && s.lines !== s.total)
      problems.push(`settlement ${s.id}: lines ${s.lines} ≠ total ${s.total}`);
  }
  const unsettled = one<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id JOIN visits v ON v.id = s.visit_id
     WHERE v.checked_out_at IS NOT NULL AND l.settlement_id IS NULL AND l.voided_at IS NULL AND v.unpaid_allowed_by IS NULL`,
  ).n;
  if (unsettled) problems.push(`${unsettled} lines of checked-out visits neither paid nor allowed unpaid`);
  return problems;
}

/** Starts the worker; resolves when it is killed (after `delayMs` from its "ready", or from spawn). */
function runAndKill(
  dataDir: string,
  ackFile: string,
  seed: number,
  delayMs: number,
  fromSpawn: boolean,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string; ready: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER, dataDir, ackFile, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let ready = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (fromSpawn) arm();
    const safety = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('ready')) {
        ready = true;
        arm();
      }
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(safety);
      resolve({ code, signal, stderr, ready });
    });
  });
}

describe('crash safety', () => {
  let dataDir: string;
  let ackFile: string;

  beforeAll(async () => {
    // The worker runs as plain Node: bundle it (better-sqlite3 stays a native module from node_modules).
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'tests/crash/worker.ts')],
      outfile: WORKER,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['better-sqlite3', 'electron'],
      logLevel: 'warning',
    });
    dataDir = tempDir('crash');
    ackFile = path.join(dataDir, 'acks.jsonl');
    await makeCrashClub(dataDir);
  }, 120_000);

  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`survives ${KILLS} SIGKILLs at random moments with every acknowledged operation and every invariant intact`, async () => {
    const r = rng(Number(process.env.CRASH_SEED ?? Date.now() % 100_000));
    let killedMidLoop = 0;
    for (let k = 0; k < KILLS; k++) {
      // Mostly mid-loop (after "ready"); one kill in six lands while the core is opening.
      const fromSpawn = r() < 1 / 6;
      const delay = fromSpawn ? Math.floor(r() * 250) : 5 + Math.floor(r() * 400);
      const res = await runAndKill(dataDir, ackFile, 1 + k, delay, fromSpawn);
      expect(res.signal, `worker ended by itself: code ${res.code} ${res.stderr}`).toBe('SIGKILL');
      if (res.ready) killedMidLoop++;

      const acks = readAcks(ackFile);
      const core = await Core.open({ dataDir, dailyBackup: false });
      try {
        expect(core.state, `after kill ${k + 1}`).toBe('ready');
        const problems = checkInvariants(core.database, acks);
        expect(problems, `after kill ${k + 1} (${acks.length} acknowledged)`).toEqual([]);
      } finally {
        core.close();
      }
    }
    const acks = readAcks(ackFile);
    const byOp = acks.reduce<Record<string, number>>((m, a) => ({ ...m, [a.op]: (m[a.op] ?? 0) + 1 }), {});
    console.log(`crash: ${KILLS} kills (${killedMidLoop} mid-loop), acknowledged ${JSON.stringify(byOp)}`);
    expect(killedMidLoop).toBeGreaterThan(KILLS / 2);
    expect(acks.filter((a) => a.op === 'checkin.scan').length).toBeGreaterThan(0);
    expect(acks.filter((a) => a.op === 'checkin.checkout').length).toBeGreaterThan(0);
    expect(acks.filter((a) => a.op === 'bar.sell').length).toBeGreaterThan(0);
  }, 600_000);

  /** A fingerprint of everything that matters (not the audit log, which records the backup itself). */
  function fingerprint(db: DB): Record<string, unknown> {
    const q = (sql: string) => db.prepare(sql).all();
    return {
      visits: q('SELECT id, member_id, tag_id, checked_in_at, checked_out_at FROM visits ORDER BY id'),
      tags: q('SELECT number, status FROM key_tags ORDER BY number'),
      slips: q('SELECT count(*) AS n, coalesce(sum(amount_cents), 0) AS c FROM bar_slip_lines'),
      money: q(
        'SELECT kind, count(*) AS n, sum(total_cents) AS c FROM settlements GROUP BY kind ORDER BY kind',
      ),
      balances: q('SELECT id, stored_value_cents FROM members ORDER BY id'),
      stock: q('SELECT item_id, sum(quantity) AS q FROM stock_moves GROUP BY item_id ORDER BY item_id'),
    };
  }

  it('a full disk gives DISK_FULL, a read-only database DATABASE_READONLY, and neither corrupts anything', async () => {
    const core = await Core.open({ dataDir, dailyBackup: false });
    const cfg = JSON.parse(fs.readFileSync(path.join(dataDir, 'crash-config.json'), 'utf8')) as CrashConfig;
    try {
      await must(core.call('desk', 'session.login', { staffId: cfg.desk.id, pin: cfg.desk.pin }));
      await must(core.call('bar', 'session.login', { staffId: cfg.bar.id, pin: cfg.bar.pin }));
      const db = core.database;
      const inside = await must<{ visitId: number; memberId: number }[]>(
        core.call('desk', 'checkin.inside', {}),
      );
      const busy = new Set(inside.map((v) => v.memberId));
      const outside = cfg.members.filter((m) => !busy.has(m.id));

      // Full disk: the database may not grow by a single page.
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      const before = fingerprint(db);
      let full: Response<unknown> | null = null;
      const visitId = inside[0]?.visitId;
      for (let i = 0; i < 400 && !full; i++) {
        const r =
          visitId !== undefined
            ? await core.call('bar', 'bar.sell', { visitId, items: [{ itemId: cfg.items[0]!, quantity: 1 }] })
            : await core.call('desk', 'checkin.scan', { ref: { cardNo: outside[0]!.cardNo } });
        if (!r.ok) full = r;
      }
      expect(full, 'the database never filled up').not.toBeNull();
      expect(full!.ok ? null : full!.error.code).toBe('DISK_FULL');
      // The failed sale left nothing behind (the ones before it are whole).
      const after = fingerprint(db);
      expect(after.visits).toEqual(before.visits);
      expect(after.tags).toEqual(before.tags);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(checkInvariants(db, readAcks(ackFile))).toEqual([]);
      // A check-in on a full disk: refused as a whole, the tag stays free.
      const scan = await core.call('desk', 'checkin.scan', { ref: { cardNo: outside[1]!.cardNo } });
      if (!scan.ok) {
        expect(scan.error.code).toBe('DISK_FULL');
        expect(fingerprint(db).visits).toEqual(before.visits);
      }
      db.pragma('max_page_count = 1073741823');
      const again = await core.call('desk', 'checkin.scan', { ref: { cardNo: outside[2]!.cardNo } });
      expect(again.ok).toBe(true);

      // Read-only: every write is refused by SQLite. chmod cannot show it when the tests run as root
      // (root writes anyway), so the connection is switched to query_only, which fails writes with the
      // same SQLITE_READONLY a read-only file or folder gives; without root, chmod is tested below.
      const snapshot = fingerprint(db);
      db.pragma('query_only = 1');
      const ro = await core.call('desk', 'checkin.scan', { ref: { cardNo: outside[3]!.cardNo } });
      expect(ro.ok ? null : ro.error.code).toBe('DATABASE_READONLY');
      const read = await core.call('desk', 'members.search', { q: outside[3]!.cardNo });
      expect(read.ok).toBe(true);
      db.pragma('query_only = 0');
      expect(fingerprint(db)).toEqual(snapshot);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      core.close();
    }

    // A data folder and file that really are read-only (only meaningful when not root).
    const probe = path.join(dataDir, 'probe');
    fs.writeFileSync(probe, 'x');
    fs.chmodSync(probe, 0o444);
    let chmodWorks = false;
    try {
      fs.openSync(probe, 'r+');
    } catch {
      chmodWorks = true;
    }
    fs.chmodSync(probe, 0o644);
    fs.rmSync(probe);
    if (chmodWorks) {
      const file = path.join(dataDir, DB_FILE);
      const copy = fs.readFileSync(file);
      fs.chmodSync(file, 0o444);
      fs.chmodSync(dataDir, 0o555);
      try {
        const c = await Core.open({ dataDir, dailyBackup: false });
        try {
          if (c.state === 'broken') {
            const st = await must<{ problem: string | null }>(c.call('x', 'system.status', {}));
            expect(st.problem).toBe('DATABASE_READONLY');
          } else {
            const login = await c.call('mgr', 'session.login', { staffId: 1, pin: MANAGER_PIN });
            if (login.ok) {
              const w = await c.call('mgr', 'storedValue.topup', {
                memberId: cfg.members[0]!.id,
                amountCents: 100,
                method: 'cash',
              });
              expect(w.ok ? null : w.error.code).toBe('DATABASE_READONLY');
            } else expect(login.error.code).toBe('DATABASE_READONLY');
          }
        } finally {
          c.close();
        }
      } finally {
        fs.chmodSync(dataDir, 0o755);
        fs.chmodSync(file, 0o644);
      }
      expect(fs.readFileSync(file).equals(copy)).toBe(true);
    }
  }, 120_000);

  it('a restore from a backup brings everything back after the database file was damaged', async () => {
    const cfg = JSON.parse(fs.readFileSync(path.join(dataDir, 'crash-config.json'), 'utf8')) as CrashConfig;
    let core = await Core.open({ dataDir, dailyBackup: false });
    await must(core.call('mgr', 'session.login', { staffId: 1, pin: MANAGER_PIN }));
    const backup = await must<{ file: string }>(core.call('mgr', 'backups.create', {}));
    const saved = fingerprint(core.database);
    // Work after the backup (lost by the restore, as expected), then the file is damaged.
    await must(core.call('desk', 'session.login', { staffId: cfg.desk.id, pin: cfg.desk.pin }));
    await core.call('desk', 'storedValue.topup', {
      memberId: cfg.members[1]!.id,
      amountCents: 700,
      method: 'cash',
    });
    core.close();
    const file = path.join(dataDir, DB_FILE);
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(Math.floor(size / 2), 0x5a), 0, Math.floor(size / 2), 4096);
    fs.closeSync(fd);

    core = await Core.open({ dataDir, dailyBackup: false });
    try {
      expect(core.state).toBe('broken');
      const refused = await core.call('desk', 'checkin.inside', {});
      expect(refused.ok ? null : refused.error.code).toBe('DATABASE_BROKEN');
      const list = await must<{ file: string }[]>(core.call('x', 'backups.list', {}));
      expect(list.map((b) => b.file)).toContain(backup.file);
      await must(
        core.call('x', 'backups.restore', { file: backup.file, authorization: { pin: MANAGER_PIN } }),
      );
      expect(core.state).toBe('ready');
      expect(fingerprint(core.database)).toEqual(saved);
      expect(core.database.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(checkInvariants(core.database, [])).toEqual([]);
      // The damaged file is kept beside it, never deleted.
      expect(fs.readdirSync(dataDir).some((f) => f.startsWith(`${DB_FILE}.damaged-`))).toBe(true);
    } finally {
      core.close();
    }
  }, 120_000);
});
