/**
 * The report model, section by section, for the 2016 evaluation of fixtures/metrics: each
 * table's rows against the figures the fixture generator counted (expected.json) and the
 * published ones (README, test/cli/metrics.test.ts): 226 complaints, 80 appeal-approved, 146
 * assessed against 125 (+16.8%), 运检 110 against 53, 营销 116 against 127.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../src/metrics/analysis.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { buildReportModel } from '../../src/report/model.js';
import { assessView, summaryView, trendView } from '../../src/report/sections/terminal.js';
import { unitsCsvTable, unitsTerminalTable } from '../../src/report/sections/units.js';
import type { ReportModel, Row, Sheet, Table } from '../../src/report/types.js';
import { parsePeriodOptions } from '../../src/settings/period-syntax.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import type { CommandLineOptions } from '../../src/settings/types.js';
import { monthPeriod } from '../../src/metrics/period.js';

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const OPTIONS: CommandLineOptions = { targets: 'fixtures/metrics/targets-2016.csv' };

/** What `analyze INPUTS --targets …` and more options computes. */
async function pipeline(inputs: string[], options: CommandLineOptions): Promise<PipelineResult> {
  return runPipeline(await resolveSettings({ inputs, options }, null, 'analyze'));
}
const expected = JSON.parse(readFileSync('fixtures/metrics/expected.json', 'utf8'));

let result: PipelineResult;
let quarter: Analysis;
let model: ReportModel;
let withQuarter: ReportModel;

/** The quarter of the quarterly evaluation, as `report --quarter 2016Q4` analyses it. */
function quarterOf(r: PipelineResult, label: string): Analysis {
  const request = parsePeriodOptions({ quarter: label });
  return analyse({
    ...r.input,
    period: monthPeriod(request.from!, request.to!),
    request,
    settings: { ...r.input.settings, prorate: true },
  });
}

beforeAll(async () => {
  result = await pipeline(INPUTS, OPTIONS);
  quarter = quarterOf(result, '2016Q4');
  const build = (q: Analysis | null) =>
    buildReportModel({ result, lang: 'zh', quarter: q, generatedAt: '2017-01-05 08:00' });
  model = build(null);
  withQuarter = build(quarter);
});

const sheet = (m: ReportModel, name: string): Sheet => {
  const found = m.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
const table = (m: ReportModel, name: string, caption?: string): Table =>
  sheet(m, name).tables.find((t) => t.caption === caption)!;
/** The rows (and the totals row) as the given columns; rates to four decimals. */
const cells = (t: Table, keys: string[], withTotals = true): unknown[][] =>
  [...t.rows, ...(withTotals && t.totals ? [t.totals] : [])].map((row: Row) =>
    keys.map((k) => {
      const v = row[k];
      return typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10_000) / 10_000 : v;
    }),
  );
const keys = (t: Table) => t.columns.map((c) => c.key);

describe('the sheets', () => {
  it('come in the order of DESIGN.md §7, 明细 last', () => {
    expect(model.sheets.map((s) => s.name)).toEqual([
      '概览',
      '单位',
      '月度趋势',
      '分类',
      '季节性',
      '热点',
      '时效与满意度',
      '数据质量',
    ]);
    expect(model.detailSheet).toBe('明细');
    expect(model.scope).toBe('国网黄山供电公司');
    expect(model.about).toBe('2016年');
    expect(withQuarter.about).toBe('2016年第四季度');
    expect(model.period).toBe('统计期间：2016年（12 个月）；同比基期：2015年');
    // File names, not the folders they were read from.
    expect(model.sources).toEqual([
      '95598-2015.xlsx',
      '95598-2016-01-06.xlsx',
      '95598-2016-06-12-gb18030.csv',
    ]);
  });

  it('are named in English with lang en, and say disciplines in English', () => {
    const en = buildReportModel({ result, lang: 'en', quarter: null, generatedAt: '' });
    expect(en.sheets.map((s) => s.name)).toEqual([
      'Summary',
      'Units',
      'Monthly',
      'Categories',
      'Seasonality',
      'Hot spots',
      'Timeliness',
      'Data quality',
    ]);
    expect(cells(table(en, 'Categories', 'discipline'), ['name'])).toEqual([
      ['operations'],
      ['marketing'],
      ['total'],
    ]);
  });
});

