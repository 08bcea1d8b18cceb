/**
 * The days an export covers, judged from the data: what its title rows state (title.ts), its
 * first and last acceptance times, and the days without a work order at either end against its
 * usual daily volume. An export taken on 26 December covers December only to the 26th; counted
 * as a whole month it reads as a fall of 40% (issue 12). Pure.
 */
import { dayToString, firstDayOfMonth, lastDayOfMonth, monthOfDay } from '../metrics/calendar.js';
import type { TitleDates } from './title.js';

/**
 * Empty days at the end (or the start) of an export's last (first) month mean the export stops
 * there when, at its usual daily volume, those days would have held at least this many work
 * orders: the chance of that many days without a single order by chance alone is then
 * e^−5 ≈ 0.7% (work orders arrive about as a Poisson process). Fewer expected, and the empty days
 * are taken as quiet days of a whole month.
 */
export const EXPECTED_ORDERS_MIN = 5;

/**
 * A month's own rate is trusted once it rests on this many days; over fewer (an export whose last
 * month has two days in it) the rate of the export's other days is used.
 */
export const RATE_MIN_DAYS = 7;

/** How the last day covered was judged. */
export type CoverageBasis =
  /** A range written above the header (统计时间 … 至 …, 截至 …). */
  | 'stated'
  /** The export time written above the header, before the month's end. */
  | 'exported'
  /** The last work order: the days after it are empty though the volume would fill them. */
  | 'rows'
  /** The end of the last work order's month: the empty days after it are within chance. */
  | 'month';

export interface Coverage {
  /** First and last day covered (day indexes), inclusive. */
  from: number;
  to: number;
  basis: CoverageBasis;
}

/** Work orders per day of an input: day index → count. */
export type DayCounts = ReadonlyMap<number, number>;

/** Work orders per day over days `from`…`to` (inclusive); null for an empty span. */
function rate(days: DayCounts, from: number, to: number): number | null {
  if (to < from) return null;
  let n = 0;
  for (const [day, count] of days) if (day >= from && day <= to) n += count;
  return n / (to - from + 1);
}

/**
 * Whether `empty` days without a work order are unlikely at the volume of the month whose data
 * runs over `own` (first and last day with data), or, when that rests on too few days, of the
 * input's days outside it (`other`).
 */
export function cutShort(
  days: DayCounts,
  empty: number,
  own: [number, number],
  other: [number, number] | null,
): boolean {
  if (empty <= 0) return false;
  const ownDays = own[1] - own[0] + 1;
  const daily =
    ownDays >= RATE_MIN_DAYS || other === null
      ? rate(days, own[0], own[1])
      : (rate(days, other[0], other[1]) ?? rate(days, own[0], own[1]));
  return daily !== null && daily * empty >= EXPECTED_ORDERS_MIN;
}

/**
 * The days an input covers. `first` and `last` are its first and last days with a usable row;
 * `days` counts its rows per day; `title` is what its title rows state.
 *
 * A stated range wins (widened to the rows, should they run past it). Otherwise the input is
 * taken to cover whole months, from the start of its first month to the end of its last, unless
 * the export time cuts the last month short, or the empty days at either end are too many for
 * its volume (cutShort).
 */
export function inputCoverage(
  days: DayCounts,
  first: number,
  last: number,
  title: TitleDates | null,
): Coverage {
  const lastMonthEnd = lastDayOfMonth(monthOfDay(last));
  const firstMonthStart = firstDayOfMonth(monthOfDay(first));
  let from: number;
  if (title?.from != null) from = Math.min(title.from, first);
  else {
    const monthEnd = Math.min(lastDayOfMonth(monthOfDay(first)), last);
    const later = monthEnd < last ? ([monthEnd + 1, last] as [number, number]) : null;
    from = cutShort(days, first - firstMonthStart, [first, monthEnd], later)
      ? first
      : firstMonthStart;
  }
  if (title?.to != null) return { from, to: Math.max(title.to, last), basis: 'stated' };
  if (title?.exportedAt != null && title.exportedAt < lastMonthEnd)
    return { from, to: Math.max(title.exportedAt, last), basis: 'exported' };
  const monthStart = Math.max(firstDayOfMonth(monthOfDay(last)), first);
  const earlier = monthStart > first ? ([first, monthStart - 1] as [number, number]) : null;
  return cutShort(days, lastMonthEnd - last, [monthStart, last], earlier)
    ? { from, to: last, basis: 'rows' }
    : { from, to: lastMonthEnd, basis: 'month' };
}

/** The coverage as JSON and `inspect` show it. */
export function coverageJson(c: Coverage): { from: string; to: string; basis: CoverageBasis } {
  return { from: dayToString(c.from), to: dayToString(c.to), basis: c.basis };
}
