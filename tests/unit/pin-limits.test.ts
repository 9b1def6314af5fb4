/**
 * Wrong PINs counted per client (issue 13): guessing from one place locks that place, not the
 * person; the store manager still logs in from the desk's window or another computer; only several
 * places together lock the person, and a manager unlocks at once (audited). Changing one's own PIN
 * is limited and audited the same way. Core calls with explicit clients, and the loopback server.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientId } from '../../electron/core/kernel/limits';
import {
  PERSON_TRIES,
  SOURCE_STAFF_TRIES,
  SOURCE_TRIES,
  TRY_WINDOW_MINUTES,
} from '../../electron/core/kernel/clients';
import { startServer } from '../../electron/server/server';
import { type CallError, expectError, makeClub, MANAGER_PIN, type TestClub, tempDir } from './helpers';

const clubs: TestClub[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of clubs.splice(0)) {
    c.core.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function club(): Promise<TestClub> {
  const c = await makeClub();
  clubs.push(c);
  return c;
}

/** A login from a given client; the error code, or 'ok'. */
async function loginFrom(c: TestClub, client: ClientId, staffId: number, pin: string): Promise<string> {
  const r = await c.core.call(`s-${client.kind}-${client.id}`, 'session.login', { staffId, pin }, client);
  return r.ok ? 'ok' : r.error.code;
}

const attacker: ClientId = { kind: 'loopback', id: 'this-computer' };
const desk: ClientId = { kind: 'ipc', id: 'win-1' };

describe('wrong PINs are counted per client', () => {
  it('a source guessing the manager PIN is blocked; the desk window still logs the manager in', async () => {
    const c = await club();
    const codes: string[] = [];
    for (let i = 0; i < SOURCE_STAFF_TRIES + 2; i++)
      codes.push(await loginFrom(c, attacker, c.managerId, '0000'));
    expect(codes.slice(0, SOURCE_STAFF_TRIES - 1)).toEqual(Array(SOURCE_STAFF_TRIES - 1).fill('PIN_WRONG'));
    expect(codes.slice(SOURCE_STAFF_TRIES - 1)).toEqual(['CLIENT_LOCKED', 'CLIENT_LOCKED', 'CLIENT_LOCKED']);
    // the right PIN from the guessing source is refused too...
    expect(await loginFrom(c, attacker, c.managerId, MANAGER_PIN)).toBe('CLIENT_LOCKED');
    // ...but the desk's window (another client) logs the manager in at once
    expect(await loginFrom(c, desk, c.managerId, MANAGER_PIN)).toBe('ok');
    // the source tries nobody after SOURCE_TRIES wrong PINs in all (other staff ids, unknown ids)
    for (let i = 0; i < SOURCE_TRIES; i++) await loginFrom(c, attacker, 900 + i, '0000');
    const { staffId } = await c.loginAs('reception', 'Li Na', '2468');
    expect(await loginFrom(c, attacker, staffId, '2468')).toBe('CLIENT_LOCKED');
    expect(await loginFrom(c, { kind: 'device', id: 'tablet-1' }, staffId, '2468')).toBe('ok');
    // after the window the source may try again
    c.clock.advance(TRY_WINDOW_MINUTES * 60_000 + 1000);
    expect(await loginFrom(c, attacker, c.managerId, MANAGER_PIN)).toBe('ok');
  });

  it('the message says how long this computer must wait', async () => {
    const c = await club();
    let last: { ok: boolean; error?: { code: string; params: Record<string, unknown> } } = { ok: true };
    for (let i = 0; i < SOURCE_STAFF_TRIES; i++)
      last = await c.core.call('s', 'session.login', { staffId: c.managerId, pin: '0000' }, attacker);
    expect(last.error).toMatchObject({ code: 'CLIENT_LOCKED', params: { minutes: TRY_WINDOW_MINUTES } });
    c.clock.advance(5 * 60_000);
    const again = await c.core.call(
      's',
      'session.login',
      { staffId: c.managerId, pin: MANAGER_PIN },
      attacker,
    );
    expect(again).toMatchObject({ ok: false, error: { params: { minutes: TRY_WINDOW_MINUTES - 5 } } });
  });

  it('only several places together lock the person; a manager unlocks at once, audited', async () => {
    const c = await club();
    const { staffId } = await c.loginAs('reception', 'Li Na', '2468');
    const places = Math.ceil(PERSON_TRIES / (SOURCE_STAFF_TRIES - 0));
    let last = '';
    for (let p = 0; p < places; p++)
      for (let i = 0; i < SOURCE_STAFF_TRIES; i++)
        last = await loginFrom(c, { kind: 'device', id: `d${p}` }, staffId, '0000');
    expect(last).toBe('STAFF_LOCKED');
    // locked as a person: the right PIN from a fresh place is refused
    expect(await loginFrom(c, desk, staffId, '2468')).toBe('STAFF_LOCKED');
    const listed = await c.call('mgr', 'staff.list', {});
    expect(listed.find((s) => s.id === staffId)?.locked).toBe(true);
    expect(listed.find((s) => s.id === c.managerId)?.locked).toBe(false);

    // a receptionist may not unlock; a manager may, at once
    const other = await c.loginAs('reception');
    await expectError(c.call(other.session, 'staff.unlock', { id: staffId }), 'FORBIDDEN');
    const after = await c.call('mgr', 'staff.unlock', { id: staffId });
    expect(after.locked).toBe(false);
    expect(await loginFrom(c, desk, staffId, '2468')).toBe('ok');
    // every place's lock on them is gone too
    expect(await loginFrom(c, { kind: 'device', id: 'd0' }, staffId, '2468')).toBe('ok');
    const audit = await c.call('mgr', 'audit.search', { q: 'staff.unlock' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ staffName: 'Manager Wang', entityId: String(staffId) });
    expect((await c.call('mgr', 'audit.search', { q: 'staff.locked' })).total).toBe(1);
  });

  it('wrong manager PINs typed at a logged-in desk window lock only that window for the manager', async () => {
    const c = await club();
    const clerk = await c.loginAs('reception');
    const tries = SOURCE_STAFF_TRIES;
    for (let i = 0; i < tries; i++)
      await c.core.call(clerk.session, 'session.login', { staffId: c.managerId, pin: '1111' });
    expect(await loginFrom(c, { kind: 'ipc', id: clerk.session }, c.managerId, MANAGER_PIN)).toBe(
      'CLIENT_LOCKED',
    );
    expect(await loginFrom(c, desk, c.managerId, MANAGER_PIN)).toBe('ok');
  });
});

