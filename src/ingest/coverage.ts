/**
 * The days an export covers, judged from the data: what its title rows state (title.ts), its
 * first and last acceptance times, and the days without a work order at either end against its
 * usual daily volume. An export taken on 26 December covers December only to the 26th; counted
 * as a whole month it reads as a fall of 40% (issue 12). The same test finds a hole inside an
 * export (a month left out of it): a run of empty days its volume would have filled. Pure.
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
  /**
   * Runs of days inside from…to (inclusive day indexes) without a work order where the input's
   * volume would have put some (interiorGaps): days the export leaves out, not quiet days.
   */
  gaps: [number, number][];
  /** Stray rows (withoutStrays) before the days covered, after them; absent: none. */
  strays?: { before: boolean; after: boolean };
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
  const body = withoutStrays(days, first, last);
  if (body.first !== first || body.last !== last) {
    const inner = inputCoverage(days, body.first, body.last, title);
    return { ...inner, strays: { before: body.first !== first, after: body.last !== last } };
  }
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
  const gaps = interiorGaps(days, first, last);
  if (title?.to != null) return { from, to: Math.max(title.to, last), basis: 'stated', gaps };
  if (title?.exportedAt != null && title.exportedAt < lastMonthEnd)
    return { from, to: Math.max(title.exportedAt, last), basis: 'exported', gaps };
  const monthStart = Math.max(firstDayOfMonth(monthOfDay(last)), first);
  const earlier = monthStart > first ? ([first, monthStart - 1] as [number, number]) : null;
  return cutShort(days, lastMonthEnd - last, [monthStart, last], earlier)
    ? { from, to: last, basis: 'rows', gaps }
    : { from, to: lastMonthEnd, basis: 'month', gaps };
}

/**
 * Rows set apart from the rest of an export by more empty days than a quarter are strays
 * (withoutStrays): with a few rows (a small unit's export) the empty-days test cannot tell such
 * a run from quiet days, and one 2010 row would make 2010–2015 "covered" with 0 complaints, the
 * year-earlier figure of every month.
 */
export const LONG_EMPTY_DAYS = 92;

/** At most this many rows set apart so are strays even where the volume shows the run a gap. */
export const STRAY_ROWS = 3;

/**
 * The input's days without its stray rows: rows at either end set apart from the rest by an empty
 * run over LONG_EMPTY_DAYS, fewer than the rest, and either at most STRAY_ROWS or the volume unable
 * to show the run a gap (interiorGaps): one 2010 row left in a 2016 export, not November 2015
 * exported with November 2016. They are counted in their months, but cover nothing: a lone row
 * is no evidence of the months around it.
 */
export function withoutStrays(
  days: DayCounts,
  first: number,
  last: number,
): { first: number; last: number } {
  const withData = [...days.entries()]
    .filter(([d, n]) => n > 0 && d >= first && d <= last)
    .sort((a, b) => a[0] - b[0]);
  const total = withData.reduce((sum, [, n]) => sum + n, 0);
  // A run the volume shows to be a gap (November 2015 and 2016 in one export, for 同比) leaves
  // both sides covered, the run not; its side is stray only as a handful of rows (a typed year).
  const gapStarts = new Set(interiorGaps(days, first, last).map(([a]) => a));
  const apart = (i: number, side: number) =>
    withData[i + 1]![0] - withData[i]![0] - 1 > LONG_EMPTY_DAYS &&
    side < total - side &&
    (side <= STRAY_ROWS || !gapStarts.has(withData[i]![0] + 1));
  let lo = 0;
  let hi = withData.length - 1;
  let before = 0;
  for (let i = 0; i < hi; i++) {
    before += withData[i]![1];
    if (apart(i, before)) lo = i + 1;
  }
  let after = 0;
  for (let i = withData.length - 1; i > lo; i--) {
    after += withData[i]![1];
    if (apart(i - 1, after)) hi = i - 1;
  }
  return withData.length === 0
    ? { first, last }
    : { first: withData[lo]![0], last: withData[hi]![0] };
}

/** Days on either side of an empty run whose work orders say what the run would have held. */
export const GAP_WINDOW_DAYS = 28;

/**
 * The runs of empty days between an input's first and last day with work orders that its volume
 * would have filled. Over a window of GAP_WINDOW_DAYS either side of a run (volume changes over a
 * year), the n work orders all falling outside the run's L days of the window's W has chance
 * ((W − L) / W)^n; the run is a gap when that is below e^−5 / D, D the days the export spans — the
 * chance that a run so long is empty somewhere in the export by chance alone then stays below
 * e^−5 (≈ 0.7%), the test of the ends (EXPECTED_ORDERS_MIN) taken over every place a run could
 * be. At 1 work order a day around it, 11 empty days of a month's export are a gap, 10 are not; a
 * month missing from a year's export at 3 a day is one by far. Left as 0, such a month reads as a
 * fall of 100%.
 */
export function interiorGaps(days: DayCounts, first: number, last: number): [number, number][] {
  const withData = [...days.entries()]
    .filter(([d, n]) => n > 0 && d >= first && d <= last)
    .map(([d]) => d)
    .sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (let i = 1; i < withData.length; i++)
    if (withData[i]! > withData[i - 1]! + 1) runs.push([withData[i - 1]! + 1, withData[i]! - 1]);
  const threshold = EXPECTED_ORDERS_MIN + Math.log(last - first + 1);
  return runs.filter(([a, b]) => {
    const from = Math.max(first, a - GAP_WINDOW_DAYS);
    const to = Math.min(last, b + GAP_WINDOW_DAYS);
    const window = to - from + 1;
    let orders = 0;
    for (const d of withData) if (d >= from && d <= to) orders += days.get(d)!;
    return -orders * Math.log((window - (b - a + 1)) / window) >= threshold;
  });
}

/** The coverage as JSON and `inspect` show it (`gaps` only when there are any). */
export function coverageJson(c: Coverage): {
  from: string;
  to: string;
  basis: CoverageBasis;
  gaps?: { from: string; to: string }[];
} {
  return {
    from: dayToString(c.from),
    to: dayToString(c.to),
    basis: c.basis,
    ...(c.gaps.length > 0
      ? { gaps: c.gaps.map(([a, b]) => ({ from: dayToString(a), to: dayToString(b) })) }
      : {}),
  };
}
