/**
 * Roles, checked on the core's responses (never the screen): reception cannot read prices,
 * export, override a blocked check-in, or manage staff.
 */
import { describe, expect, it } from 'vitest';
import { PRICE_ROLES } from '../../electron/core/kernel/roles';
import { expectError, makeClub } from './helpers';

async function clubWithMember() {
  const club = await makeClub();
  const ct = await club.call('mgr', 'cardTypes.create', {
    name: 'Annual',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 299_900,
  });
  const expired = await club.call('mgr', 'members.create', {
    cardNo: '700001',
    name: '张三',
    gender: 'male',
    phone: '13800001234',
    birthDate: '1990-05-01',
    cardTypeId: ct.id,
    startDate: '2025-01-01',
    expiryDate: '2025-12-31',
    visitsLeft: null,
    consultantId: null,
    notes: '',
  });
  return { club, ct, expired };
}

describe('reception and prices', () => {
  it('no response sent to a reception session contains a membership price', async () => {
    const { club, ct, expired } = await clubWithMember();
    const { session } = await club.loginAs('reception');
    const responses = [
      await club.raw(session, 'cardTypes.list', { includeInactive: true }),
      await club.raw(session, 'members.search', { q: '700001' }),
      await club.raw(session, 'members.get', { id: expired.id }),
      await club.raw(session, 'checkin.scan', { ref: { cardNo: '700001' } }),
      await club.raw(session, 'settings.get', {}),
    ];
    for (const r of responses) {
      expect(r.ok).toBe(true);
      const json = JSON.stringify(r);
      expect(json).not.toMatch(/price/i);
      expect(json).not.toContain('299900');
      expect(json).not.toContain('2999');
    }
    // The same call as a manager does carry the price: the test above can fail.
    const m = await club.call('mgr', 'cardTypes.list', {});
    expect(m.find((x) => x.id === ct.id)?.priceCents).toBe(299_900);
    await expectError(club.call(session, 'cardTypes.update', { id: ct.id, priceCents: 1 }), 'FORBIDDEN');
  });

  it('only consultants and managers see prices', () => {
    expect([...PRICE_ROLES].sort()).toEqual(['consultant', 'cs_manager', 'duty_manager', 'store_manager']);
  });
});

