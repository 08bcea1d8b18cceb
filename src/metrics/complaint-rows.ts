/**
 * The columns of the complaint rows that records keep for the extras (timeliness, satisfaction,
 * repeat complainants), and what merging partial records needs: typed arrays, row r of each.
 */

/** The complaint rows' columns; row r of each. */
export interface RowColumns {
  cell: Uint32Array<ArrayBuffer>;
  reply: Int32Array<ArrayBuffer>;
  close: Int32Array<ArrayBuffer>;
  /** Satisfaction value id + 1; 0 when blank. */
  satisfaction: Uint16Array<ArrayBuffer>;
  customer: Int32Array<ArrayBuffer>;
  phone: Int32Array<ArrayBuffer>;
  /** The row's de-duplication entry, -1 without an id. */
  entry: Int32Array<ArrayBuffer>;
  /** 1 when the row began with its entry's first copy here: a merge may continue it. */
  fresh: Uint8Array<ArrayBuffer>;
  /** Seconds after midnight of the acceptance time (its day is the cell's): working-day limits. */
  accept: Int32Array<ArrayBuffer>;
}

/** Marks a complaint row whose work order a later copy turned into something else. */
export const RETIRED = 0xffffffff;

export function newRows(n: number): RowColumns {
  return {
    cell: new Uint32Array(n),
    reply: new Int32Array(n),
    close: new Int32Array(n),
    satisfaction: new Uint16Array(n),
    customer: new Int32Array(n),
    phone: new Int32Array(n),
    entry: new Int32Array(n),
    fresh: new Uint8Array(n),
    accept: new Int32Array(n),
  };
}

/** The rows in columns of `n` rows, the existing ones copied. */
export function growRows(rows: RowColumns, n: number): RowColumns {
  const bigger = newRows(n);
  for (const key of Object.keys(rows) as (keyof RowColumns)[]) bigger[key].set(rows[key]);
  return bigger;
}
