/**
 * The one place that loads exceljs (unmaintained: keep it behind src/io/). It only writes
 * workbooks now: reading goes through our own reader (xlsx.ts), which exceljs's streaming
 * reader could not match for speed, rich text or hostile files.
 */
import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);

let loaded: typeof ExcelJSModule | undefined;

export function loadExcelJS(): typeof ExcelJSModule {
  if (!loaded) loaded = require('exceljs') as typeof ExcelJSModule;
  return loaded;
}
