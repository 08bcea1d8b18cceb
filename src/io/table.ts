/** What every reader produces: rows of cells with the row number a person would look up. */
import type { FieldBatch } from './csv-fields.js';
export type Cell = string | number | boolean | Date | null;

export interface RawRow {
  /** 1-based: the Excel row, or for CSV the line on which the record starts. */
  row: number;
  cells: Cell[];
}

/** A row the reader itself could not split into fields (unbalanced quote, ragged row). */
export interface BrokenRow {
  row: number;
  /** The fields as far as they could be split: the header search looks at them too. */
  cells?: Cell[];
  code: 'ragged' | 'quote';
  reason: string;
}

/** One sheet (xlsx) or the whole file (csv) as seen by the consumer. */
export interface TableInfo {
  sheet: string | null;
  sheetIndex: number;
}

/**
 * The consumer of a reader. `rows` returns false to say "not this table" (no header in its
 * first rows): an xlsx reader then moves on to the next sheet.
 */
export interface TableSink {
  begin(table: TableInfo): void;
  rows(batch: RawRow[]): boolean;
  broken(row: BrokenRow): void;
  /**
   * Optional, CSV only: records [from, to) of a batch of field offsets (csv-fields.ts), none
   * of them broken, in place of `rows`; a sink without it is given rows of strings.
   */
  fieldRows?(batch: FieldBatch, from: number, to: number): boolean;
  /** Called once when a table ends or is left; true when the sink took the table. */
  end(): boolean;
}

export interface ReaderInfo {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  notes: string[];
}

export interface TableReader extends ReaderInfo {
  read(sink: TableSink): Promise<void>;
}