describe('概览', () => {
  const items = (m: ReportModel) =>
    Object.fromEntries(sheet(m, '概览').tables[0]!.rows.map((r) => [r.field, r.value]));

  it.each([
    ['totals.workOrders', 471],
    ['totals.complaints', 226],
    ['totals.appealApproved', 80],
    ['totals.unsubstantiated', 23],
    ['totals.assessed', 146],
    ['totals.target', 125],
    ['totals.overTargetRate', 0.168],
    ['totals.unitsOverTarget', 6],
    ['totals.unitsWithTarget', 8],
    ['totals.previous', 180],
    ['totals.yoy', 46 / 180],
    ['categories.discipline[运检].complaints', 110],
    ['categories.discipline[营销].complaints', 116],
  ])('%s is %s', (field, value) => {
    expect(items(model)[field]).toBe(value);
  });

  it('leaves 上期/环比 out of twelve months: the span before is the year before', () => {
    expect(Object.keys(items(model))).not.toContain('totals.preceding');
    expect(Object.keys(items(model))).not.toContain('totals.mom');
    expect(result.analysis.totals.preceding).toBe(180); // the JSON keeps it
  });

  it('shows the average monthly reduction and no quarter without --quarter', () => {
    const all = items(model);
    expect(all['trend.avgMonthlyReduction.arithmetic']).toBe(
      expected.annual.trend.avgMonthlyReduction.arithmetic,
    );
    expect(all['trend.avgMonthlyReduction.compound']).toBeCloseTo(-0.0178, 4);
    expect(Object.keys(all).filter((f) => f.startsWith('quarter.'))).toEqual([]);
  });

  it("adds the quarter's own figures: Q4 2016 against a quarter of the year's targets", () => {
    // expected.json months 2016-10..12: 18 + 16 + 17 complaints, 10 + 10 + 10 assessed;
    // 2015-10..12: 15 + 14 + 15. Target 125 / 4.
    const q = Object.entries(items(withQuarter)).filter(([f]) => f.startsWith('quarter.'));
    expect(q).toEqual([
      ['quarter.totals.complaints', 51],
      ['quarter.totals.assessed', 30],
      ['quarter.totals.target', 31.25],
      ['quarter.totals.overTargetRate', (30 - 31.25) / 31.25],
      ['quarter.totals.previous', 44],
      ['quarter.totals.yoy', 7 / 44],
    ]);
    const labels = sheet(withQuarter, '概览').tables[0]!.rows.map((r) => r.item);
    expect(labels).toContain('本季度 超指标率');
    expect(
      sheet(withQuarter, '概览').tables[0]!.rowFormats![labels.indexOf('本季度 投诉同比')],
    ).toBe('change');
  });

  it('is a list of items, absent values shown as -, with every note of the analysis', () => {
    const s = sheet(model, '概览');
    expect(s.filter).toBe(false);
    expect(s.tables[0]!.blank).toBe('-');
    expect(s.charts).toEqual(['trend', 'units']);
    expect(s.notes).toEqual(result.analysis.notes.map((n) => n.zh));
  });
});

