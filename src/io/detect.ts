/**
 * Sniffing, not assuming: what a file really is (xlsx, old xls, encrypted workbook, text),
 * which encoding a text file uses, and which delimiter separates its fields.
 */
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { InputError, said } from '../errors.js';

/**
 * `note`: what the file really is when its name says otherwise (an export renamed, or a system
 * that writes text and names it .xlsx), in English as the JSON keeps it (inputs[].notes); every
 * command says it in the run's language (ingest/input-notes.ts).
 */
export type Detected =
  | { format: 'xlsx'; note: string | null }
  | { format: 'csv'; encoding: string; bomLength: number; note: string | null };

/** Names that say "workbook": a text file under one is read as text, and said so. */
const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm'];
/**
 * Names of the old binary workbooks (Excel's, WPS's), which many systems give the tab-separated
 * text of their "Excel" download: read as text too, and said so (a web page is refused below).
 */
const OLD_WORKBOOK_EXTENSIONS = ['.xls', '.et'];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function startsWith(head: Buffer, signature: number[]): boolean {
  return signature.every((byte, i) => head[i] === byte);
}

const CONVERT_HINT = said(
  '请用 Excel 或 WPS 打开后另存为 .xlsx，或运行：soffice --headless --convert-to xlsx 文件名',
  'Open it in Excel or WPS and save it as .xlsx, or run: soffice --headless --convert-to xlsx FILE',
);

/**
 * @param head the first bytes of the file (up to 1 MiB); for an encrypted-workbook check of a
 * compound file the caller passes what it has: the stream directory sits near the start.
 */
export function detect(file: string, head: Buffer, forcedEncoding: string | null): Detected {
  const ext = extname(file).toLowerCase();
  if (head.length === 0) {
    throw new InputError(
      'FILE_EMPTY',
      said(`${file}：文件是空的（0 字节）。`, `${file}: the file is empty (0 bytes).`),
      said(
        '请重新导出工单，可能是下载没有成功。',
        'Export the work orders again; the download may have failed.',
      ),
      { file },
    );
  }
  if (startsWith(head, ZIP)) {
    const note = WORKBOOK_EXTENSIONS.includes(ext)
      ? null
      : `${file} is an xlsx workbook despite its name; read as xlsx.`;
    return { format: 'xlsx', note };
  }
  if (startsWith(head, CFB)) {
    if (head.includes(ENCRYPTION_INFO)) {
      throw new InputError(
        'FORMAT_ENCRYPTED',
        said(
          `${file}：工作簿设有密码，无法读取。`,
          `${file}: the workbook is password-protected, so it cannot be read.`,
        ),
        said(
          '请用 Excel 或 WPS 打开，取消密码（文件 > 信息 > 保护工作簿）后另存为 .xlsx。',
          'Open it in Excel or WPS, remove the password (File > Info > Protect Workbook), and save it as .xlsx.',
        ),
        { file },
      );
    }
    throw new InputError(
      'FORMAT_XLS',
      said(
        `${file}：这是旧版 .xls（Excel 97-2003）工作簿，不能读取。`,
        `${file}: this is an old .xls (Excel 97-2003) workbook, which is not read.`,
      ),
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
        said(
          `${file}：文本不是 ${forcedEncoding} 编码（--encoding ${forcedEncoding}），按 ${found.encoding} 才能读通。`,
          `${file}: this text is not ${forcedEncoding} (--encoding ${forcedEncoding}); it reads as ${found.encoding}.`,
        ),
        said(
          `请改用 --encoding ${found.encoding} 重新运行，或去掉 --encoding 让程序自动识别。`,
          `Run again with --encoding ${found.encoding}, or without --encoding to let it be found.`,
        ),
        { file },
      );
    }
    throw new InputError(
      'FORMAT_UNKNOWN',
      said(
        `${file}：既不是 CSV 等文本文件，也不是 xlsx 工作簿（内容是二进制数据）。`,
        `${file}: not a CSV or text file, nor an xlsx workbook (it holds binary data).`,
      ),
      said(
        '请提供 .xlsx 或 .csv 格式的 95598 导出文件；如果是其他编码的 CSV，请用 --encoding 指定编码。',
        'Give the 95598 export as .xlsx or .csv; if it is a CSV in another encoding, name it with --encoding.',
      ),
      { file },
    );
  }
  const json = jsonProblem(file, ext, head.subarray(bomLength, textEnd), encoding);
  if (json) throw json;
  const markup = markupProblem(file, head.subarray(bomLength, textEnd), encoding);
  if (markup) throw markup;
  const note = [...WORKBOOK_EXTENSIONS, ...OLD_WORKBOOK_EXTENSIONS].includes(ext)
    ? `${file} is a text file (CSV), not an xlsx workbook, despite its name; read as text.`
    : null;
  return { format: 'csv', encoding, bomLength, note };
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
      ? said(
          `${file}：这像是考核指标文件（JSON），不是工单导出文件。`,
          `${file}: this looks like a targets file (JSON), not a work-order export.`,
        )
      : said(
          `${file}：这是 JSON 文件，不是工单导出文件。`,
          `${file}: this is a JSON file, not a work-order export.`,
        ),
    targets
      ? said(
          `请用 --targets ${file} 指定它，输入文件给工单导出文件。`,
          `Give it with --targets ${file}, and the exports as the inputs.`,
        )
      : said(
          '请提供 .xlsx 或 .csv 格式的 95598 导出文件。',
          'Give the 95598 exports as .xlsx or .csv files.',
        ),
    { file },
  );
}

