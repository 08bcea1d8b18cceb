/**
 * Range planning: where a CSV is cut for the workers. A cut is made just after a line feed
 * (a character boundary in UTF-8 and GB18030), preferably one that looks like a record's end:
 * the line after it has balanced quotes and as many fields as the header. That is a guess — a
 * line inside a quoted field can look like a record — which csv-range.ts and read.ts check: a
 * range whose start the previous range does not end on is read again from where it did.
 */
import { open } from 'node:fs/promises';

/** Bytes looked at after a nominal cut for a line feed that looks like a record's end. */
const WINDOW = 256 * 1024;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Whether the line at bytes[from, to) has balanced quotes and `width` fields. */
export function looksLikeRecord(
  bytes: Buffer,
  from: number,
  to: number,
  delimiter: number,
  width: number,
): boolean {
  let quoted = false;
  let fields = 1;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) quoted = !quoted;
    else if (b === delimiter && !quoted) fields++;
  }
  return !quoted && fields === width;
}

/**
 * The cut in `bytes` (read at the nominal cut): the offset just after a LF, within the window;
 * -1 when it holds no LF. `guess`: prefer a LF followed by a line that looks like a record.
 */
export function cutIn(bytes: Buffer, delimiter: number, width: number, guess: boolean): number {
  const first = bytes.indexOf(LF);
  if (first < 0 || !guess) return first < 0 ? -1 : first + 1;
  for (let lf = first; lf >= 0;) {
    const next = bytes.indexOf(LF, lf + 1);
    if (next < 0) break;
    const end = next > 0 && bytes[next - 1] === CR ? next - 1 : next;
    if (looksLikeRecord(bytes, lf + 1, end, delimiter, width)) return lf + 1;
    lf = next;
  }
  return first + 1;
}

/**
 * The ranges' starts and the end: [0, s1, …, size]. Cuts fall at or after `minCut` (the
 * header has been found before it) and each range holds at least one line. `from`: the bytes
 * before it are read already, by the first range: the rest is shared out equally.
 */
export async function planRanges(
  path: string,
  size: number,
  minCut: number,
  ranges: number,
  delimiter: string,
  width: number,
  guess: boolean,
  from = 0,
): Promise<number[]> {
  const cuts = [0];
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(WINDOW);
    for (let k = 1; k < ranges; k++) {
      const share = Math.round(from + (k * (size - from)) / ranges);
      const nominal = Math.max(minCut, share, cuts[cuts.length - 1]! + 1);
      if (nominal >= size) break;
      const { bytesRead } = await handle.read(window, 0, WINDOW, nominal);
      const at = cutIn(window.subarray(0, bytesRead), delimiter.charCodeAt(0), width, guess);
      if (at < 0) continue;
      const cut = nominal + at;
      if (cut < size && cut > cuts[cuts.length - 1]!) cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  cuts.push(size);
  return cuts;
}
