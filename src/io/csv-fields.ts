/**
 * Records as field offsets (issue 17): the parser's output when asked for it (CsvParser's
 * `fields` mode). Each ordinary record — one that starts and ends within one decoded chunk,
 * without a line break inside a quoted field — is a run of fields, each a start and an end
 * offset into the chunk's text, kept in typed arrays reused from chunk to chunk: no string per
 * field, no array per row. A consumer reads only the columns it needs, straight from the text
 * (OffsetRow in src/ingest/row-fields.ts); a field that held "" escapes has its end stored as ~end and is
 * unescaped when made a string. Every other record (one that runs across chunks, or whose
 * quotes are broken) is kept as the parser's CsvRecord, in its place among the others.
 *
 * A UTF-8 chunk is given as its bytes (CsvParser.pushBytes): the offsets are then byte offsets
 * into `bytes`, and a field is decoded only when its string is asked for.
 */
import type { CsvRecord } from './csv-parser.js';
import type { RawRow } from './table.js';

export class FieldBatch {
  /** The chunk the records' offsets point into, when it is text. */
  text = '';
  /**
   * The chunk as UTF-8 bytes, when it was given so (null: `text`). Valid only until the next
   * chunk: the reader reuses its buffer.
   */
  bytes: Buffer | null = null;
  /** Field f is text[starts[f], ends[f]), or text[starts[f], ~ends[f]) with "" to unescape. */
  starts = new Int32Array(1 << 12);
  ends = new Int32Array(1 << 12);
  /** Fields used. */
  fields = 0;
  /** Record k's fields are [first[k], last[k]); a negative first is -1 - its index in `slow`. */
  first = new Int32Array(1 << 8);
  last = new Int32Array(1 << 8);
  /** The physical line each record starts on. */
  rows = new Int32Array(1 << 8);
  /** Records held. */
  count = 0;
  /** The records kept as strings (runs across chunks, broken quotes). */
  slow: CsvRecord[] = [];

  /** Empties the batch for the next chunk. */
  clear(): void {
    this.fields = 0;
    this.count = 0;
    this.slow = [];
  }

  /** Room for `more` fields. */
  reserve(more: number): void {
    const need = this.fields + more;
    if (need <= this.starts.length) return;
    let size = this.starts.length * 2;
    while (size < need) size *= 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** Adds a record of the fields from `first` to the fields used. */
  add(first: number, row: number): void {
    const k = this.count;
    if (k === this.first.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.first = grow(this.first);
      this.last = grow(this.last);
      this.rows = grow(this.rows);
    }
    this.first[k] = first;
    this.last[k] = this.fields;
    this.rows[k] = row;
    this.count = k + 1;
  }

  /**
   * Holds just one record, made of strings (a record the parser kept as strings, a row held by
   * the header search): its fields laid end to end, so that offsets read it as any other.
   */
  holdCells(row: number, cells: readonly unknown[]): this {
    this.clear();
    this.reserve(cells.length);
    let text = '';
    for (let f = 0; f < cells.length; f++) {
      const cell = cells[f];
      this.starts[f] = text.length;
      text +=
        typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
      this.ends[f] = text.length;
    }
    this.text = text;
    this.bytes = null;
    this.fields = cells.length;
    this.add(0, row);
    return this;
  }

  /** Adds a record kept as strings. */
  addSlow(record: CsvRecord): void {
    this.slow.push(record);
    this.add(-this.slow.length, record.row);
  }

  /** The record kept as strings at k, or null for a record of offsets. */
  slowAt(k: number): CsvRecord | null {
    const first = this.first[k]!;
    return first < 0 ? this.slow[-1 - first]! : null;
  }

  /** Field f as a string. */
  field(f: number): string {
    const end = this.ends[f]!;
    const bytes = this.bytes;
    if (bytes !== null) {
      return end >= 0
        ? utf8Slice(bytes, this.starts[f]!, end)
        : utf8Slice(bytes, this.starts[f]!, ~end).replaceAll('""', '"');
    }
    return end >= 0
      ? this.text.slice(this.starts[f]!, end)
      : this.text.slice(this.starts[f]!, ~end).replaceAll('""', '"');
  }

  /** Record k's fields as strings, as the parser makes them in its other mode. */
  cells(k: number): string[] {
    const slow = this.slowAt(k);
    if (slow !== null) return slow.cells;
    const cells: string[] = [];
    for (let f = this.first[k]!, last = this.last[k]!; f < last; f++) cells.push(this.field(f));
    return cells;
  }

  /** Record k as a CsvRecord. */
  record(k: number): CsvRecord {
    return (
      this.slowAt(k) ?? {
        row: this.rows[k]!,
        cells: this.cells(k),
        problem: null,
        quoteLine: 0,
        lines: 0,
      }
    );
  }

  /** Records [from, to) as rows of strings, for consumers that read no offsets. */
  rawRows(from: number, to: number): RawRow[] {
    const rows: RawRow[] = [];
    for (let k = from; k < to; k++)
      rows.push(this.slowAt(k) ?? { row: this.rows[k]!, cells: this.cells(k) });
    return rows;
  }
}

/**
 * bytes[start, end) decoded as UTF-8 (validated bytes: isUtf8). Node's own Buffer method, which
 * toString wraps with argument checks; @types/node does not declare it.
 */
export function utf8Slice(bytes: Buffer, start: number, end: number): string {
  return (bytes as unknown as { utf8Slice(start: number, end: number): string }).utf8Slice(
    start,
    end,
  );
}
