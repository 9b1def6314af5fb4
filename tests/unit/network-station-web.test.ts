/**
 * The station side of the app (issue 15), with real processes: a host (`npm run web`, bundled here
 * with esbuild) and a station web process (the same entry point with --station) whose loopback
 * server forwards the renderer's calls and change events to the paired host. Checked: pairing
 * through the station's own loopback endpoints (the code, the name, a manager's confirmation at the
 * host); the station's data folder keeps the pairing and no database; a staff login and a bar sale
 * through the station seen at the desk; the host's change events on the station's event stream;
 * the link state when the host is killed (commands refused at once, said plainly) and back (the
 * station reconnects by itself). Every wait is bounded.
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
  name: string | null;
}

describe('the station side of the app: a station web process forwarding to its host', () => {
  let club: Club;
  let hostDir: string;
  let stationDir: string;
  let lanPort: number;
  let host: WebProc;
  let station: WebProc;
  let desk: Browser;
  let bar: Browser;

  const startHost = () => host.start(/stations join at/);

  beforeAll(async () => {
    WEB_JS = await buildWeb('net-web-station');
    hostDir = tempDir('netweb-host');
    stationDir = tempDir('netweb-station');
    club = await makeHostClub(hostDir);
    lanPort = await freePort();
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
    await startHost();
    desk = new Browser(host);
    await desk.must('session.login', { staffId: club.staff.manager, pin: MANAGER_PIN });
    station = new WebProc(WEB_JS, ['--station', '--data-dir', stationDir, '--port', '0']);
    await station.start(/\(station\)/);
    bar = new Browser(station);
  }, 60_000);

  afterAll(async () => {
    await station?.kill();
    await host?.kill();
  });

  it('pairs through its own loopback endpoints and keeps only the pairing', async () => {
    expect(await bar.get<State>('/station/state')).toMatchObject({ stage: 'unpaired', link: 'disconnected' });
    // nothing reaches a host before pairing
    expect(await bar.call('system.status', {})).toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_LOST' },
    });
    // a wrong code: refused with the host's reason
    expect(
      await bar.post('/station/pair', { hostUrl: `127.0.0.1:${lanPort}`, code: '000000', name: '水吧' }),
    ).toMatchObject({ ok: false });
    // another site's page cannot pair it
    const res = await fetch(new URL('/station/pair', station.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: JSON.stringify({ hostUrl: `127.0.0.1:${lanPort}`, code: '123456', name: 'x' }),
    });
    expect(res.status).toBe(403);

    const code = (await desk.must<{ code: string }>('network.startPairing', {})).code;
    const paired = await bar.post('/station/pair', { hostUrl: `127.0.0.1:${lanPort}`, code, name: '水吧' });
    expect(paired).toMatchObject({ ok: true, data: { stage: 'pending', name: '水吧' } });
    const devices = (
      await desk.must<{ devices: { id: number; name: string; status: string }[] }>('network.status', {})
    ).devices;
    const device = devices.find((d) => d.name === '水吧')!;
    expect(device.status).toBe('pending');
    await desk.must('network.confirm', {
      deviceId: device.id,
      screens: ['bar'],
      authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Bar counter' },
    });
    await until('the station to see the confirmation and connect', 10_000, async () => {
      const s = await bar.get<State>('/station/state');
      return s.stage === 'active' && s.link === 'connected' ? s : undefined;
    });
    expect(fs.readdirSync(stationDir)).toEqual(['station.json']);
    expect(fs.existsSync(path.join(stationDir, DB_FILE))).toBe(false);
  }, 30_000);

  it('forwards a login and a bar sale to the host; the desk sees it; the host’s changes stream back', async () => {
    const status = await bar.must<{ state: string }>('system.status', {});
    expect(status.state).toBe('ready');
    // the staff log in with their PIN at the host: a wrong PIN is the host's refusal
    expect(await bar.call('session.login', { staffId: club.staff.bar, pin: '0000' })).toMatchObject({
      ok: false,
    });
    await bar.must('session.login', { staffId: club.staff.bar, pin: BAR_PIN });
    const events: string[] = [];
    const stream = await bar.listen(events);
    try {
      await bar.must('bar.sell', {
        visitId: club.visitId,
        items: [{ itemId: club.itemId, quantity: 2 }],
        opId: 'station-web-sale-01',
      });
      const preview = await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 });
      expect(preview.tabCents).toBe(1600);
      // a change made at the desk reaches the station's browser
      await desk.must('bar.receive', { itemId: club.itemId, quantity: 1 });
      await until('the station to hear the desk', 3_000, () =>
        events.includes('bar.receive') ? true : undefined,
      );
      // the bar station's screens: the desk's operations are refused by the host
      expect(await bar.call('members.search', { query: 'K1001' })).toMatchObject({ ok: false });
    } finally {
      stream.destroy();
    }
  }, 30_000);

  it('says the link is down when the host dies, takes no new work, and reconnects by itself', async () => {
    await host.kill();
    await until('the station to notice', 15_000, async () =>
      (await bar.get<State>('/station/state')).link === 'disconnected' ? true : undefined,
    );
    const t = Date.now();
    expect(
      await bar.call('bar.sell', {
        visitId: club.visitId,
        items: [{ itemId: club.itemId, quantity: 1 }],
        opId: 'station-web-sale-02',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONNECTION_LOST', params: { reason: 'offline' } } });
    expect(Date.now() - t).toBeLessThan(1_000);

    await startHost();
    await until('the station to reconnect', 15_000, async () =>
      (await bar.get<State>('/station/state')).link === 'connected' ? true : undefined,
    );
    // the host's sessions ended with it: the barman logs in again and sells
    await bar.must('session.login', { staffId: club.staff.bar, pin: BAR_PIN });
    await bar.must('bar.sell', {
      visitId: club.visitId,
      items: [{ itemId: club.itemId, quantity: 1 }],
      opId: 'station-web-sale-03',
    });
    desk = new Browser(host);
    await desk.must('session.login', { staffId: club.staff.manager, pin: MANAGER_PIN });
    expect(
      (await desk.must<{ tabCents: number }>('checkin.checkoutPreview', { tagNumber: 5 })).tabCents,
    ).toBe(2400);
  }, 45_000);

  it('a first start that chooses to join a club’s front desk becomes a station and drops its empty database', async () => {
    const dir = tempDir('netweb-join');
    const fresh = new WebProc(WEB_JS, ['--data-dir', dir, '--port', '0', '--lan-port', '0', '--no-mdns']);
    await fresh.start(/Data folder/);
    try {
      const b = new Browser(fresh);
      expect((await b.must<{ state: string }>('system.status', {})).state).toBe('setup');
      // a host has no station state
      expect((await fetch(new URL('/station/state', fresh.url))).status).toBe(404);
      expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(true);
      const code = (await desk.must<{ code: string }>('network.startPairing', {})).code;
      expect(
        await b.post('/station/pair', { hostUrl: `https://127.0.0.1:${lanPort}`, code, name: '经理办公室' }),
      ).toMatchObject({ ok: true, data: { stage: 'pending', name: '经理办公室' } });
      expect(await b.get<State>('/station/state')).toMatchObject({ stage: 'pending' });
      expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'station.json'))).toBe(true);
      // not yet confirmed: nothing is forwarded
      expect(await b.call('system.status', {})).toMatchObject({
        ok: false,
        error: { code: 'CONNECTION_LOST' },
      });
    } finally {
      await fresh.kill();
    }
  }, 30_000);
});
