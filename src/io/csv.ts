/**
 * CSV and other delimited text. Decoding is ours and strict (BOM, UTF-8, UTF-16, GB18030:
 * csv-decode.ts), splitting into records is ours too (csv-parser.ts); this file drives them and
 * turns what they refuse into messages that name the file, the line and what to do. The parser
 * runs in fields mode: ordinary records reach a sink that reads offsets (TableSink.fieldRows)
 * as offsets into the chunk, others as rows of strings (csv-fields.ts).
 */
import { InputError, said } from '../errors.js';
import type { FieldBatch } from './csv-fields.js';
import { CSV_LIMITS, CsvLimitError, CsvParser, type CsvRecord } from './csv-parser.js';
import { UndecodableError, decodeText } from './csv-decode.js';
import { sniffDelimiter } from './detect.js';
import type { BrokenRow, TableReader, TableSink } from './table.js';

export interface CsvSource {
  /** The input as named in messages. */
  file: string;
  bytes: AsyncIterable<Buffer>;
  encoding: string;
  bomLength: number;
  /** The encoding came from --encoding, not from sniffing. */
  forced: boolean;
}

export function csvReader(source: CsvSource): TableReader {
  const reader: TableReader = {
    format: 'csv',
    encoding: source.encoding,
    delimiter: null,
    notes: [],
    read: (sink) => readCsv(reader, source, sink),
  };
  return reader;
}

async function readCsv(reader: TableReader, source: CsvSource, sink: TableSink): Promise<void> {
  const texts = decodeText(source.bytes, source.encoding, source.bomLength, true);
  let parser: CsvParser | null = null;
  try {
    // The first piece (64 KiB of bytes) holds enough lines to sniff the delimiter.
    const first = await texts.next();
    const firstPiece = first.done ? '' : first.value;
    reader.delimiter = sniffDelimiter(sniffText(firstPiece));
    parser = new CsvParser(reader.delimiter).useFields();
    sink.begin({ sheet: null, sheetIndex: 0 });
    pushPiece(parser, firstPiece);
    let wanted = emit(parser, sink);
    if (wanted) {
      for await (const text of texts) {
        pushPiece(parser, text);
        if (!(wanted = emit(parser, sink))) break; // leaving the loop closes the file
      }
    }
    if (wanted) {
      parser.end();
      emit(parser, sink);
    }
  } catch (error) {
    if (error instanceof CsvLimitError) throw limitError(source.file, error);
    if (error instanceof UndecodableError) throw decodeError(source, error, parser);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      // The file went away or the disk failed under us: a system error, not ours.
      throw new InputError(
        'FILE_UNREADABLE',
        said(
          `${source.file}：读到第 ${count(parser?.line ?? 1)} 行之后读取失败（${code}）。`,
          `${source.file}: reading failed after line ${count(parser?.line ?? 1)} (${code}).`,
        ),
        said(
          '请检查文件和所在磁盘，然后重新运行。',
          'Check the file and the disk it is on, then run again.',
        ),
        { file: source.file, row: parser?.line ?? 1 },
      );
    }
    throw error;
  } finally {
    await texts.return(undefined);
  }
  sink.end();
}

/** A piece of decodeText (text, or UTF-8 bytes) to the parser. */
export function pushPiece(parser: CsvParser, piece: string | Buffer): void {
  if (typeof piece === 'string') parser.push(piece);
  else parser.pushBytes(piece);
}

/** The text of a first piece for sniffDelimiter. */
export function sniffText(piece: string | Buffer): string {
  return typeof piece === 'string'
    ? piece.slice(0, 64 * 1024)
    : piece.toString('utf8', 0, Math.min(piece.length, 64 * 1024));
}

/** Hands the parsed records to the sink in order; false when the sink wants no more. */
export function emit(parser: CsvParser, sink: TableSink): boolean {
  if (parser.batch !== null) return emitFields(parser.batch, sink);
  const records = parser.records;
  if (records.length === 0) return true;
  parser.records = [];
  let from = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.problem === null) continue;
    if (i > from && !sink.rows(records.slice(from, i))) return false;
    sink.broken(brokenRow(record));
    from = i + 1;
  }
  if (from === 0) return sink.rows(records);
  return from === records.length || sink.rows(records.slice(from));
}

