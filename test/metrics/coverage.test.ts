/**
 * Months covered in part (metrics/coverage.ts), from the days each input covers and its units;
 * then what a partial month is left out of, section by section, on a hand-counted half-year.
 */
import { describe, expect, it } from 'vitest';
import { daysFromCivil, dayToString } from '../../src/metrics/calendar.js';
import { coveredMonths, partialMonths, type InputSpan } from '../../src/metrics/coverage.js';
import { months, trend } from '../../src/metrics/sections/months.js';
import { notes } from '../../src/metrics/sections/notes.js';
import { comparisons } from '../../src/metrics/sections/period.js';
import { seasonality } from '../../src/metrics/sections/seasonality.js';
import { seriesBy } from '../../src/metrics/trend.js';
import { input, m, type Row } from '../helpers/analysis-input.js';

const day = (y: number, mo: number, d: number) => daysFromCivil(y, mo, d);
const span = (from: number, to: number, units: string[]): InputSpan => ({ from, to, units });
const shown = (p: ReturnType<typeof partialMonths>) =>
  [...p.values()].map((x) => ({
    month: x.month,
    since: x.since === null ? null : dayToString(x.since),
    through: x.through === null ? null : dayToString(x.through),
    gap: x.gap,
  }));

describe('partialMonths: the months the inputs cover only in part', () => {
  it('an export to the 26th leaves its month partial', () => {
    const spans = [span(day(2016, 1, 1), day(2016, 12, 26), ['A', 'B'])];
    expect(shown(partialMonths(spans, m(2016, 1), m(2016, 12)))).toEqual([
      { month: m(2016, 12), since: null, through: '2016-12-26', gap: false },
    ]);
  });

  it('exports of one company that overlap fill each other', () => {
    // To 21 June, and from 1 June: June is whole.
    const spans = [
      span(day(2016, 1, 1), day(2016, 6, 21), ['A', 'B']),
      span(day(2016, 6, 1), day(2016, 12, 31), ['A', 'B']),
    ];
    expect(shown(partialMonths(spans, m(2016, 1), m(2016, 12)))).toEqual([]);
  });

  it("a county's export that stops early leaves the month partial for all", () => {
    const spans = [
      span(day(2016, 12, 1), day(2016, 12, 31), ['A']),
      span(day(2016, 12, 1), day(2016, 12, 26), ['B']),
    ];
    expect(shown(partialMonths(spans, m(2016, 12), m(2016, 12)))).toEqual([
      { month: m(2016, 12), since: null, through: '2016-12-26', gap: false },
    ]);
  });

  it('an export that starts mid-month, and two that leave days between them', () => {
    const spans = [
      span(day(2016, 3, 10), day(2016, 4, 12), ['A']),
      span(day(2016, 4, 20), day(2016, 5, 31), ['A']),
    ];
    expect(shown(partialMonths(spans, m(2016, 3), m(2016, 5)))).toEqual([
      { month: m(2016, 3), since: '2016-03-10', through: null, gap: false },
      { month: m(2016, 4), since: null, through: null, gap: true },
    ]);
  });

  it('a month no input touches is not partial but uncovered', () => {
    const spans = [
      span(day(2016, 1, 1), day(2016, 1, 31), ['A']),
      span(day(2016, 3, 1), day(2016, 3, 31), ['A']),
    ];
    expect(shown(partialMonths(spans, m(2016, 1), m(2016, 3)))).toEqual([]);
    expect([...coveredMonths(spans)].sort()).toEqual([m(2016, 1), m(2016, 3)]);
  });
});

// A half-year, July to December 2016, with December covered to the 26th, and the year before.
// Complaints: July 118 … November 50, December 30; the year before 120 … 56, 48.
const PER_MONTH: [number, number, number][] = [
  [2016, 7, 118],
  [2016, 8, 112],
  [2016, 9, 88],
  [2016, 10, 70],
  [2016, 11, 50],
  [2016, 12, 30],
  [2015, 7, 120],
  [2015, 8, 115],
  [2015, 9, 85],
  [2015, 10, 66],
  [2015, 11, 56],
  [2015, 12, 48],
];
const ROWS: Row[] = PER_MONTH.flatMap(([y, mo, n]) =>
  Array.from({ length: n }, (): Row => ({ unit: 'A', month: [y, mo], class: '服务态度' })),
);
const DECEMBER = { month: m(2016, 12), since: null, through: day(2016, 12, 26), gap: false };
const half = (includePartial = false) =>
  input(ROWS, {
    period: { from: '2016-07', to: '2016-12' },
    covered: [m(2015, 7), m(2016, 12)],
    partial: [DECEMBER],
    settings: { includePartial },
  });

