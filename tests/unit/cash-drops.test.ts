/**
 * Cash drops and settling over/short (issue 16 §4), through Core.call as the lowest role that reaches
 * each operation:
 * - a drop (投款) names the witness whose PIN signed it — another active desk staff member; one's own
 *   PIN, a wrong PIN or a bar PIN witnesses nothing and writes nothing; the bar cannot drop; the
 *   expected drawer cash goes down by the drop; both names show on the shift and the closed report;
 * - a surplus handed in / a shortage made good is recorded against its own shift only (never netted:
 *   a shortage cannot be set against another shift's surplus), up to what is open, received by a
 *   shift lead or manager other than the person; the day report and the over/short list show what is
 *   still open;
 * - the change float counted at the opening: its notes make the float received; a difference from the
 *   float handed over is shown, and beyond the threshold needs a shift lead's or manager's PIN.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Denominations } from '../../electron/core/contract';
import { expectError, makeClub, MANAGER_PIN, type TestClub } from './helpers';

const TODAY = '2026-11-18';
const ZERO: Denominations = { n100: 0, n50: 0, n20: 0, n10: 0, n5: 0, n1: 0, c50: 0, c10: 0 };

interface Who {
  session: string;
  staffId: number;
  pin: string;
}

const clubs: TestClub[] = [];
afterEach(() => {
  for (const c of clubs.splice(0)) {
    c.core.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});

async function setup() {
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
  return { club, li, wu, lead, bar, mgr };
}
type Club = Awaited<ReturnType<typeof setup>>;

/** Counts exactly `cents` in 100-yuan notes, 1-yuan notes and 10-fen coins. */
function notes(cents: number): Denominations {
  return {
    ...ZERO,
    n100: Math.floor(cents / 10_000),
    n1: Math.floor((cents % 10_000) / 100),
    c10: Math.floor((cents % 100) / 10),
  };
}

async function openShift(c: Club, who: Who = c.li, floatCents = 50_000, reason?: string) {
  return c.club.call(who.session, 'shift.open', {
    staffIds: [who.staffId],
    floatCents,
    ...(reason ? { floatReason: reason } : {}),
    acknowledged: true,
    checked: [],
  });
}

/** Counts `countedCents` and closes the shift (li out, wu in), the float handed over 500 yuan (or all). */
async function countAndClose(c: Club, shiftId: number, countedCents: number, reason?: string) {
  await c.club.call(c.li.session, 'shift.count', { shiftId, denominations: notes(countedCents) });
  return c.club.call(c.li.session, 'shift.close', {
    shiftId,
    ...(reason ? { differenceReason: reason } : {}),
    tagsCounted: 0,
    floatHandedCents: Math.min(50_000, countedCents),
    messages: '',
    notes: '',
    outgoing: { staffId: c.li.staffId, pin: c.li.pin },
    incoming: { staffId: c.wu.staffId, pin: c.wu.pin },
  });
}

const drop = (c: Club, who: Who, shiftId: number, witnessPin: string, slipNo = 'S-001', cents = 20_000) =>
  c.club.call(who.session, 'shift.drop', {
    shiftId,
    denominations: notes(cents),
    slipNo,
    destination: 'safe',
    witnessPin,
  });

