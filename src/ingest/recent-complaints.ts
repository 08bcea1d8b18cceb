/**
 * The complaints the early warning reads one by one (metrics/warn/warnings.ts): times, places,
 * customers, closing — for the period and the repeat window before it, kept as the reader sees
 * them, the later copy of a work order replacing the earlier. When the period is not known
 * before reading (the latest complete month), only the last `keepDays` days before the latest
 * acceptance seen are kept: the period ends by that day, so nothing older can matter (and
 * `orders` leaves out what is older than that when it is asked, whenever the last pruning was).
 *
 * Kept as columns, not objects: with `--year` every complaint of the year is kept (the month
 * judged is known only once the inputs are read), and an export of complaints alone held 430
 * bytes a complaint as objects with their strings (a 1M-row export's report peaked at 0.9 GB).
 * A complaint is a slot of a block: its times in a Float64Array, its day, unit, class, input,
 * entry, row and flags in an Int32Array (unit and class names numbered once per collector),
 * its id, customer, address and text in the block's byte buffer (one byte a character when
 * every character fits one, else UTF-16). A block is plain data moved between threads without
 * a copy; the merge takes a worker's blocks as they are, renumbering their names and entries.
 * The warning's WarnOrder objects are made only for the days it judges (`orders`).
 *
 * A mergeable range partial, as the hot words' texts are (hot-word-texts.ts): a worker collects
 * a CSV byte range's complaints by the range's own entries (`job`, `fromJob`, `toData`); the
 * main thread merges the ranges in range order (`merge`) with the entries they have in the data
 * set (merge.ts EntryMap): the later copy wins, and a later copy not kept takes the earlier out.
 */
import type { Classification } from '../taxonomy/classify.js';
import type { WarnOrder } from '../metrics/warn/warnings.js';
import type { WorkOrder } from './types.js';

/** The longest complaint text kept: enough for the place words of an event. */
const TEXT_KEPT = 300;

/** Kept beyond this many complaints, the old ones are pruned when a later day comes. */
const PRUNE_ABOVE = 50_000;

/** Slots a block holds at most; a slot's number in the collector is block * BLOCK + slot. */
const BLOCK_BITS = 13;
const BLOCK = 1 << BLOCK_BITS;

// The columns of a block: `times` (minutes; NaN: none) and `ints`, each column `cap` long.
const AT = 0;
const CLOSED = 1;
const REPLIED = 2;
const TIMES = 3;
const DAY = 0;
const UNIT = 1;
/** The class's name number; -1: unclassified. */
const CLASS = 2;
const INPUT = 3;
/** The work order's entry; -1: no id (the complaint is named by input and row). */
const ENTRY = 4;
const ROW = 5;
/** Where the slot's strings start in `bytes` (they end where the next slot's start). */
const STR = 6;
const FLAGS = 7;
const INTS = 8;
const ALIVE = 1;
const ESCALATED = 2;

/**
 * Complaints in columns (plain data, moved to the main thread whole). Slots in the order kept;
 * a slot whose work order was replaced by a later copy is no longer ALIVE. Strings in `bytes`,
 * per slot id, customer, address, text, each a varint header (0: null, else length × 2 + wide
 * + 1) and its characters.
 */
export interface ComplaintBlock {
  n: number;
  cap: number;
  times: Float64Array;
  ints: Int32Array;
  bytes: Uint8Array;
  used: number;
}

/** What a worker needs to collect a byte range's recent complaints (plain data). */
export interface RecentComplaintsJob {
  within: { from: number; to: number } | null;
  keepDays: number;
  pruneAbove: number;
}

/** A collector as plain data: its blocks, and the unit and class names they number. */
export interface RecentComplaintsData {
  names: string[];
  blocks: ComplaintBlock[];
  /** Entries 0 to seen - 1 were all observed: one not kept here takes an earlier copy out. */
  seen: number;
  latestDay: number;
  dataEnd: number;
}

/**
 * A range's complaints without an id are named by input and row ("0:448"), the row counted from
 * the range's start in a worker: once the lines before the range are known, numbered from the
 * file's (parallel/read.ts shiftRows), so that two threads name them as one does.
 */
export function shiftRowNames(data: RecentComplaintsData, lines: number): void {
  for (const b of data.blocks)
    for (let s = 0; s < b.n; s++)
      if (b.ints[ENTRY * b.cap + s]! < 0) b.ints[ROW * b.cap + s]! += lines;
}

function newBlock(): ComplaintBlock {
  return {
    n: 0,
    cap: BLOCK,
    times: new Float64Array(TIMES * BLOCK),
    ints: new Int32Array(INTS * BLOCK),
    bytes: new Uint8Array(1 << 18),
    used: 0,
  };
}

