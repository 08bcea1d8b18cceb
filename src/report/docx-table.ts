/**
 * A model table as a Word table: the column widths worked out from the text of the cells, then
 * the rows. Widths are explicit everywhere (w:tblGrid and a w:tcW on every cell, fixed layout):
 * WPS draws a table without them as a sliver, and Word's autofit breaks unit names anywhere.
 *
 * The width a text needs counts a Chinese character as one em and Latin letters and figures
 * by Times New Roman's widths. Every cell stays on one line where the page allows, so a unit
 * name like 国网黄山市徽州区供电公司 never breaks mid-name and a figure never splits; headings
 * may take two lines (more when the table is crowded). The font is the largest of 四号, 小四,
 * 五号 and 小五 at which that fits the text width (tableLayout).
 */
import {
  AlignmentType,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  BorderStyle,
} from 'docx';
import type { Lang } from '../settings/types.js';
import { cellText, isWordColumn } from './cell-text.js';
import { runFonts } from './docx-fonts.js';
import { heading } from './labels.js';
import { headingWords, isChinese } from './heading-words.js';
import { CJK, ems } from './word-metrics.js';
import { totalsRows, type Column, type Table as ModelTable } from './types.js';

/** Font sizes tried, in points: 四号, 小四, 五号, then 小五 for the widest tables. */
const SIZES = [14, 12, 10.5, 9] as const;
const SMALLEST = 9;
/** The sizes a table is set in when it can be. */
const READABLE = [14, 12, 10.5] as const;
/** Left and right cell margin, twips. */
const CELL_MARGIN = 50;
const TWIPS_PER_POINT = 20;
/**
 * A table of up to this many rows (a county's units and the total) is kept on one page; a longer
 * one (the twelve months of a year) may start on the page before, its heading row repeated, and
 * keeps its last rows together: kept whole, it left half a page blank before it.
 */
const KEPT_WHOLE = 10;
const KEPT_LAST = 2;

/** A heading's two lines at each place it may break: its words either side, for Chinese. */
function twoLineCuts(text: string): [string, string][] {
  if (isChinese(text)) {
    const words = headingWords(text);
    return words
      .slice(1)
      .map((_, i) => [words.slice(0, i + 1).join(''), words.slice(i + 1).join('')]);
  }
  // At a space or after a hyphen, where Word breaks (2016-|01).
  const words = text.split(/(?<=[\s-])/).filter((w) => w.trim() !== '');
  return words.slice(1).map((_, i) => [
    words
      .slice(0, i + 1)
      .join('')
      .trim(),
    words
      .slice(i + 1)
      .join('')
      .trim(),
  ]);
}

/** The least width of a heading over at most two lines, broken only where it may be. */
function headingEms(text: string): number {
  return Math.min(ems(text), ...twoLineCuts(text).map(([a, b]) => Math.max(ems(a), ems(b))));
}

/**
 * A Chinese heading too wide for its column, in the lines it is printed on, each break between
 * two words (HEAD_WORDS): the most even two lines that fit (上年同期 | 投诉), else as many lines
 * as its words need, each as full as it goes. Left to Word, a line ran as far as the column
 * allowed (营业投 | 诉, 已达年 | 度指标). Headings with spaces Word breaks as it would.
 */
export function headingLines(text: string, width: number, size: number): string[] {
  const fits = (line: string) => twips(ems(line), size) <= width;
  // Whole, the heading is left to Word unless it surely wraps: ems() allows a twentieth for
  // other fonts' metrics, and a heading Word keeps on one line is not to be broken.
  const surelyWraps = (ems(text) / 1.05) * size * TWIPS_PER_POINT + 2 * CELL_MARGIN > width;
  if (!surelyWraps || !isChinese(text)) return [text];
  const two = twoLineCuts(text)
    .filter(([a, b]) => fits(a) && fits(b))
    .sort((x, y) => Math.max(ems(x[0]), ems(x[1])) - Math.max(ems(y[0]), ems(y[1])));
  if (two[0]) return two[0];
  const lines: string[] = [];
  for (const word of headingWords(text)) {
    const last = lines.length - 1;
    if (last >= 0 && fits(lines[last]! + word)) lines[last] += word;
    else lines.push(word);
  }
  return lines;
}

