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

const dir = mkdtempSync(join(tmpdir(), 'complaints-detail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const classifier = new Classifier(loadTaxonomy('sgcc-95598'));
const m = (year: number, month: number) => year * 12 + month - 1;
const HEADERS = ['工单编号', '受理时间', '供电单位', '一级分类'];

function order(id: string, month: number, level1: string, isComplaint = true): WorkOrder {
  const date = new Date(Date.UTC(Math.floor(month / 12), month % 12, 15, 9, 30));
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
    cells: [id, date, 'A', level1],
    headers: HEADERS,
  };
}

describe('明细', () => {
  it('writes each complaint of the period once (its latest copy), across sheets of a given size', async () => {
    const detail = new DetailRows('zh');
    const orders: [WorkOrder, number][] = [
      [order('1', m(2016, 1), '服务投诉'), 0],
      [order('2', m(2016, 1), '营业投诉'), 1],
      [order('3', m(2015, 12), '营业投诉'), 2], // outside the period
      [order('1', m(2016, 1), '营业投诉'), 0], // a later copy of 1 replaces it
      [order('2', m(2016, 1), '营业投诉', false), 1], // 2 became an opinion: not a complaint
      [order('4', m(2016, 2), '停送电投诉'), 3],
      [order('5', m(2016, 2), '服务投诉'), 4],
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

    const ExcelJS = loadExcelJS();
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    expect(read.worksheets.map((s) => s.name)).toEqual(['明细', '明细2']);
    const rows = read.worksheets.flatMap((s) =>
      (s.getSheetValues() as unknown[][]).slice(2).map((r) => [r[1], r[4], r[5]]),
    );
    expect(rows).toEqual([
      ['1', '营业投诉', '营业投诉'],
      ['4', '停送电投诉', '停送电投诉'],
      ['5', '服务投诉', '服务投诉'],
      ['6', '服务投诉', '服务投诉'],
    ]);
    expect(read.worksheets[1]!.getRow(1).getCell(1).value).toBe('工单编号');
  });
});
