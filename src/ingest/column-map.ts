/** An input's header as the row path uses it: the column of each field, the width, the names. */
import type { Cell } from '../io/table.js';
import { FIELDS, type Field } from '../schema/fields.js';
import type { FoundHeader } from '../schema/header.js';
import { detach, visible } from '../schema/values.js';
import { InputNaming, type ValueNaming } from './naming.js';
import type { TitleDates } from './title.js';
import type { InputSummary } from './types.js';

/** What a CSV's header search found, as plain data (TableIngest.headerState). */
export interface HeaderState {
  header: FoundHeader;
  headerRow: number;
  title: TitleDates | null;
  columns: InputSummary['columns'];
  unmapped: string[];
}

export class ColumnMap {
  /**
   * The column of each field (-1: the file has none). The row path reads a field's column here
   * once per row and passes the index on: a keyed load on every call cost more than it served.
   */
  readonly col = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<Field, number>;
  /** The header's cells. */
  readonly headers: readonly string[];
  /** Fields a CSV row must have. */
  readonly width: number;
  /** Whether the file has a business type column (without one, every row is a complaint). */
  readonly hasType: boolean;
  /** Names for the units and coded values, when a units file or a code table is given. */
  readonly naming: InputNaming | null;

  constructor(found: FoundHeader, naming: ValueNaming | null | undefined) {
    this.headers = found.headers;
    this.width = found.headers.length;
    for (const field of FIELDS) this.col[field] = found.columns[field] ?? -1;
    this.hasType = this.col.businessType >= 0;
    this.naming = naming ? new InputNaming(naming, (f) => this.headerOrNull(f)) : null;
  }

  /** The header of the field's column. */
  headerOf(field: Field): string {
    return this.headers[this.col[field]]!;
  }

  private headerOrNull(field: Field): string | null {
    return this.col[field] < 0 ? null : this.headers[this.col[field]]!;
  }

  /** Whether a row repeats the header (exports that restart it every page). */
  isRepeatedHeader(cells: readonly Cell[]): boolean {
    const at = this.col.acceptedAt;
    const unit = this.col.unit;
    return cells[at] === this.headers[at] && cells[unit] === this.headers[unit];
  }
}

/** The summary's view of a header: the mapped columns and the headers mapped to nothing. */
export function describeColumns(found: FoundHeader): Pick<HeaderState, 'columns' | 'unmapped'> {
  return {
    columns: FIELDS.filter((f) => found.columns[f] !== undefined).map((field) => ({
      header: detach(visible(found.headers[found.columns[field]!]!)),
      field,
      column: found.columns[field]! + 1,
    })),
    unmapped: found.unmapped.map((header) => detach(visible(header))),
  };
}
