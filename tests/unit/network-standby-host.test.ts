/**
 * The standby copy at the host (issue 15): the managers' operations (mark an active station as the
 * standby with a manager's PIN, the interval, the age every station may read) and the club network
 * listener's standby endpoints, in-process over real TLS with stations paired through the core's own
 * pairing functions. Checked: the lowest roles cannot mark a standby or change the interval, a
 * non-manager's PIN is refused, only an active device can be the standby and revoking it ends the
 * role; the snapshot goes only to the standby (unpaired, revoked and other stations refused), its
 * SHA-256 header matches the body, the body opens as a SQLite file whose quick_check is ok, one
 * snapshot at a time and one per 20 s; `verified` marks the copy (only a copy the host sent) so that
 * `network.standbyAge` shows it and the peers answer gives the standby's address and certificate.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db';
import {
  ensureIdentity,
  fingerprintOf,
  opAllowedOn,
  requestPairing,
} from '../../electron/core/areas/network';
import { openReadOnly } from '../../electron/core/db/database';
import { writeTransaction } from '../../electron/core/kernel/dispatch';
import { startLanHost } from '../../electron/server/lan';
import { expectError, MANAGER_PIN, makeClub, tempDir, type TestClub } from './helpers';

const auth = (pin: string) => ({ pin, reason: 'Manager office PC' });

/** A station paired and confirmed (or left pending) through the core's own pairing functions. */
async function pairStation(club: TestClub, name: string, confirm = true) {
  const { code } = await club.call('mgr', 'network.startPairing', {});
  const r = writeTransaction(club.core.database, () =>
    requestPairing(club.core.database, club.clock.now(), { code, name, address: '127.0.0.1' }),
  );
  if (!r.ok) throw new Error(r.code);
  if (confirm)
    await club.call('mgr', 'network.confirm', {
      deviceId: r.deviceId,
      screens: ['bar'],
      authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'New station' },
    });
  return { id: r.deviceId, secret: r.secret };
}

type Device = { id: number; secret: string } | null;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: () => { ok: boolean; data?: unknown; error?: { code: string } };
}

async function makeHost() {
  const club = await makeClub();
  await club.call('mgr', 'network.setEnabled', { enabled: true });
  const identity = await ensureIdentity(club.dataDir);
  const lan = await startLanHost({ core: club.core, identity, host: '127.0.0.1', port: 0, mdns: false });
  const base = lan.url()!;

  /** A request to the listener, pinned to the host's certificate; `hold` keeps the body unread. */
  function send(
    device: Device,
    method: string,
    p: string,
    opts: { body?: string | Buffer; headers?: Record<string, string>; hold?: Promise<void> } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL(p, base),
        {
          method,
          agent: false,
          ca: identity.cert,
          checkServerIdentity: () => undefined,
          headers: {
            ...(device ? { 'x-fd-device': String(device.id), 'x-fd-secret': device.secret } : {}),
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...opts.headers,
          },
        },
        (res) => {
          res.pause();
          const chunks: Buffer[] = [];
          void (opts.hold ?? Promise.resolve()).then(() => {
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const body = Buffer.concat(chunks);
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body,
                json: () => JSON.parse(body.toString('utf8')) as ReturnType<Answer['json']>,
              });
            });
            res.resume();
          });
        },
      );
      req.on('error', reject);
      req.end(opts.body);
    });
  }
  const code = (a: Answer) => a.json().error?.code;
  return { club, lan, send, code };
}

async function stationCert(): Promise<string> {
  const pems = await generate([{ name: 'commonName', value: 'Front Desk club host' }], {
    keyType: 'ec',
    curve: 'P-256',
  });
  return pems.cert;
}

