/**
 * The one row path reads a CSV record alike whether it comes as offsets into the chunk
 * (OffsetRow, what every CSV takes) or as an array of strings (CellRow, what xlsx rows and the
 * records kept as strings take): the same partials, rejects with the same rows, the same
 * de-duplication digests, whatever the chunk sizes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IngestPartial } from '../../src/ingest/partial.js';
import { OffsetRow } from '../../src/ingest/row-fields.js';
import { TableIngest } from '../../src/ingest/table-ingest.js';
import type { IngestSettings } from '../../src/ingest/types.js';
import { emit } from '../../src/io/csv.js';
import { CsvParser } from '../../src/io/csv-parser.js';
import type { TableSink } from '../../src/io/table.js';
import { utf8Pieces } from '../helpers/utf8-pieces.js';

const settings: IngestSettings = {
  map: {},
  complaintTypes: ['投诉'],
  encoding: null,
  sheet: null,
  threads: 1,
};

const HEADER =
  '工单编号,受理时间,供电单位,业务类型,受理内容,一级分类,客户编号,联系电话,是否属实,申诉结果,办结时间,回复时间,回访满意度,处理部门,是否越级';

/**
 * Rows ahead of the odd ones: the header search holds the first rows as strings, so only the
 * rows after these reach the row path as offsets.
 */
const PAD = 60;

const LINES = [
  '2016年5月 投诉明细',
  HEADER,
  ...Array.from(
    { length: PAD },
    (_, i) => `F${i},2016-05-04 08:00:00,国网祁门供电公司,投诉,x,,,,,,,,,,`,
  ),
  'A1,2016-05-03 10:22:11,国网黄山供电公司,投诉,停电,服务投诉,C1,139,属实,,2016-05-04 10:00:00,2016-05-03 12:00:00,满意,营业厅,否',
  'A2, 2016-05-03 10:22:12 ,"国网黄山供电公司",业务咨询,"【投诉】说""停电""\n又停",,C2,,,,,,,,',
  'A3,2016-05-0x 10:22:11,国网黄山供电公司,投诉,x,,,,,,,,,,',
  'A4,2016/5/3 9:05,国网黄山供电公司（市直）,故障报修,客户投诉说,,,,也许,再议,2016-05-03 9:60,,,,可能',
  'A5,2016-05-03 10:22:11,国网黄山供电公司',
  'A6,2016-05-03 10:22:11,,投诉,x,,,,,,,,,,',
  'A6b,2016-05-03 10:22:11, ,投诉,x,,,,,,,,,,',
  '',
  'A1,2016-05-03 10:22:11,国网黄山供电公司,投诉,停电,服务投诉,C1,139,属实,申诉成功,2016-05-04 10:00:00,2016-05-03 12:00:00,满意,营业厅,否',
  'A1,2016-05-03 10:22:11,国网黄山供电公司,投诉,停电,服务投诉,C1,139,属实,申诉成功,2016-05-04 10:00:59,2016-05-03 12:00:00,满意,营业厅,否',
  'A7,2016-02-30 10:22:11,国网黄山供电公司,投诉,x,,,,,,,,,,',
  'A8,2016-05-03 10:22:11,国网黄\u0001山供电公司,投诉,x,,,,,,,,,,',
  'A8,2016-05-03 10:22:11,国网黄\u0001山供电公司,投诉,x,,,,,,,,,,',
  'A9,2016-05-03 10:22:11,"国网""黄山""供电公司",投诉,"a,b",,,,,,2016-02-30 10:00:00,,,,',
  '合计,,,,,,,,,,,,,,',
  HEADER,
  'A10,42493.5,国网歙县供电公司,投诉,x,服务投诉,,,不属实,申诉失败,,,,,是',
  'A11,2016-05-03 10:22:11,国网歙县供电公司,"投诉",x,服务投诉,,,,,,,,,1,2',
  // The usual date form, on a day the month lacks: noted, as any date not recognised
  // (before A12: a garbled value once sent every later row to the strings' path).
  'A14,2016-05-03 10:22:11,国网歙县供电公司,投诉,x,,,,,,2016-02-30 10:00:00,2016-13-01 10:00:00,,,',
  'A15,2016-05-03 10:22:11,国网歙县供电公司,咨询,投诉说停电,,,,,,,,,,',
  'A12,2016-05-03 10:22:11,国网\uFFFD县供电公司,投诉,x,,,,,,,,,,',
  'A13,2016-05-03 10:22:11,国网歙县供电公司,投诉,x,,,,,,,,,,',
];

