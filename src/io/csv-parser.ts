/**
 * Splitting delimited text into records: decoded text in, records out, each with the physical
 * line it starts on. No I/O: the reader feeds it chunks of text and drains `records`.
 *
 * Why our own and not papaparse's: papaparse picks one line break per file (a file whose lines
 * end in CRLF, LF or CR at random lost two thirds of its records), and it re-parses a record
 * that spans chunks from its start at every chunk, so one 40 MB line took 9 s and 100 MB over a
 * minute. Here every character is looked at once, whatever the length of a record, and the
 * unquoted path finds the next delimiter and line end with indexOf, as papaparse does, so the
 * usual export reads at the same speed.
 *
 * Rules (those of RFC 4180 readers such as Python's csv): CRLF, LF and a lone CR all end a
 * record, and count as one line end each for the row numbers editors show. A field that starts
 * with " is quoted: delimiters and line breaks inside it are data and "" is one quote. A quote
 * inside an unquoted field is an ordinary character. Text after a closing quote makes the
 * record malformed; a quote still open at the end of the input makes it unbalanced.
 */

/** Excel's own limits, which no real export exceeds, and a cap on a whole record. */
export const CSV_LIMITS = {
  /** Characters in one cell. */
  fieldChars: 32_767,
  /** Columns in one sheet. */
  columns: 16_384,
  /**
   * Characters in one record. Real 95598 records are a few thousand characters (one long
   * complaint text among 20 to 60 short columns); 32 cells at Excel's maximum fit in this, and
   * holding the 50 rows searched for the header stays around 100 MB at worst.
   */
  recordChars: 1_048_576,
} as const;

export type CsvLimits = { readonly [K in keyof typeof CSV_LIMITS]: number };

import { FieldBatch, utf8Slice } from './csv-fields.js';

export type QuoteProblem = 'malformed' | 'unbalanced';

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts. */
  row: number;
  cells: string[];
  problem: QuoteProblem | null;
  /** For an unbalanced quote: the line where it opened and how many lines it swallowed. */
  quoteLine: number;
  lines: number;
}

