/**
 * How a period is written, on the command line (--month 2016-11, --quarter 2016Q4, --year 2016,
 * --day 2016-06-30, --week 2016-W25, --from/--to months or days) and in the config file ("period": a rule such as "previous-month", worked out
 * from today's date on each run, or a literal period: period-rules.ts). Both end as one PeriodRequest
 * (metrics/period.ts): a rule becomes the options it stands for, read by parsePeriodOptions.
 * Month index = year × 12 + month − 1, as in schema/values.ts; day index as in
 * metrics/calendar.ts. A period asked in days (--day, --week, --from/--to with a day) carries
 * its days in `PeriodRequest.days` beside the months that hold them.
 */
import { InputError, said, type Said } from '../errors.js';
import {
  dayToString,
  daysFromCivil,
  daysInMonth,
  firstDayOfMonth,
  isoWeekStart,
  isoWeeksInYear,
  lastDayOfMonth,
  monthOfDay,
} from '../metrics/calendar.js';
import type { PeriodRequest } from '../metrics/period.js';
import { monthIndexToString } from '../schema/values.js';

/** The period options of the command line, as typed. */
export interface PeriodOptions {
  from?: string;
  to?: string;
  month?: string;
  quarter?: string;
  year?: string;
  day?: string;
  week?: string;
}

export const PERIOD_OPTION_KEYS = [
  'month',
  'quarter',
  'year',
  'from',
  'to',
  'day',
  'week',
] as const;

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

/**
 * A day index from 2016-06-30, 2016/6/30, 2016.6.30, 20160630, 2016年6月30日; null for anything
 * else (a month, 2016-02-30).
 */
export function readDay(text: string): number | null {
  const t = tidy(text);
  const m =
    /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/.exec(t)?.filter((_, i) => i !== 2) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(t);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validYear(year) || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/**
 * An ISO week (Monday to Sunday) as [year, week] from 2016-W25, 2016W25, 2016-w25, 2016 W25,
 * 2016年第25周, 2016年25周; null for anything else, and for week 53 of a year that has 52.
 */
export function readWeek(text: string): [number, number] | null {
  const w = weekParts(text);
  if (!w || w[1] > isoWeeksInYear(w[0])) return null;
  return w;
}

/** [year, week] as written, before the year's number of weeks is checked. */
function weekParts(text: string): [number, number] | null {
  const m = /^(\d{4})\s*(?:-?\s*W\s*(\d{1,2})|年\s*第?\s*(\d{1,2})\s*周)$/i.exec(tidy(text));
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2] ?? m[3]);
  if (!validYear(year) || week < 1) return null;
  return [year, week];
}

