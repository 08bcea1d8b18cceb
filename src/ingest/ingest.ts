/**
 * The ingest pipeline: read each input, find its header, normalise every row into a WorkOrder
 * or a reject, counted in partial aggregates (one per input; partial.ts) that merge in input
 * order into one de-duplicated data set (merge.ts). Consumers (inspect, classify, the cube)
 * receive the orders through a callback; nothing here holds the rows.
 */
import { stat } from 'node:fs/promises';
import { openInput, unchangedWhileRead } from '../io/source.js';
import { cleanText } from '../schema/values.js';
import { formatOptionWarnings } from './format-options.js';
import { DataSetMerge } from './merge.js';
import { tallyClassValues, type ClassValues } from './class-values.js';
import { InputError } from '../errors.js';
import { emptyCounts, type IngestPartial, type PartialBuilder } from './partial.js';
import { addCounts, inputSummary, type InputHeader } from './summary.js';
import { TableIngest, type PartialSink } from './table-ingest.js';
import type { IngestResult, IngestSettings, OrderHandler } from './types.js';
import type { AggregateJob, RangePartial } from '../parallel/protocol.js';
import { WorkerPool } from '../parallel/pool.js';
import { readInWorkers } from '../parallel/read.js';

export * from './types.js';

/** Where each input's partial aggregates and its header go, in row order. */
export interface InputsSink extends PartialSink {
  /** An input is read: all its partials were closed. May throw to stop before the next. */
  endInput(header: InputHeader): void;
}

/**
 * Reading in worker threads (src/parallel/): a large CSV's byte ranges each become a partial
 * in a worker; `add` takes them, in row order, in place of the sink's open/order/close.
 */
export interface WorkerReading {
  /** What the workers count besides the ingest; null: the ingest alone. */
  job: AggregateJob | null;
  /** No partial has been taken yet (the data set's first keeps no complainants' texts). */
  first(): boolean;
  add(partial: RangePartial): void | Promise<void>;
  /** A range's rows are read (for the progress line). */
  progress?: (input: number, rows: number) => void;
}

/**
 * Reads the inputs in order into partial aggregates (`only`: just the input of that position).
 * `splitBefore(input, row)` starts a new partial before a data row (for tests of the merge).
 * With `workers` and settings.threads above 1, a large CSV is read in byte ranges by workers.
 */
export async function readInputs(
  files: readonly string[],
  settings: IngestSettings,
  sink: InputsSink,
  splitBefore: ((input: number, row: number) => boolean) | null = null,
  only: number | null = null,
  workers: WorkerReading | null = null,
): Promise<void> {
  const pool =
    workers && (settings.threads ?? 1) > 1 ? new WorkerPool(settings.threads! - 1) : null;
  try {
    // Not spread: `job` may be a getter, read when each input's ranges are planned (the 明细
    // columns of a later input are those the inputs before it fixed); a spread read it once,
    // before any row, and a later CSV's rows went under its own columns, shifted.
    const reading = pool && Object.assign(Object.create(workers!) as WorkerReading, { pool });
    await readEach(files, settings, sink, splitBefore, only, reading);
  } finally {
    await pool?.close();
  }
}

async function readEach(
  files: readonly string[],
  settings: IngestSettings,
  sink: InputsSink,
  splitBefore: ((input: number, row: number) => boolean) | null,
  only: number | null,
  workers: (WorkerReading & { pool: WorkerPool }) | null,
): Promise<void> {
  const complaintTypes = new Set(settings.complaintTypes.map((type) => cleanText(type)));
  for (let i = only ?? 0; i < (only === null ? files.length : only + 1); i++) {
    const file = files[i]!;
    const last = i === files.length - 1 || i === only;
    // A file still being written (a copy, an export) is refused, not counted short: io/source.ts.
    const header = await unchangedWhileRead(file, () =>
      readInput(file, i, last, settings, sink, splitBefore, complaintTypes, workers),
    );
    sink.endInput(header);
  }
}

/** Reads input `i`: its byte ranges in workers when it is a large CSV, or on this thread. */
async function readInput(
  file: string,
  i: number,
  last: boolean,
  settings: IngestSettings,
  sink: InputsSink,
  splitBefore: ((input: number, row: number) => boolean) | null,
  complaintTypes: Set<string>,
  workers: (WorkerReading & { pool: WorkerPool }) | null,
): Promise<InputHeader> {
  // The partials are handed on (merged) as the workers return them, in row order.
  const inWorkers =
    workers &&
    (await readInWorkers(
      workers.pool,
      file,
      i,
      settings,
      workers.job,
      workers.first(),
      workers.add,
      last,
      workers.progress ?? null,
    ));
  if (inWorkers) {
    if (last) await workers!.pool.close();
    if (inWorkers.header === null) {
      // Reading failed after partials were merged: read again here for the error alone.
      await readOne(file, i, settings, complaintTypes, DISCARD, null);
      throw new Error(`${file}: reading in worker threads failed; run again with --threads 1.`);
    }
    return inWorkers.header;
  }
  const split = splitBefore ? (row: number) => splitBefore(i, row) : null;
  return readOne(file, i, settings, complaintTypes, sink, split);
}

