/**
 * The report workbook (DESIGN.md §7): the sheets of the report model, in its order. Every
 * sheet opens with its title, the period and the sources, then real tables: a frozen header,
 * an auto-filter, integer and percentage formats (rates stored as numbers), over-target and
 * rising cells highlighted, widths that fit Chinese text, framed cells, totals rows, notes,
 * the bulletin's text on 概览 (bulletin-block.ts), and the chart pictures below. Each sheet
 * prints on A4 landscape, one page wide at a readable size, the title and the table heading
 * repeated on every page (page.ts). 明细 follows (detail.ts). It lays out the model; it
 * computes nothing.
 */
import stringWidth from 'string-width';
import type { Cell } from '../io/table.js';
import { style, type CellStyle, type ReportSheet, type ReportWorkbook } from '../io/workbook.js';
import type { Lang } from '../settings/types.js';
import {
  blockColumns,
  captionLines,
  phrases,
  rowHeight,
  textLines,
  writeBulletinBlock,
} from './bulletin-block.js';
import type { ChartImage } from './charts.js';
import { roundHalfAway } from './format.js';
import { BOOK, heading } from './labels.js';
import {
  DEFAULT_WIDTH,
  PageFill,
  ROW_PT,
  ROW_PX,
  columnsSpanned,
  firstStripColumns,
  fittedScale,
  pageHeight,
  pagesWide,
  rowsPerPage,
} from './page.js';
import {
  totalsRows,
  type Column,
  type Format,
  type ReportModel,
  type Row,
  type Sheet,
  type Table,
} from './types.js';
import { turn } from '../turn.js';
import { headingWords, isChinese } from './heading-words.js';

const TITLE = style({ font: { bold: true, size: 14 } });
/** The title row's height in points (a 14-point title). */
const TITLE_PT = 22;
const SUBTITLE = style({ font: { color: { argb: 'FF595959' } } });
const CAPTION = style({ font: { bold: true } });
const CAPTION_WRAPPED = style({ ...CAPTION, alignment: { vertical: 'top', wrapText: true } });
const NOTE = style({ font: { italic: true, color: { argb: 'FF7F7F7F' } } });
const NOTE_WRAPPED = style({ ...NOTE, alignment: { vertical: 'top', wrapText: true } });

