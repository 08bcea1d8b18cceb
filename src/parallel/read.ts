/**
 * The main thread's side of reading a CSV in byte ranges (DESIGN.md §3, README: Threads).
 *
 * 1. Eligibility: a file (not standard input) in UTF-8 or GB18030 (a line feed byte is a
 *    character boundary; UTF-16 is read on one thread), without --units/--codes, of at least
 *    MIN_BYTES (below that, starting workers costs more than they save).
 * 2. The header: this thread reads the start of the file until its TableIngest has found the
 *    header (the rows a one-thread read would search), and notes the delimiter and the bytes
 *    read: no cut is made before them.
 * 3. The plan (plan.ts): cuts after line feeds that look like records' ends. This thread reads
 *    the first range itself, begun at once with its end open; the workers are started with it,
 *    and once the first is ready the bytes not yet read are shared out (readOpen).
 * 4. Each other range goes to a worker (range-task.ts). The first finds the header again
 *    itself; the others start from the header found here. Replies are taken in range order: a range whose
 *    start is not where the previous one really ended (csv-range.ts) is read again from there;
 *    rows numbered from its start are shifted by the lines before it.
 * 5. Anything unusual — an error in a worker (a limit, undecodable bytes, an I/O error), a quote
 *    still open at the end of the file in a later range — and the input is read again on this
 *    thread from its start: its message and exit code are the one-thread run's own.
 *
 * The partials come back in row order and merge as those of one thread do (merge.ts): the later
 * copy of a work order wins, so the result is the same, byte for byte. Each is handed on (`add`)
 * as soon as the ranges before it are: this thread merges while the workers read, rather than
 * after. Once one has been handed on, the input can no longer be read again from its start: a
 * later range whose worker failed, or whose quote stays open to the end of the file, is read
 * again here alone, its rows numbered from the file's start (the lines before it are known by
 * then); if that fails too, the caller reads the whole input on this thread only for its error.
 */
import { appendFileSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { IngestPartial } from '../ingest/partial.js';
import { shiftRowNames } from '../ingest/recent-complaints.js';
import type { InputHeader } from '../ingest/summary.js';
import { TableIngest, type HeaderState } from '../ingest/table-ingest.js';
import { dayOf } from '../metrics/calendar.js';
import type { IngestSettings } from '../ingest/types.js';
import { detect, normaliseEncoding } from '../io/detect.js';
import type { TableSink } from '../io/table.js';
import { cleanText } from '../schema/values.js';
import { OpenEnd, readCsvRange, type CsvRange } from './csv-range.js';
import { READ_BYTES } from '../io/file-chunks.js';
import { planRanges } from './plan.js';
import { WorkerPool } from './pool.js';
import {
  failedRange,
  type AggregateJob,
  type RangePartial,
  type RangeReply,
  type RangeTask,
} from './protocol.js';

/**
 * Below this, one thread (README: Threads). Measured: workers add about 0.45 s of CPU whatever
 * the size (each isolate loads and compiles the reading code again before it runs fast), and a
 * byte read costs about 14 ns (analyze); under ~36 MB two workers cannot win even on an idle
 * machine. 64 MiB (about 170,000 rows, ~0.95 s of reading) leaves an estimated fifth of the
 * wall time to gain on an idle two-core machine; on a loaded one, nothing (README: Threads).
 */
export const MIN_BYTES = 64 * 1024 * 1024;
/**
 * For tests only: cut every this many bytes (up to MAX_TEST_RANGES), whatever the file's size, at the first line feed
 * (no guess at record ends), so that small fixtures split into many ranges, cuts fall inside
 * quoted fields and those ranges are read again.
 */
export const TEST_RANGE_ENV = 'COMPLAINTS_TEST_RANGE_BYTES';
/** At most this many ranges in a test (a bigger file's ranges are longer). */
const MAX_TEST_RANGES = 256;
/** For tests only: a file to which each input read in ranges appends what happened (JSON). */
export const TEST_LOG_ENV = 'COMPLAINTS_TEST_RANGE_LOG';

const HEAD_BYTES = 1024 * 1024;

let nextId = 0;

export interface ReadInWorkers {
  /**
   * The input's header; null when reading failed after partials were handed on: the input is
   * then to be read on this thread for its error alone.
   */
  header: InputHeader | null;
}

/**
 * Reads input `input` in byte ranges, handing its partials to `add` in row order; null when
 * it is to be read on this thread (nothing was handed on).
 */
export async function readInWorkers(
  pool: WorkerPool,
  file: string,
  input: number,
  settings: IngestSettings,
  job: AggregateJob | null,
  first: boolean,
  add: (partial: RangePartial) => void | Promise<void>,
  /** The last input: the workers end before the last range's partials are merged. */
  last: boolean,
  progress: ((input: number, rows: number) => void) | null = null,
  /** Work for this thread while the workers start (WorkerReading's). */
  meanwhile: ((columns: HeaderState['columns']) => void) | null = null,
): Promise<ReadInWorkers | null> {
  if (!WorkerPool.available || file === '-' || settings.naming) return null;
  // The date is taken here, never in a worker: every range judges a row on the limit alike.
  if (settings.today === undefined) settings = { ...settings, today: dayOf(new Date()) };
  const testBytes = Number(process.env[TEST_RANGE_ENV] ?? '') || null;
  let size: number;
  let head: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    size = info.size;
    if (size < (testBytes ? 1 : MIN_BYTES)) return null;
    const handle = await open(file, 'r');
    try {
      head = Buffer.alloc(Math.min(size, HEAD_BYTES));
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch {
    return null; // the one-thread read says what is wrong
  }
  const forced = settings.encoding ? normaliseEncoding(settings.encoding) : null;
  let detected;
  try {
    detected = detect(file, head, forced);
  } catch {
    return null;
  }
  if (detected.format !== 'csv') return null;
  const { encoding, bomLength } = detected;
  if (encoding !== 'utf-8' && encoding !== 'gb18030') return null;

  const whole: CsvRange = {
    path: file,
    encoding,
    bomLength,
    delimiter: null,
    start: 0,
    end: size,
    size,
  };
  const found = await findHeader(whole, file, input, settings);
  if (!found) return null;
  const state = found.table.headerState();
  // Cuts fall after the header's line: every range reads from the header found here.
  const minCut = afterLine(head, state.headerRow);
  if (minCut < 0) return null;
  const delimiter = found.delimiter;
  const width = state.header.headers.length;

  // As io/source.ts's for a text file read on one thread, in the same order.
  const notes = [
    ...(detected.note ? [detected.note] : []),
    ...(settings.sheet ? [`--sheet ${settings.sheet} is ignored: a text file has no sheets.`] : []),
  ];
  let cuts: number[] = [];
  const task = (k: number, start: number, end = cuts[k + 1]!): RangeTask => ({
    id: nextId++,
    name: file,
    input,
    range: {
      ...whole,
      start,
      end,
      bomLength: start === 0 ? bomLength : 0,
      delimiter,
    },
    header: state,
    settings,
    reader: { format: 'csv', encoding, delimiter: null, notes },
    aggregate: job,
    keepTexts: !(first && k === 0),
  });
  let replies: Promise<RangeReply>[];
  if (testBytes) {
    const ranges = Math.min(MAX_TEST_RANGES, Math.ceil(size / testBytes));
    cuts = await planRanges(file, size, minCut, ranges, delimiter, width, false);
    if (cuts.length < 3) return null;
    replies = cuts.slice(0, -1).map((start, k) => pool.run(task(k, start)));
    meanwhile?.(state.columns);
  } else {
    const plan = (from: number) =>
      planRanges(file, size, minCut, settings.threads!, delimiter, width, true, from);
    ({ cuts, replies } = await readOpen(pool, size, task, plan, () => meanwhile?.(state.columns)));
  }
  const log = {
    file,
    cuts,
    ranges: cuts.length - 1,
    reread: 0,
    swallowed: 0,
    local: 0,
    fallback: false,
  };
  // After the last range of the last input the workers' memory goes before the merge grows
  // this thread's.
  const added = (partial: RangePartial, lastRange: boolean) =>
    last && lastRange ? pool.close().then(() => add(partial)) : add(partial);
  const read = await collect(pool, cuts, replies, task, log, added, (rows) =>
    progress?.(input, rows),
  );
  log.fallback = read === null || read.header === null;
  const logFile = process.env[TEST_LOG_ENV];
  if (logFile) appendFileSync(logFile, JSON.stringify(log) + '\n');
  return read;
}

/**
 * The ranges of a file read by this thread and the pool's workers, this one first: it starts
 * reading at once, its range's end open, and once the first worker has loaded the reading code
 * (it starts 0.2–0.3 s later than this thread reads), the bytes not yet read are shared out
 * equally — this thread's range ends at the first cut, the workers take the rest — so that the
 * threads end together rather than this one waiting for a worker that started late. A worker
 * that never gets ready, or a file read to its end before one does, leaves one range: this
 * thread's. One range a thread: every range after the first costs a merge on this thread (its
 * ids, customers and phones hashed into the data set's tables, about 0.1–0.2 s of CPU per
 * 250,000 rows), and the worker's memory lives on while it merges (two ranges a thread: about
 * 0.7 s more CPU and 40 MiB more peak RSS on the 1M-row CSV).
 */
async function readOpen(
  pool: WorkerPool,
  size: number,
  task: (k: number, start: number, end?: number) => RangeTask,
  plan: (from: number) => Promise<number[]>,
  meanwhile: () => void,
): Promise<{ cuts: number[]; replies: Promise<RangeReply>[] }> {
  const ready = pool.warm();
  const open = new OpenEnd(size);
  const firstTask = task(0, 0, size);
  const first = pool.run({ ...firstTask, range: { ...firstTask.range, open } });
  meanwhile();
  const alone = { cuts: [0, size], replies: [first] };
  if (!(await Promise.race([ready, first.then(() => false)]))) return alone;
  // The first cut leaves this thread what it has read and a share of the rest; a piece may be
  // being read past `read` already.
  const cuts = await plan(Math.min(size, open.read + READ_BYTES));
  if (cuts.length < 3 || !open.cutAt(cuts[1]!)) return alone;
  const replies = cuts.slice(1, -1).map((start, k) => pool.run(task(k + 1, start, cuts[k + 2])));
  return { cuts, replies: [first, ...replies] };
}

/**
 * Takes the replies in range order, checking each range's start, and hands their partials on;
 * null: nothing was handed on, the input is to be read on this thread.
 */
async function collect(
  pool: WorkerPool,
  cuts: number[],
  replies: Promise<RangeReply>[],
  task: (k: number, start: number) => RangeTask,
  log: { reread: number; swallowed: number; local: number },
  add: (partial: RangePartial, lastRange: boolean) => void | Promise<void>,
  progress: (rows: number) => void,
): Promise<ReadInWorkers | null> {
  let header: InputHeader | null = null;
  let added = false;
  let at = 0;
  let lines = 0;
  for (let k = 0; k < replies.length; k++) {
    if (at >= cuts[k + 1]!) {
      log.swallowed++; // the range before ran on over this one whole
      continue;
    }
    let reply = await replies[k]!;
    if (reply.ok && at !== cuts[k]) {
      log.reread++;
      reply = await pool.run(task(k, at));
    }
    let shift = lines;
    if (!reply.ok) refuseUnwritable(reply);
    if (!reply.ok || (k > 0 && reply.end.unbalanced)) {
      if (!added) return null;
      log.local++;
      reply = await readHere(task(k, at), lines);
      if (!reply.ok) {
        refuseUnwritable(reply);
        return { header: null };
      }
      shift = 0;
    }
    const lastRange = reply.end.boundary >= cuts[cuts.length - 1]!;
    for (const partial of reply.partials) {
      const ingest = 'ingest' in partial ? partial.ingest : partial;
      shiftRows(ingest, shift);
      if ('recent' in partial && partial.recent && shift !== 0)
        shiftRowNames(partial.recent, shift);
      progress(ingest.counts.rows);
      await add(partial, lastRange);
      added = true;
    }
    header ??= reply.header;
    lines += reply.end.lines;
    at = reply.end.boundary;
  }
  return header && { header };
}

/** A range that failed for want of room in TMPDIR fails the run, said as on one thread. */
function refuseUnwritable(reply: RangeReply & { ok: false }): void {
  if (reply.unwritable)
    throw new InputError('OUTPUT_UNWRITABLE', reply.unwritable.said, reply.unwritable.hint);
}

/** Reads a range on this thread, its rows numbered after the `lines` before it. */
async function readHere(task: RangeTask, lines: number): Promise<RangeReply> {
  try {
    const { readRange } = await import('./range-task.js');
    return await readRange({ ...task, range: { ...task.range, lineOffset: lines } });
  } catch (error) {
    return failedRange(task.id, error);
  }
}

/** Rows numbered from a range's start, numbered from the file's. */
export function shiftRows(partial: IngestPartial, lines: number): void {
  if (lines === 0) return;
  const { counts } = partial;
  for (const reason of Object.values(counts.rejectsByReason))
    reason.rows = reason.rows.map((r) => r + lines);
  for (const odd of Object.values(counts.unrecognised)) odd.rows = odd.rows.map((r) => r + lines);
  if (counts.firstControl) counts.firstControl.row += lines;
  if (counts.firstRow !== undefined) counts.firstRow += lines;
  if (counts.lastRow !== undefined) counts.lastRow += lines;
  for (const reject of partial.rejects) reject.row += lines;
}

/** The offset just after the line feed that ends line `line` of `head`; -1 past its end. */
function afterLine(head: Buffer, line: number): number {
  let at = 0;
  for (let n = 0; n < line; n++) {
    const lf = head.indexOf(10, at);
    if (lf < 0) return -1;
    at = lf + 1;
  }
  return at;
}

/**
 * Reads the start of the file until the header is found, as TableIngest finds it on one
 * thread (the same pieces, the same rows searched); null when it is not (the one-thread read
 * then says why).
 */
async function findHeader(
  whole: CsvRange,
  file: string,
  input: number,
  settings: IngestSettings,
): Promise<{ table: TableIngest; delimiter: string } | null> {
  const complaintTypes = new Set(settings.complaintTypes.map((type) => cleanText(type)));
  const none = { open: () => {}, order: () => {}, close: () => {}, skipsOrders: true };
  const table = new TableIngest(file, input, settings, complaintTypes, none);
  const sink: TableSink = {
    begin: (info) => table.begin(info),
    rows: (batch) => table.rows(batch) && !table.located,
    broken: (row) => table.broken(row),
    end: () => table.end(),
  };
  try {
    const end = await readCsvRange(whole, sink);
    return table.located ? { table, delimiter: end.delimiter } : null;
  } catch {
    return null;
  }
}
