/**
 * Reading the corrections file (--corrections): CSV (any encoding the exports may have) or the
 * first sheet of an XLSX, its header found among the first rows as a targets file's is. The
 * rows go to taxonomy/corrections.ts, which checks them against the taxonomy.
 */
import { said } from '../errors.js';
import { invalidAt } from '../errors.js';
import { zhRejectReason } from '../ingest/reject-reasons.js';
import { fieldForHeader, headerKey } from '../schema/fields.js';
import { cellText } from '../schema/values.js';
import type { CorrectionRow, CorrectionsData } from '../taxonomy/corrections.js';
import {
  isBlankOrTotal,
  keysOf,
  locateColumns,
  mustExist,
  readFirstTable,
  SMALL_HEADER_ROWS,
} from './first-table.js';
import type { Cell, RawRow } from './table.js';

export const CORRECTIONS_HEADERS = {
  id: ['工单编号', '国网工单编号', '工单号', '申请编号', '业务编号', 'APP_NO', 'order_id', 'id'],
  level1: ['一级分类', '更正一级分类', '更正后一级分类', '投诉一级分类', 'level1'],
  level2: ['二级分类', '更正二级分类', '更正后二级分类', '投诉二级分类', 'level2'],
  assessed: ['是否考核', '考核', '更正是否考核', 'assessed'],
  reason: ['说明', '原因', '更正原因', '更正说明', '备注', 'reason'],
} as const;
type Column = keyof typeof CORRECTIONS_HEADERS;
const KEYS = keysOf(CORRECTIONS_HEADERS);

/** Whether a header row is a corrections file's: its columns and no other (an export's has more). */
export function isCorrectionsHeader(headers: readonly string[]): boolean {
  const columns = headers.map((h) =>
    (Object.keys(KEYS) as Column[]).find((c) => KEYS[c].has(headerKey(h))),
  );
  return (
    columns.every((c) => c !== undefined) &&
    columns.includes('id') &&
    columns.some((c) => c === 'level1' || c === 'level2' || c === 'assessed')
  );
}

const CORRECTIONS_FILE = said('人工更正文件', 'corrections file');

const HINT = said(
  '人工更正文件要有 工单编号 列，以及 一级分类、二级分类、是否考核 中至少一列（可加 说明）。',
  'A corrections file needs a 工单编号 column and at least one of 一级分类, 二级分类, 是否考核 (说明 optional).',
);

/** Whether a row repeats the header's cells where the header has one. */
function isHeaderAgain(cells: readonly Cell[], header: readonly string[]): boolean {
  return header.every((h, i) => h.trim() === '' || cellText(cells[i] ?? null).trim() === h.trim());
}

/** Columns only an export has: with them the file is one, whose every row would "correct". */
const EXPORT_ONLY = new Set(['acceptedAt', 'unit', 'businessType', 'content']);

/**
 * Refuses an export given as the corrections file (`--corrections 95598-2016-10-11.csv`, the
 * arguments mixed up), or rows of one with their classes edited: its header has 工单编号 and the
 * class columns, so each of its complaints would have counted as corrected by hand, the export's
 * classes as the analyst's.
 */
function refuseExport(file: string, header: RawRow): void {
  const named = header.cells
    .map((c) => cellText(c).trim())
    .filter((h) => EXPORT_ONLY.has(fieldForHeader(h) ?? ''));
  if (named.length === 0) return;
  throw invalidAt(
    'CORRECTIONS_INVALID',
    file,
    ` row ${header.row}`,
    said(
      `这像是工单导出文件（表头有 ${named.slice(0, 2).join('、')}），不是人工更正文件。`,
      `this looks like a work-order export (its header has ${named.slice(0, 2).join(', ')}), not a corrections file.`,
    ),
    said(
      '人工更正文件只列要更正的工单：工单编号，更正后的 一级分类、二级分类 或 是否考核，可加 说明；导出文件请作为输入给出。',
      'A corrections file lists only the work orders to correct: 工单编号, the corrected 一级分类, 二级分类 or 是否考核, 说明 optional; give exports as the inputs.',
    ),
  );
}

