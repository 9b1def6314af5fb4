/**
 * The kernel's guarantees (electron/core/kernel/): a query runs on the read-only handle and cannot
 * write, not even an audit row; every operation that writes is declared a command; who may call what
 * is derived from the declarations; the statement cache is per connection and bounded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkinContract } from '../../electron/core/areas/checkin/contract';
import { contract, ROLES, type OpName, type Role } from '../../electron/core/contract';
import { openReadOnly, type DB } from '../../electron/core/db/database';
import type { Ctx } from '../../electron/core/kernel/ctx';
import { createDispatcher, type DispatchHost, QueryWroteError } from '../../electron/core/kernel/dispatch';
import { admits, isManual, type OpDef } from '../../electron/core/kernel/op';
import { LoginGuard } from '../../electron/core/kernel/clients';
import { Sessions, AttemptWindow } from '../../electron/core/kernel/sessions';
import { cachedStatementCount, STATEMENT_CACHE_SIZE, stmt } from '../../electron/core/kernel/statements';
import { allowedOps, isAllowed, PERMISSIONS } from '../../electron/core/permissions';
import { settingsOf } from '../../electron/core/areas/settings';
import { EXAMPLES } from './examples';
import { fingerprint } from './fingerprint';
import { makeClub, type TestClub } from './helpers';

const OPS = Object.keys(contract) as OpName[];
const QUERIES = OPS.filter((op) => contract[op].kind === 'query');

const clubs: TestClub[] = [];
async function club(): Promise<TestClub> {
  const c = await makeClub();
  clubs.push(c);
  return c;
}
afterEach(() => {
  for (const c of clubs.splice(0)) {
    c.core.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});

const count = (db: DB, table: string) =>
  stmt<[], { n: number }>(db, `SELECT count(*) AS n FROM ${table}`).get()!.n;

describe('declared kinds', () => {
  it('every operation declares its kind and who may call it; only commands manage their transaction', () => {
    for (const op of OPS) {
      const d = contract[op];
      expect(['query', 'command'], op).toContain(d.kind);
      if (typeof d.access !== 'string') {
        expect(d.access.length, op).toBeGreaterThan(0);
        for (const r of d.access) expect(ROLES, op).toContain(r);
      } else expect(['public', 'staff'], op).toContain(d.access);
      if (isManual(d)) expect(d.kind, op).toBe('command');
    }
  });

  it('operations that record who looked are commands (kind is declared, not read from the name)', () => {
    for (const op of [
      'members.exportCsv',
      'incidents.get',
      'incidents.report',
      'incidents.attachment',
      'incidents.exportCsv',
      'bar.reportCsv',
      'shift.reportCsv',
    ] as const) {
      expect(contract[op].kind, op).toBe('command');
      // they change nothing another window shows: no change event (a screen reloading on changes
      // would otherwise reload itself forever)
      expect(contract[op], op).toMatchObject({ announce: false });
    }
    expect(contract['checkin.today'].kind).toBe('query');
    expect(contract['visitors.tick'].kind).toBe('command');
  });

  it('the permissions table is the declared access of every operation', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...OPS].sort());
    for (const op of OPS) {
      expect(PERMISSIONS[op], op).toBe(contract[op].access);
      for (const role of [null, ...ROLES] as (Role | null)[])
        expect(isAllowed(op, role), `${op} ${role}`).toBe(admits(contract[op].access, role));
    }
    for (const role of ROLES)
      expect(allowedOps(role).sort()).toEqual(OPS.filter((op) => admits(contract[op].access, role)).sort());
    // an area's entries are the contract's, unchanged
    for (const [op, d] of Object.entries(checkinContract)) expect(contract[op as OpName]).toBe(d);
  });
});

describe('a query cannot write', () => {
  it('the read-only handle refuses every write with SQLITE_READONLY', async () => {
    const c = await club();
    const ro = openReadOnly(path.join(c.dataDir, 'frontdesk.sqlite3'));
    try {
      expect(() =>
        ro.prepare("INSERT INTO audit_log (at, op) VALUES ('2026-11-18T02:00:00.000Z', 'x')").run(),
      ).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
      expect(() => ro.prepare("UPDATE key_tags SET status = 'lost'").run()).toThrow(
        expect.objectContaining({ code: 'SQLITE_READONLY' }),
      );
      // it reads what the writer committed
      await c.call(c.managerSession, 'checkin.guest', {
        kind: 'trial',
        name: 'Guest',
        phone: null,
        gender: 'female',
        withTag: true,
      });
      expect(count(ro, 'visits')).toBe(1);
    } finally {
      ro.close();
    }
  });

  /** A dispatcher on the club's own database for these declarations and handler doubles. */
  function dispatcherOn(
    c: TestClub,
    declared: Record<string, OpDef>,
    handlers: Record<string, (ctx: Ctx, args: unknown) => unknown>,
  ) {
    const writer = c.core.database;
    const reader = openReadOnly(path.join(c.dataDir, 'frontdesk.sqlite3'));
    const sessions = new Sessions();
    const announced: string[] = [];
    const host: DispatchHost = {
      clock: c.clock,
      dataDir: c.dataDir,
      sessions,
      loginGuard: new LoginGuard(),
      files: {
        dataDir: c.dataDir,
        dbFile: path.join(c.dataDir, 'frontdesk.sqlite3'),
        writer: () => writer,
        close: () => undefined,
        reopen: async () => undefined,
        restoreTries: new AttemptWindow(5, 60_000),
        backups: c.core.backups,
      },
      state: () => 'ready',
      problem: () => null,
      writer: () => writer,
      reader: () => reader,
      settings: () => settingsOf(writer),
      activeStaff: (_db, id) => ({ id, name: 'Manager Wang', role: 'store_manager' }),
      announce: (op) => announced.push(op),
    };
    sessions.start('s', c.managerId, c.clock.now().getTime());
    const all = Object.fromEntries(Object.keys(declared).map((op) => [op, handlers[op] ?? (() => null)]));
    return { dispatch: createDispatcher(declared, all, host), reader, writer, announced };
  }

  const writesAudit = (ctx: Ctx) => {
    ctx.audit({ op: 'checkin.today', detail: 'a query that records who looked' });
    return 'done';
  };
  const writesRow = (ctx: Ctx) => {
    stmt(ctx.db, "UPDATE key_tags SET status = 'lost' WHERE number = 1").run();
    return 'done';
  };

  it('a real area query whose handler writes an audit row or a row fails loudly and writes nothing', async () => {
    const c = await club();
    const d = dispatcherOn(c, checkinContract, { 'checkin.today': writesAudit, 'checkin.recent': writesRow });
    try {
      const before = fingerprint(d.writer);
      await expect(d.dispatch('s', 'checkin.today', {})).rejects.toThrow(QueryWroteError);
      await expect(d.dispatch('s', 'checkin.recent', {})).rejects.toThrow(QueryWroteError);
      expect(fingerprint(d.writer)).toBe(before);
      expect(d.announced).toEqual([]);
    } finally {
      d.reader.close();
    }
  });

  it('the same handlers declared commands do write (the doubles really write)', async () => {
    const c = await club();
    const asCommands = {
      'checkin.today': { ...checkinContract['checkin.today'], kind: 'command' },
      'checkin.recent': { ...checkinContract['checkin.recent'], kind: 'command' },
    } as const;
    const d = dispatcherOn(c, asCommands, { 'checkin.today': writesAudit, 'checkin.recent': writesRow });
    try {
      const audits = count(d.writer, 'audit_log');
      await expect(d.dispatch('s', 'checkin.today', {})).resolves.toBe('done');
      await expect(d.dispatch('s', 'checkin.recent', {})).resolves.toBe('done');
      expect(count(d.writer, 'audit_log')).toBe(audits + 1);
      expect(count(d.writer, "key_tags WHERE status = 'lost'")).toBe(1);
      expect(d.announced).toEqual(['checkin.today', 'checkin.recent']);
    } finally {
      d.reader.close();
    }
  });

  it('a query reads on the read-only handle, a command writes on the writer and announces', async () => {
    const c = await club();
    const seen: { op: string; readonly: boolean }[] = [];
    const spy = (op: string) => (ctx: Ctx) => {
      seen.push({ op, readonly: ctx.db.readonly });
      return op;
    };
    const d = dispatcherOn(c, checkinContract, {
      'checkin.inside': spy('checkin.inside'),
      'checkin.guest': spy('checkin.guest'),
    });
    try {
      await d.dispatch('s', 'checkin.inside', {});
      await d.dispatch('s', 'checkin.guest', {
        kind: 'coach',
        name: 'Coach',
        phone: null,
        gender: 'male',
        withTag: false,
      });
      expect(seen).toEqual([
        { op: 'checkin.inside', readonly: true },
        { op: 'checkin.guest', readonly: false },
      ]);
      expect(d.announced).toEqual(['checkin.guest']);
    } finally {
      d.reader.close();
    }
  });
});

