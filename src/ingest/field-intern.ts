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
