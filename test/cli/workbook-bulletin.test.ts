/**
 * The bulletin's text block on 概览 (issue 13), read back from the month, quarter and year
 * workbooks: under the tables, the heading 通报, each section's heading in bold and each of its
 * paragraphs in a merged, wrapped cell — the same texts as the report model's bulletin — in rows
 * tall enough for their lines, within the print area, the charts after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { buildReportModel } from '../../src/report/model.js';
import { paragraphText, type Bulletin } from '../../src/report/types.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import type { CommandLineOptions } from '../../src/settings/types.js';
import { readBook, tablesOf, type Book, type Sheet } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-workbook-bulletin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = 'fixtures/metrics/targets-2016.csv';

/** The command-line arguments of each workbook, and the same options for the model. */
const CASES = {
  month: { args: ['--month', '2016-11'], options: { month: '2016-11' } },
  quarter: {
    args: ['--quarter', '2016Q4', '--prorate'],
    options: { quarter: '2016Q4', prorate: true },
  },
  year: { args: ['--year', '2016'], options: { year: '2016' } },
  english: {
    args: ['--quarter', '2016Q4', '--lang', 'en'],
    options: { quarter: '2016Q4', lang: 'en' },
  },
  noCharts: { args: ['--month', '2016-11', '--no-charts'], options: { month: '2016-11' } },
} satisfies Record<string, { args: string[]; options: CommandLineOptions }>;
type Case = keyof typeof CASES;
const NAMES = Object.keys(CASES) as Case[];

const books = {} as Record<Case, Book>;
const bulletins = {} as Record<Case, Bulletin>;