describe('every operation that writes is a command', () => {
  it('no query, called by any role with the examples, grows the audit log or the stored results, or changes anything', async () => {
    const c = await club();
    const sessions: { role: Role | null; session: string }[] = [{ role: null, session: 'nobody' }];
    for (const role of ROLES) sessions.push({ role, ...(await c.loginAs(role, `Q ${role}`)) });
    // records the examples name (id 1) exist, so an audited read would really find something to audit
    await c.call(c.managerSession, 'incidents.open', { place: 'Gym floor', what: 'Slipped' });
    await c.call(c.managerSession, 'complaints.create', {
      complainantName: 'Li',
      channel: 'in_person',
      what: 'Too loud',
      department: 'front_desk',
    });
    const db = c.core.database;
    const before = { audit: count(db, 'audit_log'), results: count(db, 'op_results'), all: fingerprint(db) };
    const events: string[] = [];
    const off = c.core.onChange((e) => events.push(e.op));
    try {
      const internal: string[] = [];
      for (const { role, session } of sessions)
        for (const op of QUERIES) {
          const r = await c.raw(session, op, EXAMPLES[op]);
          if (!r.ok && r.error.code === 'INTERNAL') internal.push(`${op} as ${role ?? 'no login'}`);
        }
      expect(internal).toEqual([]);
      expect(count(db, 'audit_log')).toBe(before.audit);
      expect(count(db, 'op_results')).toBe(before.results);
      expect(fingerprint(db)).toBe(before.all);
      expect(events).toEqual([]);
    } finally {
      off();
    }
  });

  it('the audited reads write their audit row, and announce nothing', async () => {
    const c = await club();
    const events: string[] = [];
    const off = c.core.onChange((e) => events.push(e.op));
    const db = c.core.database;
    try {
      const inc = await c.call(c.managerSession, 'incidents.open', { place: 'Gym floor', what: 'Slipped' });
      events.length = 0;
      const audits = count(db, 'audit_log');
      await c.call(c.managerSession, 'incidents.get', { id: inc.id });
      await c.call(c.managerSession, 'members.exportCsv', {});
      await c.call(c.managerSession, 'incidents.exportCsv', {});
      expect(count(db, 'audit_log')).toBe(audits + 3);
      expect(events).toEqual([]);
    } finally {
      off();
    }
  });
});

