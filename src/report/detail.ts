/**
 * The 明细 sheet: every complaint of the period, original columns kept, then how it was
 * counted — 统计单位 (the unit as counted, normalised), 统计月份, 是否考核 (and why not:
 * 申诉成功, 不属实), 来源文件 — and its classification, so that a unit disputing its figure
 * filters 明细 and finds the 单位 sheet's numbers (DESIGN.md §7). The times the figures were
 * computed from are real dates in every row, CSV inputs included.
 *
 * Rows are spooled to a temporary file while the inputs are read (detail-rows.ts, by the
 * workers too), and written once the period is known, each work order once (its latest copy),
 * through the streaming writer: made on this thread while the chart workers draw, or, for many
 * complaints, on a worker of their own beside the analysis (`start`).
 */
import { Worker } from 'node:worker_threads';
import { spoolError } from '../io/spool.js';
import { ReportWorkbook, style, type StyledValue } from '../io/workbook.js';
import type { Period } from '../metrics/period.js';
import { fieldForHeader } from '../schema/fields.js';
import type { Lang } from '../settings/types.js';
import { ADDED_COLUMNS } from './classification-cells.js';
import { DetailCollector, type DetailOptions } from './detail-rows.js';
import {
  makeDetailSheets,
  PartWriteError,
  type DetailSheetJob,
  type DetailSheetParts,
  type DetailStyleIds,
} from './detail-sheet.js';
import type { DetailWorkerReply } from './detail-worker.js';
import { BOOK, DETAIL } from './labels.js';
import { pagesWide } from './page.js';
import { displayWidth } from './width.js';

const WORKER = new URL('./detail-worker.js', import.meta.url);
/** Workers run compiled JavaScript: under a TypeScript test runner the rows are made here. */
const workerAvailable = !import.meta.url.endsWith('.ts');

const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD = style({
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', wrapText: true },
  border: BORDER,
});
// Top-aligned, so that a row grown for a long text still reads across.
const TOP = style({ alignment: { vertical: 'top' } });
// A text is set off from a number on its left (right-aligned, with no border between): the
// source's 序号 ran into the work order's id (1 and 16010130037129 read 116010130037129), and
// 置信度 into 判定依据 (1.00一级分类=…).
const TEXT = style({ alignment: { horizontal: 'left', vertical: 'top', indent: 1 } });
const DATE = style({ numFmt: 'yyyy-mm-dd hh:mm:ss', alignment: { vertical: 'top' } });
const CONFIDENCE = style({ numFmt: '0.00', alignment: { vertical: 'top' } });
/** A long text wraps within its column rather than running under the next one. */
const WRAP = style({
  alignment: { horizontal: 'left', vertical: 'top', wrapText: true, indent: 1 },
});
/**
 * Complaints listed from which the rows are made on a worker beside the analysis. Fewer (the
 * 1M bench file's 2016: 74,580), the job takes about as long as the charts, during which this
 * thread only waits: made here then, it reuses the memory reading left, where a worker's
 * isolate and allocator arena came on top of the charts' peak (1M, report --year 2016
 * --detail: about 60 MiB less at the peak, README).
 */
const WORKER_COMPLAINTS = 200_000;

/** Excel's rows per sheet. */
export const MAX_SHEET_ROWS = 1_048_576;
/** Widest column, in characters; a longer text wraps. */
const MAX_WIDTH = 50;
const MIN_WIDTH = 6;
/**
 * The rows' styles, registered first in the workbook (ReportWorkbook.create) so that their ids
 * are known before it is made, each with a value of the kind it is first used for.
 */
const ROW_STYLES: readonly (StyledValue & { key: keyof DetailStyleIds })[] = [
  { key: 'top', style: TOP, value: 0 },
  { key: 'text', style: TEXT, value: 'text' },
  { key: 'date', style: DATE, value: new Date(0) },
  { key: 'confidence', style: CONFIDENCE, value: 0 },
  { key: 'wrap', style: WRAP, value: 'text' },
];

