import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cleanupTemp, removeDir, tempDir } from '../support/temp';

export interface Server {
  url: string;
  dataDir: string;
  proc: ChildProcess;
}

/**
 * Starts the loopback server (build/node/web.js) on a free port with a fresh data folder (a test
 * temp folder, removed after the worker unless the caller removes it sooner).
 */
export async function startServer(
  opts: { dataDir?: string; env?: Record<string, string>; args?: string[] } = {},
): Promise<Server> {
  const dataDir = opts.dataDir ?? tempDir('e2e');
  const argv = ['build/node/web.js', '--port', '0', '--data-dir', dataDir, ...(opts.args ?? [])];
  const proc = spawn(process.execPath, argv, {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
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
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { url, dataDir, proc };
}

export async function stopServer(s: Server): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    s.proc.once('exit', () => resolve());
    s.proc.kill('SIGTERM');
  });
}

/** Stops the server, then removes its data folder (also when stopping fails). */
export async function disposeServer(s: Server): Promise<void> {
  try {
    await stopServer(s);
  } finally {
    removeDir(s.dataDir);
  }
}

/** Saves a full-page screenshot of a main screen as a test artifact. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = path.join('test-results', 'screens');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

export const test = base.extend<{ server: Server }, { tempCleanup: void }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures need the destructuring
  server: async ({}, use) => {
    const s = await startServer();
    try {
      await use(s);
    } finally {
      await disposeServer(s);
    }
  },
  // After the worker: whatever temp folder a test made with tempDir() and did not remove yet.
  tempCleanup: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures need the destructuring
    async ({}, use) => {
      try {
        await use();
      } finally {
        cleanupTemp();
      }
    },
    { scope: 'worker', auto: true },
  ],
});

/** The test fixture with its `server` started on a data folder that `seed` prepared first. */
export function seededTest(name: string, seed: (dataDir: string) => Promise<void>) {
  return test.extend<{ server: Server }>({
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures need the destructuring
    server: async ({}, use) => {
      const dataDir = tempDir(name);
      await seed(dataDir);
      const s = await startServer({ dataDir });
      try {
        await use(s);
      } finally {
        await disposeServer(s);
      }
    },
  });
}

export { expect };
