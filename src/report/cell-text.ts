/**
 * A model table's cell as plain text, for the documents (the Word and Markdown bulletins): the
 * terminal's wording without colour. Figures as the workbook shows them: counts with
 * separators, rates as percentages, changes signed.
 */
import type { Lang } from '../settings/types.js';
import { formatCount, formatPercent } from './format.js';
import { TERMINAL } from './labels.js';
import type { Column, Row } from './types.js';

export function cellText(column: Column, row: Row, lang: Lang, blank = '-'): string {
  if (!(column.key in row)) return '';
  const value = row[column.key] ?? null;
  const number = typeof value === 'number' ? value : null;
  switch (column.format) {
    case 'int':
    case 'dec':
    case 'target':
      return number === null ? blank : formatCount(number);
    case 'fixed':
      return number === null ? blank : number.toFixed(2);
    case 'pct':
    case 'overShare':
      return number === null ? blank : formatPercent(number);
    case 'change':
    case 'over':
      return number === null ? blank : formatPercent(number, true);
    case 'flag': {
      const t = TERMINAL[lang];
      return value === true ? (column.key === 'reachedAnnualTarget' ? t.reached : t.over) : '';
    }
    case 'text':
    case 'time':
    case 'alert':
      return value === null ? '' : String(value);
  }
}

/** Whether a column's cells read left to right (words) rather than right-aligned (figures). */
export const isWordColumn = (c: Column): boolean =>
  c.format === 'text' || c.format === 'flag' || c.format === 'alert' || c.format === 'time';
