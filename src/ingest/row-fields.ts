/**
 * A row's fields as the one row path (row-normaliser.ts) reads them, whatever the reader made of
 * the row: `CellRow` over an array of cells (xlsx rows, and CSV records kept as strings) and
 * `OffsetRow` over a record of field offsets into a decoded CSV chunk (src/io/csv-fields.ts).
 * Each is one object per input, pointed at the next row (`at`), never one per row; the row path
 * is written once against `RowFields`, and on a CSV it sees almost only OffsetRows.
 *
 * OffsetRow reads what it can from the chunk's char codes: a categorical value is found by
 * ColumnIntern (field-intern.ts) without making a string, a date of the usual form is parsed in
 * place (parseIsoAt), the long text's digest sample and its opening are read in place. Anything
 * else makes the field's string and takes the same step as CellRow. A UTF-8 chunk is read the
 * same way from its bytes (`bytes`: FieldBatch.bytes), undecoded but for the fields made strings.
 */
import { FieldBatch, utf8Slice } from '../io/csv-fields.js';
import type { Cell, RawRow } from '../io/table.js';
import type { Field } from '../schema/fields.js';
import {
  cellText,
  detach,
  parseDate,
  parseIsoAt,
  parseIsoBytes,
  type LocalTime,
} from '../schema/values.js';
import { digestSample, digestSampleBytes, digestText, type IdIndex } from './dedup.js';
import { ByteIntern, ColumnIntern } from './field-intern.js';

/** Cleans a categorical value (the row path's: memoised, noting removed control characters). */
export interface CategoryCleaner {
  /** `raw` (not empty) cleaned; null when nothing is left of it. */
  category(raw: string, field: Field): string | null;
  /** Values from which control characters were removed, so far. */
  readonly controls: number;
}

/** One row's fields; a column index below 0 is a column the file does not have. */
export interface RowFields {
  /** The row (xlsx) or the line it starts on (CSV), as the user sees it. */
  readonly row: number;
  /** The fields the row has. */
  readonly width: number;
  /** The text of column `at`: '' when empty or absent. */
  text(at: number): string;
  /** Column `at` as a categorical value: cleaned, memoised; null when empty. */
  category(at: number, field: Field): string | null;
  /** Column `at` as a date and time: null when empty, undefined when it is not one. */
  time(at: number): LocalTime | null | undefined;
  /** Whether column `at`'s text opens with 投诉 (opensWithComplaint). */
  opensWithComplaint(at: number): boolean;
  /**
   * digestText of column `at`'s text when every character is printable ASCII (so cleanText
   * leaves it as it is), without making its string; null otherwise.
   */
  digestPrintable(h: number, at: number): number | null;
  /** digestSample of column `at`'s text. */
  sample(h: number, at: number, count: number): number;
  /** The row's cells as read (the failure paths, and the orders that carry them). */
  cells(): readonly Cell[];
  /** Touches `index`'s slots for the ids (column `at`) of the rows that follow (IdIndex.touch). */
  touchAhead(at: number, index: IdIndex): void;
}

const TOU = '投'.charCodeAt(0);
const SU = '诉'.charCodeAt(0);

/** Whether 投诉 lies within the first six characters (as `slice(0, 6).includes`, without a copy). */
export function opensWithComplaint(text: string): boolean {
  return opensWithComplaintAt(text, 0, text.length);
}

/** opensWithComplaint of text[start, end). */
function opensWithComplaintAt(text: string, start: number, end: number): boolean {
  const last = start + Math.min(end - start, 6) - 1;
  for (let i = start; i < last; i++)
    if (text.charCodeAt(i) === TOU && text.charCodeAt(i + 1) === SU) return true;
  return false;
}

/**
 * opensWithComplaint of the UTF-8 text b[start, end): 投诉's bytes at a character that is one of
 * the first five UTF-16 units (a 4-byte character is two).
 */
function opensWithComplaintBytes(b: Uint8Array, start: number, end: number): boolean {
  let units = 0;
  for (let i = start; i + 6 <= end && units <= 4;) {
    const c = b[i]!;
    if (c === 0xe6 && b[i + 1] === 0x8a && b[i + 2] === 0x95 && b[i + 3] === 0xe8)
      if (b[i + 4] === 0xaf && b[i + 5] === 0x89) return true;
    i += c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    units += c < 0xf0 ? 1 : 2;
  }
  return false;
}

