/**
 * The quarter's 概览 as a manager prints it, read back from the file: each paragraph of the
 * bulletin's text in a row as tall as the lines LibreOffice draws it in. Measured at 6.5 pixels a
 * character, spaces and narrow letters as wide as an n, English paragraphs came out a line longer
 * than drawn, a blank line under their text; Chinese ones are measured as they were.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBook, type Book } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-print-lines-'));
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
  '--no-charts',
];

const books: Partial<Record<'zh' | 'en', Book>> = {};
beforeAll(async () => {
  for (const lang of ['zh', 'en'] as const) {
    const out = join(dir, `${lang}.xlsx`);
    const run = complaints([...ARGS, '--lang', lang, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    books[lang] = await readBook(out);
  }
}, 120_000);

/** The height of the row of 概览 (Summary) whose text starts with `start`. */
function heightOf(lang: 'zh' | 'en', start: string): number | undefined {
  const sheet = books[lang]!.getWorksheet(lang === 'zh' ? '概览' : 'Summary')!;
  for (let r = 1; r <= sheet.rowCount; r++)
    if (sheet.getCell(r, 1).text.startsWith(start)) return sheet.getRow(r).height;
  throw new Error(`no row starting ${start}`);
}

describe('概览 (Summary): a paragraph row as tall as its lines', () => {
  // Lines as LibreOffice drew them, rows of three to five lines looked at page by page; the
  // heights they had before in brackets. 15 points a line of Calibri; with Chinese words (unit
  // names), 16 a line and 4 of leading.
  it.each([
    ['In 2016 as a whole, 226 complaints', 2 * 15], // 45: 3 lines
    ['By unit, the most assessed complaints', 16 + 4], // 36: 2 lines
    ['Units over target (3)', 2 * 16 + 4], // 52: 3 lines
    ['In 2016 Q4, 51 customer complaints', 3 * 15], // 311 characters, the same
    ['By first-level class', 3 * 15], // 342 characters, the longest, the same
    ['Units at or over the annual target', 3 * 16 + 4], // the same
    ['Early warning for December 2016', 3 * 16 + 4], // the same
  ])('en: %s … %d points', (start, height) => {
    expect(heightOf('en', start)).toBe(height);
  });

  it.each([
    ['2016年第四季度，共受理客户投诉51件', 2 * 16 + 4],
    ['从一级分类看', 3 * 16 + 4],
    // Four lines since session 21's wording (（累计33件，年度指标28件）), the last its 。 in LibreOffice.
    ['累计考核投诉已达到或超过年度指标', 4 * 16 + 4],
    ['本期工单共117件', 16 + 4],
  ])('zh: %s … %d points, as before', (start, height) => {
    expect(heightOf('zh', start)).toBe(height);
  });
});
