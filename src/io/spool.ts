/**
 * A temporary file of records, written once and read back once: the complaint rows a report's
 * 明细 sheet needs are known only after every input has been read (the period may come from
 * the data, and a later copy of a work order replaces an earlier one), and a million of them
 * do not belong in memory. Records are v8-serialised (dates stay dates) in batches, each batch
 * behind its length: one serialiser per batch rather than per record halved the cost.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { InputError, said } from '../errors.js';
import { releaseTemporary, temporaryFolder } from './temp.js';

const CHUNK = 1 << 20;

const BATCH = 512;

/** A write to a spool in TMPDIR failed (`code`: ENOSPC when the disk is full). */
export function spoolError(code: string): InputError {
  return new InputError(
    'OUTPUT_UNWRITABLE',
    said(
      `${tmpdir()}：临时文件夹${code === 'ENOSPC' ? '已满' : `无法写入（${code}）`}，等待写入报表的行无法暂存在那里。`,
      `${tmpdir()}: the temporary folder ${code === 'ENOSPC' ? 'is full' : `cannot be written (${code})`}; the rows waiting for the report could not be kept there.`,
    ),
    said(
      '请腾出空间，或把 TMPDIR 设为空间更大的文件夹，然后重新运行。',
      'Free space there, or set TMPDIR to a folder with more room, and run again.',
    ),
  );
}

export class Spool {
  /** The folder made for this spool, tracked; null when the file is in a folder of the caller's. */
  private readonly dir: string | null;
  readonly file: string;
  private fd: number;
  private buffers: Buffer[] = [];
  private buffered = 0;
  private batch: unknown[] = [];
  count = 0;

  /**
   * `file`: where to write, in a folder the caller made and tracks (a worker's spool of a byte
   * range, in the folder the main thread removes on every exit path: src/report/detail-rows.ts);
   * without it, a tracked folder of its own.
   */
  constructor(file?: string) {
    this.dir = file ? null : temporaryFolder('spool');
    this.file = file ?? join(this.dir!, 'rows.bin');
    this.fd = openSync(this.file, 'w', 0o600);
  }

  append(record: unknown): void {
    this.batch.push(record);
    this.count++;
    if (this.batch.length >= BATCH) this.seal();
  }

  private seal(): void {
    if (this.batch.length === 0) return;
    const body = serialize(this.batch);
    this.batch = [];
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32LE(body.length, 0);
    this.buffers.push(head, body);
    this.buffered += body.length + 4;
    if (this.buffered >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.buffered === 0) return;
    const bytes = Buffer.concat(this.buffers, this.buffered);
    // A disk filling up writes part of the bytes first, and fails only on the next call.
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw spoolError(code);
    }
    this.buffers = [];
    this.buffered = 0;
  }

  /** Writes what is buffered and closes the file (read it back with `Spool.readFile`). */
  finish(): void {
    if (this.fd < 0) return;
    this.seal();
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }

  /** Reads every record back, in order, a chunk of the file at a time. */
  *read(): Generator<unknown> {
    this.finish();
    yield* Spool.readFile(this.file);
  }

  /** The records of a finished spool's file, in order. */
  static *readFile(file: string): Generator<unknown> {
    const fd = openSync(file, 'r');
    try {
      yield* records(fd);
    } finally {
      closeSync(fd);
    }
  }

  remove(): void {
    try {
      if (this.fd >= 0) closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = -1;
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      releaseTemporary(this.dir);
    } else rmSync(this.file, { force: true });
  }
}

/** The records of an open file, batch after batch. */
function* records(fd: number): Generator<unknown> {
  let pending = Buffer.alloc(0);
  const chunk = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    const n = readSync(fd, chunk, 0, CHUNK, null);
    if (n === 0) break;
    pending =
      pending.length === 0
        ? Buffer.from(chunk.subarray(0, n))
        : Buffer.concat([pending, chunk.subarray(0, n)]);
    let at = 0;
    while (at + 4 <= pending.length) {
      const length = pending.readUInt32LE(at);
      if (at + 4 + length > pending.length) break;
      yield* deserialize(pending.subarray(at + 4, at + 4 + length)) as unknown[];
      at += 4 + length;
    }
    pending = pending.subarray(at);
  }
}