/** A row as an array of cells. */
export class CellRow implements RowFields {
  row = 0;
  width = 0;
  private list: readonly Cell[] = [];

  constructor(private readonly cleaner: CategoryCleaner) {}

  at(raw: RawRow): this {
    this.row = raw.row;
    this.list = raw.cells;
    this.width = raw.cells.length;
    return this;
  }

  text(at: number): string {
    if (at < 0) return '';
    const cell = this.list[at];
    if (typeof cell === 'string') return cell;
    return cell === undefined || cell === null ? '' : cellText(cell);
  }

  category(at: number, field: Field): string | null {
    const raw = this.text(at);
    return raw === '' ? null : this.cleaner.category(raw, field);
  }

  time(at: number): LocalTime | null | undefined {
    if (at < 0) return null;
    const cell = this.list[at];
    if (cell === undefined || cell === null || cell === '') return null;
    return parseDate(cell) ?? undefined;
  }

  opensWithComplaint(at: number): boolean {
    return opensWithComplaint(this.text(at));
  }

  sample(h: number, at: number, count: number): number {
    return digestSample(h, this.text(at), count);
  }

  cells(): readonly Cell[] {
    return this.list;
  }

  touchAhead(): void {}

  digestPrintable(): number | null {
    return null;
  }
}

/** Records whose ids' slots are touched at a time: their cache misses overlap. */
const TOUCH_AHEAD = 64;

/** A CSV record of a batch of field offsets. */
export class OffsetRow implements RowFields {
  row = 0;
  width = 0;
  private batch: FieldBatch | null = null;
  private chunk = '';
  /** The chunk's UTF-8 bytes, when the batch holds bytes (then `chunk` is unused). */
  private bytes: Buffer | null = null;
  /** `bytes` read four at a time (ByteIntern). */
  private view: DataView = new DataView(new ArrayBuffer(0));
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  /** The record's first field, and the record. */
  private first = 0;
  private k = 0;
  /** Per column, its categorical values as the offsets find them. */
  private readonly interns: ColumnIntern[] = [];
  private readonly byteInterns: ByteIntern[] = [];
  /** A record of strings, read as offsets (ofCells). */
  private readonly held = new FieldBatch();
  /** The records of `batch` before this one have had their ids' slots touched (touchAhead). */
  private touchedTo = 0;

  constructor(private readonly cleaner: CategoryCleaner) {}

