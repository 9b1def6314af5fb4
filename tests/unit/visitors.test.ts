/**
 * Visitors and the consultant rotation, through the core's contract with a controllable clock:
 * sign-in order, whom to call and why, pages and the timer, hand-off, outcomes, disputes, lead
 * ownership by appointment, phone inquiries with their own turn pointer, announcements and the
 * consultant report.
 */
import { describe, expect, it } from 'vitest';
import type { OpArgs, OpResult } from '../../electron/core/contract';
import { expectError, makeClub, MANAGER_PIN, type TestClub } from './helpers';

interface Consultant {
  id: number;
  name: string;
  pin: string;
}

interface Desk {
  club: TestClub;
  desk: string;
  deskId: number;
  c: Consultant[];
  /** Moves the clock and logs the desk and the manager in again (idle sessions lock). */
  advance(ms: number): Promise<void>;
  signIn(...who: Consultant[]): Promise<void>;
  register(over?: Partial<OpArgs<'visitors.register'>>): Promise<OpResult<'visitors.register'>>;
}

let phoneNo = 0;

async function setup(consultants = 3): Promise<Desk> {
  const club = await makeClub();
  const desk = await club.loginAs('reception', 'Desk Li', '2222');
  const c: Consultant[] = [];
  for (let i = 0; i < consultants; i++) {
    const name = ['Anna', 'Bo', 'Chen', 'Dai', 'Eve'][i]!;
    const pin = `70${i}0`;
    const s = await club.call('mgr', 'staff.create', { name, role: 'consultant', pin, gender: 'female' });
    c.push({ id: s.id, name, pin });
  }
  const d: Desk = {
    club,
    desk: desk.session,
    deskId: desk.staffId,
    c,
    advance: async (ms) => {
      club.clock.advance(ms);
      if (ms >= 10 * 60_000) {
        await club.call(desk.session, 'session.login', { staffId: desk.staffId, pin: '2222' });
        await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
      }
    },
    signIn: async (...who) => {
      for (const x of who) await club.call(desk.session, 'rotation.signIn', { staffId: x.id, pin: x.pin });
    },
    register: (over = {}) => {
      phoneNo += 1;
      return club.call(desk.session, 'visitors.register', {
        name: '张丽',
        phone: `1390000${String(phoneNo).padStart(4, '0')}`,
        gender: 'female',
        heardFrom: 'friend',
        interests: ['yoga'],
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

async function accept(d: Desk, visitorId: number, who: Consultant) {
  return d.club.call(d.desk, 'visitors.accept', { visitorId, staffId: who.id, pin: who.pin });
}

describe('sign-in and the rotation board', () => {
  it('the sign-in order is the rotation order; the board says who is next and why', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    let board = await d.club.call(d.desk, 'rotation.board', {});
    expect(board.next.visitor).toMatchObject({ staffId: null, why: { code: 'nobody_signed_in' } });
    await d.signIn(b, a, c);
    board = await d.club.call(d.desk, 'rotation.board', {});
    expect(board.consultants.map((x) => [x.name, x.seq, x.state])).toEqual([
      ['Bo', 1, 'available'],
      ['Anna', 2, 'available'],
      ['Chen', 3, 'available'],
    ]);
    expect(board.next.visitor).toMatchObject({ staffId: b.id, why: { code: 'first_turn' } });
    const v = await d.register();
    expect(v.currentCall).toMatchObject({ staffId: b.id, basis: 'rotation', turnConsumed: true, pages: 1 });
    board = await d.club.call(d.desk, 'rotation.board', {});
    expect(board.next.visitor).toMatchObject({
      staffId: a.id,
      why: { code: 'after_last', params: { after: 'Bo' } },
    });
    expect(board.consultants.find((x) => x.staffId === b.id)?.beingCalledFor).toBe(v.id);
  });

  it('a consultant signing in late joins at the end; signing in again after signing out too', async () => {
    const d = await setup(4);
    const [a, b, c, e] = d.c as [Consultant, Consultant, Consultant, Consultant];
    await d.signIn(a, b);
    const v1 = await d.register();
    expect(v1.currentCall?.staffId).toBe(a.id);
    await accept(d, v1.id, a);
    await d.club.call(d.desk, 'visitors.outcome', { visitorId: v1.id, outcome: 'not_interested' });
    await d.signIn(c);
    const v2 = await d.register();
    expect(v2.currentCall?.staffId).toBe(b.id);
    await accept(d, v2.id, b);
    const v3 = await d.register();
    expect(v3.currentCall?.staffId).toBe(c.id);
    await accept(d, v3.id, c);
    await d.club.call(d.desk, 'visitors.outcome', { visitorId: v2.id, outcome: 'not_interested' });
    await d.club.call(d.desk, 'visitors.outcome', { visitorId: v3.id, outcome: 'not_interested' });
    // Anna signs out and back in: she is now after Chen; Dai, later still, after her.
    await d.club.call(d.desk, 'rotation.signOut', { staffId: a.id });
    await d.signIn(a, e);
    const board = await d.club.call(d.desk, 'rotation.board', {});
    expect(board.consultants.map((x) => x.name)).toEqual(['Bo', 'Chen', 'Anna', 'Dai']);
    expect(board.next.visitor.staffId).toBe(a.id);
    const v4 = await d.register();
    expect(v4.currentCall?.staffId).toBe(a.id);
    const v5 = await d.register();
    expect(v5.currentCall?.staffId).toBe(e.id);
    await expectError(d.signIn(e), 'CONSULTANT_ALREADY_SIGNED_IN');
  });

  it('only consultants sign in, with their own PIN; a consultant changes only their own state', async () => {
    const d = await setup(2);
    const [a, b] = d.c as [Consultant, Consultant];
    await expectError(
      d.club.call(d.desk, 'rotation.signIn', { staffId: d.deskId, pin: '2222' }),
      'NOT_A_CONSULTANT',
    );
    await expectError(d.club.call(d.desk, 'rotation.signIn', { staffId: a.id, pin: '0000' }), 'PIN_WRONG');
    await d.signIn(a, b);
    const anna = `s-anna`;
    await d.club.call(anna, 'session.login', { staffId: a.id, pin: a.pin });
    await expectError(
      d.club.call(anna, 'rotation.setState', { staffId: b.id, state: 'away', awayKind: 'meal' }),
      'NOT_YOURS',
    );
    const board = await d.club.call(anna, 'rotation.setState', {
      staffId: a.id,
      state: 'away',
      awayKind: 'meal',
      expectedBack: '10:30',
    });
    expect(board.consultants[0]).toMatchObject({
      state: 'away',
      awayKind: 'meal',
      expectedBackAt: '2026-11-18T02:30:00.000Z',
    });
    const log = d.club.core.database
      .prepare('SELECT state FROM consultant_state_log WHERE signin_id = 1 ORDER BY id')
      .all();
    expect(log).toEqual([{ state: 'available' }, { state: 'away' }]);
  });
});

describe('whom to call', () => {
  it('first visit → rotation; met before and named → that consultant, no turn used; name unknown → rotation', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    await d.signIn(a, b, c);
    const first = await d.register();
    expect(first.decision).toEqual({ basis: 'rotation', code: 'first_visit', params: {} });
    expect(first.currentCall?.staffId).toBe(a.id);
    expect(first.surname).toBe('张');

    const named = await d.register({ firstVisit: false, metBefore: true, metConsultantId: c.id });
    expect(named.decision).toMatchObject({
      basis: 'named',
      code: 'met_before',
      params: { consultant: 'Chen' },
    });
    expect(named.currentCall).toMatchObject({ staffId: c.id, turnConsumed: false });
    // Chen's named visitor did not use a turn: Bo is still next.
    expect((await d.club.call(d.desk, 'rotation.board', {})).next.visitor.staffId).toBe(b.id);

    const unknown = await d.register({ firstVisit: false, metBefore: true, metConsultantId: null });
    expect(unknown.decision).toMatchObject({ basis: 'rotation', code: 'name_unknown' });
    expect(unknown.currentCall?.staffId).toBe(b.id);
  });

  it('the named consultant absent (not signed in, or away) → the rotation decides, and says why', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    await d.signIn(a, b);
    const v1 = await d.register({ firstVisit: false, metBefore: true, metConsultantId: c.id });
    expect(v1.decision).toMatchObject({
      basis: 'rotation',
      code: 'met_before_absent',
      params: { consultant: 'Chen', state: 'not_signed_in' },
    });
    expect(v1.currentCall).toMatchObject({ staffId: a.id, basis: 'rotation', turnConsumed: true });
    await d.signIn(c);
    await d.club.call(d.desk, 'rotation.setState', { staffId: c.id, state: 'away', awayKind: 'outside' });
    const v2 = await d.register({ firstVisit: false, metBefore: true, metConsultantId: c.id });
    expect(v2.decision).toMatchObject({ code: 'met_before_absent', params: { state: 'away' } });
    expect(v2.currentCall?.staffId).toBe(b.id);
  });

  it('an appointment the visitor names → that consultant; absent → rotation', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    await d.signIn(a, b, c);
    const v = await d.register({ hasAppointment: true, appointmentWithId: b.id, firstVisit: false });
    expect(v.decision).toMatchObject({ basis: 'appointment', code: 'appointment_stated' });
    expect(v.currentCall).toMatchObject({ staffId: b.id, turnConsumed: false });
    await d.club.call(d.desk, 'rotation.signOut', { staffId: c.id });
    const w = await d.register({ hasAppointment: true, appointmentWithId: c.id });
    expect(w.decision).toMatchObject({
      basis: 'rotation',
      code: 'appointment_absent',
      params: { state: 'signed_out' },
    });
    expect(w.currentCall?.staffId).toBe(a.id);
  });

  it('lead ownership: the appointment owner on day 2, the rotation on day 4 (shared lead)', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    const bo = 's-bo';
    await d.club.call(bo, 'session.login', { staffId: b.id, pin: b.pin });
    const appt = await d.club.call(bo, 'appointments.create', {
      visitorName: 'Wang Fang',
      phone: '139-1234-5678',
      date: '2026-11-18',
      time: '15:00',
      place: 'club lobby',
    });
    expect(appt).toMatchObject({ consultantId: b.id, fixedAt: '2026-11-18T02:00:00.000Z' });

    await d.advance(2 * 86_400_000);
    await d.signIn(a, b, c);
    const day2 = await d.register({ name: 'Wang Fang', phone: '13912345678' });
    expect(day2.decision).toMatchObject({
      basis: 'appointment',
      code: 'appointment',
      params: { consultant: 'Bo', appointmentId: appt.id, days: 2, place: 'club lobby' },
    });
    expect(day2.currentCall).toMatchObject({ staffId: b.id, turnConsumed: false });
    expect(day2.appointmentId).toBe(appt.id);

    await d.advance(2 * 86_400_000);
    await d.signIn(a, b, c);
    const day4 = await d.register({ name: 'Wang Fang', phone: '13912345678' });
    expect(day4.decision).toMatchObject({
      basis: 'rotation',
      code: 'appointment_expired',
      params: { consultant: 'Bo', days: 4, limit: 3 },
    });
    expect(day4.currentCall).toMatchObject({ staffId: a.id, basis: 'rotation', turnConsumed: true });
  });

  it('two consultants booked the same phone: the one who fixed it first owns the lead', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    await d.club.call('mgr', 'appointments.create', {
      consultantId: c.id,
      visitorName: 'Liu',
      phone: '13800005555',
      date: '2026-11-19',
      place: 'phone call: lobby',
    });
    await d.advance(60 * 60_000);
    // Bo fixes a later-made appointment for an earlier date: fixing first is what counts.
    await d.club.call('mgr', 'appointments.create', {
      consultantId: b.id,
      visitorName: 'Liu',
      phone: '138 0000 5555',
      date: '2026-11-18',
      place: 'lobby',
    });
    await d.signIn(a, b, c);
    const v = await d.register({ phone: '13800005555' });
    expect(v.decision).toMatchObject({ basis: 'appointment', params: { consultant: 'Chen', others: 1 } });
    expect(v.currentCall?.staffId).toBe(c.id);
    const list = await d.club.call(d.desk, 'appointments.list', { phone: '13800005555' });
    expect(list.map((x) => x.consultantName)).toEqual(['Bo', 'Chen']);
  });
});

