/**
 * Playwright's global setup: the whole run uses a private temp folder (tests/support/temp.ts: the
 * workers, the servers they start and the browser inherit its TMPDIR), and the run fails, listing
 * them, if anything is left in it at the end.
 */
import os from 'node:os';
import path from 'node:path';
import { finishRun, startRun } from '../support/temp';

export default function globalSetup(): () => void {
  // Playwright's compile cache lives in the temp dir and is meant to outlive runs: the workers keep
  // using the runner's (the same folder it picked, before TMPDIR moves).
  process.env.PLAYWRIGHT_TRANSFORM_CACHE_DIR ??= path.join(
    os.tmpdir(),
    `playwright-transform-cache-${process.geteuid?.() ?? ''}`,
  );
  const run = startRun();
  return () => {
    const report = finishRun(run);
    if (report) throw new Error(report);
  };
}
