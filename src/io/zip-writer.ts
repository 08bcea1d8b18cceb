/**
 * The zip container of the report workbooks, in place of archiver under exceljs's streaming
 * writer (io/workbook.ts swaps it in). Archiver took each sheet through four streams, a CRC in
 * JavaScript and one deflater working 16 KiB at a time; on a 明细 sheet of 250,000 rows that
 * was a second of the main thread and a hundred megabytes of buffers waiting for the garbage
 * collector. Here:
 *
 * - A sheet's bytes are deflated in 1 MiB blocks on libuv's threads, several at once, so the
 *   deflating runs on the other core while the main thread makes rows (block-deflater.ts);
 *   an empty final block closes the stream.
 * - Entries are written in the order appended, one after another. A part known whole (styles,
 *   a picture) is deflated at once with its sizes in the local header; a sheet, a stream, gets
 *   its CRC and sizes in a data descriptor after its data, as archiver wrote them.
 * - Zip64 where a size or an offset passes 4 GiB, in the central directory and the end records.
 *   A streamed entry's local header is written before its size is known, and a reader that
 *   streams (reads no central directory) learns from that header alone whether the data
 *   descriptor's sizes are 8 bytes or 4 (APPNOTE 4.3.9.1, 4.5.3). So an entry that may pass
 *   4 GiB is declared so by the caller (`mayPass4GiB`, before its turn): its local header
 *   carries the zip64 extra field (sizes 0xFFFFFFFF, and 0 in the field: they follow the data,
 *   as Python's zipfile writes it) and its data descriptor is zip64 whatever the size. Other
 *   streamed entries keep 32-bit descriptors; one that passes 4 GiB all the same fails
 *   (ZipEntryTooLargeError) rather than be written as archiver did, with a zip64 descriptor
 *   behind a header that does not say so. (Streaming readers that go by the bytes counted
 *   instead, Java's ZipInputStream before JDK 21 and funzip, refuse a small declared entry,
 *   as they refuse Python's: central-directory readers, Excel among them, read either.)
 *
 * Only what exceljs's WorkbookWriter calls is here: append (a text, a buffer, or its stream of
 * a sheet), file, finalize, and the 'error' event.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { Writable as WritableStream } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { BLOCK, BlockDeflater, DEFLATE_LEVEL } from './block-deflater.js';

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD_SIGNATURE = 0x06054b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const VERSION = 20;
const VERSION_ZIP64 = 45;
const FLAG_DESCRIPTOR = 0x0008;
const METHOD_DEFLATE = 8;
/** Deflated bytes waiting for the file beyond which `ready()` makes the writer wait. */
const QUEUE_LIMIT = 4 << 20;
/** A final deflate block holding nothing (BFINAL 1, fixed Huffman, end of block): closes the stream. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * Bytes of an entry deflated elsewhere into a file: raw deflate blocks each ended by a sync
 * flush (as block-deflater.ts cuts them), with the CRC and length of what they inflate to.
 */
export interface DeflatedPart {
  file: string;
  crc: number;
  size: number;
  compressed: number;
}

interface Entry {
  name: string;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  descriptor: boolean;
  /** Declared `mayPass4GiB`: zip64 in its local header and its data descriptor. */
  zip64: boolean;
}

/**
 * A streamed entry not declared `mayPass4GiB` came out at 4 GiB or more: its local header,
 * already written, does not announce the zip64 data descriptor it would need.
 */
export class ZipEntryTooLargeError extends Error {
  constructor(
    readonly entry: string,
    readonly size: number,
  ) {
    super(`zip entry ${entry} came to ${size} bytes, past 4 GiB, but was not declared mayPass4GiB`);
    this.name = 'ZipEntryTooLargeError';
  }
}

/** The MS-DOS time and date of a moment, as zip headers hold them (local time, 2 s steps). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Something exceljs writes a sheet into: its StreamBuf, which pipes to whatever it is given. */
interface PipeSource {
  pipe(destination: Writable): void;
}

type Part = string | Buffer | PipeSource;

/**
 * A stream entry's data: blocks in, deflated in parallel (block-deflater.ts), written out in
 * order. A Writable for exceljs's StreamBuf (each write is copied at once and called back at
 * once, so writes never queue behind one another and `append` may be mixed with them), and
 * `append` for rows made here.
 */