describe('calling, pages and the timer', () => {
  it('two pages at most; after the time runs out the next in rotation is called and the no-show recorded', async () => {
    const d = await setup();
    const [a, b] = d.c as [Consultant, Consultant, Consultant];
    await d.signIn(...d.c);
    const v = await d.register();
    expect(v.currentCall).toMatchObject({
      staffId: a.id,
      pages: 1,
      maxPages: 2,
      deadlineAt: '2026-11-18T02:02:00.000Z',
      canPageAgain: true,
      canProposeNext: false,
    });
    expect(v.proposal).toEqual({ staffId: b.id, name: 'Bo' });
    await d.advance(60_000);
    const paged = await d.club.call(d.desk, 'visitors.page', { visitorId: v.id });
    expect(paged.currentCall).toMatchObject({
      pages: 2,
      deadlineAt: '2026-11-18T02:03:00.000Z',
      canPageAgain: false,
    });
    await expectError(d.club.call(d.desk, 'visitors.page', { visitorId: v.id }), 'PAGE_LIMIT');
    await expectError(d.club.call(d.desk, 'visitors.proposeNext', { visitorId: v.id }), 'CALL_NOT_OVERDUE');
    await d.advance(120_000);
    expect((await d.club.call(d.desk, 'visitors.get', { id: v.id })).currentCall).toMatchObject({
      overdue: true,
      canProposeNext: true,
    });
    const next = await d.club.call(d.desk, 'visitors.proposeNext', { visitorId: v.id });
    expect(next.currentCall).toMatchObject({
      staffId: b.id,
      basis: 'rotation',
      code: 'no_show_next',
      params: { previous: 'Anna' },
      pages: 1,
    });
    expect(next.calls.map((k) => [k.staffName, k.status])).toEqual([
      ['Anna', 'no_show'],
      ['Bo', 'open'],
    ]);
    // Anna arrives late: the visitor is Bo's now.
    await expectError(accept(d, v.id, a), 'WRONG_CONSULTANT');
    const ok = await accept(d, v.id, b);
    expect(ok).toMatchObject({ status: 'with_consultant', consultantId: b.id, handedOverByName: 'Desk Li' });
  });

  it('an appointment consultant who does not come in time is replaced by the rotation', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    await d.signIn(a, b, c);
    const v = await d.register({ hasAppointment: true, appointmentWithId: c.id });
    expect(v.currentCall?.staffId).toBe(c.id);
    await d.advance(121_000);
    const next = await d.club.call(d.desk, 'visitors.proposeNext', { visitorId: v.id });
    expect(next.currentCall).toMatchObject({ staffId: a.id, turnConsumed: true });
  });

  it('with autoProposeNext the timer pages again, then calls the next by itself', async () => {
    const d = await setup();
    const [a, b] = d.c as [Consultant, Consultant, Consultant];
    await d.club.call('mgr', 'settings.update', { autoProposeNext: true, callTimeoutSeconds: 60 });
    await d.signIn(...d.c);
    const v = await d.register();
    expect(v.currentCall).toMatchObject({ staffId: a.id, deadlineAt: '2026-11-18T02:01:00.000Z' });
    expect((await d.club.call(d.desk, 'visitors.tick', {})).changed).toEqual([]);
    await d.advance(61_000);
    expect((await d.club.call(d.desk, 'visitors.tick', {})).changed).toEqual([v.id]);
    expect((await d.club.call(d.desk, 'visitors.get', { id: v.id })).currentCall).toMatchObject({
      staffId: a.id,
      pages: 2,
    });
    await d.advance(61_000);
    await d.club.call(d.desk, 'visitors.tick', {});
    const after = await d.club.call(d.desk, 'visitors.get', { id: v.id });
    expect(after.currentCall).toMatchObject({ staffId: b.id, code: 'no_show_next' });
  });

  it('two visitors registered at the same moment get different consultants', async () => {
    const d = await setup();
    await d.signIn(...d.c);
    const [v1, v2] = await Promise.all([d.register(), d.register()]);
    expect(v1.currentCall?.staffId).toBeDefined();
    expect(v2.currentCall?.staffId).toBeDefined();
    expect(v1.currentCall?.staffId).not.toBe(v2.currentCall?.staffId);
    // Only one consultant left free: the third gets them, the fourth waits.
    const v3 = await d.register();
    expect(v3.currentCall?.staffId).toBe(d.c[2]!.id);
    const v4 = await d.register();
    expect(v4).toMatchObject({ status: 'waiting', currentCall: null });
    await expectError(
      d.club.call(d.desk, 'visitors.proposeNext', { visitorId: v4.id }),
      'NO_CONSULTANT_AVAILABLE',
    );
  });

  it('away and busy consultants are passed over, and that is recorded', async () => {
    const d = await setup(4);
    const [a, b, c, e] = d.c as [Consultant, Consultant, Consultant, Consultant];
    await d.signIn(a, b, c, e);
    const v1 = await d.register();
    await accept(d, v1.id, a);
    expect((await d.club.call(d.desk, 'rotation.board', {})).consultants[0]?.state).toBe('with_visitor');
    await d.club.call(d.desk, 'rotation.setState', { staffId: b.id, state: 'away', awayKind: 'meal' });
    const v2 = await d.register();
    expect(v2.currentCall?.staffId).toBe(c.id);
    expect(v2.passedOver.map((p) => [p.name, p.reason])).toEqual([['Bo', 'away']]);
    const v3 = await d.register();
    expect(v3.currentCall?.staffId).toBe(e.id);
    expect(v3.passedOver).toEqual([]);
    // Everyone is away, with a visitor or being called: the visitor waits, nothing is recorded.
    const board = await d.club.call(d.desk, 'rotation.board', {});
    expect(board.next.visitor).toMatchObject({ staffId: null, why: { code: 'none_available' } });
    expect(board.next.visitor.wouldPassOver.map((p) => p.reason)).toEqual([
      'with_visitor',
      'away',
      'being_called',
      'being_called',
    ]);
    const v4 = await d.register();
    expect(v4.status).toBe('waiting');
    expect(v4.passedOver).toEqual([]);
    // Bo is back: the desk calls the next for the waiting visitor; Anna (with a visitor) is passed over.
    await d.club.call(d.desk, 'rotation.setState', { staffId: b.id, state: 'available' });
    const called = await d.club.call(d.desk, 'visitors.proposeNext', { visitorId: v4.id });
    expect(called.currentCall?.staffId).toBe(b.id);
    expect(called.passedOver.map((p) => [p.name, p.reason])).toEqual([['Anna', 'with_visitor']]);
    // Being called or with a visitor, a consultant cannot go away or sign out.
    await expectError(
      d.club.call(d.desk, 'rotation.setState', { staffId: c.id, state: 'away', awayKind: 'other' }),
      'CONSULTANT_BUSY',
    );
    await expectError(d.club.call(d.desk, 'rotation.signOut', { staffId: a.id }), 'CONSULTANT_BUSY');
  });
});

