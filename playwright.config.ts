import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the browser build (the same renderer and core, through the loopback
 * server) in the operating system's Chromium. Each test starts its own server on a fresh data
 * folder (see tests/e2e/fixtures.ts), removed when the test ends. Screenshots of every main screen go to test-results/screens.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // A private temp folder for the run; the run fails if a test leaves anything in it.
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
  use: {
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
