/**
 * Reading a workbook in two threads (issue 17: "for xlsx, inflate and scan in separate
 * threads"). A worker (xlsx-worker.ts) inflates and scans the sheet; this thread takes its rows
 * in batches and hands them to the sink — normalising, classifying, counting — so the two halves
 * overlap. The sink sees what it sees on one thread: the same sheets, the same rows in the same
 * order, the same answers acted on (a sheet without a header is left, the next one begun).
 *
 * Anything going wrong in the worker — a damaged or over-limit workbook, an I/O error, a fault
 * of ours, a worker that dies — and the workbook is read again on this thread from its start,
 * with what the sink already took skipped (replaySink): its message and exit code are then the
 * one-thread run's own, and a worker's own fault costs time, not the result.
 */
import { appendFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { TableSink } from '../io/table.js';
import { TURN_MS } from '../turn.js';
import { readBatch } from './xlsx-batch.js';
import {
  ABORTED,
  ANSWER,
  CONSUMED,
  CONTROL_SLOTS,
  STOP,
  TEST_XLSX_WORKER_ENV,
  type XlsxJob,
  type XlsxMessage,
} from './xlsx-protocol.js';

const WORKER = new URL('./xlsx-worker.js', import.meta.url);

/** Workers run compiled JavaScript: under a TypeScript test runner there are none. */
export const xlsxWorkerAvailable = !import.meta.url.endsWith('.ts');

/**
 * Below this file size, one thread: starting a worker and loading the reader in it costs some
 * 40 ms of CPU, about what reading 2 MiB of workbook takes.
 */
export const MIN_XLSX_BYTES = 2 * 1024 * 1024;

/** Whether a workbook of `size` bytes is read in a worker with `threads` threads. */
export function wantXlsxWorker(size: number, threads: number | null | undefined): boolean {
  if (!xlsxWorkerAvailable || (threads ?? 1) < 2) return false;
  return size >= MIN_XLSX_BYTES || Number(process.env[TEST_XLSX_WORKER_ENV] ?? '') > 0;
}

/** For tests only: a file to which each workbook read in a worker appends what happened. */
export const TEST_XLSX_LOG_ENV = 'COMPLAINTS_TEST_XLSX_LOG';

/** What the sink was given of one sheet, for the replay after a fallback. */
export interface SheetRecord {
  /** Rows handed to the sink. */
  rows: number;
  /** False once the sink refused rows (not this table). */
  taken: boolean;
  ended: boolean;
  /** What sink.end() answered. */
  answer: boolean;
}

export async function readXlsxInWorker(
  job: Omit<XlsxJob, 'control'>,
  sink: TableSink,
  notes: string[],
  oneThread: (sink: TableSink) => Promise<void>,
): Promise<void> {
  const record: SheetRecord[] = [];
  const failure = await inWorker(job, sink, notes, record);
  const logFile = process.env[TEST_XLSX_LOG_ENV];
  if (logFile) {
    const fallback = failure !== null && !(failure instanceof SinkError);
    appendFileSync(logFile, JSON.stringify({ file: job.file, fallback }) + '\n');
  }
  if (failure === null) return;
  if (failure instanceof SinkError) throw failure.error;
  await oneThread(replaySink(sink, record));
}

/** An error thrown by the sink itself: it goes to the caller, as on one thread. */
class SinkError {
  constructor(readonly error: unknown) {}
}

/** Null when the worker read the workbook; otherwise why not. */
function inWorker(
  job: Omit<XlsxJob, 'control'>,
  sink: TableSink,
  notes: string[],
  record: SheetRecord[],
): Promise<null | string | SinkError> {
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const worker = new Worker(WORKER, { workerData: { ...job, control: control.buffer } });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: null | string | SinkError) => {
      if (settled) return;
      settled = true;
      // Wakes a worker waiting for an answer or for room, then ends it.
      Atomics.store(control, ANSWER, ABORTED);
      Atomics.notify(control, ANSWER);
      Atomics.notify(control, CONSUMED);
      worker.removeAllListeners('message');
      void worker.terminate().then(
        () => resolve(outcome),
        () => resolve(outcome),
      );
    };
    let current: SheetRecord | null = null;
    // Node hands a port's messages over in one go, at least a thousand, and the worker posts
    // the next batch as soon as one is consumed: the whole workbook could go through without a
    // turn of the event loop, and a signal would wait for the end of the reading. So they are
    // taken here in a queue and handled a turn at a time, a few batches each (turn.ts).
    const queue: XlsxMessage[] = [];
    let next = 0;
    const drain = () => {
      const started = performance.now();
      while (next < queue.length && !settled) {
        handle(queue[next]!);
        queue[next++] = undefined as unknown as XlsxMessage; // its rows go now, not at the end
        if (performance.now() - started >= TURN_MS) break;
      }
      if (next < queue.length && !settled) setImmediate(drain);
      else queue.length = next = 0;
    };
    const enqueue = (message: XlsxMessage) => {
      queue.push(message);
      if (queue.length - next === 1) setImmediate(drain);
    };
    worker.on('message', enqueue);
    const handle = (message: XlsxMessage) => {
      try {
        switch (message.type) {
          case 'begin':
            current = { rows: 0, taken: true, ended: false, answer: false };
            record.push(current);
            sink.begin(message.info);
            break;
          case 'rows':
            if (current && current.taken && !current.ended) {
              const rows = readBatch(message.batch);
              current.rows += rows.length;
              if (!sink.rows(rows)) {
                current.taken = false;
                Atomics.store(control, STOP, record.length);
              }
            }
            Atomics.add(control, CONSUMED, 1);
            Atomics.notify(control, CONSUMED);
            break;
          case 'end':
            if (!current) throw new Error('xlsx worker: a sheet ends that did not begin');
            current.answer = sink.end();
            current.ended = true;
            Atomics.store(control, ANSWER, current.answer ? 2 : 1);
            Atomics.notify(control, ANSWER);
            break;
          case 'done':
            notes.push(...message.notes);
            settle(null);
            break;
          case 'error':
            settle(message.message);
            break;
        }
      } catch (error) {
        settle(new SinkError(error));
      }
    };
    // After the messages before them: its last rows and 'done' come before the worker's exit.
    worker.on('error', (error) => enqueue({ type: 'error', message: String(error) }));
    worker.on('exit', (code) =>
      enqueue({ type: 'error', message: `xlsx worker exited (${code})` }),
    );
  });
}

/**
 * The sink for reading the workbook again on this thread: what `record` says the sink already
 * took is not given again, and the answers it gave are given again to the reader, so the reading
 * goes on exactly where the worker's stopped.
 */
export function replaySink(sink: TableSink, record: readonly SheetRecord[]): TableSink {
  let k = -1;
  let seen = 0;
  return {
    begin(info) {
      k++;
      seen = 0;
      if (k >= record.length) sink.begin(info);
    },
    rows(batch) {
      const sheet = record[k];
      if (!sheet) return sink.rows(batch);
      const before = seen;
      seen += batch.length;
      if (!sheet.taken) return seen < sheet.rows;
      if (sheet.ended || seen <= sheet.rows) return true;
      const skip = sheet.rows - before;
      return sink.rows(skip > 0 ? batch.slice(skip) : batch);
    },
    broken(row) {
      sink.broken(row);
    },
    end() {
      const sheet = record[k];
      return sheet?.ended ? sheet.answer : sink.end();
    },
  };
}
