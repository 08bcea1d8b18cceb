/**
 * What the row path says about the rows it does not take as they are: rejects (with the first
 * rows and the first reason of each kind), rows skipped as blank, 合计 or a repeated header,
 * values it did not recognise and control characters it removed — counted in the partial being
 * filled.
 */
import type { Cell } from '../io/table.js';
import type { Field } from '../schema/fields.js';
import { detach, visible } from '../schema/values.js';
import type { ColumnMap } from './column-map.js';
import type { PartialBuilder, RowCounts } from './partial.js';
import type { RowFields } from './row-fields.js';
import { FIRST_ROWS, type RejectCode } from './types.js';

// A mobile number (11 digits from 13–19, maybe typed in groups) quoted from a shifted column.
const MOBILE =
  /(?<![0-9０-９])([1１][3-9３-９][0-9０-９])((?:[ \-－]?[0-9０-９]){4})((?:[ \-－]?[0-9０-９]){4})(?![0-9０-９])/g;

/**
 * A value as a reason or a note quotes it: control characters made visible, and a mobile
 * number's middle four digits masked (138****2345). Rejects reach the workbook's 数据质量 sheet,
 * which goes to management; a phone shifted into 受理时间 must not, while what it is stays
 * plain to the analyst, who has the row number to open the file at.
 */
export function quoted(text: string): string {
  return visible(text).replace(
    MOBILE,
    (_, head: string, middle: string, tail: string) =>
      head + middle.replace(/[0-9０-９]/g, '*') + tail,
  );
}

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

export function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) {
    if (cell === null) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

export class RowNotes {
  /** The row being read (where an unrecognised value or a control character was). */
  row = 0;
  counts: RowCounts;

  constructor(
    private readonly file: string,
    private part: PartialBuilder,
  ) {
    this.counts = part.counts;
  }

  /** The partial that the rows from here on count in. */
  use(part: PartialBuilder): void {
    this.part = part;
    this.counts = part.counts;
  }

  /** A rejected row, counted among the partial's rows. */
  reject(row: number, code: RejectCode, raw: string): void {
    const reason = quoted(raw);
    const counts = this.counts;
    counts.rows++;
    counts.rejected++;
    const byReason = (counts.rejectsByReason[code] ??= { count: 0, rows: [] });
    if (byReason.count === 0) counts.firstReasons[code] = detach(reason);
    byReason.count++;
    if (byReason.rows.length < FIRST_ROWS) byReason.rows.push(row);
    this.part.reject({ file: this.file, row, reason: detach(reason) });
  }

  /**
   * Blank rows, 合计 rows and repeated headers all fail as data (no date, wrong width), so they
   * are told apart here, on the failure path, and cost nothing on the rows that are data.
   */
  rejectUnlessSkipped(r: RowFields, columns: ColumnMap, code: RejectCode, reason: string): void {
    const skipped = this.counts.skipped;
    const cells = r.cells();
    if (isBlankRow(cells)) skipped.blank++;
    else if (isTotalRow(cells)) skipped.total++;
    else if (columns.isRepeatedHeader(cells)) skipped.repeatedHeader++;
    else this.reject(r.row, code, reason);
  }

  /** A value the row path did not recognise (a flag, an appeal result, a date). */
  unrecognised(field: Field, value: string): void {
    const entry = (this.counts.unrecognised[field] ??= { count: 0, rows: [], values: [] });
    entry.count++;
    if (entry.rows.length < FIRST_ROWS) entry.rows.push(this.row);
    const shown = quoted(value);
    if (entry.values.length < FIRST_ROWS && !entry.values.includes(shown))
      entry.values.push(detach(shown));
  }

  /** Control characters were removed from the row's value of `field`. */
  control(field: Field): void {
    this.counts.firstControl ??= { row: this.row, field };
  }
}
