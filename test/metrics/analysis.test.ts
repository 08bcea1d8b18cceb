import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/metrics/analysis.js';
import { seriesBy } from '../../src/metrics/trend.js';
import { input, m, Q1, q1Input, type Row } from '../helpers/analysis-input.js';

describe('analyse: a hand-counted quarter', () => {
  const a = analyse(q1Input());

  it('counts the totals', () => {
    expect(a.period).toMatchObject({ from: '2016-01', to: '2016-03', months: 3, kind: 'quarter' });
    expect(a.period.yearEarlier).toEqual({ from: '2015-01', to: '2015-03' });
    expect(a.totals).toMatchObject({
      workOrders: 10,
      complaints: 9,
      appealApproved: 2,
      unsubstantiated: 2,
      assessed: 7,
      target: 5, // 12 × 3/12 + 8 × 3/12
      previous: 5,
      excludedByType: { 故障报修: 1 },
      unitsOverTarget: 2,
      unitsWithTarget: 2,
      customers: 45_000,
    });
    expect(a.totals.overTargetRate).toBeCloseTo(0.4, 12);
    expect(a.totals.yoy).toBeCloseTo(0.8, 12);
    expect(a.totals.ratePer10k).toBeCloseTo(2, 12);
  });

  it.each([
    // unit, complaints, approved, assessed, target, overTargetRate, share, previous, yoy, rank, per 10k
    ['A', 6, 2, 4, 3, 1 / 3, 6 / 9, 2, 2, 1, 2],
    ['B', 3, 0, 3, 2, 0.5, 3 / 9, 3, 0, 2, 2],
  ])(
    'unit %s',
    (unit, complaints, approved, assessed, target, rate, sh, previous, yoy, rank, per10k) => {
      const u = a.units.find((x) => x.unit === unit)!;
      expect(u).toMatchObject({
        complaints,
        appealApproved: approved,
        assessed,
        target,
        previous,
        rank,
      });
      expect(u.overTargetRate).toBeCloseTo(rate, 12);
      expect(u.share).toBeCloseTo(sh, 12);
      expect(u.yoy).toBeCloseTo(yoy, 12);
      expect(u.ratePer10k).toBeCloseTo(per10k, 12);
      expect(u.overTarget).toBe(true);
    },
  );

  it('lists units by assessed complaints, most first', () => {
    expect(a.units.map((u) => u.unit)).toEqual(['A', 'B']);
  });

  it.each([
    // month, complaints, assessed, mom, previous, yoy
    ['2016-01', 4, 2, null, 2, 1], // December 2015 is covered but empty: no 环比 from 0
    ['2016-02', 2, 2, -0.5, 3, -1 / 3],
    ['2016-03', 3, 3, 0.5, 0, null],
  ])('month %s', (month, complaints, assessed, mom, previous, yoy) => {
    const row = a.months.find((x) => x.month === month)!;
    expect(row).toMatchObject({ complaints, assessed, previous });
    if (mom === null) expect(row.mom).toBeNull();
    else expect(row.mom).toBeCloseTo(mom, 12);
    if (yoy === null) expect(row.yoy).toBeNull();
    else expect(row.yoy).toBeCloseTo(yoy, 12);
  });

  it('averages the monthly reduction both ways', () => {
    expect(a.trend.avgMonthlyReduction.arithmetic).toBeCloseTo(0, 12); // (0.5 − 0.5) / 2
    expect(a.trend.avgMonthlyReduction.compound).toBeCloseTo(1 - Math.sqrt(3 / 4), 12);
  });

  it('rolls categories up to level 1 and to discipline, with 同比', () => {
    const l1 = Object.fromEntries(
      a.categories.level1.map((r) => [r.name, [r.complaints, r.previous]]),
    );
    expect(l1).toMatchObject({
      服务投诉: [4, 2],
      营业投诉: [3, 0],
      停送电投诉: [2, 3],
      供电质量投诉: [0, 0],
    });
    const d = Object.fromEntries(a.categories.discipline.map((r) => [r.name, r]));
    expect(d['营销']).toMatchObject({ complaints: 7, previous: 2 });
    expect(d['营销']!.yoy).toBeCloseTo(2.5, 12);
    expect(d['运检']).toMatchObject({ complaints: 2, previous: 3 });
    expect(d['运检']!.yoy).toBeCloseTo(-1 / 3, 12);
    expect(a.categories.unclassified).toBe(0);
  });

  it('finds the hot spots and what rose fastest', () => {
    expect(a.hotspots.level2.map((r) => [r.name, r.complaints])).toEqual([
      ['服务态度', 4],
      ['抄表催费', 3],
      ['抢修质量', 2],
    ]);
    expect(a.hotspots.rising).toMatchObject({ basis: 'yoy' });
    expect(a.hotspots.rising!.categories.map((r) => [r.name, r.base, r.complaints])).toEqual([
      ['抄表催费', 0, 3],
      ['服务态度', 2, 4],
    ]);
    expect(a.hotspots.byUnit[0]).toMatchObject({
      unit: 'A',
      top: [
        { name: '服务态度', complaints: 4 },
        { name: '抢修质量', complaints: 2 },
      ],
    });
  });

  it('counts repeat complainants within the period only', () => {
    expect(a.repeatComplainants!.byCustomer).toMatchObject({
      complainants: 1,
      complaints: 2,
      top: [{ key: 'C1', complaints: 2, units: ['A'] }],
    });
    // P1 complained once in the period (and once the year before): not a repeat.
    expect(a.repeatComplainants!.byPhone).toMatchObject({
      complainants: 0,
      complaints: 0,
      top: [],
    });
  });

  it('measures timeliness against the limit, leaving out replies before acceptance', () => {
    expect(a.timeliness!.reply).toMatchObject({
      count: 2,
      beforeAcceptance: 1,
      meanHours: 13,
      medianHours: 13,
      limitHours: 24,
      overLimit: 1,
      overLimitShare: 0.5,
      limit: { value: 24, unit: 'hours' },
    });
    expect(a.timeliness!.calendar).toBeNull();
    expect(a.timeliness!.close).toMatchObject({ count: 0, meanHours: null, overLimitShare: null });
  });

  it('groups callback results and computes the satisfied share', () => {
    expect(a.satisfaction).toMatchObject({
      byValue: { 满意: 2, 不满意: 1, 未回访: 1, 好评: 1, '(空)': 4 },
      satisfied: 2,
      dissatisfied: 1,
      neutral: 0,
      notSurveyed: 5,
      unrecognised: 1,
    });
    expect(a.satisfaction!.satisfiedShare).toBeCloseTo(2 / 3, 12);
    expect(a.notes.map((n) => n.code)).toContain('satisfaction-unrecognised');
  });
});

