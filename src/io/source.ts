/**
 * Opening an input: a path or `-` for stdin. Reads the first bytes to sniff the format, then
 * hands the right reader a byte stream of the whole input (the sniffed bytes included).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { InputError, said, type Lang } from '../errors.js';
import { fileChunks } from './file-chunks.js';
import { detect, normaliseEncoding } from './detect.js';
import { csvReader } from './csv.js';
import type { TableReader } from './table.js';
import type { Stats } from 'node:fs';

const HEAD_BYTES = 1024 * 1024;
/** The most of an xlsx held in memory when it comes through a pipe: no real export is near it. */
const STREAMED_XLSX_BYTES = 320 * 1024 * 1024;
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end-of-directory record (22 bytes) follows at most a 65,535-byte comment. */
const ZIP_TAIL_BYTES = 22 + 65_535;

export interface OpenOptions {
  encoding?: string | null;
  sheet?: string | null;
  /** Cap on the inflated size of any xlsx part, in bytes (--max-inflated). */
  maxInflated?: number | null;
  /** Threads to read with (--threads): above 1, a large xlsx is scanned in a worker. */
  threads?: number | null;
}

export interface OpenedInput {
  /** As the user named it: used in every message. */
  file: string;
  reader: TableReader;
}

export async function openInput(file: string, options: OpenOptions = {}): Promise<OpenedInput> {
  const forcedEncoding = options.encoding ? normaliseEncoding(options.encoding) : null;
  const { head, stream, seekable } =
    file === '-' ? { ...(await readStdinHead()), seekable: false } : await readFileHead(file);
  const detected = detect(file === '-' ? 'stdin' : file, head, forcedEncoding);
  if (detected.format === 'xlsx') {
    const { xlsxReader, DEFAULT_MAX_INFLATED } = await import('./xlsx.js');
    const maxInflated = options.maxInflated ?? DEFAULT_MAX_INFLATED;
    // A zip is read from its end: stdin or a pipe is held in memory, up to a size no real
    // export reaches (the 1,048,575-row benchmark workbook is 187 MB).
    const name = file === '-' ? 'stdin' : file;
    const input = seekable
      ? { path: file }
      : { bytes: await readWhole(name, stream(), Math.min(maxInflated, STREAMED_XLSX_BYTES)) };
    const reader = xlsxReader(file === '-' ? 'stdin' : file, input, {
      sheet: options.sheet ?? null,
      maxInflated,
      threads: options.threads ?? null,
    });
    if (detected.note && seekable) reader.notes.push(detected.note);
    if (forcedEncoding)
      reader.notes.push(`--encoding ${options.encoding} is ignored: a workbook carries its own.`);
    return { file, reader };
  }
  const reader = csvReader({
    file: file === '-' ? 'stdin' : file,
    bytes: stream(),
    encoding: detected.encoding,
    bomLength: detected.bomLength,
    forced: forcedEncoding !== null,
  });
  if (detected.note && seekable) reader.notes.push(detected.note);
  if (options.sheet)
    reader.notes.push(`--sheet ${options.sheet} is ignored: a text file has no sheets.`);
  return { file, reader };
}

async function readFileHead(
  file: string,
): Promise<{ head: Buffer; stream: () => AsyncIterable<Buffer>; seekable: boolean }> {
  let size: number;
  try {
    const info = await stat(file);
    // A pipe or device (`<(zcat x.csv.gz)`, /dev/stdin) has no size: read its head as stdin's.
    if (!info.isFile() && !info.isDirectory()) {
      return { ...(await readStreamHead(createReadStream(file))), seekable: false };
    }
    if (info.isDirectory()) {
      throw new InputError(
        'FILE_UNREADABLE',
        said(`${file}：这是文件夹，不是文件。`, `${file}: is a folder, not a file.`),
        said(
          '请直接给出导出文件本身，例如 exports/*.xlsx。',
          'Name the export files themselves, e.g. exports/*.xlsx.',
        ),
        { file },
      );
    }
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError(
        'FILE_NOT_FOUND',
        said(`${file}：文件不存在。`, `${file}: no such file.`),
        said('请检查路径和文件名。', 'Check the path and the file name.'),
        { file },
      );
    }
    throw new InputError(
      'FILE_UNREADABLE',
      said(
        `${file}：无法读取（${code ?? 'error'}）。`,
        `${file}: cannot be read (${code ?? 'error'}).`,
      ),
      said(
        '请检查文件是否存在、当前用户是否有读取权限。',
        'Check that the file exists and that you may read it.',
      ),
      { file },
    );
  }
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      'FILE_UNREADABLE',
      said(
        `${file}：无法打开（${error.code ?? 'error'}）。`,
        `${file}: cannot be opened (${error.code ?? 'error'}).`,
      ),
      said('请检查当前用户是否有读取权限。', 'Check that you may read the file.'),
      { file },
    );
  });
  try {
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    let sniff = head;
    // An encrypted workbook is a compound file whose stream directory may sit at the end.
    if (head.subarray(0, 4).equals(CFB_SIGNATURE) && size > HEAD_BYTES) {
      const tail = Buffer.alloc(Math.min(size - HEAD_BYTES, HEAD_BYTES));
      await handle.read(tail, 0, tail.length, size - tail.length);
      sniff = Buffer.concat([head, tail]);
    }
    if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) {
      // A zip ends with its central directory; a download cut short has none.
      const tail = Buffer.alloc(Math.min(size, ZIP_TAIL_BYTES));
      await handle.read(tail, 0, tail.length, size - tail.length);
      if (!tail.includes(ZIP_END_OF_DIRECTORY)) {
        throw new InputError(
          'XLSX_CORRUPT',
          said(
            `${file}：工作簿不完整（文件在 zip 数据结束前就断了）。`,
            `${file}: the workbook is incomplete (the file ends before the end of its zip data).`,
          ),
          said(
            '请重新下载或导出，这份文件可能没有复制完整。',
            'Download or export it again; the copy may have been cut short.',
          ),
          { file },
        );
      }
    }
    return {
      head: sniff,
      stream: () => fileChunks(file),
      seekable: true,
    };
  } finally {
    await handle.close();
  }
}

