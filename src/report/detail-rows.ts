/**
 * The collecting half of the 明细 sheet (detail.ts writes it): every complaint row placed in the
 * output's columns (io/placement.ts), with how it was counted and classified, spooled to a
 * temporary file while the inputs are read; once the period is known, `rows(period)` hands the
 * writer each work order's latest copy within the period, in reading order.
 *
 * A mergeable range partial, as the hot words' texts are (ingest/hot-word-texts.ts): a worker
 * reading a CSV's byte range spools its rows to a file of its own in this collector's folder
 * (`rangeJob`, `DetailCollector.forRange`, `toData`), numbered by the range's own entries and
 * sequence; the main thread `adopt`s the ranges' spools in range order with the entries they
 * have in the data set (merge.ts EntryMap). The rows are spooled in segments — this thread's
 * rows between two adopted ranges, each adopted range — read back in order; a work order's
 * latest copy is the last one of the segment that saw it last. The folder is tracked
 * (io/temp.ts): every exit path removes it, a worker's spools included.
 */
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RowPlacement } from '../io/placement.js';
import type { Cell } from '../io/table.js';
import { releaseTemporary, temporaryFolder } from '../io/temp.js';
import type { WorkOrder } from '../ingest/types.js';
import { contains, type Period } from '../metrics/period.js';
import { fieldForHeader, headerKey, type Field } from '../schema/fields.js';
import type { MapOverrides } from '../schema/header.js';
import { monthIndexToString, type LocalTime } from '../schema/values.js';
import type { Lang } from '../settings/types.js';
import type { Classification } from '../taxonomy/classify.js';
import { addedCells } from './classification-cells.js';
import { BOOK, DETAIL } from './labels.js';
import { RowSpool, spooledRows, type Segment, type SpooledSegments } from './detail-spool.js';
import { displayWidth } from './width.js';

/** Rows whose texts set the column widths: the first ones are as good a sample as any. */
export const MEASURED_ROWS = 2000;

/** The times shown as dates when the export gives them as text. */
const TIME_FIELDS = ['acceptedAt', 'repliedAt', 'closedAt'] as const;

export interface DetailOptions {
  lang: Lang;
  /** The period when it is known before reading, to spool only its complaints. */
  within?: Period | null;
  /** The inputs in the order read (WorkOrder.input): their names go in 来源文件. */
  inputs?: readonly string[];
  /** Whether unsubstantiated complaints are not assessed (--exclude-unsubstantiated). */
  excludeUnsubstantiated?: boolean;
  /** --map: headers that mean a field though no alias names them. */
  map?: MapOverrides;
}

/** What a worker needs to collect a byte range's rows (plain data, in AggregateJob). */
export interface DetailRangeJob {
  options: DetailOptions;
  /** The collector's folder: the range's spool goes there. */
  dir: string;
  /** The output's columns when fixed by a row already placed; null: the range's first row's. */
  columns: string[] | null;
}

/** A byte range's rows, as the worker hands them to the main thread. */
export interface DetailRangeData {
  /** The spool, finished, and its files (RowSpool.pieces). */
  file: string;
  pieces: number;
  /** Per entry of the range, the sequence of its last copy (1, 2 … in the range); 0: none. */
  latest: Uint32Array;
  /** The columns fixed by the range's first row placed (or given); null: no row placed. */
  columns: string[] | null;
  /** The display widths of the range's first rows (at most MEASURED_ROWS), row by row. */
  measured: number[][];
}

const dateOf = (t: LocalTime): Date => new Date(t.ms);

/** A Uint32Array / Int32Array at least `size` long, the values kept. */
function grown<T extends Uint32Array | Int32Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(array.length * 2, size));
  bigger.set(array);
  return bigger;
}

export class DetailCollector {
  private readonly placement: RowPlacement;
  private readonly lang: Lang;
  private readonly within: Period | null;
  private readonly sourceNames: string[];
  private readonly excludeUnsubstantiated: boolean;
  private readonly map: MapOverrides;
  /** Where each time field sits among the source columns (-1: nowhere); set by the first row. */
  private timeColumns: Record<(typeof TIME_FIELDS)[number], number> | null = null;
  /** Display widths of the first rows, column by column. */
  readonly widths: number[] = [];
  private measured = 0;
  /** A range's collector: the widths of its first rows, row by row. */
  private readonly measuredRows: number[][] | null;

