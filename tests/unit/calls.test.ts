/**
 * Follow-up calls and renewal reminders (回访 / 续卡提醒) and complaint after-care, with the
 * controllable clock: each reason of the morning list, no duplicates, the call windows and holidays,
 * assignment (owner, rotation, reassignment), outcomes (incl. an appointment through the visitors
 * area), the rates and the monthly / quarterly summary; the lowest roles' attempts.
 */
import { describe, expect, it } from 'vitest';
import type { OpArgs } from '../../electron/core/contract';
import { expectError, makeClub, MANAGER_PIN, type TestClub } from './helpers';

interface Club {
  club: TestClub;
  desk: { session: string; staffId: number };
  anna: { session: string; staffId: number };
  bo: { session: string; staffId: number };
  year: number;
  ten: number;
  /** Sets the club-local time ('2026-11-18 10:30') and logs everyone in again (the idle lock). */
  at(local: string): Promise<void>;
  member(over?: Partial<OpArgs<'members.create'>>): Promise<{ id: number }>;
  prepare(): Promise<{ entries: number; reasons: number }>;
}

let seq = 0;

async function setup(): Promise<Club> {
  const club = await makeClub();
  const desk = await club.loginAs('reception', 'Desk Li', '2222');
  const anna = await club.loginAs('consultant', 'Anna', '7000');
  const bo = await club.loginAs('consultant', 'Bo', '7010');
  const type = (name: string, kind: 'time' | 'visits', n: number) =>
    club.call('mgr', 'cardTypes.create', {
      name,
      kind,
      durationDays: kind === 'time' ? n : null,
      visitCount: kind === 'visits' ? n : null,
      priceCents: 100_000,
    });
  const year = (await type('Year card', 'time', 365)).id;
  const ten = (await type('10 visits', 'visits', 10)).id;
  const logins: [string, number, string][] = [
    ['mgr', club.managerId, MANAGER_PIN],
    [desk.session, desk.staffId, '2222'],
    [anna.session, anna.staffId, '7000'],
    [bo.session, bo.staffId, '7010'],
  ];
  return {
    club,
    desk,
    anna,
    bo,
    year,
    ten,
    at: async (local) => {
      const [d, t] = local.split(' ');
      club.clock.set(new Date(`${d}T${t}:00+08:00`));
      for (const [s, id, pin] of logins) await club.call(s, 'session.login', { staffId: id, pin });
    },
    member: (over = {}) => {
      seq += 1;
      return club.call('mgr', 'members.create', {
        cardNo: `C${1000 + seq}`,
        name: `Member ${seq}`,
        gender: 'female',
        phone: `1380000${String(1000 + seq)}`,
        birthDate: null,
        cardTypeId: year,
        startDate: '2026-11-15',
        expiryDate: '2027-11-14',
        visitsLeft: null,
        consultantId: null,
        notes: '',
        ...over,
      });
    },
    prepare: () => club.call('mgr', 'calls.prepare', {}),
  };
}

const reasonsOf = (
  list: { entries: { person: { memberId: number | null }; reasons: { reason: string }[] }[] },
  id: number,
) => list.entries.filter((e) => e.person.memberId === id).map((e) => e.reasons.map((r) => r.reason));

