/** What the xlsx reading thread (xlsx-worker.ts) and the main thread (xlsx-read.ts) share. */
import type { TableInfo } from '../io/table.js';
import type { RowBatch } from './xlsx-batch.js';

/** Rows per message: about 2–4 MB of sheet XML. */
export const BATCH_ROWS = 4096;
/** Batches posted and not yet taken by the main thread before the reader waits. */
export const MAX_IN_FLIGHT = 4;

// Slots of the shared control array.
/** Batches the main thread has taken. */
export const CONSUMED = 0;
/** The sheet (1-based, in the order begun) whose rows the sink refused: stop scanning it. */
export const STOP = 1;
/** The sink's answer at a sheet's end: 0 waiting, 1 false, 2 true, ABORTED: stop at once. */
export const ANSWER = 2;
export const ABORTED = 3;
export const CONTROL_SLOTS = 3;

/**
 * For tests only: every workbook, whatever its size, is read in a worker, in batches of this
 * many rows (so that a small fixture makes many batches).
 */
export const TEST_XLSX_WORKER_ENV = 'COMPLAINTS_TEST_XLSX_WORKER';

/** For tests only: the worker fails with a fault of its own after this many batches. */
export const TEST_FAIL_ENV = 'COMPLAINTS_TEST_XLSX_WORKER_FAIL';

export interface XlsxJob {
  file: string;
  path: string;
  sheet: string | null;
  maxInflated: number | undefined;
  /** SharedArrayBuffer of CONTROL_SLOTS Int32 slots. */
  control: SharedArrayBuffer;
}

export type XlsxMessage =
  | { type: 'begin'; info: TableInfo }
  | { type: 'rows'; batch: RowBatch }
  | { type: 'end' }
  | { type: 'done'; notes: string[] }
  | { type: 'error'; message: string };
