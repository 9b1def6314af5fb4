/**
 * vitest's global setup: the whole run uses a private temp folder (tests/support/temp.ts), and the
 * run fails, listing them, if the tests left anything in it.
 */
import { finishRun, startRun } from './temp';

export default function setup(): () => void {
  const run = startRun();
  return () => {
    const report = finishRun(run);
    if (report) {
      process.exitCode = 1;
      throw new Error(report);
    }
  };
}
