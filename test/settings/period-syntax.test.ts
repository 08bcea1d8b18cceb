import { describe, expect, it } from 'vitest';
import { userMessage } from '../../src/errors.js';
import { PERIOD_RULES, periodFromRule } from '../../src/settings/period-rules.js';
import {
  parsePeriodOptions,
  readMonth,
  readQuarter,
  readYear,
  type PeriodOptions,
} from '../../src/settings/period-syntax.js';
import { day, failure } from './helpers.js';

const m = (year: number, month: number) => year * 12 + month - 1;

// The forms analysts type, from bulletins, file names and habit (issue 12). Each row: what is
// typed, and the month, quarter or year it means (null: not one of those).
describe('the forms a period is written in', () => {
  it.each<[string, number | null]>([
    ['2016-11', m(2016, 11)],
    ['2016/11', m(2016, 11)],
    ['2016.11', m(2016, 11)],
    ['2016-1', m(2016, 1)],
    ['2016/01', m(2016, 1)],
    ['201611', m(2016, 11)],
    ['201601', m(2016, 1)],
    ['2016年11月', m(2016, 11)],
    ['2016年1月', m(2016, 1)],
    ['2016年11月份', m(2016, 11)],
    ['2016 年 11 月', m(2016, 11)],
    ['２０１６年１１月', m(2016, 11)],
    [' 2016-11 ', m(2016, 11)],
    ['2016-13', null],
    ['201613', null],
    ['201600', null],
    ['20161', null],
    ['2016111', null],
    ['20161115', null],
    ['2016-11-15', null],
    ['2016', null],
    ['2016Q4', null],
    ['November', null],
    ['1899-12', null],
  ])('month %j → %s', (text, expected) => {
    expect(readMonth(text)).toBe(expected);
  });

  it.each<[string, [number, number] | null]>([
    ['2016Q4', [2016, 4]],
    ['2016q1', [2016, 1]],
    ['2016-Q2', [2016, 2]],
    ['2016 Q3', [2016, 3]],
    ['2016年Q4', [2016, 4]],
    ['2016年第四季度', [2016, 4]],
    ['2016年第一季度', [2016, 1]],
    ['2016年四季度', [2016, 4]],
    ['2016年第4季度', [2016, 4]],
    ['2016年4季度', [2016, 4]],
    ['2016年三季', [2016, 3]],
    ['２０１６Ｑ４', [2016, 4]],
    ['2016Q5', null],
    ['2016Q0', null],
    ['2016年第五季度', null],
    ['2016-4', null],
    ['2016', null],
    ['Q4', null],
  ])('quarter %j → %j', (text, expected) => {
    expect(readQuarter(text)).toEqual(expected);
  });

  it.each<[string, number | null]>([
    ['2016', 2016],
    ['2016年', 2016],
    ['2016年度', 2016],
    [' 2016 ', 2016],
    ['16', null],
    ['2016-11', null],
    ['3000', null],
  ])('year %j → %s', (text, expected) => {
    expect(readYear(text)).toBe(expected);
  });
});

