/**
 * Parsing of the cell values found in 95598 exports. Pure functions, no I/O.
 *
 * Timestamps are wall-clock China time as written in the export. They are kept as
 * "naive" milliseconds built with Date.UTC, so no machine time zone ever shifts them:
 * 2016-05-01 00:30 is in May whatever TZ says.
 */
import type { Cell } from '../io/table.js';

export interface LocalTime {
  /** Date.UTC(y, m-1, d, h, mi, s) of the wall-clock time. */
  ms: number;
  /** year * 12 + (month - 1): cheap to compare and to bucket by month. */
  monthIndex: number;
  /** Days since 1970-01-01 of the wall-clock date (metrics/calendar.ts): the cube's grain. */
  dayIndex: number;
}

export function monthIndexToString(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

const DAY_MS = 86_400_000;

export function formatLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1]!;
}

/** Builds a wall-clock time, or null when the parts do not name a real moment (2016-02-30). */
export function localTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): LocalTime | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Date.UTC's value, from digits alone: parsed for every row (dates are 5% of an analyze).
  const dayIndex = daysFromCivil(year, month, day);
  const ms = dayIndex * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  return { ms, monthIndex: year * 12 + month - 1, dayIndex };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromMs(ms: number): LocalTime {
  const d = new Date(ms);
  return {
    ms,
    monthIndex: d.getUTCFullYear() * 12 + d.getUTCMonth(),
    dayIndex: Math.floor(ms / DAY_MS),
  };
}

// Excel's day 0 is 1899-12-30 for serials from 61 on; serial 60 is the 1900-02-29 that
// Lotus 1-2-3 invented and Excel kept, so earlier serials are one day off.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

export function fromExcelSerial(serial: number): LocalTime | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL || serial === 60) {
    return null;
  }
  const days = serial < 60 ? serial + 1 : serial;
  // Round to the second: serials carry binary fractions (10:22:11 is 0.43207175925...).
  const ms = Math.round((EXCEL_EPOCH_MS + days * DAY_MS) / 1000) * 1000;
  return fromMs(ms);
}

// 2016-05-03 10:22:11, 2016/5/3 9:05, 2016.5.3, 2016-05-03T10:22:11, 2016年5月3日 9时5分
const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?)?$/;
// 20160503, 201605031022, 20160503102211
const DATE_DIGITS = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;
// An Excel serial written out as text by a CSV export: 42493 or 42493.4321
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

function fromMatch(m: RegExpExecArray): LocalTime | null {
  return localTime(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    m[4] === undefined ? 0 : Number(m[4]),
    m[5] === undefined ? 0 : Number(m[5]),
    m[6] === undefined ? 0 : Number(m[6]),
  );
}

const ZERO = 48;

/**
 * `2016-05-03 10:22:11`, the form most exports use, from char codes alone (no regular
 * expression, no substrings): it is parsed for every row, three times. Returns undefined for any
 * other shape, to fall through to the rest.
 */
function parseIsoLike(text: string): LocalTime | null | undefined {
  return text.length === 19 ? parseIsoAt(text, 0) : undefined;
}

/**
 * parseIsoLike for the 19 characters of `text` from `at` (a field read as offsets into a
 * chunk: src/io/csv-fields.ts), without making a string of them.
 */
