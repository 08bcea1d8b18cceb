import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/metrics/analysis.js';
import { breakdowns } from '../../src/metrics/breakdown.js';
import { repeatComplainants, satisfaction, timeliness } from '../../src/metrics/extras.js';
import { categories } from '../../src/metrics/sections/categories.js';
import { classCounts } from '../../src/metrics/sections/classes.js';
import { days } from '../../src/metrics/sections/days.js';
import { hotspots } from '../../src/metrics/sections/hotspots.js';
import { months, trend } from '../../src/metrics/sections/months.js';
import { notes } from '../../src/metrics/sections/notes.js';
import { periodSection } from '../../src/metrics/sections/period.js';
import { quarterFigures, withQuarterFigures } from '../../src/metrics/sections/quarterly.js';
import { seasonality } from '../../src/metrics/sections/seasonality.js';
import { targetMatch } from '../../src/metrics/sections/targets.js';
import { totals } from '../../src/metrics/sections/totals.js';
import { units } from '../../src/metrics/sections/units.js';
import { yearToDate } from '../../src/metrics/sections/year-to-date.js';
import type { Analysis, AnalysisInput } from '../../src/metrics/types.js';
import { input, m, Q1, q1Input, taxonomy } from '../helpers/analysis-input.js';

// Each section called alone on the hand-counted quarter of analysis.test.ts (2016Q1, targets
// A 12 and B 8 with 30,000 and 15,000 customers, prorated to 3/12; inputs cover 2015-01 to
// 2016-03, so the year before and 2015Q4 are both covered, the latter without complaints).
const q = q1Input();
const node = (name: string) => taxonomy.nodes.find((n) => n.name === name)!;

/** The input with a cube that counts how often its cells are walked (groupBy reads the size once a pass). */
function counting(base: AnalysisInput): { input: AnalysisInput; passes: () => number } {
  let passes = 0;
  const cube = Object.create(base.cube, {
    size: {
      get: () => {
        passes++;
        return base.cube.size;
      },
    },
  }) as AnalysisInput['cube'];
  return { input: { ...base, cube }, passes: () => passes };
}