/** emit for a parser in fields mode: the batch is drained whatever the sink answers. */
function emitFields(batch: FieldBatch, sink: TableSink): boolean {
  const count = batch.count;
  if (count === 0) return true;
  const deliver = (from: number, to: number): boolean =>
    from === to ||
    (sink.fieldRows ? sink.fieldRows(batch, from, to) : sink.rows(batch.rawRows(from, to)));
  try {
    let from = 0;
    if (batch.slow.length > 0) {
      for (let k = 0; k < count; k++) {
        const slow = batch.slowAt(k);
        if (slow === null || slow.problem === null) continue;
        if (!deliver(from, k)) return false;
        sink.broken(brokenRow(slow));
        from = k + 1;
      }
    }
    return deliver(from, count);
  } finally {
    batch.clear();
  }
}

function brokenRow(record: CsvRecord): BrokenRow {
  const { row, cells, quoteLine, lines } = record;
  if (record.problem === 'unbalanced') {
    return {
      row,
      cells,
      code: 'quote',
      reason:
        `unbalanced quote: a field opened with " on line ${quoteLine} never closes` +
        (lines > 1 ? ` (the ${lines} lines from there on were read as one row)` : ''),
    };
  }
  return {
    row,
    cells,
    code: 'quote',
    reason: 'malformed quotes: a quoted field has text after its closing "',
  };
}

const count = (n: number) => n.toLocaleString('en-US');

function limitError(file: string, error: CsvLimitError): InputError {
  const line = count(error.line);
  if (error.quoteLine !== null) {
    const cell = error.limit === 'fieldChars';
    const what = cell ? "Excel's limit for a cell" : 'the limit for a row';
    return new InputError(
      'CSV_LIMIT',
      said(
        `${file}：第 ${count(error.quoteLine)} 行开始的带引号字段一直延续了超过 ${count(error.value)} 个字符（${cell ? 'Excel 单元格的上限' : '一行的上限'}），可能是引号不配对。`,
        `${file}: the quoted field that opens on line ${count(error.quoteLine)} runs on for more than ${count(error.value)} characters (${what}): an unbalanced quote?`,
      ),
      said(
        `请用文本编辑器查看第 ${count(error.quoteLine)} 行是否有多余的 "，或重新导出文件。`,
        `Look for a stray " on line ${count(error.quoteLine)} in a text editor, or export the file again.`,
      ),
      { file, row: error.quoteLine },
    );
  }
  const hint = said(
    '95598 导出文件远没有这么大：请确认文件没给错、分隔符正确，或重新导出。',
    'A 95598 export is far smaller: check that this is the right file and its delimiter, or export it again.',
  );
  switch (error.limit) {
    case 'columns':
      return new InputError(
        'CSV_LIMIT',
        said(
          `${file}：第 ${line} 行超过 ${count(CSV_LIMITS.columns)} 个字段（Excel 的列数上限），不予读取。`,
          `${file}: line ${line} has more than ${count(CSV_LIMITS.columns)} fields (Excel's limit of columns); the file is refused.`,
        ),
        hint,
        { file, row: error.line },
      );
    case 'fieldChars':
      return new InputError(
        'CSV_LIMIT',
        said(
          `${file}：第 ${line} 行有一个字段超过 ${count(CSV_LIMITS.fieldChars)} 个字符（Excel 单元格的上限），不予读取。`,
          `${file}: line ${line} has a field of more than ${count(CSV_LIMITS.fieldChars)} characters (Excel's limit for a cell); the file is refused.`,
        ),
        hint,
        { file, row: error.line },
      );
    case 'recordChars':
      return new InputError(
        'CSV_LIMIT',
        said(
          `${file}：第 ${line} 行长度超过 ${count(CSV_LIMITS.recordChars)} 个字符（一行的上限），不予读取。`,
          `${file}: the row on line ${line} is longer than ${count(CSV_LIMITS.recordChars)} characters (the limit for one row); the file is refused.`,
        ),
        hint,
        { file, row: error.line },
      );
  }
}

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};

