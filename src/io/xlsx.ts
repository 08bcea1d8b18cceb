/**
 * xlsx reading: the zip's directory first, then the parts in the order they are needed
 * (workbook, its rels, styles, shared strings, then each sheet), each inflated as a stream and
 * scanned as it comes, so a 1,048,575-row sheet is never held whole nor written to disk.
 * Cells are plain values: strings (rich text joined), numbers, booleans, error texts ('#N/A'),
 * and Dates for cells whose number format is a date format, with the wall-clock time in their
 * UTC parts (the 1900 and 1904 date systems).
 *
 * Sheets are offered to the sink visible ones first, in workbook order; `--sheet` picks one.
 */
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { InputError, said, type Said } from '../errors.js';
import { damagedWorkbook, limitError, notUtf8Part } from './xlsx-errors.js';
import { SheetScanner } from './xlsx-sheet.js';
import { SharedStringsScanner } from './xlsx-strings.js';
import { Utf8Feeder, decodeEntities, type TextScanner } from './xml-text.js';
import { ZipArchive, bufferSource, fileSource, type ByteSource, type ZipEntry } from './zip.js';
import type { TableReader, TableSink } from './table.js';

/**
 * The largest part of the bench's 1,048,575-row export (19 columns, texts inline) inflates to
 * 939 MB; 4 GiB is four times that. Shared strings are held in memory, so they get less: a
 * 1,048,575-row export whose every text cell is unique needs about 0.5 GB.
 */
export const DEFAULT_MAX_INFLATED = 4 * 1024 ** 3;
const SHARED_STRINGS_SHARE = 4;
const SMALL_PART_LIMIT = 64 * 1024 * 1024;

export type XlsxInput = { path: string } | { bytes: Buffer };

export interface XlsxOptions {
  sheet: string | null;
  maxInflated?: number;
  /** Above 1, a large workbook on disk is inflated and scanned in a worker thread. */
  threads?: number | null;
}

export function xlsxReader(file: string, input: XlsxInput, options: XlsxOptions): TableReader {
  const notes: string[] = [];
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    notes,
    read: async (sink) => {
      const oneThread = (s: TableSink) => readXlsx(file, input, options, s, notes);
      if (!('path' in input) || (options.threads ?? 1) < 2) return oneThread(sink);
      const size = await stat(input.path).then(
        (info) => info.size,
        () => 0,
      );
      const { readXlsxInWorker, wantXlsxWorker } = await import('../parallel/xlsx-read.js');
      if (!wantXlsxWorker(size, options.threads)) return oneThread(sink);
      const { sheet, maxInflated } = options;
      const job = { file, path: input.path, sheet, maxInflated };
      return readXlsxInWorker(job, sink, notes, oneThread);
    },
  };
}

interface SheetPart {
  name: string;
  /** 1-based position in workbook.xml: what --sheet NUMBER counts. */
  index: number;
  hidden: boolean;
  path: string | null;
}

interface Workbook {
  sheets: SheetPart[];
  /** Chart and dialog sheets, which hold no cells: named when --sheet asks for one. */
  cellless: { name: string; index: number }[];
  date1904: boolean;
  styles: string | null;
  sharedStrings: string | null;
  /** The workbook's relationships, when it has them: what names the parts above. */
  relsPath: string;
  /** Whether those relationships name the styles and shared strings (else the usual paths). */
  named: { styles: boolean; sharedStrings: boolean };
}

