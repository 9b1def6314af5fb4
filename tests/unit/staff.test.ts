import { describe, expect, it } from 'vitest';
import { expectError, makeClub, MANAGER_PIN } from './helpers';

describe('login and PIN lockout', () => {
  it('logs in with the right PIN and lists the operations the role may call', async () => {
    const club = await makeClub();
    const s = await club.call('mgr', 'staff.create', {
      name: 'Li Na',
      role: 'reception',
      pin: '2468',
      gender: 'female',
    });
    const info = await club.call('desk', 'session.login', { staffId: s.id, pin: '2468' });
    expect(info.staff).toMatchObject({ id: s.id, name: 'Li Na', role: 'reception' });
    expect(info.allowed).toContain('checkin.scan');
    expect(info.allowed).not.toContain('staff.create');
    expect(info.allowed).not.toContain('members.exportCsv');
    expect(await club.call('desk', 'session.current', {})).toMatchObject({ staff: { id: s.id } });
  });

  it('five wrong PINs stop that window from trying the staff member for fifteen minutes, even with the right PIN', async () => {
    const club = await makeClub();
    const s = await club.call('mgr', 'staff.create', {
      name: 'Li Na',
      role: 'reception',
      pin: '2468',
      gender: 'female',
    });
    for (let left = 4; left >= 1; left--) {
      const p = await expectError(
        club.call('desk', 'session.login', { staffId: s.id, pin: '1111' }),
        'PIN_WRONG',
      );
      expect(p.attemptsLeft).toBe(left);
    }
    const locked = await expectError(
      club.call('desk', 'session.login', { staffId: s.id, pin: '1111' }),
      'CLIENT_LOCKED',
    );
    expect(locked.minutes).toBe(15);
    await expectError(club.call('desk', 'session.login', { staffId: s.id, pin: '2468' }), 'CLIENT_LOCKED');
    club.clock.advance(15 * 60_000 + 1000);
    await club.call('desk', 'session.login', { staffId: s.id, pin: '2468' });
    await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
    const audit = await club.call('mgr', 'audit.search', { q: 'staff.pinWrong' });
    expect(audit.total).toBe(5);
    expect((await club.call('mgr', 'audit.search', { q: 'staff.clientLocked' })).total).toBe(1);
  });

  it('a deactivated staff member cannot log in and their open session ends', async () => {
    const club = await makeClub();
    const { session, staffId } = await club.loginAs('reception');
    await club.call('mgr', 'staff.update', { id: staffId, active: false });
    await expectError(club.call(session, 'checkin.inside', {}), 'UNAUTHENTICATED');
    await expectError(club.call('again', 'session.login', { staffId, pin: '1234' }), 'STAFF_INACTIVE');
  });

  it('locks after the idle time and unlocks with the PIN; switch user replaces the session', async () => {
    const club = await makeClub();
    const { session, staffId } = await club.loginAs('reception');
    await club.call(session, 'checkin.inside', {});
    club.clock.advance(11 * 60_000); // default idle lock: 10 minutes
    const p = await expectError(club.call(session, 'checkin.inside', {}), 'SESSION_LOCKED');
    expect(p.staffId).toBe(staffId);
    await expectError(club.call(session, 'session.current', {}), 'SESSION_LOCKED');
    await club.call(session, 'session.login', { staffId, pin: '1234' });
    await club.call(session, 'checkin.inside', {});
    await club.call(session, 'session.lock', {});
    await expectError(club.call(session, 'checkin.inside', {}), 'SESSION_LOCKED');
    await club.call(session, 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
    expect((await club.call(session, 'session.current', {}))?.staff.id).toBe(club.managerId);
  });

  it('calls without a login are refused', async () => {
    const club = await makeClub();
    await expectError(club.call('nobody', 'checkin.inside', {}), 'UNAUTHENTICATED');
    await expectError(club.call('nobody', 'settings.get', {}), 'UNAUTHENTICATED');
    expect(await club.call('nobody', 'session.current', {})).toBeNull();
  });

  it('changes the own PIN only with the current PIN', async () => {
    const club = await makeClub();
    const { session, staffId } = await club.loginAs('bar');
    await expectError(
      club.call(session, 'session.changePin', { currentPin: '0000', newPin: '5555' }),
      'PIN_WRONG',
    );
    await club.call(session, 'session.changePin', { currentPin: '1234', newPin: '5555' });
    await expectError(club.call('x', 'session.login', { staffId, pin: '1234' }), 'PIN_WRONG');
    await club.call('x', 'session.login', { staffId, pin: '5555' });
  });
});

describe('staff management', () => {
  it('managers add, edit and deactivate staff, audited; reception may not', async () => {
    const club = await makeClub();
    const { session } = await club.loginAs('reception');
    await expectError(
      club.call(session, 'staff.create', { name: 'X', role: 'bar', pin: '1234', gender: 'male' }),
      'FORBIDDEN',
    );
    await expectError(club.call(session, 'staff.list', {}), 'FORBIDDEN');
    const s = await club.call('mgr', 'staff.create', {
      name: 'Zhao Min',
      role: 'bar',
      pin: '3001',
      gender: 'female',
    });
    const u = await club.call('mgr', 'staff.update', { id: s.id, role: 'shift_lead', name: 'Zhao Min 2' });
    expect(u).toMatchObject({ role: 'shift_lead', name: 'Zhao Min 2', active: true });
    const rows = (await club.call('mgr', 'audit.search', { q: 'staff.update' })).rows;
    expect(rows[0]).toMatchObject({
      op: 'staff.update',
      entity: 'staff',
      entityId: String(s.id),
      staffId: club.managerId,
    });
    expect(JSON.parse(rows[0]!.before!)).toMatchObject({ role: 'bar' });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ role: 'shift_lead' });
    await club.call('mgr', 'staff.update', { id: s.id, active: false });
    expect((await club.call('mgr', 'staff.list', {})).map((x) => x.id)).not.toContain(s.id);
    expect((await club.call('mgr', 'staff.list', { includeInactive: true })).map((x) => x.id)).toContain(
      s.id,
    );
  });

  it('the last active manager cannot be deactivated or demoted', async () => {
    const club = await makeClub();
    await expectError(
      club.call('mgr', 'staff.update', { id: club.managerId, active: false }),
      'LAST_MANAGER',
    );
    await expectError(
      club.call('mgr', 'staff.update', { id: club.managerId, role: 'reception' }),
      'LAST_MANAGER',
    );
    expect((await club.call('mgr', 'staff.list', {}))[0]).toMatchObject({
      role: 'store_manager',
      active: true,
    });
  });

  it('PINs are stored as scrypt hashes, never in clear', async () => {
    const club = await makeClub();
    const rows = club.core.database.prepare('SELECT pin_hash FROM staff').all() as { pin_hash: string }[];
    for (const r of rows) {
      expect(r.pin_hash.startsWith('scrypt$')).toBe(true);
      expect(r.pin_hash).not.toContain(MANAGER_PIN);
    }
  });
});

