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
 * Calibri's advance widths, in 2048ths of an em, of the printable ASCII characters from the space
 * to the tilde, as Carlito (the metric-compatible font LibreOffice draws Calibri with) has them.
 * At 6.5 pixels a character, a space (3.3 at 11 points) and the narrow letters (i, l, t, r: 3 to
 * 5) counted as much as an n: 8 of the 58 paragraphs of the English month, quarter and year's
 * 概览 came out a line longer than LibreOffice drew them, a blank line under their text (3 still
 * do: their longest line, 822 to 834 pixels, is within the 838 LibreOffice gives the merged
 * columns, not the 822 Excel gives them, by columnPixels).
 */
// prettier-ignore
const CALIBRI_ADVANCES = [
  463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791,
  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949,
  1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356,
  1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020,
  596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080,
  1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
];
/** Calibri Bold's, likewise: a heading's letters are 2 to 4% wider. */
// prettier-ignore
const CALIBRI_BOLD_ADVANCES = [
  463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880,
  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949,
  1840, 1241, 1148, 1084, 1291, 999, 940, 1305, 1292, 546, 678, 1120, 866, 1790, 1349, 1385,
  1090, 1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665, 880, 665, 1020, 1020,
  615, 1011, 1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101,
  1099, 1099, 728, 817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020,
];
/** Pixels of 1/2048 em at 11 points and 96 pixels an inch. */
const CALIBRI_UNIT_PX = (11 * 96) / 72 / 2048;
/**
 * Pixels of one unit of display width (string-width: a Chinese character is two) of any other
 * character. A Chinese character drawn in the fallback font at 11 points is about 15 pixels;
 * rounding up keeps the estimate from falling a line short.
 */
const WIDE_UNIT_PX = 7.5;
/** A cell's padding, left and right. */
const PADDING_PX = 8;
/** Excel's tallest row. */
const MAX_ROW_PT = 409;

/** How many columns the block spans: the sheet's, and at least `px` wide. */
export function blockColumns(widths: readonly number[], px: number): number {
  return Math.max(1, widths.length, columnsSpanned(widths, Math.max(px, BLOCK_PX)));
}

/**
 * Pixels of one unit of display width of a figure, a sign, a space or a letter in a Chinese text
 * (2016年1–11月, 0.6%；), measured as before Calibri's widths: with the Chinese characters at 7.5
 * (their 14.7 rounded up), the Chinese paragraphs came out in the lines LibreOffice draws them in
 * but for 3 of 58, a line over; Calibri's figures (7.4) made the month's 月均下降率 of a partial
 * year a line over too.
 */
const IN_CHINESE_UNIT_PX = 6.5;

/**
 * About how many pixels a word (printable ASCII) or another character takes at 11 points;
 * `chinese`: in a Chinese text (chineseText).
 */
function tokenPixels(token: string, chinese: boolean, bold: boolean): number {
  const c = token.charCodeAt(0);
  const w = stringWidth(token);
  if (chinese && w === token.length) return w * IN_CHINESE_UNIT_PX;
  if (c < 0x20 || c > 0x7e) return w * WIDE_UNIT_PX;
  const advances = bold ? CALIBRI_BOLD_ADVANCES : CALIBRI_ADVANCES;
  let units = 0;
  for (let i = 0; i < token.length; i++) units += advances[token.charCodeAt(i) - 0x20]!;
  return units * CALIBRI_UNIT_PX;
}

/**
 * Whether a text is Chinese: its first letter or character is (the English bulletin's sentences
 * name units in Chinese, after their first word).
 */
function chineseText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWideCjk(c)) return true;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return false;
}

/**
 * The lines a text takes in a cell `px` pixels wide, breaking as Excel does: between Chinese
 * characters, and at the spaces between words; `bold`: in Calibri Bold.
 */
export function wrappedLines(text: string, px: number, bold = false): number {
  let lines = 1;
  let used = 0;
  const chinese = chineseText(text);
  for (const token of text.match(/[\x21-\x7e]+|\s|./gsu) ?? []) {
    if (token === '\n') {
      lines++;
      used = 0;
      continue;
    }
    const w = tokenPixels(token, chinese, bold);
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

/** The lines `text` takes across the first `columns` columns of these widths (`bold`: in bold). */
export function textLines(
  text: string,
  widths: readonly number[],
  columns: number,
  bold = false,
): number {
  return wrappedLines(text, textPixels(widths, columns), bold);
}

/** The height in points of a row showing `text` across columns of these widths. */
export function rowHeight(
  text: string,
  widths: readonly number[],
  columns: number,
  bold = false,
): number {
  return linesHeight(text, textLines(text, widths, columns, bold));
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
export function captionLines(
  text: string,
  widths: readonly number[],
  columns: number,
  bold = false,
): string {
  const px = textPixels(widths, columns);
  if (wrappedLines(text, px, bold) <= 1) return text;
  const [first = '', ...rest] = phrases(text);
  const lines = [first];
  for (const phrase of rest) {
    const joined = lines.at(-1)! + phrase;
    if (wrappedLines(joined, px, bold) <= 1) lines[lines.length - 1] = joined;
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
