/**
 * Memberships: a member's entitlement (card type, start, expiry, visits left, active, freeze)
 * changes only through explicit operations, each recorded in the member's entitlement history and
 * the audit log. Every seam is tried as the lowest role that reaches it through Core.call: reception
 * (or a consultant) editing entitlements through members.update, the paths closed to the desk
 * (register, correct, import), a free card without a second person, a renewal reviving a
 * deactivated card, a freeze that hands out days. Cards sold at the desk are paid in the open
 * shift and count in the handover's cards sold and the expected cash.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Denominations, MemberDetail, OpArgs } from '../../electron/core/contract';
import { CallError, expectError, makeClub, type TestClub } from './helpers';

const TODAY = '2026-11-18';

interface Desk {
  club: TestClub;
  desk: { session: string; staffId: number };
  lead: { session: string; staffId: number };
  consultant: { session: string; staffId: number };
  year: number;
  month: number;
  ten: number;
  shiftId: number;
}

const clubs: TestClub[] = [];
afterEach(() => {
  for (const c of clubs.splice(0)) {
    c.core.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});

async function setup(): Promise<Desk> {
  const club = await makeClub();
  clubs.push(club);
  const desk = await club.loginAs('reception', 'Desk Li', '2222');
  const lead = await club.loginAs('shift_lead', 'Lead Chen', '5555');
  const consultant = await club.loginAs('consultant', 'Anna', '7000');
  const type = (name: string, kind: 'time' | 'visits', n: number, priceCents: number) =>
    club.call('mgr', 'cardTypes.create', {
      name,
      kind,
      durationDays: kind === 'time' ? n : null,
      visitCount: kind === 'visits' ? n : null,
      priceCents,
    });
  const year = await type('Year card', 'time', 365, 298_000);
  const month = await type('Month card', 'time', 30, 30_000);
  const ten = await type('10 visits', 'visits', 10, 80_000);
  // Cash is taken only in an open shift.
  const shift = await club.call(desk.session, 'shift.open', {
    staffIds: [desk.staffId],
    floatCents: 50_000,
    acknowledged: false,
    checked: [],
  });
  return { club, desk, lead, consultant, year: year.id, month: month.id, ten: ten.id, shiftId: shift.id };
}

let seq = 0;
/** A member registered by the manager (a card sold before): the way tests get any entitlement. */
async function registered(d: Desk, over: Partial<OpArgs<'members.create'>> = {}): Promise<MemberDetail> {
  seq += 1;
  return d.club.call('mgr', 'members.create', {
    cardNo: `M${1000 + seq}`,
    name: `Member ${seq}`,
    gender: 'female',
    phone: '13800001234',
    birthDate: null,
    cardTypeId: d.year,
    startDate: '2026-01-01',
    expiryDate: null,
    visitsLeft: null,
    consultantId: null,
    notes: '',
    ...over,
  });
}

function sale(d: Desk, over: Partial<OpArgs<'members.sell'>> = {}): OpArgs<'members.sell'> {
  seq += 1;
  return {
    cardNo: `N${2000 + seq}`,
    name: `New ${seq}`,
    gender: 'male',
    phone: null,
    birthDate: null,
    notes: '',
    cardTypeId: d.year,
    quantity: 1,
    amountCents: 268_000,
    parts: [{ method: 'card', amountCents: 268_000, reference: 'POS 77' }],
    ...over,
  };
}

