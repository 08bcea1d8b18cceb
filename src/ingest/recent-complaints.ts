/**
 * The complaints the early warning reads one by one (metrics/warn/warnings.ts): times, places,
 * customers, closing — for the period and the repeat window before it, kept as the reader sees
 * them, the later copy of a work order replacing the earlier. When the period is not known
 * before reading (the latest complete month), only the last `keepDays` days before the latest
 * acceptance seen are kept: the period ends by that day, so nothing older can matter.
 */
import { detach } from '../schema/values.js';
import type { Classification } from '../taxonomy/classify.js';
import type { WarnOrder } from '../metrics/warn/warnings.js';
import type { WorkOrder } from './types.js';

/** The longest complaint text kept: enough for the place words of an event. */
const TEXT_KEPT = 300;

const keptCustomer = (customer: string | null) => (customer === null ? null : detach(customer));

export class RecentComplaints {
  private readonly byEntry = new Map<number, WarnOrder>();
  private readonly withoutId: WarnOrder[] = [];
  private latestDay = -Infinity;
  /** The latest acceptance time seen (minutes), the "as of" of open work orders. */
  dataEnd = -Infinity;

  constructor(
    /** Day indexes to keep, when the period is known before reading. */
    private readonly within: { from: number; to: number } | null,
    private readonly keepDays: number,
  ) {}

  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
    const minute = Math.floor(order.acceptedAt.ms / 60_000);
    if (minute > this.dataEnd) this.dataEnd = minute;
    if (entry >= 0) this.byEntry.delete(entry);
    if (!c) return;
    const day = order.acceptedAt.dayIndex;
    if (this.within && (day < this.within.from || day > this.within.to)) return;
    // Copies (detach): a value cut from the reader's text keeps that whole chunk alive, and a
    // year's complaints held the whole file's text (690 MiB for a 1M-row report).
    const kept: WarnOrder = {
      id: order.id === null ? `${order.input}:${order.row}` : detach(order.id),
      unit: order.unit,
      at: minute,
      day,
      className: c.level2?.name ?? c.level1?.name ?? null,
      address: order.address === null ? null : detach(order.address.slice(0, TEXT_KEPT)),
      text: order.content === null ? null : detach(order.content.slice(0, TEXT_KEPT)),
      customer: keptCustomer(order.customerId ?? order.phone),
      escalated: order.escalated === true,
      closedAt: order.closedAt === null ? null : Math.floor(order.closedAt.ms / 60_000),
    };
    if (entry >= 0) this.byEntry.set(entry, kept);
    else this.withoutId.push(kept);
    if (!this.within && day > this.latestDay) {
      this.latestDay = day;
      if (this.byEntry.size + this.withoutId.length > 50_000) this.prune();
    }
  };

  private prune(): void {
    const oldest = this.latestDay - this.keepDays;
    for (const [entry, o] of this.byEntry) if (o.day < oldest) this.byEntry.delete(entry);
    const keep = this.withoutId.filter((o) => o.day >= oldest);
    this.withoutId.length = 0;
    this.withoutId.push(...keep);
  }

  orders(): WarnOrder[] {
    return [...this.byEntry.values(), ...this.withoutId];
  }
}
