/**
 * Code tables for coded columns (--codes FILE: column, code, name), so that URBAN_RURAL_FLAG 01
 * prints as 城市 when the user has the table. Only the type lives here: the table is read
 * elsewhere and handed to the cube (ReadOptions.codes), where a dimension's value passes
 * through it before it is counted (dimensions.ts).
 */
export interface CodeBook {
  /**
   * The name of `code` in `column` — a canonical field name (`urbanRural`) for a canonical
   * dimension, the header as written in the export (`URBAN_RURAL_FLAG`) for a column
   * dimension — or null when the table has no name for it: the code itself is then kept,
   * never a guess.
   */
  name(column: string, code: string): string | null;
}