/** 2016-W25. */
export function weekString(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

type PeriodKind = 'month' | 'quarter' | 'year' | 'day' | 'week';

/** Each kind of period: its name and the forms it is written in, in both languages. */
const FORMS: Record<PeriodKind, { name: Said; forms: Said; example: string }> = {
  month: {
    name: said('月份', 'month'),
    forms: said('2016-11、201611 或 2016年11月', '2016-11, 201611 or 2016年11月'),
    example: '2016-11',
  },
  quarter: {
    name: said('季度', 'quarter'),
    forms: said('2016Q4、2016年第四季度 或 2016年4季度', '2016Q4, 2016年第四季度 or 2016年4季度'),
    example: '2016Q4',
  },
  year: {
    name: said('年份', 'year'),
    forms: said('2016 或 2016年', '2016 or 2016年'),
    example: '2016',
  },
  day: {
    name: said('日期', 'day'),
    forms: said('2016-06-30、20160630 或 2016年6月30日', '2016-06-30, 20160630 or 2016年6月30日'),
    example: '2016-06-30',
  },
  week: {
    name: said('周', 'week'),
    forms: said(
      '2016-W25、2016W25 或 2016年第25周（ISO 周，周一至周日）',
      '2016-W25, 2016W25 or 2016年第25周 (ISO weeks, Monday to Sunday)',
    ),
    example: '2016-W25',
  },
};

/**
 * What `text` is when it is not a `kind`: a quarter given to --month is said to be one, with
 * the option that reads it; null when it is nothing we read.
 */
function otherKind(text: string, kind: PeriodKind): Said | null {
  const use = (other: PeriodKind, option: string) =>
    said(`这是${FORMS[other].name.zh}，请用 ${option}。`, `That is a ${other}: use ${option}.`);
  const quarter = kind === 'quarter' ? null : readQuarter(text);
  if (quarter) return use('quarter', `--quarter ${quarter[0]}Q${quarter[1]}`);
  const year = kind === 'year' ? null : readYear(text);
  if (year !== null) return use('year', `--year ${year}`);
  const month = kind === 'month' ? null : readMonth(text);
  if (month !== null) return use('month', `--month ${monthIndexToString(month)}`);
  const day = kind === 'day' ? null : readDay(text);
  if (day !== null) return use('day', `--day ${dayToString(day)}`);
  const week = kind === 'week' ? null : readWeek(text);
  if (week) return use('week', `--week ${weekString(week[0], week[1])}`);
  const written = kind === 'week' ? weekParts(text) : null;
  if (written && written[1] <= 53) {
    // Week 53 exists only in some years (2015, 2020): say how many this one has.
    const last = isoWeeksInYear(written[0]);
    const option = `--week ${weekString(written[0], last)}`;
    return said(
      `${written[0]} 年只有 ${last} 个 ISO 周，最后一周是 ${option}。`,
      `${written[0]} has ${last} ISO weeks: its last is ${option}.`,
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The command line

function refuse(option: string, value: string, kind: PeriodKind): InputError {
  const { name, forms, example } = FORMS[kind];
  // --month 2016Q4 is a quarter under the wrong option: the hint names the option that reads it.
  const hint =
    (kind === 'month' && option !== '--month' ? null : otherKind(value, kind)) ??
    said(`示例：${option} ${example}`, `Example: ${option} ${example}`);
  return new InputError(
    'BAD_OPTION',
    said(
      `${option} ${value}：应为${name.zh}，写作 ${forms.zh}。`,
      `${option} ${value}: expected a ${kind} as ${forms.en}.`,
    ),
    hint,
  );
}

function parseMonth(option: string, value: string): number {
  const index = readMonth(value);
  if (index === null) throw refuse(option, value, 'month');
  return index;
}

/** A bound of --from/--to: a month, or a day (its first or last day for a month). */
interface Bound {
  month: number;
  day: number | null;
}

function parseBound(option: '--from' | '--to', value: string): Bound {
  const month = readMonth(value);
  if (month !== null) return { month, day: null };
  const day = readDay(value);
  if (day !== null) return { month: monthOfDay(day), day };
  const [months, days] = [FORMS.month.forms, FORMS.day.forms];
  throw new InputError(
    'BAD_OPTION',
    said(
      `${option} ${value}：应为月份（${months.zh}）或日期（${days.zh}）。`,
      `${option} ${value}: expected a month as ${months.en}, or a day as ${days.en}.`,
    ),
    otherKind(value, 'day') ??
      said(
        `示例：${option} 2016-06 或 ${option} 2016-06-01`,
        `Example: ${option} 2016-06 or ${option} 2016-06-01`,
      ),
  );
}

function dayRequest(day: number): PeriodRequest {
  const month = monthOfDay(day);
  const label = dayToString(day);
  return { from: month, to: month, kind: 'day', label, days: { from: day, to: day } };
}

function weekRequest(year: number, week: number): PeriodRequest {
  const monday = isoWeekStart(year, week);
  return {
    from: monthOfDay(monday),
    to: monthOfDay(monday + 6),
    kind: 'week',
    label: weekString(year, week),
    days: { from: monday, to: monday + 6 },
  };
}

/** --from/--to: months, or days when either is a day (a month bound then stands for its days). */
function rangeRequest(options: PeriodOptions): PeriodRequest {
  const from = options.from === undefined ? null : parseBound('--from', options.from);
  const to = options.to === undefined ? null : parseBound('--to', options.to);
  const inDays = from?.day != null || to?.day != null;
  const first = from && (inDays ? (from.day ?? firstDayOfMonth(from.month)) : from.month);
  const last = to && (inDays ? (to.day ?? lastDayOfMonth(to.month)) : to.month);
  if (first !== null && last !== null && first > last) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `--from ${options.from} 晚于 --to ${options.to}。`,
        `--from ${options.from} is after --to ${options.to}.`,
      ),
      said(
        `请用 --from 给较早的${inDays ? '日期' : '月份'}。`,
        `Give the earlier ${inDays ? 'day' : 'month'} with --from.`,
      ),
    );
  }
  const kind = from || to ? 'range' : 'auto';
  const request: PeriodRequest = {
    from: from?.month ?? null,
    to: to?.month ?? null,
    kind,
    label: null,
  };
  if (inDays) request.days = { from: first, to: last };
  return request;
}

export function parsePeriodOptions(options: PeriodOptions): PeriodRequest {
  const given = (['month', 'quarter', 'year', 'day', 'week'] as const).filter(
    (k) => options[k] !== undefined,
  );
  const range = options.from !== undefined || options.to !== undefined;
  if (given.length > 1 || (given.length === 1 && range)) {
    const names = [...given, ...(range ? ['from/--to'] : [])].map((k) => `--${k}`);
    throw new InputError(
      'BAD_OPTION',
      said(
        `${names.join(' 和 ')}：期间只能用一种方式指定。`,
        `${names.join(' and ')}: give one way of choosing the period.`,
      ),
      said(
        '请单独使用 --month、--quarter、--year、--week 或 --day，或者用 --from/--to。',
        'Use --month, --quarter, --year, --week or --day alone, or --from/--to.',
      ),
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
  if (options.day !== undefined) {
    const day = readDay(options.day);
    if (day === null) throw refuse('--day', options.day, 'day');
    return dayRequest(day);
  }
  if (options.week !== undefined) {
    const week = readWeek(options.week);
    if (!week) throw refuse('--week', options.week, 'week');
    return weekRequest(week[0], week[1]);
  }
  return rangeRequest(options);
}
