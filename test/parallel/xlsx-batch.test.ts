/**
 * The pieces of reading a workbook in two threads that run without a worker: rows to a batch
 * and back (xlsx-batch.ts), and the replay that lets this thread go on where a failed worker
 * stopped (replaySink in xlsx-read.ts).
 */
import { describe, expect, it } from 'vitest';
import type { RawRow, TableInfo, TableSink } from '../../src/io/table.js';
import { BatchWriter, batchBuffers, readBatch } from '../../src/parallel/xlsx-batch.js';
import { replaySink, type SheetRecord } from '../../src/parallel/xlsx-read.js';

describe('row batches', () => {
  it('give back every cell as it was: texts, numbers, booleans, dates, empty cells', () => {
    const rows: RawRow[] = [
      { row: 1, cells: ['工单编号', '受理时间', null, '😀𠮷', ''] },
      { row: 2, cells: [] },
      {
        row: 7,
        cells: [42, -0, 1e-300, true, false, new Date(Date.UTC(2016, 8, 11, 8, 30)), null, 'x'],
      },
      { row: 1_048_576, cells: [null, null, 'a&b'.repeat(20_000)] },
    ];
    const writer = new BatchWriter();
    for (const row of rows) writer.add(row);
    expect(writer.rowCount).toBe(4);
    const batch = writer.take();
    expect(writer.rowCount).toBe(0);
    expect(batch.texts).toEqual(['工单编号受理时间😀𠮷x' + 'a&b'.repeat(20_000)]);
    expect(Array.from(batch.kinds.slice(0, 5))).toEqual([1, 1, 0, 1, 1]);
    expect(batchBuffers(batch)).toHaveLength(5);
    const back = readBatch(batch);
    expect(back).toEqual(rows);
    expect(Object.is(back[2]!.cells[1], -0)).toBe(true);
    expect(back[2]!.cells[5]).toBeInstanceOf(Date);
  });

  it('grow past their first sizes and start empty after take', () => {
    const writer = new BatchWriter();
    const rows: RawRow[] = Array.from({ length: 20_000 }, (_, i) => ({
      row: i + 1,
      cells: [`GD${i}`, i, i % 2 === 0, null, i * 0.5],
    }));
    for (const row of rows) writer.add(row);
    const batch = writer.take();
    // 128,890 characters of ids (GD0 … GD19999), cut once a piece reaches 16,384: the first
    // after GD0–GD2915 (4,890 characters to GD999, then 1,916 of 6).
    expect(batch.texts.map((t) => t.length)).toEqual([
      16_386, 16_386, 16_386, 16_389, 16_387, 16_387, 16_387, 14_182,
    ]);
    expect(Array.from(batch.cuts)).toEqual([
      2_916, 5_647, 8_378, 10_951, 13_292, 15_633, 17_974, 20_000,
    ]);
    expect(readBatch(batch)).toEqual(rows);
    writer.add({ row: 3, cells: ['a'] });
    expect(readBatch(writer.take())).toEqual([{ row: 3, cells: ['a'] }]);
  });
});

/** A sink that logs what it is given and answers as told. */
function logSink(
  refuseAfter = Infinity,
  endAnswers: boolean[] = [],
): {
  sink: TableSink;
  log: string[];
} {
  const log: string[] = [];
  let rows = 0;
  let ends = 0;
  const sink: TableSink = {
    begin: (info: TableInfo) => void log.push(`begin ${info.sheet}`),
    rows: (batch) => {
      log.push(`rows ${batch.map((r) => r.row).join(',')}`);
      rows += batch.length;
      return rows < refuseAfter;
    },
    broken: () => {},
    end: () => {
      log.push('end');
      return endAnswers[ends++] ?? true;
    },
  };
  return { sink, log };
}

const rowsOf = (from: number, to: number): RawRow[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ row: from + i, cells: [] }));

describe('replaySink: reading again on this thread after the worker failed', () => {
  it('skips the rows the sink took and gives it the rest, cut inside a batch', () => {
    const { sink, log } = logSink();
    const record: SheetRecord[] = [{ rows: 5, taken: true, ended: false, answer: false }];
    const replay = replaySink(sink, record);
    replay.begin({ sheet: 'a', sheetIndex: 1 });
    expect(replay.rows(rowsOf(1, 3))).toBe(true);
    expect(replay.rows(rowsOf(4, 7))).toBe(true);
    expect(replay.rows(rowsOf(8, 9))).toBe(true);
    expect(replay.end()).toBe(true);
    expect(log).toEqual(['rows 6,7', 'rows 8,9', 'end']);
  });

  it('answers again what the sink answered for sheets it saw whole, then goes on', () => {
    const { sink, log } = logSink(Infinity, [true]);
    const record: SheetRecord[] = [
      // A first sheet without a header: refused after 4 rows, then left.
      { rows: 4, taken: false, ended: true, answer: false },
      { rows: 2, taken: true, ended: false, answer: false },
    ];
    const replay = replaySink(sink, record);
    replay.begin({ sheet: 'a', sheetIndex: 1 });
    expect(replay.rows(rowsOf(1, 3))).toBe(true);
    expect(replay.rows(rowsOf(4, 6))).toBe(false);
    expect(replay.end()).toBe(false);
    replay.begin({ sheet: 'b', sheetIndex: 2 });
    expect(replay.rows(rowsOf(1, 4))).toBe(true);
    expect(replay.end()).toBe(true);
    expect(log).toEqual(['rows 3,4', 'end']);
  });

  it('a sheet refused but not yet ended: refused again, its end given to the sink', () => {
    const { sink, log } = logSink(Infinity, [false]);
    const record: SheetRecord[] = [{ rows: 6, taken: false, ended: false, answer: false }];
    const replay = replaySink(sink, record);
    replay.begin({ sheet: 'a', sheetIndex: 1 });
    expect(replay.rows(rowsOf(1, 6))).toBe(false);
    expect(replay.end()).toBe(false);
    replay.begin({ sheet: 'b', sheetIndex: 2 });
    replay.rows(rowsOf(1, 1));
    expect(log).toEqual(['end', 'begin b', 'rows 1']);
  });

  it('nothing recorded: everything goes to the sink, the sink answers', () => {
    const { sink, log } = logSink(2);
    const replay = replaySink(sink, []);
    replay.begin({ sheet: 'a', sheetIndex: 1 });
    expect(replay.rows(rowsOf(1, 1))).toBe(true);
    expect(replay.rows(rowsOf(2, 2))).toBe(false);
    expect(log).toEqual(['begin a', 'rows 1', 'rows 2']);
  });
});
