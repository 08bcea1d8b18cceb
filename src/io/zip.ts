/**
 * Reading entries of a zip archive (an xlsx) with random access: the end-of-directory record
 * (zip64 too), the central directory, then each entry through its local header, inflated as a
 * stream in the order the caller asks for them. Nothing is spooled to disk.
 *
 * Hostile files are the reason for most of this: every entry's CRC-32 and size are checked,
 * inflated output is capped (a zip bomb stops at the cap, not at the end of memory), and a
 * directory that disagrees with an entry's own header is read as the directory says, with a
 * note, because real tools (LibreOffice, 7-Zip) do the same and the CRC still guards the data.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { createInflateRaw, crc32 } from 'node:zlib';
import { InputError, said, type Said } from '../errors.js';
import { damagedWorkbook, incomplete, notUtf8Part } from './xlsx-errors.js';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
/** The end-of-directory record (22 bytes) follows at most a 65,535-byte comment. */
const TAIL_BYTES = 22 + 65_535;
const READ_BYTES = 1024 * 1024;
const INFLATE_CHUNK = 256 * 1024;
/**
 * Sheet XML compresses about 5:1 (the 1,048,575-row benchmark sheet: 939 MB from 187 MB), a sheet
 * of mostly empty styled cells a few tens to one. A part that has inflated more than 200 times the
 * compressed bytes read so far, past 64 MiB, is a zip bomb: it is refused there, in seconds,
 * rather than scanned to the size cap (4 GiB takes most of a minute).
 */
const BOMB_RATIO = 200;
const BOMB_FLOOR = 64 * 1024 * 1024;

