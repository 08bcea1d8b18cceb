/**
 * Reading the targets file (--targets): the I/O edge of src/metrics/targets.ts, which parses
 * what is read here. JSON as text; CSV and XLSX through the same readers as the exports, the
 * rows of the first table kept.
 */
import {
  invalidTargets,
  parseTargetJsonText,
  parseTargetRows,
  type TargetMap,
  type Targets,
} from '../metrics/targets.js';
import { said } from '../errors.js';
import { zhRejectReason } from '../ingest/reject-reasons.js';
import { readFirstTable, readText } from './first-table.js';

const TARGETS_FILE = said('考核指标文件', 'targets file');

/** The targets file; `map` names its columns where their headers are not the usual ones. */
export async function readTargets(file: string, map: TargetMap = {}): Promise<Targets> {
  if (/\.json$/i.test(file))
    return parseTargetJsonText(await readText(file, '--targets', TARGETS_FILE), file, map);
  const rows = await readFirstTable(
    file,
    (row) =>
      invalidTargets(file, ` row ${row.row}`, said(`${zhRejectReason(row.reason)}。`, row.reason)),
    '--targets',
    TARGETS_FILE,
  );
  return parseTargetRows(rows, file, map);
}
