/**
 * The monthly series of the period (环比, 同比) and its average monthly reduction: the cube
 * tallied by month from a year before the period to its end (series.ts). Months the data covers
 * only in part are marked, and left out of 环比 and the reduction unless included (coverage.ts).
 */
import { monthOfDay } from '../calendar.js';
import { monthUse, type MonthUse } from '../coverage.js';
import { tallyOf } from '../group.js';
import { monthRows, seriesPeriod, seriesReduction } from '../series.js';
import type { Analysis, AnalysisInput, MonthRow } from '../types.js';

/** How the input's months may be used (coverage.ts). */
export function monthsOf(input: AnalysisInput): MonthUse {
  return monthUse(input.covered, input.partial, input.settings.includePartial);
}

/** The monthly series of all complaints. */
export function months(input: AnalysisInput): MonthRow[] {
  const { cube, period, settings } = input;
  const from = monthOfDay(period.from);
  const to = monthOfDay(period.to);
  const all = tallyOf(cube, seriesPeriod(from, to), settings);
  return monthRows(from, to, all.buckets, monthsOf(input));
}

/** 月均下降率 of the monthly series `months` (months(input)). */
export function trend(input: AnalysisInput, months: readonly MonthRow[]): Analysis['trend'] {
  const from = monthOfDay(input.period.from);
  return { avgMonthlyReduction: seriesReduction(months, from, monthsOf(input)) };
}
