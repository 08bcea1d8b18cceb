/**
 * The cells of the cube: distinct tuples of small integers (dictionary ids, a day index, flags),
 * each with a count, numbered in order of first appearance. A hash table over typed arrays, so
 * any number of dimensions stays exact (no packing into 53 bits) and a million rows cost no JS
 * object each; the table is plain data (`data`/`adopt`) to cross a thread.
 */

/** A CellTable as plain data: `values[cell * width + d]` is dimension d of a cell. */
export interface CellData {
  width: number;
  size: number;
  values: Int32Array<ArrayBuffer>;
  counts: Int32Array<ArrayBuffer>;
  slots: Int32Array<ArrayBuffer>;
}

const INITIAL_CELLS = 1 << 8;

function hashOf(values: Int32Array, at: number, width: number): number {
  let h = 0x9747b28c;
  for (let d = 0; d < width; d++) {
    h = Math.imul(h ^ values[at + d]!, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ (h >>> 16);
}

export class CellTable {
  private values: Int32Array<ArrayBuffer>;
  counts: Int32Array<ArrayBuffer>;
  private slots: Int32Array<ArrayBuffer>;
  private mask: number;
  size = 0;

  constructor(
    readonly width: number,
    data?: CellData,
  ) {
    this.values = data?.values ?? new Int32Array(INITIAL_CELLS * width);
    this.counts = data?.counts ?? new Int32Array(INITIAL_CELLS);
    this.slots = data?.slots ?? new Int32Array(INITIAL_CELLS * 2);
    this.mask = this.slots.length - 1;
    this.size = data?.size ?? 0;
  }

  /** Takes over a table's arrays (no copy). */
  static adopt(data: CellData): CellTable {
    return new CellTable(data.width, data);
  }

  /** The table as plain data, sharing its arrays. */
  data(): CellData {
    return {
      width: this.width,
      size: this.size,
      values: this.values,
      counts: this.counts,
      slots: this.slots,
    };
  }

  /** The cell of the tuple `key` (its first `width` values), made with count 0 when new. */
  id(key: Int32Array): number {
    const width = this.width;
    const values = this.values;
    let slot = hashOf(key, 0, width) & this.mask;
    for (;;) {
      const stored = this.slots[slot]!;
      if (stored === 0) break;
      const at = (stored - 1) * width;
      let d = 0;
      while (d < width && values[at + d] === key[d]) d++;
      if (d === width) return stored - 1;
      slot = (slot + 1) & this.mask;
    }
    const cell = this.size++;
    if (cell === this.counts.length) this.grow();
    this.values.set(key.subarray(0, width), cell * width);
    this.slots[slot] = cell + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return cell;
  }

  /** Dimension `d` of `cell`. */
  value(cell: number, d: number): number {
    return this.values[cell * this.width + d]!;
  }

  private grow(): void {
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    const counts = new Int32Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let cell = 0; cell < this.size; cell++) {
      let slot = hashOf(this.values, cell * this.width, this.width) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = cell + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
