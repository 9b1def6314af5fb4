/**
 * The standby copy at the host (issue 15), through the real UI and core: a manager marks the paired
 * manager's-office station as the standby with her PIN in Settings → Club network; the top bar says
 * there is no standby copy yet (red); an old copy (past three intervals) shows amber; the station (played here by this test over the club network
 * with its real credential) takes a snapshot and reports it checked; the top bar and the settings
 * show the copy's age and size at once; the interval is set. Stopping the standby takes the PIN again and hides the age.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { Core } from '../../electron/core/app';
import { requestPairing } from '../../electron/core/areas/network';
import { DB_FILE } from '../../electron/core/db/database';
import { writeTransaction } from '../../electron/core/kernel/dispatch';
import { freePort } from '../support/net';
import { tempDir } from '../support/temp';
import { disposeServer, shot, startServer, test } from './fixtures';
import { dictionary } from './i18n';
import { login, nav } from './steps';

const MANAGER_PIN = '9876';

/** The club with its manager, the network on and the office station paired. */
async function seedClub(dataDir: string): Promise<{ id: number; secret: string }> {
  const core = await Core.open({ dataDir, dailyBackup: false });
  const call = async (op: string, args: unknown) => {
    const r = await core.call('seed', op, args);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.data as { id: number; code: string };
  };
  try {
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
    const staff = (await core.call('seed', 'session.staffList', {})) as { ok: true; data: { id: number }[] };
    await call('session.login', { staffId: staff.data[0]!.id, pin: MANAGER_PIN });
    await call('network.setEnabled', { enabled: true });
    const { code } = await call('network.startPairing', {});
    const r = writeTransaction(core.database, () =>
      requestPairing(core.database, core.clock.now(), { code, name: 'Manager office', address: '127.0.0.1' }),
    );
    if (!r.ok) throw new Error(r.code);
    await call('network.confirm', {
      deviceId: r.deviceId,
      screens: ['manager'],
      authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Office PC' },
    });
    return { id: r.deviceId, secret: r.secret };
  } finally {
    core.close();
  }
}

/** A request as the station, pinned to the host's certificate. */
function asStation(
  hostDir: string,
  port: number,
  device: { id: number; secret: string },
  method: string,
  p: string,
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const cert = fs.readFileSync(path.join(hostDir, 'network', 'host-cert.pem'), 'utf8');
  return new Promise((resolve, reject) => {
    const req = https.request(
      `https://127.0.0.1:${port}${p}`,
      {
        method,
        agent: false,
        ca: cert,
        checkServerIdentity: () => undefined,
        headers: {
          'x-fd-device': String(device.id),
          'x-fd-secret': device.secret,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('a manager marks the standby; the top bar shows the copy’s age once it is checked', async ({
  browser,
}) => {
  const T = dictionary('en');
  const Z = dictionary('zh-CN');
  const hostDir = tempDir('e2e-standby-host');
  const office = await seedClub(hostDir);
  const lanPort = await freePort();
  const host = await startServer({
    dataDir: hostDir,
    args: ['--lan-port', String(lanPort), '--lan-host', '127.0.0.1', '--no-mdns'],
  });
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await ctx.newPage();
    await page.goto(host.url);
    await login(page, T, 'Wang', MANAGER_PIN);
    const chip = page.locator('.standby-chip');
    await expect(chip).toHaveCount(0);
    await nav(page, T, 'settings');
    await page.getByRole('tab', { name: T('settings.tabs.network') }).click();
    await expect(page.getByText(T('settings.network.standby.none'))).toBeVisible();

    const row = page.getByRole('row').filter({ hasText: 'Manager office' });
    await row.getByRole('button', { name: T('settings.network.standby.make') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('checkin.auth.pin')).fill(MANAGER_PIN);
    await dialog.getByRole('button', { name: T('checkin.auth.reasons.standby_new') }).click();
    await dialog.getByRole('button', { name: T('settings.network.standby.make') }).click();
    await expect(dialog).toBeHidden();
    await expect(chip).toHaveText(`⚠ ${T('common.standbyNone')}`);
    await expect(row.getByText(T('settings.network.standby.badge'), { exact: true })).toBeVisible();
    await shot(page, 'en-standby-01-marked');

    // an old checked copy (40 minutes): past three intervals of 10 minutes the age turns amber
    const db = new Database(path.join(hostDir, DB_FILE));
    try {
      const at = new Date(Date.now() - 40 * 60_000).toISOString();
      db.prepare(
        `INSERT INTO network_standby_copies (device_id, taken_at, bytes, sha256, user_version, verified_at)
         VALUES (?, ?, 4096, ?, 1, ?)`,
      ).run(office.id, at, 'a'.repeat(64), at);
    } finally {
      db.close();
    }
    // the interval: whole minutes 1..60
    const every = page.getByLabel(T('settings.network.standby.every'));
    await every.fill('0');
    await page.getByRole('button', { name: T('settings.network.standby.save') }).click();
    await expect(page.getByText(T('settings.network.standby.minutesInvalid'))).toBeVisible();
    await every.fill('10');
    await page.getByRole('button', { name: T('settings.network.standby.save') }).click();
    await expect(page.getByText(T('settings.network.standby.saved', { m: 10 }))).toBeVisible();
    await expect(chip).toHaveText(`⚠ ${T('common.standbyAge', { age: '40 min' })}`);
    await shot(page, 'en-standby-02-old');
    // the standby takes a copy and reports it checked: the age shows at once
    const snap = await asStation(hostDir, lanPort, office, 'GET', '/standby/snapshot');
    expect(snap.status).toBe(200);
    const cert = fs.readFileSync(path.join(hostDir, 'network', 'host-cert.pem'), 'utf8');
    const done = await asStation(
      hostDir,
      lanPort,
      office,
      'POST',
      '/standby/verified',
      JSON.stringify({ sha256: snap.headers['x-fd-sha256'], url: 'https://127.0.0.2:5175', certPem: cert }),
    );
    expect(done.status).toBe(200);
    await expect(chip).toHaveText(T('common.standbyJustNow'));
    await expect(page.getByText('https://127.0.0.2:5175')).toBeVisible();
    await page.locator('.standby-card').scrollIntoViewIfNeeded();
    await shot(page, 'en-standby-02-copy');
    await page.getByRole('button', { name: T('common.languages.zh-CN') }).click();
    await expect(chip).toHaveText(Z('common.standbyJustNow'));
    await shot(page, 'zh-CN-standby-02-copy');
    await page.getByRole('button', { name: Z('common.languages.en') }).click();

    // stopping takes the PIN again; the age goes
    await page
      .locator('.standby-card')
      .getByRole('button', { name: T('settings.network.standby.stop') })
      .click();
    await dialog.getByLabel(T('checkin.auth.pin')).fill(MANAGER_PIN);
    await dialog.getByRole('button', { name: T('checkin.auth.reasons.standby_stopped') }).click();
    await dialog.getByRole('button', { name: T('settings.network.standby.stop') }).click();
    await expect(dialog).toBeHidden();
    await expect(chip).toHaveCount(0);
    await expect(page.getByText(T('settings.network.standby.none'))).toBeVisible();
  } finally {
    await ctx.close();
    await disposeServer(host);
  }
});
