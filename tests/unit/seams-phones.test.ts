/**
 * Issue 11, visitors, calls, leads and privacy: each seam tried through `Core.call` as the lowest
 * role that reaches it (reception, or a consultant), seen refused or recorded as the rule says.
 *
 * - Phones match however they are written (+86, spaces, dashes, full-width digits).
 * - A lead is owned for `leadOwnershipDays` counted from when the appointment was fixed, not from
 *   its date; an appointment recorded at the desk needs its consultant's PIN; two consultants never
 *   split one visitor or one sale.
 * - A phone inquiry needs neither the caller's name nor number, and every call counts in the
 *   handover.
 * - Reception sees phone numbers masked in every list and search; opening one member shows it, up
 *   to a limit per hour; only the whole number typed shows that number in a search.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpArgs, OpResult } from '../../electron/core/contract';
import { REVEALS_PER_HOUR } from '../../electron/core/areas/members';
import { expectError, makeClub, MANAGER_PIN, type TestClub } from './helpers';

const DAY = 86_400_000;
const MASKED = /^\d{3}\*{4}\d{4}$/;

interface Who {
  id: number;
  name: string;
  pin: string;
  session: string;
}

interface Desk {
  club: TestClub;
  desk: Who;
  anna: Who;
  bo: Who;
  chen: Who;
  /** Moves the clock; every session logs in again (an idle session locks). */
  advance(ms: number): Promise<void>;
  register(over?: Partial<OpArgs<'visitors.register'>>): Promise<OpResult<'visitors.register'>>;
}

const clubs: TestClub[] = [];
afterEach(() => {
  for (const c of clubs.splice(0)) {
    c.core.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});

let phoneNo = 0;

async function setup(): Promise<Desk> {
  const club = await makeClub();
  clubs.push(club);
  const staff: Who[] = [];
  for (const [name, role, pin] of [
    ['Desk Li', 'reception', '2222'],
    ['Anna', 'consultant', '7000'],
    ['Bo', 'consultant', '7010'],
    ['Chen', 'consultant', '7020'],
  ] as const) {
    const s = await club.call('mgr', 'staff.create', { name, role, pin, gender: 'female' });
    const session = `s-${name}`;
    await club.call(session, 'session.login', { staffId: s.id, pin });
    staff.push({ id: s.id, name, pin, session });
  }
  const [desk, anna, bo, chen] = staff as [Who, Who, Who, Who];
  const d: Desk = {
    club,
    desk,
    anna,
    bo,
    chen,
    advance: async (ms) => {
      club.clock.advance(ms);
      for (const w of staff) await club.call(w.session, 'session.login', { staffId: w.id, pin: w.pin });
      await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
    },
    register: (over = {}) => {
      phoneNo += 1;
      return club.call(desk.session, 'visitors.register', {
        name: '张丽',
        phone: `1390000${String(phoneNo).padStart(4, '0')}`,
        gender: 'female',
        heardFrom: 'friend',
        interests: [],
        firstVisit: true,
        metBefore: false,
        metConsultantId: null,
        hasAppointment: false,
        appointmentWithId: null,
        ...over,
      });
    },
  };
  return d;
}

async function signIn(d: Desk, ...who: Who[]) {
  for (const w of who) await d.club.call(d.desk.session, 'rotation.signIn', { staffId: w.id, pin: w.pin });
}

async function appointment(d: Desk, who: Who, phone: string, date: string) {
  return d.club.call(who.session, 'appointments.create', {
    visitorName: 'Wang Fang',
    phone,
    date,
    place: 'lobby',
  });
}

describe('leads: a phone matches however it is written', () => {
  it("the same visitor's phone written differently finds the lead's owner", async () => {
    const d = await setup();
    const appt = await appointment(d, d.bo, '13912345678', '2026-11-19');
    await signIn(d, d.anna, d.bo, d.chen);
    // Reception types it the way the visitor says it.
    const v = await d.register({ name: 'Wang Fang', phone: '+86 139-1234-5678' });
    expect(v.decision).toMatchObject({ basis: 'appointment', code: 'appointment' });
    expect(v.currentCall).toMatchObject({ staffId: d.bo.id, turnConsumed: false });
    expect(v.appointmentId).toBe(appt.id);
    await d.club.call(d.desk.session, 'visitors.leave', { visitorId: v.id });
    // Full-width digits from a Chinese input method, and the 0086 prefix: the same lead.
    for (const phone of ['１３９ １２３４ ５６７８', '0086 139 1234 5678']) {
      const w = await d.register({ name: 'Wang Fang', phone });
      expect(w.currentCall?.staffId, phone).toBe(d.bo.id);
      await d.club.call(d.desk.session, 'visitors.leave', { visitorId: w.id });
    }
    // The desk's check for a colleague's appointment (撞单) finds it too.
    const found = await d.club.call(d.desk.session, 'appointments.list', { phone: '139 1234 5678' });
    expect(found.map((a) => a.id)).toEqual([appt.id]);
    // Stored in one form.
    const rows = d.club.core.database.prepare('SELECT DISTINCT phone, phone_norm FROM visitors').all() as {
      phone: string;
      phone_norm: string;
    }[];
    expect(rows).toEqual([{ phone: '+8613912345678', phone_norm: '+8613912345678' }]);
  });

  it('text that is not a phone number is refused and nothing is registered', async () => {
    const d = await setup();
    await signIn(d, d.anna);
    for (const phone of ['abc', '139 1234 567x', '12345', '1391234567890', '']) {
      const r = await d.club.raw(d.desk.session, 'visitors.register', {
        name: 'X',
        phone,
        gender: 'male',
        heardFrom: '',
        interests: [],
        firstVisit: true,
        metBefore: false,
        metConsultantId: null,
        hasAppointment: false,
        appointmentWithId: null,
      });
      expect(r, phone).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', params: { issues: [{ path: 'phone', message: 'phone' }] } },
      });
    }
    const n = d.club.core.database.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number };
    expect(n.n).toBe(0);
  });
});

