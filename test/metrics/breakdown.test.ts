/**
 * --by (metrics/breakdown.ts): groups, shares, 同比/环比 and ranks of hand-counted quarters, and
 * a two-way table whose rows and columns add up to the one-way breakdowns.
 */
import { describe, expect, it } from 'vitest';
import {
  breakdown,
  breakdownRows,
  margin,
  type BreakdownGroup,
  type KeyedCounts,
} from '../../src/metrics/breakdown.js';
import { breakdownDimension, cubeDimensions } from '../../src/metrics/dimensions.js';
import { input, type Row } from '../helpers/analysis-input.js';

// 2016Q1 by 受理渠道, hand-counted. 95598: A Jan ×2 (one appeal-approved), B Mar; 网上国网: A Feb;
// blank: B Mar; a repair order on 12398 (not a complaint). The year before: 95598 A Jan 2015,
// 12398 B Feb 2015. The quarter before: 95598 A Nov 2015.
const ch = (channel: string | null) => ({ dimensions: { channel } });
const ROWS: Row[] = [
  { unit: 'A', month: [2016, 1], class: '服务态度', appealApproved: true, ...ch('95598') },
  { unit: 'A', month: [2016, 1], class: '服务态度', ...ch('95598') },
  { unit: 'A', month: [2016, 2], class: '抢修质量', ...ch('网上国网') },
  { unit: 'B', month: [2016, 3], class: '抄表催费', ...ch('95598') },
  { unit: 'B', month: [2016, 3], class: '抄表催费', ...ch(null) },
  { unit: 'B', month: [2016, 3], type: '故障报修', ...ch('12398') },
  { unit: 'A', month: [2015, 1], class: '服务态度', ...ch('95598') },
  { unit: 'B', month: [2015, 2], class: '抢修质量', ...ch('12398') },
  { unit: 'A', month: [2015, 11], class: '服务态度', ...ch('95598') },
];
const quarter = input(ROWS, { period: { quarter: '2016Q1' }, dimensions: ['channel'] });

type Figures = Omit<BreakdownGroup, 'keyEn'>;
const row = (
  key: string[],
  complaints: number,
  assessed: number,
  share: number | null,
  previous: number | null,
  yoy: number | null,
  preceding: number | null,
  mom: number | null,
  rank: number,
): Figures => ({ key, complaints, assessed, share, previous, yoy, preceding, mom, rank });
const figures = (groups: readonly BreakdownGroup[]) => groups.map(({ keyEn: _, ...g }) => g);

describe('breakdown by one dimension', () => {
  const b = breakdown(quarter, ['channel']);

  it('counts each channel, blank its own group, with share, 同比, 环比 and rank', () => {
    expect(b.by).toEqual(['channel']);
    expect(figures(b.groups)).toEqual([
      row(['95598'], 3, 2, 0.6, 1, 2, 1, 2, 1),
      row(['(空)'], 1, 1, 0.2, 0, null, 0, null, 2),
      row(['网上国网'], 1, 1, 0.2, 0, null, 0, null, 2),
      // No complaint now, one a year earlier: listed, down 100%.
      row(['12398'], 0, 0, 0, 1, -1, 0, null, 4),
    ]);
    expect(b.groups.map((g) => g.keyEn[0])).toEqual(['95598', 'blank', '网上国网', '12398']);
  });

  it('totals the quarter', () => {
    expect(b.totals).toEqual({
      complaints: 5,
      assessed: 4,
      previous: 2,
      yoy: 1.5,
      preceding: 1,
      mom: 4,
      margins: [],
    });
  });

  it('has no 同比 or 环比 where the inputs do not cover the periods compared', () => {
    const alone = input(ROWS.slice(0, 6), {
      period: { quarter: '2016Q1' },
      dimensions: ['channel'],
    });
    const g = breakdown(alone, ['channel']).groups[0]!;
    expect([g.previous, g.yoy, g.preceding, g.mom]).toEqual([null, null, null, null]);
  });

  it('by month: each month against its own year earlier and the month before', () => {
    const byMonth = breakdown(quarter, ['month']);
    expect(figures(byMonth.groups)).toEqual([
      row(['2016-01'], 2, 1, 0.4, 1, 1, 0, null, 1),
      row(['2016-02'], 1, 1, 0.2, 1, 0, 2, -0.5, 3),
      row(['2016-03'], 2, 2, 0.4, 0, null, 1, 1, 1),
    ]);
    // The total is the quarter's: against 2015Q4 (1, A Nov 2015), not the sum of each month's
    // month before (Dec 0 + Jan 2 + Feb 1 = 3); a year earlier, Jan + Feb 2015 (2).
    const { margins: _, ...totals } = byMonth.totals;
    expect(totals).toEqual({
      complaints: 5,
      assessed: 4,
      previous: 2,
      yoy: 1.5,
      preceding: 1,
      mom: 4,
    });
  });

  it('by month and unit: each unit row totalled against the quarter before', () => {
    const [months, units] = breakdown(quarter, ['month', 'unit']).totals.margins;
    // Months against their months before, as one-way; units against 2015Q4 (A 1, B 0).
    expect(figures(months!)).toEqual(figures(breakdown(quarter, ['month']).groups));
    expect(figures(units!)).toEqual([
      row(['A'], 3, 2, 0.6, 1, 2, 1, 2, 1),
      row(['B'], 2, 2, 0.4, 1, 1, 0, null, 2),
    ]);
  });
});

