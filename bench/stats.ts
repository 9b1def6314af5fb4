/** Timing helpers for the benchmark. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { rng } from './generate';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
    max: s[s.length - 1] ?? NaN,
  };
}

/**
 * Runs `fn` up to `n` times (or until `budgetMs` is spent, whichever comes first), timing each call
 * in milliseconds. `fn` gets the iteration number.
 */
export async function timeEach(
  n: number,
  fn: (i: number) => Promise<unknown> | unknown,
  budgetMs = Infinity,
): Promise<number[]> {
  const out: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
    if (performance.now() - start > budgetMs) break;
  }
  return out;
}

export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * The floor: a bare indexed SELECT + one INSERT in one synchronous=FULL (WAL) transaction, on a
 * 100,000-row table in `dir`. Returns one timed step (ms) and a close.
 */
export function makeFloor(dir: string): { step: () => number; close: () => void } {
  const file = path.join(dir, 'floor.sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS k (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, v INTEGER NOT NULL);
           CREATE TABLE IF NOT EXISTS log (id INTEGER PRIMARY KEY, k_id INTEGER NOT NULL, at TEXT NOT NULL);
           CREATE INDEX IF NOT EXISTS log_k ON log(k_id);`);
  const ins = db.prepare('INSERT OR IGNORE INTO k (code, v) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 100_000; i++) ins.run(String(10_000_000 + i * 7), i);
  })();
  const sel = db.prepare('SELECT id, v FROM k WHERE code = ?');
  const add = db.prepare('INSERT INTO log (k_id, at) VALUES (?, ?)');
  const tx = db.transaction((code: string) => {
    const row = sel.get(code) as { id: number } | undefined;
    add.run(row?.id ?? 0, new Date().toISOString());
  });
  const r = rng(7);
  return {
    step: () => {
      const code = String(10_000_000 + Math.floor(r() * 100_000) * 7);
      const t = performance.now();
      tx.immediate(code);
      return performance.now() - t;
    },
    close: () => db.close(),
  };
}

/** The floor measured n times (after 50 unmeasured). */
export function measureFloor(dir: string, n: number): number[] {
  const floor = makeFloor(dir);
  const samples: number[] = [];
  for (let i = 0; i < n + 50; i++) {
    const dt = floor.step();
    if (i >= 50) samples.push(dt);
  }
  floor.close();
  return samples;
}