describe('reception cannot export, override or manage staff', () => {
  it('export is refused and nothing is audited as exported', async () => {
    const { club } = await clubWithMember();
    const { session } = await club.loginAs('reception');
    await expectError(club.call(session, 'members.exportCsv', {}), 'FORBIDDEN');
    expect((await club.call('mgr', 'audit.search', { q: 'members.exportCsv' })).total).toBe(0);
    const ok = await club.call('mgr', 'members.exportCsv', {});
    expect(ok.count).toBe(1);
    expect((await club.call('mgr', 'audit.search', { q: 'members.exportCsv' })).total).toBe(1);
  });

  it("a receptionist's own PIN cannot authorise an override; a shift lead's can", async () => {
    const { club } = await clubWithMember();
    const desk = await club.loginAs('reception', 'Desk', '2468');
    const blocked = await club.call(desk.session, 'checkin.scan', { ref: { cardNo: '700001' } });
    expect(blocked).toMatchObject({ outcome: 'blocked', blocks: [{ code: 'EXPIRED' }], overridable: true });
    await expectError(
      club.call(desk.session, 'checkin.scan', {
        ref: { cardNo: '700001' },
        authorization: { pin: '2468', reason: 'please' },
      }),
      'OVERRIDE_NOT_ALLOWED',
    );
    expect((await club.call(desk.session, 'checkin.inside', {})).length).toBe(0);
    await club.call('mgr', 'staff.create', {
      name: 'Lead',
      role: 'shift_lead',
      pin: '5001',
      gender: 'female',
    });
    const ok = await club.call(desk.session, 'checkin.scan', {
      ref: { cardNo: '700001' },
      authorization: { pin: '5001', reason: 'renewal paid, card being printed' },
    });
    expect(ok).toMatchObject({ outcome: 'checked_in', overridden: true });
    expect((await club.call(desk.session, 'checkin.inside', {})).length).toBe(1);
  });

  it('staff management, audit, settings changes, imports and backups are refused to reception', async () => {
    const { club } = await clubWithMember();
    const { session } = await club.loginAs('reception');
    const refused: [string, unknown][] = [
      ['staff.list', {}],
      ['staff.create', { name: 'X', role: 'store_manager', pin: '1234', gender: 'male' }],
      ['staff.update', { id: club.managerId, newPin: '1111' }],
      ['audit.search', {}],
      ['settings.update', { lostTagFeeCents: 0 }],
      ['members.importPreview', { fileBase64: 'Y2FyZA==' }],
      ['backups.list', {}],
      ['tags.add', { from: 100, to: 101 }],
    ];
    for (const [op, args] of refused) {
      const r = await club.raw(session, op, args);
      expect(r, op).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('visitors and the rotation', () => {
  it('the desk runs it, consultants see the board, managers decide disputes and see the report', async () => {
    const { club } = await clubWithMember();
    const desk = await club.loginAs('reception');
    const bar = await club.loginAs('bar');
    const consultant = await club.loginAs('consultant');
    const refused: [string, string, unknown][] = [
      [desk.session, 'reports.consultants', { month: '2026-11' }],
      [desk.session, 'visitors.decideDispute', { disputeId: 1, decision: 'keep' }],
      [
        desk.session,
        'classes.create',
        { weekday: 1, startTime: '09:00', className: 'X', room: '', instructor: '' },
      ],
      [
        bar.session,
        'visitors.register',
        {
          name: 'X',
          phone: '13800001111',
          gender: 'male',
          heardFrom: '',
          interests: [],
          firstVisit: true,
          metBefore: false,
          metConsultantId: null,
          hasAppointment: false,
          appointmentWithId: null,
        },
      ],
      [bar.session, 'rotation.board', {}],
      [consultant.session, 'visitors.page', { visitorId: 1 }],
      [consultant.session, 'reports.consultants', { month: '2026-11' }],
    ];
    for (const [session, op, args] of refused) {
      const r = await club.raw(session, op, args);
      expect(r, op).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await club.raw(consultant.session, 'rotation.board', {})).ok).toBe(true);
    expect((await club.raw(desk.session, 'rotation.board', {})).ok).toBe(true);
    expect((await club.raw('mgr', 'reports.consultants', { month: '2026-11' })).ok).toBe(true);
  });
});

describe('shift close and handover', () => {
  it('the desk opens and closes shifts; shift leads and managers close the day; others cannot', async () => {
    const club = await makeClub();
    const desk = await club.loginAs('reception');
    const lead = await club.loginAs('shift_lead');
    const bar = await club.loginAs('bar');
    const consultant = await club.loginAs('consultant');
    for (const s of [desk.session, lead.session, 'mgr']) {
      expect(await club.raw(s, 'shift.opening', {}), s).toMatchObject({ ok: true });
      expect(await club.raw(s, 'shift.history', {}), s).toMatchObject({ ok: true });
    }
    for (const s of [bar.session, consultant.session]) {
      for (const op of ['shift.opening', 'shift.current', 'shift.history', 'shift.charts']) {
        const r = await club.raw(s, op, op === 'shift.charts' ? { day: '2026-11-18' } : {});
        expect(r, `${s} ${op}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    for (const op of ['shift.dayPreview', 'shift.dayReport']) {
      expect(await club.raw(desk.session, op, { day: '2026-11-18' }), op).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await club.raw(desk.session, 'shift.closeDay', { day: '2026-11-18', checked: [] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await club.raw(lead.session, 'shift.dayPreview', { day: '2026-11-18' })).toMatchObject({
      ok: true,
    });
  });
});