describe('单位', () => {
  // The published evaluation: rank, unit, complaints, appeal-approved, assessed, target,
  // over-target rate, over target.
  const UNITS = [
    [1, '国网黄山供电公司(市直)', 50, 17, 33, 28, 0.1786, true],
    [2, '国网歙县供电公司', 53, 22, 31, 26, 0.1923, true],
    [3, '国网黄山市黄山区供电公司', 33, 11, 22, 16, 0.375, true],
    [4, '国网休宁县供电公司', 29, 10, 19, 15, 0.2667, true],
    [5, '国网黄山市徽州区供电公司', 19, 6, 13, 8, 0.625, true],
    [6, '国网黄山市屯溪区供电公司', 16, 5, 11, 12, -0.0833, false],
    [7, '国网祁门县供电公司', 15, 5, 10, 9, 0.1111, true],
    [8, '国网黟县供电公司', 11, 4, 7, 11, -0.3636, false],
    [undefined, '合计', 226, 80, 146, 125, 0.168, true],
  ];
  const FIELDS = [
    'rank',
    'unit',
    'complaints',
    'appealApproved',
    'assessed',
    'target',
    'overTargetRate',
    'overTarget',
  ];

  it('ranks the units as published, with a totals row without rank', () => {
    const units = table(model, '单位');
    expect(cells(units, FIELDS)).toEqual(UNITS);
    expect(units.totals!.share).toBe(1);
  });

  it('matches the generator on every unit', () => {
    const units = table(model, '单位');
    const pick = ['unit', 'complaints', 'unsubstantiated', 'previous', 'customers', 'rank'];
    expect(cells(units, pick, false)).toEqual(
      (expected.annual.units as Record<string, unknown>[]).map((u) => pick.map((k) => u[k])),
    );
  });

  it('heads the workbook table with every figure, the CSV without the flag', () => {
    expect(keys(table(model, '单位'))).toEqual([
      'rank',
      'unit',
      'complaints',
      'appealApproved',
      'unsubstantiated',
      'assessed',
      'target',
      'overTargetRate',
      'overTarget',
      'share',
      'previous',
      'yoy',
      'customers',
      'ratePer10k',
    ]);
    // Twelve months: no 上期/环比 there either.
    const csv = unitsCsvTable(result.analysis, 'zh');
    expect(keys(csv)).not.toContain('overTarget');
    expect(keys(csv)).toHaveLength(13);
    expect(csv.totals!.unit).toBe('合计');
  });

  it('leaves the target columns out of the workbook without targets', async () => {
    const plain = await pipeline([INPUTS[1]!], {});
    const m = buildReportModel({ result: plain, lang: 'zh', quarter: null, generatedAt: '' });
    expect(keys(table(m, '单位'))).not.toContain('target');
    expect(keys(unitsCsvTable(plain.analysis, 'zh'))).toContain('target');
  });

  it('narrows the terminal table to what there is, and shortens it', () => {
    const a = result.analysis;
    expect(keys(unitsTerminalTable(a, 'zh'))).toEqual([
      'rank',
      'unit',
      'complaints',
      'appealApproved',
      'assessed',
      'target',
      'overTargetRate',
      'overTarget',
      'share',
      'previous',
      'yoy',
      'ratePer10k',
    ]);
    const excluding = { ...a, settings: { ...a.settings, excludeUnsubstantiated: true } };
    expect(keys(unitsTerminalTable(excluding, 'zh'))).toContain('unsubstantiated');
    const short = unitsTerminalTable(a, 'zh', 3);
    expect([short.rows.length, short.omitted, short.totals!.complaints]).toEqual([3, 5, 226]);
  });

  it("adds the quarter's table against prorated targets (assess --quarter 2016Q4 --prorate)", () => {
    const s = sheet(withQuarter, '单位');
    expect(s.tables).toHaveLength(2);
    const q = s.tables[1]!;
    expect(q.caption).toBe('本季度：2016年第四季度（同比基期：2015年第四季度）');
    // A quarter has the quarter before.
    expect(keys(q)).toEqual(expect.arrayContaining(['preceding', 'mom']));
    expect(cells(q, ['rank', 'unit', 'assessed', 'target', 'overTargetRate']).slice(0, 3)).toEqual([
      [1, '国网歙县供电公司', 8, 6.5, 0.2308],
      [2, '国网黄山供电公司(市直)', 6, 7, -0.1429],
      [3, '国网休宁县供电公司', 5, 3.75, 0.3333],
    ]);
    expect(
      cells({ ...q, rows: [] }, ['complaints', 'appealApproved', 'assessed', 'target']),
    ).toEqual([[51, 21, 30, 31.25]]);
  });

  it('notes the targets beside the table', () => {
    expect(sheet(model, '单位').notes).toEqual(
      result.analysis.notes
        .filter((n) => n.code.startsWith('targets') || n.code.startsWith('units'))
        .map((n) => n.zh),
    );
    expect(sheet(model, '单位').charts).toEqual(['units']);
  });
});