describe('cash drops (投款)', () => {
  it('a drop witnessed by another desk member: both names, the expected cash goes down, on the report', async () => {
    const c = await setup();
    const s = await openShift(c);
    const after = await drop(c, c.li, s.id, c.wu.pin, ' S-001 ');
    expect(after.drops).toEqual([
      expect.objectContaining({
        amountCents: 20_000,
        slipNo: 'S-001',
        destination: 'safe',
        byName: 'Desk Li',
        witnessName: 'Desk Wu',
        denominations: notes(20_000),
      }),
    ]);
    // a shift lead witnesses too; the same slip number for the same destination is refused
    await expectError(drop(c, c.li, s.id, c.lead.pin, 'S-001', 1_000), 'DROP_SLIP_USED');
    await c.club.call(c.li.session, 'shift.drop', {
      shiftId: s.id,
      denominations: notes(1_000),
      slipNo: 'S-001',
      destination: 'bank',
      witnessPin: c.lead.pin,
    });
    // expected = 500 float − 200 − 10 dropped: counting 290 yuan agrees
    const count = await c.club.call(c.li.session, 'shift.count', {
      shiftId: s.id,
      denominations: notes(29_000),
    });
    expect(count.cash.dropsCents).toBe(21_000);
    expect(count.expectedCents).toBe(29_000);
    expect(count.differenceCents).toBe(0);
    // no drop once the cash is counted
    await expectError(drop(c, c.li, s.id, c.wu.pin, 'S-002'), 'DRAWER_COUNTED');
    const report = await c.club.call(c.li.session, 'shift.close', {
      shiftId: s.id,
      tagsCounted: 0,
      floatHandedCents: 29_000,
      messages: '',
      notes: '',
      outgoing: { staffId: c.li.staffId, pin: c.li.pin },
      incoming: { staffId: c.wu.staffId, pin: c.wu.pin },
    });
    expect(report.cash.dropsCents).toBe(21_000);
    expect(report.shift.drops.map((d) => [d.amountCents, d.byName, d.witnessName, d.destination])).toEqual([
      [20_000, 'Desk Li', 'Desk Wu', 'safe'],
      [1_000, 'Desk Li', 'Lead Chen', 'bank'],
    ]);
    const csv = await c.club.call(c.li.session, 'shift.reportCsv', { shiftId: s.id });
    expect(csv.csv).toContain('safe, slip S-001, witnessed by Desk Wu');
    expect(csv.csv).toContain('bank, slip S-001, witnessed by Lead Chen');
    const day = await c.club.call(c.lead.session, 'shift.dayPreview', { day: TODAY });
    expect(day.drops.map((d) => [d.shiftId, d.amountCents, d.witnessName])).toEqual([
      [s.id, 20_000, 'Desk Wu'],
      [s.id, 1_000, 'Lead Chen'],
    ]);
  });

  it('one’s own PIN, a wrong PIN or a bar PIN witnesses nothing; the bar cannot drop', async () => {
    const c = await setup();
    const s = await openShift(c);
    await expectError(drop(c, c.li, s.id, c.li.pin), 'DROP_WITNESS_SELF');
    await expectError(drop(c, c.lead, s.id, c.lead.pin), 'DROP_WITNESS_SELF');
    await expectError(drop(c, c.li, s.id, '8080'), 'AUTH_PIN_WRONG');
    await expectError(drop(c, c.li, s.id, c.bar.pin), 'AUTH_PIN_WRONG');
    await expectError(drop(c, c.bar, s.id, c.li.pin), 'FORBIDDEN');
    await expectError(
      c.club.call(c.li.session, 'shift.drop', {
        shiftId: s.id,
        denominations: ZERO,
        slipNo: 'S-9',
        destination: 'safe',
        witnessPin: c.wu.pin,
      }),
      'VALIDATION',
    );
    const cur = await c.club.call(c.li.session, 'shift.current', {});
    expect(cur.shift?.drops).toEqual([]);
    // a reception member witnesses another's drop
    const ok = await drop(c, c.lead, s.id, c.li.pin);
    expect(ok.drops.map((d) => [d.byName, d.witnessName])).toEqual([['Lead Chen', 'Desk Li']]);
  });
});