async function readWhole(
  file: string,
  stream: AsyncIterable<Buffer>,
  limit: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += chunk.length;
    if (length > limit) {
      // Leaving the loop by this throw ends the stream (its iterator's return).
      throw new InputError(
        'XLSX_LIMIT',
        said(
          `${file}：从管道读入的工作簿要整个放在内存里，这个超过了 ${Math.round(limit / 1024 / 1024)} MiB，不予读取。`,
          `${file}: a workbook read from a pipe is held in memory, and this one is larger than ${Math.round(limit / 1024 / 1024)} MiB; it is refused.`,
        ),
        said(
          '请直接给出文件路径（这样会从磁盘分块读取）。',
          'Give the file by its path (then it is read from disk, in pieces).',
        ),
        { file },
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, length);
}

function readStdinHead(): Promise<{ head: Buffer; stream: () => Readable }> {
  return readStreamHead(process.stdin);
}

/** Stdin and pipes cannot be re-read: keep the sniffed bytes and replay them before the rest. */
async function readStreamHead(input: Readable): Promise<{ head: Buffer; stream: () => Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  const iterator = input[Symbol.asyncIterator]();
  let done = false;
  while (length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = next.value as Buffer;
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { head, stream: () => Readable.from(replay(), { objectMode: false }) };
}

/** What tells that a file changed: its inode, size and modification time. */
interface Stamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

async function stampOf(file: string): Promise<Stamp | null> {
  const info: Stats | null = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return { dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
}

/** How the file differs from `before` in words; null when it does not. */
async function change(file: string, before: Stamp): Promise<InputError | null> {
  const after = await stampOf(file);
  if (
    after &&
    after.dev === before.dev &&
    after.ino === before.ino &&
    after.size === before.size &&
    after.mtimeMs === before.mtimeMs
  ) {
    return null;
  }
  const { INPUT_CHANGED } = await import('../report/labels.js');
  const say = (lang: Lang) => {
    const words = INPUT_CHANGED[lang];
    const how =
      !after || after.ino !== before.ino || after.dev !== before.dev
        ? words.replaced
        : after.size !== before.size
          ? words.size(before.size.toLocaleString('en'), after.size.toLocaleString('en'))
          : words.modified;
    return words.message(file, how);
  };
  return new InputError(
    'FILE_UNREADABLE',
    said(say('zh'), say('en')),
    said(INPUT_CHANGED.zh.hint, INPUT_CHANGED.en.hint),
    { file },
  );
}

/**
 * `read` (every byte of `file`, by whatever reader and thread), and a plain error (exit 2) when
 * the file is not the same after as before: a copy or export still being written, which would
 * otherwise be counted short, or fail as a "damaged" file. The inode, size and modification
 * time are compared before the first byte and after the last, and when reading fails. Standard
 * input and pipes have nothing to compare.
 */
export async function unchangedWhileRead<T>(file: string, read: () => Promise<T>): Promise<T> {
  const before = file === '-' ? null : await stampOf(file);
  if (!before) return read();
  let result: T;
  try {
    result = await read();
  } catch (error) {
    throw (await change(file, before)) ?? error;
  }
  const changed = await change(file, before);
  if (changed) throw changed;
  return result;
}
