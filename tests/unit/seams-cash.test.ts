/**
 * The cash drawer's seams (issue 11), each tried through Core.call as the lowest role that reaches the
 * operation, and refused or recorded as the rule says:
 * - cash (check-out, debts, top-ups, refunds) only in an open shift: refused with nothing written;
 * - one blind count per shift; after it no cash moves (payments in or out, pay-outs) until a shift lead
 *   authorises a recount with their PIN (reception's PIN never; a wrong PIN counts towards the lockout);
 *   the recount supersedes the count, both stay on the report with time and difference; the close
 *   uses the latest count and a non-zero difference always needs a reason;
 * - pay-outs need a shift lead's or manager's PIN and a reason, and are listed with who authorised them;
 * - no shift opens on a closed day; the day close is refused while a shift is open (also one begun the
 *   day before) or the bar's stocktake of the day is missing, whatever is ticked; a manager reopens a
 *   closed day (PIN, reason, audited), and closing it again recomputes the report, which lists the
 *   reopening.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import type { Denominations } from '../../electron/core/contract';
import { fingerprint } from './fingerprint';
import { expectError, makeClub, MANAGER_PIN, tempDir, type TestClub } from './helpers';

const TODAY = '2026-11-18';
const ZERO: Denominations = { n100: 0, n50: 0, n20: 0, n10: 0, n5: 0, n1: 0, c50: 0, c10: 0 };

interface Who {
  session: string;
  staffId: number;
  pin: string;
}
interface Club {
  club: TestClub;
  li: Who;
  wu: Who;
  lead: Who;
  bar: Who;
  mgr: Who;
  cola: number;
  tea: number;
  cardType: number;
  /** Moves the clock and logs everyone in again (the idle lock). */
  tick(minutes?: number): Promise<void>;
  /** A member checked in with a drink on the tag; returns the member and the visit. */
  inside(withDrink?: boolean): Promise<{ memberId: number; visitId: number }>;
}