describe('leads: three days from when the appointment was fixed', () => {
  it('an appointment fixed 4 days ago for today is no longer owned; one fixed 2 days ago is', async () => {
    const d = await setup();
    // Day 0 (2026-11-18): Bo fixes an appointment for day 4.
    await appointment(d, d.bo, '13811110001', '2026-11-22');
    await d.advance(2 * DAY);
    // Day 2: Chen fixes one with another prospect, also for day 4.
    await appointment(d, d.chen, '13811110002', '2026-11-22');
    await d.advance(2 * DAY);
    await signIn(d, d.anna, d.bo, d.chen);
    // Day 4, the appointment date: Bo's was fixed 4 days ago (limit 3) → shared, the rotation decides.
    const late = await d.register({ phone: '138 1111 0001' });
    expect(late.decision).toMatchObject({
      basis: 'rotation',
      code: 'appointment_expired',
      params: { consultant: 'Bo', days: 4, limit: 3 },
    });
    expect(late.currentCall).toMatchObject({ staffId: d.anna.id, turnConsumed: true });
    // Chen's was fixed 2 days ago: still Chen's.
    const owned = await d.register({ phone: '138 1111 0002' });
    expect(owned.decision).toMatchObject({ basis: 'appointment', params: { consultant: 'Chen', days: 2 } });
    expect(owned.currentCall).toMatchObject({ staffId: d.chen.id, turnConsumed: false });
  });

  it('a consultant cannot keep a lead by setting the appointment far ahead', async () => {
    const d = await setup();
    await appointment(d, d.bo, '13811110003', '2026-12-30');
    await d.advance(3 * DAY);
    await signIn(d, d.anna, d.bo);
    // Within 3 days of fixing it (even before its date): Bo's.
    const early = await d.register({ phone: '13811110003' });
    expect(early.currentCall?.staffId).toBe(d.bo.id);
    await d.club.call(d.desk.session, 'visitors.leave', { visitorId: early.id });
    await d.advance(DAY);
    await signIn(d, d.anna, d.bo);
    const after = await d.register({ phone: '13811110003' });
    expect(after.decision).toMatchObject({ code: 'appointment_expired', params: { days: 4 } });
    expect(after.currentCall?.staffId).toBe(d.anna.id);
  });
});

