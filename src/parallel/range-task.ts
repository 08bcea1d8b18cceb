/**
 * One byte range of a CSV read in a worker: parsed (csv-range.ts), every row normalised by a
 * TableIngest that starts from the header the main thread found, and — for the metric commands
 * — classified and counted into records, as aggregate.ts does on one thread. The reply is plain
 * data: the range's partial aggregate, with rows numbered from its start.
 */
import { threadId } from 'node:worker_threads';
import { aggregating, type OrderObserver } from '../aggregating.js';
import { HotWordTexts } from '../ingest/hot-word-texts.js';
import { RecentComplaints } from '../ingest/recent-complaints.js';
import type { PartialAggregate } from '../metrics/aggregate.js';
import { DetailCollector } from '../report/detail-rows.js';
import type { InputsSink } from '../ingest/ingest.js';
import type { IngestPartial } from '../ingest/partial.js';
import { TableIngest } from '../ingest/table-ingest.js';
import type { TableSink } from '../io/table.js';
import { cleanText } from '../schema/values.js';
import { Classifier } from '../taxonomy/classify.js';
import { loadTaxonomy } from '../taxonomy/load.js';
import { modelFor } from '../taxonomy/shipped-model.js';
import { readCsvRange } from './csv-range.js';
import type { AggregateJob, RangePartial, RangeReply, RangeTask } from './protocol.js';

/** The classifier of the last job: the taxonomy and the model are read once per worker. */
let classifier: { key: string; classifier: Classifier } | null = null;

function classifierFor(job: AggregateJob): Classifier {
  const key = JSON.stringify([job.taxonomy, job.model]);
  if (classifier?.key !== key) {
    const taxonomy = loadTaxonomy(job.taxonomy ?? undefined);
    classifier = { key, classifier: new Classifier(taxonomy, modelFor(job.model, taxonomy)) };
  }
  return classifier.classifier;
}

export async function readRange(task: RangeTask): Promise<RangeReply> {
  const partials: RangePartial[] = [];
  const job = task.aggregate;
  const classifier = job && classifierFor(job);
  // What each partial collects besides its aggregate, by the partial's own entries (merged in
  // aggregate.ts): the hot words' texts, the early warning's complaints, the 明细 rows.
  let collectors = job ? rangeCollectors(job, classifier!, task.id) : null;
  const sink: InputsSink = job
    ? aggregating(
        job.inputs,
        {
          classifier: classifier!,
          dimensions: job.dimensions,
          observe: collectors
            ? (order, entry, c) => collectors!.observe(order, entry, c)
            : undefined,
        },
        {
          add: (partial) => {
            if (collectors) {
              collectors.finish(partial);
              collectors = rangeCollectors(job, classifier!, task.id);
            }
            partials.push(partial);
          },
          endInput: () => {},
        },
        { opened: task.keepTexts ? 1 : 0 },
      )
    : {
        open: () => {},
        order: () => {},
        close: (partial: IngestPartial) => partials.push(partial),
        endInput: () => {},
      };
  const complaintTypes = new Set(task.settings.complaintTypes.map((type) => cleanText(type)));
  const table = new TableIngest(task.name, task.input, task.settings, complaintTypes, sink);
  if (task.header) table.adoptHeader(task.header);
  // The first range reads the title rows and the header again: they are the header's, not data.
  let skip = task.range.start === 0 && task.header ? task.header.headerRow : 0;
  const rows: TableSink = {
    begin: (info) => table.begin(info),
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
    collectors?.abandon();
  }
}

/** The spools made by this thread's range collectors, numbered for unique names. */
let spools = 0;

/**
 * The collectors of one partial, as one observer; `finish` hands their data to the partial;
 * null when the job asks for none.
 */
function rangeCollectors(
  job: AggregateJob,
  classifier: Classifier,
  task: number,
): {
  observe: OrderObserver;
  finish(partial: PartialAggregate): void;
  abandon(): void;
} | null {
  const hot = job.hotWords ? new HotWordTexts(job.hotWords.within, classifier.taxonomy.text) : null;
  const recent = job.recent ? RecentComplaints.fromJob(job.recent) : null;
  const detail = job.detail
    ? DetailCollector.forRange(job.detail, `range-${task}-${threadId}-${spools++}`)
    : null;
  const observers = [hot?.observe, recent?.observe, detail?.observe].filter(
    (o): o is OrderObserver => o !== undefined,
  );
  if (observers.length === 0) return null;
  return {
    observe:
      observers.length === 1
        ? observers[0]!
        : (order, entry, c) => {
            for (const o of observers) o(order, entry, c);
          },
    finish: (partial) => {
      if (hot) partial.hotWords = hot.toData();
      if (recent) partial.recent = recent.toData();
      if (detail) partial.detail = detail.toData();
    },
    abandon: () => detail?.abandon(),
  };
}
