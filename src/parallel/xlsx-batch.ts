/**
 * Rows of a worksheet as one compact message (xlsx-worker.ts → xlsx-read.ts): the string cells
 * joined into a few strings with their end offsets, the other cells as numbers, each cell's kind
 * in a byte. The typed arrays are transferred, not copied; the main thread slices the strings
 * back out. Thousands of rows cost the structured clone of a few strings, not one object per
 * cell. Each joined string holds about PIECE_CHARS characters: small enough to be an ordinary
 * young object on both threads (not a large object, freed only by a full collection), and a
 * cell cut from it and kept keeps that piece alive, not the whole batch's text.
 */
import type { Cell, RawRow } from '../io/table.js';

const NULL = 0;
const STRING = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const DATE = 5;

/** A piece of joined text is closed once it reaches this many characters (≤ 48K with a cell). */
const PIECE_CHARS = 16 * 1024;

export interface RowBatch {
  /** Per row: its number, then its count of cells. */
  rows: Int32Array;
  /** Per cell: its kind. */
  kinds: Uint8Array;
  /** The number cells' values and the date cells' times (ms), in cell order. */
  numbers: Float64Array;
  /** The string cells, joined, in pieces. */
  texts: string[];
  /** Per piece: the index of the first string cell after it. */
  cuts: Uint32Array;
  /** Per string cell: where it ends in its piece. */
  ends: Uint32Array;
}

/** Collects rows into a batch; `take` returns it and starts the next. */
export class BatchWriter {
  private rows = new Int32Array(2 * 8192);
  private kinds = new Uint8Array(65_536);
  private numbers = new Float64Array(16_384);
  private ends = new Uint32Array(65_536);
  private strings: string[] = [];
  private texts: string[] = [];
  private cuts: number[] = [];
  private stringCount = 0;
  private rowsLength = 0;
  private kindsLength = 0;
  private numbersLength = 0;
  private textLength = 0;

  get rowCount(): number {
    return this.rowsLength / 2;
  }

  add({ row, cells }: RawRow): void {
    if (this.rowsLength + 2 > this.rows.length) this.rows = grow(this.rows);
    this.rows[this.rowsLength++] = row;
    this.rows[this.rowsLength++] = cells.length;
    for (let i = 0; i < cells.length; i++) this.cell(cells[i]!);
  }

  private cell(cell: Cell): void {
    if (this.kindsLength === this.kinds.length) this.kinds = grow(this.kinds);
    if (cell === null) {
      this.kinds[this.kindsLength++] = NULL;
    } else if (typeof cell === 'string') {
      this.kinds[this.kindsLength++] = STRING;
      const n = this.stringCount++;
      if (n === this.ends.length) this.ends = grow(this.ends);
      this.strings.push(cell);
      this.textLength += cell.length;
      this.ends[n] = this.textLength;
      if (this.textLength >= PIECE_CHARS) this.closePiece();
    } else if (typeof cell === 'number') {
      this.kinds[this.kindsLength++] = NUMBER;
      this.number(cell);
    } else if (typeof cell === 'boolean') {
      this.kinds[this.kindsLength++] = cell ? TRUE : FALSE;
    } else {
      this.kinds[this.kindsLength++] = DATE;
      this.number(cell.getTime());
    }
  }

  private number(value: number): void {
    if (this.numbersLength === this.numbers.length) this.numbers = grow(this.numbers);
    this.numbers[this.numbersLength++] = value;
  }

  private closePiece(): void {
    this.texts.push(this.strings.join(''));
    this.cuts.push(this.stringCount);
    this.strings = [];
    this.textLength = 0;
  }

  take(): RowBatch {
    if (this.strings.length > 0) this.closePiece();
    const batch: RowBatch = {
      rows: this.rows.slice(0, this.rowsLength),
      kinds: this.kinds.slice(0, this.kindsLength),
      numbers: this.numbers.slice(0, this.numbersLength),
      texts: this.texts,
      cuts: Uint32Array.from(this.cuts),
      ends: this.ends.slice(0, this.stringCount),
    };
    this.texts = [];
    this.cuts = [];
    this.rowsLength = this.kindsLength = this.numbersLength = this.stringCount = 0;
    return batch;
  }
}

function grow<T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array as never);
  return bigger;
}

/** The buffers a batch's message transfers. */
export function batchBuffers(batch: RowBatch): ArrayBuffer[] {
  return [batch.rows, batch.kinds, batch.numbers, batch.cuts, batch.ends].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** The rows of a batch, as the reader made them on the other thread. */
export function readBatch(batch: RowBatch): RawRow[] {
  const { rows, kinds, numbers, texts, cuts, ends } = batch;
  const out: RawRow[] = [];
  let k = 0;
  let n = 0;
  let s = 0;
  let from = 0;
  let piece = 0;
  let text = texts[0] ?? '';
  let cut = cuts[0] ?? 0;
  for (let r = 0; r < rows.length; r += 2) {
    const count = rows[r + 1]!;
    const cells: Cell[] = [];
    for (let i = 0; i < count; i++) {
      switch (kinds[k++]) {
        case STRING: {
          if (s === cut) {
            text = texts[++piece]!;
            cut = cuts[piece]!;
            from = 0;
          }
          const to = ends[s++]!;
          cells.push(text.slice(from, to));
          from = to;
          break;
        }
        case NUMBER:
          cells.push(numbers[n++]!);
          break;
        case TRUE:
          cells.push(true);
          break;
        case FALSE:
          cells.push(false);
          break;
        case DATE:
          cells.push(new Date(numbers[n++]!));
          break;
        default:
          cells.push(null);
      }
    }
    out.push({ row: rows[r]!, cells });
  }
  return out;
}
