/** One input's rows, from its reader's tables to work orders, rejects and its summary. */
import { InputError, said } from '../errors.js';
import { zhRejectReason } from './reject-reasons.js';
import type { FieldBatch } from '../io/csv-fields.js';
import type { BrokenRow, RawRow, TableInfo, TableSink } from '../io/table.js';
import {
  HEADER_SEARCH_ROWS,
  checkMapping,
  findHeader,
  type FoundHeader,
} from '../schema/header.js';
import { TextCache } from '../schema/values.js';
import { ColumnMap, describeColumns, type HeaderState } from './column-map.js';
import { PartialBuilder, type IngestPartial } from './partial.js';
import { CellRow, OffsetRow } from './row-fields.js';
import { RowNormaliser, type OrderSink } from './row-normaliser.js';
import { dayOf } from '../metrics/calendar.js';
import { RowNotes, isBlankRow } from './row-notes.js';
import type { InputHeader } from './summary.js';
import { targetsAsExport, targetsHeader } from './targets-sniff.js';
import { titleDates, type TitleDates } from './title.js';
import type { IngestSettings, InputSummary } from './types.js';

export type { HeaderState } from './column-map.js';

/** Rows looked at for a targets file's header (its title rows are few). */
const TARGETS_SEARCH_ROWS = 20;

/**
 * A first estimate of a CSV record's bytes, for the rows a range of bytes holds (the id index is
 * made that big at once: PartialBuilder). A 95598 export's record is 350–400 bytes in UTF-8;
 * longer records mean fewer rows than estimated (memory made room for, never touched), shorter
 * ones an index that grows as before from the estimate on.
 */
const RECORD_BYTES = 400;

/** Where an input's rows go: partial aggregates, opened and closed in row order. */
export interface PartialSink extends OrderSink {
  /** A partial starts: the rows until it is closed belong to it. */
  open(partial: PartialBuilder): void;
  /** Each usable row; `entry` is the partial's (local) de-duplication entry, -1 without an id. */
  close(partial: IngestPartial): void;
}

/** The row path of an input whose header is known. */
interface RowPath {
  normaliser: RowNormaliser;
  notes: RowNotes;
  cellRow: CellRow;
  offsetRow: OffsetRow;
}

/**
 * Receives one input's tables from its reader, finds the header and hands each row after it to
 * the row path (row-normaliser.ts), counted in partial aggregates: one for the whole input,
 * unless `splitBefore` asks for a new one before a row (tests of the merge) — byte ranges of a
 * CSV read apart each have their own TableIngest (src/parallel/). `bytes`: the CSV bytes its
 * rows take, when known (0: not), for the estimate of their number.
 */
export class TableIngest implements TableSink {
  /** Rows held until the header is found; broken rows keep their place among them. */
  private pending: (RawRow | BrokenRow)[] = [];
  private header: FoundHeader | null = null;
  private headerRow: number | null = null;
  /** What the rows above the header say about the dates the export covers. */
  private title: TitleDates | null = null;
  private sheet: string | null = null;
  /** Why the best header candidate so far was refused (a missing column): said if no other is found. */
  private mappingError: InputError | null = null;
  /** The error for a targets file given as an export, once a row reads as its header. */
  private targetsLike: InputError | null = null;
  private readonly texts = new TextCache();
  private columns: InputSummary['columns'] = [];
  private unmapped: string[] = [];
  private isCsv = true;
  /** The partial being filled. */
  private part: PartialBuilder;
  /** Control characters removed before the partial began. */
  private controlsBefore = 0;
  /** A row with anything in it came before the header was found: else the file is empty. */
  private content = false;
  /** Rows (data, rejected or skipped) the partial has seen. */
  private partialRows = 0;
  /** Once the header is found. */
  private path: RowPath | null = null;

  constructor(
    private readonly file: string,
    private readonly input: number,
    private readonly settings: IngestSettings,
    private readonly complaintTypes: ReadonlySet<string>,
    private readonly sink: PartialSink,
    private readonly splitBefore: ((row: number) => boolean) | null = null,
    bytes = 0,
  ) {
    this.part = new PartialBuilder(input, complaintTypes, Math.floor(bytes / RECORD_BYTES));
    sink.open(this.part);
  }