describe('a partial month in the sections', () => {
  it('months: marked with its last day; no 环比 or 同比 for it', () => {
    const rows = months(half());
    expect(rows.at(-1)).toMatchObject({
      month: '2016-12',
      complaints: 30,
      partial: true,
      through: '2016-12-26',
      previous: 48,
      mom: null,
      yoy: null,
    });
    expect(rows.at(-2)).toMatchObject({ partial: false, through: null, mom: (50 - 70) / 70 });
  });

  it('trend: the average monthly reduction over July to November', () => {
    const r = trend(half(), months(half())).avgMonthlyReduction;
    expect(r.compound).toBeCloseTo(1 - Math.pow(50 / 118, 1 / 4), 12);
    expect(r.arithmetic).toBeCloseTo((6 / 118 + 24 / 112 + 18 / 88 + 20 / 70) / 4, 12);
    // The span the reader is told: December is left out.
    expect([r.from, r.to]).toEqual(['2016-07', '2016-11']);
  });

  it('--include-partial: counted as a whole month (the −40% and 24% of issue 12)', () => {
    const rows = months(half(true));
    expect(rows.at(-1)!.mom).toBeCloseTo(-0.4, 12);
    expect(rows.at(-1)!.yoy).toBeCloseTo(30 / 48 - 1, 12);
    const r = trend(half(true), rows).avgMonthlyReduction;
    expect(r.compound).toBeCloseTo(1 - Math.pow(30 / 118, 1 / 5), 12);
    expect([r.from, r.to]).toEqual(['2016-07', '2016-12']);
  });

  it('trend --by: no class falls by 100% for a short December', () => {
    const [a] = seriesBy(half(), 'level2');
    expect(a!.avgMonthlyReduction.compound).toBeCloseTo(1 - Math.pow(50 / 118, 1 / 4), 12);
    expect(a!.months.at(-1)).toMatchObject({ partial: true, mom: null });
  });

  it('comparisons: no 环比 and no 同比 for a period that ends in a partial month', () => {
    expect(comparisons(half()).preceding).toBeNull();
    expect(comparisons(half(true)).preceding).not.toBeNull();
    // Nor 同比, though the year before is whole: 26 days of December against 31 would be a fall
    // that never happened. The year before stays a baseline of shares (the hot words').
    expect(comparisons(half()).yearEarlier).toBeNull();
    expect(comparisons(half()).yearEarlierInData).not.toBeNull();
    expect(comparisons(half(true)).yearEarlier).not.toBeNull();
  });

  it('seasonality: the partial December left out (index 48 / mean, not 39 / mean)', () => {
    // 18 months covered: 2015-07 … 2016-12; the first six of 2016 hold nothing here.
    const s = seasonality(half())!;
    const dec = s.months[11]!;
    expect(dec.values).toEqual({ 2015: 48 });
    const withDec = seasonality(half(true))!.months[11]!;
    expect(withDec.values).toEqual({ 2015: 48, 2016: 30 });
    expect(dec.index! > withDec.index!).toBe(true);
  });

  it('notes: says which month, to which day, what it was left out of, and how to count it', () => {
    const note = notes(half(), { targets: null, satisfaction: null }).find(
      (n) => n.code === 'months-partial',
    )!;
    expect(note.zh).toBe(
      '2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率（加 --include-partial 可作整月计入）。',
    );
    // The report for management says what was done, not what to type.
    expect(note.book!.zh).toBe('2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率。');
    expect(note.book!.message).not.toContain('--');
  });

  it('a month no input covers: no 环比 or 同比 from a count of 0', () => {
    const rest = ROWS.filter((r) => !(r.month[0] === 2016 && r.month[1] === 9));
    const whole = input(rest, { period: { from: '2016-07', to: '2016-12' } });
    // September 2016 in no input: its count of 0 is no fall of 100%.
    const covered = new Set([...whole.covered].filter((x) => x !== m(2016, 9)));
    const rows = months({ ...whole, covered, partial: new Map() });
    expect(rows.find((r) => r.month === '2016-09')).toMatchObject({
      complaints: 0,
      partial: true,
      through: null,
      mom: null,
      yoy: null,
    });
    expect(rows.find((r) => r.month === '2016-10')!.mom).toBeNull();
  });
});
