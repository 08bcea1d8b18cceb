/**
 * The one streaming aggregation of the work orders (DESIGN.md §3): each row is counted in its
 * cell — unit × day × class (or business type) × appeal/substantiation flags, and the optional
 * dimensions chosen before reading (dimensions.ts) — as it is read.
 * De-duplication keeps the later copy of a work order: the cell an entry was counted in is
 * remembered (4 bytes an entry), so a later copy takes its count back out before adding its
 * own. Complaints, a small part of an export, also keep the few values the extras need
 * (timeliness, satisfaction, repeat complainants) in columns of typed arrays, ~30 bytes each.
 * Memory stays small and nearly flat: no row is held as a JS object.
 *
 * Records are built per partial aggregate (one input, or a run of its rows) with local entries,
 * handed over as plain data (`toPartial`), and merged in input order (`absorb`) into the
 * records of the data set, which read exactly as if one pass had counted every row.
 */
import type { EntryMap } from '../ingest/merge.js';
import { atOnce } from '../turn.js';
import { monthOfDay } from './calendar.js';
import { CellTable, type CellData } from './cell-table.js';
import { Complainants, type ComplainantTable } from './complainants.js';
import { growRows, newRows, RETIRED, type RowColumns } from './complaint-rows.js';
import {
  APPEAL_APPROVED,
  BLANK,
  COMPLAINT,
  CORE_WIDTH,
  DAY,
  FLAGS,
  KIND,
  RULED_ASSESSED,
  RULED_NOT_ASSESSED,
  UNIT,
  UNSUBSTANTIATED,
  type OptionalDimension,
} from './dimensions.js';

export const NO_TIME = -0x80000000;
/** absorbing's steps: 65,536 entries or rows. */
const STEP = 0xffff;
export const NO_SLOT = -1;

export { Complainants };

/** What one work order contributes, in the form tests can write by hand. */
export interface RecordInput {
  unit: string;
  /** Day index of the acceptance time (calendar.ts). */
  day: number;
  /** For complaints: index of the class (see Records.classes); otherwise the business type. */
  complaint: boolean;
  classIndex?: number;
  businessType?: string;
  appealApproved?: boolean;
  unsubstantiated?: boolean;
  /** 是否考核 as a corrections file rules it (--corrections); absent or null: by the appeal. */
  ruledAssessed?: boolean | null;
  /** Seconds from acceptance to reply / closing; null when absent. */
  replySeconds?: number | null;
  closeSeconds?: number | null;
  satisfaction?: string | null;
  customerId?: string | null;
  phone?: string | null;
  /** Values of the optional dimensions the records count by (null or absent: blank). */
  dimensions?: Partial<Record<OptionalDimension, string | null>>;
  /** Seconds after midnight of the acceptance time (0 when absent): working-day limits. */
  acceptSecond?: number;
}

/** Distinct strings numbered in order of first appearance. */
export class Names {
  readonly list: string[];
  private readonly ids = new Map<string, number>();
  constructor(list: string[] = []) {
    this.list = list;
    list.forEach((name, id) => this.ids.set(name, id));
  }
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

/** Records as plain data: what a partial aggregate carries (see Records for the meanings). */
export interface RecordsPartial {
  dimensions: OptionalDimension[];
  /** Per optional dimension, its values by id. */
  values: string[][];
  units: string[];
  types: string[];
  satisfactions: string[];
  customers: ComplainantTable;
  phones: ComplainantTable;
  cells: CellData;
  counted: Int32Array<ArrayBuffer>;
  complaintRows: number;
  rows: RowColumns;
}

function grow<T extends Int32Array>(a: T, size: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}

const INITIAL = 1 << 9;

/**
 * The cells of work orders of other types (most rows), found by unit, type and day in pages of
 * PAGE_DAYS days (typeDayCell). A key packs the unit (10 bits), the type (6) and the page (12:
 * days from 1900 to 2999); anything beyond goes to the cell table as before.
 */
const PAGE_SHIFT = 8;
const PAGE_DAYS = 1 << PAGE_SHIFT;
const PAGE_BIAS = 2048;
const MAX_PAGES = 4096;

export class Records {
  /** The optional dimensions counted by, and each one's values. */
  readonly dimensions: readonly OptionalDimension[];
  readonly values: Names[];
  readonly units: Names;
  readonly types: Names;
  readonly satisfactions: Names;
  readonly customers: Complainants;
  readonly phones: Complainants;
  readonly cells: CellTable;
  private readonly key: Int32Array;
  /** Per unit, type and page of days, each day's cell + 1 (0: not looked up yet). */
  private readonly dayPages = new Map<number, Int32Array>();

