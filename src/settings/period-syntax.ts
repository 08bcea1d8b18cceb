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
// How analysts write periods: one reader per kind, for the command line and the config file

const CHINESE_QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** NFKC (２０１６年 → 2016年) and no surrounding spaces: what is typed or pasted from a report. */
function tidy(text: string): string {
  return text.normalize('NFKC').trim();
}

function validYear(year: number): boolean {
  return year >= 1900 && year <= 2999;
}

/**
 * A month index from the forms analysts type: 2016-11, 2016/11, 2016.11, 2016-1, 201611,
 * 2016年11月, 2016年11月份; null for anything else (a day, a quarter, a month 13).
 */
export function readMonth(text: string): number | null {
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月份?)?$/.exec(tidy(text)) ??
    /^(\d{4})(\d{2})$/.exec(tidy(text));
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (!validYear(year) || month < 1 || month > 12) return null;
  return year * 12 + month - 1;
}

/**
 * A quarter as [year, 1–4] from 2016Q4, 2016q4, 2016-Q4, 2016 Q4, 2016年Q4, 2016年第四季度,
 * 2016年四季度, 2016年第4季度, 2016年4季度; null for anything else.
 */
export function readQuarter(text: string): [number, number] | null {
  const m = /^(\d{4})\s*(?:[-/.年]\s*)?(?:Q\s*([1-4])|第?\s*([1-4一二三四])\s*季度?)$/i.exec(
    tidy(text),
  );
  if (!m) return null;
  const year = Number(m[1]);
  const q = m[2] ? Number(m[2]) : (CHINESE_QUARTERS[m[3]!] ?? Number(m[3]));
  return validYear(year) ? [year, q] : null;
}

/** A year from 2016, 2016年, 2016年度; null for anything else. */
export function readYear(text: string): number | null {
  const m = /^(\d{4})\s*(?:年度?)?$/.exec(tidy(text));
  const year = m ? Number(m[1]) : NaN;
  return m && validYear(year) ? year : null;
}

type PeriodKind = 'month' | 'quarter' | 'year';

const FORMS: Record<PeriodKind, { forms: string; example: string }> = {
  month: { forms: '2016-11, 201611 or 2016年11月', example: '2016-11' },
  quarter: { forms: '2016Q4, 2016年第四季度 or 2016年4季度', example: '2016Q4' },
  year: { forms: '2016 or 2016年', example: '2016' },
};

/**
 * What `text` is when it is not a `kind`: a quarter given to --month is said to be one, with
 * the option that reads it; null when it is nothing we read.
 */
function otherKind(text: string, kind: PeriodKind): string | null {
  const quarter = kind === 'quarter' ? null : readQuarter(text);
  if (quarter) return `That is a quarter: use --quarter ${quarter[0]}Q${quarter[1]}.`;
  const year = kind === 'year' ? null : readYear(text);
  if (year !== null) return `That is a year: use --year ${year}.`;
  const month = kind === 'month' ? null : readMonth(text);
  if (month !== null) return `That is a month: use --month ${monthIndexToString(month)}.`;
  if (/^\d{4}([-/.])\d{1,2}\1\d{1,2}$|^\d{8}$|^\d{4}年\d{1,2}月\d{1,2}日?$/.test(tidy(text)))
    return 'That is a day: periods are whole months.';
  return null;
}

// ---------------------------------------------------------------------------------------------
// The command line

function refuse(option: string, value: string, kind: PeriodKind): InputError {
  const { forms, example } = FORMS[kind];
  // --month 2016Q4 is a quarter under the wrong option: the hint names the option that reads it.
  const hint =
    (kind === 'month' && option !== '--month' ? null : otherKind(value, kind)) ??
    `Example: ${option} ${example}`;
  return new InputError('BAD_OPTION', `${option} ${value}: expected a ${kind} as ${forms}.`, hint);
}

function parseMonth(option: string, value: string): number {
  const index = readMonth(value);
  if (index === null) throw refuse(option, value, 'month');
  return index;
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
    const quarter = readQuarter(options.quarter);
    if (!quarter) throw refuse('--quarter', options.quarter, 'quarter');
    const [year, q] = quarter;
    const from = year * 12 + (q - 1) * 3;
    return { from, to: from + 2, kind: 'quarter', label: `${year}Q${q}` };
  }
  if (options.year !== undefined) {
    const year = readYear(options.year);
    if (year === null) throw refuse('--year', options.year, 'year');
    return { from: year * 12, to: year * 12 + 11, kind: 'year', label: String(year) };
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
  // Literal periods are read as the command line reads them: "201611" and "2016年第四季度" too.
  const month = readMonth(text);
  if (month !== null) return () => ({ month: monthString(month) });
  const quarter = readQuarter(text);
  if (quarter) return () => ({ quarter: `${quarter[0]}Q${quarter[1]}` });
  const year = readYear(text);
  if (year !== null) return () => ({ year: String(year) });
  if (/^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$|^\d{6}$/.test(text))
    return `"${rule}" is not a month; write it as YYYY-MM, e.g. 2016-11`;
  if (/^\d{4}\s*-?\s*Q\d$/i.test(text))
    return `"${rule}" is not a quarter; write it as YYYYQn, e.g. 2016Q4`;
  const range = /^(.+?)\s*\.\.\s*(.+)$/.exec(text);
  if (range) {
    const from = readMonth(range[1]!);
    const to = readMonth(range[2]!);
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
