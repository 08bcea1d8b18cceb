// A small zip writer and reader for the hostile-input suite and the fuzz campaign. It writes
// what real tools would refuse to: entries in any order, stored or deflated, with a CRC or
// sizes that lie, and entries whose deflate stream was built elsewhere (zip bombs). Node's
// zlib gives the deflate and the CRC-32; nothing else is needed.

import { crc32, deflateRawSync, inflateRawSync, constants } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
// 2016-06-01 09:00:00 as a DOS date and time: every file comes out byte-identical.
const DOS_TIME = (9 << 11) | (0 << 5);
const DOS_DATE = ((2016 - 1980) << 9) | (6 << 5) | 1;

/**
 * An entry whose body is given already compressed: `{ name, method, raw, crc, size }`.
 * `entry(name, data, method)` compresses plain data the usual way.
 */
export function entry(name, data, method = 8) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    name,
    method,
    raw: method === 0 ? bytes : deflateRawSync(bytes, { level: 6 }),
    crc: crc32(bytes),
    size: bytes.length,
  };
}

/** Writes the entries in the order given, with a central directory and its end record. */
export function makeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // names are UTF-8
    head.writeUInt16LE(e.method, 8);
    head.writeUInt16LE(DOS_TIME, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(e.raw.length, 18);
    head.writeUInt32LE(e.size >>> 0, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    locals.push(head, name, e.raw);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.raw.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.raw.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Where the end record is, or -1. */
export function findEnd(buf) {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === END) return i;
  }
  return -1;
}

/**
 * The central directory as written: for each entry its name, method, CRC, sizes, where its
 * local header is, and where its own directory record is (so that a test can damage it).
 */
export function readDirectory(buf) {
  const end = findEnd(buf);
  if (end < 0) throw new Error('no end of central directory record');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw new Error(`bad central directory record ${n}`);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      at: p,
    });
    p += 46 + nameLength + extra + comment;
  }
  return { end, entries };
}

/** Where an entry's data starts, from its local header. */
export function dataOffset(buf, e) {
  const p = e.localOffset;
  return p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
}

/** An entry's plain bytes (trusting the directory: only for zips this module wrote or read). */
export function readEntry(buf, e) {
  const start = dataOffset(buf, e);
  const raw = buf.subarray(start, start + e.compressedSize);
  return e.method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
}

/** Every entry of a well-formed zip, in directory order, as plain bytes. */
export function unzip(buf) {
  return readDirectory(buf).entries.map((e) => ({ name: e.name, data: readEntry(buf, e) }));
}

// CRC-32 of a concatenation from the CRCs of its parts (zlib's crc32_combine), so that the
// CRC of a 3 GiB bomb is known without running 3 GiB through crc32().
const POLY = 0xedb88320;
function multModP(a, b) {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p = (p ^ b) >>> 0;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? ((b >>> 1) ^ POLY) >>> 0 : b >>> 1;
  }
  return p >>> 0;
}
const X2N = [0x40000000];
for (let k = 1; k < 32; k++) X2N.push(multModP(X2N[k - 1], X2N[k - 1]));
function x2nModP(n, k) {
  let p = 0x80000000;
  while (n > 0) {
    if (n % 2 === 1) p = multModP(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}
export function crc32Combine(crc1, crc2, length2) {
  return (multModP(x2nModP(length2, 3), crc1) ^ crc2) >>> 0;
}

/** One non-final deflate segment, byte-aligned, that can be followed by any other. */
function segment(data, level) {
  return deflateRawSync(data, { level, finishFlush: constants.Z_SYNC_FLUSH });
}
/** The final empty block (fixed Huffman, end-of-block code only). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * A deflated entry body made of parts, each `{ data, times }`: every distinct part is
 * compressed once, as a self-contained segment, and its bytes repeated. That is a valid
 * deflate stream (back-references stay inside their own segment) whose plain size can be
 * gigabytes while building it takes a fraction of a second.
 */
export function repeatedEntry(name, parts, level = 9) {
  const pieces = [];
  let crc = 0;
  let size = 0;
  for (const { data, times } of parts) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const packed = segment(bytes, level);
    const partCrc = crc32(bytes);
    for (let i = 0; i < times; i++) {
      pieces.push(packed);
      crc = crc32Combine(crc, partCrc, bytes.length);
      size += bytes.length;
    }
  }
  pieces.push(FINAL_BLOCK);
  if (size > 0xffffffff) throw new Error(`${name}: ${size} bytes needs zip64`);
  return { name, method: 8, raw: Buffer.concat(pieces), crc, size };
}