/**
 * Rows for the byte path (CsvParser.pushBytes): four-byte characters in a unit and in the text,
 * a long text changed in its last character, 投诉 after four-byte characters, a text of 20,000
 * Chinese characters (60,000 bytes: over the cell limit in bytes, within it in characters).
 */
const LONG = '客户反映停电'.repeat(10);
const BYTE_LINES = [
  `B1,2016-05-03 10:22:11,国网😀供电公司,投诉,😀${LONG},,,,,,,,,,`,
  `B1,2016-05-03 10:22:11,国网😀供电公司,投诉,😀${LONG.slice(0, -1)}话,,,,,,,,,,`,
  // Changed in the middle: the sample (the first and last 16 bytes) does not see it: a repeat,
  // not a change.
  `B5,2016-05-03 10:22:11,国网😀供电公司,投诉,😀${LONG},,,,,,,,,,`,
  `B5,2016-05-03 10:22:11,国网😀供电公司,投诉,😀${LONG.slice(0, 30)}客${LONG.slice(31)},,,,,,,,,,`,
  `B2,2016-05-03 10:22:11,国网𠀀供电公司,业务咨询,𠀀😀投诉说,,,,,,,,,,`,
  `B3,2016-05-03 10:22:11,国网𠀀供电公司,投诉,"${'电'.repeat(20_000)}",,,,,,,,,,`,
  `B4,2016-05-03 10:22:11,国网歙县供电公司,咨询,😀😀😀投诉,,,,,,,,,,`,
];

/**
 * The partials and header a TableIngest makes of `text`, given as offsets into text (true) or
 * into its UTF-8 bytes ('bytes', pieces of bytes), or as strings (false).
 */
function read(text: string, pieces: number, offsets: boolean | 'bytes') {
  const partials: IngestPartial[] = [];
  const sink = { open: () => {}, order: () => {}, close: (p: IngestPartial) => partials.push(p) };
  const table = new TableIngest('t.csv', 0, settings, new Set(['投诉']), {
    ...sink,
    skipsOrders: true,
  });
  const target: TableSink = offsets
    ? table
    : {
        begin: (t) => table.begin(t),
        rows: (rows) => table.rows(rows),
        broken: (row) => table.broken(row),
        end: () => table.end(),
      };
  const parser = new CsvParser(',').useFields();
  target.begin({ sheet: null, sheetIndex: 0 });
  if (offsets === 'bytes') {
    for (const piece of utf8Pieces(Buffer.from(text), pieces)) {
      // A copy the next piece overwrites, as the reader's buffer is reused.
      const reused = Buffer.from(piece);
      parser.pushBytes(reused);
      emit(parser, target);
      reused.fill(0x3f);
    }
  }
  for (let at = 0; offsets !== 'bytes' && at < text.length; at += pieces) {
    parser.push(text.slice(at, at + pieces));
    emit(parser, target);
  }
  parser.end();
  emit(parser, target);
  target.end();
  const header = table.finish({ format: 'csv', encoding: 'utf-8', delimiter: ',', notes: [] });
  return { header, partials };
}

