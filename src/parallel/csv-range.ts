/**
 * Reading one byte range of a CSV (a worker's share, or the main thread's look for the header).
 *
 * A range starts just after a line feed the planner chose (plan.ts): a LF is never part of a
 * multi-byte character in UTF-8 or GB18030, so the range decodes on its own. It ends where the
 * next range starts — if a record ends exactly there. When the last record is still open (the
 * LF at the next range's start was inside a quoted field), the reader runs past its end, line by
 * line, until a record ends, and says where: the boundary the next range must have started at.
 * The main thread checks that chain (read.ts); a range whose start it does not confirm is read
 * again from the confirmed boundary. Whatever the planner guessed, the records are those one
 * pass from the start of the file finds.
 */
import { open } from 'node:fs/promises';
import { decodeText } from '../io/csv-decode.js';
// The same pieces as the one-thread read (source.ts), so the first range reads as it does.
import { fileChunks, READ_BYTES } from '../io/file-chunks.js';
import { CsvParser } from '../io/csv-parser.js';
import { emit, pushPiece, sniffText } from '../io/csv.js';
import { sniffDelimiter } from '../io/detect.js';
import type { TableSink } from '../io/table.js';

/** Bytes read at a time past a range's end. */
const OVERRUN_BYTES = 64 * 1024;

export interface CsvRange {
  /** The path to open. */
  path: string;
  encoding: string;
  /** The BOM's bytes, skipped: the first range's only. */
  bomLength: number;
  /** null: sniffed from the first piece, as csv.ts does (the first range). */
  delimiter: string | null;
  start: number;
  end: number;
  /** The file's size: a range ending there ends the input. */
  size: number;
  /** Lines before the range, when known: rows are then numbered from the file's start. */
  lineOffset?: number;
  /**
   * The main thread's first range, begun before its end is known (read.ts): `end` is read from
   * here before each piece, and `read` says how far the file has been read. Never sent to a
   * worker.
   */
  open?: OpenEnd;
}

/**
 * The end of a range still being decided while it is read: the main thread starts reading at
 * once and cuts the rest of the file for the workers once the first of them is ready.
 */
export class OpenEnd {
  /** Bytes of the file read so far (up to where the last piece ended). */
  read = 0;
  constructor(public end: number) {}

  /**
   * Ends the range at `cut` if the reading has not gone past it (a piece may be in flight:
   * READ_BYTES beyond `read`); false when it has, and the range runs to its end.
   */
  cutAt(cut: number): boolean {
    if (cut < this.read + READ_BYTES || cut >= this.end) return false;
    this.end = cut;
    return true;
  }
}

export interface RangeEnd {
  /** The byte where the next record starts: `end`, or past it when a record ran on. */
  boundary: number;
  /** Lines read (the next range's first line is 1 + these, counted from this range's start). */
  lines: number;
  delimiter: string;
  /** Records whose quote never closed: their reasons name lines, kept only in a whole read. */
  unbalanced: boolean;
  /** Bytes handed to the decoder (the main thread's header look stops early). */
  consumed: number;
  /** The sink asked for no more rows. */
  stopped: boolean;
}

/** Reads `range` into `sink` (rows numbered from 1 at the range's start, or after lineOffset). */
export async function readCsvRange(given: CsvRange, sink: TableSink): Promise<RangeEnd> {
  let consumed = 0;
  const open = given.open;
  const end = open ? () => open.end : given.end;
  const counted = fileChunks(given.path, given.start, end, (n) => {
    consumed += n;
    if (open) open.read = given.start + consumed;
  });
  const texts = decodeText(counted, given.encoding, given.bomLength, true);
  let parser: CsvParser | null = null;
  let delimiter = given.delimiter;
  let unbalanced = false;
  const sinkOf: TableSink = {
    begin: (t) => sink.begin(t),
    rows: (batch) => sink.rows(batch),
    fieldRows: sink.fieldRows && ((batch, from, to) => sink.fieldRows!(batch, from, to)),
    broken: (row) => {
      if (row.reason.startsWith('unbalanced')) unbalanced = true;
      sink.broken(row);
    },
    end: () => sink.end(),
  };
  let wanted = true;
  try {
    const first = await texts.next();
    const firstPiece = first.done ? '' : first.value;
    delimiter ??= sniffDelimiter(sniffText(firstPiece));
    parser = new CsvParser(delimiter, undefined, 1 + (given.lineOffset ?? 0)).useFields();
    sink.begin({ sheet: null, sheetIndex: 0 });
    pushPiece(parser, firstPiece);
    wanted = emit(parser, sinkOf);
    if (wanted) {
      for await (const text of texts) {
        pushPiece(parser, text);
        if (!(wanted = emit(parser, sinkOf))) break;
      }
    }
  } finally {
    await texts.return(undefined);
    await counted.return(undefined);
    if (open) open.read = Infinity; // too late to cut: the reading is over
  }
  // Its end is settled now: the bytes up to it are read.
  const range = open ? { ...given, end: open.end } : given;
  let boundary = range.end;
  if (wanted) {
    if (range.end >= range.size) {
      parser.end();
      emit(parser, sinkOf);
    } else if (!parser.atRecordStart) {
      boundary = await overrun(range, parser, sinkOf);
    }
    sink.end();
  }
  const lines = parser.line - 1 - (range.lineOffset ?? 0);
  return { boundary, lines, delimiter, unbalanced, consumed, stopped: !wanted };
}

/** Reads on past the range's end, a line at a time, until a record ends; returns where. */
async function overrun(range: CsvRange, parser: CsvParser, sink: TableSink): Promise<number> {
  const handle = await open(range.path, 'r');
  try {
    const decoder = new TextDecoder(range.encoding, { fatal: true, ignoreBOM: true });
    let at = range.end;
    const buffer = Buffer.alloc(OVERRUN_BYTES);
    let carry = Buffer.alloc(0);
    while (at < range.size) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      if (bytesRead === 0) break;
      const bytes = Buffer.concat([carry, buffer.subarray(0, bytesRead)]);
      const base = at - carry.length;
      at += bytesRead;
      let from = 0;
      for (let lf = bytes.indexOf(10, from); lf >= 0; lf = bytes.indexOf(10, from)) {
        parser.push(decoder.decode(bytes.subarray(from, lf + 1)));
        from = lf + 1;
        emit(parser, sink);
        if (parser.atRecordStart) return base + from;
      }
      carry = Buffer.from(bytes.subarray(from));
    }
    parser.push(decoder.decode(carry));
    parser.end();
    emit(parser, sink);
    return range.size;
  } finally {
    await handle.close();
  }
}
