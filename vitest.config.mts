import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/crash/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Every temp folder a test makes is removed after its file; the run fails if any is left
    // (tests/support/temp.ts).
    globalSetup: ['tests/support/vitest-global.ts'],
    setupFiles: ['tests/support/vitest-cleanup.ts'],
  },
});