describe('changing one own PIN', () => {
  it('is limited like a login and every wrong current PIN is audited', async () => {
    const c = await club();
    const { session, staffId } = await c.loginAs('bar');
    const codes: string[] = [];
    for (let i = 0; i < SOURCE_STAFF_TRIES + 1; i++) {
      try {
        await c.call(session, 'session.changePin', { currentPin: '0000', newPin: '5555' });
        codes.push('ok');
      } catch (e) {
        codes.push((e as CallError).code);
      }
    }
    expect(codes).toEqual([
      ...Array<string>(SOURCE_STAFF_TRIES - 1).fill('PIN_WRONG'),
      'CLIENT_LOCKED',
      'CLIENT_LOCKED',
    ]);
    // the right current PIN does not get through while this window is locked for them
    await expectError(
      c.call(session, 'session.changePin', { currentPin: '1234', newPin: '5555' }),
      'CLIENT_LOCKED',
    );
    const audit = await c.call('mgr', 'audit.search', { q: 'session.changePin' });
    expect(audit.rows.filter((r) => r.op === 'staff.pinWrong')).toHaveLength(SOURCE_STAFF_TRIES);
    expect(audit.rows.every((r) => r.entityId === String(staffId))).toBe(true);
    // the PIN is unchanged
    expect(await loginFrom(c, desk, staffId, '1234')).toBe('ok');
  });
});

describe('the loopback server as one client', () => {
  it('guessing through the loopback server leaves the manager free at the desk window', async () => {
    const c = await club();
    const dir = tempDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    const server = await startServer({ core: c.core, staticDir: dir, port: 0 });
    try {
      const post = (cookie: string, pin: string) =>
        new Promise<{ code: string; cookie: string }>((resolve, reject) => {
          const body = JSON.stringify({ staffId: c.managerId, pin });
          const req = http.request(
            {
              host: '127.0.0.1',
              port: server.port,
              method: 'POST',
              path: '/api/session.login',
              headers: {
                host: `127.0.0.1:${server.port}`,
                'content-type': 'application/json',
                ...(cookie ? { cookie } : {}),
              },
              timeout: 10_000,
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (d: string) => (text += d));
              res.on('end', () => {
                const r = JSON.parse(text) as { ok: boolean; error?: { code: string } };
                const set = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
                resolve({ code: r.ok ? 'ok' : r.error!.code, cookie: set });
              });
            },
          );
          req.on('timeout', () => req.destroy(new Error('timeout')));
          req.on('error', reject);
          req.end(body);
        });
      const codes: string[] = [];
      // dropping the cookie every time changes nothing
      for (let i = 0; i < SOURCE_STAFF_TRIES + 1; i++) codes.push((await post('', '0000')).code);
      expect(codes.at(-1)).toBe('CLIENT_LOCKED');
      expect((await post('', MANAGER_PIN)).code).toBe('CLIENT_LOCKED');
      expect(await loginFrom(c, desk, c.managerId, MANAGER_PIN)).toBe('ok');
      // the manager unlocks from the desk; the browser on this computer logs in again
      await c.core.call(`s-ipc-win-1`, 'staff.unlock', { id: c.managerId }, desk);
      const ok = await post('', MANAGER_PIN);
      expect(ok.code).toBe('ok');
      expect(ok.cookie).toMatch(/^fd_session=[0-9a-f]{64}$/);
    } finally {
      await server.close();
    }
  });
});
