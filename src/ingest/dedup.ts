/**
 * De-duplication by work-order id across all inputs, in memory that stays small at 1M rows.
 *
 * A JS Map of 1M id strings costs ~80 bytes an entry and grows the heap with the input; here an
 * id is kept as a 64-bit hash in typed arrays (~16 bytes an entry). Two different ids share a
 * 64-bit hash with probability about n²/2⁶⁵: 3·10⁻⁸ for a million work orders.
 */

/** Two independent 32-bit hashes of a string (FNV-1a and a Murmur-style mix). */
export function hash64(text: string, out: Uint32Array): void {
  hash64At(text, 0, text.length, out);
}

/** hash64 of text[start, end), without making a string of it. */
export function hash64At(text: string, start: number, end: number, out: Uint32Array): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ (end - start);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0x5bd1e995);
  out[0] = h1 >>> 0;
  out[1] = (h2 ^ (h2 >>> 15)) >>> 0;
}

/**
 * hash64At over bytes (a UTF-8 CSV's id, read in place): the same hash for ASCII; another for
 * other text, which only OffsetRow.touchAhead uses (a slot touched in vain costs a miss).
 */
export function hash64Bytes(bytes: Uint8Array, start: number, end: number, out: Uint32Array): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ (end - start);
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0x5bd1e995);
  out[0] = h1 >>> 0;
  out[1] = (h2 ^ (h2 >>> 15)) >>> 0;
}

/**
 * A 32-bit FNV-1a digest of a row's values, built value by value: start with DIGEST_SEED,
 * fold each value in with `digestText` (or `digestSample` for long texts).
 */
export const DIGEST_SEED = 0x811c9dc5;

export function digestText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193); // unit separator: ["ab","c"] ≠ ["a","bc"]
}

/** A whole number (a time in seconds, a code) folded in without making a string of it. */
export function digestNumber(h: number, n: number): number {
  h = Math.imul(h ^ (n & 0xffff), 0x01000193);
  h = Math.imul(h ^ ((n / 0x10000) & 0xffff), 0x01000193);
  return Math.imul(h ^ ((n / 0x100000000) & 0xffff), 0x01000193);
}

/**
 * A long text's part of a row digest: the first and the last `count / 2` bytes of its UTF-8
 * (all of them when it has no more than `count`). Bytes, so that a UTF-8 CSV's text is read in
 * place, undecoded (digestSampleBytes: a UTF-8 CSV is split from its bytes, csv-fields.ts); the
 * other paths (xlsx, GB18030, a record read as strings) encode only the characters at the two
 * ends (digestSample). It is a function of the text alone, whatever it was read from: copies of
 * an order in an xlsx, a GB18030 CSV and a UTF-8 CSV digest the same. An edit inside the text
 * is not seen; the digest only decides whether a repeated work order "differs", and the rest of
 * the row (its times, flags, classes) usually tells.
 */
export function digestSample(h: number, text: string, count: number): number {
  const half = count >> 1;
  const n = text.length;
  // At most `count` bytes only when at most `count` units: then fold every byte.
  if (n <= count && utf8Length(text) <= count)
    return Math.imul(folded(h, text, 0, n, count) ^ 0x1f, 0x01000193);
  h = folded(h, text, 0, n, half);
  let taken = 0;
  for (let i = n - 1; i >= 0 && taken < half; i--) {
    let c = text.charCodeAt(i);
    if ((c & 0xfc00) === 0xdc00 && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800)
      c = 0x10000 + ((text.charCodeAt(--i) - 0xd800) << 10) + (c - 0xdc00);
    else if ((c & 0xf800) === 0xd800) c = 0xfffd; // a lone surrogate, as Buffer.write writes it
    // The character's bytes from its last.
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = size - 1; k >= 0 && taken < half; k--, taken++)
      h = Math.imul(h ^ utf8Byte(c, size, k), 0x01000193);
  }
  return Math.imul(h ^ 0x1f, 0x01000193);
}

/** The UTF-8 length of `text` (lone surrogates as U+FFFD, 3 bytes). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (
      (c & 0xfc00) === 0xd800 &&
      i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Byte k (0-based) of the `size`-byte UTF-8 form of code point c. */
function utf8Byte(c: number, size: number, k: number): number {
  if (size === 1) return c;
  const lead = size === 2 ? 0xc0 : size === 3 ? 0xe0 : 0xf0;
  if (k === 0) return lead | (c >> (6 * (size - 1)));
  return 0x80 | ((c >> (6 * (size - 1 - k))) & 0x3f);
}

/** Folds the first `limit` bytes of text[from, to)'s UTF-8 into h. */
function folded(h: number, text: string, from: number, to: number, limit: number): number {
  let taken = 0;
  for (let i = from; i < to && taken < limit; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193);
      taken++;
      continue;
    }
    if ((c & 0xfc00) === 0xd800 && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00)
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
    else if ((c & 0xf800) === 0xd800) c = 0xfffd;
    const size = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < size && taken < limit; k++, taken++)
      h = Math.imul(h ^ utf8Byte(c, size, k), 0x01000193);
  }
  return h;
}

