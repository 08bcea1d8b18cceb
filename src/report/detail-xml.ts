/**
 * The 明细 rows' XML made from the spools' bytes (detail-spool.ts's format) rather than from
 * their cells decoded: a text with nothing to escape (nearly every one) goes from the spool's
 * UTF-8 into the sheet's UTF-8 as it is, where decoding each cell into a string, joining a row's
 * XML and encoding it again took most of the time the rows took (1M bench file, 74,580 rows).
 * The XML is what rowXml (io/workbook.ts) writes for the same cells, byte for byte: a text that
 * needs escaping, cutting or measuring beyond CJK and ASCII is decoded and goes through the same
 * functions as before.
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { cellXml, cellXmlStart, EXCEL_CELL_CHARACTERS } from '../io/workbook.js';
import { contains, type Period } from '../metrics/period.js';
import { pieceFile, type SpooledSegments } from './detail-spool.js';
import { isWideCjk } from './width.js';

/** Bytes read at a time (the buffer grows for a longer record). */
const READ = 64 << 10;

const COLON = 0x3a;
const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const MINUS = 0x2d;

/** A text cell: where its bytes are, its length in UTF-16 code units, and what they hold. */
interface TextFacts {
  units: number;
  /** Nothing XML or Excel would escape, and not cut: the bytes go as they are. */
  clean: boolean;
  /** Its display width, when every character is ASCII or CJK (width.ts); else -1. */
  width: number;
}

/** A text a column repeats, kept by the spool's writer and named by number after. */
interface KeptText extends TextFacts {
  bytes: Buffer;
  text: string | null;
}

/** Where the reader is: the bytes held, the record's cells as parsed. */
class ByteReader {
  buf = Buffer.allocUnsafe(READ);
  /** Bytes of `buf` holding data. */
  limit = 0;
  // The record parsed last: its header, then per cell its kind (a character code) and range.
  entry = 0;
  sequence = 0;
  day = 0;
  count = 0;
  kinds = new Uint8Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  units = new Int32Array(64);
  clean = new Uint8Array(64);
  widths = new Int32Array(64);
  /** Where the last integer read ends (on its stop character). */
  private integerEnd = 0;

  /** The integer at `p` up to `stop`; NaN: the bytes end first. */
  private integerAt(p: number, stop: number): number {
    const buf = this.buf;
    const negative = buf[p] === MINUS;
    if (negative) p++;
    const first = p;
    let n = 0;
    while (p < this.limit) {
      const c = buf[p]!;
      if (c === stop) {
        if (p === first) break;
        this.integerEnd = p;
        return negative ? -n : n;
      }
      if (c < 0x30 || c > 0x39) break;
      n = n * 10 + (c - 0x30);
      p++;
    }
    if (p >= this.limit) return NaN;
    throw new Error(`detail spool: bad number at byte ${first}`);
  }

  /**
   * Walks a text of `units` UTF-16 code units from `p`; returns where it ends (-1: the bytes
   * end first) and leaves its facts in `facts`.
   */
  private text(p: number, units: number, facts: TextFacts): number {
    const buf = this.buf;
    const limit = this.limit;
    let u = 0;
    let width = 0;
    let fast = true;
    let clean = units <= EXCEL_CELL_CHARACTERS;
    while (u < units) {
      if (p >= limit) return -1;
      const b = buf[p]!;
      if (b < 0x80) {
        if (b < 0x20 || b === 0x7f) {
          clean = false;
          fast = false;
        } else if (b === 0x22 || b === 0x26 || b === 0x27 || b === 0x3c || b === 0x3e || b === 0x5f)
          // " & ' < > escaped by XML, _ by Excel before xHHHH_ (io/workbook.ts excelCellText).
          clean = false;
        width++;
        p++;
        u++;
      } else if (b < 0xe0) {
        fast = false;
        p += 2;
        u++;
      } else if (b < 0xf0) {
        if (p + 2 >= limit) return -1;
        const c = ((b & 0x0f) << 12) | ((buf[p + 1]! & 0x3f) << 6) | (buf[p + 2]! & 0x3f);
        if (c >= 0xfffe) clean = false;
        if (isWideCjk(c)) width += 2;
        else fast = false;
        p += 3;
        u++;
      } else {
        fast = false;
        p += 4;
        u += 2;
      }
    }
    if (p > limit) return -1;
    facts.units = units;
    facts.clean = clean;
    facts.width = fast ? width : -1;
    return p;
  }

