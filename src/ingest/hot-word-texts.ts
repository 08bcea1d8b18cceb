/**
 * The complaint texts the hot words are counted from (metrics/hot-words.ts), kept while the
 * inputs are read: per work order its day, unit, second-level class and 受理内容 (as clauses, ready
 * for the segmenter), the later copy of a work order replacing the earlier (a later copy that is
 * no complaint, or has no text, takes it out). Only texts are kept, not their words: the period
 * is resolved after reading (the latest month by default), and segmenting every text of a year
 * to use three months of them would cost more than reading the exports. When the period is
 * known before reading, only the days that can matter are kept: the period, the span before it
 * and the same span a year earlier.
 *
 * Kept compact: 95598 texts are written from a few formulas, so 150,000 texts share a few
 * hundred or thousand clauses. Each distinct clause is one string (normalised, a copy of its
 * own rather than a slice pinning the reader's chunk) with a number; a text is a row of small
 * integers in typed arrays — day, unit, class, work order, and its clauses' numbers in one pool
 * — about 50 bytes a text rather than the objects and arrays of a few hundred.
 *
 * A mergeable partial: `observe` sees work orders in reading order, `merge` appends another
 * collector's texts as if read after this one's (the later copy wins, and a later copy that is
 * not kept takes the earlier out), and `toData`/`fromData` carry it as plain data (a worker
 * thread's structured clone, the typed arrays moved rather than copied). A worker's collector
 * numbers work orders by its byte range's own de-duplication entries; the merge maps them to the
 * data set's (merge.ts EntryMap).
 */
import type { Classification } from '../taxonomy/classify.js';
import { normalizeText, type TextTable } from '../taxonomy/normalize.js';
import { detach } from '../schema/values.js';
import { ClauseNumbers } from '../text/clauses.js';
import type { HotWordClassRef, HotWordTextSet } from '../metrics/hot-words.js';
import type { WorkOrder } from './types.js';

/** The longest text kept: 95598 texts run to a few hundred characters; past this is boilerplate. */
export const TEXT_KEPT = 500;

/** A text as the tests read it (between): its clauses as strings. */
export interface HotWordText {
  day: number;
  unit: string;
  /** The second-level class (or first, when only that is known); null: unclassified. */
  class: HotWordClassRef | null;
  /** The text as clausesOf cuts it (src/text/clauses.ts), normalised. */
  clauses: string[];
}

/**
 * A collector as plain data: the distinct clauses, units and classes, and per text kept (in
 * order) its day, unit, class (-1: none), work order (-1: no id) and clauses (`start[i]` to
 * `start[i + 1]` in `pool`).
 */
export interface HotWordTextsData {
  clauses: string[];
  units: string[];
  classes: HotWordClassRef[];
  day: Int32Array;
  unit: Int32Array;
  cls: Int32Array;
  entry: Int32Array;
  start: Int32Array;
  pool: Int32Array;
  /**
   * Entries 0 to seen - 1 were all observed (a partial's entries, numbered in order of first
   * appearance, are): those without a text here had a last copy not kept, which takes an
   * earlier collector's text of the work order out. 0: nothing is taken out.
   */
  seen: number;
}

/** Per entry of a merged collector, its entry in the collector merged into; null: the same. */
export type EntryMapping = ArrayLike<number> | null;

/**
 * The texts a collector keeps, as columns (plain data a worker thread takes): per text, in the
 * order kept, whether it is alive (not replaced by a later copy), its day, unit, class, work
 * order and the start of its clauses in `pool` (up to the next text's start).
 */
export interface HotWordTextColumns {
  units: readonly string[];
  classes: readonly HotWordClassRef[];
  alive: Uint8Array;
  day: Int32Array;
  unit: Int32Array;
  cls: Int32Array;
  entry: Int32Array;
  start: Int32Array;
  pool: Int32Array;
}

/**
 * The living texts of the days from `from` to `to` (inclusive) as the hot words count them:
 * those of work orders with an id first, then those without, each in the order kept.
 */
