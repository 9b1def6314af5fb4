import { describe, expect, it } from 'vitest';
import type { OpArgs } from '../../electron/core/contract';
import { expectError, makeClub, MANAGER_PIN, type TestClub } from './helpers';

/** A real 1×1 PNG. */
const PNG_1x1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function cardTypes(club: TestClub) {
  const year = await club.call('mgr', 'cardTypes.create', {
    name: 'Year card',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 298_000,
  });
  const ten = await club.call('mgr', 'cardTypes.create', {
    name: '10 visits',
    kind: 'visits',
    durationDays: null,
    visitCount: 10,
    priceCents: 80_000,
  });
  return { year, ten };
}

function memberArgs(
  cardTypeId: number,
  over: Partial<OpArgs<'members.create'>> = {},
): OpArgs<'members.create'> {
  return {
    cardNo: 'M001',
    name: '张三',
    gender: 'male',
    phone: '13800001234',
    birthDate: '1990-05-06',
    cardTypeId,
    startDate: '2026-11-18',
    expiryDate: null,
    visitsLeft: null,
    consultantId: null,
    notes: '',
    ...over,
  };
}

/** Moves the clock and logs the manager in again (moving past the idle time locks the session). */
async function moveTo(club: TestClub, iso: string) {
  club.clock.set(iso);
  await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
}

describe('members: create and update', () => {
  it('a time card expires start + duration − 1; a visit card starts with the type count', async () => {
    const club = await makeClub();
    const { year, ten } = await cardTypes(club);
    const a = await club.call('mgr', 'members.create', memberArgs(year.id));
    expect(a).toMatchObject({
      cardNo: 'M001',
      name: '张三',
      cardTypeName: 'Year card',
      cardKind: 'time',
      startDate: '2026-11-18',
      expiryDate: '2027-11-17',
      visitsLeft: null,
      state: 'active',
      inside: false,
      hasPhoto: false,
      phone: '138 0000 1234',
      birthDate: '1990-05-06',
    });
    const b = await club.call('mgr', 'members.create', memberArgs(ten.id, { cardNo: 'M002', name: 'Li Si' }));
    expect(b).toMatchObject({ cardKind: 'visits', visitsLeft: 10, expiryDate: null, state: 'active' });
    // A visit count given for a time card is dropped.
    const c = await club.call(
      'mgr',
      'members.create',
      memberArgs(year.id, { cardNo: 'M003', visitsLeft: 7 }),
    );
    expect(c.visitsLeft).toBeNull();
    // Starting tomorrow: not started yet.
    const d = await club.call(
      'mgr',
      'members.create',
      memberArgs(year.id, { cardNo: 'M004', startDate: '2026-11-19' }),
    );
    expect(d).toMatchObject({ state: 'not_started', expiryDate: '2027-11-18' });
    const created = await club.call('mgr', 'audit.search', { q: 'members.create' });
    expect(created.total).toBe(4);
  });

  it('refuses a card number that is taken, on create and on update', async () => {
    const club = await makeClub();
    const { year } = await cardTypes(club);
    await club.call('mgr', 'members.create', memberArgs(year.id));
    const p = await expectError(
      club.call('mgr', 'members.create', memberArgs(year.id, { name: 'Other' })),
      'CARD_NO_TAKEN',
    );
    expect(p).toEqual({ cardNo: 'M001' });
    await expectError(
      club.call('mgr', 'members.create', memberArgs(year.id, { cardNo: ' M001 ', name: 'Other' })),
      'CARD_NO_TAKEN',
    );
    const b = await club.call(
      'mgr',
      'members.create',
      memberArgs(year.id, { cardNo: 'M002', name: 'Other' }),
    );
    await expectError(club.call('mgr', 'members.update', { id: b.id, cardNo: 'M001' }), 'CARD_NO_TAKEN');
    const n = club.core.database.prepare('SELECT count(*) AS n FROM members').get() as { n: number };
    expect(n.n).toBe(2);
  });

  it('updates are audited with before and after (changed fields only) and reindexed for search', async () => {
    const club = await makeClub();
    const { year } = await cardTypes(club);
    const m = await club.call('mgr', 'members.create', memberArgs(year.id));
    const u = await club.call('mgr', 'members.update', {
      id: m.id,
      name: '李四',
      phone: '13911112222',
      notes: 'VIP',
    });
    expect(u).toMatchObject({ name: '李四', phone: '139 1111 2222', notes: 'VIP', expiryDate: '2027-11-17' });
    const rows = (await club.call('mgr', 'audit.search', { q: 'members.update' })).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      op: 'members.update',
      entity: 'member',
      entityId: String(m.id),
      staffId: club.managerId,
    });
    // Phones are stored in one form (E.164), whatever was typed.
    expect(JSON.parse(rows[0]!.before!)).toEqual({ name: '张三', phone: '+8613800001234', notes: '' });
    expect(JSON.parse(rows[0]!.after!)).toEqual({ name: '李四', phone: '+8613911112222', notes: 'VIP' });
    // An update that changes nothing writes no audit entry.
    await club.call('mgr', 'members.update', { id: m.id, name: '李四' });
    expect((await club.call('mgr', 'audit.search', { q: 'members.update' })).total).toBe(1);
    expect((await club.call('mgr', 'members.search', { q: 'zs' })).map((x) => x.id)).toEqual([]);
    expect((await club.call('mgr', 'members.search', { q: 'lisi' })).map((x) => x.id)).toEqual([m.id]);
    // An expiry before the start is refused (a manager's correction).
    await expectError(
      club.call('mgr', 'members.correct', { id: m.id, expiryDate: '2026-11-01', reason: 'typo' }),
      'VALIDATION',
    );
    await expectError(club.call('mgr', 'members.update', { id: 999, name: 'x' }), 'NOT_FOUND');
  });
});

