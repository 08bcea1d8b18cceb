/**
 * Partial aggregates of the ingest: what one run of rows of one input — a whole input today, a
 * byte range of one later — adds to the data set, as plain data (typed arrays, strings, numbers)
 * that could cross to a worker thread. Ids are numbered per partial ("local entries");
 * `merge.ts` combines partials in input order with the rule that the later copy of a work order
 * wins, giving what one pass over all the rows gives.
 */
import type { Field } from '../schema/fields.js';
import type { ClassValues } from './class-values.js';
import {
  DIFFERING,
  EntryColumn,
  IdIndex,
  NEW,
  TAGGED_ENTRIES,
  type IdTable,
  type Occurrence,
} from './dedup.js';
import {
  MAX_REJECT_DETAILS,
  type CountWithRows,
  type Reject,
  type RejectCode,
  type WorkOrder,
} from './types.js';

/** The figures of an input's summary (InputSummary) that a run of its rows adds up to. */
export interface RowCounts {
  rows: number;
  complaints: number;
  /** Copies of an id seen earlier in this run of rows; the merge adds those of earlier runs. */
  duplicates: number;
  duplicatesDiffering: number;
  rejected: number;
  byType: Record<string, number>;
  /**
   * Per business type not counted as a complaint, its rows that look like complaints: a text that
   * starts 【投诉】 or a complaint class (… 投诉) filled in. Names the code to use with
   * --complaint-type when no row is a complaint (complaint-types.ts).
   */
  complaintLike: Record<string, number>;
  units: Record<string, number>;
  skipped: { blank: number; total: number; repeatedHeader: number };
  rejectsByReason: Partial<Record<RejectCode, CountWithRows>>;
  /** The first reason given for each reject code: the refusal of an unusable file quotes it. */
  firstReasons: Partial<Record<RejectCode, string>>;
  unrecognised: Partial<Record<Field, CountWithRows & { values: string[] }>>;
  /** First and last acceptance time of the usable rows (naive ms, schema/values.ts); null: none. */
  firstMs: number | null;
  lastMs: number | null;
  /** The rows (line or row numbers) of firstMs and lastMs: a stray row is named by them. */
  firstRow?: number;
  lastRow?: number;
  /** Usable rows per day of acceptance (day index): how the input's coverage is judged. */
  days: Map<number, number>;
  /** Values from which control characters were removed, and where that happened first. */
  controls: number;
  firstControl: { row: number; field: Field } | null;
  /** The complaint rows' class values (class-values.ts): what `inspect` checks in the taxonomy. */
  classValues?: ClassValues;
}

export function emptyCounts(): RowCounts {
  return {
    rows: 0,
    complaints: 0,
    duplicates: 0,
    duplicatesDiffering: 0,
    rejected: 0,
    byType: {},
    complaintLike: {},
    units: {},
    skipped: { blank: 0, total: 0, repeatedHeader: 0 },
    rejectsByReason: {},
    firstReasons: {},
    unrecognised: {},
    firstMs: null,
    lastMs: null,
    days: new Map(),
    controls: 0,
    firstControl: null,
  };
}

export interface IngestPartial {
  input: number;
  counts: RowCounts;
  /** The ids of the run by 64-bit hash, each with the row digest of its last copy. */
  ids: IdTable;
  /** Local entries copied more than once in the run, with the row digest of their first copy. */
  firstDigests: { entries: Int32Array<ArrayBuffer>; digests: Uint32Array<ArrayBuffer> };
  /** Business types in order of first appearance, and which of them are complaint types. */
  types: string[];
  complaintTypeIds: number[];
  /** Per local entry: 1 + the type of its last copy. */
  typeOf: Uint16Array<ArrayBuffer>;
  /** Work orders per type, each counted once (as its last copy in the run). */
  typeRows: number[];
  withoutId: number;
  /** The first MAX_REJECT_DETAILS rejects of the run, in row order. */
  rejects: Reject[];
}

/** Builds one partial row by row; `finish` hands it over as plain data. */
export class PartialBuilder {
  readonly index: IdIndex;
  readonly counts = emptyCounts();
  /** Type ids whose type is a complaint type. */
  readonly complaintTypeIds = new Set<number>();
  private readonly typeOf = new EntryColumn();
  private readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();
  private readonly typeRows: number[] = [];
  /** Rows counted per type, every copy: counts.byType, filled by `finish` in type order. */
  private readonly typeCopies: number[] = [];
  private readonly firstDigests = new Map<number, number>();
  private readonly rejects: Reject[] = [];
  private withoutId = 0;

