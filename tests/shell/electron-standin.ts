/**
 * A stand-in for the `electron` module, for tests only (never shipped, never bundled): it lets the
 * real built main process (build/main/main.js) run in Node and opens each BrowserWindow as a
 * Chromium page (Playwright) with the real built preload (build/main/preload.js).
 *
 * What it does like Electron (where the shell test depends on it):
 *  - `app` lifecycle: ready after the main script ran, enableSandbox / registerSchemesAsPrivileged /
 *    command-line switches only before ready, quit (before-quit, windows closed, will-quit), exit,
 *    web-contents-created for every window, window-all-closed.
 *  - Custom protocols: a page's requests to the app's scheme go to the handler the main process
 *    gave `protocol.handle`, and its Response (status, headers — the CSP — and body) is what
 *    Chromium gets. Chromium cannot load an unknown scheme, so app://frontdesk/ is carried as
 *    https://frontdesk.app.invalid/ inside the browser and translated back for every URL the main
 *    process sees (senderFrame.url, navigation events, window.open, webContents.getURL).
 *  - Navigation: every renderer-initiated navigation request of a window emits will-frame-navigate
 *    and will-navigate on its webContents; prevented ones are aborted, others proceed (an outside
 *    address gets a page of its own, so a navigation that should have been refused is visible).
 *  - window.open goes to the webContents' window-open handler; a denied popup is closed at once.
 *  - Permission requests (notifications, camera/microphone, geolocation, clipboard) and permission
 *    queries go to the session's request / check handlers.
 *  - The preload runs before the page's scripts with `require` giving only 'electron'
 *    (contextBridge, ipcRenderer); contextBridge.exposeInMainWorld copies the API into the page:
 *    functions become proxies, objects are copied and frozen, the key cannot be redefined.
 *    ipcRenderer.invoke structured-clones its arguments (functions, DOM nodes, symbols fail with a
 *    DataCloneError like Electron's "An object could not be cloned"), the main side's answer is
 *    structured-cloned back, a handler's exception rejects with "Error invoking remote method".
 *    webContents.send structured-clones too.
 *  - printToPDF → Chromium's page.pdf(); the save dialog answers what the test tells it; the
 *    `--lang` switch becomes the browser context's locale (navigator.language, Intl, Accept-Language).
 *
 * What it cannot prove (say so wherever it matters):
 *  - real sandboxing and context isolation: the preload runs in the page's own JavaScript world,
 *    inside a closure (the page cannot reach `require`, `ipcRenderer` or the binding, but it could
 *    tamper with built-ins the preload uses); Electron's OS sandbox and V8 isolated worlds are not
 *    here, nor is the enforcement of the webPreferences — the test checks the options instead.
 *  - Playwright's own binding globals (`__playwright__binding__…`) exist in the page.
 *  - fuses, ASAR packaging and integrity, code signing, the native print dialog, the menu bar,
 *    single-instance locking, and anything Chromium does with --remote-debugging-port itself.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Frame, Page, Request, Route } from '@playwright/test';

/** Where app://frontdesk/ lives inside the browser (a reserved, never resolvable name). */
const STANDIN_HOST = 'app.invalid';

export interface StandinOptions {
  browser: Browser;
  /** app.getAppPath(): the repo root (holds build/renderer). */
  appPath: string;
  /** app.getPath('userData'). */
  userData: string;
  isPackaged?: boolean;
  /** The command line after the executable (process.argv while the main script loads). */
  argv?: string[];
  /** What dialog.showSaveDialog answers (undefined: cancelled). */
  saveDialogPath?: (options: { defaultPath?: string }) => string | undefined;
}

type Handler = (...args: unknown[]) => unknown;

/** An Electron-like event with preventDefault. */
interface StandinEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
  isMainFrame?: boolean;
}

