/**
 * The desktop app joins the club network from its first start (issue 15), driven through the
 * shell stand-in (tests/shell/electron-standin.ts: the real built main process and preload, the
 * window a Chromium page). The host is a real core and its LAN listener in this process, on
 * 127.0.0.1 and a port of its own. The window's join screen sends the host's address, the code and
 * the name over the station's IPC channels; wrong ones are refused without pairing; the manager
 * confirms with the PIN at the host; the window's first-start database goes, its barman logs in at
 * the host and reads the host's drinks; when the host stops, the window is told and shows the link
 * banner; the host back, the banner goes.
 *
 * The second test: a desktop station made the standby keeps a checked copy; the host dies; the
 * banner's "make this computer the front desk" with a wrong PIN is refused, with the manager's PIN
 * the desktop becomes the club's host — its windows served by the core opened on the copy (the
 * barman logs in and sells the host's drink) and its own club network listening (on 127.0.0.1, no
 * mDNS: `--lan-host`, `--no-mdns`).
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { Core } from '../../electron/core/app';
import { ensureIdentity } from '../../electron/core/areas/network';
import { type LanHost, startLanHost } from '../../electron/server/lan';
import { exited, runMain, Standin } from '../shell/electron-standin';
import { freePort, must } from '../support/net';
import { tempDir } from '../support/temp';
import { shot, test } from './fixtures';
import { dictionary } from './i18n';
import { login } from './steps';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN_JS = path.join(ROOT, 'build', 'main', 'main.js');
const MANAGER_PIN = '9876';
const MGR = 'test-manager';

/** The club at the host: its manager, a barman, a drink; the club network on. */
async function openHost(dataDir: string): Promise<Core> {
  const core = await Core.open({ dataDir, dailyBackup: false });
  const call = <T>(op: string, args: unknown) => must<T>(core.call(MGR, op, args), op);
  await call('system.setup', {
    clubName: 'Riverside Fitness',
    timeZone: 'Asia/Shanghai',
    language: 'en',
    staffArriveTime: '00:00',
    openTime: '00:00',
    closeTime: '23:59',
    tagCount: 10,
    manager: { name: 'Wang', pin: MANAGER_PIN, gender: 'female' },
  });
  const staff = await call<{ id: number }[]>('session.staffList', {});
  await call('session.login', { staffId: staff[0]!.id, pin: MANAGER_PIN });
  await call('staff.create', { name: 'Zoe', role: 'bar', pin: '3579', gender: 'female' });
  await call('bar.itemCreate', { name: 'Orange juice', category: 'Juice', priceCents: 1200, notes: '' });
  await call('network.setEnabled', { enabled: true });
  return core;
}

const pair = (page: Page, args: unknown) =>
  page.evaluate(
    (a) =>
      (
        window as unknown as { frontDesk: { station: { pair(x: unknown): Promise<unknown> } } }
      ).frontDesk.station.pair(a),
    args,
  );

