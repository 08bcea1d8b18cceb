/**
 * Seasonality: each month of the year against the average month, over every month the inputs
 * cover (not only the period), when they cover more than a year. The cube tallied by month.
 */
import { monthIndexToString } from '../../schema/values.js';
import { tallyOf } from '../group.js';
import { monthPeriod } from '../period.js';
import type { AnalysisInput, Seasonality } from '../types.js';

/** More than a year of inputs is needed for a month of the year to have a peer. */
export const SEASONALITY_MIN_MONTHS = 13;

export function seasonality(input: AnalysisInput): Seasonality | null {
  const all = [...input.covered].sort((a, b) => a - b);
  if (all.length < SEASONALITY_MIN_MONTHS) return null;
  // One bucket a month from the first covered month to the last.
  const first = all[0]!;
  const { buckets } = tallyOf(input.cube, monthPeriod(first, all[all.length - 1]!), input.settings);
  const complaintsIn = (m: number) => buckets[m - first]!.complaints;
  const overall = all.reduce((sum, m) => sum + complaintsIn(m), 0) / all.length;
  const months: Seasonality['months'] = [];
  for (let moy = 0; moy < 12; moy++) {
    const values: Record<string, number> = {};
    let sum = 0;
    let n = 0;
    for (const m of all) {
      if (m % 12 !== moy) continue;
      const v = complaintsIn(m);
      values[String(Math.floor(m / 12))] = v;
      sum += v;
      n++;
    }
    const mean = n === 0 ? 0 : sum / n;
    months.push({
      month: moy + 1,
      values,
      mean,
      index: overall === 0 || n === 0 ? null : mean / overall,
    });
  }
  return {
    from: monthIndexToString(all[0]!),
    to: monthIndexToString(all[all.length - 1]!),
    months,
  };
}
