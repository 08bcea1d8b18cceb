/**
 * The early warning of three units, worked by hand: 甲 past its annual target with a November
 * of 12 against a baseline of 2 (red twice over); 乙 on a pace that ends the year within its
 * target (green); 丙, without a target, with an outage burst and a customer back within 30 days.
 */
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../src/metrics/calendar.js';
import { chineseDays } from '../../../src/metrics/holiday-calendar.js';
import { WARN_DEFAULTS } from '../../../src/metrics/warn/thresholds.js';
import {
  unitWarnings,
  warnGaps,
  type WarnOrder,
  type WarnSource,
} from '../../../src/metrics/warn/warnings.js';
import { input, m, type Row } from '../../helpers/analysis-input.js';

function monthly(unit: string, year: number, counts: number[]): Row[] {
  return counts.flatMap((n, i) =>
    Array.from({ length: n }, (): Row => ({ unit, month: [year, i + 1], class: '服务态度' })),
  );
}

const rows: Row[] = [
  // 甲: 2015 30 (two a month, four in June–August); 2016 two a month, then 12 in November.
  ...monthly('甲', 2015, [2, 2, 2, 2, 2, 4, 4, 4, 2, 2, 2, 2]),
  ...monthly('甲', 2016, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 12]),
  // 乙: one a month.
  ...monthly('乙', 2015, Array(12).fill(1)),
  ...monthly('乙', 2016, Array(11).fill(1)),
];

const day = (y: number, mo: number, d: number) => daysFromCivil(y, mo, d);
const at = (y: number, mo: number, d: number, h: number) => (day(y, mo, d) * 24 + h) * 60;
const order = (o: Partial<WarnOrder> & { id: string; at: number }): WarnOrder => ({
  unit: '丙',
  className: '停电计划执行',
  address: null,
  text: null,
  day: Math.floor(o.at / 1440),
  customer: null,
  escalated: false,
  closedAt: o.at + 60,
  ...o,
});

const orders: WarnOrder[] = [
  order({ id: 'E1', at: at(2016, 11, 13, 14), text: '汤口镇芳村停电' }),
  order({ id: 'E2', at: at(2016, 11, 13, 15), text: '芳村没电了' }),
  order({ id: 'E3', at: at(2016, 11, 13, 17), address: '汤口镇芳村三组' }),
  order({ id: 'R1', at: at(2016, 10, 20, 9), customer: 'K', className: '抄表催费' }),
  order({ id: 'R2', at: at(2016, 11, 5, 9), customer: 'K', className: '抄表催费' }),
  // Open past the 144-hour limit at the end of the data.
  order({ id: 'O1', at: at(2016, 11, 2, 9), className: '服务态度', closedAt: null }),
];

describe('unitWarnings', () => {
  const w = unitWarnings({
    input: input(rows, {
      period: { month: '2016-11' },
      covered: [m(2015, 1), m(2016, 11)],
      targets: { 甲: [26, null], 乙: [15, null] },
    }),
    orders,
    thresholds: WARN_DEFAULTS,
    closeLimit: { value: 144, unit: 'hours' },
    calendar: chineseDays(),
    dataEnd: at(2016, 11, 30, 18),
  });
  const of = (unit: string) => w.find((u) => u.unit === unit)!;

  it('red first, then yellow, then green', () => {
    expect(w.map((u) => [u.unit, u.level])).toEqual([
      ['甲', 'red'],
      ['丙', 'yellow'],
      ['乙', 'green'],
    ]);
  });

  it('甲: 32 assessed against 26 for the year, and 12 in November against 2 expected', () => {
    const [target, spike] = of('甲').reasons;
    expect(target).toMatchObject({
      indicator: 'target',
      level: 'red',
      assessed: 32,
      annualTarget: 26,
    });
    // Six months of 2 and a November 2015 of 2: λ = 2; P(X ≥ 12 | 2) ≈ 1e-5, below the table.
    expect(spike).toMatchObject({ indicator: 'spike', level: 'red', observed: 12, expected: 2 });
    expect(spike!.indicator === 'spike' && spike!.p).toBeLessThan(0.001);
  });

  it('乙: 11 by November with every unit’s profile (its own 12 are too few): 11.85 by December', () => {
    const [target, spike] = of('乙').reasons;
    // Every unit's 2015: 42, of which December 3: 39/42 of the year gone by 30 November.
    expect(target).toMatchObject({
      indicator: 'target',
      level: 'green',
      assessed: 11,
      profile: 'all',
    });
    expect(target!.indicator === 'target' && target!.forecast).toBeCloseTo((11 * 42) / 39, 10);
    // The rest, Poisson(0.85): its 10th and 90th percentiles are 0 and 2.
    expect(target).toMatchObject({ low: 11, high: 13 });
    expect(target!.indicator === 'target' && target!.prorated).toBeCloseTo((15 * 11) / 12, 10);
    expect(spike).toMatchObject({ indicator: 'spike', level: 'green', observed: 1, expected: 1 });
  });

  it('丙: the burst at 芳村, the customer back within 30 days, a work order open too long', () => {
    const reasons = of('丙').reasons.map((r) => r.indicator);
    expect(reasons).toEqual(['repeat', 'event', 'overdue']);
    const event = of('丙').reasons.find((r) => r.indicator === 'event')!;
    expect(event.indicator === 'event' && event.event.ids).toEqual(['E1', 'E2', 'E3']);
    expect(of('丙').reasons.find((r) => r.indicator === 'overdue')).toMatchObject({
      open: 1,
      late: 0,
      level: 'yellow',
    });
  });
});

