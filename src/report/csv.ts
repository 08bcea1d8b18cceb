/** `--out units.csv`: the units table of the report model, headed in Chinese or by JSON name. */
import { prepareRowWriter } from '../io/rows.js';
import type { Lang } from '../settings/types.js';
import { heading } from './labels.js';
import type { Table } from './types.js';

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
  for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])])
    writer.write(table.columns.map((c) => row[c.key] ?? null));
  await writer.close();
}
