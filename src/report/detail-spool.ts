/**
 * The file the 明细 rows wait in (detail-rows.ts): each row's cells written as UTF-8 text into
 * one buffer that is reused for the whole file, and read back the same way.
 *
 * It replaces v8 serialisation (io/spool.ts) here because of memory. Every serialised batch was
 * a new buffer outside the JavaScript heap, and V8 frees those only when it collects garbage,
 * which it starts for outside memory only after some 64 MB more. So each worker reading a range
 * held tens of megabytes of dead batches: about 80 MiB of the peak with two threads. Writing
 * into a reused buffer makes no such garbage.
 *
 * The spools take room in TMPDIR beside the output: written as UTF-16, every cell's text in
 * full, they took 1.94 times the CSV they came from (an export of complaints alone: 225 MB for
 * the 115 MB of 300,000 rows). Now a short text a column repeats (the unit, the month, the
 * category, 是/否 …) is written once and then named by its number, the dates are written in
 * base 36, and the file is UTF-8: 136 MB, 1.19 times the CSV (the rest is mostly the texts of
 * 受理内容 and 判定依据, which only deflating would shrink, at a second of CPU per 100 MB).
 *
 * A record is `length:` and then `entry,sequence,day,cells;` and the cells, one after another:
 * `_` empty, `s<length>:<text>`, `k<length>:<text>` (a text kept as the spool's next number),
 * `r<number>;` (a text kept before), `j<length>:<JSON>` (a text that is not well-formed
 * UTF-16: a lone surrogate, which UTF-8 cannot carry, JSON escapes), `n<number>;`,
 * `d<ms>;` or `D<ms in base 36>;` (a date), `t` or `f`. Lengths count UTF-16 code units, so the
 * reader cuts the text it decoded without counting bytes.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { spoolError } from '../io/spool.js';
import type { Cell } from '../io/table.js';
import { contains, type Period } from '../metrics/period.js';

/** Bytes written at a time. */
const CHUNK = 1 << 20;
/**
 * Bytes read at a time: each read becomes one string, and a string past V8's 128 KiB goes to
 * its large-object space, where it stays until a full collection. Read a megabyte at a time,
 * the 1M bench file's spools left 45–90 MiB of such strings in the heap while the rows were made.
 */
const READ = 32 << 10;
/**
 * A spool goes on in a new file (a piece) past this many bytes, so that the reader can remove
 * each piece once read: the 明细 sheet made from them takes their room in TMPDIR as it grows,
 * and the folder holds at most the spools and this much more (not the spools and half the sheet).
 */
const PIECE = 32 << 20;
/** Texts this long or shorter may be kept and named by number. */
const KEPT_LENGTH = 32;
/**
 * Texts a column may have kept: its categories fit, and a column of ids or phone numbers (each
 * text new) stops keeping once it has this many, so that the table stays small.
 */
const KEPT_PER_COLUMN = 1024;

/** A row as spooled: where it stands in the data set, the day it was accepted, its cells. */
export type SpooledRow = [entry: number, sequence: number, day: number, cells: Cell[]];

/** Encodes rows, keeping the short texts each column repeats (the reader keeps them in turn). */
export class RowEncoder {
  private readonly kept = new Map<string, number>();
  /** Per column, the texts it has kept. */
  private readonly keptBy: number[] = [];

  private text(c: string, column: number): string {
    if (!(c as unknown as { isWellFormed(): boolean }).isWellFormed()) {
      const json = JSON.stringify(c);
      return `j${json.length}:${json}`;
    }
    if (c.length <= KEPT_LENGTH) {
      const known = this.kept.get(c);
      if (known !== undefined) return `r${known};`;
      const n = this.keptBy[column] ?? 0;
      if (n < KEPT_PER_COLUMN) {
        this.keptBy[column] = n + 1;
        this.kept.set(c, this.kept.size);
        return `k${c.length}:${c}`;
      }
    }
    return `s${c.length}:${c}`;
  }

