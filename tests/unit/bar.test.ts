import { beforeEach, describe, expect, it } from 'vitest';
import type { OpArgs } from '../../electron/core/contract';
import { expectError, makeBarClub, type TestClub, memberArgs } from './helpers';

const TODAY = '2026-11-18';

interface Setup {
  club: TestClub;
  barId: number;
  desk: string;
  bar: string;
  lead: { session: string; staffId: number };
  receptionId: number;
  cola: number;
  latte: number;
  timeType: number;
}

let n = 0;
async function setup(): Promise<Setup> {
  const b = await makeBarClub({ staff: [['shift_lead', 'Lead Chen', '5555']] });
  return {
    club: b.club,
    barId: b.bar.staffId,
    desk: b.desk.session,
    bar: b.bar.session,
    lead: b.staff[0]!,
    receptionId: b.desk.staffId,
    cola: b.cola,
    latte: b.latte,
    timeType: b.cardTypeId,
  };
}

async function checkIn(s: Setup, over: Partial<OpArgs<'members.create'>> = {}) {
  n += 1;
  const m = await s.club.call(
    'mgr',
    'members.create',
    memberArgs({
      cardNo: `B${2000 + n}`,
      name: `Member ${n}`,
      gender: 'male',
      cardTypeId: s.timeType,
      ...over,
    }),
  );
  const r = await s.club.call(s.desk, 'checkin.scan', { ref: { cardNo: m.cardNo }, scanned: true });
  if (r.outcome !== 'checked_in') throw new Error(r.outcome);
  return { member: m, visitId: r.visit.id, tag: r.visit.tagNumber! };
}

/** The next day: the idle counters were locked overnight, so staff log in again. */
async function nextDay(s: Setup) {
  s.club.clock.advance(86_400_000);
  await s.club.call(s.desk, 'session.login', { staffId: s.receptionId, pin: '2222' });
  await s.club.call(s.bar, 'session.login', { staffId: s.barId, pin: '3333' });
  await s.club.call('mgr', 'session.login', { staffId: s.club.managerId, pin: '9999' });
}

const stockOf = async (s: Setup, id: number) =>
  (await s.club.call(s.bar, 'bar.items', {})).find((i) => i.id === id)!.stock;

