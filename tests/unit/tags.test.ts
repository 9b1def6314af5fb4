import { describe, expect, it } from 'vitest';
import type { OpArgs, TagBoard } from '../../electron/core/contract';
import { expectError, makeClub, MANAGER_PIN, type TestClub } from './helpers';

const status = (b: TagBoard, n: number) => b.tags.find((t) => t.number === n)?.status;

/** A club with a reception session and members with valid year cards (card numbers C1, C2, …). */
async function clubWithMembers(count: number) {
  const club = await makeClub();
  const desk = (await club.loginAs('reception')).session;
  const t = await club.call('mgr', 'cardTypes.create', {
    name: 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 1,
  });
  for (let i = 1; i <= count; i++) {
    const a: OpArgs<'members.create'> = {
      cardNo: `C${i}`,
      name: `Member ${i}`,
      gender: i % 2 ? 'male' : 'female',
      phone: null,
      birthDate: null,
      cardTypeId: t.id,
      startDate: '2026-11-01',
      expiryDate: null,
      visitsLeft: null,
      consultantId: null,
      notes: '',
    };
    await club.call('mgr', 'members.create', a);
  }
  return { club, desk };
}

async function checkIn(club: TestClub, session: string, cardNo: string) {
  const r = await club.call(session, 'checkin.scan', { ref: { cardNo } });
  if (r.outcome !== 'checked_in') throw new Error(`not checked in: ${JSON.stringify(r)}`);
  return r.visit;
}

