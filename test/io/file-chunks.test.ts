/**
 * fileChunks reads ahead into a second buffer while the consumer works on a piece: each piece
 * must still be the file's bytes in order, an end moved while reading must hold, and leaving
 * early must close the file with no read left running.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { READ_BYTES, fileChunks } from '../../src/io/file-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-file-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'bytes.bin');
const bytes = randomBytes(Math.floor(READ_BYTES * 3.5));
writeFileSync(file, bytes);

/** The pieces copied as they come (each is valid only until the next is asked for). */
async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const pieces: Buffer[] = [];
  for await (const piece of chunks) pieces.push(Buffer.from(piece));
  return pieces;
}

describe('fileChunks', () => {
  it('gives the whole file in order, a piece at a time', async () => {
    const pieces = await collect(fileChunks(file));
    expect(pieces.map((p) => p.length)).toEqual([
      READ_BYTES,
      READ_BYTES,
      READ_BYTES,
      bytes.length - 3 * READ_BYTES,
    ]);
    expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
  });

  it('gives [start, end) and counts what it reads', async () => {
    let counted = 0;
    const start = 12_345;
    const end = 2 * READ_BYTES + 777;
    const pieces = await collect(fileChunks(file, start, end, (n) => (counted += n)));
    expect(Buffer.concat(pieces).equals(bytes.subarray(start, end))).toBe(true);
    expect(counted).toBe(end - start);
  });

  it('stops at an end moved while reading (one piece past what was read)', async () => {
    let end = bytes.length;
    let read = 0;
    const pieces: Buffer[] = [];
    for await (const piece of fileChunks(
      file,
      0,
      () => end,
      (n) => (read += n),
    )) {
      pieces.push(Buffer.from(piece));
      // The earliest cut the range planner may make: the bytes read plus one piece.
      if (pieces.length === 1) end = read + READ_BYTES + 10;
    }
    expect(Buffer.concat(pieces).equals(bytes.subarray(0, end))).toBe(true);
  });

  it('leaves early without a read running on a closed file', async () => {
    const seen: number[] = [];
    for await (const piece of fileChunks(file)) {
      seen.push(piece[0]!);
      break;
    }
    expect(seen).toEqual([bytes[0]]);
    // Nothing left to fail later: give pending callbacks a turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