describe('standby at the host: the managers’ operations', () => {
  it('a manager marks an active station with a manager’s PIN; the lowest roles cannot', async () => {
    const club = await makeClub();
    await club.call('mgr', 'network.setEnabled', { enabled: true });
    const desk = await club.loginAs('reception', 'Desk Li');
    const lead = await club.loginAs('shift_lead', 'Lead Chen');
    const bar = await club.loginAs('bar', 'Bar Zhou');
    const cs = await club.loginAs('cs_manager', 'CS Zhao');
    const office = await pairStation(club, '经理办公室');
    const pending = await pairStation(club, 'Tablet', false);
    const gone = await pairStation(club, 'Old PC');
    await club.call('mgr', 'network.revoke', { deviceId: gone.id });

    const age = await club.call(bar.session, 'network.standbyAge', {});
    expect(age).toEqual({ configured: false, minutes: 5, takenAt: null, verifiedAt: null });
    // reception, the bar, a shift lead: not even with a manager's PIN
    for (const s of [desk.session, bar.session, lead.session]) {
      await expectError(
        club.call(s, 'network.setStandby', { deviceId: office.id, authorization: auth(MANAGER_PIN) }),
        'FORBIDDEN',
      );
      await expectError(club.call(s, 'network.setStandbyMinutes', { minutes: 1 }), 'FORBIDDEN');
    }
    // a manager logged in, but a receptionist's PIN (no supervisor's), a shift lead's, a wrong PIN: no
    await expectError(
      club.call(cs.session, 'network.setStandby', { deviceId: office.id, authorization: auth('1234') }),
      'AUTH_PIN_WRONG',
    );
    await expectError(
      club.call(cs.session, 'network.setStandby', { deviceId: office.id, authorization: auth('1235') }),
      'OVERRIDE_NOT_ALLOWED',
    );
    await expectError(
      club.call(cs.session, 'network.setStandby', { deviceId: office.id, authorization: auth('0000') }),
      'AUTH_PIN_WRONG',
    );
    // only an active device
    for (const id of [pending.id, gone.id])
      await expectError(
        club.call(cs.session, 'network.setStandby', { deviceId: id, authorization: auth(MANAGER_PIN) }),
        'DEVICE_NOT_ACTIVE',
      );
    await expectError(
      club.call(cs.session, 'network.setStandby', { deviceId: 999, authorization: auth(MANAGER_PIN) }),
      'NOT_FOUND',
    );
    expect((await club.call('mgr', 'network.status', {})).standby).toBeNull();

    // the manager's own PIN at the customer-service manager's session: marked, signed by the PIN's owner
    const info = await club.call(cs.session, 'network.setStandby', {
      deviceId: office.id,
      authorization: auth(MANAGER_PIN),
    });
    expect(info).toEqual({
      deviceId: office.id,
      name: '经理办公室',
      minutes: 5,
      url: null,
      fingerprint: null,
      newestCopy: null,
    });
    const row = club.core.database
      .prepare<[], { staff_id: number; after_json: string }>(
        `SELECT staff_id, after_json FROM audit_log WHERE op = 'network.setStandby'`,
      )
      .get()!;
    expect(row.staff_id).toBe(cs.staffId);
    expect(JSON.parse(row.after_json)).toMatchObject({ standby: '经理办公室', authorizedBy: club.managerId });
    expect(await club.call(desk.session, 'network.standbyAge', {})).toEqual({
      configured: true,
      minutes: 5,
      takenAt: null,
      verifiedAt: null,
    });

    // the interval: 1..60 whole minutes
    for (const minutes of [0, 61, 1.5])
      await expectError(club.call(cs.session, 'network.setStandbyMinutes', { minutes }), 'VALIDATION');
    expect((await club.call(cs.session, 'network.setStandbyMinutes', { minutes: 10 }))?.minutes).toBe(10);
    expect((await club.call(bar.session, 'network.standbyAge', {})).minutes).toBe(10);

    // the club network off: nothing to show
    await club.call('mgr', 'network.setEnabled', { enabled: false });
    expect((await club.call(bar.session, 'network.standbyAge', {})).configured).toBe(false);
    await club.call('mgr', 'network.setEnabled', { enabled: true });

    // null ends it; revoking the standby ends it too
    expect(
      await club.call(cs.session, 'network.setStandby', { deviceId: null, authorization: auth(MANAGER_PIN) }),
    ).toBeNull();
    await club.call(cs.session, 'network.setStandby', {
      deviceId: office.id,
      authorization: auth(MANAGER_PIN),
    });
    await club.call(cs.session, 'network.revoke', { deviceId: office.id });
    expect((await club.call('mgr', 'network.status', {})).standby).toBeNull();
    expect((await club.call(bar.session, 'network.standbyAge', {})).configured).toBe(false);
  });

  it('every station may read the age; nothing else of the network', () => {
    for (const screens of [['bar'], ['consultants'], ['manager']] as const) {
      expect(opAllowedOn(screens, 'network.standbyAge')).toBe(true);
      expect(opAllowedOn(screens, 'network.status')).toBe(false);
      expect(opAllowedOn(screens, 'network.setStandby')).toBe(false);
    }
  });
});