beforeAll(async () => {
  for (const name of NAMES) {
    const { args, options } = CASES[name];
    const out = join(dir, `${name}.xlsx`);
    const run = complaints(['report', ...INPUTS, '--targets', TARGETS, ...args, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    books[name] = await readBook(out);
    const settings = await resolveSettings(
      { inputs: INPUTS, options: { targets: TARGETS, ...options } },
      null,
      'report',
    );
    const lang = 'lang' in options ? 'en' : 'zh';
    const model = buildReportModel({
      result: await runPipeline(settings),
      lang,
      generatedAt: '',
      // As the workbook has it: its bulletin points to its own 预警 sheet.
      workbook: true,
    });
    bulletins[name] = model.bulletin;
  }
}, 90_000);

const overview = (name: Case): Sheet => books[name].worksheets[0]!;
const heading = (name: Case) => (name === 'english' ? 'Bulletin' : '通报');

interface BlockRow {
  row: number;
  text: string;
  bold: boolean;
}

/** The block's rows with text, from its heading down to the last row written. */
function block(name: Case): { head: number; rows: BlockRow[] } {
  const sheet = overview(name);
  let head = 0;
  const rows: BlockRow[] = [];
  sheet.eachRow((row, n) => {
    const cell = row.getCell(1);
    if (cell.value === heading(name) && head === 0) head = n;
    else if (head > 0 && typeof cell.value === 'string')
      rows.push({ row: n, text: cell.value, bold: cell.font?.bold === true });
  });
  return { head, rows };
}

/** The merged ranges of a sheet by their first row: [first column, last column]. */
function merges(sheet: Sheet): Map<number, [number, number]> {
  const found = new Map<number, [number, number]>();
  for (const range of (sheet.model as unknown as { merges: string[] }).merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)!;
    found.set(Number(m[2]), [columnNumber(m[1]!), columnNumber(m[3]!)]);
  }
  return found;
}

const columnNumber = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const pixels = (width: number) => Math.trunc(width * 7) + 5;
const printArea = (sheet: Sheet) => {
  const m = /^\$?A\$?1:\$?([A-Z]+)\$?(\d+)$/.exec(sheet.pageSetup.printArea ?? '')!;
  return { lastColumn: columnNumber(m[1]!), lastRow: Number(m[2]) };
};

describe.each(NAMES)('the %s workbook: the bulletin on 概览', (name) => {
  it('comes after the tables, headed in bold', () => {
    const { head } = block(name);
    const sheet = overview(name);
    expect(head, 'the block heading').toBeGreaterThan(0);
    const tables = tablesOf(sheet);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.rows.at(-1)!.number).toBeLessThan(head);
    expect(sheet.getRow(head).getCell(1).font?.bold).toBe(true);
  });

  it('shows each section’s heading in bold, then its paragraphs, as the model has them', () => {
    const expected = bulletins[name].sections.flatMap((s) => [
      { text: s.heading, bold: true },
      ...s.paragraphs.map((p) => ({ text: paragraphText(p), bold: false })),
    ]);
    expect(bulletins[name].sections.length).toBeGreaterThan(1);
    expect(block(name).rows.map(({ text, bold }) => ({ text, bold }))).toEqual(expected);
  });

  it('puts each paragraph in one cell merged across the printed width, wrapped, top-aligned', () => {
    const sheet = overview(name);
    const merged = merges(sheet);
    const { lastColumn } = printArea(sheet);
    for (const r of block(name).rows.filter((r) => !r.bold)) {
      const where = `${sheet.name}!A${r.row}`;
      const range = merged.get(r.row);
      expect(range, where).toBeDefined();
      expect(range![0], where).toBe(1);
      expect(range![1], where).toBeLessThanOrEqual(lastColumn);
      // At least as wide as the charts (720 pixels): a line holds about 50 Chinese characters.
      let px = 0;
      for (let c = 1; c <= range![1]; c++) px += pixels(sheet.getColumn(c).width ?? 8.43);
      expect(px, where).toBeGreaterThanOrEqual(720);
      const alignment = sheet.getCell(r.row, 1).alignment;
      expect(alignment?.wrapText, where).toBe(true);
      expect(alignment?.vertical, where).toBe('top');
    }
  });

  it('makes each paragraph’s row tall enough for its lines (a Chinese character is two units)', () => {
    const sheet = overview(name);
    const merged = merges(sheet);
    for (const r of block(name).rows.filter((r) => !r.bold)) {
      let px = 0;
      for (let c = 1; c <= merged.get(r.row)![1]; c++)
        px += pixels(sheet.getColumn(c).width ?? 8.43);
      // The fewest lines the text can take: a Chinese character 14 pixels (two units of seven),
      // Calibri's other characters 5.5 on average.
      const wide = stringWidth(r.text) - r.text.length;
      const lines = Math.ceil((wide * 14 + (r.text.length - wide) * 5.5) / px);
      const height = sheet.getRow(r.row).height;
      expect(height, `${sheet.name}!A${r.row}: ${lines} lines`).toBeGreaterThanOrEqual(lines * 15);
      // … and not a page of blank space under a short paragraph.
      expect(height, `${sheet.name}!A${r.row}`).toBeLessThanOrEqual((lines + 2) * 16 + 4);
    }
  });

  it('lies within the print area, one page wide, the charts after it', () => {
    const sheet = overview(name);
    const { lastRow, lastColumn } = printArea(sheet);
    const rows = block(name).rows;
    const last = rows.at(-1)!.row;
    expect(last).toBeLessThanOrEqual(lastRow);
    for (const [top, [, right]] of merges(sheet))
      if (top > block(name).head) expect(right).toBeLessThanOrEqual(lastColumn);
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    const images = sheet.getImages();
    expect(images.length).toBe(name === 'noCharts' ? 0 : 2);
    for (const image of images) {
      const tl = image.range.tl as unknown as { nativeRow: number };
      expect(tl.nativeRow).toBeGreaterThanOrEqual(last); // 0-based: the row after the block
    }
  });
});

describe('the other sheets', () => {
  it('carry no bulletin text', () => {
    for (const sheet of books.month.worksheets.slice(1))
      sheet.eachRow((row) => expect(row.getCell(1).value).not.toBe('通报'));
  });
});
