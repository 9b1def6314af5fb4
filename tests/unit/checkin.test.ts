import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckinResult, OpArgs } from '../../electron/core/contract';
import { loadVisitRow, toVisitInfo } from '../../electron/core/areas/checkin';
import { loadMemberCard } from '../../electron/core/areas/members';
import { expectError, makeClub, type TestClub, memberArgs } from './helpers';

/** The clock starts 2026-11-18 10:00 in Shanghai (club date 2026-11-18). */
const TODAY = '2026-11-18';

interface Setup {
  club: TestClub;
  desk: string;
  lead: { session: string; staffId: number };
  receptionId: number;
  timeType: number;
  visitType: number;
}

async function setup(tags = 20): Promise<Setup> {
  const club = await makeClub({ tags });
  const time = await club.call('mgr', 'cardTypes.create', {
    name: 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 300000,
  });
  const visits = await club.call('mgr', 'cardTypes.create', {
    name: '10 visits',
    kind: 'visits',
    durationDays: null,
    visitCount: 10,
    priceCents: 80000,
  });
  const desk = await club.loginAs('reception', 'Desk Li', '2222');
  const lead = await club.loginAs('shift_lead', 'Lead Chen', '5555');
  return {
    club,
    desk: desk.session,
    lead,
    receptionId: desk.staffId,
    timeType: time.id,
    visitType: visits.id,
  };
}

let n = 0;
async function member(s: Setup, over: Partial<OpArgs<'members.create'>> = {}) {
  n += 1;
  return s.club.call(
    'mgr',
    'members.create',
    memberArgs({
      cardNo: `C${1000 + n}`,
      name: `Member ${n}`,
      gender: 'female',
      cardTypeId: s.timeType,
      ...over,
    }),
  );
}

function scan(s: Setup, cardNo: string, extra: Partial<OpArgs<'checkin.scan'>> = {}): Promise<CheckinResult> {
  return s.club.call(s.desk, 'checkin.scan', { ref: { cardNo }, scanned: true, ...extra });
}

async function insideCount(s: Setup): Promise<number> {
  return (await s.club.call(s.desk, 'checkin.inside', {})).length;
}

