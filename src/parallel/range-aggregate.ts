/**
 * What a worker adds to a range's rows for the metric commands (range-task.ts imports this only
 * for them): every usable row classified and counted into records, as aggregate.ts does on one
 * thread, with the collectors the job asks for (hot words' texts, the early warning's complaints,
 * the 明细 rows) handed to each partial.
 */
import { threadId } from 'node:worker_threads';
import { aggregating, type OrderObserver } from '../aggregating.js';
import { HotWordTexts } from '../ingest/hot-word-texts.js';
import type { InputsSink } from '../ingest/ingest.js';
import { RecentComplaints } from '../ingest/recent-complaints.js';
import type { PartialAggregate } from '../metrics/aggregate.js';
import { DetailCollector } from '../report/detail-rows.js';
import { Classifier } from '../taxonomy/classify.js';
import { loadTaxonomy } from '../taxonomy/load.js';
import { modelFor } from '../taxonomy/shipped-model.js';
import { parseCorrections } from '../taxonomy/corrections.js';
import type { AggregateJob, RangePartial, RangeTask } from './protocol.js';

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

/**
 * The sink that counts a range's rows into partial aggregates, pushed to `partials` as they
 * close; `abandon` closes what a failed range left open.
 */
export function rangeSink(
  task: RangeTask,
  job: AggregateJob,
  partials: RangePartial[],
): { sink: InputsSink; abandon(): void } {
  const classifier = classifierFor(job);
  // What each partial collects besides its aggregate, by the partial's own entries (merged in
  // aggregate.ts): the hot words' texts, the early warning's complaints, the 明细 rows.
  let collectors = rangeCollectors(job, classifier, task.id);
  const sink = aggregating(
    job.inputs,
    {
      classifier,
      corrections: job.corrections ? parseCorrections(job.corrections, classifier) : null,
      dimensions: job.dimensions,
      observe: collectors ? (order, entry, c) => collectors!.observe(order, entry, c) : undefined,
      // Of the collectors, only the 明细 rows read the orders' cells, and none reads another
      // type's text, customer number or phone.
      observeSkipsCells: !job.detail,
      observeSkipsOtherTypes: true,
    },
    {
      add: (partial) => {
        if (collectors) {
          collectors.finish(partial);
          collectors = rangeCollectors(job, classifier, task.id);
        }
        partials.push(partial);
      },
      endInput: () => {},
    },
    { opened: task.keepTexts ? 1 : 0 },
  );
  return { sink, abandon: () => collectors?.abandon() };
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
