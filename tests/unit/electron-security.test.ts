import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const bridge = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(async () => ({ ok: true })),
  on: vi.fn<(channel: string, listener: (...args: unknown[]) => void) => void>(),
  removeListener: vi.fn<(channel: string, listener: (...args: unknown[]) => void) => void>(),
}));

// The real 'electron' module cannot load in unit tests; the preload gets these fakes.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: bridge.exposeInMainWorld },
  ipcRenderer: { invoke: bridge.invoke, on: bridge.on, removeListener: bridge.removeListener },
}));

import { OP_NAMES } from '../../electron/core/contract';
import {
  appFileResponse,
  appPath,
  chromiumLang,
  type ContentsLike,
  CSP,
  debuggingSwitches,
  hardenContents,
  hardenSession,
  isAppUrl,
  type PreventableEvent,
  type SessionLike,
  windowOptions,
} from '../../electron/main/security';

const INDEX = 'app://frontdesk/index.html';
describe('window options', () => {
  it('sandboxes the renderer', () => {
    const o = windowOptions('/app/build/main/preload.js');
    expect(o).toMatchObject({ width: 1366, height: 768, minWidth: 1280, minHeight: 720 });
    expect(typeof o.backgroundColor).toBe('string');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/build/main/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
    expect(o.webPreferences?.allowRunningInsecureContent).not.toBe(true);
    expect(o.webPreferences?.nodeIntegrationInSubFrames).not.toBe(true);
  });
});

