/**
 * Monthly series from month buckets of the cube (groupBy at month grain): each month's counts,
 * with 环比 against the month before and 同比 against the same month a year earlier when the
 * inputs cover those months, else null.
 */
import { monthIndexToString } from '../schema/values.js';
import type { MonthRow } from './types.js';
import { change } from './formulas.js';
import { monthPeriod, type Period } from './period.js';
import type { Tally } from './group.js';

/** The months to group by for the series of months `from`…`to`: a year before them too. */
export function seriesPeriod(from: number, to: number): Period {
  return monthPeriod(from - 12, to);
}

/**
 * The rows of months `from`…`to` (month indexes) from the buckets of `seriesPeriod(from, to)`;
 * `covered` says which months the inputs cover.
 */
export function monthRows(
  from: number,
  to: number,
  buckets: readonly Tally[] | null,
  covered: ReadonlySet<number>,
): MonthRow[] {
  const first = from - 12;
  const complaintsAt = (m: number) =>
    covered.has(m) ? (buckets?.[m - first]?.complaints ?? 0) : null;
  const rows: MonthRow[] = [];
  for (let m = from; m <= to; m++) {
    const b = buckets?.[m - first];
    const complaints = b?.complaints ?? 0;
    const previous = complaintsAt(m - 12);
    rows.push({
      month: monthIndexToString(m),
      complaints,
      appealApproved: b?.appealApproved ?? 0,
      unsubstantiated: b?.unsubstantiated ?? 0,
      assessed: b?.assessed ?? 0,
      previous,
      mom: change(complaints, complaintsAt(m - 1)),
      yoy: change(complaints, previous),
    });
  }
  return rows;
}