function makeEvent(extra: Partial<StandinEvent> = {}): StandinEvent {
  const e: StandinEvent = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

export class Standin {
  readonly opts: StandinOptions;
  readonly app: StandinApp;
  readonly windows: StandinWindow[] = [];
  readonly allContents: StandinWebContents[] = [];
  readonly ipcHandlers = new Map<string, Handler>();
  readonly protocolHandlers = new Map<string, (request: globalThis.Request) => unknown>();
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  readonly session: StandinSession;
  readonly errorBoxes: string[] = [];
  readonly openedPaths: string[] = [];
  readonly deniedPopups: string[] = [];
  readonly allowedPopups: string[] = [];
  readonly permissionRequests: { permission: string; granted: boolean }[] = [];
  /** The options of every printToPDF call, as the main process passed them. */
  readonly pdfRequests: unknown[] = [];
  /** The options of every webContents.print() (the stand-in has no printer: each one fails). */
  readonly printCalls: unknown[] = [];
  readonly navigations: { url: string; prevented: boolean }[] = [];
  applicationMenu: unknown = null;
  context: BrowserContext | null = null;
  private nextId = 1;

  constructor(opts: StandinOptions) {
    this.opts = opts;
    this.app = new StandinApp(this);
    this.session = new StandinSession();
  }

  /** The `electron` module the main process gets. */
  get module(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- BrowserWindow is a constructor function
    const self = this;
    const BrowserWindow = function (this: unknown, options: Record<string, unknown>) {
      return new StandinWindow(self, options ?? {});
    } as unknown as { new (o: Record<string, unknown>): StandinWindow } & Record<string, unknown>;
    Object.defineProperty(BrowserWindow, Symbol.hasInstance, {
      value: (x: unknown) => x instanceof StandinWindow,
    });
    BrowserWindow.getAllWindows = () => self.windows.filter((w) => !w.isDestroyed());
    BrowserWindow.fromWebContents = (wc: unknown) =>
      self.windows.find((w) => w.webContents === wc && !w.isDestroyed()) ?? null;
    BrowserWindow.getFocusedWindow = () => self.windows.find((w) => !w.isDestroyed()) ?? null;
    return {
      app: this.app,
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, h: Handler) => {
          if (this.ipcHandlers.has(channel))
            throw new Error(`Attempted to register a second handler for '${channel}'`);
          this.ipcHandlers.set(channel, h);
        },
        removeHandler: (channel: string) => this.ipcHandlers.delete(channel),
        on: () => undefined,
      },
      session: { defaultSession: this.session },
      protocol: {
        registerSchemesAsPrivileged: (list: { scheme: string; privileges?: Record<string, boolean> }[]) => {
          if (this.app.ready) throw new Error('registerSchemesAsPrivileged must be called before ready');
          this.privilegedSchemes = list;
        },
        handle: (scheme: string, h: (request: globalThis.Request) => unknown) => {
          if (!this.app.ready) throw new Error('protocol.handle must be called after ready');
          if (!this.privilegedSchemes.some((s) => s.scheme === scheme) && scheme !== 'https')
            throw new Error(`The scheme ${scheme} was not registered as privileged (standard)`);
          this.protocolHandlers.set(scheme, h);
        },
        isProtocolHandled: (scheme: string) => this.protocolHandlers.has(scheme),
      },
      Menu: {
        buildFromTemplate: (template: unknown) => ({ template }),
        setApplicationMenu: (menu: unknown) => void (this.applicationMenu = menu),
      },
      dialog: {
        showSaveDialog: async (...args: unknown[]) => {
          const options = (args.length > 1 ? args[1] : args[0]) as { defaultPath?: string };
          const filePath = this.opts.saveDialogPath?.(options);
          return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
        },
        showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
        showErrorBox: (title: string, content: string) => void this.errorBoxes.push(`${title}: ${content}`),
      },
      shell: {
        openPath: async (p: string) => {
          this.openedPaths.push(p);
          return '';
        },
        openExternal: async () => undefined,
      },
    };
  }

  newContentsId(): number {
    return this.nextId++;
  }

  /** The browser context (Electron's default session): created at ready, with the --lang locale. */
  async ensureContext(): Promise<BrowserContext> {
    if (this.context) return this.context;
    const lang = this.app.commandLine.getSwitchValue('lang');
    const context = await this.opts.browser.newContext({
      viewport: { width: 1366, height: 768 },
      ...(lang ? { locale: lang } : {}),
    });
    this.context = context;
    await context.route('**/*', (route, request) => this.onRequest(route, request));
    return context;
  }

  contentsOfPage(page: Page): StandinWebContents | undefined {
    return this.allContents.find((c) => c.page === page && !c.isDestroyed());
  }

  /** Every request of every page: the app's protocol, navigations, and nothing from outside. */
  private async onRequest(route: Route, request: Request): Promise<void> {
    const url = toElectronUrl(request.url());
    let page: Page | null = null;
    try {
      page = request.frame().page();
    } catch {
      page = null;
    }
    const contents = page ? this.contentsOfPage(page) : undefined;
    if (request.isNavigationRequest() && contents) {
      if (contents.expectedLoad === url) {
        contents.expectedLoad = null;
      } else {
        const mainFrame = request.frame() === contents.page?.mainFrame();
        const e = makeEvent({ url, isMainFrame: mainFrame });
        contents.emit('will-frame-navigate', e);
        if (mainFrame) contents.emit('will-navigate', e, url);
        this.navigations.push({ url, prevented: e.defaultPrevented });
        if (e.defaultPrevented) return route.abort('aborted');
      }
    }
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.protocolHandlers.get(scheme);
    if (handler) {
      const res = (await handler(new globalThis.Request(url, { method: request.method() }))) as Response;
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      return route.fulfill({ status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) });
    }
    if (request.isNavigationRequest()) {
      // An outside page reached (no network here): shows that the navigation was not refused.
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>outside</h1>' });
    }
    return route.abort('blockedbyclient');
  }
}