describe('CSP', () => {
  it('allows only the app’s own scripts', () => {
    expect(CSP).not.toContain('unsafe-eval');
    const directives = CSP.split(';').map((d) => d.trim());
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(directives.find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
  });

  it('is the same policy as the meta tag of renderer/index.html (frame-ancestors only works as a header)', () => {
    const html = fs.readFileSync(path.join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(meta?.[1]).toBe(CSP.replace("; frame-ancestors 'none'", ''));
  });
});

describe('isAppUrl', () => {
  it('accepts the app’s own files on app://frontdesk', () => {
    expect(isAppUrl(INDEX)).toBe(true);
    expect(isAppUrl(`${INDEX}#/members?x=1`)).toBe(true);
    expect(isAppUrl('app://frontdesk/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://frontdesk/')).toBe(true);
    expect(appPath('app://frontdesk/assets/../index.html')).toBe('index.html');
  });

  it('refuses everything else', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'about:blank',
      'data:text/html,<h1>x</h1>',
      'javascript:alert(1)',
      'devtools://devtools/bundled/inspector.html',
      'file:///etc/passwd',
      // the renderer's files on the disk are not the app any more: only app:// is
      pathToFileURL(path.join(os.tmpdir(), 'build', 'renderer', 'index.html')).href,
      'app://evil.example/index.html',
      'app://frontdesk.evil.example/index.html',
      'app://frontdesk:8080/index.html',
      'app://user:pw@frontdesk/index.html',
      'app://frontdesk/..%2f..%2fpackage.json',
      'app://frontdesk/assets%5c..%5c..%5cpackage.json',
      'app://frontdesk/%00index.html',
      'app://frontdesk/C:/Windows/win.ini',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('app:// protocol', () => {
  let root = '';
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-test-approot-'));
    fs.mkdirSync(path.join(root, 'build', 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'build', 'renderer', 'index.html'), '<!doctype html><p>app</p>');
    fs.writeFileSync(path.join(root, 'build', 'renderer', 'assets', 'a.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'build', 'main.js'), 'secret');
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => appFileResponse({ url, method }, root);

  it('serves the renderer’s files with their type and the CSP', async () => {
    const index = await get(INDEX);
    expect(index.status).toBe(200);
    expect(Buffer.from(index.body!).toString()).toContain('<p>app</p>');
    expect(index.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
    });
    expect((await get('app://frontdesk/')).status).toBe(200);
    const js = await get('app://frontdesk/assets/a.js?v=1#x');
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect((await get(INDEX, 'HEAD')).body).toBeNull();
  });

  it('serves nothing outside build/renderer, nothing missing, no other method', async () => {
    for (const url of [
      'app://frontdesk/../main.js',
      'app://frontdesk/%2e%2e/main.js',
      'app://frontdesk/..%2fmain.js',
      'app://frontdesk/..%5c..%5cpackage.json',
      'app://frontdesk/assets',
      'app://frontdesk/missing.js',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const r = await get(url);
      expect([r.status, r.body], url).toEqual([404, null]);
      expect(r.headers['Content-Security-Policy']).toBe(CSP);
    }
    expect((await get(INDEX, 'POST')).status).toBe(405);
  });
});

describe('start-up switches', () => {
  it('finds the debugging switches a packaged build refuses', () => {
    expect(
      debuggingSwitches([
        '/opt/Front Desk/front-desk',
        '--remote-debugging-port=9222',
        '--remote-debugging-pipe',
        '--inspect',
        '--inspect=9229',
        '--inspect-brk=0.0.0.0:9229',
        '--inspect-brk-node',
        '--inspect-port=1',
        '--debug=5858',
        '--js-flags=--expose-gc',
        '--lang=en-US',
        '--no-sandbox-not-a-flag',
        'app://frontdesk/',
      ]),
    ).toEqual([
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect=9229',
      '--inspect-brk=0.0.0.0:9229',
      '--inspect-brk-node',
      '--inspect-port=1',
      '--debug=5858',
      '--js-flags=--expose-gc',
    ]);
    expect(debuggingSwitches(['/usr/bin/front-desk', '--lang=zh-CN'])).toEqual([]);
  });

  it('names Chromium’s language after the club’s', () => {
    expect(chromiumLang('zh-CN')).toBe('zh-CN');
    expect(chromiumLang('en')).toBe('en-US');
    expect(chromiumLang('')).toBeNull();
    expect(chromiumLang('--inspect')).toBeNull();
  });
});

function fakeContents() {
  const listeners = new Map<string, ((event: PreventableEvent, url?: string) => void)[]>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: ContentsLike = {
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
    on: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
  };
  const emit = (name: string, url?: string, detailsUrl?: string) => {
    const event = { preventDefault: vi.fn(), url: detailsUrl };
    for (const l of listeners.get(name) ?? []) l(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, emit, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenContents', () => {
  it('denies window.open', () => {
    const f = fakeContents();
    hardenContents(f.contents);
    expect(f.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(f.open(INDEX)).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects away from the app', () => {
    const f = fakeContents();
    hardenContents(f.contents);
    const inside = INDEX;
    expect(f.emit('will-navigate', 'https://example.com', 'https://example.com')).toBe(true);
    expect(f.emit('will-navigate', 'https://example.com')).toBe(true);
    expect(f.emit('will-frame-navigate', undefined, 'https://example.com/')).toBe(true);
    expect(f.emit('will-redirect', 'https://example.com/', 'https://example.com/')).toBe(true);
    expect(f.emit('will-navigate', 'file:///etc/passwd', 'file:///etc/passwd')).toBe(true);
    expect(f.emit('will-navigate')).toBe(true);
    expect(f.emit('will-navigate', inside, inside)).toBe(false);
  });

  it('prevents webviews', () => {
    const f = fakeContents();
    hardenContents(f.contents);
    expect(f.emit('will-attach-webview')).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies permissions and sets the CSP header', () => {
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] = null;
    let headers: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] = null;
    hardenSession({
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
      webRequest: { onHeadersReceived: (l) => void (headers = l) },
    });
    const granted = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      request!({}, p, granted);
    expect(granted.mock.calls.every(([g]) => g === false)).toBe(true);
    expect(granted).toHaveBeenCalledTimes(5);
    expect(check!({}, 'media')).toBe(false);

    const done = vi.fn();
    headers!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CSP], 'X-Other': ['1'] },
    });
  });
});

describe('preload', () => {
  it('exposes exactly one function per contract operation, plus print and change notifications', async () => {
    await import('../../electron/main/preload');
    expect(bridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = bridge.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('frontDesk');
    const { ops, print, onChange, station, ...rest } = api as {
      ops: Record<string, (a: unknown) => Promise<unknown>>;
      print: (o: unknown) => Promise<unknown>;
      onChange: (cb: (e: unknown) => void) => () => void;
      station: Record<string, (...a: unknown[]) => unknown>;
    };
    expect(rest).toEqual({});
    // the club network's station: exactly its own functions, each on its own named channel
    expect(Object.keys(station).sort()).toEqual([
      'copyNow',
      'discover',
      'onState',
      'pair',
      'promote',
      'state',
    ]);
    expect(Object.keys(ops).sort()).toEqual([...OP_NAMES].sort());
    for (const fn of Object.values(ops)) expect(typeof fn).toBe('function');

    await ops['checkin.scan']!({ code: '123' });
    expect(bridge.invoke).toHaveBeenLastCalledWith('fd:call', 'checkin.scan', { code: '123' });
    await print({ pdf: true, title: 'Report' });
    expect(bridge.invoke).toHaveBeenLastCalledWith('fd:print', { pdf: true, title: 'Report' });
    expect(bridge.invoke.mock.calls.map((c) => c[0])).toEqual(['fd:call', 'fd:print']);
    await station.state!();
    await station.pair!({ hostUrl: '192.168.1.10', code: '123456', name: 'Bar' });
    await station.discover!();
    await station.copyNow!();
    await station.promote!('2468');
    expect(bridge.invoke.mock.calls.slice(2)).toEqual([
      ['fd:station-state'],
      ['fd:station-pair', { hostUrl: '192.168.1.10', code: '123456', name: 'Bar' }],
      ['fd:station-discover'],
      ['fd:station-copy'],
      ['fd:station-promote', '2468'],
    ]);

    // Change notifications: only the operation name and time reach the page, never the IPC event.
    const seen: unknown[] = [];
    const off = onChange((e) => seen.push(e));
    const [channel, listener] = bridge.on.mock.calls[0]!;
    expect(channel).toBe('fd:changed');
    listener({ sender: 'secret' }, { op: 'bar.sell', at: '2026-11-18T02:00:00.000Z', extra: 'x' });
    expect(seen).toEqual([{ op: 'bar.sell', at: '2026-11-18T02:00:00.000Z' }]);
    off();
    expect(bridge.removeListener).toHaveBeenCalledWith('fd:changed', listener);
  });
});

describe('Electron fuses (afterPack hook)', () => {
  it('turns off Node entry points and loads the app only from a checked asar', () => {
    const require = createRequire(import.meta.url);
    const hook = require('../../electron/cli/fuses.cjs') as ((ctx: unknown) => Promise<void>) & {
      FUSES: Record<string, boolean>;
    };
    expect(typeof hook).toBe('function');
    expect(hook.FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });

  it('is the afterPack hook of an asar build (the integrity fuse needs the archive)', () => {
    const yml = fs.readFileSync(path.join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/^afterPack: \.\/electron\/cli\/fuses\.cjs$/m);
  });

  it('names only fuses that @electron/fuses knows', async () => {
    const require = createRequire(import.meta.url);
    const { FUSES } = require('../../electron/cli/fuses.cjs') as { FUSES: Record<string, boolean> };
    const { FuseV1Options } = await import('@electron/fuses');
    for (const name of Object.keys(FUSES)) expect(FuseV1Options).toHaveProperty(name);
  });
});
