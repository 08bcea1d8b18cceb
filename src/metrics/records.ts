/**
 * The one streaming aggregation of the work orders (DESIGN.md §3): each row is counted in its
 * cell — unit × month × class (or business type) × appeal/substantiation flags — as it is read.
 * De-duplication keeps the later copy of a work order: the cell an entry was counted in is
 * remembered (4 bytes an entry), so a later copy takes its count back out before adding its
 * own. Complaints, a small part of an export, also keep the few values the extras need
 * (timeliness, satisfaction, repeat complainants) in columns of typed arrays, ~22 bytes each.
 * Memory stays small and nearly flat: no row is held as a JS object.
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

function grow<T extends Int32Array | Uint32Array | Uint16Array>(a: T, size: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}

const INITIAL = 1 << 15;
/** Marks a complaint row whose work order a later copy turned into something else. */
const RETIRED = 0xffffffff;

export class Records {
  readonly units = new Names();
  readonly types = new Names();
  readonly satisfactions = new Names();
  readonly customers = new Complainants();
  readonly phones = new Complainants();

  // The cells: few (units × months × kinds × flags), so plain arrays.
  private readonly cellIds = new Map<number, number>();
  readonly cellUnit: number[] = [];
  readonly cellMonth: number[] = [];
  readonly cellKind: number[] = [];
  readonly cellFlags: number[] = [];
  readonly cellCount: number[] = [];

  /**
   * What each de-duplication entry was counted as: cell + 1 for a work order of another type,
   * −(complaint row + 1) for a complaint, 0 before its first copy.
   */
  private counted = new Int32Array(INITIAL);

  /** Complaints kept for the extras; rows of retired copies have cell RETIRED. */
  complaintRows = 0;
  private rowCell = new Uint32Array(INITIAL);
  private replySecondsByRow = new Int32Array(INITIAL);
  private closeSecondsByRow = new Int32Array(INITIAL);
  /** Satisfaction value id + 1; 0 when blank. */
  private satisfactionByRow = new Uint16Array(INITIAL);
  private customerByRow = new Int32Array(INITIAL);
  private phoneByRow = new Int32Array(INITIAL);

  private cell(unit: number, month: number, kind: number, flags: number): number {
    // unit < 2^21, month < 2^16, kind < 2^13, flags < 2^3: 53 bits, exact in a double.
    const key = ((unit * 65536 + month) * 8192 + kind) * 8 + flags;
    let id = this.cellIds.get(key);
    if (id === undefined) {
      id = this.cellCount.length;
      this.cellIds.set(key, id);
      this.cellUnit.push(unit);
      this.cellMonth.push(month);
      this.cellKind.push(kind);
      this.cellFlags.push(flags);
      this.cellCount.push(0);
    }
    return id;
  }

  private newComplaintRow(): number {
    const row = this.complaintRows++;
    if (row >= this.rowCell.length) {
      const n = this.rowCell.length * 2;
      this.rowCell = grow(this.rowCell, n);
      this.replySecondsByRow = grow(this.replySecondsByRow, n);
      this.closeSecondsByRow = grow(this.closeSecondsByRow, n);
      this.satisfactionByRow = grow(this.satisfactionByRow, n);
      this.customerByRow = grow(this.customerByRow, n);
      this.phoneByRow = grow(this.phoneByRow, n);
    }
    return row;
  }

  /** Counts a work order; `entry` is its de-duplication entry, or -1 when it has no id. */
  add(input: RecordInput, entry = -1): void {
    let reuse = -1;
    if (entry >= 0) {
      if (entry >= this.counted.length)
        this.counted = grow(this.counted, Math.max(this.counted.length * 2, entry + 1));
      const before = this.counted[entry]!;
      if (before > 0) this.cellCount[before - 1]!--;
      else if (before < 0) {
        reuse = -before - 1;
        this.cellCount[this.rowCell[reuse]!]!--;
        this.rowCell[reuse] = RETIRED;
      }
    }
    const unit = this.units.id(input.unit);
    if (!input.complaint) {
      const cell = this.cell(unit, input.month, this.types.id(input.businessType ?? ''), 0);
      this.cellCount[cell]!++;
      if (entry >= 0) this.counted[entry] = cell + 1;
      return;
    }
    const flags =
      COMPLAINT |
      (input.appealApproved ? APPEAL_APPROVED : 0) |
      (input.unsubstantiated ? UNSUBSTANTIATED : 0);
    const cell = this.cell(unit, input.month, input.classIndex ?? 0, flags);
    this.cellCount[cell]!++;
    const row = reuse >= 0 ? reuse : this.newComplaintRow();
    if (entry >= 0) this.counted[entry] = -(row + 1);
    this.rowCell[row] = cell;
    this.replySecondsByRow[row] = input.replySeconds ?? NO_TIME;
    this.closeSecondsByRow[row] = input.closeSeconds ?? NO_TIME;
    this.satisfactionByRow[row] = input.satisfaction
      ? this.satisfactions.id(input.satisfaction) + 1
      : 0;
    this.customerByRow[row] = input.customerId ? this.customers.slot(input.customerId) : NO_SLOT;
    this.phoneByRow[row] = input.phone ? this.phones.slot(input.phone) : NO_SLOT;
  }

  /** The cell of a complaint row, or -1 when a later copy retired it. */
  cellOf(row: number): number {
    const cell = this.rowCell[row]!;
    return cell === RETIRED ? -1 : cell;
  }
  replySeconds(row: number): number {
    return this.replySecondsByRow[row]!;
  }
  closeSeconds(row: number): number {
    return this.closeSecondsByRow[row]!;
  }
  /** Satisfaction value id + 1; 0 when blank. */
  satisfaction(row: number): number {
    return this.satisfactionByRow[row]!;
  }
  customer(row: number): number {
    return this.customerByRow[row]!;
  }
  phone(row: number): number {
    return this.phoneByRow[row]!;
  }
}
