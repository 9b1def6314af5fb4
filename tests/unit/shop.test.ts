/**
 * The pro shop (专卖区, issue 16 §6): the desk sells towels and take-away drinks from the bar's
 * catalogue, stock and stocktake as a second sales point. Each point keeps its own stock and count;
 * bar staff sell, receive and count only the bar's items, reception only the shop's (tried as those
 * lowest roles); the day close lists what each point has not counted; reports are per point.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, makeClub, type TestClub } from './helpers';

const TODAY = '2026-11-18';

interface Setup {
  club: TestClub;
  desk: { session: string; staffId: number };
  bar: { session: string; staffId: number };
  cola: number;
  towel: number;
  visitId: number;
}

async function setup(): Promise<Setup> {
  const club = await makeClub();
  const desk = await club.loginAs('reception');
  const bar = await club.loginAs('bar');
  const cola = await club.call('mgr', 'bar.itemCreate', {
    name: 'Cola',
    category: 'Drinks',
    priceCents: 800,
    notes: '',
  });
  const towel = await club.call('mgr', 'bar.itemCreate', {
    name: 'Towel',
    category: 'Goods',
    priceCents: 3000,
    notes: '',
    point: 'shop',
  });
  expect([cola.point, towel.point]).toEqual(['bar', 'shop']);
  await club.call(bar.session, 'bar.receive', { itemId: cola.id, quantity: 10 });
  await club.call(desk.session, 'bar.receive', { itemId: towel.id, quantity: 5 });
  const t = await club.call('mgr', 'cardTypes.create', {
    name: 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 300000,
  });
  const m = await club.call('mgr', 'members.create', {
    cardNo: 'SHOP1',
    name: 'Member Shop',
    gender: 'female',
    phone: null,
    birthDate: null,
    cardTypeId: t.id,
    startDate: '2026-01-01',
    expiryDate: null,
    visitsLeft: null,
    consultantId: null,
    notes: '',
  });
  const r = await club.call(desk.session, 'checkin.scan', { ref: { cardNo: m.cardNo }, scanned: true });
  if (r.outcome !== 'checked_in') throw new Error(r.outcome);
  return { club, desk, bar, cola: cola.id, towel: towel.id, visitId: r.visit.id };
}

describe('the pro shop as a second sales point', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  const stock = async () =>
    Object.fromEntries((await s.club.call('mgr', 'bar.items', {})).map((i) => [i.name, i.stock]));

  it('the audit log names the point of each delivery, sale and count (the log shows the shop’s in its words)', async () => {
    await s.club.call(s.desk.session, 'bar.sell', {
      visitId: s.visitId,
      items: [{ itemId: s.towel, quantity: 1 }],
    });
    await s.club.call(s.desk.session, 'bar.stocktake', {
      kind: 'daily',
      point: 'shop',
      counts: [{ itemId: s.towel, counted: 4 }],
    });
    const points = (op: string) =>
      (
        s.club.core.database
          .prepare(`SELECT after_json AS after FROM audit_log WHERE op = ? ORDER BY id`)
          .all(op) as { after: string }[]
      ).map((r) => (JSON.parse(r.after) as { point?: string }).point);
    expect(points('bar.receive')).toEqual(['bar', 'shop']);
    expect(points('bar.sell')).toEqual(['shop']);
    expect(points('bar.stocktake')).toEqual(['shop']);
  });

  it('keeps stock per point; each list shows its own point', async () => {
    const shop = await s.club.call(s.desk.session, 'bar.items', { point: 'shop' });
    expect(shop.map((i) => [i.name, i.stock])).toEqual([['Towel', 5]]);
    const bar = await s.club.call(s.bar.session, 'bar.items', { point: 'bar' });
    expect(bar.map((i) => [i.name, i.stock])).toEqual([['Cola', 10]]);
    const tab = await s.club.call(s.desk.session, 'bar.sell', {
      visitId: s.visitId,
      items: [{ itemId: s.towel, quantity: 2 }],
    });
    // charged to the member's tag like a bar slip, paid at check-out
    expect(tab.unpaidCents).toBe(6000);
    await s.club.call(s.bar.session, 'bar.sell', {
      visitId: s.visitId,
      items: [{ itemId: s.cola, quantity: 1 }],
    });
    expect(await stock()).toEqual({ Cola: 9, Towel: 3 });
    const slips = s.club.core.database.prepare('SELECT point FROM bar_slips ORDER BY id').pluck().all();
    expect(slips).toEqual(['shop', 'bar']);
  });

  it('bar staff cannot sell, receive or count a shop item; reception cannot a bar item', async () => {
    const p = await expectError(
      s.club.call(s.bar.session, 'bar.sell', {
        visitId: s.visitId,
        items: [{ itemId: s.towel, quantity: 1 }],
      }),
      'ITEM_OTHER_POINT',
    );
    expect(p).toMatchObject({ name: 'Towel', point: 'shop' });
    await expectError(
      s.club.call(s.desk.session, 'bar.sell', {
        visitId: s.visitId,
        items: [{ itemId: s.cola, quantity: 1 }],
      }),
      'ITEM_OTHER_POINT',
    );
    await expectError(
      s.club.call(s.bar.session, 'bar.receive', { itemId: s.towel, quantity: 1 }),
      'ITEM_OTHER_POINT',
    );
    await expectError(
      s.club.call(s.desk.session, 'bar.receive', { itemId: s.cola, quantity: 1 }),
      'ITEM_OTHER_POINT',
    );
    await expectError(
      s.club.call(s.bar.session, 'bar.stocktake', {
        kind: 'daily',
        point: 'shop',
        counts: [{ itemId: s.towel, counted: 5 }],
      }),
      'ITEM_OTHER_POINT',
    );
    await expectError(
      s.club.call(s.desk.session, 'bar.stocktake', {
        kind: 'daily',
        counts: [{ itemId: s.cola, counted: 10 }],
      }),
      'ITEM_OTHER_POINT',
    );
    // a stocktake of the shop cannot slip a bar item in
    await expectError(
      s.club.call(s.desk.session, 'bar.stocktake', {
        kind: 'daily',
        point: 'shop',
        counts: [
          { itemId: s.towel, counted: 5 },
          { itemId: s.cola, counted: 10 },
        ],
      }),
      'ITEM_OTHER_POINT',
    );
    // nothing was written by the refused attempts
    expect(await stock()).toEqual({ Cola: 10, Towel: 5 });
    expect(s.club.core.database.prepare('SELECT count(*) FROM bar_slips').pluck().get()).toBe(0);
    expect(s.club.core.database.prepare('SELECT count(*) FROM stocktakes').pluck().get()).toBe(0);
  });

  it('a supervisor sells at both points, one point per slip', async () => {
    const lead = await s.club.loginAs('shift_lead');
    const p = await expectError(
      s.club.call(lead.session, 'bar.sell', {
        visitId: s.visitId,
        items: [
          { itemId: s.cola, quantity: 1 },
          { itemId: s.towel, quantity: 1 },
        ],
      }),
      'VALIDATION',
    );
    expect(p).toMatchObject({ issues: [{ path: 'items', code: 'one_point' }] });
    await s.club.call(lead.session, 'bar.sell', {
      visitId: s.visitId,
      items: [{ itemId: s.cola, quantity: 1 }],
    });
    await s.club.call(lead.session, 'bar.sell', {
      visitId: s.visitId,
      items: [{ itemId: s.towel, quantity: 1 }],
    });
    expect(await stock()).toEqual({ Cola: 9, Towel: 4 });
  });

  it('the menu editor moves an item to the shop (audited); its stock goes with it', async () => {
    const it = await s.club.call(s.bar.session, 'bar.itemUpdate', { id: s.cola, point: 'shop' });
    expect(it).toMatchObject({ point: 'shop', stock: 10 });
    const audit = s.club.core.database
      .prepare(`SELECT before_json AS before, after_json AS after FROM audit_log WHERE op = 'bar.itemUpdate'`)
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toEqual({ point: 'bar' });
    expect(JSON.parse(audit.after)).toEqual({ point: 'shop' });
    await expectError(
      s.club.call(s.bar.session, 'bar.sell', {
        visitId: s.visitId,
        items: [{ itemId: s.cola, quantity: 1 }],
      }),
      'ITEM_OTHER_POINT',
    );
  });

  it('counted at close with the bar: the day close lists what each point has not counted, differences per point', async () => {
    await s.club.call(s.desk.session, 'bar.sell', {
      visitId: s.visitId,
      items: [{ itemId: s.towel, quantity: 1 }],
    });
    let day = await s.club.call('mgr', 'shift.dayPreview', { day: TODAY });
    expect(day.blockers.stocktakeMissing).toEqual(['Cola', 'Towel']);
    expect(day.blockers.stocktakeMissingShop).toEqual(['Towel']);

    // the bar counts the bar: the shop is still missing
    await s.club.call(s.bar.session, 'bar.stocktake', {
      kind: 'daily',
      counts: [{ itemId: s.cola, counted: 10 }],
    });
    day = await s.club.call('mgr', 'shift.dayPreview', { day: TODAY });
    expect(day.blockers.stocktakeMissing).toEqual(['Towel']);
    await expectError(
      s.club.call('mgr', 'shift.closeDay', { day: TODAY, checked: [] }),
      'DAY_STOCKTAKE_MISSING',
    );

    // reception counts the shop: one towel short, with a reason; the answer carries no money
    await expectError(
      s.club.call(s.desk.session, 'bar.stocktake', {
        kind: 'daily',
        point: 'shop',
        counts: [{ itemId: s.towel, counted: 3 }],
      }),
      'VALIDATION',
    );
    const counted = await s.club.call(s.desk.session, 'bar.stocktake', {
      kind: 'daily',
      point: 'shop',
      counts: [{ itemId: s.towel, counted: 3, reason: 'one missing' }],
    });
    expect(counted.point).toBe('shop');
    expect(counted.rows.map((r) => [r.name, r.expected, r.counted, r.difference])).toEqual([
      ['Towel', 4, 3, -1],
    ]);
    expect(counted.salesCents).toBe(0);
    expect(counted.rows[0]!.salesCents).toBe(0);
    expect(await stock()).toEqual({ Cola: 10, Towel: 3 });

    day = await s.club.call('mgr', 'shift.dayPreview', { day: TODAY });
    expect(day.blockers).toMatchObject({ stocktakeMissing: [], stocktakeMissingShop: [] });
    expect(day.stocktakes.map((x) => [x.point, x.differences])).toEqual([
      ['bar', 0],
      ['shop', 1],
    ]);
  });

  it('reports per point: rows, sales, unpaid and stocktakes of that point only', async () => {
    await s.club.call(s.desk.session, 'bar.sell', {
      visitId: s.visitId,
      items: [{ itemId: s.towel, quantity: 2 }],
    });
    await s.club.call(s.bar.session, 'bar.sell', {
      visitId: s.visitId,
      items: [{ itemId: s.cola, quantity: 3 }],
    });
    const both = await s.club.call('mgr', 'bar.report', { from: TODAY, to: TODAY });
    const shop = await s.club.call('mgr', 'bar.report', { from: TODAY, to: TODAY, point: 'shop' });
    const bar = await s.club.call('mgr', 'bar.report', { from: TODAY, to: TODAY, point: 'bar' });
    expect(both.salesCents).toBe(8400);
    expect(shop).toMatchObject({ point: 'shop', salesCents: 6000, unpaidCents: 6000 });
    expect(shop.rows.map((r) => [r.name, r.point, r.sold])).toEqual([['Towel', 'shop', 2]]);
    expect(bar).toMatchObject({ point: 'bar', salesCents: 2400, unpaidCents: 2400 });
    expect(bar.rows.map((r) => [r.name, r.sold])).toEqual([['Cola', 3]]);
    // revenue is not reception's to see: the report stays the bar's and supervisors'
    await expectError(
      s.club.call(s.desk.session, 'bar.report', { from: TODAY, to: TODAY, point: 'shop' }),
      'FORBIDDEN',
    );
  });
});
