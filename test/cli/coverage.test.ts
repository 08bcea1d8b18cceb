/**
 * Data that is incomplete says so, everywhere (issue 12), end to end on fixtures/coverage (made by
 * scripts/make-coverage-fixtures.js, whose figures are counted by the generator): an export that
 * ends on 26 December, the same as CSV with nothing but its daily volume to tell, a month no
 * input covers, targets that do not match, business types as codes, and duplicates that differ
 * only in how they are written. The real program, its JSON, its terminal, its workbook read back
 * and its stderr, off a terminal and on one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { runPipeline } from '../../src/pipeline.js';
import { buildReportModel } from '../../src/report/model.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import { complaints, isPlainError, ROOT, apartFromJsonNotes } from '../helpers/cli.js';

const DIR = 'fixtures/coverage';
const expected = JSON.parse(readFileSync(join(ROOT, DIR, 'expected.json'), 'utf8'));
const at = (file: string) => `${DIR}/${file}`;
const Y2015 = at('95598-2015.xlsx');
const XLSX = at('95598-2016-1226.xlsx');
const CSV = at('95598-2016-1226.csv');
const CODES = at('95598-2016-11-codes.csv');
const ODD = at('targets-2016-odd.xlsx');
const MAP = at('targets-2016-map.csv');

const out = mkdtempSync(join(tmpdir(), 'complaints-coverage-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function json(args: string[]): Json {
  const run = complaints([...args, '--json']);
  expect(apartFromJsonNotes(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('an export that ends on 26 December', () => {
  // The xlsx says so in its title (导出时间); the CSV only by its empty last days.
  it.each([
    [XLSX, 'exported'],
    [CSV, 'rows'],
  ])('%s: December is partial, to the 26th (judged by %s)', (file, basis) => {
    const r = json(['analyze', Y2015, file]);
    expect(r.inputs[0].coverage).toMatchObject({
      from: '2015-01-01',
      to: '2015-12-31',
      basis: 'stated',
    });
    expect(r.inputs[1].coverage).toMatchObject({ from: '2016-01-01', to: '2016-12-26', basis });
    const months = r.months as Json[];
    expect(months.filter((m) => m.partial)).toEqual([
      expect.objectContaining({
        month: '2016-12',
        through: '2016-12-26',
        complaints: 30,
        mom: null,
        yoy: null,
      }),
    ]);
    // Complete months: partial false, through null (absent values are null, DESIGN.md §6).
    expect(months[10]).toMatchObject({ month: '2016-11', partial: false, through: null });
    expect(r.notes.map((n: Json) => n.code)).toContain('months-partial');
  });

  it('the −40% 环比, the 0.54 seasonal index and the 24% compound reduction are gone', () => {
    const year = json(['analyze', Y2015, XLSX]);
    const dec = year.seasonality.months[11];
    expect(dec.values).toEqual({ 2015: 48 });
    expect(dec.index).toBeCloseTo(expected.leftOut.decemberSeasonalIndex, 12);
    const half = json(['trend', Y2015, CSV, '--from', '2016-07', '--to', '2016-12']);
    expect(half.months.at(-1).mom).toBeNull();
    expect(half.trend.avgMonthlyReduction.compound).toBeCloseTo(
      expected.leftOut.compoundJulyToNovember,
      12,
    );
    expect(half.trend.avgMonthlyReduction.arithmetic).toBeCloseTo(
      expected.leftOut.arithmeticJulyToNovember,
      12,
    );
  });

  it('no 同比 for a period that holds the short December: not the month, its year, a unit or a class', () => {
    // 30 complaints in 26 days against 48 in the whole December of 2015 read as −37.5%, and the
    // year as −0.11%: neither happened. The year before is whole; the period is not.
    for (const period of [
      ['--month', '2016-12'],
      ['--quarter', '2016Q4'],
      ['--year', '2016'],
    ]) {
      const r = json(['analyze', Y2015, XLSX, ...period]);
      expect(r.period.yearEarlier).toBeNull();
      expect(r.totals.yoy).toBeNull();
      expect(r.totals.previous).toBeNull();
      expect((r.units as Json[]).map((u) => u.yoy)).toEqual(r.units.map(() => null));
      expect((r.categories.level1 as Json[]).every((c) => c.yoy === null)).toBe(true);
      expect((r.categories.discipline as Json[]).every((c) => c.yoy === null)).toBe(true);
    }
    const whole = json(['analyze', Y2015, XLSX, '--month', '2016-12', '--include-partial']);
    expect(whole.totals).toMatchObject({ complaints: 30, previous: 48, yoy: -0.375 });
    // A whole month of the same year is still compared.
    expect(json(['analyze', Y2015, XLSX, '--month', '2016-11']).totals.yoy).not.toBeNull();
  });

  it('no class "falls by 100%" for a short December (trend --by level2)', () => {
    const r = json(['trend', Y2015, CSV, '--from', '2016-07', '--to', '2016-12', '--by', 'level2']);
    const falling = (r.series as Json[]).filter((s) => s.avgMonthlyReduction.compound === 1);
    expect(falling).toEqual([]);
  });

  it('--include-partial counts December as a whole month: the figures of the issue return', () => {
    const year = json(['analyze', Y2015, XLSX, '--include-partial']);
    expect(year.settings.includePartial).toBe(true);
    expect(year.months[11]).toMatchObject({ partial: true, through: '2016-12-26' });
    expect(year.months[11].mom).toBeCloseTo(expected.asWholeMonth.decemberMom, 12);
    expect(year.seasonality.months[11].index).toBeCloseTo(
      expected.asWholeMonth.decemberSeasonalIndex,
      12,
    );
    const args = ['trend', Y2015, CSV, '--from', '2016-07', '--to', '2016-12', '--include-partial'];
    expect(json(args).trend.avgMonthlyReduction.compound).toBeCloseTo(
      expected.asWholeMonth.compoundJulyToDecember,
      12,
    );
    // The classes whose partial December is 0: once "falling by 100%", now without a compound
    // rate (no rate runs to 0: review2 item 20).
    const falling = (json([...args, '--by', 'level2']).series as Json[])
      .filter((s) => s.avgMonthlyReduction.compound === null)
      .map((s) => s.name)
      .sort();
    expect(falling).toEqual([...expected.asWholeMonth.classesFallingBy100].sort());
  });

  it('the terminal marks the month with the day its data runs to, and says why', () => {
    const run = complaints(['trend', Y2015, XLSX]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/数据截至/);
    expect(run.stdout).toMatch(/^2016-12 +30 +23 +- +48 +- +2016-12-26$/m);
    // The rates' span is said beside them: December is not in it.
    expect(run.stdout).toContain('月均下降率（2016-01至2016-11）：算术 −0.6%，复合 1.47%');
    expect(run.stdout).toContain(
      '2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率（加 --include-partial 可作整月计入）。',
    );
    const en = complaints(['trend', Y2015, XLSX, '--lang', 'en', '--by', 'level1']);
    expect(en.stdout).toMatch(/data through/);
    expect(en.stdout).toMatch(/16-12\*/);
    expect(en.stdout).toContain('2016-12 runs only to 12-26: left out of 环比 (mom)');
  });

  it('the units CSV says on every row the day its figures run to', () => {
    const file = join(out, 'units.csv');
    const run = complaints(['report', Y2015, XLSX, '--out', file, '--lang', 'en', '--quiet']);
    expect(run.code).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]!.split(',').at(-1)).toBe('through');
    for (const line of lines.slice(1)) expect(line.split(',').at(-1)).toBe('2016-12-26');
  });

  it('the trend chart leaves December out and says so', async () => {
    const settings = await resolveSettings({ inputs: [Y2015, XLSX], options: {} }, null, 'report');
    const result = await runPipeline(settings);
    const model = buildReportModel({ result, lang: 'zh', generatedAt: '-' });
    const chart = model.charts.find((c) => c.name === 'trend')!;
    expect(chart.name === 'trend' && chart.months.at(-1)).toBe('2016-11');
    expect(chart.subtitle).toContain('2016-12 数据不完整，未画出');
  });
});

