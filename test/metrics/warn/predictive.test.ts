/** The predictive count of the rest of the year (negative binomial), worked by hand. */
import { describe, expect, it } from 'vitest';
import { negativeBinomialQuantile, restOfYear } from '../../../src/metrics/warn/predictive.js';
import { INTERVAL } from '../../../src/metrics/warn/forecast.js';

/** P(X ≤ k) by the plain recurrence P(0) = p^r, P(j+1) = P(j)·(j + r)/(j + 1)·(1 − p). */
function cdf(k: number, r: number, p: number): number {
  let pj = p ** r;
  let sum = pj;
  for (let j = 0; j < k; j++) {
    pj *= ((j + r) / (j + 1)) * (1 - p);
    sum += pj;
  }
  return sum;
}

describe('negativeBinomialQuantile', () => {
  it('r = 4.5, p = ½: P(0) = 0.5^4.5 = 0.0442, P(≤1) = 0.0442 + 0.0994 = 0.1436: the 10th percentile is 1', () => {
    expect(negativeBinomialQuantile(0.1, 4.5, 0.5)).toBe(1);
    expect(negativeBinomialQuantile(0.04, 4.5, 0.5)).toBe(0);
  });

  it('agrees with the plain recurrence at both ends of the 80% interval', () => {
    for (const [r, p] of [
      [4.5, 1 / 12],
      [1.5, 1 / 12],
      [24.5, 0.4],
      [0.5, 0.25],
    ] as const)
      for (const q of [0.1, 0.9]) {
        const k = negativeBinomialQuantile(q, r, p);
        expect(cdf(k, r, p)).toBeGreaterThanOrEqual(q);
        if (k > 0) expect(cdf(k - 1, r, p)).toBeLessThan(q);
      }
  });

  it('large counts (p^r underflows): 10,000 in half a year, the rest 9820–10182', () => {
    // Normal approximation: mean 10000.5, sd √(10000.5·½)/½ = 141.4; ±1.2816 sd = ±181.
    expect(negativeBinomialQuantile(0.1, 10000.5, 0.5)).toBe(9820);
    expect(negativeBinomialQuantile(0.9, 10000.5, 0.5)).toBe(10182);
  });

  it('nothing to come when the year is gone', () => {
    expect(negativeBinomialQuantile(0.9, 3.5, 1)).toBe(0);
  });
});

describe('restOfYear: the complaints still to come, the rate uncertain (Jeffreys prior, r = soFar + ½)', () => {
  it.each([
    // soFar, share of the year gone, 10th and 90th percentile of the rest
    [4, 1 / 12, 22, 82], // P(≤21) = 0.0970, P(≤22) = 0.1094; P(≤81) = 0.8966, P(≤82) = 0.9018
    [1, 1 / 12, 3, 35],
    [0, 1 / 12, 0, 15], // P(0) = (1/12)^½ = 0.289: the low end is 0, the high end is not
    [0, 11 / 12, 0, 0], // P(0) = (11/12)^½ = 0.957 ≥ 0.9: nothing more is the likely year
    [4, 0.5, 1, 9],
    [24, 0.4, 25, 49],
  ])('%i so far, %f of the year gone: %i–%i to come', (soFar, elapsed, low, high) => {
    expect(restOfYear(soFar, elapsed, INTERVAL)).toEqual({ low, high });
  });
});
