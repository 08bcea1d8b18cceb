/**
 * When most data rows of a file are rejected for one reason, the file was not read as what it
 * is (a stray quote that shifts every field after it, dates in a form not understood, another
 * column taken for 供电单位): it is refused, rather than counted from the few rows left. More
 * than half of at least 20 data rows, with the same reject code: an export with a few bad rows
 * stays far below that, and a small file keeps its rejects.
 */
import { InputError } from '../errors.js';
import type { CountWithRows, RejectCode } from './types.js';

export const UNUSABLE_MIN_ROWS = 20;
export const UNUSABLE_SHARE = 0.5;

const UNUSABLE_HINTS: Record<RejectCode, string> = {
  ragged:
    'A stray " or a delimiter inside a value shifts the fields: look at those lines in a text editor, or export the file again.',
  quote:
    'A quote inside a quoted value must be doubled (""), and a stray one shifts the fields: look at those lines in a text editor, or export the file again.',
  'date-missing':
    'Check that the 受理时间 column holds acceptance times (or map another: --map acceptedAt=HEADER), or export the file again.',
  'date-invalid':
    'Check that the 受理时间 column holds acceptance times (or map another: --map acceptedAt=HEADER), or export the file again.',
  'unit-empty':
    'Check that the 供电单位 column holds unit names (or map another: --map unit=HEADER), or export the file again.',
  garbled:
    'The text was damaged before this file was written (a wrong encoding in an earlier conversion): export it again from the source system.',
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
    const where = byReason.rows.join(', ') + (byReason.count > byReason.rows.length ? ' …' : '');
    const count = (n: number) => n.toLocaleString('en-US');
    return new InputError(
      'FILE_UNUSABLE',
      `${file}: ${count(byReason.count)} of ${count(rows)} data rows rejected: ${firstReasons.get(code)} (${unit} ${where}); the file is not a usable export.`,
      UNUSABLE_HINTS[code],
      { file, row: byReason.rows[0] },
    );
  }
  return null;
}
