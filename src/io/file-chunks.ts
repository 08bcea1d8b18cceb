/**
 * A file's bytes, read in pieces into two buffers that are reused for the whole read: while the
 * consumer works on one piece, the next is read into the other (an asynchronous read waits on
 * libuv's thread pool; without the read ahead the reading thread sat idle for each piece).
 *
 * Each piece is valid only until the next is asked for: the consumer (csv-decode.ts) turns it
 * into text, and copies the few bytes of a cut character, before it pulls again. A stream
 * allocating a fresh 1 MiB buffer per read instead left glibc's heap holding tens of megabytes
 * freed by V8 but never returned (`inspect` on 1M rows: 200 → 160 MiB peak with this).
 */
import { open } from 'node:fs/promises';

/** Bytes read at a time. */
export const READ_BYTES = 1024 * 1024;

/**
 * Bytes [start, end) of `path` (to the end of the file when `end` is not given); `onRead` is
 * told each piece's length as it is read. `end` may be a function, asked before each piece: an
 * end moved while reading (parallel/read.ts) takes effect at the next piece, so it must not fall
 * before the bytes read so far plus one piece (READ_BYTES) in flight.
 */
export async function* fileChunks(
  path: string,
  start = 0,
  end: number | (() => number) = Infinity,
  onRead?: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const until = typeof end === 'number' ? () => end : end;
  const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)] as const;
  let at = start;
  let next = 0;
  // One read in flight at most, into the buffer the consumer is not holding: an end moved while
  // reading (never before the bytes read plus one piece) leaves it whole.
  const readNext = () => {
    if (at >= until()) return null;
    const buffer = buffers[next]!;
    next ^= 1;
    const read = handle.read(buffer, 0, Math.min(READ_BYTES, until() - at), at);
    // Its failure is met where it is awaited: not an unhandled rejection while the consumer works.
    read.catch(() => undefined);
    return read;
  };
  let pending: ReturnType<typeof readNext> = null;
  try {
    pending = readNext();
    while (pending !== null) {
      const { bytesRead, buffer } = await pending;
      pending = null;
      if (bytesRead === 0) return;
      at += bytesRead;
      onRead?.(bytesRead);
      pending = readNext();
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // A read still in flight must end before the file is closed under it.
    if (pending !== null) await pending.catch(() => undefined);
    await handle.close();
  }
}