describe('the morning list: each reason', () => {
  it('a card that runs out: reminded at 30, 15 and 7 days, each once; never twice on the same day', async () => {
    const c = await setup();
    // (cards starting on 2026-12-01: no not-seen reminders get in the way before then)
    const m = await c.member({
      startDate: '2026-12-01',
      expiryDate: '2026-12-08',
      consultantId: c.anna.staffId,
    }); // 20 days left
    await c.member({ startDate: '2026-12-01', expiryDate: '2027-01-30' }); // 73 days: not yet
    expect(await c.prepare()).toEqual({ entries: 1, reasons: 1 });
    expect(await c.prepare()).toEqual({ entries: 0, reasons: 0 });
    let list = await c.club.call('mgr', 'calls.today', {});
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({
      person: { memberId: m.id, kind: 'member' },
      consultant: { id: c.anna.staffId },
      basis: 'owner',
      state: 'new',
      reasons: [{ reason: 'card_ending', detail: { days: 30, expiry: '2026-12-08' } }],
    });
    // the member is reached and says they will think about it: the entry is done
    await c.club.call(c.anna.session, 'calls.record', { entryId: list.entries[0]!.id, outcome: 'reached' });
    // five days later (15 days left): the 15-day reminder, a new entry; the 30-day one is not repeated
    await c.at('2026-11-23 10:05');
    expect(await c.prepare()).toEqual({ entries: 1, reasons: 1 });
    list = await c.club.call('mgr', 'calls.today', {});
    expect(reasonsOf(list, m.id)).toEqual([['card_ending']]);
    expect(list.entries.find((e) => e.state === 'new')!.reasons[0]!.detail).toMatchObject({ days: 15 });
    // not called; a week later (7 days left) the 7-day reminder joins the same open entry
    await c.at('2026-12-01 10:05');
    expect(await c.prepare()).toEqual({ entries: 0, reasons: 1 });
    list = await c.club.call('mgr', 'calls.today', {});
    const open = list.entries.filter((e) => e.state !== 'done');
    expect(open).toHaveLength(1);
    expect(open[0]!.reasons.map((r) => r.detail.days)).toEqual([15, 7]);
  });

  it('a visit card with 3 or fewer visits left; more left is not listed', async () => {
    const c = await setup();
    const low = await c.member({ cardTypeId: c.ten, expiryDate: null, visitsLeft: 2 });
    await c.member({ cardTypeId: c.ten, expiryDate: null, visitsLeft: 5 });
    await c.prepare();
    const list = await c.club.call('mgr', 'calls.today', {});
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({
      person: { memberId: low.id },
      basis: 'rotation',
      reasons: [{ reason: 'visits_low', detail: { visitsLeft: 2 } }],
    });
  });

  it('not seen for 14 and 30 days (counted from the last visit, or the start of the card)', async () => {
    const c = await setup();
    const seen = await c.member({ startDate: '2026-09-01' });
    const never = await c.member({ startDate: '2026-10-10' }); // 39 days, never came
    const recent = await c.member({ startDate: '2026-09-01' });
    await c.at('2026-11-03 18:00');
    const v = await c.club.call(c.desk.session, 'checkin.scan', {
      ref: { cardNo: `C${1000 + seq - 2}` },
      tagNumber: 1,
      scanned: true,
    });
    expect(v).toBeTruthy();
    const inside = await c.club.call(c.desk.session, 'checkin.inside', { filter: '' });
    await c.club.call(c.desk.session, 'checkin.checkout', { visitId: inside[0]!.visitId, tagReturned: true });
    await c.at('2026-11-12 18:00');
    await c.club.call(c.desk.session, 'checkin.scan', {
      ref: { cardNo: `C${1000 + seq}` },
      tagNumber: 2,
      scanned: true,
    });
    const inside2 = await c.club.call(c.desk.session, 'checkin.inside', { filter: '' });
    await c.club.call(c.desk.session, 'checkin.checkout', {
      visitId: inside2[0]!.visitId,
      tagReturned: true,
    });
    await c.at('2026-11-18 10:00');
    await c.prepare();
    const list = await c.club.call('mgr', 'calls.today', {});
    // seen 2026-11-03 (15 days ago) → 14; never came since 2026-10-10 → 30; recent (6 days) → none
    const byMember = new Map(list.entries.map((e) => [e.person.memberId, e.reasons]));
    expect(byMember.get(seen.id)).toEqual([
      { reason: 'not_seen', detail: { days: 14, lastSeen: '2026-11-03' } },
    ]);
    expect(byMember.get(never.id)).toEqual([
      { reason: 'not_seen', detail: { days: 30, lastSeen: '2026-10-10' } },
    ]);
    expect(byMember.has(recent.id)).toBe(false);
  });

  it('first-time visitors and new members a week after their first visit, assigned to their consultant', async () => {
    const c = await setup();
    await c.at('2026-11-11 14:00');
    await c.club.call(c.desk.session, 'rotation.signIn', { staffId: c.bo.staffId, pin: '7010' });
    const v = await c.club.call(c.desk.session, 'visitors.register', {
      name: '张丽',
      phone: '13900001111',
      gender: 'female',
      heardFrom: 'friend',
      interests: ['yoga'],
      firstVisit: true,
      metBefore: false,
      metConsultantId: null,
      hasAppointment: false,
      appointmentWithId: null,
    });
    await c.club.call(c.desk.session, 'visitors.accept', {
      visitorId: v.id,
      staffId: c.bo.staffId,
      pin: '7010',
    });
    const fresh = await c.member({ startDate: '2026-11-11', consultantId: c.anna.staffId });
    await c.club.call(c.desk.session, 'checkin.scan', {
      ref: { cardNo: `C${1000 + seq}` },
      tagNumber: 1,
      scanned: true,
    });
    // six days later: too early
    await c.at('2026-11-17 10:30');
    expect((await c.prepare()).reasons).toBe(0);
    await c.at('2026-11-18 10:30');
    await c.prepare();
    const list = await c.club.call('mgr', 'calls.today', {});
    const visitor = list.entries.find((e) => e.person.visitorId === v.id)!;
    expect(visitor).toMatchObject({
      person: { kind: 'visitor', name: '张丽', phone: '139 0000 1111' },
      consultant: { id: c.bo.staffId },
      basis: 'owner',
      reasons: [{ reason: 'first_visit', detail: { visited: '2026-11-11' } }],
    });
    const member = list.entries.find((e) => e.person.memberId === fresh.id)!;
    expect(member).toMatchObject({
      consultant: { id: c.anna.staffId },
      reasons: [{ reason: 'new_member', detail: { firstVisit: '2026-11-11' } }],
    });
    // a day later: not listed again
    await c.at('2026-11-19 10:30');
    expect((await c.prepare()).reasons).toBe(0);
  });
});

