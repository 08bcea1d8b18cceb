/**
 * The 明细 sheet: every complaint of the period, original columns kept, then how it was
 * counted — 统计单位 (the unit as counted, normalised), 统计月份, 是否考核 (and why not:
 * 申诉成功, 不属实), 来源文件 — and its classification, so that a unit disputing its figure
 * filters 明细 and finds the 单位 sheet's numbers (DESIGN.md §7). The times the figures were
 * computed from are real dates in every row, CSV inputs included.
 *
 * Rows are spooled to a temporary file while the inputs are read (detail-rows.ts, by the
 * workers too), and written once the period is known, each work order once (its latest copy),
 * through the streaming writer.
 */
import { style, type CellStyle, type ReportWorkbook } from '../io/workbook.js';
import type { Period } from '../metrics/period.js';
import { fieldForHeader } from '../schema/fields.js';
import type { Lang } from '../settings/types.js';
import { ADDED_COLUMNS } from './classification.js';
import { DetailCollector, type DetailOptions } from './detail-rows.js';
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
/** Rows between two waits for the zip to catch up. */
const FLUSH_EVERY = 500;
/** Excel's rows per sheet. */
export const MAX_SHEET_ROWS = 1_048_576;
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
    const idAt = (this.collected.columns ?? []).findIndex((h) => fieldForHeader(h) === 'id');
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
    for (const cells of this.collected.rows(period)) {
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
                  : typeof c === 'string'
                    ? TEXT
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
    this.collected.remove();
  }
}
