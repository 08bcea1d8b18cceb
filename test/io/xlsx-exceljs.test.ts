/**
 * The xlsx reader yields the same cells as exceljs's streaming reader (the reading path it
 * replaced) on every workbook the tests and fixtures have.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openInput } from '../../src/io/source.js';
import type { RawRow } from '../../src/io/table.js';
import type ExcelJSModule from 'exceljs';
import { excelJS, exceljsRows } from '../helpers/exceljs-reference.js';

const FILES = [
  'fixtures/95598-2016-09-11.xlsx',
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/targets-2016.xlsx',
  'test/files/bad/header-only.xlsx',
  'test/files/bad/renamed-xlsx.csv',
  'test/files/writers/libreoffice-95598-2016-09-11.xlsx',
  'test/files/writers/libreoffice-95598-2015.xlsx',
];

const dir = mkdtempSync(join(tmpdir(), 'complaints-xlsx-ref-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every sheet through our reader, in workbook order (a sink that takes none sees them all). */
async function ourRows(file: string): Promise<{ sheet: number; rows: RawRow[] }[]> {
  const { reader } = await openInput(file);
  const sheets: { sheet: number; rows: RawRow[] }[] = [];
  await reader.read({
    begin: (table) => sheets.push({ sheet: table.sheetIndex, rows: [] }),
    rows: (batch) => {
      sheets[sheets.length - 1]!.rows.push(...batch);
      return true;
    },
    broken: () => {},
    end: () => false,
  });
  return sheets.sort((a, b) => a.sheet - b.sheet);
}

/** A workbook with every kind of cell exceljs writes, in both of its writers. */
async function exceljsWorkbooks(): Promise<string[]> {
  const ExcelJS = excelJS();
  const fill = (sheet: ExcelJSModule.Worksheet) => {
    sheet.addRow(['工单编号', '受理时间', '供电单位', '金额', '是否属实', '备注']);
    sheet.addRow([
      'GD001',
      new Date(Date.UTC(2016, 8, 1, 8, 30)),
      { richText: [{ text: '国网', font: { bold: true } }, { text: '黄山供电公司' }] },
      12.5,
      true,
      { error: '#N/A' },
    ]);
    sheet.addRow(['GD002', 42614.25, 'A & B <c> "d"', { formula: 'D2*2', result: 25 }, false]);
    sheet.getCell('B3').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm:ss';
    sheet.addRow([]);
    sheet.addRow(['合并单元格']);
    sheet.mergeCells('A5:C5');
    sheet.getCell('F6').value = '\u4e2d\u6587 tab\there';
  };
  const inMemory = new ExcelJS.Workbook();
  fill(inMemory.addWorksheet('工单明细'));
  fill(inMemory.addWorksheet('第二页'));
  const shared = join(dir, 'exceljs-shared.xlsx');
  await inMemory.xlsx.writeFile(shared);
  const inline = join(dir, 'exceljs-inline.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: inline, useStyles: true });
  const streamed = writer.addWorksheet('工单明细');
  fill(streamed);
  streamed.commit();
  await writer.commit();
  return [shared, inline];
}

describe('the xlsx reader against exceljs', () => {
  it('workbooks written by exceljs: the same rows and cells', async () => {
    const [shared, inline] = await exceljsWorkbooks();
    const ours = await ourRows(shared!);
    expect(ours[0]!.rows[1]!.cells.slice(0, 3)).toEqual([
      'GD001',
      new Date(Date.UTC(2016, 8, 1, 8, 30)),
      '国网黄山供电公司',
    ]);
    expect(ours).toEqual(await exceljsRows(shared!));
    // exceljs's streaming reader cannot read what its streaming writer writes (the sheet
    // comes before workbook.xml): the same cells as the other writer's file are expected.
    expect((await ourRows(inline!))[0]).toEqual(ours[0]);
  });

  it.each(FILES)('%s: the same rows and cells', async (file) => {
    const ours = await ourRows(file);
    const reference = await exceljsRows(file);
    expect(ours.length).toBe(reference.length);
    expect(ours.map((s) => s.rows.length)).toEqual(reference.map((s) => s.rows.length));
    const cells = ours.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.length, 0), 0);
    expect(cells).toBeGreaterThanOrEqual(5);
    expect(ours).toEqual(reference);
  });

  it.each([
    ['fixtures/95598-2016-09-11.xlsx', 'test/files/writers/libreoffice-95598-2016-09-11.xlsx'],
    ['fixtures/metrics/95598-2015.xlsx', 'test/files/writers/libreoffice-95598-2015.xlsx'],
  ])('%s re-saved by LibreOffice: the same cells', async (original, resaved) => {
    const ours = await ourRows(original);
    expect(ours[0]!.rows.length).toBeGreaterThan(100);
    expect(await ourRows(resaved)).toEqual(ours);
  });
});
