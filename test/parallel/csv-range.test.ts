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
import { OpenEnd, readCsvRange, type CsvRange } from '../../src/parallel/csv-range.js';
import { READ_BYTES } from '../../src/io/file-chunks.js';

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

  // This thread's first range is begun before its end is known (parallel/read.ts): a cut made
  // while it reads ends it there, as if planned, or on past it when it falls inside a quote.
  describe('with its end open', () => {
    // 3 MiB of rows; row 185,000 holds a quoted line break.
    const lines = ['id,text'];
    for (let i = 1; i <= 200_000; i++) lines.push(i === 185_000 ? `${i},"甲\n乙"` : `${i},行${i}`);
    const big = join(dir, 'open.csv');
    const bigText = lines.join('\n') + '\n';
    writeFileSync(big, bigText);
    const bigBytes = Buffer.from(bigText);
    const startOf = (row: number) => bigBytes.indexOf(`\n${row},`) + 1;

    async function readOpen(cut: number) {
      const open = new OpenEnd(bigBytes.length);
      const ids: number[] = [];
      const cuts: boolean[] = [];
      const sink: TableSink = {
        begin: () => {},
        rows: (batch: RawRow[]) => {
          // The first rows: a cut within the piece in flight is refused, the one given is not.
          if (cuts.length === 0) cuts.push(open.cutAt(open.read), open.cutAt(cut));
          for (const r of batch) ids.push(Number(r.cells[0]));
          return true;
        },
        broken: () => {},
        end: () => true,
      };
      const range: CsvRange = {
        path: big,
        encoding: 'utf-8',
        bomLength: 0,
        delimiter: ',',
        start: 0,
        end: bigBytes.length,
        size: bigBytes.length,
        open,
      };
      const end = await readCsvRange(range, sink);
      return { ids, cuts, end, late: open.cutAt(bigBytes.length - 10) };
    }

    it('ends at a cut made while it reads', async () => {
      const cut = startOf(170_000);
      expect(cut).toBeGreaterThan(2 * READ_BYTES);
      const { ids, cuts, end, late } = await readOpen(cut);
      expect(cuts).toEqual([false, true]);
      expect(ids.length).toBe(170_000); // the header row, then rows 1 to 169,999
      expect(ids.at(-1)).toBe(169_999);
      expect(end.boundary).toBe(cut);
      expect(end.lines).toBe(170_000);
      expect(late).toBe(false); // once read, it cannot be cut
    });

    it('reads on to the end of the record when the cut falls inside a quoted field', async () => {
      const cut = startOf(185_000) + Buffer.byteLength('185000,"甲\n');
      const { ids, end } = await readOpen(cut);
      expect(ids.at(-1)).toBe(185_000);
      expect(end.boundary).toBe(startOf(185_001));
    });
  });
});
