/**
 * The taxonomy's keywords compiled for one scan of a text (classify.ts): at each position, the
 * keywords that start there are found by the position's first character (a typed-array read:
 * most characters start no keyword) and, for keywords of two or more characters, its first two
 * (an open-addressing hash of typed arrays, no Map and no string per lookup). Only keywords of
 * three or more characters are then compared with the text, from their third character, code by
 * code (matchesRest(): startsWith was about a tenth of the rules' time).
 *
 * The order keywords are found in is part of the result (it is the order of the evidence): at
 * one position, the one-character keyword first, then the longer ones in id order, as their
 * buckets hold them.
 */

/** By UTF-16 code: bit 1 when a one-character keyword is it, bit 2 when a longer one starts with it. */
export const SINGLE = 1;
export const PAIR = 2;

export class KeywordIndex {
  /** Each keyword's text and length, by id. */
  readonly texts: string[] = [];
  readonly lengths: Int32Array;
  /** Each keyword's UTF-16 codes, all keywords end to end: codes[codeFrom[id]..+lengths[id]). */
  readonly codes: Uint16Array;
  readonly codeFrom: Int32Array;
  /** By UTF-16 code: SINGLE | PAIR bits. */
  readonly starts = new Uint8Array(0x10000);
  /** By UTF-16 code: the id of the one-character keyword that is this character. */
  readonly single = new Int32Array(0x10000);
  /** By UTF-16 code: 1 when it is the second character of some keyword. */
  readonly second = new Uint8Array(0x10000);
  /** Buckets of keyword ids by their first two characters: ids[from[slot]..to[slot]). */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly ids: Int32Array;
  private readonly pairs: PairSlots;

  /** `texts` in id order; none is empty. */
  constructor(texts: readonly string[]) {
    this.texts = [...texts];
    this.lengths = Int32Array.from(texts, (t) => t.length);
    this.codeFrom = new Int32Array(texts.length);
    this.codes = new Uint16Array(texts.reduce((n, t) => n + t.length, 0));
    let code = 0;
    texts.forEach((text, id) => {
      this.codeFrom[id] = code;
      for (let k = 0; k < text.length; k++) this.codes[code++] = text.charCodeAt(k);
    });
    const buckets = new Map<number, number[]>();
    texts.forEach((text, id) => {
      const first = text.charCodeAt(0);
      if (text.length === 1) {
        this.starts[first]! |= SINGLE;
        this.single[first] = id;
        return;
      }
      this.starts[first]! |= PAIR;
      this.second[text.charCodeAt(1)] = 1;
      const key = pairKey(first, text.charCodeAt(1));
      const bucket = buckets.get(key);
      if (bucket) bucket.push(id);
      else buckets.set(key, [id]);
    });
    this.pairs = new PairSlots(buckets.keys());
    this.from = new Int32Array(this.pairs.size);
    this.to = new Int32Array(this.pairs.size);
    this.ids = new Int32Array(texts.length);
    let n = 0;
    for (const [key, bucket] of buckets) {
      const h = this.pairs.slotOfKey(key);
      this.from[h] = n;
      for (const id of bucket) this.ids[n++] = id;
      this.to[h] = n;
    }
  }

  /**
   * Whether keyword `id`, whose first two characters are the text's at `at`, is there whole (a
   * position past the text's end reads NaN, equal to no code).
   */
  matchesRest(id: number, text: string, at: number): boolean {
    const codes = this.codes;
    const from = this.codeFrom[id]!;
    for (let k = 2, n = this.lengths[id]!; k < n; k++)
      if (text.charCodeAt(at + k) !== codes[from + k]) return false;
    return true;
  }

  /** The bucket of keywords (two or more characters) starting with these two characters, or -1. */
  slot(first: number, second: number): number {
    if (this.second[second] === 0) return -1;
    return this.pairs.slotOf(first, second);
  }
}

/**
 * A set of character pairs (two UTF-16 codes), each given a slot number below `size`: an
 * open-addressing hash in a typed array, so that a lookup makes no string and hashes no double
 * (a pair as one number, first × 65536 + second, is too big for a small integer).
 */
export class PairSlots {
  /** Slots are numbered below this. */
  readonly size: number;
  private readonly keys: Uint32Array;
  private readonly mask: number;
  private readonly shift: number;

  /** `keys` as pairKey gives them. */
  constructor(keys: Iterable<number>) {
    const all = [...new Set(keys)];
    let bits = 4;
    while (1 << bits < all.length * 2) bits++;
    this.size = 1 << bits;
    this.mask = this.size - 1;
    this.shift = 32 - bits;
    this.keys = new Uint32Array(this.size);
    for (const key of all) {
      let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.keys[h] !== 0) h = (h + 1) & this.mask;
      this.keys[h] = key;
    }
  }

  /** The slot of a pair, or -1 when it is not in the set. */
  slotOf(first: number, second: number): number {
    return this.slotOfKey(pairKey(first, second));
  }

  slotOfKey(key: number): number {
    const keys = this.keys;
    for (let h = Math.imul(key, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & this.mask) {
      const k = keys[h]!;
      if (k === key) return h;
      if (k === 0) return -1;
    }
  }
}

/** Two UTF-16 codes as one non-zero 32-bit key (no word starts with U+0000). */
export function pairKey(first: number, second: number): number {
  return ((first << 16) | second) >>> 0;
}