/**
 * Refuses a 工单编号 a workbook stores as a number of 16 digits or more: Excel keeps 15
 * significant digits, so the id typed is gone (1610062815853617 is kept as 1610062815853610) and
 * would name no work order, or another one. Shorter ids are exact as numbers.
 */
function refuseLongNumber(file: string, row: number, cell: Cell | undefined): void {
  if (typeof cell !== 'number' || Math.abs(cell) < 1e15) return;
  const id = cellText(cell);
  throw invalidAt(
    'CORRECTIONS_INVALID',
    file,
    ` row ${row}`,
    said(
      `工单编号 ${id} 存为数字，而 Excel 只保留 15 位有效数字：第 15 位之后的数字已丢失。`,
      `the 工单编号 ${id} is stored as a number, and Excel keeps 15 significant digits: the digits past the 15th are lost.`,
    ),
    said(
      '请把这一列设为文本格式（工单编号存为文本），再从导出文件中复制工单编号。',
      'Format the column as text (store the ids as text) and copy the 工单编号 from the export again.',
    ),
  );
}

/** The rows of a corrections file, with their row numbers; refuses a file without its header. */
export async function readCorrections(file: string): Promise<CorrectionsData> {
  await mustExist(file, '--corrections', CORRECTIONS_FILE);
  const rows = await readFirstTable(
    file,
    (row) =>
      invalidAt(
        'CORRECTIONS_INVALID',
        file,
        ` row ${row.row}`,
        said(`${zhRejectReason(row.reason)}。`, row.reason),
        HINT,
      ),
    '--corrections',
    CORRECTIONS_FILE,
    false,
  );
  const workbook = /\.xls[xm]$/i.test(file);
  const found = locateColumns(
    rows,
    KEYS,
    (c) =>
      c.id !== undefined &&
      (c.level1 !== undefined || c.level2 !== undefined || c.assessed !== undefined),
  );
  if (!found)
    throw invalidAt(
      'CORRECTIONS_INVALID',
      file,
      '',
      workbook
        ? said(
            `人工更正文件第一个工作表的前 ${SMALL_HEADER_ROWS} 行里没有含 工单编号 以及 一级分类、二级分类 或 是否考核 的表头。`,
            `no header with 工单编号 and 一级分类, 二级分类 or 是否考核 in the first ${SMALL_HEADER_ROWS} rows of the corrections file's first sheet.`,
          )
        : said(
            `人工更正文件的前 ${SMALL_HEADER_ROWS} 行里没有含 工单编号 以及 一级分类、二级分类 或 是否考核 的表头。`,
            `no header with 工单编号 and 一级分类, 二级分类 or 是否考核 in the first ${SMALL_HEADER_ROWS} rows of the corrections file.`,
          ),
      // A sheet of instructions in front of the corrections is the usual cause.
      workbook
        ? said(
            `${HINT.zh}只读取第一个工作表：请把更正放在第一个工作表。`,
            `${HINT.en} Only the first sheet is read: put the corrections on it.`,
          )
        : HINT,
    );
  const { at, columns } = found;
  refuseExport(file, rows[at]!);
  const out: CorrectionRow[] = [];
  const header = rows[at]!.cells.map((c) => cellText(c));
  for (const row of rows.slice(at + 1)) {
    // The header again (two files pasted one under the other) is not a row to correct.
    if (isBlankOrTotal(row.cells) || isHeaderAgain(row.cells, header)) continue;
    const text = (c: Column): string => {
      const cell: Cell = columns[c] === undefined ? null : (row.cells[columns[c]] ?? null);
      return cellText(cell).trim();
    };
    const id = text('id');
    refuseLongNumber(file, row.row, columns.id === undefined ? null : row.cells[columns.id]);
    if (id === '')
      throw invalidAt(
        'CORRECTIONS_INVALID',
        file,
        ` row ${row.row}`,
        said('工单编号是空的。', 'the 工单编号 is blank.'),
        said(
          '请填写要更正的工单编号，或删去这一行。',
          'Give the work order to correct, or delete the row.',
        ),
      );
    out.push({
      row: row.row,
      id,
      level1: text('level1'),
      level2: text('level2'),
      assessed: text('assessed'),
      reason: text('reason'),
    });
  }
  return { file, rows: out };
}
