/**
 * Bytes to text for the CSV reader. Decoding is strict: bytes that are not text in the file's
 * encoding stop the reading, with the line they are on, instead of becoming U+FFFD. Two
 * exports joined with `cat` (UTF-8, then GB18030) otherwise put garbled business types and
 * units into the counts without a word.
 *
 * To name the line, UTF-8 and GB18030 text is decoded in pieces that end on a character
 * boundary, so a piece that fails can be decoded again line by line on its own. A line end
 * byte (LF, CR) is never part of a multi-byte character in either encoding, so its lines can be
 * found in the bytes.
 *
 * UTF-8 pieces are not decoded at all when asked (issue 17): a piece that `isUtf8` passes is
 * yielded as its bytes, for the parser to split (CsvParser.pushBytes) and the reader to decode
 * only the fields it uses. Decoding was two thirds of reading a 1M-row export. A piece that
 * fails is decoded as any other, so the error and its line are the same.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Parse in pieces of this size: the rows of a small piece die young, which keeps GC cheap. */
export const PIECE_BYTES = 64 * 1024;

/** Bytes that do not decode; the text before them has been yielded. */
export class UndecodableError extends Error {
  constructor(
    /** True when the error lies on the line after the text yielded, false when at or after. */
    readonly exact: boolean,
    /**
     * The other common encoding in which the failing line is text (GB18030 for a UTF-8 file,
     * UTF-8 for others), when it is: the sign of two exports joined.
     */
    readonly validAs: 'utf-8' | 'gb18030' | null,
  ) {
    super('undecodable bytes');
    this.name = 'UndecodableError';
  }
}

interface Decoder {
  native: boolean;
  /** Throws UndecodableError (not yet exact) on bytes that are not text. */
  decode(bytes: Buffer): string;
  end(): string;
}

/**
 * Node's own decoders (ICU) where it has one: for GB18030 it measured over twice as fast as
 * iconv-lite. iconv-lite, for builds without full ICU and rarer encodings, has no strict mode:
 * its U+FFFD is taken as the sign of bytes it could not decode.
 */
function decoderFor(encoding: string): Decoder {
  let native: TextDecoder | null = null;
  try {
    // ignoreBOM: the caller has already skipped the BOM it sniffed.
    native = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    native = null;
  }
  if (native !== null) {
    const decoder = native;
    const call = (bytes?: Buffer) => {
      try {
        return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
      } catch {
        throw new UndecodableError(false, null);
      }
    };
    return { native: true, decode: (bytes) => call(bytes), end: () => call() };
  }
  const decoder = iconv.getDecoder(encoding);
  const checked = (text: string) => {
    if (text.includes('\uFFFD')) throw new UndecodableError(false, null);
    return text;
  };
  return {
    native: false,
    decode: (bytes) => checked(decoder.write(bytes)),
    end: () => checked(decoder.end() ?? ''),
  };
}

/**
 * Where a piece of bytes[from, to) may end so that it holds whole characters: just after the
 * last byte that cannot be inside a multi-byte character. -1 when there is none.
 */
function boundary(bytes: Buffer, from: number, to: number, encoding: string): number {
  if (encoding === 'utf-8') {
    for (let k = to - 1; k >= from && k >= to - 4; k--) {
      const b = bytes[k]!;
      if (b < 0x80) return k + 1;
      if (b >= 0xc0) return k > from ? k : -1; // a lead byte: its character goes to the next piece
    }
    return to; // four continuation bytes in a row are invalid anyway: the decoder says so
  }
  // GB18030: trail bytes are 0x30-0x39 and 0x40-0xFE, so any other byte stands alone.
  for (let k = to - 1; k >= from; k--) {
    const b = bytes[k]!;
    if (b < 0x30 || (b > 0x39 && b < 0x40)) return k + 1;
  }
  return -1;
}

/**
 * Decodes `bytes`, which starts on a character boundary, line by line with a fresh decoder,
 * to yield the text before the first line that fails.
 */
function beforeBadLine(bytes: Buffer, encoding: string): { text: string; badLine: Buffer } {
  let start = 0;
  while (start < bytes.length) {
    let end = start;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    while (end < bytes.length && (bytes[end] === 0x0a || bytes[end] === 0x0d)) end++;
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(
        bytes.subarray(start, end),
      );
    } catch {
      break;
    }
    start = end;
  }
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, start));
  let lineEnd = start;
  while (lineEnd < bytes.length && bytes[lineEnd] !== 0x0a && bytes[lineEnd] !== 0x0d) lineEnd++;
  return { text, badLine: bytes.subarray(start, lineEnd) };
}

/** Whether a line that is not text in `encoding` is text in the other usual one. */
function otherEncoding(line: Buffer, encoding: string): 'utf-8' | 'gb18030' | null {
  if (encoding !== 'utf-8') return isUtf8(line) ? 'utf-8' : null;
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(line);
    return 'gb18030';
  } catch {
    return null;
  }
}

/**
 * The text of `bytes` in pieces; with `keepUtf8`, a UTF-8 piece that is valid and whole (it
 * starts and ends on a character boundary) comes as its bytes instead, valid until the next
 * piece is asked for.
 */
export async function* decodeText(
  bytes: AsyncIterable<Buffer>,
  encoding: string,
  bomLength: number,
  keepUtf8 = false,
): AsyncGenerator<string | Buffer> {
  const decoder = decoderFor(encoding);
  const cuttable = decoder.native && (encoding === 'utf-8' || encoding === 'gb18030');
  keepUtf8 &&= cuttable && encoding === 'utf-8';
  let skip = bomLength;
  /** The end of the last read, from a character it cut: goes before the next read. */
  let carry: Buffer | null = null;
  /** The decoder holds no partial character: a piece that fails can be decoded again alone. */
  let clean = cuttable;

  function* piece(part: Buffer, last: boolean): Generator<string | Buffer> {
    try {
      const text = decoder.decode(part) + (last ? decoder.end() : '');
      if (text.length > 0) yield text;
    } catch (error) {
      if (!(error instanceof UndecodableError) || !clean) throw error;
      const { text, badLine } = beforeBadLine(part, encoding);
      if (text.length > 0) yield text;
      throw new UndecodableError(true, otherEncoding(badLine, encoding));
    }
  }

  for await (const chunk of bytes) {
    let buffer = chunk;
    if (skip > 0) {
      buffer = chunk.subarray(skip);
      skip = Math.max(0, skip - chunk.length);
    }
    let at = 0;
    while (at < buffer.length) {
      const to = Math.min(at + PIECE_BYTES, buffer.length);
      let cut = to;
      let endsClean = false;
      if (cuttable) {
        const found = boundary(buffer, at, to, encoding);
        // Without any boundary (a long run of multi-byte text) the piece goes whole and the
        // decoder keeps the cut character; line numbers of a failure are then approximate.
        if (found > at) {
          cut = found;
          endsClean = true;
        }
      }
      let part = buffer.subarray(at, cut);
      if (carry !== null) {
        part = Buffer.concat([carry, part]);
        carry = null;
      }
      if (keepUtf8 && clean && endsClean && isUtf8(part)) {
        if (part.length > 0) yield part;
      } else {
        yield* piece(part, false);
      }
      clean = endsClean;
      if (cut < to && to === buffer.length) {
        // The cut character's first bytes wait for the rest in the next read.
        carry = Buffer.from(buffer.subarray(cut));
        at = to;
      } else {
        at = cut;
      }
    }
  }
  yield* piece(carry ?? Buffer.alloc(0), true);
}