describe('hand-off and outcome', () => {
  it('the consultant accepts with their PIN, becomes "with a visitor", records the outcome and is available again', async () => {
    const d = await setup(2);
    const [a] = d.c as [Consultant, Consultant];
    const ct = await d.club.call('mgr', 'cardTypes.create', {
      name: 'Annual',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 388_800,
    });
    await d.signIn(...d.c);
    const v = await d.register();
    await expectError(
      d.club.call(d.desk, 'visitors.accept', { visitorId: v.id, staffId: a.id, pin: '1111' }),
      'PIN_WRONG',
    );
    const ok = await accept(d, v.id, a);
    expect(ok).toMatchObject({ status: 'with_consultant', consultantName: 'Anna', creditConsultantId: a.id });
    expect(ok.calls[0]).toMatchObject({ status: 'accepted' });
    await expectError(
      d.club.call(d.desk, 'visitors.outcome', { visitorId: v.id, outcome: 'joined' }),
      'CARD_TYPE_REQUIRED',
    );
    const bo = 's-bo2';
    await d.club.call(bo, 'session.login', { staffId: d.c[1]!.id, pin: d.c[1]!.pin });
    await expectError(
      d.club.call(bo, 'visitors.outcome', { visitorId: v.id, outcome: 'not_interested' }),
      'NOT_YOURS',
    );
    const anna = 's-anna2';
    await d.club.call(anna, 'session.login', { staffId: a.id, pin: a.pin });
    const done = await d.club.call(anna, 'visitors.outcome', {
      visitorId: v.id,
      outcome: 'joined',
      cardTypeId: ct.id,
    });
    expect(done).toMatchObject({ status: 'done', outcome: 'joined', outcomeCardTypeName: 'Annual' });
    expect((await d.club.call(d.desk, 'rotation.board', {})).consultants[0]?.state).toBe('available');
    const today = await d.club.call(d.desk, 'visitors.today', {});
    expect(today.counts).toMatchObject({ visitors: 1, byRotation: 1, ownLeads: 0, joined: 1, done: 1 });
    expect(today.cardsSold).toEqual([{ cardTypeId: ct.id, cardTypeName: 'Annual', count: 1 }]);
    // Reception never sees a membership price here either.
    const raw = JSON.stringify([today, await d.club.call(d.desk, 'visitors.get', { id: v.id })]);
    expect(raw).not.toMatch(/price/i);
    expect(raw).not.toContain('388800');
    // The audit log has the hand-off with both people.
    const audit = await d.club.call('mgr', 'audit.search', { q: 'visitors.accept' });
    expect(audit.total).toBe(1);
  });

  it('a visitor who leaves before being received frees the consultant being called', async () => {
    const d = await setup(2);
    await d.signIn(...d.c);
    const v = await d.register();
    const left = await d.club.call(d.desk, 'visitors.leave', { visitorId: v.id, note: 'could not wait' });
    expect(left).toMatchObject({ status: 'left', currentCall: null });
    expect(left.calls[0]?.status).toBe('cancelled');
    const board = await d.club.call(d.desk, 'rotation.board', {});
    expect(board.consultants[0]?.beingCalledFor).toBeNull();
  });
});

