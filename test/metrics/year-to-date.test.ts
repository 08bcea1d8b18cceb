import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/metrics/analysis.js';
import { monthPeriod, periodJson, type PeriodRequest } from '../../src/metrics/period.js';
import { notes } from '../../src/metrics/sections/notes.js';
import { targetBasis, targetFactor, targetMatch } from '../../src/metrics/sections/targets.js';
import { totals } from '../../src/metrics/sections/totals.js';
import { units } from '../../src/metrics/sections/units.js';
import {
  hasYearToDate,
  reportSpan,
  yearToDate,
  yearToDatePeriod,
} from '../../src/metrics/sections/year-to-date.js';
import { DEFAULT_SETTINGS } from '../../src/metrics/types.js';
import { input, m, Q1 } from '../helpers/analysis-input.js';

// The hand-counted quarter (helpers/analysis-input.ts) asked as the month 2016-02, with annual
// targets A 4 and B 8. February: A 2 complaints (抢修质量), neither appealed; B none.
// January to February: A 6 complaints, 2 appeal-approved → 4 assessed, exactly its target;
// B none. A year earlier: January A 2, February B 3.
const TARGETS = { A: [4, 30_000], B: [8, 15_000] } as Record<string, [number, number | null]>;
const feb = (prorate = false) =>
  input(Q1, { period: { month: '2016-02' }, targets: TARGETS, settings: { prorate } });

const request = (kind: PeriodRequest['kind']): PeriodRequest => ({
  from: m(2016, 10),
  to: m(2016, 12),
  kind,
  label: null,
});

describe('the year to date of a period', () => {
  it.each([
    ['2016-11', '2016-11', '2016-01', '2016-11'],
    ['2016-10', '2016-12', '2016-01', '2016-12'],
    ['2016-01', '2016-01', '2016-01', '2016-01'],
    ['2016-01', '2016-03', '2016-01', '2016-03'],
  ])('%s – %s → %s – %s', (from, to, ytdFrom, ytdTo) => {
    const month = (s: string) => m(Number(s.slice(0, 4)), Number(s.slice(5)));
    expect(periodJson(yearToDatePeriod(monthPeriod(month(from), month(to))))).toEqual({
      from: ytdFrom,
      to: ytdTo,
    });
  });

  it.each([
    ['month', true],
    ['quarter', true],
    ['year', false],
    ['range', false],
    ['auto', false],
    ['yearToDate', false],
  ] as const)('%s has one beside it: %s', (kind, has) => {
    expect(hasYearToDate({ kind })).toBe(has);
  });

  it('spans what a report lists in 明细: from January for a month or a quarter', () => {
    expect(periodJson(reportSpan(request('quarter'))!)).toEqual({ from: '2016-01', to: '2016-12' });
    expect(periodJson(reportSpan(request('range'))!)).toEqual({ from: '2016-10', to: '2016-12' });
    expect(reportSpan({ from: null, to: null, kind: 'auto', label: null })).toBeNull();
  });
});

describe('how a period is held against the annual targets', () => {
  const period = monthPeriod(m(2016, 1), m(2016, 11));
  it.each([
    // kind, --prorate, basis, factor
    ['month', false, 'none', null],
    ['month', true, 'none', null],
    ['quarter', false, 'prorated', 11 / 12],
    ['quarter', true, 'prorated', 11 / 12],
    ['yearToDate', false, 'annual', 1],
    ['yearToDate', true, 'prorated', 11 / 12],
    ['range', false, 'annual', 1],
    ['range', true, 'prorated', 11 / 12],
  ] as const)('%s, prorate %s: %s × %s', (kind, prorate, basis, factor) => {
    const i = { request: request(kind), period, settings: { ...DEFAULT_SETTINGS, prorate } };
    expect(targetBasis(i)).toBe(basis);
    expect(targetFactor(i)).toBe(factor);
  });

  it('holds a year to date of twelve months against the whole target, even with --prorate', () => {
    const i = {
      request: request('yearToDate'),
      period: monthPeriod(m(2016, 1), m(2016, 12)),
      settings: { ...DEFAULT_SETTINGS, prorate: true },
    };
    expect([targetBasis(i), targetFactor(i)]).toEqual(['annual', 1]);
  });
});

describe('a month: no target of its own', () => {
  const i = feb();
  const rows = units(i);

  it('has units and totals without a target, 环比 against January', () => {
    expect(rows.map((u) => [u.unit, u.complaints, u.assessed, u.target, u.overTarget])).toEqual([
      ['A', 2, 2, null, null],
      ['B', 0, 0, null, null],
    ]);
    const x = totals(i, rows);
    expect([x.complaints, x.assessed, x.target, x.overTargetRate, x.overTarget]).toEqual([
      2,
      2,
      null,
      null,
      null,
    ]);
    expect([x.unitsWithTarget, x.unitsOverTarget, x.preceding, x.mom]).toEqual([0, 0, 4, -0.5]);
  });

  it('says how the targets matched, with no factor and no prorating note', () => {
    expect(targetMatch(i, rows)).toEqual({
      file: 'targets.csv',
      prorated: false,
      factor: null,
      basis: 'none',
      unitsWithoutTarget: [],
      targetsWithoutData: [],
      unmatched: [],
    });
    const codes = notes(i, { targets: targetMatch(i, rows), satisfaction: null }).map(
      (n) => n.code,
    );
    expect(codes).not.toContain('targets-not-prorated');
  });
});

