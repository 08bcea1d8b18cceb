/**
 * Day arithmetic on day indexes: days since 1970-01-01 of a wall-clock date, proleptic
 * Gregorian (LocalTime.dayIndex in schema/values.ts). Integer formulas (H. Hinnant's
 * days_from_civil / civil_from_days), no Date and no time zone, so they are exact from 1900 to
 * 9999 and cheap enough to run per cell. Month index = year × 12 + month − 1, as elsewhere.
 */

export interface CivilDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A Date's local calendar day (the machine's wall clock) as a day index. */
export function dayOf(date: Date): number {
  return daysFromCivil(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The month index of a day. */
export function monthOfDay(days: number): number {
  const { year, month } = civilFromDays(days);
  return year * 12 + month - 1;
}

export function firstDayOfMonth(monthIndex: number): number {
  return daysFromCivil(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

export function lastDayOfMonth(monthIndex: number): number {
  return firstDayOfMonth(monthIndex + 1) - 1;
}

/** Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export function weekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week of a day: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(days: number): { year: number; week: number } {
  const thursday = days - weekday(days) + 4;
  const year = civilFromDays(thursday).year;
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** The Monday of ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - weekday(jan4) + 1 + (week - 1) * 7;
}

/** 52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53. */
export function isoWeeksInYear(year: number): number {
  return isoWeek(daysFromCivil(year, 12, 28)).week;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM-DD. */
export function dayToString(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${pad(month)}-${pad(day)}`;
}