const clubs: TestClub[] = [];
afterEach(() => {
  for (const c of clubs.splice(0)) {
    c.core.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});

let cardSeq = 0;
async function setup(): Promise<Club> {
  const club = await makeClub();
  clubs.push(club);
  const mk = async (role: Parameters<TestClub['loginAs']>[0], name: string, pin: string): Promise<Who> => ({
    ...(await club.loginAs(role, name, pin)),
    pin,
  });
  const li = await mk('reception', 'Desk Li', '2222');
  const wu = await mk('reception', 'Desk Wu', '3333');
  const lead = await mk('shift_lead', 'Lead Chen', '5555');
  const bar = await mk('bar', 'Bar Zhao', '4444');
  const mgr: Who = { session: 'mgr', staffId: club.managerId, pin: MANAGER_PIN };
  const cardType = (
    await club.call('mgr', 'cardTypes.create', {
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 300_000,
    })
  ).id;
  const item = async (name: string) => {
    const it = await club.call(bar.session, 'bar.itemCreate', {
      name,
      category: 'Drinks',
      priceCents: 800,
      notes: '',
    });
    await club.call(bar.session, 'bar.receive', { itemId: it.id, quantity: 20 });
    return it.id;
  };
  const cola = await item('Cola');
  const tea = await item('Tea');
  const everyone = [li, wu, lead, bar, mgr];
  return {
    club,
    li,
    wu,
    lead,
    bar,
    mgr,
    cola,
    tea,
    cardType,
    tick: async (minutes = 1) => {
      club.clock.advance(minutes * 60_000);
      for (const w of everyone)
        await club.call(w.session, 'session.login', { staffId: w.staffId, pin: w.pin });
    },
    inside: async (withDrink = true) => {
      cardSeq += 1;
      const m = await club.call('mgr', 'members.create', {
        cardNo: `C${7000 + cardSeq}`,
        name: `Member ${cardSeq}`,
        gender: 'female',
        phone: null,
        birthDate: null,
        cardTypeId: cardType,
        startDate: '2026-01-01',
        expiryDate: null,
        visitsLeft: null,
        consultantId: null,
        notes: '',
      });
      const r = await club.call(li.session, 'checkin.scan', { ref: { cardNo: m.cardNo } });
      if (r.outcome !== 'checked_in') throw new Error(r.outcome);
      if (withDrink)
        await club.call(bar.session, 'bar.sell', {
          visitId: r.visit.id,
          items: [{ itemId: cola, quantity: 1 }],
        });
      return { memberId: m.id, visitId: r.visit.id };
    },
  };
}

const auth = (w: Who, reason = 'checked', pin = w.pin) => ({ pin, reason });

async function openShift(c: Club, who: Who = c.li, floatCents = 50_000) {
  return c.club.call(who.session, 'shift.open', {
    staffIds: [who.staffId],
    floatCents,
    acknowledged: true,
    checked: [],
  });
}

/** Counts exactly `cents` in 100-yuan notes, 1-yuan notes and 10-fen coins. */
function notes(cents: number): Denominations {
  return {
    ...ZERO,
    n100: Math.floor(cents / 10_000),
    n1: Math.floor((cents % 10_000) / 100),
    c10: Math.floor((cents % 100) / 10),
  };
}

async function closeShift(
  c: Club,
  shiftId: number,
  out: Who,
  inc: Who,
  differenceReason?: string,
  floatHandedCents = 50_000,
) {
  // the used tags counted by hand agree with the book
  const tagsCounted = (await c.club.call(out.session, 'shift.current', {})).book?.tags.issued ?? 0;
  return c.club.call(out.session, 'shift.close', {
    shiftId,
    ...(differenceReason ? { differenceReason } : {}),
    tagsCounted,
    floatHandedCents,
    messages: '',
    notes: '',
    outgoing: { staffId: out.staffId, pin: out.pin },
    incoming: { staffId: inc.staffId, pin: inc.pin },
  });
}

/** Expects the call refused with the code and the database exactly as it was. */
async function refusedUnchanged(c: Club, p: () => Promise<unknown>, code: string) {
  const before = fingerprint(c.club.core.database);
  const params = await expectError(p(), code);
  expect(fingerprint(c.club.core.database), `${code} changed the database`).toBe(before);
  return params;
}

describe('cash is taken only in an open shift', () => {
  it('check-out, debts, top-ups and refunds in cash are refused with no shift open; nothing is written', async () => {
    const c = await setup();
    const { club, li, lead } = c;
    const a = await c.inside();
    const b = await c.inside();
    // b leaves with the tab unpaid (a shift lead's consent): it becomes b's debt
    await club.call(li.session, 'checkin.checkout', {
      visitId: b.visitId,
      tagReturned: true,
      leaveUnpaid: auth(lead, 'wallet at home'),
    });
    const cash = { parts: [{ method: 'cash' as const, amountCents: 800, tenderedCents: 1000 }] };
    await refusedUnchanged(
      c,
      () =>
        club.call(li.session, 'checkin.checkout', { visitId: a.visitId, tagReturned: true, payment: cash }),
      'SHIFT_NOT_OPEN',
    );
    await refusedUnchanged(
      c,
      () => club.call(li.session, 'payments.payDebts', { memberId: b.memberId, parts: cash.parts }),
      'SHIFT_NOT_OPEN',
    );
    await refusedUnchanged(
      c,
      () =>
        club.call(li.session, 'storedValue.topup', {
          memberId: a.memberId,
          amountCents: 5_000,
          method: 'cash',
        }),
      'SHIFT_NOT_OPEN',
    );
    // card, mobile and stored value are not drawer cash: they need no open shift
    await club.call(li.session, 'storedValue.topup', {
      memberId: a.memberId,
      amountCents: 5_000,
      method: 'card',
    });
    // a manager's refund in cash comes out of the drawer too
    await refusedUnchanged(
      c,
      () =>
        club.call('mgr', 'storedValue.refund', {
          memberId: a.memberId,
          amountCents: 1_000,
          method: 'cash',
          reason: 'leaving the club',
        }),
      'SHIFT_NOT_OPEN',
    );
    expect(
      club.core.database.prepare("SELECT count(*) AS n FROM payments WHERE method = 'cash'").get(),
    ).toEqual({ n: 0 });
    // once the shift is open the same payments go through, into that shift's drawer
    const s = await openShift(c);
    await club.call(li.session, 'payments.payDebts', { memberId: b.memberId, parts: cash.parts });
    await club.call(li.session, 'checkin.checkout', { visitId: a.visitId, tagReturned: true, payment: cash });
    const count = await club.call(li.session, 'shift.count', { shiftId: s.id, denominations: notes(51_600) });
    expect(count.cash).toMatchObject({ floatCents: 50_000, takingsCents: 2_000, changeCents: 400 });
    expect(count.differenceCents).toBe(0);
  });
});

describe('one blind count; the drawer is shut after it until a shift lead authorises a recount', () => {
  it('refuses a second count, any cash after the count and a recount on a desk PIN; the recount supersedes, both are reported', async () => {
    const c = await setup();
    const { club, li, wu, lead } = c;
    const s = await openShift(c);
    const a = await c.inside();
    const topup = (method: 'cash' | 'card') =>
      club.call(li.session, 'storedValue.topup', {
        memberId: a.memberId,
        amountCents: 10_000,
        method,
        tenderedCents: method === 'cash' ? 10_000 : undefined,
      });
    await topup('cash');
    await c.tick();
    // 590 counted; 600 expected (500 float + 100): 10 short
    const first = await club.call(li.session, 'shift.count', { shiftId: s.id, denominations: notes(59_000) });
    expect(first.differenceCents).toBe(-1_000);
    await refusedUnchanged(
      c,
      () => club.call(li.session, 'shift.count', { shiftId: s.id, denominations: notes(60_000) }),
      'SHIFT_ALREADY_COUNTED',
    );
    // no cash in or out after the count: top-up, check-out, pay-out (even with a lead's valid PIN)
    await refusedUnchanged(c, () => topup('cash'), 'DRAWER_COUNTED');
    await refusedUnchanged(
      c,
      () =>
        club.call(li.session, 'checkin.checkout', {
          visitId: a.visitId,
          tagReturned: true,
          payment: { parts: [{ method: 'cash', amountCents: 800 }] },
        }),
      'DRAWER_COUNTED',
    );
    await refusedUnchanged(
      c,
      () =>
        club.call(li.session, 'shift.payout', { shiftId: s.id, amountCents: 500, authorization: auth(lead) }),
      'DRAWER_COUNTED',
    );
    // not drawer cash: a card top-up still goes through
    await topup('card');

    // the recount: never on a desk PIN (the caller's own or a colleague's), never without a PIN
    await refusedUnchanged(
      c,
      () => club.call(li.session, 'shift.authorizeRecount', { shiftId: s.id, authorization: auth(li) }),
      'OVERRIDE_NOT_ALLOWED',
    );
    // a colleague's desk PIN names no authoriser: a wrong PIN (counted against this desk)
    await expectError(
      club.call(li.session, 'shift.authorizeRecount', { shiftId: s.id, authorization: auth(wu) }),
      'AUTH_PIN_WRONG',
    );
    await expectError(
      club.call(li.session, 'shift.authorizeRecount', { shiftId: s.id } as never),
      'VALIDATION',
    );
    // a wrong PIN authorises nothing and counts against this desk's authorisations
    const wrong = await expectError(
      club.call(li.session, 'shift.authorizeRecount', {
        shiftId: s.id,
        authorization: auth(lead, 'miscounted', '0000'),
      }),
      'AUTH_PIN_WRONG',
    );
    expect(wrong.attemptsLeft).toBe(3); // the colleague's PIN above was the first
    expect(
      club.core.database.prepare('SELECT failed_attempts FROM staff WHERE id = ?').get(lead.staffId),
    ).toEqual({ failed_attempts: 0 });
    expect(club.core.database.prepare('SELECT count(*) AS n FROM shift_recounts').get()).toEqual({ n: 0 });

    await c.tick();
    const info = await club.call(li.session, 'shift.authorizeRecount', {
      shiftId: s.id,
      authorization: auth(lead, 'a 10 note was under the tray'),
    });
    expect(info.counted).toBe(false);
    expect(info.recountPending).toMatchObject({
      authorizedByName: 'Lead Chen',
      reason: 'a 10 note was under the tray',
    });
    await expectError(
      club.call(li.session, 'shift.authorizeRecount', { shiftId: s.id, authorization: auth(lead) }),
      'RECOUNT_PENDING',
    );
    // the recount is blind again: nothing about the running shift carries an expected figure
    const cur = await club.raw(li.session, 'shift.current', {});
    const json = JSON.stringify(cur);
    expect(json).not.toContain('"expectedCents":6');
    expect(json).not.toMatch(/takings/i);
    // the close uses the latest count: it waits for the recount
    await expectError(closeShift(c, s.id, li, wu, 'x'), 'SHIFT_NOT_COUNTED');
    // the drawer is open again: a cash check-out goes in
    await club.call(li.session, 'checkin.checkout', {
      visitId: a.visitId,
      tagReturned: true,
      payment: { parts: [{ method: 'cash', amountCents: 800 }] },
    });
    await c.tick();
    // 608 expected; 605 counted: 3 short
    const second = await club.call(li.session, 'shift.count', {
      shiftId: s.id,
      denominations: notes(60_500),
    });
    expect([second.expectedCents, second.differenceCents]).toEqual([60_800, -300]);

    // a non-zero difference always needs a reason (blank is no reason)
    await expectError(closeShift(c, s.id, li, wu), 'DIFFERENCE_REASON_REQUIRED');
    await expectError(closeShift(c, s.id, li, wu, '   '), 'VALIDATION');
    const r = await closeShift(c, s.id, li, wu, 'three 1-yuan coins missing');
    expect([r.countedCents, r.differenceCents]).toEqual([60_500, -300]);
    expect(r.shift.counts).toEqual([
      {
        id: expect.any(Number),
        at: first.at,
        byName: 'Desk Li',
        countedCents: 59_000,
        expectedCents: 60_000,
        differenceCents: -1_000,
        recount: null,
        supersededBy: expect.objectContaining({
          authorizedByName: 'Lead Chen',
          reason: 'a 10 note was under the tray',
        }),
      },
      {
        id: expect.any(Number),
        at: second.at,
        byName: 'Desk Li',
        countedCents: 60_500,
        expectedCents: 60_800,
        differenceCents: -300,
        recount: expect.objectContaining({ authorizedByName: 'Lead Chen', byName: 'Desk Li' }),
        supersededBy: null,
      },
    ]);
    expect(first.at < second.at).toBe(true);
    const csv = (await club.call(li.session, 'shift.reportCsv', { shiftId: s.id })).csv;
    expect(csv).toContain('Cash count');
    expect(csv).toContain('recount authorised by Lead Chen: a 10 note was under the tray');
    expect(csv).toContain('difference -10');
    const audit = await club.call('mgr', 'audit.search', { q: 'shift.authorizeRecount', limit: 10 });
    expect(audit.rows).toMatchObject([
      { op: 'shift.authorizeRecount', staffName: 'Desk Li', detail: 'a 10 note was under the tray' },
    ]);
  });
});

describe('pay-outs: a shift lead’s or manager’s PIN and a reason, listed on the report', () => {
  it('refuses reception’s PINs and no reason; records who took it, who authorised it and why', async () => {
    const c = await setup();
    const { club, li, wu, lead, bar } = c;
    const s = await openShift(c);
    const payout = (session: string, authorization: unknown) =>
      club.call(session, 'shift.payout', { shiftId: s.id, amountCents: 1_500, authorization } as never);
    await refusedUnchanged(c, () => payout(li.session, auth(li, 'cleaning cloths')), 'OVERRIDE_NOT_ALLOWED');
    await expectError(payout(li.session, auth(wu, 'cleaning cloths')), 'AUTH_PIN_WRONG');
    await refusedUnchanged(c, () => payout(li.session, { pin: lead.pin }), 'VALIDATION');
    await refusedUnchanged(c, () => payout(li.session, auth(lead, '  ')), 'VALIDATION');
    await refusedUnchanged(
      c,
      () =>
        club.call(li.session, 'shift.payout', { shiftId: s.id, amountCents: 1_500, reason: 'x' } as never),
      'VALIDATION',
    );
    await refusedUnchanged(c, () => payout(bar.session, auth(lead, 'cloths')), 'FORBIDDEN');
    await payout(li.session, auth(lead, 'cleaning cloths'));
    // a shift lead at the desk authorises their own pay-out with their own PIN
    await payout(lead.session, auth(lead, 'postage'));
    const cur = await club.call(li.session, 'shift.current', {});
    expect(cur.shift!.payouts).toMatchObject([
      { amountCents: 1_500, reason: 'cleaning cloths', byName: 'Desk Li', authorizedByName: 'Lead Chen' },
      { amountCents: 1_500, reason: 'postage', byName: 'Lead Chen', authorizedByName: 'Lead Chen' },
    ]);
    await club.call(li.session, 'shift.count', { shiftId: s.id, denominations: notes(47_000) });
    const r = await closeShift(c, s.id, li, wu, undefined, 40_000);
    expect(r.cash.payoutsCents).toBe(3_000);
    expect(r.shift.payouts.map((p) => [p.reason, p.authorizedByName])).toEqual([
      ['cleaning cloths', 'Lead Chen'],
      ['postage', 'Lead Chen'],
    ]);
    const csv = (await club.call(li.session, 'shift.reportCsv', { shiftId: s.id })).csv;
    expect(csv).toContain('cleaning cloths (authorised by Lead Chen)');
  });
});

describe('the day: checked against the records, reopened only by a manager', () => {
  it('no shift on a closed day; close refused while a shift is open or the stocktake is missing; reopening recomputes', async () => {
    const c = await setup();
    const { club, li, wu, lead, bar, mgr } = c;
    const s1 = await openShift(c, li);
    await club.call(li.session, 'shift.count', { shiftId: s1.id, denominations: notes(50_000) });
    await closeShift(c, s1.id, li, wu);
    await c.tick();
    const s2 = await openShift(c, wu);
    const checked = (await club.call(lead.session, 'shift.dayPreview', { day: TODAY })).checklist;
    // a shift still open: refused, whatever is ticked, and the preview says which
    const open = await refusedUnchanged(
      c,
      () => club.call(lead.session, 'shift.closeDay', { day: TODAY, checked }),
      'DAY_HAS_OPEN_SHIFT',
    );
    expect(open).toMatchObject({ shiftId: s2.id, names: 'Desk Wu' });
    expect(
      (await club.call(lead.session, 'shift.dayPreview', { day: TODAY })).blockers.openShifts,
    ).toMatchObject([{ id: s2.id, onDuty: [{ name: 'Desk Wu' }] }]);
    await club.call(wu.session, 'shift.count', { shiftId: s2.id, denominations: notes(50_000) });
    await closeShift(c, s2.id, wu, li);
    // the bar's stocktake of the day: every item on sale counted (one of two is not enough)
    let missing = await refusedUnchanged(
      c,
      () => club.call(lead.session, 'shift.closeDay', { day: TODAY, checked }),
      'DAY_STOCKTAKE_MISSING',
    );
    expect(missing).toMatchObject({ items: ['Cola', 'Tea'], n: 2 });
    await club.call(bar.session, 'bar.stocktake', {
      kind: 'daily',
      counts: [{ itemId: c.cola, counted: 20 }],
    });
    missing = await expectError(
      club.call(lead.session, 'shift.closeDay', { day: TODAY, checked }),
      'DAY_STOCKTAKE_MISSING',
    );
    expect(missing.items).toEqual(['Tea']);
    await club.call(bar.session, 'bar.stocktake', {
      kind: 'daily',
      counts: [{ itemId: c.tea, counted: 20 }],
    });
    const closed = await club.call(lead.session, 'shift.closeDay', { day: TODAY, checked });
    expect(closed.stocktakes).toHaveLength(2);
    expect(closed.blockers).toEqual({ openShifts: [], stocktakeMissing: [], stocktakeMissingShop: [] });

    // no shift opens on a closed day (and so no cash is taken)
    await c.tick();
    expect((await club.call(li.session, 'shift.opening', {})).dayClosed).toMatchObject({ day: TODAY });
    await refusedUnchanged(c, () => openShift(c, li), 'DAY_ALREADY_CLOSED');

    // reopening: never reception, never a shift lead's own PIN, only a manager's with a reason
    const reopen = (session: string, authorization: ReturnType<typeof auth>) =>
      club.call(session, 'shift.reopenDay', { day: TODAY, authorization });
    await refusedUnchanged(c, () => reopen(li.session, auth(mgr, 'late refund')), 'FORBIDDEN');
    await refusedUnchanged(c, () => reopen(lead.session, auth(lead, 'late refund')), 'MANAGER_PIN_REQUIRED');
    await expectError(reopen(lead.session, auth(mgr, 'late refund', '0000')), 'AUTH_PIN_WRONG');
    await expectError(reopen(lead.session, auth(mgr, ' ')), 'VALIDATION');
    const reopened = await reopen(lead.session, auth(mgr, 'a cash refund was not recorded'));
    expect(reopened.closedAt).toBeNull();
    expect(reopened.reopenings).toMatchObject([
      { byName: 'Lead Chen', authorizedByName: 'Manager Wang', reason: 'a cash refund was not recorded' },
    ]);
    const audit = await club.call('mgr', 'audit.search', { q: 'shift.reopenDay', limit: 10 });
    expect(audit.rows).toMatchObject([
      {
        op: 'shift.reopenDay',
        staffName: 'Lead Chen',
        detail: 'a cash refund was not recorded',
      },
    ]);
    await expectError(club.call(lead.session, 'shift.dayReport', { day: TODAY }), 'DAY_NOT_CLOSED');

    // the day goes on: a shift opens, takes cash, closes; the day is closed again and recomputed
    const s3 = await openShift(c, li);
    const m = await c.inside(false);
    await club.call(li.session, 'storedValue.topup', {
      memberId: m.memberId,
      amountCents: 2_000,
      method: 'cash',
    });
    await club.call(li.session, 'shift.count', { shiftId: s3.id, denominations: notes(52_000) });
    await closeShift(c, s3.id, li, wu);
    const again = await club.call(lead.session, 'shift.closeDay', { day: TODAY, checked });
    expect(again.shifts.map((x) => x.id)).toEqual([s1.id, s2.id, s3.id]);
    expect(again.cash.countedCents).toBe(152_000);
    expect(again.book.topups.count).toBe(1);
    expect(again.reopenings).toHaveLength(1);
    // the new close has its own backup; the reopened one keeps its own
    expect(again.backupFile).toMatch(/day-close/);
    expect(again.backupFile).not.toBe(closed.backupFile);
    expect((await club.call('mgr', 'shift.dayReport', { day: TODAY })).cash.countedCents).toBe(152_000);
    const history = await club.call('mgr', 'shift.history', { from: TODAY, to: TODAY });
    expect(history.days).toMatchObject([{ day: TODAY, shifts: 3, reopenings: 1 }]);
    await expectError(
      club.call(lead.session, 'shift.closeDay', { day: TODAY, checked }),
      'DAY_ALREADY_CLOSED',
    );
    const csv = (await club.call(lead.session, 'shift.reportCsv', { day: TODAY })).csv;
    expect(csv).toContain('Day reopened');
    expect(csv).toContain('Manager Wang: a cash refund was not recorded');
  });

  it('a shift begun the day before and still open stops the day’s close', async () => {
    const c = await setup();
    const s = await openShift(c, c.li);
    await c.tick(24 * 60);
    const checked = (await c.club.call(c.lead.session, 'shift.dayPreview', { day: '2026-11-19' })).checklist;
    const p = await expectError(
      c.club.call(c.lead.session, 'shift.closeDay', { day: '2026-11-19', checked }),
      'DAY_HAS_OPEN_SHIFT',
    );
    expect(p.shiftId).toBe(s.id);
  });
});

describe('the demo club', () => {
  it('starts in the middle of its day with reception’s shift open, so the desk can take cash', async () => {
    const dir = tempDir('demo-cash');
    const core = await Core.open({
      dataDir: dir,
      clock: new ManualClock('2026-11-25T05:00:00Z'),
      dailyBackup: false,
    });
    try {
      const r = await core.call('x', 'system.createDemo', { language: 'en' });
      expect(r.ok).toBe(true);
      const staff = (await core.call('x', 'session.staffList', {})) as {
        ok: true;
        data: { id: number; name: string }[];
      };
      const li = staff.data.find((s) => s.name === '李娜')!;
      await core.call('d', 'session.login', { staffId: li.id, pin: '2001' });
      const cur = (await core.call('d', 'shift.current', {})) as {
        ok: true;
        data: { shift: { onDuty: { name: string }[]; floatCents: number; counted: boolean } };
      };
      expect(cur.data.shift).toMatchObject({
        onDuty: [{ name: '李娜' }],
        floatCents: 50_000,
        counted: false,
      });
    } finally {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
