/**
 * The hot words' segmenting and counting, once the texts of the spans compared are taken out of
 * the collector (hot-words-run.ts): plain data in, plain data out, so that it runs the same on
 * this thread or on a worker (hot-words-worker.ts) while this one analyses.
 *
 * In two steps, so that a worker can take the first while this thread still builds the
 * analysis's input: the distinct clauses are segmented as soon as reading ends (they and the
 * units are all it needs), the texts of the period counted once the period is known.
 */
import { hotWords, type HotWordsResult, type HotWordTextSet } from '../metrics/hot-words.js';
import type { Clause, Segmenter } from '../text/segmenter.js';
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

/** What a worker is sent: the clauses once read, then the job without them. */
export type HotWordsMessage =
  | { kind: 'clauses'; clauses: readonly string[]; units: readonly string[] }
  | { kind: 'count'; job: Omit<HotWordsJob, 'clauses'> & { clauses?: readonly string[] } };

/** Every distinct clause segmented, by number, and the segmenter that did it. */
export interface SegmentedClauses {
  segmenter: Segmenter;
  terms: readonly Clause[];
}

/**
 * The clauses segmented, each once (shared by every text that has it), with jieba's dictionary
 * cut down to what the clauses and the unit names can hold: the same words as the whole one,
 * for a tenth of its time and memory (text/dictionary.ts). Every unit of the data is in the
 * cut, those of the period among them: a word kept that a text cannot hold changes no cut.
 */
export async function segmentClauses(
  clauses: readonly string[],
  units: readonly string[],
): Promise<SegmentedClauses> {
  const { segmenterFor } = await import('../text/segmenter.js');
  await turn();
  const segmenter = segmenterFor([...clauses, ...new Set(units)]);
  await turn();
  // On this thread (--threads 1) the loop turns between batches: a signal is answered (turn.ts).
  const terms: Clause[] = [];
  for (let i = 0; i < clauses.length; i++) {
    if (i % 4096 === 0 && due()) await turn();
    terms.push(segmenter.clause(clauses[i]!));
  }
  return { segmenter, terms };
}

export async function countHotWords(
  job: HotWordsJob,
  segmented?: Promise<SegmentedClauses>,
): Promise<HotWordsResult> {
  const { withoutWords } = await import('../text/segmenter.js');
  const { segmenter, terms: all } = await (segmented ?? segmentClauses(job.clauses, job.units));
  const span = (p: DaySpan | null) => p && spanOf(job.texts, p.from, p.to);
  const period = span(job.period)!;
  // The units written in the period's texts: their words are no hot words.
  const units = new Set<string>();
  for (let i = 0; i < period.unit.length; i++) units.add(period.units[period.unit[i]!]!);
  const named = segmenter.namedWords(units);
  const terms: Clause[] = [];
  for (let i = 0; i < all.length; i++) {
    if (i % 4096 === 0 && due()) await turn();
    terms.push(withoutWords(all[i]!, named));
  }
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