describe('check-in', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('an active member gets the lowest free tag, shows inside, and is counted', async () => {
    const m = await member(s, { gender: 'male' });
    const r = await scan(s, m.cardNo);
    expect(r.outcome).toBe('checked_in');
    if (r.outcome !== 'checked_in') return;
    expect(r.status).toBe('ok');
    expect(r.warnings).toEqual([]);
    expect(r.visit.tagNumber).toBe(1);
    const inside = await s.club.call(s.desk, 'checkin.inside', {});
    expect(inside.map((i) => [i.name, i.tagNumber, i.tabCents])).toEqual([[m.name, 1, 0]]);
    const today = await s.club.call(s.desk, 'checkin.today', {});
    expect(today.date).toBe(TODAY);
    expect(today.entries.member).toEqual({ male: 1, female: 0, unknown: 0 });
    expect([today.insideNow, today.tagsOut, today.tagsFree]).toEqual([1, 1, 19]);
    const board = await s.club.call(s.desk, 'tags.board', {});
    expect(board.tags[0]).toMatchObject({ number: 1, status: 'issued', holder: { name: m.name } });
  });

  it('a visit card loses one visit per check-in and warns at three or fewer left', async () => {
    const m = await member(s, { cardTypeId: s.visitType, visitsLeft: 5 });
    const r1 = await scan(s, m.cardNo);
    expect(r1).toMatchObject({ outcome: 'checked_in', status: 'ok', member: { visitsLeft: 4 } });
    const v1 = r1.outcome === 'checked_in' ? r1.visit.id : 0;
    await s.club.call(s.desk, 'checkin.checkout', { visitId: v1, tagReturned: true });
    const r2 = await scan(s, m.cardNo);
    expect(r2).toMatchObject({ outcome: 'checked_in', status: 'warning', member: { visitsLeft: 3 } });
    expect(r2.outcome === 'checked_in' && r2.warnings).toEqual([
      { code: 'FEW_VISITS', params: { visits: 3 } },
    ]);
  });

  it('warns amber for expiry within 7 days, birthday today and an unpaid balance', async () => {
    await s.club.call('mgr', 'settings.update', { lostTagFeeCents: 5000 });
    const m = await member(s, { expiryDate: '2026-11-21', birthDate: '1990-11-18' });
    const r = await scan(s, m.cardNo);
    expect(r.outcome === 'checked_in' && r.warnings.map((w) => w.code)).toEqual(['EXPIRES_SOON', 'BIRTHDAY']);
    expect(r.outcome === 'checked_in' && r.warnings[0]!.params).toMatchObject({ days: 3 });
    // Leaves without the tag: the tag is lost and the fee is charged to the member.
    const out = await s.club.call(s.desk, 'checkin.checkout', {
      visitId: r.outcome === 'checked_in' ? r.visit.id : 0,
      tagReturned: false,
    });
    expect(out).toMatchObject({ checkoutKind: 'tag_not_returned', lostTagFeeCents: 5000, tagNumber: 1 });
    const board = await s.club.call(s.desk, 'tags.board', {});
    expect(board.tags[0]!.status).toBe('lost');
    s.club.clock.advance(60_000);
    const again = await scan(s, m.cardNo);
    expect(again.outcome === 'checked_in' && again.warnings.find((w) => w.code === 'UNPAID_BALANCE')).toEqual(
      {
        code: 'UNPAID_BALANCE',
        params: { cents: 5000 },
      },
    );
    // The lost tag 1 is not issued again.
    expect(again.outcome === 'checked_in' && again.visit.tagNumber).toBe(2);
  });

  it('blocks red for each reason, in words, and records nothing', async () => {
    const expired = await member(s, { startDate: '2025-01-01', expiryDate: '2026-11-17' });
    const future = await member(s, { startDate: '2026-12-01' });
    const noVisits = await member(s, { cardTypeId: s.visitType, visitsLeft: 0 });
    const frozen = await member(s);
    await s.club.call(s.lead.session, 'members.freeze', {
      id: frozen.id,
      fromDate: TODAY,
      toDate: '2026-11-30',
      reason: 'injury',
    });
    const gone = await member(s);
    await s.club.call('mgr', 'members.correct', { id: gone.id, active: false, reason: 'card refunded' });

    const cases: [string, string, Record<string, unknown>][] = [
      ['NOPE-1', 'UNKNOWN_CARD', {}],
      [expired.cardNo, 'EXPIRED', { date: '2026-11-17' }],
      [future.cardNo, 'NOT_STARTED', { date: '2026-12-01' }],
      [noVisits.cardNo, 'NO_VISITS_LEFT', {}],
      [frozen.cardNo, 'FROZEN', { from: TODAY, to: '2026-11-30' }],
      [gone.cardNo, 'DEACTIVATED', {}],
    ];
    for (const [card, code, params] of cases) {
      const r = await scan(s, card);
      expect(r.outcome, card).toBe('blocked');
      if (r.outcome !== 'blocked') continue;
      expect(r.status).toBe('blocked');
      expect(r.blocks[0]).toEqual({ code, params });
      expect(r.overridable).toBe(code !== 'UNKNOWN_CARD');
    }
    expect(await insideCount(s)).toBe(0);
    expect((await s.club.call(s.desk, 'tags.board', {})).counts.issued).toBe(0);
    const nv = await s.club.call(s.desk, 'members.get', { id: noVisits.id });
    expect(nv.visitsLeft).toBe(0);
  });

  it('ignores the same card scanned again within 10 s, then says "already inside"', async () => {
    const m = await member(s);
    const first = await scan(s, m.cardNo);
    s.club.clock.advance(4_000);
    const dup = await scan(s, m.cardNo);
    expect(dup).toMatchObject({ outcome: 'duplicate_ignored', secondsAgo: 4 });
    expect(dup.outcome === 'duplicate_ignored' && first.outcome === 'checked_in' && dup.visit.id).toBe(
      first.outcome === 'checked_in' ? first.visit.id : -1,
    );
    s.club.clock.advance(7_000);
    const later = await scan(s, m.cardNo);
    expect(later.outcome === 'blocked' && later.blocks).toEqual([
      { code: 'ALREADY_INSIDE', params: expect.objectContaining({ tag: 1 }) },
    ]);
    expect(later.outcome === 'blocked' && later.overridable).toBe(false);
    // A manual pick (not a scan) inside the window is not a double read: it is "already inside".
    const picked = await s.club.call(s.desk, 'checkin.scan', { ref: { memberId: m.id } });
    expect(picked.outcome).toBe('blocked');
    expect(await insideCount(s)).toBe(1);
  });

  it('a shift lead lets a blocked member in with their PIN and a reason; reception cannot', async () => {
    const m = await member(s, { startDate: '2025-01-01', expiryDate: '2026-11-10' });
    await expectError(
      scan(s, m.cardNo, { authorization: { pin: '2222', reason: 'friendly' } }),
      'OVERRIDE_NOT_ALLOWED',
    );
    await expectError(
      scan(s, m.cardNo, { authorization: { pin: '0000', reason: 'renewing' } }),
      'AUTH_PIN_WRONG',
    );
    expect(await insideCount(s)).toBe(0);
    const r = await scan(s, m.cardNo, {
      authorization: { pin: '5555', reason: 'renewing today' },
    });
    expect(r).toMatchObject({
      outcome: 'checked_in',
      overridden: true,
      visit: { overridden: true, tagNumber: 1 },
    });
    const audit = await s.club.call('mgr', 'audit.search', { q: 'checkin.scan' });
    const entry = audit.rows.find((a) => a.op === 'checkin.scan');
    expect(JSON.parse(entry!.after!)).toMatchObject({
      overrideBy: s.lead.staffId,
      overrideReason: 'renewing today',
      overrideCodes: ['EXPIRED'],
    });
    // Already inside can never be overridden: it would be a second open visit.
    const again = await scan(s, m.cardNo, {
      scanned: false,
      authorization: { pin: '5555', reason: 'x' },
    });
    expect(again).toMatchObject({ outcome: 'blocked', overridable: false });
  });

  it('issues a typed tag, refuses one in use, unknown or out for disinfection', async () => {
    const a = await member(s);
    const b = await member(s);
    const r = await scan(s, a.cardNo, { tagNumber: 7 });
    expect(r.outcome === 'checked_in' && r.visit.tagNumber).toBe(7);
    expect(await expectError(scan(s, b.cardNo, { tagNumber: 7 }), 'TAG_IN_USE')).toEqual({ number: 7 });
    await expectError(scan(s, b.cardNo, { tagNumber: 999 }), 'TAG_UNKNOWN');
    await s.club.call(s.desk, 'tags.sendToDisinfection', { numbers: [8] });
    await expectError(scan(s, b.cardNo, { tagNumber: 8 }), 'TAG_NOT_AVAILABLE');
    expect(await insideCount(s)).toBe(1);
    const ok = await scan(s, b.cardNo);
    expect(ok.outcome === 'checked_in' && ok.visit.tagNumber).toBe(1);
  });

  it('changes the tag of a visit and frees the old one', async () => {
    const a = await member(s);
    const r = await scan(s, a.cardNo);
    const visitId = r.outcome === 'checked_in' ? r.visit.id : 0;
    const v = await s.club.call(s.desk, 'checkin.changeTag', { visitId, tagNumber: 12 });
    expect(v.tagNumber).toBe(12);
    const board = await s.club.call(s.desk, 'tags.board', {});
    expect(board.tags.find((t) => t.number === 1)!.status).toBe('available');
    expect(board.tags.find((t) => t.number === 12)!.status).toBe('issued');
  });

  it('check-out by tag or card frees the tag; twice is refused; the same opId is applied once', async () => {
    const a = await member(s);
    await scan(s, a.cardNo);
    const byTag = await s.club.call(s.desk, 'checkin.checkoutPreview', { tagNumber: 1 });
    expect(byTag).toMatchObject({
      visit: { name: a.name, tagNumber: 1 },
      tabCents: 0,
      tabLines: [],
      unpaidChargesCents: 0,
    });
    const byCard = await s.club.call(s.desk, 'checkin.checkoutPreview', { cardNo: a.cardNo });
    expect(byCard.visit.visitId).toBe(byTag.visit.visitId);
    const opId = 'checkout-op-1';
    const out1 = await s.club.call(s.desk, 'checkin.checkout', {
      visitId: byTag.visit.visitId,
      tagReturned: true,
      opId,
    });
    const out2 = await s.club.call(s.desk, 'checkin.checkout', {
      visitId: byTag.visit.visitId,
      tagReturned: true,
      opId,
    });
    expect(out2).toEqual(out1);
    await expectError(
      s.club.call(s.desk, 'checkin.checkout', { visitId: byTag.visit.visitId, tagReturned: true }),
      'VISIT_CLOSED',
    );
    await expectError(s.club.call(s.desk, 'checkin.checkoutPreview', { tagNumber: 1 }), 'TAG_NOT_ISSUED');
    await expectError(s.club.call(s.desk, 'checkin.checkoutPreview', { tagNumber: 77 }), 'TAG_UNKNOWN');
    expect((await s.club.call(s.desk, 'tags.board', {})).tags[0]!.status).toBe('available');
    expect(await insideCount(s)).toBe(0);
    const recent = await s.club.call(s.desk, 'checkin.recent', {});
    expect(recent[0]).toMatchObject({ name: a.name, checkoutKind: 'normal' });
  });

  it('the check-in and the check-out results carry the stored-value balance (issue 14)', async () => {
    const m = await member(s);
    await s.club.call(s.desk, 'storedValue.topup', { memberId: m.id, amountCents: 12345, method: 'card' });
    const r = await scan(s, m.cardNo);
    expect(r.outcome === 'checked_in' && r.member.storedValueCents).toBe(12345);
    const blocked = await scan(s, m.cardNo, { scanned: false });
    expect(blocked.outcome === 'blocked' && blocked.member?.storedValueCents).toBe(12345);
    if (r.outcome !== 'checked_in') return;
    const out = await s.club.call(s.desk, 'checkin.checkout', { visitId: r.visit.id, tagReturned: true });
    expect(out.storedValueCents).toBe(12345);
    const g = await s.club.call(s.desk, 'checkin.guest', {
      kind: 'trial',
      name: 'Guest',
      phone: null,
      gender: 'male',
      withTag: false,
    });
    const gOut = await s.club.call(s.desk, 'checkin.checkout', { visitId: g.id, tagReturned: true });
    expect(gOut.storedValueCents).toBeNull();
  });

  it('trial guests and coaches are recorded with or without a tag, and counted by gender', async () => {
    const g = await s.club.call(s.desk, 'checkin.guest', {
      kind: 'trial',
      name: 'Guest Wu',
      phone: '13800001111',
      gender: 'male',
      withTag: true,
    });
    expect(g).toMatchObject({ kind: 'trial', tagNumber: 1, memberId: null });
    const c = await s.club.call(s.desk, 'checkin.guest', {
      kind: 'coach',
      name: 'Coach Ma',
      phone: null,
      gender: 'female',
      withTag: false,
    });
    expect(c.tagNumber).toBeNull();
    const today = await s.club.call(s.desk, 'checkin.today', {});
    expect(today.entries).toEqual({
      member: { male: 0, female: 0, unknown: 0 },
      trial: { male: 1, female: 0, unknown: 0 },
      coach: { male: 0, female: 1, unknown: 0 },
    });
    const coaches = await s.club.call(s.desk, 'checkin.inside', { kind: 'coach' });
    expect(coaches.map((x) => x.name)).toEqual(['Coach Ma']);
    // A guest who leaves without the tag: the tag is lost, no member to charge.
    const out = await s.club.call(s.desk, 'checkin.checkout', { visitId: g.id, tagReturned: false });
    expect(out).toMatchObject({ checkoutKind: 'tag_not_returned', lostTagFeeCents: 0 });
  });

  it('the bar may see who is inside but not check anyone in', async () => {
    const bar = await s.club.loginAs('bar');
    const m = await member(s);
    await expectError(s.club.call(bar.session, 'checkin.scan', { ref: { cardNo: m.cardNo } }), 'FORBIDDEN');
    expect(await s.club.call(bar.session, 'checkin.inside', {})).toEqual([]);
  });
});

