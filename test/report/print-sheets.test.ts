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

describe('月度趋势 one page wide', () => {
  // Whole, "average monthly reduction (arithmetic, 2016-01 to 2016-12)" made column A 60
  // characters wide, and the English sheet printed in two strips of columns.
  it.each([
    [
      'zh',
      '月度趋势',
      28,
      ['月均下降率\n（算术，2016-01至2016-12）', '月均下降率\n（复合，2016-01至2016-12）'],
    ],
    [
      'en',
      'Monthly',
      34,
      [
        'average monthly reduction\n(arithmetic, 2016-01 to 2016-12)',
        'average monthly reduction\n(compound, 2016-01 to 2016-12)',
      ],
    ],
  ] as const)('%s: the reduction labels wrap before their bracket', (lang, name, width, labels) => {
    const sheet = (lang === 'zh' ? zh : en).getWorksheet(name)!;
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    // The widest phrase, （算术，2016-01至2016-12）: 26 (a Chinese character two), and 2 of room;
    // unit names (国网黄山市黄山区供电公司, 24) fit within it.
    expect(sheet.getColumn(1).width).toBe(width);
    const first = rowOf(lang === 'zh' ? zh : en, name, labels[0]);
    expect(sheet.getCell(first + 1, 1).text).toBe(labels[1]);
    for (const r of [first, first + 1]) {
      expect(sheet.getCell(r, 1).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
      // The rate reads beside the label's first line.
      expect(sheet.getCell(r, 2).alignment).toMatchObject({ horizontal: 'right', vertical: 'top' });
      // Two lines: of a Chinese font 16 points and 4 of leading; of Calibri 15, Excel's row.
      expect(sheet.getRow(r).height).toBe(lang === 'zh' ? 36 : 30);
    }
    expect(sheet.getCell(first, 2).value).toBeCloseTo(-0.0292, 4);
  });
});

describe('a text beside a figure on its left is indented', () => {
  // Printed, the figure's digits touched the text across the thin border: 50抢修质量,
  // 12.00%停送电信息公告 (热点), 171登记时间 (数据质量).
  const indent = (book: Book, name: string, row: number, column: number) =>
    book.getWorksheet(name)!.getCell(row, column).alignment?.indent ?? 0;

  it('热点: the classes after 投诉 and 占比, not 供电单位 or the figures', () => {
    const head = rowOf(zh, '热点', '供电单位');
    const sheet = zh.getWorksheet('热点')!;
    expect([1, 2, 3, 4, 5, 6].map((c) => sheet.getCell(head, c).text)).toEqual([
      '供电单位',
      '投诉',
      '第 1 位',
      '投诉',
      '占比',
      '第 2 位',
    ]);
    // The heading and a row alike.
    for (const r of [head, head + 1])
      expect([1, 2, 3, 4, 5, 6].map((c) => indent(zh, '热点', r, c))).toEqual([0, 0, 1, 0, 0, 1]);
    expect(sheet.getCell(head + 1, 3).alignment?.horizontal).toBe('left');
  });

  it('数据质量: 拒收明细 原因 after 行; 文件 after nothing', () => {
    const head = rowOf(zh, '数据质量', '拒收明细') + 1;
    const sheet = zh.getWorksheet('数据质量')!;
    expect([1, 2, 3].map((c) => sheet.getCell(head, c).text)).toEqual(['文件', '行', '原因']);
    expect(sheet.getCell(head + 1, 3).text).toMatch(/^登记时间/);
    for (const r of [head, head + 1])
      expect([1, 2, 3].map((c) => indent(zh, '数据质量', r, c))).toEqual([0, 0, 1]);
  });
});
