/**
 * Shift close and handover on a seeded day, through the core's contract with a controllable clock:
 * every figure of the handover book exact; a tag mismatch detected and listed with its records; the
 * blind count (nothing sent before the count carries the expected cash); a shortage stays a shortage
 * in the next shift's figures; closing twice refused; a closed shift refuses edits and takes a
 * linked correction; the float carries over; the day close; history, charts and CSV.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Denominations, OpArgs, ShiftReport } from '../../electron/core/contract';
import { expectError, makeClub, MANAGER_PIN, type TestClub } from './helpers';

const TODAY = '2026-11-18';
const ZERO: Denominations = { n100: 0, n50: 0, n20: 0, n10: 0, n5: 0, n1: 0, c50: 0, c10: 0 };

interface Day {
  club: TestClub;
  li: { session: string; staffId: number };
  wu: { session: string; staffId: number };
  lead: { session: string; staffId: number };
  bar: { session: string; staffId: number };
  cola: number;
  year: number;
  /** Moves the clock a minute and keeps every session awake. */
  tick(minutes?: number): Promise<void>;
  member(name: string, gender: 'male' | 'female'): Promise<{ id: number; cardNo: string }>;
}

let cardNo = 0;

async function setup(): Promise<Day> {
  const club = await makeClub();
  const li = await club.loginAs('reception', 'Desk Li', '2222');
  const wu = await club.loginAs('reception', 'Desk Wu', '3333');
  const lead = await club.loginAs('shift_lead', 'Lead Chen', '5555');
  const bar = await club.loginAs('bar', 'Bar Zhao', '4444');
  const year = await club.call('mgr', 'cardTypes.create', {
    name: 'Year card',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 388_800,
  });
  const cola = await club.call(bar.session, 'bar.itemCreate', {
    name: 'Cola',
    category: 'Drinks',
    priceCents: 800,
    notes: '',
  });
  await club.call(bar.session, 'bar.receive', { itemId: cola.id, quantity: 50 });
  const sessions: [string, number, string][] = [
    [li.session, li.staffId, '2222'],
    [wu.session, wu.staffId, '3333'],
    [lead.session, lead.staffId, '5555'],
    [bar.session, bar.staffId, '4444'],
    ['mgr', club.managerId, MANAGER_PIN],
  ];
  return {
    club,
    li,
    wu,
    lead,
    bar,
    cola: cola.id,
    year: year.id,
    tick: async (minutes = 1) => {
      club.clock.advance(minutes * 60_000);
      for (const [s, staffId, pin] of sessions) await club.call(s, 'session.login', { staffId, pin });
    },
    member: async (name, gender) => {
      cardNo += 1;
      const m = await club.call('mgr', 'members.create', {
        cardNo: `S${5000 + cardNo}`,
        name,
        gender,
        phone: null,
        birthDate: null,
        cardTypeId: year.id,
        startDate: '2026-01-01',
        expiryDate: null,
        visitsLeft: null,
        consultantId: null,
        notes: '',
      });
      return { id: m.id, cardNo: m.cardNo };
    },
  };
}

async function scan(d: Day, cardNoArg: string) {
  const r = await d.club.call(d.li.session, 'checkin.scan', { ref: { cardNo: cardNoArg } });
  if (r.outcome !== 'checked_in') throw new Error(r.outcome);
  return r.visit;
}

function closeArgs(
  d: Day,
  shiftId: number,
  over: Partial<OpArgs<'shift.close'>> = {},
): OpArgs<'shift.close'> {
  return {
    shiftId,
    tagsCounted: 0,
    floatHandedCents: 50_000,
    messages: 'Locker 12 door sticks; plumber comes Thursday.',
    notes: 'Quiet morning.',
    outgoing: { staffId: d.li.staffId, pin: '2222' },
    incoming: { staffId: d.wu.staffId, pin: '3333' },
    ...over,
  };
}

