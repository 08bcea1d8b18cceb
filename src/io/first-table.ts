/**
 * The small files beside the exports (targets, units, codes): read whole, as text for JSON, or
 * as the rows of the first table through the same readers as the exports (CSV in any encoding
 * they sniff, the first sheet of a workbook).
 */
import { access, readFile } from 'node:fs/promises';
import { InputError, said, type Said } from '../errors.js';
import { isMisnamedNote, zhInputNote } from '../ingest/input-notes.js';
import { isTotalRow } from '../ingest/row-notes.js';
import { headerKey } from '../schema/fields.js';
import { cellText } from '../schema/values.js';
import { openInput } from './source.js';
import type { BrokenRow, Cell, RawRow } from './table.js';

/** The text of `file`; `option` (--targets …) and `what` name it in the error. */
export async function readText(file: string, option: string, what: Said): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      said(
        `${what.zh} ${file}（${option}）：${code === 'ENOENT' ? '文件不存在' : (error as Error).message}。`,
        `${option} ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
      ),
      checkPath(what),
      { file },
    );
  }
}

const checkPath = (what: Said) =>
  said(`请检查${what.zh}的路径。`, `Check the path of the ${what.en}.`);

/** Refuses a file that is not there in the words of its option, before a reader opens it. */
export async function mustExist(file: string, option: string, what: Said): Promise<void> {
  try {
    await access(file);
  } catch {
    throw new InputError(
      'FILE_NOT_FOUND',
      said(`${what.zh} ${file}（${option}）：文件不存在。`, `${option} ${file}: no such file.`),
      checkPath(what),
      { file },
    );
  }
}

/**
 * The rows of the first table a reader yields; `broken` makes the error for a broken row.
 * `option` and `what` name the file in the refusals of the export readers (a folder, an empty
 * or binary file), whose hints speak of exporting work orders again; `json`: whether the file
 * may be JSON too (targets, units, codes; not corrections), for the hint.
 */
export async function readFirstTable(
  file: string,
  broken: (row: BrokenRow) => Error,
  option: string,
  what: Said,
  json = true,
): Promise<RawRow[]> {
  const { reader } = await openInput(file).catch((error: unknown) => {
    throw error instanceof InputError ? asSmallFile(error, option, what, json) : error;
  });
  const rows: RawRow[] = [];
  let taken = false;
  for (const note of reader.notes) if (isMisnamedNote(note)) noteSmallFile(what, option, note);
  await reader.read({
    begin() {},
    rows(batch) {
      if (taken) return false;
      rows.push(...batch.map((r) => ({ row: r.row, cells: [...r.cells] })));
      return true;
    },
    broken(row) {
      throw broken(row);
    },
    end() {
      taken = true;
      return true;
    },
  });
  // A byte-order mark and blank lines: "no header" would send the analyst looking for one.
  const blank = (c: Cell) => c === null || cellText(c).trim() === '';
  if (rows.every((r) => r.cells.every(blank)))
    throw new InputError(
      'FILE_EMPTY',
      reader.format === 'xlsx'
        ? said(
            `${what.zh} ${file}（${option}）：第一个工作表里没有内容。`,
            `${option} ${file}: the first sheet of the ${what.en} holds nothing.`,
          )
        : said(
            `${what.zh} ${file}（${option}）：文件里没有内容（只有空行或字节顺序标记）。`,
            `${option} ${file}: the ${what.en} holds nothing (blank lines or a byte-order mark only).`,
          ),
      saveAgain(what, json),
      { file },
    );
  return rows;
}

/** Notes on the small files read, in both languages: drained by takeSmallFileNotes. */
const smallFileNotes: Said[] = [];

/** A workbook named .csv (or text named .xlsx) is read as what it is: said, as of an export. */
function noteSmallFile(what: Said, option: string, note: string): void {
  smallFileNotes.push(said(`${what.zh} ${zhInputNote(note)}`, `${option} ${note}`));
}

/**
 * The notes on the small files read since the last call (their names mislead), for a command to
 * say on stderr with the exports' (inputNotesToSay).
 */
export function takeSmallFileNotes(): Said[] {
  return smallFileNotes.splice(0);
}

const saveAgain = (what: Said, json: boolean) =>
  said(
    `请检查${what.zh}的路径，或重新保存这个文件（${json ? 'CSV、XLSX 或 JSON' : 'CSV 或 XLSX'}）。`,
    `Check the path of the ${what.en}, or save it again (${json ? 'CSV, XLSX or JSON' : 'CSV or XLSX'}).`,
  );

/** Refusals whose hint fits any file: how to convert an .xls, the encoding to name … */
const OWN_HINT = new Set([
  'FORMAT_XLS',
  'FORMAT_ENCRYPTED',
  'CSV_ENCODING',
  'XLSX_LIMIT',
  'BAD_OPTION',
]);

/**
 * An export reader's refusal, said of the small file it is: its role, and a hint for it where
 * the reader's speaks of exporting work orders again.
 */
function asSmallFile(error: InputError, option: string, what: Said, json: boolean): InputError {
  return new InputError(
    error.code,
    said(`${what.zh} ${error.said.zh}`, `${option} ${error.said.en}`),
    OWN_HINT.has(error.code) ? error.saidHint : saveAgain(what, json),
    { file: error.file ?? '' },
  );
}

/** Header keys (headerKey) of each column a small file may have. */
export type ColumnKeys<C extends string> = Record<C, ReadonlySet<string>>;

/** Rows looked at for the header of a small file (its title rows are few). */
export const SMALL_HEADER_ROWS = 20;

/**
 * The header of a small file: the first of its first rows whose cells name columns `accept`
 * takes; the position of that row and of each column named, or null.
 */
export function locateColumns<C extends string>(
  rows: readonly RawRow[],
  keys: ColumnKeys<C>,
  accept: (found: Partial<Record<C, number>>) => boolean,
): { at: number; columns: Partial<Record<C, number>> } | null {
  for (let i = 0; i < Math.min(rows.length, SMALL_HEADER_ROWS); i++) {
    const columns: Partial<Record<C, number>> = {};
    rows[i]!.cells.forEach((cell, column) => {
      const key = headerKey(cellText(cell));
      const c = (Object.keys(keys) as C[]).find((k) => keys[k].has(key));
      if (c !== undefined && columns[c] === undefined) columns[c] = column;
    });
    if (accept(columns)) return { at: i, columns };
  }
  return null;
}

/** A row with nothing in it, or a 合计 row: not data. */
export function isBlankOrTotal(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || cellText(c).trim() === '') || isTotalRow(cells);
}

/** Header keys from header names. */
export function keysOf<C extends string>(names: Record<C, readonly string[]>): ColumnKeys<C> {
  return Object.fromEntries(
    Object.entries(names).map(([c, list]) => [c, new Set((list as string[]).map(headerKey))]),
  ) as unknown as ColumnKeys<C>;
}
