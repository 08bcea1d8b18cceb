/**
 * The Poisson tail and quantiles against jStat's (an independent implementation), and the
 * worked cases of the early warning: 1 → 3 is no alarm, 4 → 12 is.
 */
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { TAIL_FLOOR, quantile, upperTail } from '../../../src/metrics/warn/poisson.js';

const jTail = (k: number, lambda: number) => 1 - jStat.poisson.cdf(k - 1, lambda);

describe('upperTail: P(X ≥ k)', () => {
  it.each([
    [3, 1], // 1 expected, 3 seen: 8%, no alarm
    [12, 4], // 4 expected, 12 seen: 0.09%
    [5, 2],
    [10, 6.5],
    [20, 12],
    [1, 0.5],
    [0, 3],
  ])('k = %i, λ = %s, as jStat gives it', (k, lambda) => {
    expect(upperTail(k, lambda)).toBeCloseTo(jTail(k, lambda), 4);
  });

  it.each<[number, number, number]>([
    [3, 1, 0.0803], // 1 − e⁻¹(1 + 1 + ½) = 0.0803, by hand
    [12, 4, 0.0009], // the table of Hines & Montgomery: 1 − 0.9991
    [2, 1, 0.2642], // 1 − 2/e
  ])('k = %i, λ = %s: %s, worked by hand', (k, lambda, p) => {
    expect(upperTail(k, lambda)).toBeCloseTo(p, 4);
  });

  it('beyond the table, at most the floor', () => {
    expect(upperTail(40, 3)).toBeLessThanOrEqual(TAIL_FLOOR);
    expect(upperTail(40, 3)).toBeGreaterThanOrEqual(0);
  });

  it('nothing expected: certain at 0, no probability above', () => {
    expect(upperTail(0, 0)).toBe(1);
    expect(upperTail(2, 0)).toBe(0);
  });
});

describe('quantile', () => {
  it.each([
    [0.1, 5],
    [0.5, 5],
    [0.9, 5],
    [0.9, 0.7],
    [0.95, 20],
  ])('q = %s, λ = %s, as jStat gives it', (q, lambda) => {
    // jStat has no Poisson quantile: the smallest k with cdf(k) ≥ q, from its cdf.
    let k = 0;
    while (jStat.poisson.cdf(k, lambda) < q) k++;
    expect(quantile(q, lambda)).toBe(k);
  });
});
