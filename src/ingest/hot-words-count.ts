/**
 * The hot words' segmenting and counting, once the texts of the spans compared are taken out of
 * the collector (hot-words-run.ts): plain data in, plain data out, so that it runs the same on
 * this thread or on a worker (hot-words-worker.ts) while this one analyses.
 */
import { hotWords, type HotWordsResult, type HotWordTextSet } from '../metrics/hot-words.js';
import { spanOf, type HotWordTextColumns } from './hot-word-texts.js';
import { due, turn } from '../turn.js';

/** A span of days, inclusive. */
export type DaySpan = { from: number; to: number };

export interface HotWordsJob {
  /** Every distinct clause, by number (the spans' pieces). */
  clauses: readonly string[];
  /** The unit each text counts under, by the collector's unit number. */
  units: readonly string[];
  /** The texts kept (HotWordTexts). */
  texts: HotWordTextColumns;
  period: DaySpan;
  /** The span just before the period and the same span a year earlier, when the data covers them. */
  before: DaySpan | null;
  earlier: DaySpan | null;
  top: number;
  byUnit: boolean;
}

export async function countHotWords(job: HotWordsJob): Promise<HotWordsResult> {
  const { segmenterFor } = await import('../text/segmenter.js');
  const span = (p: DaySpan | null) => p && spanOf(job.texts, p.from, p.to);
  const period = span(job.period)!;
  // The units written in the period's texts: their words are no hot words.
  const units = new Set<string>();
  for (let i = 0; i < period.unit.length; i++) units.add(period.units[period.unit[i]!]!);
  const inPeriod = [...units];
  // jieba's dictionary cut down to what the clauses and the unit names can hold: the same
  // words as the whole one, for a tenth of its time and memory (text/dictionary.ts).
  await turn();
  const segmenter = segmenterFor([...job.clauses, ...inPeriod]).withNamesStopped(inPeriod);
  await turn();
  // Each distinct clause segmented once, shared by every text that has it. On this thread
  // (--threads 1) the loop turns between batches: a signal is answered (turn.ts).
  const terms: ReturnType<typeof segmenter.clause>[] = [];
  for (let i = 0; i < job.clauses.length; i++) {
    if (i % 4096 === 0 && due()) await turn();
    terms.push(segmenter.clause(job.clauses[i]!));
  }
  await turn();
  const docs = (s: Omit<HotWordTextSet, 'terms'> | null): HotWordTextSet | null =>
    s && { ...s, units: job.units, terms };
  const before = docs(span(job.before));
  const earlier = docs(span(job.earlier));
  return hotWords({
    period: docs(period)!,
    baseline: before
      ? { basis: 'preceding', docs: before }
      : earlier && { basis: 'yearEarlier', docs: earlier },
    yearEarlier: earlier,
    top: job.top,
    byUnit: job.byUnit,
  });
}
