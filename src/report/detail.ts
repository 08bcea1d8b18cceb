/**
 * The 明细 sheet: every complaint of the period, original columns kept, then how it was
 * counted — 统计单位 (the unit as counted, normalised), 统计月份, 是否考核 (and why not:
 * 申诉成功, 不属实), 来源文件 — and its classification, so that a unit disputing its figure
 * filters 明细 and finds the 单位 sheet's numbers (DESIGN.md §7). The times the figures were
 * computed from are real dates in every row, CSV inputs included.
 *
 * Rows are spooled to a temporary file while the inputs are read, and written once the period
 * is known, each work order once (its latest copy), through the streaming writer.
 */
import { basename } from 'node:path';
import { RowPlacement } from '../io/placement.js';
import { Spool } from '../io/spool.js';
import type { Cell } from '../io/table.js';
import { style, type CellStyle, type ReportWorkbook } from '../io/workbook.js';
import type { WorkOrder } from '../ingest/types.js';
import { contains, type Period } from '../metrics/period.js';
import { fieldForHeader, headerKey, type Field } from '../schema/fields.js';
import type { MapOverrides } from '../schema/header.js';
import { monthIndexToString, type LocalTime } from '../schema/values.js';
import type { Lang } from '../settings/types.js';
import type { Classification } from '../taxonomy/classify.js';
import { ADDED_COLUMNS, addedCells } from './classification.js';
import { BOOK, DETAIL } from './labels.js';
import { pagesWide } from './page.js';
import { displayWidth } from './width.js';

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
const DATE = style({ numFmt: 'yyyy-mm-dd hh:mm:ss', alignment: { vertical: 'top' } });
const CONFIDENCE = style({ numFmt: '0.00', alignment: { vertical: 'top' } });
/** A long text wraps within its column rather than running under the next one. */
const WRAP = style({ alignment: { vertical: 'top', wrapText: true } });
/** Rows between two waits for the zip to catch up. */
const FLUSH_EVERY = 500;
/** Excel's rows per sheet. */
export const MAX_SHEET_ROWS = 1_048_576;
/** Rows whose texts set the column widths: the first ones are as good a sample as any. */
const MEASURED_ROWS = 2000;
/** Widest column, in characters; a longer text wraps. */
const MAX_WIDTH = 50;
const MIN_WIDTH = 6;
/** A wrapped text's row grows to this many lines at most; the rest stays in the cell. */
const MAX_LINES = 8;
const LINE_PT = 15;

/** The lines a text takes wrapped in a column `width` characters wide (a little padding aside). */
function linesOf(text: string, width: number): number {
  return text
    .split('\n')
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))),
      0,
    );
}

/** The times shown as dates when the export gives them as text. */
const TIME_FIELDS = ['acceptedAt', 'repliedAt', 'closedAt'] as const;

type Spooled = [entry: number, sequence: number, day: number, cells: Cell[]];

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

const dateOf = (t: LocalTime): Date => new Date(t.ms);

export class DetailRows {
  private readonly spool = new Spool();
  private lastSequence = new Uint32Array(1 << 15);
  private sequence = 0;
  private readonly placement = new RowPlacement();
  private readonly lang: Lang;
  private readonly within: Period | null;
  private readonly sourceNames: string[];
  private readonly excludeUnsubstantiated: boolean;
  private readonly map: MapOverrides;
  /** Where each time field sits among the source columns (-1: nowhere); set by the first row. */
  private timeColumns: Record<(typeof TIME_FIELDS)[number], number> | null = null;
  /** Display widths of the first rows, column by column. */
  private readonly widths: number[] = [];
  private measured = 0;

  constructor(options: DetailOptions) {
    this.lang = options.lang;
    this.within = options.within ?? null;
    this.sourceNames = (options.inputs ?? []).map((f) => (f === '-' ? 'stdin' : basename(f)));
    this.excludeUnsubstantiated = options.excludeUnsubstantiated ?? false;
    this.map = options.map ?? {};
  }