describe('leads: an appointment makes the lead its consultant’s', () => {
  it('the desk records one for a consultant only with that consultant’s PIN', async () => {
    const d = await setup();
    const args = {
      consultantId: d.bo.id,
      visitorName: 'Zhao',
      phone: '13844440001',
      date: '2026-11-19',
      place: 'lobby',
    };
    const count = () =>
      (d.club.core.database.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n;
    // Reception alone cannot give Bo a lead (nor take one for a colleague by backing a walk-in).
    expect(
      await expectError(d.club.call(d.desk.session, 'appointments.create', args), 'CONSULTANT_PIN_REQUIRED'),
    ).toEqual({ name: 'Bo' });
    await expectError(
      d.club.call(d.desk.session, 'appointments.create', { ...args, consultantPin: '0000' }),
      'PIN_WRONG',
    );
    // A consultant fixes only their own.
    await expectError(d.club.call(d.anna.session, 'appointments.create', args), 'NOT_YOURS');
    expect(count()).toBe(0);
    const a = await d.club.call(d.desk.session, 'appointments.create', { ...args, consultantPin: d.bo.pin });
    expect(a).toMatchObject({ consultantId: d.bo.id, createdByName: 'Desk Li' });
    const audit = await d.club.call('mgr', 'audit.search', { q: 'appointments.create' });
    expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({
      consultantId: d.bo.id,
      phone: '+8613844440001',
      confirmedByConsultantPin: true,
    });
    // The wrong PIN was counted against Bo's lockout.
    const pinWrong = await d.club.call('mgr', 'audit.search', { q: 'staff.pinWrong' });
    expect(pinWrong.rows.map((r) => r.entityId)).toEqual([String(d.bo.id)]);
    // A manager records one without it.
    await d.club.call('mgr', 'appointments.create', { ...args, phone: '13844440002' });
    expect(count()).toBe(2);
  });
});

describe('leads: two consultants never split one sale', () => {
  it('the same phone cannot be registered twice while the visitor is still being received', async () => {
    const d = await setup();
    await signIn(d, d.anna, d.bo);
    const v = await d.register({ phone: '13822220001' });
    expect(v.currentCall?.staffId).toBe(d.anna.id);
    // Registered again (written differently): would call Bo for the same person.
    const p = await expectError(d.register({ phone: '+86 138 2222 0001' }), 'VISITOR_ALREADY_HERE');
    expect(p).toMatchObject({ name: '张丽' });
    await d.club.call(d.desk.session, 'visitors.accept', {
      visitorId: v.id,
      staffId: d.anna.id,
      pin: d.anna.pin,
    });
    await expectError(d.register({ phone: '13822220001' }), 'VISITOR_ALREADY_HERE');
    const n = d.club.core.database.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number };
    expect(n.n).toBe(1);
    // Once the visit is over, a new visit of the same person can be registered.
    await d.club.call(d.anna.session, 'visitors.outcome', { visitorId: v.id, outcome: 'follow_up' });
    const again = await d.register({ phone: '13822220001' });
    expect(again.status).toBe('calling');
  });

  it('a sale moved by a dispute counts for one consultant only, in the consultant report', async () => {
    const d = await setup();
    const year = await d.club.call('mgr', 'cardTypes.create', {
      name: 'Year card',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 388_800,
    });
    await signIn(d, d.anna, d.bo);
    const v = await d.register({ phone: '13822220002' });
    await d.club.call(d.desk.session, 'visitors.accept', {
      visitorId: v.id,
      staffId: d.anna.id,
      pin: d.anna.pin,
    });
    await d.club.call(d.anna.session, 'visitors.outcome', {
      visitorId: v.id,
      outcome: 'joined',
      cardTypeId: year.id,
    });
    // Bo says it was his lead; a consultant cannot decide, the customer-service manager moves it.
    const disp = await d.club.call(d.bo.session, 'visitors.dispute', { visitorId: v.id, reason: 'my lead' });
    await expectError(
      d.club.call(d.bo.session, 'visitors.decideDispute', { disputeId: disp.id, decision: 'move' }),
      'FORBIDDEN',
    );
    const cs = await d.club.loginAs('cs_manager', 'CS Zhou', '4444');
    await d.club.call(cs.session, 'visitors.decideDispute', { disputeId: disp.id, decision: 'move' });
    const r = await d.club.call('mgr', 'reports.consultants', { month: '2026-11' });
    const row = (name: string) => r.rows.find((x) => x.name === name)!.total;
    expect(row('Bo')).toMatchObject({
      credited: 1,
      joined: 1,
      cardsSold: [{ cardTypeName: 'Year card', count: 1 }],
    });
    expect(row('Anna')).toMatchObject({ credited: 0, joined: 0, cardsSold: [] });
    // One sale in all: never half and half.
    expect(r.rows.reduce((n, x) => n + x.total.joined, 0)).toBe(1);
    expect(r.rows.reduce((n, x) => n + x.total.credited, 0)).toBe(1);
  });
});

