/** crc32Combine (src/io/crc32-combine.ts) against zlib's CRC-32 of the joined bytes. */
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine } from '../../src/io/crc32-combine.js';

/** Bytes that differ from one position to the next (a linear congruential sequence). */
function bytes(length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('crc32Combine', () => {
  it.each([
    [0, 0],
    [0, 9],
    [9, 0],
    [1, 1],
    [3_117, 1 << 20],
    [1 << 20, (1 << 20) + 7],
    [5, 3_000_001],
  ])('gives the CRC of %i bytes followed by %i', (a, b) => {
    const first = bytes(a, 1);
    const second = bytes(b, 2);
    const joined = crc32(Buffer.concat([first, second]));
    expect(crc32Combine(crc32(first), crc32(second), b)).toBe(joined);
  });
});
