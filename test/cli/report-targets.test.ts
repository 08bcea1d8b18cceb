/**
 * The target columns of the documents as a manager reads them, read back from the files: a
 * prorated target is headed 折算指标 (a quarter's 6.50 under a bare 指标 read as the unit's
 * target, whose annual figure is 26), and a year to date where no unit has reached its annual
 * target prints no 已达年度指标 column blank all the way down (the text says "尚无单位达到").
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBook, tablesOf, headings } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';
import { DocxParts, paragraphs } from '../helpers/docx.js';

const ALL = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
/** Without the June–December CSV: June runs to the 21st. */
const TO_JUNE_21 = ALL.slice(0, 2);
const TARGETS = ['--targets', 'fixtures/metrics/targets-2016.csv', '--prorate'];

const dir = mkdtempSync(join(tmpdir(), 'complaints-report-targets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, inputs: string[], args: string[]): string {
  const out = join(dir, name);
  const run = complaints(['report', ...inputs, ...TARGETS, ...args, '--no-charts', '--out', out], {
    env: { TZ: 'Asia/Shanghai' },
  });
  expect(run.stderr).not.toMatch(/Error|at /);
  expect(run.code).toBe(0);
  return out;
}

/** Each table of the Word document: its caption (the paragraph before it) and heading row. */
function docxTables(file: string): { caption: string; head: string[]; rows: string[][] }[] {
  const xml = new DocxParts(readFileSync(file)).text('word/document.xml');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => {
    const before = paragraphs(xml.slice(0, m.index));
    const rows = [...m[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => paragraphs(r[0]));
    return { caption: before.at(-1)!, head: rows[0]!, rows: rows.slice(1) };
  });
}

describe('a prorated target is headed 折算指标', () => {
  it('2016Q4 --prorate: the quarter’s table in the bulletin, 6.5 for 歙县 (26 × 3/12)', () => {
    const [quarter, year] = docxTables(write('q.docx', ALL, ['--quarter', '2016Q4']));
    expect(quarter!.caption).toMatch(/^表1　本季度/);
    expect(quarter!.head).toContain('折算指标');
    expect(quarter!.head).not.toContain('指标');
    const at = quarter!.head.indexOf('折算指标');
    const shexian = quarter!.rows.find((r) => r[1] === '国网歙县供电公司')!;
    expect(shexian[at]).toBe('6.5');
    // The year to date beside it is held against the whole annual target, headed so.
    expect(year!.head).toContain('年度指标');
    expect(year!.head).not.toContain('折算指标');
    // Two units have not reached it: the column stays, 已达 beside the six that have.
    const reached = year!.head.indexOf('已达年度指标');
    expect(year!.rows.filter((r) => r[reached] === '已达')).toHaveLength(7); // 6 units and 合计
  });

  it('2016-01..2016-09 --prorate, in English: "prorated target", 93.75 in all (125 × 9/12)', () => {
    const [units] = docxTables(
      write('ytd-en.docx', ALL, ['--from', '2016-01', '--to', '2016-09', '--lang', 'en']),
    ).filter((t) => t.head.includes('unit'));
    expect(units!.head).toContain('prorated target');
    expect(units!.head).not.toContain('target');
    expect(units!.rows.at(-1)![units!.head.indexOf('prorated target')]).toBe('93.75');
  });

  it('2016Q4 --prorate: the workbook’s 单位 sheet heads the quarter’s column so too', async () => {
    const book = await readBook(write('q.xlsx', ALL, ['--quarter', '2016Q4']));
    const [quarter] = tablesOf(book.getWorksheet('单位')!);
    const heads = [...headings(quarter!).values()];
    expect(heads).toContain('折算指标');
    expect(heads).not.toContain('指标');
  });
});

describe('已达年度指标 only where a unit has reached it', () => {
  it('June 2016 to the 21st: no unit has, and no empty column says so', () => {
    const tables = docxTables(write('june.docx', TO_JUNE_21, ['--month', '2016-06']));
    const year = tables.find((t) => t.caption.includes('累计'))!;
    expect(year.caption).toBe('表2　累计：2016年1–6月（指标按 6/12 折算）');
    expect(year.head).not.toContain('已达年度指标');
    expect(year.head).toEqual([
      '排名',
      '供电单位',
      '投诉',
      '考核投诉',
      '年度指标',
      '折算指标',
      '超指标率',
    ]);
  });
});
