/**
 * The one place that loads exceljs (unmaintained: keep it behind src/io/). It only writes
 * workbooks now: reading goes through our own reader (xlsx.ts), which exceljs's streaming
 * reader could not match for speed, rich text or hostile files.
 */
import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);

let loaded: typeof ExcelJSModule | undefined;

/** All of exceljs, its readers included: the tests read the workbooks back with it. */
export function loadExcelJS(): typeof ExcelJSModule {
  if (!loaded) loaded = require('exceljs') as typeof ExcelJSModule;
  return loaded;
}

/**
 * exceljs's streaming workbook writer alone (pinned 4.4.0: its module path). The package's
 * entry loads its in-memory workbook and both readers too (unzipper, fast-csv, saxes …): 660
 * modules, about 0.25 CPU s, against 0.1 for the writer's.
 */
export function loadWorkbookWriter(): typeof ExcelJSModule.stream.xlsx.WorkbookWriter {
  return require('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJSModule.stream.xlsx.WorkbookWriter;
}
