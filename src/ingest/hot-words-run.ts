/**
 * The hot words as part of a run (analyze, report): the complaint texts collected while reading
 * (HotWordTexts), then, once the period is resolved, the texts of the period, of the span before
 * it and of the same span a year earlier — each only when the inputs cover it (the analysis's
 * comparisons) — segmented (src/text, loaded only now) and counted (metrics/hot-words.ts).
 *
 * With two threads or more and many texts, the segmenting and counting run on a worker thread
 * (hot-words-worker.ts) while this one analyses: about half a second of one core on the 1M-row
 * CSV, which the analysis, the early warning and the charts do not wait for.
 */
import { appendFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { HotWordsResult } from '../metrics/hot-words.js';
import { knownPeriod, periodJson, preceding, yearEarlier, type Period } from '../metrics/period.js';
import type { PeriodRequest } from '../metrics/period.js';
import { comparisons } from '../metrics/sections/period.js';
import type { AnalysisInput } from '../metrics/types.js';
import type { TextTable } from '../taxonomy/normalize.js';
import { HotWordTexts } from './hot-word-texts.js';
import { countHotWords, type HotWordsJob } from './hot-words-count.js';

const WORKER = new URL('./hot-words-worker.js', import.meta.url);
/** Workers run compiled JavaScript: under a TypeScript test runner there are none. */
const WORKER_AVAILABLE = WORKER.pathname.endsWith('.js') && !import.meta.url.endsWith('.ts');
/**
 * Below this many texts kept, the hot words are counted on this thread: a worker costs about
 * 0.1 s of CPU to start and load its code, more than counting a few thousand texts takes.
 */
export const MIN_WORKER_TEXTS = 20_000;
/**
 * For tests only: a file. With it, a worker whatever the number of texts (with two threads or
 * more), and each count appends where it ran: "worker", or "here" (this thread).
 */
export const TEST_WORKER_ENV = 'COMPLAINTS_TEST_HOT_WORDS_WORKER';

type Reply = { ok: true; result: HotWordsResult } | { ok: false; message: string };

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
  private worker: {
    thread: Worker;
    reply: Promise<Reply>;
    settle: (reply: Reply) => void;
  } | null = null;
  private job: HotWordsJob | null = null;

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
   * Once the inputs are read: cuts the texts' columns to their length, and starts the worker
   * that will count, if `threads` allow one and the texts are many, so that it loads its code
   * while the period is resolved here.
   */
  startWorker(threads: number): void {
    this.texts.trim();
    if (this.worker || threads < 2 || !WORKER_AVAILABLE) return;
    if (this.texts.size < MIN_WORKER_TEXTS && !process.env[TEST_WORKER_ENV]) return;
    // Its strings live briefly: a young generation of 8 MiB rather than V8's default keeps its
    // heap small while this thread's analysis holds the data set (the run's peak).
    const thread = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    // Until it has a job it keeps nothing alive: a run that fails first exits as it would (a
    // 'message' listener would keep it: it is added with the job).
    thread.unref();
    let settle: (reply: Reply) => void = () => {};
    const reply = new Promise<Reply>((resolve) => (settle = resolve));
    thread.once('error', (error) => settle({ ok: false, message: String(error) }));
    thread.once('exit', (code) => settle({ ok: false, message: `exited (${code})` }));
    this.worker = { thread, reply, settle };
  }

  /** Hands the texts and the spans compared to the worker, if there is one. */
  begin(input: AnalysisInput): void {
    const compared = comparisons(input);
    const days = (p: Period | null) => p && { from: p.from, to: p.to };
    this.job = {
      clauses: this.texts.clauseList,
      // Units named once.
      units: this.texts.unitList.map((u) => this.unitName(u)),
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
      const { texts } = this.job;
      this.worker.thread.postMessage(this.job, [
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