/**
 * A web page or an Excel 2003 XML table is no CSV, whatever its name: web systems offer their
 * "Excel" download as one, and it is often renamed .xlsx or .csv. Read as text, its first line
 * would be a tag and the message "no header row found" (the header is there, in a <td>).
 */
function markupProblem(file: string, text: Buffer, encoding: string): InputError | null {
  const start = iconv.decode(text.subarray(0, 4096), encoding).trimStart().toLowerCase();
  const xml = start.startsWith('<?xml');
  if (!xml && !/^<(!doctype html|html|head|body|meta|table|tr)\b/.test(start)) return null;
  if (xml && !/<(html|table|workbook|ss:workbook)\b/.test(start)) return null;
  return new InputError(
    'FORMAT_HTML',
    xml
      ? said(
          `${file}：这是 XML 表格（Excel 2003 XML 或网页），不是 xlsx 工作簿，也不是 CSV 文本。`,
          `${file}: this is an XML table (Excel 2003 XML or a web page), not an xlsx workbook or CSV text.`,
        )
      : said(
          `${file}：这是网页（HTML）表格，不是 xlsx 工作簿，也不是 CSV 文本。`,
          `${file}: this is a web page (an HTML table), not an xlsx workbook or CSV text.`,
        ),
    CONVERT_HINT,
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
  if (startsWith(head, [0xef, 0xbb, 0xbf])) {
    // A BOM says UTF-8 only for the first export when two are joined with `cat` (Excel's "CSV
    // UTF-8", then a GB18030 one): the text ends where UTF-8 does, and the reader says which
    // line mixes encodings instead of the whole file being taken for binary data.
    return { encoding: 'utf-8', bomLength: 3, textEnd: 3 + utf8Length(head.subarray(3)) };
  }
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

/** How many bytes at the start of `bytes` are UTF-8: all of them, or up to the first that is not. */
function utf8Length(bytes: Buffer): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return bytes.length;
  } catch {
    return utf8Start(bytes).length;
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
      ? said(
          `选项 --encoding ${name}：95598 导出文件不使用这种编码。`,
          `--encoding ${name}: not an encoding 95598 exports are written in.`,
        )
      : said(`选项 --encoding ${name}：不认识的编码。`, `--encoding ${name}: unknown encoding.`),
    said(
      '请用 utf-8、gb18030（GBK/GB2312 也用它）、utf-16le 或 utf-16be。',
      'Use utf-8, gb18030 (also for GBK/GB2312), utf-16le or utf-16be.',
    ),
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
