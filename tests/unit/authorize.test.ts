/**
 * Supervisor authorisations by the PIN alone: the PIN names the authoriser among those allowed, a PIN
 * names one person (uniqueness when a PIN is set; a duplicate already there is refused), wrong PINs
 * pause the asking desk's authorisations without locking anybody out, the preset reason is stored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../electron/core/areas/staff';
import { expectError, MANAGER_PIN, makeClub, type TestClub } from './helpers';

interface Setup {
  club: TestClub;
  desk: { session: string; staffId: number };
  lead: { session: string; staffId: number };
  cardTypeId: number;
}

async function setup(): Promise<Setup> {
  const club = await makeClub();
  const t = await club.call('mgr', 'cardTypes.create', {
    name: 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 300000,
  });
  const desk = await club.loginAs('reception', 'Desk Li', '2222');
  const lead = await club.loginAs('shift_lead', 'Lead Chen', '5555');
  return { club, desk, lead, cardTypeId: t.id };
}

let n = 0;
/** An expired member: letting them in needs a supervisor's authorisation. */
async function expired(s: Setup) {
  n += 1;
  return s.club.call('mgr', 'members.create', {
    cardNo: `A${1000 + n}`,
    name: `Member ${n}`,
    gender: 'female',
    phone: null,
    birthDate: null,
    cardTypeId: s.cardTypeId,
    startDate: '2025-01-01',
    expiryDate: '2026-11-10',
    visitsLeft: null,
    consultantId: null,
    notes: '',
  });
}

function letIn(s: Setup, cardNo: string, authorization: Record<string, unknown>, session = s.desk.session) {
  return s.club.call(session, 'checkin.scan', {
    ref: { cardNo },
    authorization: authorization as { pin: string; reason: string },
  });
}

const insideCount = async (s: Setup) => (await s.club.call('mgr', 'checkin.inside', {})).length;

describe('an authorisation is given by the PIN alone', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('the right PIN names the shift lead; the audit keeps who and the preset reason', async () => {
    const m = await expired(s);
    const r = await letIn(s, m.cardNo, { pin: '5555', reasonCode: 'renewing_today', reason: '今天续卡' });
    expect(r.outcome).toBe('checked_in');
    const row = s.club.core.database
      .prepare('SELECT override_by, override_reason FROM visits WHERE id = (SELECT max(id) FROM visits)')
      .get();
    expect(row).toEqual({ override_by: s.lead.staffId, override_reason: '今天续卡' });
    const audit = await s.club.call('mgr', 'audit.search', { q: 'checkin.scan' });
    expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({
      overrideBy: s.lead.staffId,
      reasonCode: 'renewing_today',
    });
  });

  it('a staff id is no longer part of it, and a preset of another situation is refused', async () => {
    const m = await expired(s);
    await expectError(
      letIn(s, m.cardNo, { staffId: s.lead.staffId, pin: '5555', reason: 'x' }),
      'VALIDATION',
    );
    await expectError(
      letIn(s, m.cardNo, { pin: '5555', reasonCode: 'duplicate_slip', reason: 'x' }),
      'VALIDATION',
    );
    await expectError(letIn(s, m.cardNo, { pin: '5555', reasonCode: 'made_up', reason: 'x' }), 'VALIDATION');
    expect(await insideCount(s)).toBe(0);
  });

  it('a wrong PIN, a colleague’s and one’s own are refused', async () => {
    const m = await expired(s);
    expect(await expectError(letIn(s, m.cardNo, { pin: '0000', reason: 'x' }), 'AUTH_PIN_WRONG')).toEqual({
      attemptsLeft: 4,
    });
    // the asking receptionist's own PIN
    await expectError(letIn(s, m.cardNo, { pin: '2222', reason: 'x' }), 'OVERRIDE_NOT_ALLOWED');
    // another receptionist's PIN names nobody who may authorise
    await s.club.call('mgr', 'staff.create', {
      name: 'Desk Wu',
      role: 'reception',
      pin: '3333',
      gender: 'male',
    });
    await expectError(letIn(s, m.cardNo, { pin: '3333', reason: 'x' }), 'AUTH_PIN_WRONG');
    expect(await insideCount(s)).toBe(0);
  });

  it('five wrong PINs pause this desk’s authorisations for five minutes; nobody’s login is locked', async () => {
    const m = await expired(s);
    for (let i = 0; i < 4; i++)
      await expectError(letIn(s, m.cardNo, { pin: '0000', reason: 'x' }), 'AUTH_PIN_WRONG');
    await expectError(letIn(s, m.cardNo, { pin: '0001', reason: 'x' }), 'AUTH_PAUSED');
    // even the right PIN, from this desk
    await expectError(letIn(s, m.cardNo, { pin: '5555', reason: 'x' }), 'AUTH_PAUSED');
    // the shift lead is not locked: she logs in, and authorises at her own session
    await s.club.call('again', 'session.login', { staffId: s.lead.staffId, pin: '5555' });
    const staff = s.club.core.database.prepare(
      'SELECT failed_attempts, locked_until FROM staff WHERE id = ?',
    );
    expect(staff.get(s.lead.staffId)).toEqual({ failed_attempts: 0, locked_until: null });
    expect((await letIn(s, m.cardNo, { pin: '5555', reason: 'x' }, s.lead.session)).outcome).toBe(
      'checked_in',
    );
    // the wrong tries are in the audit log under the desk that typed them
    const wrong = s.club.core.database
      .prepare("SELECT count(*) AS n FROM audit_log WHERE op = 'staff.authPinWrong' AND staff_id = ?")
      .get(s.desk.staffId);
    expect(wrong).toEqual({ n: 5 });
    // after five minutes the desk may try again
    const m2 = await expired(s);
    s.club.clock.advance(5 * 60_000 + 1000);
    expect((await letIn(s, m2.cardNo, { pin: '5555', reason: 'x' })).outcome).toBe('checked_in');
  });
});

