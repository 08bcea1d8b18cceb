/**
 * Acceptance times are China wall-clock times as written in the export. The machine's time
 * zone must never move them: 2016-05-01 00:30 is in May under any TZ.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-tz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const xlsx = join(dir, 'boundaries.xlsx');
const csv = join(dir, 'boundaries.csv');

beforeAll(async () => {
  const ExcelJS = loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工单明细');
  sheet.addRow(['工单编号', '受理时间', '供电单位', '业务类型']);
  // Excel date cells hold wall-clock serials; exceljs writes a Date by its UTC parts.
  const wall = (...p: [number, number, number, number, number, number]) =>
    new Date(Date.UTC(p[0], p[1] - 1, p[2], p[3], p[4], p[5]));
  sheet.addRow(['T1', wall(2016, 4, 30, 23, 59, 59), 'A', '投诉']);
  sheet.addRow(['T2', wall(2016, 5, 1, 0, 0, 0), 'A', '投诉']);
  sheet.addRow(['T3', wall(2016, 5, 1, 0, 30, 0), 'A', '投诉']);
  sheet.addRow(['T4', wall(2016, 5, 31, 23, 59, 59), 'A', '投诉']);
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
  await workbook.xlsx.writeFile(xlsx);
  writeFileSync(
    csv,
    '工单编号,受理时间,供电单位,业务类型\nC1,2016-05-01 00:30:00,A,投诉\nC2,42521.99998843,A,投诉\nC3,2016年5月31日 23时59分,A,投诉\n',
  );
});

describe('time zones', () => {
  it.each([
    ['xlsx date cells', xlsx],
    ['CSV texts and serials', csv],
  ])(
    '%s read the same wall-clock times under TZ=Asia/Shanghai, America/Los_Angeles and UTC',
    (_kind, file) => {
      const outputs = ['Asia/Shanghai', 'America/Los_Angeles', 'UTC'].map((TZ) => {
        const run = complaints(['inspect', file, '--json'], { env: { TZ } });
        expect(run.code).toBe(0);
        return JSON.parse(run.stdout).inputs[0].dateRange;
      });
      const expected =
        file === xlsx
          ? { from: '2016-04-30 23:59:59', to: '2016-05-31 23:59:59' }
          : { from: '2016-05-01 00:30:00', to: '2016-05-31 23:59:59' };
      for (const range of outputs) expect(range).toEqual(expected);
    },
  );
});