describe('disputes', () => {
  it('a consultant disputes; reception cannot decide; the customer-service manager moves the credit once', async () => {
    const d = await setup();
    const [a, b] = d.c as [Consultant, Consultant, Consultant];
    await d.signIn(...d.c);
    const v = await d.register();
    await accept(d, v.id, a);
    await expectError(
      d.club.call(d.desk, 'visitors.dispute', { visitorId: v.id, reason: 'my lead' }),
      'NOT_A_CONSULTANT',
    );
    const disp = await d.club.call(d.desk, 'visitors.dispute', {
      visitorId: v.id,
      reason: 'I met her last week at the mall event',
      consultant: { staffId: b.id, pin: b.pin },
    });
    expect(disp).toMatchObject({
      status: 'open',
      raisedByName: 'Bo',
      creditBeforeId: a.id,
      recordedByName: 'Desk Li',
    });
    expect((await d.club.call(d.desk, 'visitors.get', { id: v.id })).openDisputes).toBe(1);
    await expectError(
      d.club.call(d.desk, 'visitors.decideDispute', { disputeId: disp.id, decision: 'move' }),
      'FORBIDDEN',
    );
    const cs = await d.club.loginAs('cs_manager', 'CS Zhou', '4444');
    expect((await d.club.call(cs.session, 'visitors.disputes', {})).map((x) => x.id)).toEqual([disp.id]);
    const decided = await d.club.call(cs.session, 'visitors.decideDispute', {
      disputeId: disp.id,
      decision: 'move',
      note: 'Bo has the event sign-up sheet',
    });
    expect(decided).toMatchObject({
      status: 'decided',
      decision: 'move',
      creditToId: b.id,
      decidedByName: 'CS Zhou',
    });
    const after = await d.club.call(d.desk, 'visitors.get', { id: v.id });
    // History stays: Anna received the visitor; the credit is Bo's.
    expect(after).toMatchObject({ consultantId: a.id, creditConsultantId: b.id, openDisputes: 0 });
    expect(after.calls[0]).toMatchObject({ staffId: a.id, status: 'accepted' });
    await expectError(
      d.club.call(cs.session, 'visitors.decideDispute', { disputeId: disp.id, decision: 'keep' }),
      'DISPUTE_DECIDED',
    );
    expect(() =>
      d.club.core.database.prepare("UPDATE visitor_disputes SET decision = 'keep' WHERE id = ?").run(disp.id),
    ).toThrow(/never changed/);
    expect(await d.club.call(cs.session, 'visitors.disputes', {})).toEqual([]);
  });
});