describe('settings and setup', () => {
  it('setup runs once only', async () => {
    const club = await makeClub();
    await expectError(
      club.call('x', 'system.setup', {
        clubName: 'Again',
        timeZone: 'Asia/Shanghai',
        language: 'en',
        staffArriveTime: '09:50',
        openTime: '11:00',
        closeTime: '22:00',
        tagCount: 5,
        manager: { name: 'Evil', pin: '1234', gender: 'male' },
      }),
      'ALREADY_SET_UP',
    );
    expect((await club.call('mgr', 'staff.list', {})).map((s) => s.name)).toEqual(['Manager Wang']);
  });

  it('managers change settings (audited with before/after); others may not', async () => {
    const club = await makeClub();
    const s = await club.call('mgr', 'settings.update', { closeTime: '21:30', disinfectionDays: [6, 3, 3] });
    expect(s.closeTime).toBe('21:30');
    expect(s.disinfectionDays).toEqual([3, 6]);
    const a = (await club.call('mgr', 'audit.search', { q: 'settings.update' })).rows[0]!;
    expect(JSON.parse(a.before!)).toEqual({ closeTime: '22:00' });
    expect(JSON.parse(a.after!)).toEqual({ closeTime: '21:30' });
    const { session } = await club.loginAs('shift_lead');
    await expectError(club.call(session, 'settings.update', { closeTime: '20:00' }), 'FORBIDDEN');
    expect((await club.call(session, 'settings.get', {})).closeTime).toBe('21:30');
  });

  it('rejects an unknown time zone and a bad time', async () => {
    const club = await makeClub();
    await expectError(club.call('mgr', 'settings.update', { timeZone: 'Mars/Base' }), 'VALIDATION');
    await expectError(club.call('mgr', 'settings.update', { openTime: '25:00' }), 'VALIDATION');
    expect((await club.call('mgr', 'settings.get', {})).timeZone).toBe('Asia/Shanghai');
  });
});
