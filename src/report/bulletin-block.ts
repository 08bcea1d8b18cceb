/**
 * The written bulletin as a text block on 概览 (issue 13), under the tables and before the
 * charts (each on a page of its own): the heading 通报, each section's heading in bold, and each
 * paragraph in one cell merged across the block's columns, wrapped and top-aligned. Excel never
 * sizes a row to the text of a merged cell (it shows one line), so each row's height is set here
 * from the lines the text takes at the columns' widths. It lays out the model's bulletin and
 * computes no figure.
 */
import stringWidth from 'string-width';
import { style, type ReportSheet } from '../io/workbook.js';
import type { Lang } from '../settings/types.js';
import { BOOK } from './labels.js';
import {
  CJK_LEADING_PT,
  CJK_LINE_PT,
  DEFAULT_WIDTH,
  LATIN_LINE_PT,
  columnPixels,
  columnsSpanned,
  rowsPerPage,
} from './page.js';
import { paragraphText, type Bulletin } from './types.js';
import { isWideCjk } from './width.js';

const BLOCK_HEADING = style({ font: { bold: true, size: 14 } });
const SECTION_HEADING = style({ font: { bold: true } });
const TEXT = style({ alignment: { vertical: 'top', wrapText: true } });

/** The block is at least as wide as the charts below it (720 pixels): a page's measure. */
export const BLOCK_PX = 720;
/**
 * Pixels of one unit of display width (string-width: a Chinese character is two). A Chinese
 * character drawn in the fallback font at 11 points is about 15 pixels; Calibri's letters and
 * digits average under 7. Rounding up keeps the estimate from falling a line short.
 */
const WIDE_UNIT_PX = 7.5;
const NARROW_UNIT_PX = 6.5;
/** A cell's padding, left and right. */
const PADDING_PX = 8;
/** Excel's tallest row. */
const MAX_ROW_PT = 409;

/** How many columns the block spans: the sheet's, and at least `px` wide. */
export function blockColumns(widths: readonly number[], px: number): number {
  return Math.max(1, widths.length, columnsSpanned(widths, Math.max(px, BLOCK_PX)));
}

/** About how many pixels a word or a character takes at 11 points. */
function tokenPixels(token: string): number {
  const w = stringWidth(token);
  return w * (w > token.length ? WIDE_UNIT_PX : NARROW_UNIT_PX);
}

/**
 * The lines a text takes in a cell `px` pixels wide, breaking as Excel does: between Chinese
 * characters, and at the spaces between words.
 */
export function wrappedLines(text: string, px: number): number {
  let lines = 1;
  let used = 0;
  for (const token of text.match(/[\x21-\x7e]+|\s|./gsu) ?? []) {
    if (token === '\n') {
      lines++;
      used = 0;
      continue;
    }
    const w = tokenPixels(token);
    // A space at the end of a line takes no room on the next.
    if (/^\s$/u.test(token)) {
      if (used > 0) used += w;
      continue;
    }
    if (used > 0 && used + w > px) {
      lines++;
      used = 0;
    }
    used += w;
    // A word longer than a line is cut where the line ends.
    while (used > px) {
      lines++;
      used -= px;
    }
  }
  return lines;
}

/** The pixels a text has across the first `columns` columns of these widths, padding aside. */
function textPixels(widths: readonly number[], columns: number): number {
  let px = 0;
  for (let c = 0; c < columns; c++) px += columnPixels(widths[c] ?? DEFAULT_WIDTH);
  return Math.max(1, px - PADDING_PX);
}

/** The height in points of `lines` lines of a text, by its script (LATIN_LINE_PT, CJK_LINE_PT). */
function linesHeight(text: string, lines: number): number {
  const height = hasWideCharacter(text)
    ? lines * CJK_LINE_PT + CJK_LEADING_PT
    : lines * LATIN_LINE_PT;
  return Math.min(MAX_ROW_PT, height);
}

function hasWideCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isWideCjk(text.charCodeAt(i))) return true;
  return false;
}

/** The lines `text` takes across the first `columns` columns of these widths. */
export function textLines(text: string, widths: readonly number[], columns: number): number {
  return wrappedLines(text, textPixels(widths, columns));
}

/** The height in points of a row showing `text` across columns of these widths. */
export function rowHeight(text: string, widths: readonly number[], columns: number): number {
  return linesHeight(text, textLines(text, widths, columns));
}

/** A text's phrases, each from its bracket on: "（" (" (" in English, the space leading it). */
export function phrases(text: string): string[] {
  return text.split(/(?=（)|(?= \()/u);
}

/**
 * A caption too long for the first `columns` columns, broken into lines at its phrases: before
 * "（" (" (" in English), as many phrases on a line as fit. Left to Excel, it broke where the
 * line ran out, mid-phrase ("本季度：2016年第四季度（同比基期：2015" / "年第四季度）"). A phrase
 * longer than a line still wraps within it.
 */
export function captionLines(text: string, widths: readonly number[], columns: number): string {
  const px = textPixels(widths, columns);
  if (wrappedLines(text, px) <= 1) return text;
  const [first = '', ...rest] = phrases(text);
  const lines = [first];
  for (const phrase of rest) {
    const joined = lines.at(-1)! + phrase;
    if (wrappedLines(joined, px) <= 1) lines[lines.length - 1] = joined;
    else lines.push(phrase.trimStart());
  }
  return lines.join('\n');
}

/**
 * Writes the block below the rows written so far, across `columns` columns (1-based, from the
 * first) of these widths. It starts a printed page (the figures on one, the text on the next)
 * unless the tables already run onto a second page: then it fills the rest of that one.
 */
export function writeBulletinBlock(
  sheet: ReportSheet,
  bulletin: Bulletin,
  lang: Lang,
  widths: readonly number[],
  columns: number,
): void {
  if (bulletin.sections.length === 0) return;
  sheet.skip();
  if (sheet.rows <= rowsPerPage(widths)) sheet.pageBreakAfter(sheet.rows);
  sheet.addRow([BOOK[lang].bulletin], BLOCK_HEADING, 22);
  for (const section of bulletin.sections) {
    sheet.skip();
    sheet.addRow([section.heading], SECTION_HEADING);
    for (const paragraph of section.paragraphs) {
      // 概览 shows the bulletin's words, not its tables: a note on 表2 would point at nothing.
      if (paragraph.ofTables) continue;
      const text = paragraphText(paragraph);
      const row = sheet.addRow([text], TEXT, rowHeight(text, widths, columns));
      if (columns > 1) sheet.merge(row, 1, row, columns);
    }
  }
}
