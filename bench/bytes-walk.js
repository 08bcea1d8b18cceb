// Usage: node bench/bytes-walk.js <text|bytes|bytes-sample|floor> <file.csv>
//
// Prototype for issue 17 (session 7): "never decode what is not read as text". Walks a UTF-8
// CSV of the bench's columns on one thread the way a range worker reads it, doing the reads the
// row path makes of each row (three dates, twelve categorical values, three ids as strings, the
// long text's digest sample and its opening), in one of two ways:
//   text          today: whole chunks decoded (decodeText), CsvParser's field offsets, the
//                 categorical values by ColumnIntern over the text (dist/, as built)
//   bytes         the bytes never decoded as a whole: validated (isUtf8), scanned for quotes,
//                 commas and line ends, categorical values interned by their bytes, dates read
//                 from the ASCII digits, ids by latin1Slice; the long text decoded
//                 (utf8Slice) only for its digest sample
//   bytes-sample  as bytes, the long text's sample read from its bytes without a string
//   bytes-skip    as bytes-sample, the scan stepping over a multi-byte character at once (a
//                 table of steps by lead byte; the bytes are valid UTF-8) and the sample read
//                 from the characters' starts
//   bytes-fn      as bytes-skip, the scan and the row's reads in functions of their own
//   floor         bench/floor.js's work (read, decode, split lines)
// Prints {"rows": n, "check": h}: the same check for text and bytes means the same values read.
// Measure CPU with /usr/bin/time -f '%U %S %M', alternating the modes.
//
// Measured (session 7, 1M rows, one thread, load 11-12, user+sys s, three runs alternating):
//   floor 1.51-1.64; text 2.37-2.54 (113-126 MiB); bytes 3.59-3.66; bytes-sample 3.19-3.27;
//   bytes-skip 3.03-3.23; bytes-fn 2.40-2.63 (73-77 MiB).
// No gain: scanning the bytes in JavaScript, even a character at a time by the step table,
// costs what decoding whole chunks (native) and String#indexOf cost together (profile: the scan
// 1.24 s against decode 1.17 + indexOf 0.33 + scanRecord 0.15), and the long text's digest
// sample, defined on UTF-16 characters, costs 0.66 s from bytes against 0.10 s from the text.
// Only the peak memory drops (no decoded chunk). Dropped; the prototype stays for the record.

import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { decodeText } from '../dist/io/csv-decode.js';
import { CsvParser } from '../dist/io/csv-parser.js';
import { FieldBatch } from '../dist/io/csv-fields.js';
import { ColumnIntern } from '../dist/ingest/field-intern.js';
import { parseIsoAt, cleanText, localTime } from '../dist/schema/values.js';
import { digestSample, digestSampleAt, digestText, DIGEST_SEED } from '../dist/ingest/dedup.js';

const [mode, file] = process.argv.slice(2);
const HW = 1 << 20;

// The bench file's columns (bench/generate.js).
const ID = 0,
  ACCEPTED = 1,
  CONTENT = 4,
  CUSTOMER = 8,
  PHONE = 9,
  CLOSED = 12,
  REPLIED = 13;
const CATEGORIES = [2, 3, 5, 6, 7, 10, 11, 14, 15, 16, 17, 18];
const WIDTH = 19;
const TYPE = 3;

let rows = 0;
let check = DIGEST_SEED;
const fold = (s) => (check = digestText(check, s ?? ''));
const foldTime = (t) => (check = Math.imul(check ^ (t ? t.dayIndex : -1), 0x01000193));

async function floor() {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  for await (const chunk of fs.createReadStream(file, { highWaterMark: HW })) {
    const parts = (carry + decoder.decode(chunk, { stream: true })).split('\n');
    carry = parts.pop();
    rows += parts.length;
  }
}