/** Random access to the bytes of an input: a file on disk or stdin held in memory. */
export interface ByteSource {
  readonly size: number;
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export async function fileSource(path: string): Promise<ByteSource> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(position, length) {
      const want = Math.max(0, Math.min(length, size - position));
      const buffer = Buffer.allocUnsafe(want);
      let done = 0;
      while (done < want) {
        const { bytesRead } = await handle.read(buffer, done, want - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === want ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: async (position, length) =>
      bytes.subarray(Math.min(position, bytes.length), Math.min(position + length, bytes.length)),
    close: async () => {},
  };
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipArchive {
  private constructor(
    private readonly file: string,
    private readonly source: ByteSource,
    readonly entries: Map<string, ZipEntry>,
    /** Warnings about the archive (shown by inspect); filled while entries are read. */
    readonly notes: string[],
  ) {}

  static async open(file: string, source: ByteSource): Promise<ZipArchive> {
    const directory = await readDirectory(file, source);
    const entries = new Map<string, ZipEntry>();
    for (const entry of directory) {
      const earlier = entries.get(entry.name);
      if (earlier === undefined) entries.set(entry.name, entry);
      // Readers disagree on which of two same-named entries counts (the first, the last, or a
      // repair), so the figures would depend on the tool: refused. A plain copy is harmless.
      else if (earlier.crc !== entry.crc || earlier.size !== entry.size) {
        throw damagedWorkbook(file, listedTwice(entry.name));
      }
    }
    return new ZipArchive(file, source, entries, []);
  }

  /** An entry by name; zip names are case-sensitive but some writers disagree with the rels. */
  find(name: string): ZipEntry | undefined {
    const exact = this.entries.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    for (const [key, entry] of this.entries) if (key.toLowerCase() === lower) return entry;
    return undefined;
  }

  /**
   * The inflated bytes of an entry, chunk by chunk. Throws an InputError as soon as the output
   * passes `limit` bytes, and at the end when the size or the CRC-32 is not what the directory
   * says. Stopping the iteration early stops the inflation.
   */
  async *read(entry: ZipEntry, limit: number, onLimit: () => InputError): AsyncGenerator<Buffer> {
    const { start, end } = await this.prepare(entry, limit, onLimit);
    let crc = 0;
    let total = 0;
    // Compressed bytes handed to zlib so far: the ratio is judged as the part inflates, so a
    // bomb is stopped after its first few hundred megabytes, not its last.
    const fed = { bytes: 0 };
    const chunks = entry.method === 0 ? this.raw(start, end) : this.inflate(entry, start, end, fed);
    for await (const chunk of chunks) {
      total += chunk.length;
      if (total > limit) throw onLimit();
      if (entry.method !== 0 && total > BOMB_FLOOR && total > fed.bytes * BOMB_RATIO) {
        throw this.bomb(entry, total, fed.bytes);
      }
      crc = crc32(chunk, crc);
      yield chunk;
    }
    this.check(entry, total, crc);
    if (entry.flags & 8) await this.checkDescriptor(entry, end);
  }

  private async prepare(
    entry: ZipEntry,
    limit: number,
    onLimit: () => InputError,
  ): Promise<{ start: number; end: number }> {
    if (entry.size > limit) {
      // Deflate expands at most 1032 times: a larger size is a damaged directory, not a bomb.
      const possible =
        entry.method === 0 ? entry.compressedSize : entry.compressedSize * 1032 + 1024;
      if (entry.size > possible) {
        throw this.damaged(
          said(
            `zip 目录给条目 ${entry.name} 记的大小是 ${entry.size} 字节，它的 ${entry.compressedSize} 字节压缩数据装不下这么多`,
            `its zip directory gives entry ${entry.name} a size of ${entry.size} bytes, more than its ${entry.compressedSize} compressed bytes can hold`,
          ),
        );
      }
      throw onLimit();
    }
    if (entry.flags & 1) {
      throw new InputError(
        'FORMAT_ENCRYPTED',
        said(
          `${this.file}：工作簿设有密码（条目 ${entry.name} 已加密）。`,
          `${this.file}: the workbook is password-protected (entry ${entry.name} is encrypted).`,
        ),
        said(
          '请用 Excel 或 WPS 打开，取消密码后重新保存。',
          'Open it in Excel or WPS, remove the password and save it again.',
        ),
        { file: this.file },
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw this.damaged(
        said(
          `条目 ${entry.name} 用了压缩方法 ${entry.method}，Excel 从不这样写`,
          `entry ${entry.name} is compressed with method ${entry.method}, which Excel never writes`,
        ),
      );
    }
    const start = await this.dataStart(entry);
    const end = start + entry.compressedSize;
    if (end > this.source.size) throw this.damaged(cutShort(entry));
    return { start, end };
  }

  private check(entry: ZipEntry, total: number, crc: number): void {
    if (total !== entry.size) {
      throw this.damaged(
        said(
          `条目 ${entry.name} 解压后是 ${total} 字节，而 zip 目录记的是 ${entry.size} 字节`,
          `entry ${entry.name} inflates to ${total} bytes where its directory says ${entry.size}`,
        ),
      );
    }
    if (crc >>> 0 !== entry.crc) {
      throw this.damaged(
        said(`条目 ${entry.name} 的 CRC 校验不通过`, `entry ${entry.name} fails its CRC check`),
      );
    }
  }

  /** A whole (small) entry as text. */
  async text(entry: ZipEntry, limit: number, onLimit: () => InputError): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.read(entry, limit, onLimit)) chunks.push(chunk);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      return decoder.decode(Buffer.concat(chunks));
    } catch {
      throw this.damaged(notUtf8Part('条目', 'entry', entry.name));
    }
  }

  private bomb(entry: ZipEntry, total: number, fed: number): InputError {
    const mib = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en-US')} MiB`;
    const compressed =
      fed < 1024 * 1024 ? `${Math.ceil(fed / 1024).toLocaleString('en-US')} KiB` : mib(fed);
    return new InputError(
      'XLSX_LIMIT',
      said(
        `${this.file}：条目 ${entry.name} 解压后超过压缩大小的 ${BOMB_RATIO} 倍（从 ${compressed} 解出超过 ${mib(total)}），这是 zip 炸弹，不是导出文件，不予读取。`,
        `${this.file}: entry ${entry.name} inflates to more than ${BOMB_RATIO} times its compressed size (over ${mib(total)} from ${compressed}): a zip bomb, not an export; it is refused.`,
      ),
      said(
        '真正的导出文件压缩比大约是 5 到 30 倍；请重新导出工单。',
        'A real export compresses about 5 to 30 times; export the work orders again.',
      ),
      { file: this.file },
    );
  }

  damaged(what: Said): InputError {
    return damagedWorkbook(this.file, what);
  }

  private async *raw(start: number, end: number): AsyncGenerator<Buffer> {
    for (let at = start; at < end; at += READ_BYTES) {
      yield await this.source.read(at, Math.min(READ_BYTES, end - at));
    }
  }

  private async *inflate(
    entry: ZipEntry,
    start: number,
    end: number,
    fed: { bytes: number },
  ): AsyncGenerator<Buffer> {
    const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    const abort = new AbortController();
    // The feeder reads compressed bytes while the consumer scans inflated ones: zlib works on
    // the thread pool, so inflating and scanning overlap on two cores.
    const feed = async (): Promise<void> => {
      for (let at = start; at < end; at += READ_BYTES) {
        const bytes = await this.source.read(at, Math.min(READ_BYTES, end - at));
        if (abort.signal.aborted) return;
        fed.bytes += bytes.length;
        if (!inflater.write(bytes)) await once(inflater, 'drain', { signal: abort.signal });
      }
      inflater.end();
    };
    feed().catch((error: unknown) => {
      if (!abort.signal.aborted) inflater.destroy(error as Error);
    });
    try {
      for await (const chunk of inflater) yield chunk as Buffer;
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw this.damaged(
        code === 'Z_BUF_ERROR'
          ? cutShort(entry)
          : said(
              `条目 ${entry.name} 无法解压（压缩数据已损坏）`,
              `entry ${entry.name} cannot be inflated (its compressed data is corrupt)`,
            ),
      );
    } finally {
      abort.abort();
      inflater.destroy();
    }
  }

  /** Where the entry's data begins, after its local header; notes what disagrees. */
  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = await this.source.read(entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
      throw this.damaged(
        said(
          `zip 目录说条目 ${entry.name} 在偏移 ${entry.localOffset} 处，那里却没有条目`,
          `the directory points entry ${entry.name} at offset ${entry.localOffset}, where there is no entry`,
        ),
      );
    }
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const rest = await this.source.read(entry.localOffset + 30, nameLength + extraLength);
    const localName = rest.subarray(0, nameLength).toString('utf8');
    const flags = header.readUInt16LE(6);
    const disagree: string[] = [];
    if (localName !== entry.name) disagree.push(`name ${localName}`);
    if (header.readUInt16LE(8) !== entry.method) disagree.push('compression method');
    if (!(flags & 8)) {
      let compressedSize = header.readUInt32LE(18);
      let size = header.readUInt32LE(22);
      const zip64 = findExtra(rest.subarray(nameLength), 0x0001);
      if (zip64 && zip64.length >= 16 && size === 0xffffffff) size = readU64(zip64, 0);
      if (zip64 && zip64.length >= 16 && compressedSize === 0xffffffff) {
        compressedSize = readU64(zip64, 8);
      }
      if (header.readUInt32LE(14) !== entry.crc) disagree.push('CRC');
      if (compressedSize !== entry.compressedSize) disagree.push('compressed size');
      if (size !== entry.size) disagree.push('size');
    }
    if (disagree.length > 0) this.disagreement(entry, disagree);
    return entry.localOffset + 30 + nameLength + extraLength;
  }