describe('members: freeze and unfreeze', () => {
  it('a freeze extends the expiry by its length and the member is frozen on those dates only', async () => {
    const club = await makeClub();
    const { year } = await cardTypes(club);
    const m = await club.call('mgr', 'members.create', memberArgs(year.id));
    const f = await club.call('mgr', 'members.freeze', {
      id: m.id,
      fromDate: '2026-11-20',
      toDate: '2026-11-29',
      reason: 'Travel',
    });
    expect(f).toMatchObject({
      expiryDate: '2027-11-27',
      frozenFrom: '2026-11-20',
      frozenTo: '2026-11-29',
      frozenReason: 'Travel',
      state: 'active',
    });
    expect(f.freezes).toHaveLength(1);
    expect(f.freezes[0]).toMatchObject({
      fromDate: '2026-11-20',
      toDate: '2026-11-29',
      extendedDays: 10,
      endedAt: null,
      createdByName: 'Manager Wang',
    });
    const states: Record<string, string> = {};
    for (const [date, iso] of [
      ['2026-11-19', '2026-11-19T02:00:00.000Z'],
      ['2026-11-20', '2026-11-19T16:00:00.000Z'], // 00:00 local
      ['2026-11-29', '2026-11-29T15:59:00.000Z'], // 23:59 local
      ['2026-11-30', '2026-11-29T16:00:00.000Z'],
    ] as const) {
      await moveTo(club, iso);
      states[date] = (await club.call('mgr', 'members.get', { id: m.id })).state;
    }
    expect(states).toEqual({
      '2026-11-19': 'active',
      '2026-11-20': 'frozen',
      '2026-11-29': 'frozen',
      '2026-11-30': 'active',
    });
    const audit = (await club.call('mgr', 'audit.search', { q: 'members.freeze' })).rows[0]!;
    expect(JSON.parse(audit.before!)).toEqual({ expiryDate: '2027-11-17' });
    expect(audit.detail).toBe('Travel');
  });

  it('unfreezing during the freeze gives back the unused days', async () => {
    const club = await makeClub();
    const { year } = await cardTypes(club);
    const m = await club.call('mgr', 'members.create', memberArgs(year.id));
    await club.call('mgr', 'members.freeze', {
      id: m.id,
      fromDate: '2026-11-20',
      toDate: '2026-11-29',
      reason: 'Injury',
    });
    await moveTo(club, '2026-11-25T02:00:00.000Z');
    const u = await club.call('mgr', 'members.unfreeze', { id: m.id });
    // Frozen 20..24 (5 days kept); 25..29 (5 days) taken back off the expiry.
    expect(u).toMatchObject({
      state: 'active',
      expiryDate: '2027-11-22',
      frozenFrom: '2026-11-20',
      frozenTo: '2026-11-24',
    });
    expect(u.freezes[0]).toMatchObject({ extendedDays: 5 });
    expect(u.freezes[0]!.endedAt).toBe('2026-11-25T02:00:00.000Z');
    await expectError(club.call('mgr', 'members.unfreeze', { id: m.id }), 'NOT_FROZEN');
    // A new freeze is possible again.
    const again = await club.call('mgr', 'members.freeze', {
      id: m.id,
      fromDate: '2026-11-26',
      toDate: '2026-11-27',
      reason: 'Again',
    });
    expect(again.expiryDate).toBe('2027-11-24');
  });

  it('unfreezing before or on the first frozen day takes back everything and clears the freeze', async () => {
    const club = await makeClub();
    const { year } = await cardTypes(club);
    const a = await club.call('mgr', 'members.create', memberArgs(year.id));
    const b = await club.call('mgr', 'members.create', memberArgs(year.id, { cardNo: 'M002', name: 'B' }));
    await club.call('mgr', 'members.freeze', {
      id: a.id,
      fromDate: '2026-11-20',
      toDate: '2026-11-29',
      reason: 'Plan',
    });
    await club.call('mgr', 'members.freeze', {
      id: b.id,
      fromDate: '2026-11-20',
      toDate: '2026-11-29',
      reason: 'Plan',
    });
    const ua = await club.call('mgr', 'members.unfreeze', { id: a.id });
    expect(ua).toMatchObject({
      expiryDate: '2027-11-17',
      frozenFrom: null,
      frozenTo: null,
      frozenReason: null,
      state: 'active',
    });
    expect(ua.freezes[0]!.extendedDays).toBe(0);
    await moveTo(club, '2026-11-20T02:00:00.000Z');
    expect((await club.call('mgr', 'members.get', { id: b.id })).state).toBe('frozen');
    const ub = await club.call('mgr', 'members.unfreeze', { id: b.id });
    expect(ub).toMatchObject({
      expiryDate: '2027-11-17',
      frozenFrom: null,
      frozenTo: null,
      frozenReason: null,
      state: 'active',
    });
    expect(ub.freezes[0]!.extendedDays).toBe(0);
  });

  it('refuses a freeze that ends before it starts, starts in the past, or overlaps a current freeze', async () => {
    const club = await makeClub();
    const { year } = await cardTypes(club);
    const m = await club.call('mgr', 'members.create', memberArgs(year.id));
    await expectError(
      club.call('mgr', 'members.freeze', {
        id: m.id,
        fromDate: '2026-11-25',
        toDate: '2026-11-24',
        reason: 'x',
      }),
      'FREEZE_INVALID',
    );
    await expectError(
      club.call('mgr', 'members.freeze', {
        id: m.id,
        fromDate: '2026-11-17',
        toDate: '2026-11-24',
        reason: 'x',
      }),
      'FREEZE_INVALID',
    );
    await expectError(
      club.call('mgr', 'members.freeze', {
        id: m.id,
        fromDate: '2026-11-20',
        toDate: '2026-11-24',
        reason: ' ',
      }),
      'VALIDATION',
    );
    // Today itself is fine.
    await club.call('mgr', 'members.freeze', {
      id: m.id,
      fromDate: '2026-11-18',
      toDate: '2026-11-18',
      reason: 'Today',
    });
    const p = await expectError(
      club.call('mgr', 'members.freeze', {
        id: m.id,
        fromDate: '2026-11-20',
        toDate: '2026-11-21',
        reason: 'x',
      }),
      'FREEZE_INVALID',
    );
    expect(p).toEqual({ reason: 'already_frozen', until: '2026-11-18' });
    const d = await club.call('mgr', 'members.get', { id: m.id });
    expect(d).toMatchObject({ state: 'frozen', expiryDate: '2027-11-18' });
    const { session } = await club.loginAs('reception');
    await expectError(
      club.call(session, 'members.freeze', {
        id: m.id,
        fromDate: '2026-11-20',
        toDate: '2026-11-21',
        reason: 'x',
      }),
      'FORBIDDEN',
    );
  });
});

