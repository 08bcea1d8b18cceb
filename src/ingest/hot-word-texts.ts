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
 * A mergeable partial: `add` sees work orders in reading order, `merge` appends another
 * collector's texts as if read after this one's (the later copy wins), and `toData`/`fromData`
 * carry it as plain data (a worker thread's structured clone, or JSON).
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

/** A collector as plain data: texts of work orders with an id (by entry), then those without. */
export interface HotWordTextsData {
  entries: number[];
  byEntry: HotWordText[];
  withoutId: HotWordText[];
}

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
  constructor(
    private readonly within: { from: number; to: number } | null = null,
    /** The taxonomy's text table (typos, dialect): 電費 and 电废 count as 电费. */
    private readonly table: TextTable | null = null,
  ) {}

  /** An OrderObserver (pipeline.ts): every usable row, `c` null for other business types. */
  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
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

  /** Takes `other`'s texts as read after this collector's: its copy of a work order wins. */
  merge(other: HotWordTexts | HotWordTextsData): this {
    const data = other instanceof HotWordTexts ? other.toData() : other;
    const own = (t: HotWordText) => ({ ...t, clauses: this.intern(t.clauses) });
    data.entries.forEach((entry, i) => this.put(entry, own(data.byEntry[i]!)));
    this.withoutId.push(...data.withoutId.map(own));
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
    return {
      entries: [...this.byEntry.keys()],
      byEntry: [...this.byEntry.values()],
      withoutId: [...this.withoutId],
    };
  }

  static fromData(data: HotWordTextsData): HotWordTexts {
    return new HotWordTexts().merge(data);
  }
}
