/**
 * xlsx through exceljs's streaming reader: a 1,048,575-row sheet is never held whole.
 * Cell values are flattened to plain values (rich text to its text, formulas to their cached
 * result); Excel date cells arrive as Dates whose UTC parts are the wall-clock time.
 */
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { loadExcelJS } from './exceljs.js';
import type { Cell, RawRow, TableReader, TableSink } from './table.js';

// Small batches: rows held across the reader's awaits would survive into the old generation.
const BATCH = 100;

interface WorkbookModel {
  sheets?: { name: string; id: number; rId: string }[];
}
interface WorkbookReaderInternals {
  model?: WorkbookModel;
  workbookRels?: { Id: string; Target: string }[];
}
interface WorksheetReaderLike extends AsyncIterable<{ number: number; values: unknown }> {
  id: string | number;
}

export function xlsxReader(file: string, bytes: Readable, sheet: string | null): TableReader {
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    notes: [],
    read: (sink) => readXlsx(file, bytes, sheet, sink),
  };
}

/** The sheet's name as Excel shows it: workbook.xml names sheets, its rels locate their files. */
function sheetName(
  workbook: WorkbookReaderInternals,
  id: string | number,
): { name: string; index: number } {
  const rel = workbook.workbookRels?.find(
    (r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${id}.xml`,
  );
  const sheets = workbook.model?.sheets ?? [];
  const index = rel ? sheets.findIndex((s) => s.rId === rel.Id) : -1;
  if (index >= 0) return { name: sheets[index]!.name, index: index + 1 };
  return { name: `Sheet${id}`, index: Number(id) };
}

function matchesSheet(wanted: string, name: string, index: number): boolean {
  if (/^\d+$/.test(wanted)) return Number(wanted) === index;
  return wanted.normalize('NFKC').trim() === name.normalize('NFKC').trim();
}

async function readXlsx(
  file: string,
  bytes: Readable,
  wanted: string | null,
  sink: TableSink,
): Promise<void> {
  const ExcelJS = loadExcelJS();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let taken = false;
  // A zip cut short can leave exceljs waiting for bytes that never come, with nothing left
  // for Node to do: 'beforeExit' is then the only sign, and it turns into a clear error.
  let onStall: () => void = () => {};
  const stalled = new Promise<never>((_, reject) => {
    onStall = () => reject(new Error('the file ends in the middle of the zip data'));
  });
  process.once('beforeExit', onStall);
  const walk = async (): Promise<void> => {
    for await (const worksheet of workbook as unknown as AsyncIterable<WorksheetReaderLike>) {
      if (taken) continue; // let exceljs drain the rest of the zip
      const { name, index } = sheetName(
        workbook as unknown as WorkbookReaderInternals,
        worksheet.id,
      );
      seen.push(name);
      if (wanted !== null && !matchesSheet(wanted, name, index)) continue;
      sink.begin({ sheet: name, sheetIndex: index });
      let wantedSheet = true;
      let batch: RawRow[] = [];
      for await (const row of worksheet) {
        batch.push({ row: row.number, cells: toCells(row.values as unknown[]) });
        if (batch.length >= BATCH) {
          wantedSheet = sink.rows(batch);
          batch = [];
          if (!wantedSheet) break;
        }
      }
      if (wantedSheet && batch.length > 0) sink.rows(batch);
      // The sink may only decide at the end of a short sheet that it holds no header.
      if (sink.end() || wanted !== null) taken = true;
    }
  };
  try {
    await Promise.race([walk(), stalled]);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      'XLSX_CORRUPT',
      `${file}: the workbook is damaged or incomplete and cannot be read (${describe(error)}).`,
      'Download or export it again, or open it in Excel/WPS and save it under a new name.',
    );
  } finally {
    process.off('beforeExit', onStall);
  }
  if (seen.length === 0) {
    throw new InputError(
      'XLSX_CORRUPT',
      `${file}: no worksheet found in the file; it is a zip archive but not an Excel workbook.`,
      'Give the 95598 export as .xlsx or .csv.',
    );
  }
  if (wanted !== null && !taken) {
    throw new InputError(
      'SHEET_NOT_FOUND',
      `${file}: no sheet '${wanted}'. Sheets: ${seen.join(', ')}.`,
      'Name a sheet with --sheet NAME or --sheet NUMBER (1 = the first).',
    );
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 120);
}

/** exceljs row.values is 1-based and sparse; cells become plain values. */
function toCells(values: unknown[]): Cell[] {
  const cells: Cell[] = new Array<Cell>(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) cells[i - 1] = toCell(values[i]);
  return cells;
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return value;
  const v = value as {
    richText?: { text: string }[];
    result?: unknown;
    formula?: string;
    sharedFormula?: string;
    text?: unknown;
    error?: string;
  };
  if (v.richText) return v.richText.map((run) => run.text).join('');
  if (v.formula !== undefined || v.sharedFormula !== undefined) return toCell(v.result);
  if (v.text !== undefined) return toCell(v.text);
  if (v.error !== undefined) return String(v.error); // '#VALUE!': a reject names it
  return String(value);
}
