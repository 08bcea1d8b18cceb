/**
 * Days and ISO weeks as periods (issue 14): the forms analysts type, --day/--week/--from/--to
 * with days, the refusals, and the config file's previous-day and previous-week with a fixed
 * today — across month, year and ISO-year ends, and at midnight.
 */
import { describe, expect, it } from 'vitest';
import { userMessage } from '../../src/errors.js';
import { daysFromCivil } from '../../src/metrics/calendar.js';
import {
  parsePeriodOptions,
  readDay,
  readWeek,
  type PeriodOptions,
} from '../../src/settings/period-syntax.js';
import { periodFromRule } from '../../src/settings/period-rules.js';
import { day, failure } from './helpers.js';

const d = (text: string) => {
  const [y, m, dd] = text.split('-').map(Number);
  return daysFromCivil(y!, m!, dd!);
};
const m = (year: number, month: number) => year * 12 + month - 1;

describe('the forms a day is written in', () => {
  it.each<[string, string | null]>([
    ['2016-06-30', '2016-06-30'],
    ['2016/6/30', '2016-06-30'],
    ['2016.6.30', '2016-06-30'],
    ['2016-6-3', '2016-06-03'],
    ['20160630', '2016-06-30'],
    ['2016年6月30日', '2016-06-30'],
    ['2016年6月30号', '2016-06-30'],
    ['２０１６年６月３０日', '2016-06-30'],
    [' 2016-06-30 ', '2016-06-30'],
    ['2016-02-29', '2016-02-29'],
    ['2015-02-29', null],
    ['2016-06-31', null],
    ['2016-13-01', null],
    ['2016-06-00', null],
    ['2016/06-30', null],
    ['2016-06', null],
    ['201606', null],
    ['2016-W25', null],
  ])('%j → %s', (text, expected) => {
    expect(readDay(text)).toBe(expected === null ? null : d(expected));
  });
});

describe('the forms an ISO week is written in', () => {
  it.each<[string, [number, number] | null]>([
    ['2016-W25', [2016, 25]],
    ['2016W25', [2016, 25]],
    ['2016-w25', [2016, 25]],
    ['2016 W25', [2016, 25]],
    ['2016-W5', [2016, 5]],
    ['2016年第25周', [2016, 25]],
    ['2016年25周', [2016, 25]],
    ['2015-W53', [2015, 53]],
    ['2020-W53', [2020, 53]],
    // 2016 and 2017 have 52 ISO weeks: there is no week 53 to read.
    ['2016-W53', null],
    ['2017-W53', null],
    ['2016-W00', null],
    ['2016-W54', null],
    ['2016-25', null],
  ])('%j → %j', (text, expected) => {
    expect(readWeek(text)).toEqual(expected);
  });
});

