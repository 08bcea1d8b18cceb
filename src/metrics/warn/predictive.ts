/**
 * The predictive count of the complaints still to come, when the rate itself is estimated from
 * the complaints so far: gamma–Poisson, i.e. negative binomial. With `soFar` complaints in a
 * share `e` of the year and the Jeffreys prior (a gamma of shape ½ and no rate), the yearly rate
 * is Gamma(soFar + ½, e) after the data; the count in the rest of the year (share 1 − e) is then
 * NegativeBinomial(r = soFar + ½, p = e): P(k) = Γ(k + r) / (Γ(r) k!) · p^r · (1 − p)^k.
 * Four complaints in January say little about a year: the interval is wide, where Poisson on the
 * point forecast (rate known) would make it narrow.
 */
import { gammaln } from 'simple-statistics';

/** The prior's shape: Jeffreys' for a Poisson rate. */
export const PRIOR_SHAPE = 0.5;

/**
 * The q-quantile (the smallest k with P(X ≤ k) ≥ q) of NegativeBinomial(r, p): failures before
 * the r-th success, mean r(1 − p)/p. p ≥ 1: nothing to come (0).
 */
export function negativeBinomialQuantile(q: number, r: number, p: number): number {
  if (p >= 1 || r <= 0) return 0;
  const mean = (r * (1 - p)) / p;
  const sd = Math.sqrt(r * (1 - p)) / p;
  // Below ten standard deviations under the mean the mass is negligible: start there (large
  // units: a year of 10,000 complaints need not sum from 0), in logs (p^r underflows).
  const start = Math.max(0, Math.floor(mean - 10 * sd));
  const logQ = Math.log1p(-p);
  let logP = gammaln(start + r) - gammaln(r) - gammaln(start + 1) + r * Math.log(p) + start * logQ;
  let cumulative = 0;
  const last = Math.ceil(mean + 20 * sd) + 10;
  for (let k = start; k <= last; k++) {
    cumulative += Math.exp(logP);
    if (cumulative >= q) return k;
    logP += Math.log((k + r) / (k + 1)) + logQ;
  }
  return last;
}

/**
 * The `low`–`high` quantiles of the complaints still to come after `soFar` in a share
 * `elapsed` (0–1] of the year: the rate's uncertainty included.
 */
export function restOfYear(
  soFar: number,
  elapsed: number,
  q: { low: number; high: number },
): { low: number; high: number } {
  const r = soFar + PRIOR_SHAPE;
  return {
    low: negativeBinomialQuantile(q.low, r, elapsed),
    high: negativeBinomialQuantile(q.high, r, elapsed),
  };
}
