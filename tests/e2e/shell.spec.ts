/**
 * The desktop shell, exercised without an Electron binary: the real built main process
 * (build/main/main.js) runs in this Node process with the stand-in `electron` module of
 * tests/shell/electron-standin.ts, each window is a Chromium page with the real built preload.
 *
 * It proves, for the code in electron/main: the window options (context isolation, sandbox, no
 * Node), the app:// protocol serving the renderer with the CSP header, refused navigation,
 * window.open and permission requests, exactly the contract's operations on the bridge (no
 * require/process in the page), IPC round trips with structured-clone semantics, printing to PDF,
 * the change broadcast to a second window, the data folder under userData with the first-start
 * backup, Chromium started with the club's language, and a packaged build refusing debugging
 * switches.
 *
 * It cannot prove (see the stand-in's header): Electron's real OS sandbox and V8 isolated worlds
 * (the options are checked, the preload runs in a closure of the page's world), the fuses, ASAR
 * packaging and integrity, signing, the native print dialog, or what Chromium itself does with
 * --remote-debugging-port before the main script runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { OP_NAMES } from '../../electron/core/contract';
import { CSP } from '../../electron/main/security';
import { exited, runMain, Standin } from '../shell/electron-standin';
import { expect, test as base } from './fixtures';
import { dictionary } from './i18n';
import { login } from './steps';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN_JS = path.join(ROOT, 'build', 'main', 'main.js');
const PRELOAD_JS = path.join(ROOT, 'build', 'main', 'preload.js');

interface Bridge {
  ops: Record<string, (args?: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>>;
  print: (o: unknown) => Promise<{ ok: boolean; path?: string; error?: string }>;
  onChange: (cb: (e: { op: string; at: string }) => void) => () => void;
  station: { state(): Promise<unknown>; pair(a: unknown): Promise<unknown> };
}
declare global {
  interface Window {
    __changes?: { op: string; at: string }[];
  }
}
type W = { frontDesk: Bridge };

/** What every window of the app must be created with (Electron enforces these; the stand-in cannot). */
function expectHardened(s: Standin): void {
  expect(s.windows.length).toBeGreaterThan(0);
  for (const w of s.windows)
    expect(w.options.webPreferences).toMatchObject({
      preload: PRELOAD_JS,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
}

/**
 * The user-data folder (fd-test-…) and the app runs are fixtures, so that they are cleaned up even
 * when a test times out: the runs are ended first, then the folder is removed.
 */
const test = base.extend<{ userData: string; runs: Standin[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures need the destructuring
  userData: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-test-shell-'));
    try {
      await use(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  runs: async ({ userData: _ }, use) => {
    const runs: Standin[] = [];
    try {
      await use(runs);
    } finally {
      for (const r of runs) if (r.app.exitCode === null) r.app.exit(0);
      for (const r of runs) await r.context?.close().catch(() => undefined);
    }
  },
});

async function firstPage(s: Standin, index = 0): Promise<Page> {
  await expect.poll(() => s.windows.length, { timeout: 60_000 }).toBeGreaterThan(index);
  const page = await s.windows[index]!.pageReady;
  await page.waitForFunction(() => 'frontDesk' in window && document.readyState === 'complete');
  return page;
}

test('the desktop shell: windows, protocol, bridge, IPC, PDF, broadcast, data folder, language', async ({
  browser,
  userData,
  runs,
}) => {
  const pdfFile = path.join(userData, 'report.pdf');
  // ---- first start: an empty data folder -------------------------------------------------
  const s = new Standin({ browser, appPath: ROOT, userData, saveDialogPath: () => pdfFile });
  runs.push(s);
  await runMain(s, MAIN_JS);
  const page = await firstPage(s);

  await test.step('window options, sandbox, app:// origin, data folder', () => {
    expect(s.app.sandboxEnabled).toBe(true);
    expectHardened(s);
    expect(s.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(s.windows[0]!.webContents.getURL()).toBe('app://frontdesk/index.html');
    expect(fs.existsSync(path.join(userData, 'data', 'frontdesk.sqlite3'))).toBe(true);
    // first start: no club yet, so no --lang (Chromium follows the system's language)
    expect(s.app.commandLine.hasSwitch('lang')).toBe(false);
    expect(s.errorBoxes).toEqual([]);
  });

  await test.step('the CSP header on app:// answers, enforced', async () => {
    const r = await page.evaluate(async () => {
      const res = await fetch('/index.html');
      const missing = await fetch('/../../package.json');
      let evalBlocked = false;
      try {
        new Function('return 1')();
      } catch {
        evalBlocked = true;
      }
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
      return {
        csp: res.headers.get('content-security-policy'),
        missing: missing.status,
        evalBlocked,
        inline: (window as unknown as { __inline?: number }).__inline ?? null,
      };
    });
    expect(r).toEqual({ csp: CSP, missing: 404, evalBlocked: true, inline: null });
  });

  await test.step('the bridge: the contract’s operations, print, onChange, the station’s four, nothing else', async () => {
    const r = await page.evaluate(() => {
      const fd = (window as unknown as W).frontDesk;
      const w = window as unknown as Record<string, unknown>;
      return {
        keys: Object.keys(fd).sort(),
        ops: Object.keys(fd.ops).sort(),
        station: Object.keys((fd as unknown as { station: object }).station).sort(),
        allFunctions: Object.values(fd.ops).every((f) => typeof f === 'function'),
        frozen: Object.isFrozen(fd) && Object.isFrozen(fd.ops),
        absent: [
          'require',
          'process',
          'module',
          'exports',
          'Buffer',
          'global',
          'ipcRenderer',
          'electron',
        ].filter((k) => typeof w[k] !== 'undefined'),
        leaked: Object.getOwnPropertyNames(window).filter((k) => /standin|ipc|electron/i.test(k)),
      };
    });
    expect(r).toEqual({
      keys: ['onChange', 'ops', 'print', 'station'],
      ops: [...OP_NAMES].sort(),
      station: ['copyNow', 'discover', 'onState', 'pair', 'promote', 'state'],
      allFunctions: true,
      frozen: true,
      absent: [],
      leaked: [],
    });
  });

  await test.step('IPC round trips with structured-clone semantics', async () => {
    const r = await page.evaluate(async () => {
      const fd = (window as unknown as W).frontDesk;
      const fails = async (arg: unknown) => {
        try {
          await fd.ops['system.status']!(arg);
          return 'resolved';
        } catch (e) {
          return String(e);
        }
      };
      const setup = await fd.ops['system.setup']!({
        clubName: 'Shell Club',
        timeZone: 'Asia/Shanghai',
        language: 'zh-CN',
        staffArriveTime: '06:30',
        openTime: '07:00',
        closeTime: '22:00',
        tagCount: 20,
        manager: { name: '王经理', pin: '2468', gender: 'female' },
      });
      const status = await fd.ops['system.status']!({});
      return {
        setup,
        // a club's front desk never pairs as a station (nothing is sent to that address)
        pair: await fd.station.pair({ hostUrl: '127.0.0.1:9', code: '123456', name: 'Bar' }),
        stationState: await fd.station.state(),
        status: status.data,
        fn: await fails({ x: () => 1 }),
        node: await fails({ x: document.body }),
        symbol: await fails({ x: Symbol('s') }),
        bad: await fd.ops['session.login']!({ staffId: 'one', pin: 1 }),
      };
    });
    expect(r.setup).toEqual({ ok: true, data: { ok: true } });
    expect(r.pair).toEqual({ ok: false, error: { code: 'FORBIDDEN', params: {} } });
    expect(r.stationState).toBeNull();
    expect(r.status).toMatchObject({ state: 'ready', clubName: 'Shell Club', language: 'zh-CN' });
    expect(r.status).toMatchObject({ dataDir: path.join(userData, 'data') });
    for (const k of ['fn', 'node', 'symbol'] as const) expect(r[k], k).toMatch(/could not be cloned/i);
    expect(r.bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  await test.step('the real renderer logs in through the bridge', async () => {
    await page.reload();
    await login(page, dictionary('en'), '王经理', '2468');
  });

  await test.step('navigation, window.open and permissions are refused', async () => {
    s.navigations.splice(0); // the reload above (not a navigation the page asked for)
    await page.evaluate(() => void (location.href = 'https://example.com/'));
    await expect.poll(() => s.navigations.length).toBeGreaterThan(0);
    expect(s.navigations).toEqual([{ url: 'https://example.com/', prevented: true }]);
    await page.evaluate(() => void window.open('https://example.com/popup'));
    await expect.poll(() => s.deniedPopups.length).toBe(1);
    expect(s.allowedPopups).toEqual([]);
    const perms = await page.evaluate(async () => {
      const media = await navigator.mediaDevices
        .getUserMedia({ video: true })
        .then(() => 'granted')
        .catch((e: Error) => e.name);
      const geo = await new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (e) => resolve(`error ${e.code}`),
        ),
      );
      return {
        notifications: await Notification.requestPermission(),
        media,
        geo,
        query: (await navigator.permissions.query({ name: 'notifications' })).state,
      };
    });
    expect(perms).toEqual({
      notifications: 'denied',
      media: 'NotAllowedError',
      geo: 'error 1',
      query: 'denied',
    });
    expect(s.permissionRequests.every((p) => !p.granted)).toBe(true);
    // still the app, still logged in
    expect(s.windows[0]!.webContents.getURL()).toMatch(/^app:\/\/frontdesk\/index\.html/);
    await expect(page.locator('.topbar-user .who')).toHaveText('王经理');
    expect(s.context!.pages()).toHaveLength(1);
  });

  await test.step('print to PDF through the save dialog', async () => {
    const r = await page.evaluate(() =>
      (window as unknown as W).frontDesk.print({ pdf: true, title: 'Shell report' }),
    );
    expect(r).toEqual({ ok: true, path: pdfFile });
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    // the renderer's CSS @page lays the pages out: no margins, header or footer of Electron's own
    expect(s.pdfRequests).toEqual([
      {
        pageSize: 'A4',
        preferCSSPageSize: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        displayHeaderFooter: false,
        printBackground: true,
      },
    ]);
    const bad = await page.evaluate(() => (window as unknown as W).frontDesk.print({ pdf: true, title: 5 }));
    expect(bad).toEqual({ ok: false, error: 'VALIDATION' });
  });

  await test.step('a receipt prints silently on the receipt printer at the roll’s size', async () => {
    const r = await page.evaluate(() =>
      (window as unknown as W).frontDesk.print({
        pdf: false,
        title: 'Receipt 00000001',
        receipt: { paper: '58', deviceName: 'XP-58C', heightMm: 123 },
      }),
    );
    // the stand-in has no printer: the main process reports the failure back
    expect(r).toEqual({ ok: false });
    expect(s.printCalls.at(-1)).toEqual({
      silent: true,
      printBackground: true,
      deviceName: 'XP-58C',
      pageSize: { width: 58_000, height: 123_000 },
      margins: { marginType: 'none' },
    });
    const bad = await page.evaluate(() =>
      (window as unknown as W).frontDesk.print({
        pdf: false,
        title: 'Receipt',
        receipt: { paper: '57', deviceName: '', heightMm: 123 },
      }),
    );
    expect(bad).toEqual({ ok: false, error: 'VALIDATION' });
  });

  await test.step('a second window: its own session, hears the first one’s changes', async () => {
    const BrowserWindow = s.module.BrowserWindow as new (o: unknown) => {
      loadURL(u: string): Promise<void>;
    };
    const second = new BrowserWindow(s.windows[0]!.options);
    await second.loadURL('app://frontdesk/index.html');
    const page2 = await firstPage(s, 1);
    expectHardened(s);
    const session2 = await page2.evaluate(async () => {
      window.__changes = [];
      (window as unknown as W).frontDesk.onChange((e) => window.__changes!.push(e));
      return (await (window as unknown as W).frontDesk.ops['session.current']!({})).data;
    });
    expect(session2).toBeNull();
    const created = await page.evaluate(() =>
      (window as unknown as W).frontDesk.ops['staff.create']!({
        name: '李前台',
        role: 'reception',
        pin: '1357',
        gender: 'male',
      }),
    );
    expect(created.ok).toBe(true);
    await expect
      .poll(() => page2.evaluate(() => window.__changes))
      .toEqual([{ op: 'staff.create', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
  });

  await test.step('quit', async () => {
    s.app.quit();
    expect(await exited(s)).toBe(0);
  });

  // ---- second start: the club exists ---------------------------------------------------------
  const s2 = new Standin({ browser, appPath: ROOT, userData });
  runs.push(s2);
  await runMain(s2, MAIN_JS);
  const page2 = await firstPage(s2);
  await test.step('second start: Chromium in the club’s language, the first-start backup', async () => {
    expect(s2.app.commandLine.getSwitchValue('lang')).toBe('zh-CN');
    expect(await page2.evaluate(() => navigator.language)).toBe('zh-CN');
    const backups = fs.readdirSync(path.join(userData, 'data', 'backups'));
    expect(backups.filter((f) => /^frontdesk-.*-daily\.sqlite3$/.test(f))).toHaveLength(1);
    s2.app.quit();
    expect(await exited(s2)).toBe(0);
  });
  expectHardened(s2);
});

test('a packaged build refuses to start with debugging switches', async ({ browser, userData, runs }) => {
  for (const flag of ['--remote-debugging-port=9222', '--inspect=9229']) {
    const s = new Standin({ browser, appPath: ROOT, userData, isPackaged: true, argv: [flag] });
    runs.push(s);
    await runMain(s, MAIN_JS);
    expect(await exited(s)).toBe(1);
    expect(s.windows).toEqual([]);
    expect(s.ipcHandlers.size).toBe(0);
    expect(fs.existsSync(path.join(userData, 'data'))).toBe(false);
  }
});
