import type { Said } from '../errors.js';
/** The shapes the ingest pipeline produces: work orders, rejects, per-input summaries. */
import type { Cell } from '../io/table.js';
import type { Field } from '../schema/fields.js';
import type { MapOverrides } from '../schema/header.js';
import type { Appeal, Flag, LocalTime, Substantiated } from '../schema/values.js';
import type { ClassValues } from './class-values.js';
import type { CoverageBasis } from './coverage.js';
import type { Occurrence } from './dedup.js';
import type { ValueNaming } from './naming.js';

export interface IngestSettings {
  map: MapOverrides;
  /** Business-type values that mean "complaint", after trimming and NFKC. */
  complaintTypes: readonly string[];
  encoding: string | null;
  sheet: string | null;
  /** Cap on the inflated size of an xlsx part in bytes (--max-inflated); null: the default. */
  maxInflated?: number | null;
  /** Names for units and coded values (--units, --rollup, --codes); absent: as written. */
  naming?: ValueNaming | null;
  /**
   * Threads to read a large CSV with (--threads; src/parallel/): 1 or absent, the
   * single-threaded path.
   */
  threads?: number;
  /**
   * false: a large xlsx is read on this thread even with threads above 1. `inspect` does little
   * per row, so the worker's packing and the second heap cost it more than they save (1,048,575
   * rows: 12.8 s and 245 MiB in two threads, 12.3 s and 160 MiB in one).
   */
  xlsxWorker?: boolean;
  /**
   * The run's date as a day index (calendar.ts), taken once on the main thread: acceptance
   * times over a year after it are rejected ('date-future'). Carried to the workers so that
   * a run crossing midnight judges a row on the limit the same in every thread. Absent (tests
   * and callers building settings by hand): the machine's date when an input's header is found.
   */
  today?: number;
  /**
   * The run's language. Not used by reading since errors carry both languages (errors.ts `said`);
   * kept because settings/resolve.ts fills it.
   */
  lang?: 'zh' | 'en';
}

export const DEFAULT_COMPLAINT_TYPES = ['投诉'];
/** Beyond this many, rejects are counted but not listed one by one. */
export const MAX_REJECT_DETAILS = 10_000;
/** How many row numbers a reason or an odd value lists. */
export const FIRST_ROWS = 5;
export const BLANK_TYPE = '(空)';

export type RejectCode =
  | 'ragged'
  | 'quote'
  | 'date-missing'
  | 'date-invalid'
  /** Over a year after today: a typing error, which would take over the period. */
  | 'date-future'
  /** Before 2000: an empty date as a database or Excel writes it (1900-01-01). */
  | 'date-early'
  | 'unit-empty'
  /** A unit, business type or class holding U+FFFD: never counted under a garbled name. */
  | 'garbled';

export interface Reject {
  file: string;
  row: number;
  reason: string;
}

export interface WorkOrder {
  input: number;
  row: number;
  id: string | null;
  acceptedAt: LocalTime;
  unit: string;
  businessType: string | null;
  isComplaint: boolean;
  /**
   * Null when empty, and (with the customer number and phone) when not made: for a sink that
   * skips the orders, or another type's for one that reads only complaints' (OrderSink).
   */
  content: string | null;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  customerId: string | null;
  phone: string | null;
  substantiated: Substantiated;
  appeal: Appeal;
  closedAt: LocalTime | null;
  repliedAt: LocalTime | null;
  satisfaction: string | null;
  department: string | null;
  city: string | null;
  escalated: Flag;
  severity: string | null;
  /** 受理渠道 (95598 电话, 网上国网, 12398 …), 城乡类别, 用电类别, 供电所: as written, or null. */
  channel: string | null;
  urbanRural: string | null;
  customerType: string | null;
  station: string | null;
  /** 用电地址: where the complaint is about (events of the early warning). */
  address: string | null;
  /** The row as read, for row-level outputs that keep the original columns. */
  cells: readonly Cell[];
  /** The header of the row's input, as found: same array for every row of that input. */
  headers: readonly string[];
}

/** Called for each usable row; `entry` is the de-duplication entry, -1 when the row has no id. */
export type OrderHandler = (order: WorkOrder, entry: number, occurrence: Occurrence) => void;

export interface CountWithRows {
  count: number;
  rows: number[];
}

export interface InputSummary {
  // The fields of DESIGN.md §6 `inputs[]`, in its order.
  file: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  sheet: string | null;
  headerRow: number | null;
  rows: number;
  complaints: number;
  duplicates: number;
  rejected: number;
  // What `inspect` adds.
  delimiter: string | null;
  columns: { header: string; field: Field; column: number }[];
  unmapped: string[];
  byType: Record<string, number>;
  /** Data rows per unit after trimming and NFKC: spelling variants show up here. */
  units: Record<string, number>;
  duplicatesDiffering: number;
  skipped: { beforeHeader: number; blank: number; total: number; repeatedHeader: number };
  rejectsByReason: Partial<Record<RejectCode, CountWithRows>>;
  unrecognised: Partial<Record<Field, CountWithRows & { values: string[] }>>;
  dateRange: { from: string; to: string } | null;
  /**
   * The days the input covers (ingest/coverage.ts): `basis` says how the last one was judged —
   * `stated` above the header, the `exported` time, the last work order (`rows`: the days after
   * it would have held work orders), or the end of its `month`. `stated` and `exportedAt` are
   * what the rows above the header say, as found.
   */
  coverage: {
    from: string;
    to: string;
    basis: CoverageBasis;
    /** Runs of days inside the span the export leaves out (no work order where some were due). */
    gaps?: { from: string; to: string }[];
    stated: { from: string | null; to: string | null } | null;
    exportedAt: string | null;
  } | null;
  notes: string[];
  /** inspect: class values of its complaint rows the taxonomy does not know (inspect-labels.ts). */
  unknownLabels?: { level: 1 | 2; value: string; rows: number }[];
}

export interface DataSetTotals {
  /** Distinct work orders after de-duplication (the later occurrence wins). */
  workOrders: number;
  complaints: number;
  duplicates: number;
  duplicatesDiffering: number;
  rejected: number;
  excludedByType: Record<string, number>;
  /** Rows that could not be de-duplicated because they have no id. */
  withoutId: number;
  /** Rows of each other business type that look like complaints (RowCounts.complaintLike). */
  complaintLike: Record<string, number>;
  /** Whether any input has a 业务类型 column (without one every row is a complaint). */
  hasBusinessType: boolean;
}

export interface IngestResult {
  inputs: InputSummary[];
  totals: DataSetTotals;
  rejects: Reject[];
  /** Rejects counted in the totals but not listed (beyond MAX_REJECT_DETAILS). */
  rejectsOmitted: number;
  /** Said on stderr and in the reports in the run's language; the JSON's `warnings` are the English. */
  warnings: Said[];
  /**
   * Of the warnings, those saying an input read later replaced differing copies of what looks
   * like a newer export (merge.ts checkReadOrder): the later copy's counts may be stale.
   */
  readOrder?: Said[];
  /** Per input: the first and last day (day index) of its usable rows' acceptance, or null. */
  spans: ([number, number] | null)[];
  /** Per input: the first and last day it covers (InputSummary.coverage), or null. */
  coverage: ([number, number] | null)[];
  /** Per input: the runs of days inside its coverage that it leaves out (ingest/coverage.ts). */
  coverageGaps?: [number, number][][];
  /** Per input read (ingest() only): its complaint rows' class values (class-values.ts), or null. */
  classValues?: (ClassValues | null)[];
}