/** A record past one of CSV_LIMITS: the input is refused, not read on. */
export class CsvLimitError extends Error {
  constructor(
    readonly limit: keyof CsvLimits,
    readonly value: number,
    /** Line on which the record starts. */
    readonly line: number,
    /** Line on which an open quoted field started, when that field is what runs on. */
    readonly quoteLine: number | null,
  ) {
    super(`record on line ${line} is over the ${limit} limit (${value})`);
    this.name = 'CsvLimitError';
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote ended the previous chunk inside a quoted field: "" or a closing quote. */
const QUOTE_PENDING = 3;

export class CsvParser {
  /** Records completed so far; the reader takes them after each push. */
  records: CsvRecord[] = [];
  /** Physical line of the next character to be read. */
  line = 1;
  private mode = FIELD_START;
  private fields: string[] = [];
  /** The current field's text read so far, when it is not complete within one chunk. */
  private field = '';
  private recordLine = 1;
  private recordChars = 0;
  private quoteLine = 0;
  private malformed = false;
  /** The last chunk ended with a CR that ended a record: an LF starting this one is its pair. */
  private pendingCR = false;
  /** The last chunk ended inside quoted data with a CR. */
  private quotedCR = false;
  private readonly delimiterCode: number;
  /**
   * In fields mode (`useFields`), the records as offsets into the last chunk pushed
   * (csv-fields.ts), in place of `records`; the reader drains it after each push.
   */
  batch: FieldBatch | null = null;
  /** The next delimiter, LF and CR of the chunk, shared by push and scanRecord. */
  private nD = -1;
  private nLF = -1;
  private nCR = -1;

  constructor(
    private readonly delimiter: string,
    private readonly limits: CsvLimits = CSV_LIMITS,
    /** The line the text starts on (a byte range read on from a known line: src/parallel/). */
    firstLine = 1,
  ) {
    if (delimiter.length !== 1 || /["\r\n]/.test(delimiter))
      throw new Error(`unusable delimiter ${JSON.stringify(delimiter)}`);
    this.delimiterCode = delimiter.charCodeAt(0);
    this.line = firstLine;
    this.recordLine = firstLine;
  }

  /** Records go to a FieldBatch (csv-fields.ts) from now on. */
  useFields(): this {
    this.batch = new FieldBatch();
    return this;
  }

  push(s: string): void {
    const batch = this.batch;
    if (batch !== null) {
      if (batch.fields > 0) throw new Error('the field batch was not drained');
      batch.text = s;
      batch.bytes = null;
    }
    this.feed(s, batch);
  }

  /**
   * Pushes a chunk of UTF-8 bytes, valid and cut at character boundaries (csv-decode.ts): in
   * fields mode, ordinary records go to the batch as byte offsets into `bytes` (scanBytes), and
   * the rest (a record scanBytes refuses, or one begun in the chunk before) is decoded line by
   * line and read as strings until a record starts. In UTF-8 no byte of a multi-byte character
   * is ASCII, so the delimiter, quote and line ends are found in the bytes.
   */
  pushBytes(bytes: Buffer): void {
    const batch = this.batch;
    if (batch === null || this.delimiterCode >= 0x80) {
      this.push(utf8Slice(bytes, 0, bytes.length));
      return;
    }
    if (batch.fields > 0) throw new Error('the field batch was not drained');
    batch.text = '';
    batch.bytes = bytes;
    this.nD = this.nLF = this.nCR = -1;
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      if (this.pendingCR) {
        this.pendingCR = false;
        if (bytes[i] === LF) i++;
        continue;
      }
      if (this.mode === FIELD_START && this.fields.length === 0) {
        const next = this.scanBytes(bytes, i, n, batch);
        if (next >= 0) {
          i = next;
          continue;
        }
      }
      // One line as strings, as a range read past its end does (src/parallel/csv-range.ts): its
      // records are kept as strings, for the batch's offsets point into the bytes. A line ends
      // at a CR too (a CRLF's LF is then skipped above as the pending CR's pair).
      const lf = byteOrEnd(bytes, LF, i, n);
      const cr = byteOrEnd(bytes, CR, i, n);
      const to = Math.min(lf < cr ? lf + 1 : cr + 1, n);
      this.feed(utf8Slice(bytes, i, to), null);
      i = to;
    }
  }

  /** Reads `s`; in fields mode, ordinary records go to `batch` as offsets (null: as strings). */
  private feed(s: string, batch: FieldBatch | null): void {
    const n = s.length;
    let i = 0;
    if (this.pendingCR && n > 0) {
      this.pendingCR = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    const delimiter = this.delimiter;
    const dc = this.delimiterCode;
    // The next delimiter, LF and CR at or after i (n when there is none); recomputed only once
    // i has passed them, so each is searched for once per occurrence.
    let nextD = -1;
    let nextLF = -1;
    let nextCR = -1;
    let mode = this.mode;
    while (i < n) {
      if (batch !== null && mode === FIELD_START && this.fields.length === 0) {
        this.nD = nextD;
        this.nLF = nextLF;
        this.nCR = nextCR;
        const next = this.scanRecord(s, i, n, batch);
        nextLF = this.nLF;
        nextCR = this.nCR;
        if (next >= 0) {
          // Not when the record is left to the strings: its delimiters lie before this.nD.
          nextD = this.nD;
          i = next;
          continue;
        }
      }
      if (mode === QUOTED) {
        const q = s.indexOf('"', i);
        const stop = q < 0 ? n : q;
        // Line ends inside quoted data are data, but still lines for the row numbers.
        if (nextLF < i) nextLF = indexOrEnd(s, '\n', i, n);
        while (nextLF < stop) {
          const afterCR = nextLF > 0 ? s.charCodeAt(nextLF - 1) === CR : this.quotedCR;
          if (!afterCR) this.line++;
          nextLF = indexOrEnd(s, '\n', nextLF + 1, n);
        }
        if (nextCR < i) nextCR = indexOrEnd(s, '\r', i, n);
        while (nextCR < stop) {
          this.line++;
          nextCR = indexOrEnd(s, '\r', nextCR + 1, n);
        }
        this.field += s.slice(i, stop);
        if (q < 0) {
          i = n;
          break;
        }
        i = q + 1;
        if (i === n) {
          mode = QUOTE_PENDING;
          break;
        }
        mode = QUOTE_PENDING;
      }
      if (mode === QUOTE_PENDING) {
        const c = s.charCodeAt(i);
        if (c === QUOTE) {
          this.field += '"';
          i++;
          mode = QUOTED;
          continue;
        }
        if (c !== dc && c !== LF && c !== CR) {
          // Text after the closing quote: read on as unquoted, the record is rejected.
          this.malformed = true;
          mode = UNQUOTED;
          continue;
        }
        const value = this.field;
        this.field = '';
        this.addField(value);
        mode = FIELD_START;
        if (c === dc) {
          i++;
          continue;
        }
        i = this.endLine(s, i, c, n);
        continue;
      }
      if (mode === FIELD_START && s.charCodeAt(i) === QUOTE) {
        mode = QUOTED;
        this.quoteLine = this.line;
        i++;
        continue;
      }
      if (nextD < i) nextD = indexOrEnd(s, delimiter, i, n);
      if (nextLF < i) nextLF = indexOrEnd(s, '\n', i, n);
      if (nextCR < i) nextCR = indexOrEnd(s, '\r', i, n);
      let end = nextD < nextLF ? nextD : nextLF;
      if (nextCR < end) end = nextCR;
      if (end === n) {
        this.field = mode === UNQUOTED ? this.field + s.slice(i) : s.slice(i);
        mode = UNQUOTED;
        i = n;
        break;
      }
      let value = s.slice(i, end);
      if (mode === UNQUOTED) {
        value = this.field + value;
        this.field = '';
      }
      this.addField(value);
      mode = FIELD_START;
      const c = s.charCodeAt(end);
      if (c === dc) i = end + 1;
      else i = this.endLine(s, end, c, n);
    }
    this.mode = mode;
    if (mode === QUOTED) this.quotedCR = n > 0 && s.charCodeAt(n - 1) === CR;
    // A field or record that runs on across chunks is held: check it now, not at its end.
    if (mode !== FIELD_START) {
      const open = mode === QUOTED || mode === QUOTE_PENDING;
      if (this.field.length > this.limits.fieldChars)
        this.overLimit('fieldChars', this.limits.fieldChars, open);
      if (this.recordChars + this.field.length > this.limits.recordChars)
        this.overLimit('recordChars', this.limits.recordChars, open);
    }
  }

  /**
   * Whether the text pushed so far ends a record: the next character starts a new one (a CSV
   * read in byte ranges stops there; src/parallel/).
   */
  get atRecordStart(): boolean {
    return this.mode === FIELD_START && this.fields.length === 0 && !this.pendingCR;
  }

  /** The input has ended: the record in progress, if any, is complete (or unbalanced). */
  end(): void {
    this.pendingCR = false;
    const mode = this.mode;
    this.mode = FIELD_START;
    if (mode === FIELD_START) {
      // "a,b," at the very end: the record has an empty last field.
      if (this.fields.length > 0) {
        this.addField('');
        this.endRecord(this.malformed ? 'malformed' : null);
      }
      return;
    }
    const value = this.field;
    this.field = '';
    if (mode !== QUOTED) {
      this.addField(value);
      this.endRecord(this.malformed ? 'malformed' : null);
      return;
    }
    this.fields.push(value);
    // Lines from the opening quote to the end, the last one only if it holds any text.
    const last = value.charCodeAt(value.length - 1);
    const endsLine = last === LF || last === CR;
    const lines = this.line - this.quoteLine + (endsLine ? 0 : 1);
    this.endRecord('unbalanced', lines);
  }

  /** Ends the record at the line end c found at `at`; returns where the next record starts. */
  private endLine(s: string, at: number, c: number, n: number): number {
    this.endRecord(this.malformed ? 'malformed' : null);
    this.line++;
    this.recordLine = this.line;
    if (c === CR) {
      if (at + 1 === n) this.pendingCR = true;
      else if (s.charCodeAt(at + 1) === LF) return at + 2;
    }
    return at + 1;
  }

  private addField(value: string): void {
    const limits = this.limits;
    if (value.length > limits.fieldChars) this.overLimit('fieldChars', limits.fieldChars);
    this.recordChars += value.length;
    if (this.recordChars > limits.recordChars) this.overLimit('recordChars', limits.recordChars);
    if (this.fields.push(value) > limits.columns) this.overLimit('columns', limits.columns);
  }

  /**
   * Reads the record that starts at `at` as offsets into `batch` when it is an ordinary one:
   * it ends within this chunk, no quoted field holds a line break or text after its closing
   * quote, and it is within the limits. Returns where the next record starts, or -1 (nothing
   * added): the record is then read as strings, by the rules above, with their messages.
   */
  private scanRecord(s: string, at: number, n: number, batch: FieldBatch): number {
    if (this.nLF < at) this.nLF = indexOrEnd(s, '\n', at, n);
    if (this.nCR < at) this.nCR = indexOrEnd(s, '\r', at, n);
    const eol = this.nLF < this.nCR ? this.nLF : this.nCR;
    // A record that runs to the chunk's end, or a CR that may pair with the next chunk's LF.
    if (eol >= n - 1 && (eol === n || s.charCodeAt(eol) === CR)) return -1;
    const limits = this.limits;
    if (eol - at > limits.recordChars) return -1;
    const first = batch.fields;
    const dc = this.delimiterCode;
    let f = first;
    for (;;) {
      if (f === batch.starts.length) batch.reserve(1);
      let end: number;
      if (s.charCodeAt(at) === QUOTE) {
        let close = s.indexOf('"', at + 1);
        let escaped = false;
        while (close >= 0 && close < eol && s.charCodeAt(close + 1) === QUOTE) {
          escaped = true;
          close = s.indexOf('"', close + 2);
        }
        end = close + 1;
        if (close < 0 || close >= eol || (end !== eol && s.charCodeAt(end) !== dc)) {
          batch.fields = first;
          return -1;
        }
        batch.starts[f] = at + 1;
        batch.ends[f] = escaped ? ~close : close;
        if (close - at - 1 > limits.fieldChars) {
          batch.fields = first;
          return -1;
        }
      } else {
        if (this.nD < at) this.nD = indexOrEnd(s, this.delimiter, at, n);
        end = this.nD < eol ? this.nD : eol;
        batch.starts[f] = at;
        batch.ends[f] = end;
        if (end - at > limits.fieldChars) {
          batch.fields = first;
          return -1;
        }
      }
      batch.fields = ++f;
      if (end === eol) break;
      at = end + 1;
    }
    if (f - first > limits.columns) {
      batch.fields = first;
      return -1;
    }
    batch.add(first, this.line);
    this.line++;
    this.recordLine = this.line;
    return s.charCodeAt(eol) === CR && s.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
  }

  /**
   * scanRecord over UTF-8 bytes: the same records, with byte offsets. The limits are in UTF-16
   * units, which are never more than the bytes: a field or record whose bytes are within a
   * limit is within it; one that is not is left to the strings, which measure it exactly.
   */
  private scanBytes(b: Buffer, at: number, n: number, batch: FieldBatch): number {
    if (this.nLF < at) this.nLF = byteOrEnd(b, LF, at, n);
    if (this.nCR < at) this.nCR = byteOrEnd(b, CR, at, n);
    const eol = this.nLF < this.nCR ? this.nLF : this.nCR;
    // A record that runs to the chunk's end, or a CR that may pair with the next chunk's LF.
    if (eol >= n - 1 && (eol === n || b[eol] === CR)) return -1;
    const limits = this.limits;
    if (eol - at > limits.recordChars) return -1;
    const first = batch.fields;
    const dc = this.delimiterCode;
    let f = first;
    for (;;) {
      if (f === batch.starts.length) batch.reserve(1);
      let end: number;
      if (b[at] === QUOTE) {
        let close = b.indexOf(QUOTE, at + 1);
        let escaped = false;
        while (close >= 0 && close < eol && b[close + 1] === QUOTE) {
          escaped = true;
          close = b.indexOf(QUOTE, close + 2);
        }
        end = close + 1;
        if (close < 0 || close >= eol || (end !== eol && b[end] !== dc)) {
          batch.fields = first;
          return -1;
        }
        batch.starts[f] = at + 1;
        batch.ends[f] = escaped ? ~close : close;
        if (close - at - 1 > limits.fieldChars) {
          batch.fields = first;
          return -1;
        }
      } else {
        if (this.nD < at) this.nD = byteOrEnd(b, dc, at, n);
        end = this.nD < eol ? this.nD : eol;
        batch.starts[f] = at;
        batch.ends[f] = end;
        if (end - at > limits.fieldChars) {
          batch.fields = first;
          return -1;
        }
      }
      batch.fields = ++f;
      if (end === eol) break;
      at = end + 1;
    }
    if (f - first > limits.columns) {
      batch.fields = first;
      return -1;
    }
    batch.add(first, this.line);
    this.line++;
    this.recordLine = this.line;
    return b[eol] === CR && b[eol + 1] === LF ? eol + 2 : eol + 1;
  }

  private endRecord(problem: QuoteProblem | null, lines = 0): void {
    const record: CsvRecord = {
      row: this.recordLine,
      cells: this.fields,
      problem,
      quoteLine: problem === 'unbalanced' ? this.quoteLine : 0,
      lines,
    };
    if (this.batch !== null) this.batch.addSlow(record);
    else this.records.push(record);
    this.fields = [];
    this.recordChars = 0;
    this.malformed = false;
  }

  private overLimit(limit: keyof CsvLimits, value: number, openQuote = false): never {
    throw new CsvLimitError(limit, value, this.recordLine, openQuote ? this.quoteLine : null);
  }
}

function indexOrEnd(s: string, what: string, from: number, n: number): number {
  const at = s.indexOf(what, from);
  return at < 0 ? n : at;
}

function byteOrEnd(b: Buffer, what: number, from: number, n: number): number {
  const at = b.indexOf(what, from);
  return at < 0 ? n : at;
}