test('a desktop first start joins the front desk, works at the host, and shows the banner when it stops', async ({
  browser,
}) => {
  const T = dictionary('en');
  const hostDir = tempDir('e2e-shell-host');
  const userData = tempDir('e2e-shell-station');
  const dataDir = path.join(userData, 'data');
  const core = await openHost(hostDir);
  const port = await freePort();
  let lan: LanHost | null = await startLanHost({
    core,
    identity: await ensureIdentity(hostDir),
    host: '127.0.0.1',
    port,
    mdns: false,
  });
  const hostAddress = `127.0.0.1:${port}`;
  const devices = async () =>
    (
      await must<{ devices: { id: number; name: string; status: string }[] }>(
        core.call(MGR, 'network.status', {}),
      )
    ).devices;
  const s = new Standin({ browser, appPath: ROOT, userData });
  try {
    await runMain(s, MAIN_JS);
    await expect.poll(() => s.windows.length, { timeout: 60_000 }).toBeGreaterThan(0);
    const page = await s.windows[0]!.pageReady;
    await page.waitForFunction(() => 'frontDesk' in window && document.readyState === 'complete');
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByRole('heading', { name: T('setup.title') })).toBeVisible();
    expect(fs.existsSync(path.join(dataDir, 'frontdesk.sqlite3'))).toBe(true);
    // a first start is no station: the state is null
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { frontDesk: { station: { state(): Promise<unknown> } } }
        ).frontDesk.station.state(),
      ),
    ).toBeNull();

    await test.step('wrong codes, names and addresses are refused without pairing', async () => {
      const { code } = await must<{ code: string }>(core.call(MGR, 'network.startPairing', {}), 'code');
      const wrong = code === '000000' ? '000001' : '000000';
      const VALIDATION = { ok: false, error: { code: 'VALIDATION', params: {} } };
      for (const bad of [
        { hostUrl: hostAddress, code: code.slice(1), name: 'Bar' },
        { hostUrl: hostAddress, code: `${code}0`, name: 'Bar' },
        { hostUrl: hostAddress, code, name: ' ' },
        { hostUrl: hostAddress, code, name: 'x'.repeat(41) },
        { hostUrl: 'a b', code, name: 'Bar' },
        { hostUrl: hostAddress, code: Number(code), name: 'Bar' },
        { hostUrl: hostAddress, code, name: 'Bar', admin: true },
      ])
        expect(await pair(page, bad), JSON.stringify(bad)).toEqual(VALIDATION);
      // a well-formed code the host did not show: the host refuses it
      expect(await pair(page, { hostUrl: hostAddress, code: wrong, name: 'Bar' })).toMatchObject({
        ok: false,
        error: { code: 'PAIRING_CODE_WRONG' },
      });
      expect(await devices()).toEqual([]);
      expect(fs.existsSync(path.join(dataDir, 'station.json'))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'frontdesk.sqlite3'))).toBe(true);
    });

    await test.step('the join screen pairs; the manager confirms at the host', async () => {
      await page.getByRole('button', { name: T('station.choiceJoin') }).click();
      const { code } = await must<{ code: string }>(core.call(MGR, 'network.startPairing', {}), 'code');
      await page.getByLabel(T('station.host')).fill(hostAddress);
      await page.getByLabel(T('station.code')).fill(code);
      await page.getByLabel(T('station.name')).fill('Drink bar');
      await page.getByRole('button', { name: T('station.join'), exact: true }).click();
      await expect(page.getByText(T('station.waiting'))).toBeVisible();
      await shot(page, 'en-shell-station-01-waiting');
      // the first start's empty database went; the pairing is kept instead
      expect(fs.existsSync(path.join(dataDir, 'frontdesk.sqlite3'))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'station.json'))).toBe(true);
      const device = (await devices()).find((d) => d.name === 'Drink bar');
      expect(device).toBeDefined();
      await must(
        core.call(MGR, 'network.confirm', {
          deviceId: device!.id,
          screens: ['bar'],
          authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Bar counter' },
        }),
        'confirm',
      );
    });

    await test.step('the barman logs in at the host and reads its drinks', async () => {
      await expect(page.getByRole('heading', { name: T('login.whoAreYou') })).toBeVisible({
        timeout: 15_000,
      });
      await login(page, T, 'Zoe', '3579');
      await expect(page.getByRole('button', { name: /^Orange juice/ })).toBeVisible();
      await shot(page, 'en-shell-station-02-bar');
    });

    await test.step('the host stops: the window is told at once and says so; it comes back by itself', async () => {
      // the main process pushes the link's changes to the window (window.frontDesk.station.onState)
      await page.evaluate(() => {
        const w = window as unknown as {
          __links: string[];
          frontDesk: { station: { onState(cb: (s: { link: string }) => void): () => void } };
        };
        w.__links = [];
        w.frontDesk.station.onState((st) => w.__links.push(st.link));
      });
      const stopping = lan;
      lan = null;
      await stopping!.close();
      const banner = page.getByRole('alert').filter({ hasText: T('station.offline') });
      await expect(banner).toBeVisible({ timeout: 15_000 });
      await shot(page, 'en-shell-station-03-offline');
      await page.getByRole('button', { name: T('common.languages.zh-CN') }).click();
      await expect(page.getByText(dictionary('zh-CN')('station.offline'))).toBeVisible();
      await shot(page, 'zh-CN-shell-station-03-offline');
      expect(await page.evaluate(() => (window as unknown as { __links: string[] }).__links)).toContain(
        'disconnected',
      );
      lan = await startLanHost({
        core,
        identity: await ensureIdentity(hostDir),
        host: '127.0.0.1',
        port,
        mdns: false,
      });
      await expect(banner).toBeHidden({ timeout: 20_000 });
      // the link back, the window looks at its session again: the restarted listener has forgotten it
      await expect(page.getByRole('heading', { name: dictionary('zh-CN')('login.whoAreYou') })).toBeVisible();
    });
  } finally {
    // quit (not exit): the main process closes the station's link on will-quit
    if (s.app.exitCode === null) s.app.quit();
    await exited(s);
    await s.context?.close().catch(() => undefined);
    await lan?.close();
    core.close();
  }
});

const bridge = <T>(page: Page, fn: string, arg?: unknown) =>
  page.evaluate(
    ([f, a]) =>
      (window as unknown as { frontDesk: { station: Record<string, (x?: unknown) => Promise<unknown>> } })
        .frontDesk.station[f]!(a),
    [fn, arg] as const,
  ) as Promise<T>;