describe('--day, --week and --from/--to with days', () => {
  it.each<[PeriodOptions, object]>([
    [
      { day: '2016年6月30日' },
      {
        kind: 'day',
        label: '2016-06-30',
        from: m(2016, 6),
        to: m(2016, 6),
        days: { from: d('2016-06-30'), to: d('2016-06-30') },
      },
    ],
    // Monday 20 to Sunday 26 June.
    [
      { week: '2016-W25' },
      { kind: 'week', label: '2016-W25', days: { from: d('2016-06-20'), to: d('2016-06-26') } },
    ],
    // ISO weeks across a year end: week 52 of 2016 ends on 1 January 2017, week 1 of 2017
    // starts on Monday 2 January; week 53 of 2015 holds 1–3 January 2016.
    [
      { week: '2016W52' },
      {
        label: '2016-W52',
        from: m(2016, 12),
        to: m(2017, 1),
        days: { from: d('2016-12-26'), to: d('2017-01-01') },
      },
    ],
    [
      { week: '2017-W01' },
      {
        label: '2017-W01',
        from: m(2017, 1),
        to: m(2017, 1),
        days: { from: d('2017-01-02'), to: d('2017-01-08') },
      },
    ],
    [
      { week: '2015年第53周' },
      {
        label: '2015-W53',
        from: m(2015, 12),
        to: m(2016, 1),
        days: { from: d('2015-12-28'), to: d('2016-01-03') },
      },
    ],
    // A week 1 that starts in the year before: 2019-W01 is 31 December 2018 to 6 January.
    [{ week: '2019-W01' }, { days: { from: d('2018-12-31'), to: d('2019-01-06') } }],
    [
      { from: '2016-06-01', to: '2016-06-15' },
      { kind: 'range', label: null, days: { from: d('2016-06-01'), to: d('2016-06-15') } },
    ],
    // A month at the other end stands for its first or last day.
    [
      { from: '2016-06-20', to: '2016-07' },
      { days: { from: d('2016-06-20'), to: d('2016-07-31') } },
    ],
    [{ from: '2016-05', to: '20160610' }, { days: { from: d('2016-05-01'), to: d('2016-06-10') } }],
    [
      { from: '2016-06-20' },
      { from: m(2016, 6), to: null, days: { from: d('2016-06-20'), to: null } },
    ],
    [
      { to: '2016-06-20' },
      { from: null, to: m(2016, 6), days: { from: null, to: d('2016-06-20') } },
    ],
  ])('%j → %j', (options, expected) => {
    expect(parsePeriodOptions(options)).toMatchObject(expected);
  });

  it('leaves a range of months in months', () => {
    expect(parsePeriodOptions({ from: '2016-01', to: '2016-06' }).days).toBeUndefined();
  });

  // [options, message and hint in English, in Chinese (the default)]
  it.each<[PeriodOptions, string, string, string, string]>([
    [
      { day: '2016-06-31' },
      '--day 2016-06-31: expected a day as 2016-06-30, 20160630 or 2016年6月30日.',
      'Example: --day 2016-06-30',
      '--day 2016-06-31：应为日期，写作 2016-06-30、20160630 或 2016年6月30日。',
      '示例：--day 2016-06-30',
    ],
    [
      { day: '2016-06' },
      '--day 2016-06: expected a day as 2016-06-30, 20160630 or 2016年6月30日.',
      'That is a month: use --month 2016-06.',
      '--day 2016-06：应为日期，写作 2016-06-30、20160630 或 2016年6月30日。',
      '这是月份，请用 --month 2016-06。',
    ],
    [
      { day: '2016-W25' },
      '--day 2016-W25: expected a day as 2016-06-30, 20160630 or 2016年6月30日.',
      'That is a week: use --week 2016-W25.',
      '--day 2016-W25：应为日期，写作 2016-06-30、20160630 或 2016年6月30日。',
      '这是周，请用 --week 2016-W25。',
    ],
    [
      { week: '2016-06-30' },
      '--week 2016-06-30: expected a week as 2016-W25, 2016W25 or 2016年第25周 (ISO weeks, Monday to Sunday).',
      'That is a day: use --day 2016-06-30.',
      '--week 2016-06-30：应为周，写作 2016-W25、2016W25 或 2016年第25周（ISO 周，周一至周日）。',
      '这是日期，请用 --day 2016-06-30。',
    ],
    [
      { week: '2016-W53' },
      '--week 2016-W53: expected a week as 2016-W25, 2016W25 or 2016年第25周 (ISO weeks, Monday to Sunday).',
      '2016 has 52 ISO weeks: its last is --week 2016-W52.',
      '--week 2016-W53：应为周，写作 2016-W25、2016W25 或 2016年第25周（ISO 周，周一至周日）。',
      '2016 年只有 52 个 ISO 周，最后一周是 --week 2016-W52。',
    ],
    [
      { week: '2016-W60' },
      '--week 2016-W60: expected a week as 2016-W25, 2016W25 or 2016年第25周 (ISO weeks, Monday to Sunday).',
      'Example: --week 2016-W25',
      '--week 2016-W60：应为周，写作 2016-W25、2016W25 或 2016年第25周（ISO 周，周一至周日）。',
      '示例：--week 2016-W25',
    ],
    [
      { month: '2016-W25' },
      '--month 2016-W25: expected a month as 2016-11, 201611 or 2016年11月.',
      'That is a week: use --week 2016-W25.',
      '--month 2016-W25：应为月份，写作 2016-11、201611 或 2016年11月。',
      '这是周，请用 --week 2016-W25。',
    ],
    [
      { from: '2016-06-15', to: '2016-06-01' },
      '--from 2016-06-15 is after --to 2016-06-01.',
      'Give the earlier day with --from.',
      '--from 2016-06-15 晚于 --to 2016-06-01。',
      '请用 --from 给较早的日期。',
    ],
    [
      { from: '2016-07', to: '2016-06-30' },
      '--from 2016-07 is after --to 2016-06-30.',
      'Give the earlier day with --from.',
      '--from 2016-07 晚于 --to 2016-06-30。',
      '请用 --from 给较早的日期。',
    ],
    [
      { day: '2016-06-30', week: '2016-W26' },
      '--day and --week: give one way of choosing the period.',
      'Use --month, --quarter, --year, --week or --day alone, or --from/--to.',
      '--day 和 --week：期间只能用一种方式指定。',
      '请单独使用 --month、--quarter、--year、--week 或 --day，或者用 --from/--to。',
    ],
    [
      { day: '2016-06-30', from: '2016-06-01' },
      '--day and --from/--to: give one way of choosing the period.',
      'Use --month, --quarter, --year, --week or --day alone, or --from/--to.',
      '--day 和 --from/--to：期间只能用一种方式指定。',
      '请单独使用 --month、--quarter、--year、--week 或 --day，或者用 --from/--to。',
    ],
  ])('%j is refused', async (options, message, hint, chinese, chineseHint) => {
    const error = await failure(() => parsePeriodOptions(options));
    expect(userMessage(error, 'zh')).toEqual({ message: chinese, hint: chineseHint });
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toBe(message);
    expect(error.hint).toBe(hint);
  });
});

