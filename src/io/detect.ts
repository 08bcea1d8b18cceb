/**
 * Sniffing, not assuming: what a file really is (xlsx, old xls, encrypted workbook, text),
 * which encoding a text file uses, and which delimiter separates its fields.
 */
import { basename, extname } from 'node:path';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

export type Detected =
  { format: 'xlsx'; note: string | null } | { format: 'csv'; encoding: string; bomLength: number };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function startsWith(head: Buffer, signature: number[]): boolean {
  return signature.every((byte, i) => head[i] === byte);
}

const CONVERT_HINT =
  'Open it in Excel or WPS and save it as .xlsx, or run: soffice --headless --convert-to xlsx FILE';

/**
 * @param head the first bytes of the file (up to 1 MiB); for an encrypted-workbook check of a
 * compound file the caller passes what it has: the stream directory sits near the start.
 */
export function detect(file: string, head: Buffer, forcedEncoding: string | null): Detected {
  const name = basename(file);
  const ext = extname(file).toLowerCase();
  if (head.length === 0) {
    throw new InputError(
      'FILE_EMPTY',
      `${file}: the file is empty (0 bytes).`,
      'Export the work orders again; the download may have failed.',
      { file },
    );
  }
  if (startsWith(head, ZIP)) {
    const note =
      ext === '.xlsx' || ext === '.xlsm'
        ? null
        : `${name} is an xlsx workbook despite its name; read as xlsx.`;
    return { format: 'xlsx', note };
  }
  if (startsWith(head, CFB)) {
    if (head.includes(ENCRYPTION_INFO)) {
      throw new InputError(
        'FORMAT_ENCRYPTED',
        `${file}: the workbook is password-protected, so it cannot be read.`,
        'Open it in Excel or WPS, remove the password (File > Info > Protect Workbook), and save it as .xlsx.',
        { file },
      );
    }
    throw new InputError(
      'FORMAT_XLS',
      `${file}: this is an old .xls (Excel 97-2003) workbook, which is not read.`,
      CONVERT_HINT,
      { file },
    );
  }
  if (ext === '.xls' || ext === '.et') {
    // Many systems write an HTML or XML table and name it .xls.
    throw new InputError(
      'FORMAT_XLS',
      `${file}: a ${ext} file that is not an xlsx workbook (often an HTML table named .xls).`,
      CONVERT_HINT,
      { file },
    );
  }
  const { encoding, bomLength, textEnd } = forcedEncoding
    ? { encoding: forcedEncoding, bomLength: bomOf(head, forcedEncoding), textEnd: head.length }
    : sniff(head);
  if (!looksLikeText(head.subarray(bomLength, textEnd), encoding)) {
    // Text in another encoding than the one named reads as binary: say what it does look like.
    const found = forcedEncoding ? sniff(head) : null;
    if (found && found.encoding !== forcedEncoding && looksLikeText(head, found.encoding)) {
      throw new InputError(
        'CSV_ENCODING',
        `${file}: this text is not ${forcedEncoding} (--encoding ${forcedEncoding}); it reads as ${found.encoding}.`,
        `Run again with --encoding ${found.encoding}, or without --encoding to let it be found.`,
        { file },
      );
    }
    throw new InputError(
      'FORMAT_UNKNOWN',
      `${file}: not a CSV or text file, nor an xlsx workbook (it holds binary data).`,
      'Give the 95598 export as .xlsx or .csv; if it is a CSV in another encoding, name it with --encoding.',
      { file },
    );
  }
  const json = jsonProblem(file, ext, head.subarray(bomLength, textEnd), encoding);
  if (json) throw json;
  return { format: 'csv', encoding, bomLength };
}

/**
 * A JSON file is no export (a targets file or a result, given as an input by mistake): named as
 * such, and as a targets file when its keys say so, instead of "no header row".
 */
