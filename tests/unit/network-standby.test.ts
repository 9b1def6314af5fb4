/**
 * The standby copy end to end (issue 15), with real processes: a host (`npm run web`, bundled here
 * with esbuild), a standby station and a bar station (the same entry point with --station), each
 * with its own data folder and ports. Checked: both pair; a manager marks the standby with a PIN; a
 * verified copy arrives (the host's `network.standbyAge`); a bar sale; "Copy now"; the host is
 * SIGKILLed; a wrong PIN is refused at the standby; the manager's PIN promotes it (its loopback
 * server serves the core from then on, the club network listens); a login there shows the sale; the
 * bar station follows the promoted standby by itself and a new sale is recorded there. Every wait is
 * bounded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core/db/database';
import { tempDir } from './helpers';
import { freePort, until } from '../support/net';
import {
  BAR_PIN,
  Browser,
  buildWeb,
  type Club,
  MANAGER_PIN,
  makeHostClub,
  WebProc,
} from '../support/club-net';

let WEB_JS = '';
interface State {
  stage: string;
  link: string;
  hostUrl: string | null;
  standby: { isStandby: boolean; takenAt: string | null; verifiedAt: string | null } | null;
}

interface Age {
  configured: boolean;
  minutes: number;
  takenAt: string | null;
  verifiedAt: string | null;
}

describe('the standby copy: made, verified, promoted, and followed', () => {
  let club: Club;
  let hostDir: string;
  let standbyDir: string;
  let barDir: string;
  let lanPort: number;
  let standbyLanPort: number;
  let host: WebProc;
  let standby: WebProc;
  let barStation: WebProc;
  let desk: Browser;
  let office: Browser;
  let bar: Browser;

  beforeAll(async () => {
    WEB_JS = await buildWeb('net-web-standby');
    hostDir = tempDir('standby-host');
    standbyDir = tempDir('standby-office');
    barDir = tempDir('standby-bar');
    club = await makeHostClub(hostDir);
    lanPort = await freePort();
    standbyLanPort = await freePort();
    host = new WebProc(WEB_JS, [
      '--data-dir',
      hostDir,
      '--port',
      '0',
      '--lan-port',
      String(lanPort),
      '--lan-host',
      '127.0.0.1',
      '--no-mdns',
    ]);
    await host.start(/stations join at/);
    desk = new Browser(host);
    await desk.must('session.login', { staffId: club.staff.manager, pin: MANAGER_PIN });
    standby = new WebProc(WEB_JS, [
      '--station',
      '--data-dir',
      standbyDir,
      '--port',
      '0',
      '--lan-host',
      '127.0.0.1',
      '--lan-port',
      String(standbyLanPort),
      '--no-mdns',
    ]);
    barStation = new WebProc(WEB_JS, ['--station', '--data-dir', barDir, '--port', '0']);
    await Promise.all([standby.start(/\(station\)/), barStation.start(/\(station\)/)]);
    office = new Browser(standby);
    bar = new Browser(barStation);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([standby?.kill(), barStation?.kill(), host?.kill()]);
  });

  /** Pairs a station through its loopback endpoints; a manager confirms it at the desk. */
  async function pair(b: Browser, name: string, screens: string[]): Promise<number> {
    const code = (await desk.must<{ code: string }>('network.startPairing', {})).code;
    expect(await b.post('/station/pair', { hostUrl: `127.0.0.1:${lanPort}`, code, name })).toMatchObject({
      ok: true,
    });
    const devices = (await desk.must<{ devices: { id: number; name: string }[] }>('network.status', {}))
      .devices;
    const id = devices.find((d) => d.name === name)!.id;
    await desk.must('network.confirm', {
      deviceId: id,
      screens,
      authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: name },
    });
    await until(`${name} to connect`, 10_000, async () => {
      const s = await b.get<State>('/station/state');
      return s.stage === 'active' && s.link === 'connected' ? s : undefined;
    });
    return id;
  }

  let standbyId: number;
  let firstCopy: Age;

  it('pairs both stations; a manager marks the standby; a verified copy arrives', async () => {
    standbyId = await pair(office, '经理办公室', ['manager']);
    await pair(bar, '水吧', ['bar']);
    expect((await desk.must<Age>('network.standbyAge', {})).configured).toBe(false);
    // nobody is the standby yet: the office keeps no copy
    expect((await office.get<State>('/station/state')).standby).toBeNull();
    await desk.must('network.setStandby', {
      deviceId: standbyId,
      authorization: { pin: MANAGER_PIN, reason: 'Manager office PC' },
    });
    firstCopy = await until('a verified copy at the host', 20_000, async () => {
      const a = await desk.must<Age>('network.standbyAge', {});
      return a.verifiedAt ? a : undefined;
    });
    expect(firstCopy).toMatchObject({ configured: true, minutes: 5 });
    const s = await office.get<State>('/station/state');
    expect(s.standby).toMatchObject({ isStandby: true, takenAt: firstCopy.takenAt });
    expect(fs.existsSync(path.join(standbyDir, 'standby', 'club.sqlite3'))).toBe(true);
    // the office became a host-to-be: its own identity; still no club database of its own
    expect(fs.existsSync(path.join(standbyDir, 'network', 'host-cert.pem'))).toBe(true);
    expect(fs.existsSync(path.join(standbyDir, DB_FILE))).toBe(false);
    // the bar station learns where the standby is (to follow it)
    await until('the bar station to know the standby', 10_000, () => {
      const c = JSON.parse(fs.readFileSync(path.join(barDir, 'station.json'), 'utf8')) as {
        standby?: { deviceId: number; url: string } | null;
      };
      return c.standby?.deviceId === standbyId ? c.standby : undefined;
    });
    // and is no standby itself
    expect((await bar.get<State>('/station/state')).standby).toBeNull();
    // a station that is not the standby cannot promote itself
    expect(await bar.post('/station/promote', { pin: MANAGER_PIN })).toMatchObject({
      ok: false,
      error: { code: 'NOT_STANDBY' },
    });
  }, 60_000);

  it('a bar sale, then "Copy now" carries it; the host dies; a wrong PIN is refused; the manager promotes', async () => {
    await bar.must('session.login', { staffId: club.staff.bar, pin: BAR_PIN });
    await bar.must('bar.sell', {
      visitId: club.visitId,
      items: [{ itemId: club.itemId, quantity: 2 }],
      opId: 'standby-sale-01',
    });
    // while the desk answers, promoting is refused (two front desks would split the records)
    expect(await office.post('/station/promote', { pin: MANAGER_PIN })).toMatchObject({
      ok: false,
      error: { code: 'HOST_REACHABLE' },
    });
    const copied = await office.post('/station/standby/refresh', {});
    expect(copied).toMatchObject({ ok: true, data: { isStandby: true } });
    const age = await desk.must<Age>('network.standbyAge', {});
    expect(age.takenAt! > firstCopy.takenAt!).toBe(true);
    expect(age.verifiedAt).not.toBeNull();

    await host.kill();
    await until('the standby to notice', 15_000, async () =>
      (await office.get<State>('/station/state')).link === 'disconnected' ? true : undefined,
    );
    expect(await office.post('/station/promote', { pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_WRONG' },
    });
    // the barman's PIN is no manager's
    expect(await office.post('/station/promote', { pin: BAR_PIN })).toMatchObject({
      ok: false,
      error: { code: 'PIN_WRONG' },
    });
    expect(fs.existsSync(path.join(standbyDir, DB_FILE))).toBe(false);
    expect(await office.post('/station/promote', { pin: MANAGER_PIN })).toMatchObject({
      ok: true,
      data: { promoted: true },
    });
    expect(fs.existsSync(path.join(standbyDir, 'station.json'))).toBe(false);
    expect(fs.existsSync(path.join(standbyDir, 'station.promoted.json'))).toBe(true);
    // the front desk now: no station endpoints; staff log in again and see the sale
    expect((await fetch(new URL('/station/state', standby.url))).status).toBe(404);
    const newDesk = new Browser(standby);
    await newDesk.must('session.login', { staffId: club.staff.manager, pin: MANAGER_PIN });
    expect(
      (await newDesk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 })).tabCents,
    ).toBe(1600);
    // the promotion is in the audit log with the manager who promoted
    const audit = await newDesk.must<{ rows: { op: string; staffId: number | null }[] }>('audit.search', {
      q: 'network.promoted',
      limit: 10,
    });
    expect(audit.rows.find((e) => e.op === 'network.promoted')).toMatchObject({
      staffId: club.staff.manager,
    });
    desk = newDesk;
  }, 90_000);

  it('the bar station follows the promoted standby by itself and sells there', async () => {
    const url = `https://127.0.0.1:${standbyLanPort}`;
    await until('the bar station to follow', 40_000, async () => {
      const s = await bar.get<State>('/station/state');
      return s.hostUrl === url && s.link === 'connected' ? s : undefined;
    });
    const c = JSON.parse(fs.readFileSync(path.join(barDir, 'station.json'), 'utf8')) as {
      hostUrl: string;
      previousHost?: string;
    };
    expect(c).toMatchObject({ hostUrl: url, previousHost: `https://127.0.0.1:${lanPort}` });
    await bar.must('session.login', { staffId: club.staff.bar, pin: BAR_PIN });
    await bar.must('bar.sell', {
      visitId: club.visitId,
      items: [{ itemId: club.itemId, quantity: 1 }],
      opId: 'standby-sale-02',
    });
    expect(
      (await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 })).tabCents,
    ).toBe(2400);
  }, 60_000);
});