describe('phone inquiries', () => {
  it("a call is logged without the caller's name or number, and every call counts in the handover", async () => {
    const d = await setup();
    const opening = await d.club.call(d.desk.session, 'shift.opening', {});
    await d.club.call(d.desk.session, 'shift.open', {
      staffIds: [d.desk.id],
      floatCents: opening.floatPrefillCents,
      acknowledged: true,
      checked: opening.checklist,
    });
    await signIn(d, d.anna);
    const anonymous = await d.club.call(d.desk.session, 'inquiries.create', {
      hasAppointment: false,
      appointmentWithId: null,
      topic: 'opening hours?',
    });
    expect(anonymous).toMatchObject({ callerName: null, callbackPhone: null, consultantId: d.anna.id });
    const emptyFields = await d.club.call(d.desk.session, 'inquiries.create', {
      callerName: '  ',
      callbackPhone: '',
      hasAppointment: false,
      appointmentWithId: null,
      topic: '',
    });
    expect(emptyFields).toMatchObject({ callerName: null, callbackPhone: null });
    const named = await d.club.call(d.desk.session, 'inquiries.create', {
      callerName: 'Mr Sun',
      callbackPhone: '＋８６ １３７ ００００ １１１１',
      hasAppointment: false,
      appointmentWithId: null,
      topic: 'prices',
    });
    // The consultant who calls back sees the number in full; reception sees it masked.
    expect(named.callbackPhone).toBe('137****1111');
    const mine = await d.club.call(d.anna.session, 'inquiries.list', {});
    expect(mine.find((i) => i.id === named.id)?.callbackPhone).toBe('137 0000 1111');
    // A number that is not one is refused: nothing logged.
    await expectError(
      d.club.call(d.desk.session, 'inquiries.create', {
        callbackPhone: 'call me',
        hasAppointment: false,
        appointmentWithId: null,
        topic: '',
      }),
      'VALIDATION',
    );
    expect((await d.club.call(d.desk.session, 'visitors.today', {})).counts.phoneInquiries).toBe(3);
    const cur = await d.club.call(d.desk.session, 'shift.current', {});
    expect(cur.book?.phoneInquiries).toBe(3);
  });
});