  /** Reads the records of `batch` (a new chunk, or arrays grown since). */
  of(batch: FieldBatch): this {
    if (batch !== this.batch || batch.text !== this.chunk || batch.bytes !== this.bytes)
      this.touchedTo = 0;
    this.batch = batch;
    this.chunk = batch.text;
    if (batch.bytes !== null && batch.bytes !== this.bytes) {
      const bytes = batch.bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    this.bytes = batch.bytes;
    this.starts = batch.starts;
    this.ends = batch.ends;
    return this;
  }

  /**
   * A CSV row of strings (a record the parser kept as strings, a row the header search held),
   * read as offsets: the row path then sees one kind of row on a CSV, and stays monomorphic.
   * `of` the batch again before its next record.
   */
  ofCells(raw: RawRow): this {
    return this.of(this.held.holdCells(raw.row, raw.cells)).at(0);
  }

  /** Record k (a record of offsets: not one the batch keeps as strings). */
  at(k: number): this {
    const b = this.batch!;
    this.k = k;
    this.first = b.first[k]!;
    this.width = b.last[k]! - this.first;
    this.row = b.rows[k]!;
    return this;
  }

  text(at: number): string {
    if (at < 0) return '';
    const f = this.first + at;
    return this.starts[f] === this.ends[f] ? '' : this.batch!.field(f);
  }

  category(at: number, field: Field): string | null {
    if (at < 0) return null;
    const f = this.first + at;
    const start = this.starts[f]!;
    const end = this.ends[f]!;
    if (end < 0) return this.cleaner.category(this.batch!.field(f), field);
    if (end === start) return null;
    if (this.bytes !== null) return this.byteCategory(at, field, start, end);
    const intern = (this.interns[at] ??= new ColumnIntern());
    const hit = intern.get(this.chunk, start, end);
    if (hit !== undefined) return hit;
    const raw = this.chunk.slice(start, end);
    const before = this.cleaner.controls;
    const clean = this.cleaner.category(raw, field);
    // A value that held control characters is noted at each occurrence: never interned.
    if (this.cleaner.controls === before) intern.set(detach(raw), clean);
    return clean;
  }

  /** category of the field bytes[start, end). */
  private byteCategory(at: number, field: Field, start: number, end: number): string | null {
    const bytes = this.bytes!;
    const intern = (this.byteInterns[at] ??= new ByteIntern());
    const hit = intern.get(bytes, this.view, start, end);
    if (hit !== undefined) return hit;
    const before = this.cleaner.controls;
    const clean = this.cleaner.category(utf8Slice(bytes, start, end), field);
    if (this.cleaner.controls === before) intern.set(bytes, start, end, clean);
    return clean;
  }

  time(at: number): LocalTime | null | undefined {
    if (at < 0) return null;
    const f = this.first + at;
    const start = this.starts[f]!;
    const end = this.ends[f]!;
    if (end === start) return null;
    if (end - start === 19) {
      const time =
        this.bytes !== null ? parseIsoBytes(this.bytes, start) : parseIsoAt(this.chunk, start);
      if (time) return time;
    }
    return parseDate(this.batch!.field(f)) ?? undefined;
  }

  opensWithComplaint(at: number): boolean {
    if (at < 0) return false;
    const f = this.first + at;
    const end = this.ends[f]!;
    if (end < 0) return opensWithComplaint(this.batch!.field(f));
    const start = this.starts[f]!;
    if (this.bytes !== null) return opensWithComplaintBytes(this.bytes, start, end);
    return opensWithComplaintAt(this.chunk, start, end);
  }

  digestPrintable(h: number, at: number): number | null {
    if (at < 0) return digestText(h, '');
    const f = this.first + at;
    const end = this.ends[f]!;
    if (end < 0) return null;
    const bytes = this.bytes;
    if (bytes !== null) {
      // Printable ASCII is one byte a character, the same code: the same digest.
      for (let i = this.starts[f]!; i < end; i++) {
        const c = bytes[i]!;
        if (c <= 0x20 || c >= 0x7f) return null;
        h = Math.imul(h ^ c, 0x01000193);
      }
      return Math.imul(h ^ 0x1f, 0x01000193);
    }
    const text = this.chunk;
    for (let i = this.starts[f]!; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c <= 0x20 || c >= 0x7f) return null;
      h = Math.imul(h ^ c, 0x01000193);
    }
    return Math.imul(h ^ 0x1f, 0x01000193);
  }

  sample(h: number, at: number, count: number): number {
    if (at < 0) return digestSample(h, '', count);
    const f = this.first + at;
    const end = this.ends[f]!;
    if (end >= 0 && this.bytes !== null)
      return digestSampleBytes(h, this.bytes, this.starts[f]!, end, count);
    return digestSample(h, this.batch!.field(f), count);
  }

  cells(): readonly Cell[] {
    return this.batch!.cells(this.k);
  }

  /**
   * Once every TOUCH_AHEAD records: the ids of this record and the next ones, read raw from the
   * chunk (a cleaned id that differs only makes a touch useless, never a result different).
   */
  touchAhead(at: number, index: IdIndex): void {
    if (at < 0 || this.k < this.touchedTo) return;
    const b = this.batch!;
    const to = Math.min(b.count, this.k + TOUCH_AHEAD);
    const slots = this.slots;
    let n = 0;
    for (let k = this.k; k < to; k++) {
      const first = b.first[k]!;
      if (first < 0 || b.last[k]! - first <= at) continue;
      const end = this.ends[first + at]!;
      if (end <= 0) continue;
      const start = this.starts[first + at]!;
      slots[n++] =
        this.bytes !== null
          ? index.slotOfBytes(this.bytes, start, end)
          : index.slotOf(this.chunk, start, end);
    }
    // Hashed first, then read in a loop of nothing else: the reads' misses are then in flight
    // together.
    this.touchSink = index.touch(slots, n);
    this.touchedTo = to;
  }

  /** The slots touchAhead reads, and what it read (kept so that the reads are not dropped). */
  private readonly slots = new Int32Array(TOUCH_AHEAD);
  touchSink = 0;
}
