/**
 * Issue 11, incidents and complaints: a sample of the seams tried through the loopback HTTP server
 * the screens use (startServer, a browser's cookie, JSON over POST /api/<op>), with the core's
 * clock under the test's control:
 * - reception: shift opening and the open items show open complaints without the complainant's
 *   name, phone, card number or what it is about; the complaint operations are refused;
 * - the customer-service manager: an injury cannot be closed with the rulebook's steps missing
 *   (the list comes back); a complaint cannot be closed without the member's desired outcome and
 *   what was agreed; a complaint turns due, then overdue, by the clock across its 6-day deadline.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../electron/server/server';
import { makeClub, MANAGER_PIN, tempDir, type TestClub } from './helpers';

interface Reply {
  ok: boolean;
  data?: unknown;
  error?: { code: string; params: Record<string, unknown> };
}

let club: TestClub;
let server: RunningServer;
let staticDir: string;
let memberId: number;
const staffIds: Record<string, number> = {};

function post(cookie: string | null, op: string, args: unknown): Promise<{ reply: Reply; cookie: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(args);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${op}`,
        headers: {
          host: `127.0.0.1:${server.port}`,
          origin: `http://127.0.0.1:${server.port}`,
          'content-type': 'application/json',
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const set = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
          resolve({ reply: JSON.parse(text) as Reply, cookie: set || cookie || '' });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A browser logged in as a staff member: returns a caller that answers data or the error. */
async function browser(staffId: number, pin: string) {
  const first = await post(null, 'session.login', { staffId, pin });
  expect(first.reply.ok).toBe(true);
  const cookie = first.cookie;
  return async (op: string, args: unknown = {}) => (await post(cookie, op, args)).reply;
}

beforeAll(async () => {
  club = await makeClub();
  staticDir = tempDir('http-inc-static');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  server = await startServer({ core: club.core, staticDir, port: 0 });
  for (const [role, name, pin] of [
    ['reception', 'Desk Li', '2222'],
    ['cs_manager', 'CS Sun', '6666'],
  ] as const) {
    staffIds[role] = (await club.call('mgr', 'staff.create', { name, role, pin, gender: 'female' })).id;
  }
  const t = await club.call('mgr', 'cardTypes.create', {
    name: 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 300000,
  });
  memberId = (
    await club.call('mgr', 'members.create', {
      cardNo: 'H2001',
      name: '钱多多',
      gender: 'male',
      phone: '13800009999',
      birthDate: '1980-01-01',
      cardTypeId: t.id,
      startDate: '2026-01-01',
      expiryDate: null,
      visitsLeft: null,
      consultantId: null,
      notes: '',
    })
  ).id;
});

afterAll(async () => {
  await server.close();
  club.core.close();
  fs.rmSync(club.dataDir, { recursive: true, force: true });
  fs.rmSync(staticDir, { recursive: true, force: true });
});

