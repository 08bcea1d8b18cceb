/**
 * Identities of complainants (customer ids, phones), numbered in order of first appearance
 * through a hash index, so a million of them stay small. A complainant is a candidate for
 * "repeat" once seen twice: its text is kept then.
 *
 * A complainant seen once in each of two partial aggregates is seen twice in the data set, and
 * its text must come from the later one: a partial merged after others keeps the text of
 * everyone it saw, packed in one array (`keepTexts`). The first partial, merged into nothing,
 * need not — so a single input costs no more than one pass did.
 */
import { IdIndex, NEW, type IdTable } from '../ingest/dedup.js';

/** Complainants as plain data. */
export interface ComplainantTable {
  ids: IdTable;
  /** Times seen, 2 meaning "twice or more". */
  seen: Uint8Array<ArrayBuffer>;
  /** The slots seen twice or more, and their texts. */
  repeated: { slots: number[]; texts: string[] };
  /** With keepTexts, every slot's text: `chars` from ends[slot - 1] (0 for slot 0) to ends[slot]. */
  chars: Uint16Array<ArrayBuffer>;
  ends: Uint32Array<ArrayBuffer>;
}

const INITIAL = 1 << 8;

export class Complainants {
  private index = new IdIndex();
  private seen = new Uint8Array(INITIAL);
  private chars: Uint16Array<ArrayBuffer> | null = null;
  private ends: Uint32Array<ArrayBuffer> | null = null;
  private length = 0;
  /** The text of those seen twice or more. */
  readonly text = new Map<number, string>();

  constructor(keepTexts = false) {
    if (keepTexts) {
      this.chars = new Uint16Array(INITIAL * 12);
      this.ends = new Uint32Array(INITIAL);
    }
  }

  slot(key: string): number {
    const slot = this.index.add(key, 0);
    if (slot >= this.seen.length) this.seen = grow(this.seen, this.seen.length * 2);
    if (this.chars !== null && this.index.occurrence === NEW) this.keep(slot, key);
    this.see(slot, 1, key);
    return slot;
  }

  get size(): number {
    return this.index.size;
  }

  private see(slot: number, times: number, key: string | (() => string)): void {
    const before = this.seen[slot]!;
    const after = Math.min(2, before + times);
    this.seen[slot] = after;
    if (before < 2 && after === 2) this.text.set(slot, typeof key === 'string' ? key : key());
  }

  private keep(slot: number, key: string): void {
    let chars = this.chars!;
    if (this.length + key.length > chars.length)
      chars = this.chars = grow(chars, Math.max(chars.length * 2, this.length + key.length));
    for (let i = 0; i < key.length; i++) chars[this.length + i] = key.charCodeAt(i);
    this.length += key.length;
    if (slot >= this.ends!.length) this.ends = grow(this.ends!, this.ends!.length * 2);
    this.ends![slot] = this.length;
  }

  /** The complainants as plain data, sharing the arrays. */
  table(): ComplainantTable {
    return {
      ids: this.index.table(),
      seen: this.seen,
      repeated: { slots: [...this.text.keys()], texts: [...this.text.values()] },
      chars: this.chars ?? new Uint16Array(0),
      ends: this.ends ?? new Uint32Array(0),
    };
  }

  /** Takes over a partial's complainants as a data set's. */
  static adopt(table: ComplainantTable): Complainants {
    const who = new Complainants();
    who.index = IdIndex.adopt(table.ids);
    who.seen = table.seen;
    table.repeated.slots.forEach((slot, i) => who.text.set(slot, table.repeated.texts[i]!));
    return who;
  }

  /** Adds a later partial's complainants; returns the slot here of each of its slots. */
  absorb(table: ComplainantTable): Int32Array {
    const { ids } = table;
    const repeated = new Map<number, string>();
    table.repeated.slots.forEach((slot, i) => repeated.set(slot, table.repeated.texts[i]!));
    const slots = new Int32Array(ids.size);
    for (let s = 0; s < ids.size; s++) {
      const slot = this.index.addHash(ids.hi[s]!, ids.lo[s]!, 0);
      if (slot >= this.seen.length) this.seen = grow(this.seen, this.seen.length * 2);
      this.see(slot, table.seen[s]!, () => repeated.get(s) ?? textAt(table, s));
      slots[s] = slot;
    }
    return slots;
  }
}

function textAt(table: ComplainantTable, slot: number): string {
  if (slot >= table.ends.length) throw new Error('a partial merged after another kept no texts');
  const start = slot === 0 ? 0 : table.ends[slot - 1]!;
  const chars = table.chars.subarray(start, table.ends[slot]!);
  return Buffer.from(chars.buffer, chars.byteOffset, chars.byteLength).toString('utf16le');
}

function grow<
  T extends Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>,
>(a: T, size: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}
