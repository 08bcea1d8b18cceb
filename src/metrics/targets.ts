/**
 * The targets file (DESIGN.md §5): one row per unit with its annual complaint allowance and,
 * optionally, its customer count. CSV, XLSX or JSON. Units are matched after the same
 * normalisation as the data (trim, NFKC), so full-width and half-width brackets are one unit.
 * A row that cannot be read is an error naming its row: targets are management's figures and
 * are never guessed. Parsing only: src/io/targets.ts reads the file.
 */
import { invalidAt, said, type InputError, type Said } from '../errors.js';
import { zhNotJson } from '../json-problem.js';
import { isTotalRow } from '../ingest/row-notes.js';
import type { Cell, RawRow } from '../io/table.js';
import { FIELD_SPECS, TARGET_FIELDS, headerKey, type TargetField } from '../schema/fields.js';
import { cellText, cleanText, visible } from '../schema/values.js';

/** --map's names for the targets file's columns (targetUnit, target, customers) and headers. */
export type TargetMap = Partial<Record<string, string>>;

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
  unit: ['单位', '单位名称', '供电单位名称', '考核单位', '被考核单位', ...FIELD_SPECS.unit.aliases],
  target: [
    '指标',
    '指标值',
    '年度指标',
    '投诉指标',
    '考核指标',
    '年度投诉指标',
    '年度考核指标',
    '投诉考核指标',
    '年度投诉考核指标',
    '考核指标值',
    '投诉控制指标',
    'target',
  ],
  customers: [
    '户数',
    '客户数',
    '用户数',
    '客户户数',
    '用户户数',
    '客户总数',
    '用户总数',
    'customers',
  ],
} as const;
type Column = keyof typeof HEADERS;
/** --map's name for each column of the targets file. */
const MAP_NAMES: Record<Column, TargetField> = {
  unit: 'targetUnit',
  target: 'target',
  customers: 'customers',
};
const KEYS = Object.fromEntries(
  Object.entries(HEADERS).map(([column, names]) => [column, new Set(names.map(headerKey))]),
) as Record<Column, Set<string>>;
const HEADER_SEARCH_ROWS = 20;
const HINT = said(
  '考核指标文件每行一个单位：供电单位、年度指标，可选 户数；表头不同时请用 --map targetUnit=表头、--map target=表头、--map customers=表头 指定。',
  'A targets file has one row per unit: 供电单位, 年度指标 and optionally 户数; name other headers with --map targetUnit=HEADER, --map target=HEADER, --map customers=HEADER.',
);

/**
 * A header's key without the year management writes into it: "2016年指标", "2016年度考核指标",
 * "年度指标（2016年）" are 指标 and 年度考核指标 for the year of the file.
 */
function withoutYear(key: string): string {
  return key.replace(/^(?:19|20)\d{2}年?度?/, '').replace(/[(（]?(?:19|20)\d{2}年?度?[)）]?$/, '');
}