/** digestSample of the text whose UTF-8 (valid) is bytes[start, end), without decoding it. */
export function digestSampleBytes(
  h: number,
  bytes: Uint8Array,
  start: number,
  end: number,
  count: number,
): number {
  if (end - start <= count) {
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    return Math.imul(h ^ 0x1f, 0x01000193);
  }
  const half = count >> 1;
  for (let i = start; i < start + half; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  for (let i = end - 1; i >= end - half; i--) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

export const NEW = 0;
export const SAME = 1;
export const DIFFERING = 2;
export type Occurrence = typeof NEW | typeof SAME | typeof DIFFERING;

/** An IdIndex as plain data (typed arrays): what a partial aggregate carries across a thread. */
export interface IdTable {
  size: number;
  slots: Int32Array<ArrayBuffer>;
  hi: Uint32Array<ArrayBuffer>;
  lo: Uint32Array<ArrayBuffer>;
  digests: Uint32Array<ArrayBuffer>;
}

/**
 * Entries whose slots also hold a 7-bit tag of their hash: a slot is 7 bits of `hi` over the
 * entry + 1 in 24 bits, so a probe passes an occupied slot of another id without reading that
 * entry's hash (a cache miss in a table of a million ids: ~5% of `inspect`'s CPU). Past this
 * many entries the slots hold the entry + 1 alone.
 */
export const TAGGED_ENTRIES = 0xffffff;
const TAG_MASK = 0x7f000000;

/** Ids expected beyond this are not made room for in advance (a bad estimate costs little). */
const MAX_EXPECTED = 1 << 23;

/** The tag bits of a slot for an id whose hash has `hi` (0 when the slots are not tagged). */
function tagOf(hi: number, tagMask: number): number {
  return ((hi >>> 25) << 24) & tagMask;
}

export class IdIndex {
  // Small to start with, unless told how many ids to expect: a partial aggregate may hold a few
  // rows; growing doubles.
  private slots: Int32Array<ArrayBuffer>;
  private mask: number;
  private hi: Uint32Array<ArrayBuffer>;
  private lo: Uint32Array<ArrayBuffer>;
  private digests: Uint32Array<ArrayBuffer>;
  private readonly scratch = new Uint32Array(2);
  /** The slots' tag bits and entry bits (TAGGED_ENTRIES). */
  private tagMask = TAG_MASK;
  private entryMask = ~TAG_MASK;
  /** Distinct ids seen. Entry numbers run from 0 to size - 1. */
  size = 0;
  /** What the last `add` found. */
  occurrence: Occurrence = NEW;
  /** The digest an entry held before the last `add` found it again. */
  previousDigest = 0;

  /**
   * `taggedEntries`: TAGGED_ENTRIES, smaller only in tests. `expected`: the ids expected (an
   * estimate), room made for them at once. Grown to a million ids, the index rehashes eleven
   * times, and the last rehash holds the old slots and the new at once: inspect's peak memory
   * on 1M rows was 16 MB more. Too many expected costs little: the entries' pages are not
   * touched until used.
   */
  constructor(
    private readonly taggedEntries = TAGGED_ENTRIES,
    expected = 0,
  ) {
    let entries = 1 << 9;
    while (entries < Math.min(expected, MAX_EXPECTED)) entries *= 2;
    this.slots = new Int32Array(entries * 2);
    this.mask = entries * 2 - 1;
    this.hi = new Uint32Array(entries);
    this.lo = new Uint32Array(entries);
    this.digests = new Uint32Array(entries);
  }

  /** Takes over a table's arrays (no copy): the table must not be used afterwards. */
  static adopt(table: IdTable, taggedEntries = TAGGED_ENTRIES): IdIndex {
    const index = new IdIndex(taggedEntries);
    index.slots = table.slots;
    index.mask = table.slots.length - 1;
    index.hi = table.hi;
    index.lo = table.lo;
    index.digests = table.digests;
    index.size = table.size;
    if (table.size >= taggedEntries) {
      // Its slots were untagged when it reached that size.
      index.tagMask = 0;
      index.entryMask = -1;
    }
    return index;
  }

  /** The index as plain data, sharing its arrays: the index must not be used afterwards. */
  table(): IdTable {
    return {
      size: this.size,
      slots: this.slots,
      hi: this.hi,
      lo: this.lo,
      digests: this.digests,
    };
  }

  /**
   * Records an occurrence of `id` and returns its entry number. The digest kept is the latest
   * one: the later occurrence wins, and a third copy is compared with the second.
   */
  add(id: string, rowDigest: number): number {
    hash64(id, this.scratch);
    return this.addHash(this.scratch[0]!, this.scratch[1]!, rowDigest);
  }

  /** The slot where the id text[start, end) is probed first (for `touch`). */
  slotOf(text: string, start: number, end: number): number {
    const scratch = this.scratch;
    hash64At(text, start, end, scratch);
    return this.slotOfHash(scratch[0]!, scratch[1]!);
  }

  /** slotOf for an id read as UTF-8 bytes (hash64Bytes). */
  slotOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const scratch = this.scratch;
    hash64Bytes(bytes, start, end, scratch);
    return this.slotOfHash(scratch[0]!, scratch[1]!);
  }

  /** The slot where an id known by its 64-bit hash is probed first (for `touch`). */
  slotOfHash(hi: number, lo: number): number {
    return (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
  }

  /**
   * Reads slots[0, n) (from slotOf) and returns them or'ed, so that the reads are not dropped.
   * Nothing is recorded: done for the next rows' ids before they are added, it lets their cache
   * misses overlap (a million ids' slots are 8 MiB, read at random: a miss a row, which cost
   * `inspect` a tenth of its time).
   */
  touch(slots: Int32Array, n: number): number {
    const table = this.slots;
    let or = 0;
    for (let k = 0; k < n; k++) or |= table[slots[k]!]!;
    return or;
  }

  /** `add` for an id known by its 64-bit hash (merging partial aggregates). */
  addHash(hi: number, lo: number, rowDigest: number): number {
    const tagMask = this.tagMask;
    const tag = tagOf(hi, tagMask);
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const stored = this.slots[slot]!;
      if (stored === 0) break;
      if ((stored & tagMask) === tag) {
        const entry = (stored & this.entryMask) - 1;
        if (this.hi[entry] === hi && this.lo[entry] === lo) {
          this.previousDigest = this.digests[entry]!;
          this.occurrence = this.previousDigest === rowDigest ? SAME : DIFFERING;
          this.digests[entry] = rowDigest;
          return entry;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    const entry = this.size++;
    if (entry >= this.hi.length) this.growEntries();
    this.hi[entry] = hi;
    this.lo[entry] = lo;
    this.digests[entry] = rowDigest;
    this.slots[slot] = (entry + 1) | tag;
    this.occurrence = NEW;
    const grow = this.size * 2 > this.slots.length;
    if (this.size === this.taggedEntries) this.untag(grow);
    else if (grow) this.rehash(this.slots.length * 2);
    return entry;
  }

  /** The entry of an id known by its hash, or -1; records nothing. */
  find(hi: number, lo: number): number {
    const tagMask = this.tagMask;
    const tag = tagOf(hi, tagMask);
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const stored = this.slots[slot]!;
      if (stored === 0) return -1;
      if ((stored & tagMask) === tag) {
        const entry = (stored & this.entryMask) - 1;
        if (this.hi[entry] === hi && this.lo[entry] === lo) return entry;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  hashHi(entry: number): number {
    return this.hi[entry]!;
  }
  hashLo(entry: number): number {
    return this.lo[entry]!;
  }
  digest(entry: number): number {
    return this.digests[entry]!;
  }
  setDigest(entry: number, rowDigest: number): void {
    this.digests[entry] = rowDigest;
  }

  private growEntries(): void {
    const grow = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
      const b = new Uint32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.hi = grow(this.hi);
    this.lo = grow(this.lo);
    this.digests = grow(this.digests);
  }

  /** From TAGGED_ENTRIES entries on, the slots hold the entry + 1 alone (`grow`: twice as many). */
  private untag(grow: boolean): void {
    this.tagMask = 0;
    this.entryMask = -1;
    this.rehash(this.slots.length * (grow ? 2 : 1));
  }

  private rehash(length: number): void {
    const slots = new Int32Array(length);
    const mask = slots.length - 1;
    const tagMask = this.tagMask;
    for (let entry = 0; entry < this.size; entry++) {
      const hi = this.hi[entry]!;
      let slot = (this.lo[entry]! ^ Math.imul(hi, 0x9e3779b1)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = (entry + 1) | tagOf(hi, tagMask);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A growable Uint16Array for per-entry facts (business type, unit...) kept by consumers. */
export class EntryColumn {
  private data: Uint16Array<ArrayBuffer>;
  constructor(data: Uint16Array<ArrayBuffer> = new Uint16Array(1 << 9)) {
    this.data = data;
  }
  get(entry: number): number {
    return this.data[entry]!;
  }
  set(entry: number, value: number): void {
    if (entry >= this.data.length) {
      const bigger = new Uint16Array(Math.max(this.data.length * 2, entry + 1));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[entry] = value;
  }
  /** The values as plain data, sharing the column's array (entries past the last set are 0). */
  values(): Uint16Array<ArrayBuffer> {
    return this.data;
  }
}