  private readonly facts: TextFacts = { units: 0, clean: false, width: 0 };

  private grow(n: number): void {
    if (n <= this.kinds.length) return;
    const size = Math.max(n, this.kinds.length * 2);
    this.kinds = new Uint8Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.units = new Int32Array(size);
    this.clean = new Uint8Array(size);
    this.widths = new Int32Array(size);
  }

  /** Parses the record at `at`; returns where it ends, or -1 when the bytes end first. */
  record(at: number): number {
    const length = this.integerAt(at, COLON);
    if (Number.isNaN(length)) return -1;
    const body = this.integerEnd + 1;
    this.entry = this.integerAt(body, COMMA);
    if (Number.isNaN(this.entry)) return -1;
    this.sequence = this.integerAt(this.integerEnd + 1, COMMA);
    if (Number.isNaN(this.sequence)) return -1;
    this.day = this.integerAt(this.integerEnd + 1, COMMA);
    if (Number.isNaN(this.day)) return -1;
    const count = this.integerAt(this.integerEnd + 1, SEMICOLON);
    if (Number.isNaN(count)) return -1;
    this.count = count;
    this.grow(count);
    const buf = this.buf;
    let p = this.integerEnd + 1;
    // Code units of the body beyond its bytes: a text's bytes counted as its units.
    let unitsLess = 0;
    for (let i = 0; i < count; i++) {
      if (p >= this.limit) return -1;
      const kind = buf[p]!;
      this.kinds[i] = kind;
      if (kind === 0x5f /* _ */ || kind === 0x74 /* t */ || kind === 0x66 /* f */) {
        p++;
      } else if (kind === 0x73 /* s */ || kind === 0x6b /* k */ || kind === 0x6a /* j */) {
        const units = this.integerAt(p + 1, COLON);
        if (Number.isNaN(units)) return -1;
        const start = this.integerEnd + 1;
        const end = this.text(start, units, this.facts);
        if (end < 0) return -1;
        this.starts[i] = start;
        this.ends[i] = end;
        this.units[i] = units;
        this.clean[i] = this.facts.clean ? 1 : 0;
        this.widths[i] = this.facts.width;
        unitsLess += end - start - units;
        p = end;
      } else if (kind === 0x72 /* r */) {
        const kept = this.integerAt(p + 1, SEMICOLON);
        if (Number.isNaN(kept)) return -1;
        this.starts[i] = kept;
        p = this.integerEnd + 1;
      } else if (kind === 0x6e /* n */ || kind === 0x64 /* d */ || kind === 0x44 /* D */) {
        const semi = buf.indexOf(SEMICOLON, p);
        if (semi < 0 || semi >= this.limit) return -1;
        this.starts[i] = p + 1;
        this.ends[i] = semi;
        p = semi + 1;
      } else throw new Error(`detail spool: bad cell at byte ${p}`);
    }
    if (p - body - unitsLess !== length)
      throw new Error('detail spool: a record of the wrong length');
    return p;
  }
}

/** Where a row's XML goes: a PartWriter's scratch buffer (detail-sheet.ts). */
export interface RowSink {
  /** The buffer, with `most` bytes free from `used` (what was before may have gone on). */
  reserve(most: number): Buffer;
  used: number;
  /** Rows made so far, written or not (a row of nothing is counted and not written). */
  rows: number;
}

/** How the rows are laid out (detail-sheet.ts makeDetailSheets). */
export interface RowLayout {
  widths: readonly number[];
  wraps: readonly boolean[];
  confidenceAt: number;
  ids: { top: number; text: number; date: number; confidence: number; wrap: number };
  /** Lines a wrapped text takes in a column (detail-sheet.ts linesOf). */
  linesOf(text: string, width: number): number;
  /** A row's height in points for its lines (undefined: Excel's own). */
  height(lines: number): number | undefined;
  /** A text cell's content (excelCellText, counting the texts cut). */
  text(value: string): string;
}

/** A cell written from the spool's bytes, not from a value. */
const FROM_BYTES = Symbol('from bytes');
type Value = string | number | boolean | Date | null | typeof FROM_BYTES;

/** `<c r="AB` per column, as bytes. */
const CELL_START: Buffer[] = [];

/** Writes ASCII `s` into `out` at `at`; returns where it ends. */
function ascii(out: Buffer, at: number, s: string): number {
  for (let i = 0; i < s.length; i++) out[at++] = s.charCodeAt(i);
  return at;
}

