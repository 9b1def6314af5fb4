/**
 * Receipts (小票) are assembled in the core from the settlement's records: a check-out with bar
 * lines and change, a top-up with the balance left, a card sold (name, amount paid — never the
 * catalogue price — expiry). The number is stable on every copy; a reprint is audited and counted.
 * The lowest roles that could try: the bar and a consultant (no access to payments), reception
 * asking for a refund's receipt or one that does not exist.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, makeBarClub, type TestClub, memberArgs } from './helpers';

interface Setup {
  club: TestClub;
  desk: string;
  bar: string;
  consultant: string;
  cola: number;
  latte: number;
  year: number;
}

let n = 0;
async function setup(): Promise<Setup> {
  const b = await makeBarClub({
    prepare: (club) => club.call('mgr', 'settings.update', { clubName: '江畔健身会所' }),
    cardType: { name: 'Year card', priceCents: 298_000 },
    staff: [['consultant', 'Anna', '7000']],
  });
  return {
    club: b.club,
    desk: b.desk.session,
    bar: b.bar.session,
    consultant: b.staff[0]!.session,
    cola: b.cola,
    latte: b.latte,
    year: b.cardTypeId,
  };
}

async function member(s: Setup) {
  n += 1;
  return s.club.call(
    'mgr',
    'members.create',
    memberArgs({ cardNo: `R${3000 + n}`, name: `Member ${n}`, gender: 'female', cardTypeId: s.year }),
  );
}

describe('receipts', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('a check-out: the bar lines it paid (same drink added up), the split, the change, the balance left', async () => {
    const m = await member(s);
    await s.club.call(s.desk, 'storedValue.topup', {
      memberId: m.id,
      amountCents: 3000,
      method: 'card',
      reference: 'POS-1',
    });
    const r = await s.club.call(s.desk, 'checkin.scan', { ref: { cardNo: m.cardNo }, scanned: true });
    if (r.outcome !== 'checked_in') throw new Error(r.outcome);
    const visitId = r.visit.id;
    await s.club.call(s.bar, 'bar.sell', {
      visitId,
      items: [
        { itemId: s.cola, quantity: 1 },
        { itemId: s.latte, quantity: 1 },
      ],
    });
    await s.club.call(s.bar, 'bar.sell', { visitId, items: [{ itemId: s.cola, quantity: 1 }] });
    const out = await s.club.call(s.desk, 'checkin.checkout', {
      visitId,
      tagReturned: true,
      payment: {
        parts: [
          { method: 'stored_value', amountCents: 2000 },
          { method: 'cash', amountCents: 1600, tenderedCents: 5000 },
        ],
      },
    });
    const id = out.receipt!.settlementId;
    // a later top-up does not change what this receipt says was left
    await s.club.call(s.desk, 'storedValue.topup', {
      memberId: m.id,
      amountCents: 10_000,
      method: 'cash',
      tenderedCents: 10_000,
    });

    const rc = await s.club.call(s.desk, 'receipts.get', { settlementId: id });
    expect(rc).toMatchObject({
      settlementId: id,
      number: String(id).padStart(8, '0'),
      kind: 'checkout',
      clubName: '江畔健身会所',
      timeZone: 'Asia/Shanghai',
      staffName: 'Desk Li',
      member: { name: m.name, cardNo: m.cardNo },
      guestName: null,
      tagNo: r.visit.tagNumber,
      totalCents: 3600,
      changeCents: 3400,
      storedValueAfterCents: 1000,
      card: null,
      reprint: 0,
    });
    expect(rc.lines).toEqual([
      { kind: 'bar', name: 'Cola', quantity: 2, unitCents: 800, amountCents: 1600 },
      { kind: 'bar', name: 'Latte', quantity: 1, unitCents: 2000, amountCents: 2000 },
    ]);
    expect(rc.payments).toEqual([
      { method: 'stored_value', amountCents: 2000, tenderedCents: null, changeCents: null, reference: null },
      { method: 'cash', amountCents: 1600, tenderedCents: 5000, changeCents: 3400, reference: null },
    ]);
    expect(rc.lines.reduce((a, l) => a + l.amountCents, 0)).toBe(rc.totalCents);
    // the member's visit history points at it (its "Reprint")
    const detail = await s.club.call(s.desk, 'members.get', { id: m.id });
    expect(detail.recentVisits.map((v) => [v.id, v.settlementId])).toEqual([[visitId, id]]);
  });

  it('a top-up: the amount, how it was paid, the balance right after it', async () => {
    const m = await member(s);
    await s.club.call(s.desk, 'storedValue.topup', {
      memberId: m.id,
      amountCents: 5000,
      method: 'card',
      reference: 'POS-9',
    });
    const t = await s.club.call(s.desk, 'storedValue.topup', {
      memberId: m.id,
      amountCents: 20_000,
      method: 'cash',
      tenderedCents: 20_000,
    });
    const rc = await s.club.call(s.desk, 'receipts.get', { settlementId: t.settlementId });
    expect(rc).toMatchObject({
      kind: 'topup',
      lines: [{ kind: 'topup', name: null, quantity: 1, unitCents: null, amountCents: 20_000 }],
      totalCents: 20_000,
      changeCents: 0,
      storedValueAfterCents: 25_000,
      tagNo: null,
    });
    expect(rc.payments).toEqual([
      { method: 'cash', amountCents: 20_000, tenderedCents: 20_000, changeCents: 0, reference: null },
    ]);
  });

  it('a card sold: the card type and the amount paid (no catalogue price), the expiry; reprints keep the number and are counted', async () => {
    const sold = await s.club.call(s.desk, 'members.sell', {
      cardNo: 'N1',
      name: '张三',
      gender: 'male',
      phone: null,
      birthDate: null,
      notes: '',
      cardTypeId: s.year,
      quantity: 1,
      amountCents: 268_000,
      parts: [{ method: 'card', amountCents: 268_000, reference: 'POS 77' }],
    });
    const id = sold.receipt!.settlementId;
    const rc = await s.club.call(s.desk, 'receipts.get', { settlementId: id });
    expect(rc).toMatchObject({
      kind: 'card_sale',
      member: { name: '张三', cardNo: 'N1' },
      lines: [{ kind: 'sale', name: 'Year card', quantity: 1, unitCents: null, amountCents: 268_000 }],
      totalCents: 268_000,
      card: { expiryDate: sold.member.expiryDate, visitsLeft: null },
      storedValueAfterCents: null,
    });
    expect(JSON.stringify(rc)).not.toContain('298000');

    const again = await s.club.call(s.desk, 'receipts.reprint', { settlementId: id });
    const third = await s.club.call(s.desk, 'receipts.reprint', { settlementId: id });
    expect([again.number, again.reprint, third.number, third.reprint]).toEqual([rc.number, 1, rc.number, 2]);
    // the first print stays the first print
    expect((await s.club.call(s.desk, 'receipts.get', { settlementId: id })).reprint).toBe(0);
    const log = await s.club.call('mgr', 'audit.search', { q: 'receipts.reprint' });
    expect(log.rows.filter((e) => e.entityId === String(id))).toHaveLength(2);
  });

  it('refused: the bar and a consultant (no access to payments), a refund, a receipt that does not exist', async () => {
    const m = await member(s);
    const t = await s.club.call(s.desk, 'storedValue.topup', {
      memberId: m.id,
      amountCents: 5000,
      method: 'cash',
      tenderedCents: 5000,
    });
    await expectError(s.club.call(s.bar, 'receipts.get', { settlementId: t.settlementId }), 'FORBIDDEN');
    await expectError(s.club.call(s.bar, 'receipts.reprint', { settlementId: t.settlementId }), 'FORBIDDEN');
    await expectError(
      s.club.call(s.consultant, 'receipts.get', { settlementId: t.settlementId }),
      'FORBIDDEN',
    );
    const refund = await s.club.call('mgr', 'storedValue.refund', {
      memberId: m.id,
      amountCents: 1000,
      method: 'cash',
      reason: 'moving away',
    });
    await expectError(
      s.club.call(s.desk, 'receipts.get', { settlementId: refund.settlementId }),
      'RECEIPT_NONE',
    );
    await expectError(
      s.club.call(s.desk, 'receipts.reprint', { settlementId: refund.settlementId }),
      'RECEIPT_NONE',
    );
    await expectError(s.club.call(s.desk, 'receipts.reprint', { settlementId: 999_999 }), 'NOT_FOUND');
    await expectError(s.club.call(s.desk, 'receipts.get', { settlementId: -1 }), 'VALIDATION');
    // a refused reprint leaves no audit entry
    const log = await s.club.call('mgr', 'audit.search', { q: 'receipts.reprint' });
    expect(log.rows).toHaveLength(0);
  });
});
