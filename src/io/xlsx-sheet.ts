/**
 * A hand-written scanner of worksheet XML, fed decoded text chunk by chunk (xml-text.ts).
 * No DOM and no SAX events: a sheet of a million rows is some 900 MB of XML, and a cell is
 * found by indexOf and read as a slice of the chunk, decoded (entities, `_x000D_` escapes)
 * only when it holds such things. An element cut by a chunk edge is carried to the next chunk.
 *
 * What the spec allows is read as LibreOffice reads it: rows and cells without `r=` follow the
 * previous one, rich text keeps every run (phonetic `<rPh>` runs are not text), a formula's
 * cached value is the cell's value. Malformed references are damage, and Excel's own limits
 * (rows, columns, characters in a cell) are refused the moment they are crossed.
 */
import { InputError, said, type Said } from '../errors.js';
import type { Cell, RawRow } from './table.js';
import { damagedWorkbook, limitError } from './xlsx-errors.js';
import {
  MAX_PENDING,
  attribute,
  decodeText,
  isNameEnd,
  itemText,
  localName,
  nameEnd,
  positiveInteger,
} from './xml-text.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;

const EXCEL_EPOCH_DAYS = 25_569; // serial of 1970-01-01 in the 1900 date system
const DATE1904_OFFSET_DAYS = 1_462;
const DAY_MS = 86_400_000;

// Cell types (the t attribute), as small integers so the hot path compares no strings.
const NUMBER = 0;
const SHARED_STRING = 1;
const STRING = 2;
const INLINE_STRING = 3;
const BOOLEAN = 4;
const ERROR = 5;
const DATE = 6;

function cellType(s: string, from: number, to: number): number {
  const length = to - from;
  const first = s.charCodeAt(from);
  if (length === 1) {
    if (first === 115) return SHARED_STRING;
    if (first === 110) return NUMBER;
    if (first === 98) return BOOLEAN;
    if (first === 101) return ERROR;
    if (first === 100) return DATE;
  }
  if (length === 3 && first === 115 && s.charCodeAt(from + 1) === 116) return STRING; // "str"
  if (length === 9 && s.startsWith('inlineStr', from)) return INLINE_STRING;
  return length === 0 ? NUMBER : STRING;
}

export interface SheetContext {
  /** The file as the user named it and the sheet's name, for messages. */
  file: string;
  sheet: string;
  sharedStrings: readonly string[];
  /** Why there are no shared strings, when the workbook names a part its zip lacks. */
  missingStrings?: Said | null;
  /** Per cellXfs index: 1 when its number format is a date or time format. */
  dateStyles: Uint8Array;
  date1904: boolean;
}

const found = (at: number) => (at < 0 ? Infinity : at);

/** '0x10', ' 0b1', '0o7': read by Number(), never written by Excel for a number. */
function radixPrefixed(raw: string): boolean {
  const t = raw.charCodeAt(0) <= 32 ? raw.trimStart() : raw;
  if (t.charCodeAt(0) !== 48 /* 0 */) return false;
  const c = t.charCodeAt(1) | 32;
  return c === 120 /* x */ || c === 98 /* b */ || c === 111; /* o */
}

/** Rows of one worksheet, from its XML text given in chunks. */
export class SheetScanner {
  /** Rows completed since the last take(). */
  private rows: RawRow[] = [];
  private rowNumber = 0;
  private rowCount = 0;
  /** The highest row number so far: a row at or below it is out of order (or repeated). */
  private highestRow = 0;
  /** One bit per row number seen (128 KiB): a number met twice is refused, never read twice. */
  private readonly seen = new Uint8Array((MAX_ROWS >> 3) + 1);
  /** The first row out of order and the row it came after, for the reader's note. */
  private firstOutOfOrder: { row: number; after: number } | null = null;
  private cells: Cell[] | null = null;
  private column = 0;
  private ended = false;
  /** Positions of the next '&', CR and '_x' in the current chunk (see needsDecoding). */
  private nextAmp = -1;
  private nextCr = -1;
  private nextEscape = -1;

  constructor(private readonly context: SheetContext) {}