describe('members: contact details by role', () => {
  it('reception sees the full phone and birth date of one member; search shows it masked', async () => {
    const club = await makeClub();
    const { year } = await cardTypes(club);
    const m = await club.call('mgr', 'members.create', memberArgs(year.id));
    const desk = await club.loginAs('reception');
    const bar = await club.loginAs('bar');
    expect(await club.call(desk.session, 'members.get', { id: m.id })).toMatchObject({
      phone: '138 0000 1234',
      birthDate: '1990-05-06',
    });
    expect((await club.call(desk.session, 'members.search', { q: '张三' }))[0]).toMatchObject({
      id: m.id,
      phone: '138****1234',
    });
    const barHits = await club.call(bar.session, 'members.search', { q: '张三' });
    expect(barHits).toHaveLength(1);
    expect(barHits[0]!.phone).toBe('138****1234');
    await expectError(club.call(bar.session, 'members.get', { id: m.id }), 'FORBIDDEN');
    await expectError(
      club.call(bar.session, 'members.create', memberArgs(year.id, { cardNo: 'M009' })),
      'FORBIDDEN',
    );
  });
});

describe('members: photos', () => {
  it('stores a real PNG and returns it; refuses bytes that are not what the data URL claims', async () => {
    const club = await makeClub();
    const { year } = await cardTypes(club);
    const m = await club.call('mgr', 'members.create', memberArgs(year.id));
    expect(await club.call('mgr', 'members.photo', { id: m.id })).toEqual({ dataUrl: null });
    const notPng = `data:image/png;base64,${Buffer.from('this is not a png image').toString('base64')}`;
    const p = await expectError(
      club.call('mgr', 'members.setPhoto', { id: m.id, dataUrl: notPng }),
      'VALIDATION',
    );
    expect(p).toEqual({ issues: [{ path: 'dataUrl', code: 'photo' }] });
    // A PNG labelled as JPEG is refused too.
    await expectError(
      club.call('mgr', 'members.setPhoto', { id: m.id, dataUrl: PNG_1x1.replace('image/png', 'image/jpeg') }),
      'VALIDATION',
    );
    // Not a data URL at all: refused by the contract.
    await expectError(
      club.call('mgr', 'members.setPhoto', { id: m.id, dataUrl: 'https://example.com/a.png' }),
      'VALIDATION',
    );
    expect(await club.call('mgr', 'members.photo', { id: m.id })).toEqual({ dataUrl: null });

    expect(await club.call('mgr', 'members.setPhoto', { id: m.id, dataUrl: PNG_1x1 })).toEqual({ ok: true });
    expect(await club.call('mgr', 'members.photo', { id: m.id })).toEqual({ dataUrl: PNG_1x1 });
    expect((await club.call('mgr', 'members.get', { id: m.id })).hasPhoto).toBe(true);
    expect((await club.call('mgr', 'members.search', { q: 'M001' }))[0]!.hasPhoto).toBe(true);
    await club.call('mgr', 'members.setPhoto', { id: m.id, dataUrl: null });
    expect(await club.call('mgr', 'members.photo', { id: m.id })).toEqual({ dataUrl: null });
    expect((await club.call('mgr', 'members.get', { id: m.id })).hasPhoto).toBe(false);
    await expectError(club.call('mgr', 'members.setPhoto', { id: 999, dataUrl: PNG_1x1 }), 'NOT_FOUND');
  });
});
