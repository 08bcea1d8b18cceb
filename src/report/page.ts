/**
 * Sizes on the printed page, for the print layout of the report's sheets and of 明细: how wide
 * Excel draws a column, how many columns a picture spans, and how many pages across a sheet
 * needs to stay readable. Excel's units: a column width in characters of the default font
 * (Calibri 11, seven pixels a digit) plus five pixels of padding; 96 pixels an inch.
 */

/** A4 landscape less the side margins of io/workbook.ts's PRINT_MARGINS, in points. */
export const PRINTABLE_WIDTH_PT = 842 - (0.4 + 0.4) * 72;
/** A4 landscape less the top and bottom margins, in points. */
export const PRINTABLE_HEIGHT_PT = 595 - (0.6 + 0.6) * 72;
/**
 * The smallest scale a sheet is printed at: 11-point text at 65% is about 7 points, small but
 * readable. A sheet wider than that at one page is printed in strips of columns.
 */
export const READABLE_SCALE = 0.65;
/** Excel's width of a column without one of its own. */
export const DEFAULT_WIDTH = 8.43;
/** The default row height, 15 points. */
export const ROW_PX = 20;

export function columnPixels(width: number): number {
  return Math.trunc(width * 7) + 5;
}

/** How many columns from the first a picture `px` wide covers, given the sheet's widths. */
export function columnsSpanned(widths: readonly number[], px: number): number {
  let covered = 0;
  let n = 0;
  while (covered < px) covered += columnPixels(widths[n++] ?? DEFAULT_WIDTH);
  return n;
}

/** Pages across for columns of these widths: one, unless that would print below `scale`. */
export function pagesWide(widths: readonly number[], scale = READABLE_SCALE): number {
  const points = widths.reduce((sum, w) => sum + columnPixels(w) * 0.75, 0);
  return Math.max(1, Math.ceil((points * scale) / PRINTABLE_WIDTH_PT));
}

/**
 * The scale columns of these widths print at, fitted one page wide. LibreOffice draws a column
 * about as wide as columnPixels says: it fitted the English quarter's 单位 (Units, 201
 * characters in 20 columns) at 70%, its rows 10.50 points apart, where this gives 69.4%.
 */
export function fittedScale(widths: readonly number[]): number {
  const points = widths.reduce((sum, w) => sum + columnPixels(w) * 0.75, 0);
  return Math.min(1, PRINTABLE_WIDTH_PT / Math.max(1, points));
}

/**
 * How many columns the first of `pages` strips holds at least: those within an even share of the
 * width (the printer fills the first page before it breaks, so the strip may hold more).
 */
export function firstStripColumns(widths: readonly number[], pages: number): number {
  const share = widths.reduce((sum, w) => sum + columnPixels(w), 0) / pages;
  let covered = 0;
  let n = 0;
  while (n < widths.length && covered + columnPixels(widths[n]!) <= share)
    covered += columnPixels(widths[n++]!);
  return Math.max(1, n);
}

/** The height of a page in the sheet's points, once its columns are fitted to the page width. */
export function pageHeight(widths: readonly number[]): number {
  return PRINTABLE_HEIGHT_PT / fittedScale(widths);
}

/** About how many rows of the default height a page holds, once fitted to the page width. */
export function rowsPerPage(widths: readonly number[]): number {
  return Math.floor(pageHeight(widths) / ROW_PT);
}

/** The default row height in points. */
export const ROW_PT = (ROW_PX * 3) / 4;

/**
 * Points a wrapped line takes. A line of Calibri 11 is Excel's default row, 15 points (LibreOffice
 * draws it in about 12). Chinese text falls back to a Chinese font, whose lines LibreOffice draws
 * about 16 points apart below a few points of leading: eight lines of Noto Sans CJK fit in 132
 * points and touch the border at 128. At 16 a line for both, a two-line English row (36 points)
 * showed most of a blank line under its text. 明细's wrapped texts, Chinese, take the
 * same (detail-sheet.ts).
 */
export const LATIN_LINE_PT = 15;
export const CJK_LINE_PT = 16;
export const CJK_LEADING_PT = 4;

/**
 * Where the tables of a sheet one page wide fall on its printed pages, so that a table does not
 * run over a page break when it fits on a page of its own: the rows after the break would print
 * without their heading (a sheet's print titles repeat one range only: its title and period),
 * as 时效与满意度's 回访结果 did, its heading and first row alone at the foot of a page. A table
 * longer than a page runs on as before. Heights are estimates at the default row height, a
 * little more than LibreOffice's: a break may come a row or two early, never late.
 */
export class PageFill {
  private used: number;

  /**
   * `page`: the page's height in the sheet's points (pageHeight); `repeated`: the height of the
   * rows repeated at the top of every page; `used`: the height already written on the first.
   */
  constructor(
    private readonly page: number,
    private readonly repeated: number,
    used: number,
  ) {
    this.used = used;
  }

  /** `rows` of the default height follow; true: they should start a new page. */
  startsPage(rows: number): boolean {
    const height = rows * ROW_PT;
    if (this.used + height > this.page && this.repeated + height <= this.page) {
      this.used = this.repeated + height;
      return true;
    }
    this.used += height;
    while (this.used > this.page) this.used -= this.page - this.repeated;
    return false;
  }
}
