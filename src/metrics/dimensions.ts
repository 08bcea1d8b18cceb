/**
 * The dimensions of the cube, chosen before reading. Always: the unit, the day (day index of
 * the acceptance time), the kind (a complaint's class index, another work order's business type)
 * and the flags (complaint, appeal approved, unsubstantiated). Optional ones only when a command
 * asks for them, each the value of a WorkOrder field through an id dictionary, so a cell stays a
 * tuple of small integers. Adding a dimension is one entry here (and its schema field).
 *
 * Besides the fields, any column of the export is a dimension (`column:区域代码`, from
 * `--by 区域代码`): its cell in the row as read, found by header in each input. Its values pass
 * through the code table (codes.ts) before they are counted, as the fields' do when read, so
 * the cube holds 城区 where the export wrote A1 — when the user's table says so; the code itself
 * otherwise.
 */
import type { WorkOrder } from '../ingest/types.js';
import { fieldForHeader, headerKey } from '../schema/fields.js';
import { cellText, cleanText } from '../schema/values.js';
import type { CodeBook } from './codes.js';

/** The optional dimensions of fields: each reads its value off a work order (null: blank). */
export const OPTIONAL_DIMENSIONS = {
  department: (o: WorkOrder) => o.department,
  city: (o: WorkOrder) => o.city,
  severity: (o: WorkOrder) => o.severity,
  escalated: (o: WorkOrder) => (o.escalated === null ? null : o.escalated ? '是' : '否'),
  channel: (o: WorkOrder) => o.channel,
  urbanRural: (o: WorkOrder) => o.urbanRural,
  customerType: (o: WorkOrder) => o.customerType,
  station: (o: WorkOrder) => o.station,
} as const satisfies Record<string, (o: WorkOrder) => string | null>;

export type FieldDimension = keyof typeof OPTIONAL_DIMENSIONS;
/** A column of the export as a dimension, named by its header as written. */
export type ColumnDimension = `column:${string}`;
export type OptionalDimension = FieldDimension | ColumnDimension;

export function isFieldDimension(name: string): name is FieldDimension {
  return Object.hasOwn(OPTIONAL_DIMENSIONS, name);
}

export function columnDimension(header: string): ColumnDimension {
  return `column:${header}`;
}

export function isColumnDimension(name: string): name is ColumnDimension {
  return name.startsWith('column:');
}

/** The header a column dimension reads. */
export function columnHeader(dimension: ColumnDimension): string {
  return dimension.slice('column:'.length);
}

/** Where a column dimension's header is in an input's headers (-1: not there). */
export function columnIndex(headers: readonly string[], header: string): number {
  const key = headerKey(header);
  return headers.findIndex((h) => headerKey(h) === key);
}

/** A cell's dimensions in order: the four always there, then the optional ones chosen. */
export const UNIT = 0;
export const DAY = 1;
export const KIND = 2;
export const FLAGS = 3;
export const CORE_WIDTH = 4;

/** Bits of the flags dimension. */
export const COMPLAINT = 1;
export const APPEAL_APPROVED = 2;
export const UNSUBSTANTIATED = 4;
/**
 * A corrections file's 是否考核 (--corrections): held assessed whatever the appeal, or not held
 * assessed whatever it. The assessment office's ruling outranks the export's 申诉结果.
 */
export const RULED_ASSESSED = 8;
export const RULED_NOT_ASSESSED = 16;

/** The id of a blank value of an optional dimension. */
export const BLANK = -1;

/** A cell of the row as read, as a dimension's value: trimmed, NFKC; null when blank. */
function cellValue(order: WorkOrder, at: number): string | null {
  if (at < 0) return null;
  const cell = order.cells[at];
  if (cell === undefined || cell === null) return null;
  const text = cleanText(cellText(cell));
  return text === '' ? null : text;
}

