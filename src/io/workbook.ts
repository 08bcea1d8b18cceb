/**
 * Writing report workbooks through exceljs's streaming writer (kept behind src/io/), with the
 * two things that writer lacks:
 *
 * - Images. Its worksheets cannot hold pictures (exceljs issues 322, 446, 2918). A sheet here
 *   writes a drawing part with exceljs's own DrawingXform, links it from the sheet, and lists
 *   it in [Content_Types].xml: the parts Excel itself writes for a picture.
 * - Backpressure. A committed row is pushed into the zip whether or not the zip keeps up, so a
 *   million rows would sit in memory (exceljs issue 734). `flush()` waits while more than a few
 *   megabytes are queued in front of the zip.
 *
 * Cell styles are shared objects: exceljs reuses a style id for an object it has seen, but
 * works out a new one (slowly) for every fresh object, which tripled the time of big sheets.
 * The file is written to a temporary name beside the target and renamed when complete
 * (OutputFile); a write error (a full disk) fails the commit with a message, where exceljs
 * alone would leave its promise unsettled and Node exit with code 13.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { said } from '../errors.js';
import type { Cell } from './table.js';
import { loadWorkbookWriter } from './exceljs.js';
import { outputError, writeFailure, type OutputFile } from './write.js';
import { ZipEntryTooLargeError, ZipWriter, type DeflatedPart } from './zip-writer.js';

/** A sheet's rows deflated elsewhere: the file, its CRC and sizes, and how many rows. */
export interface DeflatedRows extends DeflatedPart {
  rows: number;
}

const require = createRequire(import.meta.url);

export interface CellStyle {
  numFmt?: string;
  font?: {
    bold?: boolean;
    size?: number;
    color?: { argb: string };
    italic?: boolean;
    name?: string;
    family?: number;
    scheme?: 'minor';
  };
  fill?: { type: 'pattern'; pattern: 'solid'; fgColor: { argb: string } };
  alignment?: {
    horizontal?: 'left' | 'center' | 'right';
    vertical?: 'middle' | 'top' | 'bottom';
    wrapText?: boolean;
    /** Degrees counter-clockwise: 90 reads from the bottom up. */
    textRotation?: number;
    /** Characters of space before a left-aligned text. */
    indent?: number;
  };
  border?: Record<string, { style: 'thin'; color?: { argb: string } }>;
}

/**
 * The workbook's default font (exceljs writes it as font 0), spelled out in every font of a
 * style: a font with only <b/> or a colour is Calibri 11 in Excel, but LibreOffice and WPS
 * (what many offices open the workbook with) fall back to a serif of their own, wider than the
 * widths were measured in: printed, 2016-07 wrapped in its heading, complaints broke into
 * complaint/s over the first row, and file names were cut at their column's edge.
 */
const DEFAULT_FONT = { name: 'Calibri', family: 2, scheme: 'minor', size: 11 } as const;

/** A style object made once and reused, as exceljs wants it (see above). */
export function style(s: CellStyle): CellStyle {
  const font = s.font ? { ...DEFAULT_FONT, ...s.font } : undefined;
  return Object.freeze(font ? { ...s, font } : s) as CellStyle;
}

// exceljs's helpers (pinned 4.4.0): XML text encoding (which also drops characters XML
// forbids), Excel date serials, column letters, and its value-type numbers.
const utils = require('exceljs/lib/utils/utils.js') as {
  xmlEncode(text: string): string;
  dateToExcel(date: Date): number;
};
const colCache = require('exceljs/lib/utils/col-cache.js') as { n2l(n: number): string };
const VALUE_TYPE_NUMBER = 2;
const VALUE_TYPE_STRING = 3;
const VALUE_TYPE_DATE = 4;
/** exceljs's value type of a cell, which decides a style's number format when it has none. */
function valueType(value: Cell): number {
  return value instanceof Date
    ? VALUE_TYPE_DATE
    : typeof value === 'number'
      ? VALUE_TYPE_NUMBER
      : VALUE_TYPE_STRING;
}
/** A style and a value of the kind it is first used for (exceljs keeps the first's format). */
export interface StyledValue {
  style: CellStyle;
  value: Cell;
}
const COLUMN_NAMES: string[] = [];
function columnName(i: number): string {
  return (COLUMN_NAMES[i] ??= colCache.n2l(i + 1));
}

