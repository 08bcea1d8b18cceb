/**
 * The report workbook, read back with exceljs as a user's Excel would open it: sheets in the
 * order of DESIGN.md §7, titles, real numbers with their formats, frozen headers, filters,
 * highlighted over-target cells, chart pictures, the 明细 rows; and the safety of the write.
 */
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { SHEET_NAMES } from '../../src/report/labels.js';
import { complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const targets = ['--targets', 'fixtures/metrics/targets-2016.csv'];

type Sheet = import('exceljs').Worksheet;

async function read(file: string) {
  const ExcelJS = loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/**
 * The first row with `label` in column `column`; with `after`, the first below the row whose
 * first cell starts with `after` (a table's caption).
 */
function rowOf(sheet: Sheet, column: number, label: string, after?: string) {
  let found: import('exceljs').Row | undefined;
  let below = after === undefined;
  sheet.eachRow((row) => {
    if (!below) below = String(row.getCell(1).value ?? '').startsWith(after!);
    else if (!found && row.getCell(column).value === label) found = row;
  });
  if (!found) throw new Error(`${sheet.name}: no row labelled ${label}`);
  return found;
}

/** The captions of the year to date beside a month or a quarter. */
const YTD_NOV = '累计：2016年1–11月';
const YTD_YEAR = '累计：2016年（';
const QUARTER_CAPTION = '本季度：2016年第四季度（同比基期：2015年第四季度）';

describe('report --quarter 2016Q4 --detail', () => {
  const out = join(dir, 'q4.xlsx');
  const run = complaints([
    'report',
    ...files,
    ...targets,
    '--quarter',
    '2016Q4',
    '--detail',
    '--out',
    out,
  ]);
  const book = read(out);

  it('writes the workbook and says where on stderr, then the notes that change a figure', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    // The quarter's complaints; 明细 lists the year to date, so that it reconciles with both.
    const inputs = files.join(' ');
    expect(run.stderr).toBe(
      `已写入 ${out}（11 个工作表，投诉 51 条，明细 226 行）\n` +
        `  重复工单中 7 条内容不同，以后一个输入为准；逐条列出：complaints inspect ${inputs} --duplicates\n` +
        `  拒收 2 行（日期或单位无法识别），未计入；逐行列出：complaints inspect ${inputs}\n`,
    );
  });

  it('has the sheets of DESIGN.md §7, in order', async () => {
    expect((await book).worksheets.map((s) => s.name)).toEqual([
      '概览',
      '单位',
      '月度趋势',
      '分类',
      '季节性',
      '热点',
      '时效与满意度',
      '数据质量',
      '预警',
      '热词',
      '明细',
    ]);
  });

  it('opens each sheet with its title, the period and the sources', async () => {
    for (const sheet of (await book).worksheets.slice(0, 9)) {
      expect(sheet.getCell('A1').value).toBe(
        `国网黄山供电公司 2016年第四季度投诉分析 · ${sheet.name}`,
      );
      expect(sheet.getCell('A2').value).toBe(
        '统计期间：2016年第四季度（3 个月）；同比基期：2015年第四季度',
      );
      expect(String(sheet.getCell('A3').value)).toContain(
        `来源：${files.map((f) => f.replace(/.*\//, '')).join('，')}`,
      );
    }
  });

  it('gives the quarter and its year to date as numbers with their formats', async () => {
    const sheet = (await book).getWorksheet('概览')!;
    expect(sheet.getCell('A5').value).toBe(QUARTER_CAPTION);
    const value = (label: string) => rowOf(sheet, 1, label).getCell(2);
    // The quarter against a quarter of the annual target.
    expect(value('考核投诉').value).toBe(30);
    expect(value('指标').value).toBe(31.25);
    expect(value('超指标率').value).toBeCloseTo(30 / 31.25 - 1, 12);
    // Signed like 投诉同比: under target reads -4.00%.
    expect(value('超指标率').numFmt).toBe('+0.00%;-0.00%;0.00%');
    expect(value('投诉').numFmt).toBe('#,##0');
    // The year to date against the annual target, and the units that reached theirs, in red.
    const ytd = (label: string) => rowOf(sheet, 1, label, YTD_YEAR).getCell(2);
    expect(ytd('考核投诉').value).toBe(146);
    expect(ytd('年度指标').value).toBe(125);
    expect(ytd('超指标率').value).toBe(0.168);
    expect(ytd('已达到或超过年度指标的单位数').value).toBe(6);
    const unit = ytd('国网黄山市徽州区供电公司');
    expect(unit.value).toBe('13 / 8');
    expect(unit.font).toMatchObject({ color: { argb: 'FF9C0006' } });
    expect(sheet.getImages()).toHaveLength(2);
  });

  it('lists the units with a frozen header, a filter, highlighted over-target rates and a totals row', async () => {
    const sheet = (await book).getWorksheet('单位')!;
    // The quarter's table first, under its caption, then the year to date's. One page wide (its
    // headings on two lines), the caption is on one line (it printed in strips, the caption
    // wrapped within 排名 and 供电单位).
    expect(sheet.getCell('A5').value).toBe(QUARTER_CAPTION);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    // A quarter has the quarter before: 上期/环比 are there; and 运检/营销, 及时回复率/及时办结率.
    expect(sheet.autoFilter).toBe('A6:T6');
    expect(rowOf(sheet, 1, '排名').getCell(2).value).toBe('供电单位');
    const quarter = rowOf(sheet, 2, '国网歙县供电公司');
    expect([3, 4, 6, 7, 9].map((c) => quarter.getCell(c).value)).toEqual([17, 9, 8, 6.5, '是']);
    expect(quarter.getCell(8).value).toBeCloseTo(8 / 6.5 - 1, 12);
    // The year to date: 年度指标, over-target rate, reached (是), in the sheet's other columns;
    // the headings that set their columns' widths on two lines, between their words.
    const head = rowOf(sheet, 1, '排名', YTD_YEAR);
    expect((head.values as unknown[]).slice(1, 10)).toEqual([
      '排名',
      '供电单位',
      '投诉',
      '申诉\n成功',
      '不属实',
      '考核\n投诉',
      '年度指标',
      '超指标率',
      '已达\n年度指标',
    ]);
    const shexian = rowOf(sheet, 2, '国网歙县供电公司', YTD_YEAR);
    expect([2, 3, 5, 6, 7, 8].map((c) => shexian.getCell(c + 1).value)).toEqual([
      53,
      22,
      31,
      26,
      5 / 26,
      '是',
    ]);
    const rate = shexian.getCell(8);
    expect(rate.numFmt).toBe('+0.00%;-0.00%;0.00%');
    expect(rate.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(shexian.getCell(9).font).toMatchObject({ color: { argb: 'FF9C0006' } });
    const under = rowOf(sheet, 2, '国网黟县供电公司', YTD_YEAR);
    expect(under.getCell(8).value).toBeCloseTo(7 / 11 - 1, 12);
    expect((under.getCell(8).fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
    expect(under.getCell(9).value).toBe('否');
    const total = rowOf(sheet, 2, '合计', YTD_YEAR);
    expect([3, 4, 6, 7, 8].map((c) => total.getCell(c).value)).toEqual([226, 80, 146, 125, 0.168]);
    expect(total.getCell(3).font).toMatchObject({ bold: true });
    expect(sheet.getImages()).toHaveLength(1);
  });

  it('makes columns wide enough for Chinese unit names', async () => {
    const sheet = (await book).getWorksheet('单位')!;
    // 国网黄山市黄山区供电公司: 12 characters, 24 columns wide.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(24);
  });

  it('writes unit × month with totals, 环比 and 同比', async () => {
    const sheet = (await book).getWorksheet('月度趋势')!;
    const feb = rowOf(sheet, 1, '2016-02');
    expect([2, 3, 5, 6, 7].map((c) => feb.getCell(c).value)).toEqual([12, 8, -2 / 14, 10, 0.2]);
    // 环比 signed: -14.29% and +20.00% read as a fall and a rise in black and white too.
    expect(feb.getCell(5).numFmt).toBe('+0.00%;-0.00%;0.00%');
    const totals = rowOf(sheet, 1, '合计');
    expect(totals.getCell(14).value).toBe(226);
    expect(sheet.getImages()).toHaveLength(1);
  });

  it("rolls the quarter's categories up by discipline with 同比, with two charts", async () => {
    const sheet = (await book).getWorksheet('分类')!;
    const ops = rowOf(sheet, 1, '运检');
    const marketing = rowOf(sheet, 1, '营销');
    // The quarter's 51 complaints against 44 a year earlier (expected.json months 10–12).
    expect(ops.getCell(2).value as number).toBe(51 - (marketing.getCell(2).value as number));
    expect(ops.getCell(4).value as number).toBe(44 - (marketing.getCell(4).value as number));
    expect([2, 4].map((c) => ops.getCell(c).value)).toEqual([24, 13]);
    expect(ops.getCell(5).value).toBeCloseTo(11 / 13, 12);
    expect(sheet.getImages()).toHaveLength(2);
  });

  it('lists data problems: inputs, duplicates, rejects with file and row', async () => {
    const sheet = (await book).getWorksheet('数据质量')!;
    expect(rowOf(sheet, 1, '重复工单').getCell(2).value).toBe(30);
    expect(rowOf(sheet, 1, '拒收行').getCell(2).value).toBe(2);
    const reject = rowOf(sheet, 1, '95598-2016-06-12-gb18030.csv');
    expect(reject).toBeDefined();
  });

  it('adds 明细: every complaint of the period, once, with its class and the original columns', async () => {
    const sheet = (await book).getWorksheet('明细')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const head = (sheet.getRow(1).values as unknown[]).slice(1);
    // The columns of the first input with complaints in the period (2015's export has none).
    expect(head.slice(0, 4)).toEqual(['序号', '工单编号', '受理时间', '供电单位']);
    expect(head.slice(-6)).toEqual([
      '判定一级分类',
      '判定二级分类',
      '判定三级分类',
      '判定方式',
      '置信度',
      '判定依据',
    ]);
    expect(sheet.actualRowCount).toBe(1 + 226);
    const first = sheet.getRow(2);
    expect(first.getCell(3).value).toBeInstanceOf(Date);
    expect(first.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    const ids = new Set<unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) ids.add(row.getCell(2).value);
    });
    expect(ids.size).toBe(226);
  });
});

describe('report options', () => {
  it('names the file from the period and speaks English with --lang en; --no-charts has no pictures', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const abs = files.map((f) => join(process.cwd(), f));
    const run = complaints(
      [
        'report',
        ...abs,
        '--targets',
        join(process.cwd(), targets[1]!),
        '--month',
        '2016-11',
        '--lang',
        'en',
        '--no-charts',
      ],
      { cwd },
    );
    expect(run.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['complaints-2016-11.xlsx']);
    const book = await read(join(cwd, 'complaints-2016-11.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      ...SHEET_NAMES.en.slice(0, 8),
      'Warnings',
      'Hot words',
    ]);
    expect(book.worksheets.every((s) => s.getImages().length === 0)).toBe(true);
    expect(book.getWorksheet('Summary')!.getCell('A2').value).toBe(
      'Period: November 2016 (1 month); compared with November 2015',
    );
  });

  it('keeps sheet names within Excel’s rules', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const name of SHEET_NAMES[lang]) {
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[:\\/?*[\]]/);
      }
  });

  it('writes the units table as CSV (UTF-8 with BOM) and the result as JSON', () => {
    const csv = join(dir, 'units.csv');
    expect(complaints(['analyze', ...files, ...targets, '--out', csv, '--quiet']).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      '排名,供电单位,投诉,申诉成功,不属实,考核投诉,指标,超指标率,投诉占比,上年同期投诉,投诉同比,户数,万户投诉率',
    );
    expect(lines.at(-1)).toMatch(/^,合计,226,80,23,146,125,0\.168,1,180,/);
    const json = join(dir, 'result.json');
    expect(complaints(['analyze', ...files, ...targets, '--out', json, '--quiet']).code).toBe(0);
    const direct = JSON.parse(complaints(['analyze', ...files, ...targets, '--json']).stdout);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(direct);
  });
});

