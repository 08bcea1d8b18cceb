/**
 * Every sheet of the quarter's workbook as a manager prints it, read back from the file: the
 * fonts the column widths were measured in, and tables kept whole on a printed page. The pages
 * were looked at rendered by LibreOffice (README "The report workbook").
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
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
  [zh, en] = (await Promise.all(runs.map((out) => readBook(out)))) as [Book, Book];
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

/** The rows a sheet's printed pages break after (1-based), as written. */
function rowBreaks(file: string, book: Book, name: string): number[] {
  const zip = new PizZip(readFileSync(file));
  const xml = zip.file(`xl/worksheets/sheet${book.getWorksheet(name)!.id}.xml`)!.asText();
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}

/** The row whose first cell reads `text`. */
function rowOf(book: Book, name: string, text: string): number {
  const sheet = book.getWorksheet(name)!;
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).text === text) return r;
  throw new Error(`${name}: no row ${text}`);
}

describe('tables kept whole on a printed page', () => {
  // Each of these ran over a page break, its rows after it printed without their heading (seen
  // rendered by LibreOffice): 回访结果's heading and first row alone at the foot of page 20.
  it.each([
    ['概览', '累计：2016年（与年度指标比较）', 25],
    ['热点', '上升最快的二级分类（同比）', 30],
    ['时效与满意度', '回访结果', 30],
  ])('%s: %s starts a page', (name, caption, breakAfter) => {
    const file = join(dir, 'zh.xlsx');
    expect(rowOf(zh, name, caption)).toBe(breakAfter + 1);
    expect(rowBreaks(file, zh, name)).toContain(breakAfter);
  });

  it('a table longer than a page runs on where it is (三级分类); 单位, in strips, is left alone', () => {
    const file = join(dir, 'zh.xlsx');
    // 专业 (5 rows) starts page 2 after 二级分类; 三级分类 (39 rows) follows it on that page.
    const breaks = rowBreaks(file, zh, '分类');
    expect(breaks).toEqual([rowOf(zh, '分类', '专业') - 1]);
    expect(rowOf(zh, '分类', '三级分类')).toBe(breaks[0]! + 7);
    expect(rowBreaks(file, zh, '单位')).toEqual([]);
  });
});

describe('page numbers', () => {
  // LibreOffice numbered the pages on through the workbook (单位 began at 第 7 页) and its &N
  // counted the whole workbook's (第 7 页，共 25 页): each sheet now numbers its own pages from
  // 1, with no total, which no code gives for a sheet alone.
  it('every sheet, 明细 too, numbers its own pages from 1 under its name, with no total', () => {
    for (const [book, footer] of [
      [zh, '&L&A&C第 &P 页'],
      [en, '&L&A&CPage &P'],
    ] as const) {
      expect(book.worksheets.map((s) => s.name)).toContain(book === zh ? '明细' : 'Detail');
      for (const sheet of book.worksheets) {
        expect(sheet.headerFooter.oddFooter, sheet.name).toBe(footer);
        // exceljs reads the attribute Excel obeys (useFirstPageNumber) but does not type it.
        const setup = sheet.pageSetup as { useFirstPageNumber?: boolean };
        expect(setup.useFirstPageNumber, sheet.name).toBe(true);
        expect(sheet.pageSetup.firstPageNumber, sheet.name).toBe(1);
      }
    }
  });
});
