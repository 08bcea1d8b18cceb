/**
 * The count model of the early warning: how surprising a count is against the count expected,
 * for the small numbers a unit's month holds (1 → 3 is no alarm; 4 → 12 is). Poisson, from
 * simple-statistics' distribution table, which runs until its cumulative probability is within
 * 1e-4 of 1: a tail beyond the table is below that, and said as TAIL_FLOOR.
 */
import { poissonDistribution } from 'simple-statistics';

/** The smallest tail probability the table resolves. */
export const TAIL_FLOOR = 1e-4;

function table(lambda: number): number[] {
  return poissonDistribution(lambda) as number[];
}

/**
 * P(X ≥ k) for X ~ Poisson(λ): the chance of a count at least this high when λ is expected.
 * λ = 0 gives 1 for k = 0 and 0 above (nothing was expected and anything is a surprise, but no
 * probability says so: the caller needs a base to judge by).
 */
export function upperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  const p = table(lambda);
  let below = 0;
  for (let i = 0; i < k && i < p.length; i++) below += p[i]!;
  return k >= p.length ? Math.min(TAIL_FLOOR, Math.max(0, 1 - below)) : Math.max(0, 1 - below);
}

/** The q-quantile of Poisson(λ): the smallest k with P(X ≤ k) ≥ q. */
export function quantile(q: number, lambda: number): number {
  if (lambda <= 0) return 0;
  const p = table(lambda);
  let cumulative = 0;
  for (let k = 0; k < p.length; k++) {
    cumulative += p[k]!;
    if (cumulative >= q) return k;
  }
  return p.length;
}