describe('all tags out', () => {
  it('says so, records nothing, and a shift lead can record the visit without a tag', async () => {
    const s = await setup(2);
    const a = await member(s);
    const b = await member(s);
    const c = await member(s);
    await scan(s, a.cardNo);
    await scan(s, b.cardNo);
    const r = await scan(s, c.cardNo);
    expect(r).toMatchObject({ outcome: 'no_free_tag', status: 'blocked', member: { cardNo: c.cardNo } });
    expect(await insideCount(s)).toBe(2);
    await expectError(scan(s, c.cardNo, { noTag: true }), 'OVERRIDE_NOT_ALLOWED');
    await expectError(
      scan(s, c.cardNo, {
        noTag: true,
        authorization: { pin: '2222', reason: 'busy' },
      }),
      'OVERRIDE_NOT_ALLOWED',
    );
    const ok = await scan(s, c.cardNo, {
      noTag: true,
      authorization: { pin: '5555', reason: 'all tags out' },
    });
    expect(ok).toMatchObject({ outcome: 'checked_in', visit: { tagNumber: null }, overridden: true });
    expect(await insideCount(s)).toBe(3);
    await expectError(
      s.club.call(s.desk, 'checkin.guest', {
        kind: 'trial',
        name: 'X',
        phone: null,
        gender: 'male',
        withTag: true,
      }),
      'NO_FREE_TAG',
    );
  });
});