describe('the config rules previous-day and previous-week, with a fixed today', () => {
  it.each<[string, string, PeriodOptions]>([
    ['previous-day', '2016-07-01', { day: '2016-06-30' }],
    ['previous-day', '2017-01-01', { day: '2016-12-31' }],
    ['previous-day', '2016-03-01', { day: '2016-02-29' }],
    // On Monday 27 June the week before is 20–26 June; on the Sunday that ends it, the one before.
    ['previous-week', '2016-06-27', { week: '2016-W25' }],
    ['previous-week', '2016-06-26', { week: '2016-W24' }],
    // Across the year end: Monday 2 January 2017 → 2016-W52; 4 January 2016 → 2015-W53.
    ['previous-week', '2017-01-02', { week: '2016-W52' }],
    ['previous-week', '2017-01-08', { week: '2016-W52' }],
    ['previous-week', '2017-01-09', { week: '2017-W01' }],
    ['previous-week', '2016-01-04', { week: '2015-W53' }],
    ['previous-week', '2016-01-11', { week: '2016-W01' }],
    // Literal days, weeks and ranges of days are the same whatever the date.
    ['2016-06-30', '2017-01-02', { day: '2016-06-30' }],
    ['2016年6月30日', '2017-01-02', { day: '2016-06-30' }],
    ['2016-W25', '2017-01-02', { week: '2016-W25' }],
    ['2016年第25周', '2017-01-02', { week: '2016-W25' }],
    ['2016-06-01..2016-06-15', '2017-01-02', { from: '2016-06-01', to: '2016-06-15' }],
    ['2016-06-20..2016-07', '2017-01-02', { from: '2016-06-20', to: '2016-07-31' }],
  ])('%s on %s → %j', (rule, today, expected) => {
    const options = periodFromRule(rule, day(today));
    expect(options).toEqual(expected);
    expect(() => parsePeriodOptions(options)).not.toThrow();
  });

  it('reads the local date it is given, at either side of midnight', () => {
    expect(periodFromRule('previous-day', new Date(2016, 6, 1, 0, 0, 1))).toEqual({
      day: '2016-06-30',
    });
    expect(periodFromRule('previous-day', new Date(2016, 5, 30, 23, 59, 59))).toEqual({
      day: '2016-06-29',
    });
  });

  // [rule, message in English, in Chinese (the default)]
  it.each<[string, string, string]>([
    [
      'previous-days',
      'period "previous-days" is not a period rule; did you mean "previous-day"?',
      'period "previous-days" 不是期间规则；是不是 "previous-day"？',
    ],
    [
      '2016-06-15..2016-06-01',
      'period "2016-06-15..2016-06-01": the first day is after the last.',
      'period "2016-06-15..2016-06-01"：起始日期晚于结束日期。',
    ],
    [
      '2016-06-01..2016-06-31',
      'period "2016-06-01..2016-06-31" is not a range of days; write it as YYYY-MM-DD..YYYY-MM-DD, e.g. 2016-06-01..2016-06-15.',
      'period "2016-06-01..2016-06-31" 不是有效的日期范围，请写作 YYYY-MM-DD..YYYY-MM-DD，例如 2016-06-01..2016-06-15。',
    ],
  ])('%j is refused', async (rule, message, chinese) => {
    const error = await failure(() => periodFromRule(rule, day('2017-01-02')));
    expect(userMessage(error, 'zh').message).toBe(chinese);
    expect(error.message).toBe(message);
  });
});
