/**
 * A categorical column's values found from offsets into a chunk (src/io/csv-fields.ts), without
 * making a string of the field: a small table keyed by the length, the character a quarter in
 * (units share their first and last characters: 国网…公司) and the last one, each entry
 * confirmed by comparing the text at the offset. A row's unit, type or class is then a probe
 * and a comparison, where a Map lookup hashed a fresh string.
 *
 * Only values whose cleaning is the same at every occurrence are kept (TableIngest counts the
 * control characters removed from a value at each occurrence: those go through it each time).
 * A value that finds no free slot within PROBES is not kept: it is cleaned as before.
 */
const SLOTS = 512;
const PROBES = 8;
const SLOT_SHIFT = 23; // 32 - log2(SLOTS)

export class ColumnIntern {
  private readonly keys = new Int32Array(SLOTS);
  private readonly raws: string[] = new Array<string>(SLOTS).fill('');
  private readonly cleans: (string | null)[] = new Array<string | null>(SLOTS).fill(null);

  private static key(length: number, first: number, last: number): number {
    return (Math.imul(length, 0x01000193) ^ Math.imul(first, 0x5bd1e995) ^ last) | 1;
  }

  /** The cleaned value of text[start, end) (not empty), or undefined when not kept. */
  get(text: string, start: number, end: number): string | null | undefined {
    const length = end - start;
    const key = ColumnIntern.key(
      length,
      text.charCodeAt(start + (length >> 2)),
      text.charCodeAt(end - 1),
    );
    let slot = Math.imul(key, 0x9e3779b1) >>> SLOT_SHIFT;
    for (let p = 0; p < PROBES; p++) {
      if (this.keys[slot] === 0) return undefined;
      if (this.keys[slot] === key) {
        const raw = this.raws[slot]!;
        if (raw.length === length && text.startsWith(raw, start)) return this.cleans[slot]!;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    return undefined;
  }

  /** Keeps `raw` (a detached copy: not empty) as cleaning to `clean`; a full probe run is left. */
  set(raw: string, clean: string | null): void {
    const length = raw.length;
    const key = ColumnIntern.key(length, raw.charCodeAt(length >> 2), raw.charCodeAt(length - 1));
    let slot = Math.imul(key, 0x9e3779b1) >>> SLOT_SHIFT;
    for (let p = 0; p < PROBES; p++) {
      if (this.keys[slot] === 0) {
        this.keys[slot] = key;
        this.raws[slot] = raw;
        this.cleans[slot] = clean;
        return;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }
}

/**
 * ColumnIntern over a UTF-8 chunk's bytes (CsvParser.pushBytes): keyed by the byte length, the
 * byte a quarter in and the last one, confirmed against a copy of the value's bytes (the chunk's
 * buffer is reused by the next read), four bytes at a time through a DataView of the chunk: a
 * unit's name is 30 to 40 bytes, and comparing byte by byte took 40% more.
 */
export class ByteIntern {
  private readonly keys = new Int32Array(SLOTS);
  /** A value's bytes as little-endian 32-bit words, and the 0-3 bytes after the last word. */
  private readonly words: Int32Array[] = new Array<Int32Array>(SLOTS).fill(new Int32Array(0));
  private readonly tails: Uint8Array[] = new Array<Uint8Array>(SLOTS).fill(new Uint8Array(0));
  private readonly cleans: (string | null)[] = new Array<string | null>(SLOTS).fill(null);

  private static key(b: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const quarter = b[start + (length >> 2)]!;
    return (Math.imul(length, 0x01000193) ^ Math.imul(quarter, 0x5bd1e995) ^ b[end - 1]!) | 1;
  }

  /**
   * The cleaned value of the text in b[start, end) (not empty; `view` is a DataView of b's
   * bytes), or undefined when not kept.
   */
  get(b: Uint8Array, view: DataView, start: number, end: number): string | null | undefined {
    const key = ByteIntern.key(b, start, end);
    let slot = Math.imul(key, 0x9e3779b1) >>> SLOT_SHIFT;
    for (let p = 0; p < PROBES; p++) {
      if (this.keys[slot] === 0) return undefined;
      if (this.keys[slot] === key && this.holds(slot, b, view, start, end))
        return this.cleans[slot]!;
      slot = (slot + 1) & (SLOTS - 1);
    }
    return undefined;
  }

  /** Keeps the text of b[start, end) (not empty; its bytes copied) as cleaning to `clean`. */
  set(b: Uint8Array, start: number, end: number, clean: string | null): void {
    const key = ByteIntern.key(b, start, end);
    let slot = Math.imul(key, 0x9e3779b1) >>> SLOT_SHIFT;
    for (let p = 0; p < PROBES; p++) {
      if (this.keys[slot] === 0) {
        const copy = new Uint8Array(b.subarray(start, end));
        const view = new DataView(copy.buffer);
        const words = new Int32Array(copy.length >> 2);
        for (let w = 0; w < words.length; w++) words[w] = view.getInt32(w * 4, true);
        this.keys[slot] = key;
        this.words[slot] = words;
        this.tails[slot] = copy.subarray(words.length * 4);
        this.cleans[slot] = clean;
        return;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  /** Whether the value kept at `slot` is the text of b[start, end). */
  private holds(slot: number, b: Uint8Array, view: DataView, start: number, end: number): boolean {
    const words = this.words[slot]!;
    const tail = this.tails[slot]!;
    const n = words.length;
    if (n * 4 + tail.length !== end - start) return false;
    for (let w = 0; w < n; w++) if (view.getInt32(start + w * 4, true) !== words[w]) return false;
    const at = start + n * 4;
    for (let i = 0; i < tail.length; i++) if (tail[i] !== b[at + i]) return false;
    return true;
  }
}