async function text() {
  const interns = [];
  const cleanMap = new Map();
  const held = new FieldBatch();
  const texts = decodeText(
    Readable.from(fs.createReadStream(file, { highWaterMark: HW })),
    'utf-8',
    0,
  );
  const parser = new CsvParser(',', undefined, 1).useFields();
  let header = true;
  for await (const piece of texts) {
    parser.push(piece);
    const batch = parser.batch;
    for (let j = 0; j < batch.count; j++) {
      if (header) {
        header = false;
        continue;
      }
      const slow = batch.slowAt(j);
      const b = slow === null ? batch : held.holdCells(slow.row, slow.cells);
      const k = slow === null ? j : 0;
      const s = b.text;
      const first = b.first[k];
      if (b.last[k] - first !== WIDTH) throw new Error('ragged');
      rows++;
      const time = (at) => {
        const f = first + at;
        return b.ends[f] - b.starts[f] === 19 ? parseIsoAt(s, b.starts[f]) : null;
      };
      foldTime(time(ACCEPTED));
      foldTime(time(CLOSED));
      foldTime(time(REPLIED));
      for (const at of CATEGORIES) {
        const f = first + at;
        const start = b.starts[f];
        const end = b.ends[f];
        if (end === start) {
          fold(null);
          continue;
        }
        const intern = (interns[at] ??= new ColumnIntern());
        let hit = intern.get(s, start, end);
        if (hit === undefined) {
          const raw = s.slice(start, end);
          hit = cleanMap.get(raw) ?? cleanText(raw);
          intern.set(raw, hit);
        }
        if (at === TYPE || at === 2) fold(hit);
      }
      for (const at of [ID, CUSTOMER, PHONE]) fold(cleanText(b.field(first + at)));
      const f = first + CONTENT;
      check =
        b.ends[f] >= 0
          ? digestSampleAt(check, s, b.starts[f], b.ends[f], 32)
          : digestSample(check, b.field(f), 32);
    }
    batch.clear();
  }
}

/** Interning by bytes: an open-addressing table keyed by a hash over the field's bytes. */
class ByteIntern {
  constructor() {
    this.size = 1024;
    this.hashes = new Int32Array(this.size);
    this.offsets = new Int32Array(this.size);
    this.lengths = new Int32Array(this.size);
    this.store = new Uint8Array(1 << 16);
    this.used = 0;
    this.values = new Array(this.size).fill(null);
  }
  get(bytes, start, end) {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    h |= 1;
    const length = end - start;
    let slot = Math.imul(h, 0x9e3779b1) >>> 22;
    for (;;) {
      const k = this.hashes[slot];
      if (k === 0) {
        const raw = bytes.toString('utf8', start, end);
        const clean = cleanText(raw);
        this.hashes[slot] = h;
        this.offsets[slot] = this.used;
        this.lengths[slot] = length;
        this.store.set(bytes.subarray(start, end), this.used);
        this.used += length;
        this.values[slot] = clean;
        return clean;
      }
      if (k === h && this.lengths[slot] === length) {
        const o = this.offsets[slot] - start;
        const store = this.store;
        let i = start;
        while (i < end && store[o + i] === bytes[i]) i++;
        if (i === end) return this.values[slot];
      }
      slot = (slot + 1) & (this.size - 1);
    }
  }
}

const ZERO = 48;
function timeAt(b, at) {
  const sep = b[at + 10];
  if (b[at + 4] !== 45 || b[at + 7] !== 45 || b[at + 13] !== 58 || b[at + 16] !== 58) return null;
  if (sep !== 32 && sep !== 84) return null;
  const d = (i) => b[at + i] - ZERO;
  return localTime(
    d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3),
    d(5) * 10 + d(6),
    d(8) * 10 + d(9),
    d(11) * 10 + d(12),
    d(14) * 10 + d(15),
    d(17) * 10 + d(18),
  );
}

/** digestSampleAt of the UTF-16 text the UTF-8 bytes [start, end) decode to, without decoding. */
function sampleBytes(h, b, start, end, count) {
  // UTF-16 length: every byte that is not a continuation byte, plus one for 4-byte leads.
  let length = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if ((c & 0xc0) !== 0x80) length += c >= 0xf0 ? 2 : 1;
  }
  if (length <= count) return digestSampleAt(h, b.toString('utf8', start, end), 0, length, count);
  h = Math.imul(h ^ length, 0x01000193);
  h = Math.imul(h ^ unitAt(b, start), 0x01000193);
  const stride = (length / count) | 0;
  // Walk back from the end, one UTF-16 unit at a time (BMP only here: the prototype's text).
  let p = end;
  let unit = length;
  for (let i = length - 1; i >= 0; i -= stride) {
    while (unit > i) {
      p--;
      while ((b[p] & 0xc0) === 0x80) p--;
      unit--;
    }
    h = Math.imul(h ^ unitAt(b, p), 0x01000193);
  }
  return Math.imul(h ^ 0x1f, 0x01000193);
}
function unitAt(b, p) {
  const c = b[p];
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[p + 1] & 0x3f);
  return ((c & 0x0f) << 12) | ((b[p + 1] & 0x3f) << 6) | (b[p + 2] & 0x3f);
}

