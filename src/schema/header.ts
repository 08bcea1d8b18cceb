/**
 * Finding the header row and mapping its columns to fields. Exports carry title rows, export
 * notes and blank rows above the header, so the header is the row (among the first
 * HEADER_SEARCH_ROWS) that maps the most fields, not row 1.
 */
import { InputError, said } from '../errors.js';
import type { Cell, RawRow } from '../io/table.js';
import {
  FIELDS,
  FIELD_SPECS,
  fieldForHeader,
  headerKey,
  type Field,
  type TargetField,
} from './fields.js';
import { cellText, visible } from './values.js';

export const HEADER_SEARCH_ROWS = 50;
/**
 * One recognised header is enough to call a row the header: a file whose header names only
 * 受理时间 should hear "no 供电单位 column, use --map", not "no header".
 */
const MIN_HEADER_FIELDS = 1;

export interface ColumnMapping {
  /** 0-based column of each mapped field. */
  columns: Partial<Record<Field, number>>;
  headers: string[];
  /** Headers that map to no field, or to a field an earlier column already took. */
  unmapped: string[];
}

export interface FoundHeader extends ColumnMapping {
  /** Index into the rows searched. */
  index: number;
}

/**
 * `--map field=header`: header keys by field — the exports' fields, and the targets file's
 * (TARGET_FIELDS), which the export header search leaves alone.
 */
export type MapOverrides = Partial<Record<Field | TargetField, string>>;

export function mapHeader(cells: readonly Cell[], overrides: MapOverrides): ColumnMapping {
  const headers = cells.map((c) => cellText(c).trim());
  const keys = headers.map(headerKey);
  const columns: Partial<Record<Field, number>> = {};
  const taken = new Set<number>();
  for (const field of FIELDS) {
    const header = overrides[field];
    if (header === undefined) continue;
    const at = keys.indexOf(headerKey(header));
    if (at >= 0) {
      columns[field] = at;
      taken.add(at);
    }
  }
  headers.forEach((header, column) => {
    if (taken.has(column) || header === '') return;
    const field = fieldForHeader(header);
    if (field !== undefined && columns[field] === undefined && overrides[field] === undefined) {
      columns[field] = column;
      taken.add(column);
    }
  });
  const unmapped = headers.filter((h, column) => h !== '' && !taken.has(column));
  return { columns, headers, unmapped };
}

export function findHeader(rows: readonly RawRow[], overrides: MapOverrides): FoundHeader | null {
  let best: FoundHeader | null = null;
  let bestCount = MIN_HEADER_FIELDS - 1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const mapping = mapHeader(rows[index]!.cells, overrides);
    const count = Object.keys(mapping.columns).length;
    if (count > bestCount) {
      best = { ...mapping, index };
      bestCount = count;
    }
  }
  return best;
}

/** Required columns present, and every `--map` header found: else exit 2 with what to do. */
export function checkMapping(
  file: string,
  headerRow: number,
  mapping: ColumnMapping,
  overrides: MapOverrides,
): void {
  const headers = mapping.headers.filter((h) => h !== '').map(visible);
  const found = headers.join(', ');
  const zhFound = headers.join('、');
  for (const field of FIELDS) {
    const header = overrides[field];
    if (header !== undefined && mapping.columns[field] === undefined) {
      throw new InputError(
        'MAP_HEADER_NOT_FOUND',
        said(
          `${file}：--map ${field}=${header}：第 ${headerRow} 行的表头里没有 '${header}' 列。现有表头：${zhFound}。`,
          `${file}: --map ${field}=${header}: no column '${header}' in the header on row ${headerRow}. Headers found: ${found}.`,
        ),
        said(
          `请用上面的表头之一：--map ${field}=表头。`,
          `Use one of the headers above: --map ${field}=HEADER.`,
        ),
        { file, row: headerRow },
      );
    }
  }
  refuseColumnTaken(file, headerRow, mapping, overrides);
  for (const field of FIELDS) {
    const spec = FIELD_SPECS[field];
    if (spec.required && mapping.columns[field] === undefined) {
      throw new InputError(
        'MISSING_COLUMN',
        said(
          `${file}：第 ${headerRow} 行的表头里没有 ${spec.zh}（${field}）列。现有表头：${zhFound}。`,
          `${file}: no ${spec.zh} (${field}) column in the header on row ${headerRow}. Headers found: ${found}.`,
        ),
        said(
          `如果其中某一列就是${spec.zh}，请用 --map ${field}=表头 指定。`,
          `If one of them holds ${spec.zh}, map it: --map ${field}=HEADER.`,
        ),
        { file, row: headerRow },
      );
    }
  }
}

/**
 * Fields whose column a --map must not take away without a word: without 受理时间 or 供电单位
 * nothing is read ("no such column", though it is there), and without 业务类型 every row,
 * repair calls and praise too, is counted a complaint.
 */
const KEPT_FIELDS: readonly Field[] = ['acceptedAt', 'unit', 'businessType'];

/**
 * A --map whose column is, by its own header, one of KEPT_FIELDS, left with no column (the user
 * did not map it elsewhere): `--map unit=业务类型` is a slip for another column.
 */
function refuseColumnTaken(
  file: string,
  headerRow: number,
  mapping: ColumnMapping,
  overrides: MapOverrides,
): void {
  for (const field of FIELDS) {
    const column = mapping.columns[field];
    if (overrides[field] === undefined || column === undefined) continue;
    const header = mapping.headers[column]!;
    const own = fieldForHeader(header);
    if (own === undefined || own === field || !KEPT_FIELDS.includes(own)) continue;
    if (overrides[own] !== undefined || mapping.columns[own] !== undefined) continue;
    const spec = FIELD_SPECS[own];
    throw new InputError(
      'MAP_COLUMN_TAKEN',
      said(
        `${file}：--map ${field}=${overrides[field]}：'${visible(header)}' 是${spec.zh}（${own}）列，这样${spec.zh}就没有列可读了。`,
        `${file}: --map ${field}=${overrides[field]}: '${visible(header)}' is the ${spec.zh} (${own}) column, which would then be read from no column.`,
      ),
      said(
        `请给 ${field} 另选一列；确实要这样时，用 --map ${own}=表头 给${spec.zh}另指定一列。`,
        `Map ${field} to another column; if this is what you mean, give ${spec.zh} another with --map ${own}=HEADER.`,
      ),
      { file, row: headerRow },
    );
  }
}
