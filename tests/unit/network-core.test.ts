/**
 * The club network's management in the core (issue 15), on a real database with a controllable
 * clock: off by default and turned on by a manager only; a pairing code is six digits, valid two
 * minutes, used once and spent after five wrong tries (only its hash stored); a station that gave
 * it waits until a manager's PIN confirms it — reception's or a shift lead's PIN never does; a
 * credential is stored as a hash only and stops working at once when revoked; the screens a station
 * may open decide which operations it may call. The lowest roles' attempts to get around each rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  authenticateDevice,
  ensureIdentity,
  opAllowedOn,
  requestPairing,
} from '../../electron/core/areas/network';
import { writeTransaction } from '../../electron/core/kernel/dispatch';
import { expectError, MANAGER_PIN, makeClub, type TestClub } from './helpers';

const auth = (pin: string) => ({ pin, reasonCode: 'new_station' as const, reason: 'Bar counter PC' });

function pair(club: TestClub, code: string, name = 'Bar', address = '192.168.1.20') {
  return writeTransaction(club.core.database, () =>
    requestPairing(club.core.database, club.clock.now(), { code, name, address }),
  );
}

async function setUp() {
  const club = await makeClub();
  const desk = await club.loginAs('reception', 'Desk Li');
  const lead = await club.loginAs('shift_lead', 'Lead Chen');
  const cs = await club.loginAs('cs_manager', 'CS Zhao');
  await club.call('mgr', 'settings.update', { idleLockMinutes: 240 });
  return { club, desk, lead, cs };
}

describe('club network at the host', () => {
  it('is off until a manager turns it on; nobody else can', async () => {
    const { club, desk, lead } = await setUp();
    expect((await club.call('mgr', 'network.status', {})).enabled).toBe(false);
    await expectError(club.call(desk.session, 'network.startPairing', {}), 'NETWORK_OFF');
    expect(pair(club, '123456')).toEqual({ ok: false, code: 'NETWORK_OFF' });
    await expectError(club.call(desk.session, 'network.setEnabled', { enabled: true }), 'FORBIDDEN');
    await expectError(club.call(lead.session, 'network.setEnabled', { enabled: true }), 'FORBIDDEN');
    const s = await club.call('mgr', 'network.setEnabled', { enabled: true });
    expect(s.enabled).toBe(true);
    const audit = club.core.database
      .prepare(`SELECT staff_id FROM audit_log WHERE op = 'network.setEnabled'`)
      .all();
    expect(audit).toEqual([{ staff_id: club.managerId }]);
  });

  it('pairs with the code and a manager PIN; the lowest roles cannot confirm or revoke', async () => {
    const { club, desk, lead, cs } = await setUp();
    await club.call('mgr', 'network.setEnabled', { enabled: true });
    const { code, expiresAt } = await club.call(desk.session, 'network.startPairing', {});
    expect(code).toMatch(/^\d{6}$/);
    expect(Date.parse(expiresAt) - club.clock.now().getTime()).toBe(120_000);
    // only the hash of the code is stored
    const stored = club.core.database.prepare('SELECT code_hash FROM network_pairing_codes').pluck().all();
    expect(JSON.stringify(stored)).not.toContain(code);

    const r = pair(club, code, '水吧');
    if (!r.ok) throw new Error(r.code);
    // single use: the same code again is refused
    expect(pair(club, code, 'Intruder')).toEqual({ ok: false, code: 'PAIRING_CODE_WRONG' });
    // pending: the credential is known but not active
    expect(authenticateDevice(club.core.database, r.deviceId, r.secret)?.status).toBe('pending');
    expect(authenticateDevice(club.core.database, r.deviceId, 'x'.repeat(43))).toBeNull();
    const hashes = club.core.database.prepare('SELECT secret_hash FROM network_devices').pluck().all();
    expect(JSON.stringify(hashes)).not.toContain(r.secret);

    const args = { deviceId: r.deviceId, screens: ['bar' as const] };
    // reception's own PIN, a shift lead's PIN: no
    await expectError(
      club.call(desk.session, 'network.confirm', { ...args, authorization: auth('1234') }),
      'OVERRIDE_NOT_ALLOWED',
    );
    await expectError(
      club.call(desk.session, 'network.confirm', { ...args, authorization: auth('1235') }),
      'OVERRIDE_NOT_ALLOWED',
    );
    await expectError(
      club.call(desk.session, 'network.confirm', { ...args, authorization: auth('0000') }),
      'AUTH_PIN_WRONG',
    );
    // reception or a shift lead cannot revoke or change screens; the bar cannot even see
    const bar = await club.loginAs('bar', 'Bar Zhou');
    await expectError(club.call(bar.session, 'network.status', {}), 'FORBIDDEN');
    await expectError(club.call(bar.session, 'network.startPairing', {}), 'FORBIDDEN');
    expect(authenticateDevice(club.core.database, r.deviceId, r.secret)?.status).toBe('pending');

    // the customer-service manager's PIN at the desk: paired
    const d = await club.call(desk.session, 'network.confirm', { ...args, authorization: auth('1236') });
    expect(d).toMatchObject({ status: 'active', name: '水吧', screens: ['bar'], confirmedBy: 'CS Zhao' });
    await expectError(
      club.call(desk.session, 'network.confirm', { ...args, authorization: auth(MANAGER_PIN) }),
      'DEVICE_NOT_PENDING',
    );
    for (const s of [desk.session, lead.session]) {
      await expectError(club.call(s, 'network.revoke', { deviceId: r.deviceId }), 'FORBIDDEN');
      await expectError(
        club.call(s, 'network.setScreens', { deviceId: r.deviceId, screens: ['desk'] }),
        'FORBIDDEN',
      );
    }
    expect(authenticateDevice(club.core.database, r.deviceId, r.secret)?.status).toBe('active');
    await club.call(cs.session, 'network.setScreens', {
      deviceId: r.deviceId,
      screens: ['bar', 'consultants'],
    });
    const revoked = await club.call(cs.session, 'network.revoke', { deviceId: r.deviceId });
    expect(revoked.status).toBe('revoked');
    expect(authenticateDevice(club.core.database, r.deviceId, r.secret)?.status).toBe('revoked');
    await expectError(club.call('mgr', 'network.revoke', { deviceId: r.deviceId }), 'DEVICE_NOT_ACTIVE');
    // the database itself keeps a revoked device revoked
    expect(() =>
      club.core.database.prepare(`UPDATE network_devices SET status = 'active' WHERE id = ?`).run(r.deviceId),
    ).toThrow(/stays so/);
  });

  it('a code lasts two minutes and five wrong tries; a newer code replaces it; refusing is final', async () => {
    const { club, desk } = await setUp();
    await club.call('mgr', 'network.setEnabled', { enabled: true });
    let { code } = await club.call(desk.session, 'network.startPairing', {});
    club.clock.advance(120_001);
    expect(pair(club, code)).toEqual({ ok: false, code: 'PAIRING_CODE_WRONG' });

    ({ code } = await club.call(desk.session, 'network.startPairing', {}));
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect(pair(club, wrong).ok).toBe(false);
    // spent: the right code no longer pairs (and counts against no code)
    expect(pair(club, code)).toEqual({ ok: false, code: 'PAIRING_CODE_WRONG' });
    expect(
      club.core.database
        .prepare(`SELECT COUNT(*) FROM audit_log WHERE op = 'network.pairCodeWrong'`)
        .pluck()
        .get(),
    ).toBe(5);

    const old = (await club.call(desk.session, 'network.startPairing', {})).code;
    const fresh = (await club.call(desk.session, 'network.startPairing', {})).code;
    if (old !== fresh) expect(pair(club, old).ok).toBe(false);
    const r = pair(club, fresh, 'Tablet');
    if (!r.ok) throw new Error(r.code);
    expect((await club.call(desk.session, 'network.refuse', { deviceId: r.deviceId })).status).toBe(
      'refused',
    );
    await expectError(
      club.call(desk.session, 'network.confirm', {
        deviceId: r.deviceId,
        screens: ['desk'],
        authorization: auth(MANAGER_PIN),
      }),
      'DEVICE_NOT_PENDING',
    );
    // bad input changes nothing
    await expectError(
      club.call('mgr', 'network.setScreens', { deviceId: r.deviceId, screens: ['bar', 'bar'] }),
      'VALIDATION',
    );
    expect(pair(club, 'abc').ok).toBe(false);
  });

  it('screens decide the operations a station may call; the network is managed at the host only', () => {
    expect(opAllowedOn(['bar'], 'bar.sell')).toBe(true);
    expect(opAllowedOn(['bar'], 'checkin.inside')).toBe(true);
    expect(opAllowedOn(['bar'], 'session.login')).toBe(true);
    expect(opAllowedOn(['bar'], 'checkin.checkout')).toBe(false);
    expect(opAllowedOn(['bar'], 'shift.close')).toBe(false);
    expect(opAllowedOn(['consultants'], 'visitors.list')).toBe(true);
    expect(opAllowedOn(['consultants'], 'bar.sell')).toBe(false);
    expect(opAllowedOn(['desk'], 'checkin.checkout')).toBe(true);
    expect(opAllowedOn(['desk', 'manager'], 'network.revoke')).toBe(false);
  });

  it('the host identity is made once, kept 0600, and its fingerprint shown', async () => {
    const { club } = await setUp();
    expect((await club.call('mgr', 'network.status', {})).fingerprint).toBeNull();
    const id = await ensureIdentity(club.dataDir);
    const again = await ensureIdentity(club.dataDir);
    expect(again.fingerprint).toBe(id.fingerprint);
    expect(id.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const key = path.join(club.dataDir, 'network', 'host-key.pem');
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    expect((await club.call('mgr', 'network.status', {})).fingerprint).toBe(id.fingerprint);
  });
});
