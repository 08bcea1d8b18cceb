/** bytes cut in pieces of about `size` bytes, each ending on a character boundary. */
export function utf8Pieces(bytes: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    let end = Math.min(at + size, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    if (end === at) for (end = at + 1; (bytes[end]! & 0xc0) === 0x80;) end++;
    pieces.push(bytes.subarray(at, end));
    at = end;
  }
  return pieces;
}