/** The entitlement columns of a member as stored, and how many history entries and audit rows exist. */
function snapshot(club: TestClub, id: number) {
  const db = club.core.database;
  return {
    row: db
      .prepare(
        'SELECT card_type_id, start_date, expiry_date, visits_left, active, frozen_from, frozen_to, consultant_id FROM members WHERE id = ?',
      )
      .get(id),
    history: (
      db.prepare('SELECT count(*) AS n FROM member_entitlements WHERE member_id = ?').get(id) as { n: number }
    ).n,
    audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
    members: (db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n,
    settlements: (db.prepare('SELECT count(*) AS n FROM settlements').get() as { n: number }).n,
  };
}

describe('seams: the desk cannot move an entitlement alone', () => {
  it('members.update refuses expiry, visits, card type, start and active from reception and consultants; nothing changes', async () => {
    const d = await setup();
    const m = await registered(d, { cardTypeId: d.ten, visitsLeft: 2 });
    const gone = await registered(d);
    await d.club.call('mgr', 'members.correct', { id: gone.id, active: false, reason: 'card refunded' });
    const attempts: [number, Record<string, unknown>][] = [
      [m.id, { expiryDate: '2030-01-01' }],
      [m.id, { visitsLeft: 99 }],
      [m.id, { cardTypeId: d.year }],
      [m.id, { startDate: '2025-01-01' }],
      [m.id, { frozenTo: null }],
      [gone.id, { active: true }],
      [m.id, { name: 'Still me', expiryDate: '2030-01-01' }],
    ];
    for (const session of [d.desk.session, d.consultant.session]) {
      for (const [id, patch] of attempts) {
        const before = snapshot(d.club, id);
        await expectError(d.club.raw(session, 'members.update', { id, ...patch }).then(unwrap), 'VALIDATION');
        expect(snapshot(d.club, id), JSON.stringify(patch)).toEqual(before);
      }
    }
    // The blocked member still cannot check in.
    const scan = await d.club.call(d.desk.session, 'checkin.scan', { ref: { memberId: gone.id } });
    expect(scan.outcome).toBe('blocked');
    // Personal details stay editable at the desk, and do not touch the entitlement history.
    const before = snapshot(d.club, m.id);
    const u = await d.club.call(d.desk.session, 'members.update', {
      id: m.id,
      name: 'New Name',
      phone: '13911112222',
      gender: 'male',
      birthDate: '1990-01-02',
      notes: 'prefers mornings',
    });
    expect(u).toMatchObject({ name: 'New Name', visitsLeft: 2, cardTypeId: d.ten });
    expect(snapshot(d.club, m.id).history).toBe(before.history);
  });

  it('the member’s consultant is changed by a manager only', async () => {
    const d = await setup();
    const m = await registered(d);
    const before = snapshot(d.club, m.id);
    for (const session of [d.desk.session, d.consultant.session, d.lead.session]) {
      const p = await expectError(
        d.club.call(session, 'members.update', { id: m.id, consultantId: d.consultant.staffId }),
        'FORBIDDEN',
      );
      expect(p).toEqual({ field: 'consultantId' });
    }
    expect(snapshot(d.club, m.id)).toEqual(before);
    const u = await d.club.call('mgr', 'members.update', { id: m.id, consultantId: d.consultant.staffId });
    expect(u.consultantName).toBe('Anna');
  });

  it('the other paths are closed to the desk: registering a card, correcting, importing, dates in a sale', async () => {
    const d = await setup();
    const m = await registered(d);
    const before = snapshot(d.club, m.id);
    const create: OpArgs<'members.create'> = {
      cardNo: 'X1',
      name: 'Free year',
      gender: 'male',
      phone: null,
      birthDate: null,
      cardTypeId: d.year,
      startDate: TODAY,
      expiryDate: '2036-01-01',
      visitsLeft: null,
      consultantId: null,
      notes: '',
    };
    for (const session of [d.desk.session, d.consultant.session, d.lead.session]) {
      await expectError(d.club.call(session, 'members.create', create), 'FORBIDDEN');
      await expectError(
        d.club.call(session, 'members.correct', { id: m.id, expiryDate: '2036-01-01', reason: 'x' }),
        'FORBIDDEN',
      );
      await expectError(
        d.club.call(session, 'members.importPreview', { fileBase64: Buffer.from('a,b').toString('base64') }),
        'FORBIDDEN',
      );
      await expectError(
        d.club.call(session, 'members.importCommit', { jobId: '0'.repeat(32), mapping: { cardNo: 0 } }),
        'FORBIDDEN',
      );
    }
    // A sale or a renewal takes no dates or counts: they come from the card type.
    await expectError(
      d.club.raw(d.desk.session, 'members.sell', { ...sale(d), expiryDate: '2036-01-01' }).then(unwrap),
      'VALIDATION',
    );
    await expectError(
      d.club
        .raw(d.desk.session, 'members.renew', {
          id: m.id,
          cardTypeId: d.year,
          quantity: 1,
          amountCents: 100,
          parts: [{ method: 'card', amountCents: 100 }],
          visitsLeft: 500,
        })
        .then(unwrap),
      'VALIDATION',
    );
    await expectError(
      d.club.call(d.desk.session, 'members.renew', {
        id: m.id,
        cardTypeId: d.year,
        quantity: 11,
        amountCents: 100,
        parts: [{ method: 'card', amountCents: 100 }],
      }),
      'VALIDATION',
    );
    // Money for a card goes into the desk's drawer: consultants and the bar do not take it.
    await expectError(d.club.call(d.consultant.session, 'members.sell', sale(d)), 'FORBIDDEN');
    await expectError(
      d.club.call(d.consultant.session, 'members.renew', {
        id: m.id,
        cardTypeId: d.year,
        quantity: 1,
        amountCents: 100,
        parts: [{ method: 'card', amountCents: 100 }],
      }),
      'FORBIDDEN',
    );
    expect(snapshot(d.club, m.id).row).toEqual(before.row);
    expect(snapshot(d.club, m.id).members).toBe(before.members);
  });

  it('a card given free needs a shift lead’s or manager’s PIN and a reason; amounts must be paid in full', async () => {
    const d = await setup();
    const before = snapshot(d.club, 1);
    const free = sale(d, { amountCents: 0, parts: undefined });
    await expectError(d.club.call(d.desk.session, 'members.sell', free), 'FREE_CARD_NEEDS_AUTHORIZATION');
    // Not the receptionist's own PIN, not a wrong PIN.
    await expectError(
      d.club.call(d.desk.session, 'members.sell', {
        ...free,
        authorization: { pin: '2222', reason: 'friend' },
      }),
      'OVERRIDE_NOT_ALLOWED',
    );
    await expectError(
      d.club.call(d.desk.session, 'members.sell', {
        ...free,
        authorization: { pin: '0000', reason: 'friend' },
      }),
      'AUTH_PIN_WRONG',
    );
    // An amount without its payment, or parts that do not add up to it.
    await expectError(
      d.club.call(d.desk.session, 'members.sell', sale(d, { parts: undefined })),
      'VALIDATION',
    );
    await expectError(
      d.club.call(d.desk.session, 'members.sell', sale(d, { parts: [{ method: 'card', amountCents: 100 }] })),
      'PAYMENT_MISMATCH',
    );
    await expectError(
      d.club.call(d.desk.session, 'members.sell', {
        ...free,
        parts: [{ method: 'cash', amountCents: 100 }],
        authorization: { pin: '5555', reason: 'promotion' },
      }),
      'PAYMENT_MISMATCH',
    );
    const after = snapshot(d.club, 1);
    expect([after.members, after.settlements]).toEqual([before.members, before.settlements]);

    const r = await d.club.call(d.desk.session, 'members.sell', {
      ...free,
      authorization: { pin: '5555', reason: 'Prize of the opening raffle' },
    });
    expect(r.receipt).toBeNull();
    expect(r.entry).toMatchObject({
      kind: 'sale',
      paidCents: 0,
      payment: [],
      authorizedByName: 'Lead Chen',
      reason: 'Prize of the opening raffle',
      byName: 'Desk Li',
    });
    const book = (await d.club.call(d.desk.session, 'shift.current', {})).book!;
    expect(book.cardSales!.list).toMatchObject([
      { name: free.name, free: true, paidCents: 0, authorizedByName: 'Lead Chen' },
    ]);
  });

  it('a renewal does not revive a deactivated card; no upgrade during a freeze; inactive card types are refused', async () => {
    const d = await setup();
    const gone = await registered(d);
    await d.club.call('mgr', 'members.correct', { id: gone.id, active: false, reason: 'banned' });
    const renew = (id: number, cardTypeId: number) =>
      d.club.call(d.desk.session, 'members.renew', {
        id,
        cardTypeId,
        quantity: 1,
        amountCents: 30_000,
        parts: [{ method: 'card', amountCents: 30_000 }],
      });
    const before = snapshot(d.club, gone.id);
    await expectError(renew(gone.id, d.year), 'MEMBER_DEACTIVATED');
    expect(snapshot(d.club, gone.id)).toEqual(before);

    const frozen = await registered(d);
    await d.club.call(d.lead.session, 'members.freeze', {
      id: frozen.id,
      fromDate: TODAY,
      toDate: '2026-11-30',
      reason: 'injury',
    });
    const p = await expectError(renew(frozen.id, d.month), 'MEMBER_FROZEN');
    expect(p).toEqual({ until: '2026-11-30' });

    await d.club.call('mgr', 'cardTypes.update', { id: d.month, active: false });
    const m = await registered(d);
    for (const call of [
      () => renew(m.id, d.month),
      () => d.club.call(d.desk.session, 'members.sell', sale(d, { cardTypeId: d.month })),
      () => d.club.call('mgr', 'members.correct', { id: m.id, cardTypeId: d.month, reason: 'x' }),
    ]) {
      const issues = await expectError(call(), 'VALIDATION');
      expect(issues).toEqual({ issues: [{ path: 'cardTypeId', code: 'inactive' }] });
    }
  });

  it('a freeze hands out no days the card does not have: refused after the expiry, counted from the start', async () => {
    const d = await setup();
    const ending = await registered(d, { expiryDate: '2026-11-20' });
    const before = snapshot(d.club, ending.id);
    // The consultant is the lowest role that freezes.
    const p = await expectError(
      d.club.call(d.consultant.session, 'members.freeze', {
        id: ending.id,
        fromDate: '2026-11-21',
        toDate: '2026-12-20',
        reason: 'trip',
      }),
      'FREEZE_AFTER_EXPIRY',
    );
    expect(p).toEqual({ expiry: '2026-11-20' });
    expect(snapshot(d.club, ending.id)).toEqual(before);
    // A freeze that starts before the end keeps the days that were left: 19–20 November resume after it.
    const f = await d.club.call(d.consultant.session, 'members.freeze', {
      id: ending.id,
      fromDate: '2026-11-19',
      toDate: '2026-11-28',
      reason: 'trip',
    });
    expect(f.expiryDate).toBe('2026-11-30');

    // A card that starts on 1 December: frozen 20 Nov – 5 Dec, only 1–5 December are its own days.
    const later = await registered(d, { startDate: '2026-12-01', expiryDate: '2026-12-30' });
    const g = await d.club.call(d.consultant.session, 'members.freeze', {
      id: later.id,
      fromDate: '2026-11-20',
      toDate: '2026-12-05',
      reason: 'surgery',
    });
    expect(g.expiryDate).toBe('2027-01-04');
    expect(g.freezes[0]!.extendedDays).toBe(5);
    expect(g.entitlements[0]).toMatchObject({
      kind: 'freeze',
      byName: 'Anna',
      reason: 'surgery',
      before: { expiryDate: '2026-12-30', frozenFrom: null },
      after: { expiryDate: '2027-01-04', frozenFrom: '2026-11-20', frozenTo: '2026-12-05' },
    });
    // Unfrozen before it began: all of it is taken back.
    const u = await d.club.call(d.consultant.session, 'members.unfreeze', { id: later.id });
    expect(u.expiryDate).toBe('2026-12-30');
    expect(u.entitlements.map((e) => e.kind)).toEqual(['unfreeze', 'freeze', 'registered']);
  });
});

describe('cards sold at the desk', () => {
  it('a new member: the entitlement from the card type, paid in the open shift, no price to reception, in the history, the audit, the handover and the expected cash', async () => {
    const d = await setup();
    const r = await d.club.call(
      d.desk.session,
      'members.sell',
      sale(d, {
        name: '王小明',
        amountCents: 268_000,
        parts: [{ method: 'cash', amountCents: 268_000, tenderedCents: 270_000 }],
        soldById: d.consultant.staffId,
      }),
    );
    expect(r.member).toMatchObject({
      name: '王小明',
      cardTypeName: 'Year card',
      startDate: TODAY,
      expiryDate: '2027-11-17',
      visitsLeft: null,
      state: 'active',
      consultantName: 'Anna',
    });
    expect(r.receipt).toMatchObject({ kind: 'card_sale', totalCents: 268_000, changeCents: 2_000 });
    expect(r.entry).toMatchObject({
      kind: 'sale',
      byName: 'Desk Li',
      soldByName: 'Anna',
      cardTypeName: 'Year card',
      quantity: 1,
      paidCents: 268_000,
      payment: [{ method: 'cash', amountCents: 268_000 }],
      before: null,
      after: { cardTypeName: 'Year card', startDate: TODAY, expiryDate: '2027-11-17', active: true },
    });
    // Reception never sees the catalogue price (298,000), not even in the history; a manager does.
    expect(r.entry).not.toHaveProperty('listPriceCents');
    const asDesk = await d.club.raw(d.desk.session, 'members.get', { id: r.member.id });
    expect(JSON.stringify(asDesk)).not.toContain('298000');
    const asMgr = await d.club.call('mgr', 'members.get', { id: r.member.id });
    expect(asMgr.entitlements[0]!.listPriceCents).toBe(298_000);

    const audit = (await d.club.call('mgr', 'audit.search', { q: 'members.sell' })).rows;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      expiryDate: '2027-11-17',
      sale: {
        paidCents: 268_000,
        listPriceCents: 298_000,
        parts: [['cash', 268_000]],
        soldById: d.consultant.staffId,
      },
    });

    // The handover: one card sold (at the desk); the money is withheld before the blind count.
    const cur = await d.club.call(d.desk.session, 'shift.current', {});
    expect(cur.book!.cardsSold).toEqual([
      { cardTypeId: d.year, cardTypeName: 'Year card', count: 1, atDesk: 1 },
    ]);
    expect(cur.book!.cardSales).toMatchObject({
      count: 1,
      byKind: { sale: 1, renewal: 0, upgrade: 0 },
      totalCents: null,
      byMethod: { cash: null, card: 0, mobile: 0, stored_value: 0 },
      list: [{ name: '王小明', kind: 'sale', paidCents: null, byName: 'Desk Li', soldByName: 'Anna' }],
    });
    // The cash counted against what the records expect: float + 2,700 handed over − 20 change.
    const expected = 50_000 + 268_000;
    const denominations: Denominations = {
      n100: Math.floor(expected / 10_000),
      n50: 0,
      n20: 0,
      n10: 0,
      n5: 0,
      n1: (expected % 10_000) / 100,
      c50: 0,
      c10: 0,
    };
    const count = await d.club.call(d.desk.session, 'shift.count', { shiftId: d.shiftId, denominations });
    expect(count.cash).toMatchObject({ takingsCents: 270_000, changeCents: 2_000, expectedCents: expected });
    expect(count.differenceCents).toBe(0);
    const after = (await d.club.call(d.desk.session, 'shift.current', {})).book!;
    expect(after.cardSales).toMatchObject({ totalCents: 268_000, byMethod: { cash: 268_000 } });
  });

  it('renewal continues after the current period or from today; visits are added; an upgrade replaces the card from today', async () => {
    const d = await setup();
    const pay = (cents: number, method: 'card' | 'stored_value' = 'card') => ({
      amountCents: cents,
      parts: [{ method, amountCents: cents }],
    });
    const valid = await registered(d, { expiryDate: '2026-12-31' });
    const a = await d.club.call(d.desk.session, 'members.renew', {
      id: valid.id,
      cardTypeId: d.year,
      quantity: 1,
      ...pay(298_000),
    });
    expect(a.member).toMatchObject({ startDate: '2026-01-01', expiryDate: '2027-12-31' });
    expect(a.entry).toMatchObject({
      kind: 'renewal',
      before: { expiryDate: '2026-12-31' },
      after: { expiryDate: '2027-12-31' },
      payment: [{ method: 'card', amountCents: 298_000 }],
    });

    const ended = await registered(d, { startDate: '2025-11-01', expiryDate: '2026-10-31' });
    expect(ended.state).toBe('expired');
    const b = await d.club.call(d.desk.session, 'members.renew', {
      id: ended.id,
      cardTypeId: d.year,
      quantity: 2,
      ...pay(560_000),
    });
    expect(b.member).toMatchObject({ expiryDate: '2028-11-16', state: 'active' });

    // A visit card paid from stored value: the visits are added; the weekly check finds nothing missing.
    const visits = await registered(d, { cardTypeId: d.ten, visitsLeft: 3 });
    await d.club.call(d.desk.session, 'storedValue.topup', {
      memberId: visits.id,
      amountCents: 100_000,
      method: 'cash',
      tenderedCents: 100_000,
    });
    const c = await d.club.call(d.desk.session, 'members.renew', {
      id: visits.id,
      cardTypeId: d.ten,
      quantity: 1,
      ...pay(80_000, 'stored_value'),
    });
    expect(c.member).toMatchObject({ visitsLeft: 13, storedValueCents: 20_000 });
    // A visit card whose expiry came from elsewhere (imported, ended) is usable again: the visits
    // bought follow the card type, which has no expiry date.
    const oldVisits = await registered(d, { cardTypeId: d.ten, visitsLeft: 2, expiryDate: '2026-06-30' });
    expect(oldVisits.state).toBe('expired');
    const o = await d.club.call(d.desk.session, 'members.renew', {
      id: oldVisits.id,
      cardTypeId: d.ten,
      quantity: 2,
      ...pay(160_000),
    });
    expect(o.member).toMatchObject({ visitsLeft: 22, expiryDate: null, state: 'active' });
    expect(c.receipt!.storedValueAfterCents).toBe(20_000);
    const check = await d.club.call(d.lead.session, 'storedValue.check', { from: TODAY, to: TODAY });
    expect(check.problems).toEqual([]);

    // Month card → 10 visits: the new card starts today and replaces the month.
    const monthly = await registered(d, { cardTypeId: d.month, startDate: '2026-11-01' });
    const u = await d.club.call(d.desk.session, 'members.renew', {
      id: monthly.id,
      cardTypeId: d.ten,
      quantity: 1,
      ...pay(50_000),
    });
    expect(u.member).toMatchObject({
      cardTypeName: '10 visits',
      startDate: TODAY,
      expiryDate: null,
      visitsLeft: 10,
    });
    expect(u.entry).toMatchObject({
      kind: 'upgrade',
      before: { cardTypeName: 'Month card', expiryDate: '2026-11-30', visitsLeft: null },
      after: { cardTypeName: '10 visits', startDate: TODAY, expiryDate: null, visitsLeft: 10 },
    });
    expect(u.member.entitlements.map((e) => e.kind)).toEqual(['upgrade', 'registered']);

    const book = (await d.club.call(d.desk.session, 'shift.current', {})).book!;
    expect(book.cardSales!.byKind).toEqual({ sale: 0, renewal: 4, upgrade: 1 });
    expect(book.cardsSold).toEqual([
      { cardTypeId: d.ten, cardTypeName: '10 visits', count: 3, atDesk: 3 },
      { cardTypeId: d.year, cardTypeName: 'Year card', count: 2, atDesk: 2 },
    ]);
    expect(book.cardSales!.byMethod).toMatchObject({
      card: 298_000 + 560_000 + 160_000 + 50_000,
      stored_value: 80_000,
    });
    const audit = (await d.club.call('mgr', 'audit.search', { q: 'members.renew' })).rows;
    expect(audit).toHaveLength(5);
  });

  it('the same operation id sells once', async () => {
    const d = await setup();
    const args = sale(d, { opId: 'sale-0001-abcdef' });
    const first = await d.club.call(d.desk.session, 'members.sell', args);
    const again = await d.club.call(d.desk.session, 'members.sell', args);
    expect(again.member.id).toBe(first.member.id);
    const db = d.club.core.database;
    expect(db.prepare("SELECT count(*) AS n FROM settlements WHERE kind = 'card_sale'").get()).toEqual({
      n: 1,
    });
    expect(db.prepare("SELECT count(*) AS n FROM member_entitlements WHERE kind = 'sale'").get()).toEqual({
      n: 1,
    });
  });

  it('a visitor who joined and whose card is issued at the desk counts once in the cards sold', async () => {
    const d = await setup();
    await d.club.call(d.desk.session, 'rotation.signIn', { staffId: d.consultant.staffId, pin: '7000' });
    const visitor = await d.club.call(d.desk.session, 'visitors.register', {
      name: '赵敏',
      phone: '13900001111',
      gender: 'female',
      heardFrom: 'friend',
      interests: [],
      firstVisit: true,
      metBefore: false,
      metConsultantId: null,
      hasAppointment: false,
      appointmentWithId: null,
    });
    await d.club.call(d.desk.session, 'visitors.accept', {
      visitorId: visitor.id,
      staffId: d.consultant.staffId,
      pin: '7000',
    });
    await d.club.call(d.consultant.session, 'visitors.outcome', {
      visitorId: visitor.id,
      outcome: 'joined',
      cardTypeId: d.year,
    });
    const book0 = (await d.club.call(d.desk.session, 'shift.current', {})).book!;
    expect(book0.cardsSold).toEqual([{ cardTypeId: d.year, cardTypeName: 'Year card', count: 1 }]);
    await d.club.call(
      d.desk.session,
      'members.sell',
      sale(d, { name: '赵敏', visitorId: visitor.id, soldById: d.consultant.staffId }),
    );
    const book1 = (await d.club.call(d.desk.session, 'shift.current', {})).book!;
    expect(book1.cardsSold).toEqual([{ cardTypeId: d.year, cardTypeName: 'Year card', count: 1, atDesk: 1 }]);
    await expectError(
      d.club.call(d.desk.session, 'members.sell', sale(d, { visitorId: visitor.id })),
      'VISITOR_ALREADY_SOLD',
    );
    await expectError(d.club.call(d.desk.session, 'members.sell', sale(d, { visitorId: 999 })), 'NOT_FOUND');
  });

  it('a start date is today or within 90 days; the sold-by is a consultant', async () => {
    const d = await setup();
    for (const startDate of ['2026-11-17', '2027-02-17']) {
      const p = await expectError(
        d.club.call(d.desk.session, 'members.sell', sale(d, { startDate })),
        'VALIDATION',
      );
      expect(p).toEqual({ issues: [{ path: 'startDate', code: 'range' }] });
    }
    const later = await d.club.call(d.desk.session, 'members.sell', sale(d, { startDate: '2026-12-01' }));
    expect(later.member).toMatchObject({ state: 'not_started', expiryDate: '2027-11-30' });
    const p = await expectError(
      d.club.call(d.desk.session, 'members.sell', sale(d, { soldById: d.desk.staffId })),
      'VALIDATION',
    );
    expect(p).toEqual({ issues: [{ path: 'soldById', code: 'not_consultant' }] });
  });
});

