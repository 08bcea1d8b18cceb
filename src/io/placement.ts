/**
 * The rows of a row-level output (classify --out, the 明细 sheet) keep the source columns: those
 * of the first input, with the rows of later inputs placed by field or header name.
 */
import { fieldForHeader, headerKey } from '../schema/fields.js';
import type { Cell } from './table.js';

/**
 * Where each column of an input goes in a row-level output, which takes the first input's
 * columns; later inputs are placed by field or header name, their other columns noted in `dropped`.
 */
function placeColumns(
  headers: readonly string[],
  columns: readonly string[],
  dropped: Set<string>,
): number[] {
  // A column goes where the first input has the same field (工单号 and 国网工单编号 are both
  // the id), or else the same header.
  const key = (h: string) => fieldForHeader(h) ?? headerKey(h);
  // The first column of each key, found by lookup: a wide file must not cost columns².
  const first = new Map<string, number>();
  columns.forEach((c, i) => {
    const k = key(c);
    if (!first.has(k)) first.set(k, i);
  });
  return headers.map((h) => {
    const at = first.get(key(h)) ?? -1;
    if (at < 0 && h !== '') dropped.add(h);
    return at;
  });
}

/** Places rows, input after input; the first row placed fixes the columns. */
export class RowPlacement {
  private first: string[] | null;
  /** Columns of later inputs that the first input does not have: left out, and said so. */
  readonly dropped = new Set<string>();
  // One placement per header list: the rows of an input share theirs.
  private readonly places = new Map<readonly string[], number[]>();

  /** `columns`: the output's columns when already fixed (a worker's byte range of a later input). */
  constructor(columns: readonly string[] | null = null) {
    this.first = columns && [...columns];
  }

  /** The output's source columns: the first row's headers (null before any row). */
  get columns(): readonly string[] | null {
    return this.first;
  }

  /** Fixes the columns found elsewhere (a byte range read by a worker), unless already fixed. */
  adoptColumns(columns: readonly string[] | null): void {
    if (!this.first && columns) this.first = [...columns];
  }

  /** The row's cells in the output's columns, then `added`. */
  place(
    row: { headers: readonly string[]; cells: readonly Cell[] },
    added: readonly Cell[],
  ): Cell[] {
    const columns = (this.first ??= [...row.headers]);
    let place = this.places.get(row.headers);
    if (!place) {
      place = placeColumns(row.headers, columns, this.dropped);
      this.places.set(row.headers, place);
    }
    const cells: Cell[] = new Array<Cell>(columns.length).fill(null);
    place.forEach((to, from) => {
      if (to >= 0) cells[to] = row.cells[from] ?? null;
    });
    cells.push(...added);
    return cells;
  }
}