describe('sections of the hand-counted quarter, each called alone', () => {
  it('period: the quarter, the same quarter a year earlier and 2015Q4 before it', () => {
    expect(periodSection(q)).toEqual({
      from: '2016-01',
      to: '2016-03',
      months: 3,
      kind: 'quarter',
      label: '2016Q1',
      yearEarlier: { from: '2015-01', to: '2015-03' },
      preceding: { from: '2015-10', to: '2015-12' },
    });
  });

  it('units: counts, prorated targets, 同比 and 环比 (2015Q4 empty: no 环比 from 0)', () => {
    expect(units(q)).toEqual([
      {
        unit: 'A',
        complaints: 6,
        appealApproved: 2,
        unsubstantiated: 2,
        assessed: 4,
        target: 3, // 12 × 3/12
        overTargetRate: (4 - 3) / 3,
        overTarget: true,
        share: 6 / 9,
        customers: 30_000,
        ratePer10k: 2, // 6 / 30,000 × 10,000
        previous: 2,
        yoy: 2, // (6 − 2) / 2
        preceding: 0,
        mom: null,
        rank: 1,
      },
      {
        unit: 'B',
        complaints: 3,
        appealApproved: 0,
        unsubstantiated: 0,
        assessed: 3,
        target: 2,
        overTargetRate: 0.5,
        overTarget: true,
        share: 3 / 9,
        customers: 15_000,
        ratePer10k: 2,
        previous: 3,
        yoy: 0,
        preceding: 0,
        mom: null,
        rank: 2,
      },
    ]);
  });

  it('totals: from one pass and the units table', () => {
    expect(totals(q, units(q))).toEqual({
      workOrders: 10,
      complaints: 9,
      appealApproved: 2,
      unsubstantiated: 2,
      assessed: 7,
      target: 5,
      overTargetRate: (7 - 5) / 5,
      overTarget: true,
      unitsOverTarget: 2,
      unitsWithTarget: 2,
      // Both units have a target: the total target is held against every complaint.
      withTarget: { units: 2, complaints: 9, appealApproved: 2, unsubstantiated: 2, assessed: 7 },
      customers: 45_000,
      ratePer10k: 2, // 9 / 45,000 × 10,000
      previous: 5,
      yoy: (9 - 5) / 5,
      preceding: 0,
      mom: null,
      excludedByType: { 故障报修: 1 },
    });
  });

  it('targets: the prorating factor, nothing unmatched', () => {
    expect(targetMatch(q, units(q))).toEqual({
      file: 'targets.csv',
      prorated: true,
      factor: 0.25,
      basis: 'prorated',
      unitsWithoutTarget: [],
      targetsWithoutData: [],
      unmatched: [],
    });
    expect(targetMatch({ ...q, targets: null }, units(q))).toBeNull();
  });

  it('months and trend', () => {
    const rows = months(q);
    expect(rows.map((r) => [r.month, r.complaints, r.assessed, r.previous, r.mom, r.yoy])).toEqual([
      ['2016-01', 4, 2, 2, null, 1], // December 2015 covered but empty: no 环比 from 0
      ['2016-02', 2, 2, 3, -0.5, -1 / 3],
      ['2016-03', 3, 3, 0, 0.5, null],
    ]);
    expect(trend(q, rows).avgMonthlyReduction).toEqual({
      arithmetic: 0, // (0.5 − 0.5) / 2
      compound: 1 - Math.sqrt(3 / 4),
      from: '2016-01',
      to: '2016-03',
    });
  });

  it('class counts: per class once, rolled up to every level, per unit', () => {
    const c = classCounts(q);
    expect(c.total).toBe(9);
    const named = (counts: ReadonlyMap<{ name: string }, number>) =>
      Object.fromEntries([...counts].map(([n, v]) => [n.name, v]));
    expect(named(c.now)).toEqual({
      服务投诉: 4,
      服务态度: 4,
      停送电投诉: 2,
      抢修质量: 2,
      营业投诉: 3,
      抄表催费: 3,
    });
    expect(named(c.yearEarlier!)).toEqual({ 服务投诉: 2, 服务态度: 2, 停送电投诉: 3, 抢修质量: 3 });
    expect(named(c.preceding!)).toEqual({});
    expect(named(c.byUnit.get(0)!)).toEqual({
      服务投诉: 4,
      服务态度: 4,
      停送电投诉: 2,
      抢修质量: 2,
    });
    expect(named(c.byUnit.get(1)!)).toEqual({ 营业投诉: 3, 抄表催费: 3 });
  });

  it('categories: levels, disciplines and 同比', () => {
    const c = categories(q);
    expect(c.level1.map((r) => [r.code, r.complaints, r.previous, r.yoy])).toEqual([
      ['FW', 4, 2, 1],
      ['YY', 3, 0, null],
      ['TS', 2, 3, -1 / 3],
      ['ZL', 0, 0, null],
      ['JS', 0, 0, null],
    ]);
    expect(c.level2.find((r) => r.name === '抄表催费')).toEqual({
      code: 'YY03',
      name: '抄表催费',
      nameEn: 'Meter reading and collection',
      parent: 'YY',
      discipline: '营销',
      complaints: 3,
      share: 3 / 9,
      previous: 0,
      yoy: null,
    });
    expect(c.level3).toEqual([]); // no third-level complaint, then or now
    expect(c.discipline).toEqual([
      { name: '运检', complaints: 2, share: 2 / 9, previous: 3, yoy: -1 / 3 },
      { name: '营销', complaints: 7, share: 7 / 9, previous: 2, yoy: 2.5 },
    ]);
    expect(c.unclassified).toBe(0);
    // The disciplines' total: 2 + 7 now against 3 + 2 a year earlier.
    expect(c.classified).toEqual({ complaints: 9, previous: 5, yoy: 9 / 5 - 1 });
  });

  it('hot spots: ranked categories, each unit’s top three, what rose against the year before', () => {
    const h = hotspots(q, units(q));
    expect(h.level2.map((r) => [r.name, r.complaints, r.previous])).toEqual([
      ['服务态度', 4, 2],
      ['抄表催费', 3, 0],
      ['抢修质量', 2, 3],
    ]);
    expect(h.level3).toEqual([]);
    expect(h.byUnit).toEqual([
      {
        unit: 'A',
        complaints: 6,
        top: [
          { name: '服务态度', nameEn: node('服务态度').nameEn, complaints: 4, share: 4 / 6 },
          { name: '抢修质量', nameEn: node('抢修质量').nameEn, complaints: 2, share: 2 / 6 },
        ],
      },
      {
        unit: 'B',
        complaints: 3,
        top: [{ name: '抄表催费', nameEn: node('抄表催费').nameEn, complaints: 3, share: 1 }],
      },
    ]);
    expect(h.rising).toEqual({
      basis: 'yoy',
      categories: [
        {
          code: 'YY03',
          name: '抄表催费',
          nameEn: node('抄表催费').nameEn,
          complaints: 3,
          base: 0,
          increase: 3,
          rate: null,
        },
        {
          code: 'FW01',
          name: '服务态度',
          nameEn: node('服务态度').nameEn,
          complaints: 4,
          base: 2,
          increase: 2,
          rate: 1,
        },
      ],
    });
  });

  it('hot spots rise against the period before when the year before is not covered', () => {
    // Covered from 2015-10: 2015Q4 (no complaints) is the base, so everything now rose.
    const h = hotspots(
      input(Q1, { period: { quarter: '2016Q1' }, covered: [m(2015, 10), m(2016, 3)] }),
      [],
    );
    expect(h.rising!.basis).toBe('mom');
    expect(h.rising!.categories.map((r) => [r.name, r.base, r.increase])).toEqual([
      ['服务态度', 0, 4],
      ['抄表催费', 0, 3],
      ['抢修质量', 0, 2],
    ]);
  });

  it('seasonality: 15 months covered, each month of the year against the average month', () => {
    const s = seasonality(q)!;
    expect(s).toMatchObject({ from: '2015-01', to: '2016-03' });
    const overall = 14 / 15; // 2 + 3 in 2015, 4 + 2 + 3 in 2016, over 15 months
    expect(s.months.slice(0, 4)).toEqual([
      { month: 1, values: { '2015': 2, '2016': 4 }, mean: 3, index: 3 / overall },
      { month: 2, values: { '2015': 3, '2016': 2 }, mean: 2.5, index: 2.5 / overall },
      { month: 3, values: { '2015': 0, '2016': 3 }, mean: 1.5, index: 1.5 / overall },
      { month: 4, values: { '2015': 0 }, mean: 0, index: 0 },
    ]);
    expect(seasonality(input(Q1, { covered: [m(2015, 4), m(2016, 3)] }))).toBeNull(); // 12 months
  });

  it('extras: repeat complainants, timeliness and satisfaction per unit', () => {
    expect(repeatComplainants(q)).toEqual({
      byCustomer: {
        complainants: 1,
        complaints: 2,
        share: 2 / 9,
        top: [{ key: 'C1', complaints: 2, units: ['A'] }],
      },
      byPhone: { complainants: 0, complaints: 0, share: 0, top: [] },
    });
    const t = timeliness(q)!;
    expect(
      t.byUnit.map((u) => [u.unit, u.reply!.count, u.reply!.beforeAcceptance, u.reply!.meanHours]),
    ).toEqual([
      ['A', 2, 0, 13], // 1 h and 25 h
      ['B', 0, 1, null],
    ]);
    expect(satisfaction(q)!.byUnit).toEqual([
      { unit: 'A', surveyed: 2, satisfied: 1, satisfiedShare: 0.5 },
      { unit: 'B', surveyed: 1, satisfied: 1, satisfiedShare: 1 }, // 未回访 and 好评 not surveyed
    ]);
  });

  it('repeat complainants across units list each unit once', () => {
    const rows = [
      { unit: 'B', month: [2016, 1] as [number, number], customerId: 'C9' },
      { unit: 'A', month: [2016, 1] as [number, number], customerId: 'C9' },
      { unit: 'B', month: [2016, 2] as [number, number], customerId: 'C9' },
      { unit: 'A', month: [2016, 2] as [number, number], customerId: 'C8' },
    ];
    expect(repeatComplainants(input(rows, { fields: ['customerId'] }))).toEqual({
      byCustomer: {
        complainants: 1,
        complaints: 3,
        share: 3 / 4,
        top: [{ key: 'C9', complaints: 3, units: ['A', 'B'] }],
      },
      byPhone: null,
    });
  });

  it('notes: no appeal column, and one callback result not understood', () => {
    expect(
      notes(q, { targets: targetMatch(q, units(q)), satisfaction: satisfaction(q) }).map(
        (n) => n.code,
      ),
    ).toEqual(['no-appeal', 'satisfaction-unrecognised']);
  });

  // A pass is a groupBy (once per period a section compares: the period, a year earlier, the
  // one before) or the making of a column the groupings read (the unit, business type or class
  // of every cell: once per cube; a grouping's buckets come from a table of the period's days)
  // — never one per unit.
  it.each([
    ['units', 4, (i: AnalysisInput) => units(i)], // 3 groupings; the unit column
    ['totals', 5, (i: AnalysisInput) => totals(i, [])], // 4; type
    ['months', 1, (i: AnalysisInput) => months(i)], // 1
    ['class counts', 6, (i: AnalysisInput) => classCounts(i)], // 4; class and unit
    ['categories alone', 6, (i: AnalysisInput) => categories(i)],
    ['categories given the counts', 0, (i: AnalysisInput) => categories(i, classCounts(q))],
    ['hot spots alone', 6, (i: AnalysisInput) => hotspots(i, units(q))],
    ['seasonality', 1, (i: AnalysisInput) => seasonality(i)], // 1
    // 13 groupings (units 3, totals 4, months 1, class counts 4, seasonality 1), 3 columns, and
    // each unit's first and last month (a unit renamed: renamed-units.ts)
    ['analyse', 17, (i: AnalysisInput) => analyse(i)],
  ])('%s walks the cube %i time(s), however many units', (_, expected, section) => {
    // Over 2015-01 – 2016-03: long enough for seasonality, 同比 and 环比.
    const spread = (n: number) =>
      input(
        Array.from({ length: n }, (_, i) => ({
          unit: `U${i}`,
          month: [2015 + Math.floor((i % 15) / 12), 1 + ((i % 15) % 12)] as [number, number],
          class: '服务态度',
        })),
        { targets: { U1: [3, null] } },
      );
    for (const units of [40, 15]) {
      const { input: counted, passes } = counting(spread(units));
      section(counted);
      expect(passes(), `${units} units`).toBe(expected);
    }
  });
});

