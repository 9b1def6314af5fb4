/** Timing helpers for the benchmark. */

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
