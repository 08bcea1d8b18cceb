/**
 * The holiday and 调休 calendar shipped with the package chinese-days (the State Council's
 * notices, 2004 on, updated as each year's is published), imported as data: no file is read
 * here, the module loader brings the JSON in as it brings in code. Built into day indexes once,
 * on first use.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import pkg from 'chinese-days/package.json' with { type: 'json' };
import { daysFromCivil } from './calendar.js';
import type { WorkCalendar } from './workdays.js';

/** "2016-10-08" → its day index. */
function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return daysFromCivil(y!, m!, d!);
}

/** The calendar of chinese-days' holidays (放假) and working weekends (调休上班). */
export function calendarOf(
  source: string,
  holidays: readonly string[],
  workdays: readonly string[],
): WorkCalendar {
  const years = [...holidays, ...workdays].map((d) => Number(d.slice(0, 4)));
  return {
    source,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    holidays: new Set(holidays.map(dayOf)),
    workdays: new Set(workdays.map(dayOf)),
  };
}

let shipped: WorkCalendar | null = null;

/** The shipped calendar: chinese-days as installed (pinned in package.json). */
export function chineseDays(): WorkCalendar {
  shipped ??= calendarOf(
    `chinese-days ${pkg.version}`,
    Object.keys(data.holidays),
    Object.keys(data.workdays),
  );
  return shipped;
}