describe('月度趋势', () => {
  it('gives the 2016 series with 环比 and 同比 as the README prints it', () => {
    const series = sheet(model, '月度趋势').tables[1]!;
    expect(cells(series, ['month', 'complaints', 'assessed', 'mom', 'previous', 'yoy'])).toEqual([
      ['2016-01', 14, 12, -0.0667, 11, 0.2727],
      ['2016-02', 12, 8, -0.1429, 10, 0.2],
      ['2016-03', 15, 8, 0.25, 12, 0.25],
      ['2016-04', 17, 16, 0.1333, 13, 0.3077],
      ['2016-05', 21, 13, 0.2353, 15, 0.4],
      ['2016-06', 24, 14, 0.1429, 17, 0.4118],
      ['2016-07', 27, 15, 0.125, 20, 0.35],
      ['2016-08', 25, 18, -0.0741, 21, 0.1905],
      ['2016-09', 20, 12, -0.2, 17, 0.1765],
      ['2016-10', 18, 10, -0.1, 15, 0.2],
      ['2016-11', 16, 10, -0.1111, 14, 0.1429],
      ['2016-12', 17, 10, 0.0625, 15, 0.1333],
      ['合计', 226, 146, null, 180, 0.2556],
    ]);
  });

  it('adds up units × months to the monthly totals', () => {
    const matrix = sheet(model, '月度趋势').tables[0]!;
    const months = expected.annual.months.map((m: { month: string }) => m.month) as string[];
    expect(keys(matrix)).toEqual(['unit', ...months, 'complaints']);
    for (const row of matrix.rows)
      expect(months.reduce((s, m) => s + (row[m] as number), 0)).toBe(row.complaints);
    expect(months.map((m) => matrix.totals![m])).toEqual(
      expected.annual.months.map((m: { complaints: number }) => m.complaints),
    );
    expect(matrix.rows.map((r) => r.complaints)).toEqual([53, 50, 33, 29, 19, 16, 15, 11]);
  });

  it('ends with both average monthly reductions: −2.92% and −1.78%', () => {
    const reduction = sheet(model, '月度趋势').tables[2]!;
    expect(cells(reduction, ['item', 'value'])).toEqual([
      ['月均下降率（算术）', -0.0292],
      ['月均下降率（复合）', -0.0178],
    ]);
  });
});

describe('分类', () => {
  it('gives level 1 against the year before, and the disciplines', () => {
    const level1 = table(model, '分类', '一级分类');
    expect(cells(level1, ['name', 'discipline', 'complaints', 'previous'])).toEqual([
      ['服务投诉', '营销', 31, 42],
      ['营业投诉', '营销', 85, 85],
      ['停送电投诉', '运检', 56, 23],
      ['供电质量投诉', '运检', 29, 19],
      ['电网建设投诉', '运检', 25, 11],
      ['合计', undefined, 226, 180],
    ]);
    const discipline = table(model, '分类', '专业');
    expect(cells(discipline, ['name', 'complaints', 'share', 'previous', 'yoy'])).toEqual([
      ['运检', 110, 0.4867, 53, 1.0755],
      ['营销', 116, 0.5133, 127, -0.0866],
      ['合计', 226, 1, 180, undefined],
    ]);
  });

  it('names the parent class of level 2 and level 3', () => {
    const level2 = table(model, '分类', '二级分类');
    expect(level2.rows.find((r) => r.code === 'TS03')).toMatchObject({
      name: '抢修质量',
      parent: '停送电投诉',
      complaints: 25,
      previous: 13,
    });
    const level3 = table(model, '分类', '三级分类');
    expect(level3.rows.find((r) => r.code === 'FW0101')).toMatchObject({ parent: '服务态度' });
    for (const row of expected.annual.level2 as { name: string; complaints: number }[])
      expect(level2.rows.find((r) => r.name === row.name)?.complaints).toBe(row.complaints);
  });
});

describe('季节性', () => {
  it('lays 2015 and 2016 side by side, month by month', () => {
    const t = sheet(model, '季节性').tables[0]!;
    expect(keys(t)).toEqual(['month', '2015', '2016', 'mean', 'index']);
    expect(cells(t, ['month', '2015', '2016', 'mean'], false).slice(0, 2)).toEqual([
      [1, 11, 14, 12.5],
      [2, 10, 12, 11],
    ]);
  });

  it('says why when the inputs cover a year or less', async () => {
    const one = await pipeline([INPUTS[1]!], OPTIONS);
    const m = buildReportModel({ result: one, lang: 'zh', quarter: null, generatedAt: '' });
    expect(sheet(m, '季节性')).toMatchObject({
      tables: [],
      notes: ['输入覆盖不足 12 个月以上，无法计算季节性。'],
    });
  });
});

