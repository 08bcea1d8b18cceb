/** `--out units.csv`: the units table of the report model, headed in Chinese or by JSON name. */
import { prepareRowWriter } from '../io/rows.js';
import type { Lang } from '../settings/types.js';
import { roundHalfAway } from './format.js';
import { heading } from './labels.js';
import { totalsRows, type Format, type Table } from './types.js';

/**
 * Numbers as people read them, the JSON keeping them exact: rates as fractions to four
 * decimals (0.1786, which a spreadsheet shows as 17.86%), averages and prorated targets to
 * two, counts as they are. No 5.999999999999999.
 */
const DECIMALS: Partial<Record<Format, number>> = {
  pct: 4,
  change: 4,
  over: 4,
  overShare: 4,
  dec: 2,
  target: 2,
  fixed: 2,
};

export function csvNumber(value: number, format: Format): number {
  const d = DECIMALS[format];
  if (d === undefined) return value;
  return roundHalfAway(value, d);
}

/**
 * Writes the table's rows, then its totals row. The English heading of a column is its JSON
 * name (`overTargetRate`), what a script reading the CSV expects.
 */
export async function writeTableCsv(target: string, table: Table, lang: Lang): Promise<void> {
  const open = await prepareRowWriter(target, 'units');
  const writer = open(
    table.columns.map((c) =>
      typeof c.label !== 'string' ? c.label.text : lang === 'zh' ? heading(c.label, lang) : c.key,
    ),
  );
  for (const row of [...table.rows, ...totalsRows(table)])
    writer.write(
      table.columns.map((c) => {
        const value = row[c.key] ?? null;
        return typeof value === 'number' ? csvNumber(value, c.format) : value;
      }),
    );
  await writer.close();
}
