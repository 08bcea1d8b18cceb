/**
 * Periods at day grain: `Period = {from, to, grain}`, from and to day indexes (calendar.ts),
 * inclusive, counted in buckets of the grain — days, ISO weeks (Monday to Sunday), calendar
 * months, quarters or years. The command line asks months, quarters and years (read by
 * settings/period-syntax.ts into a PeriodRequest of month indexes); `resolvePeriod` fills what
 * it leaves open from the data and turns it into days, at month grain: the series are monthly.
 *
 * Comparisons are functions of the period: `yearEarlier` (同比) is the same buckets a year
 * before — the same months or quarters, the same ISO week number (week 53 of a year without one
 * a year earlier becomes week 52), the same days (29 February a year earlier is 28 February);
 * `preceding` (环比) is the same number of buckets just before: a month's is the month before,
 * a week's the week before, a quarter's the quarter before.
 */
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  dayToString,
  firstDayOfMonth,
  isoWeek,
  isoWeekStart,
  isoWeeksInYear,
  lastDayOfMonth,
  monthOfDay,
} from './calendar.js';
import { monthIndexToString } from '../schema/values.js';

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export interface Period {
  /** First and last day (day index), inclusive. */
  from: number;
  to: number;
  grain: Grain;
}

// Buckets are numbered per grain: the day index; weeks since the Monday 1970-01-05 (negative
// before); the month index; year × 4 + quarter − 1; the year.
const MONDAY = 4;

export function bucketOf(grain: Grain, day: number): number {
  switch (grain) {
    case 'day':
      return day;
    case 'week':
      return Math.floor((day - MONDAY) / 7);
    case 'month':
      return monthOfDay(day);
    case 'quarter':
      return Math.floor(monthOfDay(day) / 3);
    case 'year':
      return civilFromDays(day).year;
  }
}

/** The first day of a bucket. */
export function bucketStart(grain: Grain, bucket: number): number {
  switch (grain) {
    case 'day':
      return bucket;
    case 'week':
      return bucket * 7 + MONDAY;
    case 'month':
      return firstDayOfMonth(bucket);
    case 'quarter':
      return firstDayOfMonth(bucket * 3);
    case 'year':
      return daysFromCivil(bucket, 1, 1);
  }
}

/** The last day of a bucket. */
export function bucketEnd(grain: Grain, bucket: number): number {
  return bucketStart(grain, bucket + 1) - 1;
}

