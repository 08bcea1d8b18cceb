/**
 * What a zip writer put around an entry, read from the bytes rather than through a reader
 * that forgives: its local header and the data descriptor after its data.
 */
import { readFileSync } from 'node:fs';
import { bufferSource, ZipArchive } from '../../src/io/zip.js';

/**
 * An entry's local header as written (version needed, flags, the 32-bit sizes, the zip64 extra
 * field's sizes if it has one) and the data descriptor after its data (its length, its sizes).
 */
export async function headersOf(file: string, name: string) {
  const bytes = readFileSync(file);
  const archive = await ZipArchive.open(file, bufferSource(bytes));
  const entry = archive.entries.get(name)!;
  const at = entry.localOffset;
  const nameLength = bytes.readUInt16LE(at + 26);
  const extraLength = bytes.readUInt16LE(at + 28);
  const extra = bytes.subarray(at + 30 + nameLength, at + 30 + nameLength + extraLength);
  const zip64 =
    extra.length >= 4 && extra.readUInt16LE(0) === 0x0001
      ? {
          length: extra.readUInt16LE(2),
          size: extra.readBigUInt64LE(4),
          compressed: extra.readBigUInt64LE(12),
        }
      : null;
  const end = at + 30 + nameLength + extraLength + entry.compressedSize;
  const wide = zip64 !== null; // the reader decides the descriptor's width so (APPNOTE 4.3.9.1)
  const descriptor = {
    signature: bytes.readUInt32LE(end),
    crc: bytes.readUInt32LE(end + 4),
    compressed: wide ? Number(bytes.readBigUInt64LE(end + 8)) : bytes.readUInt32LE(end + 8),
    size: wide ? Number(bytes.readBigUInt64LE(end + 16)) : bytes.readUInt32LE(end + 12),
    next: bytes.readUInt32LE(end + (wide ? 24 : 16)), // the next header's signature
  };
  return {
    entry,
    version: bytes.readUInt16LE(at + 4),
    flags: bytes.readUInt16LE(at + 6),
    compressed32: bytes.readUInt32LE(at + 18),
    size32: bytes.readUInt32LE(at + 22),
    extraLength,
    zip64,
    descriptor,
  };
}
