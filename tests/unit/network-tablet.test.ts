/**
 * A tablet without the app (issue 15), against an in-process host: the club network's listener serves
 * the renderer to a browser, which pairs with the code and its name (a manager confirms with a PIN)
 * and then works with its device credential and staff session in cookies. Checked: the pages and
 * their headers; the cookies' attributes; the station state for each stage; a login renewing the
 * session cookie; the live events; and every refusal — a wrong Host, a cross-origin Origin, a
 * cookie-carrying POST with no Origin, a cookie with a wrong Origin, a cross-site fetch, an unpaired
 * or pending browser's call, an operation outside the tablet's screens, the body cap, the rate limit,
 * and a revoked tablet (its next call refused, its state says revoked, its event stream closed).
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIdentity } from '../../electron/core/areas/network';
import { type LanHost, startLanHost } from '../../electron/server/lan';
import { makeClub, MANAGER_PIN, tempDir, type TestClub } from './helpers';
import { until } from '../support/net';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: { ok: boolean; data?: unknown; error?: { code: string } } | null;
}

let club: TestClub;
let lan: LanHost;
let origin = '';
let host = '';
let consultantId = 0;
const CONSULTANT_PIN = '4321';

function request(
  method: string,
  pathname: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; agent?: https.Agent } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const u = new URL(pathname, origin);
    const r = https.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method,
        rejectUnauthorized: false,
        agent: opts.agent ?? false,
        headers: { Host: host, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Answer['json'] = null;
          try {
            json = JSON.parse(text) as Answer['json'];
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    r.on('error', reject);
    if (opts.body !== undefined) r.write(opts.body);
    r.end();
  });
}

/** A tablet's browser: its cookie jar, same-origin fetches as Chromium sends them. */
class Tablet {
  cookies = new Map<string, string>();
  setCookies: string[] = [];
  private take(a: Answer): Answer {
    const set = a.headers['set-cookie'] ?? [];
    for (const c of set) {
      this.setCookies.push(c);
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return a;
  }
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.take(
      await request('GET', pathname, { headers: { Cookie: this.cookieHeader(), ...headers } }),
    );
  }
  async post(
    pathname: string,
    body: unknown,
    headers: Record<string, string> = {},
    agent?: https.Agent,
  ): Promise<Answer> {
    return this.take(
      await request('POST', pathname, {
        agent,
        headers: {
          Cookie: this.cookieHeader(),
          Origin: origin,
          'Sec-Fetch-Site': 'same-origin',
          'Content-Type': 'application/json',
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  }
  state = async () =>
    (await this.get('/station/state')).json?.data as { stage: string; link: string; browser?: boolean };
}

async function pairedTablet(name: string, screens: string[] = ['consultants']): Promise<Tablet> {
  const t = new Tablet();
  const { code } = await club.call('mgr', 'network.startPairing', {});
  const a = await t.post('/station/pair', { code, name });
  expect(a.status).toBe(200);
  const devices = (await club.call('mgr', 'network.status', {})).devices;
  await club.call('mgr', 'network.confirm', {
    deviceId: devices.find((d) => d.name === name)!.id,
    screens: screens as ['consultants'],
    authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Consultants' },
  });
  return t;
}

async function loggedInTablet(name: string, screens?: string[]): Promise<Tablet> {
  const t = await pairedTablet(name, screens);
  const r = await t.post('/api/session.login', { staffId: consultantId, pin: CONSULTANT_PIN });
  expect(r.json?.ok).toBe(true);
  return t;
}

beforeAll(async () => {
  club = await makeClub();
  const staticDir = tempDir('tablet-static');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Front Desk</title>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
  consultantId = (
    await club.call('mgr', 'staff.create', {
      name: 'Consultant Liu',
      role: 'consultant',
      pin: CONSULTANT_PIN,
      gender: 'female',
    })
  ).id;
  await club.call('mgr', 'network.setEnabled', { enabled: true });
  lan = await startLanHost({
    core: club.core,
    identity: await ensureIdentity(club.dataDir),
    host: '127.0.0.1',
    port: 0,
    mdns: false,
    staticDir,
  });
  origin = lan.url()!;
  host = new URL(origin).host;
});

afterAll(async () => {
  await lan?.close();
});

describe('a tablet pairs and works through its browser', () => {
  it('serves the renderer with the loopback server’s security headers', async () => {
    const t = new Tablet();
    const page = await t.get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Front Desk</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await t.get('/app.js')).status).toBe(200);
    expect((await t.get('/../../etc/passwd')).status).toBe(404);
  });

  it('pairs with the code and a name, waits, and gets an HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const t = new Tablet();
    expect(await t.state()).toMatchObject({ stage: 'unpaired', browser: true, hostUrl: null });
    // a wrong code: refused, no cookie
    const wrong = await t.post('/station/pair', { code: '000000', name: 'Tablet' });
    expect(wrong.json?.error?.code).toBe('PAIRING_CODE_WRONG');
    expect(t.cookies.size).toBe(0);
    const { code } = await club.call('mgr', 'network.startPairing', {});
    const a = await t.post('/station/pair', { code, name: '顾问平板' });
    expect(a.json).toMatchObject({ ok: true, data: { stage: 'pending', name: '顾问平板' } });
    const cookie = t.setCookies.find((c) => c.startsWith('__Host-fd_device='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(await t.state()).toMatchObject({ stage: 'pending', name: '顾问平板', link: 'disconnected' });
    // pending: no calls yet
    const early = await t.post('/api/session.staffList', {});
    expect(early.status).toBe(401);
    expect(early.json?.error?.code).toBe('DEVICE_NOT_ACTIVE');

    const devices = (await club.call('mgr', 'network.status', {})).devices;
    await club.call('mgr', 'network.confirm', {
      deviceId: devices.find((d) => d.name === '顾问平板')!.id,
      screens: ['consultants'],
      authorization: { pin: MANAGER_PIN, reasonCode: 'new_station', reason: 'Consultants' },
    });
    // the renderer loads the session when the link comes up, as on an app station
    expect(await t.state()).toMatchObject({ stage: 'active', link: 'connected' });

    // a consultant logs in: the session cookie is new at the login, and the visitors screen's data comes
    const before = (await t.post('/api/session.staffList', {})).json;
    expect(before?.ok).toBe(true);
    const first = t.cookies.get('__Host-fd_session');
    expect(first).toBeTruthy();
    const login = await t.post('/api/session.login', { staffId: consultantId, pin: CONSULTANT_PIN });
    expect(login.json?.ok).toBe(true);
    const session = t.setCookies.at(-1)!;
    expect(session).toMatch(/^__Host-fd_session=.*; HttpOnly; Secure; SameSite=Strict; Path=\//);
    expect(t.cookies.get('__Host-fd_session')).not.toBe(first);
    const me = await t.post('/api/session.current', {});
    expect(me.json).toMatchObject({ ok: true, data: { staff: { id: consultantId } } });
    expect((await t.post('/api/visitors.today', {})).json?.ok).toBe(true);
  });

  it('refuses a wrong Host, a foreign Origin, a cookie without Origin on a POST, and cross-site fetches', async () => {
    const t = await loggedInTablet('Tablet A');
    const ok = await t.post('/api/session.current', {});
    expect(ok.json?.ok).toBe(true);
    // DNS rebinding: another name for this address
    expect((await t.get('/', { Host: `evil.example:${new URL(origin).port}` })).status).toBe(421);
    expect(
      (await t.post('/api/session.current', {}, { Host: `localhost:${new URL(origin).port}` })).status,
    ).toBe(421);
    // another site's page calling with the tablet's cookie
    const foreign = await t.post('/api/session.current', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json?.error?.code).toBe('FORBIDDEN');
    // the right host but plain http, or another port: another origin
    expect((await t.post('/api/session.current', {}, { Origin: `http://${host}` })).status).toBe(403);
    expect((await t.get('/station/state', { Origin: 'https://evil.example' })).status).toBe(403);
    // a state-changing call with the cookie and no Origin
    const bare = await request('POST', '/api/session.logout', {
      headers: { Cookie: t.cookieHeader(), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bare.status).toBe(403);
    expect(bare.json?.error?.code).toBe('FORBIDDEN');
    // Sec-Fetch-Site from another site
    expect((await t.post('/api/session.current', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // pairing from another site
    const { code } = await club.call('mgr', 'network.startPairing', {});
    expect(
      (await new Tablet().post('/station/pair', { code, name: 'Evil' }, { Origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
    // the tablet is still logged in: nothing above reached the core
    expect((await t.post('/api/session.current', {})).json).toMatchObject({
      data: { staff: { id: consultantId } },
    });
    // no cookie at all: unpaired
    const anon = await new Tablet().post('/api/session.current', {});
    expect(anon.status).toBe(401);
    // a forged device cookie
    const forged = new Tablet();
    forged.cookies.set('__Host-fd_device', `${1}.${'A'.repeat(43)}`);
    expect((await forged.post('/api/session.current', {})).status).toBe(401);
    expect(await forged.state()).toMatchObject({ stage: 'unpaired' });
  });

  it('keeps the tablet to its screens, the body cap and the rate limit', async () => {
    const t = await loggedInTablet('Tablet B');
    const bar = await t.post('/api/bar.items', {});
    expect(bar.status).toBe(403);
    const net = await t.post('/api/network.status', {});
    expect(net.status).toBe(403);
    const big = await t.post('/api/visitors.today', JSON.stringify({ x: 'x'.repeat(3_000_000) }));
    expect(big.status).toBe(413);
    // one connection kept open, as a browser does: the calls come faster than the device's rate
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => t.post('/api/session.current', {}, {}, agent)),
    );
    agent.destroy();
    expect(answers.some((a) => a.status === 429)).toBe(true);
  });

  it('gives a logged-in tablet the change events; a revoked tablet is refused and told so', async () => {
    const t = await loggedInTablet('Tablet C');
    // no session cookie: no events
    const other = new Tablet();
    other.cookies.set('__Host-fd_device', t.cookies.get('__Host-fd_device')!);
    expect((await other.get('/api/events')).status).toBe(401);

    const events: string[] = [];
    let ended = false;
    const stream = https.get(
      {
        host: '127.0.0.1',
        port: new URL(origin).port,
        path: '/api/events',
        rejectUnauthorized: false,
        agent: false,
        headers: { Host: host, Cookie: t.cookieHeader(), 'Sec-Fetch-Site': 'same-origin' },
      },
      (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        res.on('data', (c: Buffer) => events.push(c.toString()));
        res.on('end', () => (ended = true));
        res.on('close', () => (ended = true));
      },
    );
    stream.on('error', () => (ended = true));
    await until('the stream to open', 5_000, () => events.join('').includes(': connected'));
    await club.call('mgr', 'network.startPairing', {});
    await until('a change event', 5_000, () => events.join('').includes('event: change'));

    const devices = (await club.call('mgr', 'network.status', {})).devices;
    await club.call('mgr', 'network.revoke', { deviceId: devices.find((d) => d.name === 'Tablet C')!.id });
    await until('the stream to close', 5_000, () => ended);
    const refused = await t.post('/api/session.current', {});
    expect(refused.status).toBe(401);
    expect(refused.json?.error?.code).toBe('DEVICE_NOT_ACTIVE');
    expect(await t.state()).toMatchObject({ stage: 'revoked' });
    expect((await t.get('/api/events')).status).toBe(401);
  });

  it('leaves the app stations’ rules as they were: device headers with an Origin are refused', async () => {
    const r = await request('POST', '/api/session.current', {
      headers: { 'x-fd-device': '1', 'x-fd-secret': 'x', Origin: origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(403);
    const p = await request('POST', '/pair/request', {
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(p.status).toBe(403);
  });
});
