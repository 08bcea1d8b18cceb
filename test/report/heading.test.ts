/**
 * What a report's sheets open with and how its numbers are written for people: the period in
 * words, the units covered, file names, the local time of writing, the rule for 上期/环比, the
 * CSV's rounding and the print width.
 */
import { describe, expect, it } from 'vitest';
import type { PeriodSection } from '../../src/metrics/types.js';
import { csvNumber } from '../../src/report/csv.js';
import { localStamp } from '../../src/report/format.js';
import { spanWords } from '../../src/report/labels.js';
import { pagesWide, rowsPerPage } from '../../src/report/page.js';
import { fileNames, scopeOf, showsPreceding } from '../../src/report/sections/heading.js';

describe('the period in words', () => {
  it.each([
    ['2016-11', '2016-11', '2016年11月', 'November 2016'],
    ['2016-10', '2016-12', '2016年第四季度', '2016 Q4'],
    ['2016-01', '2016-03', '2016年第一季度', '2016 Q1'],
    ['2016-01', '2016-12', '2016年', '2016'],
    ['2016-01', '2016-11', '2016年1–11月', 'January–November 2016'],
    ['2016-02', '2016-04', '2016年2–4月', 'February–April 2016'],
    ['2015-11', '2016-02', '2015年11月至2016年2月', 'November 2015 to February 2016'],
  ])('%s – %s: %s, %s', (from, to, zh, en) => {
    expect(spanWords({ from, to }, 'zh')).toBe(zh);
    expect(spanWords({ from, to }, 'en')).toBe(en);
  });

  it('says a week label as it is written', () => {
    expect(spanWords({ from: '2016-W18', to: '2016-W18' }, 'zh')).toBe('2016-W18');
  });

  // Days (issue 14): a day, an ISO week (Monday to Sunday) by its number, other spans of days.
  it.each([
    ['2016-06-30', '2016-06-30', '2016年6月30日', '30 June 2016'],
    ['2016-06-20', '2016-06-26', '2016年第25周（6月20日至26日）', 'week 25 of 2016 (20–26 June)'],
    [
      '2016-12-26',
      '2017-01-01',
      '2016年第52周（12月26日至2017年1月1日）',
      'week 52 of 2016 (26 December – 1 January 2017)',
    ],
    [
      '2015-12-28',
      '2016-01-03',
      '2015年第53周（12月28日至2016年1月3日）',
      'week 53 of 2015 (28 December – 3 January 2016)',
    ],
    ['2017-01-02', '2017-01-08', '2017年第1周（1月2日至8日）', 'week 1 of 2017 (2–8 January)'],
    [
      '2019-12-30',
      '2020-01-05',
      '2020年第1周（2019年12月30日至1月5日）',
      'week 1 of 2020 (30 December 2019 – 5 January)',
    ],
    ['2016-05-01', '2016-05-03', '2016年5月1日至3日', '1–3 May 2016'],
    // Seven days that are no ISO week (Wednesday to Tuesday) are a span.
    ['2016-06-22', '2016-06-28', '2016年6月22日至28日', '22–28 June 2016'],
    ['2016-06-20', '2016-07-05', '2016年6月20日至7月5日', '20 June – 5 July 2016'],
    [
      '2015-12-30',
      '2016-01-05',
      '2015年12月30日至2016年1月5日',
      '30 December 2015 – 5 January 2016',
    ],
  ])('%s – %s: %s, %s', (from, to, zh, en) => {
    expect(spanWords({ from, to }, 'zh')).toBe(zh);
    expect(spanWords({ from, to }, 'en')).toBe(en);
  });
});