describe('working the list', () => {
  it('outside the call windows and on holidays the list waits (and says when the next window opens)', async () => {
    const c = await setup();
    await c.member({ expiryDate: '2026-11-25', consultantId: c.anna.staffId });
    await c.prepare();
    await c.at('2026-11-18 12:30');
    let list = await c.club.call(c.anna.session, 'calls.today', {});
    expect(list.window).toEqual({
      open: false,
      current: null,
      holiday: null,
      next: { date: '2026-11-18', time: '15:00' },
    });
    const entryId = list.entries[0]!.id;
    expect(
      await expectError(
        c.club.call(c.anna.session, 'calls.record', { entryId, outcome: 'reached' }),
        'CALL_WINDOW_CLOSED',
      ),
    ).toMatchObject({
      nextDate: '2026-11-18',
      nextTime: '15:00',
    });
    await c.at('2026-11-18 17:00');
    expect((await c.club.call(c.anna.session, 'calls.today', {})).window.next).toEqual({
      date: '2026-11-19',
      time: '10:00',
    });
    // a holiday tomorrow and today: the next window is the day after tomorrow
    const s = await c.club.call('mgr', 'calls.settings', {});
    await c.club.call('mgr', 'calls.updateSettings', {
      ...s,
      holidays: [
        { date: '2026-11-18', name: 'Club day' },
        { date: '2026-11-19', name: 'Club day 2' },
      ],
    });
    await c.at('2026-11-18 10:30');
    list = await c.club.call(c.anna.session, 'calls.today', {});
    expect(list.window).toEqual({
      open: false,
      current: null,
      holiday: 'Club day',
      next: { date: '2026-11-20', time: '10:00' },
    });
    await expectError(
      c.club.call(c.anna.session, 'calls.record', { entryId, outcome: 'reached' }),
      'CALL_WINDOW_CLOSED',
    );
    // overlapping windows are refused and change nothing
    await expectError(
      c.club.call('mgr', 'calls.updateSettings', {
        ...s,
        windows: [
          { from: '10:00', to: '12:00' },
          { from: '11:00', to: '13:00' },
        ],
      }),
      'CALL_SETTINGS_INVALID',
    );
    expect((await c.club.call('mgr', 'calls.settings', {})).windows).toEqual(s.windows);
    await c.at('2026-11-20 10:00');
    expect((await c.club.call(c.anna.session, 'calls.record', { entryId, outcome: 'renewed' })).state).toBe(
      'done',
    );
  });

  it('assignment: the owner, else by rotation (signed-in consultants, evenly); a manager reassigns', async () => {
    const c = await setup();
    await c.club.call(c.desk.session, 'rotation.signIn', { staffId: c.bo.staffId, pin: '7010' });
    await c.club.call(c.desk.session, 'rotation.signIn', { staffId: c.anna.staffId, pin: '7000' });
    for (let i = 0; i < 4; i++) await c.member({ expiryDate: '2026-11-28' });
    await c.prepare();
    const list = await c.club.call('mgr', 'calls.today', {});
    expect(list.entries.map((e) => e.basis)).toEqual(['rotation', 'rotation', 'rotation', 'rotation']);
    const count = (id: number) => list.entries.filter((e) => e.consultant.id === id).length;
    expect([count(c.anna.staffId), count(c.bo.staffId)]).toEqual([2, 2]);
    expect(list.rates.map((r) => [r.consultant.name, r.onList, r.called])).toEqual([
      ['Anna', 2, 0],
      ['Bo', 2, 0],
    ]);
    // a consultant sees only their own list and cannot ask for another's
    const mine = await c.club.call(c.anna.session, 'calls.today', {});
    expect(mine.entries.every((e) => e.consultant.id === c.anna.staffId)).toBe(true);
    expect(mine.entries).toHaveLength(2);
    await expectError(
      c.club.call(c.anna.session, 'calls.today', { consultantId: c.bo.staffId }),
      'NOT_YOURS',
    );
    // …nor record a call on another consultant's list, nor reassign
    const bos = list.entries.find((e) => e.consultant.id === c.bo.staffId)!;
    await expectError(
      c.club.call(c.anna.session, 'calls.record', { entryId: bos.id, outcome: 'reached' }),
      'NOT_YOURS',
    );
    await expectError(
      c.club.call(c.anna.session, 'calls.reassign', { entryId: bos.id, consultantId: c.anna.staffId }),
      'FORBIDDEN',
    );
    // reception and the bar reach none of it
    const bar = await c.club.loginAs('bar', 'Bar Wu', '3333');
    for (const s of [c.desk.session, bar.session]) {
      await expectError(c.club.call(s, 'calls.record', { entryId: bos.id, outcome: 'reached' }), 'FORBIDDEN');
      await expectError(
        c.club.call(s, 'calls.reassign', { entryId: bos.id, consultantId: c.anna.staffId }),
        'FORBIDDEN',
      );
      await expectError(c.club.call(s, 'calls.today', {}), 'FORBIDDEN');
    }
    // a manager reassigns to a consultant (only a consultant)
    await expectError(
      c.club.call('mgr', 'calls.reassign', { entryId: bos.id, consultantId: c.desk.staffId }),
      'NOT_A_CONSULTANT',
    );
    const moved = await c.club.call('mgr', 'calls.reassign', {
      entryId: bos.id,
      consultantId: c.anna.staffId,
    });
    expect(moved).toMatchObject({ consultant: { id: c.anna.staffId }, basis: 'manager' });
    expect((await c.club.call(c.anna.session, 'calls.today', {})).entries).toHaveLength(3);
    await c.club.call(c.anna.session, 'calls.record', { entryId: bos.id, outcome: 'reached' });
  });

  it('outcomes: no answer stays on the list, a call-back is due on its day (first), an appointment enters the visitors’ appointments', async () => {
    const c = await setup();
    // all within the last reminder (7 days): nothing new comes up for them in the days below
    const a = await c.member({
      expiryDate: '2026-11-24',
      consultantId: c.anna.staffId,
      name: '李雷',
      phone: '13811112222',
    });
    const b = await c.member({ expiryDate: '2026-11-25', consultantId: c.anna.staffId });
    const w = await c.member({ expiryDate: '2026-11-23', consultantId: c.anna.staffId });
    await c.prepare();
    let list = await c.club.call(c.anna.session, 'calls.today', {});
    const id = (m: { id: number }) => list.entries.find((e) => e.person.memberId === m.id)!.id;
    const ea = id(a);
    const eb = id(b);
    const ew = id(w);
    expect(
      (await c.club.call(c.anna.session, 'calls.record', { entryId: ea, outcome: 'no_answer' })).state,
    ).toBe('retry');
    // a call-back date in the past is refused
    await expectError(
      c.club.call(c.anna.session, 'calls.record', {
        entryId: eb,
        outcome: 'call_back',
        callbackOn: '2026-11-17',
      }),
      'VALIDATION',
    );
    // a call-back needs its date
    await expectError(
      c.club.call(c.anna.session, 'calls.record', { entryId: eb, outcome: 'call_back' } as never),
      'VALIDATION',
    );
    expect(
      (
        await c.club.call(c.anna.session, 'calls.record', {
          entryId: eb,
          outcome: 'call_back',
          callbackOn: '2026-11-20',
          requests: 'Call after 3 pm',
        })
      ).dueOn,
    ).toBe('2026-11-20');
    expect(
      (await c.club.call(c.anna.session, 'calls.record', { entryId: ew, outcome: 'wrong_number' })).state,
    ).toBe('done');
    await expectError(
      c.club.call(c.anna.session, 'calls.record', { entryId: ew, outcome: 'reached' }),
      'CALL_ENTRY_CLOSED',
    );
    list = await c.club.call(c.anna.session, 'calls.today', {});
    expect(list.rates).toEqual([{ consultant: { id: c.anna.staffId, name: 'Anna' }, onList: 3, called: 3 }]);
    // the next day: the unanswered one again; the call-back not yet
    await c.at('2026-11-19 10:10');
    await c.prepare();
    list = await c.club.call(c.anna.session, 'calls.today', {});
    expect(list.entries.map((e) => [e.id, e.state])).toEqual([[ea, 'retry']]);
    expect(list.rates[0]).toMatchObject({ onList: 1, called: 0 });
    // on the 20th the call-back is due and comes first
    await c.at('2026-11-20 15:00');
    await c.prepare();
    list = await c.club.call(c.anna.session, 'calls.today', {});
    expect(list.entries.map((e) => [e.id, e.state])).toEqual([
      [eb, 'due'],
      [ea, 'retry'],
    ]);
    // the appointment: made through the visitors area for the entry's consultant (the lead is hers)
    const done = await c.club.call(c.anna.session, 'calls.record', {
      entryId: ea,
      outcome: 'appointment',
      appointment: { date: '2026-11-22', time: '19:00', place: 'Front desk' },
      requests: 'Wants a price for a two-year card',
    });
    expect(done.state).toBe('done');
    const apptId = done.attempts.at(-1)!.appointmentId!;
    const appts = await c.club.call('mgr', 'appointments.list', { from: '2026-11-22', to: '2026-11-22' });
    expect(appts.find((x) => x.id === apptId)).toMatchObject({
      consultantId: c.anna.staffId,
      visitorName: '李雷',
      date: '2026-11-22',
      place: 'Front desk',
    });
    // an appointment needs its date and place
    await expectError(
      c.club.call(c.anna.session, 'calls.record', { entryId: eb, outcome: 'appointment' } as never),
      'VALIDATION',
    );
  });
});