describe('overdue: judged only for work orders whose input has a 办结时间 column', () => {
  // 丁: four complaints of November never closed (closedAt null), two in an export with 办结时间
  // (input 0), two in one without (input 1): only the first two are open past the limit.
  const open = [
    order({ id: 'A1', unit: '丁', at: at(2016, 11, 2, 9), closedAt: null, input: 0 }),
    order({ id: 'A2', unit: '丁', at: at(2016, 11, 3, 9), closedAt: null, input: 0 }),
    order({ id: 'B1', unit: '丁', at: at(2016, 11, 4, 9), closedAt: null, input: 1 }),
    order({ id: 'B2', unit: '丁', at: at(2016, 11, 5, 9), closedAt: null, input: 1 }),
  ];
  const withClose: WarnSource = { file: 'a.xlsx', fields: new Set(['closedAt', 'phone']) };
  const without: WarnSource = { file: 'b.csv', fields: new Set(['phone']) };
  const judge = (fields: ('closedAt' | 'phone')[], sources?: WarnSource[]) => {
    const i = input(monthly('丁', 2016, Array(11).fill(1)), {
      period: { month: '2016-11' },
      covered: [m(2016, 1), m(2016, 11)],
      fields,
    });
    const [u] = unitWarnings({
      input: i,
      orders: open,
      thresholds: WARN_DEFAULTS,
      closeLimit: { value: 144, unit: 'hours' },
      calendar: chineseDays(),
      dataEnd: at(2016, 11, 30, 18),
      ...(sources ? { sources } : {}),
    });
    return { unit: u!, gaps: warnGaps(i, sources) };
  };

  it('mixed inputs: 2 open (yellow, red from 3), the input without the column named', () => {
    const { unit, gaps } = judge(['closedAt', 'phone'], [withClose, without]);
    expect(unit.reasons.find((r) => r.indicator === 'overdue')).toMatchObject({
      open: 2,
      late: 0,
      level: 'yellow',
    });
    expect(unit.level).toBe('yellow');
    const gap = gaps.find((g) => g.code === 'no-overdue')!;
    expect(gap).toMatchObject({ files: ['b.csv'] });
    expect(gap.zh).toBe('b.csv 没有办结时间列：其工单未判断超时（其他输入的已判断）。');
  });

  it('every input has the column: all 4 open, red', () => {
    const { unit, gaps } = judge(['closedAt', 'phone'], [withClose, { ...withClose, file: 'c' }]);
    expect(unit.reasons.find((r) => r.indicator === 'overdue')).toMatchObject({ open: 4 });
    expect(unit.level).toBe('red');
    expect(gaps.find((g) => g.code === 'no-overdue')).toBeUndefined();
  });

  it('no input has it: not judged (was red: "超144小时未办结4件"), the gap without files', () => {
    const { unit, gaps } = judge(['phone'], [without, { ...without, file: 'c.csv' }]);
    expect(unit.reasons.find((r) => r.indicator === 'overdue')).toBeUndefined();
    expect(unit.level).toBe('green');
    expect(gaps.find((g) => g.code === 'no-overdue')).toEqual({
      code: 'no-overdue',
      message: 'No 办结时间 column: work orders past the closing limit were not judged.',
      zh: '没有办结时间列：未判断工单超时。',
    });
  });

  it('without the inputs (the orders unlabelled): judged when any input has the column', () => {
    expect(judge(['phone']).unit.level).toBe('green');
    expect(judge(['closedAt']).unit.level).toBe('red');
  });
});