export function spanOf(
  c: HotWordTextColumns,
  from: number,
  to: number,
): Omit<HotWordTextSet, 'terms'> {
  const { alive, day, entry, start, pool } = c;
  const n = day.length;
  const end = (s: number) => (s + 1 < n ? start[s + 1]! : pool.length);
  let count = 0;
  let pieces = 0;
  for (let s = 0; s < n; s++)
    if (alive[s] && day[s]! >= from && day[s]! <= to) {
      count++;
      pieces += end(s) - start[s]!;
    }
  const set = {
    units: c.units,
    classes: c.classes,
    unit: new Int32Array(count),
    cls: new Int32Array(count),
    start: new Int32Array(count + 1),
    pieces: new Int32Array(pieces),
  };
  let i = 0;
  let at = 0;
  for (const withId of [true, false])
    for (let s = 0; s < n; s++) {
      if (!alive[s] || entry[s]! >= 0 !== withId || day[s]! < from || day[s]! > to) continue;
      set.unit[i] = c.unit[s]!;
      set.cls[i] = c.cls[s]!;
      set.start[i++] = at;
      // A text has a few clauses: copied one by one, not through a subarray made per text.
      for (let p = start[s]!, b = end(s); p < b; p++) set.pieces[at++] = pool[p]!;
    }
  set.start[count] = at;
  return set;
}

/** A growable column of 32-bit integers. */
class Column {
  a: Int32Array;
  n = 0;
  constructor(size = 1024) {
    this.a = new Int32Array(size);
  }
  push(v: number): void {
    if (this.n === this.a.length) this.grow(this.n + 1);
    this.a[this.n++] = v;
  }
  grow(at: number): void {
    let size = Math.max(1024, this.a.length * 2);
    while (size < at) size *= 2;
    this.resize(size);
  }
  /** Room for `size` values, exactly (not less than those held). */
  resize(size: number): void {
    const a = new Int32Array(Math.max(size, this.n));
    a.set(this.a.subarray(0, this.n));
    this.a = a;
  }
}

/** Strings numbered in order of first appearance. */
class Numbered<T> {
  readonly list: T[] = [];
  private readonly ids = new Map<string, number>();
  id(key: string, value: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.list.push(value()) - 1));
    return id;
  }
}

export class HotWordTexts {
  /** Each distinct clause as normalised, once. */
  private readonly clauses = new Numbered<string>();
  /** The clauses as written (clausesOf), numbered as read. */
  private readonly written = new ClauseNumbers();
  /** Per clause as written, its number normalised (-1: not yet known); several may share one. */
  private normalOf = new Int32Array(0);
  private readonly units = new Numbered<string>();
  private readonly classes = new Numbered<HotWordClassRef>();
  // The texts, in the order kept; a text replaced by a later copy is marked dead.
  private readonly day = new Column();
  private readonly unit = new Column();
  private readonly cls = new Column();
  private readonly entry = new Column();
  private readonly start = new Column();
  private readonly pool = new Column(8192);
  private alive = new Uint8Array(1024);
  private living = 0;
  /** Per entry, its text's index plus one (0: none). */
  private slotOf = new Int32Array(1024);
  /** The highest entry observed, plus one. */
  private seen = 0;

  constructor(
    /** The days to keep, when the period is known before reading; null: all. */
    readonly within: { from: number; to: number } | null = null,
    /** The taxonomy's text table (typos, dialect): 電費 and 电废 count as 电费. */
    private readonly table: TextTable | null = null,
  ) {}

