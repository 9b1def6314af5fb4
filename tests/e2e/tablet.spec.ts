/**
 * A tablet without the app (issue 15): its browser opens the host's club network address (HTTPS,
 * the host's self-signed certificate), gives the pairing code shown at the desk and its name, waits
 * for a manager's confirmation, and a consultant logs in there and sees the visitors screen. With the
 * club network off for a moment it says it is not connected, and comes back. Revoked at the desk,
 * the tablet says so. The host is the web build with its club network on 127.0.0.1 and a
 * port of its own; the desk's browser is on its loopback server.
 */
import { expect } from '@playwright/test';
import { freePort } from '../support/net';
import { tempDir } from '../support/temp';
import { disposeServer, shot, startServer, test } from './fixtures';
import { dictionary } from './i18n';
import { login, nav, pageCall, SEED_MANAGER_PIN, seedClub } from './steps';

const MANAGER_PIN = SEED_MANAGER_PIN;

test('a tablet pairs through its browser, a consultant works there, and a revoked tablet says so', async ({
  browser,
}) => {
  const T = dictionary('en');
  const hostDir = tempDir('e2e-tablet-host');
  await seedClub(
    hostDir,
    { hours: ['00:00', '00:00', '23:59'], staff: [['Liu', 'consultant', '2468', 'female']] },
    async ({ call }) => {
      await call('network.setEnabled', { enabled: true });
    },
  );
  const lanPort = await freePort();
  const host = await startServer({
    dataDir: hostDir,
    args: ['--lan-port', String(lanPort), '--lan-host', '127.0.0.1', '--no-mdns'],
  });
  const deskCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const tabletCtx = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    ignoreHTTPSErrors: true,
  });
  try {
    const desk = await deskCtx.newPage();
    const tablet = await tabletCtx.newPage();
    await desk.goto(host.url);
    await login(desk, T, 'Wang', MANAGER_PIN);
    await nav(desk, T, 'settings');
    await desk.getByRole('tab', { name: T('settings.tabs.network') }).click();
    await expect(desk.getByText(`https://127.0.0.1:${lanPort}`).first()).toBeVisible();
    await shot(desk, 'en-tablet-00-desk-settings');

    // ---- the tablet's browser opens the desk's address: code and name only ---------------------
    await tablet.goto(`https://127.0.0.1:${lanPort}/`);
    await tablet.getByRole('button', { name: /English/ }).click();
    await expect(tablet.getByRole('heading', { name: T('station.joinTitle') })).toBeVisible();
    await expect(tablet.getByLabel(T('station.host'))).toHaveCount(0);
    const { code } = await pageCall<{ code: string }>(desk, 'network.startPairing', {});
    await tablet.getByLabel(T('station.code')).fill(code);
    await tablet.getByLabel(T('station.name')).fill('Consultants tablet');
    await shot(tablet, 'en-tablet-01-join');
    await tablet.getByRole('button', { name: T('station.join'), exact: true }).click();
    await expect(tablet.getByText(T('station.waiting'))).toBeVisible();
    await shot(tablet, 'en-tablet-02-waiting');

    // ---- a manager confirms at the desk with a PIN ----------------------------------------------
    const { devices } = await pageCall<{ devices: { id: number; name: string }[] }>(
      desk,
      'network.status',
      {},
    );
    const deviceId = devices.find((d) => d.name === 'Consultants tablet')!.id;
    await pageCall(desk, 'network.confirm', {
      deviceId,
      screens: ['consultants'],
      authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Consultants' },
    });

    // ---- a consultant logs in on the tablet and sees the visitors screen -------------------------
    await expect(tablet.getByRole('heading', { name: T('login.whoAreYou') })).toBeVisible();
    await shot(tablet, 'en-tablet-03-login');
    await login(tablet, T, 'Liu', '2468');
    await nav(tablet, T, 'visitors');
    await expect(tablet.getByTestId('next-visitor')).toBeVisible();
    await shot(tablet, 'en-tablet-04-visitors-1024');
    await tablet.setViewportSize({ width: 1280, height: 800 });
    await shot(tablet, 'en-tablet-05-visitors-1280');

    // ---- the club network off for a moment: the tablet says it is not connected, then comes back --
    await pageCall(desk, 'network.setEnabled', { enabled: false });
    const banner = tablet.getByRole('alert').filter({ hasText: T('station.offline') });
    await expect(banner).toBeVisible();
    await shot(tablet, 'en-tablet-05b-offline');
    await pageCall(desk, 'network.setEnabled', { enabled: true });
    await expect(banner).toBeHidden();

    // ---- revoked at the desk: the tablet says so -------------------------------------------------
    await pageCall(desk, 'network.revoke', { deviceId });
    await expect(tablet.getByText(T('station.revoked'))).toBeVisible({ timeout: 10_000 });
    await shot(tablet, 'en-tablet-06-revoked');
    await tablet.getByRole('button', { name: T('common.languages.zh-CN') }).click();
    await expect(tablet.getByText(dictionary('zh-CN')('station.revoked'))).toBeVisible();
    await shot(tablet, 'zh-CN-tablet-06-revoked');
  } finally {
    await deskCtx.close();
    await tabletCtx.close();
    await disposeServer(host);
  }
});