describe('key tags: board and disinfection', () => {
  it('starts with 20 available tags', async () => {
    const club = await makeClub();
    const b = await club.call('mgr', 'tags.board', {});
    expect(b.counts).toEqual({ available: 20, issued: 0, disinfection: 0, lost: 0, retired: 0, total: 20 });
    expect(b.tags.map((t) => t.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(b.tags[0]).toEqual({
      number: 1,
      locker: null,
      status: 'available',
      since: '2026-11-18T02:00:00.000Z',
      lastDisinfectedAt: null,
      holder: null,
    });
  });

  it('sends tags to disinfection and back; disinfection is due on Wednesday until a batch is sent', async () => {
    const club = await makeClub();
    const { session: bar } = await club.loginAs('bar');
    expect((await club.call(bar, 'tags.board', {})).disinfectionDueToday).toBe(true); // Wednesday
    await expectError(club.call(bar, 'tags.sendToDisinfection', { numbers: [1] }), 'FORBIDDEN');
    const { session: desk, staffId: deskId } = await club.loginAs('reception', undefined, '7777');
    const sent = await club.call(desk, 'tags.sendToDisinfection', { numbers: [2, 1] });
    expect(status(sent, 1)).toBe('disinfection');
    expect(status(sent, 2)).toBe('disinfection');
    expect(sent.counts).toMatchObject({ available: 18, disinfection: 2, total: 20 });
    expect(sent.disinfectionDueToday).toBe(false);
    // A tag already in disinfection cannot be sent again; an available one cannot be "returned".
    expect(
      await expectError(club.call(desk, 'tags.sendToDisinfection', { numbers: [1] }), 'TAG_NOT_AVAILABLE'),
    ).toEqual({
      number: 1,
      status: 'disinfection',
    });
    await expectError(club.call(desk, 'tags.returnFromDisinfection', { numbers: [3] }), 'TAG_NOT_AVAILABLE');
    await expectError(club.call(desk, 'tags.sendToDisinfection', { numbers: [99] }), 'TAG_UNKNOWN');

    club.clock.advance(60 * 60_000);
    await club.call(desk, 'session.login', { staffId: deskId, pin: '7777' });
    await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
    const back = await club.call(desk, 'tags.returnFromDisinfection', { numbers: [1, 2] });
    for (const n of [1, 2]) {
      const t = back.tags.find((x) => x.number === n)!;
      expect(t).toMatchObject({
        status: 'available',
        lastDisinfectedAt: '2026-11-18T03:00:00.000Z',
        since: '2026-11-18T03:00:00.000Z',
      });
    }
    expect(back.counts).toMatchObject({ available: 20, disinfection: 0 });
    expect(back.disinfectionDueToday).toBe(false);
    const audit = await club.call('mgr', 'audit.search', { q: 'tags.sendToDisinfection' });
    expect(JSON.parse(audit.rows[0]!.after!)).toEqual({ numbers: [1, 2] });
  });

  it('disinfection is not due on Thursday, and due again on Saturday', async () => {
    const club = await makeClub();
    const due = async (iso: string) => {
      club.clock.set(iso);
      await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
      return (await club.call('mgr', 'tags.board', {})).disinfectionDueToday;
    };
    // Wednesday 23:59 local, nothing sent: still due.
    expect(await due('2026-11-18T15:59:00.000Z')).toBe(true);
    // Thursday 00:00 local.
    expect(await due('2026-11-18T16:00:00.000Z')).toBe(false);
    expect(await due('2026-11-19T08:00:00.000Z')).toBe(false);
    // Saturday: due; a batch sent on Saturday clears it.
    expect(await due('2026-11-21T02:00:00.000Z')).toBe(true);
    await club.call('mgr', 'tags.sendToDisinfection', { numbers: [5] });
    expect((await club.call('mgr', 'tags.board', {})).disinfectionDueToday).toBe(false);
  });
});

describe('key tags: managing the set', () => {
  it('adds a range of new tags; an existing number is refused', async () => {
    const club = await makeClub();
    const b = await club.call('mgr', 'tags.add', { from: 21, to: 25 });
    expect(b.counts).toMatchObject({ total: 25, available: 25 });
    expect(b.tags.map((t) => t.number).slice(-5)).toEqual([21, 22, 23, 24, 25]);
    expect(await expectError(club.call('mgr', 'tags.add', { from: 25, to: 26 }), 'TAG_NUMBER_TAKEN')).toEqual(
      { number: 25 },
    );
    expect(await expectError(club.call('mgr', 'tags.add', { from: 1, to: 1 }), 'TAG_NUMBER_TAKEN')).toEqual({
      number: 1,
    });
    await expectError(club.call('mgr', 'tags.add', { from: 30, to: 29 }), 'VALIDATION');
    expect((await club.call('mgr', 'tags.board', {})).counts.total).toBe(25);
    const { session } = await club.loginAs('shift_lead');
    await expectError(club.call(session, 'tags.add', { from: 26, to: 26 }), 'FORBIDDEN');
  });

  it('retiring needs a reason; a retired tag is never picked at check-in', async () => {
    const { club, desk } = await clubWithMembers(2);
    await expectError(club.call('mgr', 'tags.retire', { numbers: [1], reason: '  ' }), 'VALIDATION');
    const r = await club.call('mgr', 'tags.retire', { numbers: [1], reason: 'Broken strap' });
    expect(status(r, 1)).toBe('retired');
    expect(r.counts).toMatchObject({ available: 19, retired: 1 });
    expect(
      await expectError(
        club.call('mgr', 'tags.retire', { numbers: [1], reason: 'again' }),
        'TAG_NOT_AVAILABLE',
      ),
    ).toEqual({
      number: 1,
      status: 'retired',
    });
    const audit = (await club.call('mgr', 'audit.search', { q: 'tags.retire' })).rows[0]!;
    expect(audit.detail).toBe('Broken strap');
    expect((await checkIn(club, desk, 'C1')).tagNumber).toBe(2);
    await expectError(
      club.call(desk, 'checkin.scan', { ref: { cardNo: 'C2' }, tagNumber: 1 }),
      'TAG_NOT_AVAILABLE',
    );
    expect((await checkIn(club, desk, 'C2')).tagNumber).toBe(3);
  });

  it('renumbers a tag; the new number must be free', async () => {
    const club = await makeClub();
    const b = await club.call('mgr', 'tags.renumber', { from: 3, to: 30 });
    expect(b.tags.map((t) => t.number)).not.toContain(3);
    expect(b.tags.at(-1)).toMatchObject({ number: 30, status: 'available' });
    expect(b.counts.total).toBe(20);
    expect(
      await expectError(club.call('mgr', 'tags.renumber', { from: 4, to: 30 }), 'TAG_NUMBER_TAKEN'),
    ).toEqual({ number: 30 });
    await expectError(club.call('mgr', 'tags.renumber', { from: 3, to: 31 }), 'TAG_UNKNOWN');
  });

  it('a tag not returned at check-out is lost; restoring puts it back in service', async () => {
    const { club, desk } = await clubWithMembers(1);
    const v = await checkIn(club, desk, 'C1');
    expect(v.tagNumber).toBe(1);
    const out = await club.call(desk, 'checkin.checkout', { visitId: v.id, tagReturned: false });
    expect(out).toMatchObject({ tagNumber: 1, checkoutKind: 'tag_not_returned' });
    const lost = await club.call('mgr', 'tags.board', {});
    expect(status(lost, 1)).toBe('lost');
    expect(lost.counts).toMatchObject({ lost: 1, available: 19 });
    await expectError(club.call(desk, 'tags.restore', { number: 1, reason: 'Found' }), 'FORBIDDEN');
    await expectError(club.call('mgr', 'tags.restore', { number: 2, reason: 'Found' }), 'TAG_NOT_AVAILABLE');
    const back = await club.call('mgr', 'tags.restore', { number: 1, reason: 'Found in the sauna' });
    expect(status(back, 1)).toBe('available');
    expect(back.counts).toMatchObject({ lost: 0, available: 20 });
    const a = (await club.call('mgr', 'audit.search', { q: 'tags.restore' })).rows[0]!;
    expect(JSON.parse(a.before!)).toEqual({ status: 'lost' });
    expect(a.detail).toBe('Found in the sauna');
  });
});

describe('key tags: issued by check-in', () => {
  it('check-in issues the lowest free tag; an issued tag cannot be disinfected, retired or renumbered; returning frees it', async () => {
    const { club, desk } = await clubWithMembers(3);
    const v1 = await checkIn(club, desk, 'C1');
    expect(v1.tagNumber).toBe(1);
    const v2 = await checkIn(club, desk, 'C2');
    expect(v2.tagNumber).toBe(2);
    const b = await club.call(desk, 'tags.board', {});
    expect(b.counts).toMatchObject({ issued: 2, available: 18 });
    expect(b.tags[0]).toMatchObject({
      number: 1,
      status: 'issued',
      holder: { visitId: v1.id, name: 'Member 1', kind: 'member', cardNo: 'C1' },
    });

    expect(
      await expectError(club.call(desk, 'tags.sendToDisinfection', { numbers: [3, 1] }), 'TAG_IN_USE'),
    ).toEqual({ number: 1 });
    expect(status(await club.call(desk, 'tags.board', {}), 3)).toBe('available'); // the whole batch is refused
    expect(
      await expectError(club.call('mgr', 'tags.retire', { numbers: [2], reason: 'x' }), 'TAG_IN_USE'),
    ).toEqual({ number: 2 });
    expect(await expectError(club.call('mgr', 'tags.renumber', { from: 1, to: 40 }), 'TAG_IN_USE')).toEqual({
      number: 1,
    });
    expect(
      await expectError(
        club.call(desk, 'checkin.scan', { ref: { cardNo: 'C3' }, tagNumber: 2 }),
        'TAG_IN_USE',
      ),
    ).toEqual({ number: 2 });

    const out = await club.call(desk, 'checkin.checkout', { visitId: v1.id, tagReturned: true });
    expect(out).toMatchObject({ tagNumber: 1, checkoutKind: 'normal', lostTagFeeCents: 0 });
    const after = await club.call(desk, 'tags.board', {});
    expect(after.tags[0]).toMatchObject({ number: 1, status: 'available', holder: null });
    expect(after.counts).toMatchObject({ issued: 1, available: 19 });
    expect((await checkIn(club, desk, 'C3')).tagNumber).toBe(1);
  });
});
