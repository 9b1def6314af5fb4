/**
 * Runs in every test file (vitest `setupFiles`): after the file's own hooks, closes what the file's
 * tests registered (Cores, databases) and removes their temp folders, also when a test failed.
 */
import { afterAll } from 'vitest';
import { cleanupTemp } from './temp';

afterAll(() => {
  cleanupTemp();
});
