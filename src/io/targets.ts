/**
 * Reading the targets file (--targets): the I/O edge of src/metrics/targets.ts, which parses
 * what is read here. JSON as text; CSV and XLSX through the same readers as the exports, the
 * rows of the first table kept.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import {
  invalidTargets,
  parseTargetJsonText,
  parseTargetRows,
  type TargetMap,
  type Targets,
} from '../metrics/targets.js';
import { openInput } from './source.js';
import type { RawRow } from './table.js';

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `--targets ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
      'Check the path of the targets file.',
      { file },
    );
  }
}

/** The rows of the first table a reader yields (the first sheet of a workbook). */
async function readRows(file: string): Promise<RawRow[]> {
  const { reader } = await openInput(file);
  const rows: RawRow[] = [];
  let taken = false;
  await reader.read({
    begin() {},
    rows(batch) {
      if (taken) return false;
      rows.push(...batch.map((r) => ({ row: r.row, cells: [...r.cells] })));
      return true;
    },
    broken(row) {
      throw invalidTargets(file, ` row ${row.row}`, row.reason);
    },
    end() {
      taken = true;
      return true;
    },
  });
  return rows;
}

/** The targets file; `map` names its columns where their headers are not the usual ones. */
export async function readTargets(file: string, map: TargetMap = {}): Promise<Targets> {
  if (/\.json$/i.test(file)) return parseTargetJsonText(await readText(file), file, map);
  return parseTargetRows(await readRows(file), file, map);
}
