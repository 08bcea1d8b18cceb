/**
 * A sheet too wide for one readable page prints in strips of columns (report/page.ts). Each
 * strip repeats the columns naming the rows, and only those: a breakdown's rows are named by
 * 供电单位 alone, and repeating A:B put its first figures (抢修质量) on every strip, where they
 * read as the strip's own. The title and period print in the page header, whole.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBook, type Book } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-strips-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];

let book: Book;
beforeAll(async () => {
  const out = join(dir, 'by.xlsx');
  const run = complaints([
    'report',
    ...INPUTS,
    '--year',
    '2016',
    '--by',
    'unit',
    '--by',
    'level2',
    '--out',
    out,
  ]);
  expect(run.code, run.stderr).toBe(0);
  book = await readBook(out);
}, 60_000);

describe('a breakdown printed in strips', () => {
  it('repeats 供电单位 alone on each strip, and its title in the page header', () => {
    const sheet = book.getWorksheet('按单位×二级分类')!;
    const setup = sheet.pageSetup;
    expect(setup.fitToWidth).toBe(2);
    // Row 6 is the heading of the first table (its caption on row 5): A names the rows, B is a
    // class, counted.
    expect(sheet.getCell('A6').text).toBe('供电单位');
    expect(sheet.getCell('B6').text).toBe('抢修质量');
    expect(typeof sheet.getCell('B7').value).toBe('number');
    expect(setup.printTitlesColumn).toBe('A:A');
    expect(setup.printArea).toMatch(/^\$?A\$?5:/);
    expect(sheet.headerFooter.oddHeader).toBe(
      `&L&B${sheet.getCell('A1').text}&B  ${sheet.getCell('A2').text}`,
    );
    expect(sheet.getCell('A1').text).toBe('国网黄山供电公司 2016年投诉分析 · 按单位×二级分类');
  });

  it('sheets one page wide keep the title in their cells, repeated, and no page header', () => {
    const sheet = book.getWorksheet('单位')!;
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.pageSetup.printTitlesColumn).toBeUndefined();
    expect(sheet.pageSetup.printTitlesRow).toBe('1:2');
    expect(sheet.headerFooter.oddHeader).toBeUndefined();
  });
});