  private closePartial(): void {
    this.part.counts.controls = this.texts.count.controls - this.controlsBefore;
    this.controlsBefore = this.texts.count.controls;
    this.sink.close(this.part.finish());
  }

  private splitIfAsked(row: number): void {
    if (this.splitBefore !== null && this.partialRows > 0 && this.splitBefore(row)) {
      this.partialRows = 0;
      this.closePartial();
      this.part = new PartialBuilder(this.input, this.complaintTypes);
      this.sink.open(this.part);
      this.path!.normaliser.use(this.part);
    }
    this.partialRows++;
  }

  begin(table: TableInfo): void {
    this.pending = [];
    this.sheet = table.sheet;
    this.isCsv = table.sheet === null;
  }

  rows(batch: RawRow[]): boolean {
    if (this.path === null) {
      for (const row of batch) this.pending.push(row);
      this.content ||= batch.some((row) => !isBlankRow(row.cells));
      if (this.pending.length < HEADER_SEARCH_ROWS) return true;
      return this.locateHeader();
    }
    for (const row of batch) this.row(row);
    return true;
  }

  /** A row of cells, on the row path (a CSV's as offsets: OffsetRow.ofCells). */
  private row(raw: RawRow): void {
    const path = this.path!;
    this.splitIfAsked(raw.row);
    path.normaliser.normalise(this.isCsv ? path.offsetRow.ofCells(raw) : path.cellRow.at(raw));
  }

  /** CSV records as offsets (src/io/csv-fields.ts); those it keeps as strings are rows of cells. */
  fieldRows(batch: FieldBatch, from: number, to: number): boolean {
    const path = this.path;
    if (path === null) return this.rows(batch.rawRows(from, to));
    const offsets = path.offsetRow.of(batch);
    const normaliser = path.normaliser;
    for (let k = from; k < to; k++) {
      const slow = batch.slowAt(k);
      if (slow !== null) {
        this.row(slow);
        offsets.of(batch);
      } else {
        this.splitIfAsked(batch.rows[k]!);
        normaliser.normalise(offsets.at(k));
      }
    }
    return true;
  }

  broken(row: BrokenRow): void {
    if (this.path === null) {
      this.pending.push(row);
      this.content = true;
      return;
    }
    this.splitIfAsked(row.row);
    this.path.notes.reject(row.row, row.code, row.reason);
  }

  end(): boolean {
    if (this.path === null && this.pending.length > 0) this.locateHeader();
    return this.path !== null;
  }

  /** Looks for the header in the rows held so far; false when this table has none. */
  private locateHeader(): boolean {
    const found = findHeader(
      this.pending.map((r) => ('code' in r ? { row: r.row, cells: r.cells ?? [] } : r)),
      this.settings.map,
    );
    const rows = this.pending;
    this.pending = [];
    if (this.targetsLike === null) {
      for (const row of rows.slice(0, TARGETS_SEARCH_ROWS)) {
        const headers = 'code' in row ? null : targetsHeader(row.cells);
        if (headers) {
          this.targetsLike = targetsAsExport(this.file, row.row, headers);
          break;
        }
      }
    }
    if (!found) return false;
    const header = rows[found.index]!;
    const headerRow = header.row;
    if ('code' in header) {
      // A quote problem in the header line shifts its columns and swallows the lines after it:
      // no mapping of it can be trusted.
      throw new InputError(
        'FILE_UNUSABLE',
        said(
          `${this.file}：第 ${headerRow} 行的表头无法拆分成列：${zhRejectReason(header.reason)}。`,
          `${this.file}: the header on line ${headerRow} cannot be split into columns: ${header.reason}.`,
        ),
        said(
          '请用文本编辑器删掉表头行里多余的 "，或重新导出文件。',
          'Remove the stray " from the header line in a text editor, or export the file again.',
        ),
        { file: this.file, row: headerRow },
      );
    }
    try {
      checkMapping(this.file, headerRow, found, this.settings.map);
    } catch (error) {
      // Another sheet may hold the real header; if none does, this is the message.
      this.mappingError ??= error as InputError;
      return false;
    }
    const title = titleDates(rows.slice(0, found.index).map((r) => r.cells ?? []));
    this.useHeader({ header: found, headerRow, title, ...describeColumns(found) }, this.isCsv);
    for (let i = found.index + 1; i < rows.length; i++) {
      const row = rows[i]!;
      if ('code' in row) this.broken(row);
      else this.row(row);
    }
    return true;
  }