  take(): RawRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /** Scans s and returns how much of it was used: the rest is an element cut by the chunk. */
  scan(s: string): number {
    if (this.ended) return s.length;
    this.nextAmp = this.nextCr = this.nextEscape = -1;
    let at = 0;
    for (;;) {
      const lt = s.indexOf('<', at);
      if (lt < 0) return s.length;
      const next = this.element(s, lt);
      if (next < 0) return lt;
      at = next;
      if (this.ended) return s.length;
    }
  }

  /** At the end of the XML, with what could not be scanned: anything open means it was cut. */
  finish(rest: string): void {
    if (!this.ended && (this.cells !== null || rest.trim().length > 0)) {
      throw this.damaged(
        said(
          `工作表 ${this.context.sheet} 在第 ${this.rowNumber} 行中间就结束了`,
          `sheet ${this.context.sheet} ends in the middle of row ${this.rowNumber}`,
        ),
      );
    }
  }

  tooLongElement(): InputError {
    return limitError(
      this.context.file,
      said(
        `工作表 ${this.context.sheet} 第 ${this.rowNumber} 行之后有一个单元格或标签超过 ${MAX_PENDING.toLocaleString('en')} 个字符（Excel 单元格的上限是 ${MAX_CELL_CHARS.toLocaleString('en')} 个字符）。`,
        `sheet ${this.context.sheet} holds a cell or tag longer than ${MAX_PENDING.toLocaleString('en')} characters after row ${this.rowNumber} (Excel's limit is ${MAX_CELL_CHARS.toLocaleString('en')} characters in a cell).`,
      ),
    );
  }

  /** Handles the element starting at s[lt]; returns where to go on, or -1 when it is cut. */
  private element(s: string, lt: number): number {
    const first = s.charCodeAt(lt + 1);
    // The hot path: <c r="B2" s="1" t="s"><v>7</v></c>
    if (first === 99 /* c */ && isNameEnd(s.charCodeAt(lt + 2))) return this.cell(s, lt, lt + 2);
    if (first === 33 /* ! */) return this.skipSpecial(s, lt);
    const gt = s.indexOf('>', lt);
    if (gt >= 0 && first === 47 && gt === lt + 5 && s.startsWith('row', lt + 2)) {
      this.endRow();
      return gt + 1;
    }
    if (gt < 0) return -1;
    const closing = first === 47;
    const start = closing ? lt + 2 : lt + 1;
    const end = nameEnd(s, start);
    const name = localName(s, start, end);
    if (name === 'row') {
      if (closing) this.endRow();
      else {
        this.startRow(s, end, gt);
        if (s.charCodeAt(gt - 1) === 47) this.endRow();
      }
    } else if (name === 'c' && !closing) {
      return this.cell(s, lt, end);
    } else if (name === 'sheetData' && closing) {
      this.ended = true;
    }
    return gt + 1;
  }

