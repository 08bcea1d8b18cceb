/**
 * Periods at day grain: `Period = {from, to, grain}`, from and to day indexes (calendar.ts),
 * inclusive, counted in buckets of the grain — days, ISO weeks (Monday to Sunday), calendar
 * months, quarters or years. The command line asks months, quarters and years; a day or week
 * grain is for what asks days and weeks (DESIGN.md §4 --day, --week).
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
  firstDayOfMonth,
  isoWeek,
  isoWeekStart,
  isoWeeksInYear,
  lastDayOfMonth,
  monthOfDay,
  dayToString,
} from './calendar.js';

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
