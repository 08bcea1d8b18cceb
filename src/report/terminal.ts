/**
 * Terminal formatting: borderless tables aligned by display width (a Chinese character takes
 * two columns), and colour only when stdout is a terminal that wants it.
 */
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { visible } from './print.js';

const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

export type Align = 'left' | 'right';

/**
 * The columns a table may take: COLUMNS when set (the user's or the shell's word), else the
 * terminal's width when stdout is one; null off a terminal (cron, a pipe, a file), where lines
 * are never limited and the output stays as it always was.
 */
export function terminalWidth(): number | null {
  const given = Number(process.env.COLUMNS);
  if (Number.isInteger(given) && given > 0) return given;
  return process.stdout.isTTY === true && process.stdout.columns > 0
    ? process.stdout.columns
    : null;
}

/**
 * A table, borderless, aligned by display width; when its lines are wider than the terminal, one
 * record per row instead (psql's expanded display): "heading: value" for each cell that has
 * one, the first starting the record and the others indented under it. Nothing is cut: a line longer than the terminal is wrapped by it, never by us.
 * A table without headings (label–value lists) keeps its empty first line, and its rows become
 * "label  value". `width`: the columns to fit (terminalWidth()).
 */
export function table(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align: readonly Align[] = [],
  indent = '',
  width: number | null = terminalWidth(),
): string {
  const t = new Table({
    head: [...head],
    chars: BORDERLESS,
    colAligns: head.map((_, i) => align[i] ?? 'left'),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  // Escaped before measuring, so a control character in the data cannot break the alignment.
  const cells = rows.map((row) => row.map((cell) => visible(String(cell), true)));
  for (const row of cells) t.push(row);
  const lines = t
    .toString()
    .split('\n')
    .map((line) => indent + line.trimEnd());
  if (width === null || lines.every((line) => stringWidth(line) <= width)) return lines.join('\n');
  return records(head, cells, indent).join('\n');
}

/** The rows of a table too wide for the terminal, one record each (see table()). */
function records(head: readonly string[], rows: readonly string[][], indent: string): string[] {
  if (head.every((h) => h === ''))
    return [indent, ...rows.map((row) => indent + row.filter((c) => c !== '').join('  '))];
  // A Chinese heading takes a full-width colon, as the rest of the Chinese output does.
  const labelled = (i: number, cell: string) => {
    const h = head[i] ?? '';
    return h === '' ? cell : `${h}${/[\u3400-\u9fff]/.test(h) ? '：' : ': '}${cell}`;
  };
  return rows.flatMap((row) =>
    row
      .map((cell, i) => (cell === '' ? null : labelled(i, cell)))
      .filter((line) => line !== null)
      // The record's first value starts it; the others are indented under it.
      .map((line, i) => `${indent}${i === 0 ? '' : '  '}${line}`),
  );
}

/** Colour for a stream: none when it is not a TTY, or with --no-color / NO_COLOR. */
export function colours(stream: NodeJS.WriteStream, enabled: boolean): ChalkInstance {
  const wanted = enabled && stream.isTTY === true && !process.env.NO_COLOR;
  return new Chalk({ level: wanted ? 1 : 0 });
}

export { formatCount, formatInt, formatPercent } from './format.js';
