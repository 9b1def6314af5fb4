/**
 * The Electron main process: one window showing build/renderer/index.html, the core behind the
 * IPC bridge, and the hardening from security.ts. Bundled by electron/cli/build-node.mjs into
 * build/main/main.js (better-sqlite3 stays external; `npm start` points the core at a build made
 * for Electron through FRONTDESK_NATIVE_BINDING, the packaged app has it rebuilt in place).
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
  session,
  shell,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { Core } from '../core/app';
import { CHANGE_CHANNEL } from './channels';
import { printPage, registerIpc, sessionIdFor } from './ipc';
import { hardenContents, hardenSession, windowOptions } from './security';

const APP_ROOT = app.getAppPath();
const PRELOAD = path.join(__dirname, 'preload.js');
const INDEX_HTML = path.join(APP_ROOT, 'build', 'renderer', 'index.html');

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

// Every renderer is sandboxed, whatever its webPreferences say.
app.enableSandbox();

function dataDir(): string {
  const fromEnv = process.env.FRONTDESK_DATA_DIR;
  return fromEnv ? path.resolve(fromEnv) : path.join(app.getPath('userData'), 'data');
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
  void win.loadFile(INDEX_HTML);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);

  const dir = dataDir();
  try {
    fs.mkdirSync(dir, { recursive: true });
    core = await Core.open({ dataDir: dir });
  } catch (e) {
    dialog.showErrorBox(
      'Front Desk',
      `The data folder could not be opened:\n${dir}\n\n${e instanceof Error ? e.message : String(e)}`,
    );
    app.exit(1);
    return;
  }

  registerIpc(ipcMain, core, {
    appRoot: APP_ROOT,
    defaultPdfDir: () => app.getPath('documents'),
    showSaveDialog: (sender, options) => {
      const win = BrowserWindow.fromWebContents(sender as WebContents);
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
    },
  });

  // Live screens: every window hears which operation changed something (never any data).
  core.onChange((e) => {
    for (const w of BrowserWindow.getAllWindows())
      if (!w.isDestroyed()) w.webContents.send(CHANGE_CHANNEL, e);
  });

  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, APP_ROOT);
    // A window's staff session ends with the window.
    const id = contents.id;
    contents.once('destroyed', () => {
      void core?.call(sessionIdFor(id), 'session.logout', {});
    });
  });

  app.on('window-all-closed', () => app.quit());

  app.on('activate', () => {
    if (app.isReady() && core && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });

  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  start().catch((e: unknown) => {
    console.error('[main] start failed:', e);
    app.exit(1);
  });
}
