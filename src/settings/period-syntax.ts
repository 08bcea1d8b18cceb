/**
 * How a period is written, on the command line (--month 2016-11, --quarter 2016Q4, --year 2016,
 * --from/--to) and in the config file ("period": a rule such as "previous-month", worked out
 * from today's date on each run, or a literal period). Both end as one PeriodRequest
 * (metrics/period.ts): a rule becomes the options it stands for, read by parsePeriodOptions.
 * Month index = year × 12 + month − 1, as in schema/values.ts.
 */
import { InputError } from '../errors.js';
import type { PeriodRequest } from '../metrics/period.js';
import { monthIndexToString } from '../schema/values.js';
import { closest, sentence } from './suggest.js';

/** The period options of the command line, as typed. */
export interface PeriodOptions {
  from?: string;
  to?: string;
  month?: string;
  quarter?: string;
  year?: string;
}

export const PERIOD_OPTION_KEYS = ['month', 'quarter', 'year', 'from', 'to'] as const;

// ---------------------------------------------------------------------------------------------
// The command line

function parseMonth(option: string, value: string): number {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$/.exec(value);
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12 || year < 1900 || year > 2999) {
    throw new InputError(
      'BAD_OPTION',
      `${option} ${value}: expected a month as YYYY-MM.`,
      `Example: ${option} 2016-11`,
    );
  }
  return year * 12 + month - 1;
}

export function parsePeriodOptions(options: PeriodOptions): PeriodRequest {
  const given = (['month', 'quarter', 'year'] as const).filter((k) => options[k] !== undefined);
  const range = options.from !== undefined || options.to !== undefined;
  if (given.length > 1 || (given.length === 1 && range)) {
    const names = [...given, ...(range ? ['from/--to'] : [])].map((k) => `--${k}`);
    throw new InputError(
      'BAD_OPTION',
      `${names.join(' and ')}: give one way of choosing the period.`,
      'Use --month, --quarter or --year alone, or --from/--to.',
    );
  }
  if (options.month !== undefined) {
    const index = parseMonth('--month', options.month);
    return { from: index, to: index, kind: 'month', label: monthIndexToString(index) };
  }
  if (options.quarter !== undefined) {
    const m = /^\s*(\d{4})\s*-?\s*Q([1-4])\s*$/i.exec(options.quarter);
    if (!m) {
      throw new InputError(
        'BAD_OPTION',
        `--quarter ${options.quarter}: expected a quarter as YYYYQn.`,
        'Example: --quarter 2016Q4',
      );
    }
    const from = Number(m[1]) * 12 + (Number(m[2]) - 1) * 3;
    return { from, to: from + 2, kind: 'quarter', label: `${m[1]}Q${m[2]}` };
  }
  if (options.year !== undefined) {
    const m = /^\s*(\d{4})\s*年?\s*$/.exec(options.year);
    if (!m) {
      throw new InputError(
        'BAD_OPTION',
        `--year ${options.year}: expected a year as YYYY.`,
        'Example: --year 2016',
      );
    }
    const from = Number(m[1]) * 12;
    return { from, to: from + 11, kind: 'year', label: m[1]! };
  }
  const from = options.from === undefined ? null : parseMonth('--from', options.from);
  const to = options.to === undefined ? null : parseMonth('--to', options.to);
  if (from !== null && to !== null && from > to) {
    throw new InputError(
      'BAD_OPTION',
      `--from ${options.from} is after --to ${options.to}.`,
      'Give the earlier month with --from.',
    );
  }
  return { from, to, kind: range ? 'range' : 'auto', label: null };
}

// ---------------------------------------------------------------------------------------------
// Period rules of the config file

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
 *
 * and literal periods, the same every run: 2016-11 (a month), 2016Q4 (a quarter), 2016 (a year),
 * 2016-01..2016-06 (a range of months, both ends included).
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
];

const RELATIVE_RULES = [
  'previous-month',
  'current-month',
  'previous-quarter',
  'current-quarter',
  'year-to-date',
  'previous-year',
  'current-year',
] as const;
type RelativeRule = (typeof RELATIVE_RULES)[number];

export const RULES_HINT = `Use one of ${RELATIVE_RULES.join(', ')}, or a period such as 2016-11, 2016Q4, 2016 or 2016-01..2016-06.`;

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
function parseRule(rule: string): ((today: Date) => PeriodOptions) | string {
  const text = rule.trim();
  if ((RELATIVE_RULES as readonly string[]).includes(text)) {
    return (today) => relativePeriod(text as RelativeRule, today);
  }
  if (/^\d{4}-\d{1,2}$/.test(text)) {
    const index = literalMonth(text);
    if (index === null) return `"${rule}" is not a month; write it as YYYY-MM, e.g. 2016-11`;
    return () => ({ month: monthString(index) });
  }
  const quarter = /^(\d{4})\s*-?\s*Q(\d)$/i.exec(text);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    if (q < 1 || q > 4 || year < 1900 || year > 2999) {
      return `"${rule}" is not a quarter; write it as YYYYQn, e.g. 2016Q4`;
    }
    return () => ({ quarter: `${year}Q${q}` });
  }
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    if (year >= 1900 && year <= 2999) return () => ({ year: text });
  }
  const range = /^(\S+)\s*\.\.\s*(\S+)$/.exec(text);
  if (range) {
    const from = literalMonth(range[1]!);
    const to = literalMonth(range[2]!);
    if (from === null || to === null) {
      return `"${rule}" is not a range of months; write it as YYYY-MM..YYYY-MM, e.g. 2016-01..2016-06`;
    }
    if (from > to) return `"${rule}": the first month is after the last`;
    return () => ({ from: monthString(from), to: monthString(to) });
  }
  const near = closest(text, RELATIVE_RULES);
  return `"${rule}" is not a period rule${near ? `; did you mean "${near}"?` : ''}`;
}

function relativePeriod(rule: RelativeRule, today: Date): PeriodOptions {
  const year = today.getFullYear();
  const month = year * 12 + today.getMonth();
  switch (rule) {
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
export function ruleProblem(rule: string): string | null {
  const parsed = parseRule(rule);
  return typeof parsed === 'string' ? parsed : null;
}

/**
 * A period rule to PeriodOptions, relative to `today` (a wall-clock date: its local year, month
 * and day are used as given; the caller passes `new Date()`). Rules: see PERIOD_RULES. Pure.
 */
export function periodFromRule(rule: string, today: Date): PeriodOptions {
  const parsed = parseRule(rule);
  if (typeof parsed === 'string') {
    throw new InputError('BAD_OPTION', `period ${sentence(parsed)}`, RULES_HINT);
  }
  return parsed(today);
}