export interface SheetOptions {
  /** Header rows (and first columns) kept in view. */
  frozenRows?: number;
  frozenColumns?: number;
  /** Column widths in characters (Excel's unit). */
  widths?: readonly number[];
  /**
   * Printed on A4 landscape, fitted to a number of pages across (one unless setPrint says
   * more) and as many down as it takes, its pages numbered from 1, with this footer (Excel's
   * codes: &A the sheet's name, &P the page).
   */
  print?: { footer: string };
  /**
   * The sheet's zip entry is written ready to pass 4 GiB (zip-writer.ts `mayPass4GiB`): for a
   * sheet known to come near (`ReportWorkbook.mayReach4GiB`: the 明细 sheet, its rows made
   * before). Left out (the summary tables; classify's rows, which would need 4 KiB a row at
   * Excel's row limit), a sheet passing 4 GiB fails the workbook.
   */
  mayPass4GiB?: boolean;
}

/** What a sheet prints (1-based, inclusive): setPrint, before commit. */
export interface PrintLayout {
  lastRow: number;
  lastColumn: number;
  /** Rows repeated at the top of every printed page. */
  titleRows?: [number, number];
  /** Columns repeated at the left of every page, when a sheet is printed in strips. */
  titleColumns?: [number, number];
  /** The first row printed (default 1): rows above it show on screen only. */
  firstRow?: number;
  /** The page header (Excel's codes, as the footer's), printed on every page. */
  header?: string;
  /** Pages across: more than one only for a sheet too wide to read at one page's width. */
  pagesWide: number;
}

/** 0-based top-left cell and the displayed size in pixels. */
export interface ImagePlacement {
  png: Buffer;
  column: number;
  row: number;
  width: number;
  height: number;
}

// exceljs internals (pinned 4.4.0): the xforms its in-memory writer uses for pictures.
interface Xform {
  prepare(model: unknown, options: unknown): void;
  toXml(model: unknown): string;
}
type XformClass = new () => Xform;

/** exceljs's StreamBuf, a sheet's stream: `_flush` hands what it holds to the zip. */
interface StreamLike {
  pipe(destination: Writable): void;
  _flush(): void;
}
interface WorksheetWriter {
  id: number;
  pageSetup: Record<string, unknown>;
  headerFooter: Record<string, unknown>;
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  /** The merged ranges written as <mergeCells> at the end of the sheet ("A1:J1"). */
  _merges: string[];
  autoFilter: unknown;
  commit(): void;
  stream: StreamLike & { write(data: string | Buffer): void };
  _writeRowBreaks(): void;
  rowBreaks: { id: number; max: number; man: number }[];
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
}
interface WorkbookWriter {
  addWorksheet(name: string, options: unknown): WorksheetWriter;
  addImage(image: { buffer: Buffer; extension: string }): number;
  getImage(id: number): { name: string };
  addContentTypes(): Promise<void>;
  styles: { addStyleModel(style: CellStyle, cellType: number): number };
  zip: ZipWriter;
  promise: Promise<unknown>;
  addThemes(): Promise<void>;
  addOfficeRels(): Promise<void>;
  commit(): Promise<void>;
  _worksheets: unknown[];
  media: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
}

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
/** Inches; narrower at the sides than Excel's default 0.7, for the width of wide tables. */
export const PRINT_MARGINS = {
  left: 0.4,
  right: 0.4,
  top: 0.6,
  bottom: 0.6,
  header: 0.3,
  footer: 0.3,
};
/**
 * Characters of row XML gathered before they go to the sheet's stream: each write there is a
 * buffer of its own through the zip's streams and the deflater, which for a row at a time cost
 * more than making the rows (the 明细 sheet's 75,000 rows).
 */
const WRITE_CHARACTERS = 1 << 16;
/**
 * Where the gathered rows are encoded: Buffer.from(text) measures the UTF-8 length in a pass of
 * its own, which on a concatenated text took as long as the encoding; writing into a buffer
 * made once and copying the bytes out is about twice as fast.
 */
let scratch = Buffer.alloc(0);
/** `text` as UTF-8 at the start of `scratch`: the number of bytes. */
function encode(text: string): number {
  const most = text.length * 3;
  if (scratch.length < most) scratch = Buffer.allocUnsafe(Math.max(most, WRITE_CHARACTERS * 3));
  return scratch.write(text, 0);
}
function utf8(text: string): Buffer {
  const length = encode(text);
  return Buffer.from(scratch.subarray(0, length));
}

