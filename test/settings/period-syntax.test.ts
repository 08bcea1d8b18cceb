import { describe, expect, it } from 'vitest';
import {
  PERIOD_RULES,
  parsePeriodOptions,
  periodFromRule,
  type PeriodOptions,
} from '../../src/settings/period-syntax.js';
import { day, failure } from './helpers.js';

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

  it.each<[string, string]>([
    ['last-month', 'period "last-month" is not a period rule.'],
    [
      'previous-months',
      'period "previous-months" is not a period rule; did you mean "previous-month"?',
    ],
    ['yeartodate', 'period "yeartodate" is not a period rule; did you mean "year-to-date"?'],
    ['2016-13', 'period "2016-13" is not a month; write it as YYYY-MM, e.g. 2016-11.'],
    ['2016-1', 'period "2016-1" is not a month; write it as YYYY-MM, e.g. 2016-11.'],
    ['2016Q5', 'period "2016Q5" is not a quarter; write it as YYYYQn, e.g. 2016Q4.'],
    ['2016-06..2016-01', 'period "2016-06..2016-01": the first month is after the last.'],
    [
      '2016-01..2016-6',
      'period "2016-01..2016-6" is not a range of months; write it as YYYY-MM..YYYY-MM, e.g. 2016-01..2016-06.',
    ],
    ['', 'period "" is not a period rule.'],
  ])('%j is refused', async (rule, message) => {
    const error = await failure(() => periodFromRule(rule, day('2017-01-02')));
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toBe(message);
    expect(error.hint).toBe(
      'Use one of previous-month, current-month, previous-quarter, current-quarter, year-to-date, previous-year, current-year, or a period such as 2016-11, 2016Q4, 2016 or 2016-01..2016-06.',
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
    ]);
    for (const { rule, meaning } of PERIOD_RULES) {
      expect(meaning).not.toBe('');
      expect(() => periodFromRule(rule, day('2017-01-02'))).not.toThrow();
    }
  });
});