describe('drink bar', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('sells on the tag of someone inside; the desk sees the tab at once; stock drops', async () => {
    const { visitId, tag } = await checkIn(s);
    const tab = await s.club.call(s.bar, 'bar.tab', { tagNumber: tag });
    expect(tab).toMatchObject({ open: true, lines: [], unpaidCents: 0, visit: { visitId, tagNumber: tag } });
    const after = await s.club.call(s.bar, 'bar.sell', {
      visitId,
      items: [
        { itemId: s.cola, quantity: 2 },
        { itemId: s.latte, quantity: 1 },
      ],
    });
    expect(after.lines.map((l) => [l.name, l.quantity, l.amountCents])).toEqual([
      ['Cola', 2, 1600],
      ['Latte', 1, 2000],
    ]);
    expect(after.unpaidCents).toBe(3600);
    const inside = await s.club.call(s.desk, 'checkin.inside', {});
    expect(inside[0]!.tabCents).toBe(3600);
    const preview = await s.club.call(s.desk, 'checkin.checkoutPreview', { tagNumber: tag });
    expect(preview.tabCents).toBe(3600);
    expect(preview.tabLines).toHaveLength(2);
    expect(await stockOf(s, s.cola)).toBe(8);
    expect(await stockOf(s, s.latte)).toBe(4);
  });

  it('refuses to charge a free, lost or unknown tag, and a visit already checked out', async () => {
    await expectError(s.club.call(s.bar, 'bar.tab', { tagNumber: 5 }), 'TAG_NOT_ISSUED');
    await expectError(s.club.call(s.bar, 'bar.tab', { tagNumber: 999 }), 'TAG_UNKNOWN');
    const { visitId, tag } = await checkIn(s);
    await s.club.call(s.desk, 'checkin.checkout', { visitId, tagReturned: false });
    await expectError(s.club.call(s.bar, 'bar.tab', { tagNumber: tag }), 'TAG_NOT_ISSUED');
    await expectError(
      s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 1 }] }),
      'VISIT_CLOSED',
    );
    expect(await stockOf(s, s.cola)).toBe(10);
  });

  it('refuses zero, negative and fractional quantities', async () => {
    const { visitId } = await checkIn(s);
    for (const quantity of [0, -1, 1.5, 1000]) {
      await expectError(
        s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity }] }),
        'VALIDATION',
      );
    }
    expect(await stockOf(s, s.cola)).toBe(10);
  });

  it('allows selling past zero stock, with a warning, and shows negative stock', async () => {
    const { visitId } = await checkIn(s);
    const tab = await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.latte, quantity: 7 }] });
    expect(tab.stockWarnings).toEqual([{ itemId: s.latte, name: 'Latte', stock: -2 }]);
    expect(await stockOf(s, s.latte)).toBe(-2);
  });

  it('a price change never alters a slip already written', async () => {
    const { visitId } = await checkIn(s);
    await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 1 }] });
    await s.club.call('mgr', 'bar.itemUpdate', { id: s.cola, priceCents: 1000 });
    const tab = await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 1 }] });
    expect(tab.lines.map((l) => l.amountCents)).toEqual([800, 1000]);
    const audit = await s.club.call('mgr', 'audit.search', { q: 'bar.itemUpdate' });
    expect(JSON.parse(audit.rows[0]!.before!)).toEqual({ price_cents: 800 });
    expect(JSON.parse(audit.rows[0]!.after!)).toEqual({ price_cents: 1000 });
  });

  it('marks an item a favourite: created so or changed, audited, refused from the desk', async () => {
    expect((await s.club.call(s.bar, 'bar.items', {})).map((i) => [i.name, i.favourite])).toEqual([
      ['Latte', false],
      ['Cola', false],
    ]);
    const water = await s.club.call(s.bar, 'bar.itemCreate', {
      name: 'Water',
      category: 'Drinks',
      priceCents: 300,
      notes: '',
      favourite: true,
    });
    expect(water.favourite).toBe(true);
    const cola = await s.club.call(s.bar, 'bar.itemUpdate', { id: s.cola, favourite: true });
    expect(cola).toMatchObject({ favourite: true, priceCents: 800 });
    // changing something else leaves it a favourite
    expect(await s.club.call(s.bar, 'bar.itemUpdate', { id: s.cola, sort: 3 })).toMatchObject({
      favourite: true,
    });
    const audit = await s.club.call('mgr', 'audit.search', { q: 'bar.itemUpdate' });
    expect(audit.rows.map((r) => JSON.parse(r.after!) as unknown)).toContainEqual({ favourite: 1 });
    expect((await s.club.call(s.bar, 'bar.itemUpdate', { id: s.cola, favourite: false })).favourite).toBe(
      false,
    );
    // reception may not change the menu, a favourite included; bad input changes nothing
    await expectError(s.club.call(s.desk, 'bar.itemUpdate', { id: water.id, favourite: false }), 'FORBIDDEN');
    expect(await s.club.raw(s.bar, 'bar.itemUpdate', { id: water.id, favourite: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect((await s.club.call(s.bar, 'bar.items', {})).find((i) => i.id === water.id)?.favourite).toBe(true);
  });

  it('corrects a line only with the member confirmed, only while inside and unpaid', async () => {
    const { visitId } = await checkIn(s);
    const tab = await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 3 }] });
    const lineId = tab.lines[0]!.id;
    const unconfirmed = await s.club.raw(s.bar, 'bar.correctLine', {
      lineId,
      quantity: 1,
      memberConfirmed: false,
    });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const fixed = await s.club.call(s.bar, 'bar.correctLine', { lineId, quantity: 1, memberConfirmed: true });
    expect(fixed.lines[0]).toMatchObject({ quantity: 1, amountCents: 800 });
    expect(await stockOf(s, s.cola)).toBe(9);
    const removed = await s.club.call(s.bar, 'bar.correctLine', {
      lineId,
      quantity: 0,
      memberConfirmed: true,
    });
    expect(removed.unpaidCents).toBe(0);
    expect(await stockOf(s, s.cola)).toBe(10);
    // A correction is not a void: it does not appear in the void list.
    expect((await s.club.call(s.bar, 'bar.report', { from: TODAY, to: TODAY })).voids).toEqual([]);
    const again = await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 1 }] });
    await s.club.call(s.desk, 'checkin.checkout', {
      visitId,
      tagReturned: true,
      payment: { parts: [{ method: 'cash', amountCents: 800 }] },
    });
    await expectError(
      s.club.call(s.bar, 'bar.correctLine', {
        lineId: again.lines[1]!.id,
        quantity: 2,
        memberConfirmed: true,
      }),
      'LINE_NOT_CORRECTABLE',
    );
  });

  it('voids only with a shift lead PIN and a reason; voids are reported and restock', async () => {
    const { visitId } = await checkIn(s);
    const tab = await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.latte, quantity: 2 }] });
    const lineIds = [tab.lines[0]!.id];
    const noAuth = await s.club.raw(s.bar, 'bar.void', { lineIds, reason: 'wrong drink' });
    expect(noAuth).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expectError(
      s.club.call(s.bar, 'bar.void', {
        lineIds,
        reason: 'x',
        authorization: { pin: '2222', reason: 'x' },
      }),
      // reception's PIN names no one who may authorise (the bar is asking, not reception)
      'AUTH_PIN_WRONG',
    );
    await expectError(
      s.club.call(s.bar, 'bar.void', {
        lineIds,
        reason: 'x',
        authorization: { pin: '0000', reason: 'x' },
      }),
      'AUTH_PIN_WRONG',
    );
    expect(await stockOf(s, s.latte)).toBe(3);
    const voided = await s.club.call(s.bar, 'bar.void', {
      lineIds,
      reason: 'wrong drink',
      authorization: { pin: '5555', reason: 'wrong drink' },
    });
    expect(voided.lines[0]).toMatchObject({ voided: true, voidReason: 'wrong drink' });
    expect(voided.unpaidCents).toBe(0);
    expect(await stockOf(s, s.latte)).toBe(5);
    const report = await s.club.call(s.bar, 'bar.report', { from: TODAY, to: TODAY });
    expect(report.voids).toEqual([
      expect.objectContaining({
        name: 'Latte',
        quantity: 2,
        amountCents: 4000,
        reason: 'wrong drink',
        byName: 'Bar Zhao',
        authorizedByName: 'Lead Chen',
      }),
    ]);
    await expectError(
      s.club.call(s.bar, 'bar.void', {
        lineIds,
        reason: 'x',
        authorization: { pin: '5555', reason: 'x' },
      }),
      'LINE_VOIDED',
    );
  });

  it('free water for a visitor is counted and never charged', async () => {
    expect(await s.club.call(s.bar, 'bar.water', {})).toEqual({ today: 1 });
    expect(await s.club.call(s.bar, 'bar.water', {})).toEqual({ today: 2 });
    const r = await s.club.call(s.bar, 'bar.report', { from: TODAY, to: TODAY });
    expect(r.water).toBe(2);
    expect(r.salesCents).toBe(0);
  });
});

