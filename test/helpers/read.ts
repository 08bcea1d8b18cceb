import { openInput, type OpenOptions } from '../../src/io/source.js';
import type { BrokenRow, RawRow, TableSink } from '../../src/io/table.js';

/** Reads a whole input through the real readers, keeping every row (tests only). */
export async function readAll(
  file: string,
  options: OpenOptions = {},
): Promise<{
  rows: RawRow[];
  broken: BrokenRow[];
  sheets: (string | null)[];
  delimiter: string | null;
  encoding: string | null;
  notes: string[];
}> {
  const { reader } = await openInput(file, options);
  const rows: RawRow[] = [];
  const broken: BrokenRow[] = [];
  const sheets: (string | null)[] = [];
  const sink: TableSink = {
    begin: (table) => sheets.push(table.sheet),
    rows: (batch) => {
      rows.push(...batch);
      return true;
    },
    broken: (row) => broken.push(row),
    end: () => true,
  };
  await reader.read(sink);
  return {
    rows,
    broken,
    sheets,
    delimiter: reader.delimiter,
    encoding: reader.encoding,
    notes: reader.notes,
  };
}