describe('热点', () => {
  it('lists the top level-2 classes and those rising fastest', () => {
    const top = table(model, '热点', '二级分类');
    expect(cells(top, ['name', 'complaints']).slice(0, 5)).toEqual([
      ['抢修质量', 25],
      ['抄表催费', 24],
      ['服务态度', 18],
      ['停送电信息公告', 17],
      ['业扩报装', 16],
    ]);
    const rising = table(model, '热点', '上升最快的二级分类（同比）');
    expect(rising.columns.at(-1)).toMatchObject({ key: 'rate', label: 'yoy' });
    expect(cells(rising, ['name', 'base', 'complaints', 'increase']).slice(0, 3)).toEqual([
      ['抢修质量', 13, 25, 12],
      ['停送电信息公告', 6, 17, 11],
      ['停电计划执行', 4, 14, 10],
    ]);
  });

  it('gives each unit its top three classes with their shares', () => {
    const byUnit = table(model, '热点', '各单位前三位二级分类');
    expect(byUnit.rows[0]).toMatchObject({
      unit: '国网黄山供电公司(市直)',
      complaints: 50,
      top1: '抄表催费',
      top1Complaints: 6,
      top1Share: 0.12,
    });
  });

  it('counts the repeat complainants as the generator does', () => {
    const tables = sheet(model, '热点').tables;
    const customers = tables.find((t) => t.caption?.startsWith('重复投诉客户'))!;
    expect(customers.caption).toBe('重复投诉客户（客户编号）: 4 / 11');
    expect(cells(customers, ['key', 'complaints'])).toEqual(
      expected.annual.repeatCustomers.map((c: { customerId: string; complaints: number }) => [
        c.customerId,
        c.complaints,
      ]),
    );
    const phones = tables.find((t) => t.caption?.startsWith('重复投诉号码'))!;
    expect(phones.caption).toBe('重复投诉号码（联系电话）: 5 / 12');
  });
});

describe('时效与满意度', () => {
  it('gives reply and closing against their limits', () => {
    const t = sheet(model, '时效与满意度').tables[0]!;
    const want = expected.annual.timeliness;
    expect(cells(t, ['stage', 'count', 'limitHours', 'overLimit'])).toEqual([
      ['回复', want.reply.withTime, 24, want.reply.over],
      ['办结', want.close.withTime, 144, want.close.over],
    ]);
  });

  it('gives the callback results, most first, and the satisfied share 77.39%', () => {
    const t = table(model, '时效与满意度', '回访结果');
    const s = expected.annual.satisfaction;
    expect(Object.fromEntries(t.rows.map((r) => [r.value, r.complaints]))).toEqual({
      ...s.values,
      '(空)': s.blank,
    });
    expect(t.rows[0]).toEqual({ value: '满意', complaints: 96 });
    expect(t.totals).toEqual({ value: '合计', complaints: 226 });
    // 24 + 96 + 34 satisfied of 199 surveyed (satisfied, neutral, dissatisfied): a share in
    // the share column of the units' totals row, not in a count column.
    const units = table(model, '时效与满意度', '回访满意度');
    expect(units.totals).toEqual({
      unit: '合计',
      surveyed: 199,
      satisfied: 154,
      satisfiedShare: 154 / 199,
    });
  });
});

describe('数据质量', () => {
  it('lists the inputs, the duplicates and rejects, and the types left out', () => {
    const s = sheet(model, '数据质量');
    expect(cells(s.tables[0]!, ['file', 'rows', 'duplicates', 'rejected'])).toEqual([
      ['95598-2015.xlsx', 358, 0, 0],
      ['95598-2016-01-06.xlsx', 215, 0, 0],
      ['95598-2016-06-12-gb18030.csv', 288, 30, 2],
    ]);
    expect(cells(s.tables[1]!, ['field', 'value'])).toEqual([
      ['totals.duplicates', 30],
      ['totals.duplicatesDiffering', 7],
      ['totals.rejected', 2],
      ['totals.withoutId', 0],
    ]);
    expect(
      cells(table(model, '数据质量', '不计入的业务类型'), ['businessType', 'workOrders']),
    ).toEqual([
      ['故障报修', 96],
      ['业务咨询', 63],
      ['建议', 30],
      ['意见', 28],
      ['表扬', 24],
      ['举报', 4],
      ['合计', 245],
    ]);
    expect(cells(table(model, '数据质量', '拒收明细'), ['row'])).toEqual(
      expected.annual.rejects.map((r: { row: number }) => [r.row]),
    );
  });
});

