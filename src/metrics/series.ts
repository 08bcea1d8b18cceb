/**
 * Monthly series from month buckets of the cube (groupBy at month grain): each month's counts,
 * whether the data covers it wholly, with 环比 against the month before and 同比 against the same
 * month a year earlier, each only when both months are usable (covered, and whole unless partial
 * months are included: coverage.ts): 26 days of December against a whole December is no change.
 */
import { dayToString, lastDayOfMonth } from './calendar.js';
import type { MonthUse } from './coverage.js';
import { monthIndexToString } from '../schema/values.js';
import type { MonthRow } from './types.js';
import { averageMonthlyReduction, change, type AverageMonthlyReduction } from './formulas.js';
import { monthPeriod, type Period } from './period.js';
import type { Tally } from './group.js';

/** The months to group by for the series of months `from`…`to`: a year before them too. */
export function seriesPeriod(from: number, to: number): Period {
  return monthPeriod(from - 12, to);
}

/**
 * The rows of months `from`…`to` (month indexes) from the buckets of `seriesPeriod(from, to)`;
 * `use` says which months the inputs cover, and how.
 */
export function monthRows(
  from: number,
  to: number,
  buckets: readonly Tally[] | null,
  use: MonthUse,
): MonthRow[] {
  const first = from - 12;
  const complaintsAt = (m: number) =>
    use.usable(m) ? (buckets?.[m - first]?.complaints ?? 0) : null;
  const rows: MonthRow[] = [];
  for (let m = from; m <= to; m++) {
    const b = buckets?.[m - first];
    const complaints = b?.complaints ?? 0;
    const covered = use.covered(m);
    const partial = use.partial(m);
    const previous = complaintsAt(m - 12);
    rows.push({
      month: monthIndexToString(m),
      complaints,
      appealApproved: b?.appealApproved ?? 0,
      unsubstantiated: b?.unsubstantiated ?? 0,
      assessed: b?.assessed ?? 0,
      partial: !covered || partial !== undefined,
      through: partial ? dayToString(partial.through ?? lastDayOfMonth(m)) : null,
      since: partial?.since != null ? dayToString(partial.since) : null,
      previous,
      mom: use.usable(m) ? change(complaints, complaintsAt(m - 1)) : null,
      yoy: use.usable(m) ? change(complaints, previous) : null,
    });
  }
  return rows;
}

/**
 * 月均下降率 of a series, with the first and last months it runs over (YYYY-MM, null when no
 * month is usable): months left out at either end (partial, not covered) narrow the span, and a
 * reader must be told (the terminal and workbook say it beside the rates).
 */
export interface SeriesReduction extends AverageMonthlyReduction {
  from: string | null;
  to: string | null;
}

/** 月均下降率 of the months `from`…`to` of `rows` (monthRows), over the usable months only. */
export function seriesReduction(
  rows: readonly MonthRow[],
  from: number,
  use: MonthUse,
): SeriesReduction {
  const used = rows.filter((_, i) => use.usable(from + i));
  return {
    ...averageMonthlyReduction(rows.map((r, i) => (use.usable(from + i) ? r.complaints : null))),
    from: used[0]?.month ?? null,
    to: used[used.length - 1]?.month ?? null,
  };
}
