/**
 * The days an export covers (ingest/title.ts, ingest/coverage.ts): what its title rows state, and
 * the empty days at the end of its last month against its daily volume, hand-counted.
 */
import { describe, expect, it } from 'vitest';
import {
  EXPECTED_ORDERS_MIN,
  RATE_MIN_DAYS,
  cutShort,
  inputCoverage,
  interiorGaps,
  type DayCounts,
} from '../../src/ingest/coverage.js';
import { titleDates } from '../../src/ingest/title.js';
import { daysFromCivil, dayToString } from '../../src/metrics/calendar.js';

const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
};
const show = (d: number | null) => (d === null ? null : dayToString(d));

describe('titleDates: the dates the rows above the header state', () => {
  it.each([
    [
      '导出时间：2016-06-22 09:30:00    导出人：程**    查询条件：受理时间 2016-01-01 至 2016-06-21',
      {
        exportedAt: '2016-06-22',
        exportedText: '2016-06-22 09:30:00',
        from: '2016-01-01',
        to: '2016-06-21',
      },
    ],
    [
      '国网黄山供电公司2015年度95598客户服务工单明细（受理时间 2015-01-01 至 2015-12-31）',
      { exportedAt: null, exportedText: null, from: '2015-01-01', to: '2015-12-31' },
    ],
    [
      '统计时间 2016-12-01 至 2016-12-26',
      { exportedAt: null, exportedText: null, from: '2016-12-01', to: '2016-12-26' },
    ],
    [
      '导出时间：2016-12-26',
      { exportedAt: '2016-12-26', exportedText: '2016-12-26', from: null, to: null },
    ],
    [
      '统计区间：2016年12月1日—2016年12月26日',
      { exportedAt: null, exportedText: null, from: '2016-12-01', to: '2016-12-26' },
    ],
    ['数据截至 2016/12/26', { exportedAt: null, exportedText: null, from: null, to: '2016-12-26' }],
    [
      '受理时间：2016-11-01 00:00:00 ~ 2016-11-30 23:59:59 制表日期：2016.12.01',
      {
        exportedAt: '2016-12-01',
        exportedText: '2016.12.01',
        from: '2016-11-01',
        to: '2016-11-30',
      },
    ],
    // Full-width digits and colon, as some systems write them.
    [
      '导出时间：２０１６－１２－２６　１１：４２',
      { exportedAt: '2016-12-26', exportedText: '2016-12-26 11:42', from: null, to: null },
    ],
  ])('%s', (text, want) => {
    const got = titleDates([[text]]);
    expect(
      got && { ...got, exportedAt: show(got.exportedAt), from: show(got.from), to: show(got.to) },
    ).toEqual(want);
  });

  it.each([
    ['国网黄山供电公司95598工单明细'],
    ['2016年度'],
    // A range written backwards is no evidence.
    ['统计时间 2016-12-26 至 2016-12-01'],
    // Not a date: 2016-02-30.
    ['导出时间：2016-02-30'],
  ])('finds nothing in %s', (text) => {
    expect(titleDates([[text]])).toBeNull();
  });

  it('reads the cells of every row above the header, dates as cells too', () => {
    const got = titleDates([
      ['国网某供电公司95598工单明细', null],
      [],
      ['导出时间', new Date(Date.UTC(2016, 11, 26, 11, 42, 5))],
    ]);
    expect(show(got!.exportedAt)).toBe('2016-12-26');
  });
});

/** Work orders per day: `perDay` on every day from `from` to `to`. */
function steady(from: string, to: string, perDay: number): DayCounts {
  const days = new Map<number, number>();
  for (let d = day(from); d <= day(to); d++) days.set(d, perDay);
  return days;
}

describe('cutShort: empty days against the daily volume', () => {
  it(`needs ${EXPECTED_ORDERS_MIN} work orders expected over the empty days`, () => {
    // 1 a day over 26 days of December: 5 empty days would have held 5.
    const dec = steady('2016-12-01', '2016-12-26', 1);
    expect(cutShort(dec, 5, [day('2016-12-01'), day('2016-12-26')], null)).toBe(true);
    // 4 empty days would have held 4: within chance.
    expect(cutShort(dec, 4, [day('2016-12-01'), day('2016-12-26')], null)).toBe(false);
    expect(cutShort(dec, 0, [day('2016-12-01'), day('2016-12-26')], null)).toBe(false);
  });

  it(`uses the other days' rate when the month has fewer than ${RATE_MIN_DAYS} days of data`, () => {
    // November at 2 a day, December's first two days at 10 a day, then nothing.
    const days = new Map([
      ...steady('2016-11-01', '2016-11-30', 2),
      ...steady('2016-12-01', '2016-12-02', 10),
    ]);
    const own: [number, number] = [day('2016-12-01'), day('2016-12-02')];
    const other: [number, number] = [day('2016-11-01'), day('2016-11-30')];
    // 2 empty days: 20 at December's rate, but 4 at November's.
    expect(cutShort(days, 2, own, other)).toBe(false);
    expect(cutShort(days, 3, own, other)).toBe(true);
  });
});