describe('complaint after-care', () => {
  it('a resolved complaint is called back; the satisfaction is filed with the complaint and counted per month', async () => {
    const c = await setup();
    const m = await c.member({ consultantId: c.bo.staffId });
    const cp = await c.club.call('mgr', 'complaints.create', {
      memberId: m.id,
      channel: 'in_person',
      what: 'The showers were cold',
      staffInvolved: '',
      department: 'facilities',
      desiredOutcome: 'Hot water',
    });
    await c.prepare();
    expect((await c.club.call('mgr', 'calls.today', {})).entries).toHaveLength(0);
    await c.club.call('mgr', 'complaints.assign', {
      id: cp.id,
      supervisorName: 'Head of facilities',
      department: 'facilities',
    });
    await c.club.call('mgr', 'complaints.update', { id: cp.id, findings: 'Boiler fault' });
    await c.club.call('mgr', 'complaints.resolve', {
      id: cp.id,
      resolution: 'Boiler fixed',
      staffAction: 'none',
    });
    await c.prepare();
    const list = await c.club.call(c.bo.session, 'calls.today', {});
    const e = list.entries.find((x) => x.complaintId === cp.id)!;
    expect(e).toMatchObject({ consultant: { id: c.bo.staffId }, reasons: [{ reason: 'aftercare' }] });
    // reached without the satisfaction: refused
    await expectError(
      c.club.call(c.bo.session, 'calls.record', { entryId: e.id, outcome: 'reached' }),
      'CALL_SATISFACTION_REQUIRED',
    );
    // no answer needs none
    await c.club.call(c.bo.session, 'calls.record', { entryId: e.id, outcome: 'no_answer' });
    await c.club.call(c.bo.session, 'calls.record', {
      entryId: e.id,
      outcome: 'reached',
      satisfaction: 'fair',
      requests: 'Check the water at weekends too',
    });
    const detail = await c.club.call('mgr', 'complaints.get', { id: cp.id });
    expect(detail.aftercare).toMatchObject({
      satisfaction: 'fair',
      comment: 'Check the water at weekends too',
      by: { id: c.bo.staffId },
    });
    expect(detail.desiredOutcome).toBe('Hot water');
    const months = await c.club.call('mgr', 'complaints.satisfaction', { year: 2026 });
    expect(months[10]).toEqual({
      month: '2026-11',
      resolved: 1,
      satisfied: 0,
      fair: 1,
      unsatisfied: 0,
      notCalled: 0,
    });
    // never listed again
    await c.at('2026-11-19 10:00');
    expect((await c.prepare()).reasons).toBe(0);
  });
});

