/**
 * A sample of the phone, lead and privacy seams (tests/unit/seams-phones.test.ts) through the
 * loopback HTTP server the screens use, as reception in a browser session: a visitor's phone written
 * differently still finds the lead's owner; a call is logged without name or number; search, lists
 * and paging give reception only masked numbers.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { makeClub, tempDir, type TestClub } from './helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, method: string, p: string, headers: Record<string, string>, body?: string) {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: p, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const MASKED = /^\d{3}\*{4}\d{4}$/;

describe('phones, leads and privacy through the HTTP server (reception in a browser)', () => {
  let club: TestClub;
  let server: RunningServer;
  let staticDir: string;
  let cookie = '';
  let annaId = 0;
  let boId = 0;

  /** Calls an operation as the browser session; returns the parsed answer. */
  const api = async (op: string, args: unknown) => {
    const r = await request(
      server.port,
      'POST',
      `/api/${op}`,
      { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}`, cookie },
      JSON.stringify(args),
    );
    // like a browser: a new cookie replaces the old one (a login gives a new session id)
    const set = String(r.headers['set-cookie']?.[0] ?? '').split(';')[0];
    if (set) cookie = set;
    return JSON.parse(r.body) as { ok: boolean; data?: unknown; error?: { code: string; params: unknown } };
  };
  const data = async <T>(op: string, args: unknown): Promise<T> => {
    const r = await api(op, args);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };

  beforeAll(async () => {
    club = await makeClub();
    staticDir = tempDir('static');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    const t = await club.call('mgr', 'cardTypes.create', {
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 1,
    });
    for (let i = 0; i < 12; i++)
      await club.call('mgr', 'members.create', {
        cardNo: `H${100 + i}`,
        name: `李${'伟芳娜敏静丽强磊军洋勇艳'[i]}`,
        gender: 'female',
        phone: `1581234${String(i).padStart(4, '0')}`,
        birthDate: null,
        cardTypeId: t.id,
        startDate: '2026-11-01',
        expiryDate: null,
        visitsLeft: null,
        consultantId: null,
        notes: '',
      });
    annaId = (
      await club.call('mgr', 'staff.create', {
        name: 'Anna',
        role: 'consultant',
        pin: '7000',
        gender: 'female',
      })
    ).id;
    boId = (
      await club.call('mgr', 'staff.create', { name: 'Bo', role: 'consultant', pin: '7010', gender: 'male' })
    ).id;
    const desk = await club.call('mgr', 'staff.create', {
      name: 'Desk Li',
      role: 'reception',
      pin: '2222',
      gender: 'female',
    });
    // Bo fixed an appointment with a prospect (through the core, as Bo).
    await club.call('s-bo', 'session.login', { staffId: boId, pin: '7010' });
    await club.call('s-bo', 'appointments.create', {
      visitorName: 'Wang Fang',
      phone: '13912345678',
      date: '2026-11-19',
      place: 'lobby',
    });

    server = await startServer({ core: club.core, staticDir, port: 0 });
    const first = await request(server.port, 'GET', '/', {});
    cookie = String(first.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    await data('session.login', { staffId: desk.id, pin: '2222' });
    await data('rotation.signIn', { staffId: annaId, pin: '7000' });
    await data('rotation.signIn', { staffId: boId, pin: '7010' });
  });

  afterAll(async () => {
    await server.close();
    club.core.close();
    fs.rmSync(club.dataDir, { recursive: true, force: true });
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  it("a visitor's phone written with +86 and dashes finds the consultant who fixed the appointment", async () => {
    const v = await data<{
      decision: { basis: string };
      currentCall: { staffId: number } | null;
      phone: string;
    }>('visitors.register', {
      name: 'Wang Fang',
      phone: '+86 139-1234-5678',
      gender: 'female',
      heardFrom: '',
      interests: [],
      firstVisit: false,
      metBefore: false,
      metConsultantId: null,
      hasAppointment: false,
      appointmentWithId: null,
    });
    expect(v.decision.basis).toBe('appointment');
    expect(v.currentCall?.staffId).toBe(boId);
    expect(v.phone).toMatch(MASKED);
    // The same person again (full-width digits) while still being received: refused.
    const again = await api('visitors.register', {
      name: 'Wang Fang',
      phone: '１３９１２３４５６７８',
      gender: 'female',
      heardFrom: '',
      interests: [],
      firstVisit: false,
      metBefore: false,
      metConsultantId: null,
      hasAppointment: false,
      appointmentWithId: null,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'VISITOR_ALREADY_HERE' } });
  });

  it('a call without the caller’s name or number is logged and counted', async () => {
    const i = await data<{ callerName: string | null; callbackPhone: string | null }>('inquiries.create', {
      hasAppointment: false,
      appointmentWithId: null,
      topic: 'opening hours',
    });
    expect(i).toMatchObject({ callerName: null, callbackPhone: null });
    const today = await data<{ counts: { phoneInquiries: number } }>('visitors.today', {});
    expect(today.counts.phoneInquiries).toBe(1);
    const bad = await api('inquiries.create', {
      callbackPhone: 'not a number',
      hasAppointment: false,
      appointmentWithId: null,
      topic: '',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('reception paging through search results and lists gets only masked numbers', async () => {
    const seen: string[] = [];
    for (const q of ['李', 'l', 'H', 'H1'])
      for (const m of await data<{ phone: string | null }[]>('members.search', { q, limit: 100 }))
        seen.push(m.phone ?? '');
    expect(seen.length).toBeGreaterThanOrEqual(48);
    for (const p of seen) expect(p).toMatch(MASKED);
    // Digits from the start of a number find nobody.
    expect(await data('members.search', { q: '1581234', limit: 100 })).toEqual([]);
    // The whole number typed: that member, in full.
    const whole = await data<{ phone: string }[]>('members.search', { q: '158 1234 0003' });
    expect(whole.map((m) => m.phone)).toEqual(['158 1234 0003']);
    for (const a of await data<{ phone: string }[]>('appointments.list', { from: '2026-01-01' }))
      expect(a.phone).toMatch(MASKED);
    for (const v of await data<{ phone: string }[]>('visitors.list', {
      from: '2026-01-01',
      to: '2026-12-31',
    }))
      expect(v.phone).toMatch(MASKED);
    expect(await api('members.exportCsv', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