  /**
   * What each de-duplication entry was counted as: cell + 1 for a work order of another type,
   * −(complaint row + 1) for a complaint, 0 before its first copy.
   */
  private counted: Int32Array<ArrayBuffer>;

  /** Complaints kept for the extras; rows of retired copies have cell RETIRED. */
  complaintRows: number;
  private rows: RowColumns;

  /**
   * Records counted by the optional `dimensions`. `keepTexts`: the records of a partial to be
   * merged after another (see Complainants).
   */
  constructor(
    dimensions: readonly OptionalDimension[] = [],
    keepTexts = false,
    partial?: RecordsPartial,
  ) {
    this.dimensions = [...dimensions];
    this.values = dimensions.map((_, i) => new Names(partial?.values[i]));
    this.key = new Int32Array(CORE_WIDTH + dimensions.length);
    this.units = new Names(partial?.units);
    this.types = new Names(partial?.types);
    this.satisfactions = new Names(partial?.satisfactions);
    this.customers = partial ? Complainants.adopt(partial.customers) : new Complainants(keepTexts);
    this.phones = partial ? Complainants.adopt(partial.phones) : new Complainants(keepTexts);
    this.cells = partial ? CellTable.adopt(partial.cells) : new CellTable(this.key.length);
    this.counted = partial?.counted ?? new Int32Array(INITIAL);
    this.complaintRows = partial?.complaintRows ?? 0;
    this.rows = partial?.rows ?? newRows(INITIAL);
  }

  /** The first partial of a data set becomes its records, without a copy. */
  static adopt(partial: RecordsPartial): Records {
    return new Records(partial.dimensions, false, partial);
  }

  /** The records as plain data, sharing their arrays: they must not be used afterwards. */
  toPartial(): RecordsPartial {
    return {
      dimensions: [...this.dimensions],
      values: this.values.map((names) => names.list),
      units: this.units.list,
      types: this.types.list,
      satisfactions: this.satisfactions.list,
      customers: this.customers.table(),
      phones: this.phones.table(),
      cells: this.cells.data(),
      counted: this.counted,
      complaintRows: this.complaintRows,
      rows: this.rows,
    };
  }

  private cell(input: RecordInput, unit: number, kind: number, flags: number): number {
    const key = this.key;
    key[UNIT] = unit;
    key[DAY] = input.day;
    key[KIND] = kind;
    key[FLAGS] = flags;
    for (let i = 0; i < this.dimensions.length; i++) {
      const value = input.dimensions?.[this.dimensions[i]!];
      key[CORE_WIDTH + i] =
        value === null || value === undefined ? BLANK : this.values[i]!.id(value);
    }
    return this.cells.id(key);
  }

  /**
   * The cell of a work order of another type on `day`. Without optional dimensions its tuple is
   * (unit, day, type, 0): a small page of days per unit and type remembers the cell once the
   * table has made or found it, so a row reads one array that stays in cache rather than
   * probing the table's slots and values (two cache misses a row in a table of 10⁵ cells).
   * The table still makes every cell, in the same order.
   */
  private typeDayCell(input: RecordInput, unit: number, type: number): number {
    const day = input.day;
    const page = (day >> PAGE_SHIFT) + PAGE_BIAS;
    if (unit >= 1024 || type >= 64 || page < 0 || page >= 4096 || this.dimensions.length > 0)
      return this.cell(input, unit, type, 0);
    const key = (((unit << 6) | type) << 12) | page;
    let cells = this.dayPages.get(key);
    if (cells === undefined) {
      if (this.dayPages.size >= MAX_PAGES) return this.cell(input, unit, type, 0);
      cells = new Int32Array(PAGE_DAYS);
      this.dayPages.set(key, cells);
    }
    const at = day & (PAGE_DAYS - 1);
    let cell = cells[at]! - 1;
    if (cell < 0) {
      cell = this.cell(input, unit, type, 0);
      cells[at] = cell + 1;
    }
    return cell;
  }

  private newComplaintRow(): number {
    const row = this.complaintRows++;
    if (row >= this.rows.cell.length) this.rows = growRows(this.rows, this.rows.cell.length * 2);
    return row;
  }