/**
 * The <row> exceljs's RowXform would write, built directly: through exceljs's row and cell
 * objects a big sheet took three times as long. `ids`: each cell's style id (0: none; an empty
 * cell is written only when it has one, for a table's border). exceljs's own helpers encode the
 * text and convert dates; `text` makes a text cell's content (excelCellText). '' for a row
 * with nothing to write.
 */
export function rowXml(
  n: number,
  values: readonly Cell[],
  ids: ArrayLike<number>,
  height: number | undefined,
  text: (value: string) => string,
): string {
  let xml = '';
  for (let i = 0; i < values.length; i++) xml += cellXml(i, n, values[i], ids[i]!, text);
  if (xml === '' && !height) return '';
  const ht = height ? ` ht="${height}" customHeight="1"` : '';
  return `<row r="${n}"${ht}>${xml}</row>`;
}

/** The XML of the cell in column `i` (0-based) of row `n` (rowXml); '' for none. */
export function cellXml(
  i: number,
  n: number,
  value: Cell | undefined,
  id: number,
  text: (value: string) => string,
): string {
  const ref = `${columnName(i)}${n}`;
  if (value === null || value === undefined || value === '')
    return id ? `<c r="${ref}" s="${id}"/>` : '';
  const at = id ? ` s="${id}"` : '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}"${at}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${at} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}"${at}><v>${utils.dateToExcel(value)}</v></c>`;
  return `<c r="${ref}"${at} t="str"><v>${utils.xmlEncode(text(value))}</v></c>`;
}

/** `<c r="AB` for column `i` (0-based): a cell's XML up to its row number (cellXml). */
export function cellXmlStart(i: number): string {
  return `<c r="${columnName(i)}`;
}

export class ReportSheet {
  private rowNumber = 0;
  private readonly images: ImagePlacement[] = [];
  /** Rows made but not yet written to the sheet's stream (WRITE_CHARACTERS). */
  private pending = '';

  constructor(
    private readonly book: ReportWorkbook,
    private readonly sheet: WorksheetWriter,
  ) {}

  /** Rows written so far: the 1-based number of the last one. */
  get rows(): number {
    return this.rowNumber;
  }

