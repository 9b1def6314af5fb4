/**
 * A sample of the membership seams tried through the loopback HTTP server the screens use, logged
 * in as reception in a browser session: an entitlement edit through members.update, a correction, a
 * roster import and a free card are refused and change nothing; a card sold at the desk is paid in
 * the open shift, never shows the catalogue price, and counts in the handover.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../electron/server/server';
import { makeClub, tempDir, type TestClub } from './helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('membership seams through the HTTP server, as reception', () => {
  let club: TestClub;
  let server: RunningServer;
  let staticDir: string;
  let cookie: string;
  let memberId: number;
  let year: number;

  const api = async (op: string, args: unknown) => {
    const r = await request(server.port, {
      method: 'POST',
      path: `/api/${op}`,
      headers: {
        'content-type': 'application/json',
        origin: `http://127.0.0.1:${server.port}`,
        cookie,
      },
      body: JSON.stringify(args),
    });
    // like a browser: a new cookie replaces the old one (a login gives a new session id)
    const set = String(r.headers['set-cookie']?.[0] ?? '').split(';')[0];
    if (set) cookie = set;
    return JSON.parse(r.body) as { ok: boolean; data?: unknown; error?: { code: string; params: unknown } };
  };
  const entitlementRow = () =>
    club.core.database
      .prepare('SELECT card_type_id, start_date, expiry_date, visits_left, active FROM members WHERE id = ?')
      .get(memberId);

  beforeAll(async () => {
    club = await makeClub();
    staticDir = tempDir('seams-static');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    server = await startServer({ core: club.core, staticDir, port: 0 });
    const desk = await club.loginAs('reception', 'Desk Li', '2222');
    year = (
      await club.call('mgr', 'cardTypes.create', {
        name: 'Year card',
        kind: 'time',
        durationDays: 365,
        visitCount: null,
        priceCents: 298_000,
      })
    ).id;
    memberId = (
      await club.call('mgr', 'members.create', {
        cardNo: 'H001',
        name: 'Expired Wu',
        gender: 'male',
        phone: null,
        birthDate: null,
        cardTypeId: year,
        startDate: '2025-01-01',
        expiryDate: '2025-12-31',
        visitsLeft: null,
        consultantId: null,
        notes: '',
      })
    ).id;
    const home = await request(server.port, { path: '/' });
    cookie = String(home.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const login = await api('session.login', { staffId: desk.staffId, pin: '2222' });
    expect(login.ok).toBe(true);
    expect(
      (
        await api('shift.open', {
          staffIds: [desk.staffId],
          floatCents: 50_000,
          acknowledged: false,
          checked: [],
        })
      ).ok,
    ).toBe(true);
  });

  afterAll(async () => {
    await server.close();
    club.core.close();
    fs.rmSync(club.dataDir, { recursive: true, force: true });
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  it('an expired member cannot be given a new expiry, visits, another card type or a correction', async () => {
    const before = entitlementRow();
    for (const patch of [
      { expiryDate: '2030-12-31' },
      { visitsLeft: 50 },
      { cardTypeId: year },
      { active: true },
    ]) {
      const r = await api('members.update', { id: memberId, ...patch });
      expect(r.error?.code, JSON.stringify(patch)).toBe('VALIDATION');
    }
    const c = await api('members.correct', { id: memberId, expiryDate: '2030-12-31', reason: 'please' });
    expect(c.error?.code).toBe('FORBIDDEN');
    const i = await api('members.importCommit', { jobId: 'a'.repeat(32), mapping: { cardNo: 0 } });
    expect(i.error?.code).toBe('FORBIDDEN');
    expect(entitlementRow()).toEqual(before);
    const scan = (await api('checkin.scan', { ref: { cardNo: 'H001' } })) as { data: { outcome: string } };
    expect(scan.data.outcome).toBe('blocked');
  });

  it('a renewal for nothing needs a second person; a paid one is taken in the shift and shows in the handover', async () => {
    const free = await api('members.renew', { id: memberId, cardTypeId: year, quantity: 1, amountCents: 0 });
    expect(free.error?.code).toBe('FREE_CARD_NEEDS_AUTHORIZATION');
    const r = await api('members.renew', {
      id: memberId,
      cardTypeId: year,
      quantity: 1,
      amountCents: 250_000,
      parts: [{ method: 'cash', amountCents: 250_000, tenderedCents: 250_000 }],
    });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('298000');
    expect(r.data).toMatchObject({
      member: { expiryDate: '2027-11-17', state: 'active' },
      entry: { kind: 'renewal', paidCents: 250_000, byName: 'Desk Li' },
      receipt: { kind: 'card_sale', totalCents: 250_000 },
    });
    const cur = (await api('shift.current', {})) as {
      data: { book: { cardsSold: unknown[]; cardSales: { count: number; byKind: unknown } } };
    };
    expect(cur.data.book.cardsSold).toEqual([
      { cardTypeId: year, cardTypeName: 'Year card', count: 1, atDesk: 1 },
    ]);
    expect(cur.data.book.cardSales).toMatchObject({ count: 1, byKind: { sale: 0, renewal: 1, upgrade: 0 } });
  });
});
