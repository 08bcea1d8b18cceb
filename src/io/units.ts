/**
 * Reading the units file (--units): CSV, XLSX or JSON, one row per unit with its code, its name,
 * its parent and other spellings. The columns are found by their headers, among the first rows
 * (a title row above is fine), as in the targets file; src/metrics/hierarchy.ts makes the
 * hierarchy of what is read here and checks it.
 */
import type { Cell, RawRow } from './table.js';
import {
  buildHierarchy,
  invalidUnits,
  type UnitHierarchy,
  type UnitRow,
} from '../metrics/hierarchy.js';
import { said } from '../errors.js';
import { zhRejectReason } from '../ingest/reject-reasons.js';
import { notJson } from '../metrics/targets.js';
import { headerKey } from '../schema/fields.js';
import { cellText } from '../schema/values.js';
import {
  SMALL_HEADER_ROWS,
  isBlankOrTotal,
  keysOf,
  locateColumns,
  mustExist,
  readFirstTable,
  readText,
} from './first-table.js';

const HEADERS = {
  code: [
    '单位编码',
    '单位代码',
    '编码',
    '代码',
    '供电单位编码',
    'ORG_NO',
    'ORG_CODE',
    'code',
    'unit_code',
  ],
  name: [
    '单位名称',
    '名称',
    '单位',
    '供电单位',
    '供电单位名称',
    'ORG_NAME',
    'name',
    'unit',
    'unit_name',
  ],
  parent: [
    '上级单位',
    '上级单位编码',
    '上级单位名称',
    '上级编码',
    '上级',
    '所属上级',
    'PARENT',
    'PARENT_ORG_NO',
    'P_ORG_NO',
    'PARENT_ORG_NAME',
    'parent',
  ],
  aliases: ['别名', '其他名称', '其他写法', '曾用名', '简称', 'ALIAS', 'aliases'],
} as const;
type Column = keyof typeof HEADERS;
const KEYS = keysOf(HEADERS);

/** Other spellings in one cell: separated by ；or ; (or 、, which a unit name never holds). */
export function splitAliases(cell: Cell): string[] {
  return cellText(cell)
    .split(/[;；、]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** The units of the rows of a sheet or CSV. */
export function parseUnitRows(rows: readonly RawRow[], file: string): UnitHierarchy {
  const found = locateColumns(
    rows,
    KEYS,
    (c) =>
      c.name !== undefined &&
      (c.code !== undefined || c.parent !== undefined || c.aliases !== undefined),
  );
  if (!found)
    throw invalidUnits(
      file,
      '',
      said(
        `单位层级文件的前 ${SMALL_HEADER_ROWS} 行里没有含 单位名称 以及 单位编码 或 上级单位 的表头。`,
        `no header with 单位名称 and 单位编码 or 上级单位 in the first ${SMALL_HEADER_ROWS} rows of the units file.`,
      ),
    );
  const { at, columns } = found;
  const units: UnitRow[] = [];
  for (const row of rows.slice(at + 1)) {
    if (isBlankOrTotal(row.cells)) continue;
    const pick = (c: Column): Cell =>
      columns[c] === undefined ? null : (row.cells[columns[c]] ?? null);
    units.push({
      where: ` row ${row.row}`,
      code: cellText(pick('code')),
      name: cellText(pick('name')),
      parent: cellText(pick('parent')),
      aliases: splitAliases(pick('aliases')),
    });
  }
  return buildHierarchy(units, file);
}

/** The units of a JSON file: an array of objects with those columns, or {"units": [...]}. */
export function parseUnitJson(doc: unknown, file: string): UnitHierarchy {
  const list = Array.isArray(doc) ? doc : (doc as { units?: unknown } | null)?.units;
  if (!Array.isArray(list))
    throw invalidUnits(
      file,
      '',
      said(
        '应为 {"code", "name", "parent", "aliases"} 组成的数组。',
        'expected an array of {"code", "name", "parent", "aliases"}.',
      ),
    );
  const units = list.map((item: unknown, i): UnitRow => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw invalidUnits(file, `[${i}]`, said('应为一个对象。', 'expected an object.'));
    const entries = Object.entries(item as Record<string, unknown>);
    const value = (c: Column) => entries.find(([k]) => KEYS[c].has(headerKey(k)))?.[1];
    const text = (c: Column) => {
      const v = value(c);
      return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    };
    const aliases = value('aliases');
    return {
      where: `[${i}]`,
      code: text('code'),
      name: text('name'),
      parent: text('parent'),
      aliases: Array.isArray(aliases)
        ? aliases.filter((a): a is string => typeof a === 'string')
        : splitAliases(typeof aliases === 'string' ? aliases : null),
    };
  });
  return buildHierarchy(units, file);
}

const UNITS_FILE = said('单位层级文件', 'units file');

/** The units file: its hierarchy, checked (InputError 'UNITS_INVALID' naming the row). */
export async function readUnits(file: string): Promise<UnitHierarchy> {
  if (/\.json$/i.test(file)) {
    const text = await readText(file, '--units', UNITS_FILE);
    let doc: unknown;
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw invalidUnits(file, '', notJson(error, text.replace(/^\uFEFF/, '')));
    }
    return parseUnitJson(doc, file);
  }
  await mustExist(file, '--units', UNITS_FILE);
  const rows = await readFirstTable(
    file,
    (row) =>
      invalidUnits(file, ` row ${row.row}`, said(`${zhRejectReason(row.reason)}。`, row.reason)),
    '--units',
    UNITS_FILE,
  );
  return parseUnitRows(rows, file);
}