export function parseIsoAt(text: string, at: number): LocalTime | null | undefined {
  const separator = text.charCodeAt(at + 10);
  if (
    text.charCodeAt(at + 4) !== 45 ||
    text.charCodeAt(at + 7) !== 45 ||
    text.charCodeAt(at + 13) !== 58 ||
    text.charCodeAt(at + 16) !== 58 ||
    (separator !== 32 && separator !== 84)
  )
    return undefined;
  const y0 = text.charCodeAt(at) - ZERO;
  const y1 = text.charCodeAt(at + 1) - ZERO;
  const y2 = text.charCodeAt(at + 2) - ZERO;
  const y3 = text.charCodeAt(at + 3) - ZERO;
  const m0 = text.charCodeAt(at + 5) - ZERO;
  const m1 = text.charCodeAt(at + 6) - ZERO;
  const d0 = text.charCodeAt(at + 8) - ZERO;
  const d1 = text.charCodeAt(at + 9) - ZERO;
  const h0 = text.charCodeAt(at + 11) - ZERO;
  const h1 = text.charCodeAt(at + 12) - ZERO;
  const i0 = text.charCodeAt(at + 14) - ZERO;
  const i1 = text.charCodeAt(at + 15) - ZERO;
  const s0 = text.charCodeAt(at + 17) - ZERO;
  const s1 = text.charCodeAt(at + 18) - ZERO;
  // A digit is 0..9: unsigned, anything else is over 9.
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    h0 >>> 0 > 9 ||
    h1 >>> 0 > 9 ||
    i0 >>> 0 > 9 ||
    i1 >>> 0 > 9 ||
    s0 >>> 0 > 9 ||
    s1 >>> 0 > 9
  )
    return undefined;
  return localTime(
    y0 * 1000 + y1 * 100 + y2 * 10 + y3,
    m0 * 10 + m1,
    d0 * 10 + d1,
    h0 * 10 + h1,
    i0 * 10 + i1,
    s0 * 10 + s1,
  );
}

/** parseIsoAt for the 19 bytes of a UTF-8 CSV chunk from `at` (csv-fields.ts), undecoded. */
export function parseIsoBytes(b: Uint8Array, at: number): LocalTime | null | undefined {
  const separator = b[at + 10];
  if (
    b[at + 4] !== 45 ||
    b[at + 7] !== 45 ||
    b[at + 13] !== 58 ||
    b[at + 16] !== 58 ||
    (separator !== 32 && separator !== 84)
  )
    return undefined;
  const century = twoDigits(b, at);
  const years = twoDigits(b, at + 2);
  const month = twoDigits(b, at + 5);
  const day = twoDigits(b, at + 8);
  const hour = twoDigits(b, at + 11);
  const minute = twoDigits(b, at + 14);
  const second = twoDigits(b, at + 17);
  // A pair that is not two digits is -1: the or of them all is then negative.
  if ((century | years | month | day | hour | minute | second) < 0) return undefined;
  return localTime(century * 100 + years, month, day, hour, minute, second);
}

/** The two digits at b[at], or -1. */
function twoDigits(b: Uint8Array, at: number): number {
  const d0 = b[at]! - ZERO;
  const d1 = b[at + 1]! - ZERO;
  return d0 >>> 0 > 9 || d1 >>> 0 > 9 ? -1 : d0 * 10 + d1;
}

/** Any date form of DESIGN.md §5, or null. An empty cell is `undefined`-like: check first. */
export function parseDate(value: Cell): LocalTime | null {
  if (typeof value === 'string') {
    // The usual form first: it has no space around it to trim.
    const fixed = parseIsoLike(value);
    return fixed === undefined ? parseDateText(value.trim()) : fixed;
  }
  if (value instanceof Date) {
    // Readers build Dates from Excel serials as UTC, so UTC parts are the wall clock.
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : fromMs(Math.round(ms / 1000) * 1000);
  }
  if (typeof value === 'number') return fromExcelSerial(value);
  return null;
}

function parseDateText(text: string): LocalTime | null {
  const fixed = parseIsoLike(text);
  if (fixed !== undefined) return fixed;
  let m = DATE_TEXT.exec(text);
  if (m) return fromMatch(m);
  m = DATE_DIGITS.exec(text);
  if (m) return fromMatch(m);
  if (SERIAL_TEXT.test(text)) return fromExcelSerial(Number(text));
  const wide = text.normalize('NFKC');
  if (wide !== text) return parseDateText(wide.trim());
  return null;
}

/** C0 and C1 control characters and DEL: never part of a name. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;

const CONTROL_EACH = /[\u0000-\u001f\u007f-\u009f]/g;
const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Control characters shown as escapes (\n, \x1b): for raw values quoted in reasons, notes
 * and headers, which reach terminals (an ESC [2J in a date cell would clear the screen) and
 * one-line error messages.
 */
