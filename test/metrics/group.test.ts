/**
 * groupBy over a hand-built cube: which cells each dimension groups or leaves out, the buckets
 * of each grain (month ends, a leap day, an ISO week, quarters), assessed complaints with and
 * without the unsubstantiated, and an optional dimension chosen before reading.
 */
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/metrics/calendar.js';
import { buildCube, complaintClasses, unclassifiedIndex } from '../../src/metrics/cube.js';
import { BLANK, type OptionalDimension } from '../../src/metrics/dimensions.js';
import { bucketLabel, buckets, type Grain, type Period } from '../../src/metrics/period.js';
import {
  groupBy,
  NONE,
  tallyOf,
  type Group,
  type GroupDimension,
} from '../../src/metrics/group.js';
import { Records } from '../../src/metrics/records.js';
import { DISCIPLINES, loadTaxonomy } from '../../src/taxonomy/load.js';

const taxonomy = loadTaxonomy('sgcc-95598');
const classes = complaintClasses(taxonomy);
const node = (name: string) => taxonomy.nodes.findIndex((n) => n.name === name);
const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return daysFromCivil(y!, m!, d!);
};

interface Row {
  unit: string;
  date: string;
  /** A class name, '' for unclassified, or a business type after "type:". */
  kind: string;
  appeal?: boolean;
  unsub?: boolean;
  department?: string;
}

// 1 … 9, in the order read. 停送电投诉 alone is a first-level class with no second level.
const ROWS: Row[] = [
  { unit: '甲', date: '2016-01-31', kind: '服务态度', department: '营销部' },
  { unit: '甲', date: '2016-02-01', kind: '服务态度', appeal: true, department: '营销部' },
  { unit: '乙', date: '2016-02-29', kind: '抄表催费', unsub: true },
  { unit: '乙', date: '2016-03-01', kind: 'type:意见' },
  { unit: '甲', date: '2016-03-31', kind: '停送电投诉', department: '运检部' },
  { unit: '甲', date: '2016-04-01', kind: '' },
  { unit: '乙', date: '2015-12-31', kind: '服务态度' },
  { unit: '甲', date: '2016-01-04', kind: '服务态度', unsub: true, appeal: true },
  { unit: '乙', date: '2016-01-10', kind: 'type:故障报修' },
];

function cube(dimensions: OptionalDimension[] = []) {
  const records = new Records(dimensions);
  for (const row of ROWS) {
    const complaint = !row.kind.startsWith('type:');
    records.add({
      unit: row.unit,
      day: day(row.date),
      complaint,
      businessType: complaint ? undefined : row.kind.slice(5),
      classIndex: row.kind === '' ? unclassifiedIndex(taxonomy) : node(row.kind),
      appealApproved: row.appeal,
      unsubstantiated: row.unsub,
      dimensions: { department: row.department ?? null },
    });
  }
  return buildCube(records, classes);
}

const period = (from: string, to: string, grain: Grain): Period => ({
  from: day(from),
  to: day(to),
  grain,
});
const Q1 = period('2016-01-01', '2016-03-31', 'month');
const options = { excludeUnsubstantiated: false };

/** [key names, complaints per bucket, total complaints] per group. */
function summary(groups: Group[], names: (d: number, v: number) => string) {
  return groups.map((g) => [
    g.key.map((v, d) => names(d, v)).join('/'),
    g.buckets.map((b) => b.complaints),
    g.total.complaints,
  ]);
}

