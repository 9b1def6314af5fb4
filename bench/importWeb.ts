/**
 * The browser part of the import benchmark: the web build serving a club set up beforehand; the
 * manager imports the roster through the wizard in Chromium. Each phase is timed from the click that
 * starts it to what the wizard shows when it is over.
 * BENCH_IMPORT_SHOT=file.png saves a screenshot of the wizard while it writes.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export async function measureImportWeb(opts: {
  root: string;
  dataDir: string;
  file: Buffer;
  rows: number;
  bad: number;
  log: (s: string) => void;
}): Promise<Record<string, number>> {
  const proc = spawn(
    process.execPath,
    [path.join(opts.root, 'build/node/web.js'), '--port', '0', '--data-dir', opts.dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`web server exited ${code}: ${out}`)));
  });
  // playwright-core is a dependency of @playwright/test (a dev dependency); loaded lazily.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await page.getByRole('button', { name: /Manager/ }).click();
    await page.getByLabel('PIN for Manager').fill('9999');
    await page.keyboard.press('Enter');
    await page.locator('.topbar-user .who').filter({ hasText: 'Manager' }).waitFor();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^Members/ })
      .click();
    await page.getByRole('button', { name: 'Import roster…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('File (CSV or Excel .xlsx)').setInputFiles({
      name: 'roster-gbk.csv',
      mimeType: 'text/csv',
      buffer: opts.file,
    });
    const t0 = Date.now();
    await dialog.getByRole('button', { name: 'Read file' }).click();
    const target = dialog.getByLabel('Imported as: 身份证号');
    await target.waitFor({ timeout: 120_000 });
    const t2 = Date.now();
    await target.selectOption('f:nationalId');
    await dialog.getByLabel(/The club keeps national ID numbers/).check();
    const t3 = Date.now();
    await dialog.getByRole('button', { name: 'Check', exact: true }).click();
    const commit = dialog.getByRole('button', { name: /^Import the [\d,]+ valid rows/ });
    await commit.waitFor({ timeout: 120_000 });
    const t4 = Date.now();
    await commit.click();
    // BENCH_IMPORT_SHOT=file.png: what the manager sees while the members are written
    if (process.env.BENCH_IMPORT_SHOT) {
      await dialog.getByRole('status').filter({ hasText: /4/ }).first().waitFor();
      await page.screenshot({ path: process.env.BENCH_IMPORT_SHOT });
    }
    await dialog
      .getByText(`${(opts.rows - opts.bad).toLocaleString('en')} members imported.`)
      .or(dialog.getByText(`${opts.rows - opts.bad} members imported.`))
      .waitFor({ timeout: 120_000 });
    const t5 = Date.now();
    const took = (await dialog.getByText(/^Took/).textContent()) ?? '';
    const r = {
      'web.preview': (t2 - t0) / 1000,
      'web.validate': (t4 - t3) / 1000,
      'web.commit': (t5 - t4) / 1000,
      'web.total': (t2 - t0 + (t5 - t3)) / 1000,
    };
    opts.log(
      `web: read+upload+preview ${r['web.preview']} s, check ${r['web.validate']} s, write ${r['web.commit']} s; the wizard says "${took}"`,
    );
    return r;
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
  }
}
