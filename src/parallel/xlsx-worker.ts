/**
 * The thread that reads a workbook for xlsx-read.ts: inflates and scans the sheet as one thread
 * would (io/xlsx.ts, shared strings and styles included), and posts its rows in compact batches
 * (xlsx-batch.ts). What the main thread's sink answers (this sheet is not the table; take the
 * next sheet or stop) comes back through shared memory, as does back-pressure: at most
 * MAX_IN_FLIGHT batches wait on the main thread, so memory stays flat however fast this reads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TableInfo, TableSink } from '../io/table.js';
import { xlsxReader } from '../io/xlsx.js';
import { BatchWriter, batchBuffers } from './xlsx-batch.js';
import {
  ABORTED,
  ANSWER,
  BATCH_ROWS,
  CONSUMED,
  MAX_IN_FLIGHT,
  STOP,
  TEST_FAIL_ENV,
  TEST_XLSX_WORKER_ENV,
  type XlsxJob,
  type XlsxMessage,
} from './xlsx-protocol.js';

const port = parentPort!;
const job = workerData as XlsxJob;
const control = new Int32Array(job.control);

class Aborted extends Error {}

function post(message: XlsxMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** Waits while control[at] is `value` (the main thread changes it and notifies). */
function waitWhile(at: number, value: number): void {
  for (;;) {
    if (Atomics.load(control, ANSWER) === ABORTED) throw new Aborted();
    if (Atomics.load(control, at) !== value) return;
    Atomics.wait(control, at, value, 1000);
  }
}

let sheet = 0;
let posted = 0;
const writer = new BatchWriter();
const batchRows = Number(process.env[TEST_XLSX_WORKER_ENV] ?? '') || BATCH_ROWS;
const failAfter = Number(process.env[TEST_FAIL_ENV] ?? '') || 0;

function flush(): void {
  if (writer.rowCount === 0) return;
  const batch = writer.take();
  post({ type: 'rows', batch }, batchBuffers(batch));
  posted++;
  if (failAfter > 0 && posted >= failAfter) throw new Error('test: the xlsx worker fails');
  for (;;) {
    const consumed = Atomics.load(control, CONSUMED);
    if (posted - consumed < MAX_IN_FLIGHT) break;
    waitWhile(CONSUMED, consumed);
  }
}

const sink: TableSink = {
  begin(info: TableInfo) {
    sheet++;
    post({ type: 'begin', info });
  },
  rows(batch) {
    for (const row of batch) {
      if (Atomics.load(control, STOP) === sheet) return false;
      writer.add(row);
      if (writer.rowCount >= batchRows) flush();
    }
    return Atomics.load(control, STOP) !== sheet;
  },
  broken() {},
  end() {
    flush();
    Atomics.store(control, ANSWER, 0);
    post({ type: 'end' });
    waitWhile(ANSWER, 0);
    return Atomics.load(control, ANSWER) === 2;
  },
};

const reader = xlsxReader(
  job.file,
  { path: job.path },
  { sheet: job.sheet, maxInflated: job.maxInflated },
);
reader.read(sink).then(
  () => post({ type: 'done', notes: reader.notes }),
  (error: unknown) => {
    if (error instanceof Aborted) return;
    post({
      type: 'error',
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  },
);
