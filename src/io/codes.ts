/**
 * Reading the code table (--codes): CSV, XLSX or JSON, one row per code of a coded column —
 * column (the header as the exports write it, or the field's name: URBAN_RURAL_FLAG or
 * urbanRural), code (01), name (城市) — into a CodeBook. A code the table does not name stays a
 * code: the tool never guesses what 03 means.
 */
import { invalidAt, placeInSentence, said, type InputError, type Said } from '../errors.js';
import { zhRejectReason } from '../ingest/reject-reasons.js';
import { notJson } from '../metrics/targets.js';
import type { CodeBook } from '../metrics/codes.js';
import { fieldForHeader, headerKey, isField } from '../schema/fields.js';
import { cellText, cleanText } from '../schema/values.js';
import {
  SMALL_HEADER_ROWS,
  isBlankOrTotal,
  keysOf,
  locateColumns,
  mustExist,
  readFirstTable,
  readText,
} from './first-table.js';
import type { Cell, RawRow } from './table.js';

const HEADERS = {
  column: ['列', '列名', '字段', '字段名', '代码列', '编码列', 'column', 'field'],
  code: ['代码', '编码', '代码值', '编码值', '值', 'code', 'value'],
  name: ['名称', '含义', '代码名称', '代码含义', '中文名称', 'name', 'label', 'meaning'],
} as const;
type Column = keyof typeof HEADERS;
const KEYS = keysOf(HEADERS);

const HINT = said(
  '代码表每行一个代码：列（导出文件里的列名，如 URBAN_RURAL_FLAG）、代码（01）、名称（城市）。',
  'A code table has one row per code: 列 (the column, as in the export: URBAN_RURAL_FLAG), 代码 (01), 名称 (城市).',
);

export function invalidCodes(file: string, where: string, message: Said): InputError {
  return invalidAt('CODES_INVALID', file, where, message, HINT);
}

/** A code of the table as read: its place (" row 5", "[3]"), column, code and name. */
export interface CodeRow {
  where: string;
  column: string;
  code: string;
  name: string;
}

/**
 * The code table of a file: per column (header key), code → name. A column that is a field's
 * header (URBAN_RURAL_FLAG) or name (urbanRural) is found under the field's name too, so the
 * table serves an export that heads the column another way.
 */
export class CodeTable implements CodeBook {
  private readonly byColumn = new Map<string, Map<string, string>>();
  private readonly byField = new Map<string, Map<string, string>>();

  constructor(
    readonly file: string,
    rows: readonly CodeRow[],
  ) {
    const where = new Map<string, string>();
    for (const row of rows) {
      const column = cleanText(row.column);
      const code = cleanText(row.code);
      const name = cleanText(row.name);
      if (column === '' && code === '' && name === '') continue;
      if (column === '' || code === '' || name === '') {
        const missing = column === '' ? '列 (column)' : code === '' ? '代码 (code)' : '名称 (name)';
        const zh = column === '' ? '列' : code === '' ? '代码' : '名称';
        throw invalidCodes(file, row.where, said(`${zh}为空。`, `${missing} is empty.`));
      }
      const key = headerKey(column);
      let table = this.byColumn.get(key);
      if (!table) this.byColumn.set(key, (table = new Map()));
      const before = table.get(code);
      if (before !== undefined && before !== name)
        throw invalidCodes(
          file,
          row.where,
          (() => {
            const other = placeInSentence(where.get(`${key}\u0000${code}`)!);
            return said(
              `${column} ${code} 既是 ${before}（${other.zh}）又是 ${name}。`,
              `${column} ${code} is ${before} (${other.en}) and ${name}.`,
            );
          })(),
        );
      table.set(code, name);
      where.set(`${key}\u0000${code}`, row.where);
      const field = isField(column) ? column : fieldForHeader(column);
      if (field !== undefined) {
        let byField = this.byField.get(headerKey(field));
        if (!byField) this.byField.set(headerKey(field), (byField = new Map()));
        if (!byField.has(code)) byField.set(code, name);
      }
    }
    if (this.byColumn.size === 0)
      throw invalidCodes(file, '', said('文件里没有代码。', 'no code in it.'));
  }

  /**
   * The name of `code` in `column` (a header as written, or a field's name), or null. A header
   * the table lacks is looked up by its field: a table of 投诉等级 serves a column of 紧急程度.
   */
  name(column: string, code: string): string | null {
    const table = this.tableOf(column);
    if (!table) return null;
    return table.get(code) ?? table.get(cleanText(code)) ?? null;
  }

