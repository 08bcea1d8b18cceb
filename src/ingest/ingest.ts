/**
 * The ingest pipeline: read each input, find its header, normalise every row into a WorkOrder
 * or a reject, counted in partial aggregates (one per input; partial.ts) that merge in input
 * order into one de-duplicated data set (merge.ts). Consumers (inspect, classify, the cube)
 * receive the orders through a callback; nothing here holds the rows.
 */
import { openInput } from '../io/source.js';
import { cleanText } from '../schema/values.js';
import { DataSetMerge } from './merge.js';
import type { IngestPartial, PartialBuilder } from './partial.js';
import type { InputHeader } from './summary.js';
import { TableIngest, type PartialSink } from './table-ingest.js';
import type { IngestResult, IngestSettings, OrderHandler } from './types.js';

export * from './types.js';

/** Where each input's partial aggregates and its header go, in row order. */
export interface InputsSink extends PartialSink {
  /** An input is read: all its partials were closed. May throw to stop before the next. */
  endInput(header: InputHeader): void;
}

/**
 * Reads the inputs in order into partial aggregates. `splitBefore(input, row)` starts a new
 * partial before a data row (for tests of the merge).
 */
export async function readInputs(
  files: readonly string[],
  settings: IngestSettings,
  sink: InputsSink,
  splitBefore: ((input: number, row: number) => boolean) | null = null,
): Promise<void> {
  const complaintTypes = new Set(settings.complaintTypes.map((type) => cleanText(type)));
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const { reader } = await openInput(file, {
      encoding: settings.encoding,
      sheet: settings.sheet,
      maxInflated: settings.maxInflated ?? null,
    });
    const name = file === '-' ? 'stdin' : file;
    const split = splitBefore ? (row: number) => splitBefore(i, row) : null;
    const table = new TableIngest(name, i, settings, complaintTypes, sink, split);
    await reader.read(table);
    sink.endInput(table.finish(reader));
  }
}

/** Reads the inputs as one data set, each partial merged as soon as it is complete. */
export async function ingest(
  files: readonly string[],
  settings: IngestSettings,
  onOrder: OrderHandler = () => {},
): Promise<IngestResult> {
  const merge = new DataSetMerge();
  await readInputs(files, settings, {
    open: (_partial: PartialBuilder) => {},
    order: onOrder,
    close: (partial: IngestPartial) => void merge.add(partial),
    endInput: (header) => merge.endInput(header),
  });
  return merge.result();
}
