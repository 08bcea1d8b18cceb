/**
 * Partial aggregates merge into exactly what one pass gives: merge(split(x)) == whole(x) on
 * every fixture, split at every input boundary and at arbitrary rows, comparing the whole
 * result (ingest summaries, totals, the cube, the complaint rows in order, the analysis); and
 * hand-counted tables of the later-copy-wins rule across partials.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAggregate, readPartials } from '../../src/aggregate.js';
import { DIGEST_SEED, digestText } from '../../src/ingest/dedup.js';
import { daysFromCivil } from '../../src/metrics/calendar.js';
import { PartialBuilder } from '../../src/ingest/partial.js';
import type { InputHeader } from '../../src/ingest/summary.js';
import type { IngestSettings } from '../../src/ingest/types.js';
import {
  merge,
  noneClassified,
  type Aggregate,
  type PartialAggregate,
} from '../../src/metrics/aggregate.js';
import { analyse, DEFAULT_SETTINGS } from '../../src/metrics/analysis.js';
import { buildCube, complaintClasses, type Cube } from '../../src/metrics/cube.js';
import {
  APPEAL_APPROVED,
  COMPLAINT,
  type OptionalDimension,
} from '../../src/metrics/dimensions.js';
import { groupBy, tallyOf } from '../../src/metrics/group.js';
import { monthPeriod } from '../../src/metrics/period.js';
import { NO_SLOT, Records } from '../../src/metrics/records.js';
import { analysisInput } from '../../src/pipeline.js';
import { Classifier } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const taxonomy = loadTaxonomy('sgcc-95598');
const classifier = new Classifier(taxonomy);
const classes = complaintClasses(taxonomy);
const settings: IngestSettings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };

/** The complaint rows still counted, in their order, with their values spelt out. */
function liveRows(records: Records) {
  const rows: unknown[] = [];
  for (let r = 0; r < records.complaintRows; r++) {
    const cell = records.cellOf(r);
    if (cell < 0) continue;
    const slot = (s: number, texts: Map<number, string>) =>
      s === NO_SLOT ? null : (texts.get(s) ?? `#${s}`);
    const satisfaction = records.satisfaction(r);
    rows.push([
      records.units.list[records.cellUnit[cell]!],
      records.cellDay[cell],
      records.replySeconds(r),
      records.closeSeconds(r),
      satisfaction === 0 ? null : records.satisfactions.list[satisfaction - 1],
      slot(records.customer(r), records.customers.text),
      slot(records.phone(r), records.phones.text),
      records.acceptSecond(r),
    ]);
  }
  return rows;
}

/** The cube's cells in order: unit, day, kind, flags, count, then the optional dimensions. */
function cellsOf(cube: Cube): number[][] {
  return Array.from({ length: cube.size }, (_, c) => [
    cube.unit[c]!,
    cube.day[c]!,
    cube.kind[c]!,
    cube.flags[c]!,
    cube.count[c]!,
    ...cube.extra.map((values) => values[c]!),
  ]);
}

/** Everything a run computes from the data set, as text: key order and float bits included. */
function everything(aggregate: Aggregate, inputs: string[]): string {
  const input = analysisInput(aggregate, {
    inputs,
    request: { from: null, to: null, kind: 'auto', label: null },
    settings: DEFAULT_SETTINGS,
    taxonomy,
    targets: null,
  });
  const { records } = aggregate;
  const cube = buildCube(records, classes);
  return JSON.stringify({
    ingest: aggregate.ingest,
    classifiedBy: aggregate.classifiedBy,
    units: records.units.list,
    types: records.types.list,
    values: cube.values,
    cells: cellsOf(cube),
    rows: liveRows(records),
    analysis: analyse(input),
  });
}

