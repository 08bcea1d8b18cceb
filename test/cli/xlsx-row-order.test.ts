/**
 * A sheet whose <row r="…"> elements are not in ascending order (never Excel's, but some
 * generators' and hand edits'): read in the file's order, each row under its own number, said
 * (file, sheet, first row out of order) by inspect and on every command's stderr; a gap filled
 * later is not blank rows, a row numbered above the header sits above it, and a number met twice
 * is refused (exit 2) rather than counted twice. The worker path (src/parallel/xlsx-*.ts, forced
 * on with tiny batches) gives the same, byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints, isPlainError } from '../helpers/cli.js';
import { row, workbook } from '../helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-row-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['工单编号', '受理时间', '供电单位', '业务类型', '受理内容'];
const order = (n: number) => [
  `GD10${n}`,
  `2016-09-0${n} 08:30:00`,
  '国网祁门县供电公司',
  '投诉',
  '抢修人员到场晚了两个小时',
];

function file(name: string, rows: string): string {
  const path = join(dir, name);
  writeFileSync(path, workbook({ sheets: [{ name: '工单明细', rows }] }));
  return path;
}

// The header on row 2; in the file: rows 3, 6, 4, 5, 8, then 1. Row 7 is the one blank row;
// row 1 (a title, written last) is above the header, as LibreOffice and openpyxl place it.
const shuffled = file(
  'shuffled.xlsx',
  row(2, HEADER) +
    row(3, order(1)) +
    row(6, order(4)) +
    row(4, order(2)) +
    row(5, order(3)) +
    row(8, order(5)) +
    row(1, ['国网黄山供电公司投诉工单导出']),
);
// Row 4 twice: reading both would count one row twice, and which is the sheet's is a guess.
const twice = file(
  'twice.xlsx',
  row(1, HEADER) + row(2, order(1)) + row(3, order(2)) + row(4, order(3)) + row(4, order(4)),
);

interface Inspected {
  inputs: {
    rows: number;
    notes: string[];
    skipped: { beforeHeader: number; blank: number };
  }[];
}

describe('xlsx rows out of row-number order', () => {
  it('inspect: every row once, the one real gap as blank, and the order said', () => {
    const run = complaints(['inspect', shuffled, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const input = (JSON.parse(run.stdout) as Inspected).inputs[0]!;
    expect(input.rows).toBe(5);
    expect(input.skipped).toMatchObject({ beforeHeader: 1, blank: 1 });
    expect(input.notes).toContain(
      "sheet 工单明细: rows are not in row-number order (row 4 comes after row 6); read in the file's order, each under its own number.",
    );
    const text = complaints(['inspect', shuffled]);
    expect(text.stdout).toContain(
      '工作表 工单明细 的行没有按行号排列（第 4 行在第 6 行之后），已按文件中的顺序读取，每行仍用它自己的行号。',
    );
    expect(text.stdout).toMatch(/跳过\s+表头前 1 行，空行 1，合计行 0/);
  });

  it('analyze says it on stderr, naming the file, in both languages', () => {
    const zh = complaints(['analyze', shuffled, '--json']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain(
      `${shuffled}：工作表 工单明细 的行没有按行号排列（第 4 行在第 6 行之后）`,
    );
    expect(JSON.parse(zh.stdout).totals.complaints).toBe(5);
    const en = complaints(['analyze', shuffled, '--json', '--lang', 'en']);
    expect(en.stderr).toContain(
      `${shuffled}: sheet 工单明细: rows are not in row-number order (row 4 comes after row 6)`,
    );
  });

  it('a row number met twice is refused, exit 2, naming the file, the sheet and the row', () => {
    const zh = complaints(['analyze', twice]);
    expect(zh.code).toBe(2);
    expect(isPlainError(zh.stderr)).toBe(true);
    expect(zh.stderr).toContain(`${twice}：工作簿已损坏：工作表 工单明细 有两行的行号都是 4。`);
    const en = complaints(['inspect', twice, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      `${twice}: the workbook is damaged: sheet 工单明细 has two rows numbered 4.`,
    );
  });

  it.each([
    ['shuffled', shuffled],
    ['twice', twice],
  ])(
    'the worker path gives what one thread gives: %s',
    (name, path) => {
      const log = join(dir, `${name}.jsonl`);
      writeFileSync(log, '');
      const one = complaints(['analyze', path, '--json', '--threads', '1']);
      const two = complaints(['analyze', path, '--json', '--threads', '2'], {
        env: { COMPLAINTS_TEST_XLSX_WORKER: '1', COMPLAINTS_TEST_XLSX_LOG: log },
      });
      // The worker read it (the damaged one: it met the repeated row, and this thread said so).
      const read = readFileSync(log, 'utf8').trim().split('\n');
      expect(read.map((line) => JSON.parse(line).fallback)).toEqual([name === 'twice']);
      expect(two.code).toBe(one.code);
      expect(two.stderr).toBe(one.stderr);
      expect(two.stdout).toBe(one.stdout);
    },
    60_000,
  );
});
