/**
 * exceljs's streaming reader as the reference the xlsx reader is compared with (tests only).
 *
 * exceljs decodes each zip chunk on its own, which corrupts characters whose UTF-8 bytes
 * straddle two chunks (exceljs issues 2063, 2084, 2316); the reference gets the fix the
 * production code carried before it had its own reader: a `parse-sax` with a streaming
 * TextDecoder, put in the require cache before exceljs loads.
 */
import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';
import type { Cell, RawRow } from '../../src/io/table.js';

const require = createRequire(import.meta.url);

interface SaxesParserLike {
  on(event: string, handler: (value: unknown) => void): void;
  write(text: string): void;
}

function installParseSaxFix(): void {
  const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
  const saxesPath = require.resolve('saxes', { paths: [parseSaxPath] });
  const { SaxesParser } = require(saxesPath) as { SaxesParser: new () => SaxesParserLike };
  async function* parseSax(iterable: AsyncIterable<Buffer | string>) {
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: unknown;
    let events: { eventType: string; value: unknown }[] = [];
    parser.on('error', (err) => (error = err));
    for (const type of ['opentag', 'text', 'closetag']) {
      parser.on(type, (value) => events.push({ eventType: type, value }));
    }
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }
  require(parseSaxPath);
  require.cache[parseSaxPath]!.exports = parseSax;
}

let loaded: typeof ExcelJSModule | undefined;
/** exceljs with the fix; load it through here only, before anything else imports it. */
export function excelJS(): typeof ExcelJSModule {
  if (!loaded) {
    installParseSaxFix();
    loaded = require('exceljs') as typeof ExcelJSModule;
  }
  return loaded;
}

/** Every row of every sheet, flattened to plain cells the way the old exceljs reader did. */
export async function exceljsRows(file: string): Promise<{ sheet: number; rows: RawRow[] }[]> {
  const reader = new (excelJS().stream.xlsx.WorkbookReader)(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: { sheet: number; rows: RawRow[] }[] = [];
  for await (const worksheet of reader as unknown as AsyncIterable<
    AsyncIterable<{ number: number; values: unknown[] }> & { id: number }
  >) {
    const rows: RawRow[] = [];
    for await (const row of worksheet) {
      const cells: Cell[] = [];
      for (let i = 1; i < row.values.length; i++) cells.push(toCell(row.values[i]));
      rows.push({ row: row.number, cells });
    }
    sheets.push({ sheet: Number(worksheet.id), rows });
  }
  return sheets;
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
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
  if (v.error !== undefined) return String(v.error);
  return String(value);
}
