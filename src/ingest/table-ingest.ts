/** One input's rows, from its reader's tables to work orders, rejects and its summary. */
import { InputError } from '../errors.js';
import type { FieldBatch } from '../io/csv-fields.js';
import type { BrokenRow, Cell, RawRow, TableInfo, TableSink } from '../io/table.js';
import { FIELDS, type Field } from '../schema/fields.js';
import { HEADER_SEARCH_ROWS, checkMapping, findHeader } from '../schema/header.js';
import {
  TextCache,
  cellText,
  cleanText,
  detach,
  parseAppeal,
  parseDate,
  parseFlag,
  parseIsoAt,
  parseSubstantiated,
  visible,
  type LocalTime,
} from '../schema/values.js';
import { callbackOf, flagOf, minuteOf } from './compare.js';
import {
  DIGEST_SEED,
  NEW,
  digestNumber,
  digestSample,
  digestSampleAt,
  digestText,
} from './dedup.js';
import { ColumnIntern } from './field-intern.js';
import { InputNaming, type CodedField } from './naming.js';
import { PartialBuilder, type IngestPartial, type RowCounts } from './partial.js';
import type { InputHeader } from './summary.js';
import { targetsAsExport, targetsHeader } from './targets-sniff.js';
import { titleDates, type TitleDates } from './title.js';
import {
  BLANK_TYPE,
  FIRST_ROWS,
  type IngestSettings,
  type InputSummary,
  type OrderHandler,
  type RejectCode,
  type WorkOrder,
} from './types.js';

/** Rows looked at for a targets file's header (its title rows are few). */
const TARGETS_SEARCH_ROWS = 20;
const CONTENT_SAMPLE = 32;

const TOTAL_WORDS = new Set(['合计', '总计', '小计', '总合计', '合计数']);

export function isTotalRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) {
    // Every total word ends in 计; checking for it first keeps this cheap on every row.
    if (typeof cell !== 'string' || cell.length > 12 || !cell.includes('计')) continue;
    const word = cell.replace(/[\s:：]/g, '');
    if (TOTAL_WORDS.has(word)) return true;
  }
  return false;
}

/**
 * A work order of another type that reads like a complaint: its text opens with 投诉 (【投诉】,
 * [投诉], 投诉：) or it carries a complaint class (服务投诉 …). Systems that export business types
 * as codes still write these, which tells which code means complaint.
 */
function looksLikeComplaint(o: { content: string | null; level1: string | null }): boolean {
  return (
    (o.content !== null && opensWithComplaint(o.content)) ||
    (o.level1 !== null && o.level1.endsWith('投诉'))
  );
}

const TOU = '投'.charCodeAt(0);
const SU = '诉'.charCodeAt(0);

/** Whether 投诉 lies within the first six characters (as `slice(0, 6).includes`, without a copy). */
export function opensWithComplaint(text: string): boolean {
  const last = Math.min(text.length, 6) - 1;
  for (let i = 0; i < last; i++)
    if (text.charCodeAt(i) === TOU && text.charCodeAt(i + 1) === SU) return true;
  return false;
}

/** looksLikeComplaint of an order whose text is field `cf` of a batch of offsets. */
function fieldLooksLike(o: { level1: string | null }, b: FieldBatch, cf: number): boolean {
  if (cf >= 0) {
    const start = b.starts[cf]!;
    const end = b.ends[cf]!;
    if (end < 0 ? opensWithComplaint(b.field(cf)) : opensWithComplaintAt(b.text, start, end))
      return true;
  }
  return o.level1 !== null && o.level1.endsWith('投诉');
}

/** opensWithComplaint of text[start, end). */
function opensWithComplaintAt(text: string, start: number, end: number): boolean {
  const last = start + Math.min(end - start, 6) - 1;
  for (let i = start; i < last; i++)
    if (text.charCodeAt(i) === TOU && text.charCodeAt(i + 1) === SU) return true;
  return false;
}