  /**
   * Adds a row. `styles` is one style for every cell, or one per cell (undefined: none).
   * Dates are written as Excel dates; text is never read as a formula.
   */
  addRow(
    values: readonly Cell[],
    styles?: CellStyle | readonly (CellStyle | undefined)[],
    height?: number,
  ): number {
    const n = ++this.rowNumber;
    const sheet = this.sheet;
    if (!sheet.startedData) {
      sheet._writeColumns();
      sheet._writeOpenSheetData();
      sheet.startedData = true;
    }
    const ids: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const s = Array.isArray(styles) ? styles[i] : (styles as CellStyle | undefined);
      // An empty cell is written only for its style: the border of a table's blank cell.
      const empty = value === null || value === undefined || value === '';
      ids[i] =
        !s || (empty && !Array.isArray(styles)) ? 0 : this.book.styleId(s, empty ? '' : value);
    }
    const row = rowXml(n, values, ids, height, (text) => this.book.cellText(text));
    if (row !== '') {
      this.pending += row;
      if (this.pending.length >= WRITE_CHARACTERS) this.writePending();
    }
    return n;
  }

  private writePending(): void {
    if (this.pending === '') return;
    const data = this.book.zip.dataOf(this.sheet.stream);
    if (data) {
      // The sheet is being zipped: what exceljs's stream holds goes first, then the rows,
      // copied from the scratch buffer with no buffer of their own.
      this.sheet.stream._flush();
      const length = encode(this.pending); // first: it may put a bigger buffer in `scratch`
      data.append(scratch.subarray(0, length));
    } else this.sheet.stream.write(utf8(this.pending));
    this.pending = '';
  }

  /**
   * Rows made and deflated elsewhere (report/detail-sheet.ts), numbered on from this sheet's
   * last row: they go into the sheet's part after what it holds, as they are.
   */
  appendDeflated(part: DeflatedRows): void {
    const sheet = this.sheet;
    if (!sheet.startedData) throw new Error('appendDeflated: the sheet has no row yet');
    this.writePending();
    const data = this.book.zip.dataOf(sheet.stream);
    if (!data) throw new Error('appendDeflated: the sheet is not in the zip');
    sheet.stream._flush();
    data.appendDeflated(part);
    this.rowNumber += part.rows;
  }

  /** Leaves `n` empty rows. */
  skip(n = 1): void {
    for (let i = 0; i < n; i++) this.addRow([]);
  }

  /**
   * Merges a block of cells (1-based, inclusive). exceljs's own mergeCells makes row objects for
   * the covered cells, which it then writes as a second <row> of the same number beside the one
   * addRow wrote (Excel refuses such a sheet): only the range goes into its list instead.
   */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.sheet._merges.push(`${columnName(left - 1)}${top}:${columnName(right - 1)}${bottom}`);
  }

  /** Auto-filter over a header row and the columns given (1-based). */
  autoFilter(row: number, fromColumn: number, toColumn: number): void {
    this.sheet.autoFilter = { from: { row, column: fromColumn }, to: { row, column: toColumn } };
  }

  addImage(image: ImagePlacement): void {
    this.images.push(image);
  }

  /** A page break below row `row` (1-based): what follows starts a printed page. */
  pageBreakAfter(row: number): void {
    this.sheet.rowBreaks.push({ id: row, max: 16383, man: 1 });
  }

  /** The print area, the titles repeated on every page, and the pages across. */
  setPrint(layout: PrintLayout): void {
    const setup = this.sheet.pageSetup;
    // exceljs puts a $ before each corner's column only; the rows' $ go in here, so that the
    // defined name reads $A$1:$K$40 as Excel writes it.
    setup.printArea = `A$${layout.firstRow ?? 1}:${columnName(layout.lastColumn - 1)}$${layout.lastRow}`;
    if (layout.header) this.sheet.headerFooter.oddHeader = layout.header;
    if (layout.titleRows) setup.printTitlesRow = layout.titleRows.join(':');
    if (layout.titleColumns)
      setup.printTitlesColumn = layout.titleColumns.map((c) => columnName(c - 1)).join(':');
    setup.fitToWidth = layout.pagesWide;
  }

  /** Waits while the zip is behind this sheet: its turn to come, deflating, the disk. */
  async flush(): Promise<void> {
    this.book.throwIfFailed();
    this.writePending();
    await Promise.race([this.book.zip.ready(this.sheet.stream), this.book.failed]);
  }

  commit(): void {
    this.writePending();
    if (this.images.length > 0) this.book.attachDrawing(this.sheet, this.images);
    this.sheet.commit();
  }
}

/** Excel's limit on the characters of one cell: a longer text makes Excel refuse the file. */
export const EXCEL_CELL_CHARACTERS = 32_767;
// Characters XML 1.0 cannot carry; Excel writes them as _xHHHH_, and reads _xHHHH_ back as the
// character, so an underscore that starts such a pattern in the text is escaped (_x005F_) too.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** Text as Excel stores it: escaped where XML cannot carry it, cut at Excel's cell limit. */
export function excelCellText(text: string): { text: string; cut: boolean } {
  const cut = text.length > EXCEL_CELL_CHARACTERS;
  let t = cut ? text.slice(0, EXCEL_CELL_CHARACTERS) : text;
  // Do not end on the first half of a surrogate pair.
  if (cut && /[\uD800-\uDBFF]$/.test(t)) t = t.slice(0, -1);
  XML_FORBIDDEN.lastIndex = 0;
  if (XML_FORBIDDEN.test(t)) {
    t = t.replace(
      XML_FORBIDDEN,
      (c) =>
        `_x${(c === '_' ? 0x5f : c.charCodeAt(0)).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
  }
  return { text: t, cut };
}

/**
 * What a failure to write the workbook says: a sheet that passed 4 GiB undeclared is this
 * program's mistake, said as such; anything else as writing failed (a full disk …).
 */
function workbookFailure(target: string, error: unknown): Error {
  if (!(error instanceof ZipEntryTooLargeError)) return writeFailure(target, error);
  const size = error.size.toLocaleString('en-US');
  return outputError(
    target,
    said(
      `工作簿的部件 ${error.entry} 有 ${size} 字节，超过 4 GiB，但写它时没有按可能超过 4 GiB 的方式写出；什么也没有写入，原来同名的文件保持不变。`,
      `the workbook's part ${error.entry} came to ${size} bytes, past 4 GiB, but was not written as one that may pass 4 GiB; nothing was written, and any earlier file of that name is unchanged.`,
    ),
    said(
      '这是本工具的缺陷，请报告；暂时可缩小时间范围或改为输出 CSV 后重新运行。',
      'This is a defect of this tool: please report it; meanwhile narrow the period, or write CSV, and run again.',
    ),
  );
}

