/**
 * The complaints the early warning reads one by one (metrics/warn/warnings.ts): times, places,
 * customers, closing — for the period and the repeat window before it, kept as the reader sees
 * them, the later copy of a work order replacing the earlier. When the period is not known
 * before reading (the latest complete month), only the last `keepDays` days before the latest
 * acceptance seen are kept: the period ends by that day, so nothing older can matter (and
 * `orders` leaves out what is older than that when it is asked, whenever the last pruning was).
 *
 * A mergeable range partial, as the hot words' texts are (hot-word-texts.ts): a worker collects
 * a CSV byte range's complaints by the range's own entries (`job`, `fromJob`, `toData`); the
 * main thread merges the ranges in range order (`merge`) with the entries they have in the data
 * set (merge.ts EntryMap): the later copy wins, and a later copy not kept takes the earlier out.
 */
import { detach } from '../schema/values.js';
import type { Classification } from '../taxonomy/classify.js';
import type { WarnOrder } from '../metrics/warn/warnings.js';
import type { WorkOrder } from './types.js';

/** The longest complaint text kept: enough for the place words of an event. */
const TEXT_KEPT = 300;

const keptCustomer = (customer: string | null) => (customer === null ? null : detach(customer));

/** Kept beyond this many complaints, the old ones are pruned when a later day comes. */
const PRUNE_ABOVE = 50_000;

/** What a worker needs to collect a byte range's recent complaints (plain data). */
export interface RecentComplaintsJob {
  within: { from: number; to: number } | null;
  keepDays: number;
}

/** A collector as plain data: complaints of work orders with an id (by entry), then without. */
export interface RecentComplaintsData {
  entries: number[];
  byEntry: WarnOrder[];
  withoutId: WarnOrder[];
  /** Entries 0 to seen - 1 were all observed: one not in `entries` takes an earlier copy out. */
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
  for (const o of data.withoutId) {
    const at = o.id.lastIndexOf(':');
    o.id = `${o.id.slice(0, at)}:${Number(o.id.slice(at + 1)) + lines}`;
  }
}

export class RecentComplaints {
  private readonly byEntry = new Map<number, WarnOrder>();
  private readonly withoutId: WarnOrder[] = [];
  private latestDay = -Infinity;
  /** The latest acceptance time seen (minutes), the "as of" of open work orders. */
  dataEnd = -Infinity;
  /** The highest entry observed, plus one. */
  private seen = 0;

  constructor(
    /** Day indexes to keep, when the period is known before reading. */
    private readonly within: { from: number; to: number } | null,
    private readonly keepDays: number,
  ) {}

  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
    const minute = Math.floor(order.acceptedAt.ms / 60_000);
    if (minute > this.dataEnd) this.dataEnd = minute;
    if (entry >= this.seen) this.seen = entry + 1;
    if (entry >= 0) this.byEntry.delete(entry);
    if (!c) return;
    const day = order.acceptedAt.dayIndex;
    if (this.within && (day < this.within.from || day > this.within.to)) return;
    // Copies (detach): a value cut from the reader's text keeps that whole chunk alive, and a
    // year's complaints held the whole file's text (690 MiB for a 1M-row report).
    const kept: WarnOrder = {
      id: order.id === null ? `${order.input}:${order.row}` : detach(order.id),
      input: order.input,
      unit: order.unit,
      at: minute,
      day,
      className: c.level2?.name ?? c.level1?.name ?? null,
      address: order.address === null ? null : detach(order.address.slice(0, TEXT_KEPT)),
      text: order.content === null ? null : detach(order.content.slice(0, TEXT_KEPT)),
      customer: keptCustomer(order.customerId ?? order.phone),
      escalated: order.escalated === true,
      closedAt: order.closedAt === null ? null : Math.floor(order.closedAt.ms / 60_000),
      repliedAt: order.repliedAt === null ? null : Math.floor(order.repliedAt.ms / 60_000),
    };
    if (entry >= 0) this.byEntry.set(entry, kept);
    else this.withoutId.push(kept);
    if (!this.within && day > this.latestDay) {
      this.latestDay = day;
      if (this.size > PRUNE_ABOVE) this.prune();
    }
  };

  private prune(): void {
    const oldest = this.latestDay - this.keepDays;
    for (const [entry, o] of this.byEntry) if (o.day < oldest) this.byEntry.delete(entry);
    const keep = this.withoutId.filter((o) => o.day >= oldest);
    this.withoutId.length = 0;
    this.withoutId.push(...keep);
  }

  private get size(): number {
    return this.byEntry.size + this.withoutId.length;
  }

  /** The complaints kept, in the order of their last copies (those without an id last). */
  orders(): WarnOrder[] {
    if (!this.within) this.prune();
    return [...this.byEntry.values(), ...this.withoutId];
  }

  /** What a worker needs to collect as this collector does. */
  job(): RecentComplaintsJob {
    return { within: this.within, keepDays: this.keepDays };
  }

  static fromJob(job: RecentComplaintsJob): RecentComplaints {
    return new RecentComplaints(job.within, job.keepDays);
  }

  toData(): RecentComplaintsData {
    return {
      entries: [...this.byEntry.keys()],
      byEntry: [...this.byEntry.values()],
      withoutId: this.withoutId,
      seen: this.seen,
      latestDay: this.latestDay,
      dataEnd: this.dataEnd,
    };
  }

  /**
   * Takes another collector's complaints as read after this one's: its copy of a work order
   * wins, and one it observed but did not keep is taken out. `entries` maps its entries to this
   * collector's (a byte range's partial merged into the data set); null: they are the same.
   */
  merge(data: RecentComplaintsData, entries: ArrayLike<number> | null = null): this {
    const to = entries ? (e: number) => entries[e]! : (e: number) => e;
    if (data.dataEnd > this.dataEnd) this.dataEnd = data.dataEnd;
    const kept = new Set(data.entries);
    for (let e = 0; e < data.seen; e++) if (!kept.has(e)) this.byEntry.delete(to(e));
    data.entries.forEach((e, i) => {
      const entry = to(e);
      // Re-inserted: the latest copy is also the last in order, as on one thread.
      this.byEntry.delete(entry);
      this.byEntry.set(entry, data.byEntry[i]!);
    });
    for (const o of data.withoutId) this.withoutId.push(o);
    if (!this.within && data.latestDay > this.latestDay) {
      this.latestDay = data.latestDay;
      if (this.size > PRUNE_ABOVE) this.prune();
    }
    return this;
  }
}