describe('settlement at check-out', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('the tag is freed only when the tab is settled; a split adds up to the cent', async () => {
    const { member, visitId, tag } = await checkIn(s);
    await s.club.call(s.desk, 'storedValue.topup', {
      memberId: member.id,
      amountCents: 2000,
      method: 'card',
      reference: 'POS-1',
    });
    await s.club.call(s.bar, 'bar.sell', {
      visitId,
      items: [
        { itemId: s.cola, quantity: 2 },
        { itemId: s.latte, quantity: 1 },
      ],
    });
    await expectError(s.club.call(s.desk, 'checkin.checkout', { visitId, tagReturned: true }), 'TAB_UNPAID');
    expect(
      await expectError(
        s.club.call(s.desk, 'checkin.checkout', {
          visitId,
          tagReturned: true,
          payment: { parts: [{ method: 'cash', amountCents: 3599 }] },
        }),
        'PAYMENT_MISMATCH',
      ),
    ).toEqual({ paid: 3599, due: 3600 });
    await expectError(
      s.club.call(s.desk, 'checkin.checkout', {
        visitId,
        tagReturned: true,
        payment: {
          parts: [
            { method: 'stored_value', amountCents: 2500 },
            { method: 'cash', amountCents: 1100 },
          ],
        },
      }),
      'STORED_VALUE_INSUFFICIENT',
    );
    await expectError(
      s.club.call(s.desk, 'checkin.checkout', {
        visitId,
        tagReturned: true,
        payment: {
          parts: [
            { method: 'stored_value', amountCents: 2000 },
            { method: 'cash', amountCents: 1600, tenderedCents: 1000 },
          ],
        },
      }),
      'CASH_TENDERED_SHORT',
    );
    expect((await s.club.call(s.desk, 'tags.board', {})).tags.find((t) => t.number === tag)!.status).toBe(
      'issued',
    );
    expect((await s.club.call(s.desk, 'storedValue.account', { memberId: member.id })).balanceCents).toBe(
      2000,
    );

    const out = await s.club.call(s.desk, 'checkin.checkout', {
      visitId,
      tagReturned: true,
      payment: {
        parts: [
          { method: 'stored_value', amountCents: 2000 },
          { method: 'cash', amountCents: 1600, tenderedCents: 2000 },
        ],
      },
    });
    expect(out.receipt).toMatchObject({ totalCents: 3600, changeCents: 400, storedValueAfterCents: 0 });
    expect((await s.club.call(s.desk, 'tags.board', {})).tags.find((t) => t.number === tag)!.status).toBe(
      'available',
    );
    const acct = await s.club.call(s.desk, 'storedValue.account', { memberId: member.id });
    expect(acct.entries.map((e) => [e.kind, e.amountCents, e.balanceAfterCents])).toEqual([
      ['deduction', -2000, 0],
      ['topup', 2000, 2000],
    ]);
    const report = await s.club.call(s.bar, 'bar.report', { from: TODAY, to: TODAY });
    expect(report.salesCents).toBe(3600);
    expect(report.byMethod).toEqual({ cash: 1600, card: 0, mobile: 0, stored_value: 2000 });
    expect(report.unpaidCents).toBe(0);
  });

  it('pays exactly once when the same payment arrives twice at the same time', async () => {
    const { visitId } = await checkIn(s);
    await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 1 }] });
    const args = {
      visitId,
      tagReturned: true,
      payment: { parts: [{ method: 'cash' as const, amountCents: 800 }] },
      opId: 'pay-once-123',
    };
    const [a, b] = await Promise.all([
      s.club.call(s.desk, 'checkin.checkout', args),
      s.club.call(s.desk, 'checkin.checkout', args),
    ]);
    expect(b).toEqual(a);
    const count = s.club.core.database
      .prepare('SELECT count(*) AS n, sum(amount_cents) AS c FROM payments')
      .get();
    expect(count).toEqual({ n: 1, c: 800 });
    // Without the same operation id, a second attempt is refused: the visit is closed.
    await expectError(
      s.club.call(s.desk, 'checkin.checkout', { ...args, opId: 'pay-other-456' }),
      'VISIT_CLOSED',
    );
  });

  it('a shift lead lets a member leave unpaid: it is their debt, amber at the next check-in, payable then', async () => {
    await s.club.call('mgr', 'settings.update', { lostTagFeeCents: 2000 });
    const first = await checkIn(s);
    await s.club.call(s.bar, 'bar.sell', {
      visitId: first.visitId,
      items: [{ itemId: s.latte, quantity: 1 }],
    });
    await expectError(
      s.club.call(s.desk, 'checkin.checkout', {
        visitId: first.visitId,
        tagReturned: true,
        leaveUnpaid: { pin: '2222', reason: 'forgot wallet' },
      }),
      'OVERRIDE_NOT_ALLOWED',
    );
    const out = await s.club.call(s.desk, 'checkin.checkout', {
      visitId: first.visitId,
      tagReturned: false,
      leaveUnpaid: { pin: '5555', reason: 'forgot wallet' },
    });
    expect(out).toMatchObject({ unpaidLeftCents: 2000, receipt: null, lostTagFeeCents: 2000 });
    await nextDay(s);
    const again = await s.club.call(s.desk, 'checkin.scan', {
      ref: { cardNo: first.member.cardNo },
      scanned: true,
    });
    expect(again.outcome === 'checked_in' && again.warnings).toEqual([
      { code: 'UNPAID_BALANCE', params: { cents: 4000 } },
    ]);
    const debts = await s.club.call(s.desk, 'payments.debts', { memberId: first.member.id });
    expect(debts.totalCents).toBe(4000);
    expect(debts.lines.map((l) => [l.name, l.amountCents, l.visitDate])).toEqual([['Latte', 2000, TODAY]]);
    expect(debts.charges.map((c) => c.amountCents)).toEqual([2000]);
    const receipt = await s.club.call(s.desk, 'payments.payDebts', {
      memberId: first.member.id,
      parts: [{ method: 'mobile', amountCents: 4000, reference: 'WX-9' }],
    });
    expect(receipt.totalCents).toBe(4000);
    expect((await s.club.call(s.desk, 'payments.debts', { memberId: first.member.id })).totalCents).toBe(0);
    await expectError(
      s.club.call(s.desk, 'payments.payDebts', {
        memberId: first.member.id,
        parts: [{ method: 'cash', amountCents: 1 }],
      }),
      'NOTHING_TO_PAY',
    );
    // The bar part of that settlement counts as bar sales paid by mobile; the lost-tag fee does not.
    const report = await s.club.call(s.bar, 'bar.report', { from: TODAY, to: '2026-11-19' });
    expect(report.byMethod.mobile).toBe(2000);
  });

  it('voiding a paid line (a manager, once the member has left) refunds it the way it was paid', async () => {
    // (the desk's shift is open: see the setup)
    const { member, visitId } = await checkIn(s);
    await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 1 }] });
    await s.club.call(s.desk, 'checkin.checkout', {
      visitId,
      tagReturned: true,
      payment: { parts: [{ method: 'cash', amountCents: 800 }] },
    });
    const tab = await s.club.call(s.bar, 'bar.tab', { visitId });
    expect(tab.lines[0]).toMatchObject({ paid: true, paidWith: ['cash'], correctableUntil: null });
    await expectError(
      s.club.call(s.bar, 'bar.void', {
        lineIds: [tab.lines[0]!.id],
        reason: 'charged twice',
        authorization: { pin: '5555', reason: 'charged twice' },
      }),
      'VOID_NEEDS_MANAGER',
    );
    await s.club.call(s.bar, 'bar.void', {
      lineIds: [tab.lines[0]!.id],
      reason: 'charged twice',
      authorization: { pin: '9999', reason: 'charged twice' },
    });
    // paid in cash, given back in cash: the stored value is untouched
    expect((await s.club.call(s.desk, 'storedValue.account', { memberId: member.id })).balanceCents).toBe(0);
    const report = await s.club.call(s.bar, 'bar.report', { from: TODAY, to: TODAY });
    expect(report.salesCents).toBe(0);
    expect(report.byMethod).toEqual({ cash: 0, card: 0, mobile: 0, stored_value: 0 });
    expect(report.refunds).toEqual({
      byMethod: { cash: 800, card: 0, mobile: 0, stored_value: 0 },
      cashBackOfStoredValueCents: 0,
    });
    expect(report.voids[0]).toMatchObject({
      authorizedByName: 'Manager Wang',
      afterCheckout: true,
      refundCents: 800,
      refundTo: ['cash'],
      cashBack: false,
    });
  });
});