export class ReportWorkbook {
  private readonly drawings: { name: string }[] = [];
  /** The media id of each picture already stored, by its PNG buffer. */
  private readonly mediaIds = new Map<Buffer, number>();
  /** Texts cut at Excel's 32,767 characters: the caller says so to the reader. */
  cutCells = 0;
  private failure: Error | null = null;
  /** Rejects when writing the file fails (a full disk …); never settles otherwise. */
  readonly failed: Promise<never>;

  private constructor(
    private readonly workbook: WorkbookWriter,
    private readonly output: OutputFile,
    stream: WriteStream,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      const fail = (error: unknown) => {
        this.failure ??= workbookFailure(output.target.named, error);
        reject(this.failure);
      };
      stream.on('error', fail);
      workbook.zip.on('error', fail);
    });
    this.failed.catch(() => {}); // observed through throwIfFailed and the races
    // The content types must list the drawing parts too.
    workbook.addContentTypes = () => {
      const ContentTypesXform =
        require('exceljs/lib/xlsx/xform/core/content-types-xform.js') as XformClass;
      const model = {
        worksheets: workbook._worksheets.filter(Boolean),
        sharedStrings: workbook.sharedStrings,
        commentRefs: workbook.commentRefs,
        media: workbook.media,
        drawings: this.drawings,
      };
      workbook.zip.append(new ContentTypesXform().toXml(model), { name: '[Content_Types].xml' });
      return Promise.resolve();
    };
  }

  /**
   * The ids the styles of `first` get in a workbook made with them (`create`): registered
   * before any other, in this order, they get the same ids in every workbook, so rows can be
   * made elsewhere before the workbook is.
   */
  static firstStyleIds(first: readonly StyledValue[]): number[] {
    const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new (
      initialise: boolean,
    ) => WorkbookWriter['styles'];
    const styles = new StylesXform(true);
    return first.map(({ style, value }) => styles.addStyleModel(style, valueType(value)));
  }

  /**
   * A workbook written to the output's temporary file, put in place by `commit()`; the styles
   * of `first` registered before any other (firstStyleIds). `zip64From`: tests lower the zip
   * writer's 4 GiB (its constructor's).
   */
  static create(
    output: OutputFile,
    first: readonly StyledValue[] = [],
    zip64From?: number,
  ): ReportWorkbook {
    const WorkbookWriter = loadWorkbookWriter();
    const stream = createWriteStream(output.temporary);
    // The writer makes its archiver and puts the theme and relationships in it at once: that
    // archiver writes into nothing and is dropped, and ours (zip-writer.ts) takes its place.
    const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
    const workbook = new WorkbookWriter({
      stream: discard,
      useStyles: true,
      useSharedStrings: false,
    }) as unknown as WorkbookWriter & { stream: Writable };
    (workbook.zip as unknown as { abort(): void }).abort();
    workbook.stream = stream;
    workbook.zip = new ZipWriter(stream, zip64From);
    workbook.promise = Promise.all([workbook.addThemes(), workbook.addOfficeRels()]);
    const book = new ReportWorkbook(workbook, output, stream);
    const ids = ReportWorkbook.firstStyleIds(first);
    first.forEach(({ style, value }, i) => {
      if (book.styleId(style, value) !== ids[i]) throw new Error('create: a first style moved');
    });
    return book;
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** The workbook's zip: where a sheet's rows go, and what they wait for. */
  get zip(): ZipWriter {
    return this.workbook.zip;
  }

  /** Whether a sheet of rows of `bytes` (known before it is written) may reach 4 GiB. */
  mayReach4GiB(bytes: number): boolean {
    return this.workbook.zip.mayReach4GiB(bytes);
  }

  /** A text cell's content as written, counting the texts cut at Excel's limit. */
  cellText(value: string): string {
    const { text, cut } = excelCellText(value);
    if (cut) this.cutCells++;
    return text;
  }

  addSheet(name: string, options: SheetOptions = {}): ReportSheet {
    const frozen = (options.frozenRows ?? 0) > 0 || (options.frozenColumns ?? 0) > 0;
    const sheet = this.workbook.addWorksheet(name, {
      views: frozen
        ? [{ state: 'frozen', xSplit: options.frozenColumns ?? 0, ySplit: options.frozenRows ?? 0 }]
        : [],
      pageSetup: options.print
        ? {
            orientation: 'landscape',
            paperSize: 9, // A4
            fitToPage: true,
            fitToWidth: 1,
            fitToHeight: 0, // as many pages down as the rows take
            margins: PRINT_MARGINS,
            // Columns first, then the rows: a strip of columns reads on as the page before.
            pageOrder: 'overThenDown',
            // Each sheet's pages are numbered from 1 (Excel's useFirstPageNumber): left to the
            // application, LibreOffice numbered on from the sheet before (单位 began at page 7),
            // as Excel's "Auto" may when the whole workbook is printed at once.
            firstPageNumber: 1,
          }
        : undefined,
      headerFooter: options.print ? { oddFooter: options.print.footer } : undefined,
    });
    // exceljs has appended the sheet's stream to the zip, which writes it in its turn, later.
    if (options.mayPass4GiB) this.workbook.zip.mayPass4GiB(sheet.stream);
    if (options.widths) {
      // exceljs leaves out a column exactly 9 wide, its idea of the default (Excel's is 8.43).
      (sheet as unknown as { columns: { width: number }[] }).columns = options.widths.map(
        (width) => ({ width: width === 9 ? 9.01 : width }),
      );
    }
    return new ReportSheet(this, sheet);
  }

  /** The id exceljs gives a (shared) style object; it caches it by identity. */
  styleId(style: CellStyle, value: Cell): number {
    return this.workbook.styles.addStyleModel(style, valueType(value));
  }

  /** Writes the drawing part of a sheet's pictures and links it from the sheet. */
  attachDrawing(sheet: WorksheetWriter, images: readonly ImagePlacement[]): void {
    const DrawingXform = require('exceljs/lib/xlsx/xform/drawing/drawing-xform.js') as XformClass;
    const RelationshipsXform =
      require('exceljs/lib/xlsx/xform/core/relationships-xform.js') as XformClass;
    const name = `drawing${this.drawings.length + 1}`;
    this.drawings.push({ name });
    const rels = images.map((image, i) => {
      // A picture shown on two sheets is stored once: both drawings point at one media part.
      let id = this.mediaIds.get(image.png);
      if (id === undefined) {
        id = this.workbook.addImage({ buffer: image.png, extension: 'png' });
        this.mediaIds.set(image.png, id);
      }
      const media = this.workbook.getImage(id);
      return { Id: `rId${i + 1}`, Type: REL_IMAGE, Target: `../media/${media.name}` };
    });
    const drawing = {
      name,
      rels,
      anchors: images.map((image, i) => ({
        picture: { rId: `rId${i + 1}` },
        range: {
          editAs: 'oneCell',
          tl: { nativeCol: image.column, nativeColOff: 0, nativeRow: image.row, nativeRowOff: 0 },
          ext: { width: image.width, height: image.height },
        },
      })),
    };
    const drawingXform = new DrawingXform();
    drawingXform.prepare(drawing, {});
    this.workbook.zip.append(drawingXform.toXml(drawing), { name: `xl/drawings/${name}.xml` });
    this.workbook.zip.append(new RelationshipsXform().toXml(rels), {
      name: `xl/drawings/_rels/${name}.xml.rels`,
    });
    const rId = sheet._sheetRelsWriter.addRelationship({
      Type: REL_DRAWING,
      Target: `../drawings/${name}.xml`,
    });
    // <drawing> comes after headerFooter, rowBreaks and colBreaks in a worksheet, before
    // legacyDrawing (ECMA-376 CT_Worksheet): exceljs writes the row breaks last but the
    // comments' legacy drawing, so the link goes in just after them.
    const writeRowBreaks = sheet._writeRowBreaks.bind(sheet);
    sheet._writeRowBreaks = () => {
      writeRowBreaks();
      (sheet.stream as unknown as { write(text: string): void }).write(`<drawing r:id="${rId}"/>`);
    };
  }

  async commit(): Promise<void> {
    try {
      this.throwIfFailed();
      await Promise.race([this.workbook.commit(), this.failed]);
    } catch (error) {
      this.output.abort();
      throw workbookFailure(this.output.target.named, error);
    }
    await this.output.commit();
  }

  abort(): void {
    this.output.abort();
  }
}
