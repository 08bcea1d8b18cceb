/**
 * The reading half of the metric pipeline (DESIGN.md §3): every input is read into partial
 * aggregates (metrics/aggregate.ts) — each usable row normalised, each complaint classified and
 * counted with its class index — and the partials are merged in input order, as soon as each
 * is complete, into the data set.
 */
import { readInputs, type WorkerReading } from './ingest/ingest.js';
import type { InputHeader } from './ingest/summary.js';
import type { IngestSettings } from './ingest/types.js';
import { AggregateMerge, type Aggregate, type PartialAggregate } from './metrics/aggregate.js';
import { aggregating, type AggregateSink, type ReadOptions } from './aggregating.js';
import { atOnce, inTurns } from './turn.js';

export * from './aggregating.js';

async function read(
  inputs: readonly string[],
  settings: IngestSettings,
  options: ReadOptions,
  sink: AggregateSink,
): Promise<void> {
  const counter = { opened: 0 };
  const reader = aggregating(inputs, options, sink, counter);
  // Large CSVs are read in byte ranges by worker threads (src/parallel/), unless every row must
  // be seen here in order (an observer: the day list, classify's rows). The hot words' texts,
  // the early warning's recent complaints and the 明细 rows are collected per range and merged
  // in (readAggregate).
  const workers: WorkerReading | null =
    options.observe || options.splitBefore || !options.aggregate
      ? null
      : {
          // A getter: the 明细 columns a later input's ranges are placed in are fixed by the
          // rows of the inputs before it (read when its ranges are planned).
          get job() {
            return {
              ...options.aggregate!,
              hotWords: options.hotWords ? { within: options.hotWords.within } : null,
              recent: options.recent?.job() ?? null,
              detail: options.detail?.rangeJob() ?? null,
            };
          },
          first: () => counter.opened === 0,
          add: (partial) => {
            counter.opened++;
            if (sink.addInTurns) return sink.addInTurns(partial as PartialAggregate);
            sink.add(partial as PartialAggregate);
          },
          progress: (input, rows) => options.progress?.rowsRead(input, rows),
        };
  await readInputs(inputs, settings, reader, options.splitBefore ?? null, null, workers);
}

/** Reads the inputs into one data set, merging each partial as soon as it is complete. */
export async function readAggregate(
  inputs: readonly string[],
  settings: IngestSettings,
  options: ReadOptions,
): Promise<Aggregate> {
  const merge = new AggregateMerge();
  function* adding(partial: PartialAggregate): Generator<void, void> {
    const entries = yield* merge.adding(partial);
    // A byte range's texts, by its own entries, mapped to the data set's (read in order).
    if (partial.hotWords) options.hotWords!.merge(partial.hotWords, entries);
    yield;
    if (partial.recent) options.recent!.merge(partial.recent, entries);
    if (partial.detail) options.detail!.adopt(partial.detail, entries);
  }
  await read(inputs, settings, options, {
    add: (partial) => atOnce(adding(partial)),
    addInTurns: (partial) => inTurns(adding(partial)),
    endInput: (header) => merge.endInput(header),
    lookahead: (partial) => merge.dataSet.lookahead(partial),
  });
  return merge.result();
}

/** Reads the inputs into partial aggregates, kept apart (to be merged with `merge`). */
export async function readPartials(
  inputs: readonly string[],
  settings: IngestSettings,
  options: Omit<ReadOptions, 'observe'>,
): Promise<{ partials: PartialAggregate[]; headers: InputHeader[] }> {
  const partials: PartialAggregate[] = [];
  const headers: InputHeader[] = [];
  await read(inputs, settings, options, {
    add: (partial) => partials.push(partial),
    endInput: (header) => headers.push(header),
  });
  return { partials, headers };
}