/** The cells of an order whose sink reads none. */
const NO_CELLS: readonly Cell[] = Object.freeze([]);

function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) {
    if (cell === null) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

/** What a CSV's header search found, as plain data (TableIngest.headerState). */
export interface HeaderState {
  header: NonNullable<ReturnType<typeof findHeader>>;
  headerRow: number;
  title: TitleDates | null;
  columns: InputSummary['columns'];
  unmapped: string[];
}

/** Where an input's rows go: partial aggregates, opened and closed in row order. */
export interface PartialSink {
  /** A partial starts: the rows until it is closed belong to it. */
  open(partial: PartialBuilder): void;
  /** Each usable row; `entry` is the partial's (local) de-duplication entry, -1 without an id. */
  order: OrderHandler;
  close(partial: IngestPartial): void;
  /**
   * True when `order` ignores the work orders (inspect): the CSV rows read as offsets then make
   * no strings of the cells and the long text, which nothing reads.
   */
  skipsOrders?: boolean;
  /** True when nothing reads the orders' `cells` (the row as read): they are then not made. */
  skipsCells?: boolean;
}

/**
 * Receives one input's tables from its reader and turns rows into work orders, counted in
 * partial aggregates: one for the whole input, unless `splitBefore` asks for a new one before a
 * row (tests of the merge; later, byte ranges read apart).
 */
export class TableIngest implements TableSink {
  /** Rows held until the header is found; broken rows keep their place among them. */
  private pending: (RawRow | BrokenRow)[] = [];
  private header: ReturnType<typeof findHeader> = null;
  private headerRow: number | null = null;
  /** What the rows above the header say about the dates the export covers. */
  private title: TitleDates | null = null;
  private sheet: string | null = null;
  private col: Record<Field, number> = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<
    Field,
    number
  >;
  private width = 0;
  /** Why the best header candidate so far was refused (a missing column): said if no other is found. */
  private mappingError: InputError | null = null;
  /** The error for a targets file given as an export, once a row reads as its header. */
  private targetsLike: InputError | null = null;
  private readonly texts = new TextCache();
  private columns: InputSummary['columns'] = [];
  private unmapped: string[] = [];
  private hasType = false;
  private isCsv = true;
  /** The partial being filled, and its counts. */
  private part: PartialBuilder;
  private counts: RowCounts;
  /** Control characters removed before the partial began. */
  private controlsBefore = 0;
  /** Names for the units and coded values, when a units file or a code table is given. */
  private naming: InputNaming | null = null;

  constructor(
    private readonly file: string,
    private readonly input: number,
    private readonly settings: IngestSettings,
    private readonly complaintTypes: ReadonlySet<string>,
    private readonly sink: PartialSink,
    private readonly splitBefore: ((row: number) => boolean) | null = null,
  ) {
    this.part = new PartialBuilder(input, complaintTypes);
    this.counts = this.part.counts;
    sink.open(this.part);
  }

  private closePartial(): void {
    this.counts.controls = this.texts.count.controls - this.controlsBefore;
    this.controlsBefore = this.texts.count.controls;
    this.sink.close(this.part.finish());
  }

  /** Rows (data, rejected or skipped) the partial has seen. */
  private partialRows = 0;

  private splitIfAsked(row: number): void {
    if (this.splitBefore !== null && this.partialRows > 0 && this.splitBefore(row))
      this.nextPartial();
    this.partialRows++;
  }

  private nextPartial(): void {
    this.partialRows = 0;
    this.closePartial();
    this.part = new PartialBuilder(this.input, this.complaintTypes);
    this.counts = this.part.counts;
    this.sink.open(this.part);
  }

  begin(table: TableInfo): void {
    this.pending = [];
    this.sheet = table.sheet;
    this.isCsv = table.sheet === null;
  }

  rows(batch: RawRow[]): boolean {
    if (this.header === null) {
      for (const row of batch) this.pending.push(row);
      if (this.pending.length < HEADER_SEARCH_ROWS) return true;
      return this.locateHeader();
    }
    for (const row of batch) this.processRow(row);
    return true;
  }

  /** CSV records as offsets (src/io/csv-fields.ts): ordinary rows take fieldRow's path. */
  fieldRows(batch: FieldBatch, from: number, to: number): boolean {
    if (this.header === null) return this.rows(batch.rawRows(from, to));
    const width = this.width;
    for (let k = from; k < to; k++) {
      const slow = batch.slowAt(k);
      if (slow !== null) this.processRow(slow);
      else if (batch.last[k]! - batch.first[k]! !== width || this.texts.garbled.size > 0)
        this.processRow({ row: batch.rows[k]!, cells: batch.cells(k) });
      else this.fieldRow(batch, k);
    }
    return true;
  }

  broken(row: BrokenRow): void {
    if (this.header === null) {
      this.pending.push(row);
      return;
    }
    this.splitIfAsked(row.row);
    this.counts.rows++;
    this.reject(row.row, row.code, row.reason);
  }

  end(): boolean {
    if (this.header === null && this.pending.length > 0) this.locateHeader();
    return this.header !== null;
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
        `${this.file}: the header on line ${headerRow} cannot be split into columns: ${header.reason}.`,
        'Remove the stray " from the header line in a text editor, or export the file again.',
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
    this.header = found;
    this.headerRow = headerRow;
    this.title = titleDates(rows.slice(0, found.index).map((r) => r.cells ?? []));
    this.width = found.headers.length;
    this.lastRow = headerRow;
    for (const field of FIELDS) this.col[field] = found.columns[field] ?? -1;
    this.hasType = this.col.businessType >= 0;
    if (this.settings.naming)
      this.naming = new InputNaming(this.settings.naming, (f) =>
        this.col[f] < 0 ? null : found.headers[this.col[f]]!,
      );
    this.columns = FIELDS.filter((f) => found.columns[f] !== undefined).map((field) => ({
      header: detach(visible(found.headers[found.columns[field]!]!)),
      field,
      column: found.columns[field]! + 1,
    }));
    this.unmapped = found.unmapped.map((header) => detach(visible(header)));
    for (let i = found.index + 1; i < rows.length; i++) {
      const row = rows[i]!;
      if ('code' in row) this.broken(row);
      else this.processRow(row);
    }
    return true;
  }

  /**
   * The text of the cell in column `at` (-1: no such column). The helpers below take the
   * column's index, read once per row from `col`, not the field's name: a keyed load on every
   * call cost more than the lookups it served.
   */
  private text(cells: readonly Cell[], at: number): string {
    if (at < 0) return '';
    const cell = cells[at];
    if (typeof cell === 'string') return cell;
    return cell === undefined || cell === null ? '' : cellText(cell);
  }

  /** Short categorical values: trimmed, NFKC, without control characters, memoised. */
  private category(cells: readonly Cell[], at: number, field: Field): string | null {
    return this.categoryOf(this.text(cells, at), field);
  }

  /** `category` of a cell's text. */
  private categoryOf(raw: string, field: Field): string | null {
    if (raw === '') return null;
    const count = this.texts.count;
    const before = count.controls;
    const clean = this.texts.clean(raw);
    if (count.controls !== before) this.counts.firstControl ??= { row: this.currentRow, field };
    return clean === '' ? null : clean;
  }

  /** A coded column's value: named by the code table (--codes) when it has the code. */
  private coded(cells: readonly Cell[], at: number, field: CodedField): string | null {
    const value = this.category(cells, at, field);
    return this.naming ? this.naming.value(field, value) : value;
  }

  /** Values that are mostly distinct (ids, customer numbers, phones): cleaned, not memoised. */
  private plain(cells: readonly Cell[], at: number, field: Field): string {
    return this.plainOf(this.text(cells, at), field);
  }

  /** `plain` of a cell's text. */
  private plainOf(raw: string, field: Field): string {
    if (raw === '') return '';
    const count = this.texts.count;
    const before = count.controls;
    const clean = cleanText(raw, count);
    if (count.controls !== before) this.counts.firstControl ??= { row: this.currentRow, field };
    return clean;
  }

  private optionalTime(cells: readonly Cell[], at: number, field: Field): LocalTime | null {
    if (at < 0) return null;
    const cell = cells[at];
    if (cell === undefined || cell === null || cell === '') return null;
    const time = parseDate(cell);
    if (time === null) this.unrecognised(field, cellText(cell));
    return time;
  }

  private processRow(raw: RawRow): void {
    const cells = raw.cells;
    const col = this.col;
    this.splitIfAsked(raw.row);
    // The xlsx reader emits the rows a sheet holds: a gap in the row numbers is blank rows.
    if (!this.isCsv && raw.row > this.lastRow + 1)
      this.counts.skipped.blank += raw.row - this.lastRow - 1;
    this.lastRow = raw.row;
    this.currentRow = raw.row;
    if (this.isCsv && cells.length !== this.width) {
      this.rejectUnlessSkipped(
        raw,
        'ragged',
        `the row has ${cells.length} fields where the header has ${this.width}`,
      );
      return;
    }
    const acceptedCell = cells[this.col.acceptedAt] ?? null;
    const acceptedHeader = this.header!.headers[this.col.acceptedAt]!;
    if (acceptedCell === null || (typeof acceptedCell === 'string' && acceptedCell.trim() === '')) {
      this.rejectUnlessSkipped(raw, 'date-missing', `${acceptedHeader} is empty`);
      return;
    }
    const acceptedAt = parseDate(acceptedCell);
    if (acceptedAt === null) {
      const shown = cellText(acceptedCell).trim();
      this.rejectUnlessSkipped(raw, 'date-invalid', `${acceptedHeader} '${shown}' is not a date`);
      return;
    }
    const written = this.category(cells, col.unit, 'unit');
    if (written === null) {
      this.rejectUnlessSkipped(
        raw,
        'unit-empty',
        `${this.header!.headers[this.col.unit]} is empty`,
      );
      return;
    }
    const businessType = this.hasType
      ? (this.category(cells, col.businessType, 'businessType') ?? BLANK_TYPE)
      : null;
    const level1 = this.category(cells, col.level1, 'level1');
    const level2 = this.category(cells, col.level2, 'level2');
    const level3 = this.category(cells, col.level3, 'level3');
    if (
      this.texts.garbled.size > 0 &&
      this.rejectGarbled(raw, { unit: written, businessType, level1, level2, level3 })
    )
      return;
    const unit = this.naming ? this.naming.unit(written) : written;
    const counts = this.counts;
    const part = this.part;
    counts.rows++;
    const typeId = part.typeId(businessType ?? '投诉');
    const isComplaint = businessType === null || part.complaintTypeIds.has(typeId);

    const substantiatedText = this.category(cells, col.substantiated, 'substantiated') ?? '';
    let substantiated = parseSubstantiated(substantiatedText);
    if (substantiated === undefined) {
      this.unrecognised('substantiated', substantiatedText);
      substantiated = null;
    }
    const appealText = this.category(cells, col.appealResult, 'appealResult') ?? '';
    let appeal = parseAppeal(appealText);
    if (appeal === undefined) {
      this.unrecognised('appealResult', appealText);
      appeal = 'none';
    }
    const escalatedText = this.category(cells, col.escalated, 'escalated') ?? '';
    let escalated = parseFlag(escalatedText);
    if (escalated === undefined) {
      this.unrecognised('escalated', escalatedText);
      escalated = null;
    }
    const idText = this.plain(cells, col.id, 'id');
    const order: WorkOrder = {
      input: this.input,
      row: raw.row,
      id: idText === '' ? null : idText,
      acceptedAt,
      unit,
      businessType,
      isComplaint,
      content: this.text(cells, col.content) || null,
      level1,
      level2,
      level3,
      customerId: this.plain(cells, col.customerId, 'customerId') || null,
      phone: this.plain(cells, col.phone, 'phone') || null,
      substantiated,
      appeal,
      closedAt: this.optionalTime(cells, col.closedAt, 'closedAt'),
      repliedAt: this.optionalTime(cells, col.repliedAt, 'repliedAt'),
      satisfaction: this.category(cells, col.satisfaction, 'satisfaction'),
      department: this.coded(cells, col.department, 'department'),
      city: this.coded(cells, col.city, 'city'),
      escalated,
      severity: this.coded(cells, col.severity, 'severity'),
      channel: this.coded(cells, col.channel, 'channel'),
      urbanRural: this.coded(cells, col.urbanRural, 'urbanRural'),
      customerType: this.coded(cells, col.customerType, 'customerType'),
      station: this.coded(cells, col.station, 'station'),
      address: this.plain(cells, col.address, 'address') || null,
      cells,
      headers: this.header!.headers,
    };

    const digest = order.id === null ? 0 : this.rowDigest(order);
    this.counted(order, written, typeId, isComplaint, digest, null, -1);
  }

  /**
   * The end of processRow and fieldRow: the order identified, counted, handed on. `b` and `cf`:
   * the batch and field of the long text when the order carries none (the sink skips orders).
   */
  private counted(
    order: WorkOrder,
    written: string,
    typeId: number,
    isComplaint: boolean,
    digest: number,
    b: FieldBatch | null,
    cf: number,
  ): void {
    const counts = this.counts;
    const part = this.part;
    const acceptedAt = order.acceptedAt;
    const entry = part.identify(order.id, digest);
    const occurrence = entry < 0 ? NEW : part.index.occurrence;
    part.count(typeId, entry);
    const typeKey = order.businessType ?? '投诉';
    counts.byType[typeKey] = (counts.byType[typeKey] ?? 0) + 1;
    if (!isComplaint && (b === null ? looksLikeComplaint(order) : fieldLooksLike(order, b, cf)))
      counts.complaintLike[typeKey] = (counts.complaintLike[typeKey] ?? 0) + 1;
    // As written: inspect shows the spellings, and the notes on --units tell which are unknown.
    counts.units[written] = (counts.units[written] ?? 0) + 1;
    if (isComplaint) counts.complaints++;
    const ms = acceptedAt.ms;
    if (counts.firstMs === null || ms < counts.firstMs) counts.firstMs = ms;
    if (counts.lastMs === null || ms > counts.lastMs) counts.lastMs = ms;
    const day = acceptedAt.dayIndex;
    counts.days.set(day, (counts.days.get(day) ?? 0) + 1);
    this.sink.order(order, entry, occurrence);
  }

  private currentRow = 0;
  private lastRow = 0;

  /** Per column, its categorical values as offsets find them (field-intern.ts). */
  private interns: ColumnIntern[] = [];

  /** `category` of field `at` of record k (-1: no such column) read from the offsets. */
  private fieldCategory(b: FieldBatch, k: number, at: number, field: Field): string | null {
    if (at < 0) return null;
    const f = b.first[k]! + at;
    const start = b.starts[f]!;
    const end = b.ends[f]!;
    if (end < 0) return this.categoryOf(b.field(f), field);
    if (end === start) return null;
    const intern = (this.interns[at] ??= new ColumnIntern());
    const hit = intern.get(b.text, start, end);
    if (hit !== undefined) return hit;
    const raw = b.text.slice(start, end);
    const before = this.texts.count.controls;
    const clean = this.categoryOf(raw, field);
    if (this.texts.count.controls === before) intern.set(detach(raw), clean);
    return clean;
  }

  /** `coded` from the offsets. */
  private fieldCoded(b: FieldBatch, k: number, at: number, field: CodedField): string | null {
    const value = this.fieldCategory(b, k, at, field);
    return this.naming ? this.naming.value(field, value) : value;
  }

  /** `plain` from the offsets. */
  private fieldPlain(b: FieldBatch, k: number, at: number, field: Field): string {
    if (at < 0) return '';
    const f = b.first[k]! + at;
    return b.starts[f] === b.ends[f] ? '' : this.plainOf(b.field(f), field);
  }

  /** `optionalTime` from the offsets: the usual form without a string. */
  private fieldTime(b: FieldBatch, k: number, at: number, field: Field): LocalTime | null {
    if (at < 0) return null;
    const f = b.first[k]! + at;
    const start = b.starts[f]!;
    const end = b.ends[f]!;
    if (end === start) return null;
    if (end - start === 19) {
      const time = parseIsoAt(b.text, start);
      if (time !== undefined) return time;
    }
    const cell = b.field(f);
    if (cell === '') return null;
    const time = parseDate(cell);
    if (time === null) this.unrecognised(field, cell);
    return time;
  }

  /** The accepted time of record k, or the reject that processRow would make. */
  private fieldAccepted(b: FieldBatch, k: number): LocalTime | null {
    const f = b.first[k]! + this.col.acceptedAt;
    const start = b.starts[f]!;
    if (b.ends[f]! - start === 19) {
      const time = parseIsoAt(b.text, start);
      if (time) return time;
    }
    const cell = b.field(f);
    const header = this.header!.headers[this.col.acceptedAt]!;
    const raw = { row: b.rows[k]!, cells: b.cells(k) };
    if (cell.trim() === '') {
      this.rejectUnlessSkipped(raw, 'date-missing', `${header} is empty`);
      return null;
    }
    const time = parseDate(cell);
    if (time === null)
      this.rejectUnlessSkipped(raw, 'date-invalid', `${header} '${cell.trim()}' is not a date`);
    return time;
  }

  /**
   * processRow for record k of a batch of offsets, step for step (the same values, counts,
   * rejects and order of events), reading each field from the chunk: categorical values and
   * dates make no strings, and when the sink skips the orders the cells and the long text
   * are not made either.
   */
  private fieldRow(b: FieldBatch, k: number): void {
    const col = this.col;
    const row = b.rows[k]!;
    this.splitIfAsked(row);
    this.lastRow = row;
    this.currentRow = row;
    const acceptedAt = this.fieldAccepted(b, k);
    if (acceptedAt === null) return;
    const written = this.fieldCategory(b, k, col.unit, 'unit');
    if (written === null) {
      const raw = { row, cells: b.cells(k) };
      this.rejectUnlessSkipped(raw, 'unit-empty', `${this.header!.headers[col.unit]} is empty`);
      return;
    }
    const businessType = this.hasType
      ? (this.fieldCategory(b, k, col.businessType, 'businessType') ?? BLANK_TYPE)
      : null;
    const level1 = this.fieldCategory(b, k, col.level1, 'level1');
    const level2 = this.fieldCategory(b, k, col.level2, 'level2');
    const level3 = this.fieldCategory(b, k, col.level3, 'level3');
    const values = { unit: written, businessType, level1, level2, level3 };
    if (this.texts.garbled.size > 0 && this.rejectGarbled({ row, cells: [] }, values)) return;
    const unit = this.naming ? this.naming.unit(written) : written;
    const counts = this.counts;
    const part = this.part;
    counts.rows++;
    const typeId = part.typeId(businessType ?? '投诉');
    const isComplaint = businessType === null || part.complaintTypeIds.has(typeId);
    const substantiatedText = this.fieldCategory(b, k, col.substantiated, 'substantiated') ?? '';
    let substantiated = parseSubstantiated(substantiatedText);
    if (substantiated === undefined) {
      this.unrecognised('substantiated', substantiatedText);
      substantiated = null;
    }
    const appealText = this.fieldCategory(b, k, col.appealResult, 'appealResult') ?? '';
    let appeal = parseAppeal(appealText);
    if (appeal === undefined) {
      this.unrecognised('appealResult', appealText);
      appeal = 'none';
    }
    const escalatedText = this.fieldCategory(b, k, col.escalated, 'escalated') ?? '';
    let escalated = parseFlag(escalatedText);
    if (escalated === undefined) {
      this.unrecognised('escalated', escalatedText);
      escalated = null;
    }
    const idText = this.fieldPlain(b, k, col.id, 'id');
    const skips = this.sink.skipsOrders === true;
    const cf = col.content < 0 ? -1 : b.first[k]! + col.content;
    const order: WorkOrder = {
      input: this.input,
      row,
      id: idText === '' ? null : idText,
      acceptedAt,
      unit,
      businessType,
      isComplaint,
      content: skips || cf < 0 ? null : b.field(cf) || null,
      level1,
      level2,
      level3,
      customerId: this.fieldPlain(b, k, col.customerId, 'customerId') || null,
      phone: this.fieldPlain(b, k, col.phone, 'phone') || null,
      substantiated,
      appeal,
      closedAt: this.fieldTime(b, k, col.closedAt, 'closedAt'),
      repliedAt: this.fieldTime(b, k, col.repliedAt, 'repliedAt'),
      satisfaction: this.fieldCategory(b, k, col.satisfaction, 'satisfaction'),
      department: this.fieldCoded(b, k, col.department, 'department'),
      city: this.fieldCoded(b, k, col.city, 'city'),
      escalated,
      severity: this.fieldCoded(b, k, col.severity, 'severity'),
      channel: this.fieldCoded(b, k, col.channel, 'channel'),
      urbanRural: this.fieldCoded(b, k, col.urbanRural, 'urbanRural'),
      customerType: this.fieldCoded(b, k, col.customerType, 'customerType'),
      station: this.fieldCoded(b, k, col.station, 'station'),
      address: this.fieldPlain(b, k, col.address, 'address') || null,
      cells: skips || this.sink.skipsCells === true ? NO_CELLS : b.cells(k),
      headers: this.header!.headers,
    };
    const digest = order.id === null ? 0 : this.fieldDigest(order, b, cf);
    this.counted(order, written, typeId, isComplaint, digest, skips ? b : null, cf);
  }

  /** rowDigest, with the text's sample read from the offsets when the order has no text. */
  private fieldDigest(o: WorkOrder, b: FieldBatch, cf: number): number {
    if (o.content !== null || cf < 0) return this.rowDigest(o);
    const h = this.digestTimes(o);
    const end = b.ends[cf]!;
    return this.digestRest(
      end >= 0
        ? digestSampleAt(h, b.text, b.starts[cf]!, end, CONTENT_SAMPLE)
        : digestSample(h, b.field(cf), CONTENT_SAMPLE),
      o,
    );
  }

  /** A grouping value holding U+FFFD: the row is rejected, never counted under that name. */
  private rejectGarbled(raw: RawRow, values: Partial<Record<Field, string | null>>): boolean {
    for (const [field, value] of Object.entries(values) as [Field, string | null][]) {
      if (value === null || !this.texts.garbled.has(value)) continue;
      this.counts.rows++;
      this.reject(
        raw.row,
        'garbled',
        `${this.header!.headers[this.col[field]]} '${value}' is garbled (U+FFFD: the text was damaged before this file was written)`,
      );
      return true;
    }
    return false;
  }

  /**
   * What tells a changed copy of a work order from a repeated one: its values after
   * normalisation as compare.ts defines it (two exports writing one date in two forms, or 10:22:11
   * and 10:22, are not a change), but for the long complaint text only its length and a sample of
   * its characters, to keep the hot path cheap. The digest only decides the "differing" count,
   * never which copy wins.
   */
  private rowDigest(o: WorkOrder): number {
    return this.digestRest(digestSample(this.digestTimes(o), o.content ?? '', CONTENT_SAMPLE), o);
  }

  /** rowDigest's first part: the times. */
  private digestTimes(o: WorkOrder): number {
    let h = DIGEST_SEED;
    h = digestNumber(h, minuteOf(o.acceptedAt));
    h = digestNumber(h, minuteOf(o.closedAt));
    return digestNumber(h, minuteOf(o.repliedAt));
  }

  /** rowDigest's last part, after the sample of the text: the values. */
  private digestRest(h: number, o: WorkOrder): number {
    h = digestText(h, o.unit);
    h = digestText(h, o.businessType ?? '');
    h = digestText(h, o.level1 ?? '');
    h = digestText(h, o.level2 ?? '');
    h = digestText(h, o.level3 ?? '');
    h = digestText(h, o.customerId ?? '');
    h = digestText(h, o.phone ?? '');
    h = digestText(h, o.substantiated ?? '');
    h = digestText(h, o.appeal);
    h = digestText(h, callbackOf(o.satisfaction));
    h = digestText(h, o.department ?? '');
    h = digestText(h, o.city ?? '');
    h = digestText(h, o.severity ?? '');
    h = digestNumber(h, flagOf(o.escalated));
    return h >>> 0;
  }

  private isRepeatedHeader(cells: readonly Cell[]): boolean {
    const headers = this.header!.headers;
    const at = this.col.acceptedAt;
    return cells[at] === headers[at] && cells[this.col.unit] === headers[this.col.unit];
  }

  /**
   * Blank rows, 合计 rows and repeated headers all fail as data (no date, wrong width), so they
   * are told apart here, on the failure path, and cost nothing on the rows that are data.
   */
  private rejectUnlessSkipped(raw: RawRow, code: RejectCode, reason: string): void {
    const skipped = this.counts.skipped;
    if (isBlankRow(raw.cells)) skipped.blank++;
    else if (isTotalRow(raw.cells)) skipped.total++;
    else if (this.isRepeatedHeader(raw.cells)) skipped.repeatedHeader++;
    else {
      this.counts.rows++;
      this.reject(raw.row, code, reason);
    }
  }

  private reject(row: number, code: RejectCode, raw: string): void {
    const reason = visible(raw);
    const counts = this.counts;
    counts.rejected++;
    const byReason = (counts.rejectsByReason[code] ??= { count: 0, rows: [] });
    if (byReason.count === 0) counts.firstReasons[code] = detach(reason);
    byReason.count++;
    if (byReason.rows.length < FIRST_ROWS) byReason.rows.push(row);
    this.part.reject({ file: this.file, row, reason: detach(reason) });
  }

  private unrecognised(field: Field, value: string): void {
    const entry = (this.counts.unrecognised[field] ??= { count: 0, rows: [], values: [] });
    entry.count++;
    if (entry.rows.length < FIRST_ROWS) entry.rows.push(this.currentRow);
    const shown = visible(value);
    if (entry.values.length < FIRST_ROWS && !entry.values.includes(shown))
      entry.values.push(detach(shown));
  }

  /** Whether the header has been found (src/parallel: the main thread finds it first). */
  get located(): boolean {
    return this.header !== null;
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
   * CSV (src/parallel/), as if this one had found it (locateHeader does the same).
   */
  adoptHeader(state: HeaderState): void {
    const found = state.header;
    this.isCsv = true;
    this.sheet = null;
    this.header = found;
    this.headerRow = state.headerRow;
    this.title = state.title;
    this.width = found.headers.length;
    this.lastRow = state.headerRow;
    for (const field of FIELDS) this.col[field] = found.columns[field] ?? -1;
    this.hasType = this.col.businessType >= 0;
    if (this.settings.naming)
      this.naming = new InputNaming(this.settings.naming, (f) =>
        this.col[f] < 0 ? null : found.headers[this.col[f]]!,
      );
    this.columns = state.columns;
    this.unmapped = state.unmapped;
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
    if (this.header === null) {
      const looked = ['受理时间', '供电单位', '工单编号', '业务类型'].join(', ');
      throw new InputError(
        'NO_HEADER',
        `${this.file}: no header row found in the first ${HEADER_SEARCH_ROWS} rows${reader.format === 'xlsx' ? ' of any sheet' : ''} (looked for column names such as ${looked}).`,
        'Check that this is a 95598 work-order export; name its columns with --map field=HEADER.',
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