describe('CSV records as offsets and as cells', () => {
  it.each([
    ['LF', LINES.join('\n') + '\n'],
    ['CRLF', LINES.join('\r\n')],
  ])('count %s rows alike, in whole and in small pieces', (_, text) => {
    const strings = read(text, text.length, false);
    const counts = strings.partials[0]!.counts;
    // Hand-checked: A1 ×3 (one the same to the minute), A2, A4, A8 ×2, A9, A10, A13, A14,
    // A15 usable; A3, A5, A6, A6b (a unit of spaces), A7, A11, A12 rejected.
    expect(counts.rows).toBe(PAD + 19);
    expect(counts.rejected).toBe(7);
    expect(counts.duplicates).toBe(3);
    expect(counts.duplicatesDiffering).toBe(1);
    expect(counts.skipped).toEqual({ blank: 1, total: 1, repeatedHeader: 1 });
    expect(counts.controls).toBe(2);
    // A8's control character goes: it counts under A1's unit.
    expect(counts.units).toEqual({
      国网黄山供电公司: 6,
      '国网黄山供电公司(市直)': 1,
      '国网"黄山"供电公司': 1,
      国网歙县供电公司: 4,
      国网祁门供电公司: PAD,
    });
    expect(counts.unrecognised.closedAt).toEqual({
      count: 3,
      rows: [7, 17, 22].map((row) => PAD + row),
      values: ['2016-05-03 9:60', '2016-02-30 10:00:00'],
    });
    expect(counts.unrecognised.repliedAt).toEqual({
      count: 1,
      rows: [PAD + 22],
      values: ['2016-13-01 10:00:00'],
    });
    // A2 (【投诉】), A4 (客户投诉说) and A15 (投诉说) are other types that read like complaints.
    expect(counts.complaintLike).toEqual({ 业务咨询: 1, 故障报修: 1, 咨询: 1 });
    const at = vi.spyOn(OffsetRow.prototype, 'at');
    let offsetRows = 0;
    for (let pieces = 1; pieces <= text.length; pieces += pieces < 80 ? 1 : 37) {
      offsetRows += at.mock.calls.length;
      at.mockClear();
      const offsets = read(text, pieces, true);
      // Pieces of a few lines: the records after the header search's rows come as offsets
      // (those across two pieces, and A2 with its line break, as strings).
      if (pieces >= 300 && pieces < 600) expect(at.mock.calls.length).toBeGreaterThan(10);
      expect(offsets.header).toEqual(strings.header);
      expect(offsets.partials).toEqual(strings.partials);
    }
    at.mockRestore();
    expect(offsetRows).toBeGreaterThan(500);
  });

  it.each([
    ['LF', [...LINES, ...BYTE_LINES].join('\n') + '\n'],
    ['CRLF', [...LINES, ...BYTE_LINES].join('\r\n')],
    ['CR', [...LINES, ...BYTE_LINES].join('\r')],
  ])('count %s rows alike from UTF-8 bytes, in whole and in small pieces', (_, text) => {
    const strings = read(text, text.length, false);
    const counts = strings.partials[0]!.counts;
    // Hand-checked: the rows above, and B1 ×2 (its text differing), B5 ×2 (the same to the
    // sample), B2, B3 (a long text read as strings for its bytes are over the cell limit), B4.
    expect(counts.rows).toBe(PAD + 19 + 7);
    expect(counts.duplicates).toBe(5);
    expect(counts.duplicatesDiffering).toBe(2);
    expect(counts.units['国网😀供电公司']).toBe(4);
    expect(counts.units['国网𠀀供电公司']).toBe(2);
    expect(counts.complaintLike).toEqual({ 业务咨询: 2, 故障报修: 1, 咨询: 1 });
    const at = vi.spyOn(OffsetRow.prototype, 'at');
    let offsetRows = 0;
    const bytes = Buffer.byteLength(text);
    for (let pieces = 1; pieces <= bytes; pieces = pieces < 24 ? pieces + 1 : pieces * 1.5 + 1) {
      offsetRows += at.mock.calls.length;
      at.mockClear();
      const fromBytes = read(text, Math.floor(pieces), 'bytes');
      expect(fromBytes.header).toEqual(strings.header);
      expect(fromBytes.partials, `pieces of ${pieces} bytes`).toEqual(strings.partials);
    }
    at.mockRestore();
    expect(offsetRows).toBeGreaterThan(500);
    expect(read(text, bytes, 'bytes').partials).toEqual(strings.partials);
  });
});
