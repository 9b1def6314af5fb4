/**
 * Temporary folders of the tests, and the check that a test run leaves none behind.
 *
 * - Every test folder is made by `tempDir(name)`: `fd-test-<name>-XXXXXX` under the temp dir.
 *   It is registered, and `cleanupTemp()` removes every registered folder (last made, first
 *   removed) after first running the registered closers (`onCleanup`: a Core, a database, a
 *   server must be closed before its files go). The unit tests run `cleanupTemp()` after every
 *   test file (tests/support/vitest-cleanup.ts), the end-to-end tests after every worker
 *   (tests/e2e/fixtures.ts); a failing test still cleans.
 * - A run (vitest's and Playwright's global setup) first makes a private temp folder
 *   `fd-test-run-XXXXXX` and points TMPDIR at it, so every temp file of the run — ours, the
 *   servers' and the workers' — lands there and folders of other processes on the machine never
 *   count. At the end `finishRun` lists what is left in it, removes it, and fails the run if
 *   anything was left.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The prefix of every temporary folder the tests make. */
export const TEMP_PREFIX = 'fd-test-';
/** The prefix of the private temp folder of one run. */
export const RUN_PREFIX = `${TEMP_PREFIX}run-`;

const cleanups: (() => void)[] = [];

/** Registers something to close or remove when the current test file (or worker) is done. */
export function onCleanup(fn: () => void): void {
  cleanups.push(fn);
}

/** Removes a folder and everything in it (no error when it is already gone). */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
}

/** A fresh temporary folder `fd-test-<name>-XXXXXX`, removed by `cleanupTemp()`. */
export function tempDir(name = 'tmp'): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`tempDir: a short lowercase name, not ${name}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${name}-`));
  onCleanup(() => removeDir(dir));
  return dir;
}

/**
 * Runs and forgets every registered closer and removal, the latest first (a Core made after its
 * folder is closed before the folder goes). Every one runs even when some throw; the errors are
 * thrown together at the end.
 */
export function cleanupTemp(): void {
  const errors: unknown[] = [];
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop()) {
    try {
      fn();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'cleaning up the test temp folders failed');
}

/** The entries of `dir` not in `before` (sorted), i.e. what appeared there since `before` was read. */
export function leftovers(dir: string, before: ReadonlySet<string> = new Set()): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((e) => !before.has(e))
    .sort();
}

/** The message of a failed check, or null when nothing is left. */
export function leftoverReport(dir: string, left: readonly string[]): string | null {
  if (left.length === 0) return null;
  const shown = left.slice(0, 20).map((e) => `  ${path.join(dir, e)}`);
  if (left.length > 20) shown.push(`  … and ${left.length - 20} more`);
  return (
    `The tests left ${left.length} temporary ${left.length === 1 ? 'entry' : 'entries'} behind ` +
    `(make temp folders with tempDir() from tests/support/temp.ts and close what uses them):\n${shown.join('\n')}`
  );
}

export interface Run {
  /** The private temp folder of the run (TMPDIR while the run lasts). */
  root: string;
  /** The temp dir before the run (restored by finish). */
  outer: string;
}

/** Starts a checked run: a private temp folder under the current one, and TMPDIR pointing at it. */
export function startRun(env: NodeJS.ProcessEnv = process.env, outer = os.tmpdir()): Run {
  const root = fs.mkdtempSync(path.join(outer, RUN_PREFIX));
  env.TMPDIR = root;
  return { root, outer };
}

/**
 * Ends a checked run: restores TMPDIR, removes the run's folder and returns the report of what the
 * tests left in it (null when nothing).
 */
export function finishRun(run: Run, env: NodeJS.ProcessEnv = process.env): string | null {
  env.TMPDIR = run.outer;
  const report = leftoverReport(run.root, leftovers(run.root));
  removeDir(run.root);
  return report;
}