describe('report --quarter as JSON', () => {
  type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const qjson = join(dir, 'q.json');
  const run = complaints(['report', ...files, ...targets, '--quarter', '2016Q4', '--out', qjson]);
  const text = () => readFileSync(qjson, 'utf8');
  const expected = JSON.parse(readFileSync('fixtures/metrics/expected.json', 'utf8'));

  it('is the quarter at the top level, against a quarter of the annual targets', () => {
    expect(run.code).toBe(0);
    const r = JSON.parse(text()) as Json;
    expect(Object.keys(r).slice(4, 9)).toEqual([
      'inputs',
      'totals',
      'yearToDate',
      'quarter',
      'units',
    ]);
    expect(r.period).toEqual({
      from: '2016-10',
      to: '2016-12',
      months: 3,
      kind: 'quarter',
      label: '2016Q4',
      yearEarlier: { from: '2015-10', to: '2015-12' },
      preceding: { from: '2016-07', to: '2016-09' },
    });
    // expected.json: 18 + 16 + 17 complaints, 10 + 10 + 10 assessed in 2016-10..12, 15 + 14 +
    // 15 a year earlier, 27 + 25 + 20 in 2016-07..09; the annual target 125, a quarter of it.
    expect(r.totals).toMatchObject({
      complaints: 51,
      assessed: 30,
      target: 31.25,
      overTargetRate: (30 - 31.25) / 31.25,
      overTarget: false,
      previous: 44,
      yoy: (51 - 44) / 44,
      preceding: 72,
      mom: (51 - 72) / 72,
    });
    expect(r.targets).toMatchObject({ prorated: true, factor: 0.25, basis: 'prorated' });
    expect(r.units.map((u: Json) => [u.rank, u.unit, u.assessed, u.target])).toEqual([
      [1, '国网歙县供电公司', 8, 6.5],
      [2, '国网黄山供电公司(市直)', 6, 7],
      [3, '国网休宁县供电公司', 5, 3.75],
      [4, '国网黄山市黄山区供电公司', 3, 4],
      [4, '国网黄山市徽州区供电公司', 3, 2],
      [6, '国网祁门县供电公司', 2, 2.25],
      [6, '国网黄山市屯溪区供电公司', 2, 3],
      [8, '国网黟县供电公司', 1, 2.75],
    ]);
    // `quarter` stays where readers of the quarterly evaluation found the quarter.
    expect(r.quarter).toEqual({
      period: r.period,
      totals: Object.fromEntries(Object.keys(r.quarter.totals).map((k) => [k, r.totals[k]])),
      units: r.units,
      targets: r.targets,
    });
  });

  it('gives the year to date beside it: the year against the annual targets', () => {
    const y = (JSON.parse(text()) as Json).yearToDate;
    expect(y.period).toEqual({
      from: '2016-01',
      to: '2016-12',
      months: 12,
      kind: 'yearToDate',
      label: null,
      yearEarlier: { from: '2015-01', to: '2015-12' },
      preceding: null,
    });
    expect(y.totals).toMatchObject({
      complaints: 226,
      appealApproved: 80,
      assessed: 146,
      target: 125,
      overTargetRate: 0.168,
      unitsOverTarget: 6,
      annualTarget: 125,
      reachedAnnualTarget: true,
      unitsReachedAnnualTarget: 6,
      previous: 180,
      preceding: null,
      mom: null,
    });
    expect(
      y.units.map((u: Json) => [u.unit, u.assessed, u.target, u.annualTarget, u.rank]),
    ).toEqual(
      expected.annual.units.map((u: Json) => [u.unit, u.assessed, u.target, u.target, u.rank]),
    );
    expect(y.units.filter((u: Json) => u.reachedAnnualTarget).map((u: Json) => u.unit)).toEqual(
      expected.annual.units.filter((u: Json) => u.assessed >= u.target).map((u: Json) => u.unit),
    );
    expect(y.months.map((m: Json) => m.complaints)).toEqual(
      expected.annual.months.map((m: Json) => m.complaints),
    );
    expect(y.targets).toMatchObject({ basis: 'annual', prorated: false, factor: 1 });
  });

  it('is what analyze --quarter gives, and the same with --json beside the workbook', () => {
    const { quarter: _, earlyWarning, ...rest } = JSON.parse(text()) as Json;
    // report judges the early warning of the quarter's last month; analyze none.
    expect(earlyWarning.month).toBe('2016-12');
    const analyze = complaints(['analyze', ...files, ...targets, '--quarter', '2016Q4', '--json']);
    expect(rest).toEqual(JSON.parse(analyze.stdout));
    const out = join(dir, 'q-json.xlsx');
    const both = complaints([
      'report',
      ...files,
      ...targets,
      '--quarter',
      '2016Q4',
      '--out',
      out,
      '--json',
    ]);
    expect(both.code).toBe(0);
    expect(both.stdout).toBe(text());
    expect(both.stderr.split('\n')[0]).toBe(`已写入 ${out}（10 个工作表，投诉 51 条）`);
    expect(existsSync(out)).toBe(true);
  });

  it('gives a month its year to date, as analyze --month does, and no quarter', () => {
    const month = complaints([
      'report',
      ...files,
      ...targets,
      '--month',
      '2016-11',
      '--prorate',
      '--out',
      join(dir, 'm.json'),
    ]);
    expect(month.code).toBe(0);
    const r = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')) as Json;
    expect(r).not.toHaveProperty('quarter');
    const analyze = complaints([
      'analyze',
      ...files,
      ...targets,
      '--month',
      '2016-11',
      '--prorate',
      '--json',
    ]);
    const { earlyWarning, ...rest } = r;
    expect(earlyWarning.month).toBe('2016-11');
    expect(rest).toEqual(JSON.parse(analyze.stdout));
    // The month is held against no target; the year to date against 11/12 with --prorate.
    expect(r.totals).toMatchObject({ complaints: 16, assessed: 10, target: null });
    expect(r.totals.overTargetRate).toBeNull();
    expect(r.targets).toMatchObject({ basis: 'none', prorated: false, factor: null });
    expect(r.units.every((u: Json) => u.target === null && u.overTargetRate === null)).toBe(true);
    expect(r.yearToDate.totals).toMatchObject({
      complaints: 209,
      assessed: 136,
      target: (125 * 11) / 12,
      annualTarget: 125,
      unitsReachedAnnualTarget: 6,
    });
    expect(r.yearToDate.targets).toMatchObject({ basis: 'prorated', factor: 11 / 12 });
  });

  it('has a null year to date for a year', () => {
    const year = JSON.parse(complaints(['analyze', ...files, ...targets, '--json']).stdout);
    expect(year.yearToDate).toBeNull();
  });
});

