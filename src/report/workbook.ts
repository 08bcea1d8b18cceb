/**
 * The report workbook (DESIGN.md §7): the sheets of the report model, in its order. Every
 * sheet opens with its title, the period and the sources, then real tables: a frozen header,
 * an auto-filter, integer and percentage formats (rates stored as numbers), over-target and
 * rising cells highlighted, widths that fit Chinese text, totals rows, notes, and the chart
 * pictures beside the tables. 明细 follows (detail.ts). It lays out the model; it computes
 * nothing.
 */
import stringWidth from 'string-width';
import type { Cell } from '../io/table.js';
import { style, type CellStyle, type ReportSheet, type ReportWorkbook } from '../io/workbook.js';
import type { Lang } from '../settings/types.js';
import type { ChartImage } from './charts.js';
import { BOOK, heading } from './labels.js';
import type { Column, Format, ReportModel, Row, Sheet, Table } from './types.js';

const INT = style({ numFmt: '#,##0' });
const DEC = style({ numFmt: '#,##0.00' });
const PCT = style({ numFmt: '0.00%' });
const TITLE = style({ font: { bold: true, size: 14 } });
const SUBTITLE = style({ font: { color: { argb: 'FF595959' } } });
const HEAD = style({
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', wrapText: true },
});
const TOTAL = style({ font: { bold: true } });
const TOTAL_INT = style({ font: { bold: true }, numFmt: '#,##0' });
const TOTAL_DEC = style({ font: { bold: true }, numFmt: '#,##0.00' });
const TOTAL_PCT = style({ font: { bold: true }, numFmt: '0.00%' });
const NOTE = style({ font: { italic: true, color: { argb: 'FF7F7F7F' } } });
/** Excel's own "bad" look: light red fill, dark red text. */
const BAD_PCT = style({
  numFmt: '0.00%',
  font: { color: { argb: 'FF9C0006' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
});
const BAD_TEXT = style({
  font: { color: { argb: 'FF9C0006' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
});
const RISING_PCT = style({ numFmt: '0.00%', font: { color: { argb: 'FFC00000' } } });
const FALLING_PCT = style({ numFmt: '0.00%', font: { color: { argb: 'FF00804D' } } });

function styleFor(format: Format, value: Cell, total: boolean): CellStyle | undefined {
  if (format === 'flag' && value) return BAD_TEXT;
  if (typeof value !== 'number') return total ? TOTAL : undefined;
  switch (format) {
    case 'int':
      return total ? TOTAL_INT : INT;
    case 'dec':
    case 'fixed':
      return total ? TOTAL_DEC : DEC;
    case 'pct':
      return total ? TOTAL_PCT : PCT;
    case 'change':
      return value > 0 ? RISING_PCT : value < 0 ? FALLING_PCT : PCT;
    case 'over':
      return value > 0 ? BAD_PCT : total ? TOTAL_PCT : PCT;
    case 'flag':
      return BAD_TEXT;
    default:
      return total ? TOTAL : undefined;
  }
}

/** Display width of a cell in Excel's character units (a Chinese character is two). */
function cellWidth(value: Cell, format: Format): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number')
    return format === 'pct' || format === 'change' || format === 'over'
      ? 9
      : String(Math.round(value * 100) / 100).length + 2;
  if (value instanceof Date) return 19;
  return stringWidth(String(value));
}

const MAX_WIDTH = 60;

/** A table as the cells it writes: the heading, the rows, the totals row. */
interface Laid {
  table: Table;
  head: string[];
  rows: Cell[][];
  totals: Cell[] | null;
}

function headingOf(column: Column, lang: Lang): string {
  return typeof column.label === 'string' ? heading(column.label, lang) : column.label.text;
}

function lay(table: Table, lang: Lang): Laid {
  const cells = (row: Row): Cell[] =>
    table.columns.map((column) => {
      const value = row[column.key];
      if (value === undefined || value === null) return table.blank ?? null;
      // An over-target unit says so in words: 是, yes.
      if (column.format === 'flag') return value === true ? BOOK[lang].yes : null;
      return value;
    });
  return {
    table,
    head: table.columns.map((c) => headingOf(c, lang)),
    rows: table.rows.map(cells),
    totals: table.totals ? cells(table.totals) : null,
  };
}

/** Widths that fit every table of a sheet (captions and titles excluded: they overflow freely). */
function widthsOf(tables: readonly Laid[]): number[] {
  const widths: number[] = [];
  for (const t of tables) {
    const rows = [t.head, ...t.rows, ...(t.totals ? [t.totals] : [])];
    rows.forEach((row) =>
      row.forEach((value, i) => {
        const w = Math.min(MAX_WIDTH, cellWidth(value, t.table.columns[i]?.format ?? 'text') + 2);
        widths[i] = Math.max(widths[i] ?? 8, w);
      }),
    );
  }
  return widths;
}

function writeTable(sheet: ReportSheet, laid: Laid, filter: boolean): void {
  const { table } = laid;
  if (table.caption) sheet.addRow([table.caption], TOTAL);
  const head = sheet.addRow(laid.head, HEAD);
  if (filter && table.rows.length > 0) sheet.autoFilter(head, 1, laid.head.length);
  const items = table.rowFormats;
  laid.rows.forEach((row, r) => {
    const format = (i: number) =>
      items && i > 0 ? items[r]! : (table.columns[i]?.format ?? 'text');
    sheet.addRow(
      row,
      row.map((v, i) => (i === 0 && items ? TOTAL : styleFor(format(i), v, false))),
    );
  });
  if (laid.totals)
    sheet.addRow(
      laid.totals,
      laid.totals.map((v, i) => styleFor(table.columns[i]?.format ?? 'text', v, true)),
    );
}

function writeNotes(sheet: ReportSheet, notes: readonly string[], lang: Lang): void {
  if (notes.length === 0) return;
  sheet.skip();
  sheet.addRow([BOOK[lang].notes], TOTAL);
  for (const n of notes) sheet.addRow([n], NOTE);
}

/** Shown at 60% of the display size: about 9 columns by 16 rows beside the tables. */
function placeImages(sheet: ReportSheet, charts: readonly ChartImage[], column: number): void {
  let at = 4;
  for (const chart of charts) {
    const width = Math.round(chart.width * 0.6);
    const height = Math.round(chart.height * 0.6);
    sheet.addImage({ png: chart.png, column, row: at, width, height });
    at += Math.ceil(height / 20) + 1;
  }
}

function writeSheet(
  book: ReportWorkbook,
  model: ReportModel,
  spec: Sheet,
  charts: readonly ChartImage[],
): void {
  const { lang } = model;
  const tables = spec.tables.map((t) => lay(t, lang));
  const headerRow = 5 + (spec.tables[0]?.caption ? 1 : 0);
  const sheet = book.addSheet(spec.name, {
    frozenRows: tables.length > 0 ? headerRow : 0,
    widths: widthsOf(tables),
    landscape: true,
  });
  const t = BOOK[lang];
  sheet.addRow([t.title(spec.name)], TITLE, 22);
  sheet.addRow([model.period], SUBTITLE);
  sheet.addRow([t.sources(model.sources, model.generatedAt)], SUBTITLE);
  sheet.skip();
  tables.forEach((laid, i) => {
    if (i > 0) sheet.skip();
    writeTable(sheet, laid, i === 0 && spec.filter);
  });
  writeNotes(sheet, spec.notes, lang);
  const pictures = spec.charts.flatMap((name) => charts.filter((c) => c.name === name));
  placeImages(sheet, pictures, (spec.tables[0]?.columns.length ?? 0) + 1);
  sheet.commit();
}

/** Writes every sheet of the model (明细 aside, see detail.ts) into `book`; returns how many. */
export function writeReport(
  book: ReportWorkbook,
  model: ReportModel,
  charts: readonly ChartImage[],
): number {
  for (const sheet of model.sheets) writeSheet(book, model, sheet, charts);
  return model.sheets.length;
}