describe('a PIN names one person', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('a PIN another active staff member has is refused when set, changed or given on creation', async () => {
    await expectError(
      s.club.call('mgr', 'staff.create', { name: 'X', role: 'bar', pin: '5555', gender: 'male' }),
      'PIN_IN_USE',
    );
    await expectError(
      s.club.call('mgr', 'staff.create', { name: 'X', role: 'bar', pin: MANAGER_PIN, gender: 'male' }),
      'PIN_IN_USE',
    );
    await expectError(
      s.club.call('mgr', 'staff.update', { id: s.desk.staffId, newPin: '5555' }),
      'PIN_IN_USE',
    );
    await expectError(
      s.club.call(s.desk.session, 'session.changePin', { currentPin: '2222', newPin: '5555' }),
      'PIN_IN_USE',
    );
    // one's own PIN again is fine; a deactivated colleague's PIN is free
    await s.club.call('mgr', 'staff.update', { id: s.desk.staffId, newPin: '2222' });
    await s.club.call('mgr', 'staff.update', { id: s.lead.staffId, active: false });
    await s.club.call('mgr', 'staff.create', { name: 'Y', role: 'bar', pin: '5555', gender: 'male' });
  });

  it('a duplicate already in the database authorises nothing (neither supervisor, nor a desk PIN)', async () => {
    const m = await expired(s);
    const db = s.club.core.database;
    // two supervisors share a PIN (written before the rule)
    const other = await s.club.call('mgr', 'staff.create', {
      name: 'Lead Two',
      role: 'shift_lead',
      pin: '6666',
      gender: 'female',
    });
    db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin('5555'), other.id);
    await expectError(letIn(s, m.cardNo, { pin: '5555', reason: 'x' }), 'PIN_AMBIGUOUS');
    // the receptionist asking has the shift lead's PIN: her own PIN never passes for the lead's
    db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(other.id);
    db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin('5555'), s.desk.staffId);
    await expectError(letIn(s, m.cardNo, { pin: '5555', reason: 'x' }), 'PIN_AMBIGUOUS');
    expect(await insideCount(s)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE op = 'staff.pinShared'").get()).toEqual({
      n: 2,
    });
  });
});

describe('the audit log, for a manager', () => {
  it('names the member, the tag, the amount and who authorised; lookups are left out when asked', async () => {
    const s = await setup();
    const m = await expired(s);
    await letIn(s, m.cardNo, { pin: '5555', reasonCode: 'renewing_today', reason: '今天续卡' });
    const { rows } = await s.club.call('mgr', 'audit.search', { q: 'checkin.scan' });
    expect(rows[0]).toMatchObject({
      op: 'checkin.scan',
      staffName: 'Desk Li',
      member: { id: m.id, name: m.name, cardNo: m.cardNo },
      tag: 1,
      authorizer: 'Lead Chen',
      reasonCode: 'renewing_today',
      lookup: false,
    });
    // an amount: a pay-out is named with its amount and its authoriser
    const shift = await s.club.call(s.desk.session, 'shift.open', {
      staffIds: [s.desk.staffId],
      floatCents: 50_000,
      acknowledged: true,
      checked: [],
    });
    await s.club.call(s.desk.session, 'shift.payout', {
      shiftId: shift.id,
      amountCents: 1_500,
      authorization: { pin: '5555', reasonCode: 'supplies', reason: 'Supplies bought' },
    });
    const payout = (await s.club.call('mgr', 'audit.search', { q: 'shift.payout' })).rows[0]!;
    expect(payout).toMatchObject({ amountCents: 1_500, authorizer: 'Lead Chen', reasonCode: 'supplies' });
    // an export is a lookup: there by default for the core, left out when the screen asks
    await s.club.call('mgr', 'members.exportCsv', {});
    const all = await s.club.call('mgr', 'audit.search', { q: 'members.exportCsv' });
    expect(all.rows).toMatchObject([{ lookup: true }]);
    expect(
      (await s.club.call('mgr', 'audit.search', { q: 'members.exportCsv', hideLookups: true })).total,
    ).toBe(0);
  });
});
