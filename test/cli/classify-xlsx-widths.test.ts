/**
 * classify --out rows.xlsx: its sheet had no column widths, and the times an xlsx export gives
 * as dates (受理时间, 办结时间, written yyyy-mm-dd hh:mm:ss) showed as ##### in Excel and
 * LibreOffice at the default width. Each column is now as wide as its heading asks, a time
 * column as wide as a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readBook } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'complaints-classify-widths-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('the time columns are wide enough for their dates, the others for their headings', async () => {
  const out = join(tmp, 'rows.xlsx');
  const run = complaints(['classify', 'fixtures/revisions/95598-2016-10.xlsx', '--out', out]);
  expect(run.code).toBe(0);
  const sheet = (await readBook(out)).worksheets[0]!;
  const head = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const width = (name: string) => sheet.getColumn(head.indexOf(name) + 1).width;
  // A date cell (not text) in 受理时间: the case that showed #####.
  expect(sheet.getRow(2).getCell(head.indexOf('受理时间') + 1).value).toBeInstanceOf(Date);
  expect(width('受理时间')).toBeGreaterThanOrEqual(20);
  expect(width('办结时间')).toBeGreaterThanOrEqual(20);
  // 工单编号 (14 digits, text) and 联系电话 whole, not cut by the next column.
  expect(width('工单编号')).toBeGreaterThanOrEqual(16);
  expect(width('联系电话')).toBeGreaterThanOrEqual(16);
  // 判定依据 (a heading of 4 characters, 8 wide) is wider than Excel's default of 8.43.
  expect(width('判定依据')).toBeGreaterThanOrEqual(10);
});
