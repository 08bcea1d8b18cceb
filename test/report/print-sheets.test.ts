/**
 * Every sheet of the quarter's workbook as a manager prints it, read back from the file: the
 * fonts the column widths were measured in, and tables kept whole on a printed page. The pages
 * were looked at rendered by LibreOffice (README "The report workbook").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBook, type Book } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-print-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARGS = [
  'report',
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
  '--targets',
  'fixtures/metrics/targets-2016.csv',
  '--quarter',
  '2016Q4',
  '--prorate',
  '--detail',
  '--no-charts',
];

let zh: Book;
let en: Book;
beforeAll(async () => {
  const runs = ['zh', 'en'].map((lang) => {
    const out = join(dir, `${lang}.xlsx`);
    const run = complaints([...ARGS, '--lang', lang, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    return out;
  });
  [zh, en] = await Promise.all(runs.map((out) => readBook(out)));
}, 120_000);

describe('fonts', () => {
  it('every styled cell names its font and size (LibreOffice and WPS fell back to a wider serif)', () => {
    for (const book of [zh, en]) {
      const unnamed: string[] = [];
      for (const sheet of book.worksheets)
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const font = cell.font;
            if (font && (font.name !== 'Calibri' || !font.size))
              unnamed.push(`${sheet.name}!${cell.address} ${JSON.stringify(font)}`);
          }),
        );
      expect(unnamed.slice(0, 3)).toEqual([]);
    }
    // The title keeps its own size.
    expect(zh.getWorksheet('单位')!.getCell('A1').font).toMatchObject({
      name: 'Calibri',
      size: 14,
      bold: true,
    });
  });
});
