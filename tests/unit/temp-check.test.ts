/**
 * The temp folder hygiene of the tests themselves (tests/support/temp.ts): folders are made with
 * one prefix and removed after the file, closers run before the removal, and the end-of-run check
 * reports what a run left behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanupTemp,
  finishRun,
  leftoverReport,
  leftovers,
  onCleanup,
  RUN_PREFIX,
  startRun,
  TEMP_PREFIX,
  tempDir,
} from '../support/temp';

describe('test temp folders', () => {
  it('are made under the temp dir with the prefix and removed by cleanupTemp, closers first', () => {
    const dir = tempDir('probe');
    expect(path.dirname(dir)).toBe(os.tmpdir());
    expect(path.basename(dir).startsWith(`${TEMP_PREFIX}probe-`)).toBe(true);
    fs.writeFileSync(path.join(dir, 'f.txt'), 'x');
    const seen: boolean[] = [];
    onCleanup(() => seen.push(fs.existsSync(dir)));
    cleanupTemp();
    expect(seen).toEqual([true]); // the closer ran while the folder was still there
    expect(fs.existsSync(dir)).toBe(false);
    expect(() => tempDir('Bad/Name')).toThrow(/short lowercase name/);
  });

  it('cleanupTemp runs every step even when one throws, then throws', () => {
    const a = tempDir('a');
    onCleanup(() => {
      throw new Error('closing failed');
    });
    const b = tempDir('b');
    expect(() => cleanupTemp()).toThrow('closing failed');
    expect(fs.existsSync(a)).toBe(false);
    expect(fs.existsSync(b)).toBe(false);
  });
});

describe('the leftover check', () => {
  it('reports entries that appeared since the snapshot, and only those', () => {
    const sandbox = tempDir('sandbox');
    fs.mkdirSync(path.join(sandbox, 'fd-test-older-1'));
    const before = new Set(fs.readdirSync(sandbox));
    expect(leftovers(sandbox, before)).toEqual([]);
    expect(leftoverReport(sandbox, [])).toBeNull();

    fs.mkdirSync(path.join(sandbox, 'fd-test-leak-2'));
    fs.writeFileSync(path.join(sandbox, 'stray.sqlite3'), '');
    const left = leftovers(sandbox, before);
    expect(left).toEqual(['fd-test-leak-2', 'stray.sqlite3']);
    const report = leftoverReport(sandbox, left)!;
    expect(report).toMatch(/left 2 temporary entries/);
    expect(report).toContain(path.join(sandbox, 'fd-test-leak-2'));
    expect(report).not.toContain('fd-test-older-1');
    cleanupTemp();
  });

  it('a run fails when its tests leave a folder, passes when they leave none, and always removes its folder', () => {
    const sandbox = tempDir('outer');
    const env: NodeJS.ProcessEnv = { TMPDIR: sandbox };

    const leaky = startRun(env, sandbox);
    expect(path.basename(leaky.root).startsWith(RUN_PREFIX)).toBe(true);
    expect(env.TMPDIR).toBe(leaky.root);
    fs.mkdirSync(path.join(leaky.root, 'fd-test-club-abc123'));
    const report = finishRun(leaky, env);
    expect(report).toMatch(/left 1 temporary entry behind/);
    expect(report).toContain(path.join(leaky.root, 'fd-test-club-abc123'));
    expect(fs.existsSync(leaky.root)).toBe(false);
    expect(env.TMPDIR).toBe(sandbox);

    const clean = startRun(env, sandbox);
    const made = fs.mkdtempSync(path.join(clean.root, TEMP_PREFIX));
    fs.rmSync(made, { recursive: true });
    expect(finishRun(clean, env)).toBeNull();
    expect(fs.readdirSync(sandbox)).toEqual([]);
    cleanupTemp();
  });
});
