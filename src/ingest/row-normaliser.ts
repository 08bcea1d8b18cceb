/**
 * The one row path: a row's fields (row-fields.ts: cells, or offsets into a CSV chunk) to a
 * work order counted in the partial being filled, or to a reject, a skipped row, a note. Every
 * rule about normalising, rejecting and flagging a row is written here once, whatever the
 * reader made of the row.
 */
import { dayToString, daysFromCivil } from '../metrics/calendar.js';
import type { Field } from '../schema/fields.js';
import {
  TextCache,
  cleanText,
  parseAppeal,
  parseFlag,
  parseSubstantiated,
  type Appeal,
  type Flag,
  type LocalTime,
  type Substantiated,
} from '../schema/values.js';
import type { ColumnMap } from './column-map.js';
import { DIGEST_SEED, NEW, digestText } from './dedup.js';
import type { CodedField } from './naming.js';
import type { PartialBuilder } from './partial.js';
import type { CategoryCleaner, RowFields } from './row-fields.js';
import { rowDigest } from './row-digest.js';
import type { RowNotes } from './row-notes.js';
import { BLANK_TYPE, type OrderHandler, type WorkOrder } from './types.js';
import type { Cell } from '../io/table.js';

/**
 * An acceptance time more than a year after this machine's date is a typing error (2061 for
 * 2016): counted, it would become the period every command picks by default. Within a year it
 * is read: a machine whose clock is behind, or test exports made ahead of time (the working-day
 * calendar's end, fixtures/workdays/95598-2026-12.csv), are likelier than such a typo.
 */
const FUTURE_DAYS_READ = 366;

/**
 * No 95598 work order was accepted before this year: an earlier date is an empty one written by
 * the exporting database (SQL Server's 1900-01-01) or Excel's serial 1, and counted it would
 * make the exports look as if they covered every month since (a year earlier "0 complaints").
 */
const FIRST_POSSIBLE_DAY = daysFromCivil(2000, 1, 1);

/** The cells of an order whose sink reads none. */
const NO_CELLS: readonly Cell[] = Object.freeze([]);

/** Where the row path's work orders go (PartialSink's part of it). */
export interface OrderSink {
  order: OrderHandler;
  /** True when `order` ignores the work orders: their long text and cells are not made. */
  skipsOrders?: boolean;
  /** True when nothing reads the orders' `cells`: they are not made. */
  skipsCells?: boolean;
  /**
   * True when nothing reads the long text, customer number or phone of a work order that is not
   * a complaint (most rows): they are not made, the last two only go into the row digest.
   */
  skipsOtherTypesTexts?: boolean;
  /**
   * True when only complaints' `cells` are read (the 明细 rows): another type's are not made.
   * From a UTF-8 CSV each cell is decoded from the bytes (csv-fields.ts), no longer a slice of
   * a decoded chunk: for every row that cost `report --detail` some 3 CPU s on the 1M CSV.
   */
  skipsOtherTypesCells?: boolean;
}

export class RowNormaliser implements CategoryCleaner {
  /** The highest row number so far (xlsx: a gap in the numbers is blank rows). */
  private highestRow: number;
  private readonly headerRow: number;
  private readonly skipsOrders: boolean;
  private readonly skipsCells: boolean;
  private readonly skipsOtherTypesTexts: boolean;
  private readonly skipsOtherTypesCells: boolean;

  constructor(
    private readonly input: number,
    private readonly columns: ColumnMap,
    private readonly texts: TextCache,
    private readonly notes: RowNotes,
    private part: PartialBuilder,
    private readonly sink: OrderSink,
    private readonly isCsv: boolean,
    headerRow: number,
    /** The run's date (IngestSettings.today), the same in every thread. */
    private readonly today: number,
  ) {
    this.highestRow = this.headerRow = headerRow;
    this.skipsOrders = sink.skipsOrders === true;
    this.skipsCells = this.skipsOrders || sink.skipsCells === true;
    this.skipsOtherTypesTexts = sink.skipsOtherTypesTexts === true;
    this.skipsOtherTypesCells = sink.skipsOtherTypesCells === true;
  }

  /** The partial that the rows from here on count in. */
  use(part: PartialBuilder): void {
    this.part = part;
    this.notes.use(part);
  }

  get controls(): number {
    return this.texts.count.controls;
  }

  /** Short categorical values: trimmed, NFKC, without control characters, memoised. */
  category(raw: string, field: Field): string | null {
    const count = this.texts.count;
    const before = count.controls;
    const clean = this.texts.clean(raw);
    if (count.controls !== before) this.notes.control(field);
    return clean === '' ? null : clean;
  }

