/**
 * Electron hardening, as pure functions over structural types so the unit tests can run them
 * without Electron. The renderer is an untrusted page: it gets a sandboxed, context-isolated
 * window without Node, may not open windows, navigate away, embed webviews or use any permission
 * (camera, notifications, ...), and only the app's own files (build/renderer, served as
 * app://frontdesk/) count as "the app".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { CSP } from '../shared/csp';

/** The app's policy (electron/shared/csp.ts), also sent as a response header. */
export { CSP };

export const BACKGROUND_COLOR = '#f5f7f8';

/** The folder of the built renderer inside the app root (the repo in development, app.asar when packaged). */
export function rendererDir(appRoot: string): string {
  return path.resolve(appRoot, 'build', 'renderer');
}

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1280,
    minHeight: 720,
    show: false,
    title: 'Front Desk',
    backgroundColor: BACKGROUND_COLOR,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The app:// protocol: the renderer is served from app://frontdesk/ (a standard, secure scheme of
// its own) instead of file://, so the page's origin is the app and nothing else on the disk is.

export const APP_SCHEME = 'app';
export const APP_HOST = 'frontdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged (before ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/**
 * The path inside build/renderer that an app:// URL names ('' for the root), or null when the URL
 * is not the app's: another scheme or host, credentials or a port, a "..", an encoded slash or
 * backslash, a NUL. The URL parser resolves plain and %2e dot segments; each segment is decoded
 * and checked again.
 */
export function appPath(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST || u.port !== '') return null;
  if (u.username !== '' || u.password !== '') return null;
  const parts: string[] = [];
  for (const raw of u.pathname.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '' || seg === '.') continue;
    // eslint-disable-next-line no-control-regex
    if (seg === '..' || /[/\\\u0000]/.test(seg) || /^[a-zA-Z]:/.test(seg)) return null;
    parts.push(seg);
  }
  return parts.join('/');
}

/** True only for app://frontdesk/... URLs whose path stays inside the renderer's files. */
export function isAppUrl(url: string): boolean {
  return appPath(url) !== null;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** What the app:// handler answers: status, headers and the file's bytes (null for none). */
export interface AppFileResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/**
 * Answers an app:// request from build/renderer (read with fs, which also reads inside app.asar in
 * a packaged app). Every answer carries the CSP: Electron's webRequest does not see responses of
 * a custom protocol, so the header set by hardenSession would not reach these pages.
 */
export async function appFileResponse(
  request: { url: string; method: string },
  appRoot: string,
): Promise<AppFileResponse> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const fail = (status: number): AppFileResponse => ({ status, headers, body: null });
  if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405);
  const rel = appPath(request.url);
  if (rel === null) return fail(404);
  const root = rendererDir(appRoot);
  const file = path.resolve(root, rel === '' ? 'index.html' : rel);
  const inside = path.relative(root, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return fail(404);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await fs.promises.readFile(file));
  } catch {
    return fail(404);
  }
  headers['Content-Type'] = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { status: 200, headers, body: request.method === 'HEAD' ? null : body };
}

// ---------------------------------------------------------------------------------------------
// Start-up switches.

/**
 * The debugging switches in a command line that a packaged build refuses to start with: Chromium's
 * remote debugging (port or pipe) and Node's inspector (also switched off by the
 * EnableNodeCliInspectArguments fuse; checked here as well in case a build lacks the fuse).
 */
export function debuggingSwitches(argv: readonly string[]): string[] {
  const bad =
    /^--?(remote-debugging-(port|pipe|address|targets)|inspect(-brk|-port|-publish-uid|-wait)?(-node)?|debug(-brk|-port)?|js-flags)(=.*)?$/i;
  return argv.filter((a) => bad.test(a));
}

/** Chromium's --lang value for the club's language (date and file pickers, spell-check, Accept-Language). */
export function chromiumLang(language: string): string | null {
  if (language === 'zh-CN') return 'zh-CN';
  if (language === 'en') return 'en-US';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Structural views of the Electron objects (Electron's Session / WebContents satisfy them).

type HeadersCallback = (response: { responseHeaders?: Record<string, string | string[]> }) => void;

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((contents: unknown, permission: string) => boolean) | null): void;
  webRequest: {
    onHeadersReceived(
      listener:
        ((details: { responseHeaders?: Record<string, string[]> }, callback: HeadersCallback) => void) | null,
    ): void;
  };
}

/** The part of an Electron event that the handlers use. */
export interface PreventableEvent {
  preventDefault(): void;
  url?: string;
}

export interface ContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: string, listener: (event: PreventableEvent, url?: string) => void): unknown;
}

/** Denies every permission, and sends the CSP header with every response. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = { ...(details.responseHeaders ?? {}) };
    for (const k of Object.keys(headers))
      if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    headers['Content-Security-Policy'] = [CSP];
    callback({ responseHeaders: headers });
  });
}

/** No new windows, no navigation away from the app's files, no webviews. */
export function hardenContents(contents: ContentsLike): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: PreventableEvent, url?: string): void => {
    const target = typeof event.url === 'string' ? event.url : url;
    if (typeof target !== 'string' || !isAppUrl(target)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