describe('phone inquiries', () => {
  it('have their own turn pointer, separate from the visitor rotation, with the same rule', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    await d.signIn(a, b, c);
    const v1 = await d.register();
    expect(v1.currentCall?.staffId).toBe(a.id);
    const call = (over: Partial<OpArgs<'inquiries.create'>> = {}) =>
      d.club.call(d.desk, 'inquiries.create', {
        callerName: 'Mr Sun',
        callbackPhone: '13700001111',
        hasAppointment: false,
        appointmentWithId: null,
        topic: 'prices for a year',
        ...over,
      });
    const i1 = await call();
    expect(i1).toMatchObject({ consultantId: a.id, decision: { basis: 'rotation', code: 'phone_rotation' } });
    const i2 = await call();
    expect(i2.consultantId).toBe(b.id);
    // An appointment: that consultant, no phone turn used.
    const i3 = await call({ hasAppointment: true, appointmentWithId: a.id });
    expect(i3).toMatchObject({ consultantId: a.id, decision: { basis: 'appointment' } });
    // The visitor rotation did not move with the phone one.
    const v2 = await d.register();
    expect(v2.currentCall?.staffId).toBe(b.id);
    // Same rule: away consultants are passed over.
    await d.club.call(d.desk, 'rotation.setState', { staffId: c.id, state: 'away', awayKind: 'meal' });
    const i4 = await call();
    expect(i4.consultantId).toBe(a.id);
    expect(i4.passedOver.map((p) => [p.name, p.reason])).toEqual([['Chen', 'away']]);
    const board = await d.club.call(d.desk, 'rotation.board', {});
    expect(board.next.phone.staffId).toBe(b.id);
    expect(board.next.visitor.why.code).toBe('none_available');
    // The consultant marks it called back (only their own).
    const bo = 's-bo3';
    await d.club.call(bo, 'session.login', { staffId: b.id, pin: b.pin });
    await expectError(d.club.call(bo, 'inquiries.markCalledBack', { inquiryId: i1.id }), 'NOT_YOURS');
    const cb = await d.club.call(bo, 'inquiries.markCalledBack', {
      inquiryId: i2.id,
      note: 'booked a visit',
    });
    expect(cb).toMatchObject({ calledBackByName: 'Bo', callbackNote: 'booked a visit' });
    expect((await d.club.call(d.desk, 'inquiries.list', { open: true })).length).toBe(3);
    expect((await d.club.call(d.desk, 'visitors.today', {})).counts.phoneInquiries).toBe(4);
  });

  it('nobody signed in: the inquiry waits unassigned and is passed on later', async () => {
    const d = await setup(1);
    const i = await d.club.call(d.desk, 'inquiries.create', {
      callerName: 'Ms Qian',
      callbackPhone: '13700002222',
      hasAppointment: false,
      appointmentWithId: null,
      topic: '',
    });
    expect(i.consultantId).toBeNull();
    await expectError(
      d.club.call(d.desk, 'inquiries.assign', { inquiryId: i.id }),
      'NO_CONSULTANT_AVAILABLE',
    );
    await d.signIn(d.c[0]!);
    const j = await d.club.call(d.desk, 'inquiries.assign', { inquiryId: i.id });
    expect(j.consultantId).toBe(d.c[0]!.id);
    await expectError(d.club.call(d.desk, 'inquiries.assign', { inquiryId: i.id }), 'INQUIRY_ASSIGNED');
  });
});