describe('privacy: reception cannot collect phone numbers', () => {
  const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲兰';
  let batch = 0;
  /** n members with the phones <prefix>0000, <prefix>0001, … */
  async function members(club: TestClub, n: number, prefix = '1380013', consultantId: number | null = null) {
    batch += 1;
    const t = await club.call('mgr', 'cardTypes.create', {
      name: `Year ${batch}`,
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 1,
    });
    const out: { id: number; phone: string }[] = [];
    for (let i = 0; i < n; i++) {
      const phone = `${prefix}${String(i).padStart(4, '0')}`;
      const m = await club.call('mgr', 'members.create', {
        cardNo: `P${batch}${1000 + i}`,
        name: `张${GIVEN[i % GIVEN.length]}${GIVEN[Math.floor(i / GIVEN.length) % GIVEN.length]}`,
        gender: 'male',
        phone,
        birthDate: null,
        cardTypeId: t.id,
        startDate: '2026-11-01',
        expiryDate: null,
        visitsLeft: null,
        consultantId,
        notes: '',
      });
      out.push({ id: m.id, phone });
    }
    return out;
  }

  it('paging through member search gives only masked numbers; the first digits find nobody', async () => {
    const d = await setup();
    const ms = await members(d.club, 30);
    const desk = d.desk.session;
    // Every surname, every card prefix, the whole page: masked.
    for (const q of ['张', 'zh', 'P', 'P1', 'z']) {
      const hits = await d.club.call(desk, 'members.search', { q, limit: 100 });
      expect(hits.length, q).toBeGreaterThan(0);
      for (const h of hits) expect(h.phone, q).toMatch(MASKED);
    }
    // The first digits of a number find nothing (masked 138****0005 plus the typed 1380013 would
    // give the number away).
    for (const q of ['1', '13', '138', '1380013', '13800130', '1380013000'])
      expect(await d.club.call(desk, 'members.search', { q, limit: 100 }), q).toEqual([]);
    // The last four digits: found, masked.
    const tail = await d.club.call(desk, 'members.search', { q: '0005' });
    expect(tail.map((h) => [h.id, h.phone])).toEqual([[ms[5]!.id, '138****0005']]);
    // The whole number typed, however written: that member, and that number in full.
    const whole = await d.club.call(desk, 'members.search', { q: '+86 138-0013-0007' });
    expect(whole.map((h) => [h.id, h.phone])).toEqual([[ms[7]!.id, '138 0013 0007']]);
  });

  it('opening members one by one shows full numbers up to the hourly limit, then masked', async () => {
    const d = await setup();
    const ms = await members(d.club, REVEALS_PER_HOUR + 3);
    const desk = d.desk.session;
    const got: string[] = [];
    for (const m of ms) got.push((await d.club.call(desk, 'members.get', { id: m.id })).phone!);
    expect(got.slice(0, REVEALS_PER_HOUR).every((p) => !p.includes('*'))).toBe(true);
    expect(got.slice(REVEALS_PER_HOUR)).toEqual(['138****0060', '138****0061', '138****0062']);
    // Members already opened this hour open again in full.
    expect((await d.club.call(desk, 'members.get', { id: ms[0]!.id })).phone).toBe('138 0013 0000');
    // The manager is not limited (and exports, recorded, are theirs alone).
    expect((await d.club.call('mgr', 'members.get', { id: ms.at(-1)!.id })).phone).toBe('138 0013 0062');
    await expectError(d.club.call(desk, 'members.exportCsv', {}), 'FORBIDDEN');
    // An hour later the desk may open others again.
    await d.advance(61 * 60_000);
    expect((await d.club.call(desk, 'members.get', { id: ms.at(-1)!.id })).phone).toBe('138 0013 0062');
  });

  it("a consultant opens their own members' numbers without limit, others' within it", async () => {
    const d = await setup();
    const own = await members(d.club, REVEALS_PER_HOUR + 1, '1390013', d.anna.id);
    for (const m of own)
      expect((await d.club.call(d.anna.session, 'members.get', { id: m.id })).phone).not.toContain('*');
    const others = await members(d.club, REVEALS_PER_HOUR + 1);
    const phones: string[] = [];
    for (const m of others)
      phones.push((await d.club.call(d.anna.session, 'members.get', { id: m.id })).phone!);
    expect(phones.filter((p) => p.includes('*'))).toHaveLength(1);
  });

  it('visitors, appointments and inquiries: masked for reception and for other consultants, full for the own consultant and managers', async () => {
    const d = await setup();
    const appt = await appointment(d, d.bo, '13833330001', '2026-11-25');
    await signIn(d, d.anna, d.chen);
    const v = await d.register({ phone: '13833330002' });
    expect(v.currentCall?.staffId).toBe(d.anna.id);
    await d.club.call(d.desk.session, 'visitors.accept', {
      visitorId: v.id,
      staffId: d.anna.id,
      pin: d.anna.pin,
    });
    const inq = await d.club.call(d.desk.session, 'inquiries.create', {
      callerName: 'Mr Qian',
      callbackPhone: '13833330003',
      hasAppointment: false,
      appointmentWithId: null,
      topic: '',
    });
    expect(inq.consultantId).toBe(d.chen.id);

    const desk = d.desk.session;
    const deskPhones = [
      ...(await d.club.call(desk, 'visitors.today', {})).visitors.map((x) => x.phone),
      ...(await d.club.call(desk, 'visitors.list', { from: '2026-01-01', to: '2026-12-31' })).map(
        (x) => x.phone,
      ),
      (await d.club.call(desk, 'visitors.get', { id: v.id })).phone,
      ...(await d.club.call(desk, 'appointments.list', { from: '2026-01-01' })).map((x) => x.phone),
      ...(await d.club.call(desk, 'inquiries.list', {})).map((x) => x.callbackPhone),
    ];
    expect(deskPhones).toHaveLength(5);
    for (const p of deskPhones) expect(p).toMatch(MASKED);

    // Each consultant sees their own lead's number in full, the others masked.
    const visitorOf = async (w: Who) => (await d.club.call(w.session, 'visitors.get', { id: v.id })).phone;
    const apptOf = async (w: Who) =>
      (await d.club.call(w.session, 'appointments.list', { from: '2026-01-01' })).find(
        (x) => x.id === appt.id,
      )!.phone;
    const inqOf = async (w: Who) =>
      (await d.club.call(w.session, 'inquiries.list', {})).find((x) => x.id === inq.id)!.callbackPhone;
    expect(await visitorOf(d.anna)).toBe('138 3333 0002');
    expect(await visitorOf(d.bo)).toMatch(MASKED);
    expect(await apptOf(d.bo)).toBe('138 3333 0001');
    expect(await apptOf(d.anna)).toMatch(MASKED);
    expect(await inqOf(d.chen)).toBe('138 3333 0003');
    expect(await inqOf(d.anna)).toMatch(MASKED);
    // The shift lead is a desk role too: masked.
    const lead = await d.club.loginAs('shift_lead');
    expect((await d.club.call(lead.session, 'visitors.get', { id: v.id })).phone).toMatch(MASKED);
    // Managers see them in full.
    expect((await d.club.call('mgr', 'visitors.get', { id: v.id })).phone).toBe('138 3333 0002');
  });
});

