import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { daysFromCivil, monthOfDay } from '../../src/metrics/calendar.js';
import {
  monthCount,
  monthPeriod,
  months,
  periodJson,
  periodOf,
  periodText,
  preceding,
  resolvePeriod,
  yearEarlier,
} from '../../src/metrics/period.js';
import { parsePeriodOptions, type PeriodOptions } from '../../src/settings/period-syntax.js';

const m = (year: number, month: number) => year * 12 + month - 1;

describe('parsePeriodOptions', () => {
  it.each<[PeriodOptions, number | null, number | null, string]>([
    [{ month: '2016-11' }, m(2016, 11), m(2016, 11), 'month'],
    [{ month: '2016/1' }, m(2016, 1), m(2016, 1), 'month'],
    [{ month: '2016年3月' }, m(2016, 3), m(2016, 3), 'month'],
    [{ quarter: '2016Q4' }, m(2016, 10), m(2016, 12), 'quarter'],
    [{ quarter: '2016-q1' }, m(2016, 1), m(2016, 3), 'quarter'],
    [{ year: '2016' }, m(2016, 1), m(2016, 12), 'year'],
    [{ from: '2016-04', to: '2016-12' }, m(2016, 4), m(2016, 12), 'range'],
    [{ from: '2016-04' }, m(2016, 4), null, 'range'],
    [{ to: '2016-06' }, null, m(2016, 6), 'range'],
    [{}, null, null, 'auto'],
  ])('%j → %s … %s (%s)', (options, from, to, kind) => {
    const request = parsePeriodOptions(options);
    expect(request.from).toBe(from);
    expect(request.to).toBe(to);
    expect(request.kind).toBe(kind);
  });

  it.each<[PeriodOptions, RegExp]>([
    [{ month: '2016-13' }, /--month 2016-13: expected a month as 2016-11/],
    [{ month: 'November' }, /--month November/],
    [{ quarter: '2016Q5' }, /--quarter 2016Q5: expected a quarter as 2016Q4/],
    [{ year: '16' }, /--year 16: expected a year/],
    [{ from: '2016-12', to: '2016-01' }, /--from 2016-12 is after --to 2016-01/],
    [{ month: '2016-11', year: '2016' }, /--month and --year: give one way/],
    [{ quarter: '2016Q4', from: '2016-01' }, /--quarter and --from\/--to/],
  ])('%j is refused', (options, message) => {
    expect(() => parsePeriodOptions(options)).toThrow(InputError);
    expect(() => parsePeriodOptions(options)).toThrow(message);
  });
});

describe('resolvePeriod', () => {
  const data = [m(2015, 1), m(2015, 6), m(2015, 12), m(2016, 3), m(2016, 4), m(2016, 11)];
  it.each<[PeriodOptions, number[], [number, number] | null]>([
    // No period: the latest year with data, from its first to its last month with data.
    [{}, data, [m(2016, 3), m(2016, 11)]],
    [{}, [m(2016, 5)], [m(2016, 5), m(2016, 5)]],
    // Only --to: the same, within the months up to it.
    [{ to: '2015-09' }, data, [m(2015, 1), m(2015, 9)]],
    // Only --from: up to the last month with data.
    [{ from: '2015-06' }, data, [m(2015, 6), m(2016, 11)]],
    // Given periods are kept even beyond the data.
    [{ year: '2017' }, data, [m(2017, 1), m(2017, 12)]],
    [{}, [], null],
  ])('%j over the data → %j', (options, months, expected) => {
    const period = resolvePeriod(parsePeriodOptions(options), months);
    expect(period === null ? null : [monthOfDay(period.from), monthOfDay(period.to)]).toEqual(
      expected,
    );
    if (period) expect(period.grain).toBe('month');
  });

  it('compares with the same months a year earlier and the span just before', () => {
    const q4 = monthPeriod(m(2016, 10), m(2016, 12));
    expect(yearEarlier(q4)).toEqual(monthPeriod(m(2015, 10), m(2015, 12)));
    expect(preceding(q4)).toEqual(monthPeriod(m(2016, 7), m(2016, 9)));
    const jan = monthPeriod(m(2016, 1), m(2016, 1));
    expect(preceding(jan)).toEqual(monthPeriod(m(2015, 12), m(2015, 12)));
  });
});

describe('periods as reports write them', () => {
  it.each([
    [
      monthPeriod(m(2016, 1), m(2016, 12)),
      { from: '2016-01', to: '2016-12' },
      '2016-01 – 2016-12',
      12,
    ],
    [monthPeriod(m(2016, 11), m(2016, 11)), { from: '2016-11', to: '2016-11' }, '2016-11', 1],
    [
      periodOf('week', daysFromCivil(2016, 1, 4), daysFromCivil(2016, 1, 4)),
      { from: '2016-01-04', to: '2016-01-10' },
      '2016-01-04 – 2016-01-10',
      1,
    ],
    [
      periodOf('day', daysFromCivil(2016, 1, 31), daysFromCivil(2016, 2, 1)),
      { from: '2016-01-31', to: '2016-02-01' },
      '2016-01-31 – 2016-02-01',
      2,
    ],
  ] as const)('%j', (period, json, text, monthsTouched) => {
    expect(periodJson(period)).toEqual(json);
    expect(periodText(period)).toBe(text);
    expect(monthCount(period)).toBe(monthsTouched);
    expect(months(period)).toHaveLength(monthsTouched);
  });
});