describe('report --month 2016-11: the month and its year to date', () => {
  const out = join(dir, 'nov.xlsx');
  const run = complaints(['report', ...files, ...targets, '--month', '2016-11', '--out', out]);
  const book = read(out);

  it('raises the units already at or over their annual target in the overview', async () => {
    expect(run.code).toBe(0);
    const sheet = (await book).getWorksheet('概览')!;
    expect(sheet.getCell('A5').value).toBe('本月：2016年11月（同比基期：2015年11月）');
    const value = (label: string) => rowOf(sheet, 1, label).getCell(2);
    expect(value('考核投诉').value).toBe(10);
    // The month alone is held against no target: no 指标, no 超指标率 before the year to date.
    expect(() => rowOf(sheet, 1, '超指标率')).not.toThrow();
    expect(rowOf(sheet, 1, '超指标率').number).toBeGreaterThan(
      rowOf(sheet, 1, '累计：2016年1–11月（与年度指标比较）').number,
    );
    const ytd = (label: string) => rowOf(sheet, 1, label, YTD_NOV).getCell(2);
    expect(ytd('考核投诉').value).toBe(136);
    expect(ytd('年度指标').value).toBe(125);
    expect(ytd('超指标率').value).toBeCloseTo(0.088, 12);
    expect(ytd('已达到或超过年度指标的单位数').value).toBe(6);
    expect(ytd('国网黄山供电公司(市直)').value).toBe('31 / 28');
    expect(ytd('国网祁门县供电公司').value).toBe('10 / 9');
  });

  it('ranks the units of the month, then the year to date against the annual targets', async () => {
    const sheet = (await book).getWorksheet('单位')!;
    const month = rowOf(sheet, 2, '国网歙县供电公司');
    expect([1, 3, 4, 6].map((c) => month.getCell(c).value)).toEqual([1, 5, 2, 3]);
    expect(rowOf(sheet, 1, '排名').values).not.toContain('指标');
    const ytd = rowOf(sheet, 2, '国网黄山市屯溪区供电公司', YTD_NOV);
    // 屯溪: 14 complaints, 10 assessed to November, under its 12; shares rank 6 with 祁门.
    expect([1, 3, 6, 7, 9].map((c) => ytd.getCell(c).value)).toEqual([6, 14, 10, 12, '否']);
    expect(rowOf(sheet, 2, '国网祁门县供电公司', YTD_NOV).getCell(9).value).toBe('是');
    const notes: string[] = [];
    sheet.eachRow((row) => notes.push(String(row.getCell(1).value ?? '')));
    expect(notes).toContain('本月不与指标比较：指标为年度指标，与累计比较（见累计表）。');
    expect(
      notes.some((n) =>
        n.startsWith('累计考核投诉已达到或超过年度指标：国网黄山供电公司(市直) 31 / 28、'),
      ),
    ).toBe(true);
  });

  it('charts and tabulates the months of the year to date, January to November', async () => {
    const sheet = (await book).getWorksheet('月度趋势')!;
    expect(rowOf(sheet, 1, '2016-01').getCell(2).value).toBe(14);
    expect(rowOf(sheet, 1, '2016-11').getCell(2).value).toBe(16);
    expect(() => rowOf(sheet, 1, '2016-12')).toThrow();
  });
});