  private cell(c: Cell, column: number): string {
    if (c === null || c === undefined) return '_';
    if (typeof c === 'string') return this.text(c, column);
    if (typeof c === 'number') return Object.is(c, -0) ? 'n-0;' : `n${c};`;
    if (typeof c === 'boolean') return c ? 't' : 'f';
    const ms = c.getTime();
    return Number.isSafeInteger(ms) && ms >= 0 ? `D${ms.toString(36)};` : `d${ms};`;
  }

  /** One record as text, its length in front. */
  row(entry: number, sequence: number, day: number, cells: readonly Cell[]): string {
    let body = `${entry},${sequence},${day},${cells.length};`;
    for (let i = 0; i < cells.length; i++) body += this.cell(cells[i]!, i);
    return `${body.length}:${body}`;
  }
}

/** Character codes the decoder looks for. */
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Where the integer read last (`integerAt`) ends: the decoder reads some thirty of them a row,
 * and returning a pair for each made as much garbage as the cells themselves.
 */
let integerEnd = 0;

/**
 * The decimal integer (a minus sign allowed) at `text[p]`, up to the character `stop`, which
 * `integerEnd` is left on. Read from the character codes: a slice and Number() for each made
 * the decoding half as fast again.
 */
function integerAt(text: string, p: number, stop: number): number {
  const negative = text.charCodeAt(p) === MINUS;
  if (negative) p++;
  let n = 0;
  let c = text.charCodeAt(p);
  const first = p;
  while (c >= ZERO && c <= NINE) {
    n = n * 10 + (c - ZERO);
    c = text.charCodeAt(++p);
  }
  if (c !== stop || p === first) throw new Error(`detail spool: bad number at ${first}`);
  integerEnd = p;
  return negative ? -n : n;
}

/** The record of `text` starting at `at` (its body, after the length) up to `end`. */
function decodeBody(text: string, at: number, end: number, kept: string[]): SpooledRow {
  const entry = integerAt(text, at, COMMA);
  const sequence = integerAt(text, integerEnd + 1, COMMA);
  const day = integerAt(text, integerEnd + 1, COMMA);
  const count = integerAt(text, integerEnd + 1, SEMICOLON);
  const cells: Cell[] = new Array<Cell>(count);
  let p = integerEnd + 1;
  for (let i = 0; i < count; i++) {
    const kind = text[p];
    if (kind === '_') {
      cells[i] = null;
      p++;
    } else if (kind === 's' || kind === 'k' || kind === 'j') {
      const length = integerAt(text, p + 1, COLON);
      const start = integerEnd + 1;
      const value = text.slice(start, start + length);
      // A cut of the chunk's text holds all of it (V8 slices longer strings): a copy is kept.
      if (kind === 'k') kept.push(value.length < 13 ? value : [...value].join(''));
      cells[i] = kind === 'j' ? (JSON.parse(value) as string) : value;
      p = start + length;
    } else if (kind === 't' || kind === 'f') {
      cells[i] = kind === 't';
      p++;
    } else if (kind === 'r') {
      cells[i] = kept[integerAt(text, p + 1, SEMICOLON)]!;
      p = integerEnd + 1;
    } else {
      const semi = text.indexOf(';', p);
      const digits = text.slice(p + 1, semi);
      if (kind === 'n') cells[i] = Number(digits);
      else if (kind === 'd') cells[i] = new Date(Number(digits));
      else if (kind === 'D') cells[i] = new Date(parseInt(digits, 36));
      else throw new Error(`detail spool: bad cell at ${p}`);
      p = semi + 1;
    }
  }
  if (p !== end) throw new Error('detail spool: a record of the wrong length');
  return [entry, sequence, day, cells];
}

