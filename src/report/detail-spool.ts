/**
 * The file the 明细 rows wait in (detail-rows.ts): each row's cells written as UTF-16 text into
 * one buffer that is reused for the whole file, and read back the same way.
 *
 * It replaces v8 serialisation (io/spool.ts) here because of memory. Every serialised batch was
 * a new buffer outside the JavaScript heap, and V8 frees those only when it collects garbage,
 * which it starts for outside memory only after some 64 MB more. So each worker reading a range
 * held tens of megabytes of dead batches: about 80 MiB of the peak with two threads. Writing
 * into a reused buffer makes no such garbage. It is also a little faster: no serialiser, and
 * UTF-16 is copied rather than encoded.
 *
 * A record is `length:` and then `entry,sequence,day,cells;` and the cells, one after another:
 * `_` empty, `s<length>:<text>`, `n<number>;`, `d<ms>;` (a date), `t` or `f`. Lengths count
 * UTF-16 code units, so any text comes back exactly, lone surrogates included.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { spoolError } from '../io/spool.js';
import type { Cell } from '../io/table.js';
import { contains, type Period } from '../metrics/period.js';

/** Bytes written or read at a time (even: a UTF-16 code unit is never cut). */
const CHUNK = 1 << 20;

/** A row as spooled: where it stands in the data set, the day it was accepted, its cells. */
export type SpooledRow = [entry: number, sequence: number, day: number, cells: Cell[]];

function encodeCell(c: Cell): string {
  if (c === null || c === undefined) return '_';
  if (typeof c === 'string') return `s${c.length}:${c}`;
  if (typeof c === 'number') return Object.is(c, -0) ? 'n-0;' : `n${c};`;
  if (typeof c === 'boolean') return c ? 't' : 'f';
  return `d${c.getTime()};`;
}

/** One record as text, its length in front. */
export function encodeRow(entry: number, sequence: number, day: number, cells: readonly Cell[]) {
  let body = `${entry},${sequence},${day},${cells.length};`;
  for (let i = 0; i < cells.length; i++) body += encodeCell(cells[i]!);
  return `${body.length}:${body}`;
}

/** The record of `text` starting at `at` (its body, after the length) up to `end`. */
function decodeBody(text: string, at: number, end: number): SpooledRow {
  const head = text.indexOf(';', at);
  const [entry, sequence, day, count] = text.slice(at, head).split(',').map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const cells: Cell[] = new Array<Cell>(count);
  let p = head + 1;
  for (let i = 0; i < count; i++) {
    const kind = text[p];
    if (kind === '_') {
      cells[i] = null;
      p++;
    } else if (kind === 's') {
      const colon = text.indexOf(':', p);
      const length = Number(text.slice(p + 1, colon));
      cells[i] = text.slice(colon + 1, colon + 1 + length);
      p = colon + 1 + length;
    } else if (kind === 'n' || kind === 'd') {
      const semi = text.indexOf(';', p);
      const value = Number(text.slice(p + 1, semi));
      cells[i] = kind === 'n' ? value : new Date(value);
      p = semi + 1;
    } else if (kind === 't' || kind === 'f') {
      cells[i] = kind === 't';
      p++;
    } else throw new Error(`detail spool: bad cell at ${p}`);
  }
  if (p !== end) throw new Error('detail spool: a record of the wrong length');
  return [entry, sequence, day, cells];
}

export class RowSpool {
  private fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  count = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w', 0o600);
  }

  append(entry: number, sequence: number, day: number, cells: readonly Cell[]): void {
    const text = encodeRow(entry, sequence, day, cells);
    this.count++;
    const bytes = text.length * 2;
    if (this.used + bytes > CHUNK) this.flush();
    if (bytes > CHUNK) this.write(Buffer.from(text, 'utf16le'));
    else this.used += this.buffer.write(text, this.used, 'utf16le');
  }

  private flush(): void {
    if (this.used === 0) return;
    this.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private write(bytes: Buffer): void {
    // A disk filling up writes part of the bytes first, and fails only on the next call.
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw spoolError(code);
    }
  }

  /** Writes what is buffered and closes the file (read it back with `RowSpool.read`). */
  finish(): void {
    if (this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }

  remove(): void {
    try {
      if (this.fd >= 0) closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = -1;
    rmSync(this.file, { force: true });
  }

  /** The rows of a finished spool's file, in order, a chunk of the file at a time. */
  static *read(file: string): Generator<SpooledRow> {
    const fd = openSync(file, 'r');
    try {
      const chunk = Buffer.allocUnsafe(CHUNK);
      let pending = '';
      let carried = 0; // an odd byte left from the last read
      for (;;) {
        const n = readSync(fd, chunk, carried, CHUNK - carried, null) + carried;
        if (n === carried) break;
        const even = n & ~1;
        let text = pending + chunk.toString('utf16le', 0, even);
        carried = n - even;
        if (carried) chunk[0] = chunk[even]!;
        let at = 0;
        for (;;) {
          const colon = text.indexOf(':', at);
          if (colon < 0) break;
          const end = colon + 1 + Number(text.slice(at, colon));
          if (end > text.length) break;
          yield decodeBody(text, colon + 1, end);
          at = end;
        }
        pending = text.slice(at);
        text = '';
      }
      if (pending !== '' || carried) throw new Error('detail spool: cut short');
    } finally {
      closeSync(fd);
    }
  }
}

/** The spools of a collector, in reading order, and which segment saw each entry last. */
export interface SpooledSegments {
  segments: readonly Segment[];
  /** Per entry of the data set, the segment (+1) that saw its last copy. */
  owner: Int32Array;
}

/**
 * The latest copies of the complaints of `period`, in reading order, each a row's cells.
 * `removeRead`: each spool is removed once read, so that the sheet made from them
 * (detail-sheet.ts) takes the room they leave in TMPDIR.
 */
export function* spooledRows(
  spooled: SpooledSegments,
  period: Period,
  removeRead = false,
): Generator<Cell[]> {
  const { segments, owner } = spooled;
  for (let s = 0; s < segments.length; s++) {
    const { file, latest, entries } = segments[s]!;
    for (const [entry, sequence, day, cells] of RowSpool.read(file)) {
      if (!contains(period, day)) continue;
      if (entry >= 0) {
        if (latest[entry] !== sequence) continue;
        if (owner[entries ? entries[entry]! : entry] !== s + 1) continue;
      }
      yield cells;
    }
    if (removeRead) rmSync(file, { force: true });
  }
}

export interface Segment {
  file: string;
  /** Per entry (the segment's own numbering), the sequence of its last copy. */
  latest: Uint32Array;
  /** The segment's entries in the data set; null: the same numbers. */
  entries: ArrayLike<number> | null;
}