async function readXlsx(
  file: string,
  input: XlsxInput,
  options: XlsxOptions,
  sink: TableSink,
  notes: string[],
): Promise<void> {
  const maxInflated = options.maxInflated ?? DEFAULT_MAX_INFLATED;
  let source: ByteSource;
  try {
    source = 'path' in input ? await fileSource(input.path) : bufferSource(input.bytes);
  } catch (error) {
    throw new InputError(
      'FILE_UNREADABLE',
      said(
        `${file}：无法打开（${(error as NodeJS.ErrnoException).code ?? 'error'}）。`,
        `${file}: cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      ),
      said('请检查当前用户是否有读取权限。', 'Check that you may read the file.'),
      { file },
    );
  }
  try {
    const zip = await ZipArchive.open(file, source);
    const parts = new Parts(file, zip, maxInflated);
    try {
      const workbook = await readWorkbook(file, parts);
      await readSheets(file, parts, workbook, options.sheet, sink, notes);
    } finally {
      notes.push(...zip.notes);
    }
  } catch (error) {
    throw asInputError(file, error);
  } finally {
    await source.close();
  }
}

/**
 * Whatever else a damaged file provokes (a read past a buffer's end, an I/O error) still
 * names the file and says what to do, never a JavaScript message.
 */
function asInputError(file: string, error: unknown): unknown {
  if (
    !(error instanceof Error) ||
    error.name === 'InputError' ||
    error.name === 'RejectedRowsError'
  )
    return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new InputError(
      'FILE_UNREADABLE',
      said(`${file}：无法读取（${code}）。`, `${file}: cannot be read (${code}).`),
      said(
        '请检查文件是否存在、当前用户是否有读取权限。',
        'Check that the file exists and that you may read it.',
      ),
      { file },
    );
  }
  if (code === 'ERR_OUT_OF_RANGE' || code === 'ERR_BUFFER_OUT_OF_BOUNDS') {
    return damagedWorkbook(
      file,
      said('zip 结构指向了文件之外', 'its zip structure points outside the file'),
    );
  }
  return error; // a fault of ours: exit 1, with the stack under DEBUG=complaints
}

const notAWorkbook = (file: string) =>
  said(
    `${file}：文件里没有工作表；它是 zip 压缩包，但不是 Excel 工作簿。`,
    `${file}: no worksheet found in the file; it is a zip archive but not an Excel workbook.`,
  );

/** The zip's parts, read whole (small ones) or streamed (sheets), always within the caps. */
class Parts {
  constructor(
    readonly file: string,
    readonly zip: ZipArchive,
    readonly maxInflated: number,
  ) {}

  entry(path: string): ZipEntry | undefined {
    return this.zip.find(path);
  }

  /** The error for a part over its cap: a sheet's is --max-inflated, others' are smaller. */
  overLimit(path: string, limit: number, why?: Said): () => InputError {
    const cap = `--max-inflated ${formatSize(this.maxInflated)}`;
    return () =>
      limitError(
        this.file,
        said(
          `部件 ${path} 解压后超过 ${formatSize(limit)}（${why?.zh ?? cap}）；真正的导出文件没有这么大，疑为 zip 炸弹，不予读取。`,
          `part ${path} inflates to more than ${formatSize(limit)} (${why?.en ?? cap}); no real export is that large, so the file is refused as a likely zip bomb.`,
        ),
        said(
          '如果工作簿确实无误，请调高上限，例如 --max-inflated 16GiB。',
          'If the workbook is genuine, raise the limit, e.g. --max-inflated 16GiB.',
        ),
      );
  }

  async text(path: string): Promise<string | null> {
    const entry = this.entry(path);
    if (!entry) return null;
    const limit = Math.min(SMALL_PART_LIMIT, this.maxInflated);
    const why =
      limit < this.maxInflated
        ? said('工作表以外部件的上限', 'the cap for parts other than sheets')
        : undefined;
    return this.zip.text(entry, limit, this.overLimit(path, limit, why));
  }

  /** Feeds the part's text to a scanner, calling `after` after each chunk (false: stop). */
  async scan(
    path: string,
    entry: ZipEntry,
    limit: number,
    onLimit: () => InputError,
    scanner: TextScanner,
    after: () => boolean = () => true,
  ): Promise<boolean> {
    const notUtf8 = () => this.zip.damaged(notUtf8Part('部件', 'part', path));
    const feeder = new Utf8Feeder(scanner, notUtf8);
    for await (const chunk of this.zip.read(entry, limit, onLimit)) {
      feeder.push(chunk);
      if (!after()) return false; // leaving the loop stops the inflation
    }
    feeder.end();
    return true;
  }
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** Start tags named `name` (any prefix) in a small part, with their attributes decoded. */
function* tags(xml: string, name: string): Generator<Map<string, string>> {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (const match of xml.matchAll(pattern)) {
    const attributes = new Map<string, string>();
    for (const a of match[1]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes.set(a[1]!, decodeEntities(a[2] ?? a[3] ?? ''));
    }
    yield attributes;
  }
}

function byLocalName(attributes: Map<string, string>, local: string): string | undefined {
  for (const [key, value] of attributes) {
    if (key === local || key.endsWith(':' + local)) return value;
  }
  return undefined;
}

/** Relationship targets by id, resolved against the folder of the part they belong to. */
async function relationships(
  parts: Parts,
  part: string,
): Promise<Map<string, { type: string; path: string }>> {
  const folder = posix.dirname(part);
  const xml = await parts.text(relsPathOf(part));
  const map = new Map<string, { type: string; path: string }>();
  if (xml === null) return map;
  for (const rel of tags(xml, 'Relationship')) {
    const id = rel.get('Id');
    const target = rel.get('Target');
    if (!id || !target || rel.get('TargetMode') === 'External') continue;
    const path = target.startsWith('/')
      ? target.slice(1)
      : posix.normalize(posix.join(folder, target)).replace(/^\.\//, '');
    map.set(id, { type: rel.get('Type') ?? '', path });
  }
  return map;
}

const relsPathOf = (part: string) =>
  posix.join(posix.dirname(part), '_rels', posix.basename(part) + '.rels').replace(/^\.\//, '');

const isType = (type: string, name: string) => type.endsWith('/' + name);

async function readWorkbook(file: string, parts: Parts): Promise<Workbook> {
  const root = await relationships(parts, '');
  let workbookPath = 'xl/workbook.xml';
  for (const rel of root.values()) if (isType(rel.type, 'officeDocument')) workbookPath = rel.path;
  const xml = (await parts.text(workbookPath)) ?? (await parts.text('xl/workbook.xml'));
  // The package says where its workbook is and the zip lacks it: damage, not a stray zip.
  if (xml === null && root.size > 0 && parts.entry(workbookPath) === undefined) {
    throw parts.zip.damaged(missingPart(workbookPath, '_rels/.rels', WORKBOOK_PART));
  }
  if (xml === null) {
    throw new InputError(
      'XLSX_CORRUPT',
      notAWorkbook(file),
      said(
        '请提供 .xlsx 或 .csv 格式的 95598 导出文件。',
        'Give the 95598 export as .xlsx or .csv.',
      ),
      { file },
    );
  }
  const rels = await relationships(parts, workbookPath);
  const sheets: SheetPart[] = [];
  const cellless: Workbook['cellless'] = [];
  let position = 0;
  for (const sheet of tags(xml, 'sheet')) {
    position++;
    const rel = rels.get(byLocalName(sheet, 'id') ?? '');
    // Chart sheets and dialog sheets hold no cells.
    if (rel && !isType(rel.type, 'worksheet')) {
      cellless.push({ name: sheet.get('name') ?? `Sheet${position}`, index: position });
      continue;
    }
    sheets.push({
      name: sheet.get('name') ?? `Sheet${position}`,
      index: position,
      hidden: (sheet.get('state') ?? 'visible') !== 'visible',
      path: rel?.path ?? null,
    });
  }
  let date1904 = false;
  for (const pr of tags(xml, 'workbookPr')) {
    const value = pr.get('date1904');
    date1904 = value === '1' || value === 'true';
  }
  let styles: string | null = null;
  let sharedStrings: string | null = null;
  for (const rel of rels.values()) {
    if (isType(rel.type, 'styles')) styles = rel.path;
    if (isType(rel.type, 'sharedStrings')) sharedStrings = rel.path;
  }
  return {
    sheets,
    cellless,
    date1904,
    styles: styles ?? 'xl/styles.xml',
    sharedStrings: sharedStrings ?? 'xl/sharedStrings.xml',
    relsPath: relsPathOf(workbookPath),
    named: { styles: styles !== null, sharedStrings: sharedStrings !== null },
  };
}

const WORKBOOK_PART = said('工作簿', 'the workbook');
const STYLES_PART = said('单元格样式', 'cell styles');
const STRINGS_PART = said('共享字符串', 'shared strings');

/** A part the package's relationships name and its zip directory lacks. */
function missingPart(path: string, relsPath: string, what: Said): Said {
  return said(
    `${relsPath} 所指的部件 ${path}（${what.zh}）在 zip 目录中找不到`,
    `part ${path} (${what.en}), named by ${relsPath}, is not in the zip directory`,
  );
}

/**
 * Styles the workbook names but the zip lacks (a directory that names the part otherwise, or a
 * part lost): the cells are still read, without their number formats, and the note says so.
 * A workbook whose relationships name no styles simply has none: nothing to say.
 */
function missingStylesNote(parts: Parts, workbook: Workbook): string | null {
  const path = workbook.styles;
  if (!workbook.named.styles || path === null || parts.entry(path) !== undefined) return null;
  return `${missingPart(path, workbook.relsPath, STYLES_PART).en}; cells were read without their number formats: dates came as Excel serial numbers (still read as dates where a date is expected) and lost their formats. Save the workbook again in Excel/WPS to repair it.`;
}

// Excel's built-in date and time formats, including the Chinese ones (27–36, 50–58).
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format shows a date when a y/m/d/h/s token stands outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  // "General" has no token letters; scientific 0.00E+00 neither.
  return /[ymdhs]/i.test(bare.replace(/general/gi, ''));
}

/** Per cellXfs index, 1 when the style's number format is a date format. */
async function readDateStyles(parts: Parts, path: string | null): Promise<Uint8Array> {
  const xml = path === null ? null : await parts.text(path);
  if (xml === null) return new Uint8Array(0);
  const custom = new Map<number, string>();
  for (const format of tags(xml, 'numFmt')) {
    custom.set(Number(format.get('numFmtId')), format.get('formatCode') ?? '');
  }
  const start = xml.search(/<(?:[\w.-]+:)?cellXfs[\s>]/);
  if (start < 0) return new Uint8Array(0);
  const end = xml.search(/<\/(?:[\w.-]+:)?cellXfs>/);
  const ids: number[] = [];
  for (const xf of tags(xml.slice(start, end < 0 ? undefined : end), 'xf')) {
    ids.push(Number(xf.get('numFmtId') ?? 0));
  }
  const dateStyles = new Uint8Array(ids.length);
  ids.forEach((id, i) => {
    const code = custom.get(id);
    dateStyles[i] = (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id))
      ? 1
      : 0;
  });
  return dateStyles;
}

async function readSharedStrings(parts: Parts, path: string | null): Promise<string[]> {
  const entry = path === null ? undefined : parts.entry(path);
  if (!entry || path === null) return [];
  const scanner = new SharedStringsScanner(parts.file);
  // Shared strings stay in memory for the whole sheet: a smaller cap than streamed parts.
  const limit = Math.floor(parts.maxInflated / SHARED_STRINGS_SHARE);
  const why = said(
    `--max-inflated ${formatSize(parts.maxInflated)} 的四分之一：共享字符串要放在内存里`,
    `a quarter of --max-inflated ${formatSize(parts.maxInflated)}: shared strings are held in memory`,
  );
  await parts.scan(path, entry, limit, parts.overLimit(path, limit, why), scanner);
  return scanner.strings;
}

function matchesSheet(wanted: string, sheet: { name: string; index: number }): boolean {
  if (/^\d+$/.test(wanted)) return Number(wanted) === sheet.index;
  return wanted.normalize('NFKC').trim() === sheet.name.normalize('NFKC').trim();
}

async function readSheets(
  file: string,
  parts: Parts,
  workbook: Workbook,
  wanted: string | null,
  sink: TableSink,
  notes: string[],
): Promise<void> {
  if (workbook.sheets.length === 0) {
    throw new InputError(
      'XLSX_CORRUPT',
      notAWorkbook(file),
      said(
        '请提供 .xlsx 或 .csv 格式的 95598 导出文件。',
        'Give the 95598 export as .xlsx or .csv.',
      ),
      { file },
    );
  }
  const chosen =
    wanted === null
      ? [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)]
      : workbook.sheets.filter((s) => matchesSheet(wanted, s)).slice(0, 1);
  const chart =
    wanted === null ? undefined : workbook.cellless.find((s) => matchesSheet(wanted, s));
  if (chosen.length === 0 && chart !== undefined) {
    throw new InputError(
      'SHEET_NOT_FOUND',
      said(
        `${file}：第 ${chart.index} 个工作表 ${chart.name} 是图表，没有单元格。可读的工作表：${workbook.sheets.map((s) => s.name).join('、')}。`,
        `${file}: sheet ${chart.index}, ${chart.name}, is a chart and holds no cells. Sheets with cells: ${workbook.sheets.map((s) => s.name).join(', ')}.`,
      ),
      said(
        '请用 --sheet 名称 或 --sheet 序号（1 为第一个）指定工作表。',
        'Name a sheet with --sheet NAME or --sheet NUMBER (1 = the first).',
      ),
      { file },
    );
  }
  if (chosen.length === 0) {
    throw new InputError(
      'SHEET_NOT_FOUND',
      said(
        `${file}：没有工作表 '${wanted}'。现有工作表：${workbook.sheets.map((s) => s.name).join('、')}。`,
        `${file}: no sheet '${wanted}'. Sheets: ${workbook.sheets.map((s) => s.name).join(', ')}.`,
      ),
      said(
        '请用 --sheet 名称 或 --sheet 序号（1 为第一个）指定工作表。',
        'Name a sheet with --sheet NAME or --sheet NUMBER (1 = the first).',
      ),
      { file },
    );
  }
  const stylesNote = missingStylesNote(parts, workbook);
  if (stylesNote !== null && !notes.includes(stylesNote)) notes.push(stylesNote);
  const dateStyles = await readDateStyles(parts, workbook.styles);
  const sharedStrings = await readSharedStrings(parts, workbook.sharedStrings);
  // Essential when a cell refers to one: the sheet's error then names the part that is missing.
  const stringsPath = workbook.sharedStrings;
  const missingStrings =
    workbook.named.sharedStrings && stringsPath !== null && !parts.entry(stringsPath)
      ? missingPart(stringsPath, workbook.relsPath, STRINGS_PART)
      : null;
  for (const sheet of chosen) {
    const entry = sheet.path === null ? undefined : parts.entry(sheet.path);
    if (!entry || sheet.path === null) {
      throw parts.zip.damaged(
        said(
          `工作表 ${sheet.name}（${sheet.path ?? '无部件'}）缺失`,
          `sheet ${sheet.name} (${sheet.path ?? 'no part'}) is missing`,
        ),
      );
    }
    sink.begin({ sheet: sheet.name, sheetIndex: sheet.index });
    const scanner = new SheetScanner({
      file,
      sheet: sheet.name,
      sharedStrings,
      missingStrings,
      dateStyles,
      date1904: workbook.date1904,
    });
    let taken = true;
    const delivered = () => {
      const rows = scanner.take();
      if (rows.length > 0 && taken) taken = sink.rows(rows);
      return taken;
    };
    const onLimit = parts.overLimit(sheet.path, parts.maxInflated);
    if (await parts.scan(sheet.path, entry, parts.maxInflated, onLimit, scanner, delivered)) {
      delivered();
    }
    // The sink may only decide at the end of a short sheet that it holds no header.
    if (sink.end() || wanted !== null) {
      // Only of the sheet read as the table: a sheet left for the next one is not the user's.
      const order = scanner.outOfOrderNote();
      if (order !== null) notes.push(order);
      return;
    }
  }
}
