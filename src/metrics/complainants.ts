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
  /**
   * With keepTexts, every slot's text: `bytes` from ends[slot - 1] (0 for slot 0) to ends[slot],
   * one byte a character (customer numbers and phones are digits), or UTF-16 where `wide[slot]`
   * is 1 (a character past U+00FF).
   */
  bytes: Uint8Array<ArrayBuffer>;
  ends: Uint32Array<ArrayBuffer>;
  wide: Uint8Array<ArrayBuffer>;
}

const INITIAL = 1 << 8;

export class Complainants {
  /** null once sealed: every row counted, the ids need not be found again. */
  private index: IdIndex | null = new IdIndex();
  private sealedSize = 0;
  private seen = new Uint8Array(INITIAL);
  private bytes: Uint8Array<ArrayBuffer> | null = null;
  private ends: Uint32Array<ArrayBuffer> | null = null;
  private wide: Uint8Array<ArrayBuffer> | null = null;
  private length = 0;
  /** The text of those seen twice or more. */
  readonly text = new Map<number, string>();

  constructor(keepTexts = false) {
    if (keepTexts) {
      this.bytes = new Uint8Array(INITIAL * 12);
      this.ends = new Uint32Array(INITIAL);
      this.wide = new Uint8Array(INITIAL);
    }
  }

  slot(key: string): number {
    const index = this.unsealed();
    const slot = index.add(key, 0);
    if (slot >= this.seen.length) this.seen = grow(this.seen, this.seen.length * 2);
    if (this.bytes !== null && index.occurrence === NEW) this.keep(slot, key);
    this.see(slot, 1, key);
    return slot;
  }

  get size(): number {
    return this.index?.size ?? this.sealedSize;
  }

  /**
   * Once every row is counted: the analysis needs only how many there are and the texts of
   * those seen twice, so the index of their ids and the times seen go (on a million
   * complainants, 21 MiB each for customers and phones, held through the analysis).
   */
  seal(): void {
    if (this.index === null) return;
    this.sealedSize = this.index.size;
    this.index = null;
    this.seen = new Uint8Array(0);
    this.bytes = this.wide = null;
    this.ends = null;
  }

  private unsealed(): IdIndex {
    if (this.index === null) throw new Error('complainants added after they were sealed');
    return this.index;
  }

  private see(slot: number, times: number, key: string | (() => string)): void {
    const before = this.seen[slot]!;
    const after = Math.min(2, before + times);
    this.seen[slot] = after;
    if (before < 2 && after === 2) this.text.set(slot, typeof key === 'string' ? key : key());
  }

  private keep(slot: number, key: string): void {
    let narrow = true;
    for (let i = 0; i < key.length && narrow; i++) narrow = key.charCodeAt(i) < 0x100;
    const size = narrow ? key.length : key.length * 2;
    let bytes = this.bytes!;
    if (this.length + size > bytes.length)
      bytes = this.bytes = grow(bytes, Math.max(bytes.length * 2, this.length + size));
    if (narrow) for (let i = 0; i < key.length; i++) bytes[this.length + i] = key.charCodeAt(i);
    else Buffer.from(bytes.buffer).write(key, this.length, 'utf16le');
    this.length += size;
    if (slot >= this.ends!.length) {
      this.ends = grow(this.ends!, this.ends!.length * 2);
      this.wide = grow(this.wide!, this.ends.length);
    }
    this.ends![slot] = this.length;
    this.wide![slot] = narrow ? 0 : 1;
  }

  /** The complainants as plain data, sharing the arrays. */
  table(): ComplainantTable {
    return {
      ids: this.unsealed().table(),
      seen: this.seen,
      repeated: { slots: [...this.text.keys()], texts: [...this.text.values()] },
      // Cut to their length: they go to the main thread, where the room would stay unused.
      bytes: this.bytes?.slice(0, this.length) ?? new Uint8Array(0),
      ends: this.ends ?? new Uint32Array(0),
      wide: this.wide ?? new Uint8Array(0),
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
    const index = this.unsealed();
    const slots = new Int32Array(ids.size);
    for (let s = 0; s < ids.size; s++) {
      const slot = index.addHash(ids.hi[s]!, ids.lo[s]!, 0);
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
  const bytes = Buffer.from(table.bytes.buffer, table.bytes.byteOffset, table.bytes.byteLength);
  return bytes.toString(table.wide[slot] ? 'utf16le' : 'latin1', start, table.ends[slot]!);
}

function grow<
  T extends Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>,
>(a: T, size: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}
