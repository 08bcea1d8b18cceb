/**
 * Time limits in working days (工作日): which days are working days under a holiday and 调休
 * calendar, and when a work order accepted at a given time is due. Pure: the calendar is passed
 * in (holiday-calendar.ts builds the shipped one from chinese-days' data); no I/O, no Date, no
 * time zone — days are day indexes of the wall-clock date (calendar.ts), as everywhere else.
 *
 * The due time of a work order accepted on day D with a limit of N working days is the end
 * (24:00) of the N-th working day after D. The day of acceptance is never counted, whatever
 * the hour (开始的当日不计入，自下一日开始计算, as periods are counted in Chinese law), so a
 * work order accepted on a rest day — a weekend, a holiday — starts counting on the next working
 * day, and one accepted at 23:59 on a working day gets the same N whole days as one accepted at
 * 08:00. A weekend day that the calendar makes a working day (调休上班) counts as one.
 * Outside the calendar's years, Monday–Friday are working days and Saturday–Sunday rest days,
 * and the result says so (`outside`) so that a note can tell the reader.
 */
import { civilFromDays, weekday } from './calendar.js';

export type LimitUnit = 'hours' | 'workingDays';

/** A time limit as the user gave it: `24h` → {24, 'hours'}, `4wd` → {4, 'workingDays'}. */
export interface TimeLimit {
  value: number;
  unit: LimitUnit;
}

/** A holiday and 调休 calendar: the years it knows and, within them, the exceptions to Mon–Fri. */
export interface WorkCalendar {
  /** Where the calendar comes from, for notes and the JSON: "chinese-days 1.5.7". */
  source: string;
  firstYear: number;
  lastYear: number;
  /** Day indexes of the holidays (法定节假日 and 调休 days off); those on a weekend change nothing. */
  holidays: ReadonlySet<number>;
  /** Day indexes of the Saturdays and Sundays that are working days (调休上班). */
  workdays: ReadonlySet<number>;
}

export const SECONDS_PER_DAY = 86_400;

/** True when the calendar knows the year of `day`. */
export function inCalendar(day: number, calendar: WorkCalendar): boolean {
  const { year } = civilFromDays(day);
  return year >= calendar.firstYear && year <= calendar.lastYear;
}

/** A working day: a 调休 Saturday or Sunday, or a Monday–Friday that is no holiday. */
export function isWorkingDay(day: number, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  return weekday(day) <= 5 && !calendar.holidays.has(day);
}

/** The last day of a limit of `n` working days from `accepted`, and whether any day it counted
 * (the day of acceptance included) lies outside the calendar's years. */
export interface Due {
  /** Day index of the N-th working day after the day of acceptance: due at its end (24:00). */
  day: number;
  outside: boolean;
}

/** The N-th working day after day `accepted` (n ≥ 1, whole). */
export function workingDayDue(accepted: number, n: number, calendar: WorkCalendar): Due {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days: ${n}`);
  let outside = !inCalendar(accepted, calendar);
  let day = accepted;
  for (let counted = 0; counted < n;) {
    day++;
    if (!outside && !inCalendar(day, calendar)) outside = true;
    if (isWorkingDay(day, calendar)) counted++;
  }
  return { day, outside };
}

/**
 * Whether a time `elapsed` seconds after acceptance (on day `accepted`, `second` seconds after
 * its midnight) is later than the due time of `n` working days. At 24:00 of the last day itself
 * it is not late: as an hour limit, only a time past the limit is over it.
 */
export function pastWorkingDayLimit(
  accepted: number,
  second: number,
  elapsed: number,
  due: Due,
): boolean {
  return second + elapsed > (due.day + 1 - accepted) * SECONDS_PER_DAY;
}
