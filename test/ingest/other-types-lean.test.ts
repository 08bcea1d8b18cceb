/**
 * A sink that reads only complaints' long texts, customer numbers and phones
 * (`skipsOtherTypesTexts`: analyze's counting and its collectors) is handed the work orders of
 * other types without them, and everything else the same: the counts, the control characters
 * noted, the de-duplication digests.
 */
import { describe, expect, it } from 'vitest';
import type { IngestPartial } from '../../src/ingest/partial.js';
import { TableIngest } from '../../src/ingest/table-ingest.js';
import type { IngestSettings, WorkOrder } from '../../src/ingest/types.js';
import { emit } from '../../src/io/csv.js';
import { CsvParser } from '../../src/io/csv-parser.js';

const settings: IngestSettings = {
  map: {},
  complaintTypes: ['投诉'],
  encoding: null,
  sheet: null,
  threads: 1,
};

const TEXT = [
  '工单编号,受理时间,供电单位,业务类型,受理内容,客户编号,联系电话,办结时间',
  'B1,2016-05-03 10:22:11,国网黄山供电公司,故障报修,客户反映家中停电,3401,13900000001,2016-05-04 10:00:00',
  'C1,2016-05-03 11:00:00,国网黄山供电公司,投诉,客户投诉抢修人员态度差,3402,13900000002,',
  // The same work order again, its phone written with a control character: noted, and a
  // different copy (the character goes, so the phone is another).
  'B1,2016-05-03 10:22:11,国网黄山供电公司,故障报修,客户反映家中停电,3401,1390000\u00010003,2016-05-04 10:00:00',
  'B2,2016-05-05 09:00:00,国网歙县供电公司,业务咨询,咨询电费,３４０３,,',
  '',
].join('\n');

function read(skipsOtherTypesTexts: boolean): { orders: WorkOrder[]; partial: IngestPartial } {
  const orders: WorkOrder[] = [];
  const partials: IngestPartial[] = [];
  const table = new TableIngest('t.csv', 0, settings, new Set(['投诉']), {
    open: () => {},
    order: (order) => void orders.push(order),
    close: (p) => void partials.push(p),
    skipsOtherTypesTexts,
  });
  const parser = new CsvParser(',').useFields();
  table.begin({ sheet: null, sheetIndex: 0 });
  parser.push(TEXT);
  parser.end();
  emit(parser, table);
  table.end();
  table.finish({ format: 'csv', encoding: 'utf-8', delimiter: ',', notes: [] });
  return { orders, partial: partials[0]! };
}

describe('work orders of other types for a sink that reads only complaints', () => {
  it('come without their text, customer number and phone', () => {
    const { orders } = read(true);
    expect(orders.map((o) => [o.id, o.content, o.customerId, o.phone])).toEqual([
      ['B1', null, null, null],
      ['C1', '客户投诉抢修人员态度差', '3402', '13900000002'],
      ['B1', null, null, null],
      ['B2', null, null, null],
    ]);
    // The rest of an order as before.
    expect(orders[0]!.unit).toBe('国网黄山供电公司');
    expect(orders[0]!.businessType).toBe('故障报修');
    expect(orders[0]!.closedAt?.dayIndex).toBe(orders[2]!.closedAt?.dayIndex);
  });

  it('count, note and tell copies apart as for a sink that reads every order', () => {
    const lean = read(true);
    const full = read(false);
    expect(full.orders.map((o) => [o.customerId, o.phone])).toEqual([
      ['3401', '13900000001'],
      ['3402', '13900000002'],
      ['3401', '13900000003'],
      ['3403', null],
    ]);
    // Hand-checked: B1's second copy differs in its phone; its control character is noted.
    expect(lean.partial.counts.duplicates).toBe(1);
    expect(lean.partial.counts.duplicatesDiffering).toBe(1);
    expect(lean.partial.counts.controls).toBe(1);
    expect(lean.partial.counts.firstControl).toEqual({ row: 4, field: 'phone' });
    expect(lean.partial).toEqual(full.partial);
  });
});
