/**
 * The row path's two kinds of row read each field alike: a CSV record as offsets into the
 * decoded chunk (OffsetRow), the same record as an array of strings (CellRow, what xlsx rows
 * take) and the strings laid end to end again (OffsetRow.ofCells, a CSV's slow records) give the
 * same text, categorical value, date, 投诉 opening, digest sample and cells, for every column of
 * odd records, whatever the chunk sizes.
 */
import { describe, expect, it } from 'vitest';
import {
  CellRow,
  OffsetRow,
  type CategoryCleaner,
  type RowFields,
} from '../../src/ingest/row-fields.js';
import { DIGEST_SEED, digestText } from '../../src/ingest/dedup.js';
import { CsvParser } from '../../src/io/csv-parser.js';
import type { Cell } from '../../src/io/table.js';
import { TextCache, cleanText } from '../../src/schema/values.js';

const LINES = [
  'A1,2016-05-03 10:22:11,国网黄山供电公司,投诉,【投诉】停电,2016-02-30 10:00:00, 2016-05-03 10:22:12 ',
  'A2,"2016-05-03 10:22:11","国网""黄山""供电公司",业务咨询,"客户投诉说""停电""很久了，要求尽快处理，并且赔偿损失，否则将向上级部门反映情况",,2016/5/3 9:05',
  'A3,,国网黄\u0001山供电公司,"",投诉,2016-13-01 10:00:00,42493.5',
  ',2016-05-03 10:22:1x,  ,投 诉,"a,b",x,',
  'A5,２０１６-05-03 10:22:11,国网\uFFFD县供电公司,投诉,投,2016-05-03T10:22:11,',
];

/** A cleaner as the row path's, each value's cleaning counted. */
function cleaner(): CategoryCleaner & { seen: string[] } {
  const texts = new TextCache();
  const seen: string[] = [];
  return {
    seen,
    get controls() {
      return texts.count.controls;
    },
    category(raw: string) {
      seen.push(raw);
      const clean = texts.clean(raw);
      return clean === '' ? null : clean;
    },
  };
}

/** What a row says of each of its columns (and of one it lacks). */
function read(r: RowFields): unknown[] {
  const out: unknown[] = [r.row, r.width, r.cells()];
  for (let at = -1; at < r.width; at++)
    out.push([
      r.text(at),
      r.category(at, 'level1'),
      r.time(at),
      r.opensWithComplaint(at),
      r.sample(DIGEST_SEED, at, 8),
      r.sample(DIGEST_SEED, at, 32),
    ]);
  return out;
}

describe('CellRow and OffsetRow', () => {
  it.each([
    ['LF', LINES.join('\n') + '\n'],
    ['CRLF', LINES.join('\r\n')],
  ])('read every field of %s records alike, whatever the chunk sizes', (_, text) => {
    const cells = cleaner();
    const cellRow = new CellRow(cells);
    const expected = new Map<number, unknown[]>();
    {
      const parser = new CsvParser(',');
      parser.push(text);
      parser.end();
      for (const record of parser.records)
        expected.set(
          record.row,
          read(cellRow.at({ row: record.row, cells: record.cells as Cell[] })),
        );
    }
    expect(expected.size).toBe(LINES.length);
    // Hand-checked: the usual form on a day the month lacks is no date; a serial and the
    // slashed form are.
    const field = (row: number, at: number) => expected.get(row)![4 + at] as unknown[];
    expect(field(1, 5)[2]).toBeUndefined();
    expect(field(2, 6)[2]).toMatchObject({ dayIndex: 16924 });
    expect(field(3, 6)[2]).toMatchObject({ dayIndex: 16924 });
    expect(field(5, 5)[2]).toMatchObject({ dayIndex: 16924 });
    expect(field(2, 4)[3]).toBe(true);
    expect(field(4, 3)[3]).toBe(false);
    expect(field(4, 2)[1]).toBeNull();

    for (let pieces = 1; pieces <= text.length; pieces++) {
      const offsets = new OffsetRow(cleaner());
      const held = new OffsetRow(cleaner());
      const parser = new CsvParser(',').useFields();
      let seen = 0;
      const drain = () => {
        const batch = parser.batch!;
        offsets.of(batch);
        for (let k = 0; k < batch.count; k++) {
          const slow = batch.slowAt(k);
          const row = slow ?? { row: batch.rows[k]!, cells: batch.cells(k) };
          if (slow === null) expect(read(offsets.at(k))).toEqual(expected.get(row.row));
          expect(read(held.ofCells(row))).toEqual(expected.get(row.row));
          offsets.of(batch);
          seen++;
        }
        batch.clear();
      };
      for (let at = 0; at < text.length; at += pieces) {
        parser.push(text.slice(at, at + pieces));
        drain();
      }
      parser.end();
      drain();
      expect(seen).toBe(LINES.length);
    }
  });

  it('interns a categorical value only when its cleaning removed nothing', () => {
    const c = cleaner();
    const row = new OffsetRow(c);
    const parser = new CsvParser(',').useFields();
    parser.push('国网黄山供电公司,国网黄\u0001山\n国网黄山供电公司,国网黄\u0001山\n');
    parser.end();
    const batch = parser.batch!;
    row.of(batch);
    expect([row.at(0).category(0, 'unit'), row.at(0).category(1, 'unit')]).toEqual([
      '国网黄山供电公司',
      '国网黄山',
    ]);
    expect([row.at(1).category(0, 'unit'), row.at(1).category(1, 'unit')]).toEqual([
      '国网黄山供电公司',
      '国网黄山',
    ]);
    // The clean value is found in place the second time; the one with a control character is
    // cleaned (and its character counted) at each occurrence.
    expect(c.seen).toEqual(['国网黄山供电公司', '国网黄\u0001山', '国网黄\u0001山']);
    expect(c.controls).toBe(2);
  });

  it('digests a printable ASCII field in place as its cleaned text, and leaves any other to cleaning', () => {
    const row = new OffsetRow(cleaner());
    const parser = new CsvParser(',').useFields();
    parser.push(LINES.join('\n') + '\n');
    const batch = parser.batch!;
    row.of(batch);
    const got: (string | null)[] = [];
    for (let k = 0; k < batch.count; k++) {
      row.at(k);
      for (let at = -1; at < row.width; at++) {
        const digest = row.digestPrintable(DIGEST_SEED, at);
        if (digest !== null) expect(digest).toBe(digestText(DIGEST_SEED, cleanText(row.text(at))));
        got.push(digest === null ? null : row.text(at));
      }
    }
    // In place: ASCII without spaces (quoted or not), empty and absent columns; not: Chinese,
    // padded text, "" escapes, dates with a space (kept by cleaning, but checked per character).
    expect(got.filter((text) => text !== null && text !== '')).toEqual([
      'A1',
      'A2',
      'A3',
      '42493.5',
      'a,b',
      'x',
      'A5',
      '2016-05-03T10:22:11',
    ]);
    expect(new CellRow(cleaner()).at({ row: 1, cells: ['A1'] }).digestPrintable()).toBeNull();
  });
});