  /** Values that are mostly distinct (ids, customer numbers, phones): cleaned, not memoised. */
  private plain(r: RowFields, at: number, field: Field): string {
    const raw = r.text(at);
    if (raw === '') return '';
    const count = this.texts.count;
    const before = count.controls;
    const clean = cleanText(raw, count);
    if (count.controls !== before) this.notes.control(field);
    return clean;
  }

  /**
   * peopleDigest of the row's customer number and phone: read in place when printable ASCII,
   * else cleaned as `plain` does (noting control characters, in the same order).
   */
  private people(r: RowFields): number {
    const col = this.columns.col;
    const customer = r.digestPrintable(DIGEST_SEED, col.customerId);
    let h = customer ?? digestText(DIGEST_SEED, this.plain(r, col.customerId, 'customerId'));
    h = r.digestPrintable(h, col.phone) ?? digestText(h, this.plain(r, col.phone, 'phone'));
    return h >>> 0;
  }

  /** A coded column's value: named by the code table (--codes) when it has the code. */
  private coded(r: RowFields, at: number, field: CodedField): string | null {
    const value = r.category(at, field);
    const naming = this.columns.naming;
    return naming ? naming.value(field, value) : value;
  }

  /** A date other than the accepted one: unrecognised ones are noted, and left out. */
  private time(r: RowFields, at: number, field: Field): LocalTime | null {
    const time = r.time(at);
    if (time !== undefined) return time;
    this.notes.unrecognised(field, r.text(at));
    return null;
  }

  /** The accepted time, or null when the row is rejected (or skipped) for it. */
  private accepted(r: RowFields): LocalTime | null {
    const at = this.columns.col.acceptedAt;
    const time = r.time(at);
    const latest = this.today + FUTURE_DAYS_READ;
    if (time && time.dayIndex <= latest && time.dayIndex >= FIRST_POSSIBLE_DAY) return time;
    const header = this.columns.headerOf('acceptedAt');
    if (time && time.dayIndex < FIRST_POSSIBLE_DAY) {
      const reason = `${header} '${r.text(at).trim()}' is before 2000 (an empty date?)`;
      this.notes.rejectUnlessSkipped(r, this.columns, 'date-early', reason);
      return null;
    }
    if (time) {
      const today = dayToString(this.today);
      const reason = `${header} '${r.text(at).trim()}' is over a year after today (${today})`;
      this.notes.rejectUnlessSkipped(r, this.columns, 'date-future', reason);
      return null;
    }
    const text = time === null ? '' : r.text(at).trim();
    if (text === '')
      this.notes.rejectUnlessSkipped(r, this.columns, 'date-missing', `${header} is empty`);
    else
      this.notes.rejectUnlessSkipped(
        r,
        this.columns,
        'date-invalid',
        `${header} '${text}' is not a date`,
      );
    return null;
  }

  /** The three flag-like columns, unrecognised values noted. */
  private flags(r: RowFields): [Substantiated | null, Appeal, Flag] {
    const col = this.columns.col;
    const substantiatedText = r.category(col.substantiated, 'substantiated') ?? '';
    let substantiated = parseSubstantiated(substantiatedText);
    if (substantiated === undefined) {
      this.notes.unrecognised('substantiated', substantiatedText);
      substantiated = null;
    }
    const appealText = r.category(col.appealResult, 'appealResult') ?? '';
    let appeal = parseAppeal(appealText);
    if (appeal === undefined) {
      this.notes.unrecognised('appealResult', appealText);
      appeal = 'none';
    }
    const escalatedText = r.category(col.escalated, 'escalated') ?? '';
    let escalated = parseFlag(escalatedText);
    if (escalated === undefined) {
      this.notes.unrecognised('escalated', escalatedText);
      escalated = null;
    }
    return [substantiated, appeal, escalated];
  }

  /** A grouping value holding U+FFFD: the row is rejected, never counted under that name. */
  private rejectGarbled(r: RowFields, values: Partial<Record<Field, string | null>>): boolean {
    for (const [field, value] of Object.entries(values) as [Field, string | null][]) {
      if (value === null || !this.texts.garbled.has(value)) continue;
      this.notes.reject(
        r.row,
        'garbled',
        `${this.columns.headerOf(field)} '${value}' is garbled (U+FFFD: the text was damaged before this file was written)`,
      );
      return true;
    }
    return false;
  }

