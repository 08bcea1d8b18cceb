/**
 * Seasonality: each month of the year against the average month, over every month the inputs
 * cover (not only the period), when they cover more than a year.
 */
import { monthIndexToString } from '../../schema/values.js';
import { eachCell } from '../cells.js';
import type { AnalysisInput, Seasonality } from '../types.js';

/** More than a year of inputs is needed for a month of the year to have a peer. */
export const SEASONALITY_MIN_MONTHS = 13;

export function seasonality(input: AnalysisInput): Seasonality | null {
  const all = [...input.covered].sort((a, b) => a - b);
  if (all.length < SEASONALITY_MIN_MONTHS) return null;
  const byMonth = new Map<number, number>();
  eachCell(input.cube, (cell, month) => {
    if (cell.complaint) byMonth.set(month, (byMonth.get(month) ?? 0) + cell.count);
  });
  const overall = all.reduce((sum, m) => sum + (byMonth.get(m) ?? 0), 0) / all.length;
  const months: Seasonality['months'] = [];
  for (let moy = 0; moy < 12; moy++) {
    const values: Record<string, number> = {};
    let sum = 0;
    let n = 0;
    for (const m of all) {
      if (m % 12 !== moy) continue;
      const v = byMonth.get(m) ?? 0;
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