function jsonProblem(file: string, ext: string, text: Buffer, encoding: string): InputError | null {
  if (encoding !== 'utf-8') return null;
  const start = text.subarray(0, 4096).toString('utf8').trimStart();
  if (ext !== '.json' && !/^(\[\s*\{|\{\s*")/.test(start)) return null;
  const targets = /"(unit|target|targets|customers|单位|供电单位|指标|年度指标)"\s*:/.test(start);
  return new InputError(
    'NOT_AN_EXPORT',
    targets
      ? `${file}: this looks like a targets file (JSON), not a work-order export.`
      : `${file}: this is a JSON file, not a work-order export.`,
    targets
      ? `Give it with --targets ${file}, and the exports as the inputs.`
      : 'Give the 95598 exports as .xlsx or .csv files.',
    { file },
  );
}

function bomOf(head: Buffer, encoding: string): number {
  if (encoding === 'utf-8' && startsWith(head, [0xef, 0xbb, 0xbf])) return 3;
  if (encoding === 'utf-16le' && startsWith(head, [0xff, 0xfe])) return 2;
  if (encoding === 'utf-16be' && startsWith(head, [0xfe, 0xff])) return 2;
  return 0;
}

/** BOM first, then valid UTF-8, else GB18030 (what Excel on Chinese Windows writes). */
export function sniffEncoding(head: Buffer): { encoding: string; bomLength: number } {
  const { encoding, bomLength } = sniff(head);
  return { encoding, bomLength };
}

/**
 * A UTF-8 start of this many multi-byte characters makes a file UTF-8 even when GB18030
 * follows (two exports joined with `cat`): the reader then stops at the first line that is not
 * UTF-8 and says so. GB18030 text is not valid UTF-8 past a character or two (about one
 * Chinese character in twelve happens to be), so no GB18030 file starts like that.
 */
const UTF8_START_CHARS = 8;

/** `textEnd`: where the bytes stop being text in the encoding found (the end, usually). */
function sniff(head: Buffer): { encoding: string; bomLength: number; textEnd: number } {
  const end = head.length;
  if (startsWith(head, [0xef, 0xbb, 0xbf]))
    return { encoding: 'utf-8', bomLength: 3, textEnd: end };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2, textEnd: end };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2, textEnd: end };
  try {
    // stream: true so a character cut at the end of the sample does not count as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bomLength: 0, textEnd: end };
  } catch {
    const start = utf8Start(head);
    if (start.multibyte >= UTF8_START_CHARS)
      return { encoding: 'utf-8', bomLength: 0, textEnd: start.length };
    return { encoding: 'gb18030', bomLength: 0, textEnd: end };
  }
}

/** How many bytes at the start of `bytes` are UTF-8, and how many multi-byte characters they hold. */
function utf8Start(bytes: Buffer): { length: number; multibyte: number } {
  let i = 0;
  let multibyte = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra =
      b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= bytes.length) break;
    let k = 1;
    while (k <= extra && (bytes[i + k]! & 0xc0) === 0x80) k++;
    if (k <= extra) break;
    multibyte++;
    i += extra + 1;
  }
  return { length: i, multibyte };
}

/**
 * Random bytes decoded as text give over 10% of control characters and U+FFFD, UTF-16 without
 * a BOM about 40% NULs; an export with a stray control character in every row stays under 5%.
 */
const MAX_BAD_SHARE = 0.05;

/**
 * Text has almost no control characters (NUL included) or undecodable bytes. A NUL or two in
 * a field is damage the reader cleans up, not proof of a binary file: binary data, or UTF-16
 * without a BOM, has them by the thousand.
 */
function looksLikeText(sample: Buffer, encoding: string): boolean {
  const text = iconv.decode(sample.subarray(0, 64 * 1024), encoding);
  if (text.length === 0) return true;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) bad++;
  }
  return bad / text.length < MAX_BAD_SHARE;
}

const CANONICAL_ENCODINGS: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  utf16: 'utf-16le',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
};

/**
 * `--encoding` values: the common names, GBK and GB2312 read as their superset GB18030. Only
 * the encodings exports are written in: latin1 or big5 would read a Chinese export as mojibake
 * (review3 #10: 投诉 as æŠ•è¯‰, and a hint to give --complaint-type).
 */
export function normaliseEncoding(name: string): string {
  const canonical = CANONICAL_ENCODINGS[name.toLowerCase()];
  if (canonical) return canonical;
  const known = iconv.encodingExists(name);
  throw new InputError(
    'BAD_OPTION',
    known
      ? `--encoding ${name}: not an encoding 95598 exports are written in.`
      : `--encoding ${name}: unknown encoding.`,
    'Use utf-8, gb18030 (also for GBK/GB2312), utf-16le or utf-16be.',
  );
}

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter that splits the most lines of the sample into the same number of fields.
 * Title rows and notes above the header have none, so consistency beats frequency.
 */
export function sniffDelimiter(sample: string): string {
  const lines = sample.split(/\r\n|\n|\r/, 60).filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, delimiter);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [fields, lineCount] of counts) score = Math.max(score, lineCount * 1000 + fields);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) n++;
  }
  return n;
}
