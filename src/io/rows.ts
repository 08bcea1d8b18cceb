/**
 * Row-level outputs (classified rows): CSV or xlsx chosen by the file's extension, written to
 * a temporary file beside the target and renamed when complete.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { extname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { InputError, said } from '../errors.js';
import { displayWidth } from '../report/width.js';
import { cellText } from '../schema/values.js';
import type { Cell } from './table.js';
import { OutputFile, writeFailure } from './write.js';
import { style, type ReportWorkbook } from './workbook.js';

export interface RowWriter {
  write(cells: readonly Cell[]): void;
  /** Waits while written rows are still queued in memory (xlsx); at once for CSV. */
  flush(): Promise<void>;
  /** Finishes the file and moves it into place. */
  close(): Promise<void>;
  /** Removes the temporary file after a failure. */
  abort(): void;
  /** Texts cut at Excel's 32,767 characters a cell (xlsx only). */
  cutCells(): number;
}

/** How a workbook's sheet is laid out (CSV has no layout): column widths, an auto-filter. */
export interface RowLayout {
  widths?: number[];
  filter?: boolean;
  /** Number formats by column (0-based), e.g. '0.00' for a confidence. */
  formats?: Record<number, string>;
}

/**
 * Checks the target and loads what the format needs; returns a synchronous opener, so rows
 * can be written from inside the ingest callback once the first one tells the columns.
 */
export async function prepareRowWriter(
  target: string,
  sheetName: string,
  layout: RowLayout = {},
): Promise<(columns: readonly string[]) => RowWriter> {
  const ext = extname(target).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') {
    throw new InputError(
      'BAD_OPTION',
      said(
        `选项 --out ${target}：文件名应以 .xlsx 或 .csv 结尾。`,
        `--out ${target}: expected a .xlsx or .csv file name.`,
      ),
    );
  }
  const output = await OutputFile.open(target);
  if (ext === '.csv') return (columns) => csvWriter(output, columns);
  const { ReportWorkbook } = await import('./workbook.js');
  return (columns) => {
    if (columns.length > EXCEL_COLUMNS) {
      output.abort();
      throw new InputError(
        'OUTPUT_UNWRITABLE',
        said(
          `${target}：这些行会有 ${columns.length.toLocaleString('en-US')} 列，超过 Excel 每个工作表 ${EXCEL_COLUMNS.toLocaleString('en-US')} 列的上限。`,
          `${target}: the rows would have ${columns.length.toLocaleString('en-US')} columns, more than Excel's ${EXCEL_COLUMNS.toLocaleString('en-US')} a sheet.`,
        ),
        said(
          '请改为输出 CSV：--out 文件名.csv。',
          'Write them as CSV instead, with --out NAME.csv.',
        ),
        { file: target },
      );
    }
    return xlsxWriter(ReportWorkbook.create(output), columns, sheetName, layout);
  };
}

/**
 * A spreadsheet evaluates a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula; such text gets a leading apostrophe. Plain numbers such as -5 are left alone.
 */
export function guardFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || /^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  return `'${text}`;
}

const FLUSH_BYTES = 1 << 20;
/** Excel's limit on the columns of a sheet. */
const EXCEL_COLUMNS = 16_384;
// csv-stringify quotes a field holding the record delimiter (\r\n) but not a bare \n or \r,
// which a reader would take for the end of the record.
const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

function csvWriter(output: OutputFile, columns: readonly string[]): RowWriter {
  const fd = openSync(output.temporary, 'w');
  let buffer = '\ufeff' + stringify([columns.map(guardFormula)], CSV_OPTIONS);
  const flush = () => {
    try {
      // writeSync may write part of the bytes (a disk filling up) and throw only on the next call.
      const bytes = Buffer.from(buffer);
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    } catch (error) {
      throw writeFailure(output.target.named, error);
    }
    buffer = '';
  };
  return {
    write(cells) {
      buffer += stringify([cells.map((c) => guardFormula(cellText(c ?? null)))], CSV_OPTIONS);
      if (buffer.length > FLUSH_BYTES) flush();
    },
    flush: () => Promise.resolve(),
    async close() {
      flush();
      closeSync(fd);
      await output.commit();
    },
    abort() {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      output.abort();
    },
    cutCells: () => 0,
  };
}

const HEAD = style({ font: { bold: true } });
const DATE = style({ numFmt: 'yyyy-mm-dd hh:mm:ss' });

/** A time column's width: yyyy-mm-dd hh:mm:ss (19 characters) and a margin. */
const TIME_WIDTH = 20;
/** Headings of the columns dates are written in (the exports' times), by their words. */
const TIME_HEADING = /时间|日期|time|date/i;
/** Headings of numbers kept as text (工单编号 of 16 digits, phones), cut at a heading's width. */
const NUMBER_HEADING = /编号|工单号|号码|电话|^id$|_id$|_no$/i;
const NUMBER_WIDTH = 18;

/**
 * A column's width when the caller sets none (classify's rows, whose columns are the input's):
 * its heading's, at least 10, at most 40; a time's for a time column, which Excel shows as
 * ##### when narrower than its date; an id's for the ids and phone numbers.
 */
function widthFor(heading: string): number {
  if (TIME_HEADING.test(heading)) return TIME_WIDTH;
  if (NUMBER_HEADING.test(heading)) return NUMBER_WIDTH;
  return Math.min(40, Math.max(10, displayWidth(heading) + 2));
}

function xlsxWriter(
  book: ReportWorkbook,
  columns: readonly string[],
  sheetName: string,
  layout: RowLayout,
): RowWriter {
  const sheet = book.addSheet(sheetName, {
    frozenRows: 1,
    widths: layout.widths ?? columns.map(widthFor),
  });
  sheet.addRow([...columns], HEAD);
  if (layout.filter) sheet.autoFilter(1, 1, columns.length);
  const formats = Object.entries(layout.formats ?? {}).map(
    ([column, numFmt]) => [Number(column), style({ numFmt })] as const,
  );
  return {
    write(cells) {
      // Text is written as text, never as a formula, so no guarding is needed here.
      const styles = cells.map((c) => (c instanceof Date ? DATE : undefined));
      for (const [column, format] of formats)
        if (typeof cells[column] === 'number') styles[column] = format;
      sheet.addRow(cells, styles);
    },
    flush: () => sheet.flush(),
    async close() {
      sheet.commit();
      await book.commit();
    },
    abort() {
      book.abort();
    },
    cutCells: () => book.cutCells,
  };
}