describe('charts', () => {
  it('are data: the series, the units by state, the classes, the disciplines', () => {
    const [trend, units, categories, discipline] = model.charts;
    expect(trend).toMatchObject({
      name: 'trend',
      title: '月度投诉趋势',
      subtitle: '2016-01 – 2016-12，上年同期 2015-01 – 2015-12',
    });
    if (trend?.name !== 'trend') throw new Error('no trend');
    expect(trend.complaints).toEqual(
      expected.annual.months.map((m: { complaints: number }) => m.complaints),
    );
    expect(trend.previous).toEqual(
      expected.annual.monthsPrevious.map((m: { complaints: number }) => m.complaints),
    );
    if (units?.name !== 'units') throw new Error('no units');
    expect(units.subtitle).toBe('2016-01 – 2016-12　超指标单位 6 / 8');
    expect(units.units.map((u) => u.state)).toEqual([
      'over',
      'over',
      'over',
      'over',
      'over',
      'within',
      'over',
      'within',
    ]);
    if (categories?.name !== 'categories') throw new Error('no categories');
    expect(categories.slices.map((s) => [s.name, s.complaints])).toEqual([
      ['服务投诉', 31],
      ['营业投诉', 85],
      ['停送电投诉', 56],
      ['供电质量投诉', 29],
      ['电网建设投诉', 25],
    ]);
    expect(discipline).toMatchObject({
      name: 'discipline',
      title: '专业投诉同比',
      hasPrevious: true,
      rows: [
        { name: '运检', complaints: 110, previous: 53 },
        { name: '营销', complaints: 116, previous: 127 },
      ],
    });
  });
});

describe('terminal views', () => {
  it('summarises analyze: overall, classes ranked, hot spots, problems', () => {
    const v = summaryView(result, 'zh');
    expect(v.overall.map((p) => p.kind)).toEqual([
      'count',
      'count',
      'count',
      'count',
      'target',
      'yoy',
    ]);
    expect(v.level1.map((c) => [c.name, c.complaints])).toEqual([
      ['营业投诉', 85],
      ['停送电投诉', 56],
      ['服务投诉', 31],
      ['供电质量投诉', 29],
      ['电网建设投诉', 25],
    ]);
    expect(v.hotspots).toHaveLength(5);
    expect(v.rising!.classes.map((c) => `${c.name} ${c.base}→${c.complaints}`)).toEqual([
      '抢修质量 13→25',
      '停送电信息公告 6→17',
      '停电计划执行 4→14',
    ]);
    expect(v.repeat).toEqual([
      { by: 'customer', complainants: 4, complaints: 11 },
      { by: 'phone', complainants: 5, complaints: 12 },
    ]);
    expect(v.satisfaction).toEqual({ satisfiedShare: 154 / 199, surveyed: 199 });
    expect(v.problems).toMatchObject({ rejected: 2, duplicates: 30, duplicatesDiffering: 7 });
    expect(v.problems.excluded.reduce((s, [, n]) => s + n, 0)).toBe(245);
    expect(v.problems.inspect).toEqual(INPUTS);
  });

  it('says 环比 only within a year, and the prorating under assess', async () => {
    const q4 = await pipeline(INPUTS, { ...OPTIONS, quarter: '2016Q4', prorate: true });
    const overall = summaryView(q4, 'zh').overall;
    expect(overall.at(-1)).toEqual({ kind: 'mom', mom: (51 - 72) / 72 });
    const assess = assessView(q4, 'zh');
    expect(assess.notes).toEqual(['指标已按期间折算（× 0.25）']);
    expect(cells(assess.units, ['unit', 'target']).at(-1)).toEqual(['合计', 31.25]);
  });

  it('gives trend its months and, with --by, a row per group', () => {
    const v = trendView(result, null, 'zh');
    expect(v.groups).toBeNull();
    expect(v.months.reduction).toEqual(expected.annual.trend.avgMonthlyReduction);
    expect(keys(v.months.table)).toEqual([
      'month',
      'complaints',
      'assessed',
      'mom',
      'previous',
      'yoy',
    ]);
  });
});
