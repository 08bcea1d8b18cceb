/**
 * When most data rows of a file are rejected for one reason, the file was not read as what it
 * is (a stray quote that shifts every field after it, dates in a form not understood, another
 * column taken for 供电单位): it is refused, rather than counted from the few rows left. More
 * than half of at least 20 data rows, with the same reject code: an export with a few bad rows
 * stays far below that, and a small file keeps its rejects.
 */
import { InputError, said, type Said } from '../errors.js';
import { zhRejectReason } from './reject-reasons.js';
import type { CountWithRows, RejectCode } from './types.js';

export const UNUSABLE_MIN_ROWS = 20;
export const UNUSABLE_SHARE = 0.5;

const DATE_HINT = said(
  '请检查 受理时间 列填的是不是受理时间（或用 --map acceptedAt=表头 指定另一列），或重新导出文件。',
  'Check that the 受理时间 column holds acceptance times (or map another: --map acceptedAt=HEADER), or export the file again.',
);

const UNUSABLE_HINTS: Record<RejectCode, Said> = {
  ragged: said(
    '值里多出的 " 或分隔符会让字段错位：请用文本编辑器查看这些行，或重新导出文件。',
    'A stray " or a delimiter inside a value shifts the fields: look at those lines in a text editor, or export the file again.',
  ),
  quote: said(
    '带引号的值里的引号要写成两个（""），多出的引号会让字段错位：请用文本编辑器查看这些行，或重新导出文件。',
    'A quote inside a quoted value must be doubled (""), and a stray one shifts the fields: look at those lines in a text editor, or export the file again.',
  ),
  'date-missing': DATE_HINT,
  'date-invalid': DATE_HINT,
  'date-early': DATE_HINT,
  // Most rows over a year ahead: more likely this machine's clock is wrong than the export.
  'date-future': said(
    '请检查这台机器的日期（date 命令），或改正这些行的年份后重新导出。',
    "Check this machine's date (the date command), or correct those rows' year and export again.",
  ),
  'unit-empty': said(
    '请检查 供电单位 列填的是不是单位名称（或用 --map unit=表头 指定另一列），或重新导出文件。',
    'Check that the 供电单位 column holds unit names (or map another: --map unit=HEADER), or export the file again.',
  ),
  garbled: said(
    '文件写出之前文字就已损坏（之前某次转换用错了编码）：请从源系统重新导出。',
    'The text was damaged before this file was written (a wrong encoding in an earlier conversion): export it again from the source system.',
  ),
};

/** The refusal of a file whose rows mostly fail for one reason, or null. */
export function unusableError(
  file: string,
  rows: number,
  rejectsByReason: Partial<Record<RejectCode, CountWithRows>>,
  firstReasons: ReadonlyMap<RejectCode, string>,
  unit: 'lines' | 'rows',
): InputError | null {
  if (rows < UNUSABLE_MIN_ROWS) return null;
  for (const [code, byReason] of Object.entries(rejectsByReason) as [RejectCode, CountWithRows][]) {
    if (byReason.count <= rows * UNUSABLE_SHARE) continue;
    const more = byReason.count > byReason.rows.length ? ' …' : '';
    const where = byReason.rows.join(', ') + more;
    const count = (n: number) => n.toLocaleString('en-US');
    const first = firstReasons.get(code) ?? '';
    return new InputError(
      'FILE_UNUSABLE',
      said(
        `${file}：${count(rows)} 行数据中有 ${count(byReason.count)} 行被拒绝：${zhRejectReason(first)}（第 ${byReason.rows.join('、')}${more} 行），这个文件不是可用的导出文件。`,
        `${file}: ${count(byReason.count)} of ${count(rows)} data rows rejected: ${first} (${unit} ${where}); the file is not a usable export.`,
      ),
      UNUSABLE_HINTS[code],
      { file, row: byReason.rows[0] },
    );
  }
  return null;
}