/** The rows' style ids as `book` has them (it registers those it has not seen). */
function styleIds(book: ReportWorkbook): DetailStyleIds {
  return Object.fromEntries(
    ROW_STYLES.map(({ key, style, value }) => [key, book.styleId(style, value)]),
  ) as unknown as DetailStyleIds;
}

/** The rows' style ids in a workbook made with ROW_STYLES first. */
function firstStyleIds(): DetailStyleIds {
  const ids = ReportWorkbook.firstStyleIds(ROW_STYLES);
  return Object.fromEntries(
    ROW_STYLES.map(({ key }, i) => [key, ids[i]]),
  ) as unknown as DetailStyleIds;
}

/** An unexpected failure on the worker: its message alone on stderr, its stack for DEBUG. */
function workerFailure(message: string, stack: string | undefined): Error {
  const error = new Error(message);
  if (stack) error.stack = stack;
  return error;
}

/** A worker for the rows, and the rows it will reply with. */
interface Spawned {
  worker: Worker;
  parts: Promise<DetailSheetParts>;
}

/** A worker thread for the rows of `job`. */
function spawn(job: DetailSheetJob): Spawned {
  const worker = new Worker(WORKER, {
    workerData: job,
    // Its strings live briefly: a young generation of 8 MiB instead of V8's 32 takes 28 MiB
    // off its heap (51 → 23 MiB on the 250k bench file) while the charts are drawn here.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const parts = new Promise<DetailSheetParts>((resolve, reject) => {
    worker.once('message', (reply: DetailWorkerReply) => {
      if (reply.ok) resolve(reply.result);
      else if (reply.code) reject(spoolError(reply.code));
      else reject(workerFailure(reply.message, reply.stack));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`detail worker: exit ${code}`)));
  });
  parts.catch(() => {}); // taken up by write(), or dropped with the run
  return { worker, parts };
}

/** The rows being made for one period (and sheet size): on a worker (else null), or here. */
interface Started {
  period: Period;
  maxRows: number;
  ids: DetailStyleIds;
  worker: Worker | null;
  parts: Promise<DetailSheetParts>;
}

export type { DetailOptions } from './detail-rows.js';

export class DetailRows {
  /** The collecting half: the rows, spooled while the inputs are read (detail-rows.ts). */
  readonly collected: DetailCollector;
  private readonly lang: Lang;

  constructor(options: DetailOptions) {
    this.lang = options.lang;
    this.collected = new DetailCollector(options);
  }

  /** For runPipeline: sees every usable row, keeps the complaints (on this thread). */
  get observe(): DetailCollector['observe'] {
    return this.collected.observe;
  }

  private get widths(): readonly number[] {
    return this.collected.widths;
  }

  private head(): string[] {
    return [
      ...(this.collected.columns ?? []),
      ...DETAIL[this.lang].columns,
      ...ADDED_COLUMNS[this.lang],
    ];
  }