describe('analyse: settings and edge cases', () => {
  it('subtracts a complaint both appeal-approved and unsubstantiated once', () => {
    const a = analyse(
      input(Q1, { period: { quarter: '2016Q1' }, settings: { excludeUnsubstantiated: true } }),
    );
    expect(a.totals.assessed).toBe(6); // 9 − |{approved} ∪ {unsubstantiated}| = 9 − 3
    // A and B now both have 3 assessed: they share rank 1, more complaints first.
    expect(a.units.map((u) => [u.unit, u.assessed, u.rank])).toEqual([
      ['A', 3, 1],
      ['B', 3, 1],
    ]);
  });

  it('holds annual targets against a range of months unless --prorate', () => {
    const range = { from: '2016-01', to: '2016-03' };
    const a = analyse(input(Q1, { period: range, targets: { A: [12, null], B: [8, null] } }));
    expect(a.totals.target).toBe(20);
    expect(a.units.find((u) => u.unit === 'A')!.overTargetRate).toBeCloseTo((4 - 12) / 12, 12);
    expect(a.totals.customers).toBeNull();
    expect(a.notes.map((n) => n.code)).toContain('targets-not-prorated');
    const prorated = analyse(
      input(Q1, { period: range, targets: { A: [12, null] }, settings: { prorate: true } }),
    );
    expect(prorated.notes.map((n) => n.code)).not.toContain('targets-not-prorated');
  });

  it('holds a quarter against its share of the annual targets, --prorate or not', () => {
    const a = analyse(
      input(Q1, { period: { quarter: '2016Q1' }, targets: { A: [12, null], B: [8, null] } }),
    );
    expect(a.totals.target).toBe(5); // (12 + 8) × 3/12
    expect(a.targets).toMatchObject({ basis: 'prorated', prorated: true, factor: 0.25 });
    expect(a.notes.map((n) => n.code)).not.toContain('targets-not-prorated');
  });

  it('lists units without a target and targets without data, never guessing', () => {
    const a = analyse(
      input(Q1, {
        period: { from: '2016-01', to: '2016-03' },
        targets: { A: [12, null], C: [5, null] },
      }),
    );
    expect(a.targets).toMatchObject({ unitsWithoutTarget: ['B'], targetsWithoutData: ['C'] });
    const b = a.units.find((u) => u.unit === 'B')!;
    expect(b).toMatchObject({ target: null, overTargetRate: null, overTarget: null });
    expect(a.totals.target).toBe(12);
    expect(a.totals.overTargetRate).toBeCloseTo((4 - 12) / 12, 12); // only units with a target
    expect(a.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['units-without-target', 'targets-without-data']),
    );
  });

  it('has no 同比 when the year before is not covered, and says so', () => {
    const a = analyse(
      input(Q1, { period: { quarter: '2016Q1' }, covered: [m(2015, 2), m(2016, 3)] }),
    );
    expect(a.period.yearEarlier).toBeNull();
    expect(a.totals.previous).toBeNull();
    expect(a.totals.yoy).toBeNull();
    expect(a.units.every((u) => u.previous === null && u.yoy === null)).toBe(true);
    expect(a.categories.discipline.every((d) => d.previous === null)).toBe(true);
    expect(a.months[0]!.previous).toBeNull();
    expect(a.months[1]!.previous).toBe(3); // February 2015 is covered
    expect(a.notes.map((n) => n.code)).toContain('no-yoy');
  });

  it('takes the later copy of a work order (same entry)', () => {
    const a = analyse(
      input(
        [
          { id: 0, unit: 'A', month: [2016, 1], class: '服务态度' },
          { id: 1, unit: 'A', month: [2016, 1], class: '服务态度' },
          { id: 0, unit: 'B', month: [2016, 1], class: '抄表催费', appealApproved: true },
          { id: 1, unit: 'A', month: [2016, 1], type: '意见' },
        ],
        { period: { month: '2016-01' } },
      ),
    );
    expect(a.totals).toMatchObject({
      workOrders: 2,
      complaints: 1,
      appealApproved: 1,
      assessed: 0,
    });
    expect(a.units.map((u) => [u.unit, u.complaints])).toEqual([
      ['B', 1],
      ['A', 0],
    ]);
    expect(a.totals.excludedByType).toEqual({ 意见: 1 });
  });

  it('counts unclassified complaints and leaves out extras whose columns are missing', () => {
    const a = analyse(
      input([{ unit: 'A', month: [2016, 1] }], { period: { month: '2016-01' }, fields: [] }),
    );
    expect(a.categories.unclassified).toBe(1);
    // Not in the disciplines' total; no year earlier to compare with.
    expect(a.categories.classified).toEqual({ complaints: 0, previous: null, yoy: null });
    expect(a.repeatComplainants).toBeNull();
    expect(a.timeliness).toBeNull();
    expect(a.satisfaction).toBeNull();
    expect(a.seasonality).toBeNull();
    expect(a.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining([
        'no-repeat',
        'no-reply',
        'no-close',
        'no-satisfaction',
        'no-seasonality',
      ]),
    );
  });

  it('profiles the months of the year when the inputs span more than a year', () => {
    const rows: Row[] = [];
    // 2015: 1 complaint a month, 2 in July; 2016: 3 a month, 5 in July.
    for (let month = 1; month <= 12; month++) {
      for (let i = 0; i < (month === 7 ? 2 : 1); i++)
        rows.push({ unit: 'A', month: [2015, month] });
      for (let i = 0; i < (month === 7 ? 5 : 3); i++)
        rows.push({ unit: 'A', month: [2016, month] });
    }
    const a = analyse(input(rows, { period: { year: '2016' } }));
    const s = a.seasonality!;
    expect(s).toMatchObject({ from: '2015-01', to: '2016-12' });
    const overall = (13 + 38) / 24; // 11 + 2 in 2015, 33 + 5 in 2016
    expect(s.months[6]).toMatchObject({ month: 7, values: { '2015': 2, '2016': 5 }, mean: 3.5 });
    expect(s.months[6]!.index).toBeCloseTo(3.5 / overall, 12);
    expect(s.months[0]!.mean).toBe(2);
  });
});

describe('seriesBy (trend --by)', () => {
  it.each([
    [
      'unit',
      [
        ['A', 6, [4, 2, 0]],
        ['B', 3, [0, 0, 3]],
      ],
    ],
    [
      'discipline',
      [
        ['营销', 7, [4, 0, 3]],
        ['运检', 2, [0, 2, 0]],
      ],
    ],
    [
      'level1',
      [
        ['服务投诉', 4, [4, 0, 0]],
        ['营业投诉', 3, [0, 0, 3]],
        ['停送电投诉', 2, [0, 2, 0]],
      ],
    ],
  ] as const)('by %s', (by, expected) => {
    const series = seriesBy(input(Q1, { period: { quarter: '2016Q1' } }), by);
    expect(series.map((s) => [s.name, s.complaints, s.months.map((x) => x.complaints)])).toEqual(
      expected,
    );
  });
});
