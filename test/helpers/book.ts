/**
 * Reading a report workbook back as its reader sees it: its tables (a heading row with the
 * heading fill, then the rows down to the first empty one), each cell with its heading.
 */
import { loadExcelJS } from '../../src/io/exceljs.js';

export type Book = import('exceljs').Workbook;
export type Sheet = import('exceljs').Worksheet;
export type XCell = import('exceljs').Cell;
export type XRow = import('exceljs').Row;

export async function readBook(file: string): Promise<Book> {
  const ExcelJS = loadExcelJS();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** A table as read: its heading cells by column number (1-based), and its rows. */
export interface ReadTable {
  sheet: string;
  headRow: number;
  head: Map<number, XCell>;
  rows: XRow[];
}

const HEADING_FILL = 'FFDDEBF7';

export function isHeading(cell: XCell): boolean {
  const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
  return fill?.fgColor?.argb === HEADING_FILL;
}

/** Whether a cell shows anything: a value other than an empty text. */
export function hasValue(cell: XCell): boolean {
  return cell.value !== null && cell.value !== undefined && cell.value !== '';
}

function isEmpty(row: XRow): boolean {
  let empty = true;
  row.eachCell((cell) => {
    if (hasValue(cell)) empty = false;
  });
  return empty;
}

export function tablesOf(sheet: Sheet): ReadTable[] {
  const tables: ReadTable[] = [];
  let current: ReadTable | null = null;
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (isHeading(row.getCell(1))) {
      const head = new Map<number, XCell>();
      row.eachCell((cell, c) => {
        if (hasValue(cell)) head.set(c, cell);
      });
      current = { sheet: sheet.name, headRow: n, head, rows: [] };
      tables.push(current);
    } else if (current && !isEmpty(row)) {
      current.rows.push(row);
    } else {
      current = null;
    }
  }
  return tables;
}

/**
 * A table's heading texts by column number; a Chinese heading broken onto two lines to narrow its
 * column (上年同期\n投诉, on a sheet too wide for a page) read whole.
 */
export function headings(t: ReadTable): Map<number, string> {
  return new Map([...t.head].map(([c, cell]) => [c, String(cell.value).replace(/\n/g, '')]));
}

/** The rows of a table as objects keyed by heading. */
export function records(t: ReadTable): Record<string, unknown>[] {
  const head = headings(t);
  return t.rows.map((row) => {
    const r: Record<string, unknown> = {};
    for (const [c, h] of head) r[h] = row.getCell(c).value;
    return r;
  });
}