describe('inputCoverage: the days an export covers', () => {
  const year = steady('2016-01-01', '2016-12-26', 3);
  const first = day('2016-01-01');
  const last = day('2016-12-26');
  const shown = (c: ReturnType<typeof inputCoverage>) => [show(c.from), show(c.to), c.basis];

  it.each([
    [
      'a stated range wins',
      { exportedAt: null, exportedText: null, from: day('2016-01-01'), to: day('2016-12-31') },
      ['2016-01-01', '2016-12-31', 'stated'],
    ],
    [
      'a stated range is widened to the rows',
      { exportedAt: null, exportedText: null, from: day('2016-01-01'), to: day('2016-12-20') },
      ['2016-01-01', '2016-12-26', 'stated'],
    ],
    [
      'an export time before the month ends',
      { exportedAt: day('2016-12-26'), exportedText: '2016-12-26', from: null, to: null },
      ['2016-01-01', '2016-12-26', 'exported'],
    ],
    [
      'no title: the empty days after the 26th are too many at 3 a day',
      null,
      ['2016-01-01', '2016-12-26', 'rows'],
    ],
  ] as const)('%s', (_name, title, want) => {
    expect(shown(inputCoverage(year, first, last, title))).toEqual(want);
  });

  it('takes the whole month when the empty days are within chance', () => {
    // One work order a day: the 2 empty days after the 29th would hold 2, within chance.
    const quiet = steady('2016-01-01', '2016-12-29', 1);
    expect(shown(inputCoverage(quiet, first, day('2016-12-29'), null))).toEqual([
      '2016-01-01',
      '2016-12-31',
      'month',
    ]);
  });

  it('an export taken after the month ended covers the month', () => {
    const title = {
      exportedAt: day('2017-01-06'),
      exportedText: '2017-01-06',
      from: null,
      to: null,
    };
    const full = steady('2016-06-01', '2016-12-31', 2);
    expect(shown(inputCoverage(full, day('2016-06-01'), day('2016-12-31'), title))).toEqual([
      '2016-06-01',
      '2016-12-31',
      'month',
    ]);
  });

  it('an export that starts mid-month covers from its first day', () => {
    const late = steady('2016-11-25', '2016-12-31', 4);
    expect(shown(inputCoverage(late, day('2016-11-25'), day('2016-12-31'), null))).toEqual([
      '2016-11-25',
      '2016-12-31',
      'month',
    ]);
  });
});

describe('interiorGaps: a hole inside an export (review2 item 6)', () => {
  const shownGaps = (gaps: [number, number][]) => gaps.map(([a, b]) => [show(a), show(b)]);
  // Without July: 3 a day in June and August.
  const holed = new Map([
    ...steady('2016-06-01', '2016-06-30', 3),
    ...steady('2016-08-01', '2016-08-31', 3),
  ]);

  it('a month left out is a gap', () => {
    // Window 06-03 – 08-28 (87 days), 168 work orders outside July's 31: (56/87)^168 = e^−74,
    // far below e^−5 / 92 (92 days spanned).
    expect(shownGaps(interiorGaps(holed, day('2016-06-01'), day('2016-08-31')))).toEqual([
      ['2016-07-01', '2016-07-31'],
    ]);
    const c = inputCoverage(holed, day('2016-06-01'), day('2016-08-31'), null);
    expect([show(c.from), show(c.to), shownGaps(c.gaps)]).toEqual([
      '2016-06-01',
      '2016-08-31',
      [['2016-07-01', '2016-07-31']],
    ]);
  });

  it('quiet days within chance are no gap: 11 empty days at 1 a day in June are, 10 not', () => {
    // June spans 30 days: the bar is 5 + ln 30 ≈ 8.40. 11 empty days: 19 work orders outside,
    // −19 ln(19/30) ≈ 8.68; 10 empty days: −20 ln(20/30) ≈ 8.11.
    const june = (emptyTo: string) =>
      new Map([...steady('2016-06-01', '2016-06-10', 1), ...steady(emptyTo, '2016-06-30', 1)]);
    expect(
      shownGaps(interiorGaps(june('2016-06-22'), day('2016-06-01'), day('2016-06-30'))),
    ).toEqual([['2016-06-11', '2016-06-21']]);
    expect(interiorGaps(june('2016-06-21'), day('2016-06-01'), day('2016-06-30'))).toEqual([]);
    // Three work orders on 12-01, 12-29 and 12-30: −3 ln(3/30) ≈ 6.9 < 5 + ln 30: too few to say.
    const few = new Map([
      [day('2016-12-01'), 1],
      [day('2016-12-29'), 1],
      [day('2016-12-30'), 1],
    ]);
    expect(interiorGaps(few, day('2016-12-01'), day('2016-12-30'))).toEqual([]);
  });

  it('judges a run by the volume around it, not the whole year', () => {
    // 20 a day in January, 1 a day from November but for 12-20 – 12-23: window 11-22 – 12-31
    // (40 days), −36 ln(36/40) ≈ 3.8 < 5 + ln 366 ≈ 10.9. February – October: window 01-04 –
    // 11-28 (330 days), 588 outside: −588 ln(56/330) ≈ 1043.
    const days = new Map([
      ...steady('2016-01-01', '2016-01-31', 20),
      ...steady('2016-11-01', '2016-12-19', 1),
      ...steady('2016-12-24', '2016-12-31', 1),
    ]);
    expect(shownGaps(interiorGaps(days, day('2016-01-01'), day('2016-12-31')))).toEqual([
      ['2016-02-01', '2016-10-31'],
    ]);
  });
});