  private countedAt(entry: number): number {
    if (entry >= this.counted.length)
      this.counted = grow(this.counted, Math.max(this.counted.length * 2, entry + 1));
    return this.counted[entry]!;
  }

  /** Counts a work order; `entry` is its de-duplication entry, or -1 when it has no id. */
  add(input: RecordInput, entry = -1): void {
    const counts = this.cells.counts;
    const rows = this.rows;
    let reuse = -1;
    const before = entry >= 0 ? this.countedAt(entry) : 0;
    if (before > 0) counts[before - 1]!--;
    else if (before < 0) {
      reuse = -before - 1;
      counts[rows.cell[reuse]!]!--;
      rows.cell[reuse] = RETIRED;
    }
    const unit = this.units.id(input.unit);
    if (!input.complaint) {
      const cell = this.typeDayCell(input, unit, this.types.id(input.businessType ?? ''));
      this.cells.counts[cell]!++;
      if (entry >= 0) this.counted[entry] = cell + 1;
      return;
    }
    const flags =
      COMPLAINT |
      (input.appealApproved ? APPEAL_APPROVED : 0) |
      (input.unsubstantiated ? UNSUBSTANTIATED : 0) |
      (input.ruledAssessed === true ? RULED_ASSESSED : 0) |
      (input.ruledAssessed === false ? RULED_NOT_ASSESSED : 0);
    const cell = this.cell(input, unit, input.classIndex ?? 0, flags);
    this.cells.counts[cell]!++;
    let row = reuse;
    if (row < 0) {
      row = this.newComplaintRow();
      this.rows.fresh[row] = entry >= 0 && before === 0 ? 1 : 0;
    }
    if (entry >= 0) this.counted[entry] = -(row + 1);
    const to = this.rows;
    to.cell[row] = cell;
    to.entry[row] = entry;
    to.reply[row] = input.replySeconds ?? NO_TIME;
    to.close[row] = input.closeSeconds ?? NO_TIME;
    to.satisfaction[row] = input.satisfaction ? this.satisfactions.id(input.satisfaction) + 1 : 0;
    to.customer[row] = input.customerId ? this.customers.slot(input.customerId) : NO_SLOT;
    to.phone[row] = input.phone ? this.phones.slot(input.phone) : NO_SLOT;
    to.accept[row] = input.acceptSecond ?? 0;
  }

  /**
   * Adds a later partial's records (of rows read after all those here), its entries mapped to
   * the data set's by `entries`: as if its rows had been added one by one after these. A row of
   * the partial that continues a complaint counted here keeps that complaint's place.
   */
  absorb(partial: RecordsPartial, entries: EntryMap): void {
    atOnce(this.absorbing(partial, entries));
  }

  /**
   * The same in steps of some 64k entries or rows: a few tenths of a second on half a million
   * rows, which a run answering signals yields between (turn.ts inTurns).
   */
  *absorbing(partial: RecordsPartial, entries: EntryMap): Generator<void, void> {
    if (partial.dimensions.join() !== this.dimensions.join())
      throw new Error(
        `records by ${partial.dimensions.join()} merged into ${this.dimensions.join()}`,
      );
    const unitIds = partial.units.map((u) => this.units.id(u));
    const typeIds = partial.types.map((t) => this.types.id(t));
    const satisfactionIds = partial.satisfactions.map((s) => this.satisfactions.id(s));
    const customerSlots = this.customers.absorb(partial.customers);
    const phoneSlots = this.phones.absorb(partial.phones);
    const valueIds = partial.values.map((values, i) => values.map((v) => this.values[i]!.id(v)));
    yield;
    const cellIds = this.absorbCells(partial.cells, unitIds, typeIds, valueIds);
    yield;
    const counts = this.cells.counts;
    const { rows, counted } = partial;
    // What the partial's entries replace: earlier copies' counts are taken back.
    const continued = new Int32Array(partial.complaintRows).fill(-1);
    const entryCount = Math.min(counted.length, entries?.length ?? counted.length);
    for (let e = 0; e < entryCount; e++) {
      if ((e & STEP) === STEP) yield;
      const after = counted[e]!;
      if (after === 0) continue;
      const entry = entries === null ? e : entries[e]!;
      const before = this.countedAt(entry);
      if (before > 0) counts[before - 1]!--;
      else if (before < 0) {
        const row = -before - 1;
        counts[this.rows.cell[row]!]!--;
        if (after < 0 && rows.fresh[-after - 1] === 1) continued[-after - 1] = row;
        else this.rows.cell[row] = RETIRED;
      }
      this.counted[entry] = after > 0 ? cellIds[after - 1]! + 1 : 0;
    }
    for (let r = 0; r < partial.complaintRows; r++) {
      if ((r & STEP) === STEP) yield;
      if (rows.cell[r] === RETIRED) continue;
      const local = rows.entry[r]!;
      const entry = local < 0 ? -1 : entries === null ? local : entries[local]!;
      const row = continued[r]! >= 0 ? continued[r]! : this.newComplaintRow();
      if (entry >= 0) this.counted[entry] = -(row + 1);
      const to = this.rows;
      to.cell[row] = cellIds[rows.cell[r]!]!;
      to.entry[row] = entry;
      to.fresh[row] = 0;
      to.reply[row] = rows.reply[r]!;
      to.close[row] = rows.close[r]!;
      const satisfaction = rows.satisfaction[r]!;
      to.satisfaction[row] = satisfaction === 0 ? 0 : satisfactionIds[satisfaction - 1]! + 1;
      const customer = rows.customer[r]!;
      to.customer[row] = customer === NO_SLOT ? NO_SLOT : customerSlots[customer]!;
      const phone = rows.phone[r]!;
      to.phone[row] = phone === NO_SLOT ? NO_SLOT : phoneSlots[phone]!;
      to.accept[row] = rows.accept[r]!;
    }
  }

