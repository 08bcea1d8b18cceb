/**
 * The report model, section by section, for the 2016 evaluation of fixtures/metrics: each
 * table's rows against the figures the fixture generator counted (expected.json) and the
 * published ones (README, test/cli/metrics.test.ts): 226 complaints, 80 appeal-approved, 146
 * assessed against 125 (+16.8%), 运检 110 against 53, 营销 116 against 127.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/metrics/analysis.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { buildReportModel } from '../../src/report/model.js';
import { assessView, summaryView, trendView } from '../../src/report/sections/terminal.js';
import { unitsCsvTable, unitsTerminalTable } from '../../src/report/sections/units.js';
import type { ReportModel, Row, Sheet, Table } from '../../src/report/types.js';
import { parsePeriodOptions, type PeriodOptions } from '../../src/settings/period-syntax.js';
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

interface UnitMonths {
  unit: string;
  complaints: number[];
  assessed: number[];
  complaints2015: number[];
}
/**
 * Each unit's year to date to month `n` (1–12), summed from the generator's monthly tallies
 * (expected.json unitMonths), with its annual target.
 */
function ytd(n: number) {
  const sum = (xs: number[]) => xs.slice(0, n).reduce((s, x) => s + x, 0);
  return (expected.annual.unitMonths as UnitMonths[]).map((u) => ({
    unit: u.unit,
    complaints: sum(u.complaints),
    assessed: sum(u.assessed),
    previous: sum(u.complaints2015),
    target: (expected.annual.units as { unit: string; target: number }[]).find(
      (x) => x.unit === u.unit,
    )!.target,
  }));
}

let result: PipelineResult;
let model: ReportModel;
/** report --month 2016-11 and report --quarter 2016Q4, on the same data. */
let month: PipelineResult;
let monthModel: ReportModel;
let quarter: PipelineResult;
let quarterModel: ReportModel;

/** The same data analysed for another period, as `report --month 2016-11` would. */
function asked(r: PipelineResult, options: PeriodOptions, prorate = false): PipelineResult {
  const request = parsePeriodOptions(options);
  const input = {
    ...r.input,
    period: monthPeriod(request.from!, request.to!),
    request,
    settings: { ...r.input.settings, prorate },
  };
  return { ...r, input, analysis: analyse(input) };
}

const build = (r: PipelineResult, lang: 'zh' | 'en' = 'zh') =>
  buildReportModel({ result: r, lang, generatedAt: '2017-01-05 08:00' });