const DISCARD: InputsSink = {
  open: () => {},
  order: () => {},
  skipsOrders: true,
  close: () => {},
  endInput: () => {},
};

/** Reads input `i` on this thread into `sink`; returns its header. */
async function readOne(
  file: string,
  i: number,
  settings: IngestSettings,
  complaintTypes: Set<string>,
  sink: InputsSink,
  split: ((row: number) => boolean) | null,
): Promise<InputHeader> {
  const { reader } = await openInput(file, {
    encoding: settings.encoding,
    sheet: settings.sheet,
    maxInflated: settings.maxInflated ?? null,
    threads: settings.xlsxWorker === false ? 1 : (settings.threads ?? null),
  });
  const name = file === '-' ? 'stdin' : file;
  // A CSV file's size, for the estimate of its rows (a pipe's is 0: none).
  const bytes =
    reader.format === 'csv' && file !== '-' ? ((await stat(file).catch(() => null))?.size ?? 0) : 0;
  const table = new TableIngest(name, i, settings, complaintTypes, sink, split, bytes);
  await reader.read(table);
  return table.finish(reader);
}

/** An input that could not be read, when the reading goes on with the others (inspect). */
export interface UnreadableInput {
  /** Its position among the inputs. */
  input: number;
  file: string;
  error: InputError;
}

/**
 * Reads the inputs as one data set. An input's partials are merged once the whole input is
 * read and found usable (rows, not mostly rejected), so that with `onUnreadable` an input that
 * cannot be read is reported there and left out whole — its rows in no total — and the others
 * are read (inspect reports on every file). Without it, the first such input stops the reading.
 */
export async function ingest(
  files: readonly string[],
  settings: IngestSettings,
  onOrder?: OrderHandler,
  onUnreadable: ((unreadable: UnreadableInput) => void) | null = null,
): Promise<IngestResult> {
  const merge = new DataSetMerge();
  let pending: IngestPartial[] = [];
  // Without a handler for every row, large CSVs are read in byte ranges by workers.
  const workers: WorkerReading | null = onOrder
    ? null
    : {
        job: null,
        first: () => false,
        add: (partial) => void pending.push(partial as IngestPartial),
      };
  // Per input, the class values its complaint rows record (inspect names those unknown).
  const classValues: (ClassValues | null)[] = [];
  let counting: PartialBuilder['counts'] | null = null;
  const sink: InputsSink = {
    open: (partial: PartialBuilder) => void (counting = partial.counts),
    order: (order, entry, occurrence) => {
      tallyClassValues(counting!, order);
      onOrder?.(order, entry, occurrence);
    },
    skipsOrders: !onOrder,
    close: (partial: IngestPartial) => void pending.push(partial),
    endInput: (header) => {
      const counts = emptyCounts();
      for (const partial of pending) addCounts(counts, partial.counts);
      inputSummary(header, counts); // throws for an input without rows, or mostly rejected
      classValues[header.input] = counts.classValues ?? null;
      for (const partial of pending) merge.add(partial);
      pending = [];
      merge.endInput(header);
    },
  };
  if (onUnreadable === null) {
    await readInputs(files, settings, sink, null, null, workers);
    return withFormatWarnings({ ...merge.result(), classValues }, settings);
  }
  for (let i = 0; i < files.length; i++) {
    try {
      await readInputs(files, settings, sink, null, i, workers);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      pending = [];
      onUnreadable({ input: i, file: files[i] === '-' ? 'stdin' : files[i]!, error });
    }
  }
  const result = merge.result();
  // The summaries of the inputs left out are holes: the list holds the inputs read.
  const read = result.inputs.map((summary, i) => (summary ? i : -1)).filter((i) => i >= 0);
  return withFormatWarnings(
    {
      ...result,
      inputs: read.map((i) => result.inputs[i]!),
      classValues: read.map((i) => classValues[i] ?? null),
    },
    settings,
  );
}

function withFormatWarnings(result: IngestResult, settings: IngestSettings): IngestResult {
  result.warnings.push(...formatOptionWarnings(settings, result.inputs));
  return result;
}
