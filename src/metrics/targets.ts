/**
 * The targets file (DESIGN.md §5): one row per unit with its annual complaint allowance and,
 * optionally, its customer count. CSV, XLSX or JSON. Units are matched after the same
 * normalisation as the data (trim, NFKC), so full-width and half-width brackets are one unit.
 * A row that cannot be read is an error naming its row: targets are management's figures and
 * are never guessed. Parsing only: src/io/targets.ts reads the file.
 */
import { InputError } from '../errors.js';
import { isTotalRow } from '../ingest/table-ingest.js';
import type { Cell, RawRow } from '../io/table.js';
import { FIELD_SPECS, headerKey } from '../schema/fields.js';
import { cellText, cleanText } from '../schema/values.js';

export interface Target {
  unit: string;
  /** Annual target. */
  target: number;
  customers: number | null;
}

export interface Targets {
  file: string;
  byUnit: ReadonlyMap<string, Target>;
}

const HEADERS = {
  unit: ['单位', '单位名称', ...FIELD_SPECS.unit.aliases],
  target: ['指标', '指标值', '年度指标', '投诉指标', '考核指标', '年度投诉指标', 'target'],
  customers: ['户数', '客户数', '用户数', '客户户数', 'customers'],
} as const;
type Column = keyof typeof HEADERS;
const KEYS = Object.fromEntries(
  Object.entries(HEADERS).map(([column, names]) => [column, new Set(names.map(headerKey))]),
) as Record<Column, Set<string>>;
const HEADER_SEARCH_ROWS = 20;
const HINT = 'A targets file has one row per unit: 供电单位, 年度指标 and optionally 户数.';

function columnOf(header: string): Column | undefined {
  const key = headerKey(header);
  return (Object.keys(KEYS) as Column[]).find((c) => KEYS[c].has(key));
}

/** A count from a cell: 16, "16", "1,234", "16.5" (prorated targets can be fractional). */
function parseCount(cell: Cell): number | null | undefined {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? cell : undefined;
  const text = cleanText(cellText(cell)).replace(/,/g, '');
  if (text === '') return null;
  const n = Number(text);
  return /^\d+(\.\d+)?$/.test(text) && Number.isFinite(n) ? n : undefined;
}

/** The error for a targets file that cannot be used; `where` is " row N" or "[i]" or "". */
export function invalidTargets(file: string, where: string, message: string): InputError {
  const row = /^ row (\d+)$/.exec(where);
  return new InputError('TARGETS_INVALID', `${file}${where}: ${message}`, HINT, {
    file,
    row: row ? Number(row[1]) : undefined,
  });
}

function fail(file: string, where: string, message: string): never {
  throw invalidTargets(file, where, message);
}

function addTarget(
  byUnit: Map<string, Target>,
  file: string,
  where: string,
  unitCell: Cell,
  targetCell: Cell,
  customersCell: Cell,
): void {
  const unit = cleanText(cellText(unitCell));
  if (unit === '') fail(file, where, 'the unit is empty.');
  const target = parseCount(targetCell);
  if (target === null || target === undefined) {
    fail(
      file,
      where,
      `the target of ${unit} is ${target === null ? 'empty' : `'${cellText(targetCell)}', not a number`}.`,
    );
  }
  const customers = parseCount(customersCell);
  if (customers === undefined) {
    fail(
      file,
      where,
      `the customer count of ${unit} is '${cellText(customersCell)}', not a number.`,
    );
  }
  if (byUnit.has(unit)) fail(file, where, `${unit} is listed twice.`);
  byUnit.set(unit, { unit, target, customers });
}

/** Targets from the rows of a sheet or CSV: the header is found among the first rows. */
export function parseTargetRows(rows: readonly RawRow[], file: string): Targets {
  let at = -1;
  let columns: Partial<Record<Column, number>> = {};
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS) && at < 0; i++) {
    const found: Partial<Record<Column, number>> = {};
    rows[i]!.cells.forEach((cell, column) => {
      const c = columnOf(cellText(cell));
      if (c !== undefined && found[c] === undefined) found[c] = column;
    });
    if (found.unit !== undefined && found.target !== undefined) {
      at = i;
      columns = found;
    }
  }
  if (at < 0) {
    fail(
      file,
      '',
      'no header with a unit column (供电单位) and a target column (年度指标) in the first rows.',
    );
  }
  const byUnit = new Map<string, Target>();
  for (const row of rows.slice(at + 1)) {
    const cells = row.cells;
    if (cells.every((c) => c === null || cellText(c).trim() === '') || isTotalRow(cells)) continue;
    const pick = (c: Column) => (columns[c] === undefined ? null : (cells[columns[c]] ?? null));
    addTarget(byUnit, file, ` row ${row.row}`, pick('unit'), pick('target'), pick('customers'));
  }
  if (byUnit.size === 0) fail(file, '', 'the header is there but no unit follows it.');
  return { file, byUnit };
}

/** Targets from JSON: an array of {unit, target, customers?}, or {"targets": [...]}. */
export function parseTargetJson(doc: unknown, file: string): Targets {
  const list = Array.isArray(doc) ? doc : (doc as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(list)) fail(file, '', 'expected an array of {"unit", "target", "customers"}.');
  const byUnit = new Map<string, Target>();
  list.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) fail(file, `[${i}]`, 'expected an object.');
    const entries = Object.entries(item as Record<string, unknown>);
    const pick = (c: Column): Cell => {
      const value = entries.find(([k]) => columnOf(k) === c)?.[1];
      return typeof value === 'string' || typeof value === 'number' ? value : null;
    };
    addTarget(byUnit, file, `[${i}]`, pick('unit'), pick('target'), pick('customers'));
  });
  if (byUnit.size === 0) fail(file, '', 'no targets in it.');
  return { file, byUnit };
}

/** Targets from the text of a JSON file (a byte-order mark is allowed). */
export function parseTargetJsonText(text: string, file: string): Targets {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(file, '', `not valid JSON (${(error as Error).message}).`);
  }
  return parseTargetJson(doc, file);
}
