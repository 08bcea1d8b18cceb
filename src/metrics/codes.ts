/**
 * Codes to names for coded columns (URBAN_RURAL_FLAG 01 → 城市): the table the user gives with
 * --codes (src/io/codes.ts reads it). `name` is null when the table has no name for the code:
 * the code is then shown as written, never guessed.
 */
export interface CodeBook {
  name(column: string, code: string): string | null;
}