/** The values of the chosen optional dimensions of a work order, read once per row. */
export type DimensionReader = (
  order: WorkOrder,
) => Partial<Record<OptionalDimension, string | null>>;

/**
 * How to read the chosen dimensions: column dimensions find their header once per input (the
 * inputs of a data set may order their columns differently), and their values pass through
 * `codes`, asked by the header as written, when a code table is given (null: none). A field's
 * value (channel, urbanRural …) comes named already: the code table names it as the row is
 * normalised (ingest/naming.ts), before anything counts it.
 */
export function dimensionReader(
  chosen: readonly OptionalDimension[],
  codes: CodeBook | null = null,
): DimensionReader {
  const at = new WeakMap<readonly string[], number[]>();
  const indexes = (headers: readonly string[]) => {
    let found = at.get(headers);
    if (!found) {
      found = chosen.map((d) =>
        isColumnDimension(d) ? columnIndex(headers, columnHeader(d)) : -1,
      );
      at.set(headers, found);
    }
    return found;
  };
  const names = chosen.map((d) => (isColumnDimension(d) ? columnHeader(d) : d));
  const named = chosen.map(() => new Map<string, string>());
  // The fields' values were named as they were read (ingest/naming.ts): only a column's here.
  const translate = (d: number, code: string | null): string | null => {
    if (codes === null || code === null || !isColumnDimension(chosen[d]!)) return code;
    let name = named[d]!.get(code);
    if (name === undefined) named[d]!.set(code, (name = codes.name(names[d]!, code) ?? code));
    return name;
  };
  return (order) => {
    const values: Partial<Record<OptionalDimension, string | null>> = {};
    const columns = chosen.some(isColumnDimension) ? indexes(order.headers) : null;
    chosen.forEach((d, i) => {
      const raw = isColumnDimension(d)
        ? cellValue(order, columns![i]!)
        : OPTIONAL_DIMENSIONS[d](order);
      values[d] = translate(i, raw);
    });
    return values;
  };
}

/** The values of the chosen optional dimensions of a work order (no code table). */
export function dimensionValues(
  chosen: readonly OptionalDimension[],
  order: WorkOrder,
  codes: CodeBook | null = null,
): Partial<Record<OptionalDimension, string | null>> {
  return dimensionReader(chosen, codes)(order);
}

/**
 * What `--by` breaks the complaints down by: the unit, a level of the taxonomy, the discipline,
 * the month, or an optional dimension (a field or a column of the export).
 */
export const BREAKDOWN_FIELDS = [
  'unit',
  'level1',
  'level2',
  'level3',
  'discipline',
  'channel',
  'urbanRural',
  'customerType',
  'station',
  'month',
] as const;
export type BreakdownDimension =
  'unit' | 'level1' | 'level2' | 'level3' | 'discipline' | 'month' | OptionalDimension;

/**
 * The dimension `--by NAME` asks for: a field's name (any case), a header that names a field
 * (受理渠道 is channel), or else the column headed NAME as written in the export.
 */
export function breakdownDimension(name: string): BreakdownDimension {
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  const named = [...BREAKDOWN_FIELDS, ...Object.keys(OPTIONAL_DIMENSIONS)].find(
    (f) => f.toLowerCase() === lower,
  );
  if (named) return named as BreakdownDimension;
  const field = fieldForHeader(trimmed);
  if (field && ((BREAKDOWN_FIELDS as readonly string[]).includes(field) || isFieldDimension(field)))
    return field as BreakdownDimension;
  return columnDimension(trimmed);
}

/** The optional dimensions the cube must count for these breakdowns, each once. */
export function cubeDimensions(by: readonly (readonly string[])[]): OptionalDimension[] {
  const chosen: OptionalDimension[] = [];
  for (const name of by.flat()) {
    const d = breakdownDimension(name);
    if ((isFieldDimension(d) || isColumnDimension(d)) && !chosen.includes(d)) chosen.push(d);
  }
  return chosen;
}
