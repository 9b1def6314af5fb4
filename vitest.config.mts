import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/crash/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: one worker on CI's 2 cores, with the
    // other core idle. The files are CPU-bound and independent (each makes its own temp folders
    // and free ports), so two run side by side there.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Every temp folder a test makes is removed after its file; the run fails if any is left
    // (tests/support/temp.ts).
    globalSetup: ['tests/support/vitest-global.ts'],
    setupFiles: ['tests/support/vitest-cleanup.ts'],
  },
});
