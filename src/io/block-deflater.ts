/**
 * A long part's bytes deflated in blocks, as the workbooks' zip writer (zip-writer.ts) and the
 * 明细 rows made off the workbook (report/detail-sheet.ts) both deflate them. Bytes are copied
 * into 1 MiB blocks; each full block is CRC'd (zlib's, native) and deflated on libuv's
 * threads, a few at once, so that the deflating runs on the other core while the caller makes
 * bytes. Each block is its own raw deflate stream ended by a sync flush, so the blocks
 * concatenate into one valid stream (as pigz writes): a deflated part made elsewhere can follow
 * them, and an empty final block closes the stream (the zip writer's). Blocks are reused once
 * deflated; the deflated blocks are handed on in the order they were cut.
 */
import { constants, crc32, deflateRaw } from 'node:zlib';
import { crc32Combine } from './crc32-combine.js';

/** Fast deflate: at higher levels the zip, not the rows, set the pace of big sheets. */
export const DEFLATE_LEVEL = 1;
/** Bytes deflated as one piece. */
export const BLOCK = 1 << 20;
/**
 * zlib's output buffer: a block of rows deflates to about a fifth of its size, so one buffer
 * takes it whole. At zlib's default 16 KiB the JavaScript side of each block's dozen rounds
 * trips was a tenth of the 明细 worker's time.
 */
const OUT_CHUNK = 1 << 18;
/** Blocks deflating at once before `room()` makes the writer wait. */
const IN_FLIGHT = 3;

export class BlockDeflater {
  /** CRC-32 and length of the bytes taken so far (deflated or not yet). */
  crc = 0;
  size = 0;
  private block: Buffer = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private readonly spare: Buffer[] = [];
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  /** Every step so far, in order (the deflated blocks handed on, `then`'s steps); the first failure. */
  private chain: Promise<void>;

  /**
   * `out` takes each deflated block, in order, once `after` has resolved (the zip writer's
   * entry waits for its turn in the file).
   */
  constructor(
    private readonly out: (deflated: Buffer) => void,
    after: Promise<void> = Promise.resolve(),
  ) {
    this.chain = after;
  }

  /** Copies `bytes[from, to)` in; a full block goes to be deflated. */
  append(bytes: Buffer, from = 0, to = bytes.length): void {
    while (from < to) {
      const n = bytes.copy(this.block, this.used, from, to);
      this.used += n;
      from += n;
      if (this.used === BLOCK) this.cut();
    }
  }

  /** Null while fewer than IN_FLIGHT blocks are being deflated; else resolves once fewer are. */
  room(): Promise<void> | null {
    if (this.inFlight < IN_FLIGHT) return null;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Runs `step` once everything taken before it is handed on (the block being filled is cut). */
  then(step: () => void | Promise<void>): void {
    this.flush();
    this.chain = this.chain.then(step);
    // A failure is taken up by `done()`; until then it must not count as unhandled.
    this.chain.catch(() => {});
  }

  /**
   * Bytes deflated elsewhere (as these blocks are) follow what was taken: `step` hands them on
   * in their turn; `part` is the CRC and length of what they inflate to.
   */
  follow(part: { crc: number; size: number }, step: () => Promise<void>): void {
    this.then(step);
    this.crc = crc32Combine(this.crc, part.crc, part.size);
    this.size += part.size;
  }

  /** Settles once everything taken is deflated and handed on, or at the first failure. */
  done(): Promise<void> {
    this.flush();
    return this.chain;
  }

  private flush(): void {
    if (this.used > 0) this.cut();
  }

  private cut(): void {
    const block = this.block;
    const bytes = block.subarray(0, this.used);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.block = this.spare.pop() ?? Buffer.allocUnsafe(BLOCK);
    this.used = 0;
    this.inFlight++;
    const deflated = new Promise<Buffer>((resolve, reject) =>
      deflateRaw(
        bytes,
        { level: DEFLATE_LEVEL, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: OUT_CHUNK },
        (error, out) => {
          this.inFlight--;
          this.spare.push(block);
          for (const wake of this.waiters.splice(0)) wake();
          if (error) reject(error);
          else resolve(out);
        },
      ),
    );
    deflated.catch(() => {}); // seen through the chain, perhaps only after `after`
    this.chain = this.chain.then(() => deflated.then(this.out));
    this.chain.catch(() => {}); // as in then()
  }
}