describe('a seeded day: the handover book, the blind count, signing, the next shift', () => {
  let d: Day;
  let shift1: number;
  let m3Visit: number;
  let trialVisit: number;
  let report1: ShiftReport;

  beforeAll(async () => {
    d = await setup();
    const { club } = d;
    const opening = await club.call(d.li.session, 'shift.opening', {});
    expect(opening.previous).toBeNull();
    expect(opening.floatPrefillCents).toBe(50_000);
    expect(opening.checklist.length).toBeGreaterThan(0);
    const s = await club.call(d.li.session, 'shift.open', {
      staffIds: [d.li.staffId],
      floatCents: 50_000,
      acknowledged: false,
      checked: opening.checklist.slice(0, 2),
    });
    shift1 = s.id;
    expect(s.checklist.map((c) => c.item)).toEqual(opening.checklist.slice(0, 2));

    // entries: members 1 man, 2 women; trial 1 man (tag), 1 woman (no tag); coach 1 woman (tag)
    await d.tick();
    const m1 = await d.member('Zhang Wei', 'male');
    const m2 = await d.member('Li Na', 'female');
    const m3 = await d.member('Wang Fang', 'female');
    const v1 = await scan(d, m1.cardNo);
    const v2 = await scan(d, m2.cardNo);
    const v3 = await scan(d, m3.cardNo);
    m3Visit = v3.id;
    const trial = await club.call(d.li.session, 'checkin.guest', {
      kind: 'trial',
      name: 'Trial Man',
      phone: null,
      gender: 'male',
      withTag: true,
    });
    trialVisit = trial.id;
    await club.call(d.li.session, 'checkin.guest', {
      kind: 'trial',
      name: 'Trial Woman',
      phone: null,
      gender: 'female',
      withTag: false,
    });
    await club.call(d.li.session, 'checkin.guest', {
      kind: 'coach',
      name: 'Coach Liu',
      phone: null,
      gender: 'female',
      withTag: true,
    });
    expect([v1.tagNumber, v2.tagNumber, v3.tagNumber, trial.tagNumber]).toEqual([1, 2, 3, 4]);
    // tag 3's lock is broken: the member gets tag 6 instead (one tag more than entries)
    await club.call(d.li.session, 'checkin.changeTag', { visitId: v3.id, tagNumber: 6 });

    // the bar: 2 colas on M1, 1 on M2; M1 pays cash 16 with 20 (change 4), M2 by card
    await d.tick();
    await club.call(d.bar.session, 'bar.sell', { visitId: v1.id, items: [{ itemId: d.cola, quantity: 2 }] });
    await club.call(d.bar.session, 'bar.sell', { visitId: v2.id, items: [{ itemId: d.cola, quantity: 1 }] });
    await d.tick();
    await club.call(d.li.session, 'checkin.checkout', {
      visitId: v1.id,
      tagReturned: true,
      payment: { parts: [{ method: 'cash', amountCents: 1600, tenderedCents: 2000 }] },
    });
    await club.call(d.li.session, 'checkin.checkout', {
      visitId: v2.id,
      tagReturned: true,
      payment: { parts: [{ method: 'card', amountCents: 800 }] },
    });
    // stored value: 100 in cash, 50 by card
    await club.call(d.li.session, 'storedValue.topup', {
      memberId: m3.id,
      amountCents: 10_000,
      method: 'cash',
      tenderedCents: 10_000,
    });
    await club.call(d.li.session, 'storedValue.topup', {
      memberId: m2.id,
      amountCents: 5_000,
      method: 'card',
    });

    // a visitor handed to a consultant who sells a year card; a phone inquiry
    await d.tick();
    const anna = await club.call('mgr', 'staff.create', {
      name: 'Anna',
      role: 'consultant',
      pin: '7000',
      gender: 'female',
    });
    await club.call(d.li.session, 'rotation.signIn', { staffId: anna.id, pin: '7000' });
    const visitor = await club.call(d.li.session, 'visitors.register', {
      name: '赵敏',
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
    await club.call(d.li.session, 'visitors.accept', {
      visitorId: visitor.id,
      staffId: anna.id,
      pin: '7000',
    });
    await club.call(d.li.session, 'visitors.outcome', {
      visitorId: visitor.id,
      outcome: 'joined',
      cardTypeId: d.year,
    });
    await club.call(d.li.session, 'inquiries.create', {
      callerName: 'Mr Sun',
      callbackPhone: '13700002222',
      hasAppointment: false,
      appointmentWithId: null,
      topic: 'swimming?',
    });

    // M3 leaves without the tag (lost); 5 yuan petty cash for cleaning supplies
    await d.tick();
    await club.call(d.li.session, 'checkin.checkout', { visitId: v3.id, tagReturned: false });
    await club.call(d.li.session, 'shift.payout', {
      shiftId: shift1,
      amountCents: 500,
      authorization: { pin: '5555', reason: 'cleaning cloths' },
    });
    await d.tick();
  });

  it('every figure of the running book is exact, and the cash is withheld before the count', async () => {
    const cur = await d.club.call(d.li.session, 'shift.current', {});
    expect(cur.shift?.id).toBe(shift1);
    expect(cur.count).toBeNull();
    const b = cur.book!;
    expect(b.entries).toEqual({
      member: { male: 1, female: 2, unknown: 0 },
      trial: { male: 1, female: 1, unknown: 0 },
      coach: { male: 0, female: 1, unknown: 0 },
      total: 6,
    });
    expect(b.visitors).toBe(1);
    expect(b.phoneInquiries).toBe(1);
    expect(b.cardsSold).toEqual([{ cardTypeId: d.year, cardTypeName: 'Year card', count: 1 }]);
    expect(b.topups).toEqual({
      count: 2,
      totalCents: null,
      byMethod: { cash: null, card: 5_000, mobile: 0 },
    });
    expect(b.bar.salesCents).toBe(2_400);
    expect(b.bar.byMethod).toEqual({ cash: null, card: 800, mobile: 0, stored_value: 0 });
    expect(b.tags.issued).toBe(6);
    expect(b.tags.entriesWithTag).toBe(5);
    expect(b.tags.entriesWithoutTag).toBe(1);
    expect(b.tags.stillOut.map((t) => [t.tagNumber, t.name])).toEqual([
      [4, 'Trial Man'],
      [5, 'Coach Liu'],
    ]);
    expect(b.tags.lost).toMatchObject([{ tagNumber: 6, name: 'Wang Fang', visitId: m3Visit }]);
  });

  it('detects the tag mismatch and lists the records involved', async () => {
    const b = (await d.club.call(d.li.session, 'shift.current', {})).book!;
    expect(b.tags.match).toBe(false);
    expect(b.tags.mismatches).toEqual([
      {
        reason: 'tag_changed',
        visitId: m3Visit,
        name: 'Wang Fang',
        kind: 'member',
        cardNo: expect.stringMatching(/^S\d+$/),
        checkedInAt: expect.any(String),
        tags: [3, 6],
      },
    ]);
  });

  it('the blind count: nothing before the count carries the expected cash; the count result does', async () => {
    const expected = 50_000 + 2_000 + 10_000 - 400 - 500; // float + takings − change − pay-outs
    expect(expected).toBe(61_100);
    for (const op of ['shift.current', 'shift.opening'] as const) {
      const r = await d.club.raw(d.li.session, op, {});
      const json = JSON.stringify(r);
      expect(json).not.toMatch(/expected/i);
      expect(json).not.toMatch(/takings/i);
      expect(json).not.toContain(String(expected));
    }
    // closing before a count is refused
    await expectError(d.club.call(d.li.session, 'shift.close', closeArgs(d, shift1)), 'SHIFT_NOT_COUNTED');
    // one 100 note short: 5×100 + 1×10 + 1×1 = 511
    const c = await d.club.call(d.li.session, 'shift.count', {
      shiftId: shift1,
      denominations: { ...ZERO, n100: 5, n10: 1, n1: 1 },
    });
    expect(c.countedCents).toBe(51_100);
    expect(c.expectedCents).toBe(expected);
    expect(c.differenceCents).toBe(-10_000);
    expect(c.cash).toEqual({
      floatCents: 50_000,
      takingsCents: 12_000,
      changeCents: 400,
      refundsCents: 0,
      payoutsCents: 500,
      dropsCents: 0,
      expectedCents: expected,
    });
    // counted again with nothing changed: refused (the figure seen is never "counted again")
    await expectError(
      d.club.call(d.li.session, 'shift.count', {
        shiftId: shift1,
        denominations: { ...ZERO, n100: 6, n1: 11 },
      }),
      'SHIFT_ALREADY_COUNTED',
    );
    // after the count, the running book shows the cash
    const cur = await d.club.call(d.li.session, 'shift.current', {});
    expect(cur.count?.expectedCents).toBe(expected);
    expect(cur.book!.bar.byMethod.cash).toBe(1_600);
    expect(cur.book!.topups.byMethod.cash).toBe(10_000);
  });

  it('closing needs a reason for the shortage and two different desk signatures', async () => {
    await expectError(
      d.club.call(d.li.session, 'shift.close', closeArgs(d, shift1)),
      'DIFFERENCE_REASON_REQUIRED',
    );
    const withReason = { differenceReason: 'a 100 note missing; to be checked with the camera' };
    await expectError(
      d.club.call(
        d.li.session,
        'shift.close',
        closeArgs(d, shift1, { ...withReason, incoming: { staffId: d.li.staffId, pin: '2222' } }),
      ),
      'SIGNER_INVALID',
    );
    await expectError(
      d.club.call(
        d.li.session,
        'shift.close',
        closeArgs(d, shift1, { ...withReason, incoming: { staffId: d.bar.staffId, pin: '4444' } }),
      ),
      'SIGNER_INVALID',
    );
    await expectError(
      d.club.call(
        d.li.session,
        'shift.close',
        closeArgs(d, shift1, { ...withReason, incoming: { staffId: d.wu.staffId, pin: '0000' } }),
      ),
      'PIN_WRONG',
    );
    await expectError(
      d.club.call(
        d.li.session,
        'shift.close',
        closeArgs(d, shift1, { ...withReason, floatHandedCents: 60_000 }),
      ),
      'FLOAT_EXCEEDS_CASH',
    );
    // the used tags counted by hand differ from the book's: refused without a reason
    const issued = (await d.club.call(d.li.session, 'shift.current', {})).book!.tags.issued;
    expect(issued).toBeGreaterThan(0);
    await expectError(
      d.club.call(
        d.li.session,
        'shift.close',
        closeArgs(d, shift1, { ...withReason, tagsCounted: issued + 1 }),
      ),
      'TAG_COUNT_REASON_REQUIRED',
    );
    await expectError(
      d.club.call(
        d.li.session,
        'shift.close',
        closeArgs(d, shift1, { ...withReason, tagsCounted: issued - 1 }),
      ),
      'TAG_COUNT_REASON_REQUIRED',
    );
    report1 = await d.club.call(
      d.li.session,
      'shift.close',
      closeArgs(d, shift1, { ...withReason, tagsCounted: issued + 1, tagsReason: 'a spare tag in the box' }),
    );
    expect(report1.tagCount).toEqual({ counted: issued + 1, issued, reason: 'a spare tag in the box' });
    expect(report1.shift.status).toBe('closed');
    expect(report1.countedCents).toBe(51_100);
    expect(report1.cash.expectedCents).toBe(61_100);
    expect(report1.differenceCents).toBe(-10_000);
    expect(report1.differenceReason).toBe(withReason.differenceReason);
    expect(report1.signedOutBy.name).toBe('Desk Li');
    expect(report1.signedInBy.name).toBe('Desk Wu');
    expect(report1.floatHandedCents).toBe(50_000);
    expect(report1.denominations).toEqual({ ...ZERO, n100: 5, n10: 1, n1: 1 });
    expect(report1.book.entries.total).toBe(6);
    expect(report1.book.bar.byMethod).toEqual({ cash: 1_600, card: 800, mobile: 0, stored_value: 0 });
    expect(report1.book.topups).toEqual({
      count: 2,
      totalCents: 15_000,
      byMethod: { cash: 10_000, card: 5_000, mobile: 0 },
    });
    expect(report1.shift.messages).toContain('Locker 12');
    expect(report1.clubName).toBe('Test Club');
  });

  it('closing twice is refused; a closed shift refuses edits; a linked correction works', async () => {
    await expectError(
      d.club.call(d.li.session, 'shift.close', closeArgs(d, shift1, { differenceReason: 'again' })),
      'SHIFT_CLOSED',
    );
    await expectError(
      d.club.call(d.li.session, 'shift.update', { shiftId: shift1, notes: 'changed afterwards' }),
      'SHIFT_CLOSED',
    );
    await expectError(
      d.club.call(d.li.session, 'shift.payout', {
        shiftId: shift1,
        amountCents: 100,
        authorization: { pin: '5555', reason: 'late' },
      }),
      'SHIFT_CLOSED',
    );
    await expectError(
      d.club.call(d.li.session, 'shift.count', { shiftId: shift1, denominations: ZERO }),
      'SHIFT_CLOSED',
    );
    // not even the database lets it change
    expect(() =>
      d.club.core.database.prepare("UPDATE shifts SET notes = 'x' WHERE id = ?").run(shift1),
    ).toThrow(/read-only/);
    const r = await d.club.call(d.lead.session, 'shift.addCorrection', {
      shiftId: shift1,
      text: 'Coach Liu came as a trial guest, not as a coach',
      figure: 'coach',
      value: -1,
    });
    expect(r.corrections).toMatchObject([
      {
        figure: 'coach',
        value: -1,
        text: 'Coach Liu came as a trial guest, not as a coach',
        byName: 'Lead Chen',
      },
    ]);
    // the figures themselves stay as closed
    expect(r.book.entries.coach.female).toBe(1);
    expect(r.differenceCents).toBe(-10_000);
    const again = await d.club.call(d.wu.session, 'shift.report', { id: shift1 });
    expect(again.corrections).toHaveLength(1);
  });

  it('the next shift sees the handover, the float carries over, the shortage stays a shortage', async () => {
    const { club } = d;
    await d.tick();
    const opening = await club.call(d.wu.session, 'shift.opening', {});
    expect(opening.openShiftId).toBeNull();
    expect(opening.previous?.shift.id).toBe(shift1);
    expect(opening.previous?.shift.messages).toContain('Locker 12');
    expect(opening.previous?.differenceCents).toBe(-10_000);
    expect(opening.floatPrefillCents).toBe(50_000);
    expect(opening.openItems.tagsOut.map((t) => t.tagNumber)).toEqual([4, 5]);

    await expectError(
      club.call(d.wu.session, 'shift.open', {
        staffIds: [d.wu.staffId],
        floatCents: 50_000,
        acknowledged: false,
        checked: [],
      }),
      'HANDOVER_NOT_ACKNOWLEDGED',
    );
    await expectError(
      club.call(d.wu.session, 'shift.open', {
        staffIds: [d.wu.staffId],
        floatCents: 49_000,
        acknowledged: true,
        checked: [],
      }),
      'FLOAT_REASON_REQUIRED',
    );
    await expectError(
      club.call(d.wu.session, 'shift.open', {
        staffIds: [d.bar.staffId],
        floatCents: 50_000,
        acknowledged: true,
        checked: [],
      }),
      'SHIFT_STAFF_INVALID',
    );
    const s2 = await club.call(d.wu.session, 'shift.open', {
      staffIds: [d.wu.staffId],
      floatCents: 50_000,
      acknowledged: true,
      checked: opening.checklist,
    });
    expect(s2.floatCents).toBe(50_000);
    expect(s2.previousShiftId).toBe(shift1);
    expect(s2.handoverAckBy?.name).toBe('Desk Wu');
    expect(s2.handoverAckAt).not.toBeNull();
    await expectError(
      club.call(d.li.session, 'shift.open', {
        staffIds: [d.li.staffId],
        floatCents: 50_000,
        acknowledged: true,
        checked: [],
      }),
      'SHIFT_ALREADY_OPEN',
    );

    // shift 2: the trial guest buys a cola and pays 8 in cash
    await d.tick();
    await club.call(d.bar.session, 'bar.sell', {
      visitId: trialVisit,
      items: [{ itemId: d.cola, quantity: 1 }],
    });
    await club.call(d.wu.session, 'checkin.checkout', {
      visitId: trialVisit,
      tagReturned: true,
      payment: { parts: [{ method: 'cash', amountCents: 800 }] },
    });
    await d.tick();
    // its book holds only its own records
    const cur = (await club.call(d.wu.session, 'shift.current', {})).book!;
    expect(cur.entries.total).toBe(0);
    expect(cur.bar.salesCents).toBe(800);
    expect(cur.tags.issued).toBe(0);
    expect(cur.tags.match).toBe(true);

    // counted exactly: 500 + 8 → no difference (the previous shortage is not carried over)
    const c = await club.call(d.wu.session, 'shift.count', {
      shiftId: s2.id,
      denominations: { ...ZERO, n100: 5, n5: 1, n1: 3 },
    });
    expect(c.expectedCents).toBe(50_800);
    expect(c.differenceCents).toBe(0);

    // after the count the drawer is shut: a pay-out waits for a recount a shift lead authorises
    const stamps = {
      shiftId: s2.id,
      amountCents: 300,
      authorization: { pin: '5555', reason: 'stamps' },
    };
    await expectError(club.call(d.wu.session, 'shift.payout', stamps), 'DRAWER_COUNTED');
    await club.call(d.wu.session, 'shift.authorizeRecount', {
      shiftId: s2.id,
      authorization: { pin: '5555', reason: 'stamps for the post' },
    });
    await club.call(d.wu.session, 'shift.payout', stamps);
    // the close uses the latest count: it waits for the recount
    await expectError(
      club.call(
        d.wu.session,
        'shift.close',
        closeArgs(d, s2.id, {
          outgoing: { staffId: d.wu.staffId, pin: '3333' },
          incoming: { staffId: d.lead.staffId, pin: '5555' },
        }),
      ),
      'SHIFT_NOT_COUNTED',
    );
    const c2 = await club.call(d.wu.session, 'shift.count', {
      shiftId: s2.id,
      denominations: { ...ZERO, n100: 5, n5: 1 },
    });
    expect(c2.expectedCents).toBe(50_500);
    expect(c2.differenceCents).toBe(0);
    const r2 = await club.call(
      d.wu.session,
      'shift.close',
      closeArgs(d, s2.id, {
        floatHandedCents: 50_000,
        outgoing: { staffId: d.wu.staffId, pin: '3333' },
        incoming: { staffId: d.lead.staffId, pin: '5555' },
      }),
    );
    expect(r2.differenceCents).toBe(0);
    // the hand count agrees with the book (no tags issued): no reason needed, none recorded
    expect(r2.tagCount).toEqual({ counted: 0, issued: 0, reason: null });
    expect(r2.signedInBy.name).toBe('Lead Chen');
    // the first shift's shortage is still exactly what it was
    expect((await club.call('mgr', 'shift.report', { id: shift1 })).differenceCents).toBe(-10_000);
  });

  it('the day close combines the shifts, never nets the cash, runs the checklist, makes a backup', async () => {
    const { club } = d;
    await d.tick();
    await expectError(club.call(d.li.session, 'shift.closeDay', { day: TODAY, checked: [] }), 'FORBIDDEN');
    const preview = await club.call(d.lead.session, 'shift.dayPreview', { day: TODAY });
    expect(preview.closedAt).toBeNull();
    expect(preview.shifts).toHaveLength(2);
    expect(preview.book.entries.total).toBe(6);
    expect(preview.book.bar.salesCents).toBe(3_200);
    expect(preview.cash).toEqual({
      countedCents: 51_100 + 50_500,
      expectedCents: 61_100 + 50_500,
      overCents: 0,
      shortCents: 10_000,
      floatHandedCents: 50_000,
    });
    // the bar's stocktake of the day is checked against the records, not only ticked
    expect(preview.blockers).toEqual({
      openShifts: [],
      stocktakeMissing: ['Cola'],
      stocktakeMissingShop: [],
    });
    await expectError(
      club.call(d.lead.session, 'shift.closeDay', { day: TODAY, checked: preview.checklist }),
      'DAY_STOCKTAKE_MISSING',
    );
    const stock = (await club.call(d.bar.session, 'bar.items', {})).find((i) => i.id === d.cola)!.stock;
    await club.call(d.bar.session, 'bar.stocktake', {
      kind: 'daily',
      counts: [{ itemId: d.cola, counted: stock }],
    });
    await expectError(
      club.call(d.lead.session, 'shift.closeDay', { day: TODAY, checked: preview.checklist.slice(1) }),
      'CHECKLIST_INCOMPLETE',
    );
    const closed = await club.call(d.lead.session, 'shift.closeDay', {
      day: TODAY,
      checked: preview.checklist,
    });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.closedBy?.name).toBe('Lead Chen');
    expect(closed.ticked.map((t) => t.item)).toEqual(preview.checklist);
    expect(closed.backupFile).toMatch(/day-close/);
    expect(fs.existsSync(path.join(d.club.dataDir, 'backups', closed.backupFile!))).toBe(true);
    await expectError(
      club.call(d.lead.session, 'shift.closeDay', { day: TODAY, checked: preview.checklist }),
      'DAY_ALREADY_CLOSED',
    );
    const again = await club.call('mgr', 'shift.dayReport', { day: TODAY });
    expect(again.backupFile).toBe(closed.backupFile);
    expect(again.cash.shortCents).toBe(10_000);
  });

  it('history by date and staff, charts of entries, CSV of the figures, everything audited', async () => {
    const { club } = d;
    const all = await club.call('mgr', 'shift.history', { from: TODAY, to: TODAY });
    expect(all.shifts).toHaveLength(2);
    expect(all.days).toMatchObject([{ day: TODAY, shifts: 2, entries: 6, shortCents: 10_000, overCents: 0 }]);
    const byLi = await club.call('mgr', 'shift.history', { from: TODAY, to: TODAY, staffId: d.li.staffId });
    expect(byLi.shifts.map((s) => s.id)).toEqual([shift1]);
    expect(byLi.shifts[0]).toMatchObject({ entries: 6, differenceCents: -10_000, corrections: 1 });
    const none = await club.call('mgr', 'shift.history', { from: '2026-11-01', to: '2026-11-10' });
    expect(none).toEqual({ shifts: [], days: [] });
    // reception sees no day closes
    expect((await club.call(d.li.session, 'shift.history', {})).days).toEqual([]);

    const charts = await club.call(d.li.session, 'shift.charts', { day: TODAY });
    expect(charts.perDay).toHaveLength(30);
    expect(charts.perDay.at(-1)).toEqual({ day: TODAY, entries: 6 });
    expect(charts.perDay[0]).toEqual({ day: '2026-10-20', entries: 0 });
    expect(charts.perHour).toHaveLength(24);
    expect(charts.perHour[10]).toEqual({ hour: 10, entries: 6 });
    expect(charts.perHour.reduce((s, h) => s + h.entries, 0)).toBe(6);

    const csv = await club.call(d.li.session, 'shift.reportCsv', { shiftId: shift1 });
    expect(csv.filename).toBe(`shift-${TODAY}-${shift1}.csv`);
    expect(csv.csv).toContain('Members men,1');
    expect(csv.csv).toContain('Members women,2');
    expect(csv.csv).toContain('Year card,1');
    expect(csv.csv).toContain('Expected,611');
    expect(csv.csv).toContain('Counted,511');
    expect(csv.csv).toContain('Difference,-100');
    expect(csv.csv).not.toContain('3888');
    const dayCsv = await club.call(d.lead.session, 'shift.reportCsv', { day: TODAY });
    expect(dayCsv.csv).toContain('Cash short,100');

    const audit = await club.call('mgr', 'audit.search', { q: 'shift.', limit: 100 });
    const ops = new Set(audit.rows.map((r) => r.op));
    for (const op of [
      'shift.open',
      'shift.payout',
      'shift.count',
      'shift.close',
      'shift.addCorrection',
      'shift.closeDay',
    ])
      expect(ops, op).toContain(op);
  });
});

describe('shift roles and prices', () => {
  it('desk roles run shifts; bar and consultants cannot; reception never sees a card price', async () => {
    const d = await setup();
    const consultant = await d.club.loginAs('consultant');
    for (const s of [d.bar.session, consultant.session]) {
      for (const [op, args] of [
        ['shift.opening', {}],
        ['shift.current', {}],
        ['shift.open', { staffIds: [d.li.staffId], floatCents: 50_000, acknowledged: true, checked: [] }],
        ['shift.history', {}],
      ] as const) {
        expect(await d.club.raw(s, op, args), op).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    await expectError(d.club.call(d.li.session, 'shift.dayPreview', { day: TODAY }), 'FORBIDDEN');
    const s = await d.club.call(d.li.session, 'shift.open', {
      staffIds: [d.li.staffId, d.wu.staffId],
      floatCents: 50_000,
      acknowledged: false,
      checked: [],
    });
    expect(s.onDuty.map((x) => x.name)).toEqual(['Desk Li', 'Desk Wu']);
    const json = JSON.stringify(await d.club.raw(d.li.session, 'shift.current', {}));
    expect(json).not.toMatch(/price/i);
    // the float differs from the prefill: a reason is recorded
    const other = await setup();
    const s2 = await other.club.call(other.li.session, 'shift.open', {
      staffIds: [other.li.staffId],
      floatCents: 45_000,
      floatReason: 'only 450 in the safe',
      acknowledged: false,
      checked: [],
    });
    expect(s2).toMatchObject({
      floatPrefillCents: 50_000,
      floatCents: 45_000,
      floatReason: 'only 450 in the safe',
    });
  });
});
