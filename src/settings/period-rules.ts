/**
 * The config file's "period": a rule such as "previous-month", worked out from today's date on
 * each run, or a literal period read as the command line reads it (period-syntax.ts). A rule
 * becomes the period options it stands for, which parsePeriodOptions then reads.
 */
import { InputError, said, type Said } from '../errors.js';
import {
  dayToString,
  daysFromCivil,
  firstDayOfMonth,
  isoWeek,
  lastDayOfMonth,
} from '../metrics/calendar.js';
import {
  readDay,
  readMonth,
  readQuarter,
  readWeek,
  readYear,
  weekString,
  type PeriodOptions,
} from './period-syntax.js';
import { closest, didYouMean, sentences } from './suggest.js';

/**
 * Period rules, relative to the day the program runs ("today", a wall-clock date):
 *
 * - previous-month    the calendar month before today's (on 2017-01-02: 2016-12)
 * - current-month     today's month, so far
 * - previous-quarter  the quarter before today's (on 2017-01-01: 2016Q4)
 * - current-quarter   today's quarter, so far
 * - year-to-date      January of today's year to today's month; in January, when the new year
 *                     has hardly begun, the whole previous year instead (a monthly cron on
 *                     2017-01-02 reports 2016, not a few days of January)
 * - previous-year     the calendar year before today's
 * - current-year      today's calendar year (all twelve months)
 * - previous-day      yesterday (a daily cron at 08:00 reports the day before: 日通报)
 * - previous-week     the ISO week (Monday to Sunday) before today's (on Monday 2016-06-27:
 *                     2016-W25, 20 to 26 June)
 *
 * and literal periods, the same every run: 2016-11 (a month), 2016Q4 (a quarter), 2016 (a year),
 * 2016-01..2016-06 (a range of months, both ends included), 2016-06-30 (a day), 2016-W25 (a
 * week), 2016-06-01..2016-06-15 (a range of days).
 */
export const PERIOD_RULES: readonly { rule: string; meaning: string }[] = [
  { rule: 'previous-month', meaning: 'the calendar month before the current one' },
  { rule: 'current-month', meaning: 'the current month, so far' },
  { rule: 'previous-quarter', meaning: 'the quarter before the current one' },
  { rule: 'current-quarter', meaning: 'the current quarter, so far' },
  {
    rule: 'year-to-date',
    meaning: 'January to the current month; in January, the whole previous year',
  },
  { rule: 'previous-year', meaning: 'the calendar year before the current one' },
  { rule: 'current-year', meaning: 'the current calendar year' },
  { rule: '2016-11', meaning: 'one month' },
  { rule: '2016Q4', meaning: 'one quarter' },
  { rule: '2016', meaning: 'one year' },
  { rule: '2016-01..2016-06', meaning: 'a range of months, both ends included' },
  { rule: 'previous-day', meaning: 'yesterday' },
  { rule: 'previous-week', meaning: 'the ISO week (Monday to Sunday) before the current one' },
  { rule: '2016-06-30', meaning: 'one day' },
  { rule: '2016-W25', meaning: 'one ISO week' },
  { rule: '2016-06-01..2016-06-15', meaning: 'a range of days, both ends included' },
];

const RELATIVE_RULES = [
  'previous-month',
  'current-month',
  'previous-quarter',
  'current-quarter',
  'year-to-date',
  'previous-year',
  'current-year',
  'previous-day',
  'previous-week',
] as const;
type RelativeRule = (typeof RELATIVE_RULES)[number];

export const RULES_HINT = said(
  `请用以下规则之一：${RELATIVE_RULES.join('、')}，或具体期间，如 2016-11、2016Q4、2016、2016-01..2016-06、2016-06-30 或 2016-W25。`,
  `Use one of ${RELATIVE_RULES.join(', ')}, or a period such as 2016-11, 2016Q4, 2016, 2016-01..2016-06, 2016-06-30 or 2016-W25.`,
);

