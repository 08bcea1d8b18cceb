/**
 * zlib's crc32_combine, which Node does not expose: the CRC-32 of A followed by B from the CRC
 * of each and B's length. A sheet's rows deflated elsewhere (report/detail-sheet.ts) join the
 * bytes the zip has already taken for that sheet, whose CRC covers the whole part.
 *
 * Appending a zero bit to a message is a linear map on the CRC register (a 32×32 matrix over
 * GF(2)); squaring it gives the map for 2, 4, 8 … bits, so the map for B's length is built in
 * log₂(length) squarings and applied to A's CRC before B's is added.
 */
const POLY = 0xedb88320;

function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function square(into: Uint32Array, matrix: Uint32Array): void {
  for (let i = 0; i < 32; i++) into[i] = times(matrix, matrix[i]!);
}

/** The CRC-32 of A ‖ B, given crc32(A), crc32(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  let even = new Uint32Array(32);
  let odd = new Uint32Array(32);
  // The operator for one zero bit, then two, then four.
  odd[0] = POLY;
  for (let i = 1, row = 1; i < 32; i++, row <<= 1) odd[i] = row;
  square(even, odd);
  square(odd, even);
  let crc = crcA >>> 0;
  // Each turn applies the operator for the next power of two bytes where lengthB has a bit.
  let length = lengthB;
  do {
    square(even, odd);
    if (length % 2 === 1) crc = times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    [even, odd] = [odd, even];
  } while (length > 0);
  return (crc ^ crcB) >>> 0;
}