  /** The partial's cells here (made in its order of first appearance), their counts added. */
  private absorbCells(
    data: CellData,
    unitIds: number[],
    typeIds: number[],
    valueIds: number[][],
  ): Int32Array {
    const from = CellTable.adopt(data);
    const key = this.key;
    const ids = new Int32Array(from.size);
    for (let c = 0; c < from.size; c++) {
      const flags = from.value(c, FLAGS);
      const kind = from.value(c, KIND);
      key[UNIT] = unitIds[from.value(c, UNIT)]!;
      key[DAY] = from.value(c, DAY);
      key[KIND] = flags & COMPLAINT ? kind : typeIds[kind]!;
      key[FLAGS] = flags;
      valueIds.forEach((ids, i) => {
        const value = from.value(c, CORE_WIDTH + i);
        key[CORE_WIDTH + i] = value === BLANK ? BLANK : ids[value]!;
      });
      const cell = this.cells.id(key);
      this.cells.counts[cell]! += from.counts[c]!;
      ids[c] = cell;
    }
    return ids;
  }

  /**
   * Once every row is counted (the data set's records, AggregateMerge.result): what only
   * counting and merging need goes — the complainants' indexes. Nothing may be added after.
   */
  seal(): this {
    this.customers.seal();
    this.phones.seal();
    return this;
  }

  /** The cell of a complaint row, or -1 when a later copy retired it. */
  cellOf(row: number): number {
    const cell = this.rows.cell[row]!;
    return cell === RETIRED ? -1 : cell;
  }
  /** The unit, day and month of each cell, by cell. */
  get cellUnit(): Int32Array {
    return this.column('unit', (c) => this.cells.value(c, UNIT));
  }
  get cellDay(): Int32Array {
    return this.column('day', (c) => this.cells.value(c, DAY));
  }
  get cellMonth(): Int32Array {
    return this.column('month', (c) => monthOfDay(this.cells.value(c, DAY)));
  }

  private readonly columns = new Map<string, Int32Array>();
  /** A value of every cell, as a column, made once all are counted (cells never change). */
  private column(name: string, of: (cell: number) => number): Int32Array {
    let column = this.columns.get(name);
    if (column === undefined || column.length !== this.cells.size) {
      column = new Int32Array(this.cells.size);
      for (let c = 0; c < column.length; c++) column[c] = of(c);
      this.columns.set(name, column);
    }
    return column;
  }
  replySeconds(row: number): number {
    return this.rows.reply[row]!;
  }
  closeSeconds(row: number): number {
    return this.rows.close[row]!;
  }
  /** Seconds after midnight of the acceptance time. */
  acceptSecond(row: number): number {
    return this.rows.accept[row]!;
  }
  /** Satisfaction value id + 1; 0 when blank. */
  satisfaction(row: number): number {
    return this.rows.satisfaction[row]!;
  }
  customer(row: number): number {
    return this.rows.customer[row]!;
  }
  phone(row: number): number {
    return this.rows.phone[row]!;
  }
}