  /** An OrderObserver (pipeline.ts): every usable row, `c` null for other business types. */
  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
    if (entry >= this.seen) this.seen = entry + 1;
    const text = c === null ? null : order.content?.trim() || null;
    const day = order.acceptedAt.dayIndex;
    const kept =
      text !== null && (!this.within || (day >= this.within.from && day <= this.within.to));
    if (!kept) {
      if (entry >= 0) this.remove(entry);
      return;
    }
    const node = c!.level2 ?? c!.level1;
    const before = this.pool.n;
    this.written.each(text.length > TEXT_KEPT ? text.slice(0, TEXT_KEPT) : text, this.push);
    this.add(
      entry,
      day,
      this.units.id(order.unit, () => detach(order.unit)),
      node ? this.classId(node) : -1,
      this.pool.n - before,
    );
  };

  /** Adds a clause, by its number as written, to the pool as its number normalised. */
  private readonly push = (written: number): void => {
    let id = written < this.normalOf.length ? this.normalOf[written]! : -1;
    if (id < 0) id = this.normalise(written);
    this.pool.push(id);
  };

  private classId(node: HotWordClassRef): number {
    return this.classes.id(node.code, () => ({
      code: node.code,
      name: node.name,
      nameEn: node.nameEn,
    }));
  }

  /** A clause's number, normalised as the classifier reads it (繁體, typos, dialect → standard). */
  private normalise(written: number): number {
    const normal = detach(normalizeText(this.written.list[written]!, this.table));
    const id = this.clauses.id(normal, () => normal);
    if (written >= this.normalOf.length) {
      const grown = new Int32Array(Math.max(256, written * 2)).fill(-1);
      grown.set(this.normalOf);
      this.normalOf = grown;
    }
    this.normalOf[written] = id;
    return id;
  }

  /** Takes the text of `entry` out, if it has one. */
  private remove(entry: number): void {
    if (entry >= this.slotOf.length) return;
    const slot = this.slotOf[entry]! - 1;
    if (slot < 0) return;
    this.alive[slot] = 0;
    this.living--;
    this.slotOf[entry] = 0;
  }

  /** Appends a text whose `pieces` clauses were just pushed to the pool. */
  private add(entry: number, day: number, unit: number, cls: number, pieces: number): void {
    const slot = this.day.n;
    if (entry >= 0) {
      // Re-added: the latest copy is also the last in order, as a merge would place it.
      this.remove(entry);
      if (entry >= this.slotOf.length) {
        let size = this.slotOf.length * 2;
        while (size <= entry) size *= 2;
        const grown = new Int32Array(size);
        grown.set(this.slotOf);
        this.slotOf = grown;
      }
      this.slotOf[entry] = slot + 1;
    }
    if (slot === this.alive.length) {
      const grown = new Uint8Array(Math.max(1024, slot * 2));
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[slot] = 1;
    this.living++;
    this.day.push(day);
    this.unit.push(unit);
    this.cls.push(cls);
    this.entry.push(entry);
    this.start.push(this.pool.n - pieces);
  }

  /**
   * Takes `other`'s texts as read after this collector's: its copy of a work order wins, and
   * one it observed but did not keep is taken out. `entries` maps its entries to this
   * collector's (a byte range's partial merged into the data set); null: they are the same.
   */
  merge(other: HotWordTexts | HotWordTextsData, entries: EntryMapping = null): this {
    const data = other instanceof HotWordTexts ? other.toData() : other;
    const clauses = data.clauses.map((c) => this.clauses.id(c, () => c));
    const units = data.units.map((u) => this.units.id(u, () => u));
    const classes = data.classes.map((c) => this.classId(c));
    const to = entries ? (e: number) => entries[e]! : (e: number) => e;
    if (data.seen > 0) {
      const kept = new Uint8Array(data.seen);
      for (const e of data.entry) if (e >= 0) kept[e] = 1;
      for (let e = 0; e < data.seen; e++) if (!kept[e]) this.remove(to(e));
    }
    // Room for all at once, exactly: grown by doubling, the data set's columns held up to
    // twice their texts (on a million texts, 10 MiB of the clauses' pool unused).
    this.reserve(this.day.n + data.day.length, this.pool.n + data.pool.length);
    for (let i = 0; i < data.day.length; i++) {
      const from = data.start[i]!;
      const end = i + 1 < data.day.length ? data.start[i + 1]! : data.pool.length;
      for (let p = from; p < end; p++) this.pool.push(clauses[data.pool[p]!]!);
      const e = data.entry[i]!;
      const c = data.cls[i]!;
      this.add(
        e < 0 ? -1 : to(e),
        data.day[i]!,
        units[data.unit[i]!]!,
        c < 0 ? -1 : classes[c]!,
        end - from,
      );
    }
    return this;
  }

  /** Columns with room for `texts` texts and `pieces` clauses, where they have less. */
  private reserve(texts: number, pieces: number): void {
    for (const column of [this.day, this.unit, this.cls, this.entry, this.start])
      if (column.a.length < texts) column.resize(texts);
    if (this.pool.a.length < pieces) this.pool.resize(pieces);
    if (this.alive.length < texts) {
      const grown = new Uint8Array(texts);
      grown.set(this.alive);
      this.alive = grown;
    }
  }

  /**
   * Once every text is kept: the columns cut to their length (grown by doubling while
   * reading, they held up to twice that through the analysis).
   */
  trim(): void {
    for (const column of [this.day, this.unit, this.cls, this.entry, this.start, this.pool])
      if (column.a.length > column.n) column.resize(column.n);
    const n = this.day.n;
    if (this.alive.length > n) this.alive = this.alive.slice(0, n);
  }

  /** The texts kept, in order: those of work orders with an id, then those without. */
  private *slots(from: number, to: number): Generator<number> {
    const { alive } = this;
    const day = this.day.a;
    const entry = this.entry.a;
    for (const withId of [true, false])
      for (let s = 0; s < this.day.n; s++)
        if (alive[s] && entry[s]! >= 0 === withId && day[s]! >= from && day[s]! <= to) yield s;
  }

  private piecesOf(s: number): [number, number] {
    return [this.start.a[s]!, s + 1 < this.day.n ? this.start.a[s + 1]! : this.pool.n];
  }

  /** The texts of the days from `from` to `to` (day indexes, inclusive), as objects. */
  between(from: number, to: number): HotWordText[] {
    const out: HotWordText[] = [];
    for (const s of this.slots(from, to)) {
      const [a, b] = this.piecesOf(s);
      const c = this.cls.a[s]!;
      out.push({
        day: this.day.a[s]!,
        unit: this.units.list[this.unit.a[s]!]!,
        class: c < 0 ? null : this.classes.list[c]!,
        clauses: [...this.pool.a.subarray(a, b)].map((id) => this.clauses.list[id]!),
      });
    }
    return out;
  }

  /**
   * The texts of the days from `from` to `to` as the hot words count them: their pieces are the
   * collector's clause numbers, whose terms (`terms`, by clause number) the caller gives.
   */
  span(from: number, to: number): Omit<HotWordTextSet, 'terms'> {
    return spanOf(this.columns(false), from, to);
  }

  /** The texts kept as columns; `copy`: of their own (to go to a worker), else views. */
  columns(copy: boolean): HotWordTextColumns {
    const n = this.day.n;
    const take = <T extends Int32Array | Uint8Array>(a: T, length: number) =>
      (copy ? a.slice(0, length) : a.subarray(0, length)) as T;
    return {
      units: this.units.list,
      classes: this.classes.list,
      alive: take(this.alive, n),
      day: take(this.day.a, n),
      unit: take(this.unit.a, n),
      cls: take(this.cls.a, n),
      entry: take(this.entry.a, n),
      start: take(this.start.a, n),
      pool: take(this.pool.a, this.pool.n),
    };
  }

  /** Every distinct clause, by number (the pieces of `span`). */
  get clauseList(): readonly string[] {
    return this.clauses.list;
  }

  /** The distinct units written, by number. */
  get unitList(): readonly string[] {
    return this.units.list;
  }

  get size(): number {
    return this.living;
  }

  toData(): HotWordTextsData {
    const n = this.living;
    const slots = [...this.slots(-Infinity, Infinity)];
    const data: HotWordTextsData = {
      clauses: [...this.clauses.list],
      units: [...this.units.list],
      classes: [...this.classes.list],
      day: new Int32Array(n),
      unit: new Int32Array(n),
      cls: new Int32Array(n),
      entry: new Int32Array(n),
      start: new Int32Array(n),
      pool: new Int32Array(0),
      seen: this.seen,
    };
    const pool = new Column(Math.max(1024, this.pool.n));
    slots.forEach((s, i) => {
      data.day[i] = this.day.a[s]!;
      data.unit[i] = this.unit.a[s]!;
      data.cls[i] = this.cls.a[s]!;
      data.entry[i] = this.entry.a[s]!;
      data.start[i] = pool.n;
      const [a, b] = this.piecesOf(s);
      for (let p = a; p < b; p++) pool.push(this.pool.a[p]!);
    });
    data.pool = pool.a.slice(0, pool.n);
    return data;
  }

  static fromData(data: HotWordTextsData): HotWordTexts {
    return new HotWordTexts().merge(data);
  }
}
