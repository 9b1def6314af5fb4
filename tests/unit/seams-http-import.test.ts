/**
 * The roster import through the loopback HTTP server, as the screens call it: a manager imports a
 * GBK roster (preview → validate → commit over HTTP, balances and frozen members arrive); the
 * lowest roles that are logged in — reception and a membership consultant — are refused every
 * import operation and the export, even with the manager's job id, and nothing is written.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../electron/server/server';
import { fingerprint } from './fingerprint';
import { makeClub, MANAGER_PIN, type TestClub } from './helpers';

interface Reply {
  status: number;
  cookie: string | null;
  body: { ok: boolean; data?: unknown; error?: { code: string; params: Record<string, unknown> } };
}

const ROSTER = [
  '会员卡号,姓名,手机号码,卡种,合同开始时间,合同结束时间,储值余额,实收金额,会籍顾问,状态',
  'H001,王小明,13800001111,年卡,2026/01/05 10:22,2027/01/04,"1,280.50",3000,张伟,正常',
  'H002,李冻结,13900002222,年卡,2026-03-01,2027-02-28,50,2800,张伟,冻结',
  'H003,吴负数,13400006666,年卡,2026-01-01,2026-12-31,-20,2800,张伟,正常',
].join('\r\n');

describe('roster import through the HTTP server', () => {
  let club: TestClub;
  let server: RunningServer;
  let staticDir: string;
  const ids: Record<'consultant' | 'reception', number> = { consultant: 0, reception: 0 };

  const post = (op: string, args: unknown, cookie?: string | null): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(args);
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/api/${op}`,
          headers: {
            host: `127.0.0.1:${server.port}`,
            origin: `http://127.0.0.1:${server.port}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(cookie ? { cookie } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] || null,
              body: JSON.parse(text) as Reply['body'],
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  /** Logs a staff member in over HTTP; returns the session cookie. */
  const login = async (staffId: number, pin: string): Promise<string> => {
    const r = await post('session.login', { staffId, pin });
    expect(r.body.ok, JSON.stringify(r.body)).toBe(true);
    return r.cookie!;
  };

  beforeAll(async () => {
    club = await makeClub();
    await club.call('mgr', 'cardTypes.create', {
      name: '年卡',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 300_000,
    });
    ids.consultant = (await club.loginAs('consultant', '张伟', '4001')).staffId;
    ids.reception = (await club.loginAs('reception', '前台', '2001')).staffId;
    staticDir = path.join(club.dataDir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    server = await startServer({ core: club.core, staticDir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    club.core.close();
    fs.rmSync(club.dataDir, { recursive: true, force: true });
  });

  it('reception and a consultant are refused every import operation and the export; nothing is written', async () => {
    const manager = await login(club.managerId, MANAGER_PIN);
    const file = iconv.encode(ROSTER, 'gbk').toString('base64');
    const preview = await post('members.importPreview', { fileBase64: file }, manager);
    expect(preview.body.ok).toBe(true);
    const p = preview.body.data as { jobId: string; suggestedMapping: Record<string, number> };
    const job = { jobId: p.jobId, mapping: p.suggestedMapping };

    // logged in first (a login is audited), then nothing may change
    const sessions = {
      reception: await login(ids.reception, '2001'),
      consultant: await login(ids.consultant, '4001'),
    };
    const before = fingerprint(club.core.database);
    for (const role of ['reception', 'consultant'] as const) {
      const cookie = sessions[role];
      const attempts: [string, unknown][] = [
        ['members.importPreview', { fileBase64: file }],
        ['members.importValidate', job],
        ['members.importCommit', { ...job, skipInvalid: true }],
        ['members.importCancel', { jobId: p.jobId }],
        ['members.exportCsv', {}],
      ];
      for (const [op, args] of attempts) {
        const r = await post(op, args, cookie);
        expect(r.body, `${role} ${op}`).toEqual({ ok: false, error: { code: 'FORBIDDEN', params: { op } } });
      }
    }
    expect(fingerprint(club.core.database)).toBe(before);

    // The manager's job is still there and imports: the good rows, skipping the bad one as chosen.
    const v = await post('members.importValidate', job, manager);
    expect(v.body.data).toMatchObject({ total: 3, valid: 2, invalid: 1 });
    const refused = await post('members.importCommit', job, manager);
    expect(refused.body.error).toMatchObject({
      code: 'IMPORT_HAS_PROBLEMS',
      params: { row: 4, header: '储值余额', problem: 'NEGATIVE_AMOUNT' },
    });
    const done = await post('members.importCommit', { ...job, skipInvalid: true }, manager);
    expect(done.body.data).toMatchObject({ imported: 2, skipped: 1, storedValueCents: 133_050, frozen: 1 });
    const scan = await post('checkin.scan', { ref: { cardNo: 'H002' }, scanned: true }, sessions.reception);
    expect(scan.body.data).toMatchObject({ outcome: 'blocked', blocks: [{ code: 'FROZEN' }] });
  });
});
