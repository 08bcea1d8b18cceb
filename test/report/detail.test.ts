import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../src/ingest/types.js';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { OutputFile } from '../../src/io/write.js';
import { ReportWorkbook } from '../../src/io/workbook.js';
import { monthPeriod } from '../../src/metrics/period.js';
import { DetailRows } from '../../src/report/detail.js';
import { Classifier } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { headersOf } from '../helpers/zip-headers.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-detail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const classifier = new Classifier(loadTaxonomy('sgcc-95598'));
const m = (year: number, month: number) => year * 12 + month - 1;
const HEADERS = ['工单编号', '受理时间', '供电单位', '一级分类'];

function order(id: string, month: number, level1: string, isComplaint = true): WorkOrder {
  const date = new Date(Date.UTC(Math.floor(month / 12), month % 12, 15, 9, 30));
  // A CSV gives the time as text: 明细 shows it as a date all the same.
  const text = date.toISOString().slice(0, 16).replace('T', ' ');
  return {
    input: 0,
    row: 2,
    id,
    acceptedAt: {
      ms: date.getTime(),
      monthIndex: month,
      dayIndex: Math.floor(date.getTime() / 86_400_000),
    },
    unit: 'A',
    businessType: isComplaint ? '投诉' : '意见',
    isComplaint,
    content: null,
    level1,
    level2: null,
    level3: null,
    customerId: null,
    phone: null,
    substantiated: null,
    appeal: 'none',
    closedAt: null,
    repliedAt: null,
    satisfaction: null,
    department: null,
    city: null,
    escalated: null,
    severity: null,
    channel: null,
    urbanRural: null,
    customerType: null,
    station: null,
    address: null,
    cells: [id, id === '5' ? text : date, 'A ', level1],
    headers: HEADERS,
  };
}

describe('明细', () => {
  it('writes each complaint of the period once (its latest copy), across sheets of a given size', async () => {
    const detail = new DetailRows({ lang: 'zh', inputs: ['/tmp/exports/2016.xlsx'] });
    const orders: [WorkOrder, number][] = [
      [order('1', m(2016, 1), '服务投诉'), 0],
      [order('2', m(2016, 1), '营业投诉'), 1],
      [order('3', m(2015, 12), '营业投诉'), 2], // outside the period
      [order('1', m(2016, 1), '营业投诉'), 0], // a later copy of 1 replaces it
      [order('2', m(2016, 1), '营业投诉', false), 1], // 2 became an opinion: not a complaint
      [order('4', m(2016, 2), '停送电投诉'), 3],
      [{ ...order('5', m(2016, 2), '服务投诉'), appeal: 'approved' }, 4],
      [order('6', m(2016, 3), '服务投诉'), 5],
    ];
    for (const [o, entry] of orders)
      detail.observe(o, entry, o.isComplaint ? classifier.classify(o) : null);
    const file = join(dir, 'detail.xlsx');
    const book = ReportWorkbook.create(await OutputFile.open(file));
    const written = await detail.write(book, '明细', monthPeriod(m(2016, 1), m(2016, 3)), 3);
    await book.commit();
    detail.remove();
    expect(written).toEqual({ rows: 4, sheets: 2 });
    // Far from 4 GiB: no zip64 in the sheets' local headers (see the next test).
    expect((await headersOf(file, 'xl/worksheets/sheet1.xml')).zip64).toBeNull();

    const ExcelJS = loadExcelJS();
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    expect(read.worksheets.map((s) => s.name)).toEqual(['明细', '明细2']);
    const rows = read.worksheets.flatMap((s) =>
      (s.getSheetValues() as unknown[][]).slice(2).map((r) => r.slice(1, 10)),
    );
    const at = (day: number, month: number) => new Date(Date.UTC(2016, month - 1, day, 9, 30));
    // The source columns, how each was counted, then its class.
    expect(rows).toEqual([
      ['1', at(15, 1), 'A ', '营业投诉', 'A', '2016-01', '是', '2016.xlsx', '营业投诉'],
      ['4', at(15, 2), 'A ', '停送电投诉', 'A', '2016-02', '是', '2016.xlsx', '停送电投诉'],
      ['5', at(15, 2), 'A ', '服务投诉', 'A', '2016-02', '否（申诉成功）', '2016.xlsx', '服务投诉'],
      ['6', at(15, 3), 'A ', '服务投诉', 'A', '2016-03', '是', '2016.xlsx', '服务投诉'],
    ]);
    expect((read.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 9)).toEqual([
      ...HEADERS,
      '统计单位',
      '统计月份',
      '是否考核',
      '来源文件',
    ]);
    expect(read.worksheets[1]!.getRow(1).getCell(1).value).toBe('工单编号');
  });

  it('writes a sheet whose rows come near 4 GiB with zip64 in its local header and descriptor', async () => {
    const detail = new DetailRows({ lang: 'zh', inputs: ['/tmp/exports/2016.xlsx'] });
    for (const [i, id] of ['1', '2', '3'].entries()) {
      const o = order(id, m(2016, 1), '服务投诉');
      detail.observe(o, i, classifier.classify(o));
    }
    const file = join(dir, 'near-4gib.xlsx');
    // The zip's 4 GiB lowered to 1 byte: every sheet's rows come near it.
    const book = ReportWorkbook.create(await OutputFile.open(file), [], 1);
    const written = await detail.write(book, '明细', monthPeriod(m(2016, 1), m(2016, 1)), 3);
    await book.commit();
    detail.remove();
    expect(written).toEqual({ rows: 3, sheets: 2 });
    for (const sheet of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const header = await headersOf(file, sheet);
      expect(header).toMatchObject({ version: 45, compressed32: 0xffffffff, size32: 0xffffffff });
      expect(header.zip64).toEqual({ length: 16, size: 0n, compressed: 0n });
      expect(header.descriptor.size).toBe(header.entry.size);
    }
    const ExcelJS = loadExcelJS();
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    expect(read.worksheets.map((s) => s.getColumn(1).values.slice(2))).toEqual([['1', '2'], ['3']]);
  });
});