describe('phone fields accept what people type', () => {
  it('full-width digits, +86, brackets and dashes are one number, stored in one form', async () => {
    const d = await setup();
    const t = await d.club.call('mgr', 'cardTypes.create', {
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 1,
    });
    const base: OpArgs<'members.create'> = {
      cardNo: 'F001',
      name: '王五',
      gender: 'male',
      phone: '（１３８）００００－１２３４',
      birthDate: null,
      cardTypeId: t.id,
      startDate: '2026-11-01',
      expiryDate: null,
      visitsLeft: null,
      consultantId: null,
      notes: '',
    };
    // Registered by a manager (a card sold earlier); the desk edits the personal details.
    const m = await d.club.call(d.club.managerSession, 'members.create', base);
    expect(m.phone).toBe('138 0000 1234');
    const stored = d.club.core.database.prepare('SELECT phone FROM members WHERE id = ?').get(m.id) as {
      phone: string;
    };
    expect(stored.phone).toBe('+8613800001234');
    for (const phone of ['abc', '138 0000 12', '13800001234 ext 5', '1'.repeat(41)]) {
      const r = await d.club.raw(d.desk.session, 'members.update', { id: m.id, phone });
      expect(r, phone).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect((await d.club.call(d.desk.session, 'members.get', { id: m.id })).phone).toBe('138 0000 1234');
    // A trial guest's number too.
    await d.club.call(d.desk.session, 'checkin.guest', {
      kind: 'trial',
      name: 'Guest',
      phone: '+86 (139) 0000-1111',
      gender: 'female',
      withTag: false,
    });
    const g = d.club.core.database.prepare("SELECT guest_phone FROM visits WHERE kind = 'trial'").get() as {
      guest_phone: string;
    };
    expect(g.guest_phone).toBe('+8613900001111');
  });
});