describe('settling over/short (长缴短补)', () => {
  it('each shift settles its own surplus or shortage, never netted; what is open shows on the reports', async () => {
    const c = await setup();
    const s1 = await openShift(c);
    await countAndClose(c, s1.id, 50_500, 'one member paid twice'); // +5 yuan
    c.club.clock.advance(60_000);
    const s2 = await openShift(c);
    await countAndClose(c, s2.id, 49_700, 'change given wrong'); // −3 yuan

    // reception cannot settle; the person cannot receive their own money
    const settle = (
      who: Who,
      shiftId: number,
      kind: 'surplus' | 'shortage',
      amountCents: number,
      staff = c.li,
    ) =>
      c.club.call(who.session, 'shift.settle', {
        shiftId,
        kind,
        staffId: staff.staffId,
        amountCents,
        note: 'in cash',
      });
    await expectError(settle(c.li, s1.id, 'surplus', 500, c.wu), 'FORBIDDEN');
    await expectError(settle(c.lead, s1.id, 'surplus', 500, c.lead), 'SETTLE_SELF');
    // never netted: shift 2's shortage cannot be made good out of shift 1's surplus
    await expectError(settle(c.lead, s1.id, 'shortage', 300), 'SETTLE_NOTHING_OPEN');
    await expectError(settle(c.lead, s2.id, 'surplus', 300), 'SETTLE_NOTHING_OPEN');
    await expectError(settle(c.lead, s1.id, 'surplus', 600), 'SETTLE_TOO_MUCH');

    const day0 = await c.club.call(c.lead.session, 'shift.dayPreview', { day: TODAY });
    expect(day0.overShort.map((i) => [i.shiftId, i.differenceCents, i.openCents])).toEqual([
      [s1.id, 500, 500],
      [s2.id, -300, 300],
    ]);

    const part = await settle(c.lead, s1.id, 'surplus', 200);
    expect(part).toMatchObject({ settledCents: 200, openCents: 300 });
    expect(part.settlements).toEqual([
      expect.objectContaining({
        kind: 'surplus',
        amountCents: 200,
        staffName: 'Desk Li',
        byName: 'Lead Chen',
      }),
    ]);
    await settle(c.mgr, s1.id, 'surplus', 300);
    await expectError(settle(c.lead, s1.id, 'surplus', 1), 'SETTLE_NOTHING_OPEN');
    // still open: shift 2's shortage only
    const month = await c.club.call(c.lead.session, 'shift.overShort', {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(month.items.map((i) => [i.shiftId, i.openCents])).toEqual([
      [s1.id, 0],
      [s2.id, 300],
    ]);
    expect([month.openOverCents, month.openShortCents]).toEqual([0, 300]);
    const open = await c.club.call(c.mgr.session, 'shift.overShort', {
      from: TODAY,
      to: TODAY,
      openOnly: true,
    });
    expect(open.items.map((i) => i.shiftId)).toEqual([s2.id]);
    await expectError(c.club.call(c.li.session, 'shift.overShort', { from: TODAY, to: TODAY }), 'FORBIDDEN');

    // a shortage of an earlier day still open shows on the next day's report too
    c.club.clock.advance(24 * 3600_000);
    await c.club.call(c.lead.session, 'session.login', { staffId: c.lead.staffId, pin: c.lead.pin });
    const next = await c.club.call(c.lead.session, 'shift.dayPreview', { day: '2026-11-19' });
    expect(next.overShort.map((i) => [i.shiftId, i.day, i.openCents])).toEqual([[s2.id, TODAY, 300]]);
    await settle(c.lead, s2.id, 'shortage', 300, c.wu);
    const after = await c.club.call(c.lead.session, 'shift.dayPreview', { day: '2026-11-19' });
    expect(after.overShort).toEqual([]);
  });
});

describe('the change float counted at the opening (零钞)', () => {
  it('the notes make the float; a difference is shown; beyond the threshold a supervisor accepts it', async () => {
    const c = await setup();
    const open = (who: Who, floatCents: number, denominations: Denominations, extra: object = {}) =>
      c.club.call(who.session, 'shift.open', {
        staffIds: [who.staffId],
        floatCents,
        floatDenominations: denominations,
        acknowledged: true,
        checked: [],
        ...extra,
      });
    await expectError(open(c.li, 50_000, notes(49_900)), 'FLOAT_COUNT_MISMATCH');
    await expectError(open(c.li, 40_000, notes(40_000), { floatReason: 'short' }), 'FLOAT_AUTH_REQUIRED');
    await expectError(
      open(c.li, 40_000, notes(40_000), {
        floatReason: 'short',
        floatAuthorization: { pin: c.wu.pin, reason: 'x' },
      }),
      'AUTH_PIN_WRONG',
    );
    const small = await open(c.li, 49_900, notes(49_900), { floatReason: 'one yuan missing' });
    expect(small).toMatchObject({
      floatCents: 49_900,
      floatPrefillCents: 50_000,
      floatDifferenceCents: -100,
      floatCount: notes(49_900),
      floatAuthorizedByName: null,
    });
    await countAndClose(c, small.id, 49_900);
    const big = await open(c.li, 40_000, notes(40_000), {
      floatReason: 'change taken to the bar',
      floatAuthorization: { pin: c.lead.pin, reasonCode: 'change_used', reason: 'change used' },
    });
    expect(big).toMatchObject({ floatDifferenceCents: -9_900, floatAuthorizedByName: 'Lead Chen' });
  });
});