  /** For runPipeline: sees every usable row, keeps the complaints. */
  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
    const sequence = ++this.sequence;
    if (entry >= 0) {
      if (entry >= this.lastSequence.length) {
        const bigger = new Uint32Array(Math.max(this.lastSequence.length * 2, entry + 1));
        bigger.set(this.lastSequence);
        this.lastSequence = bigger;
      }
      this.lastSequence[entry] = sequence;
    }
    if (!c) return;
    if (this.within && !contains(this.within, order.acceptedAt.dayIndex)) return;
    const cells = this.placement.place(order, [
      ...this.countedCells(order),
      ...addedCells(c, this.lang),
    ]);
    this.datesIn(cells, order);
    if (this.measured++ < MEASURED_ROWS) this.measure(cells);
    const record: Spooled = [entry, sequence, order.acceptedAt.dayIndex, cells];
    this.spool.append(record);
  };

  /** 统计单位, 统计月份, 是否考核, 来源文件: how the figures counted the complaint. */
  private countedCells(order: WorkOrder): Cell[] {
    const t = DETAIL[this.lang];
    const assessed =
      order.appeal === 'approved'
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
    cells.forEach((value, i) => {
      const w =
        value instanceof Date
          ? 19
          : typeof value === 'number'
            ? String(value).length
            : typeof value === 'string'
              ? displayWidth(value)
              : 0;
      if (w > (this.widths[i] ?? 0)) this.widths[i] = w;
    });
  }

  private head(): string[] {
    return [
      ...(this.placement.columns ?? []),
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

  /** Writes the complaints of `period` as the last sheet(s); says how many rows and sheets. */
  async write(
    book: ReportWorkbook,
    name: string,
    period: Period,
    maxRows = MAX_SHEET_ROWS,
  ): Promise<{ rows: number; sheets: number }> {
    const head = this.head();
    const widths = this.columnWidths(head);
    const wraps = widths.map((w, i) => (this.widths[i] ?? 0) + 2 > w);
    const confidenceAt = head.length - 2;
    const idAt = (this.placement.columns ?? []).findIndex((h) => fieldForHeader(h) === 'id');
    let part = 1;
    const open = () => {
      // A sheet holds 1,048,576 rows: beyond, the rows go on in 明细2, 明细3 …
      const sheet = book.addSheet(part === 1 ? name : `${name}${part}`, {
        frozenRows: 1,
        widths,
        print: { footer: BOOK[this.lang].footer },
      });
      sheet.addRow(head, HEAD);
      sheet.autoFilter(1, 1, head.length);
      return sheet;
    };
    // Printed in strips of columns when too wide for one page: the heading on every page, and
    // the columns up to the work-order id when it comes early, so each strip names its rows.
    const close = (sheet: ReturnType<typeof open>) => {
      sheet.setPrint({
        lastRow: sheet.rows,
        lastColumn: head.length,
        titleRows: [1, 1],
        ...(idAt >= 0 && idAt < 3 ? { titleColumns: [1, idAt + 1] as [number, number] } : {}),
        pagesWide: pagesWide(widths),
      });
      sheet.commit();
    };
    const styles: (CellStyle | undefined)[] = [];
    let sheet = open();
    let written = 0;
    for (const value of this.spool.read()) {
      const [entry, sequence, day, cells] = value as Spooled;
      if (!contains(period, day)) continue;
      if (entry >= 0 && this.lastSequence[entry] !== sequence) continue;
      if (sheet.rows >= maxRows) {
        close(sheet);
        part++;
        sheet = open();
      }
      let lines = 1;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        const wrapped = wraps[i] && typeof c === 'string';
        styles[i] =
          c === null || c === ''
            ? undefined
            : c instanceof Date
              ? DATE
              : i === confidenceAt
                ? CONFIDENCE
                : wrapped
                  ? WRAP
                  : TOP;
        if (wrapped) lines = Math.max(lines, linesOf(c, widths[i]!));
      }
      // Neither Excel nor LibreOffice grows a row for wrapped text when opening a file: the
      // height is written, one line per 15 points.
      sheet.addRow(cells, styles, lines > 1 ? Math.min(MAX_LINES, lines) * LINE_PT : undefined);
      if (++written % FLUSH_EVERY === 0) await sheet.flush();
    }
    close(sheet);
    return { rows: written, sheets: part };
  }

  remove(): void {
    this.spool.remove();
  }
}
