/**
 * The loopback transport: serves the built renderer and carries the contract's operations over
 * POST /api/<op> for the browser build (`npm run web`) and the end-to-end tests.
 *
 * It listens on 127.0.0.1 only. Each browser gets an opaque session cookie (HttpOnly,
 * SameSite=Strict) issued by this server; the core decides everything else (login, role checks,
 * validation) exactly as for the Electron transport. Requests whose Host or Origin is not this
 * server, that are not JSON, or that come from another site are refused before reaching the core.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { Core } from '../core/app';
import { contract, OP_NAMES } from '../core/contract';
import {
  bodyLimit,
  type ClientId,
  JsonDepthGuard,
  MAX_STREAMS,
  MAX_STREAMS_PER_SESSION,
} from '../core/kernel/limits';
import type { OpDef } from '../core/kernel/op';
import { CSP } from '../shared/csp';

const COOKIE = 'fd_session';
/** Open connections at once (a browser uses a handful); past it new ones are closed at once. */
const MAX_CONNECTIONS = 256;
const DEFS: Readonly<Record<string, OpDef>> = contract;
/**
 * Every process on this computer reaches the server from 127.0.0.1 and can drop its cookie at will:
 * they are one client for the core's PIN limits (the desk's Electron window is another).
 */
const LOOPBACK_CLIENT: ClientId = { kind: 'loopback', id: 'this-computer' };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** What the server forwards calls to: the core itself, or a station's link to its host. */
export type Backend = Pick<Core, 'call' | 'loggedIn' | 'endSession' | 'onChange'>;

export interface ServerOptions {
  core: Backend;
  /** The built renderer (build/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Extra GET/POST routes outside /api/ (a station's pairing); true when it answered. */
  routes?: (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const OPS = new Set<string>(OP_NAMES);

/** Whether a connection comes from this machine (checked on every request, besides listening on 127.0.0.1). */
export function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::ffff:127.0.0.1' || addr === '::1';
}

export function parseCookies(h: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  for (const part of h.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(data);
}

export function refuse(res: http.ServerResponse, status: number, code: string): void {
  sendJson(res, status, { ok: false, error: { code, params: {} } });
}

/** Refuses a call whose body is not read to its end: the connection closes after the answer. */
export function refuseAndClose(res: http.ServerResponse, status: number, code: string): void {
  res.setHeader('Connection', 'close');
  refuse(res, status, code);
}

export type BodyOutcome = { ok: true; body: Buffer } | { ok: false; status: 400 | 413 };

/**
 * Reads a call's body with the operation's byte cap and the JSON depth counted as the bytes arrive:
 * it stops reading at once when either is passed (nothing is parsed, nothing more is buffered).
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const depth = new JsonDepthGuard();
    let size = 0;
    let done = false;
    const finish = (o: BodyOutcome) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      if (!o.ok) req.pause();
      resolve(o);
    };
    const onData = (chunk: Buffer) => {
      if (!depth.push(chunk)) return finish({ ok: false, status: 400 });
      size += chunk.length;
      if (size > limit) return finish({ ok: false, status: 413 });
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => finish({ ok: false, status: 400 }));
  });
}

/**
 * Serves a file of the built renderer (GET/HEAD) with the security headers and the CSP; the loopback
 * server and the club network's listener (for tablets' browsers) both serve it this way. `onIndex`
 * may add headers to index.html's answer (the loopback server's cookie).
 */
export function serveStatic(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  staticRoot: string,
  pathname: string,
  onIndex?: (headers: Record<string, string>) => void,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(staticRoot, `.${rel}`);
  if (!file.startsWith(staticRoot + path.sep) || rel.includes('\0')) {
    res.writeHead(404).end();
    return;
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  if (!stat.isFile()) {
    res.writeHead(404).end();
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(stat.size),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': CSP,
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
  };
  if (file.endsWith('index.html')) onIndex?.(headers);
  if (req.method === 'HEAD') {
    res.writeHead(200, headers).end();
    return;
  }
  // Opened before answering: out of file descriptors, the browser gets a 503 and may try again.
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    res.writeHead(503, { 'Retry-After': '1' }).end();
    return;
  }
  res.writeHead(200, headers);
  pipeline(fs.createReadStream('', { fd }), res, () => undefined);
}

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const issued = new Set<string>();
  const staticRoot = path.resolve(opts.staticDir);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const newToken = () => {
    const t = crypto.randomBytes(32).toString('hex');
    issued.add(t);
    return t;
  };
  const cookieHeader = (t: string) => `${COOKIE}=${t}; HttpOnly; SameSite=Strict; Path=/`;

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, op: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'UNKNOWN_OPERATION');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return refuse(res, 403, 'FORBIDDEN');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(res, 403, 'FORBIDDEN');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return refuse(res, 415, 'VALIDATION');
    if (!OPS.has(op)) return refuse(res, 404, 'UNKNOWN_OPERATION');