/** app://frontdesk/x → https://frontdesk.app.invalid/x (inside the browser). */
function toBrowserUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m || ['http', 'https', 'file', 'data', 'about'].includes(m[1]!.toLowerCase())) return url;
  return `https://${m[2]}.${m[1]!.toLowerCase()}.invalid${m[3]}`;
}

/** The inverse of toBrowserUrl: what the main process sees. */
function toElectronUrl(url: string): string {
  const m = /^https:\/\/([^/?#]*)\.([a-z][a-z0-9+.-]*)\.invalid(\/.*)?$/i.exec(url);
  if (!m || !url.includes(`.${STANDIN_HOST}`) || m[2] !== 'app') return url;
  return `${m[2]}://${m[1]}${m[3] ?? '/'}`;
}

class StandinApp extends EventEmitter {
  ready = false;
  quitting = false;
  exitCode: number | null = null;
  sandboxEnabled = false;
  private readonly switches = new Map<string, string>();
  private readonly readyWaiters: (() => void)[] = [];
  readonly commandLine: {
    appendSwitch(name: string, value?: string): void;
    hasSwitch(name: string): boolean;
    getSwitchValue(name: string): string;
  };

  constructor(private readonly s: Standin) {
    super();
    for (const a of s.opts.argv ?? []) {
      const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
      if (m) this.switches.set(m[1]!, m[2] ?? '');
    }
    this.commandLine = {
      appendSwitch: (name, value = '') => {
        if (this.ready) throw new Error(`appendSwitch('${name}') after ready has no effect on Chromium`);
        this.switches.set(name, value);
      },
      hasSwitch: (name) => this.switches.has(name),
      getSwitchValue: (name) => this.switches.get(name) ?? '',
    };
  }

  get isPackaged(): boolean {
    return this.s.opts.isPackaged ?? false;
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }
  getAppPath(): string {
    return this.s.opts.appPath;
  }
  getPath(name: string): string {
    if (name === 'userData') return this.s.opts.userData;
    return path.join(this.s.opts.userData, `standin-${name}`);
  }
  getLocale(): string {
    return this.switches.get('lang') || 'en-US';
  }
  getVersion(): string {
    return (
      JSON.parse(fs.readFileSync(path.join(this.s.opts.appPath, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }
  async becomeReady(): Promise<void> {
    if (this.exitCode !== null) return;
    await this.s.ensureContext();
    this.ready = true;
    this.emit('ready', makeEvent(), {});
    for (const w of this.readyWaiters.splice(0)) w();
  }
  quit(): void {
    if (this.quitting || this.exitCode !== null) return;
    this.quitting = true;
    const e = makeEvent();
    this.emit('before-quit', e);
    void (async () => {
      for (const w of [...this.s.windows]) await w.closeNow();
      this.emit('will-quit', makeEvent());
      this.emit('quit', makeEvent(), 0);
      this.exitCode = 0;
      this.emit('standin-exit');
    })();
  }
  exit(code = 0): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    void (async () => {
      for (const w of [...this.s.windows]) await w.closeNow(true);
      this.emit('standin-exit');
    })();
  }
  windowClosed(): void {
    if (!this.quitting && this.exitCode === null && this.s.windows.every((w) => w.isDestroyed()))
      this.emit('window-all-closed');
  }
}

class StandinSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  headersListener: Handler | null = null;
  setPermissionRequestHandler(h: Handler | null): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler | null): void {
    this.permissionCheckHandler = h;
  }
  // Electron's webRequest does not see responses of custom protocols (the only ones served here).
  webRequest = { onHeadersReceived: (l: Handler | null) => void (this.headersListener = l) };
}

class StandinWebContents extends EventEmitter {
  readonly id: number;
  page: Page | null = null;
  expectedLoad: string | null = null;
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  private destroyed = false;
  /** A secret event name for main → preload messages (the page cannot guess it). */
  readonly secret = `fd-standin-${Math.random().toString(36).slice(2)}${Date.now()}`;
  readonly session: StandinSession;

  constructor(private readonly s: Standin) {
    super();
    this.id = s.newContentsId();
    this.session = s.session;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  markDestroyed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
  getURL(): string {
    return this.page ? toElectronUrl(this.page.url()) : '';
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]): void {
    const payload = structuredClone(args); // throws like Electron for what cannot be cloned
    const page = this.page;
    if (!page || this.destroyed) return;
    page
      .evaluate(({ name, detail }) => window.dispatchEvent(new CustomEvent(name, { detail })), {
        name: this.secret,
        detail: JSON.stringify({ channel, args: payload }),
      })
      .catch(() => undefined);
  }
  print(options: unknown, callback?: (success: boolean, reason: string) => void): void {
    this.s.printCalls.push(structuredClone(options));
    callback?.(false, 'the stand-in has no printer');
  }
  async printToPDF(options: {
    pageSize?: string;
    printBackground?: boolean;
    landscape?: boolean;
    preferCSSPageSize?: boolean;
    displayHeaderFooter?: boolean;
    margins?: { top?: number; bottom?: number; left?: number; right?: number };
  }) {
    if (!this.page) throw new Error('no page');
    this.s.pdfRequests.push(structuredClone(options));
    const format = typeof options.pageSize === 'string' ? options.pageSize : 'Letter';
    // Electron's margins are inches and default to 0.4 in; Chromium's page.pdf takes CSS lengths
    const inch = (v: number | undefined) => `${v ?? 0.4}in`;
    const m = options.margins ?? {};
    return this.page.pdf({
      format,
      printBackground: options.printBackground ?? false,
      landscape: options.landscape ?? false,
      preferCSSPageSize: options.preferCSSPageSize ?? false,
      displayHeaderFooter: options.displayHeaderFooter ?? false,
      margin: { top: inch(m.top), bottom: inch(m.bottom), left: inch(m.left), right: inch(m.right) },
    });
  }
}

class StandinWindow extends EventEmitter {
  readonly id: number;
  readonly webContents: StandinWebContents;
  readonly options: Record<string, unknown>;
  readonly pageReady: Promise<Page>;
  visible = false;
  private destroyed = false;

  constructor(
    private readonly s: Standin,
    options: Record<string, unknown>,
  ) {
    super();
    if (!s.app.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = structuredClone(options);
    this.webContents = new StandinWebContents(s);
    this.id = this.webContents.id;
    s.windows.push(this);
    s.allContents.push(this.webContents);
    s.app.emit('web-contents-created', makeEvent(), this.webContents);
    this.pageReady = this.openPage();
    this.pageReady.catch(() => undefined);
  }

  private async openPage(): Promise<Page> {
    const context = await this.s.ensureContext();
    const page = await context.newPage();
    this.webContents.page = page;
    const prefs = (this.options.webPreferences ?? {}) as { preload?: string };
    const binding = `__fdStandin${Math.random().toString(36).slice(2)}`;
    await page.exposeBinding(binding, (source: { frame: Frame }, kind: string, ...args: unknown[]) =>
      this.fromPage(source.frame, kind, args),
    );
    const preload = prefs.preload ? fs.readFileSync(prefs.preload, 'utf8') : '';
    const script =
      `(${pageShim.toString()})(${JSON.stringify({ binding, secret: this.webContents.secret })}, ` +
      `function (require, module, exports, process) {\n${preload}\n});`;
    await page.addInitScript({ content: script });
    page.on('popup', (popup) => void this.onPopup(popup));
    page.on('domcontentloaded', () => {
      this.webContents.emit('dom-ready', makeEvent());
      if (!this.visible) this.emit('ready-to-show', makeEvent());
    });
    page.on('load', () => this.webContents.emit('did-finish-load', makeEvent()));
    return page;
  }

  /** A call from the page's shim: the preload's ipcRenderer, or a permission request or check. */
  private async fromPage(frame: Frame, kind: string, args: unknown[]): Promise<unknown> {
    const contents = this.webContents;
    const senderFrame = { url: toElectronUrl(frame.url()) };
    if (kind === 'invoke') {
      const [channel, callArgs] = args as [string, unknown[]];
      const handler = this.s.ipcHandlers.get(channel);
      if (!handler) return { error: `No handler registered for '${channel}'` };
      try {
        const value = await handler({ sender: contents, senderFrame, frameId: 0, processId: 0 }, ...callArgs);
        return { value: structuredClone(value) };
      } catch (e) {
        return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      }
    }
    if (kind === 'permission') {
      const permission = String(args[0]);
      const h = this.s.session.permissionRequestHandler;
      // Without a handler Electron grants every permission.
      const granted = h
        ? await new Promise<boolean>((resolve) =>
            h(contents, permission, (g: boolean) => resolve(g === true), { requestingUrl: senderFrame.url }),
          )
        : true;
      this.s.permissionRequests.push({ permission, granted });
      return granted;
    }
    if (kind === 'permissionCheck') {
      const h = this.s.session.permissionCheckHandler;
      return h ? h(contents, String(args[0]), senderFrame.url, {}) === true : true;
    }
    return { error: `unknown ${kind}` };
  }

  private async onPopup(popup: Page): Promise<void> {
    await popup.waitForLoadState('domcontentloaded', { timeout: 5000 }).catch(() => undefined);
    const url = toElectronUrl(popup.url());
    const decision = this.webContents.windowOpenHandler?.({ url }) ?? { action: 'allow' };
    if (decision.action === 'deny') {
      this.s.deniedPopups.push(url);
      await popup.close().catch(() => undefined);
    } else {
      this.s.allowedPopups.push(url);
    }
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.pageReady;
    this.webContents.expectedLoad = url;
    await page.goto(toBrowserUrl(url));
  }
  async loadFile(file: string): Promise<void> {
    const page = await this.pageReady;
    await page.goto(pathToFileURL(file).href);
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    void this.closeNow();
  }
  destroy(): void {
    void this.closeNow(true);
  }
  async closeNow(silent = false): Promise<void> {
    if (this.destroyed) return;
    if (!silent) {
      const e = makeEvent();
      this.emit('close', e);
      if (e.defaultPrevented) return;
    }
    this.destroyed = true;
    const page = await this.pageReady.catch(() => null);
    await page?.close().catch(() => undefined);
    this.webContents.markDestroyed();
    this.emit('closed');
    this.s.app.windowClosed();
  }
}

/**
 * Runs in each page before its own scripts: takes the binding out of the page's reach, routes
 * permission requests to the main side, and runs the preload with a `require` that knows only
 * 'electron' (contextBridge, ipcRenderer). Must be self-contained (it is sent as source text).
 */
function pageShim(
  cfg: { binding: string; secret: string },
  runPreload: (require: (id: string) => unknown, module: unknown, exports: unknown, process: unknown) => void,
): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const call = g[cfg.binding] as (kind: string, ...args: unknown[]) => Promise<unknown>;
  delete g[cfg.binding];

  // Permission requests and queries go to the session's handlers.
  const ask = (permission: string): Promise<boolean> => call('permission', permission) as Promise<boolean>;
  if (typeof Notification !== 'undefined') {
    Notification.requestPermission = async () => ((await ask('notifications')) ? 'granted' : 'denied');
  }
  const md = navigator.mediaDevices as MediaDevices | undefined;
  if (md) {
    const original = md.getUserMedia.bind(md);
    md.getUserMedia = async (c?: MediaStreamConstraints) => {
      if (!(await ask('media'))) throw new DOMException('Permission denied', 'NotAllowedError');
      return original(c);
    };
  }
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition = (ok, fail) => {
      void ask('geolocation').then((granted) => {
        if (!granted)
          fail?.({ code: 1, message: 'User denied Geolocation' } as unknown as GeolocationPositionError);
        else ok({ coords: {}, timestamp: Date.now() } as unknown as GeolocationPosition);
      });
    };
  }
  if (navigator.clipboard) {
    navigator.clipboard.readText = async () => {
      if (!(await ask('clipboard-read')))
        throw new DOMException('Read permission denied.', 'NotAllowedError');
      return '';
    };
  }
  if (navigator.permissions) {
    navigator.permissions.query = async (d: PermissionDescriptor) => {
      const granted = (await call('permissionCheck', d.name)) === true;
      return { name: d.name, state: granted ? 'granted' : 'denied', onchange: null } as PermissionStatus;
    };
  }

  // ipcRenderer: invoke structured-clones its arguments; main → page messages arrive as events.
  type Listener = (event: unknown, ...args: unknown[]) => void;
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      let cloned: unknown[];
      try {
        cloned = structuredClone(args);
      } catch (e) {
        return Promise.reject(new Error(`Error invoking remote method '${channel}': ${String(e)}`));
      }
      return call('invoke', channel, cloned).then((r) => {
        const res = r as { value?: unknown; error?: string };
        if (res.error !== undefined)
          throw new Error(`Error invoking remote method '${channel}': ${res.error}`);
        return res.value;
      });
    },
    on(channel: string, l: Listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), l]);
      return ipcRenderer;
    },
    removeListener(channel: string, l: Listener) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((x) => x !== l),
      );
      return ipcRenderer;
    },
    removeAllListeners(channel: string) {
      listeners.delete(channel);
      return ipcRenderer;
    },
  };
  window.addEventListener(cfg.secret, (e) => {
    e.stopImmediatePropagation();
    const { channel, args } = JSON.parse(String((e as CustomEvent).detail)) as {
      channel: string;
      args: unknown[];
    };
    for (const l of listeners.get(channel) ?? []) l({ sender: ipcRenderer }, ...args);
  });

  // contextBridge: values cross by copy; functions by proxy; what reaches the page is frozen.
  const isNode = (v: unknown): boolean => typeof Node !== 'undefined' && v instanceof Node;
  const cross = (v: unknown, freeze: boolean, depth: number): unknown => {
    if (depth > 1000) throw new Error('An object could not be cloned (too deep).');
    if (typeof v === 'function') {
      const fn = v as (...a: unknown[]) => unknown;
      return (...args: unknown[]) => cross(fn(...args.map((a) => cross(a, false, 0))), freeze, 0);
    }
    if (v === null || typeof v !== 'object' || isNode(v)) return v;
    if (v instanceof Promise) return v.then((x) => cross(x, false, 0));
    if (Array.isArray(v)) {
      const a = v.map((x) => cross(x, freeze, depth + 1));
      return freeze ? Object.freeze(a) : a;
    }
    if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = cross(x, freeze, depth + 1);
      return freeze ? Object.freeze(o) : o;
    }
    return structuredClone(v);
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (key in window)
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, key, {
        value: cross(api, true, 0),
        enumerable: true,
        writable: false,
        configurable: false,
      });
    },
  };

  const electron = Object.freeze({ contextBridge, ipcRenderer });
  const require = (id: string): unknown => {
    if (id === 'electron') return electron;
    throw new Error(`module not found: ${id}`);
  };
  const module = { exports: {} };
  const process = { env: {}, platform: 'linux', versions: {}, argv: [] };
  runPreload(require, module, module.exports, process);
}

