/**
 * TableIngest's two row paths agree: records read as offsets (fieldRow, what every CSV takes
 * now) and the same records as strings (processRow, what xlsx and the slow records take) give
 * the same partials, rejects with the same rows, the same de-duplication digests.
 */
import { describe, expect, it } from 'vitest';
import type { IngestPartial } from '../../src/ingest/partial.js';
import { TableIngest } from '../../src/ingest/table-ingest.js';
import type { IngestSettings } from '../../src/ingest/types.js';
import { emit } from '../../src/io/csv.js';
import { CsvParser } from '../../src/io/csv-parser.js';
import type { TableSink } from '../../src/io/table.js';

const settings: IngestSettings = {
  map: {},
  complaintTypes: ['投诉'],
  encoding: null,
  sheet: null,
  threads: 1,
};

const HEADER =
  '工单编号,受理时间,供电单位,业务类型,受理内容,一级分类,客户编号,联系电话,是否属实,申诉结果,办结时间,回复时间,回访满意度,处理部门,是否越级';

const LINES = [
  '2016年5月 投诉明细',
  HEADER,
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
  'A12,2016-05-03 10:22:11,国网\uFFFD县供电公司,投诉,x,,,,,,,,,,',
  'A13,2016-05-03 10:22:11,国网歙县供电公司,投诉,x,,,,,,,,,,',
];

/** The partials and header a TableIngest makes of `text`, given as offsets or as strings. */
function read(text: string, pieces: number, offsets: boolean) {
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
  for (let at = 0; at < text.length; at += pieces) {
    parser.push(text.slice(at, at + pieces));
    emit(parser, target);
  }
  parser.end();
  emit(parser, target);
  target.end();
  const header = table.finish({ format: 'csv', encoding: 'utf-8', delimiter: ',', notes: [] });
  return { header, partials };
}

describe('fieldRow and processRow', () => {
  it.each([
    ['LF', LINES.join('\n') + '\n'],
    ['CRLF', LINES.join('\r\n')],
  ])('count %s rows alike, in whole and in small pieces', (_, text) => {
    const strings = read(text, text.length, false);
    const counts = strings.partials[0]!.counts;
    // Hand-checked: A1 ×3 (one the same to the minute), A2, A4, A6b is rejected (a unit of
    // spaces), A8 ×2, A9, A10, A13 usable; A3, A5, A6, A7, A11, A12 rejected.
    expect(counts.rows).toBe(17);
    expect(counts.duplicates).toBe(3);
    expect(counts.duplicatesDiffering).toBe(1);
    expect(counts.skipped).toEqual({ blank: 1, total: 1, repeatedHeader: 1 });
    expect(counts.controls).toBe(2);
    // A8's control character goes: it counts under A1's unit.
    expect(counts.units).toEqual({
      国网黄山供电公司: 6,
      '国网黄山供电公司(市直)': 1,
      '国网"黄山"供电公司': 1,
      国网歙县供电公司: 2,
    });
    for (const pieces of [text.length, 7, 64]) {
      const offsets = read(text, pieces, true);
      expect(offsets.header).toEqual(strings.header);
      expect(offsets.partials).toEqual(strings.partials);
    }
  });
});
