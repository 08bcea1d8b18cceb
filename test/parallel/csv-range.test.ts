/**
 * Reading one byte range of a real CSV file (src/parallel/csv-range.ts): rows numbered from the
 * range's start, or — with lineOffset, when the main thread reads a later range again itself —
 * from the file's, in the reasons of rejects too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrokenRow, RawRow, TableSink } from '../../src/io/table.js';
import { readCsvRange, type CsvRange } from '../../src/parallel/csv-range.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Lines: 1 header, 2 a row, 3-4 a row with a quoted line break, 5 a row, 6-7 an open quote.
const text = 'id,text\r\n1,一\r\n2,"二\r\n二"\r\n3,三\r\n4,"四\r\n四\r\n';
const file = join(dir, 'range.csv');
writeFileSync(file, text);
const bytes = Buffer.from(text);
const lineStart = (line: number) => {
  let at = 0;
  for (let n = 1; n < line; n++) at = bytes.indexOf(10, at) + 1;
  return at;
};

function read(range: Partial<CsvRange>) {
  const rows: (number | string)[][] = [];
  const broken: [number, string][] = [];
  const sink: TableSink = {
    begin: () => {},
    rows: (batch: RawRow[]) => {
      for (const r of batch) rows.push([r.row, ...(r.cells as string[])]);
      return true;
    },
    broken: (row: BrokenRow) => void broken.push([row.row, row.reason]),
    end: () => true,
  };
  const whole: CsvRange = {
    path: file,
    encoding: 'utf-8',
    bomLength: 0,
    delimiter: ',',
    start: 0,
    end: bytes.length,
    size: bytes.length,
  };
  return readCsvRange({ ...whole, ...range }, sink).then((end) => ({ rows, broken, end }));
}

describe('readCsvRange', () => {
  it('numbers rows from the range start, or after lineOffset, and counts the lines it read', async () => {
    const start = lineStart(3);
    const relative = await read({ start, end: lineStart(6) });
    expect(relative.rows).toEqual([
      [1, '2', '二\r\n二'],
      [3, '3', '三'],
    ]);
    expect(relative.end.lines).toBe(3);
    expect(relative.end.boundary).toBe(lineStart(6));
    const absolute = await read({ start, end: lineStart(6), lineOffset: 2 });
    expect(absolute.rows).toEqual([
      [3, '2', '二\r\n二'],
      [5, '3', '三'],
    ]);
    expect(absolute.end.lines).toBe(3);
  });

  it('names the lines of a quote left open in file lines with lineOffset', async () => {
    const { rows, broken, end } = await read({ start: lineStart(5), lineOffset: 4 });
    expect(rows).toEqual([[5, '3', '三']]);
    expect(broken).toEqual([
      [
        6,
        'unbalanced quote: a field opened with " on line 6 never closes (the 2 lines from there on were read as one row)',
      ],
    ]);
    expect(end.unbalanced).toBe(true);
    expect(end.lines).toBe(3);
  });

  it('runs on past its end when the cut fell inside a quoted field', async () => {
    const { rows, end } = await read({ start: lineStart(2), end: lineStart(4), lineOffset: 1 });
    expect(rows).toEqual([
      [2, '1', '一'],
      [3, '2', '二\r\n二'],
    ]);
    expect(end.boundary).toBe(lineStart(5));
    expect(end.lines).toBe(3);
  });
});