/** The HTTP status a TLS listener answers (its certificate not checked: only whether it listens). */
const statusAt = (port: number, pathname: string) =>
  new Promise<number>((resolve, reject) => {
    const req = https.get(
      { host: '127.0.0.1', port, path: pathname, rejectUnauthorized: false, timeout: 5_000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
  });

test('a desktop standby keeps a checked copy and becomes the front desk with the manager’s PIN', async ({
  browser,
}) => {
  const T = dictionary('en');
  const hostDir = tempDir('e2e-shell-standby-host');
  const userData = tempDir('e2e-shell-standby');
  const dataDir = path.join(userData, 'data');
  let core: Core | null = await openHost(hostDir);
  const port = await freePort();
  const ownPort = await freePort();
  let lan: LanHost | null = await startLanHost({
    core,
    identity: await ensureIdentity(hostDir),
    host: '127.0.0.1',
    port,
    mdns: false,
  });
  const host = core;
  const s = new Standin({
    browser,
    appPath: ROOT,
    userData,
    argv: ['--lan-host', '127.0.0.1', '--lan-port', String(ownPort), '--no-mdns'],
  });
  try {
    await runMain(s, MAIN_JS);
    await expect.poll(() => s.windows.length, { timeout: 60_000 }).toBeGreaterThan(0);
    const page = await s.windows[0]!.pageReady;
    await page.waitForFunction(() => 'frontDesk' in window && document.readyState === 'complete');
    await page.getByRole('button', { name: /English/ }).click();

    await test.step('the desktop pairs and a manager makes it the standby; a checked copy arrives', async () => {
      const { code } = await must<{ code: string }>(host.call(MGR, 'network.startPairing', {}), 'code');
      expect(await pair(page, { hostUrl: `127.0.0.1:${port}`, code, name: 'Office' })).toMatchObject({
        ok: true,
      });
      const { devices } = await must<{ devices: { id: number; name: string }[] }>(
        host.call(MGR, 'network.status', {}),
      );
      const office = devices.find((d) => d.name === 'Office')!;
      await must(
        host.call(MGR, 'network.confirm', {
          deviceId: office.id,
          screens: ['manager', 'bar'],
          authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Office' },
        }),
        'confirm',
      );
      // what the join screen's wait does: asks the station's state until the manager confirmed
      await expect
        .poll(async () => (await bridge<{ stage: string }>(page, 'state')).stage, { timeout: 15_000 })
        .toBe('active');
      await must(
        host.call(MGR, 'network.setStandby', {
          deviceId: office.id,
          authorization: { pin: MANAGER_PIN, reasonCode: 'standby_new', reason: 'Office PC' },
        }),
        'setStandby',
      );
      await expect
        .poll(
          async () =>
            (await must<{ verifiedAt: string | null }>(host.call(MGR, 'network.standbyAge', {}))).verifiedAt,
          { timeout: 30_000 },
        )
        .not.toBeNull();
      expect(fs.existsSync(path.join(dataDir, 'standby', 'club.sqlite3'))).toBe(true);
      // the copy told the host where this computer would listen as the front desk
      const status = await must<{ standby: { url: string | null } | null }>(
        host.call(MGR, 'network.status', {}),
      );
      expect(status.standby?.url).toBe(`https://127.0.0.1:${ownPort}`);
    });

    await test.step('the desk dies; a wrong PIN is refused; the manager’s PIN makes this the front desk', async () => {
      const stopping = lan;
      lan = null;
      await stopping!.close();
      core = null;
      host.close();
      const banner = page.getByRole('alert').filter({ hasText: T('station.offline') });
      await expect(banner).toBeVisible({ timeout: 20_000 });
      await banner.getByRole('button', { name: T('station.promote') }).click();
      const dialog = page.getByRole('dialog', { name: T('station.promoteTitle') });
      // the copy's age in words: taken seconds ago, it reads "just now" (never "just now ago")
      await expect(dialog).toContainText(T('station.promoteCopyJustNow', { at: '' }).split('(')[0]!);
      await dialog.getByLabel(T('station.promotePin')).fill('1111');
      await dialog.getByRole('button', { name: T('station.promoteConfirm') }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      expect(fs.existsSync(path.join(dataDir, 'station.json'))).toBe(true);
      await shot(page, 'en-shell-standby-01-promote');
      await dialog.getByLabel(T('station.promotePin')).fill(MANAGER_PIN);
      await dialog.getByRole('button', { name: T('station.promoteConfirm') }).click();
      // the page reloads to the login of the club's front desk, now this computer
      await expect(page.getByRole('heading', { name: T('login.whoAreYou') })).toBeVisible({
        timeout: 20_000,
      });
      expect(await bridge(page, 'state')).toBeNull();
      expect(fs.existsSync(path.join(dataDir, 'station.promoted.json'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'frontdesk.sqlite3'))).toBe(true);
      // its own club network listens where it said it would (only paired devices get answers)
      expect(await statusAt(ownPort, '/pair/status')).toBe(401);
    });

    await test.step('the barman logs in at this desk and finds the club’s drinks', async () => {
      await login(page, T, 'Zoe', '3579');
      await expect(page.getByRole('button', { name: /^Orange juice/ })).toBeVisible();
      await shot(page, 'en-shell-standby-02-promoted');
    });
  } finally {
    if (s.app.exitCode === null) s.app.quit();
    await exited(s);
    await s.context?.close().catch(() => undefined);
    await lan?.close();
    core?.close();
  }
});