describe('stored value', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('is the sum of its ledger and never goes below zero; adjustments are for managers with a reason', async () => {
    const { member } = await checkIn(s);
    await s.club.call(s.desk, 'storedValue.topup', {
      memberId: member.id,
      amountCents: 5000,
      method: 'cash',
      tenderedCents: 10000,
    });
    await expectError(
      s.club.call(s.desk, 'storedValue.adjust', { memberId: member.id, amountCents: -100, reason: 'x' }),
      'FORBIDDEN',
    );
    await expectError(
      s.club.call('mgr', 'storedValue.adjust', { memberId: member.id, amountCents: -5001, reason: 'fix' }),
      'STORED_VALUE_INSUFFICIENT',
    );
    const acct = await s.club.call('mgr', 'storedValue.adjust', {
      memberId: member.id,
      amountCents: -1000,
      reason: 'double top-up',
    });
    expect(acct.balanceCents).toBe(4000);
    await expectError(
      s.club.call('mgr', 'storedValue.refund', {
        memberId: member.id,
        amountCents: 4001,
        method: 'cash',
        reason: 'leaving',
      }),
      'STORED_VALUE_INSUFFICIENT',
    );
    const r = await s.club.call('mgr', 'storedValue.refund', {
      memberId: member.id,
      amountCents: 4000,
      method: 'cash',
      reason: 'leaving',
    });
    expect(r.storedValueAfterCents).toBe(0);
    const all = await s.club.call('mgr', 'storedValue.account', { memberId: member.id });
    expect(all.entries.map((e) => e.kind)).toEqual(['refund', 'adjustment', 'topup']);
    expect(all.entries.reduce((a, e) => a + e.amountCents, 0)).toBe(all.balanceCents);
  });

  it('the weekly check adds up the movements and flags what does not add up', async () => {
    const { member } = await checkIn(s);
    await s.club.call(s.desk, 'storedValue.topup', {
      memberId: member.id,
      amountCents: 3000,
      method: 'card',
    });
    let check = await s.club.call(s.lead.session, 'storedValue.check', { from: '2026-11-12', to: TODAY });
    expect(check).toMatchObject({ topupsCents: 3000, deductionsCents: 0, problems: [] });
    // Someone changes a balance behind the ledger's back, and writes a top-up with no payment.
    const db = s.club.core.database;
    db.prepare('UPDATE members SET stored_value_cents = 9999 WHERE id = ?').run(member.id);
    db.prepare(
      `INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, at) VALUES (?, 'topup', 500, 3500, ?)`,
    ).run(member.id, '2026-11-18T03:00:00.000Z');
    check = await s.club.call(s.lead.session, 'storedValue.check', { from: '2026-11-12', to: TODAY });
    expect(check.problems.map((p) => p.kind).sort()).toEqual(['BALANCE_MISMATCH', 'TOPUP_WITHOUT_PAYMENT']);
    expect(check.problems.find((p) => p.kind === 'BALANCE_MISMATCH')).toMatchObject({
      ledgerCents: 3500,
      balanceCents: 9999,
    });
    await expectError(
      s.club.call(s.desk, 'storedValue.check', { from: '2026-11-12', to: TODAY }),
      'FORBIDDEN',
    );
  });
});