/** Where `bytes[0, n)` ends on a whole UTF-8 character (a character cut by the read waits). */
function wholeCharacters(bytes: Buffer, n: number): number {
  let lead = n - 1;
  while (lead >= 0 && n - lead < 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return n;
  const b = bytes[lead]!;
  const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return lead + length > n ? lead : n;
}

/** The file of a spool's piece `k` (from 0). */
export const pieceFile = (file: string, k: number) => (k === 0 ? file : `${file}-${k}`);

export class RowSpool {
  private fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private readonly encoder = new RowEncoder();
  private used = 0;
  /** Bytes in the piece being written. */
  private written = 0;
  /** Files written: `file`, then `file-1`, `file-2` … */
  pieces = 1;
  count = 0;

  constructor(
    readonly file: string,
    /** PIECE, smaller in tests. */
    private readonly pieceBytes = PIECE,
  ) {
    this.fd = RowSpool.open(file);
  }

  private static open(file: string): number {
    try {
      return openSync(file, 'w', 0o600);
    } catch (error) {
      throw spoolError((error as NodeJS.ErrnoException).code ?? 'error');
    }
  }

  append(entry: number, sequence: number, day: number, cells: readonly Cell[]): void {
    const text = this.encoder.row(entry, sequence, day, cells);
    this.count++;
    // At most 3 bytes a code unit (a surrogate pair: 4 bytes for 2).
    const most = text.length * 3;
    if (this.used + most > CHUNK) {
      this.flush();
      // Records are whole in a piece (the kept texts go on across them).
      if (this.written >= this.pieceBytes) this.nextPiece();
    }
    if (most > CHUNK) this.write(Buffer.from(text, 'utf8'));
    else this.used += this.buffer.write(text, this.used, 'utf8');
  }
  private flush(): void {
    if (this.used === 0) return;
    this.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private nextPiece(): void {
    closeSync(this.fd);
    this.fd = -1;
    this.fd = RowSpool.open(pieceFile(this.file, this.pieces++));
    this.written = 0;
  }

  private write(bytes: Buffer): void {
    this.written += bytes.length;
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
    for (let k = 0; k < this.pieces; k++) rmSync(pieceFile(this.file, k), { force: true });
  }

  /**
   * The rows of a finished spool of `pieces` files, in order, a chunk at a time; `removeRead`:
   * each piece is removed once read.
   */
  static *read(file: string, pieces = 1, removeRead = false): Generator<SpooledRow> {
    const chunk = Buffer.allocUnsafe(READ);
    const kept: string[] = [];
    let pending = '';
    let carried = 0; // bytes of a character the last read cut
    for (let k = 0; k < pieces; k++) {
      const piece = pieceFile(file, k);
      const fd = openSync(piece, 'r');
      try {
        for (;;) {
          const n = readSync(fd, chunk, carried, READ - carried, null) + carried;
          if (n === carried) break;
          const whole = wholeCharacters(chunk, n);
          let text = pending + chunk.toString('utf8', 0, whole);
          carried = chunk.copy(chunk, 0, whole, n);
          let at = 0;
          for (;;) {
            const colon = text.indexOf(':', at);
            if (colon < 0) break;
            const end = colon + 1 + Number(text.slice(at, colon));
            if (end > text.length) break;
            yield decodeBody(text, colon + 1, end, kept);
            at = end;
          }
          pending = text.slice(at);
          text = '';
        }
      } finally {
        closeSync(fd);
      }
      if (removeRead) rmSync(piece, { force: true });
    }
    if (pending !== '' || carried) throw new Error('detail spool: cut short');
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
 * `removeRead`: each spool's piece is removed once read, so that the sheet made from them
 * (detail-sheet.ts) takes the room they leave in TMPDIR.
 */
export function* spooledRows(
  spooled: SpooledSegments,
  period: Period,
  removeRead = false,
): Generator<Cell[]> {
  const { segments, owner } = spooled;
  for (let s = 0; s < segments.length; s++) {
    const { file, pieces, latest, entries } = segments[s]!;
    for (const [entry, sequence, day, cells] of RowSpool.read(file, pieces, removeRead)) {
      if (!contains(period, day)) continue;
      if (entry >= 0) {
        if (latest[entry] !== sequence) continue;
        if (owner[entries ? entries[entry]! : entry] !== s + 1) continue;
      }
      yield cells;
    }
  }
}

export interface Segment {
  file: string;
  /** Its files (RowSpool.pieces). */
  pieces: number;
  /** Per entry (the segment's own numbering), the sequence of its last copy. */
  latest: Uint32Array;
  /** The segment's entries in the data set; null: the same numbers. */
  entries: ArrayLike<number> | null;
}