describe('parsePeriodOptions reads every form, and says which option reads a misplaced one', () => {
  it.each<[PeriodOptions, string]>([
    [{ month: '201611' }, '2016-11'],
    [{ month: '2016年11月' }, '2016-11'],
    [{ month: '2016-11' }, '2016-11'],
    [{ quarter: '2016年第四季度' }, '2016Q4'],
    [{ quarter: '2016年4季度' }, '2016Q4'],
    [{ quarter: '2016Q4' }, '2016Q4'],
    [{ year: '2016年' }, '2016'],
    [{ year: '2016' }, '2016'],
  ])('%j → %s', (options, label) => {
    expect(parsePeriodOptions(options).label).toBe(label);
  });

  it('reads --from/--to in every month form', () => {
    expect(parsePeriodOptions({ from: '201604', to: '2016年12月' })).toMatchObject({
      from: m(2016, 4),
      to: m(2016, 12),
      kind: 'range',
    });
  });

  // [options, message and hint in English, in Chinese (the default)]
  it.each<[PeriodOptions, string, string, string, string]>([
    [
      { month: '2016Q4' },
      '--month 2016Q4: expected a month as 2016-11, 201611 or 2016年11月.',
      'That is a quarter: use --quarter 2016Q4.',
      '--month 2016Q4：应为月份，写作 2016-11、201611 或 2016年11月。',
      '这是季度，请用 --quarter 2016Q4。',
    ],
    [
      { month: '2016年第四季度' },
      '--month 2016年第四季度: expected a month as 2016-11, 201611 or 2016年11月.',
      'That is a quarter: use --quarter 2016Q4.',
      '--month 2016年第四季度：应为月份，写作 2016-11、201611 或 2016年11月。',
      '这是季度，请用 --quarter 2016Q4。',
    ],
    [
      { month: '2016' },
      '--month 2016: expected a month as 2016-11, 201611 or 2016年11月.',
      'That is a year: use --year 2016.',
      '--month 2016：应为月份，写作 2016-11、201611 或 2016年11月。',
      '这是年份，请用 --year 2016。',
    ],
    [
      { month: '2016-11-15' },
      '--month 2016-11-15: expected a month as 2016-11, 201611 or 2016年11月.',
      'That is a day: use --day 2016-11-15.',
      '--month 2016-11-15：应为月份，写作 2016-11、201611 或 2016年11月。',
      '这是日期，请用 --day 2016-11-15。',
    ],
    [
      { quarter: '2016-11' },
      '--quarter 2016-11: expected a quarter as 2016Q4, 2016年第四季度 or 2016年4季度.',
      'That is a month: use --month 2016-11.',
      '--quarter 2016-11：应为季度，写作 2016Q4、2016年第四季度 或 2016年4季度。',
      '这是月份，请用 --month 2016-11。',
    ],
    [
      { year: '201611' },
      '--year 201611: expected a year as 2016 or 2016年.',
      'That is a month: use --month 2016-11.',
      '--year 201611：应为年份，写作 2016 或 2016年。',
      '这是月份，请用 --month 2016-11。',
    ],
    [
      { year: '2016Q4' },
      '--year 2016Q4: expected a year as 2016 or 2016年.',
      'That is a quarter: use --quarter 2016Q4.',
      '--year 2016Q4：应为年份，写作 2016 或 2016年。',
      '这是季度，请用 --quarter 2016Q4。',
    ],
    [
      { from: '2016' },
      '--from 2016: expected a month as 2016-11, 201611 or 2016年11月, or a day as 2016-06-30, 20160630 or 2016年6月30日.',
      'That is a year: use --year 2016.',
      '--from 2016：应为月份（2016-11、201611 或 2016年11月）或日期（2016-06-30、20160630 或 2016年6月30日）。',
      '这是年份，请用 --year 2016。',
    ],
  ])('%j is refused', async (options, message, hint, chinese, chineseHint) => {
    const error = await failure(() => parsePeriodOptions(options));
    expect(userMessage(error, 'zh')).toEqual({ message: chinese, hint: chineseHint });
    expect(error.message).toBe(message);
    expect(error.hint).toBe(hint);
  });
});

