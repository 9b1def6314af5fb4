/**
 * A sample of the cash drawer's seams through the loopback HTTP server the screens use (the same
 * requests a browser at the counter sends, with reception's session cookie): cash with no shift
 * open, a pay-out and a recount on reception's own PIN, cash after the count, and the manager-only
 * day operations. Each is refused with the structured code and leaves the database as it was.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../electron/server/server';
import { fingerprint } from './fingerprint';
import { makeClub, MANAGER_PIN, type TestClub } from './helpers';

function post(
  port: number,
  op: string,
  args: unknown,
  cookie: string,
): Promise<{ cookie: string; body: string }> {
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
        res.on('end', () =>
          resolve({ cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!, body }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

describe('cash drawer seams through the HTTP server', () => {
  let club: TestClub;
  let server: RunningServer;
  let cookie = '';
  let ids: { li: number; lead: number; member: number; visit: number };
  /** One request with reception's cookie: the parsed {ok, data | error}. */
  const desk = async (op: string, args: unknown) => {
    const r = await post(server.port, op, args, cookie);
    if (r.cookie) cookie = r.cookie;
    return JSON.parse(r.body) as { ok: boolean; data?: unknown; error?: { code: string; params: unknown } };
  };
  /** Refused with the code, and nothing changed. */
  const refused = async (op: string, args: unknown, code: string) => {
    const before = fingerprint(club.core.database);
    const r = await desk(op, args);
    expect(r, `${op}`).toMatchObject({ ok: false, error: { code } });
    expect(fingerprint(club.core.database), `${op} changed the database`).toBe(before);
  };

  beforeAll(async () => {
    club = await makeClub();
    const dir = path.join(club.dataDir, 'renderer');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    server = await startServer({ core: club.core, staticDir: dir, port: 0 });
    const li = await club.call('mgr', 'staff.create', {
      name: 'Desk Li',
      role: 'reception',
      pin: '2222',
      gender: 'female',
    });
    const lead = await club.call('mgr', 'staff.create', {
      name: 'Lead Chen',
      role: 'shift_lead',
      pin: '5555',
      gender: 'male',
    });
    const type = await club.call('mgr', 'cardTypes.create', {
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 300_000,
    });
    const m = await club.call('mgr', 'members.create', {
      cardNo: 'H1001',
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
    const item = await club.call('mgr', 'bar.itemCreate', {
      name: 'Cola',
      category: 'Drinks',
      priceCents: 800,
      notes: '',
    });
    await club.call('mgr', 'bar.receive', { itemId: item.id, quantity: 5 });
    const v = await club.call('mgr', 'checkin.scan', { ref: { cardNo: 'H1001' } });
    if (v.outcome !== 'checked_in') throw new Error(v.outcome);
    await club.call('mgr', 'bar.sell', { visitId: v.visit.id, items: [{ itemId: item.id, quantity: 1 }] });
    ids = { li: li.id, lead: lead.id, member: m.id, visit: v.visit.id };
    expect(await desk('session.login', { staffId: li.id, pin: '2222' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await server.close();
    club.core.close();
    fs.rmSync(club.dataDir, { recursive: true, force: true });
  });

  it('cash with no shift open is refused; the desk is asked to open one', async () => {
    await refused(
      'checkin.checkout',
      { visitId: ids.visit, tagReturned: true, payment: { parts: [{ method: 'cash', amountCents: 800 }] } },
      'SHIFT_NOT_OPEN',
    );
    await refused(
      'storedValue.topup',
      { memberId: ids.member, amountCents: 1_000, method: 'cash' },
      'SHIFT_NOT_OPEN',
    );
  });

  it('a pay-out and a recount are refused on reception’s own PIN; cash after the count is refused', async () => {
    const open = await desk('shift.open', {
      staffIds: [ids.li],
      floatCents: 50_000,
      acknowledged: true,
      checked: [],
    });
    expect(open).toMatchObject({ ok: true });
    const shiftId = (open.data as { id: number }).id;
    const own = { pin: '2222', reason: 'cleaning cloths' };
    await refused('shift.payout', { shiftId, amountCents: 500, authorization: own }, 'OVERRIDE_NOT_ALLOWED');
    await refused('shift.payout', { shiftId, amountCents: 500, reason: 'no PIN' }, 'VALIDATION');
    expect(
      await desk('shift.count', {
        shiftId,
        denominations: { n100: 5, n50: 0, n20: 0, n10: 0, n5: 0, n1: 0, c50: 0, c10: 0 },
      }),
    ).toMatchObject({ ok: true, data: { differenceCents: 0 } });
    await refused(
      'checkin.checkout',
      { visitId: ids.visit, tagReturned: true, payment: { parts: [{ method: 'cash', amountCents: 800 }] } },
      'DRAWER_COUNTED',
    );
    await refused('shift.authorizeRecount', { shiftId, authorization: own }, 'OVERRIDE_NOT_ALLOWED');
    // with the shift lead's PIN the recount is authorised and the cash goes in
    expect(
      await desk('shift.authorizeRecount', {
        shiftId,
        authorization: { pin: '5555', reason: 'member paying late' },
      }),
    ).toMatchObject({ ok: true, data: { recountPending: { authorizedByName: 'Lead Chen' } } });
    expect(
      await desk('checkin.checkout', {
        visitId: ids.visit,
        tagReturned: true,
        payment: { parts: [{ method: 'cash', amountCents: 800 }] },
      }),
    ).toMatchObject({ ok: true });
  });

  it('reception can neither close nor reopen a day', async () => {
    await refused('shift.closeDay', { day: '2026-11-18', checked: [] }, 'FORBIDDEN');
    await refused(
      'shift.reopenDay',
      { day: '2026-11-18', authorization: { pin: MANAGER_PIN, reason: 'x' } },
      'FORBIDDEN',
    );
  });
});