/** Bytes to step over from a byte (validated UTF-8): 0 at a delimiter or line end. */
const STEP = new Uint8Array(256).fill(1);
for (let c = 0xc0; c < 0x100; c++) STEP[c] = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
const QSTEP = STEP.slice();
STEP[44] = 0;
STEP[10] = 0;
STEP[13] = 0;
QSTEP[34] = 0;
const positions = new Int32Array(1 << 16);

/** sampleBytes with the characters' starts found by the step table (no 4-byte characters). */
function sampleSteps(h, b, start, end, count) {
  let length = 0;
  for (let p = start; p < end; p += QSTEP[b[p]] || 1) {
    if (b[p] >= 0xf0) return digestSample(h, b.utf8Slice(start, end), count);
    positions[length++] = p;
  }
  if (length <= count) {
    for (let i = 0; i < length; i++) h = Math.imul(h ^ unitAt(b, positions[i]), 0x01000193);
    return Math.imul(h ^ 0x1f, 0x01000193);
  }
  h = Math.imul(h ^ length, 0x01000193);
  h = Math.imul(h ^ unitAt(b, start), 0x01000193);
  const stride = (length / count) | 0;
  for (let i = length - 1; i >= 0; i -= stride)
    h = Math.imul(h ^ unitAt(b, positions[i]), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

async function bytes(sampleFromBytes, skip = false) {
  const interns = [];
  const starts = new Int32Array(64);
  const ends = new Int32Array(64);
  let carry = null;
  let header = true;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: HW })) {
    const b = carry === null ? chunk : Buffer.concat([carry, chunk]);
    const last = b.lastIndexOf(10);
    if (!isUtf8(b.subarray(0, last + 1))) throw new Error('not UTF-8');
    let at = 0;
    const n = b.length;
    let open = -1;
    while (at <= last) {
      // One record: fields until the line end.
      const recordStart = at;
      let f = 0;
      let c = 0;
      for (;;) {
        let i = at;
        if (b[i] === 34) {
          i++;
          let escaped = false;
          for (;;) {
            if (skip) while (i < n && QSTEP[b[i]] !== 0) i += QSTEP[b[i]];
            else while (i < n && b[i] !== 34) i++;
            if (i >= n || b[i + 1] !== 34) break;
            i += 2;
            escaped = true;
          }
          starts[f] = at + 1;
          ends[f] = escaped ? ~i : i;
          i++;
        } else {
          if (skip) {
            let step;
            while ((step = STEP[b[i]]) !== 0) i += step;
          } else while ((c = b[i]) !== 44 && c !== 10 && c !== 13) i++;
          starts[f] = at;
          ends[f] = i;
        }
        f++;
        c = b[i];
        at = i + 1;
        if (c !== 44) break;
      }
      if (at > n || (c === 13 && at === n)) {
        open = recordStart;
        break;
      }
      if (c === 13 && b[at] === 10) at++;
      if (header) {
        header = false;
        continue;
      }
      if (f !== WIDTH) throw new Error('ragged');
      rows++;
      const time = (k) => (ends[k] - starts[k] === 19 ? timeAt(b, starts[k]) : null);
      foldTime(time(ACCEPTED));
      foldTime(time(CLOSED));
      foldTime(time(REPLIED));
      for (const k of CATEGORIES) {
        if (ends[k] === starts[k]) {
          fold(null);
          continue;
        }
        const hit = (interns[k] ??= new ByteIntern()).get(b, starts[k], ends[k]);
        if (k === TYPE || k === 2) fold(hit);
      }
      for (const k of [ID, CUSTOMER, PHONE]) fold(cleanText(b.latin1Slice(starts[k], ends[k])));
      check =
        ends[CONTENT] < 0
          ? digestSample(
              check,
              b.utf8Slice(starts[CONTENT], ~ends[CONTENT]).replaceAll('""', '"'),
              32,
            )
          : skip
            ? sampleSteps(check, b, starts[CONTENT], ends[CONTENT], 32)
            : sampleFromBytes
              ? sampleBytes(check, b, starts[CONTENT], ends[CONTENT], 32)
              : digestSample(check, b.utf8Slice(starts[CONTENT], ends[CONTENT]), 32);
    }
    const rest = open >= 0 ? open : at;
    carry = rest < n ? Buffer.from(b.subarray(rest)) : null;
  }
}