beforeAll(async () => {
  result = await pipeline(INPUTS, OPTIONS);
  model = build(result);
  month = asked(result, { month: '2016-11' });
  monthModel = build(month);
  quarter = asked(result, { quarter: '2016Q4' });
  quarterModel = build(quarter);
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
      '热词',
    ]);
    expect(model.detailSheet).toBe('明细');
    expect(model.scope).toBe('国网黄山供电公司');
    expect(model.about).toBe('2016年');
    expect(quarterModel.about).toBe('2016年第四季度');
    expect(monthModel.about).toBe('2016年11月');
    expect(model.period).toBe('统计期间：2016年（12 个月）；同比基期：2015年');
    // File names, not the folders they were read from.
    expect(model.sources).toEqual([
      '95598-2015.xlsx',
      '95598-2016-01-06.xlsx',
      '95598-2016-06-12-gb18030.csv',
    ]);
  });

  it('are named in English with lang en, and say disciplines in English', () => {
    const en = build(result, 'en');
    expect(en.sheets.map((s) => s.name)).toEqual([
      'Summary',
      'Units',
      'Monthly',
      'Categories',
      'Seasonality',
      'Hot spots',
      'Timeliness',
      'Data quality',
      'Hot words',
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

  const tableItems = (t: Table) => Object.fromEntries(t.rows.map((r) => [r.field, r.value]));

  it('shows the month under its caption, without targets or a monthly reduction', () => {
    // expected.json unitMonths, November: 16 complaints, 10 assessed; 2015-11: 14; 2016-10: 18.
    const [own] = sheet(monthModel, '概览').tables;
    expect(own!.caption).toBe('本月：2016年11月（同比基期：2015年11月）');
    expect(tableItems(own!)).toEqual({
      'totals.workOrders': 37,
      'totals.complaints': 16,
      'totals.appealApproved': 6,
      'totals.unsubstantiated': 2,
      'totals.assessed': 10,
      'totals.previous': 14,
      'totals.yoy': 2 / 14,
      'totals.preceding': 18,
      'totals.mom': -2 / 18,
      'totals.ratePer10k': (16 / 863_260) * 10_000,
      'categories.discipline[运检].complaints': 4,
      'categories.discipline[营销].complaints': 12,
    });
  });

  it('shows the year to date to November against the annual targets, and who reached them', () => {
    const y = sheet(monthModel, '概览').tables[1]!;
    expect(y.caption).toBe('累计：2016年1–11月（与年度指标比较）');
    const sum = (k: 'complaints' | 'assessed') => ytd(11).reduce((s, u) => s + u[k], 0);
    expect([sum('complaints'), sum('assessed')]).toEqual([209, 136]);
    const all = tableItems(y);
    expect(all).toMatchObject({
      'yearToDate.totals.complaints': 209,
      'yearToDate.totals.appealApproved': 73,
      'yearToDate.totals.assessed': 136,
      'yearToDate.totals.target': 125,
      'yearToDate.totals.overTargetRate': (136 - 125) / 125,
      'yearToDate.totals.unitsOverTarget': 6,
      'yearToDate.totals.unitsReachedAnnualTarget': 6,
      'yearToDate.totals.previous': 165,
      'yearToDate.totals.yoy': 44 / 165,
    });
    // Every unit whose assessed complaints so far reach its annual target, on a row of its own.
    const reached = y.rows.filter((r) => String(r.field).endsWith('].reachedAnnualTarget'));
    expect(reached.map((r) => [r.item, r.value])).toEqual(
      ytd(11)
        .filter((u) => u.assessed >= u.target)
        .map((u) => [u.unit, `${u.assessed} / ${u.target}`]),
    );
    expect(reached.map((r) => r.item)).toEqual([
      '国网黄山供电公司(市直)',
      '国网歙县供电公司',
      '国网黄山市黄山区供电公司',
      '国网休宁县供电公司',
      '国网黄山市徽州区供电公司',
      '国网祁门县供电公司',
    ]);
    const labels = y.rows.map((r) => r.item);
    // Red: the alert format marks the row; the target is headed as the annual one.
    expect(y.rowFormats![labels.indexOf('国网祁门县供电公司')]).toBe('alert');
    expect(labels).toContain('年度指标');
    expect(labels).toContain('已达到或超过年度指标的单位数');
  });

  it('shows the quarter against its share of the targets, then the year to date', () => {
    // expected.json months 2016-10..12: 18 + 16 + 17 complaints, 10 + 10 + 10 assessed;
    // 2015-10..12: 15 + 14 + 15. Target 125 / 4. The year to date is the year: 146 vs 125.
    const [own, y] = sheet(quarterModel, '概览').tables;
    expect(own!.caption).toBe('本季度：2016年第四季度（同比基期：2015年第四季度）');
    expect(tableItems(own!)).toMatchObject({
      'totals.complaints': 51,
      'totals.assessed': 30,
      'totals.target': 31.25,
      'totals.overTargetRate': (30 - 31.25) / 31.25,
      'totals.previous': 44,
      'totals.yoy': 7 / 44,
    });
    expect(y!.caption).toBe('累计：2016年（与年度指标比较）');
    expect(tableItems(y!)).toMatchObject({
      'yearToDate.totals.assessed': 146,
      'yearToDate.totals.target': 125,
      'yearToDate.totals.overTargetRate': 0.168,
      'yearToDate.totals.unitsReachedAnnualTarget': 6,
    });
  });

  it('says the share the year to date is held against with --prorate', () => {
    const prorated = build(asked(result, { month: '2016-11' }, true));
    const y = sheet(prorated, '概览').tables[1]!;
    expect(y.caption).toBe('累计：2016年1–11月（指标按 11/12 折算）');
    expect(tableItems(y)).toMatchObject({
      'yearToDate.totals.target': (125 * 11) / 12,
      'yearToDate.totals.annualTarget': 125,
      'yearToDate.totals.unitsReachedAnnualTarget': 6,
    });
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
    const m = build(plain);
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

  it('shows the month without targets, then the year to date ranked against the annual targets', () => {
    const s = sheet(monthModel, '单位');
    expect(s.tables).toHaveLength(2);
    const [own, y] = s.tables;
    expect(own!.caption).toBe('本月：2016年11月（同比基期：2015年11月）');
    expect(keys(own!)).not.toContain('target');
    expect(keys(own!)).not.toContain('overTargetRate');
    // November per unit, from expected.json unitMonths; ranks shared, more complaints first.
    expect(cells(own!, ['rank', 'unit', 'complaints', 'assessed'])).toEqual([
      [1, '国网歙县供电公司', 5, 3],
      [2, '国网祁门县供电公司', 3, 2],
      [2, '国网黄山供电公司(市直)', 3, 2],
      [4, '国网休宁县供电公司', 3, 1],
      [4, '国网黄山市黄山区供电公司', 1, 1],
      [4, '国网黟县供电公司', 1, 1],
      [7, '国网黄山市屯溪区供电公司', 0, 0],
      [7, '国网黄山市徽州区供电公司', 0, 0],
      [undefined, '合计', 16, 10],
    ]);
    expect(y!.caption).toBe('累计：2016年1–11月（与年度指标比较）');
    expect(y!.columns.find((c) => c.key === 'target')?.label).toBe('annualTarget');
    expect(keys(y!)).not.toContain('mom');
    const fields = ['rank', 'unit', 'complaints', 'assessed', 'target', 'reachedAnnualTarget'];
    expect(cells(y!, fields)).toEqual([
      [1, '国网黄山供电公司(市直)', 46, 31, 28, true],
      [2, '国网歙县供电公司', 48, 28, 26, true],
      [3, '国网黄山市黄山区供电公司', 32, 22, 16, true],
      [4, '国网休宁县供电公司', 27, 17, 15, true],
      [5, '国网黄山市徽州区供电公司', 17, 11, 8, true],
      [6, '国网祁门县供电公司', 14, 10, 9, true],
      [6, '国网黄山市屯溪区供电公司', 14, 10, 12, false],
      [8, '国网黟县供电公司', 11, 7, 11, false],
      [undefined, '合计', 209, 136, 125, true],
    ]);
    // The same figures as the generator's tallies, unit by unit.
    for (const u of ytd(11)) {
      const row = y!.rows.find((r) => r.unit === u.unit)!;
      expect([row.complaints, row.assessed, row.previous]).toEqual([
        u.complaints,
        u.assessed,
        u.previous,
      ]);
    }
    expect(s.notes.slice(0, 2)).toEqual([
      '本月不与指标比较：指标为年度指标，与累计比较（见累计表）。',
      '累计考核投诉已达到或超过年度指标：国网黄山供电公司(市直) 31 / 28、国网歙县供电公司 28 / 26、' +
        '国网黄山市黄山区供电公司 22 / 16、国网休宁县供电公司 17 / 15、国网黄山市徽州区供电公司 11 / 8、' +
        '国网祁门县供电公司 10 / 9',
    ]);
  });

  it('shows the quarter against its share (3/12), then the year', () => {
    const [own, y] = sheet(quarterModel, '单位').tables;
    expect(own!.caption).toBe('本季度：2016年第四季度（同比基期：2015年第四季度）');
    expect(
      cells(own!, ['rank', 'unit', 'assessed', 'target', 'overTargetRate']).slice(0, 3),
    ).toEqual([
      [1, '国网歙县供电公司', 8, 6.5, 0.2308],
      [2, '国网黄山供电公司(市直)', 6, 7, -0.1429],
      [3, '国网休宁县供电公司', 5, 3.75, 0.3333],
    ]);
    expect(
      cells({ ...own!, rows: [] }, ['complaints', 'appealApproved', 'assessed', 'target']),
    ).toEqual([[51, 21, 30, 31.25]]);
    expect(cells({ ...y!, rows: [] }, ['complaints', 'assessed', 'target'])).toEqual([
      [226, 146, 125],
    ]);
    expect(sheet(quarterModel, '单位').notes[0]).toBe(
      '指标按 10–12 月折算（年度指标 × 3/12 = 0.25）',
    );
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
      ['月均下降率（算术，2016-01至2016-12）', -0.0292],
      ['月均下降率（复合，2016-01至2016-12）', -0.0178],
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
      // The classified complaints against those a year earlier: 226 / 180 − 1.
      ['合计', 226, 1, 180, 0.2556],
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
    const m = build(one);
    expect(sheet(m, '季节性')).toMatchObject({
      tables: [],
      notes: ['输入覆盖不超过 12 个月，无法计算季节性。'],
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
        // The workbook goes to management: the last four characters only (the JSON keeps all).
        '*'.repeat(c.customerId.length - 4) + c.customerId.slice(-4),
        c.complaints,
      ]),
    );
    expect(customers.rows[0]?.key).toMatch(/^\*+\d{4}$/);
    const phones = tables.find((t) => t.caption?.startsWith('重复投诉号码'))!;
    expect(phones.caption).toBe('重复投诉号码（联系电话）: 5 / 12');
    expect(phones.rows.map((r) => r.key)).toEqual(
      expected.annual.repeatPhones.map(
        (c: { phone: string }) => '*'.repeat(c.phone.length - 4) + c.phone.slice(-4),
      ),
    );
    expect(sheet(model, '热点').notes).toContain(
      '重复投诉的客户编号和联系电话只显示后四位：本工作簿会交给管理层。完整号码见 明细（--detail）或 --json。',
    );
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
    // A blank result reads 未填 in the workbook, as every blank there does; the JSON keeps (空).
    expect(Object.fromEntries(t.rows.map((r) => [r.value, r.complaints]))).toEqual({
      ...s.values,
      未填: s.blank,
    });
    expect(result.analysis.satisfaction!.byValue['(空)']).toBe(s.blank);
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

describe('Timeliness, in English', () => {
  it('calls a blank callback result "not given", as the breakdown sheets do, and keeps the values as written', () => {
    const t = table(build(result, 'en'), 'Timeliness', 'callback results');
    const s = expected.annual.satisfaction;
    expect(Object.fromEntries(t.rows.map((r) => [r.value, r.complaints]))).toEqual({
      ...s.values,
      'not given': s.blank,
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
    expect(
      cells(table(model, '数据质量', '各输入覆盖的日期'), ['coveredFrom', 'coveredTo']),
    ).toEqual([
      ['2015-01-01', '2015-12-31'],
      ['2016-01-01', '2016-06-21'],
      ['2016-06-01', '2016-12-31'],
    ]);
    expect(cells(s.tables[2]!, ['field', 'value'])).toEqual([
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

  it('says a blank 业务类型 left out in words: 未填 / not given, never (空)', () => {
    // Three rows with no 业务类型 beside the fixture's 96 故障报修 (a blank type is no complaint).
    const totals = { ...result.analysis.totals, excludedByType: { 故障报修: 96, '(空)': 3 } };
    const blankType = { ...result, analysis: { ...result.analysis, totals } };
    expect(
      cells(table(build(blankType), '数据质量', '不计入的业务类型'), [
        'businessType',
        'workOrders',
      ]),
    ).toEqual([
      ['故障报修', 96],
      ['未填', 3],
      ['合计', 99],
    ]);
    const en = build(blankType, 'en').sheets.find((s) => s.name === 'Data quality')!;
    const types = en.tables.find((t) => t.columns[0]!.key === 'businessType')!;
    expect(cells(types, ['businessType', 'workOrders'])).toEqual([
      ['fault repair', 96],
      ['not given', 3],
      ['total', 99],
    ]);
  });

  it("says each reject's reason in the report's language (the JSON keeps it English)", () => {
    expect(cells(table(model, '数据质量', '拒收明细'), ['reason'])).toEqual([
      ["登记时间 '2016-09-31 16:05:00' 不是有效日期"],
      ["登记时间 '2016-13-45' 不是有效日期"],
    ]);
    const en = sheet(build(result, 'en'), 'Data quality').tables.at(-1)!;
    expect(cells(en, ['reason'])).toEqual(
      expected.annual.rejects.map((r: { reason: string }) => [r.reason]),
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
    expect(assess.notes).toEqual(['指标按 10–12 月折算（年度指标 × 3/12 = 0.25）']);
    expect(cells(assess.units, ['unit', 'target']).at(-1)).toEqual(['合计', 31.25]);
  });

  it('puts the year to date beside a month: its line, who reached the annual target, its table', () => {
    const v = summaryView(month, 'zh');
    expect(v.overall.map((p) => p.kind)).toEqual([
      'count',
      'count',
      'count',
      'count',
      'yoy',
      'mom',
    ]);
    expect(keys(v.units)).toContain('mom');
    expect(keys(v.units)).not.toContain('target');
    const y = v.yearToDate!;
    expect(y.span).toBe('2016-01 – 2016-11');
    expect(y.overall).toContainEqual({
      kind: 'target',
      label: 'annualTarget',
      target: 125,
      overTargetRate: 0.088,
      overTarget: true,
      unitsOverTarget: 6,
      unitsWithTarget: 8,
      withTarget: null,
    });
    expect(y.reached).toEqual({
      of: 8,
      units: ytd(11)
        .filter((u) => u.assessed >= u.target)
        .map((u) => ({ unit: u.unit, figures: `${u.assessed} / ${u.target}` })),
    });
    expect(keys(y.units)).toEqual([
      'rank',
      'unit',
      'complaints',
      'appealApproved',
      'assessed',
      'target',
      'overTargetRate',
      'reachedAnnualTarget',
      'share',
      'previous',
      'yoy',
      'ratePer10k',
    ]);
    expect(summaryView(result, 'zh').yearToDate).toBeNull();
  });

  it('gives assess and trend the year to date of a month too', () => {
    const assess = assessView(month, 'zh');
    expect(assess.notes[0]).toBe('本月不与指标比较：指标为年度指标，与累计比较（见累计表）。');
    expect(cells(assess.yearToDate!.units, ['unit', 'assessed']).at(-1)).toEqual(['合计', 136]);
    expect(trendView(month, null, 'zh').yearToDate?.span).toBe('2016-01 – 2016-11');
    expect(trendView(result, null, 'zh').yearToDate).toBeNull();
  });

  it('gives trend its months and, with --by, a row per group', () => {
    const v = trendView(result, null, 'zh');
    expect(v.groups).toBeNull();
    expect(v.months.reduction).toEqual({
      ...expected.annual.trend.avgMonthlyReduction,
      from: '2016-01',
      to: '2016-12',
    });
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