export function visible(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(
    CONTROL_EACH,
    (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** Counts the values from which cleanText removed control characters (beyond trimming). */
export interface CleanCount {
  controls: number;
}

/**
 * Trim and NFKC-normalise a text value: full-width letters, digits and brackets become
 * half-width, so `国网黄山供电公司（市直）` and `国网黄山供电公司(市直) ` are one unit.
 * Control characters go too (a NUL or \x01 in a unit name made it a unit of its own, and broke
 * the charts that print it); `count` learns when that removed more than surrounding space.
 */
export function cleanText(value: string, count?: CleanCount): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x7f || c < 0x20) return cleanSlowly(value, count);
  }
  return value.trim();
}

function cleanSlowly(value: string, count: CleanCount | undefined): string {
  let text = value;
  if (CONTROL.test(value)) {
    text = value.replace(CONTROLS, '');
    if (count !== undefined && text.trim() !== value.trim()) count.controls++;
  }
  return text.normalize('NFKC').trim();
}

/** The text of a cell as the analyst sees it. Numbers keep their digits (ids, phone numbers). */
export function cellText(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return formatLocal(parseDate(value)?.ms ?? value.getTime());
}

/** Memoises cleanText for columns with few distinct values (units, types, classes). */
export class TextCache {
  private readonly map = new Map<string, string>();
  /** Raw values that held control characters: counted again at each occurrence. */
  private readonly dirty = new Set<string>();
  /** Values (occurrences, not distinct) from which control characters were removed. */
  readonly count: CleanCount = { controls: 0 };
  /** Cleaned values holding U+FFFD: text garbled before the file was written. */
  readonly garbled = new Set<string>();
  constructor(private readonly limit = 50_000) {}
  clean(raw: string): string {
    let hit = this.map.get(raw);
    if (hit === undefined) {
      const before = this.count.controls;
      hit = detach(cleanText(raw, this.count));
      if (this.map.size >= this.limit) {
        this.map.clear();
        this.dirty.clear();
      }
      const key = detach(raw);
      this.map.set(key, hit);
      if (hit.includes('\uFFFD')) this.garbled.add(hit);
      if (this.count.controls !== before) this.dirty.add(key);
    } else if (this.dirty.size > 0 && this.dirty.has(raw)) {
      this.count.controls++;
    }
    return hit;
  }
}

/**
 * A copy of a string that shares no memory with it. V8 strings cut from a parser's chunk keep
 * the whole chunk alive; whatever outlives the row (cache entries, rejects) is copied.
 */
export function detach(text: string): string {
  return text.length === 0 ? '' : Buffer.from(text, 'utf16le').toString('utf16le');
}

export type Flag = boolean | null;

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', 't', '√', '有']);
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', 'f', '×', '无']);

/** 是/否, Y/N, 1/0, true/false. Returns undefined for a value that is none of these. */
export function parseFlag(text: string): Flag | undefined {
  if (text === '') return null;
  // As written first: lower-casing 是/否 makes a new string on every row.
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  const key = text.toLowerCase();
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return undefined;
}

export type Substantiated = 'yes' | 'no' | 'partial' | null;

export function parseSubstantiated(text: string): Substantiated | undefined {
  if (text === '') return null;
  if (text.includes('部分')) return 'partial';
  if (text === '不属实' || text === '不实' || text === '不属实投诉') return 'no';
  if (text === '属实' || text === '属实投诉') return 'yes';
  const flag = parseFlag(text);
  if (flag === undefined) return undefined;
  return flag === null ? null : flag ? 'yes' : 'no';
}

export type Appeal = 'approved' | 'rejected' | 'pending' | 'none';

/** 申诉成功 / 申诉失败 / 未申诉, and the shorter forms systems write. */
export function parseAppeal(text: string): Appeal | undefined {
  if (text === '' || text === '未申诉' || text === '无' || text === '无申诉' || text === '-') {
    return 'none';
  }
  if (/不通过|失败|驳回|不予|不同意|未通过/.test(text)) return 'rejected';
  if (/成功|通过|同意|批准|已核减/.test(text)) return 'approved';
  if (/中|待|审核|审批/.test(text)) return 'pending';
  const flag = parseFlag(text);
  if (flag === true) return 'approved';
  if (flag === false) return 'rejected';
  return undefined;
}
