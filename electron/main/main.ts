/**
 * The Electron main process: one window showing the renderer from app://frontdesk/ (build/renderer
 * served by the app:// protocol), the core behind the IPC bridge, and the hardening from
 * security.ts. A packaged build refuses to start with debugging switches; Chromium is started with
 * the club's language (--lang). Bundled by electron/cli/build-node.mjs into
 * build/main/main.js (better-sqlite3 stays external; `npm start` points the core at a build made
 * for Electron through FRONTDESK_NATIVE_BINDING, the packaged app has it rebuilt in place).
 *
 * The club network (issue 15): this computer is the club's host (becomeHost: the windows talk to
 * the core, the LAN listener answers paired stations), or a station (becomeStation: a pairing in the
 * data folder; the windows' calls and change events go to the host through StationBackend). A first
 * start, before the club is set up, may join a club's front desk from its window (station-ipc.ts).
 *
 * Data: <userData>/data, or FRONTDESK_DATA_DIR when set.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { Core } from '../core/app';
import { ensureIdentity } from '../core/areas/network';
import type { Response as CallResponse } from '../core/contract';
import { lanArgs, parseArgs } from '../server/args';
import { type LanHost, lanUrlOf, startLanHost } from '../server/lan';
import type { Backend } from '../server/server';
import { CREDENTIAL_FILE, discoverHosts, loadCredential } from '../server/station';
import { pairFailure } from '../server/pair-args';
import { StationBackend, type StationState } from '../server/station-backend';
import { removeClubDatabase, Switchable } from '../server/switchable';
import { isSetUp, settingsOf } from '../core/areas/settings';
import { type DB, DB_FILE, openReadOnly } from '../core/db/database';
import { CHANGE_CHANNEL, STATION_CHANGED_CHANNEL } from './channels';
import { printPage, registerIpc, sessionIdFor } from './ipc';
import { registerStationIpc } from './station-ipc';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appFileResponse,
  chromiumLang,
  debuggingSwitches,
  hardenContents,
  hardenSession,
  INDEX_URL,
  rendererDir,
  windowOptions,
} from './security';

const APP_ROOT = app.getAppPath();
const PRELOAD = path.join(__dirname, 'preload.js');

let core: Core | null = null;
/** The club network's listener (issue 15): listens only while a manager has the network on. */
let lan: LanHost | null = null;
/** A station of the club network (a pairing in the data folder): calls go to the host instead. */
let station: StationBackend | null = null;
/** What the windows' calls and change events go to: the core, or the station's link to its host. */
let backend: Switchable | null = null;
/** The station's pushes of its state to the windows (ended when it stops being one). */
let stopStationPush: (() => void) | null = null;
/** The pairing under way: one at a time (a second click waits for the first). */
let pairing: Promise<unknown> = Promise.resolve();
let mainWindow: BrowserWindow | null = null;

// Every renderer is sandboxed, whatever its webPreferences say.
app.enableSandbox();

function dataDir(): string {
  const fromEnv = process.env.FRONTDESK_DATA_DIR;
  return fromEnv ? path.resolve(fromEnv) : path.join(app.getPath('userData'), 'data');
}

/**
 * The club's language, read before ready (a read-only look at the database) so that Chromium
 * starts with it; null on the first start (Chromium then follows the system's language) or when
 * the database cannot be read (the core reports that after ready).
 */