describe('the units covered', () => {
  const huangshan = [
    '国网歙县供电公司',
    '国网黄山供电公司(市直)',
    '国网黄山市黄山区供电公司',
    '国网休宁县供电公司',
  ];

  it('names the city company whose own part is listed as (市直) or 本部', () => {
    expect(scopeOf(huangshan, 'zh')).toBe('国网黄山供电公司');
    expect(scopeOf(['国网A县供电公司', '国网黄山供电公司本部'], 'zh')).toBe('国网黄山供电公司');
  });

  it('names a single unit, and counts units that have no common company', () => {
    expect(scopeOf(['国网歙县供电公司'], 'zh')).toBe('国网歙县供电公司');
    expect(scopeOf(['国网歙县供电公司', '国网休宁县供电公司'], 'zh')).toBe('2 个供电单位');
    expect(scopeOf(['A', 'B', 'C'], 'en')).toBe('3 units');
  });
});

describe('file names', () => {
  it('shows inputs by name, and by path only when two share a name', () => {
    const names = fileNames(['/tmp/x1/a.xlsx', '/tmp/x1/b.csv', 'in/b.csv', '-']);
    expect([...names.values()]).toEqual(['a.xlsx', '/tmp/x1/b.csv', 'in/b.csv', '-']);
  });
});

describe('上期/环比 of a whole period', () => {
  const period = (from: string, months: number, kind: PeriodSection['kind']): PeriodSection => ({
    from,
    to: from,
    months,
    kind,
    label: null,
    yearEarlier: null,
    preceding: null,
  });

  it.each([
    ['a month', period('2016-11', 1, 'month'), true],
    ['January alone', period('2016-01', 1, 'month'), true],
    ['a quarter', period('2016-10', 3, 'quarter'), true],
    ['the first quarter', period('2016-01', 3, 'quarter'), true],
    ['a range not from January', period('2016-04', 6, 'range'), true],
    ['a year to date', period('2016-01', 11, 'auto'), false],
    ['the year to date of the quarterly evaluation', period('2016-01', 3, 'range'), false],
    ['a year: the span before is the year earlier', period('2016-01', 12, 'year'), false],
    ['twelve months from July', period('2015-07', 12, 'range'), false],
  ])('%s: %s', (_what, p, shown) => {
    expect(showsPreceding(p)).toBe(shown);
  });
});

describe('the time of writing', () => {
  it("is the machine's local time with its offset from UTC", () => {
    const stamp = localStamp(new Date(Date.UTC(2017, 0, 5, 0, 0)));
    const offset = -new Date(Date.UTC(2017, 0, 5)).getTimezoneOffset();
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC[+-]\d\d:\d\d$/);
    if (offset === 480) expect(stamp).toBe('2017-01-05 08:00 UTC+08:00');
    if (offset === -480) expect(stamp).toBe('2017-01-04 16:00 UTC-08:00');
  });
});

describe('CSV numbers', () => {
  it.each([
    [0.17857142857142858, 'over', 0.1786],
    [5.999999999999999, 'dec', 6],
    [2.68211565282695, 'fixed', 2.68],
    [-0.08333333333333333, 'change', -0.0833],
    [-0.00001, 'pct', 0],
    [214380, 'int', 214380],
  ] as const)('%s as %s: %s', (value, format, rounded) => {
    expect(csvNumber(value, format)).toBe(rounded);
  });
});

describe('the printed page', () => {
  // A column 10 characters wide is 75 pixels, 56.25 points; a page takes 784 points.
  const columns = (n: number) => Array.from({ length: n }, () => 10);

  it('keeps a table one page wide while it reads at 65% or more, else prints it in strips', () => {
    expect(pagesWide(columns(13))).toBe(1); // 731 points: at 100%
    expect(pagesWide(columns(20))).toBe(1); // 1,125 points: at 70%
    expect(pagesWide(columns(30))).toBe(2); // 1,688 points: 46% on one page
    expect(pagesWide(columns(60))).toBe(3);
  });

  it('counts the rows a page holds at the scale that fits its width', () => {
    expect(rowsPerPage(columns(13))).toBe(33); // 508.6 points of 15
    expect(rowsPerPage(columns(20))).toBe(48); // at 70%
  });
});
