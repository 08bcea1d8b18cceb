/**
 * The quarter's workbook as a manager prints it, read back from the file (the pages looked at
 * rendered by LibreOffice): the English Units sheet one page wide, its headings turned, where its
 * 20 columns printed in two strips, and the Chinese 单位 one page wide, its headings on two lines;
 * 数据质量's "judged by" wrapped; a wrapped row as tall as its
 * lines (a line of Calibri 15 points, of a Chinese font 16 and 4 of leading); 明细's complaint
 * texts clear of the next row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBook, type Book } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-print-turned-'));
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
    const detail = lang === 'en' ? ['--detail'] : [];
    const run = complaints([...ARGS, ...detail, '--lang', lang, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    books[lang] = await readBook(out);
  }
}, 180_000);

const sheetOf = (lang: 'zh' | 'en', name: string) => books[lang]!.getWorksheet(name)!;
const widths = (lang: 'zh' | 'en', name: string) =>
  sheetOf(lang, name).columns.map((c) => Math.round(c.width ?? 0));

/** The rows whose cell in `column` reads `text`. */
function rowsOf(lang: 'zh' | 'en', name: string, text: string, column = 1): number[] {
  const sheet = sheetOf(lang, name);
  const rows: number[] = [];
  for (let r = 1; r <= sheet.rowCount; r++)
    if (sheet.getCell(r, column).text === text) rows.push(r);
  return rows;
}
const rowOf = (lang: 'zh' | 'en', name: string, text: string, column = 1) =>
  rowsOf(lang, name, text, column)[0]!;

describe('Units (单位) of the quarter, one page wide', () => {
  it('turns the headings after rank and unit, the figures setting the widths', () => {
    const sheet = sheetOf('en', 'Units');
    // 201 characters: 70% on one page as LibreOffice fits it. Upright, the headings made it 250
    // (complaints 12, unsubstantiated 17, complaints a year earlier 14 …), two strips at 100%.
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.pageSetup.printTitlesColumn).toBeUndefined();
    expect(widths('en', 'Units')).toEqual([
      8, 26, 8, 8, 8, 8, 9, 11, 8, 11, 8, 11, 10, 11, 10, 8, 8, 8, 11, 11,
    ]);
    // The quarter's table and the year to date's.
    expect(rowsOf('en', 'Units', 'rank')).toHaveLength(2);
    for (const head of rowsOf('en', 'Units', 'rank')) {
      expect(sheet.getCell(head, 2).alignment?.textRotation).toBeUndefined();
      expect(sheet.getCell(head, 5).text).toBe('unsubstantiated');
      for (const c of [3, 5, 11, 14])
        expect(sheet.getCell(head, c).alignment).toMatchObject({
          textRotation: 90,
          wrapText: true,
          vertical: 'bottom',
          horizontal: 'center',
        });
      // The longest line, unsubstantiated (15), seven pixels a character and ten of padding.
      expect(sheet.getRow(head).height).toBe(((15 * 7 + 10) * 3) / 4);
    }
  });

  it('prints the Chinese 单位 one page wide, its headings upright, on two lines where they set the width', () => {
    const sheet = sheetOf('zh', '单位');
    // 206 characters, 68% on one page; whole, the headings made it 229 (上年同期投诉 and 已达年度指标
    // 14, 万户投诉率 and 及时回复率 12 …), two strips at 100%, their repeated 排名 and 供电单位 beside.
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.pageSetup.printTitlesColumn).toBeUndefined();
    expect(widths('zh', '单位')).toEqual([
      8, 26, 8, 8, 8, 8, 10, 11, 10, 11, 10, 11, 10, 11, 10, 8, 8, 8, 11, 11,
    ]);
    const [quarter, year] = rowsOf('zh', '单位', '排名');
    const head = (r: number) => sheet.getRow(r).values as unknown[];
    expect(head(quarter!).slice(1)).toEqual([
      '排名',
      '供电单位',
      '投诉',
      '申诉\n成功',
      '不属实',
      '考核\n投诉',
      '折算指标',
      '超指标率',
      '超指标',
      '投诉占比',
      '上年同期\n投诉',
      '投诉同比',
      '上期投诉',
      // Whole: 万户投诉率 below it, broken, leaves its column 11 wide, as its figures make it.
      '投诉环比',
      '户数',
      '万户\n投诉率',
      '运检\n投诉',
      '营销\n投诉',
      '及时\n回复率',
      '及时\n办结率',
    ]);
    expect(sheet.getCell(year!, 9).value).toBe('已达\n年度指标');
    for (const r of [quarter!, year!]) {
      expect(sheet.getCell(r, 11).alignment).toMatchObject({ wrapText: true });
      expect(sheet.getCell(r, 11).alignment?.textRotation).toBeUndefined();
      // Two lines of a Chinese font: 16 points each and 4 of leading.
      expect(sheet.getRow(r).height).toBe(2 * 16 + 4);
    }
  });
});

describe("数据质量: how each input's coverage was judged", () => {
  it('en: wraps within 24 characters, its row two lines of Calibri', () => {
    const sheet = sheetOf('en', 'Data quality');
    // the period stated above the (27 - the widest line within 24: "the end of the last work"
    // 24) + 2; it was 40.
    expect(widths('en', 'Data quality')[3]).toBe(26);
    const judged = rowOf('en', 'Data quality', 'judged by', 4);
    const first = sheet.getCell(judged + 1, 4);
    expect(first.value).toBe('the period stated above the header');
    expect(first.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getRow(judged + 1).height).toBe(30);
  });

  it('zh: a basis as wide as its column stays on one line', () => {
    const sheet = sheetOf('zh', '数据质量');
    // 最后一条工单所在月的月末 (24) + 2: measured in pixels it came out two lines, its row 36.
    expect(widths('zh', '数据质量')[3]).toBe(26);
    const r = rowOf('zh', '数据质量', '最后一条工单所在月的月末', 4);
    expect(sheet.getRow(r).height).toBeUndefined();
  });
});

describe('row heights for wrapped lines', () => {
  it('a rejection reason, Chinese words in it: 16 points a line and 4 of leading', () => {
    const sheet = sheetOf('en', 'Data quality');
    const head = rowOf('en', 'Data quality', 'reason', 3);
    expect(sheet.getCell(head + 1, 3).text).toBe("登记时间 '2016-09-31 16:05:00' is not a date");
    expect(sheet.getRow(head + 1).height).toBe(2 * 16 + 4);
  });

  it('明细 (Detail): a complaint text of three lines, 52 points (it was 45: its last line touched the next row)', () => {
    const sheet = sheetOf('en', 'Detail');
    expect(sheet.getCell(2, 6).text).toMatch(/^客户反映抢修人员到场后态度很差/);
    expect(sheet.getRow(2).height).toBe(3 * 16 + 4);
  });
});
