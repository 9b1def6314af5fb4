/**
 * The loopback server under abuse (issue 13): bodies too big or too deep before any login, running
 * out of file descriptors, and the live-update streams. Every connection goes to 127.0.0.1; every
 * loop is bounded in count and time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import { MAX_STREAMS_PER_SESSION } from '../../electron/core/kernel/limits';
import { type RunningServer, startServer } from '../../electron/server/server';
import { tempDir } from './helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: false });

function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
        timeout: 10_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const jsonHeaders = (port: number, cookie?: string): Record<string, string> => ({
  'content-type': 'application/json',
  origin: `http://127.0.0.1:${port}`,
  ...(cookie ? { cookie } : {}),
});

function api(port: number, op: string, args: unknown, cookie?: string): Promise<Reply> {
  return request(port, {
    method: 'POST',
    path: `/api/${op}`,
    headers: jsonHeaders(port, cookie),
    body: JSON.stringify(args),
  });
}

const cookieOf = (r: Reply): string => String(r.headers['set-cookie']?.[0] ?? '').split(';')[0]!;

/**
 * Sends a body in pieces over a raw connection (chunked), as a client streaming a huge upload
 * would; resolves with the status line the server answers, and how long it took.
 */
function streamBody(
  port: number,
  op: string,
  piece: string,
  maxPieces: number,
  cookie = '',
): Promise<{ status: number; ms: number; piecesSent: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const sock = net.connect(port, '127.0.0.1');
    let sent = 0;
    let answer = '';
    let settled = false;
    const settle = (v: { status: number; ms: number; piecesSent: number } | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      if (v instanceof Error) reject(v);
      else resolve(v);
    };
    const timer = setTimeout(() => settle(new Error('no answer within 10 s')), 10_000);
    sock.setEncoding('latin1');
    sock.on('data', (d: string) => {
      answer += d;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (m) settle({ status: Number(m[1]), ms: Date.now() - started, piecesSent: sent });
    });
    sock.on('error', () => undefined);
    sock.on('close', () => settle(new Error(`closed without an answer after ${sent} pieces`)));
    sock.on('connect', () => {
      sock.write(
        `POST /api/${op} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
          `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`,
      );
      const chunk = `${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`;
      const pump = () => {
        while (!settled && sent < maxPieces) {
          sent++;
          if (!sock.write(chunk)) {
            sock.once('drain', pump);
            return;
          }
        }
        if (!settled && sent >= maxPieces) sock.write('0\r\n\r\n');
      };
      pump();
    });
  });
}

describe('loopback server: bodies and streams', () => {
  let dir: string;
  let core: Core;
  let server: RunningServer;
  let port: number;
  let cookie: string;

  beforeAll(async () => {
    dir = tempDir();
    const staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    core = await Core.open({ dataDir: path.join(dir, 'data') });
    server = await startServer({ core, staticDir, port: 0 });
    port = server.port;
    const setup = await api(port, 'system.setup', {
      clubName: 'Abuse Club',
      timeZone: 'Asia/Shanghai',
      language: 'en',
      staffArriveTime: '09:00',
      openTime: '10:00',
      closeTime: '22:00',
      tagCount: 5,
      manager: { name: 'Boss', pin: '4321', gender: 'male' },
    });
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true });
    cookie = cookieOf(await request(port, { path: '/' }));
  });
  afterAll(async () => {
    try {
      await server?.close();
      core?.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  async function login(c: string): Promise<string> {
    const staff = JSON.parse((await api(port, 'session.staffList', {}, c)).body).data as { id: number }[];
    const r = await api(port, 'session.login', { staffId: staff[0]!.id, pin: '4321' }, c);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    return cookieOf(r) || c;
  }

  it('refuses a 40 MB body before any login at once (declared or streamed), and keeps answering others meanwhile', async () => {
    // declared: refused on the headers alone
    const declared = await request(port, {
      method: 'POST',
      path: '/api/session.login',
      headers: { ...jsonHeaders(port, cookie), 'content-length': String(40 * 1024 * 1024) },
    }).catch((e: Error) => ({ status: 0, body: e.message, headers: {} }));
    expect(declared.status).toBe(413);

    // streamed without a length: a slow client holds its connection open...
    const whitespace = ' '.repeat(1024);
    const slow = net.connect(port, '127.0.0.1');
    await new Promise<void>((r) => slow.once('connect', () => r()));
    slow.on('error', () => undefined);
    slow.write(
      `POST /api/session.login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `Transfer-Encoding: chunked\r\n\r\n400\r\n${whitespace}\r\n`,
    );
    // ...and a normal request is answered quickly meanwhile
    const t0 = Date.now();
    const st = await api(port, 'system.status', {}, cookie);
    expect(st.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(2000);
    slow.destroy();

    // a 40 MB body streamed before any login: refused after the anonymous cap, not after 40 MB
    const big = await streamBody(port, 'session.login', ' '.repeat(64 * 1024), 640, cookie);
    expect(big.status).toBe(413);
    expect(big.piecesSent).toBeLessThan(640);
    expect(big.ms).toBeLessThan(3000);
    expect((await api(port, 'system.status', {}, cookie)).status).toBe(200);
  });

  it('refuses JSON nested too deep before parsing it, at once, and a deep body of any size', async () => {
    const deep = await api(port, 'session.login', JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown);
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body)).toEqual({ ok: false, error: { code: 'VALIDATION', params: {} } });
    // 40 MB of '[' streamed: refused as soon as the depth passes the limit
    const huge = await streamBody(port, 'system.status', '['.repeat(64 * 1024), 640, cookie);
    expect(huge.status).toBe(400);
    expect(huge.ms).toBeLessThan(3000);
    // brackets inside strings are text, not depth; a shallow body is fine
    const text = await api(port, 'session.login', { staffId: 999, pin: '[[[[[[[[[[[[[[[[[[[[[[[[' });
    expect(JSON.parse(text.body).error.code).toBe('VALIDATION'); // the PIN's pattern, from the core
    expect(text.status).toBe(200);
    expect((await api(port, 'system.status', {}, cookie)).status).toBe(200);
  });

  it('caps bodies per operation: an attachment may carry megabytes once logged in, a login may not', async () => {
    const me = await login(cookie);
    const twoMb = JSON.stringify({ staffId: 1, pin: 'x'.repeat(2 * 1024 * 1024) });
    const asLogin = await request(port, {
      method: 'POST',
      path: '/api/session.staffList',
      headers: jsonHeaders(port, me),
      body: twoMb,
    }).catch((e: Error) => ({ status: 0, body: e.message, headers: {} }));
    expect(asLogin.status).toBe(413);
    // incidents.attach declares its own cap (a 5 MB file in base64): 2 MB reaches the core
    const attach = await api(
      port,
      'incidents.attach',
      { id: 999_999, name: 'a.png', mime: 'image/png', contentBase64: 'A'.repeat(2 * 1024 * 1024) },
      me,
    );
    expect(attach.status).toBe(200);
    expect(JSON.parse(attach.body).error.code).toBe('NOT_FOUND');
    // the same body without a login is refused by the anonymous cap
    const anon = await request(port, {
      method: 'POST',
      path: '/api/incidents.attach',
      headers: jsonHeaders(port),
      body: JSON.stringify({ id: 1, name: 'a.png', mime: 'image/png', contentBase64: 'A'.repeat(100_000) }),
    }).catch((e: Error) => ({ status: 0, body: e.message, headers: {} }));
    expect(anon.status).toBe(413);
  });

  it('gives the live-update stream only to logged-in sessions, a few per session', async () => {
    const anonymous = cookieOf(await request(port, { path: '/' }));
    expect((await request(port, { path: '/api/events', headers: { cookie: anonymous } })).status).toBe(401);
    expect((await request(port, { path: '/api/events' })).status).toBe(401);

    const me = await login(anonymous);
    const open: http.ClientRequest[] = [];
    try {
      const openStream = () =>
        new Promise<number>((resolve, reject) => {
          const req = http.get(
            {
              host: '127.0.0.1',
              port,
              agent,
              path: '/api/events',
              headers: { host: `127.0.0.1:${port}`, cookie: me },
            },
            (res) => {
              if (res.statusCode === 200) open.push(req);
              else res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', (e) => (open.includes(req) ? undefined : reject(e)));
        });
      const statuses: number[] = [];
      for (let i = 0; i < MAX_STREAMS_PER_SESSION + 2; i++) statuses.push(await openStream());
      expect(statuses).toEqual([...Array<number>(MAX_STREAMS_PER_SESSION).fill(200), 429, 429]);
      // a stream that breaks mid-way is dropped; the server keeps serving and has room again
      open.shift()!.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect(await openStream()).toBe(200);
      // after logout the session has no stream any more
      await api(port, 'session.logout', {}, me);
      expect((await request(port, { path: '/api/events', headers: { cookie: me } })).status).toBe(401);
    } finally {
      for (const r of open) r.destroy();
    }
  });
});

describe('loopback server: out of file descriptors', () => {
  it('survives running out of descriptors and serves again once connections close', async () => {
    const dir = tempDir();
    let child: ChildProcess | undefined;
    const sockets: net.Socket[] = [];
    try {
      const root = path.resolve(__dirname, '..', '..');
      const staticDir = path.join(dir, 'renderer');
      fs.mkdirSync(staticDir);
      fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>fd</title>');
      // the real server and core, bundled as `npm run web` is, started with few descriptors
      const bundle = path.join(dir, 'server.js');
      await esbuild.build({
        stdin: {
          contents:
            `import { Core } from './electron/core/app';\nimport { startServer } from './electron/server/server';\n` +
            `void (async () => {\n  const core = await Core.open({ dataDir: process.argv[2], dailyBackup: false });\n` +
            `  const s = await startServer({ core, staticDir: process.argv[3], port: 0 });\n` +
            `  console.log('listening ' + s.port);\n})();\n`,
          resolveDir: root,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        outfile: bundle,
        external: ['electron', 'better-sqlite3'],
        logLevel: 'silent',
      });
      child = spawn(
        'bash',
        [
          '-c',
          'ulimit -n 128 && exec "$0" "$@"',
          process.execPath,
          bundle,
          path.join(dir, 'data'),
          staticDir,
        ],
        {
          env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
      const started = Date.now();
      while (!/listening \d+/.test(out)) {
        if (child.exitCode !== null || Date.now() - started > 20_000) throw new Error(`no start: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const port = Number(/listening (\d+)/.exec(out)![1]);
      expect((await api(port, 'system.status', {})).status).toBe(200);

      // open connections (each with a request never finished) until the server cannot take a new
      // one or open a file for it (bounded: 600 connections, 20 s)
      const probe = () =>
        request(port, { path: '/' }).then(
          (r) => r.status,
          () => 0,
        );
      const t0 = Date.now();
      let exhausted = false;
      for (let i = 0; i < 600 && Date.now() - t0 < 20_000 && !exhausted; i++) {
        const s = net.connect(port, '127.0.0.1');
        s.on('error', () => undefined);
        await new Promise<void>((r) => {
          s.once('connect', () => r());
          s.once('close', () => r());
        });
        if (!s.destroyed) s.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
        sockets.push(s);
        exhausted = (await probe()) !== 200;
      }
      expect(exhausted).toBe(true);
      // out of descriptors, it keeps refusing politely (or dropping the connection) but lives on
      for (let i = 0; i < 5; i++) {
        expect([0, 200, 503]).toContain(await probe());
        expect(
          await api(port, 'system.status', {}).then(
            (r) => r.status,
            () => 0,
          ),
        ).not.toBe(500);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(child.exitCode).toBeNull();

      // everything closes: the same process answers again, the UI's files and the core alike
      for (const s of sockets) s.destroy();
      sockets.length = 0;
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = await api(port, 'system.status', {}).then(
          (r) => r.status,
          () => 0,
        );
      }
      expect(status).toBe(200);
      const page = await request(port, { path: '/' });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>fd</title>');
      expect(child.exitCode).toBeNull();
    } finally {
      for (const s of sockets) s.destroy();
      if (child && child.exitCode === null) {
        const c = child;
        await new Promise<void>((r) => {
          c.once('exit', () => r());
          c.kill('SIGKILL');
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
