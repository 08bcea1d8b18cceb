/**
 * Day arithmetic and periods at day grain, hand-checked against a calendar: month ends, leap
 * years, ISO weeks across a year end, quarters, and the comparison periods (同比, 环比).
 */
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  dayToString,
  isoWeek,
  isoWeeksInYear,
  monthOfDay,
  weekday,
} from '../../src/metrics/calendar.js';
import {
  bucketCount,
  bucketLabel,
  bucketOf,
  buckets,
  monthPeriod,
  periodOf,
  preceding,
  yearEarlier,
  type Grain,
  type Period,
} from '../../src/metrics/period.js';
import { parseDate } from '../../src/schema/values.js';

const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return daysFromCivil(y!, m!, d!);
};
const period = (from: string, to: string, grain: Grain): Period => ({
  from: day(from),
  to: day(to),
  grain,
});
const show = (p: Period) => [dayToString(p.from), dayToString(p.to), p.grain];

describe('calendar', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['1900-01-01', -25567],
    ['2000-03-01', 11017],
    ['2016-01-01', 16801],
    ['2016-02-29', 16860],
    ['2016-12-31', 17166],
    ['9999-12-31', 2932896],
  ])('%s is day %i', (text, n) => {
    expect(day(text)).toBe(n);
    expect(dayToString(n)).toBe(text);
  });

  it('goes back and forth between days and dates for every day from 1899 to 2101', () => {
    let mismatches = 0;
    for (let n = day('1899-01-01'); n <= day('2101-12-31'); n++) {
      const { year, month, day: d } = civilFromDays(n);
      if (daysFromCivil(year, month, d) !== n) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('agrees with LocalTime.dayIndex and monthIndex, whatever the time of day', () => {
    for (const text of ['2016-02-29 00:00:00', '2016-02-29 23:59:59', '1900-03-01 12:00:00']) {
      const time = parseDate(text)!;
      expect(dayToString(time.dayIndex)).toBe(text.slice(0, 10));
      expect(monthOfDay(time.dayIndex)).toBe(time.monthIndex);
    }
  });

  it.each([
    ['1970-01-01', 4, 1970, 1],
    ['2014-12-29', 1, 2015, 1], // a Monday in December already in the next ISO year
    ['2016-01-01', 5, 2015, 53], // a Friday in January still in the last ISO year
    ['2016-01-03', 7, 2015, 53],
    ['2016-01-04', 1, 2016, 1],
    ['2020-12-31', 4, 2020, 53],
    ['2021-01-03', 7, 2020, 53],
    ['2021-01-04', 1, 2021, 1],
  ])('%s: weekday %i, ISO week %i-W%i', (text, wd, year, week) => {
    expect(weekday(day(text))).toBe(wd);
    expect(isoWeek(day(text))).toEqual({ year, week });
  });

  it('knows which years have 53 ISO weeks', () => {
    expect([2014, 2015, 2016, 2019, 2020, 2026].map(isoWeeksInYear)).toEqual([
      52, 53, 52, 52, 53, 53,
    ]);
  });
});

describe('buckets', () => {
  it.each([
    ['day', '2016-02-29', '2016-02-29'],
    ['week', '2016-01-01', '2015-W53'],
    ['week', '2016-01-04', '2016-W01'],
    ['month', '2016-02-29', '2016-02'],
    ['quarter', '2016-03-31', '2016Q1'],
    ['quarter', '2016-04-01', '2016Q2'],
    ['year', '2016-12-31', '2016'],
  ] as [Grain, string, string][])('%s of %s is %s', (grain, text, label) => {
    expect(bucketLabel(grain, bucketOf(grain, day(text)))).toBe(label);
  });

  it('turns the months the command line asks for into days', () => {
    expect(show(monthPeriod(2016 * 12 + 1, 2016 * 12 + 1))).toEqual([
      '2016-02-01',
      '2016-02-29',
      'month',
    ]);
    expect(show(monthPeriod(2015 * 12 + 1, 2015 * 12 + 1))).toEqual([
      '2015-02-01',
      '2015-02-28',
      'month',
    ]);
    const quarter = periodOf('quarter', day('2016-10-01'), day('2016-12-31'));
    expect(show(quarter)).toEqual(['2016-10-01', '2016-12-31', 'quarter']);
    expect(bucketCount(quarter)).toBe(1);
    expect(
      buckets(monthPeriod(2016 * 12 + 9, 2016 * 12 + 11)).map((b) => bucketLabel('month', b)),
    ).toEqual(['2016-10', '2016-11', '2016-12']);
  });

  it('widens days to whole buckets', () => {
    expect(show(periodOf('week', day('2016-01-01'), day('2016-01-05')))).toEqual([
      '2015-12-28',
      '2016-01-10',
      'week',
    ]);
    expect(show(periodOf('month', day('2016-02-10'), day('2016-02-10')))).toEqual([
      '2016-02-01',
      '2016-02-29',
      'month',
    ]);
  });
});

describe('year earlier (同比)', () => {
  it.each([
    [
      ['2016-11-01', '2016-11-30', 'month'],
      ['2015-11-01', '2015-11-30', 'month'],
    ],
    [
      ['2016-01-01', '2016-03-31', 'month'],
      ['2015-01-01', '2015-03-31', 'month'],
    ],
    [
      ['2016-02-01', '2016-02-29', 'month'],
      ['2015-02-01', '2015-02-28', 'month'],
    ],
    [
      ['2017-02-01', '2017-02-28', 'month'],
      ['2016-02-01', '2016-02-29', 'month'],
    ],
    [
      ['2016-10-01', '2016-12-31', 'quarter'],
      ['2015-10-01', '2015-12-31', 'quarter'],
    ],
    [
      ['2016-01-01', '2016-12-31', 'year'],
      ['2015-01-01', '2015-12-31', 'year'],
    ],
    // 29 February a year earlier is 28 February; the 28th stays the 28th.
    [
      ['2016-02-29', '2016-02-29', 'day'],
      ['2015-02-28', '2015-02-28', 'day'],
    ],
    [
      ['2017-02-28', '2017-03-01', 'day'],
      ['2016-02-28', '2016-03-01', 'day'],
    ],
    [
      ['2016-02-01', '2016-02-29', 'day'],
      ['2015-02-01', '2015-02-28', 'day'],
    ],
    // The same ISO week number: 2016-W01 against 2015-W01, which began in December 2014.
    [
      ['2016-01-04', '2016-01-10', 'week'],
      ['2014-12-29', '2015-01-04', 'week'],
    ],
    // 2020-W53 against 2019-W52: 2019 has no week 53.
    [
      ['2020-12-28', '2021-01-03', 'week'],
      ['2019-12-23', '2019-12-29', 'week'],
    ],
    // 2016-W01 … W02 against 2015-W01 … W02 (2015 had 53 weeks: not 52 weeks before).
    [
      ['2016-01-04', '2016-01-17', 'week'],
      ['2014-12-29', '2015-01-11', 'week'],
    ],
  ] as [[string, string, Grain], [string, string, Grain]][])('%j → %j', (p, expected) => {
    expect(show(yearEarlier(period(...p)))).toEqual(expected);
  });
});

describe('preceding (环比)', () => {
  it.each([
    // A month's preceding is the month before, across a year end and into a leap February.
    [
      ['2016-03-01', '2016-03-31', 'month'],
      ['2016-02-01', '2016-02-29', 'month'],
    ],
    [
      ['2016-01-01', '2016-01-31', 'month'],
      ['2015-12-01', '2015-12-31', 'month'],
    ],
    // Six months: the six before.
    [
      ['2016-01-01', '2016-06-30', 'month'],
      ['2015-07-01', '2015-12-31', 'month'],
    ],
    [
      ['2016-01-01', '2016-03-31', 'quarter'],
      ['2015-10-01', '2015-12-31', 'quarter'],
    ],
    [
      ['2016-01-01', '2016-12-31', 'year'],
      ['2015-01-01', '2015-12-31', 'year'],
    ],
    // A week's preceding is the week before, across a year end: 2016-W01 → 2015-W53.
    [
      ['2016-01-04', '2016-01-10', 'week'],
      ['2015-12-28', '2016-01-03', 'week'],
    ],
    [
      ['2016-03-01', '2016-03-01', 'day'],
      ['2016-02-29', '2016-02-29', 'day'],
    ],
    [
      ['2016-03-01', '2016-03-07', 'day'],
      ['2016-02-23', '2016-02-29', 'day'],
    ],
  ] as [[string, string, Grain], [string, string, Grain]][])('%j → %j', (p, expected) => {
    expect(show(preceding(period(...p)))).toEqual(expected);
  });
});