function decodeError(
  source: CsvSource,
  error: UndecodableError,
  parser: CsvParser | null,
): InputError {
  const { file, encoding } = source;
  const name = ENCODING_NAMES[encoding] ?? encoding;
  // The parser has read every character before the bad bytes: its line is theirs.
  const at = parser === null ? 1 : parser.line;
  const line = error.exact ? `line ${count(at)}` : `line ${count(at)} or one after it`;
  const zhLine = error.exact ? `第 ${count(at)} 行` : `第 ${count(at)} 行或其后一行`;
  // Found, not named: a UTF-8 BOM only speaks for the lines before the bad ones.
  const sniffed = !source.forced && (source.bomLength === 0 || encoding === 'utf-8');
  if (at > 1 && sniffed && error.validAs === 'gb18030') {
    return new InputError(
      'CSV_ENCODING',
      said(
        `${file}：${zhLine}不是 UTF-8，而前面各行是；文件混用了两种编码（两份导出拼在了一起？）。`,
        `${file}: ${line} is not UTF-8 though the lines before it are; the file mixes encodings (two exports joined?).`,
      ),
      said(
        '请从该行之前把文件拆开，作为两个输入文件给出（后一份可能是 GB18030），或统一用一种编码重新保存。',
        `Split the file before that line and give the parts as two inputs (the second may be GB18030), or save it again in one encoding.`,
      ),
      { file, row: at },
    );
  }
  if (source.forced && error.validAs !== null && error.validAs !== encoding) {
    // The encoding named is more likely wrong than the file mixed: say what the line reads as.
    const as = error.validAs === 'utf-8' ? 'UTF-8' : 'GB18030';
    return new InputError(
      'CSV_ENCODING',
      said(
        `${file}：${zhLine}不是 ${name}（--encoding ${encoding}），按 ${as} 才能读通。`,
        `${file}: ${line} is not ${name} (--encoding ${encoding}) but reads as ${as}.`,
      ),
      said(
        `请改用 --encoding ${error.validAs} 重新运行，或去掉 --encoding 让程序自动识别。`,
        `Run again with --encoding ${error.validAs}, or without --encoding to let it be found.`,
      ),
      { file, row: at },
    );
  }
  if (at > 1 && error.validAs === 'utf-8') {
    return new InputError(
      'CSV_ENCODING',
      said(
        `${file}：${zhLine}是 UTF-8，而前面各行是 ${name}；文件混用了两种编码（两份导出拼在了一起？）。`,
        `${file}: ${line} is UTF-8 though the lines before it are ${name}; the file mixes encodings (two exports joined?).`,
      ),
      said(
        '请从该行之前把文件拆开，作为两个输入文件给出，或统一用一种编码重新保存。',
        `Split the file before that line and give the parts as two inputs, or save it again in one encoding.`,
      ),
      { file, row: at },
    );
  }
  return new InputError(
    'CSV_ENCODING',
    said(
      `${file}：${zhLine}含有不属于 ${name} 文本的字节；文件已损坏，或是别的编码。`,
      `${file}: ${line} holds bytes that are not ${name} text; the file is damaged or in another encoding.`,
    ),
    source.forced
      ? said(
          `请检查 --encoding ${encoding}：给出文件真正的编码（utf-8、gb18030、utf-16le），或重新导出。`,
          `Check --encoding ${encoding}: name the file's real encoding (utf-8, gb18030, utf-16le), or export it again.`,
        )
      : said(
          '请重新导出，或用 --encoding 指定编码（utf-8、gb18030、utf-16le）。',
          'Export it again, or name its encoding with --encoding (utf-8, gb18030, utf-16le).',
        ),
    { file, row: at },
  );
}