describe('class announcements', () => {
  it('a reminder is due 15 minutes before a class; marked announced, or missed once the class starts', async () => {
    const d = await setup(0);
    // 2026-11-18 is a Wednesday (3); the clock is at 10:00 club time.
    const yoga = await d.club.call('mgr', 'classes.create', {
      weekday: 3,
      startTime: '10:30',
      className: 'Yoga',
      room: 'Studio 1',
      instructor: 'Coach Lin',
    });
    const spin = await d.club.call('mgr', 'classes.create', {
      weekday: 3,
      startTime: '10:40',
      className: 'Spinning',
      room: 'Cycling room',
      instructor: 'Coach Ma',
    });
    await d.club.call('mgr', 'classes.create', {
      weekday: 4,
      startTime: '10:30',
      className: 'Pilates',
      room: 'Studio 2',
      instructor: 'Coach Lin',
    });
    await expectError(
      d.club.call(d.desk, 'classes.create', {
        weekday: 1,
        startTime: '09:00',
        className: 'X',
        room: '',
        instructor: '',
      }),
      'FORBIDDEN',
    );
    let due = await d.club.call(d.desk, 'announcements.due', {});
    expect(due.items.map((i) => [i.slot, i.status])).toEqual([
      [`class:${yoga.id}`, 'upcoming'],
      [`class:${spin.id}`, 'upcoming'],
      ['closing', 'upcoming'],
    ]);
    expect(due.items[0]).toMatchObject({
      dueAt: '2026-11-18T02:15:00.000Z',
      startsAt: '2026-11-18T02:30:00.000Z',
    });
    expect(due.items[2]).toMatchObject({
      dueAt: '2026-11-18T13:30:00.000Z',
      startsAt: '2026-11-18T14:00:00.000Z',
    });
    await d.advance(16 * 60_000);
    due = await d.club.call(d.desk, 'announcements.due', {});
    expect(due.dueNow).toBe(1);
    due = await d.club.call(d.desk, 'announcements.markAnnounced', { slot: `class:${yoga.id}` });
    expect(due.items[0]).toMatchObject({ status: 'announced', announcedByName: 'Desk Li' });
    await expectError(
      d.club.call(d.desk, 'announcements.markAnnounced', { slot: `class:${yoga.id}` }),
      'ANNOUNCEMENT_DONE',
    );
    await d.advance(30 * 60_000);
    due = await d.club.call(d.desk, 'announcements.due', {});
    expect(due.items[1]).toMatchObject({ className: 'Spinning', status: 'missed' });
    await expectError(
      d.club.call(d.desk, 'announcements.markAnnounced', { slot: `class:${spin.id}` }),
      'ANNOUNCEMENT_PASSED',
    );
    // The pre-closing announcement.
    d.club.clock.set('2026-11-18T13:35:00.000Z');
    await d.club.call(d.desk, 'session.login', { staffId: d.deskId, pin: '2222' });
    due = await d.club.call(d.desk, 'announcements.markAnnounced', { slot: 'closing' });
    expect(due.items.find((i) => i.kind === 'closing')?.status).toBe('announced');
    // The next day, yesterday's list shows what was missed (for the handover).
    await d.advance(86_400_000);
    const list = await d.club.call(d.desk, 'announcements.list', { from: '2026-11-18', to: '2026-11-19' });
    expect(list.filter((i) => i.status === 'missed').map((i) => [i.day, i.className])).toEqual([
      ['2026-11-18', 'Spinning'],
      ['2026-11-19', 'Pilates'],
    ]);
  });
});

