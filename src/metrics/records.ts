/**
 * The work orders of a data set in columns of typed arrays, one slot per work order after
 * de-duplication: a later copy of a work order (same id) overwrites the earlier one, so
 * "later input wins" needs no bookkeeping, and a million rows cost ~27 bytes each instead of a
 * JS object. The cube (cube.ts) and the extras (repeat complainants, timeliness, satisfaction)
 * are computed from these columns once the period is known.
 */
import { IdIndex } from '../ingest/dedup.js';

export const NO_TIME = -0x80000000;
export const NO_SLOT = -1;

/** Bits of `flags`. */
export const COMPLAINT = 1;
export const APPEAL_APPROVED = 2;
export const UNSUBSTANTIATED = 4;

/** What one work order contributes, in the form tests can write by hand. */
export interface RecordInput {
  unit: string;
  month: number;
  /** For complaints: index of the class (see Records.classes); otherwise the business type. */
  complaint: boolean;
  classIndex?: number;
  businessType?: string;
  appealApproved?: boolean;
  unsubstantiated?: boolean;
  /** Seconds from acceptance to reply / closing; null when absent. */
  replySeconds?: number | null;
  closeSeconds?: number | null;
  satisfaction?: string | null;
  customerId?: string | null;
  phone?: string | null;
}

/** Distinct strings numbered in order of first appearance. */
export class Names {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

/**
 * Identities of complainants (customer ids, phones): numbered through a hash index, so a million
 * of them stay small; the text is kept only for those seen twice, the candidates for "repeat".
 */
export class Complainants {
  private readonly index = new IdIndex();
  private seen = new Uint8Array(1 << 15);
  readonly text = new Map<number, string>();

  slot(key: string): number {
    const slot = this.index.add(key, 0);
    if (slot >= this.seen.length) {
      const bigger = new Uint8Array(this.seen.length * 2);
      bigger.set(this.seen);
      this.seen = bigger;
    }
    const times = this.seen[slot]!;
    if (times === 0) this.seen[slot] = 1;
    else if (times === 1) {
      this.seen[slot] = 2;
      this.text.set(slot, key);
    }
    return slot;
  }

  get size(): number {
    return this.index.size;
  }
}

function grow<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(
  a: T,
  size: number,
): T {
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}

export class Records {
  size = 0;
  readonly units = new Names();
  readonly types = new Names();
  readonly satisfactions = new Names();
  readonly customers = new Complainants();
  readonly phones = new Complainants();
  /** Record of each de-duplication entry, +1 (0: none yet). */
  private byEntry = new Int32Array(1 << 15);

  unit = new Uint32Array(1 << 15);
  month = new Uint16Array(1 << 15);
  kind = new Uint16Array(1 << 15);
  flags = new Uint8Array(1 << 15);
  replySeconds = new Int32Array(1 << 15);
  closeSeconds = new Int32Array(1 << 15);
  /** Satisfaction value id + 1; 0 when blank. */
  satisfaction = new Uint16Array(1 << 15);
  customer = new Int32Array(1 << 15);
  phone = new Int32Array(1 << 15);

  /** The record for a work order: its earlier record when `entry` was seen before, else a new one. */
  private slotFor(entry: number): number {
    if (entry >= 0) {
      if (entry >= this.byEntry.length)
        this.byEntry = grow(this.byEntry, Math.max(this.byEntry.length * 2, entry + 1));
      const known = this.byEntry[entry]!;
      if (known > 0) return known - 1;
      this.byEntry[entry] = this.size + 1;
    }
    const record = this.size++;
    if (record >= this.unit.length) {
      const n = this.unit.length * 2;
      this.unit = grow(this.unit, n);
      this.month = grow(this.month, n);
      this.kind = grow(this.kind, n);
      this.flags = grow(this.flags, n);
      this.replySeconds = grow(this.replySeconds, n);
      this.closeSeconds = grow(this.closeSeconds, n);
      this.satisfaction = grow(this.satisfaction, n);
      this.customer = grow(this.customer, n);
      this.phone = grow(this.phone, n);
    }
    return record;
  }

  /** Stores a work order; `entry` is its de-duplication entry, or -1 when it has no id. */
  add(input: RecordInput, entry = -1): void {
    const r = this.slotFor(entry);
    this.unit[r] = this.units.id(input.unit);
    this.month[r] = input.month;
    if (input.complaint) {
      this.kind[r] = input.classIndex ?? 0;
      this.flags[r] =
        COMPLAINT |
        (input.appealApproved ? APPEAL_APPROVED : 0) |
        (input.unsubstantiated ? UNSUBSTANTIATED : 0);
      this.replySeconds[r] = input.replySeconds ?? NO_TIME;
      this.closeSeconds[r] = input.closeSeconds ?? NO_TIME;
      this.satisfaction[r] = input.satisfaction ? this.satisfactions.id(input.satisfaction) + 1 : 0;
      this.customer[r] = input.customerId ? this.customers.slot(input.customerId) : NO_SLOT;
      this.phone[r] = input.phone ? this.phones.slot(input.phone) : NO_SLOT;
    } else {
      this.kind[r] = this.types.id(input.businessType ?? '');
      this.flags[r] = 0;
      this.customer[r] = NO_SLOT;
      this.phone[r] = NO_SLOT;
    }
  }
}
