/**
 * Terminal formatting: borderless tables aligned by display width (a Chinese character takes
 * two columns), and colour only when stdout is a terminal that wants it.
 */
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
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

export function table(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align: readonly Align[] = [],
  indent = '',
): string {
  const t = new Table({
    head: [...head],
    chars: BORDERLESS,
    colAligns: head.map((_, i) => align[i] ?? 'left'),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  // Escaped before measuring, so a control character in the data cannot break the alignment.
  for (const row of rows) t.push(row.map((cell) => visible(String(cell), true)));
  return t
    .toString()
    .split('\n')
    .map((line) => indent + line.trimEnd())
    .join('\n');
}

/** Colour for a stream: none when it is not a TTY, or with --no-color / NO_COLOR. */
export function colours(stream: NodeJS.WriteStream, enabled: boolean): ChalkInstance {
  const wanted = enabled && stream.isTTY === true && !process.env.NO_COLOR;
  return new Chalk({ level: wanted ? 1 : 0 });
}

export { formatCount, formatInt, formatPercent } from './format.js';
