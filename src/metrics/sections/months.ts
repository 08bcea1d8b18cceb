/**
 * The monthly series of the period (环比, 同比) and its average monthly reduction: the cube
 * tallied by month from a year before the period to its end (series.ts).
 */
import { monthOfDay } from '../calendar.js';
import { averageMonthlyReduction } from '../formulas.js';
import { tallyOf } from '../group.js';
import { monthRows, seriesPeriod } from '../series.js';
import type { Analysis, AnalysisInput, MonthRow } from '../types.js';

/** The monthly series of all complaints. */
export function months(input: AnalysisInput): MonthRow[] {
  const { cube, period, covered, settings } = input;
  const from = monthOfDay(period.from);
  const to = monthOfDay(period.to);
  const all = tallyOf(cube, seriesPeriod(from, to), settings);
  return monthRows(from, to, all.buckets, covered);
}

/** 月均下降率 of a monthly series. */
export function trend(months: readonly MonthRow[]): Analysis['trend'] {
  return { avgMonthlyReduction: averageMonthlyReduction(months.map((m) => m.complaints)) };
}
