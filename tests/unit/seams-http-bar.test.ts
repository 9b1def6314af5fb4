/**
 * A sample of the bar-slip seams (issue 11) through the loopback HTTP server the browser build uses
 * (electron/server/server.ts), as the bar and reception would reach them from a browser: the same
 * refusals as through Core.call, and the void that does go through is on the bar report.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import { type RunningServer, startServer } from '../../electron/server/server';
import { tempDir } from './helpers';

interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; params: Record<string, unknown> };
}

function post(
  port: number,
  cookie: string,
  op: string,
  args: unknown,
): Promise<{ answer: Answer; cookie: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${op}`,
        headers: {
          host: `127.0.0.1:${port}`,
          origin: `http://127.0.0.1:${port}`,
          'content-type': 'application/json',
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          const set = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
          resolve({ answer: JSON.parse(body) as Answer, cookie: set || cookie });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

/** A browser at the counter: its own session cookie, logged in as one staff member. */
async function browser(port: number, staffId: number, pin: string) {
  let cookie = '';
  const call = async (op: string, args: unknown = {}): Promise<Answer> => {
    const r = await post(port, cookie, op, args);
    cookie = r.cookie;
    return r.answer;
  };
  const login = await call('session.login', { staffId, pin });
  expect(login.ok).toBe(true);
  return call;
}

describe('bar slips through the HTTP server', () => {
  const dir = tempDir('http-bar');
  const clock = new ManualClock('2026-11-18T02:00:00.000Z');
  let core: Core;
  let server: RunningServer;
  const ids: Record<string, number> = {};
  let visitId = 0;
  let lineId = 0;

  /** Set-up straight on the core (not a seam): a club, staff, a drink, a member inside with a slip. */
  const direct = async (session: string, op: string, args: unknown) => {
    const r = await core.call(session, op, args);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.data as Record<string, unknown>;
  };

  beforeAll(async () => {
    const staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    core = await Core.open({ dataDir: path.join(dir, 'data'), clock, dailyBackup: false });
    server = await startServer({ core, staticDir, port: 0 });
    await direct('setup', 'system.setup', {
      clubName: 'HTTP Club',
      timeZone: 'Asia/Shanghai',
      language: 'en',
      staffArriveTime: '09:50',
      openTime: '11:00',
      closeTime: '22:00',
      tagCount: 10,
      manager: { name: 'Boss', pin: '9999', gender: 'female' },
    });
    const staff = (await core.call('x', 'session.staffList', {})) as { ok: true; data: { id: number }[] };
    ids.boss = staff.data[0]!.id;
    await direct('mgr', 'session.login', { staffId: ids.boss, pin: '9999' });
    await direct('mgr', 'settings.update', { idleLockMinutes: 240 });
    for (const [key, role, pin] of [
      ['desk', 'reception', '2222'],
      ['bar', 'bar', '3333'],
      ['lead', 'shift_lead', '5555'],
    ] as const) {
      ids[key] = (await direct('mgr', 'staff.create', { name: key, role, pin, gender: 'male' })).id as number;
    }
    const type = await direct('mgr', 'cardTypes.create', {
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 1,
    });
    ids.cola = (
      await direct('mgr', 'bar.itemCreate', { name: 'Cola', category: 'Drinks', priceCents: 800, notes: '' })
    ).id as number;
    await direct('mgr', 'bar.receive', { itemId: ids.cola, quantity: 10 });
    await direct('mgr', 'members.create', {
      cardNo: 'H1',
      name: 'Member H',
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
    const scan = await direct('mgr', 'checkin.scan', { ref: { cardNo: 'H1' }, scanned: true });
    visitId = (scan.visit as { id: number }).id;
  });
  afterAll(async () => {
    await server.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the bar: an old slip is not corrected; its own PIN or a wrong one does not void; a shift lead’s does', async () => {
    const bar = await browser(server.port, ids.bar!, '3333');
    const sold = await bar('bar.sell', { visitId, items: [{ itemId: ids.cola, quantity: 2 }] });
    expect(sold.ok).toBe(true);
    lineId = (sold.data as { lines: { id: number }[] }).lines[0]!.id;
    clock.advance(12 * 60_000);

    const late = await bar('bar.correctLine', { lineId, quantity: 1, memberConfirmed: true });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'CORRECTION_WINDOW_PASSED', params: { minutes: 10 } },
    });
    const own = await bar('bar.void', {
      lineIds: [lineId],
      reason: 'wrong drink',
      authorization: { pin: '3333', reason: 'wrong drink' },
    });
    expect(own).toMatchObject({ ok: false, error: { code: 'OVERRIDE_NOT_ALLOWED' } });
    const wrong = await bar('bar.void', {
      lineIds: [lineId],
      reason: 'wrong drink',
      authorization: { pin: '0000', reason: 'wrong drink' },
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'AUTH_PIN_WRONG', params: { attemptsLeft: 4 } },
    });
    expect(((await bar('bar.tab', { visitId })).data as { unpaidCents: number }).unpaidCents).toBe(1600);

    const signed = await bar('bar.void', {
      lineIds: [lineId],
      quantities: [1],
      reason: 'wrong drink',
      authorization: { pin: '5555', reason: 'wrong drink' },
    });
    expect(signed.ok).toBe(true);
    expect((signed.data as { unpaidCents: number }).unpaidCents).toBe(800);
    const report = await bar('bar.report', { from: '2026-11-18', to: '2026-11-18' });
    expect((report.data as { voids: unknown[] }).voids).toEqual([
      expect.objectContaining({
        name: 'Cola',
        quantity: 1,
        reason: 'wrong drink',
        byName: 'bar',
        authorizedByName: 'lead',
      }),
    ]);
  });

  it('reception: once the member has left, a shift lead’s PIN no longer voids', async () => {
    const desk = await browser(server.port, ids.desk!, '2222');
    const out = await desk('checkin.checkout', {
      visitId,
      tagReturned: true,
      leaveUnpaid: { pin: '5555', reason: 'no wallet' },
    });
    expect(out.ok).toBe(true);
    const late = await desk('bar.void', {
      lineIds: [lineId],
      reason: 'never served',
      authorization: { pin: '5555', reason: 'never served' },
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'VOID_NEEDS_MANAGER' } });
    const tab = await desk('bar.tab', { visitId });
    expect(tab.data).toMatchObject({ open: false, unpaidCents: 800 });
  });
});