  /** The row path, from the header found. */
  private useHeader(state: HeaderState, isCsv: boolean): void {
    this.header = state.header;
    this.headerRow = state.headerRow;
    this.title = state.title;
    this.columns = state.columns;
    this.unmapped = state.unmapped;
    const columns = new ColumnMap(state.header, this.settings.naming);
    const notes = new RowNotes(this.file, this.part);
    const normaliser = new RowNormaliser(
      this.input,
      columns,
      this.texts,
      notes,
      this.part,
      this.sink,
      isCsv,
      state.headerRow,
      this.settings.today ?? dayOf(new Date()),
    );
    this.path = {
      normaliser,
      notes,
      cellRow: new CellRow(normaliser),
      offsetRow: new OffsetRow(normaliser),
    };
  }

  /** Whether the header has been found (src/parallel: the main thread finds it first). */
  get located(): boolean {
    return this.path !== null;
  }

  /** What the header search found, as plain data, for the readers of a CSV's later byte ranges. */
  headerState(): HeaderState {
    return {
      header: this.header!,
      headerRow: this.headerRow!,
      title: this.title,
      columns: this.columns,
      unmapped: this.unmapped,
    };
  }

  /**
   * Reads on after the header another TableIngest found: the rows of a later byte range of a
   * CSV (src/parallel/), as if this one had found it.
   */
  adoptHeader(state: HeaderState): void {
    this.isCsv = true;
    this.sheet = null;
    this.useHeader(state, true);
  }

  /** Ends the input: closes its last partial and says what its reader and header search found. */
  finish(reader: {
    format: 'csv' | 'xlsx';
    encoding: string | null;
    delimiter: string | null;
    notes: string[];
  }): InputHeader {
    // A targets file has no usable header: say what it is rather than which column it lacks.
    if (this.header === null && this.targetsLike) throw this.targetsLike;
    if (this.header === null && this.mappingError) throw this.mappingError;
    if (this.header === null && !this.content) throw emptyInput(this.file, reader.format);
    if (this.header === null) {
      const names = ['受理时间', '供电单位', '工单编号', '业务类型'];
      const looked = names.join(', ');
      const xlsx = reader.format === 'xlsx';
      throw new InputError(
        'NO_HEADER',
        said(
          `${this.file}：${xlsx ? '所有工作表的' : ''}前 ${HEADER_SEARCH_ROWS} 行里都找不到表头行（找的是 ${names.join('、')} 这样的列名）。`,
          `${this.file}: no header row found in the first ${HEADER_SEARCH_ROWS} rows${xlsx ? ' of any sheet' : ''} (looked for column names such as ${looked}).`,
        ),
        said(
          '请确认这是 95598 工单导出文件；列名不同时请用 --map 字段=表头 指定。',
          'Check that this is a 95598 work-order export; name its columns with --map field=HEADER.',
        ),
        { file: this.file },
      );
    }
    this.closePartial();
    return {
      input: this.input,
      file: this.file,
      format: reader.format,
      encoding: reader.encoding,
      delimiter: reader.delimiter,
      sheet: this.sheet,
      headerRow: this.headerRow!,
      title: this.title,
      columns: this.columns,
      unmapped: this.unmapped,
      notes: reader.notes,
    };
  }
}

/**
 * A text input with nothing but blank lines, or only a byte-order mark (what Excel saves as "CSV
 * UTF-8" from an empty sheet), or a workbook whose sheets are all empty: said as empty, like a
 * file of 0 bytes, rather than as a file whose header was not found.
 */
function emptyInput(file: string, format: 'csv' | 'xlsx'): InputError {
  return new InputError(
    'NO_HEADER',
    format === 'xlsx'
      ? said(
          `${file}：工作簿的每个工作表都是空的，没有表头，也没有数据。`,
          `${file}: every sheet of the workbook is empty: no header, no data.`,
        )
      : said(
          `${file}：文件里没有任何内容（至多是空行），既没有表头，也没有数据。`,
          `${file}: the file holds nothing (blank lines at most): no header, no data.`,
        ),
    said(
      '请重新导出工单：可能导出时没有选中数据，或下载没有成功。',
      'Export the work orders again: the export may have selected nothing, or the download failed.',
    ),
    { file },
  );
}
