/**
 * The monthly series of the period (环比, 同比) and its average monthly reduction. One pass over
 * the cube per series.
 */
import { monthIndexToString } from '../../schema/values.js';
import { addComplaints, eachCell, noCounts } from '../cells.js';
import type { CubeCell } from '../cube.js';
import { averageMonthlyReduction, change } from '../formulas.js';
import { months as monthsOf } from '../period.js';
import type { Analysis, AnalysisInput, Counts, MonthRow } from '../types.js';

/**
 * The monthly series of the period for the complaints `where` selects: counts, 环比 against
 * the month before and 同比 against the same month a year earlier, when the inputs cover them.
 */
export function monthSeries(input: AnalysisInput, where: (c: CubeCell) => boolean): MonthRow[] {
  const { cube, period, covered, settings } = input;
  const byMonth = new Map<number, Counts>();
  eachCell(cube, (cell, month) => {
    if (!cell.complaint || !where(cell)) return;
    let counts = byMonth.get(month);
    if (!counts) byMonth.set(month, (counts = noCounts()));
    addComplaints(counts, cell, settings);
  });
  const complaintsAt = (m: number) => (covered.has(m) ? (byMonth.get(m)?.complaints ?? 0) : null);
  return monthsOf(period).map((m) => {
    const counts = byMonth.get(m) ?? noCounts();
    const previous = complaintsAt(m - 12);
    return {
      month: monthIndexToString(m),
      ...counts,
      previous,
      mom: change(counts.complaints, complaintsAt(m - 1)),
      yoy: change(counts.complaints, previous),
    };
  });
}

/** The monthly series of all complaints. */
export function months(input: AnalysisInput): MonthRow[] {
  return monthSeries(input, () => true);
}

/** 月均下降率 of a monthly series. */
export function trend(months: readonly MonthRow[]): Analysis['trend'] {
  return { avgMonthlyReduction: averageMonthlyReduction(months.map((m) => m.complaints)) };
}
