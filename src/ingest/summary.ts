/**
 * An input's summary (DESIGN.md §6 `inputs[]` and what `inspect` adds), put together from what
 * its reader and header search found and the counts of its partial aggregates, added up in row
 * order. The checks that judge a whole input (no data rows, mostly rejected) run here, once its
 * counts are complete.
 */
import { InputError, said } from '../errors.js';
import { addClassValues } from './class-values.js';
import { formatLocal } from '../schema/values.js';
import { dayToString } from '../metrics/calendar.js';
import { coverageJson, inputCoverage, type Coverage } from './coverage.js';
import type { TitleDates } from './title.js';
import type { RowCounts } from './partial.js';
import { FIRST_ROWS, type CountWithRows, type InputSummary } from './types.js';
import { unusableError } from './unusable.js';

/** What an input's reader and header search found: the parts of its summary no row changes. */
export interface InputHeader {
  input: number;
  file: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number;
  /** The dates the rows above the header state (导出时间, 统计时间 … 至 …), if any. */
  title: TitleDates | null;
  columns: InputSummary['columns'];
  unmapped: string[];
  /** The reader's notes. */
  notes: string[];
}

function addRecord(into: Record<string, number>, from: Record<string, number>): void {
  for (const key in from) into[key] = (into[key] ?? 0) + from[key]!;
}

/** `from`'s first rows after `into`'s, FIRST_ROWS at most: what one pass would have listed. */
function addRows(into: CountWithRows, from: CountWithRows): void {
  into.count += from.count;
  for (const row of from.rows) if (into.rows.length < FIRST_ROWS) into.rows.push(row);
}

/** Adds the counts of a later run of rows of the same input into `into`. */
export function addCounts(into: RowCounts, from: RowCounts): void {
  into.rows += from.rows;
  into.complaints += from.complaints;
  into.duplicates += from.duplicates;
  into.duplicatesDiffering += from.duplicatesDiffering;
  into.rejected += from.rejected;
  addRecord(into.byType, from.byType);
  addRecord(into.complaintLike, from.complaintLike);
  addRecord(into.units, from.units);
  into.skipped.blank += from.skipped.blank;
  into.skipped.total += from.skipped.total;
  into.skipped.repeatedHeader += from.skipped.repeatedHeader;
  for (const [code, byReason] of Object.entries(from.rejectsByReason) as [
    keyof RowCounts['rejectsByReason'],
    CountWithRows,
  ][]) {
    const mine = (into.rejectsByReason[code] ??= { count: 0, rows: [] });
    addRows(mine, byReason);
    into.firstReasons[code] ??= from.firstReasons[code];
  }
  for (const [field, odd] of Object.entries(from.unrecognised) as [
    keyof RowCounts['unrecognised'],
    CountWithRows & { values: string[] },
  ][]) {
    const mine = (into.unrecognised[field] ??= { count: 0, rows: [], values: [] });
    addRows(mine, odd);
    // The first values of `from` not already listed, as one pass would have found them.
    for (const value of odd.values)
      if (mine.values.length < FIRST_ROWS && !mine.values.includes(value)) mine.values.push(value);
  }
  if (from.firstMs !== null && (into.firstMs === null || from.firstMs < into.firstMs)) {
    into.firstMs = from.firstMs;
    into.firstRow = from.firstRow;
  }
  if (from.lastMs !== null && (into.lastMs === null || from.lastMs > into.lastMs)) {
    into.lastMs = from.lastMs;
    into.lastRow = from.lastRow;
  }
  for (const [day, n] of from.days) into.days.set(day, (into.days.get(day) ?? 0) + n);
  into.controls += from.controls;
  into.firstControl ??= from.firstControl;
  addClassValues(into, from);
}

function controlNote(header: InputHeader, counts: RowCounts): string[] {
  const { controls, firstControl } = counts;
  if (controls === 0 || firstControl === null) return [];
  const { row, field } = firstControl;
  const column = header.columns.find((c) => c.field === field)?.header ?? field;
  return [
    `Control characters (such as NUL) removed from ${controls} value${controls === 1 ? '' : 's'} used for grouping and matching, first in ${column} on ${header.sheet === null ? 'line' : 'row'} ${row}.`,
  ];
}

const DAY_MS = 86_400_000;