// The same, written as a range worker would hold it: the scan and the row's reads in functions
// of their own (no closure over the chunk), the step tables, the sample from the steps.
const fStarts = new Int32Array(64);
const fEnds = new Int32Array(64);
let fCount = 0;

/** Scans the record at `at` of b[0, n): its fields into fStarts/fEnds; where the next starts, or -1. */
function scanBytes(b, at, n) {
  let f = 0;
  let c = 0;
  for (;;) {
    let i = at;
    let step;
    if (b[i] === 34) {
      i++;
      let escaped = false;
      for (;;) {
        while (i < n && (step = QSTEP[b[i]]) !== 0) i += step;
        if (i >= n || b[i + 1] !== 34) break;
        i += 2;
        escaped = true;
      }
      fStarts[f] = at + 1;
      fEnds[f] = escaped ? ~i : i;
      i++;
    } else {
      while ((step = STEP[b[i]]) !== 0) i += step;
      fStarts[f] = at;
      fEnds[f] = i;
    }
    f++;
    c = b[i];
    at = i + 1;
    if (c !== 44) break;
  }
  if (at > n || (c === 13 && at === n)) return -1;
  if (c === 13 && b[at] === 10) at++;
  fCount = f;
  return at;
}

const byteInterns = [];
function timeField(b, k) {
  return fEnds[k] - fStarts[k] === 19 ? timeAt(b, fStarts[k]) : null;
}
function readRow(b) {
  if (fCount !== WIDTH) throw new Error('ragged');
  rows++;
  foldTime(timeField(b, ACCEPTED));
  foldTime(timeField(b, CLOSED));
  foldTime(timeField(b, REPLIED));
  for (let j = 0; j < CATEGORIES.length; j++) {
    const k = CATEGORIES[j];
    if (fEnds[k] === fStarts[k]) {
      fold(null);
      continue;
    }
    const hit = (byteInterns[k] ??= new ByteIntern()).get(b, fStarts[k], fEnds[k]);
    if (k === TYPE || k === 2) fold(hit);
  }
  fold(cleanText(b.latin1Slice(fStarts[ID], fEnds[ID])));
  fold(cleanText(b.latin1Slice(fStarts[CUSTOMER], fEnds[CUSTOMER])));
  fold(cleanText(b.latin1Slice(fStarts[PHONE], fEnds[PHONE])));
  const end = fEnds[CONTENT];
  check =
    end < 0
      ? digestSample(check, b.utf8Slice(fStarts[CONTENT], ~end).replaceAll('""', '"'), 32)
      : sampleSteps(check, b, fStarts[CONTENT], end, 32);
}

async function bytesFn() {
  let carry = null;
  let header = true;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: HW })) {
    const b = carry === null ? chunk : Buffer.concat([carry, chunk]);
    const n = b.length;
    const last = b.lastIndexOf(10);
    if (!isUtf8(b.subarray(0, last + 1))) throw new Error('not UTF-8');
    let at = 0;
    while (at <= last) {
      const next = scanBytes(b, at, n);
      if (next < 0) break;
      at = next;
      if (header) header = false;
      else readRow(b);
    }
    carry = at < n ? Buffer.from(b.subarray(at)) : null;
  }
}

if (mode === 'floor') await floor();
else if (mode === 'text') await text();
else if (mode === 'bytes') await bytes(false);
else if (mode === 'bytes-sample') await bytes(true);
else if (mode === 'bytes-skip') await bytes(true, true);
else if (mode === 'bytes-fn') await bytesFn();
else throw new Error(`mode? ${mode}`);
console.log(JSON.stringify({ rows, check: check >>> 0 }));