  /** Widths that fit the heading (and its filter button) and the texts, long texts wrapped. */
  private columnWidths(head: readonly string[]): number[] {
    return head.map((h, i) =>
      Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, displayWidth(h) + 4, (this.widths[i] ?? 0) + 2)),
    );
  }

  /** The styles the workbook registers first (ReportWorkbook.create), for `start`'s ids. */
  get firstStyles(): readonly StyledValue[] {
    return ROW_STYLES;
  }

  private job(period: Period, maxRows: number, ids: DetailStyleIds): DetailSheetJob {
    const head = this.head();
    const widths = this.columnWidths(head);
    return {
      spooled: this.collected.spooled(),
      period,
      widths,
      wraps: widths.map((w, i) => (this.widths[i] ?? 0) + 2 > w),
      confidenceAt: head.length - 2,
      ids,
      maxRows,
      dir: this.collected.folder(),
    };
  }

  /**
   * Starts making the rows of `period` on a worker thread, once the inputs are read, for a
   * workbook made with `firstStyles`, when there are many (`complaints`, as the cube counts
   * them); else, and with `threads` 1, they are made here (`makeHere`).
   */
  start(period: Period, threads: number, complaints: number, maxRows = MAX_SHEET_ROWS): void {
    if (this.started || threads < 2 || !workerAvailable || complaints < WORKER_COMPLAINTS) return;
    const ids = firstStyleIds();
    const job = this.job(period, maxRows, ids);
    this.started = { period, maxRows, ids, ...spawn(job) };
  }

  private started: Started | null = null;

  /**
   * Makes the rows of `period` on this thread now, unless a worker has them, for a workbook
   * made with `firstStyles`: called while the chart workers draw, when this thread would wait.
   */
  makeHere(period: Period, maxRows = MAX_SHEET_ROWS): void {
    if (this.started) return;
    const ids = firstStyleIds();
    const parts = makeDetailSheets(this.job(period, maxRows, ids));
    parts.catch(() => {}); // taken up by write()
    this.started = { period, maxRows, ids, worker: null, parts };
  }

  /** The rows of `period`, as started, or made here now. */
  private async parts(
    book: ReportWorkbook,
    period: Period,
    maxRows: number,
  ): Promise<{ parts: DetailSheetParts; ids: DetailStyleIds }> {
    const s = this.started;
    if (s) {
      // The spools are read once (detail-spool.ts spooledRows).
      if (s.period.from !== period.from || s.period.to !== period.to || s.maxRows !== maxRows)
        throw new Error('detail: the rows were started for another period');
      const ids = styleIds(book);
      if (ROW_STYLES.some(({ key }) => ids[key] !== s.ids[key]))
        throw new Error("detail: the workbook was not made with the rows' styles first");
      try {
        return { parts: await s.parts, ids };
      } catch (error) {
        throw error instanceof PartWriteError ? spoolError(error.code) : error;
      }
    }
    const ids = styleIds(book);
    try {
      return { parts: await makeDetailSheets(this.job(period, maxRows, ids)), ids };
    } catch (error) {
      throw error instanceof PartWriteError ? spoolError(error.code) : error;
    }
  }

  /** Writes the complaints of `period` as the last sheet(s); says how many rows and sheets. */
  async write(
    book: ReportWorkbook,
    name: string,
    period: Period,
    maxRows = MAX_SHEET_ROWS,
  ): Promise<{ rows: number; sheets: number }> {
    const head = this.head();
    const widths = this.columnWidths(head);
    const idAt = (this.collected.columns ?? []).findIndex((h) => fieldForHeader(h) === 'id');
    const { parts } = await this.parts(book, period, maxRows);
    book.cutCells += parts.cutCells;
    let written = 0;
    parts.parts.forEach((part, i) => {
      // A sheet holds 1,048,576 rows: beyond, the rows go on in 明细2, 明细3 …
      const sheet = book.addSheet(i === 0 ? name : `${name}${i + 1}`, {
        frozenRows: 1,
        widths,
        print: { footer: BOOK[this.lang].footer },
        // Its rows' size is known: only a sheet near 4 GiB gets zip64 headers, which some
        // streaming readers (Java's ZipInputStream before JDK 21) refuse on a small one.
        mayPass4GiB: book.mayReach4GiB(part.size),
      });
      sheet.addRow(head, HEAD);
      sheet.autoFilter(1, 1, head.length);
      sheet.appendDeflated(part);
      written += part.rows;
      // Printed in strips of columns when too wide for one page: the heading on every page,
      // and the columns up to the work-order id when it comes early, so each strip names its
      // rows.
      sheet.setPrint({
        lastRow: sheet.rows,
        lastColumn: head.length,
        titleRows: [1, 1],
        ...(idAt >= 0 && idAt < 3 ? { titleColumns: [1, idAt + 1] as [number, number] } : {}),
        pagesWide: pagesWide(widths),
      });
      sheet.commit();
    });
    return { rows: written, sheets: parts.parts.length };
  }

  /**
   * Stops the worker, if any, and removes the spools and the parts: again once the worker has
   * ended, if it wrote a part into the folder while it was being removed.
   */
  remove(): void {
    const ending = this.started?.worker?.terminate();
    this.collected.remove();
    if (ending)
      void ending.then(
        () => this.collected.remove(),
        () => this.collected.remove(),
      );
  }
}