describe('a manager’s correction', () => {
  it('needs a reason; before and after go to the history and the audit; a correction that changes nothing is refused', async () => {
    const d = await setup();
    const m = await registered(d, { cardTypeId: d.ten, visitsLeft: 4 });
    await expectError(
      d.club.raw('mgr', 'members.correct', { id: m.id, visitsLeft: 9 }).then(unwrap),
      'VALIDATION',
    );
    const c = await d.club.call('mgr', 'members.correct', {
      id: m.id,
      visitsLeft: 9,
      reason: 'Five visits sold on paper last week',
    });
    expect(c.visitsLeft).toBe(9);
    expect(c.entitlements[0]).toMatchObject({
      kind: 'correction',
      byName: 'Manager Wang',
      reason: 'Five visits sold on paper last week',
      before: { visitsLeft: 4 },
      after: { visitsLeft: 9 },
      paidCents: null,
    });
    const audit = (await d.club.call('mgr', 'audit.search', { q: 'members.correct' })).rows;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ visitsLeft: 4 });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ visitsLeft: 9 });
    expect(audit[0]!.detail).toBe('Five visits sold on paper last week');
    await expectError(
      d.club.call('mgr', 'members.correct', { id: m.id, visitsLeft: 9, reason: 'again' }),
      'VALIDATION',
    );
    // A time card's visits are not kept; an expiry before the start is refused.
    await expectError(
      d.club.call('mgr', 'members.correct', { id: m.id, cardTypeId: d.year, expiryDate: null, reason: 'x' }),
      'VALIDATION',
    );
    const y = await d.club.call('mgr', 'members.correct', {
      id: m.id,
      cardTypeId: d.year,
      expiryDate: '2027-03-01',
      reason: 'Swapped to a year card',
    });
    expect(y).toMatchObject({ cardKind: 'time', visitsLeft: null, expiryDate: '2027-03-01' });
  });
});

/** raw() answers {ok, error}; this turns it into the thrown error expectError looks for. */
function unwrap(r: Awaited<ReturnType<TestClub['raw']>>): unknown {
  if (r.ok) return r.data;
  throw new CallError(r.error.code, r.error.params);
}