describe('groupBy', () => {
  const c = cube();
  const name = (by: GroupDimension) => (v: number) => {
    if (by === 'unit') return c.units[v]!;
    if (by === 'type') return c.types[v]!;
    if (by === 'discipline') return v === NONE ? '-' : DISCIPLINES[v]!;
    return v === NONE ? '-' : taxonomy.nodes[v]!.name;
  };

  it.each([
    [
      'unit',
      [
        ['甲', [2, 1, 1], 4],
        ['乙', [0, 1, 0], 1],
      ],
    ],
    // 停送电投诉 has no second level: left out of level2, counted in level1.
    [
      'level1',
      [
        ['服务投诉', [2, 1, 0], 3],
        ['营业投诉', [0, 1, 0], 1],
        ['停送电投诉', [0, 0, 1], 1],
      ],
    ],
    [
      'level2',
      [
        ['服务态度', [2, 1, 0], 3],
        ['抄表催费', [0, 1, 0], 1],
      ],
    ],
    [
      'class',
      [
        ['服务态度', [2, 1, 0], 3],
        ['抄表催费', [0, 1, 0], 1],
        ['停送电投诉', [0, 0, 1], 1],
      ],
    ],
    [
      'discipline',
      [
        ['营销', [2, 2, 0], 4],
        ['运检', [0, 0, 1], 1],
      ],
    ],
    // Other business types only: their work orders, no complaints.
    [
      'type',
      [
        ['意见', [0, 0, 0], 0],
        ['故障报修', [0, 0, 0], 0],
      ],
    ],
  ] as [GroupDimension, unknown[]][])('by %s over 2016Q1, by month', (by, expected) => {
    expect(summary(groupBy(c, [by], Q1, options), (_d, v) => name(by)(v))).toEqual(expected);
  });

  it('counts work orders, appeal-approved, unsubstantiated and assessed per bucket', () => {
    const all = tallyOf(c, Q1, options);
    expect(all.buckets.map((b) => Object.values(b))).toEqual([
      // workOrders, complaints, appealApproved, unsubstantiated, assessed
      [3, 2, 1, 1, 1], // rows 1, 8 and the 故障报修 of row 9
      [2, 2, 1, 1, 1], // rows 2 (approved) and 3 (unsubstantiated)
      [2, 1, 0, 0, 1], // row 4 (意见) and row 5
    ]);
    const strict = tallyOf(c, Q1, { excludeUnsubstantiated: true });
    // Row 8 is approved and unsubstantiated: subtracted once; row 3 now leaves the assessed.
    expect(strict.buckets.map((b) => b.assessed)).toEqual([1, 0, 1]);
  });

  it('gives an unclassified complaint the key NONE on class dimensions', () => {
    const april = period('2016-04-01', '2016-04-30', 'month');
    expect(groupBy(c, ['level1'], april, options).map((g) => g.key)).toEqual([[NONE]]);
    expect(groupBy(c, ['level2'], april, options).map((g) => g.key)).toEqual([[NONE]]);
    expect(groupBy(c, ['discipline'], april, options).map((g) => g.key)).toEqual([[NONE]]);
  });

  it('groups by two dimensions, in order of first appearance', () => {
    const groups = groupBy(c, ['unit', 'level1'], Q1, options);
    expect(summary(groups, (d, v) => name(d === 0 ? 'unit' : 'level1')(v))).toEqual([
      ['甲/服务投诉', [2, 1, 0], 3],
      ['乙/营业投诉', [0, 1, 0], 1],
      ['甲/停送电投诉', [0, 0, 1], 1],
    ]);
  });

  it.each([
    // A leap day between two month ends, one bucket a day.
    [
      period('2016-02-28', '2016-03-01', 'day'),
      ['2016-02-28', '2016-02-29', '2016-03-01'],
      [0, 1, 0],
      [0, 1, 1],
    ],
    // The ISO week 2016-W01 (Monday 4 to Sunday 10 January) holds rows 8 and 9, not row 1.
    [period('2016-01-04', '2016-01-10', 'week'), ['2016-W01'], [1], [2]],
    // Quarters across a year end.
    [period('2015-10-01', '2016-03-31', 'quarter'), ['2015Q4', '2016Q1'], [1, 5], [1, 7]],
    [period('2015-01-01', '2016-12-31', 'year'), ['2015', '2016'], [1, 6], [1, 8]],
  ] as [Period, string[], number[], number[]][])(
    'buckets at %j',
    (p, labels, complaints, workOrders) => {
      expect(buckets(p).map((b) => bucketLabel(p.grain, b))).toEqual(labels);
      const all = tallyOf(c, p, options);
      expect(all.buckets.map((b) => b.complaints)).toEqual(complaints);
      expect(all.buckets.map((b) => b.workOrders)).toEqual(workOrders);
    },
  );

  it('gives an empty tally for a period without cells', () => {
    const empty = tallyOf(c, period('2017-01-01', '2017-02-28', 'month'), options);
    expect(empty.buckets).toHaveLength(2);
    expect(empty.total.workOrders).toBe(0);
  });
});

describe('groupBy an optional dimension chosen before reading', () => {
  it('counts by department through its dictionary, blank as BLANK', () => {
    const c = cube(['department']);
    expect(c.values).toEqual([['营销部', '运检部']]);
    const groups = groupBy(c, ['department'], Q1, options);
    expect(groups.map((g) => [g.key[0], g.total.complaints, g.total.workOrders])).toEqual([
      [0, 2, 2], // 营销部: rows 1, 2
      [BLANK, 2, 4], // rows 3, 8 and the other types of rows 4, 9
      [1, 1, 1], // 运检部: row 5
    ]);
  });

  it('refuses a dimension the cube was not built by', () => {
    expect(() => groupBy(cube(), ['city'], Q1, options)).toThrow(/not built by city/);
  });
});
