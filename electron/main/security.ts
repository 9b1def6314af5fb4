/**
 * Electron hardening, as pure functions over structural types so the unit tests can run them
 * without Electron. The renderer is an untrusted page: it gets a sandboxed, context-isolated
 * window without Node, may not open windows, navigate away, embed webviews or use any permission
 * (camera, notifications, ...), and only the app's own files (build/renderer) count as "the app".
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * True only for a file:// URL (no host) whose path lies inside build/renderer of the app root.
 * The URL parser resolves "..", encoded dots included; encoded slashes make fileURLToPath throw.
 */
export function isAppUrl(url: string, appRoot: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'file:' || (u.host !== '' && u.host !== 'localhost')) return false;
  let file: string;
  try {
    file = fileURLToPath(u);
  } catch {
    return false;
  }
  const fold = (p: string): string => (process.platform === 'win32' ? p.toLowerCase() : p);
  const rel = path.relative(fold(rendererDir(appRoot)), fold(path.resolve(file)));
  if (rel === '') return true;
  return !path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`);
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
export function hardenContents(contents: ContentsLike, appRoot: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: PreventableEvent, url?: string): void => {
    const target = typeof event.url === 'string' ? event.url : url;
    if (typeof target !== 'string' || !isAppUrl(target, appRoot)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