describe('standby at the host: the club network endpoints', () => {
  it('sends the snapshot only to the standby, one at a time; verified marks it; peers tell where it is', async () => {
    const { club, lan, send, code } = await makeHost();
    try {
      const office = await pairStation(club, '经理办公室');
      const bar = await pairStation(club, '水吧');
      const pending = await pairStation(club, 'Tablet', false);
      const gone = await pairStation(club, 'Old PC');
      await club.call('mgr', 'network.revoke', { deviceId: gone.id });

      // no standby yet: none may take a snapshot; peers know none
      let a = await send(office, 'GET', '/network/peers');
      expect(a.json()).toEqual({ ok: true, data: { standby: null, minutes: 5 } });
      expect(code(await send(office, 'GET', '/standby/snapshot'))).toBe('NOT_STANDBY');

      await club.call('mgr', 'network.setStandby', { deviceId: office.id, authorization: auth(MANAGER_PIN) });
      // refused: unpaired, a wrong credential, pending, revoked, another station
      a = await send(null, 'GET', '/standby/snapshot');
      expect([a.status, code(a)]).toEqual([401, 'UNAUTHENTICATED']);
      a = await send({ id: office.id, secret: bar.secret }, 'GET', '/standby/snapshot');
      expect([a.status, code(a)]).toEqual([401, 'UNAUTHENTICATED']);
      for (const d of [pending, gone]) {
        a = await send(d, 'GET', '/standby/snapshot');
        expect([a.status, code(a)]).toEqual([401, 'DEVICE_NOT_ACTIVE']);
        expect((await send(d, 'GET', '/network/peers')).status).toBe(401);
      }
      a = await send(bar, 'GET', '/standby/snapshot');
      expect([a.status, code(a)]).toEqual([403, 'NOT_STANDBY']);
      expect(club.core.database.prepare('SELECT COUNT(*) FROM network_standby_copies').pluck().get()).toBe(0);

      // a big database, so that a snapshot is still being sent while another is asked for
      club.core.database.exec('CREATE TABLE filler (x BLOB) STRICT');
      club.core.database.prepare('INSERT INTO filler VALUES (?)').run(crypto.randomBytes(24 * 1024 * 1024));
      let release!: () => void;
      const hold = new Promise<void>((r) => (release = r));
      const first = send(office, 'GET', '/standby/snapshot', { hold });
      await until(
        () => club.core.database.prepare('SELECT COUNT(*) FROM network_standby_copies').pluck().get() === 1,
      );
      a = await send(office, 'GET', '/standby/snapshot');
      expect([a.status, code(a)]).toEqual([429, 'BUSY']);
      release();
      const snap = await first;
      expect(snap.status).toBe(200);
      expect(snap.headers['content-type']).toBe('application/octet-stream');
      const sha = crypto.createHash('sha256').update(snap.body).digest('hex');
      expect(snap.headers['x-fd-sha256']).toBe(sha);
      expect(Number(snap.headers['content-length'])).toBe(snap.body.length);
      expect(Number(snap.headers['x-fd-user-version'])).toBe(migrations.length);
      const takenAt = snap.headers['x-fd-taken-at'] as string;
      expect(takenAt).toBe(club.clock.now().toISOString());
      // the body is the club's database: quick_check ok, the stations in it
      const dir = tempDir('standby-copy');
      const file = path.join(dir, 'copy.sqlite3');
      fs.writeFileSync(file, snap.body);
      const copy = openReadOnly(file);
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT name FROM network_devices ORDER BY id').pluck().all()).toContain(
        '经理办公室',
      );
      copy.close();
      // the temp file in the host's data folder is gone
      await until(() => !fs.readdirSync(club.dataDir).some((f) => f.startsWith('standby-snapshot-')));
      // one per 20 seconds
      a = await send(office, 'GET', '/standby/snapshot');
      expect([a.status, code(a)]).toEqual([429, 'RATE_LIMITED']);
      expect(
        club.core.database
          .prepare('SELECT device_id, bytes, sha256, verified_at FROM network_standby_copies')
          .all(),
      ).toEqual([{ device_id: office.id, bytes: snap.body.length, sha256: sha, verified_at: null }]);
      // not verified yet: no age
      expect((await club.call('mgr', 'network.standbyAge', {})).takenAt).toBeNull();

      // verified: only by the standby, only a copy the host sent, with a certificate
      const certPem = await stationCert();
      const report = (sha256: string, cert = certPem) =>
        JSON.stringify({ sha256, url: 'https://127.0.0.1:5175', certPem: cert });
      a = await send(bar, 'POST', '/standby/verified', { body: report(sha) });
      expect([a.status, code(a)]).toEqual([403, 'NOT_STANDBY']);
      a = await send(office, 'POST', '/standby/verified', { body: report('0'.repeat(64)) });
      expect([a.status, code(a)]).toEqual([404, 'UNKNOWN_COPY']);
      const bogus = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
      a = await send(office, 'POST', '/standby/verified', { body: report(sha, bogus) });
      expect([a.status, code(a)]).toEqual([400, 'VALIDATION']);
      a = await send(office, 'POST', '/standby/verified', { body: report(sha, 'x'.repeat(20_000)) });
      expect(a.status).toBe(413);
      expect(
        club.core.database.prepare('SELECT verified_at FROM network_standby_copies').pluck().get(),
      ).toBeNull();

      const events: string[] = [];
      const off = club.core.onChange((e) => events.push(e.op));
      club.clock.advance(4_000);
      a = await send(office, 'POST', '/standby/verified', { body: report(sha) });
      expect(a.json()).toEqual({ ok: true, data: {} });
      off();
      expect(events).toContain('network.standbyCopy');
      expect(await club.call('mgr', 'network.standbyAge', {})).toEqual({
        configured: true,
        minutes: 5,
        takenAt,
        verifiedAt: club.clock.now().toISOString(),
      });
      const fingerprint = fingerprintOf(certPem);
      expect((await club.call('mgr', 'network.status', {})).standby).toMatchObject({
        url: 'https://127.0.0.1:5175',
        fingerprint,
        newestCopy: { takenAt, bytes: snap.body.length },
      });
      // every active station learns where the standby is
      for (const d of [bar, office])
        expect((await send(d, 'GET', '/network/peers')).json()).toEqual({
          ok: true,
          data: {
            standby: { deviceId: office.id, url: 'https://127.0.0.1:5175', certPem, fingerprint },
            minutes: 5,
          },
        });
      // the same report again is fine and audited once
      expect((await send(office, 'POST', '/standby/verified', { body: report(sha) })).status).toBe(200);
      expect(
        club.core.database
          .prepare(`SELECT COUNT(*) FROM audit_log WHERE op = 'network.standbyIdentity'`)
          .pluck()
          .get(),
      ).toBe(1);

      // attachments by hash, only to the standby
      const bytes = Buffer.from('a photo of the broken shower');
      const hash = crypto.createHash('sha256').update(bytes).digest('hex');
      fs.mkdirSync(path.join(club.dataDir, 'attachments'), { recursive: true });
      fs.writeFileSync(path.join(club.dataDir, 'attachments', hash), bytes);
      a = await send(office, 'GET', `/standby/attachments/${hash}`);
      expect([a.status, a.body.equals(bytes)]).toEqual([200, true]);
      expect(code(await send(bar, 'GET', `/standby/attachments/${hash}`))).toBe('NOT_STANDBY');
      expect((await send(office, 'GET', `/standby/attachments/${'1'.repeat(64)}`)).status).toBe(404);
      expect((await send(office, 'GET', '/standby/attachments/..%2Ffrontdesk.sqlite3')).status).toBe(404);

      // revoked: its role ends, peers know no standby, it is refused
      await club.call('mgr', 'network.revoke', { deviceId: office.id });
      expect((await send(bar, 'GET', '/network/peers')).json()).toEqual({
        ok: true,
        data: { standby: null, minutes: 5 },
      });
      expect((await send(office, 'GET', '/standby/snapshot')).status).toBe(401);
      expect((await club.call('mgr', 'network.standbyAge', {})).configured).toBe(false);
    } finally {
      await lan.close();
    }
  });

  it('a standby that goes away while its snapshot is made frees it; nothing recorded, the temp file goes', async () => {
    const { club, lan, send, code } = await makeHost();
    try {
      const office = await pairStation(club, '经理办公室');
      await club.call('mgr', 'network.setStandby', { deviceId: office.id, authorization: auth(MANAGER_PIN) });
      club.core.database.exec('CREATE TABLE filler (x BLOB) STRICT');
      club.core.database.prepare('INSERT INTO filler VALUES (?)').run(crypto.randomBytes(24 * 1024 * 1024));
      // the standby drops the link while the host is still making the copy
      const cert = fs.readFileSync(path.join(club.dataDir, 'network', 'host-cert.pem'), 'utf8');
      const req = https.request(new URL('/standby/snapshot', lan.url()!), {
        agent: false,
        ca: cert,
        checkServerIdentity: () => undefined,
        headers: { 'x-fd-device': String(office.id), 'x-fd-secret': office.secret },
      });
      let answered = false;
      req.on('response', () => (answered = true));
      req.on('error', () => undefined);
      req.end();
      const making = () => fs.readdirSync(club.dataDir).some((f) => f.startsWith('standby-snapshot-'));
      await until(making, 10_000, 1);
      req.destroy();
      expect(answered).toBe(false);
      await until(() => !fs.readdirSync(club.dataDir).some((f) => f.startsWith('standby-snapshot-')));
      // not busy any more: the next one is refused only for coming within 20 s
      const a = await send(office, 'GET', '/standby/snapshot');
      expect([a.status, code(a)]).toEqual([429, 'RATE_LIMITED']);
      // nothing was sent: no copy recorded
      expect(club.core.database.prepare('SELECT COUNT(*) FROM network_standby_copies').pluck().get()).toBe(0);
    } finally {
      await lan.close();
    }
  });

  it('a bar station reads the age through the club network; the network’s management stays at the host', async () => {
    const { club, lan, send } = await makeHost();
    try {
      const bar = await pairStation(club, '水吧');
      const barman = await club.loginAs('bar', 'Bar Zhou', '3333');
      const login = await send(bar, 'POST', '/api/session.login', {
        body: JSON.stringify({ staffId: barman.staffId, pin: '3333' }),
      });
      expect(login.json().ok).toBe(true);
      const session = login.headers['x-fd-session'] as string;
      const a = await send(bar, 'POST', '/api/network.standbyAge', {
        body: '{}',
        headers: { 'x-fd-session': session },
      });
      expect(a.json()).toEqual({
        ok: true,
        data: { configured: false, minutes: 5, takenAt: null, verifiedAt: null },
      });
      const s = await send(bar, 'POST', '/api/network.status', {
        body: '{}',
        headers: { 'x-fd-session': session },
      });
      expect([s.status, s.json().error?.code]).toEqual([403, 'FORBIDDEN']);
    } finally {
      await lan.close();
    }
  });
});

async function until(probe: () => boolean, ms = 10_000, every = 20): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, every));
  }
}