describe('the consultant report', () => {
  it('per consultant per day and month: received by rotation and own leads, passed over, no-shows, disputes, outcomes; managers only', async () => {
    const d = await setup();
    const [a, b, c] = d.c as [Consultant, Consultant, Consultant];
    await d.signIn(a, b, c);
    await d.club.call(d.desk, 'rotation.setState', { staffId: b.id, state: 'away', awayKind: 'meal' });
    const v1 = await d.register(); // Anna
    await accept(d, v1.id, a);
    const v2 = await d.register(); // Bo away → Chen; Chen does not come → Anna is with a visitor, Bo away → waits
    expect(v2.currentCall?.staffId).toBe(c.id);
    await d.advance(121_000);
    const v2b = await d.club.call(d.desk, 'visitors.proposeNext', { visitorId: v2.id });
    expect(v2b.status).toBe('waiting');
    await d.club.call(d.desk, 'visitors.leave', { visitorId: v2.id });
    const v3 = await d.register({ metBefore: true, metConsultantId: c.id, firstVisit: false });
    await accept(d, v3.id, c);
    await d.club.call(d.desk, 'visitors.outcome', {
      visitorId: v3.id,
      outcome: 'follow_up',
      followUpDate: '2026-11-20',
    });
    await d.club.call(d.desk, 'visitors.outcome', { visitorId: v1.id, outcome: 'not_interested' });
    await d.club.call(d.desk, 'visitors.dispute', {
      visitorId: v1.id,
      reason: 'mine',
      consultant: { staffId: c.id, pin: c.pin },
    });

    await expectError(d.club.call(d.desk, 'reports.consultants', { month: '2026-11' }), 'FORBIDDEN');
    const r = await d.club.call('mgr', 'reports.consultants', { month: '2026-11' });
    const row = (name: string) => r.rows.find((x) => x.name === name)!;
    expect(row('Anna').total).toMatchObject({ receivedRotation: 1, receivedOwnLeads: 0, notInterested: 1 });
    expect(row('Chen').total).toMatchObject({
      receivedRotation: 0,
      receivedOwnLeads: 1,
      noShows: 1,
      followUp: 1,
      disputesRaised: 1,
    });
    expect(row('Bo').total).toMatchObject({
      passedOver: 1,
      passedOverByReason: { away: 1, with_visitor: 0, being_called: 0 },
    });
    expect(row('Anna').days.map((x) => x.day)).toEqual(['2026-11-18']);
    expect(
      (await d.club.call('mgr', 'reports.consultants', { month: '2026-10' })).rows.every(
        (x) => x.days.length === 0,
      ),
    ).toBe(true);
  });
});