  /** The folder of the spools (tracked), made when first needed; a range's: the main's. */
  private dir: string | null = null;
  private readonly segments: Segment[] = [];
  /** The segment being written on this thread. */
  private spool: RowSpool | null = null;
  private latest = new Uint32Array(1 << 12);
  private sequence = 0;
  /** Per entry of the data set, the segment (+1) that saw its last copy. */
  private owner = new Int32Array(1 << 12);
  private spools = 0;

  constructor(
    private readonly options: DetailOptions,
    /** A byte range's collector (a worker's): its spool file and the output's columns. */
    private readonly range: { file: string; columns: string[] | null } | null = null,
  ) {
    this.lang = options.lang;
    this.within = options.within ?? null;
    this.sourceNames = (options.inputs ?? []).map((f) => (f === '-' ? 'stdin' : basename(f)));
    this.excludeUnsubstantiated = options.excludeUnsubstantiated ?? false;
    this.map = options.map ?? {};
    this.placement = new RowPlacement(range?.columns ?? null);
    this.measuredRows = range ? [] : null;
  }

  /** A worker's collector of one byte range (`name`: unique among the run's spools). */
  static forRange(job: DetailRangeJob, name: string): DetailCollector {
    return new DetailCollector(job.options, {
      file: join(job.dir, `${name}.bin`),
      columns: job.columns,
    });
  }

  /** The output's source columns: the first placed row's headers (null before any row). */
  get columns(): readonly string[] | null {
    return this.placement.columns;
  }

  /** What a worker needs to collect a range's rows into this collector's folder. */
  rangeJob(): DetailRangeJob {
    return {
      options: this.options,
      dir: this.folder(),
      columns: this.placement.columns && [...this.placement.columns],
    };
  }

  /** The spools' folder (tracked, removed with them): the 明细 sheet's parts go there too. */
  folder(): string {
    if (!this.dir) {
      this.dir = temporaryFolder('detail');
    }
    return this.dir;
  }

