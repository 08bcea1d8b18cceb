/**
 * An input's notes are English in the JSON (inputs[].notes); `inspect` says them in Chinese by
 * default. Each form the readers write, and the command line on real files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zhInputNote } from '../../src/ingest/input-notes.js';
import { ROOT, complaints } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

describe('an input note in Chinese', () => {
  it.each([
    [
      'renamed.csv is an xlsx workbook despite its name; read as xlsx.',
      'renamed.csv 虽然扩展名不是 .xlsx，实际是 xlsx 工作簿，已按工作簿读取。',
    ],
    [
      'exports/11月.xlsm is a text file (CSV), not an xlsx workbook, despite its name; read as text.',
      'exports/11月.xlsm 虽然扩展名是 .xlsm，实际是文本文件（CSV），不是工作簿，已按文本读取。',
    ],
    [
      '--encoding gb18030 is ignored: a workbook carries its own.',
      '--encoding gb18030 未使用：工作簿自带编码。',
    ],
    [
      '--sheet 工单 is ignored: a text file has no sheets.',
      '--sheet 工单 未使用：文本文件没有工作表。',
    ],
    [
      'zip entry xl/worksheets/sheet1.xml: its own header disagrees with the zip directory (CRC, size in the data descriptor); read as the directory says. Save the workbook again in Excel/WPS to repair it.',
      'zip 条目 xl/worksheets/sheet1.xml 自身的头信息与 zip 目录不一致（CRC、数据描述符中的大小），已按目录读取。请在 Excel 或 WPS 中重新保存工作簿以修复。',
    ],
    [
      'Control characters (such as NUL) removed from 1 value used for grouping and matching, first in 供电单位 on row 7.',
      '1 个用于分组和匹配的值里有控制字符（如 NUL），已删除；第一个在第 7 行的 供电单位 列。',
    ],
    [
      'zip entry xl/worksheets/sheet1.xml: its own header disagrees with the zip directory (name xl/worksheets/sheetX.xml, compression method); read as the directory says. Save the workbook again in Excel/WPS to repair it.',
      'zip 条目 xl/worksheets/sheet1.xml 自身的头信息与 zip 目录不一致（名称 xl/worksheets/sheetX.xml、压缩方式），已按目录读取。请在 Excel 或 WPS 中重新保存工作簿以修复。',
    ],
    ['something new', 'something new'],
  ])('%s', (en, zh) => {
    expect(zhInputNote(en)).toBe(zh);
  });
});

describe('inspect prints the notes and the delimiter in the run’s language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'complaints-notes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an option a file cannot use, and the comma of a CSV', () => {
    const args = ['inspect', 'fixtures/95598-2016-08-pinyin.csv', '--sheet', '工单'];
    const zh = complaints(args);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('\n  --sheet 工单 未使用：文本文件没有工作表。\n');
    expect(zh.stdout).toMatch(/格式 +csv utf-8，分隔符 逗号，表头在第 1 行/);
    const en = complaints(inEnglish(args));
    expect(en.stdout).toContain('\n  --sheet 工单 is ignored: a text file has no sheets.\n');
    expect(en.stdout).toMatch(/delimiter comma/);
    const book = complaints(['inspect', 'fixtures/95598-2016-09-11.xlsx', '--encoding', 'gb18030']);
    expect(book.stdout).toContain('\n  --encoding gb18030 未使用：工作簿自带编码。\n');
    const json = JSON.parse(complaints([...args, '--json']).stdout);
    expect(json.inputs[0].notes).toEqual(['--sheet 工单 is ignored: a text file has no sheets.']);
  });

  it('values it cannot read, by their column as the export names it', () => {
    const file = join(dir, 'odd.csv');
    writeFileSync(
      file,
      '工单编号,受理时间,供电单位,业务类型,受理内容,核实结果,申诉结果\n' +
        'A1,2016-05-03 10:00,国网歙县供电公司,投诉,停电,也许,不知道\n' +
        'A2,2016-05-04 10:00,国网歙县供电公司,投诉,停电,是,成功\n',
    );
    expect(complaints(['inspect', file]).stdout).toMatch(
      /\n {2}无法识别的值 +核实结果 ×1：'也许'（第 2 行），申诉结果 ×1：'不知道'（第 2 行）\n/,
    );
    // No complaint has a class: analyze says 无 rather than leaving the line empty.
    expect(complaints(['analyze', file]).stdout).toContain('\n一级分类: 无\n');
    expect(complaints(inEnglish(['analyze', file])).stdout).toContain('\nlevel 1: none\n');
    expect(complaints(inEnglish(['inspect', file])).stdout).toMatch(
      /\n {2}unrecognised values +substantiated ×1: '也许' \(row 2\), appealResult ×1: '不知道' \(row 2\)\n/,
    );
  });
});

describe('a text file named .xlsx is read as text, and said so in the run’s language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'complaints-misnamed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const csv = join(dir, '95598-2016-08.xlsx');
  writeFileSync(csv, readFileSync(join(ROOT, 'fixtures/95598-2016-08-pinyin.csv')));
  // A TSV as some systems write it, under a workbook's name.
  const tsv = join(dir, '95598-2016-05.xlsm');
  writeFileSync(
    tsv,
    '工单编号\t受理时间\t供电单位\t业务类型\t受理内容\n' +
      'T1\t2016-05-03 10:00\t国网歙县供电公司\t投诉\t停电没有通知\n' +
      'T2\t2016-05-04 11:00\t国网黟县供电公司\t投诉\t电费太高\n',
  );
  const zhNote = (file: string, ext: string) =>
    `${file} 虽然扩展名是 ${ext}，实际是文本文件（CSV），不是工作簿，已按文本读取。\n`;
  const enNote = (file: string) =>
    `${file} is a text file (CSV), not an xlsx workbook, despite its name; read as text.\n`;

  it('analyze: read as CSV, the note on stderr (zh, en), none with --quiet', () => {
    const zh = complaints(['analyze', csv]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('总体: 工单 46，投诉 23');
    expect(zh.stderr).toBe(zhNote(csv, '.xlsx'));
    expect(complaints(inEnglish(['analyze', csv])).stderr).toBe(enNote(csv));
    expect(complaints(['analyze', csv, '--quiet']).stderr).toBe('');
  });

  it('a TSV named .xlsm, through trend and classify', () => {
    const trend = complaints(['trend', tsv]);
    expect(trend.code).toBe(0);
    expect(trend.stderr).toBe(zhNote(tsv, '.xlsm'));
    const classify = complaints(inEnglish(['classify', tsv]));
    expect(classify.code).toBe(0);
    expect(classify.stderr).toContain(enNote(tsv));
  });

  it('inspect: under the file, and in the JSON in English', () => {
    const text = complaints(['inspect', csv]);
    expect(text.stdout).toContain(`\n  ${zhNote(csv, '.xlsx')}`);
    expect(text.stdout).toMatch(/格式 +csv utf-8，分隔符 逗号/);
    const json = complaints(['inspect', csv, '--json']);
    expect(JSON.parse(json.stdout).inputs[0]).toMatchObject({
      format: 'csv',
      rows: 46,
      notes: [enNote(csv).trimEnd()],
    });
    expect(json.stderr).toBe(zhNote(csv, '.xlsx'));
  });

  it('read in byte ranges by worker threads, the same note', () => {
    const env = { COMPLAINTS_TEST_RANGE_BYTES: '600' };
    const run = complaints(['analyze', csv, '--threads', '2', '--json'], { env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).inputs[0].notes).toEqual([enNote(csv).trimEnd()]);
    expect(run.stderr).toBe(zhNote(csv, '.xlsx'));
  });
});