  /** Whether the table has codes for `column` (a header or a field's name). */
  has(column: string): boolean {
    return this.tableOf(column) !== undefined;
  }

  private tableOf(column: string): Map<string, string> | undefined {
    const key = headerKey(column);
    const field = fieldForHeader(column);
    return (
      this.byColumn.get(key) ??
      this.byField.get(key) ??
      (field === undefined ? undefined : this.byField.get(headerKey(field)))
    );
  }
}

/** The code table of the rows of a sheet or CSV. */
export function parseCodeRows(rows: readonly RawRow[], file: string): CodeTable {
  const found = locateColumns(
    rows,
    KEYS,
    (c) => c.column !== undefined && c.code !== undefined && c.name !== undefined,
  );
  if (!found)
    throw invalidCodes(
      file,
      '',
      said(
        `代码表的前 ${SMALL_HEADER_ROWS} 行里没有含 列、代码、名称 的表头。`,
        `no header with 列, 代码 and 名称 (column, code, name) in the first ${SMALL_HEADER_ROWS} rows of the code table.`,
      ),
    );
  const { at, columns } = found;
  const codes: CodeRow[] = [];
  for (const row of rows.slice(at + 1)) {
    if (isBlankOrTotal(row.cells)) continue;
    const pick = (c: Column): Cell => row.cells[columns[c]!] ?? null;
    codes.push({
      where: ` row ${row.row}`,
      column: cellText(pick('column')),
      code: cellText(pick('code')),
      name: cellText(pick('name')),
    });
  }
  return new CodeTable(file, codes);
}

/**
 * The code table of a JSON file: an array of {"column", "code", "name"} (or {"codes": [...]}),
 * or an object of columns, each an object of code → name: {"URBAN_RURAL_FLAG": {"01": "城市"}}.
 */
export function parseCodeJson(doc: unknown, file: string): CodeTable {
  const list = Array.isArray(doc) ? doc : (doc as { codes?: unknown } | null)?.codes;
  if (Array.isArray(list)) {
    return new CodeTable(
      file,
      list.map((item: unknown, i): CodeRow => {
        if (typeof item !== 'object' || item === null || Array.isArray(item))
          throw invalidCodes(file, `[${i}]`, said('应为一个对象。', 'expected an object.'));
        const entries = Object.entries(item as Record<string, unknown>);
        const text = (c: Column) => {
          const v = entries.find(([k]) => KEYS[c].has(headerKey(k)))?.[1];
          return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
        };
        return { where: `[${i}]`, column: text('column'), code: text('code'), name: text('name') };
      }),
    );
  }
  if (typeof doc !== 'object' || doc === null)
    throw invalidCodes(
      file,
      '',
      said(
        '应为 {"列名": {"代码": "名称"}} 或 [{"column", "code", "name"}]。',
        'expected {"COLUMN": {"code": "name"}} or [{"column", "code", "name"}].',
      ),
    );
  const rows: CodeRow[] = [];
  for (const [column, codes] of Object.entries(doc as Record<string, unknown>)) {
    if (typeof codes !== 'object' || codes === null || Array.isArray(codes))
      throw invalidCodes(
        file,
        `.${column}`,
        said('应为 代码 → 名称 的对象。', 'expected an object of code → name.'),
      );
    for (const [code, name] of Object.entries(codes as Record<string, unknown>))
      rows.push({ where: `.${column}`, column, code, name: typeof name === 'string' ? name : '' });
  }
  return new CodeTable(file, rows);
}

const CODE_TABLE = said('代码表', 'code table');

/** The code table (--codes): InputError 'CODES_INVALID' naming the row of a code given twice. */
export async function readCodes(file: string): Promise<CodeTable> {
  if (/\.json$/i.test(file)) {
    const text = await readText(file, '--codes', CODE_TABLE);
    let doc: unknown;
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw invalidCodes(file, '', notJson(error, text.replace(/^\uFEFF/, '')));
    }
    return parseCodeJson(doc, file);
  }
  await mustExist(file, '--codes', CODE_TABLE);
  const rows = await readFirstTable(
    file,
    (row) =>
      invalidCodes(file, ` row ${row.row}`, said(`${zhRejectReason(row.reason)}。`, row.reason)),
    '--codes',
    CODE_TABLE,
  );
  return parseCodeRows(rows, file);
}