  private async checkDescriptor(entry: ZipEntry, end: number): Promise<void> {
    const bytes = await this.source.read(end, 24);
    const at = bytes.length >= 4 && bytes.readUInt32LE(0) === DESCRIPTOR_SIGNATURE ? 4 : 0;
    if (bytes.length < at + 12) return this.disagreement(entry, ['data descriptor missing']);
    const disagree: string[] = [];
    if (bytes.readUInt32LE(at) !== entry.crc) disagree.push('CRC in the data descriptor');
    // Sizes are 4 bytes each, or 8 in a zip64 descriptor: the size is at +8 or +12.
    const small = bytes.readUInt32LE(at + 8);
    const large = bytes.length >= at + 20 ? readU64(bytes, at + 12) : -1;
    if (small !== entry.size && large !== entry.size) disagree.push('size in the data descriptor');
    if (disagree.length > 0) this.disagreement(entry, disagree);
  }

  private disagreement(entry: ZipEntry, what: string[]): void {
    const note = `zip entry ${entry.name}: its own header disagrees with the zip directory (${what.join(', ')}); read as the directory says. Save the workbook again in Excel/WPS to repair it.`;
    if (!this.notes.includes(note)) this.notes.push(note);
  }
}

function readU64(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function findExtra(extra: Buffer, id: number): Buffer | null {
  for (let at = 0; at + 4 <= extra.length;) {
    const length = extra.readUInt16LE(at + 2);
    if (extra.readUInt16LE(at) === id) return extra.subarray(at + 4, at + 4 + length);
    at += 4 + length;
  }
  return null;
}

const listedTwice = (name: string) =>
  said(
    `zip 目录中 ${name} 出现了两次，内容不同，不同软件读出的会不一样`,
    `its zip directory lists ${name} twice, with different contents, and readers differ on which one counts`,
  );

const cutShort = (entry: ZipEntry) =>
  said(`条目 ${entry.name} 不完整`, `entry ${entry.name} is cut short`);

async function readDirectory(file: string, source: ByteSource): Promise<ZipEntry[]> {
  const damaged = (what: Said) => damagedWorkbook(file, what);
  const broken = (zhAt: string, enAt: string) =>
    damaged(said(`zip 目录在${zhAt}处损坏`, `its zip directory is broken at entry ${enAt}`));
  const tailStart = Math.max(0, source.size - TAIL_BYTES);
  const tail = await source.read(tailStart, source.size - tailStart);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw incomplete(file);
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0) {
    throw damaged(said('它是分卷 zip 的其中一卷', 'it is one part of a multi-volume zip'));
  }
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locatorAt = tailStart + eocd - 20;
    const locator = locatorAt >= 0 ? await source.read(locatorAt, 20) : Buffer.alloc(0);
    if (locator.length === 20 && locator.readUInt32LE(0) === ZIP64_LOCATOR_SIGNATURE) {
      const record = await source.read(readU64(locator, 8), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
        throw damaged(
          said('缺少 zip64 目录结束记录', 'its zip64 end-of-directory record is missing'),
        );
      }
      count = readU64(record, 32);
      directorySize = readU64(record, 40);
      directoryOffset = readU64(record, 48);
    }
  }
  if (directoryOffset + directorySize > source.size) {
    throw damaged(
      said('zip 目录指向了文件末尾之外', 'its zip directory points beyond the end of the file'),
    );
  }
  const directory = await source.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw broken(`第 ${i + 1} 个条目（共 ${count} 个）`, `${i + 1} of ${count}`);
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > directory.length) {
      throw broken(`第 ${i + 1} 个条目（共 ${count} 个）`, `${i + 1} of ${count}`);
    }
    const entry: ZipEntry = {
      name: directory
        .subarray(at + 46, nameEnd)
        .toString('utf8')
        .replace(/\\/g, '/'),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
    };
    // The zip64 extra field holds, in this order, only the fields whose 32-bit slot is full.
    const zip64 = findExtra(directory.subarray(nameEnd, nameEnd + extraLength), 0x0001);
    if (zip64) {
      let field = 0;
      const next = () => (field + 8 <= zip64.length ? readU64(zip64, (field += 8) - 8) : -1);
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      if (entry.size < 0 || entry.compressedSize < 0 || entry.localOffset < 0) {
        throw broken(`条目 ${entry.name} `, entry.name);
      }
    }
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}
