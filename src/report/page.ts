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

/** Pages across for columns of these widths: one, unless that would print below READABLE_SCALE. */
export function pagesWide(widths: readonly number[]): number {
  const points = widths.reduce((sum, w) => sum + columnPixels(w) * 0.75, 0);
  return Math.max(1, Math.ceil((points * READABLE_SCALE) / PRINTABLE_WIDTH_PT));
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

/** About how many rows of the default height a page holds, once fitted to the page width. */
export function rowsPerPage(widths: readonly number[]): number {
  const points = widths.reduce((sum, w) => sum + columnPixels(w) * 0.75, 0);
  const scale = Math.min(1, PRINTABLE_WIDTH_PT / Math.max(1, points));
  return Math.floor(PRINTABLE_HEIGHT_PT / scale / ((ROW_PX * 3) / 4));
}
