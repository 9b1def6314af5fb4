import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import { CSP } from '../../electron/main/security';
import { isLoopback, type RunningServer, startServer } from '../../electron/server/server';
import { tempDir } from './helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('loopback server', () => {
  let core: Core;
  let server: RunningServer;
  let port: number;
  let staticDir: string;
  let dir: string;

  const api = (op: string, args: unknown, headers: Record<string, string> = {}) =>
    request(port, {
      method: 'POST',
      path: `/api/${op}`,
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, ...headers },
      body: JSON.stringify(args),
    });
  const cookieOf = (r: Reply) => String(r.headers['set-cookie']?.[0] ?? '').split(';')[0]!;

  beforeAll(async () => {
    dir = tempDir('server');
    staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    core = await Core.open({ dataDir: path.join(dir, 'data') });
    server = await startServer({ core, staticDir, port: 0 });
    port = server.port;
  });
  afterAll(async () => {
    try {
      await server?.close();
      core?.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('listens on 127.0.0.1 and serves the UI with an HttpOnly, SameSite=Strict session cookie and a CSP', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    const r = await request(port, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>x</title>');
    const cookie = String(r.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^fd_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    // what a PDF attachment needs (an iframe from the page's own blob: URL) and nothing more
    const directives = String(r.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim());
    expect(directives).toContain('frame-src blob:');
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives.filter((d) => /^(frame|child|object)-src/.test(d))).toEqual([
      'frame-src blob:',
      "object-src 'none'",
    ]);
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('cannot be reached from another machine: it listens on loopback and checks every peer', async () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(
      ['10.0.0.5', '192.168.1.20', '::ffff:192.168.1.20', 'fe80::1', '', undefined].some(isLoopback),
    ).toBe(false);
    // this machine's own network addresses (what another machine would connect to) are refused
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of external) {
      const outcome = await new Promise<string>((resolve) => {
        const req = http.get({ host: address, port, path: '/', timeout: 2000 }, () => resolve('connected'));
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        req.on('timeout', () => {
          req.destroy();
          resolve('timeout');
        });
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const r = await request(port, { path: p });
      expect(r.status, p).not.toBe(200);
      expect(r.body).not.toContain('secret');
    }
  });

  it('refuses another Host, another Origin, a cross-site fetch and non-JSON bodies before the core', async () => {
    expect((await request(port, { path: '/', headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await api('system.status', {}, { host: `attacker.example:${port}` })).status).toBe(421);
    expect((await api('system.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('system.status', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api('system.status', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const bad = await request(port, {
      method: 'POST',
      path: '/api/system.status',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'VALIDATION', params: {} } });
    expect((await api('no.such', {})).status).toBe(404);
    const big = await request(port, {
      method: 'POST',
      path: '/api/system.status',
      headers: { 'content-type': 'application/json', 'content-length': String(60 * 1024 * 1024) },
    }).catch(() => ({ status: 413 }) as Reply);
    expect(big.status).toBe(413);
  });

  it('carries operations to the core; sessions are per browser and a login does not leak to another cookie', async () => {
    const st = await api('system.status', {});
    expect(JSON.parse(st.body)).toMatchObject({ ok: true, data: { state: 'setup' } });
    const browserA = cookieOf(await request(port, { path: '/' }));
    const browserB = cookieOf(await request(port, { path: '/' }));
    expect(browserA).not.toBe(browserB);
    const setup = await api(
      'system.setup',
      {
        clubName: 'Web Club',
        timeZone: 'Asia/Shanghai',
        language: 'en',
        staffArriveTime: '09:00',
        openTime: '10:00',
        closeTime: '22:00',
        tagCount: 5,
        manager: { name: 'Boss', pin: '4321', gender: 'male' },
      },
      { cookie: browserA },
    );
    expect(JSON.parse(setup.body)).toEqual({ ok: true, data: { ok: true } });
    const staff = JSON.parse((await api('session.staffList', {}, { cookie: browserA })).body).data as {
      id: number;
    }[];
    const login = await api('session.login', { staffId: staff[0]!.id, pin: '4321' }, { cookie: browserA });
    expect(JSON.parse(login.body)).toMatchObject({ ok: true, data: { staff: { name: 'Boss' } } });
    // a new session id at login: the cookie the browser had before is not the logged-in one
    const loggedIn = cookieOf(login);
    expect(loggedIn).toMatch(/^fd_session=[0-9a-f]{64}$/);
    expect(loggedIn).not.toBe(browserA);
    expect(JSON.parse((await api('checkin.today', {}, { cookie: loggedIn })).body)).toMatchObject({
      ok: true,
    });
    expect(JSON.parse((await api('checkin.today', {}, { cookie: browserA })).body).error.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(JSON.parse((await api('checkin.today', {}, { cookie: browserB })).body)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', params: {} },
    });
    // A cookie this server never issued is replaced, never adopted.
    const forged = await api('checkin.today', {}, { cookie: 'fd_session=' + 'a'.repeat(64) });
    expect(JSON.parse(forged.body).error.code).toBe('UNAUTHENTICATED');
    expect(cookieOf(forged)).toMatch(/^fd_session=[0-9a-f]{64}$/);
    expect(cookieOf(forged)).not.toBe('fd_session=' + 'a'.repeat(64));
  });

  it('streams change notifications (operation names only) to logged-in browsers', async () => {
    expect((await request(port, { path: '/api/events' })).status).toBe(401);
    const anonymous = cookieOf(await request(port, { path: '/' }));
    expect((await request(port, { path: '/api/events', headers: { cookie: anonymous } })).status).toBe(401);
    const staff = JSON.parse((await api('session.staffList', {}, { cookie: anonymous })).body).data as {
      id: number;
    }[];
    const login = await api('session.login', { staffId: staff[0]!.id, pin: '4321' }, { cookie: anonymous });
    const cookie = cookieOf(login) || anonymous;
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/events', headers: { host: `127.0.0.1:${port}`, cookie } },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            buf += c;
            if (buf.includes('event: change')) {
              req.destroy();
              resolve(buf);
            }
          });
          // Something changes at another counter: a key tag goes to disinfection.
          void api('tags.sendToDisinfection', { numbers: [1] }, { cookie });
        },
      );
      req.on('error', reject);
      req.end();
      setTimeout(() => reject(new Error('no event')), 5000);
    });
    expect(received).toMatch(/event: change\ndata: \{"op":"tags\.sendToDisinfection","at":"[^"]+"\}/);
  });

  it('stops PIN guessing from this computer, whether the browser keeps its cookie or not', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      // a fresh cookie every time: the limit is per source, not per cookie
      const cookie = cookieOf(await request(port, { path: '/' }));
      const r = await api('session.login', { staffId: 999, pin: '0000' }, { cookie });
      codes.push(JSON.parse(r.body).error.code as string);
    }
    expect(codes.slice(0, 10).every((c) => c === 'PIN_WRONG')).toBe(true);
    expect(codes.slice(10)).toEqual(['CLIENT_LOCKED', 'CLIENT_LOCKED']);
  });
});