describe('stock and bar reports', () => {
  it('derives stock through deliveries, sales, voids and a stocktake, and reports each figure', async () => {
    const s = await setup();
    const { visitId } = await checkIn(s);
    await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 4 }] });
    const t2 = await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 1 }] });
    await s.club.call(s.bar, 'bar.void', {
      lineIds: [t2.lines[1]!.id],
      reason: 'spilled',
      authorization: { pin: '5555', reason: 'spilled' },
    });
    await s.club.call(s.bar, 'bar.receive', { itemId: s.cola, quantity: 6 });
    // Expected 10 - 4 - 1 + 1 + 6 = 12; counted 11 needs a reason.
    const missingReason = await s.club.raw(s.bar, 'bar.stocktake', {
      kind: 'daily',
      counts: [{ itemId: s.cola, counted: 11 }],
    });
    expect(missingReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const report = await s.club.call(s.bar, 'bar.stocktake', {
      kind: 'daily',
      counts: [
        { itemId: s.cola, counted: 11, reason: 'one broken can' },
        { itemId: s.latte, counted: 5 },
      ],
    });
    const cola = report.rows.find((r) => r.name === 'Cola')!;
    expect(cola).toMatchObject({
      opening: 0,
      received: 16,
      sold: 5,
      voided: 1,
      expected: 12,
      counted: 11,
      difference: -1,
      reason: 'one broken can',
      salesCents: 3200,
    });
    expect(await stockOf(s, s.cola)).toBe(11);
    expect(report.stocktakes).toHaveLength(1);
    // The next day opens with the counted stock.
    await nextDay(s);
    const next = await s.club.call(s.bar, 'bar.report', { from: '2026-11-19', to: '2026-11-19' });
    expect(next.rows.find((r) => r.name === 'Cola')).toMatchObject({
      opening: 11,
      received: 0,
      sold: 0,
      expected: 11,
      counted: null,
    });
    const csv = await s.club.call(s.bar, 'bar.reportCsv', { from: TODAY, to: TODAY });
    expect(csv.csv.startsWith('\ufeff')).toBe(true);
    expect(csv.csv).toContain('Cola,0,16,5,1,0,12,11,-1,one broken can,32.00');
    expect(csv.csv).toContain('\r\nVoided at,Item,Qty,Amount,');
    expect(csv.csv).toMatch(
      /\r\n2026-11-18 10:00,Cola,1,8\.00,Member \d+,spilled,Bar Zhao,Lead Chen,0\.00,,0,0\r\n/,
    );
    await expectError(s.club.call(s.bar, 'bar.report', { from: TODAY, to: '2026-11-01' }), 'RANGE_INVALID');
  });

  it('lists what to order: items whose month sales exceed the stock on hand', async () => {
    const s = await setup();
    const { visitId } = await checkIn(s);
    await s.club.call(s.bar, 'bar.sell', {
      visitId,
      items: [
        { itemId: s.latte, quantity: 4 },
        { itemId: s.cola, quantity: 2 },
      ],
    });
    const list = await s.club.call(s.bar, 'bar.orderList', { month: '2026-11' });
    expect(list).toEqual([
      { itemId: s.latte, name: 'Latte', category: 'Coffee', soldLastMonth: 4, stock: 1, suggested: 3 },
    ]);
  });
});
