/**
 * No option is silently ignored (issue 12), through the real program on real files: the
 * refusals of test/settings/unused.test.ts end in exit 2 with their message; the audit list
 * is written and read back; folders and quoted patterns are read; periods in every form.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { ROOT, complaints, isPlainError } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEP = 'fixtures/95598-2016-09-11.xlsx';
const NOV = 'fixtures/95598-2016-11-12-gb18030.csv';
const M = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = 'fixtures/metrics/targets-2016.csv';

describe('options a command would not use are refused, exit 2', () => {
  it.each<[string[], string]>([
    [
      ['trend', ...M, '--targets', TARGETS],
      'complaints: trend: --targets is not used: trend shows no targets.',
    ],
    [
      ['assess', ...M, '--targets', TARGETS, '--top', '3'],
      'complaints: assess: --top is not used: assess has no hot-spot or repeat-complainant lists.',
    ],
    [
      ['analyze', ...M, '--prorate'],
      'complaints: analyze: --prorate is not used: it scales the targets, and no targets file is given.',
    ],
    [
      ['analyze', ...M, '--detail'],
      'complaints: analyze: --detail is not used: it adds 明细 to the workbook, and analyze writes none without --out FILE.xlsx.',
    ],
    [
      ['report', ...M, '--out', join(dir, 'r.csv'), '--no-charts'],
      `complaints: report: --no-charts is not used: it leaves the charts out of the workbook, and --out ${join(dir, 'r.csv')} is not one.`,
    ],
    [
      ['classify', SEP, '--limit', '5'],
      'complaints: classify: --limit is not used: it limits the rows --audit and --evaluate show.',
    ],
    [
      ['classify', SEP, '--train', SEP, '--model', join(dir, 'm.json')],
      `complaints: classify --train: input files are not used: --train reads the labelled files it names, not ${SEP}.`,
    ],
    [
      ['classify', '--evaluate', 'fixtures/eval/test.csv', '--out', join(dir, 'e.xlsx')],
      'complaints: classify --evaluate: --out is not used: --evaluate prints its measures; --json FILE writes all of them.',
    ],
    [
      ['taxonomy', 'county-4x17', '--validate', 'x.json'],
      'complaints: taxonomy: county-4x17 is not used: --validate checks the file it names.',
    ],
  ])('%j', (args, message) => {
    const run = complaints(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(message);
    expect(isPlainError(run.stderr)).toBe(true);
  });
});

describe('classify --audit --out: the audit list for the units', () => {
  const COLUMNS = [
    '供电单位',
    '工单编号',
    '受理时间',
    '记录分类',
    '内容判定',
    '判定方式',
    '置信度',
    '判定依据',
    '受理内容',
    '来源文件',
    '行',
  ];

  it('writes a workbook with every disagreement, the unit first, and says so', async () => {
    const out = join(dir, 'audit.xlsx');
    const terminal = complaints(['classify', SEP, NOV, '--audit', '--json']);
    const found = JSON.parse(terminal.stdout).disagreements as {
      id: string;
      unit: string;
      accepted: string;
      recorded: string;
      textSays: string;
      confidence: number;
      file: string;
      row: number;
    }[];
    expect(found.length).toBeGreaterThan(0);
    const run = complaints(['classify', SEP, NOV, '--audit', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^已写入 ${out}（\\d+ 条有记录分类的投诉中 ${found.length} 条与内容判定不一致）\\n$`,
      ),
    );
    const written = await readAll(out);
    expect(written.rows[0]!.cells).toEqual(COLUMNS);
    expect(written.rows.length - 1).toBe(found.length);
    written.rows.slice(1).forEach((r, i) => {
      const d = found[i]!;
      const [unit, id, accepted, recorded, textSays, , confidence, , , file, row] = r.cells;
      expect([unit, id, recorded, textSays, confidence, file, row]).toEqual([
        d.unit,
        d.id,
        d.recorded,
        d.textSays,
        d.confidence,
        d.file,
        d.row,
      ]);
      // A real date cell, holding the wall-clock time of the export.
      expect(accepted).toBeInstanceOf(Date);
      expect((accepted as Date).toISOString().slice(0, 19).replace('T', ' ')).toBe(d.accepted);
    });
    const ExcelJS = loadExcelJS();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('分类核查');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet.getCell('G2').numFmt).toBe('0.00');
  });

  it('writes it as CSV, in English with --lang en', async () => {
    const out = join(dir, 'audit.csv');
    const run = complaints(['classify', SEP, '--audit', '--out', out, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^wrote .*audit\.csv \(\d+ of \d+ complaints with a recorded class disagree with their text\)\n$/,
    );
    const written = await readAll(out);
    expect(written.rows[0]!.cells).toEqual([
      'unit',
      'id',
      'accepted',
      'recorded',
      'textSays',
      'method',
      'confidence',
      'evidence',
      'content',
      'sourceFile',
      'row',
    ]);
    expect(written.rows[1]!.cells[3]).toMatch(/^[A-Z][a-z]/);
  });
});

describe('a folder or a quoted pattern as an input', () => {
  const exports = join(dir, 'exports');
  mkdirSync(join(exports, '2015'), { recursive: true });
  mkdirSync(join(exports, '.old'), { recursive: true });
  cpSync(join(ROOT, M[0]!), join(exports, '2015', '95598-2015.xlsx'));
  cpSync(join(ROOT, M[1]!), join(exports, '95598-2016-01-06.xlsx'));
  cpSync(join(ROOT, M[2]!), join(exports, '95598-2016-06-12-gb18030.csv'));
  cpSync(join(ROOT, SEP), join(exports, '.old', 'other.xlsx'));
  writeFileSync(join(exports, 'notes.docx'), 'not an export');
  const json = (args: string[], cwd = ROOT) => {
    const run = complaints([...args, '--json'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    return { result: JSON.parse(run.stdout), stderr: run.stderr };
  };

  it('reads the exports in a folder as if they were listed, and says which', () => {
    const listed = json(['analyze', ...M, '--targets', TARGETS]).result;
    const { result, stderr } = json(['analyze', 'exports', '--targets', join(ROOT, TARGETS)], dir);
    expect(result.totals).toEqual(listed.totals);
    expect(result.units).toEqual(listed.units);
    expect(stderr).toBe(
      'exports：读取 3 个文件 exports/2015/95598-2015.xlsx、exports/95598-2016-01-06.xlsx、exports/95598-2016-06-12-gb18030.csv；未读取 exports/notes.docx\n',
    );
  });

  it('expands a quoted pattern, and --quiet says nothing', () => {
    const run = complaints(['inspect', 'exports/*.xlsx', '--json', '--quiet'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).inputs.map((i: { file: string }) => i.file)).toEqual([
      'exports/95598-2016-01-06.xlsx',
    ]);
  });

  it('refuses a pattern that matches nothing', () => {
    const run = complaints(['analyze', 'exports/*.xls'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'complaints: exports/*.xls: no file matches this pattern.\n  Check the folder and the extension (patterns are relative to the working directory).\n',
    );
  });
});

describe('periods as analysts write them', () => {
  it.each([
    ['--month', '201611'],
    ['--month', '2016年11月'],
    ['--quarter', '2016年第四季度'],
    ['--quarter', '2016年4季度'],
    ['--year', '2016年'],
  ])('%s %s reads the same period as the canonical form', (option, value) => {
    const canonical = { '--month': '2016-11', '--quarter': '2016Q4', '--year': '2016' }[option]!;
    const a = complaints(['analyze', ...M, option, value, '--json']);
    const b = complaints(['analyze', ...M, option, canonical, '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).period).toEqual(JSON.parse(b.stdout).period);
  });
});