/**
 * Loads the built main process with this stand-in as its `electron` module and makes the app
 * ready. The main script is loaded fresh each time (its module state starts over).
 */
export async function runMain(s: Standin, mainJs: string): Promise<void> {
  const M = Module as unknown as {
    _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  };
  const original = M._load;
  const electron = s.module;
  const savedArgv = process.argv;
  const savedDataDir = process.env.FRONTDESK_DATA_DIR;
  delete process.env.FRONTDESK_DATA_DIR;
  process.argv = [process.execPath, ...(s.opts.argv ?? [])];
  const req = createRequire(mainJs);
  M._load = function (this: unknown, request, parent, isMain) {
    return request === 'electron' ? electron : original.call(this, request, parent, isMain);
  };
  try {
    delete req.cache[req.resolve(mainJs)];
    req(mainJs);
  } finally {
    M._load = original;
    process.argv = savedArgv;
    if (savedDataDir !== undefined) process.env.FRONTDESK_DATA_DIR = savedDataDir;
  }
  await s.app.becomeReady();
}

/** Resolves when the app quit or exited (app.quit() / app.exit()). */
export function exited(s: Standin): Promise<number> {
  if (s.app.exitCode !== null && s.windows.every((w) => w.isDestroyed()))
    return Promise.resolve(s.app.exitCode);
  return new Promise((resolve) => s.app.once('standin-exit', () => resolve(s.app.exitCode ?? 0)));
}