  /** Row `r`: a work order counted and handed on, or a reject, or a skipped row. */
  normalise(r: RowFields): void {
    const columns = this.columns;
    const col = columns.col;
    const notes = this.notes;
    const row = r.row;
    // The xlsx reader emits the rows a sheet holds: a gap in the row numbers is blank rows,
    // until a row out of order (io/xlsx-sheet.ts: each number once) fills one of them.
    if (!this.isCsv) {
      // Numbered above the header, it sits above it in the sheet: counted among the rows before
      // the header (skipped.beforeHeader is the header's row - 1), as a row there is.
      if (row < this.headerRow) return;
      if (row > this.highestRow) {
        notes.counts.skipped.blank += row - this.highestRow - 1;
        this.highestRow = row;
      } else if (row > this.headerRow) notes.counts.skipped.blank--;
    }
    notes.row = row;
    r.touchAhead(col.id, this.part.index);
    if (this.isCsv && r.width !== columns.width) {
      const reason = `the row has ${r.width} fields where the header has ${columns.width}`;
      notes.rejectUnlessSkipped(r, columns, 'ragged', reason);
      return;
    }
    const acceptedAt = this.accepted(r);
    if (acceptedAt === null) return;
    const written = r.category(col.unit, 'unit');
    if (written === null) {
      notes.rejectUnlessSkipped(r, columns, 'unit-empty', `${columns.headerOf('unit')} is empty`);
      return;
    }
    const businessType = columns.hasType
      ? (r.category(col.businessType, 'businessType') ?? BLANK_TYPE)
      : null;
    const level1 = r.category(col.level1, 'level1');
    const level2 = r.category(col.level2, 'level2');
    const level3 = r.category(col.level3, 'level3');
    if (
      this.texts.garbled.size > 0 &&
      this.rejectGarbled(r, { unit: written, businessType, level1, level2, level3 })
    )
      return;
    const part = this.part;
    notes.counts.rows++;
    const typeId = part.typeId(businessType ?? '投诉');
    const isComplaint = businessType === null || part.complaintTypeIds.has(typeId);
    const [substantiated, appeal, escalated] = this.flags(r);
    const idText = this.plain(r, col.id, 'id');
    // Without orders kept (or another type's, when only complaints' are read), the customer
    // number and phone only go into the row digest.
    const lean = this.skipsOrders || (this.skipsOtherTypesTexts && !isComplaint);
    const people = lean ? this.people(r) : -1;
    const order: WorkOrder = {
      input: this.input,
      row,
      id: idText === '' ? null : idText,
      acceptedAt,
      unit: columns.naming ? columns.naming.unit(written) : written,
      businessType,
      isComplaint,
      content: lean ? null : r.text(col.content) || null,
      level1,
      level2,
      level3,
      customerId: people >= 0 ? null : this.plain(r, col.customerId, 'customerId') || null,
      phone: people >= 0 ? null : this.plain(r, col.phone, 'phone') || null,
      substantiated,
      appeal,
      closedAt: this.time(r, col.closedAt, 'closedAt'),
      repliedAt: this.time(r, col.repliedAt, 'repliedAt'),
      satisfaction: r.category(col.satisfaction, 'satisfaction'),
      department: this.coded(r, col.department, 'department'),
      city: this.coded(r, col.city, 'city'),
      escalated,
      severity: this.coded(r, col.severity, 'severity'),
      channel: this.coded(r, col.channel, 'channel'),
      urbanRural: this.coded(r, col.urbanRural, 'urbanRural'),
      customerType: this.coded(r, col.customerType, 'customerType'),
      station: this.coded(r, col.station, 'station'),
      address: this.plain(r, col.address, 'address') || null,
      cells: this.skipsCells || (this.skipsOtherTypesCells && !isComplaint) ? NO_CELLS : r.cells(),
      headers: columns.headers,
    };
    const digest = order.id === null ? 0 : rowDigest(order, r, col.content, people);
    // Another type that reads like a complaint: its text opens with 投诉 (【投诉】, [投诉],
    // 投诉：) or it carries a complaint class (服务投诉 …). Systems that export business types as
    // codes still write these, which tells which code means complaint.
    const complaintLike =
      !isComplaint &&
      (r.opensWithComplaint(col.content) || (level1 !== null && level1.endsWith('投诉')));
    const entry = part.add(order, written, typeId, digest, complaintLike);
    this.sink.order(order, entry, entry < 0 ? NEW : part.index.occurrence);
  }
}