describe('the check-in result', () => {
  it('describes the member and the visit exactly as they were stored (it is not read back)', async () => {
    const s = await setup(2);
    const db = s.club.core.database;
    const stored = (r: CheckinResult) => {
      if (r.outcome !== 'checked_in') throw new Error(r.outcome);
      return { member: loadMemberCard(db, r.member.id), visit: toVisitInfo(loadVisitRow(db, r.visit.id)) };
    };
    const lead = { pin: '5555', reason: 'renewing today' };
    // a visit card (one visit taken off), a time card, an overridden block, a visit without a tag
    const visits = await member(s, { cardTypeId: s.visitType, visitsLeft: 4, gender: 'male' });
    const time = await member(s, { name: '王小明' });
    const empty = await member(s, { cardTypeId: s.visitType, visitsLeft: 0 });
    const noTag = await member(s);
    const results = [
      await scan(s, visits.cardNo),
      await scan(s, time.cardNo),
      await scan(s, empty.cardNo, { noTag: true, authorization: lead }),
      await scan(s, noTag.cardNo, { noTag: true, authorization: lead }),
    ];
    expect(
      results.map((r) => r.outcome === 'checked_in' && [r.member.visitsLeft, r.visit.tagNumber]),
    ).toEqual([
      [3, 1],
      [null, 2],
      [0, null],
      [null, null],
    ]);
    for (const r of results) {
      const { member: m, visit: v } = stored(r);
      expect(r).toMatchObject({ member: m, visit: v });
      if (r.outcome === 'checked_in') expect([r.member, r.visit]).toStrictEqual([m, v]);
    }
  });
});
