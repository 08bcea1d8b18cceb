/**
 * One byte range of a CSV read in a worker: parsed (csv-range.ts), every row normalised by a
 * TableIngest that starts from the header the main thread found, and — for the metric commands
 * — classified and counted into records, as aggregate.ts does on one thread (range-aggregate.ts,
 * imported only then: `inspect`'s workers start without the taxonomy and the metrics). The reply
 * is plain data: the range's partial aggregate, with rows numbered from its start.
 */
import { tallyClassValues } from '../ingest/class-values.js';
import type { InputsSink } from '../ingest/ingest.js';
import type { IngestPartial } from '../ingest/partial.js';
import { TableIngest } from '../ingest/table-ingest.js';
import type { TableSink } from '../io/table.js';
import { cleanText } from '../schema/values.js';
import { readCsvRange } from './csv-range.js';
import type { RangePartial, RangeReply, RangeTask } from './protocol.js';

export async function readRange(task: RangeTask): Promise<RangeReply> {
  const partials: RangePartial[] = [];
  const job = task.aggregate;
  const counting = job
    ? (await import('./range-aggregate.js')).rangeSink(task, job, partials)
    : null;
  // Without a job (inspect): the class values are tallied, as ingest() does on one thread.
  let counts: IngestPartial['counts'] | null = null;
  const sink: InputsSink = counting?.sink ?? {
    open: (partial) => void (counts = partial.counts),
    order: (order) => tallyClassValues(counts!, order),
    skipsOrders: true,
    close: (partial: IngestPartial) => partials.push(partial),
    endInput: () => {},
  };
  const complaintTypes = new Set(task.settings.complaintTypes.map((type) => cleanText(type)));
  const table = new TableIngest(
    task.name,
    task.input,
    task.settings,
    complaintTypes,
    sink,
    null,
    task.range.end - task.range.start,
  );
  if (task.header) table.adoptHeader(task.header);
  // The first range reads the title rows and the header again: they are the header's, not data.
  let skip = task.range.start === 0 && task.header ? task.header.headerRow : 0;
  const rows: TableSink = {
    begin: (info) => table.begin(info),
    fieldRows: (batch, from, to) =>
      skip === 0 ? table.fieldRows(batch, from, to) : rows.rows(batch.rawRows(from, to)),
    rows: (batch) => {
      if (skip === 0) return table.rows(batch);
      const after = batch.filter((row) => row.row > skip);
      if (after.length === batch.length) skip = 0;
      return after.length === 0 || table.rows(after);
    },
    broken: (row) => {
      if (row.row > skip) table.broken(row);
    },
    end: () => table.end(),
  };
  try {
    const end = await readCsvRange(task.range, rows);
    const header = table.finish({ ...task.reader, delimiter: end.delimiter });
    return { id: task.id, ok: true, partials, header, end };
  } finally {
    // A failed range's spool, or one opened for a partial that never came, is closed.
    counting?.abandon();
  }
}
