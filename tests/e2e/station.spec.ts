/**
 * The club network from two browsers side by side (issue 15): the desk's browser on the host's web
 * build and the drink bar's browser on a station's web build (its own process and data folder,
 * forwarding to the host). The bar joins the desk with the pairing code and its name, waits for the
 * manager's confirmation, its barman logs in and sells two drinks on tag 5; the desk checks the
 * member out and sees them on the tab. Then the host stops: the bar says it is not connected and
 * keeps what is typed; the host comes back and the bar reconnects by itself. The club is prepared
 * by the real core; the host's club network listens on 127.0.0.1 on a port of its own.
 */
import { expect } from '@playwright/test';
import { freePort } from '../support/net';
import { tempDir } from '../support/temp';
import { disposeServer, shot, startServer, stopServer, test, type Server } from './fixtures';
import { dictionary } from './i18n';
import { login, nav, pageCall, SEED_MANAGER_PIN, seedClub } from './steps';

const seed = (dataDir: string) =>
  seedClub(
    dataDir,
    { hours: ['00:00', '00:00', '23:59'], staff: [['Zoe', 'bar', '3579', 'female']] },
    async ({ call, member, item }) => {
      const zhang = await member('NET001', 'Zhang San');
      await item('Orange juice', 'Juice', 1200, 10);
      await call('checkin.scan', { ref: { memberId: zhang.id }, tagNumber: 5 });
      await call('network.setEnabled', { enabled: true });
    },
  );

test('a bar station sells two drinks on tag 5; the desk checks the member out with them on the tab', async ({
  browser,
}) => {
  const T = dictionary('en');
  const hostDir = tempDir('e2e-net-host');
  await seed(hostDir);
  const lanPort = await freePort();
  const hostArgs = ['--lan-port', String(lanPort), '--lan-host', '127.0.0.1', '--no-mdns'];
  let host: Server | null = await startServer({ dataDir: hostDir, args: hostArgs });
  const station = await startServer({ dataDir: tempDir('e2e-net-bar'), args: ['--station'] });
  const deskCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const barCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const desk = await deskCtx.newPage();
    const bar = await barCtx.newPage();
    await desk.goto(host.url);
    await login(desk, T, 'Wang', SEED_MANAGER_PIN);

    // ---- the bar joins the desk: address, code, name; the manager confirms ----------------------
    await bar.goto(station.url);
    await bar.getByRole('button', { name: /English/ }).click();
    await expect(bar.getByRole('heading', { name: T('station.joinTitle') })).toBeVisible();
    const { code } = await pageCall<{ code: string }>(desk, 'network.startPairing', {});
    await bar.getByLabel(T('station.host')).fill(`127.0.0.1:${lanPort}`);
    await bar.getByLabel(T('station.code')).fill(code);
    await bar.getByLabel(T('station.name')).fill('Drink bar');
    await shot(bar, 'en-station-01-join');
    await bar.getByRole('button', { name: T('station.join'), exact: true }).click();
    await expect(bar.getByText(T('station.waiting'))).toBeVisible();
    await shot(bar, 'en-station-02-waiting');
    const { devices } = await pageCall<{ devices: { id: number; name: string }[] }>(
      desk,
      'network.status',
      {},
    );
    await pageCall(desk, 'network.confirm', {
      deviceId: devices.find((d) => d.name === 'Drink bar')!.id,
      screens: ['bar'],
      authorization: { pin: SEED_MANAGER_PIN, reasonCode: 'new_station', reason: 'Bar counter' },
    });

    // ---- the barman logs in at the station and sells two juices on tag 5 ----------------------
    await expect(bar.getByRole('heading', { name: T('login.whoAreYou') })).toBeVisible();
    await login(bar, T, 'Zoe', '3579');
    const tagField = bar.getByLabel(T('bar.tagLabel'));
    await tagField.fill('5');
    await bar.keyboard.press('Enter');
    await expect(bar.locator('.bar-slip-target')).toHaveText(T('bar.slipFor', { tag: 5, name: 'Zhang San' }));
    const juice = bar.getByRole('button', { name: /^Orange juice/ });
    await juice.click();
    await juice.click();
    await bar.getByRole('button', { name: T('bar.saveSlip') }).click();
    await expect(
      bar.getByRole('table', { name: T('bar.linesCaption', { name: 'Zhang San' }) }),
    ).toContainText('Orange juice');
    await shot(bar, 'en-station-03-sold');

    // ---- the desk checks the member out: the two drinks are on the tab ------------------------
    await nav(desk, T, 'checkin');
    await desk
      .getByRole('button', { name: T('checkin.inside.checkoutWho', { name: 'Zhang San', tag: 5 }) })
      .click();
    const tab = desk.getByRole('dialog').getByRole('region', { name: T('checkin.out.tab') });
    await expect(tab).toContainText('Orange juice');
    await expect(tab).toContainText('24.00');
    await shot(desk, 'en-station-04-desk-checkout');
    await desk.keyboard.press('Escape');

    // ---- the host stops: the bar says so and keeps what is typed; it comes back by itself -----
    await tagField.fill('5');
    await stopServer(host);
    const banner = bar.getByRole('alert').filter({ hasText: T('station.offline') });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expect(tagField).toHaveValue('5');
    await shot(bar, 'en-station-05-offline');
    await bar.getByRole('button', { name: T('common.languages.zh-CN') }).click();
    await expect(bar.getByText(dictionary('zh-CN')('station.offline'))).toBeVisible();
    await shot(bar, 'zh-CN-station-05-offline');
    host = await startServer({ dataDir: hostDir, args: hostArgs });
    await expect(banner).toBeHidden({ timeout: 15_000 });
  } finally {
    await deskCtx.close();
    await barCtx.close();
    await disposeServer(station);
    if (host) await disposeServer(host);
  }
});