describe('yearToDate: January to the month', () => {
  it('counts each unit against its whole annual target; reaching it is enough', () => {
    const y = yearToDate(feb())!;
    expect(y.period).toEqual({
      from: '2016-01',
      to: '2016-02',
      months: 2,
      kind: 'yearToDate',
      label: null,
      yearEarlier: { from: '2015-01', to: '2015-02' },
      preceding: null,
    });
    expect(
      y.units.map((u) => [
        u.rank,
        u.unit,
        u.complaints,
        u.appealApproved,
        u.assessed,
        u.target,
        u.overTargetRate,
        u.overTarget,
        u.annualTarget,
        u.reachedAnnualTarget,
        u.previous,
        u.preceding,
        u.mom,
      ]),
    ).toEqual([
      [1, 'A', 6, 2, 4, 4, 0, false, 4, true, 2, null, null],
      [2, 'B', 0, 0, 0, 8, -1, false, 8, false, 3, null, null],
    ]);
    expect(y.totals).toMatchObject({
      complaints: 6,
      assessed: 4,
      target: 12,
      overTargetRate: (4 - 12) / 12,
      overTarget: false,
      unitsOverTarget: 0,
      unitsWithTarget: 2,
      annualTarget: 12,
      reachedAnnualTarget: false,
      unitsReachedAnnualTarget: 1,
      previous: 5,
      yoy: (6 - 5) / 5,
      preceding: null,
      mom: null,
    });
    expect(y.months.map((r) => [r.month, r.complaints, r.assessed, r.mom])).toEqual([
      ['2016-01', 4, 2, null], // December 2015 is covered but empty: no 环比 from 0
      ['2016-02', 2, 2, -0.5],
    ]);
    expect(y.trend.avgMonthlyReduction.arithmetic).toBe(0.5);
    expect(y.targets).toMatchObject({ basis: 'annual', prorated: false, factor: 1 });
  });

  it('with --prorate, holds the year to date against 2/12 and still names who reached the year', () => {
    const y = yearToDate(feb(true))!;
    const a = y.units[0]!;
    expect([a.target, a.overTarget, a.annualTarget, a.reachedAnnualTarget]).toEqual([
      4 / 6,
      true,
      4,
      true,
    ]);
    expect(a.overTargetRate).toBeCloseTo((4 - 4 / 6) / (4 / 6), 12);
    expect(y.totals).toMatchObject({ target: 2, annualTarget: 12, unitsOverTarget: 1 });
    expect(y.targets).toMatchObject({ basis: 'prorated', prorated: true, factor: 2 / 12 });
  });

  it('is in the analysis of a month or a quarter, and of nothing else', () => {
    expect(analyse(feb()).yearToDate).toEqual(yearToDate(feb()));
    const q = analyse(input(Q1, { period: { quarter: '2016Q1' }, targets: TARGETS }));
    expect(q.yearToDate?.period).toMatchObject({ from: '2016-01', to: '2016-03' });
    // A quarter is held against its share, its year to date against the whole target.
    expect([q.totals.target, q.yearToDate?.totals.target]).toEqual([3, 12]);
    for (const period of [{ year: '2016' }, { from: '2016-01', to: '2016-02' }, {}])
      expect(analyse(input(Q1, { period, targets: TARGETS })).yearToDate).toBeNull();
  });

  it('is null-safe without targets', () => {
    const y = yearToDate(input(Q1, { period: { month: '2016-02' } }))!;
    expect(y.targets).toBeNull();
    expect(y.units[0]).toMatchObject({
      target: null,
      annualTarget: null,
      reachedAnnualTarget: null,
    });
    expect(y.totals).toMatchObject({ annualTarget: null, unitsReachedAnnualTarget: 0 });
  });

  it('has no total target when the targets match no unit (not a target of 0, reached)', () => {
    // A targets file whose names are all misspelt: its 0 units would read 0 of 0 "已达".
    const misspelt = { 歙县公司: [20, null] } as Record<string, [number, number | null]>;
    const quarter = input(Q1, { period: { quarter: '2016Q1' }, targets: misspelt });
    const x = totals(quarter, units(quarter));
    expect(x).toMatchObject({ target: null, overTarget: null, withTarget: null });
    const y = yearToDate(input(Q1, { period: { month: '2016-02' }, targets: misspelt }))!;
    expect(y.totals).toMatchObject({
      target: null,
      withTarget: null,
      annualTarget: null,
      reachedAnnualTarget: null,
    });
  });

  it('notes the months of the year to date that no input covers', () => {
    // Inputs covering February 2016 on: January is counted as 0.
    const i = input(Q1, {
      period: { month: '2016-03' },
      covered: [m(2016, 2), m(2016, 3)],
      targets: TARGETS,
    });
    const n = analyse(i).notes.find((x) => x.code === 'year-to-date-months-missing');
    expect(n?.zh).toBe('累计 2016-01 – 2016-03：2016-01 不在任何输入中，按 0 计，累计数偏低。');
    expect(analyse(feb()).notes.map((x) => x.code)).not.toContain('year-to-date-months-missing');
  });
});
