/**
 * The browser part of the benchmark: the web build (build/node/web.js + build/renderer) in the
 * system's Chromium. A receptionist logs in; a "scanner" types card numbers and Enter on the check-in
 * screen; the renderer's performance marks (fd:scan:submit when the scan is submitted, fd:scan:painted
 * after the result's frame was painted) give the scan-to-paint time. Also the renderer bundle size.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface WebResult {
  scanToPaint: number[];
  scans: number;
  failures: string[];
}

function startServer(root: string, dataDir: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(
    process.execPath,
    [path.join(root, 'build/node/web.js'), '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, proc });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`web server exited ${code}: ${out}`)));
  });
}

export async function measureWeb(opts: {
  root: string;
  dataDir: string;
  staffName: string;
  pin: string;
  cards: readonly string[];
  /** How many of the benchmark's own check-ins stay inside (the older ones are checked out). */
  inside: number;
  log: (s: string) => void;
}): Promise<WebResult> {
  // playwright-core is a dependency of @playwright/test (a dev dependency); loaded lazily.
  const { chromium } = await import('playwright-core');
  const server = await startServer(opts.root, opts.dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
  });
  const failures: string[] = [];
  const scanToPaint: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (e) => failures.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await page.getByRole('button', { name: new RegExp(opts.staffName) }).click();
    await page.getByLabel(`PIN for ${opts.staffName}`).fill(opts.pin);
    await page.keyboard.press('Enter');
    await page.locator('.topbar-user .who').filter({ hasText: opts.staffName }).waitFor();
    await page.locator('.scanbox-input').waitFor();
    // A few scans to warm up (not counted), then the measured ones. The members can all check in
    // (valid year card, not inside, no stored value); so that the club never runs out of key tags
    // and the list of people inside stays the size of a busy evening, the oldest of the benchmark's
    // visits is checked out through the API once more than INSIDE are in — between two scans, never
    // inside the measured interval, and with the screen left to settle afterwards.
    const warm = 5;
    const inside: string[] = [];
    const api = (op: string, args: unknown) =>
      page.evaluate(
        async ([o, a]) => {
          const res = await fetch(`/api/${o}`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(a),
          });
          return (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
        },
        [op, args] as const,
      );
    for (let i = 0; i < opts.cards.length; i++) {
      const card = opts.cards[i]!;
      await page.evaluate(() => {
        performance.clearMarks('fd:scan:submit');
        performance.clearMarks('fd:scan:painted');
      });
      // A keyboard-wedge scanner: the digits within a few ms, then Enter.
      await page.keyboard.type(card, { delay: 0 });
      await page.keyboard.press('Enter');
      try {
        await page.waitForFunction(() => performance.getEntriesByName('fd:scan:painted').length > 0, null, {
          timeout: 10_000,
        });
      } catch {
        failures.push(`no painted result for ${card}`);
        continue;
      }
      const seen = await page.evaluate(() => {
        const a = performance.getEntriesByName('fd:scan:submit');
        const b = performance.getEntriesByName('fd:scan:painted');
        return {
          ms: a[0] && b[0] ? b[0].startTime - a[0].startTime : NaN,
          submits: a.length,
          tag: document.querySelector('.result-tag-number')?.textContent ?? null,
          head: document.querySelector('.result-head-text')?.textContent ?? null,
        };
      });
      // A real failure: the member was not checked in with a tag (the head says why).
      if (!seen.tag || !/\d/.test(seen.tag)) failures.push(`no tag for ${card}: ${seen.head ?? '?'}`);
      else if (seen.submits !== 1) failures.push(`${seen.submits} submits for ${card}`);
      if (i >= warm && Number.isFinite(seen.ms)) scanToPaint.push(seen.ms);
      inside.push(card);
      if (inside.length > opts.inside) {
        const out = inside.shift()!;
        const p = await api('checkin.checkoutPreview', { cardNo: out });
        const visitId = (p.data as { visit?: { visitId: number } } | undefined)?.visit?.visitId;
        const r = visitId ? await api('checkin.checkout', { visitId, tagReturned: true }) : p;
        if (!r.ok) failures.push(`check-out of ${out}: ${JSON.stringify(r.error)}`);
        // the screen refreshes after a change made elsewhere (150 ms debounce): let it finish
        await page.waitForTimeout(300);
      }
      // The field is ready for the next card (it gets the focus back after a result).
      await page.waitForTimeout(30);
    }
    return { scanToPaint, scans: opts.cards.length - warm, failures };
  } finally {
    await browser.close();
    server.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The renderer's assets, raw and gzipped (level 9), in bytes. */
export function bundleSize(root: string): { js: number; jsGzip: number; css: number; cssGzip: number } {
  const dir = path.join(root, 'build/renderer/assets');
  const out = { js: 0, jsGzip: 0, css: 0, cssGzip: 0 };
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir)) {
    const buf = fs.readFileSync(path.join(dir, f));
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    if (f.endsWith('.js')) {
      out.js += buf.length;
      out.jsGzip += gz;
    } else if (f.endsWith('.css')) {
      out.css += buf.length;
      out.cssGzip += gz;
    }
  }
  return out;
}
