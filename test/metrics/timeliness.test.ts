/**
 * Timeliness with limits in working days, hand-counted on the 国庆 2016 calendar (10-01 … 10-07
 * off, 10-08 and 10-09 worked): over-limit counts and shares per stage and per unit, the limit
 * as given, and the note when a due time runs past the calendar's years.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/metrics/analysis.js';
import { input, type Row } from '../helpers/analysis-input.js';

const H = 3600;
const at = (hh: number, mm = 0) => hh * H + mm * 60;

// Closing limit 4 working days, reply limit 24 hours.
const ROWS: Row[] = [
  // Friday 09-30 23:59, due at the end of 10-11 (10-08, 10-09, 10-10, 10-11).
  { unit: 'A', month: [2016, 9], date: 30, acceptSecond: at(23, 59), closeSeconds: 11 * 24 * H },
  {
    unit: 'A',
    month: [2016, 9],
    date: 30,
    acceptSecond: at(23, 59),
    closeSeconds: 11 * 24 * H + H, // 10-12 00:59
    replySeconds: 25 * H, // over 24 hours
  },
  // On a holiday, 10-03 12:00: also due at the end of 10-11; closed 10-11 12:00.
  { unit: 'B', month: [2016, 10], date: 3, acceptSecond: at(12), closeSeconds: 8 * 24 * H },
  // Monday 10-10 09:00: due at the end of Friday 10-14; closed Saturday 10-15 10:00.
  {
    unit: 'B',
    month: [2016, 10],
    date: 10,
    acceptSecond: at(9),
    closeSeconds: 5 * 24 * H + H,
    replySeconds: 2 * H,
  },
];

describe('timeliness in working days', () => {
  const a = analyse(
    input(ROWS, {
      period: { from: '2016-09', to: '2016-10' },
      settings: {
        closeLimit: { value: 4, unit: 'workingDays' },
        closeLimitHours: null,
      },
    }),
  );
  const t = a.timeliness!;

  it('counts a closing over the limit only past the end of the 4th working day', () => {
    expect(t.close).toMatchObject({
      count: 4,
      limitHours: null,
      limit: { value: 4, unit: 'workingDays' },
      overLimit: 2,
      overLimitShare: 0.5,
    });
    // As 96 calendar hours, all four would be over.
    expect(t.close!.meanHours).toBeCloseTo((11 * 24 + 11 * 24 + 1 + 8 * 24 + 5 * 24 + 1) / 4, 9);
  });

  it('per unit', () => {
    expect(t.byUnit.map((u) => [u.unit, u.close!.overLimit, u.close!.count])).toEqual([
      ['A', 1, 2],
      ['B', 1, 2],
    ]);
  });

  it('keeps the reply limit in hours beside it', () => {
    expect(t.reply).toMatchObject({
      count: 2,
      limitHours: 24,
      limit: { value: 24, unit: 'hours' },
      overLimit: 1,
    });
  });

  it('names the calendar, with nothing outside its years', () => {
    expect(t.calendar).toEqual({ source: 'chinese-days 1.5.7', years: [2004, 2026], outside: 0 });
    expect(a.notes.map((n) => n.code)).not.toContain('workdays-outside-calendar');
  });

  it('in calendar hours instead, 144 h: three of the four are over', () => {
    // 264 h, 265 h and 192 h are over 144 h; 121 h is not.
    const hours = analyse(input(ROWS, { period: { from: '2016-09', to: '2016-10' } }));
    expect(hours.timeliness!.close).toMatchObject({ limitHours: 144, overLimit: 3 });
    expect(hours.timeliness!.calendar).toBeNull();
  });
});

describe('a due time past the calendar', () => {
  it('is counted on weekends alone, and a note says so', () => {
    const a = analyse(
      input(
        [
          // Thursday 2026-12-31 10:00, 1 working day: 2027-01-01 (a Friday) outside the calendar.
          { unit: 'A', month: [2026, 12], date: 31, acceptSecond: at(10), closeSeconds: 39 * H },
          { unit: 'A', month: [2026, 12], date: 1, acceptSecond: at(10), closeSeconds: 2 * H },
        ],
        {
          period: { month: '2026-12' },
          settings: { closeLimit: { value: 1, unit: 'workingDays' }, closeLimitHours: null },
        },
      ),
    );
    expect(a.timeliness!.close).toMatchObject({ count: 2, overLimit: 1 });
    expect(a.timeliness!.calendar!.outside).toBe(1);
    const note = a.notes.find((n) => n.code === 'workdays-outside-calendar')!;
    expect(note.zh).toBe(
      '1 件投诉的工作日时限超出节假日历（chinese-days 1.5.7）所含的 2004–2026 年：其间按周六、周日休息计，未计节假日和调休。',
    );
  });
});

describe('mean and median hours, per unit and over all units', () => {
  // Reply hours: A 1, 5, 3; B 2, 10; C 4, 4, 8, 30. All nine sorted: 1 2 3 4 4 5 8 10 30.
  const rows: Row[] = (
    [
      ['A', [1, 5, 3]],
      ['B', [2, 10]],
      ['C', [4, 4, 8, 30]],
    ] as const
  ).flatMap(([unit, hours]) =>
    hours.map((h): Row => ({ unit, month: [2016, 3], class: '抢修质量', replySeconds: h * H })),
  );
  const t = analyse(input(rows, { fields: ['repliedAt'] })).timeliness!;

  it.each([
    // unit, count, mean, median
    ['A', 3, 3, 3],
    ['B', 2, 6, 6],
    ['C', 4, 11.5, 6],
  ])('unit %s: %d replies, mean %d h, median %d h', (unit, count, meanHours, medianHours) => {
    expect(t.byUnit.find((u) => u.unit === unit)!.reply).toMatchObject({
      count,
      meanHours,
      medianHours,
    });
  });

  it('all units: 9 replies, mean 67/9 h, median 4 h (the units’ sorted hours merged)', () => {
    expect(t.reply).toMatchObject({ count: 9, medianHours: 4 });
    expect(t.reply!.meanHours).toBeCloseTo(67 / 9, 12);
  });
});
