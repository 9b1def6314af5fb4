/**
 * Bar slips can't be bent by one person (issue 11). Every seam is tried through Core.call as the
 * lowest roles that reach the bar operations — the bar and reception — and must be refused, or
 * recorded where a manager looks (the bar report):
 * - a correction (with the member's "confirmation" flag) only while the slip is fresh and unpaid;
 * - any other removal or reduction is a void: a supervisor's PIN (not one's own, a wrong one counts
 *   towards the lockout) and a reason, listed with who voided, who authorised and why;
 * - once the member has left, only a manager voids;
 * - money goes back where it came from; stored value back in cash only with a manager's PIN.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpArgs } from '../../electron/core/contract';
import { expectError, makeBarClub, type TestClub, memberArgs } from './helpers';

const TODAY = '2026-11-18';
const MIN = 60_000;

interface Setup {
  club: TestClub;
  desk: { session: string; staffId: number };
  bar: { session: string; staffId: number };
  lead: { session: string; staffId: number };
  cs: { session: string; staffId: number };
  cola: number;
  latte: number;
  timeType: number;
}

/** The items are the bar's, or (reception's turn: reception sells only the shop's) the shop's. */
async function setup(point: 'bar' | 'shop' = 'bar'): Promise<Setup> {
  const b = await makeBarClub({
    // The tests move the clock past the correction window: keep the counters from locking meanwhile.
    prepare: (club) => club.call('mgr', 'settings.update', { idleLockMinutes: 240 }),
    staff: [
      ['shift_lead', 'Lead Chen', '5555'],
      ['cs_manager', 'CS Sun', '6666'],
    ],
    point,
    latteStock: 10,
  });
  const [lead, cs] = b.staff as [Setup['lead'], Setup['cs']];
  return {
    club: b.club,
    desk: b.desk,
    bar: b.bar,
    lead,
    cs,
    cola: b.cola,
    latte: b.latte,
    timeType: b.cardTypeId,
  };
}

let n = 0;
async function checkIn(s: Setup) {
  n += 1;
  const m = await s.club.call(
    'mgr',
    'members.create',
    memberArgs({ cardNo: `S${3000 + n}`, name: `Member ${n}`, gender: 'female', cardTypeId: s.timeType }),
  );
  const r = await s.club.call(s.desk.session, 'checkin.scan', { ref: { cardNo: m.cardNo }, scanned: true });
  if (r.outcome !== 'checked_in') throw new Error(r.outcome);
  return { member: m, visitId: r.visit.id };
}

const stockOf = async (s: Setup, id: number) =>
  (await s.club.call('mgr', 'bar.items', {})).find((i) => i.id === id)!.stock;
const report = (s: Setup) => s.club.call('mgr', 'bar.report', { from: TODAY, to: TODAY });
const failedAttempts = (s: Setup, staffId: number) =>
  (
    s.club.core.database.prepare('SELECT failed_attempts AS n FROM staff WHERE id = ?').get(staffId) as {
      n: number;
    }
  ).n;

const ROLES = ['bar', 'reception'] as const;

