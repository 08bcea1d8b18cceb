/**
 * The year's workbook as a manager prints it, read back from the file: English class names, a
 * rejection's reason and long English headings wrap within a bounded width, their rows grown,
 * rather than widening columns shared with other tables. Whole, they printed the English 热点
 * (Hot spots) in two strips across, made 数据质量's 编码 46 characters wide, and widened
 * 月度趋势's month columns. The pages were looked at rendered by LibreOffice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBook, type Book } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-print-wrap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARGS = [
  'report',
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
  '--targets',
  'fixtures/metrics/targets-2016.csv',
  '--year',
  '2016',
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

const sheetOf = (lang: 'zh' | 'en', name: string) => books[lang]!.getWorksheet(name)!;
const widths = (lang: 'zh' | 'en', name: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => sheetOf(lang, name).getColumn(from + i).width);

/** The first row at or after `from` whose cell in `column` reads `text`. */
function rowOf(lang: 'zh' | 'en', name: string, text: string, column = 1, from = 1): number {
  const sheet = sheetOf(lang, name);
  for (let r = from; r <= sheet.rowCount; r++) if (sheet.getCell(r, column).text === text) return r;
  throw new Error(`${name}: no row ${text}`);
}

describe('热点 (Hot spots) one page wide in English', () => {
  it('wraps a class name at its spaces within 20 characters, its row two lines tall', () => {
    const sheet = sheetOf('en', 'Hot spots');
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    // name: Cut-off for arrears (19) + 2; parent: 国网黄山市黄山区供电公司 (24, repeat complainants'
    // units) + 2 + 1 of indent; share of complaints (19) wraps, #2's New connections (15) + 3;
    // complaints a year earlier (25) wraps into two lines of 12; #3: Meter reading and (17) + 3.
    // Whole, they were 30, 31, 21, 27 and 31: 229 characters in all, two strips across.
    expect(widths('en', 'Hot spots', 1, 11)).toEqual([26, 21, 27, 12, 12, 18, 14, 12, 20, 12, 11]);
    const r = rowOf('en', 'Hot spots', 'YY03');
    const name = sheet.getCell(r, 2);
    // The value stays whole: it matches itself in a filter and on the other sheets.
    expect(name.value).toBe('Meter reading and collection');
    expect(name.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // Two lines of Calibri, 15 points each (Excel's row); 36 showed a blank part-line below.
    expect(sheet.getRow(r).height).toBe(30);
    // The figures read beside the name's first line.
    expect(sheet.getCell(r, 5).value).toBe(24);
    expect(sheet.getCell(r, 5).alignment).toMatchObject({ horizontal: 'right', vertical: 'top' });
    // A heading that wraps grows its row too (Excel does not on opening the file).
    const head = rowOf('en', 'Hot spots', 'code');
    expect(sheet.getCell(head, 7).text).toBe('complaints a year earlier');
    expect(sheet.getCell(head, 7).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(head).height).toBe(30);
  });

  it('leaves the Chinese sheet as it was: a Chinese name has no spaces to wrap at', () => {
    const sheet = sheetOf('zh', '热点');
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(widths('zh', '热点', 1, 11)).toEqual([26, 20, 27, 8, 11, 17, 14, 11, 17, 8, 11]);
    const r = rowOf('zh', '热点', 'YY03');
    expect(sheet.getCell(r, 2).value).toBe('抄表催费');
    expect(sheet.getRow(r).height).toBeUndefined();
    expect(sheet.getRow(rowOf('zh', '热点', '代码')).height).toBeUndefined();
  });
});

describe('单位 of the Chinese year, one page wide as it was', () => {
  it('keeps its headings whole on one line: only a sheet too wide for a page breaks them', () => {
    const sheet = sheetOf('zh', '单位');
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    const head = rowOf('zh', '单位', '排名');
    expect(sheet.getCell(head, 11).value).toBe('上年同期投诉');
    expect(sheet.getRow(head).height).toBeUndefined();
  });
});

describe('数据质量: 拒收明细 原因 wraps within 24 characters', () => {
  it.each([
    // 16:05:00' 不是有效日期 (22) + 2 + 1 of indent; it was 46.
    ['zh', '数据质量', '原因', 25, "登记时间 '2016-09-31 16:05:00' 不是有效日期"],
    // 登记时间 '2016-13-45' is (24) + 3; it was 47.
    ['en', 'Data quality', 'reason', 27, "登记时间 '2016-09-31 16:05:00' is not a date"],
  ] as const)('%s: the column it shares with 编码', (lang, name, heading, width, reason) => {
    const sheet = sheetOf(lang, name);
    expect(widths(lang, name, 3, 3)).toEqual([width]);
    const head = rowOf(lang, name, heading, 3);
    const cell = sheet.getCell(head + 1, 3);
    expect(cell.value).toBe(reason);
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top', indent: 1 });
    expect(sheet.getRow(head + 1).height).toBe(36);
    expect(sheet.getCell(head + 1, 2).value).toBe(171);
  });
});

describe('月度趋势: the series headings wrap, the month columns above stay narrow', () => {
  it.each([
    // complaints (10) + 2; assessed; appeal / approved (8) + 2; complaints / mom (10) + 2;
    // complaints a / year earlier (12) + 2; complaints / yoy. They were 17, 16, 27 and 16 wide.
    ['en', 'Monthly', [12, 10, 10, 12, 14, 12], 30],
    ['zh', '月度趋势', [11, 10, 10, 11, 14, 11], undefined],
  ] as const)('%s', (lang, name, months, height) => {
    const sheet = sheetOf(lang, name);
    expect(widths(lang, name, 2, 7)).toEqual(months);
    const head = rowOf(lang, name, lang === 'en' ? 'month' : '月份');
    expect(sheet.getRow(head).height).toBe(height);
    expect(sheet.getCell(head, 6).alignment).toMatchObject({ wrapText: true });
  });
});