/** 2016-05-03, 2016-W18, 2016-05, 2016Q2, 2016. */
export function bucketLabel(grain: Grain, bucket: number): string {
  switch (grain) {
    case 'day':
      return dayToString(bucket);
    case 'week': {
      const { year, week } = isoWeek(bucketStart('week', bucket));
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return dayToString(firstDayOfMonth(bucket)).slice(0, 7);
    case 'quarter':
      return `${Math.floor(bucket / 4)}Q${(bucket % 4) + 1}`;
    case 'year':
      return String(bucket);
  }
}

/** The whole buckets from the one holding `from` to the one holding `to`. */
export function periodOf(grain: Grain, from: number, to: number): Period {
  return {
    from: bucketStart(grain, bucketOf(grain, from)),
    to: bucketEnd(grain, bucketOf(grain, to)),
    grain,
  };
}

/** Calendar months `from` to `to` (month indexes): the periods the command line asks for. */
export function monthPeriod(from: number, to: number): Period {
  return { from: firstDayOfMonth(from), to: lastDayOfMonth(to), grain: 'month' };
}

/** The bucket numbers of a period, first to last. */
export function buckets(period: Period): number[] {
  const first = bucketOf(period.grain, period.from);
  const last = bucketOf(period.grain, period.to);
  const out: number[] = [];
  for (let b = first; b <= last; b++) out.push(b);
  return out;
}

export function bucketCount(period: Period): number {
  return bucketOf(period.grain, period.to) - bucketOf(period.grain, period.from) + 1;
}

export function contains(period: Period, day: number): boolean {
  return day >= period.from && day <= period.to;
}

/** The same date a year earlier; 29 February becomes 28 February. */
function dayYearEarlier(day: number): number {
  const { year, month, day: d } = civilFromDays(day);
  return daysFromCivil(year - 1, month, Math.min(d, daysInMonth(year - 1, month)));
}

/** The same ISO week number a year earlier (week 53 becomes 52 when that year has none). */
function weekYearEarlier(bucket: number): number {
  const { year, week } = isoWeek(bucketStart('week', bucket));
  return bucketOf('week', isoWeekStart(year - 1, Math.min(week, isoWeeksInYear(year - 1))));
}

/** 同比: the same buckets a year before. */
export function yearEarlier(period: Period): Period {
  const { grain } = period;
  switch (grain) {
    case 'day':
      return { from: dayYearEarlier(period.from), to: dayYearEarlier(period.to), grain };
    case 'week':
      return {
        from: bucketStart(grain, weekYearEarlier(bucketOf(grain, period.from))),
        to: bucketEnd(grain, weekYearEarlier(bucketOf(grain, period.to))),
        grain,
      };
    default: {
      const shift = grain === 'month' ? 12 : grain === 'quarter' ? 4 : 1;
      return {
        from: bucketStart(grain, bucketOf(grain, period.from) - shift),
        to: bucketEnd(grain, bucketOf(grain, period.to) - shift),
        grain,
      };
    }
  }
}

/** 环比: as many buckets, just before. */
export function preceding(period: Period): Period {
  const { grain } = period;
  const first = bucketOf(grain, period.from);
  return {
    from: bucketStart(grain, first - bucketCount(period)),
    to: bucketStart(grain, first) - 1,
    grain,
  };
}

/** What the options ask for, in month indexes; null bounds are taken from the data. */
export interface PeriodRequest {
  from: number | null;
  to: number | null;
  /**
   * How it was asked: shown in reports and used for default output names. `yearToDate` is
   * never asked for: it is the year to date computed beside a month or a quarter
   * (metrics/sections/year-to-date.ts).
   */
  kind: 'auto' | 'range' | 'month' | 'quarter' | 'year' | 'yearToDate' | 'day' | 'week';
  label: string | null;
  /**
   * The bounds in days (day indexes), when the period was asked in days: --day, --week, or
   * --from/--to with a day (a month bound then stands for its first or last day). `from` and
   * `to` are then the months that hold them. Absent: the period is whole months.
   */
  days?: { from: number | null; to: number | null };
}

/** The grain a request resolves at: week for --week, day for other requests in days, else month. */
export function requestGrain(request: Pick<PeriodRequest, 'kind' | 'days'>): Grain {
  if (!request.days) return 'month';
  return request.kind === 'week' ? 'week' : 'day';
}

/**
 * Fills the bounds the request leaves open from the months that hold data (sorted ascending):
 * with none given, the latest calendar year with data, from its first month with data to its
 * last; with only --to, the same within the months up to it; with only --from, up to the last
 * month with data. Null when there is nothing to fill from.
 */
export function resolvePeriod(
  request: PeriodRequest,
  dataMonths: readonly number[],
  dataDays: readonly number[] = [],
): Period | null {
  if (request.days) return resolveDays(request.days, requestGrain(request), dataDays);
  if (request.from !== null && request.to !== null) return monthPeriod(request.from, request.to);
  const upTo = dataMonths.filter((m) => request.to === null || m <= request.to);
  const fromOn = upTo.filter((m) => request.from === null || m >= request.from);
  if (fromOn.length === 0) return null;
  const last = request.to ?? fromOn[fromOn.length - 1]!;
  if (request.from !== null) return monthPeriod(request.from, last);
  const yearStart = Math.floor(last / 12) * 12;
  const inYear = fromOn.filter((m) => m >= yearStart && m <= last);
  return monthPeriod(inYear[0] ?? yearStart, last);
}

/** The period a request fixes before any data is read (both ends given); null otherwise. */
export function knownPeriod(request: PeriodRequest): Period | null {
  if (request.days)
    return request.days.from !== null && request.days.to !== null
      ? { from: request.days.from, to: request.days.to, grain: requestGrain(request) }
      : null;
  return request.from !== null && request.to !== null
    ? monthPeriod(request.from, request.to)
    : null;
}

/**
 * The same for a request in days, from the days that hold data (sorted ascending): an open end
 * is the first or last day with data — with only --to, from the first day with data of the
 * year of the last one, as months do.
 */
function resolveDays(
  days: NonNullable<PeriodRequest['days']>,
  grain: Grain,
  dataDays: readonly number[],
): Period | null {
  if (days.from !== null && days.to !== null) return { from: days.from, to: days.to, grain };
  const upTo = dataDays.filter((d) => days.to === null || d <= days.to);
  const fromOn = upTo.filter((d) => days.from === null || d >= days.from);
  if (fromOn.length === 0) return null;
  const last = days.to ?? fromOn[fromOn.length - 1]!;
  if (days.from !== null) return { from: days.from, to: last, grain };
  const yearStart = daysFromCivil(civilFromDays(last).year, 1, 1);
  return { from: fromOn.find((d) => d >= yearStart) ?? yearStart, to: last, grain };
}

/** The calendar months a period touches, as month indexes. */
export function months(period: Period): number[] {
  const out: number[] = [];
  for (let m = monthOfDay(period.from); m <= monthOfDay(period.to); m++) out.push(m);
  return out;
}

/** How many calendar months a period touches (annual targets are prorated by it). */
export function monthCount(period: Period): number {
  return monthOfDay(period.to) - monthOfDay(period.from) + 1;
}

/** [from, to] as written in reports: months (YYYY-MM), or days (YYYY-MM-DD) at day or week grain. */
export function spanOf(period: Period): [string, string] {
  if (period.grain === 'day' || period.grain === 'week')
    return [dayToString(period.from), dayToString(period.to)];
  return [monthIndexToString(monthOfDay(period.from)), monthIndexToString(monthOfDay(period.to))];
}

export function periodJson(period: Period): { from: string; to: string } {
  const [from, to] = spanOf(period);
  return { from, to };
}

/** 2016-01 … 2016-12 → "2016-01 – 2016-12"; one month alone. */
export function periodText(period: Period): string {
  const [from, to] = spanOf(period);
  return from === to ? from : `${from} – ${to}`;
}