function monthString(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

export function quarterString(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}Q${Math.floor((monthIndex % 12) / 3) + 1}`;
}

/** A month written exactly YYYY-MM, as rules and output names write it; null otherwise. */
export function literalMonth(text: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  return year * 12 + month - 1;
}

/** The rule's period options, or a sentence saying what is wrong with it. */
function parseRule(rule: string): ((today: Date) => PeriodOptions) | Said {
  const text = rule.trim();
  if ((RELATIVE_RULES as readonly string[]).includes(text)) {
    return (today) => relativePeriod(text as RelativeRule, today);
  }
  // Literal periods are read as the command line reads them: "201611" and "2016年第四季度" too.
  const month = readMonth(text);
  if (month !== null) return () => ({ month: monthString(month) });
  const quarter = readQuarter(text);
  if (quarter) return () => ({ quarter: `${quarter[0]}Q${quarter[1]}` });
  const year = readYear(text);
  if (year !== null) return () => ({ year: String(year) });
  const day = readDay(text);
  if (day !== null) return () => ({ day: dayToString(day) });
  const week = readWeek(text);
  if (week) return () => ({ week: weekString(week[0], week[1]) });
  const shown = `"${rule}"`;
  if (/^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$|^\d{6}$/.test(text))
    return said(
      `${shown} 不是有效的月份，请写作 YYYY-MM，例如 2016-11`,
      `${shown} is not a month; write it as YYYY-MM, e.g. 2016-11`,
    );
  if (/^\d{4}\s*-?\s*Q\d$/i.test(text))
    return said(
      `${shown} 不是有效的季度，请写作 YYYYQn，例如 2016Q4`,
      `${shown} is not a quarter; write it as YYYYQn, e.g. 2016Q4`,
    );
  const range = /^(.+?)\s*\.\.\s*(.+)$/.exec(text);
  if (range) {
    const dayRange = rangeOfDays(range[1]!, range[2]!);
    if (dayRange) return dayRange;
    const from = readMonth(range[1]!);
    const to = readMonth(range[2]!);
    if (from === null || to === null) {
      return said(
        `${shown} 不是有效的月份范围，请写作 YYYY-MM..YYYY-MM，例如 2016-01..2016-06`,
        `${shown} is not a range of months; write it as YYYY-MM..YYYY-MM, e.g. 2016-01..2016-06`,
      );
    }
    if (from > to)
      return said(`${shown}：起始月份晚于结束月份`, `${shown}: the first month is after the last`);
    return () => ({ from: monthString(from), to: monthString(to) });
  }
  const near = closest(text, RELATIVE_RULES);
  return didYouMean(
    said(`${shown} 不是期间规则`, `${shown} is not a period rule`),
    near && `"${near}"`,
  );
}

/** 2016-06-01..2016-06-15 (a month at either end stands for its days); null when neither is a day. */
function rangeOfDays(first: string, last: string): ((today: Date) => PeriodOptions) | Said | null {
  const from = readDay(first);
  const to = readDay(last);
  if (from === null && to === null) return null;
  const start = from ?? firstDayOfMonth(readMonth(first) ?? NaN);
  const end = to ?? lastDayOfMonth(readMonth(last) ?? NaN);
  const shown = `"${first}..${last}"`;
  if (Number.isNaN(start) || Number.isNaN(end))
    return said(
      `${shown} 不是有效的日期范围，请写作 YYYY-MM-DD..YYYY-MM-DD，例如 2016-06-01..2016-06-15`,
      `${shown} is not a range of days; write it as YYYY-MM-DD..YYYY-MM-DD, e.g. 2016-06-01..2016-06-15`,
    );
  if (start > end)
    return said(`${shown}：起始日期晚于结束日期`, `${shown}: the first day is after the last`);
  return () => ({ from: dayToString(start), to: dayToString(end) });
}

function relativePeriod(rule: RelativeRule, today: Date): PeriodOptions {
  const year = today.getFullYear();
  const month = year * 12 + today.getMonth();
  // Today as a wall-clock date: its local year, month and day, whatever the time zone.
  const day = daysFromCivil(year, today.getMonth() + 1, today.getDate());
  switch (rule) {
    case 'previous-day':
      return { day: dayToString(day - 1) };
    case 'previous-week': {
      const { year: y, week } = isoWeek(day - 7);
      return { week: weekString(y, week) };
    }
    case 'previous-month':
      return { month: monthString(month - 1) };
    case 'current-month':
      return { month: monthString(month) };
    case 'previous-quarter':
      return { quarter: quarterString(month - 3) };
    case 'current-quarter':
      return { quarter: quarterString(month) };
    case 'year-to-date':
      // In January the year so far is a few days: an analyst's cron wants the year just ended.
      if (today.getMonth() === 0) return { year: String(year - 1) };
      return { from: monthString(year * 12), to: monthString(month) };
    case 'previous-year':
      return { year: String(year - 1) };
    case 'current-year':
      return { year: String(year) };
  }
}

/** What is wrong with a period rule (a sentence without its full stop), or null if nothing. */
export function ruleProblem(rule: string): Said | null {
  const parsed = parseRule(rule);
  return typeof parsed === 'function' ? null : parsed;
}

/**
 * A period rule to PeriodOptions, relative to `today` (a wall-clock date: its local year, month
 * and day are used as given; the caller passes `new Date()`). Rules: see PERIOD_RULES. Pure.
 */
export function periodFromRule(rule: string, today: Date): PeriodOptions {
  const parsed = parseRule(rule);
  if (typeof parsed !== 'function') {
    const problem = sentences(parsed);
    throw new InputError(
      'BAD_OPTION',
      said(`period ${problem.zh}`, `period ${problem.en}`),
      RULES_HINT,
    );
  }
  return parsed(today);
}