  /** `expectedRows`: an estimate of the rows to come (0: none), for the id index's size. */
  constructor(
    readonly input: number,
    private readonly complaintTypes: ReadonlySet<string>,
    expectedRows = 0,
  ) {
    this.index = new IdIndex(TAGGED_ENTRIES, expectedRows);
  }

  typeId(type: string): number {
    let id = this.typeIds.get(type);
    if (id === undefined) {
      id = this.types.length;
      this.types.push(type);
      this.typeIds.set(type, id);
      this.typeRows.push(0);
      this.typeCopies.push(0);
      if (this.complaintTypes.has(type)) this.complaintTypeIds.add(id);
    }
    return id;
  }

  /**
   * Records a usable row's id (null: none) with its row digest; returns its local entry, or -1,
   * and counts a repeated copy. `index.occurrence` tells what the id was.
   */
  identify(id: string | null, rowDigest: number): number {
    if (id === null) {
      this.withoutId++;
      return -1;
    }
    const entry = this.index.add(id, rowDigest);
    const occurrence: Occurrence = this.index.occurrence;
    if (occurrence !== NEW) {
      this.counts.duplicates++;
      if (occurrence === DIFFERING) this.counts.duplicatesDiffering++;
      if (!this.firstDigests.has(entry)) this.firstDigests.set(entry, this.index.previousDigest);
    }
    return entry;
  }

  /** Counts a work order of type `type`; a later copy takes the earlier one's count back. */
  count(type: number, entry: number): void {
    if (entry >= 0) {
      if (this.index.occurrence !== NEW) this.typeRows[this.typeOf.get(entry) - 1]!--;
      this.typeOf.set(entry, type + 1);
    }
    this.typeRows[type]!++;
  }

  /**
   * Counts a usable row's work order (`written`: its unit as the file spells it; `typeId`: its
   * type's; `digest`: rowDigest, 0 without an id; `complaintLike`: another type that reads like
   * a complaint). Returns its local entry, -1 without an id; `index.occurrence` tells what the
   * id was.
   */
  add(
    order: WorkOrder,
    written: string,
    typeId: number,
    digest: number,
    complaintLike: boolean,
  ): number {
    const counts = this.counts;
    const entry = this.identify(order.id, digest);
    this.count(typeId, entry);
    // By the type's id, not its name (a lookup by name each row: a third of this method's time).
    this.typeCopies[typeId]!++;
    if (complaintLike) {
      const typeKey = order.businessType ?? '投诉';
      counts.complaintLike[typeKey] = (counts.complaintLike[typeKey] ?? 0) + 1;
    }
    // As written: inspect shows the spellings, and the notes on --units tell which are unknown.
    counts.units[written] = (counts.units[written] ?? 0) + 1;
    if (order.isComplaint) counts.complaints++;
    const ms = order.acceptedAt.ms;
    if (counts.firstMs === null || ms < counts.firstMs) {
      counts.firstMs = ms;
      counts.firstRow = order.row;
    }
    if (counts.lastMs === null || ms > counts.lastMs) {
      counts.lastMs = ms;
      counts.lastRow = order.row;
    }
    const day = order.acceptedAt.dayIndex;
    counts.days.set(day, (counts.days.get(day) ?? 0) + 1);
    return entry;
  }

  reject(reject: Reject): void {
    if (this.rejects.length < MAX_REJECT_DETAILS) this.rejects.push(reject);
  }

  finish(): IngestPartial {
    // Types are numbered in order of first appearance, as the names were added before.
    this.types.forEach((type, id) => {
      if (this.typeCopies[id]! > 0) this.counts.byType[type] = this.typeCopies[id]!;
    });
    const entries = Int32Array.from(this.firstDigests.keys());
    return {
      input: this.input,
      counts: this.counts,
      ids: this.index.table(),
      firstDigests: {
        entries,
        digests: Uint32Array.from(entries, (e) => this.firstDigests.get(e)!),
      },
      types: this.types,
      complaintTypeIds: [...this.complaintTypeIds],
      typeOf: this.typeOf.values(),
      typeRows: this.typeRows,
      withoutId: this.withoutId,
      rejects: this.rejects,
    };
  }
}