describe('the statement cache', () => {
  it('keeps one compiled statement per SQL text and connection', async () => {
    const c = await club();
    const writer = c.core.database;
    const ro = openReadOnly(path.join(c.dataDir, 'frontdesk.sqlite3'));
    try {
      const sql = 'SELECT count(*) AS n FROM key_tags WHERE status = ?';
      const a = stmt<[string], { n: number }>(writer, sql);
      expect(stmt(writer, sql)).toBe(a);
      const b = stmt<[string], { n: number }>(ro, sql);
      expect(b).not.toBe(a);
      expect(stmt(ro, sql)).toBe(b);
      expect(b.database).toBe(ro);
      expect(b.get('available')!.n).toBe(20);
    } finally {
      ro.close();
    }
  });

  it('is bounded: the least recently used statement goes first', async () => {
    const c = await club();
    const ro = openReadOnly(path.join(c.dataDir, 'frontdesk.sqlite3'));
    try {
      const first = stmt(ro, 'SELECT 0 AS n');
      const second = stmt(ro, 'SELECT 1 AS n');
      for (let i = 2; i < STATEMENT_CACHE_SIZE; i++) stmt(ro, `SELECT ${i} AS n`);
      expect(cachedStatementCount(ro)).toBe(STATEMENT_CACHE_SIZE);
      expect(stmt(ro, 'SELECT 0 AS n')).toBe(first); // used again: now the most recent
      stmt(ro, `SELECT ${STATEMENT_CACHE_SIZE} AS n`); // one more pushes the least recent out
      expect(cachedStatementCount(ro)).toBe(STATEMENT_CACHE_SIZE);
      expect(stmt(ro, 'SELECT 0 AS n')).toBe(first);
      expect(stmt(ro, 'SELECT 1 AS n')).not.toBe(second);
    } finally {
      ro.close();
    }
  });
});