const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const NUMBER_FORMATS: Partial<Record<Format, string>> = {
  int: '#,##0',
  dec: '#,##0.00',
  fixed: '#,##0.00',
  pct: '0.00%',
  // A change (同比, 环比) carries its sign, + as well as -, as the bulletin and the terminal
  // write it: printed in black and white, the red and green are gone, and 14.29% beside
  // -11.11% read as a level, not a rise.
  change: '+0.00%;-0.00%;0.00%',
  // 超指标率 is a change too, against the target: "16.80%" beside "+15.91%" read as a level.
  over: '+0.00%;-0.00%;0.00%',
  overShare: '0.00%',
};
/** A number's look: Excel's own "bad" (light red fill, dark red text), rising red, falling green. */
type Tone = 'plain' | 'bad' | 'rising' | 'falling';
const TONES: Record<Tone, Pick<CellStyle, 'font' | 'fill'>> = {
  plain: {},
  bad: {
    font: { color: { argb: 'FF9C0006' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
  },
  rising: { font: { color: { argb: 'FFC00000' } } },
  falling: { font: { color: { argb: 'FF00804D' } } },
};

/** Whether a column holds numbers: then it and its heading are right-aligned. */
const isNumeric = (format: Format) =>
  format !== 'text' && format !== 'flag' && format !== 'alert' && format !== 'time';
type Align = 'left' | 'right' | 'center';
/**
 * A rank, and a 是/否, centred: right-aligned, a rank ran into the unit's name left-aligned
 * beside it ("1国网歙县供电公司"), and a left-aligned 是 into the rate before it ("10.71%是").
 */
const isCentred = (column: Column) => column.key === 'rank' || column.format === 'flag';
const TIME_TEXT = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/;
const TIME_STYLE = style({ numFmt: 'yyyy-mm-dd hh:mm:ss', border: BORDER });

/** A wall-clock time as the date cell Excel filters and sorts by (written as UTC: no zone shift). */
function timeCell(value: Cell): Cell {
  const m = typeof value === 'string' ? TIME_TEXT.exec(value) : null;
  if (!m) return value;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

// Styles are shared objects (io/workbook.ts): one per combination, made on first use.
const STYLES = new Map<string, CellStyle>();

/**
 * A table cell's style: its number format, bold in a totals row, its tone, framed; `indent`: a
 * left-aligned text set off by a character's space from the figure right-aligned before it.
 */
function cellStyle(
  numFmt: string | undefined,
  align: Align,
  bold: boolean,
  tone: Tone,
  indent = false,
) {
  const key = `${numFmt}|${align}|${bold}|${tone}|${indent}`;
  let s = STYLES.get(key);
  if (!s) {
    const look = TONES[tone];
    s = style({
      ...(numFmt ? { numFmt } : {}),
      font: { ...look.font, ...(bold ? { bold: true } : {}) },
      ...(look.fill ? { fill: look.fill } : {}),
      ...(indent
        ? { alignment: { horizontal: 'left', indent: 1 } }
        : align !== 'left'
          ? { alignment: { horizontal: align } }
          : {}),
      border: BORDER,
    });
    STYLES.set(key, s);
  }
  return s;
}

const HEAD_LEFT = style({
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', wrapText: true },
  border: BORDER,
});
const HEAD_RIGHT = style({
  ...HEAD_LEFT,
  alignment: { ...HEAD_LEFT.alignment, horizontal: 'right' },
});
const HEAD_CENTRE = style({
  ...HEAD_LEFT,
  alignment: { ...HEAD_LEFT.alignment, horizontal: 'center' },
});
const HEAD_INDENTED = style({
  ...HEAD_LEFT,
  alignment: { ...HEAD_LEFT.alignment, horizontal: 'left', indent: 1 },
});
/** A turned heading (Turn): read from the bottom up, its lines centred over the column. */
const HEAD_TURNED = style({
  ...HEAD_LEFT,
  alignment: { horizontal: 'center', vertical: 'bottom', wrapText: true, textRotation: 90 },
});

/**
 * Whether a column's cells stand at its right edge: figures, and times (date cells, which Excel
 * right-aligns by default). In a list of items (rowFormats), every column after the first.
 */
function isRightAligned(table: Table, i: number): boolean {
  const column = table.columns[i]!;
  if (isCentred(column)) return false;
  if (table.rowFormats && i > 0) return true;
  return column.format === 'time' || column.format === 'alert' || isNumeric(column.format);
}

/**
 * The columns whose text is indented: a left-aligned column after a right-aligned one, whose
 * figures otherwise touched its text in print across the thin grey border (热点's 50抢修质量 and
 * 12.00%停送电信息公告, 数据质量's 171登记时间…), as 明细's texts are set off (detail.ts).
 */
function indentedColumns(table: Table): boolean[] {
  return table.columns.map(
    (_, i) =>
      i > 0 &&
      !isRightAligned(table, i) &&
      !isCentred(table.columns[i]!) &&
      isRightAligned(table, i - 1),
  );
}
/**
 * The width an indented column gains. Excel's indent of 1 is three spaces of the font, about ten
 * pixels; with the two characters every column has beyond its text, one more holds it, a Chinese
 * name's few pixels more than its measure too. Two made the English 热点 of the quarter too wide
 * for one page.
 */
const INDENT_WIDTH = 1;

function toneOf(format: Format, value: number): Tone {
  if (format === 'change') return value > 0 ? 'rising' : value < 0 ? 'falling' : 'plain';
  return (format === 'over' || format === 'overShare') && value > 0 ? 'bad' : 'plain';
}

/**
 * How a cell of a column of `format` looks: a number with its format and tone; text in a
 * number column ("-") right-aligned under its heading; a flagged row's 是 in red.
 */
function styleFor(
  format: Format,
  value: Cell | undefined,
  total: boolean,
  centred: boolean,
  indented: boolean,
): CellStyle {
  if (format === 'flag')
    return cellStyle(undefined, 'center', total, value === true ? 'bad' : 'plain');
  // A figure pair ("31 / 28") in a column of figures: right-aligned like them.
  if (format === 'alert') return cellStyle(undefined, 'right', total, 'bad');
  if (format === 'time') return TIME_STYLE;
  const align: Align = centred ? 'center' : isNumeric(format) ? 'right' : 'left';
  const indent = indented && align === 'left';
  if (typeof value !== 'number') return cellStyle(undefined, align, total, 'plain', indent);
  return cellStyle(NUMBER_FORMATS[format], align, total, toneOf(format, value), indent);
}

/**
 * The widest line of a text broken at its spaces into lines of at most `within` characters, as
 * Excel wraps it; a word longer than that (a Chinese name, which has no spaces) takes a line of
 * its own, whole. A text broken into lines (\n) is as wide as its widest.
 */
function wrappedWidth(text: string, within: number): number {
  if (text.includes('\n'))
    return Math.max(...text.split('\n').map((line) => wrappedWidth(line, within)));
  let widest = 0;
  let line = 0;
  for (const word of text.split(' ')) {
    const w = stringWidth(word);
    line = line > 0 && line + 1 + w <= within ? line + 1 + w : w;
    widest = Math.max(widest, line);
  }
  return widest;
}

/**
 * The widest a heading makes its column, in characters: a longer one wraps at its spaces (the
 * heading row grows). Whole, the English series table's "complaints a year earlier" widened the
 * month columns of the table above it (月度趋势), and 热点's "share of complaints" a class column.
 */
const HEADING_WIDTH = 12;

/**
 * Display width of a cell in Excel's character units (a Chinese character is two); of a text
 * that wraps (Column.wraps), its longest phrase's, or its widest line within the column's bound.
 */
function cellWidth(value: Cell, format: Format, wraps?: true | number): number {
  if (value === null || value === undefined) return 0;
  if (typeof wraps === 'number' && typeof value === 'string') return wrappedWidth(value, wraps);
  if (wraps && typeof value === 'string')
    return Math.max(...phrases(value).map((p) => stringWidth(p.trimStart())));
  if (typeof value === 'number')
    return format === 'pct' || format === 'change' || format === 'over' || format === 'overShare'
      ? 9
      : String(Math.round(value * 100) / 100).length + 2;
  if (value instanceof Date) return 19;
  return stringWidth(String(value));
}

const MAX_WIDTH = 60;
/** The title's font size against the default 11 points. */
const TITLE_SIZE = 14 / 11;
/** About how many pixels a text takes in the default font (a Chinese character is two units). */
const textPixels = (text: string) => stringWidth(text) * 7;
/** Charts are shown at 75% of their drawing size: 720 × 405 pixels, most of a printed page. */
const CHART_SCALE = 0.75;

/** A table as the cells it writes: the heading, the rows, the totals row, and their styles. */
interface Laid {
  table: Table;
  head: string[];
  rows: Cell[][];
  /** The totals row and any part-totals after it, with their styles. */
  totals: Cell[][];
  styles: CellStyle[][];
  totalStyles: CellStyle[][];
  /** The columns whose text is indented (indentedColumns). */
  indented: boolean[];
}

function headingOf(column: Column, lang: Lang): string {
  return typeof column.label === 'string' ? heading(column.label, lang) : column.label.text;
}

/** Whether a value shows whole at two decimals ("-", a figure not computed, is no matter). */
const isWhole = (value: Cell | undefined) =>
  typeof value !== 'number' || Number.isInteger(roundHalfAway(value, 2));

/**
 * A model row as cells: an absent key is an empty cell, null a figure that could not be
 * computed ("-"), a flag 是 or 否. A list of items formats its value by the item. A target shows
 * whole when it is (年度指标 125, not 125.00) and with two decimals when prorated (31.25); in a
 * column, one prorated target gives every one two decimals, so that they line up (6.50 over 7.00).
 */
function lay(table: Table, lang: Lang): Laid {
  const t = BOOK[lang];
  const all = [...table.rows, ...totalsRows(table)];
  const wholeColumn = table.columns.map((c) => all.every((row) => isWhole(row[c.key])));
  const formats = (row: Row, r: number | null) =>
    table.columns.map((c, i): Format => {
      const f = table.rowFormats && r !== null && i > 0 ? table.rowFormats[r]! : c.format;
      if (f !== 'target') return f;
      return (table.rowFormats ? isWhole(row[c.key]) : wholeColumn[i]) ? 'int' : 'fixed';
    });
  const cells = (row: Row, r: number | null): Cell[] => {
    const f = formats(row, r);
    return table.columns.map((column, i) => {
      const value = row[column.key];
      if (value === undefined) return null;
      if (value === null) return table.blank ?? '-';
      if (f[i] === 'flag') return value === true ? t.yes : t.no;
      if (f[i] === 'time') return timeCell(value);
      return value;
    });
  };
  const indented = indentedColumns(table);
  const styles = (row: Row, r: number | null, total: boolean): CellStyle[] => {
    const f = formats(row, r);
    return table.columns.map((column, i) =>
      // The item's name in a list of items reads as a heading.
      i === 0 && table.rowFormats
        ? cellStyle(undefined, 'left', true, 'plain')
        : styleFor(f[i]!, row[column.key], total, isCentred(column), indented[i]!),
    );
  };
  return {
    table,
    head: table.columns.map((c) => headingOf(c, lang)),
    rows: table.rows.map((row, r) => cells(row, r)),
    totals: totalsRows(table).map((row) => cells(row, null)),
    styles: table.rows.map((row, r) => styles(row, r, false)),
    totalStyles: totalsRows(table).map((row) => styles(row, null, true)),
    indented,
  };
}

/**
 * The headings of a sheet turned to read from the bottom up, from column `from` (1-based) on:
 * the English quarter's 单位 (Units), 20 columns whose headings (complaints a year earlier,
 * unsubstantiated) made them 250 characters wide, printed in two strips; wrapped at every space,
 * a heading is still as wide as its longest word (complaints, unsubstantiated): about 240
 * characters, still two strips (65% is the least). Turned, a heading takes
 * a line's height across its column, and the figures set the widths: 201 characters, one page
 * at 70% in LibreOffice. `height`: the heading row's, in points.
 */
interface Turn {
  from: number;
  height: number;
}

/**
 * The smallest scale a sheet with turned headings prints at, by fittedScale: 11-point text at
 * about 7.6 points (the English quarter's Units: 69.4% by the estimate, 70% as LibreOffice
 * printed it).
 */
const TURNED_SCALE = 0.69;
/** Pixels a turned heading's line takes across its column, and its padding along and across. */
const TURNED_LINE_PX = 20;
const TURNED_PADDING_PX = 10;

/** The lines of a heading broken at its spaces into lines of at most `within` characters. */
function headingLines(text: string, within: number): number {
  let lines = 0;
  let line = 0;
  for (const word of text.split(' ')) {
    const w = stringWidth(word);
    if (line > 0 && line + 1 + w <= within) line += 1 + w;
    else {
      lines++;
      line = w;
    }
  }
  return lines;
}

/** The longest line, in characters, of the headings a Turn turns (those from column `from`). */
function turnedLength(tables: readonly Laid[], from: number): number {
  const lengths = tables.flatMap((t) =>
    t.head.slice(from - 1).map((h) => wrappedWidth(h, HEADING_WIDTH)),
  );
  return Math.max(0, ...lengths);
}

/**
 * Whether a sheet too wide for one page at READABLE_SCALE prints on one at TURNED_SCALE or more
 * with its headings turned, the columns naming its rows (排名, 供电单位) upright; then its Turn
 * and its widths. Only in English: a Chinese heading has few characters, which turned would lie
 * on their sides.
 */
function turnOf(
  tables: readonly Laid[],
  spec: Sheet,
  lang: Lang,
  upright: number[],
): { turn?: Turn; widths: number[] } {
  if (lang !== 'en' || pagesWide(upright) === 1 || tables.length === 0) return { widths: upright };
  const from = labelColumns(spec.tables) + 1;
  const length = turnedLength(tables, from);
  const widths = widthsOf(tables, { from, length });
  if (fittedScale(widths) < TURNED_SCALE) return { widths: upright };
  const height = ((length * 7 + TURNED_PADDING_PX) * 3) / 4;
  return { turn: { from, height }, widths };
}

/**
 * A Chinese heading on two lines, cut between its words (heading-words.ts) where the longer line
 * is shortest: 上年同期 / 投诉, 已达 / 年度指标, 万户 / 投诉率. A heading of one word (超指标率, or a
 * group's name: 微信公众号) is left whole.
 */
function twoLines(text: string): string {
  const words = isChinese(text) ? headingWords(text) : [];
  let best = text;
  let longest = stringWidth(text);
  for (let i = 1; i < words.length; i++) {
    const [first, second] = [words.slice(0, i).join(''), words.slice(i).join('')];
    const longer = Math.max(stringWidth(first), stringWidth(second));
    if (longer < longest) [best, longest] = [`${first}\n${second}`, longer];
  }
  return best;
}

/**
 * A Chinese sheet too wide for one page at READABLE_SCALE that fits on one with its headings on
 * two lines (twoLines), where that narrows their columns: those tables and their widths. The
 * Chinese quarter's 单位, 20 columns 229 characters wide, printed in two strips: its figures'
 * headings (上年同期投诉 12, 万户投诉率 10, 申诉成功 8 …) set their columns, the figures under them
 * a few characters wide. Turned, as the English ones are (turnOf), Chinese characters would lie
 * on their sides.
 */
function brokenOf(
  tables: readonly Laid[],
  lang: Lang,
  upright: number[],
): { tables: readonly Laid[]; widths: number[] } {
  if (lang !== 'zh' || pagesWide(upright) === 1) return { tables, widths: upright };
  const twoLined = tables.map((t) => ({ ...t, head: t.head.map(twoLines) }));
  const narrower = widthsOf(twoLined);
  // A heading that does not set its column's width (供电单位 over the units' names) stays whole.
  const broken = tables.map((t, k) => ({
    ...t,
    head: t.head.map((h, i) => (narrower[i]! < upright[i]! ? twoLined[k]!.head[i]! : h)),
  }));
  const widths = widthsOf(broken);
  if (pagesWide(widths) > 1) return { tables, widths: upright };
  // Nor does one that fits whole in its column as the others made it (投诉环比 over 万户投诉率).
  const fits = (t: Laid, i: number) =>
    wrappedWidth(t.head[i]!, HEADING_WIDTH) + 2 + (t.indented[i] ? INDENT_WIDTH : 0) <= widths[i]!;
  const kept = broken.map((t, k) => ({
    ...t,
    head: t.head.map((h, i) => (fits(tables[k]!, i) ? tables[k]!.head[i]! : h)),
  }));
  return { tables: kept, widths };
}

/**
 * Widths that fit every table of a sheet (captions and titles excluded: they overflow freely).
 * A heading turned (from column `turned.from`, its lines at most `turned.length` characters)
 * needs its lines' height across its column, not its length.
 */
function widthsOf(tables: readonly Laid[], turned?: { from: number; length: number }): number[] {
  const widths: number[] = [];
  const headingWidth = (text: string, i: number) =>
    turned && i + 1 >= turned.from
      ? Math.ceil((headingLines(text, turned.length) * TURNED_LINE_PX + TURNED_PADDING_PX) / 7) - 2
      : wrappedWidth(text, HEADING_WIDTH);
  for (const t of tables) {
    const rows = [t.head, ...t.rows, ...t.totals];
    rows.forEach((row) =>
      row.forEach((value, i) => {
        const indent = t.indented[i] ? INDENT_WIDTH : 0;
        const w = Math.min(
          MAX_WIDTH,
          (row === t.head
            ? headingWidth(String(value), i)
            : cellWidth(value, t.table.columns[i]?.format ?? 'text', t.table.columns[i]?.wraps)) +
            2 +
            indent,
        );
        widths[i] = Math.max(widths[i] ?? 8, w);
      }),
    );
  }
  return widths;
}

/**
 * The rows of the default height a table takes, its caption, its heading, its rows and totals
 * (or the line saying none): a wrapped heading or row counts as tall as it is. Counted as one
 * row each, 热点's rising classes, two of them wrapped, ran over a page break.
 */
function tableRows(laid: Laid, widths: readonly number[], turn?: Turn): number {
  const caption = laid.table.caption ? 1 : 0;
  if (laid.rows.length === 0) return caption + 1;
  const heights = [
    turn?.height ?? headingHeight(laid.head, widths) ?? ROW_PT,
    ...[...laid.rows, ...laid.totals].map((row) => wrappedRow(laid, row, widths).height ?? ROW_PT),
  ];
  return caption + heights.reduce((sum, h) => sum + h, 0) / ROW_PT;
}

/**
 * Writes a table; returns the row of its heading. A table without rows says so instead. On a
 * sheet printed in strips, `labels` columns (排名, 供电单位) repeat on every strip: a caption longer
 * than they are wraps within them, as the caption of the strip's rows (overflowing, it showed cut
 * at their edge on every strip after the first: "本季度：2016年第四季度（同比基期：2015年"),
 * broken at its phrases (captionLines).
 */
function writeTable(
  sheet: ReportSheet,
  laid: Laid,
  filter: boolean,
  lang: Lang,
  widths: readonly number[],
  labels: number,
  turn?: Turn,
): number {
  const { table } = laid;
  if (table.caption) writeCaption(sheet, table.caption, widths, labels);
  if (laid.rows.length === 0) return sheet.addRow([BOOK[lang].none], NOTE);
  const head = sheet.addRow(
    laid.head,
    table.columns.map((c, i) =>
      turn && i + 1 >= turn.from
        ? HEAD_TURNED
        : isCentred(c)
          ? HEAD_CENTRE
          : // A time's heading stands over it at the right, as a figure's (当日明细's 受理时间).
            isNumeric(table.rowFormats && i > 0 ? 'pct' : c.format) || c.format === 'time'
            ? HEAD_RIGHT
            : laid.indented[i]
              ? HEAD_INDENTED
              : HEAD_LEFT,
    ),
    turn?.height ?? headingHeight(laid.head, widths),
  );
  if (filter) sheet.autoFilter(head, 1, laid.head.length);
  laid.rows.forEach((row, r) => addTableRow(sheet, laid, row, laid.styles[r]!, widths));
  laid.totals.forEach((row, r) => addTableRow(sheet, laid, row, laid.totalStyles[r]!, widths));
  return head;
}

/**
 * The heading row's height when a heading wraps in its column (HEADING_WIDTH): as tall as its
 * lines. Excel does not grow a row to its wrapped text on opening the file.
 */
function headingHeight(head: readonly string[], widths: readonly number[]): number | undefined {
  const wrapped = head.flatMap((text, i) => {
    const width = [widths[i] ?? DEFAULT_WIDTH];
    return textLines(text, width, 1, true) > 1 ? [rowHeight(text, width, 1, true)] : [];
  });
  return wrapped.length > 0 ? Math.max(...wrapped) : undefined;
}

// A row's styles top-aligned (and wrapped, for the broken text): each made once.
const TOP_STYLES = new Map<CellStyle, CellStyle>();
const TOP_WRAPPED_STYLES = new Map<CellStyle, CellStyle>();
function topAligned(s: CellStyle, wrapText: boolean): CellStyle {
  const made = wrapText ? TOP_WRAPPED_STYLES : TOP_STYLES;
  let top = made.get(s);
  if (!top) {
    top = style({
      ...s,
      alignment: { ...s.alignment, vertical: 'top', ...(wrapText ? { wrapText } : {}) },
    });
    made.set(s, top);
  }
  return top;
}

/**
 * A table row's cells as written, a wrapping column's text wider than its column broken before
 * its brackets (captionLines), and the height of the row when such a text wraps.
 */
function wrappedRow(
  laid: Laid,
  row: readonly Cell[],
  widths: readonly number[],
): { cells: Cell[]; height?: number } {
  let height: number | undefined;
  const cells = row.map((value, i) => {
    const wraps = laid.table.columns[i]?.wraps;
    if (!wraps || typeof value !== 'string') return value;
    const width = [widths[i] ?? DEFAULT_WIDTH];
    // A text as wide as its column made it (widthsOf) is on one line: measured in pixels, a
    // Chinese basis that sized its column, 最后一条工单所在月的月末, came out a line longer.
    if (typeof wraps === 'number' && stringWidth(value) + 2 <= width[0]!) return value;
    // A class name or a reason stays whole, Excel wrapping it: broken, it would no longer match
    // itself in a filter or on another sheet.
    const lines = typeof wraps === 'number' ? value : captionLines(value, width, 1);
    if (textLines(lines, width, 1) <= 1) return value;
    height = Math.max(height ?? 0, rowHeight(lines, width, 1));
    return lines;
  });
  return height === undefined ? { cells } : { cells, height };
}

/**
 * A table's row; a text of a wrapping column (Column.wraps) wider than its column broken before
 * its brackets and wrapped, its row as tall as its lines and every cell top-aligned, so that
 * the figure reads beside the first line.
 */
function addTableRow(
  sheet: ReportSheet,
  laid: Laid,
  row: Cell[],
  styles: CellStyle[],
  widths: readonly number[],
): void {
  const { cells, height } = wrappedRow(laid, row, widths);
  if (height === undefined) {
    sheet.addRow(row, styles);
    return;
  }
  const wrapped = (i: number) => laid.table.columns[i]?.wraps !== undefined && cells[i] !== null;
  sheet.addRow(
    cells,
    styles.map((s, i) => topAligned(s, wrapped(i))),
    height,
  );
}

function writeCaption(
  sheet: ReportSheet,
  caption: string,
  widths: readonly number[],
  labels: number,
): void {
  if (labels === 0 || textLines(caption, widths, labels, true) <= 1) {
    sheet.addRow([caption], CAPTION);
    return;
  }
  const lines = captionLines(caption, widths, labels, true);
  const row = sheet.addRow([lines], CAPTION_WRAPPED, rowHeight(lines, widths, labels, true));
  if (labels > 1) sheet.merge(row, 1, row, labels);
}

/**
 * The notes under the tables, each in one row, from column `from` (1-based) to `columns`: a note
 * longer than those is merged across them and wrapped (left alone it ran past the page's edge and
 * was cut off in print).
 */
function writeNotes(
  sheet: ReportSheet,
  notes: readonly string[],
  lang: Lang,
  widths: readonly number[],
  columns: number,
  from = 1,
): void {
  if (notes.length === 0) return;
  const pad: null[] = new Array<null>(from - 1).fill(null);
  const within = widths.slice(from - 1);
  const span = Math.max(1, columns - from + 1);
  sheet.skip();
  sheet.addRow([...pad, BOOK[lang].notes], CAPTION);
  for (const n of notes) {
    if (textLines(n, within, span) <= 1) {
      sheet.addRow([...pad, n], NOTE);
      continue;
    }
    const row = sheet.addRow([...pad, n], NOTE_WRAPPED, rowHeight(n, within, span));
    if (span > 1) sheet.merge(row, from, row, from + span - 1);
  }
}

/**
 * The charts below the tables, at the left edge, each on a printed page of its own: beside a
 * wide table they would make the page wider and the print smaller, and a picture cut by a page
 * break helps no one. Returns the last row they cover and the columns they span.
 */
function placeImages(
  sheet: ReportSheet,
  charts: readonly ChartImage[],
  widths: readonly number[],
): { lastRow: number; columns: number } {
  let at = sheet.rows; // the last row written, 1-based: the next row, 0-based
  let columns = 0;
  for (const chart of charts) {
    const width = Math.round(chart.width * CHART_SCALE);
    const height = Math.round(chart.height * CHART_SCALE);
    sheet.pageBreakAfter(at);
    sheet.addImage({ png: chart.png, column: 0, row: at, width, height });
    at += Math.ceil(height / ROW_PX) + 1;
    columns = Math.max(columns, columnsSpanned(widths, width));
  }
  return { lastRow: at, columns };
}

/**
 * The rows repeated at the top of every printed page: the title and the period; and the
 * heading of the table when it is the sheet's only table, or every table has the same columns
 * and none a caption, and they run past the first page (over the chart pages, a heading would
 * label nothing). A caption (本月 …) repeated over the rows of the table below it (累计 …)
 * would mislabel them. A sheet printed in `strips` of columns repeats the heading alone, or
 * nothing: its title and period are the page header's (printHeader).
 */
function titleRows(
  spec: Sheet,
  headerRow: number,
  tableRows: number,
  widths: readonly number[],
  strips: number,
): [number, number] | undefined {
  const [first, ...others] = spec.tables;
  const keys = (t: Table) => t.columns.map((c) => c.key).join('|');
  const sameHeading =
    first !== undefined &&
    first.rows.length > 0 &&
    others.every((t) => keys(t) === keys(first)) &&
    (others.length === 0 || first.caption === undefined);
  const long = spec.charts.length === 0 || tableRows > rowsPerPage(widths);
  const heading = sameHeading && long;
  if (strips > 1) return heading ? [headerRow, headerRow] : undefined;
  return heading ? [1, headerRow] : [1, 2];
}

/**
 * How many columns name the rows of every table on a sheet (排名, 供电单位; 供电单位 alone in a
 * breakdown): those a sheet printed in strips repeats. Two, always, repeated a breakdown's first
 * figures (供电单位 × 二级分类: 抢修质量) on every strip, where they read as the strip's own.
 */
function labelColumns(tables: readonly Table[]): number {
  const leading = (t: Table) => {
    let n = 0;
    while (
      n < t.columns.length &&
      (t.columns[n]!.key === 'rank' || t.columns[n]!.format === 'text')
    )
      n++;
    return n;
  };
  return tables.length === 0 ? 1 : Math.max(1, Math.min(...tables.map(leading)));
}

/**
 * The page header of a sheet printed in strips of columns: its title (bold) and period, whole on
 * every page. In the cells above the tables, the repeated columns (排名, 供电单位) showed them on
 * every strip after the first cut at their right edge (国网黄山供电公司 2016年投诉分析 · 按单), so
 * such a sheet prints from its first table down, and its lines show on screen only.
 */
function printHeader(title: string, period: string): string {
  const code = (text: string) => text.replace(/&/g, '&&');
  return `&L&B${code(title)}&B  ${code(period)}`;
}

function writeSheet(
  book: ReportWorkbook,
  model: ReportModel,
  spec: Sheet,
  charts: readonly ChartImage[],
): void {
  const { lang } = model;
  const t = BOOK[lang];
  const upright = spec.tables.map((table) => lay(table, lang));
  const { tables, widths: unturned } = brokenOf(upright, lang, widthsOf(upright));
  const { turn, widths } = turnOf(tables, spec, lang, unturned);
  const headerRow = 5 + (spec.tables[0]?.caption ? 1 : 0);
  const sheet = book.addSheet(spec.name, {
    frozenRows: tables.length > 0 ? headerRow : 0,
    widths,
    print: { footer: t.footer },
  });
  const title = t.title(model.scope, model.about, spec.name);
  const lines = [model.period, t.sources(model.sources, model.generatedAt)];
  sheet.addRow([title], TITLE, TITLE_PT);
  for (const line of lines) sheet.addRow([line], SUBTITLE);
  sheet.skip();
  const strips = pagesWide(widths);
  const labels = strips > 1 ? labelColumns(spec.tables) : 0;
  // The print area takes in the heading lines too: they overflow narrow tables.
  const heading = Math.max(
    textPixels(title) * TITLE_SIZE,
    ...lines.map((line) => textPixels(line)),
  );
  // The bulletin's text as wide as the charts and the heading lines: within the printed width.
  const textColumns = spec.bulletin ? blockColumns(widths, heading) : 0;
  const pictures = spec.charts.flatMap((name) => charts.filter((c) => c.name === name));
  const lastColumn = Math.max(
    1,
    widths.length,
    ...pictures.map((chart) => columnsSpanned(widths, Math.round(chart.width * CHART_SCALE))),
    textColumns,
    columnsSpanned(widths, heading),
  );
  const pages = pagesWide(widths.slice(0, lastColumn));
  const printed = Array.from({ length: lastColumn }, (_, i) => widths[i] ?? DEFAULT_WIDTH);
  // Below the first page, the title and the period repeat (titleRows) above the tables.
  const fill = new PageFill(pageHeight(printed), TITLE_PT + ROW_PT, TITLE_PT + 3 * ROW_PT);
  tables.forEach((laid, i) => {
    const rows = tableRows(laid, widths, turn);
    // The blank row between two tables ends the page before (breaks come early, never late).
    if (i > 0) sheet.skip();
    if (fill.startsPage(i > 0 ? rows + 1 : rows) && i > 0 && pages === 1)
      sheet.pageBreakAfter(sheet.rows);
    writeTable(sheet, laid, i === 0 && spec.filter, lang, widths, labels, turn);
  });
  // A sheet printed in strips of columns wraps its notes within the first strip (merged across
  // every column, a note ran off the first page and went on at the top of the second), beside
  // the columns repeated on every strip (排名, 供电单位): in them, the second strip showed the
  // note's start cut at their edge.
  writeNotes(
    sheet,
    spec.notes,
    lang,
    widths,
    strips > 1
      ? firstStripColumns(widths, strips)
      : Math.max(1, widths.length, columnsSpanned(widths, heading)),
    labels + 1,
  );
  const tableRowCount = sheet.rows;
  if (spec.bulletin) writeBulletinBlock(sheet, model.bulletin, lang, widths, textColumns);
  const images = placeImages(sheet, pictures, widths);
  sheet.setPrint({
    lastRow: images.lastRow,
    lastColumn,
    ...(pages > 1 ? { firstRow: 5, header: printHeader(title, model.period) } : {}),
    titleRows: titleRows(spec, headerRow, tableRowCount, widths, pages),
    // A table printed over two pages across repeats the columns naming its rows on each.
    ...(pages > 1 ? { titleColumns: [1, labelColumns(spec.tables)] as [number, number] } : {}),
    pagesWide: pages,
  });
  sheet.commit();
}

/** Writes every sheet of the model (明细 aside, see detail.ts) into `book`; returns how many. */
export async function writeReport(
  book: ReportWorkbook,
  model: ReportModel,
  charts: readonly ChartImage[],
): Promise<number> {
  for (const sheet of model.sheets) {
    // A turn of the event loop between two sheets: a signal is answered (turn.ts).
    await turn();
    writeSheet(book, model, sheet, charts);
  }
  return model.sheets.length;
}