/** The block cut to its slots and bytes: a full-sized block's room is not carried. */
function trimmed(b: ComplaintBlock, keep: (s: number) => boolean = () => true): ComplaintBlock {
  const slots: number[] = [];
  let bytes = 0;
  for (let s = 0; s < b.n; s++)
    if (keep(s)) {
      slots.push(s);
      bytes += strEnd(b, s) - b.ints[STR * b.cap + s]!;
    }
  const n = slots.length;
  const out: ComplaintBlock = {
    n,
    cap: n,
    times: new Float64Array(TIMES * n),
    ints: new Int32Array(INTS * n),
    bytes: new Uint8Array(bytes),
    used: 0,
  };
  slots.forEach((s, i) => {
    for (let c = 0; c < TIMES; c++) out.times[c * n + i] = b.times[c * b.cap + s]!;
    for (let c = 0; c < INTS; c++) out.ints[c * n + i] = b.ints[c * b.cap + s]!;
    const from = b.ints[STR * b.cap + s]!;
    const to = strEnd(b, s);
    out.ints[STR * n + i] = out.used;
    out.bytes.set(b.bytes.subarray(from, to), out.used);
    out.used += to - from;
  });
  return out;
}

function strEnd(b: ComplaintBlock, s: number): number {
  return s + 1 < b.n ? b.ints[STR * b.cap + s + 1]! : b.used;
}

/** Has a character that does not fit one byte. */
const WIDE = /[\u0100-\uffff]/;

/** The bytes of a block as a Buffer (to write and read strings), made once per buffer. */
const views = new WeakMap<Uint8Array, Buffer>();
function viewOf(bytes: Uint8Array): Buffer {
  let view = views.get(bytes);
  if (!view) views.set(bytes, (view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)));
  return view;
}

/** Appends a string (null: none) to the block's bytes. */
function putString(b: ComplaintBlock, text: string | null): void {
  const wide = text !== null && WIDE.test(text);
  const size = text === null ? 0 : text.length * (wide ? 2 : 1);
  if (b.used + size + 5 > b.bytes.length) {
    let length = b.bytes.length * 2;
    while (length < b.used + size + 5) length *= 2;
    const grown = new Uint8Array(length);
    grown.set(b.bytes.subarray(0, b.used));
    b.bytes = grown;
  }
  let header = text === null ? 0 : text.length * 2 + (wide ? 1 : 0) + 1;
  while (header >= 0x80) {
    b.bytes[b.used++] = (header & 0x7f) | 0x80;
    header = Math.floor(header / 0x80);
  }
  b.bytes[b.used++] = header;
  if (text === null) return;
  viewOf(b.bytes).write(text, b.used, size, wide ? 'utf16le' : 'latin1');
  b.used += size;
}

/** Reads a block's strings in the order written. */
class StringReader {
  private readonly buffer: Buffer;
  at: number;
  constructor(b: ComplaintBlock, s: number) {
    this.buffer = viewOf(b.bytes);
    this.at = b.ints[STR * b.cap + s]!;
  }
  next(): string | null {
    let header = 0;
    let scale = 1;
    for (;;) {
      const byte = this.buffer[this.at++]!;
      header += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
    }
    if (header === 0) return null;
    const wide = (header - 1) % 2 === 1;
    const size = ((header - 1 - (wide ? 1 : 0)) / 2) * (wide ? 2 : 1);
    const text = this.buffer.toString(wide ? 'utf16le' : 'latin1', this.at, this.at + size);
    this.at += size;
    return text;
  }
}

const minutes = (t: { ms: number } | null) => (t === null ? NaN : Math.floor(t.ms / 60_000));
const orNull = (n: number) => (Number.isNaN(n) ? null : n);

export class RecentComplaints {
  /** The blocks in the order kept; null: pruned whole. The last is the one written to. */
  private blocks: (ComplaintBlock | null)[] = [];
  /** Whether the last block is still written to (not yet trimmed). */
  private open = false;
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  /** Per entry, its slot's number plus one (0: none kept). */
  private slotOf = new Int32Array(1024);
  private living = 0;
  private latestDay = -Infinity;
  /** The latest acceptance time seen (minutes), the "as of" of open work orders. */
  dataEnd = -Infinity;
  /** The highest entry observed, plus one. */
  private seen = 0;