/** What a heading cannot break: its longest word (a Chinese one as HEAD_WORDS has it). */
function unbrokenEms(text: string): number {
  const words = isChinese(text)
    ? headingWords(text)
    : text.split(/(?<=[\s-])/).map((w) => w.trim());
  return Math.max(...words.map((w) => ems(w)));
}

export function columnHeading(c: Column, lang: Lang, narrow = false): string {
  return typeof c.label === 'string'
    ? heading(c.label, lang, narrow ? 'narrow' : 'book')
    : c.label.text;
}

export interface TableLayout {
  /** Points. */
  size: number;
  /** Twips, summing to the text width. */
  widths: number[];
  /** A heading's word or a cell's text is narrower than its column: it breaks. */
  breaks: boolean;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The font size and column widths of a table `width` twips wide. First choice: the largest
 * size at which every cell and every heading (on two lines) fits; then the largest at which
 * the cells fit on one line and headings take more lines; else 小五, every column squeezed.
 */
export function tableLayout(t: ModelTable, lang: Lang, width: number, narrow = false): TableLayout {
  const totals = totalsRows(t);
  const cellEms = t.columns.map((c) =>
    Math.max(
      1,
      ...t.rows.map((r) => ems(cellText(c, r, lang, t.blank))),
      ...totals.map((r) => ems(cellText(c, r, lang, t.blank), true)),
    ),
  );
  // A heading that is a name (a matrix's 网上国网, a unit) is kept whole as a cell's text is.
  const wordEms = t.columns.map((c, i) =>
    Math.max(cellEms[i]!, (c.nameHeading ? ems : unbrokenEms)(columnHeading(c, lang, narrow))),
  );
  const headEms = t.columns.map((c, i) =>
    Math.max(wordEms[i]!, headingEms(columnHeading(c, lang, narrow))),
  );
  const lineEms = t.columns.map((c, i) =>
    Math.max(cellEms[i]!, ems(columnHeading(c, lang, narrow))),
  );
  // 四号 to 五号 before 小五: a heading on three lines reads better than a table in 小五.
  const layout =
    twoLines(headEms, lineEms, width, READABLE) ??
    cellsFirst(wordEms, headEms, width, READABLE, true) ??
    twoLines(headEms, lineEms, width, SIZES) ??
    cellsFirst(wordEms, headEms, width, SIZES, false);
  if (layout) return { ...layout, breaks: false };
  // An English table of nine columns with a Chinese unit name: a heading's word breaks
  // (complai|nts) rather than the unit's name, which is what the reader looks for; wordTable
  // tries the narrow headings first.
  const broken = cellsFirst(cellEms, headEms, width, SIZES, false);
  if (broken) return { ...broken, breaks: true };
  // Too wide even so: the word columns wrap, as Chinese may at any character, rather than a
  // figure — the longest texts first: a short column (a time, a unit, a class) keeps its line
  // while a complaint's text takes more lines. When even that is not enough, every column
  // gives up room in proportion.
  const least = t.columns.map((c, i) =>
    twips(
      isWordColumn(c)
        ? Math.max(1, ...t.rows.map((r) => twoLineEms(cellText(c, r, lang))))
        : cellEms[i]!,
      SMALLEST,
    ),
  );
  const words = t.columns.map((c) => isWordColumn(c));
  const figures = sum(least.filter((_, i) => !words[i]));
  const wordTwips = least.filter((_, i) => words[i]);
  // Figures that leave the words under a third of the width: everything gives up room alike.
  if (width - figures < width / 3)
    return { size: SMALLEST, widths: exact(spread(least, least, width), width), breaks: true };
  const fitted = fill(wordTwips, width - figures);
  let next = 0;
  const widths = least.map((w, i) => (words[i] ? fitted[next++]! : w));
  return { size: SMALLEST, widths: exact(widths, width), breaks: true };
}

/**
 * The least width of a cell's words over two lines: a time at its space (2016-06-30 | 08:15:00),
 * Chinese at the character that makes the lines most even; a number or a Latin word whole.
 */
function twoLineEms(text: string): number {
  const space = text.indexOf(' ');
  if (space > 0) return Math.max(ems(text.slice(0, space)), twoLineEms(text.slice(space + 1)));
  const chars = [...text];
  if (!chars.some((c) => CJK.test(c))) return ems(text);
  const widths = chars.map((c) => ems(c));
  const total = widths.reduce((a, b) => a + b, 0);
  let best = total;
  let before = 0;
  for (const w of widths) {
    before += w;
    best = Math.min(best, Math.max(before, total - before));
  }
  return best;
}

/**
 * Widths wanted shared out within `room` by water-filling: every column as wide as it wants up to
 * a common cap, the cap as high as the room allows; what no column wants goes to all alike.
 */
export function fill(wants: readonly number[], room: number): number[] {
  const order = wants.map((_, i) => i).sort((a, b) => wants[a]! - wants[b]!);
  const got = [...wants];
  let left = room;
  for (const [k, i] of order.entries()) {
    const share = left / (order.length - k);
    if (wants[i]! > share) {
      for (const j of order.slice(k)) got[j] = share;
      return got;
    }
    left -= wants[i]!;
  }
  return got.map((w) => w + left / got.length);
}

const twips = (e: number, size: number) => e * size * TWIPS_PER_POINT + 2 * CELL_MARGIN + 20;

/**
 * The largest of `sizes` at which every cell and every heading on two lines fits, the room
 * left going by what each column's text needs on one line (`lineEms`): when every heading fits
 * on one line, the widths in proportion to that need; else the headings that want the least to
 * fit on one line first, then the rest in proportion. Shared in proportion to the two-line
 * widths, a heading (网上国网) took two lines beside a wide 12398 column with room to spare.
 */
function twoLines(
  headEms: number[],
  lineEms: number[],
  width: number,
  sizes: readonly number[],
): Omit<TableLayout, 'breaks'> | null {
  for (const size of sizes) {
    const full = headEms.map((e) => twips(e, size));
    if (sum(full) > width) continue;
    const line = lineEms.map((e, i) => Math.max(full[i]!, twips(e, size)));
    if (sum(line) <= width) return { size, widths: exact(spread(line, line, width), width) };
    const got = [...full];
    let room = width - sum(full);
    const wants = line.map((w, i) => w - full[i]!);
    for (const i of wants.map((_, i) => i).sort((a, b) => wants[a]! - wants[b]!)) {
      if (wants[i]! <= 0 || wants[i]! > room) continue;
      got[i] = line[i]!;
      room -= wants[i]!;
    }
    return { size, widths: exact(spread(got, line, width), width) };
  }
  return null;
}

/**
 * Every column at least `least` ems, the headings on more lines than two: the largest size
 * that leaves the headings at least half the room they are short of (about three lines),
 * else (unless `roomy`) the largest at which `least` fits; null when none does.
 */
function cellsFirst(
  least: number[],
  headEms: number[],
  width: number,
  sizes: readonly number[],
  roomy: boolean,
): Omit<TableLayout, 'breaks'> | null {
  const fits = sizes.filter((size) => sum(least.map((e) => twips(e, size))) <= width);
  const at = (size: number) => ({
    cells: least.map((e) => twips(e, size)),
    full: headEms.map((e) => twips(e, size)),
  });
  const room = fits.find((size) => {
    const { cells, full } = at(size);
    return width - sum(cells) >= (sum(full) - sum(cells)) / 2;
  });
  const size = room ?? (roomy ? undefined : fits[0]);
  if (size === undefined) return null;
  const { cells, full } = at(size);
  const short = sum(full) - sum(cells);
  const left = width - sum(cells);
  const widths = cells.map(
    (w, i) => w + (short > 0 ? ((full[i]! - w) * left) / short : left / cells.length),
  );
  return { size, widths: exact(widths, width) };
}

/** `widths` grown or shrunk to `width` in proportion to `weights`. */
function spread(widths: number[], weights: number[], width: number): number[] {
  const extra = width - sum(widths);
  const total = sum(weights);
  return widths.map((w, i) => w + (extra * weights[i]!) / total);
}

/** Whole twips that sum to exactly `width`: the rounding goes to the widest column. */
function exact(widths: number[], width: number): number[] {
  const rounded = widths.map((w) => Math.floor(w));
  const widest = rounded.indexOf(Math.max(...rounded));
  const rest = width - sum(rounded);
  return rounded.map((w, i) => (i === widest ? w + rest : w));
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(
  text: string | readonly string[],
  width: number,
  size: number,
  lang: Lang,
  style: { align: 'left' | 'right' | 'center'; bold: boolean; head: boolean; keepNext: boolean },
): TableCell {
  const alignment =
    style.align === 'left'
      ? AlignmentType.LEFT
      : style.align === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.CENTER;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment,
        spacing: {
          line: Math.round(size * 1.3 * TWIPS_PER_POINT),
          lineRule: 'atLeast',
          before: 0,
          after: 0,
        },
        indent: { firstLine: 0 },
        // The paragraph mark at the table's size: an empty cell (已达年度指标 of a unit under
        // its target) otherwise took the text's 三号 and made its row taller than the others.
        run: { size: size * 2 },
        keepNext: style.keepNext,
        children: (typeof text === 'string' ? [text] : text).map(
          (line, i) =>
            new TextRun({
              text: line,
              bold: style.bold,
              size: size * 2,
              font: runFonts(style.head ? 'tableHead' : 'table', lang),
              ...(i > 0 ? { break: 1 } : {}),
            }),
        ),
      }),
    ],
  });
}