/** A deterministic choice per (seed, input, row), true with probability p. */
const chance = (seed: number, p: number) => (input: number, row: number) => {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(input + 1, 0xc2b2ae35);
  h = Math.imul(h ^ row ^ (h >>> 13), 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 0x100000000 < p;
};

async function splitRun(
  inputs: string[],
  splitBefore?: (input: number, row: number) => boolean,
  dimensions: OptionalDimension[] = [],
) {
  const { partials, headers } = await readPartials(inputs, settings, {
    classifier,
    splitBefore,
    dimensions,
  });
  // Partials are plain data: merged as a worker thread would hand them over, copied by the
  // structured clone of postMessage.
  const copies = partials.map((p) => structuredClone(p));
  return { count: partials.length, text: everything(merge(copies, headers), inputs) };
}

// A small export with runs of copies of one work order that change between copies: class,
// unit, month, appeal, satisfaction, business type (a complaint becomes an opinion and back),
// and rows without an id.
const dir = mkdtempSync(join(tmpdir(), 'complaints-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copiesCsv(seed: number, rows: number): string {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const pick = <T>(list: readonly T[]) => list[next(list.length)]!;
  const lines = [
    '工单编号,受理时间,供电单位,业务类型,一级分类,二级分类,客户编号,联系电话,申诉结果,回复时间,回访满意度,处理部门,是否越级',
  ];
  let id = 'G1';
  for (let i = 0; i < rows; i++) {
    // Four times in ten, another copy of the same work order straight after.
    if (next(10) >= 4) id = next(8) === 0 ? '' : `G${next(12)}`;
    const month = pick(['01', '02', '03']);
    const [level1, level2] = pick([
      ['服务投诉', '服务态度'],
      ['营业投诉', '抄表催费'],
      ['停送电投诉', '抢修质量'],
      ['', ''],
    ]);
    lines.push(
      [
        id,
        `2016-${month}-1${next(9)} 10:00:00`,
        pick(['甲供电公司', '乙供电公司']),
        pick(['投诉', '投诉', '投诉', '意见', '故障报修']),
        level1,
        level2,
        pick(['C1', 'C2', 'C3', 'C4', '']),
        pick(['139001', '139002', '']),
        pick(['申诉成功', '', '']),
        pick([`2016-${month}-20 10:00:00`, '']),
        pick(['满意', '一般', '不满意', '', '未回访']),
        pick(['营销部', '运检部', '']),
        pick(['是', '否', '']),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

const copies = join(dir, 'copies.csv');
writeFileSync(copies, copiesCsv(7, 120));
const copiesB = join(dir, 'copies-b.csv');
writeFileSync(copiesB, copiesCsv(11, 80));

const M = 'fixtures/metrics';
const F = 'fixtures';
const INPUT_SETS: string[][] = [
  [`${F}/95598-2016-09-11.xlsx`],
  [`${F}/95598-2016-11-12-gb18030.csv`],
  [`${F}/95598-2016-08-pinyin.csv`],
  [`${F}/95598-2016-07-utf16.txt`],
  [
    `${F}/95598-2016-09-11.xlsx`,
    `${F}/95598-2016-11-12-gb18030.csv`,
    `${F}/95598-2016-08-pinyin.csv`,
    `${F}/95598-2016-07-utf16.txt`,
  ],
  [`${M}/95598-2015.xlsx`, `${M}/95598-2016-01-06.xlsx`, `${M}/95598-2016-06-12-gb18030.csv`],
  [`${M}/95598-2016-06-12-gb18030.csv`, `${M}/95598-2016-01-06.xlsx`, `${M}/95598-2015.xlsx`],
  [`${M}/95598-2016-04-12-series.csv`],
  [`${M}/95598-2016-06-12-gb18030.csv`, `${M}/95598-2016-06-12-gb18030.csv`],
  [copies],
  [copies, copiesB, copies],
];

describe('merge(split(x)) == whole(x)', () => {
  it.each(INPUT_SETS.map((inputs) => [inputs.join(' '), inputs]))('%s', async (_name, inputs) => {
    const whole = everything(await readAggregate(inputs, settings, { classifier }), inputs);
    // One partial per input: split at every input boundary.
    expect((await splitRun(inputs)).text).toBe(whole);
    for (const seed of [1, 2, 3]) {
      for (const p of [0.05, 0.3]) {
        const split = await splitRun(inputs, chance(seed, p));
        expect(split.count).toBeGreaterThan(inputs.length);
        expect(split.text, `seed ${seed}, p ${p}`).toBe(whole);
      }
    }
  });

  it('holds with optional dimensions chosen before reading', async () => {
    const inputs = [copies, `${F}/95598-2016-09-11.xlsx`, copiesB];
    const dimensions: OptionalDimension[] = ['department', 'escalated', 'city'];
    const aggregate = await readAggregate(inputs, settings, { classifier, dimensions });
    const whole = everything(aggregate, inputs);
    expect((await splitRun(inputs, chance(5, 0.2), dimensions)).text).toBe(whole);
    // Every work order is counted under one department (or none): the groups add up.
    const cube = buildCube(aggregate.records, classes);
    expect(cube.values[0]).toEqual(expect.arrayContaining(['营销部', '运检部']));
    const all = monthPeriod(2016 * 12, 2016 * 12 + 11);
    const byDepartment = groupBy(cube, ['department'], all, DEFAULT_SETTINGS);
    const sum = byDepartment.reduce((n, g) => n + g.total.workOrders, 0);
    expect(byDepartment.length).toBeGreaterThan(2);
    expect(sum).toBe(tallyOf(cube, all, DEFAULT_SETTINGS).total.workOrders);
    expect(sum).toBe(aggregate.ingest.totals.workOrders);
  });

  it('holds with every row a partial of its own, through every run of copies', async () => {
    const inputs = [copies, copiesB];
    const whole = everything(await readAggregate(inputs, settings, { classifier }), inputs);
    const split = await splitRun(inputs, () => true);
    expect(split.count).toBe(200);
    expect(split.text).toBe(whole);
  });
});

// Hand-written partials: one row per work-order copy, counted as the reader counts them.
interface Row {
  id?: string;
  unit?: string;
  day?: number;
  type?: string;
  class?: string;
  appeal?: boolean;
  satisfaction?: string;
  customer?: string;
}

const classIndex = (name: string) => taxonomy.nodes.findIndex((n) => n.name === name);

function partial(input: number, rows: Row[]): PartialAggregate {
  const builder = new PartialBuilder(input, new Set(['投诉']));
  const records = new Records([], input > 0);
  for (const row of rows) {
    const type = row.type ?? '投诉';
    const typeId = builder.typeId(type);
    const { id, ...values } = row;
    const entry = builder.identify(id ?? null, digestText(DIGEST_SEED, JSON.stringify(values)));
    builder.count(typeId, entry);
    builder.counts.rows++;
    const complaint = type === '投诉';
    records.add(
      {
        unit: row.unit ?? '甲',
        day: row.day ?? JAN,
        complaint,
        businessType: complaint ? undefined : type,
        classIndex: classIndex(row.class ?? '服务态度'),
        appealApproved: row.appeal ?? false,
        satisfaction: row.satisfaction ?? null,
        customerId: row.customer ?? null,
      },
      entry,
    );
  }
  return { ingest: builder.finish(), records: records.toPartial(), classifiedBy: noneClassified() };
}

function header(input: number): InputHeader {
  return {
    input,
    file: `in${input}.csv`,
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    sheet: null,
    headerRow: 1,
    title: null,
    columns: [{ header: '工单编号', field: 'id', column: 1 }],
    unmapped: [],
    notes: [],
  };
}

/** The merge of one partial per list of rows, and what one partial of all the rows gives. */
function mergedAndWhole(...inputs: Row[][]) {
  const merged = merge(
    inputs.map((rows, i) => partial(i, rows)),
    inputs.map((_, i) => header(i)),
  );
  const whole = merge([partial(0, inputs.flat())], [header(0)]);
  const view = (a: Aggregate) => ({
    cells: cellsOf(buildCube(a.records, classes)).map(([unit, day, kind, flags, count]) => ({
      unit: a.records.units.list[unit!],
      day,
      kind: flags! & COMPLAINT ? classes[kind!]!.node?.name : a.records.types.list[kind!],
      appealApproved: (flags! & APPEAL_APPROVED) !== 0,
      count,
    })),
    rows: liveRows(a.records),
    totals: a.ingest.totals,
  });
  return { merged: view(merged), whole: view(whole), inputs: merged.ingest.inputs };
}

const JAN = daysFromCivil(2016, 1, 15);
const FEB = daysFromCivil(2016, 2, 15);
const totals = (t: Partial<Aggregate['ingest']['totals']>) => ({
  workOrders: 1,
  complaints: 1,
  duplicates: 1,
  duplicatesDiffering: 1,
  rejected: 0,
  excludedByType: {},
  withoutId: 0,
  complaintLike: {},
  hasBusinessType: false,
  ...t,
});

describe('merge: the later copy wins across partials', () => {
  it.each([
    {
      name: 'a later copy with the appeal approved replaces the earlier count',
      inputs: [[{ id: '1' }], [{ id: '1', appeal: true }]],
      cells: [['甲', JAN, '服务态度', true, 1]],
      totals: totals({}),
    },
    {
      name: 'an identical later copy is a duplicate, not differing',
      inputs: [[{ id: '1' }], [{ id: '1' }]],
      cells: [['甲', JAN, '服务态度', false, 1]],
      totals: totals({ duplicatesDiffering: 0 }),
    },
    {
      name: 'a copy that changes class, unit and month moves the count',
      inputs: [[{ id: '1' }], [{ id: '1', unit: '乙', day: FEB, class: '抄表催费' }]],
      cells: [['乙', FEB, '抄表催费', false, 1]],
      totals: totals({}),
    },
    {
      name: 'a copy that stops being a complaint leaves no complaint',
      inputs: [[{ id: '1' }], [{ id: '1', type: '意见' }]],
      cells: [['甲', JAN, '意见', false, 1]],
      totals: totals({ complaints: 0, excludedByType: { 意见: 1 } }),
    },
    {
      name: 'rows without an id are never duplicates',
      inputs: [[{}, {}], [{}]],
      cells: [['甲', JAN, '服务态度', false, 3]],
      totals: totals({
        workOrders: 3,
        complaints: 3,
        duplicates: 0,
        duplicatesDiffering: 0,
        withoutId: 3,
      }),
    },
    {
      name: 'copies in three partials: the last wins, each later copy a duplicate',
      inputs: [[{ id: '1' }, { id: '2' }], [{ id: '1', day: FEB }], [{ id: '1' }, { id: '2' }]],
      cells: [['甲', JAN, '服务态度', false, 2]],
      totals: totals({ workOrders: 2, complaints: 2, duplicates: 3, duplicatesDiffering: 2 }),
    },
    {
      // Copies 2 and 3 differ, 3 and 4 do not: the copy of the third partial is compared with
      // the second partial's last copy, not its first (the merge once kept the first).
      name: 'a work order first copied within a partial: a later partial compares with its last copy',
      inputs: [[{ id: '9' }], [{ id: '1' }, { id: '1', day: FEB }], [{ id: '1', day: FEB }]],
      cells: [
        ['甲', JAN, '服务态度', false, 1],
        ['甲', FEB, '服务态度', false, 1],
      ],
      totals: totals({ workOrders: 2, complaints: 2, duplicates: 2, duplicatesDiffering: 1 }),
    },
  ] as { name: string; inputs: Row[][]; cells: unknown[][]; totals: object }[])(
    '$name',
    ({ inputs, cells, totals: expected }) => {
      const { merged, whole } = mergedAndWhole(...inputs);
      expect(merged.cells.map((c) => Object.values(c))).toEqual(cells);
      expect(merged.totals).toEqual(expected);
      expect(merged).toEqual(whole);
    },
  );

  it('counts a duplicate in the input of the later copy', () => {
    const { inputs } = mergedAndWhole([{ id: '1' }, { id: '2' }], [{ id: '2', appeal: true }]);
    expect(inputs.map((i) => [i.duplicates, i.duplicatesDiffering])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('keeps a continued complaint in its place, and puts one that restarts last', () => {
    // Row order decides the order of the satisfaction values listed (byValue).
    const first: Row[] = [
      { id: '1', satisfaction: '一般' },
      { id: '2', satisfaction: '满意' },
    ];
    const continued = mergedAndWhole(first, [{ id: '1', satisfaction: '不满意' }]);
    expect(continued.merged.rows.map((r) => (r as unknown[])[4])).toEqual(['不满意', '满意']);
    expect(continued.merged).toEqual(continued.whole);
    const restarted = mergedAndWhole(first, [
      { id: '1', type: '意见' },
      { id: '1', satisfaction: '不满意' },
    ]);
    expect(restarted.merged.rows.map((r) => (r as unknown[])[4])).toEqual(['满意', '不满意']);
    expect(restarted.merged).toEqual(restarted.whole);
  });

  it('knows a complainant seen once in each of two partials as seen twice', () => {
    const { merged } = mergedAndWhole([{ id: '1', customer: 'C9' }], [{ id: '2', customer: 'C9' }]);
    expect(merged.rows.map((r) => (r as unknown[])[5])).toEqual(['C9', 'C9']);
  });

  it("keeps a later partial's complainants one byte a character, or UTF-16 past U+00FF", () => {
    // Each seen once in each partial: the texts come from the later one's packed bytes.
    const keys = ['3401101747', 'Ü-07', '客户甲', '𠀀9', '5'];
    const { merged } = mergedAndWhole(
      keys.map((customer, i) => ({ id: `a${i}`, customer })),
      keys.map((customer, i) => ({ id: `b${i}`, customer })),
    );
    expect(merged.rows.map((r) => (r as unknown[])[5])).toEqual([...keys, ...keys]);
  });
});