class EntryData extends WritableStream {
  compressed = 0;
  /** Declared `mayPass4GiB`: zip64 in the local header and the descriptor. */
  zip64 = false;
  /**
   * Deflated blocks are written only from the entry's turn in the zip (`begin`): exceljs may
   * fill a sheet, or all of a small one, while an earlier entry is still being written.
   */
  private readonly deflater: BlockDeflater;
  /** Called at the entry's turn, once its local header is written. */
  begin: () => void = () => {};

  /** Settles when all is written, or the first failure. */
  readonly done: Promise<void>;

  constructor(
    private readonly out: (bytes: Buffer) => void,
    /** Resolves when the file has room for more (what is queued for it is under the limit). */
    private readonly room: () => Promise<void>,
  ) {
    super({ decodeStrings: true });
    this.deflater = new BlockDeflater(
      (deflated) => this.take(deflated),
      new Promise<void>((resolve) => (this.begin = resolve)),
    );
    this.done = new Promise<void>((resolve, reject) => {
      this.on('finish', resolve);
      this.on('error', reject);
    });
    this.done.catch(() => {}); // taken up by the zip at the entry's turn
  }

  get crc(): number {
    return this.deflater.crc;
  }

  get size(): number {
    return this.deflater.size;
  }

  private take(bytes: Buffer): void {
    this.out(bytes);
    this.compressed += bytes.length;
  }

  /** Copies bytes in; a full block goes to be deflated. */
  append(bytes: Buffer): void {
    this.deflater.append(bytes);
  }

  /**
   * Takes in already deflated bytes after what it holds: the block being filled is cut first,
   * and the file's bytes go out, a piece at a time, in their turn.
   */
  appendDeflated(part: DeflatedPart): void {
    this.deflater.follow(part, () => this.copy(part.file));
    this.compressed += part.compressed;
  }