/** The table, `width` twips wide; its caption is a paragraph of its own, before it. */
export function wordTable(t: ModelTable, lang: Lang, width: number): Table {
  // The book's headings unless a word of them would break where the narrow ones leave it whole.
  const book = tableLayout(t, lang, width);
  const short = book.breaks ? tableLayout(t, lang, width, true) : book;
  const narrow = short !== book && !short.breaks;
  const { size, widths } = narrow ? short : book;
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: Math.round(size * 1.8 * TWIPS_PER_POINT), rule: HeightRule.ATLEAST },
    children: t.columns.map((c, i) =>
      cell(headingLines(columnHeading(c, lang, narrow), widths[i]!, size), widths[i]!, size, lang, {
        align: 'center',
        bold: false,
        head: true,
        keepNext: true,
      }),
    ),
  });
  const totals = new Set(totalsRows(t));
  const rows = [...t.rows, ...totalsRows(t)];
  // Word keeps a row on the page of the next when its paragraphs keep with the next: a short
  // table stays whole, a long one at least never leaves its last rows (the totals) alone.
  const kept = rows.length <= KEPT_WHOLE ? rows.length - 1 : KEPT_LAST;
  const body = rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        height: { value: Math.round(size * 1.6 * TWIPS_PER_POINT), rule: HeightRule.ATLEAST },
        children: t.columns.map((c, i) =>
          cell(cellText(c, row, lang, t.blank), widths[i]!, size, lang, {
            align: isWordColumn(c) ? 'left' : 'right',
            bold: totals.has(row),
            head: false,
            keepNext: r < rows.length - 1 && r >= rows.length - 1 - kept,
          }),
        ),
      }),
  );
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [head, ...body],
  });
}