/** The column a header names: an alias, an alias once the year is taken out of it, or null. */
function columnOf(header: string): Column | undefined {
  const key = headerKey(header);
  const bare = withoutYear(key);
  return (Object.keys(KEYS) as Column[]).find((c) => KEYS[c].has(key) || KEYS[c].has(bare));
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

/** A number below 0, as a number cell or as text (-5, －5). */
function negative(cell: Cell): boolean {
  if (typeof cell === 'number') return cell < 0;
  return /^[-－−]\s*\d+(\.\d+)?$/.test(cleanText(cellText(cell)).replace(/,/g, ''));
}

/** The error for a targets file that cannot be used; `where` is " row N" or "[i]" or "". */
export function invalidTargets(file: string, where: string, message: Said): InputError {
  return invalidAt('TARGETS_INVALID', file, where, message, HINT);
}

function fail(file: string, where: string, message: Said): never {
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
  if (unit === '') fail(file, where, said('单位为空。', 'the unit is empty.'));
  const target = parseCount(targetCell);
  if (target === null || target === undefined) {
    const text = cellText(targetCell);
    fail(
      file,
      where,
      target === null
        ? said(`${unit} 的指标为空。`, `the target of ${unit} is empty.`)
        : negative(targetCell)
          ? said(
              `${unit} 的指标是 '${text}'，小于 0：指标是投诉件数，应为 0 或以上。`,
              `the target of ${unit} is '${text}', below 0: a target is a count of complaints, 0 or more.`,
            )
          : said(
              `${unit} 的指标是 '${text}'，不是数字。`,
              `the target of ${unit} is '${text}', not a number.`,
            ),
    );
  }
  const customers = parseCount(customersCell);
  if (customers === undefined) {
    fail(
      file,
      where,
      said(
        `${unit} 的户数是 '${cellText(customersCell)}'，不是数字。`,
        `the customer count of ${unit} is '${cellText(customersCell)}', not a number.`,
      ),
    );
  }
  if (byUnit.has(unit)) fail(file, where, said(`${unit} 出现了两次。`, `${unit} is listed twice.`));
  byUnit.set(unit, { unit, target, customers });
}

/** The columns a row names (by --map first, then by alias), or null unless unit and target. */
function headerColumns(
  cells: readonly Cell[],
  map: TargetMap,
): Partial<Record<Column, number>> | null {
  const found: Partial<Record<Column, number>> = {};
  const texts = cells.map((cell) => headerKey(cellText(cell)));
  for (const c of Object.keys(MAP_NAMES) as Column[]) {
    const wanted = map[MAP_NAMES[c]];
    if (wanted === undefined) continue;
    const at = texts.indexOf(headerKey(wanted));
    if (at >= 0) found[c] = at;
  }
  cells.forEach((cell, column) => {
    const c = columnOf(cellText(cell));
    if (c !== undefined && found[c] === undefined && map[MAP_NAMES[c]] === undefined)
      found[c] = column;
  });
  return found.unit !== undefined && found.target !== undefined ? found : null;
}

/** The refusal of a file with no header found: the row that looks most like one, as seen. */
function noHeader(rows: readonly RawRow[], file: string, map: TargetMap): never {
  const searched = rows.slice(0, HEADER_SEARCH_ROWS);
  const texts = (r: RawRow) =>
    r.cells.map((c) => cellText(c).trim()).filter((t) => t !== '' && !/^[\d.,]+$/.test(t));
  const best = searched.reduce<RawRow | null>(
    (b, r) => (b === null || texts(r).length > texts(b).length ? r : b),
    null,
  );
  const mapped = Object.entries(map)
    .filter(([field]) => (TARGET_FIELDS as readonly string[]).includes(field))
    .map(([field, header]) => `--map ${field}=${header}`);
  const seen = best && texts(best).length > 0 ? texts(best).map(visible) : null;
  fail(
    file,
    '',
    said(
      `考核指标文件的前 ${HEADER_SEARCH_ROWS} 行里没有同时含单位列（供电单位）和指标列（年度指标）的表头` +
        (mapped.length > 0 ? `（已指定 ${mapped.join('、')}）` : '') +
        (seen && best ? `。第 ${best.row} 行的表头：${seen.join('、')}。` : '。'),
      `no header with a unit column (供电单位) and a target column (年度指标) in the first ${HEADER_SEARCH_ROWS} rows of the targets file` +
        (mapped.length > 0 ? ` (with ${mapped.join(', ')})` : '') +
        (seen && best ? `. Headers found on row ${best.row}: ${seen.join(', ')}.` : '.'),
    ),
  );
}

/**
 * Targets from the rows of a sheet or CSV: the header is found among the first rows by its
 * names (with the year taken out: 2016年指标), or by --map targetUnit=, target=, customers=.
 */
export function parseTargetRows(
  rows: readonly RawRow[],
  file: string,
  map: TargetMap = {},
): Targets {
  let at = -1;
  let columns: Partial<Record<Column, number>> = {};
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS) && at < 0; i++) {
    const found = headerColumns(rows[i]!.cells, map);
    if (found) {
      at = i;
      columns = found;
    }
  }
  if (at < 0) noHeader(rows, file, map);
  const byUnit = new Map<string, Target>();
  for (const row of rows.slice(at + 1)) {
    const cells = row.cells;
    if (cells.every((c) => c === null || cellText(c).trim() === '') || isTotalRow(cells)) continue;
    const pick = (c: Column) => (columns[c] === undefined ? null : (cells[columns[c]] ?? null));
    addTarget(byUnit, file, ` row ${row.row}`, pick('unit'), pick('target'), pick('customers'));
  }
  if (byUnit.size === 0) {
    fail(
      file,
      '',
      said('有表头，但表头下面没有单位。', 'the header is there but no unit follows it.'),
    );
  }
  return { file, byUnit };
}

const EXPECTED_OBJECT = said('应为一个对象。', 'expected an object.');

/**
 * A JSON file that does not parse: the parser's own words in English; in Chinese, what is wrong
 * and at which line and column.
 */
export function notJson(error: unknown, text: string): Said {
  const why = (error as Error).message;
  return said(zhNotJson(error, text), `not valid JSON (${why}).`);
}

/** Targets from JSON: an array of {unit, target, customers?}, or {"targets": [...]}. */
export function parseTargetJson(doc: unknown, file: string, map: TargetMap = {}): Targets {
  const list = Array.isArray(doc) ? doc : (doc as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(list)) {
    fail(
      file,
      '',
      said(
        '应为 {"unit", "target", "customers"} 组成的数组。',
        'expected an array of {"unit", "target", "customers"}.',
      ),
    );
  }
  const byUnit = new Map<string, Target>();
  list.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) fail(file, `[${i}]`, EXPECTED_OBJECT);
    const entries = Object.entries(item as Record<string, unknown>);
    const pick = (c: Column): Cell => {
      const wanted = map[MAP_NAMES[c]];
      const value = entries.find(([k]) =>
        wanted !== undefined ? headerKey(k) === headerKey(wanted) : columnOf(k) === c,
      )?.[1];
      return typeof value === 'string' || typeof value === 'number' ? value : null;
    };
    addTarget(byUnit, file, `[${i}]`, pick('unit'), pick('target'), pick('customers'));
  });
  if (byUnit.size === 0) fail(file, '', said('文件里没有指标。', 'no targets in it.'));
  return { file, byUnit };
}

/** Targets from the text of a JSON file (a byte-order mark is allowed). */
export function parseTargetJsonText(text: string, file: string, map: TargetMap = {}): Targets {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(file, '', notJson(error, text.replace(/^\uFEFF/, '')));
  }
  return parseTargetJson(doc, file, map);
}