/** Every text cell of every sheet of a workbook. */
async function texts(file: string): Promise<Map<string, string[]>> {
  const ExcelJS = loadExcelJS();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const all = new Map<string, string[]>();
  book.eachSheet((sheet) => {
    const list: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') list.push(cell.value);
      }),
    );
    all.set(sheet.name, list);
  });
  return all;
}

describe('the workbook and stderr of report', () => {
  const file = join(out, 'year.xlsx');
  const run = complaints([
    'report',
    Y2015,
    XLSX,
    '--targets',
    ODD,
    '--year',
    '2016',
    '--prorate',
    '--out',
    file,
  ]);

  it('off a terminal, stderr names the file, then the notes that change a figure', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^已写入 .*year\.xlsx（/);
    expect(lines.slice(1)).toEqual([
      '  2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率（加 --include-partial 可作整月计入）。',
      '  本期数据不完整（2016-12 只到 12-26），考核投诉偏低：不与指标比较，不判断超指标（加 --include-partial 可作完整期间比较）。',
      `  ${ODD} 中没有 国网歙县供电公司、国网黟县供电公司 的指标：其投诉计入合计，但不与指标比较。`,
      `  国网歙县供电公（是否为 国网歙县供电公司？） 在 ${ODD} 中有指标，但输入中没有其工单：不计入总指标。`,
    ]);
  });

  it('--quiet says nothing', () => {
    const quiet = complaints([
      'report',
      Y2015,
      XLSX,
      '--targets',
      ODD,
      '--out',
      join(out, 'q.xlsx'),
      '--quiet',
    ]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('at a terminal too, after the output', () => {
    // script(1) gives the program a terminal for stdout and stderr.
    const tty = spawnSync(
      'script',
      [
        '-qec',
        `node bin/complaints.js report ${Y2015} ${XLSX} --out ${join(out, 't.xlsx')} --no-progress`,
        '/dev/null',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    if (tty.error) return; // no script(1) here
    const text = tty.stdout.replace(/\r/g, '');
    expect(text).toMatch(/已写入 .*t\.xlsx（.*\n {2}2016-12 只到 12-26/);
  });

  it('月度趋势 marks December with its last day; no sheet tells the reader what to type', async () => {
    const sheets = await texts(file);
    const monthly = sheets.get('月度趋势')!;
    expect(monthly).toContain('数据截至');
    expect(monthly).toContain('2016-12-26');
    expect(monthly).toContain('2016-12*');
    expect(monthly).toContain('2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率。');
    expect(sheets.get('季节性')).toContain(
      '2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率。',
    );
    for (const [name, list] of sheets)
      for (const text of list)
        expect(text, `${name}: ${text}`).not.toMatch(/--[a-z]|加 -|did you mean/);
    // 数据质量: the days each input covers, the partial month, the unmatched target.
    const quality = sheets.get('数据质量')!;
    expect(quality).toEqual(
      expect.arrayContaining([
        '导出时间 2016-12-26 11:42:05',
        '数据不完整的月份',
        '国网歙县供电公',
        '国网歙县供电公司',
      ]),
    );
    // A year short of its last days is not held against the targets, and says so (review2 #7).
    expect(sheets.get('单位')).toContain(
      '本期数据不完整（2016-12 只到 12-26），考核投诉偏低，不与指标比较，不判断超指标。',
    );
  });

  it('the totals row holds no target; the units with a target have their own row', async () => {
    // --include-partial: December counted as whole, so the year is held against the targets.
    const whole = join(out, 'year-whole.xlsx');
    const args = [
      Y2015,
      XLSX,
      '--targets',
      ODD,
      '--year',
      '2016',
      '--prorate',
      '--include-partial',
    ];
    expect(complaints(['report', ...args, '--out', whole, '--quiet']).code).toBe(0);
    const ExcelJS = loadExcelJS();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(whole);
    const sheet = book.getWorksheet('单位')!;
    const values = (label: string) => {
      let found: unknown[] | null = null;
      sheet.eachRow((row) => {
        if (!found && (row.values as unknown[]).includes(label)) found = row.values as unknown[];
      });
      return found!;
    };
    const r = json(['assess', ...args]);
    const withTarget = r.totals.withTarget;
    // Six units have a target (歙县 is misspelt in the file, 黟县 absent): their own sums.
    expect(withTarget.units).toBe(6);
    const six = (r.units as Json[]).filter((u) => u.target !== null);
    expect(withTarget.assessed).toBe(six.reduce((s, u) => s + u.assessed, 0));
    expect(r.totals.target).toBe(expected.targets.total - 115);
    expect(r.totals.overTargetRate).toBeCloseTo(
      (withTarget.assessed - r.totals.target) / r.totals.target,
      12,
    );
    const total = values('合计');
    expect(total).toContain(r.totals.complaints);
    expect(total).not.toContain(r.totals.target);
    const part = values('其中有指标的 6 个单位');
    expect(part).toEqual(
      expect.arrayContaining([withTarget.complaints, withTarget.assessed, r.totals.target]),
    );
  });
});

describe('targets that do not match', () => {
  it('--strict: exit 3, naming the unit and the closest one of the data', () => {
    const run = complaints(['assess', Y2015, XLSX, '--targets', ODD, '--strict']);
    expect(run.code).toBe(3);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain('国网歙县供电公（是不是 国网歙县供电公司？）');
    const en = complaints(['assess', Y2015, XLSX, '--targets', ODD, '--strict', '--lang', 'en']);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain('国网歙县供电公 (did you mean 国网歙县供电公司?)');
  });

  it('JSON: targets.unmatched with the closest unit', () => {
    const r = json(['assess', Y2015, XLSX, '--targets', ODD]);
    expect(r.targets.unmatched).toEqual([{ unit: '国网歙县供电公', closest: '国网歙县供电公司' }]);
  });

  it('headers no alias knows: refused with the headers seen, read with --map', () => {
    const refused = complaints(['assess', XLSX, '--targets', MAP]);
    expect(refused.code).toBe(2);
    expect(isPlainError(refused.stderr)).toBe(true);
    expect(refused.stderr).toContain('第 1 行的表头：考核对象、控制数、户。');
    expect(refused.stderr).toContain('--map target=表头');
    const en = complaints(['assess', XLSX, '--targets', MAP, '--lang', 'en']);
    expect(en.stderr).toContain('Headers found on row 1: 考核对象, 控制数, 户.');
    expect(en.stderr).toContain('--map target=HEADER');
    const r = json([
      'assess',
      XLSX,
      '--targets',
      MAP,
      '--map',
      'targetUnit=考核对象',
      '--map',
      'target=控制数',
      '--map',
      'customers=户',
      '--include-partial',
    ]);
    expect(r.totals.withTarget.units).toBe(8);
    expect(r.targets.unmatched).toEqual([]);
    expect(r.units.find((u: Json) => u.unit === '国网黟县供电公司')).toMatchObject({
      target: 25,
      customers: 44860,
    });
  });
});

describe('an export with no complaint at all: business types as codes', () => {
  it('exit 2, the most common values, and the code that looks like complaints', () => {
    const run = complaints(['analyze', CODES]);
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    const top = Object.entries(expected.codes.byCode as Record<string, number>)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([code, n]) => `${code} ${n}`);
    expect(run.stderr).toContain(
      `没有一行的业务类型表示投诉（表示投诉的值：投诉）。最常见的值：${top.join('、')}。`,
    );
    expect(run.stderr).toContain('请加 --complaint-type 03 重新运行');
    const en = complaints(['analyze', CODES, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      `no row has a business type (业务类型) meaning complaint (投诉). Most common values: ${top.join(', ')}.`,
    );
    expect(en.stderr).toContain('run again with --complaint-type 03');
  });

  it('--complaint-type 03 reads them', () => {
    const r = json(['analyze', CODES, '--complaint-type', '03']);
    expect(r.totals.complaints).toBe(expected.codes.byCode['03']);
  });

  it('inspect warns, and exits 0', () => {
    const run = complaints(['inspect', CODES]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--complaint-type 03');
  });
});

describe('duplicates that differ only in how they are written', () => {
  it('inspect: every copy a duplicate, three differing, each listed with the field', () => {
    const r = json(['inspect', XLSX, CSV, '--duplicates']);
    expect(r.totals.duplicates).toBe(expected.duplicates.count);
    expect(r.totals.duplicatesDiffering).toBe(3);
    expect((r.differingDuplicates as Json[]).map((d) => [d.id, d.later.file, d.changes])).toEqual(
      (expected.duplicates.differing as Json[]).map((d) => [
        d.id,
        CSV,
        [{ field: 'appealResult', from: '未申诉', to: '申诉成功' }],
      ]),
    );
    const text = complaints(['inspect', XLSX, CSV, '--duplicates']).stdout;
    expect(text).toContain('内容不同的重复工单 3 条：每张工单计入最后读到的一份');
    // The unit and month the copy counted falls in, the field, the effect, then both copies.
    expect(text).toMatch(
      new RegExp(
        `${expected.duplicates.differing[0].id} +\\S+供电公司\\S* +2016-\\d\\d +申诉结果 +未申诉 +申诉成功 +不再考核（申诉成功） +${XLSX}:\\d+ +${CSV}:\\d+（后一个输入）`,
      ),
    );
    expect(text).toContain(
      `另有 ${(expected.duplicates.count - 3).toLocaleString('en')} 条重复工单各份内容相同`,
    );
  });
});

describe('a month no input covers', () => {
  // 2016 from file 3 of fixtures/metrics alone: January to May are in no input.
  const args = [
    'fixtures/metrics/95598-2015.xlsx',
    'fixtures/metrics/95598-2016-06-12-gb18030.csv',
    '--targets',
    'fixtures/metrics/targets-2016.csv',
    '--year',
    '2016',
  ];
  const missing = '2016-01, 2016-02, 2016-03, 2016-04, 2016-05 不在任何输入中，按 0 计。';

  it('assess says so', () => {
    const run = complaints(['assess', ...args]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(missing);
  });

  it('report says so in 概览 and 数据质量, and on stderr', async () => {
    const file = join(out, 'missing.xlsx');
    const run = complaints(['report', ...args, '--out', file, '--no-charts']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`  ${missing}`);
    const sheets = await texts(file);
    expect(sheets.get('概览')).toContain(missing);
    expect(sheets.get('数据质量')).toContain(missing);
  });
});

describe('a run the config file drives (cron): advice in the config file’s terms', () => {
  const d = mkdtempSync(join(out, 'cron-'));
  const config = join(d, 'complaints.config.json');
  const write = (period: string) =>
    writeFileSync(
      config,
      JSON.stringify({
        inputs: [join(ROOT, Y2015), join(ROOT, XLSX)],
        period,
        out: join(d, 'r-{period}.xlsx'),
      }),
    );

  it('a partial month: set "includePartial" in the file, not an option', () => {
    write('2016');
    const run = complaints(['report'], { cwd: d });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率（在 ${config} 中设 "includePartial": true 可作整月计入）。`,
    );
    expect(run.stderr).not.toContain('--include-partial');
  });

  it('a period with no data: change "period" in the file', () => {
    write('2018');
    const run = complaints(['analyze'], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `  请把 ${config} 里的 "period" 改为导出文件覆盖的时段，或补上那个时段的导出文件。`,
    );
  });
});

describe('a month missing inside one export (review2 item 6)', () => {
  // The series file without July: read as the same rows split in two files (April – June,
  // August – December), July no input's, not a fall to 0.
  const series = readFileSync(join(ROOT, 'fixtures/metrics/95598-2016-04-12-series.csv'), 'utf8');
  const gap = join(out, 'gap.csv');
  writeFileSync(
    gap,
    series
      .split('\n')
      .filter((line) => !line.includes(',2016-07-'))
      .join('\n'),
  );

  it('trend: July in no input, 环比 and the reduction without it', () => {
    const r = json(['trend', gap]);
    expect(r.inputs[0].coverage.gaps).toEqual([{ from: '2016-07-01', to: '2016-07-31' }]);
    const months = new Map((r.months as Json[]).map((m) => [m.month, m]));
    expect(months.get('2016-07')).toMatchObject({ complaints: 0, partial: true, mom: null });
    expect(months.get('2016-08')).toMatchObject({ complaints: 231, mom: null });
    expect(r.notes.map((n: Json) => n.zh)).toContain('2016-07 不在任何输入中，按 0 计。');
    // Mean of the month-on-month falls between usable neighbours: Apr→May −13.94%, May→Jun
    // −9.66%, Aug→Sep −18.61%, Sep→Oct −20.21%, Oct→Nov −22%, Nov→Dec −23.93% = 18.06%.
    expect(r.trend.avgMonthlyReduction.arithmetic).toBeCloseTo(0.1806, 4);
  });

  it('inspect names the missing days', () => {
    const run = complaints(['inspect', gap]);
    expect(run.stdout).toContain(
      '缺 2016-07-01 至 2016-07-31（按日均工单量不应全无工单，按 0 计）',
    );
  });
});