    // A browser without a cookie from this server (first call after a server restart) gets a
    // new one; a session id is never chosen by the client.
    let token = parseCookies(req.headers.cookie)[COOKIE];
    const extra: Record<string, string> = {};
    if (!token || !issued.has(token)) {
      token = newToken();
      extra['Set-Cookie'] = cookieHeader(token);
    }

    // The body's cap: the operation's, and a small one while nobody is logged in on this cookie.
    const limit = bodyLimit(DEFS[op], opts.core.loggedIn(`web-${token}`));
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return refuseAndClose(res, 413, 'VALIDATION');
    const body = await readBody(req, limit);
    if (!body.ok) return refuseAndClose(res, body.status, 'VALIDATION');
    let args: unknown;
    try {
      args = body.body.length ? JSON.parse(body.body.toString('utf8')) : {};
    } catch {
      return refuse(res, 400, 'VALIDATION');
    }
    if (op === 'session.login') {
      // A new session id at every login (no fixation): the core logs in a fresh session; only if
      // that succeeds does the browser get its cookie and the old session end.
      const fresh = newToken();
      const result = await opts.core.call(`web-${fresh}`, op, args, LOOPBACK_CLIENT);
      if (!result.ok) {
        issued.delete(fresh);
        return sendJson(res, 200, result, extra);
      }
      opts.core.endSession(`web-${token}`);
      issued.delete(token);
      return sendJson(res, 200, result, { 'Set-Cookie': cookieHeader(fresh) });
    }
    const result = await opts.core.call(`web-${token}`, op, args, LOOPBACK_CLIENT);
    sendJson(res, 200, result, extra);
  }

  /**
   * Server-sent events: the names of operations that changed something, for live screens. Only a
   * logged-in session gets them, a few streams per session; a stream whose session ended (logout,
   * a new session id at login) is closed at the next event.
   */
  const streams = new Map<http.ServerResponse, string>();
  const send = (data: string) => {
    for (const [r, token] of streams) {
      if (!issued.has(token) || !opts.core.loggedIn(`web-${token}`)) {
        streams.delete(r);
        r.end();
      } else r.write(data);
    }
  };
  const unsubscribe = opts.core.onChange((e) => send(`event: change\ndata: ${JSON.stringify(e)}\n\n`));
  const keepAlive = setInterval(() => send(': keep-alive\n\n'), 25_000);
  keepAlive.unref();

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    const token = parseCookies(req.headers.cookie)[COOKIE];
    if (!token || !issued.has(token) || !opts.core.loggedIn(`web-${token}`))
      return refuse(res, 401, 'UNAUTHENTICATED');
    let mine = 0;
    for (const t of streams.values()) if (t === token) mine++;
    if (mine >= MAX_STREAMS_PER_SESSION || streams.size >= MAX_STREAMS)
      return refuse(res, 429, 'RATE_LIMITED');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.set(res, token);
    const drop = () => streams.delete(res);
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    serveStatic(req, res, staticRoot, pathname, (headers) => {
      const token = parseCookies(req.headers.cookie)[COOKIE];
      if (!token || !issued.has(token)) headers['Set-Cookie'] = cookieHeader(newToken());
    });
  }

  const server = http.createServer((req, res) => {
    // a request or response whose connection breaks never takes the process down
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    if (!isLoopback(req.socket.remoteAddress)) {
      res.writeHead(403).end();
      return;
    }
    if (!allowedHosts().has(req.headers.host ?? '')) {
      refuse(res, 421, 'FORBIDDEN');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/api/events' && req.method === 'GET') {
      handleEvents(req, res);
      return;
    }
    const m = /^\/api\/([A-Za-z.]{1,64})$/.exec(url.pathname);
    if (m) {
      handleApi(req, res, m[1]!).catch(() => {
        if (!res.headersSent) refuse(res, 500, 'INTERNAL');
        else res.end();
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      refuse(res, 404, 'UNKNOWN_OPERATION');
      return;
    }
    if (opts.routes && req.method !== 'GET' && req.method !== 'HEAD') {
      // the same rules as a call: this site's pages only
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if (
        (origin !== undefined && !allowedOrigins().has(origin)) ||
        (site !== undefined && site !== 'same-origin' && site !== 'none') ||
        !/^application\/json\b/i.test(req.headers['content-type'] ?? '')
      ) {
        refuse(res, 403, 'FORBIDDEN');
        return;
      }
    }
    if (opts.routes?.(req, res, url.pathname)) return;
    handleStatic(req, res, url.pathname);
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  server.maxConnections = MAX_CONNECTIONS;
  // A broken or malformed connection: closed, nothing else.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.removeListener('error', reject);
      // Out of file descriptors, accepting fails (EMFILE): the server keeps serving the
      // connections it has and accepts again once some close.
      let lastLogged = 0;
      server.on('error', (e: NodeJS.ErrnoException) => {
        if (Date.now() - lastLogged > 10_000) {
          lastLogged = Date.now();
          console.error(`[server] ${e.code ?? e.message}`);
        }
      });
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((r) => {
            unsubscribe();
            clearInterval(keepAlive);
            for (const st of streams.keys()) st.end();
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