  constructor(
    /** Day indexes to keep, when the period is known before reading. */
    private readonly within: { from: number; to: number } | null,
    private readonly keepDays: number,
    /** Kept beyond this many complaints, the old ones are pruned when a later day comes. */
    private readonly pruneAbove = PRUNE_ABOVE,
  ) {}

  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
    const minute = Math.floor(order.acceptedAt.ms / 60_000);
    if (minute > this.dataEnd) this.dataEnd = minute;
    if (entry >= this.seen) this.seen = entry + 1;
    if (entry >= 0) this.remove(entry);
    if (!c) return;
    const day = order.acceptedAt.dayIndex;
    if (this.within && (day < this.within.from || day > this.within.to)) return;
    const b = this.writable();
    const s = b.n++;
    const cap = b.cap;
    b.times[AT * cap + s] = minute;
    b.times[CLOSED * cap + s] = minutes(order.closedAt);
    b.times[REPLIED * cap + s] = minutes(order.repliedAt);
    const ints = b.ints;
    ints[DAY * cap + s] = day;
    ints[UNIT * cap + s] = this.nameId(order.unit);
    const className = c.level2?.name ?? c.level1?.name ?? null;
    ints[CLASS * cap + s] = className === null ? -1 : this.nameId(className);
    ints[INPUT * cap + s] = order.input;
    ints[ENTRY * cap + s] = entry;
    ints[ROW * cap + s] = order.id === null ? order.row : 0;
    ints[FLAGS * cap + s] = ALIVE | (order.escalated === true ? ESCALATED : 0);
    ints[STR * cap + s] = b.used;
    putString(b, order.id);
    putString(b, order.customerId ?? order.phone);
    putString(b, order.address === null ? null : order.address.slice(0, TEXT_KEPT));
    putString(b, order.content === null ? null : order.content.slice(0, TEXT_KEPT));
    this.living++;
    if (entry >= 0) this.setSlot(entry, ((this.blocks.length - 1) << BLOCK_BITS) | s);
    if (!this.within && day > this.latestDay) {
      this.latestDay = day;
      if (this.living > this.pruneAbove) this.prune();
    }
  };

  private nameId(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      // A copy: a name cut from the reader's text would keep that whole chunk alive.
      const own = Buffer.from(name, 'utf16le').toString('utf16le');
      this.nameIds.set(own, (id = this.names.push(own) - 1));
    }
    return id;
  }

  /** The block to append a slot to. */
  private writable(): ComplaintBlock {
    const last = this.blocks[this.blocks.length - 1];
    if (this.open && last && last.n < BLOCK) return last;
    this.seal();
    const b = newBlock();
    this.blocks.push(b);
    this.open = true;
    return b;
  }

  /** Trims the block written to: the next slot goes to a new one. */
  private seal(): void {
    if (!this.open) return;
    this.open = false;
    const at = this.blocks.length - 1;
    this.blocks[at] = trimmed(this.blocks[at]!);
  }

  private setSlot(entry: number, slot: number): void {
    if (entry >= this.slotOf.length) {
      let size = this.slotOf.length * 2;
      while (size <= entry) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.slotOf);
      this.slotOf = grown;
    }
    this.slotOf[entry] = slot + 1;
  }

  /** Takes the complaint of `entry` out, if one is kept. */
  private remove(entry: number): void {
    if (entry >= this.slotOf.length) return;
    const slot = this.slotOf[entry]! - 1;
    if (slot < 0) return;
    const b = this.blocks[slot >>> BLOCK_BITS]!;
    b.ints[FLAGS * b.cap + (slot & (BLOCK - 1))]! &= ~ALIVE;
    this.living--;
    this.slotOf[entry] = 0;
  }

  /**
   * Takes out what is older than keepDays before the latest day; a block left empty is let go,
   * one left under half full is cut to its living slots.
   */
  private prune(): void {
    const oldest = this.latestDay - this.keepDays;
    const last = this.blocks.length - 1;
    this.blocks.forEach((b, k) => {
      if (!b) return;
      let live = 0;
      for (let s = 0; s < b.n; s++) {
        const flags = FLAGS * b.cap + s;
        if (!(b.ints[flags]! & ALIVE)) continue;
        if (b.ints[DAY * b.cap + s]! >= oldest) {
          live++;
          continue;
        }
        b.ints[flags]! &= ~ALIVE;
        this.living--;
        const entry = b.ints[ENTRY * b.cap + s]!;
        if (entry >= 0) this.slotOf[entry] = 0;
      }
      if (k === last && this.open) return;
      if (live === 0) this.blocks[k] = null;
      else if (live * 2 < b.n) this.compact(k);
    });
  }

  /** Cuts block `k` to its living slots, their order kept. */
  private compact(k: number): void {
    const b = this.blocks[k]!;
    const cut = trimmed(b, (s) => (b.ints[FLAGS * b.cap + s]! & ALIVE) !== 0);
    this.blocks[k] = cut;
    for (let s = 0; s < cut.n; s++) {
      const entry = cut.ints[ENTRY * cut.n + s]!;
      if (entry >= 0) this.slotOf[entry] = ((k << BLOCK_BITS) | s) + 1;
    }
  }

  /** The living slots, in order: those of work orders with an id, then those without. */
  private *slots(from: number, to: number): Generator<[ComplaintBlock, number]> {
    for (const withId of [true, false])
      for (const b of this.blocks) {
        if (!b) continue;
        const { ints, cap } = b;
        for (let s = 0; s < b.n; s++) {
          const day = ints[DAY * cap + s]!;
          if (
            ints[FLAGS * cap + s]! & ALIVE &&
            ints[ENTRY * cap + s]! >= 0 === withId &&
            day >= from &&
            day <= to
          )
            yield [b, s];
        }
      }
  }

  /**
   * The complaints kept of the days from `from` to `to` (inclusive), in the order of their last
   * copies (those without an id last), as the warning reads them.
   */
  orders(from = -Infinity, to = Infinity): WarnOrder[] {
    if (!this.within) this.prune();
    const out: WarnOrder[] = [];
    for (const [b, s] of this.slots(from, to)) {
      const { ints, times, cap } = b;
      const strings = new StringReader(b, s);
      const input = ints[INPUT * cap + s]!;
      const id = strings.next() ?? `${input}:${ints[ROW * cap + s]!}`;
      const customer = strings.next();
      const address = strings.next();
      const text = strings.next();
      const cls = ints[CLASS * cap + s]!;
      out.push({
        id,
        input,
        unit: this.names[ints[UNIT * cap + s]!]!,
        at: times[AT * cap + s]!,
        day: ints[DAY * cap + s]!,
        className: cls < 0 ? null : this.names[cls]!,
        address,
        text,
        customer,
        escalated: (ints[FLAGS * cap + s]! & ESCALATED) !== 0,
        closedAt: orNull(times[CLOSED * cap + s]!),
        repliedAt: orNull(times[REPLIED * cap + s]!),
      });
    }
    return out;
  }

  /** The units of every complaint kept (of any day), each once. */
  units(): string[] {
    if (!this.within) this.prune();
    const ids = new Set<number>();
    for (const b of this.blocks) {
      if (!b) continue;
      for (let s = 0; s < b.n; s++)
        if (b.ints[FLAGS * b.cap + s]! & ALIVE) ids.add(b.ints[UNIT * b.cap + s]!);
    }
    return [...ids].map((id) => this.names[id]!);
  }

  /** What a worker needs to collect as this collector does. */
  job(): RecentComplaintsJob {
    return { within: this.within, keepDays: this.keepDays, pruneAbove: this.pruneAbove };
  }

  static fromJob(job: RecentComplaintsJob): RecentComplaints {
    return new RecentComplaints(job.within, job.keepDays, job.pruneAbove);
  }

  /** The collector as plain data; its blocks then belong to the data (a worker's, moved). */
  toData(): RecentComplaintsData {
    this.seal();
    return {
      names: [...this.names],
      blocks: this.blocks.filter((b): b is ComplaintBlock => b !== null),
      seen: this.seen,
      latestDay: this.latestDay,
      dataEnd: this.dataEnd,
    };
  }

  /**
   * Takes another collector's complaints as read after this one's: its copy of a work order
   * wins, and one it observed but did not keep is taken out. `entries` maps its entries to this
   * collector's (a byte range's partial merged into the data set); null: they are the same.
   * Its blocks become this collector's, their names and entries renumbered in place.
   */
  merge(data: RecentComplaintsData, entries: ArrayLike<number> | null = null): this {
    const to = entries ? (e: number) => entries[e]! : (e: number) => e;
    if (data.dataEnd > this.dataEnd) this.dataEnd = data.dataEnd;
    const names = data.names.map((n) => this.nameId(n));
    const kept = new Uint8Array(data.seen);
    for (const b of data.blocks)
      for (let s = 0; s < b.n; s++) {
        const entry = b.ints[ENTRY * b.cap + s]!;
        if (entry >= 0 && b.ints[FLAGS * b.cap + s]! & ALIVE) kept[entry] = 1;
      }
    for (let e = 0; e < data.seen; e++) if (!kept[e]) this.remove(to(e));
    this.seal();
    for (const b of data.blocks) {
      const k = this.blocks.push(b) - 1;
      const { ints, cap } = b;
      for (let s = 0; s < b.n; s++) {
        if (!(ints[FLAGS * cap + s]! & ALIVE)) continue;
        ints[UNIT * cap + s] = names[ints[UNIT * cap + s]!]!;
        const cls = ints[CLASS * cap + s]!;
        if (cls >= 0) ints[CLASS * cap + s] = names[cls]!;
        this.living++;
        const local = ints[ENTRY * cap + s]!;
        if (local < 0) continue;
        // The latest copy is also the last in order, as on one thread.
        const entry = to(local);
        ints[ENTRY * cap + s] = entry;
        this.remove(entry);
        this.setSlot(entry, (k << BLOCK_BITS) | s);
      }
    }
    if (!this.within && data.latestDay > this.latestDay) {
      this.latestDay = data.latestDay;
      if (this.living > this.pruneAbove) this.prune();
    }
    return this;
  }
}