describe('writing safely', () => {
  it.each([
    ['a missing folder', () => join(dir, 'nope', 'r.xlsx')],
    [
      'a read-only folder',
      () => {
        const ro = mkdtempSync(join(dir, 'ro-'));
        chmodSync(ro, 0o500);
        return join(ro, 'r.xlsx');
      },
    ],
  ])('refuses %s before any work (exit 2)', (_what, target) => {
    const out = target();
    if (process.getuid?.() === 0 && !out.includes('nope')) return; // root writes anywhere
    const run = complaints(['report', ...files, '--out', out]);
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain('无法写到那里');
  });

  it('refuses an output that is not .xlsx, .csv or .json', () => {
    const run = complaints(['report', ...files, '--out', join(dir, 'r.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('文件名应以 .xlsx（工作簿）');
    const en = complaints(['report', ...files, '--out', join(dir, 'r.pdf'), '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('expected a .xlsx');
  });

  it('leaves an existing report untouched when the run fails, and no temporary file', () => {
    const folder = mkdtempSync(join(dir, 'keep-'));
    const out = join(folder, 'r.xlsx');
    writeFileSync(out, 'the last good report');
    const run = complaints(['report', ...files, '--strict', '--out', out]);
    expect(run.code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('the last good report');
    expect(readdirSync(folder)).toEqual(['r.xlsx']);
    expect(existsSync(out)).toBe(true);
  });
});

describe('cron: complaints.config.json', () => {
  const root = process.cwd();

  it('runs report with no arguments from the config in the working directory', async () => {
    const cwd = mkdtempSync(join(dir, 'cron-'));
    writeFileSync(
      join(cwd, 'complaints.config.json'),
      JSON.stringify({
        inputs: [
          `${root}/fixtures/metrics/95598-20*.xlsx`,
          `${root}/fixtures/metrics/*-gb18030.csv`,
        ],
        targets: `${root}/fixtures/metrics/targets-2016.csv`,
        period: '2016Q4',
        prorate: true,
        charts: false,
        out: '投诉分析-{period}.xlsx',
      }),
    );
    const run = complaints(['report'], { cwd });
    expect(run.code).toBe(0);
    const out = join(cwd, '投诉分析-2016Q4.xlsx');
    expect(run.stderr.split('\n')[0]).toBe(
      '已写入 投诉分析-2016Q4.xlsx（10 个工作表，投诉 51 条）',
    );
    const book = await read(out);
    expect(book.getWorksheet('概览')!.getCell('A2').value).toContain('统计期间：2016年第四季度');
    expect(book.getWorksheet('概览')!.getCell('A5').value).toBe(QUARTER_CAPTION);
    expect(book.worksheets.every((s) => s.getImages().length === 0)).toBe(true);
    // The command line wins over the file.
    const quiet = complaints(
      ['report', '--quiet', '--month', '2016-11', '--out', join(cwd, 'nov.xlsx')],
      { cwd },
    );
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    expect(existsSync(join(cwd, 'nov.xlsx'))).toBe(true);
  });

  // [the config file, its refusal in Chinese (the default), in English (--lang en)]
  it.each([
    [
      '{"peroid": "previous-month"}',
      /^complaints: complaints\.config\.json："peroid"：未知的设置项；是不是 "period"？\n$/,
      /"peroid": unknown setting; did you mean "period"\?/,
    ],
    [
      '{"inputs": 5}',
      /^complaints: complaints\.config\.json："inputs"：应为由文件路径或通配模式组成的数组，实际是数字 5。\n$/,
      /"inputs": expected an array of file paths or globs/,
    ],
    [
      '{"period": "last-month", "inputs": ["x.csv"]}',
      /"period"："last-month" 不是期间规则。\n {2}请用以下规则之一：previous-month、/,
      /"period"/,
    ],
    [
      '{"inputs": ["nothing-*.csv"]}',
      /"inputs"："nothing-\*\.csv" 在 .* 中没有匹配到导出文件。\n {2}模式相对于配置文件所在的文件夹；/,
      /nothing-\*\.csv/,
    ],
    [
      '{ "inputs": [',
      /^complaints: complaints\.config\.json：第 1 行第 14 列不是有效的 JSON：文件在 JSON 结束之前就完了，是不是少了结尾的 }、] 或 "？\n {2}JSON 要用英文双引号/,
      /complaints\.config\.json: not valid JSON: Unexpected end of JSON input\./,
    ],
  ])('refuses %s with a precise message (exit 2)', (text, message, english) => {
    const cwd = mkdtempSync(join(dir, 'bad-config-'));
    writeFileSync(join(cwd, 'complaints.config.json'), text);
    const run = complaints(['report'], { cwd });
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(message);
    const en = complaints(inEnglish(['report']), { cwd });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(english);
  });

  it('says what to do with no inputs and no config', () => {
    const cwd = mkdtempSync(join(dir, 'empty-'));
    const run = complaints(['analyze'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'complaints: 没有输入文件。\n  请给出导出文件，或在 complaints.config.json（或 --config FILE）中写明 "inputs"。\n',
    );
    expect(complaints(inEnglish(['analyze']), { cwd }).stderr).toContain('no input files');
  });
});