  private async copy(file: string): Promise<void> {
    const handle = await open(file, 'r');
    try {
      for (;;) {
        await this.room();
        const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(BLOCK), 0, BLOCK, null);
        if (bytesRead === 0) break;
        this.out(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  }

  /** Resolves once fewer than the deflater's limit of blocks are being deflated. */
  ready(): Promise<void> {
    return this.deflater.room() ?? Promise.resolve();
  }

  override _write(chunk: Buffer, _: BufferEncoding, done: (error?: Error | null) => void): void {
    this.deflater.append(chunk);
    done();
  }

  override _final(done: (error?: Error | null) => void): void {
    this.deflater.then(() => this.take(FINAL_EMPTY_BLOCK));
    this.deflater.done().then(() => done(), done);
  }
}

export class ZipWriter extends EventEmitter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  /** Entries are written one after another: each waits for the one before. */
  private queue: Promise<void> = Promise.resolve();
  /** Each stream entry's data, piped from its source when appended (as archiver did). */
  private readonly streams = new Map<PipeSource, EntryData>();
  /** The stream entry being written. */
  private current: PipeSource | null = null;
  private readonly stamp = dosTime(new Date());
  private failed = false;

  /**
   * `zip64From`: the size or offset from which zip64 fields are written. A 32-bit field holds
   * up to 0xFFFFFFFE (0xFFFFFFFF says "see the zip64 field"); tests set less, to see zip64
   * written without writing 4 GiB.
   */
  constructor(
    private readonly stream: Writable,
    private readonly zip64From = MAX32,
  ) {
    super();
  }

  private big(n: number): boolean {
    return n >= this.zip64From;
  }

  /**
   * Whether an entry of `bytes` known in advance, give or take a sheet's head and tail, may
   * reach 4 GiB, compressed or not: within 1/64 of it (64 MiB), room for that XML and for
   * deflate's worst growth (0.03 %, zlib's deflateBound).
   */
  mayReach4GiB(bytes: number): boolean {
    return bytes >= this.zip64From - this.zip64From / 64;
  }

  /**
   * Declares that the streamed entry of `source` may pass 4 GiB: it is written with zip64 in
   * its local header and its data descriptor, whatever its size turns out to be. Called once
   * it is appended (exceljs appends a sheet's stream as it makes the sheet), before its turn.
   */
  mayPass4GiB(source: PipeSource): void {
    const data = this.streams.get(source);
    if (!data || this.current === source) {
      throw new Error('mayPass4GiB: the entry is not waiting for its turn in the zip');
    }
    data.zip64 = true;
  }

  /** A part: text or bytes (deflated at once), or exceljs's stream of a sheet. */
  append(part: Part, options: { name: string; base64?: boolean }): this {
    const name = options.name.replace(/^\/+/, '');
    let data: EntryData | null = null;
    if (!(typeof part === 'string' || Buffer.isBuffer(part))) {
      // Taken in at once: exceljs writes a sheet, and may end it, before its turn comes.
      data = new EntryData(
        (bytes) => this.out(bytes),
        () => this.room(),
      );
      this.streams.set(part, data);
      part.pipe(data);
    }
    this.enqueue(() => {
      if (typeof part === 'string' || Buffer.isBuffer(part)) {
        const bytes =
          typeof part === 'string' ? Buffer.from(part, options.base64 ? 'base64' : 'utf8') : part;
        this.writeWhole(name, bytes);
        return Promise.resolve();
      }
      return this.writeStream(name, part, data!);
    });
    return this;
  }

  /** A part read from a file (exceljs's pictures given by file name). */
  file(path: string, options: { name: string }): this {
    return this.append(readFileSync(path), options);
  }

  /** The entry data of `source`, for rows made here to go straight in (after what it holds). */
  dataOf(source: PipeSource): EntryData | null {
    return this.streams.get(source) ?? null;
  }

  /**
   * Resolves when `source`'s entry is being written, its deflating has room, and the file has
   * taken what was written before: what keeps a million rows from piling up in memory.
   */
  async ready(source: PipeSource): Promise<void> {
    while (!this.failed && this.current !== source) {
      await new Promise<void>((resolve) => this.once('entry', resolve));
    }
    await this.streams.get(source)?.ready();
    await this.room();
  }

  /** Resolves when the file has taken what was queued beyond QUEUE_LIMIT. */
  private async room(): Promise<void> {
    while (!this.failed && this.stream.writableLength > QUEUE_LIMIT) {
      await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    }
  }

  /** The directory and end records after every entry; then the stream is ended. */
  finalize(): void {
    this.enqueue(() => {
      this.writeDirectory();
      this.stream.end();
      return Promise.resolve();
    });
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.failed ? undefined : step()))
      .catch((error) => {
        this.failed = true;
        this.emit('entry'); // wakes a writer waiting for its turn, to find the failure
        this.emit('error', error);
      });
  }

  private out(bytes: Buffer): void {
    this.stream.write(bytes);
    this.offset += bytes.length;
  }

  private localHeader(entry: Entry): Buffer {
    const name = Buffer.from(entry.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL_SIGNATURE, 0);
    h.writeUInt16LE(entry.zip64 ? VERSION_ZIP64 : VERSION, 4);
    h.writeUInt16LE(entry.descriptor ? FLAG_DESCRIPTOR : 0, 6);
    h.writeUInt16LE(METHOD_DEFLATE, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    // A streamed entry's CRC and sizes follow its data (the descriptor); zeros here, or, for a
    // zip64 one, 0xFFFFFFFF pointing at the zip64 field (what Java's ZipInputStream, from JDK
    // 21, and commons-compress look for before reading an 8-byte descriptor).
    const unknownSize = entry.zip64 ? MAX32 : 0;
    h.writeUInt32LE(entry.descriptor ? 0 : entry.crc, 14);
    h.writeUInt32LE(entry.descriptor ? unknownSize : entry.compressed, 18);
    h.writeUInt32LE(entry.descriptor ? unknownSize : entry.size, 22);
    h.writeUInt16LE(name.length, 26);
    if (!entry.zip64) return Buffer.concat([h, name]);
    // The zip64 extra field: the size, then the compressed size, both 0 (in the descriptor).
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    h.writeUInt16LE(extra.length, 28);
    return Buffer.concat([h, name, extra]);
  }

  private writeWhole(name: string, bytes: Buffer): void {
    const deflated = deflateRawSync(bytes, { level: DEFLATE_LEVEL });
    const entry: Entry = {
      name,
      crc: crc32(bytes),
      compressed: deflated.length,
      size: bytes.length,
      offset: this.offset,
      descriptor: false,
      zip64: false,
    };
    this.entries.push(entry);
    this.out(this.localHeader(entry));
    this.out(deflated);
  }

  private async writeStream(name: string, source: PipeSource, data: EntryData): Promise<void> {
    const zip64 = data.zip64;
    const entry: Entry = {
      name,
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
      descriptor: true,
      zip64,
    };
    this.entries.push(entry);
    this.out(this.localHeader(entry));
    this.current = source;
    this.emit('entry');
    data.begin();
    await data.done;
    this.current = null;
    this.streams.delete(source);
    entry.crc = data.crc;
    entry.size = data.size;
    entry.compressed = data.compressed;
    if (!zip64 && (this.big(entry.size) || this.big(entry.compressed))) {
      throw new ZipEntryTooLargeError(name, entry.size);
    }
    const d = Buffer.alloc(zip64 ? 24 : 16);
    d.writeUInt32LE(DESCRIPTOR_SIGNATURE, 0);
    d.writeUInt32LE(entry.crc, 4);
    if (zip64) {
      d.writeBigUInt64LE(BigInt(entry.compressed), 8);
      d.writeBigUInt64LE(BigInt(entry.size), 16);
    } else {
      d.writeUInt32LE(entry.compressed, 8);
      d.writeUInt32LE(entry.size, 12);
    }
    this.out(d);
  }

  private centralHeader(entry: Entry): Buffer {
    const name = Buffer.from(entry.name, 'utf8');
    // Zip64: each of these past 32 bits goes in the extra field, in this order.
    const large = [entry.size, entry.compressed, entry.offset].map((n) => this.big(n));
    const extra: number[] = [];
    if (large[0]) extra.push(entry.size);
    if (large[1]) extra.push(entry.compressed);
    if (large[2]) extra.push(entry.offset);
    const extraField = Buffer.alloc(extra.length ? 4 + 8 * extra.length : 0);
    if (extra.length) {
      extraField.writeUInt16LE(0x0001, 0);
      extraField.writeUInt16LE(8 * extra.length, 2);
      extra.forEach((n, i) => extraField.writeBigUInt64LE(BigInt(n), 4 + 8 * i));
    }
    const h = Buffer.alloc(46);
    const version = extra.length || entry.zip64 ? VERSION_ZIP64 : VERSION;
    h.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    h.writeUInt16LE(version, 4);
    h.writeUInt16LE(version, 6);
    h.writeUInt16LE(entry.descriptor ? FLAG_DESCRIPTOR : 0, 8);
    h.writeUInt16LE(METHOD_DEFLATE, 10);
    h.writeUInt16LE(this.stamp.time, 12);
    h.writeUInt16LE(this.stamp.date, 14);
    h.writeUInt32LE(entry.crc, 16);
    h.writeUInt32LE(large[1] ? MAX32 : entry.compressed, 20);
    h.writeUInt32LE(large[0] ? MAX32 : entry.size, 24);
    h.writeUInt16LE(name.length, 28);
    h.writeUInt16LE(extraField.length, 30);
    // Comment length, disk, internal attributes: 0. External attributes: a plain file, rw-r--r--.
    h.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    h.writeUInt32LE(large[2] ? MAX32 : entry.offset, 42);
    return Buffer.concat([h, name, extraField]);
  }

  private writeDirectory(): void {
    const start = this.offset;
    for (const entry of this.entries) this.out(this.centralHeader(entry));
    const length = this.offset - start;
    const count = this.entries.length;
    const zip64 = this.big(start) || this.big(length) || count >= MAX16;
    if (zip64) {
      const zip64End = this.offset;
      const r = Buffer.alloc(56);
      r.writeUInt32LE(ZIP64_EOCD_SIGNATURE, 0);
      r.writeBigUInt64LE(44n, 4); // the record's size after these 12 bytes
      r.writeUInt16LE(VERSION_ZIP64, 12);
      r.writeUInt16LE(VERSION_ZIP64, 14);
      r.writeBigUInt64LE(BigInt(count), 24);
      r.writeBigUInt64LE(BigInt(count), 32);
      r.writeBigUInt64LE(BigInt(length), 40);
      r.writeBigUInt64LE(BigInt(start), 48);
      this.out(r);
      const l = Buffer.alloc(20);
      l.writeUInt32LE(ZIP64_LOCATOR_SIGNATURE, 0);
      l.writeBigUInt64LE(BigInt(zip64End), 8);
      l.writeUInt32LE(1, 16);
      this.out(l);
    }
    const e = Buffer.alloc(22);
    e.writeUInt32LE(EOCD_SIGNATURE, 0);
    e.writeUInt16LE(zip64 ? MAX16 : count, 8);
    e.writeUInt16LE(zip64 ? MAX16 : count, 10);
    e.writeUInt32LE(zip64 ? MAX32 : length, 12);
    e.writeUInt32LE(zip64 ? MAX32 : start, 16);
    this.out(e);
  }
}