for (const role of ROLES) {
  describe(`bar slips as ${role}`, () => {
    let s: Setup;
    let actor: { session: string; staffId: number };
    const pinOf = { bar: '3333', reception: '2222' };
    beforeEach(async () => {
      s = await setup(role === 'bar' ? 'bar' : 'shop');
      actor = role === 'bar' ? s.bar : s.desk;
    });
    afterEach(() => {
      s.club.core.close();
      fs.rmSync(s.club.dataDir, { recursive: true, force: true });
    });

    const sell = async (visitId: number, items: OpArgs<'bar.sell'>['items']) =>
      s.club.call(actor.session, 'bar.sell', { visitId, items });
    const correct = (lineId: number, quantity: number) =>
      s.club.call(actor.session, 'bar.correctLine', { lineId, quantity, memberConfirmed: true });

    it('corrects on the spot only while the slip is fresh; past the window the member’s confirmation is not enough', async () => {
      const { visitId } = await checkIn(s);
      const start = s.club.clock.now().getTime();
      const tab = await sell(visitId, [{ itemId: s.cola, quantity: 3 }]);
      const lineId = tab.lines[0]!.id;
      expect(tab.lines[0]!.correctableUntil).toBe(new Date(start + 10 * MIN).toISOString());

      s.club.clock.advance(10 * MIN - 1000);
      expect((await correct(lineId, 2)).lines[0]).toMatchObject({ quantity: 2, amountCents: 1600 });

      s.club.clock.advance(1000); // exactly ten minutes after the slip
      for (const quantity of [1, 0, 5]) {
        const p = await expectError(correct(lineId, quantity), 'CORRECTION_WINDOW_PASSED');
        expect(p).toMatchObject({ minutes: 10 });
      }
      const after = await s.club.call(actor.session, 'bar.tab', { visitId });
      expect(after.lines.map((l) => [l.quantity, l.voided])).toEqual([[2, false]]);
      expect(after.unpaidCents).toBe(1600);
      expect(await stockOf(s, s.cola)).toBe(8);

      // the one correction made is on the report, with who and how old the slip was
      const r = await report(s);
      expect(r.corrections).toEqual([
        expect.objectContaining({
          name: 'Cola',
          quantityBefore: 3,
          quantityAfter: 2,
          slipAgeMinutes: 9,
          byName: role === 'bar' ? 'Bar Zhao' : 'Desk Li',
        }),
      ]);
      expect(r.voids).toEqual([]);
    });

    it('raising a quantity needs the member’s confirmation too, and the window', async () => {
      const { visitId } = await checkIn(s);
      const tab = await sell(visitId, [{ itemId: s.latte, quantity: 1 }]);
      const lineId = tab.lines[0]!.id;
      for (const memberConfirmed of [false, undefined]) {
        const r = await s.club.raw(actor.session, 'bar.correctLine', {
          lineId,
          quantity: 2,
          memberConfirmed,
        });
        expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      expect((await correct(lineId, 2)).unpaidCents).toBe(4000);
      s.club.clock.advance(11 * MIN);
      await expectError(correct(lineId, 3), 'CORRECTION_WINDOW_PASSED');
      expect((await s.club.call(actor.session, 'bar.tab', { visitId })).unpaidCents).toBe(4000);
    });

    it('the window is the manager’s setting; with 0 every change is a void', async () => {
      await expectError(
        s.club.call(actor.session, 'settings.update', { barCorrectionMinutes: 60 }),
        'FORBIDDEN',
      );
      await s.club.call('mgr', 'settings.update', { barCorrectionMinutes: 0 });
      const { visitId } = await checkIn(s);
      const tab = await sell(visitId, [{ itemId: s.cola, quantity: 2 }]);
      expect(tab.lines[0]!.correctableUntil).toBe(tab.lines[0]!.createdAt);
      await expectError(correct(tab.lines[0]!.id, 1), 'CORRECTION_WINDOW_PASSED');
    });

    it('a paid tab is never corrected, even inside the window', async () => {
      const { visitId } = await checkIn(s);
      const tab = await sell(visitId, [{ itemId: s.cola, quantity: 2 }]);
      await s.club.call(s.desk.session, 'checkin.checkout', {
        visitId,
        tagReturned: true,
        payment: { parts: [{ method: 'card', amountCents: 1600, reference: 'POS-1' }] },
      });
      await expectError(correct(tab.lines[0]!.id, 1), 'LINE_NOT_CORRECTABLE');
      await expectError(correct(tab.lines[0]!.id, 0), 'LINE_NOT_CORRECTABLE');
      const after = await s.club.call(actor.session, 'bar.tab', { visitId });
      expect(after.lines[0]).toMatchObject({ quantity: 2, paid: true, correctableUntil: null });
    });

    it('a void needs a supervisor’s PIN: none, a wrong one (counted) or one’s own is refused', async () => {
      const { visitId } = await checkIn(s);
      const tab = await sell(visitId, [{ itemId: s.cola, quantity: 3 }]);
      const lineIds = [tab.lines[0]!.id];
      s.club.clock.advance(15 * MIN);
      const noPin = await s.club.raw(actor.session, 'bar.void', { lineIds, reason: 'wrong drink' });
      expect(noPin).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const wrong = await expectError(
        s.club.call(actor.session, 'bar.void', {
          lineIds,
          reason: 'wrong drink',
          authorization: { pin: '0000', reason: 'wrong drink' },
        }),
        'AUTH_PIN_WRONG',
      );
      expect(wrong).toEqual({ attemptsLeft: 4 });
      // the PIN names nobody: it counts against this desk, never towards a supervisor's login lock
      expect(failedAttempts(s, s.lead.staffId)).toBe(0);
      // one's own PIN is not a second person's signature (bar and reception may not authorise);
      // a colleague's who may not authorise names no authoriser
      await expectError(
        s.club.call(actor.session, 'bar.void', {
          lineIds,
          reason: 'wrong drink',
          authorization: { pin: pinOf[role], reason: 'wrong drink' },
        }),
        'OVERRIDE_NOT_ALLOWED',
      );
      await expectError(
        s.club.call(actor.session, 'bar.void', {
          lineIds,
          reason: 'wrong drink',
          authorization: { pin: role === 'bar' ? '2222' : '3333', reason: 'wrong drink' },
        }),
        'AUTH_PIN_WRONG',
      );
      const still = await s.club.call(actor.session, 'bar.tab', { visitId });
      expect(still.lines.map((l) => [l.quantity, l.voided])).toEqual([[3, false]]);
      expect(await stockOf(s, s.cola)).toBe(7);
      expect((await report(s)).voids).toEqual([]);

      // three more wrong PINs (five in all) pause this desk's authorisations; then even the right
      // one is refused
      for (let i = 0; i < 3; i++) {
        await s.club.raw(actor.session, 'bar.void', {
          lineIds,
          reason: 'x',
          authorization: { pin: '0000', reason: 'x' },
        });
      }
      await expectError(
        s.club.call(actor.session, 'bar.void', {
          lineIds,
          reason: 'x',
          authorization: { pin: '5555', reason: 'x' },
        }),
        'AUTH_PAUSED',
      );
      expect((await s.club.call(actor.session, 'bar.tab', { visitId })).unpaidCents).toBe(2400);
    });

    it('reducing an old slip is a void of part of the line, signed and listed with who and why', async () => {
      const { visitId } = await checkIn(s);
      const tab = await sell(visitId, [{ itemId: s.cola, quantity: 3 }]);
      s.club.clock.advance(20 * MIN);
      const after = await s.club.call(actor.session, 'bar.void', {
        lineIds: [tab.lines[0]!.id],
        quantities: [1],
        reason: 'one was spilt',
        authorization: { pin: '5555', reason: 'one was spilt' },
      });
      expect(after.lines.map((l) => [l.name, l.quantity, l.amountCents, l.voided])).toEqual([
        ['Cola', 2, 1600, false],
        ['Cola', 1, 800, true],
      ]);
      expect(after.unpaidCents).toBe(1600);
      expect(await stockOf(s, s.cola)).toBe(8);
      await expectError(
        s.club.call(actor.session, 'bar.void', {
          lineIds: [tab.lines[0]!.id],
          quantities: [3],
          reason: 'x',
          authorization: { pin: '5555', reason: 'x' },
        }),
        'VALIDATION',
      );
      const r = await report(s);
      expect(r.voids).toEqual([
        expect.objectContaining({
          name: 'Cola',
          quantity: 1,
          amountCents: 800,
          reason: 'one was spilt',
          byName: role === 'bar' ? 'Bar Zhao' : 'Desk Li',
          authorizedByName: 'Lead Chen',
          afterCheckout: false,
          refundCents: 0,
        }),
      ]);
      expect(r.rows.find((x) => x.name === 'Cola')).toMatchObject({ sold: 3, voided: 1 });
    });

    it('once the member has left, only a manager voids (a shift lead no longer can)', async () => {
      const { member, visitId } = await checkIn(s);
      const tab = await sell(visitId, [{ itemId: s.latte, quantity: 1 }]);
      await s.club.call(s.desk.session, 'checkin.checkout', {
        visitId,
        tagReturned: true,
        leaveUnpaid: { pin: '5555', reason: 'forgot the wallet' },
      });
      const lineIds = [tab.lines[0]!.id];
      await expectError(
        s.club.call(actor.session, 'bar.void', {
          lineIds,
          reason: 'never served',
          authorization: { pin: '5555', reason: 'never served' },
        }),
        'VOID_NEEDS_MANAGER',
      );
      expect((await s.club.call(s.desk.session, 'payments.debts', { memberId: member.id })).totalCents).toBe(
        2000,
      );
      await s.club.call(actor.session, 'bar.void', {
        lineIds,
        reason: 'never served',
        authorization: { pin: '6666', reason: 'never served' },
      });
      expect((await s.club.call(s.desk.session, 'payments.debts', { memberId: member.id })).totalCents).toBe(
        0,
      );
      expect((await report(s)).voids).toEqual([
        expect.objectContaining({ authorizedByName: 'CS Sun', afterCheckout: true, refundCents: 0 }),
      ]);
    });

    it('money goes back where it came from: stored value to the ledger, then cash', async () => {
      const { member, visitId } = await checkIn(s);
      await s.club.call(s.desk.session, 'storedValue.topup', {
        memberId: member.id,
        amountCents: 2000,
        method: 'card',
        reference: 'POS-2',
      });
      const tab = await sell(visitId, [
        { itemId: s.cola, quantity: 2 },
        { itemId: s.latte, quantity: 1 },
      ]);
      // 36.00: 20.00 from stored value, 16.00 in cash
      await s.club.call(s.desk.session, 'checkin.checkout', {
        visitId,
        tagReturned: true,
        payment: {
          parts: [
            { method: 'stored_value', amountCents: 2000 },
            { method: 'cash', amountCents: 1600, tenderedCents: 2000 },
          ],
        },
      });
      const [cola, latte] = tab.lines;
      const mgr = { pin: '9999', reason: 'bad milk' };
      const t1 = await s.club.call(actor.session, 'bar.void', {
        lineIds: [latte!.id],
        reason: 'bad milk',
        authorization: mgr,
      });
      expect(t1.storedValueCents).toBe(2000);
      expect(t1.refund).toEqual([{ method: 'stored_value', amountCents: 2000 }]);
      const t2 = await s.club.call(actor.session, 'bar.void', {
        lineIds: [cola!.id],
        quantities: [1],
        reason: 'flat',
        authorization: { ...mgr, reason: 'flat' },
      });
      expect(t2.storedValueCents).toBe(2000); // the stored-value part was given back already: cash now
      expect(t2.refund).toEqual([{ method: 'cash', amountCents: 800 }]);
      const ledger = await s.club.call('mgr', 'storedValue.account', { memberId: member.id });
      expect(ledger.entries.map((e) => [e.kind, e.amountCents])).toEqual([
        ['refund', 2000],
        ['deduction', -2000],
        ['topup', 2000],
      ]);
      const r = await report(s);
      expect(r.refunds).toEqual({
        byMethod: { cash: 800, card: 0, mobile: 0, stored_value: 2000 },
        cashBackOfStoredValueCents: 0,
      });
      expect(r.voids.map((v) => [v.name, v.refundCents, v.refundTo])).toEqual([
        ['Latte', 2000, ['stored_value']],
        ['Cola', 800, ['cash']],
      ]);
      // the 8.00 left the drawer as a cash refund (the shift's expected cash counts it)
      expect(
        s.club.core.database
          .prepare("SELECT amount_cents FROM payments WHERE method = 'cash' AND amount_cents < 0")
          .all(),
      ).toEqual([{ amount_cents: -800 }]);
    });

    it('stored value goes back in cash only with a manager’s PIN; other payments go back their own way', async () => {
      const { member, visitId } = await checkIn(s);
      await s.club.call(s.desk.session, 'storedValue.topup', {
        memberId: member.id,
        amountCents: 800,
        method: 'mobile',
        reference: 'WX-1',
      });
      const tab = await sell(visitId, [
        { itemId: s.cola, quantity: 1 },
        { itemId: s.latte, quantity: 1 },
      ]);
      await s.club.call(s.desk.session, 'checkin.checkout', {
        visitId,
        tagReturned: true,
        payment: {
          parts: [
            { method: 'stored_value', amountCents: 800 },
            { method: 'card', amountCents: 2000, reference: 'POS-3' },
          ],
        },
      });
      const [cola, latte] = tab.lines;
      // a shift lead may not pay stored value out in cash
      await expectError(
        s.club.call(actor.session, 'bar.void', {
          lineIds: [cola!.id],
          reason: 'member leaves the club',
          authorization: { pin: '5555', reason: 'member leaves the club' },
          cashBack: true,
        }),
        'CASH_BACK_NEEDS_MANAGER',
      );
      expect((await report(s)).voids).toEqual([]);
      await s.club.call(actor.session, 'bar.void', {
        lineIds: [cola!.id],
        reason: 'member leaves the club',
        authorization: { pin: '9999', reason: 'member leaves the club' },
        cashBack: true,
      });
      // what is left was paid by card: cash back makes no sense for it
      await expectError(
        s.club.call(actor.session, 'bar.void', {
          lineIds: [latte!.id],
          reason: 'x',
          authorization: { pin: '9999', reason: 'x' },
          cashBack: true,
        }),
        'VALIDATION',
      );
      await s.club.call(actor.session, 'bar.void', {
        lineIds: [latte!.id],
        reason: 'cold',
        authorization: { pin: '9999', reason: 'cold' },
      });
      // the ledger did not get the 8.00 back: it went out in cash
      expect((await s.club.call('mgr', 'storedValue.account', { memberId: member.id })).balanceCents).toBe(0);
      const r = await report(s);
      expect(r.refunds).toEqual({
        byMethod: { cash: 800, card: 2000, mobile: 0, stored_value: 0 },
        cashBackOfStoredValueCents: 800,
      });
      expect(r.voids.map((v) => [v.name, v.refundTo, v.cashBack, v.authorizedByName])).toEqual([
        ['Cola', ['cash'], true, 'Manager Wang'],
        ['Latte', ['card'], false, 'Manager Wang'],
      ]);
    });
  });
}
