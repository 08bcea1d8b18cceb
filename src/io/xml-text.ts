/**
 * Text-level helpers for the xlsx parts: decoding XML text as Excel means it, finding names
 * and attributes inside a tag without leaving it, and feeding a part's bytes to a scanner as
 * text, chunk by chunk, with UTF-8 sequences and elements cut by a chunk's edge kept whole.
 */
import type { InputError } from '../errors.js';

/**
 * An element still open after this many characters cannot be a cell Excel wrote: even a
 * 32,767-character cell of character references (`&#x4E2D;`) fits three times over.
 */
export const MAX_PENDING = 1024 * 1024;

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/**
 * XML text to the string Excel shows: line ends normalised as XML requires, entities and
 * character references decoded, then Excel's `_xHHHH_` escapes (`_x005F_` escapes the
 * underscore itself, so `_x005F_x000D_` stays the text `_x000D_`).
 */
export function decodeText(raw: string): string {
  let text = raw;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') >= 0) text = decodeEntities(text);
  if (text.indexOf('_x') >= 0) {
    text = text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
  return text;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, name: string) => {
    if (name.charCodeAt(0) !== 35) return NAMED_ENTITIES[name] ?? whole;
    const code = name.charCodeAt(1) === 120 ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    if (code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

export function isNameEnd(code: number): boolean {
  // space, tab, LF, CR, '/', '>' (NaN past the end of the text is not a name end)
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** End of the tag name starting at `at`. */
export function nameEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && !isNameEnd(s.charCodeAt(i))) i++;
  return i;
}

/** The local name (prefix dropped) of the name in s[from, to). */
export function localName(s: string, from: number, to: number): string {
  // Bounded by the name: an unbounded indexOf(':') would scan the rest of the chunk per tag.
  let start = from;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 58) start = i + 1;
  return s.slice(start, to);
}

/**
 * The value of attribute `name` within a start tag s[from, to), raw (undecoded), or null.
 * The search stays inside the tag, so a tag without the attribute costs its own length only.
 */
export function attribute(s: string, from: number, to: number, name: string): string | null {
  const length = name.length;
  for (let at = from + 1; at + length < to; at++) {
    if (s.charCodeAt(at + length) !== 61 /* = */ || !s.startsWith(name, at)) continue;
    const before = s.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const quote = s.charCodeAt(at + length + 1);
    if (quote !== 34 && quote !== 39) continue;
    const start = at + length + 2;
    let end = start;
    while (end < to && s.charCodeAt(end) !== quote) end++;
    return end < to ? s.slice(start, end) : null;
  }
  return null;
}

/**
 * The text of a string item (`<si>` or `<is>` content in s[from, to)): every `<t>` joined,
 * except those inside phonetic `<rPh>` runs.
 */
export function itemText(s: string, from: number, to: number): string {
  let text = '';
  let phonetic = false;
  let at = from;
  for (;;) {
    const lt = s.indexOf('<', at);
    if (lt < 0 || lt >= to) break;
    const closing = s.charCodeAt(lt + 1) === 47;
    const start = closing ? lt + 2 : lt + 1;
    const end = nameEnd(s, start);
    const gt = s.indexOf('>', end);
    if (gt < 0 || gt > to) break;
    const name = localName(s, start, end);
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    if (name === 'rPh') phonetic = !closing && !selfClosing;
    else if (name === 't' && !closing && !selfClosing && !phonetic) {
      const textEnd = s.indexOf('<', gt + 1);
      text += s.slice(gt + 1, textEnd < 0 || textEnd > to ? to : textEnd);
      at = textEnd < 0 ? to : textEnd;
      continue;
    }
    at = gt + 1;
  }
  return text;
}

/** A positive decimal integer without sign, point or exponent; -1 otherwise. */
export function positiveInteger(s: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** What a Utf8Feeder drives: scan(s) returns how much of s it used. */
export interface TextScanner {
  scan(s: string): number;
  finish(rest: string): void;
  tooLongElement(): InputError;
}

/**
 * Bytes decoded at a time. The text of at most 48 KiB is at most 96 KiB of UTF-16: below V8's
 * large-object size (128 KiB), so each piece's string is an ordinary young object, not a mapping
 * of its own that only a full collection frees. Measured on the bench sheet (939 MB): decoding
 * its 256 KiB inflated chunks whole cost some 0.8 s of system time (a mmap and munmap per
 * string) and held up to 50 MB of dead strings; in 48 KiB pieces, no system time.
 */
export const DECODE_PIECE = 48 * 1024;

/**
 * Turns a part's bytes into text for a scanner, chunk by chunk, in pieces of DECODE_PIECE
 * bytes. What the scanner leaves (an element cut by the piece's end) is kept as bytes and
 * decoded again with the next piece, so the scanner always sees one flat string, and a UTF-8
 * sequence cut by the piece's end is held back whole.
 */
export class Utf8Feeder {
  private pending: Buffer | null = null;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly scanner: TextScanner,
    private readonly notUtf8: () => InputError,
  ) {}

  push(chunk: Buffer): void {
    if (chunk.length <= DECODE_PIECE) return this.piece(chunk);
    for (let at = 0; at < chunk.length; at += DECODE_PIECE) {
      this.piece(chunk.subarray(at, Math.min(chunk.length, at + DECODE_PIECE)));
    }
  }

  private piece(chunk: Buffer): void {
    const bytes = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    const cut = completeLength(bytes);
    const s = this.decode(bytes.subarray(0, cut), true);
    const used = this.scanner.scan(s);
    if (used === s.length) {
      this.pending = cut === bytes.length ? null : bytes.subarray(cut);
      return;
    }
    if (s.length - used > MAX_PENDING) throw this.scanner.tooLongElement();
    const restBytes = Buffer.byteLength(s.slice(used));
    this.pending = bytes.subarray(cut - restBytes);
  }

  end(): void {
    const rest = this.pending === null ? '' : this.decode(this.pending, false);
    this.pending = null;
    const used = rest.length > 0 ? this.scanner.scan(rest) : 0;
    this.scanner.finish(rest.slice(used));
  }

  private decode(bytes: Buffer, more: boolean): string {
    try {
      // Whole sequences only, so the streaming mode holds nothing back; it is the faster
      // path of Node's decoder (measured: about 40% less time than a one-shot decode).
      return this.decoder.decode(bytes, { stream: more });
    } catch {
      throw this.notUtf8();
    }
  }
}

/** The length of bytes without a UTF-8 sequence cut at its end. */
function completeLength(bytes: Buffer): number {
  const length = bytes.length;
  let start = length - 1;
  while (start >= 0 && length - start < 4 && (bytes[start]! & 0xc0) === 0x80) start--;
  if (start < 0) return length;
  const lead = bytes[start]!;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return length - start < needed ? start : length;
}