describe('incidents and complaints through the HTTP server', () => {
  it('an injury closed with steps missing is refused with the list; reception cannot close it', async () => {
    const desk = await browser(staffIds.reception!, '2222');
    const cs = await browser(staffIds.cs_manager!, '6666');
    const opened = await desk('incidents.open', {
      place: 'Pool side',
      what: 'Slipped on the tiles',
      kind: 'injury',
      memberId,
    });
    expect(opened.ok).toBe(true);
    const id = (opened.data as { id: number }).id;
    expect((await desk('incidents.setStatus', { id, status: 'closed' })).error?.code).toBe('FORBIDDEN');
    await cs('incidents.update', {
      id,
      severity: 'minor',
      harm: 'Grazed elbow',
      memberRequest: 'Nothing',
      handlingOpinion: 'Anti-slip mats',
      csManagerId: staffIds.cs_manager,
      csManagerToldAt: '2026-11-18T09:40',
    });
    const refused = await cs('incidents.setStatus', { id, status: 'closed' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INCIDENT_REPORT_INCOMPLETE',
        params: {
          id,
          missing: [
            'dutyCoach',
            'dutyCoachToldAt',
            'firstAidBy',
            'firstAid',
            'statementTakenById',
            'statementSignedAt',
            'noHospitalReason',
          ],
          count: 7,
          steps: ['dutyCoachTold', 'firstAid', 'statement', 'hospitalDecision'],
        },
      },
    });
    const still = await cs('incidents.get', { id });
    expect(still.data).toMatchObject({ status: 'open', closedAt: null });
  });

  it("reception's shift opening shows open complaints without who or what; complaint operations are refused", async () => {
    const cs = await browser(staffIds.cs_manager!, '6666');
    const created = await cs('complaints.create', {
      complainantName: '周秘密',
      contact: '139 0000 8888',
      channel: 'phone',
      what: 'SECRET-WHAT the pool was cold',
      staffInvolved: 'SECRET-STAFF lifeguard',
      department: 'facilities',
      desiredOutcome: 'SECRET-DESIRED warm water',
    });
    expect(created.ok).toBe(true);
    const cid = (created.data as { id: number }).id;

    const desk = await browser(staffIds.reception!, '2222');
    const opening = await desk('shift.opening');
    const items = (opening.data as { openItems: { complaints: unknown[] } }).openItems.complaints;
    expect(items).toEqual([
      expect.objectContaining({
        view: 'desk',
        id: cid,
        department: 'facilities',
        dueDate: '2026-11-24',
        deadline: 'upcoming',
        complainant: '周**',
      }),
    ]);
    for (const reply of [opening, await desk('review.openItems')]) {
      const text = JSON.stringify(reply);
      for (const secret of ['周秘密', '139 0000 8888', '13900008888', 'SECRET-'])
        expect(text).not.toContain(secret);
    }
    for (const [op, args] of [
      ['complaints.get', { id: cid }],
      ['complaints.list', {}],
      ['complaints.close', { id: cid, desiredOutcome: 'x', agreedOutcome: 'y' }],
    ] as const) {
      expect((await desk(op, args)).error?.code, op).toBe('FORBIDDEN');
    }
  });

  it('a complaint closes only with the desired and agreed outcome, and turns due then overdue by the clock', async () => {
    const cs = await browser(staffIds.cs_manager!, '6666');
    const c = await cs('complaints.create', {
      complainantName: 'Ms Clock',
      channel: 'in_person',
      what: 'Lockers jammed',
      department: 'facilities',
    });
    const id = (c.data as { id: number }).id;
    expect(c.data).toMatchObject({ dueDate: '2026-11-24', deadline: 'upcoming', daysLeft: 6 });
    await cs('complaints.assign', { id, supervisorName: 'Facilities head' });
    await cs('complaints.update', { id, findings: 'Worn hinges' });
    await cs('complaints.resolve', { id, resolution: 'Hinges replaced' });
    expect(await cs('complaints.close', { id })).toEqual({
      ok: false,
      error: {
        code: 'COMPLAINT_OUTCOME_MISSING',
        params: { id, missing: ['desiredOutcome', 'agreedOutcome'], count: 2 },
      },
    });
    expect((await cs('complaints.close', { id, desiredOutcome: 'Working lockers' })).error).toMatchObject({
      code: 'COMPLAINT_OUTCOME_MISSING',
      params: { missing: ['agreedOutcome'] },
    });

    // the other complaint (previous test) is still open: it turns due, then overdue
    const deadlines = async (iso: string) => {
      club.clock.set(iso);
      await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
      const again = await browser(staffIds.cs_manager!, '6666');
      return ((await again('complaints.list', {})).data as { deadlines: unknown }).deadlines;
    };
    // 2026-11-23 club time: due tomorrow (both open ones registered on the 18th)
    expect(await deadlines('2026-11-23T02:00:00Z')).toEqual({ due: 2, overdue: 0 });
    // 2026-11-25 00:00 club time: past the 6-day deadline
    expect(await deadlines('2026-11-24T16:00:00Z')).toEqual({ due: 0, overdue: 2 });
    const late = await browser(staffIds.cs_manager!, '6666');
    const closed = await late('complaints.close', {
      id,
      desiredOutcome: 'Working lockers',
      agreedOutcome: 'All hinges replaced; a free towel',
    });
    expect(closed.data).toMatchObject({
      status: 'closed',
      deadline: 'missed',
      agreedOutcome: 'All hinges replaced; a free towel',
    });
    expect(((await late('complaints.list', {})).data as { deadlines: unknown }).deadlines).toEqual({
      due: 0,
      overdue: 1,
    });
  });
});