/** The days an input covers (coverage.ts), from its rows and its title; null without rows. */
export function coverageDays(header: InputHeader, counts: RowCounts): Coverage | null {
  if (counts.firstMs === null || counts.lastMs === null) return null;
  const first = Math.floor(counts.firstMs / DAY_MS);
  const last = Math.floor(counts.lastMs / DAY_MS);
  return inputCoverage(counts.days, first, last, header.title);
}

/** InputSummary.coverage: the days covered, and what the title rows state. */
function coverageSummary(header: InputHeader, counts: RowCounts): InputSummary['coverage'] {
  const covered = coverageDays(header, counts);
  if (covered === null) return null;
  const t = header.title;
  const day = (d: number | null) => (d === null ? null : dayToString(d));
  return {
    ...coverageJson(covered),
    stated: t && (t.from !== null || t.to !== null) ? { from: day(t.from), to: day(t.to) } : null,
    exportedAt: t?.exportedText ?? null,
  };
}

/**
 * Rows under the header, but only 合计/总计 rows: a summary table saved from the 95598 system
 * (or a detail list whose rows were deleted), not an export of work orders. "No data rows" would
 * send the analyst to a period with data; what they need is the detail list instead.
 */
function onlyTotals(header: InputHeader, totals: number): InputError {
  const sheetZh = header.sheet ? `工作表 ${header.sheet} 的` : '';
  const sheetEn = header.sheet ? ` of sheet ${header.sheet}` : '';
  return new InputError(
    'NO_DATA',
    said(
      `${header.file}：表头在${sheetZh}第 ${header.headerRow} 行，下面只有 ${totals} 行合计/总计行，合计行不是工单。`,
      `${header.file}: the header is on row ${header.headerRow}${sheetEn} but only ${totals} total row${totals === 1 ? '' : 's'} (合计/总计) follow${totals === 1 ? 's' : ''} it; total rows are not work orders.`,
    ),
    said(
      '请从 95598 系统导出工单明细（每张工单一行），而不是统计表。',
      'Export the detail list (工单明细, one row per work order) from the 95598 system, not a summary table.',
    ),
    { file: header.file, row: header.headerRow },
  );
}

/** The summary of a whole input; throws when the input has no data rows or is unusable. */
export function inputSummary(header: InputHeader, counts: RowCounts): InputSummary {
  if (counts.rows === 0 && counts.skipped.total > 0) throw onlyTotals(header, counts.skipped.total);
  if (counts.rows === 0) {
    throw new InputError(
      'NO_DATA',
      said(
        `${header.file}：表头在${header.sheet ? `工作表 ${header.sheet} 的` : ''}第 ${header.headerRow} 行，但下面没有数据行。`,
        `${header.file}: the header is on row ${header.headerRow}${header.sheet ? ` of sheet ${header.sheet}` : ''} but no data rows follow it.`,
      ),
      said(
        '请换一个有数据的时段重新导出工单，或不要给这个文件。',
        'Export the work orders again with a period that has data, or leave this file out.',
      ),
      { file: header.file, row: header.headerRow },
    );
  }
  const unusable = unusableError(
    header.file,
    counts.rows,
    counts.rejectsByReason,
    new Map(Object.entries(counts.firstReasons)) as Parameters<typeof unusableError>[3],
    header.sheet === null ? 'lines' : 'rows',
  );
  if (unusable !== null) throw unusable;
  return {
    file: header.file,
    format: header.format,
    encoding: header.encoding,
    sheet: header.sheet,
    headerRow: header.headerRow,
    rows: counts.rows,
    complaints: counts.complaints,
    duplicates: counts.duplicates,
    rejected: counts.rejected,
    delimiter: header.delimiter,
    columns: header.columns,
    unmapped: header.unmapped,
    byType: counts.byType,
    units: counts.units,
    duplicatesDiffering: counts.duplicatesDiffering,
    // Every row above the header: title, notes and blank rows alike.
    skipped: {
      beforeHeader: header.headerRow - 1,
      blank: counts.skipped.blank,
      total: counts.skipped.total,
      repeatedHeader: counts.skipped.repeatedHeader,
    },
    rejectsByReason: counts.rejectsByReason,
    unrecognised: counts.unrecognised,
    dateRange:
      counts.firstMs === null || counts.lastMs === null
        ? null
        : { from: formatLocal(counts.firstMs), to: formatLocal(counts.lastMs) },
    coverage: coverageSummary(header, counts),
    notes: [...header.notes, ...controlNote(header, counts)],
  };
}
