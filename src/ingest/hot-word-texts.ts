/**
 * The complaint texts the hot words are counted from (metrics/hot-words.ts), kept while the
 * inputs are read: per work order its day, unit, second-level class and 受理内容 (as clauses, ready
 * for the segmenter), the later copy
 * of a work order replacing the earlier (a later copy that is no complaint, or has no text, takes
 * it out). Only texts are kept, not their words: the period is resolved after reading (the
 * latest month by default), and segmenting every text of a year to use three months of them
 * would cost more than reading the exports; keeping 150,000 complaint texts costs tens of MiB.
 * When the period is known before reading, only the days that can matter are kept: the period,
 * the span before it and the same span a year earlier.
 *
 * A mergeable partial: `observe` sees work orders in reading order, `merge` appends another
 * collector's texts as if read after this one's (the later copy wins, and a later copy that is
 * not kept takes the earlier out), and `toData`/`fromData` carry it as plain data (a worker
 * thread's structured clone, or JSON). A worker's collector numbers work orders by its byte
 * range's own de-duplication entries; the merge maps them to the data set's (merge.ts EntryMap).
 */
import type { Classification } from '../taxonomy/classify.js';
import { normalizeText, type TextTable } from '../taxonomy/normalize.js';
import { clausesOf } from '../text/clauses.js';
import type { WorkOrder } from './types.js';

/** The longest text kept: 95598 texts run to a few hundred characters; past this is boilerplate. */
export const TEXT_KEPT = 500;

export interface HotWordText {
  day: number;
  unit: string;
  /** The second-level class (or first, when only that is known); null: unclassified. */
  class: { code: string; name: string; nameEn: string } | null;
  /** The text as clausesOf cuts it (src/text/clauses.ts), each clause string shared. */
  clauses: string[];
}

/** A text as plain data: its clauses as indexes into the data's clause list. */
export type HotWordTextData = Omit<HotWordText, 'clauses'> & { clauses: number[] };

/**
 * A collector as plain data: texts of work orders with an id (by entry), then those without.
 * Each distinct clause is written once (`clauses`): a structured clone copies every string it
 * meets, and a range's 250,000 texts share a few thousand clauses.
 */
export interface HotWordTextsData {
  clauses: string[];
  entries: number[];
  byEntry: HotWordTextData[];
  withoutId: HotWordTextData[];
  /**
   * Entries 0 to seen - 1 were all observed (a partial's entries, numbered in order of first
   * appearance, are): those not in `entries` had a last copy not kept, which takes an earlier
   * collector's text of the work order out. 0: nothing is taken out.
   */
  seen: number;
}

/** Per entry of a merged collector, its entry in the collector merged into; null: the same. */
export type EntryMapping = ArrayLike<number> | null;

export class HotWordTexts {
  private readonly byEntry = new Map<number, HotWordText>();
  private readonly withoutId: HotWordText[] = [];
  /**
   * Every clause once: 95598 texts are written from a few formulas, so 150,000 texts share a few
   * thousand clauses. A text read is also a slice of the reader's chunk, which keeping it whole
   * would keep (V8's sliced strings): its clauses are strings of their own.
   */
  private readonly interned = new Map<string, string>();

  /** `within`: the days to keep, when the period is known before reading; null: all. */
  /** The highest entry observed, plus one. */
  private seen = 0;

  constructor(
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
      if (entry >= 0) this.byEntry.delete(entry);
      return;
    }
    const node = c!.level2 ?? c!.level1;
    this.put(entry, {
      day,
      unit: order.unit,
      class: node ? this.classOf(node) : null,
      clauses: this.intern(clausesOf(text.length > TEXT_KEPT ? text.slice(0, TEXT_KEPT) : text)),
    });
  };

  /** One object a class, shared by its texts. */
  private readonly classes = new Map<string, NonNullable<HotWordText['class']>>();

  private classOf(node: { code: string; name: string; nameEn: string }): HotWordText['class'] {
    let known = this.classes.get(node.code);
    if (!known)
      this.classes.set(
        node.code,
        (known = { code: node.code, name: node.name, nameEn: node.nameEn }),
      );
    return known;
  }

  /** Each clause once, normalised as the classifier reads it (繁體, typos, dialect → standard). */
  private intern(clauses: string[]): string[] {
    return clauses.map((c) => {
      const known = this.interned.get(c);
      if (known !== undefined) return known;
      const normal = normalizeText(c, this.table);
      this.interned.set(c, normal);
      return normal;
    });
  }

  private put(entry: number, t: HotWordText): void {
    if (entry < 0) this.withoutId.push(t);
    else {
      // Re-inserted: the latest copy is also the last in order, as a merge would place it.
      this.byEntry.delete(entry);
      this.byEntry.set(entry, t);
    }
  }

  /** Clauses already normalised (merged in), each string once. */
  private readonly shared = new Map<string, string>();

  /** The merged data's clauses as this collector's own strings (already normalised). */
  private ownClauses(list: readonly string[]): string[] {
    return list.map((c) => {
      const known = this.shared.get(c);
      if (known !== undefined) return known;
      this.shared.set(c, c);
      return c;
    });
  }

  /**
   * Takes `other`'s texts as read after this collector's: its copy of a work order wins, and
   * one it observed but did not keep is taken out. `entries` maps its entries to this
   * collector's (a byte range's partial merged into the data set); null: they are the same.
   */
  merge(other: HotWordTexts | HotWordTextsData, entries: EntryMapping = null): this {
    const data = other instanceof HotWordTexts ? other.toData() : other;
    const clauses = this.ownClauses(data.clauses);
    const own = (t: HotWordTextData): HotWordText => ({
      ...t,
      clauses: t.clauses.map((i) => clauses[i]!),
      class: t.class && this.classOf(t.class),
    });
    const to = entries ? (e: number) => entries[e]! : (e: number) => e;
    if (data.seen > 0) {
      const kept = new Set(data.entries);
      for (let e = 0; e < data.seen; e++) if (!kept.has(e)) this.byEntry.delete(to(e));
    }
    data.entries.forEach((entry, i) => this.put(to(entry), own(data.byEntry[i]!)));
    for (const t of data.withoutId) this.withoutId.push(own(t));
    return this;
  }

  /** The texts of the days from `from` to `to` (day indexes, inclusive). */
  between(from: number, to: number): HotWordText[] {
    const out: HotWordText[] = [];
    for (const t of this.byEntry.values()) if (t.day >= from && t.day <= to) out.push(t);
    for (const t of this.withoutId) if (t.day >= from && t.day <= to) out.push(t);
    return out;
  }

  get size(): number {
    return this.byEntry.size + this.withoutId.length;
  }

  toData(): HotWordTextsData {
    const clauses: string[] = [];
    const index = new Map<string, number>();
    const data = (t: HotWordText): HotWordTextData => ({
      ...t,
      clauses: t.clauses.map((c) => {
        let i = index.get(c);
        if (i === undefined) index.set(c, (i = clauses.push(c) - 1));
        return i;
      }),
    });
    return {
      clauses,
      entries: [...this.byEntry.keys()],
      byEntry: [...this.byEntry.values()].map(data),
      withoutId: this.withoutId.map(data),
      seen: this.seen,
    };
  }

  static fromData(data: HotWordTextsData): HotWordTexts {
    return new HotWordTexts().merge(data);
  }
}