describe('breakdown by two dimensions (a matrix)', () => {
  const b = breakdown(quarter, ['unit', 'channel']);

  it('counts each cell', () => {
    expect(figures(b.groups)).toEqual([
      row(['A', '95598'], 2, 1, 0.4, 1, 1, 1, 1, 1),
      row(['A', '网上国网'], 1, 1, 0.2, 0, null, 0, null, 2),
      row(['B', '(空)'], 1, 1, 0.2, 0, null, 0, null, 2),
      row(['B', '95598'], 1, 1, 0.2, 0, null, 0, null, 2),
      row(['B', '12398'], 0, 0, 0, 1, -1, 0, null, 5),
    ]);
  });

  it('totals each row and column: the one-way breakdowns', () => {
    const [rows, columns] = b.totals.margins;
    expect(figures(rows!)).toEqual([
      row(['A'], 3, 2, 0.6, 1, 2, 1, 2, 1),
      row(['B'], 2, 2, 0.4, 1, 1, 0, null, 2),
    ]);
    expect(figures(columns!)).toEqual(figures(breakdown(quarter, ['channel']).groups));
    expect(b.totals.complaints).toBe(5);
  });
});

describe('breakdownRows and margin (pure)', () => {
  const k = (key: string[], complaints: number, assessed = complaints): KeyedCounts => ({
    key,
    complaints,
    assessed,
  });

  it.each<[string, KeyedCounts[], KeyedCounts[] | null, Figures[]]>([
    [
      'equal keys merge (two codes named alike)',
      [k(['城市'], 3), k(['农村'], 1), k(['城市'], 2, 1)],
      [k(['城市'], 4), k(['农村'], 2)],
      [
        row(['城市'], 5, 4, 5 / 6, 4, 0.25, null, null, 1),
        row(['农村'], 1, 1, 1 / 6, 2, -0.5, null, null, 2),
      ],
    ],
    [
      'ties share a rank; the next rank skips',
      [k(['a'], 2), k(['b'], 2), k(['c'], 1)],
      null,
      [
        row(['a'], 2, 2, 0.4, null, null, null, null, 1),
        row(['b'], 2, 2, 0.4, null, null, null, null, 1),
        row(['c'], 1, 1, 0.2, null, null, null, null, 3),
      ],
    ],
    ['no complaints at all: no share', [k(['a'], 0)], null, []],
  ])('%s', (_, now, earlier, expected) => {
    expect(figures(breakdownRows(now, earlier, null))).toEqual(expected);
  });

  it('sums a matrix over one dimension', () => {
    const cells = [k(['A', 'x'], 1), k(['A', 'y'], 2), k(['B', 'x'], 4)];
    expect(margin(cells, 0)).toEqual([k(['A'], 3), k(['B'], 4)]);
    expect(margin(cells, 1)).toEqual([k(['x'], 5), k(['y'], 2)]);
  });
});

describe('--by names', () => {
  it.each([
    ['channel', 'channel'],
    ['Channel', 'channel'],
    ['受理渠道', 'channel'],
    ['URBAN_RURAL_FLAG', 'urbanRural'],
    ['用电类别', 'customerType'],
    ['所属供电所', 'station'],
    ['一级分类', 'level1'],
    ['供电单位', 'unit'],
    ['month', 'month'],
    ['department', 'department'],
    ['业务类型', 'column:业务类型'],
    ['ZONE_CODE', 'column:ZONE_CODE'],
  ])('%s is %s', (name, dimension) => {
    expect(breakdownDimension(name)).toBe(dimension);
  });

  it('chooses the cube dimensions, each once', () => {
    expect(cubeDimensions([['unit', 'channel'], ['受理渠道'], ['level1', 'ZONE']])).toEqual([
      'channel',
      'column:ZONE',
    ]);
  });
});