  private skipSpecial(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      return end < 0 ? -1 : end + 3;
    }
    const gt = s.indexOf('>', lt);
    return gt < 0 ? -1 : gt + 1;
  }

  private startRow(s: string, from: number, to: number): void {
    if (this.cells !== null) this.endRow(); // an unclosed row: be lenient, as Excel is
    const r = attribute(s, from, to, 'r');
    let number: number;
    // No r: the next row, as the spec and LibreOffice have it. An empty r="" is malformed.
    if (r === null) number = this.rowNumber + 1;
    else {
      number = positiveInteger(r, 0, r.length);
      if (number < 1 || number > MAX_ROWS) {
        if (number > MAX_ROWS) this.tooManyRows();
        throw this.damaged(
          said(
            `工作表 ${this.context.sheet} 有一行的行号是 '${r}'`,
            `sheet ${this.context.sheet} has a row numbered '${r}'`,
          ),
        );
      }
    }
    if (number > MAX_ROWS || ++this.rowCount > MAX_ROWS) this.tooManyRows();
    this.placeRow(number);
    this.rowNumber = number;
    this.cells = [];
    this.column = 0;
  }

  /**
   * Rows are read in the file's order, each under its own number. Excel writes them ascending;
   * some generators and hand edits do not. Sorting them would hold up to the whole sheet, so a
   * row out of order is noted (outOfOrderNote), and the ingest counts a gap as blank rows only
   * until a row fills it. A number met twice is refused: which of the two rows is the sheet's
   * is not for us to guess, and reading both would count one row twice.
   */
  private placeRow(number: number): void {
    const byte = number >> 3;
    const bit = 1 << (number & 7);
    if ((this.seen[byte]! & bit) !== 0) {
      throw this.damaged(
        said(
          `工作表 ${this.context.sheet} 有两行的行号都是 ${number}`,
          `sheet ${this.context.sheet} has two rows numbered ${number}`,
        ),
      );
    }
    this.seen[byte]! |= bit;
    if (number > this.highestRow) this.highestRow = number;
    else this.firstOutOfOrder ??= { row: number, after: this.rowNumber };
  }

  /** The reader's note on a sheet whose rows are not in row-number order, or null. */
  outOfOrderNote(): string | null {
    const first = this.firstOutOfOrder;
    return first === null
      ? null
      : `sheet ${this.context.sheet}: rows are not in row-number order (row ${first.row} comes after row ${first.after}); read in the file's order, each under its own number.`;
  }

  private endRow(): void {
    if (this.cells === null) return;
    this.rows.push({ row: this.rowNumber, cells: this.cells });
    this.cells = null;
  }

  private tooManyRows(): never {
    throw limitError(
      this.context.file,
      said(
        `工作表 ${this.context.sheet} 超过 ${MAX_ROWS.toLocaleString('en')} 行（Excel 的行数上限）。`,
        `sheet ${this.context.sheet} has more than ${MAX_ROWS.toLocaleString('en')} rows, Excel's limit.`,
      ),
    );
  }

  /** A <c> element from s[lt]; `end` is the end of its tag name. */
  private cell(s: string, lt: number, end: number): number {
    // The attributes in one pass of charCodeAt, kept as positions: no string is made for
    // r, t or s, and no builtin is called for the ~15 characters of a typical start tag.
    let refFrom = -1;
    let refTo = -1;
    let type = NUMBER;
    let style = -1;
    let gt = -1;
    let selfClosing = false;
    let i = end;
    for (;;) {
      let c = s.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
      if (c === 62) {
        gt = i;
        break;
      }
      if (c === 47 && s.charCodeAt(i + 1) === 62) {
        gt = i + 1;
        selfClosing = true;
        break;
      }
      if (c !== c) return -1; // NaN: the tag is cut by the chunk's end
      const nameFrom = i;
      while (c !== 61 && c > 32 && c !== 62 && c !== 47 && c !== 60) c = s.charCodeAt(++i);
      const nameTo = i;
      // Not an attribute name ('<', a lone '/', '='): the tag is broken, and skipping nothing
      // here would loop for ever.
      if (nameTo === nameFrom) {
        const tag = s.slice(lt, Math.min(i + 8, s.length));
        throw this.damaged(
          said(
            `工作表 ${this.context.sheet} 第 ${this.rowNumber} 行有一个残缺的单元格标签 '${tag}'`,
            `sheet ${this.context.sheet} row ${this.rowNumber} has a broken cell tag '${tag}'`,
          ),
        );
      }
      while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
      if (c !== c) return -1;
      if (c !== 61) continue; // an attribute without a value: not XML, skip the name
      c = s.charCodeAt(++i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
      if (c !== 34 && c !== 39) {
        if (c !== c) return -1;
        continue;
      }
      const quote = c;
      const valueFrom = i + 1;
      do c = s.charCodeAt(++i);
      while (c !== quote && c === c);
      if (c !== c) return -1;
      const valueTo = i++;
      if (nameTo - nameFrom === 1) {
        const name = s.charCodeAt(nameFrom);
        if (name === 114 /* r */) {
          refFrom = valueFrom;
          refTo = valueTo;
        } else if (name === 116 /* t */) type = cellType(s, valueFrom, valueTo);
        else if (name === 115 /* s */) style = positiveInteger(s, valueFrom, valueTo);
      }
    }
    // Content: the usual <v>…</v></c> directly, anything else (formulas, inline strings,
    // prefixed names) by looking for the child elements.
    let valueFrom = -1;
    let valueTo = -1;
    let inline = -1;
    let close = gt + 1;
    let after = gt + 1;
    if (!selfClosing) {
      if (
        s.charCodeAt(gt + 1) === 60 &&
        s.charCodeAt(gt + 2) === 118 &&
        s.charCodeAt(gt + 3) === 62
      ) {
        valueFrom = gt + 4;
        valueTo = s.indexOf('<', valueFrom);
        if (valueTo < 0) return -1;
      }
      // valueTo is at '<': is it "</v></c>"?
      if (
        valueTo >= 0 &&
        s.charCodeAt(valueTo + 1) === 47 &&
        s.charCodeAt(valueTo + 2) === 118 &&
        s.charCodeAt(valueTo + 3) === 62 &&
        s.charCodeAt(valueTo + 4) === 60 &&
        s.charCodeAt(valueTo + 5) === 47 &&
        s.charCodeAt(valueTo + 6) === 99 &&
        s.charCodeAt(valueTo + 7) === 62
      ) {
        close = valueTo + 4;
        after = valueTo + 8;
      } else {
        const closeTag = end === lt + 2 ? '</c>' : `</${s.slice(lt + 1, end)}>`;
        close = s.indexOf(closeTag, gt);
        if (close < 0) return -1;
        after = close + closeTag.length;
        if (valueFrom < 0) {
          inline = type === INLINE_STRING ? this.child(s, gt + 1, close, 'is') : -1;
          if (inline < 0) {
            valueFrom = this.child(s, gt + 1, close, 'v');
            if (valueFrom >= 0) valueTo = s.indexOf('<', valueFrom);
          }
        }
      }
    }
    if (this.cells === null) return after; // a cell outside any row carries nothing
    const column = refFrom < 0 ? this.column + 1 : this.cellColumn(s, refFrom, refTo);
    if (column > MAX_COLUMNS) this.tooManyColumns(`column ${column}`);
    this.column = column;
    let value: Cell = null;
    if (inline >= 0) value = this.text(itemText(s, inline, close), column, true);
    else if (valueFrom >= 0) value = this.value(s, valueFrom, valueTo, type, style, column);
    if (value !== null) {
      const cells = this.cells;
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = value;
    }
    return after;
  }

  /** The column of a cell reference such as "AB12", checked against the row. */
  private cellColumn(s: string, from: number, to: number): number {
    let at = from;
    let column = 0;
    for (; at < to && at - from < 4; at++) {
      const c = s.charCodeAt(at) | 32;
      if (c < 97 || c > 122) break;
      column = column * 26 + (c - 96);
    }
    const row = positiveInteger(s, at, to);
    if (at === from || row !== this.rowNumber) {
      const ref = s.slice(from, to);
      throw this.damaged(
        said(
          `工作表 ${this.context.sheet} 第 ${this.rowNumber} 行有一个单元格的引用是 '${ref}'`,
          `sheet ${this.context.sheet} row ${this.rowNumber} has a cell referenced as '${ref}'`,
        ),
      );
    }
    if (column > MAX_COLUMNS) this.tooManyColumns(s.slice(from, to));
    return column;
  }

  private tooManyColumns(where: string): never {
    throw limitError(
      this.context.file,
      said(
        `工作表 ${this.context.sheet} 第 ${this.rowNumber} 行有一个单元格（${where}）超出了 XFD 列（Excel 的列数上限 ${MAX_COLUMNS.toLocaleString('en')}）。`,
        `sheet ${this.context.sheet} row ${this.rowNumber} has a cell (${where}) beyond column XFD, Excel's limit of ${MAX_COLUMNS.toLocaleString('en')} columns.`,
      ),
    );
  }

  private value(
    s: string,
    from: number,
    to: number,
    type: number,
    style: number,
    column: number,
  ): Cell {
    switch (type) {
      case NUMBER:
        return this.number(s.slice(from, to), style);
      case STRING:
      case INLINE_STRING:
        return this.text(s.slice(from, to), column, this.needsDecoding(s, from, to));
      case SHARED_STRING:
        return this.shared(s, from, to, column);
      case BOOLEAN:
        return s.charCodeAt(from) === 49 || s.startsWith('true', from);
      case ERROR:
        return decodeText(s.slice(from, to));
      case DATE: {
        const raw = s.slice(from, to);
        return isoDate(raw) ?? this.text(raw, column, true);
      }
      default:
        return this.text(s.slice(from, to), column, true);
    }
  }

  /** Where the content of the first child element `name` begins, or -1. */
  private child(s: string, from: number, to: number, name: string): number {
    let at = from;
    for (;;) {
      const lt = s.indexOf('<', at);
      if (lt < 0 || lt >= to) return -1;
      const gt = s.indexOf('>', lt);
      if (gt < 0 || gt > to) return -1;
      if (s.charCodeAt(lt + 1) !== 47 && s.charCodeAt(gt - 1) !== 47) {
        const end = nameEnd(s, lt + 1);
        if (localName(s, lt + 1, end) === name) return gt + 1;
      }
      at = gt + 1;
    }
  }

  /**
   * Whether s[from, to) holds an '&', a CR or an '_x' escape. The next such position in the
   * chunk is remembered, so a chunk without any costs one search, not one per cell.
   */
  private needsDecoding(s: string, from: number, to: number): boolean {
    // Each kind is searched for on its own: one kind's absence is found once per chunk,
    // not again at every occurrence of another.
    if (this.nextAmp < from) this.nextAmp = found(s.indexOf('&', from));
    if (this.nextCr < from) this.nextCr = found(s.indexOf('\r', from));
    if (this.nextEscape < from) this.nextEscape = found(s.indexOf('_x', from));
    return this.nextAmp < to || this.nextCr < to || this.nextEscape < to;
  }

  private text(raw: string, column: number, decode: boolean): string {
    const text = decode ? decodeText(raw) : raw;
    if (text.length > MAX_CELL_CHARS) this.tooLong(text.length, column);
    return text;
  }

  private shared(s: string, from: number, to: number, column: number): Cell {
    // White space around the index is allowed, as exceljs and Excel read it.
    while (from < to && s.charCodeAt(from) <= 32) from++;
    while (to > from && s.charCodeAt(to - 1) <= 32) to--;
    const index = positiveInteger(s, from, to);
    const strings = this.context.sharedStrings;
    if (index >= 0 && index < strings.length) return strings[index]!;
    const cell = `${columnName(column)}${this.rowNumber}`;
    const given = s.slice(from, to);
    const missing = this.context.missingStrings;
    throw this.damaged(
      missing
        ? said(
            `工作表 ${this.context.sheet} 单元格 ${cell} 引用了共享字符串，但${missing.zh}`,
            `sheet ${this.context.sheet} cell ${cell} refers to a shared string, but ${missing.en}`,
          )
        : said(
            `工作表 ${this.context.sheet} 单元格 ${cell} 引用了编号为 '${given}' 的共享字符串，而工作簿只有 ${strings.length} 个`,
            `sheet ${this.context.sheet} cell ${cell} refers to shared string '${given}', but the workbook has ${strings.length}`,
          ),
    );
  }

  private number(raw: string, style: number): Cell {
    const value = Number(raw);
    if (value === 0 && raw.trim() === '') return null;
    // Not a decimal number where one must be ('abc', 'Infinity', and '0x10', '0b1', '0o7',
    // which Number() reads): keep the text, so the row's reject can show it.
    if (!Number.isFinite(value) || radixPrefixed(raw)) return decodeText(raw);
    if (style >= 0 && this.context.dateStyles[style] === 1) {
      const days = value - EXCEL_EPOCH_DAYS + (this.context.date1904 ? DATE1904_OFFSET_DAYS : 0);
      const date = new Date(Math.round(days * DAY_MS));
      // A serial beyond any calendar Date holds: the number itself, for the reject to show.
      return Number.isNaN(date.getTime()) ? value : date;
    }
    return value;
  }

  private tooLong(length: number, column: number): never {
    throw limitError(
      this.context.file,
      said(
        `工作表 ${this.context.sheet} 单元格 ${columnName(column)}${this.rowNumber} 有 ${length.toLocaleString('en')} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARS.toLocaleString('en')}。`,
        `sheet ${this.context.sheet} cell ${columnName(column)}${this.rowNumber} holds ${length.toLocaleString('en')} characters, over Excel's limit of ${MAX_CELL_CHARS.toLocaleString('en')} in a cell.`,
      ),
    );
  }

  private damaged(what: Said): InputError {
    return damagedWorkbook(this.context.file, what);
  }
}

export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** t="d" cells (ISO 8601, written by some tools): wall-clock parts kept, as for serials. */
function isoDate(raw: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(
    raw.trim(),
  );
  if (!m) return null;
  const ms = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Math.round(Number(`0.${m[7] ?? '0'}`) * 1000),
  );
  return Number.isNaN(ms) ? null : new Date(ms);
}