function clubLanguage(dir: string): string | null {
  const file = path.join(dir, DB_FILE);
  if (!fs.existsSync(file)) return null;
  let db: DB | null = null;
  try {
    db = openReadOnly(file);
    return isSetUp(db) ? settingsOf(db).language : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

type Labels = Record<
  | 'file'
  | 'print'
  | 'quit'
  | 'view'
  | 'reload'
  | 'devTools'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'fullScreen'
  | 'help'
  | 'about'
  | 'openData',
  string
>;

const LABELS: Record<'zh' | 'en', Labels> = {
  zh: {
    file: '文件',
    print: '打印…',
    quit: '退出',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullScreen: '切换全屏',
    help: '帮助',
    about: '关于 Front Desk',
    openData: '打开数据文件夹',
  },
  en: {
    file: 'File',
    print: 'Print…',
    quit: 'Quit',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    help: 'Help',
    about: 'About Front Desk',
    openData: 'Open Data Folder',
  },
};

function buildMenu(): Menu {
  const t = LABELS[app.getLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en'];
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        {
          label: t.print,
          accelerator: 'CmdOrCtrl+P',
          click: (_item, win) => {
            const target = win instanceof BrowserWindow ? win : mainWindow;
            if (target) void printPage(target.webContents);
          },
        },
        { type: 'separator' },
        { label: t.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...(dev
          ? ([
              { label: t.reload, role: 'reload' },
              { label: t.devTools, role: 'toggleDevTools' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { label: t.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: t.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: t.help,
      submenu: [
        { label: t.openData, click: () => void shell.openPath(dataDir()) },
        {
          label: t.about,
          click: () => {
            const detail = `${app.getVersion()}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}\n${dataDir()}`;
            const options = {
              type: 'info' as const,
              title: t.about,
              message: 'Front Desk',
              detail,
              buttons: ['OK'],
            };
            if (mainWindow) void dialog.showMessageBox(mainWindow, options);
            else void dialog.showMessageBox(options);
          },
        },
      ],
    },
  ];
  if (process.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return Menu.buildFromTemplate(template);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(PRELOAD));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(INDEX_URL);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Sends to every open window. */
function broadcast(channel: string, payload: unknown): void {
  for (const w of BrowserWindow.getAllWindows()) if (!w.isDestroyed()) w.webContents.send(channel, payload);
}

/**
 * The windows' IPC (fd:call, fd:print, the station's channels) and their change events, registered
 * once over `backend`; later calls only switch what `backend` forwards to (the core, or a station's
 * link to its host).
 */
function serveWindows(target: Backend): void {
  if (backend) {
    backend.switchTo(target);
    return;
  }
  const b = new Switchable(target);
  backend = b;
  registerIpc(ipcMain, b, {
    defaultPdfDir: () => app.getPath('documents'),
    showSaveDialog: (sender, options) => {
      const win = BrowserWindow.fromWebContents(sender as WebContents);
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
    },
  });
  registerStationIpc(ipcMain, {
    state: async () => (station ? station.state() : null),
    discover: () => discoverHosts(2_000),
    copyNow: () =>
      station
        ? station.copyNowAnswer()
        : Promise.resolve({ ok: false, error: { code: 'NOT_STANDBY', params: {} } }),
    promote: (pin) =>
      station
        ? station.promote(pin)
        : Promise.resolve({ ok: false, error: { code: 'NOT_STANDBY', params: {} } }),
    pair: (args) => {
      const next = pairing.then(() => pairStation(args));
      pairing = next.catch(() => undefined);
      return next;
    },
  });
  // Live screens: every window hears which operation changed something (never any data).
  b.onChange((e) => broadcast(CHANGE_CHANNEL, e));
}

/**
 * Pairs this computer with a host: a station re-pairs (refused or revoked before); a first start
 * (its core not yet set up) becomes a station once the host took the code — its core closes and
 * its empty database goes. A computer that is a club's front desk never pairs.
 */
async function pairStation(args: {
  hostUrl: string;
  code: string;
  name: string;
}): Promise<CallResponse<StationState>> {
  const target = station ?? (core?.state === 'setup' ? newStation(dataDir()) : null);
  if (!target) return { ok: false, error: { code: 'FORBIDDEN', params: {} } };
  try {
    await target.pair(args.hostUrl, args.code, args.name);
  } catch (e) {
    return pairFailure(e);
  }
  if (target !== station && core?.state !== 'setup') {
    // the club was set up in another window meanwhile: this computer stays its front desk
    fs.rmSync(path.join(dataDir(), CREDENTIAL_FILE), { force: true });
    return { ok: false, error: { code: 'FORBIDDEN', params: {} } };
  }
  if (target !== station) {
    const firstStart = core;
    core = null;
    void lan?.close();
    lan = null;
    firstStart?.close();
    removeClubDatabase(dataDir());
    becomeStation(target);
    console.log('[main] this computer is now a station of the club network');
  }
  return { ok: true, data: await target.state() };
}

/**
 * Where the club network listens on a host (a promoted standby too): every network, port 5175,
 * announced by mDNS — or `--lan-host ADDRESS`, `--lan-port N`, `--no-mdns` on the command line, as
 * for the web build (a PC with two networks; the shell tests keep it on 127.0.0.1).
 */
const LAN = lanArgs(parseArgs(process.argv.slice(1)));

/**
 * This computer as a station of the club network. Should it be the standby and a manager promote
 * it (the desk PC died), its core — opened on the verified copy — becomes this computer's: the
 * windows are served from it and the club network listens here (becomeHost).
 */
function newStation(dir: string): StationBackend {
  const s: StationBackend = new StationBackend(dir, {
    lanUrl: lanUrlOf(LAN),
    onPromoted: async (c) => {
      s.releaseCore();
      await becomeHost(c);
    },
  });
  return s;
}

/**
 * This computer is a station of the club network: no club database; the windows' calls and the
 * host's changes go through the station's link, and the windows hear when its stage or link
 * changes (the link banner, the join screen's wait).
 */
function becomeStation(s: StationBackend): void {
  station = s;
  serveWindows(s);
  stopStationPush?.();
  stopStationPush = s.onStateChange(() => {
    void s.state().then((state) => {
      if (station === s) broadcast(STATION_CHANGED_CHANNEL, state);
    });
  });
  s.start();
}

/**
 * This computer is the club's host: the windows talk to this core, and paired stations are
 * answered on the LAN while the club network is on (its identity is made on the first start; a
 * failure here never stops the desk). Used by start(); a standby station promoted to host calls it
 * with its new core.
 */
async function becomeHost(c: Core): Promise<void> {
  core = c;
  const was = station;
  if (was) {
    stopStationPush?.();
    stopStationPush = null;
    was.close();
    station = null;
  }
  serveWindows(c);
  // the windows are no station's any more
  if (was) broadcast(STATION_CHANGED_CHANNEL, null);
  try {
    const listener = await startLanHost({
      core: c,
      identity: await ensureIdentity(dataDir()),
      host: LAN.host,
      port: LAN.port,
      mdns: LAN.mdns,
      staticDir: rendererDir(APP_ROOT), // tablets' browsers get the renderer there
    });
    // a first start that joined a club meanwhile is no host
    if (core === c) lan = listener;
    else await listener.close();
  } catch (e) {
    console.error('[main] club network:', e);
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const r = await appFileResponse(request, APP_ROOT);
    return new Response(r.body, { status: r.status, headers: r.headers });
  });

  const dir = dataDir();
  // A station (its data folder holds a pairing): no club database, calls go to its host.
  if (loadCredential(dir)) {
    becomeStation(newStation(dir));
    Menu.setApplicationMenu(buildMenu());
    mainWindow = createWindow();
    return;
  }
  let opened: Core;
  try {
    fs.mkdirSync(dir, { recursive: true });
    opened = await Core.open({ dataDir: dir });
  } catch (e) {
    dialog.showErrorBox(
      'Front Desk',
      `The data folder could not be opened:\n${dir}\n\n${e instanceof Error ? e.message : String(e)}`,
    );
    app.exit(1);
    return;
  }
  // the windows are served at once; the LAN listener may take a moment (a certificate on the first start)
  const hosting = becomeHost(opened);
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
  await hosting;
}

// A packaged build never starts with a debugger attached (the fuses also switch off Node's --inspect).
const debugging = app.isPackaged ? debuggingSwitches(process.argv) : [];
if (debugging.length > 0) {
  console.error(`[main] refusing to start with debugging switches: ${debugging.join(' ')}`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // The renderer's own origin (app://frontdesk); must be registered before ready.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Date and file pickers in the club's language.
  const lang = chromiumLang(clubLanguage(dataDir()) ?? '');
  if (lang) app.commandLine.appendSwitch('lang', lang);

  app.on('second-instance', focusMainWindow);

  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents);
    // A window's staff session ends with the window.
    const id = contents.id;
    contents.once('destroyed', () => {
      void backend?.call(sessionIdFor(id), 'session.logout', {});
    });
  });

  app.on('window-all-closed', () => app.quit());

  app.on('activate', () => {
    if (app.isReady() && (core || station) && BrowserWindow.getAllWindows().length === 0)
      mainWindow = createWindow();
  });

  app.on('will-quit', () => {
    void lan?.close();
    lan = null;
    core?.close();
    core = null;
    station?.close();
    station = null;
  });

  start().catch((e: unknown) => {
    console.error('[main] start failed:', e);
    app.exit(1);
  });
}