describe('analyse is the composition of the sections', () => {
  /** The sections called one by one, in the order of the Analysis keys. */
  function composed(i: AnalysisInput): Analysis {
    const timely = timeliness(i);
    const quarter = quarterFigures(i, timely);
    const u = withQuarterFigures(units(i), quarter);
    const monthRows = months(i);
    const targets = targetMatch(i, u);
    const satisfied = satisfaction(i);
    return {
      period: periodSection(i),
      totals: totals(i, u),
      units: u,
      months: monthRows,
      trend: trend(i, monthRows),
      categories: categories(i),
      seasonality: seasonality(i),
      hotspots: hotspots(i, u),
      repeatComplainants: repeatComplainants(i),
      timeliness: timely,
      satisfaction: satisfied,
      targets,
      yearToDate: yearToDate(i),
      settings: i.settings,
      notes: notes(i, { targets, satisfaction: satisfied }),
      days: days(i),
      dayComplaints: i.dayComplaints ?? null,
      breakdowns: breakdowns(i),
      quarterTotals: quarter?.totals ?? null,
    };
  }

  it.each([
    ['the quarter, prorated', q],
    [
      'no targets, unsubstantiated excluded',
      input(Q1, { period: { quarter: '2016Q1' }, settings: { excludeUnsubstantiated: true } }),
    ],
    [
      'targets without data',
      input(Q1, { period: { quarter: '2016Q1' }, targets: { A: [12, null], C: [5, null] } }),
    ],
    [
      'no year before',
      input(Q1, { period: { quarter: '2016Q1' }, covered: [m(2015, 2), m(2016, 3)] }),
    ],
    ['a month, no columns', input(Q1, { period: { month: '2016-02' }, fields: [] })],
    [
      'a month and its year to date, prorated',
      input(Q1, {
        period: { month: '2016-02' },
        targets: { A: [4, null], B: [8, null] },
        settings: { prorate: true },
      }),
    ],
    [
      'the whole span',
      input(Q1, {
        period: { from: '2015-01', to: '2016-03' },
        fields: ['appealResult', 'substantiated', 'phone'],
      }),
    ],
  ])('%s: same figures, same key order', (_, i) => {
    expect(JSON.stringify(analyse(i))).toBe(JSON.stringify(composed(i)));
  });
});