describe('the summary', () => {
  it('month and quarter: called, reached, renewals within 30 days, satisfaction, requests; CSV for managers only', async () => {
    const c = await setup();
    const a = await c.member({ expiryDate: '2026-11-30', consultantId: c.anna.staffId, name: 'Renewer' });
    await c.member({ expiryDate: '2026-12-01', consultantId: c.anna.staffId });
    await c.member({ expiryDate: '2026-12-02', consultantId: c.bo.staffId });
    await c.prepare();
    const list = await c.club.call('mgr', 'calls.today', {});
    const of = (id: number) => list.entries.filter((e) => e.consultant.id === id);
    const [ea, eb] = of(c.anna.staffId);
    await c.club.call(c.anna.session, 'calls.record', { entryId: ea!.id, outcome: 'no_answer' });
    await c.club.call(c.anna.session, 'calls.record', {
      entryId: ea!.id,
      outcome: 'reached',
      satisfaction: 'satisfied',
      requests: 'More spin classes',
    });
    await c.club.call(c.anna.session, 'calls.record', {
      entryId: eb!.id,
      outcome: 'not_interested',
      satisfaction: 'unsatisfied',
    });
    // the member renews ten days after the call (a sale in an open shift)
    await c.at('2026-11-28 11:30');
    await c.club.call(c.desk.session, 'shift.open', {
      staffIds: [c.desk.staffId],
      floatCents: 50_000,
      acknowledged: false,
      checked: [],
    });
    await c.club.call(c.desk.session, 'members.renew', {
      id: a.id,
      cardTypeId: c.year,
      quantity: 1,
      amountCents: 100_000,
      parts: [{ method: 'card', amountCents: 100_000 }],
    });
    const s = await c.club.call('mgr', 'calls.summary', { period: 'month', month: '2026-11' });
    expect(s).toMatchObject({ label: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(
      s.rows.map((r) => [
        r.consultant?.name,
        r.listed,
        r.called,
        r.calls,
        r.reached,
        r.renewals,
        r.satisfied,
        r.unsatisfied,
      ]),
    ).toEqual([
      ['Anna', 2, 2, 3, 2, 1, 1, 1],
      ['Bo', 1, 0, 0, 0, 0, 0, 0],
    ]);
    expect(s.total).toMatchObject({ listed: 3, called: 2, calls: 3, reached: 2, renewals: 1 });
    expect(s.requests).toEqual([
      expect.objectContaining({ name: 'Renewer', consultant: 'Anna', text: 'More spin classes' }),
    ]);
    const qtr = await c.club.call('mgr', 'calls.summary', { period: 'quarter', month: '2026-11' });
    expect(qtr).toMatchObject({
      label: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
      total: { calls: 3 },
    });
    const csv = await c.club.call('mgr', 'calls.summaryCsv', { period: 'month', month: '2026-11' });
    expect(csv.filename).toBe('calls-2026-11.csv');
    expect(csv.csv).toContain('Anna,2,2,100%,3,2,100%,0,1,1,0,1');
    expect(csv.csv).toContain('More spin classes');
    await expectError(
      c.club.call(c.anna.session, 'calls.summary', { period: 'month', month: '2026-11' }),
      'FORBIDDEN',
    );
    await expectError(
      c.club.call(c.anna.session, 'calls.summaryCsv', { period: 'month', month: '2026-11' }),
      'FORBIDDEN',
    );
  });
});
