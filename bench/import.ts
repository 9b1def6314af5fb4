/**
 * `npm run bench:import`: how long a club's roster import takes (issue 11: 20,000 rows in under
 * 30 s, with a progress bar).
 *
 * A 20,000-row GBK export from "another system" with every kind of column (other names, dates with
 * times and slashes, balances, frozen and expired members, consultants, national ID numbers, a price
 * paid, a store column for the notes, 1% bad rows) is imported
 * 1. in the core, through Core.call: preview, validate, commit — each timed;
 * 2. end to end in Chromium on the web build (build/node/web.js): the manager picks the file in the
 *    import wizard, reads it, checks it and imports the valid rows; timed from the click on "Read
 *    file" to the wizard's "done" (the manager's clicks are immediate), per phase.
 * Writes bench/results/import-latest.json and import-latest.md. BENCH_IMPORT_ROWS changes the size,
 * BENCH_WEB=0 skips the browser.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Core } from '../electron/core/app';
import type { Response } from '../electron/core/contract';
import { measureImportWeb } from './importWeb';

const ROOT = path.resolve(__dirname, '..', '..');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const WEB = process.env.BENCH_WEB !== '0';
const TARGET_S = 30;
const log = (s: string) => console.log(s);

const CONSULTANTS = ['张伟', '刘洋', '王芳', '李静', '陈晨', '杨帆', '赵磊', '黄丽', '周杰', '吴敏'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

/** A resident ID number with its check digit. */
function nationalId(i: number): string {
  const body = `110105${1950 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, k) => a + x * Number(body[k]), 0);
  return body + '10X98765432'[sum % 11]!;
}

export function roster(rows: number): { text: string; bad: number } {
  const lines = [
    '序号,会员卡号,姓名,性别,手机号码,身份证号,卡种,合同开始时间,合同结束时间,剩余次数,储值余额,实收金额,会籍顾问,状态,冻结开始日期,冻结结束日期,办卡门店,备注',
  ];
  let bad = 0;
  for (let i = 0; i < rows; i++) {
    const name = SURNAMES[i % 20]! + GIVEN[(i * 7) % 24]! + (i % 3 === 0 ? GIVEN[(i * 11) % 24]! : '');
    const visits = i % 10 === 3;
    const frozen = i % 40 === 5;
    const expired = i % 25 === 7;
    const isBad = i % 100 === 99; // 1%: a negative balance
    if (isBad) bad += 1;
    lines.push(
      [
        i + 1,
        `R${String(200_000 + i)}`,
        name,
        i % 5 === 0 ? '' : i % 2 ? '男' : '女',
        `1${3_800_000_000 + i}`,
        i % 4 === 0 ? nationalId(i) : '',
        visits ? '20次卡' : i % 2 ? '年卡' : '季卡',
        `${expired ? 2024 : 2026}/0${1 + (i % 9)}/1${i % 10} 10:${String(i % 60).padStart(2, '0')}:00`,
        visits ? '' : expired ? '2025/06/30' : '2027/12/31',
        visits ? String(i % 20) : '',
        isBad ? '-20' : i % 3 === 0 ? `${(i % 500) + 0.5}` : '0',
        '2800',
        CONSULTANTS[i % 10],
        frozen ? '冻结' : expired ? '已过期' : '正常',
        frozen ? '2026-11-01' : '',
        frozen ? '2027-01-31' : '',
        '江畔店',
        i % 7 === 0 ? '老会员' : '',
      ].join(','),
    );
  }
  return { text: lines.join('\r\n'), bad };
}

function data<T>(r: Response<unknown>, what: string): T {
  if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** A club with the card types and consultants of the roster, a manager logged in as "mgr". */
async function club(dataDir: string): Promise<Core> {
  const core = await Core.open({ dataDir, dailyBackup: false });
  const call = async <T>(s: string, op: string, a: unknown) => data<T>(await core.call(s, op, a), op);
  await call('setup', 'system.setup', {
    clubName: 'Bench Club',
    timeZone: 'Asia/Shanghai',
    language: 'en',
    staffArriveTime: '09:50',
    openTime: '11:00',
    closeTime: '22:00',
    tagCount: 60,
    manager: { name: 'Manager', pin: '9999', gender: 'female' },
  });
  const [mgr] = await call<{ id: number }[]>('x', 'session.staffList', {});
  await call('mgr', 'session.login', { staffId: mgr!.id, pin: '9999' });
  for (const [name, kind, n] of [
    ['年卡', 'time', 365],
    ['季卡', 'time', 90],
    ['20次卡', 'visits', 20],
  ] as const)
    await call('mgr', 'cardTypes.create', {
      name,
      kind,
      durationDays: kind === 'time' ? n : null,
      visitCount: kind === 'visits' ? n : null,
      priceCents: 100_000,
    });
  for (const name of CONSULTANTS)
    await call('mgr', 'staff.create', { name, role: 'consultant', pin: '4001', gender: 'unspecified' });
  return core;
}

async function main() {
  const { text, bad } = roster(ROWS);
  const file = iconv.encode(text, 'gbk');
  log(`roster: ${ROWS} rows, ${(file.length / 1024 / 1024).toFixed(1)} MiB GBK, ${bad} bad rows`);
  const results: Record<string, number | string> = {
    rows: ROWS,
    badRows: bad,
    fileMiB: file.length / 1048576,
  };

  // ---- 1. the core ----
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-bench-import-'));
  try {
    const core = await club(path.join(dir, 'core'));
    const call = async <T>(op: string, a: unknown) => data<T>(await core.call('mgr', op, a), op);
    const t0 = performance.now();
    const p = await call<{
      jobId: string;
      suggestedMapping: Record<string, number>;
      suggestedNoteColumns: number[];
    }>('members.importPreview', { fileBase64: file.toString('base64') });
    const t1 = performance.now();
    const args = {
      jobId: p.jobId,
      mapping: { ...p.suggestedMapping, nationalId: 5 },
      options: { noteColumns: p.suggestedNoteColumns, keepNationalId: true },
    };
    const v = await call<{ valid: number; invalid: number }>('members.importValidate', args);
    const t2 = performance.now();
    const r = await call<{ imported: number }>('members.importCommit', { ...args, skipInvalid: true });
    const t3 = performance.now();
    if (v.invalid !== bad || r.imported !== ROWS - bad)
      throw new Error(`unexpected counts: ${JSON.stringify({ v, r }).slice(0, 1000)}`);
    results['core.preview'] = (t1 - t0) / 1000;
    results['core.validate'] = (t2 - t1) / 1000;
    results['core.commit'] = (t3 - t2) / 1000;
    results['core.total'] = (t3 - t0) / 1000;
    log(
      `core: preview ${(t1 - t0).toFixed(0)} ms, validate ${(t2 - t1).toFixed(0)} ms, commit ${(t3 - t2).toFixed(0)} ms (${r.imported} members)`,
    );
    core.close();

    // ---- 2. end to end in Chromium ----
    if (WEB) {
      const webDir = path.join(dir, 'web');
      (await club(webDir)).close();
      const w = await measureImportWeb({ root: ROOT, dataDir: webDir, file, rows: ROWS, bad, log });
      Object.assign(results, w);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const total = Number(results['web.total'] ?? results['core.total']);
  results.result = total < TARGET_S ? 'pass' : 'MISS';
  const outDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const at = new Date().toISOString();
  const cpus = os.cpus();
  fs.writeFileSync(path.join(outDir, 'import-latest.json'), JSON.stringify({ at, ...results }, null, 2));
  const s = (k: string) => (typeof results[k] === 'number' ? results[k].toFixed(2) : '—');
  const md = [
    `${at} · ${cpus.length} cores ${cpus[0]?.model.trim() ?? ''} · ${ROWS} rows (${bad} bad) · ${s('fileMiB')} MiB GBK`,
    '',
    '| Phase | Core.call (s) | Chromium, web build (s) |',
    '| --- | ---: | ---: |',
    `| Reading the file, uploading it, reading the rows (preview) | ${s('core.preview')} | ${s('web.preview')} |`,
    `| Checking every row | ${s('core.validate')} | ${s('web.validate')} |`,
    `| Writing (one transaction) | ${s('core.commit')} | ${s('web.commit')} |`,
    `| **Total** (target < ${TARGET_S} s) | ${s('core.total')} | **${s('web.total')}** |`,
    '',
    `Result: ${String(results.result)}`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(outDir, 'import-latest.md'), md);
  log(md);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