describe('periodFromRule', () => {
  it.each<[string, string, PeriodOptions]>([
    ['previous-month', '2016-11-15', { month: '2016-10' }],
    ['previous-month', '2017-01-01', { month: '2016-12' }],
    ['previous-month', '2017-01-02', { month: '2016-12' }],
    ['previous-month', '2016-04-01', { month: '2016-03' }],
    ['previous-month', '2016-03-31', { month: '2016-02' }],
    ['current-month', '2017-01-01', { month: '2017-01' }],
    ['current-month', '2016-12-31', { month: '2016-12' }],
    ['previous-quarter', '2017-01-01', { quarter: '2016Q4' }],
    ['previous-quarter', '2016-04-01', { quarter: '2016Q1' }],
    ['previous-quarter', '2016-03-31', { quarter: '2015Q4' }],
    ['previous-quarter', '2016-11-15', { quarter: '2016Q3' }],
    ['current-quarter', '2017-01-01', { quarter: '2017Q1' }],
    ['current-quarter', '2016-04-01', { quarter: '2016Q2' }],
    ['current-quarter', '2016-03-31', { quarter: '2016Q1' }],
    ['current-quarter', '2016-12-31', { quarter: '2016Q4' }],
    // In January the year so far is a few days: the whole previous year instead.
    ['year-to-date', '2017-01-01', { year: '2016' }],
    ['year-to-date', '2017-01-02', { year: '2016' }],
    ['year-to-date', '2017-01-31', { year: '2016' }],
    ['year-to-date', '2017-02-01', { from: '2017-01', to: '2017-02' }],
    ['year-to-date', '2016-04-01', { from: '2016-01', to: '2016-04' }],
    ['year-to-date', '2016-12-31', { from: '2016-01', to: '2016-12' }],
    ['previous-year', '2017-01-01', { year: '2016' }],
    ['previous-year', '2016-12-31', { year: '2015' }],
    ['current-year', '2017-01-01', { year: '2017' }],
    ['current-year', '2016-12-31', { year: '2016' }],
    // Literal periods are the same whatever the date.
    ['2016-11', '2017-01-02', { month: '2016-11' }],
    ['2016Q4', '2017-01-02', { quarter: '2016Q4' }],
    ['2016q1', '2017-01-02', { quarter: '2016Q1' }],
    ['2016-Q2', '2017-01-02', { quarter: '2016Q2' }],
    ['2016', '2017-01-02', { year: '2016' }],
    ['2016-01..2016-06', '2017-01-02', { from: '2016-01', to: '2016-06' }],
    ['2015-11..2016-02', '2017-01-02', { from: '2015-11', to: '2016-02' }],
    ['2016-03..2016-03', '2017-01-02', { from: '2016-03', to: '2016-03' }],
    [' previous-month ', '2016-11-15', { month: '2016-10' }],
    // … written as on the command line, too.
    ['201611', '2017-01-02', { month: '2016-11' }],
    ['2016-1', '2017-01-02', { month: '2016-01' }],
    ['2016年11月', '2017-01-02', { month: '2016-11' }],
    ['2016年第四季度', '2017-01-02', { quarter: '2016Q4' }],
    ['2016年', '2017-01-02', { year: '2016' }],
    ['201601..201606', '2017-01-02', { from: '2016-01', to: '2016-06' }],
    ['2016年1月..2016年6月', '2017-01-02', { from: '2016-01', to: '2016-06' }],
  ])('%s on %s → %j', (rule, today, expected) => {
    const options = periodFromRule(rule, day(today));
    expect(options).toEqual(expected);
    expect(() => parsePeriodOptions(options)).not.toThrow();
  });

  it('reads the local date it is given, at any hour', () => {
    expect(periodFromRule('previous-month', new Date(2017, 0, 1, 0, 0, 1))).toEqual({
      month: '2016-12',
    });
    expect(periodFromRule('previous-month', new Date(2016, 11, 31, 23, 59, 59))).toEqual({
      month: '2016-11',
    });
  });

  // [rule, message in English, in Chinese (the default)]
  it.each<[string, string, string]>([
    [
      'last-month',
      'period "last-month" is not a period rule.',
      'period "last-month" 不是期间规则。',
    ],
    [
      'previous-months',
      'period "previous-months" is not a period rule; did you mean "previous-month"?',
      'period "previous-months" 不是期间规则；是不是 "previous-month"？',
    ],
    [
      'yeartodate',
      'period "yeartodate" is not a period rule; did you mean "year-to-date"?',
      'period "yeartodate" 不是期间规则；是不是 "year-to-date"？',
    ],
    [
      '2016-13',
      'period "2016-13" is not a month; write it as YYYY-MM, e.g. 2016-11.',
      'period "2016-13" 不是有效的月份，请写作 YYYY-MM，例如 2016-11。',
    ],
    [
      '2016-00',
      'period "2016-00" is not a month; write it as YYYY-MM, e.g. 2016-11.',
      'period "2016-00" 不是有效的月份，请写作 YYYY-MM，例如 2016-11。',
    ],
    [
      '201613',
      'period "201613" is not a month; write it as YYYY-MM, e.g. 2016-11.',
      'period "201613" 不是有效的月份，请写作 YYYY-MM，例如 2016-11。',
    ],
    [
      '2016Q5',
      'period "2016Q5" is not a quarter; write it as YYYYQn, e.g. 2016Q4.',
      'period "2016Q5" 不是有效的季度，请写作 YYYYQn，例如 2016Q4。',
    ],
    [
      '2016-06..2016-01',
      'period "2016-06..2016-01": the first month is after the last.',
      'period "2016-06..2016-01"：起始月份晚于结束月份。',
    ],
    [
      '2016-01..2016-13',
      'period "2016-01..2016-13" is not a range of months; write it as YYYY-MM..YYYY-MM, e.g. 2016-01..2016-06.',
      'period "2016-01..2016-13" 不是有效的月份范围，请写作 YYYY-MM..YYYY-MM，例如 2016-01..2016-06。',
    ],
    ['', 'period "" is not a period rule.', 'period "" 不是期间规则。'],
  ])('%j is refused', async (rule, message, chinese) => {
    const error = await failure(() => periodFromRule(rule, day('2017-01-02')));
    expect(userMessage(error, 'zh').message).toBe(chinese);
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toBe(message);
    expect(error.hint).toBe(
      'Use one of previous-month, current-month, previous-quarter, current-quarter, year-to-date, previous-year, current-year, previous-day, previous-week, or a period such as 2016-11, 2016Q4, 2016, 2016-01..2016-06, 2016-06-30 or 2016-W25.',
    );
  });

  it('PERIOD_RULES lists every rule for the help text, and each one works', () => {
    expect(PERIOD_RULES.map((r) => r.rule)).toEqual([
      'previous-month',
      'current-month',
      'previous-quarter',
      'current-quarter',
      'year-to-date',
      'previous-year',
      'current-year',
      '2016-11',
      '2016Q4',
      '2016',
      '2016-01..2016-06',
      'previous-day',
      'previous-week',
      '2016-06-30',
      '2016-W25',
      '2016-06-01..2016-06-15',
    ]);
    for (const { rule, meaning } of PERIOD_RULES) {
      expect(meaning).not.toBe('');
      expect(() => periodFromRule(rule, day('2017-01-02'))).not.toThrow();
    }
  });
});
