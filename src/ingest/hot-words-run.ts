/**
 * The hot words as part of a run (analyze, report): the complaint texts collected while reading
 * (HotWordTexts), then, once the period is resolved, the texts of the period, of the span before
 * it and of the same span a year earlier — each only when the inputs cover it (the analysis's
 * comparisons) — segmented (src/text, loaded only now) and counted (metrics/hot-words.ts).
 *
 * With two threads or more and many texts, the segmenting and counting run on a worker thread
 * (hot-words-worker.ts) while this one analyses: about half a second of one core on the 1M-row
 * CSV, which the analysis, the early warning and the charts do not wait for. The worker starts
 * before reading (hot-words-thread.ts), segments the clauses as soon as reading ends, while
 * this thread resolves the period and builds the analysis's input, and counts once given the
 * period: on the 1M-row CSV it is done before the analysis, which no longer waits for it.
 */
import { appendFileSync } from 'node:fs';
import type { HotWordsResult } from '../metrics/hot-words.js';
import { knownPeriod, periodJson, preceding, yearEarlier, type Period } from '../metrics/period.js';
import type { PeriodRequest } from '../metrics/period.js';
import { comparisons } from '../metrics/sections/period.js';
import type { AnalysisInput } from '../metrics/types.js';
import type { TextTable } from '../taxonomy/normalize.js';
import { HotWordTexts } from './hot-word-texts.js';
import { countHotWords, type HotWordsJob, type HotWordsMessage } from './hot-words-count.js';
import {
  spawnHotWordsThread,
  takeEarly,
  TEST_WORKER_ENV,
  WORKER_AVAILABLE,
  type HotWordsThread,
} from './hot-words-thread.js';

export { TEST_WORKER_ENV };
/**
 * Below this many texts kept, the hot words are counted on this thread: a worker costs about
 * 0.1 s of CPU to start and load its code, more than counting a few thousand texts takes.
 */
export const MIN_WORKER_TEXTS = 20_000;

export interface HotWordsSettings {
  /** How many words are listed (phrases: half as many). */
  top: number;
  /** Also each unit's top words (--hot-words-by unit). */
  byUnit: boolean;
}

/** The hot words of a run, with the spans they were counted over. */
export interface HotWords extends HotWordsResult {
  period: { from: string; to: string };
  baselinePeriod: { from: string; to: string } | null;
  yearEarlierPeriod: { from: string; to: string } | null;
}

export class HotWordsRun {
  readonly texts: HotWordTexts;
  private worker: HotWordsThread | null = null;
  private job: HotWordsJob | null = null;
  /** The unit each text counts under, by the collector's unit number; once read. */
  private units: string[] | null = null;

  constructor(
    private readonly settings: HotWordsSettings,
    request: PeriodRequest,
    /** The unit a work order is counted under (--units, --rollup), from its unit as written. */
    private readonly unitName: (written: string) => string = (u) => u,
    table: TextTable | null = null,
  ) {
    const known = knownPeriod(request);
    this.texts = new HotWordTexts(
      known && {
        from: Math.min(preceding(known).from, yearEarlier(known).from),
        to: known.to,
      },
      table,
    );
  }

  /**
   * Once the inputs are read: cuts the texts' columns to their length and, if `threads` allow
   * a worker and the texts are many, gives the worker (started early, hot-words-thread.ts, or
   * now) the clauses to segment while the period is resolved here. A worker started early for
   * a run that turns out to want none is ended.
   */
  startWorker(threads: number): void {
    this.texts.trim();
    const early = takeEarly();
    const wanted =
      threads >= 2 &&
      WORKER_AVAILABLE &&
      (this.texts.size >= MIN_WORKER_TEXTS || process.env[TEST_WORKER_ENV] !== undefined);
    if (this.worker || !wanted) {
      if (early) void early.thread.terminate();
      return;
    }
    this.worker = early ?? spawnHotWordsThread();
    const message: HotWordsMessage = {
      kind: 'clauses',
      clauses: this.texts.clauseList,
      units: this.unitsNamed(),
    };
    this.worker.thread.postMessage(message);
  }

  /** Units named once. */
  private unitsNamed(): string[] {
    return (this.units ??= this.texts.unitList.map((u) => this.unitName(u)));
  }

  /** Hands the texts and the spans compared to the worker, if there is one. */
  begin(input: AnalysisInput): void {
    const compared = comparisons(input);
    const days = (p: Period | null) => p && { from: p.from, to: p.to };
    this.job = {
      clauses: this.texts.clauseList,
      units: this.unitsNamed(),
      texts: this.texts.columns(this.worker !== null),
      period: days(input.period)!,
      before: days(compared.preceding),
      earlier: days(compared.yearEarlierInData),
      top: this.settings.top,
      byUnit: this.settings.byUnit,
    };
    if (this.worker) {
      this.worker.thread.once('message', this.worker.settle);
      this.worker.thread.ref();
      // The columns copied for it move there rather than being copied again (on a million
      // texts, about 45 MiB held here through the analysis); a count here uses the texts'.
      // The clauses it has already.
      const { texts, clauses: _sent, ...rest } = this.job;
      const message: HotWordsMessage = { kind: 'count', job: { ...rest, texts } };
      this.worker.thread.postMessage(message, [
        ...new Set(Object.values(texts).flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer] : []))),
      ] as ArrayBuffer[]);
      this.job = { ...this.job, texts: this.texts.columns(false) };
    }
  }

  async compute(input: AnalysisInput): Promise<HotWords> {
    if (!this.job) this.begin(input);
    const job = this.job!;
    const reply = this.worker && (await this.worker.reply);
    if (this.worker) void this.worker.thread.terminate();
    // A worker that failed (out of memory, say): counted here, as with one thread.
    const result = reply?.ok ? reply.result : await countHotWords(job);
    const testLog = process.env[TEST_WORKER_ENV];
    if (testLog) appendFileSync(testLog, reply?.ok ? 'worker\n' : 'here\n');
    const compared = comparisons(input);
    const json = (p: Period | null) => (p ? periodJson(p) : null);
    return {
      ...result,
      period: periodJson(input.period),
      baselinePeriod: json(compared.preceding ?? compared.yearEarlier),
      yearEarlierPeriod: json(compared.yearEarlier),
    };
  }
}