  /** For runPipeline: sees every usable row, keeps the complaints. */
  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
    if (!this.spool) this.openSegment();
    const sequence = ++this.sequence;
    if (entry >= 0) {
      this.latest = grown(this.latest, entry + 1);
      this.latest[entry] = sequence;
      if (!this.range) {
        this.owner = grown(this.owner, entry + 1);
        this.owner[entry] = this.segments.length;
      }
    }
    if (!c) return;
    if (this.within && !contains(this.within, order.acceptedAt.dayIndex)) return;
    const cells = this.placement.place(order, [
      ...this.countedCells(order, c),
      ...addedCells(c, this.lang),
    ]);
    this.datesIn(cells, order);
    if (this.measured++ < MEASURED_ROWS) this.measure(cells);
    this.spool!.append(entry, sequence, order.acceptedAt.dayIndex, cells);
  };

  /** A segment of this thread's rows (or the range's only one), numbered by the data set's entries. */
  private openSegment(): void {
    const file = this.range?.file ?? join(this.folder(), `main-${this.spools++}.bin`);
    this.spool = new RowSpool(file);
    this.latest = new Uint32Array(1 << 12);
    this.sequence = 0;
    this.segments.push({ file, pieces: 1, latest: this.latest, entries: null });
  }

  /** Ends this thread's segment: rows observed after an adopted range go in a new one. */
  private closeSegment(): void {
    if (!this.spool) return;
    this.spool.finish();
    const segment = this.segments[this.segments.length - 1]!;
    segment.latest = this.latest;
    segment.pieces = this.spool.pieces;
    this.spool = null;
  }

  /** 统计单位, 统计月份, 是否考核, 来源文件: how the figures counted the complaint. */
  private countedCells(order: WorkOrder, c: Classification): Cell[] {
    const t = DETAIL[this.lang];
    // A corrections file's ruling outranks the appeal, as in the counts (group.ts isAssessed).
    const ruled = c.correction?.assessed ?? null;
    const assessed =
      ruled !== null
        ? ruled
          ? t.ruledAssessed
          : t.notAssessed(t.ruled)
        : order.appeal === 'approved'
          ? t.notAssessed(t.appealApproved)
          : this.excludeUnsubstantiated && order.substantiated === 'no'
            ? t.notAssessed(t.unsubstantiated)
            : BOOK[this.lang].yes;
    return [
      order.unit,
      monthIndexToString(order.acceptedAt.monthIndex),
      assessed,
      this.sourceNames[order.input] ?? null,
    ];
  }

  /** The source's time columns as dates, whatever the export wrote (text in a CSV). */
  private datesIn(cells: Cell[], order: WorkOrder): void {
    const at = (this.timeColumns ??= this.findTimeColumns());
    for (const field of TIME_FIELDS) {
      const time = order[field];
      if (at[field] >= 0 && time) cells[at[field]] = dateOf(time);
    }
  }

  private findTimeColumns(): Record<(typeof TIME_FIELDS)[number], number> {
    const columns = this.placement.columns ?? [];
    const mapped = new Map(
      Object.entries(this.map).map(([field, header]) => [headerKey(header!), field as Field]),
    );
    const fieldOf = (h: string) => mapped.get(headerKey(h)) ?? fieldForHeader(h);
    const find = (field: Field) => columns.findIndex((h) => fieldOf(h) === field);
    return {
      acceptedAt: find('acceptedAt'),
      repliedAt: find('repliedAt'),
      closedAt: find('closedAt'),
    };
  }

  private measure(cells: readonly Cell[]): void {
    const row = cells.map((value) =>
      value instanceof Date
        ? 19
        : typeof value === 'number'
          ? String(value).length
          : typeof value === 'string'
            ? displayWidth(value)
            : 0,
    );
    this.measuredRows?.push(row);
    this.fold(row);
  }

  private fold(row: readonly number[]): void {
    row.forEach((w, i) => {
      if (w > (this.widths[i] ?? 0)) this.widths[i] = w;
    });
  }

  /** A range's collector's rows, its spool finished (the worker's reply). */
  toData(): DetailRangeData {
    const spool = this.spool ?? new RowSpool(this.range!.file); // no row: an empty spool
    spool.finish();
    return {
      file: this.range!.file,
      pieces: spool.pieces,
      latest: this.latest.slice(0, this.entriesSeen()),
      columns: this.placement.columns && [...this.placement.columns],
      measured: this.measuredRows ?? [],
    };
  }

  private entriesSeen(): number {
    let n = this.latest.length;
    while (n > 0 && this.latest[n - 1] === 0) n--;
    return n;
  }

  /** A worker that failed: its spool closed (the folder goes with the main thread's). */
  abandon(): void {
    this.spool?.remove();
    this.spool = null;
  }

  /**
   * Takes a byte range's rows as read after all so far: `entries` maps its entries to the data
   * set's (null: the same numbers, the data set's first partial).
   */
  adopt(data: DetailRangeData, entries: ArrayLike<number> | null): void {
    this.closeSegment();
    this.segments.push({ file: data.file, pieces: data.pieces, latest: data.latest, entries });
    const segment = this.segments.length;
    const { latest } = data;
    for (let e = 0; e < latest.length; e++) {
      if (latest[e] === 0) continue;
      const entry = entries ? entries[e]! : e;
      this.owner = grown(this.owner, entry + 1);
      this.owner[entry] = segment;
    }
    this.placement.adoptColumns(data.columns);
    for (const row of data.measured) {
      if (this.measured >= MEASURED_ROWS) break;
      this.measured++;
      this.fold(row);
    }
  }

  /**
   * The rows as spooled, every thread's spool finished: what `spooledRows` reads (on a worker
   * thread too: plain data).
   */
  spooled(): SpooledSegments {
    this.closeSegment();
    return { segments: this.segments, owner: this.owner };
  }

  /** The latest copies of the complaints of `period`, in reading order, each a row's cells. */
  rows(period: Period): Generator<Cell[]> {
    return spooledRows(this.spooled(), period);
  }

  /**
   * Removes the spools' folder; never throws. A worker still running (the 明细 worker starting
   * a part, a reader starting a piece) may put a file in it while it is emptied: tried again,
   * and if it still cannot go, it stays tracked for the exit's clean-up (io/temp.ts), which runs
   * once every thread has stopped, rather than failing the run in its `finally`.
   */
  remove(): void {
    this.spool?.remove();
    this.spool = null;
    if (!this.dir) return;
    try {
      rmSync(this.dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 10 });
    } catch {
      return;
    }
    releaseTemporary(this.dir);
    this.dir = null;
  }
}
