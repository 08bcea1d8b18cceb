/**
 * Spikes: a unit's month (or day, or week) against its own baseline — the mean of its trailing
 * periods, blended with the same period a year earlier when there is one — judged by the Poisson
 * tail of the count (poisson.ts), and by the excess in complaints, so that a jump from 1 to 3
 * (p = 0.08, two more) is no alarm while 4 to 12 (p = 0.0009, eight more) is.
 */
import { upperTail } from './poisson.js';

export type Level = 'red' | 'yellow' | 'green';

export interface SpikeThresholds {
  /** Tail probability at or below which a count is a yellow spike … */
  yellow: number;
  /** … and a red one. */
  red: number;
  /** Complaints over the baseline a spike must also have. */
  minExcess: number;
  /** Trailing periods in the baseline, and how many must be known for one. */
  trailing: number;
  minTrailing: number;
}

export const SPIKE_DEFAULTS: SpikeThresholds = {
  yellow: 0.05,
  red: 0.01,
  minExcess: 3,
  trailing: 6,
  minTrailing: 3,
};

/**
 * The expected count: the mean of the trailing periods known (the most recent `trailing`), half
 * and half with the same period a year earlier when it is known. Null when too few are known.
 */
export function baseline(
  trailing: readonly (number | null)[],
  yearEarlier: number | null,
  t: SpikeThresholds = SPIKE_DEFAULTS,
): number | null {
  const known = trailing.slice(-t.trailing).filter((n): n is number => n !== null);
  if (known.length < t.minTrailing) return yearEarlier;
  const mean = known.reduce((s, n) => s + n, 0) / known.length;
  return yearEarlier === null ? mean : (mean + yearEarlier) / 2;
}

export interface Spike {
  observed: number;
  expected: number;
  /** P(X ≥ observed) under Poisson(expected). */
  p: number;
  level: Level;
}

export function spikeOf(
  observed: number,
  expected: number,
  t: SpikeThresholds = SPIKE_DEFAULTS,
): Spike {
  const p = upperTail(observed, expected);
  const excess = observed - expected >= t.minExcess;
  const level: Level = !excess ? 'green' : p <= t.red ? 'red' : p <= t.yellow ? 'yellow' : 'green';
  return { observed, expected, p, level };
}