/**
 * Copies `from[start, end)` into `out` at `at`; returns where it ends. A few bytes are copied
 * here rather than by a call into Node, which costs more than they do.
 */
function copy(out: Buffer, at: number, from: Buffer, start: number, end: number): number {
  if (end - start > 16) return at + from.copy(out, at, start, end);
  for (let i = start; i < end; i++) out[at++] = from[i]!;
  return at;
}

/** A text cell's XML between its row number and its text, per style id: `" s="5" t="str"><v>`. */
const TEXT_OPEN: Buffer[] = [];
const TEXT_CLOSE = Buffer.from('</v></c>', 'latin1');

/**
 * The latest copies of `period`'s complaints in the spools, in reading order (as spooledRows
 * has them): each yielded as a function that writes the row's XML into a sink, valid until the
 * next. `removeRead`: each piece of a spool is removed once read.
 */
export function* spooledRowXml(
  spooled: SpooledSegments,
  period: Period,
  removeRead: boolean,
  layout: RowLayout,
): Generator<(sink: RowSink) => void> {
  const { segments, owner } = spooled;
  const reader = new ByteReader();
  const row = new RowXml(reader, layout);
  const write = (sink: RowSink) => row.write(sink);
  for (let s = 0; s < segments.length; s++) {
    const { file, pieces, latest, entries } = segments[s]!;
    // Each spool keeps its own texts (RowSpool's encoder).
    row.kept = [];
    let k = 0;
    let fd = openSync(pieceFile(file, 0), 'r');
    let at = 0;
    reader.limit = 0;
    try {
      for (;;) {
        const end = at < reader.limit ? reader.record(at) : -1;
        if (end >= 0) {
          row.keep();
          at = end;
          if (!contains(period, reader.day)) continue;
          const entry = reader.entry;
          if (entry >= 0) {
            if (latest[entry] !== reader.sequence) continue;
            if (owner[entries ? entries[entry]! : entry] !== s + 1) continue;
          }
          yield write;
          continue;
        }
        // More bytes: the rest moved to the front (the buffer doubled for a longer record).
        const rest = reader.limit - at;
        if (at === 0 && rest === reader.buf.length) {
          const bigger = Buffer.allocUnsafe(reader.buf.length * 2);
          reader.buf.copy(bigger, 0, 0, rest);
          reader.buf = bigger;
        } else if (at > 0) reader.buf.copy(reader.buf, 0, at, reader.limit);
        at = 0;
        reader.limit = rest;
        let n = readSync(fd, reader.buf, rest, reader.buf.length - rest, null);
        while (n === 0) {
          closeSync(fd);
          fd = -1;
          if (removeRead) rmSync(pieceFile(file, k), { force: true });
          if (++k >= pieces) break;
          fd = openSync(pieceFile(file, k), 'r');
          n = readSync(fd, reader.buf, rest, reader.buf.length - rest, null);
        }
        if (n === 0) {
          if (rest > 0) throw new Error('detail spool: cut short');
          break;
        }
        reader.limit += n;
      }
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }
}

/** A record's XML: what rowXml writes for its cells decoded (io/workbook.ts). */
class RowXml {
  kept: KeptText[] = [];
  private readonly ids: number[] = [];
  private readonly values: Value[] = [];

  constructor(
    private readonly reader: ByteReader,
    private readonly layout: RowLayout,
  ) {}

  /** The record's `k` texts, kept in order as the spool's writer kept them. */
  keep(): void {
    const r = this.reader;
    for (let i = 0; i < r.count; i++) {
      if (r.kinds[i] !== 0x6b /* k */) continue;
      this.kept.push({
        bytes: Buffer.from(r.buf.subarray(r.starts[i], r.ends[i])),
        units: r.units[i]!,
        clean: r.clean[i] === 1,
        width: r.widths[i]!,
        text: null,
      });
    }
  }

  /** The text of cell `i` decoded, as the string path has it. */
  private textOf(i: number): string {
    const r = this.reader;
    if (r.kinds[i] === 0x72) {
      const k = this.kept[r.starts[i]!]!;
      return (k.text ??= k.bytes.toString('utf8'));
    }
    const text = r.buf.toString('utf8', r.starts[i], r.ends[i]);
    return r.kinds[i] === 0x6a ? (JSON.parse(text) as string) : text;
  }

  /** Cell `i`'s value, or FROM_BYTES for a clean text (`lines` then takes its lines). */
  private value(i: number): Value {
    const r = this.reader;
    const kind = r.kinds[i]!;
    if (kind === 0x5f) return null;
    if (kind === 0x74 || kind === 0x66) return kind === 0x74;
    if (kind === 0x6e) return Number(r.buf.toString('latin1', r.starts[i], r.ends[i]));
    if (kind === 0x64 || kind === 0x44) {
      const digits = r.buf.toString('latin1', r.starts[i], r.ends[i]);
      return new Date(kind === 0x44 ? parseInt(digits, 36) : Number(digits));
    }
    if (kind === 0x6a) return this.textOf(i);
    const kept = kind === 0x72 ? this.kept[r.starts[i]!]! : null;
    if ((kept ? kept.units : r.units[i]) === 0) return '';
    const clean = kept ? kept.clean : r.clean[i] === 1;
    // A wrapped text needs its width: from the bytes only for ASCII and CJK (width.ts).
    if (clean && (!this.layout.wraps[i] || (kept ? kept.width : r.widths[i]!) >= 0))
      return FROM_BYTES;
    return this.textOf(i);
  }

  write(sink: RowSink): void {
    const { widths, wraps, confidenceAt, ids } = this.layout;
    const r = this.reader;
    const count = r.count;
    let lines = 1;
    let cells = false;
    for (let i = 0; i < count; i++) {
      const value = this.value(i);
      this.values[i] = value;
      if (value === FROM_BYTES) {
        if (wraps[i]) {
          const width = r.kinds[i] === 0x72 ? this.kept[r.starts[i]!]!.width : r.widths[i]!;
          lines = Math.max(lines, Math.max(1, Math.ceil(width / Math.max(1, widths[i]! - 1))));
        }
        this.ids[i] = i === confidenceAt ? ids.confidence : wraps[i] ? ids.wrap : ids.text;
        cells = true;
        continue;
      }
      const wrapped = wraps[i] && typeof value === 'string';
      this.ids[i] =
        value === null || value === ''
          ? 0
          : value instanceof Date
            ? ids.date
            : i === confidenceAt
              ? ids.confidence
              : wrapped
                ? ids.wrap
                : typeof value === 'string'
                  ? ids.text
                  : ids.top;
      if (wrapped) lines = Math.max(lines, this.layout.linesOf(value, widths[i]!));
      if (value !== null && value !== '' && (typeof value !== 'number' || Number.isFinite(value)))
        cells = true;
    }
    const n = sink.rows + 2;
    sink.rows++;
    const height = this.layout.height(lines);
    // rowXml's '' for a row with nothing to write.
    if (!cells && !height) return;
    const number = String(n);
    const digits = Buffer.from(number, 'latin1');
    let out = sink.reserve(64);
    let at = ascii(
      out,
      sink.used,
      `<row r="${number}"${height ? ` ht="${height}" customHeight="1"` : ''}>`,
    );
    for (let i = 0; i < count; i++) {
      const value = this.values[i]!;
      const id = this.ids[i]!;
      if (value !== FROM_BYTES) {
        const xml = cellXml(i, n, value, id, this.layout.text);
        if (xml === '') continue;
        sink.used = at;
        out = sink.reserve(xml.length * 3);
        at = sink.used;
        at += out.write(xml, at);
        continue;
      }
      const kept = r.kinds[i] === 0x72 ? this.kept[r.starts[i]!]! : null;
      const from = kept ? kept.bytes : r.buf;
      const start = kept ? 0 : r.starts[i]!;
      const end = kept ? from.length : r.ends[i]!;
      const cellStart = (CELL_START[i] ??= Buffer.from(cellXmlStart(i), 'latin1'));
      const open = (TEXT_OPEN[id] ??= Buffer.from(`" s="${id}" t="str"><v>`, 'latin1'));
      sink.used = at;
      out = sink.reserve(64 + end - start);
      at = sink.used;
      at = copy(out, at, cellStart, 0, cellStart.length);
      at = copy(out, at, digits, 0, digits.length);
      at = copy(out, at, open, 0, open.length);
      at = copy(out, at, from, start, end);
      at = copy(out, at, TEXT_CLOSE, 0, TEXT_CLOSE.length);
    }
    sink.used = at;
    out = sink.reserve(8);
    sink.used = ascii(out, sink.used, '</row>');
  }
}
