/**
 * The hot words' worker thread (hot-words-worker.ts), started as early as a run knows it will
 * want one: right after the settings, before this thread compiles the pipeline and reads. Its
 * start-up (a V8 isolate, its modules, jieba's native library) then runs on the core that is
 * idle until the readers' workers start, rather than after reading, where the run waits for
 * its hot words. It does nothing until given the clauses (hot-words-run.ts).
 *
 * Light on purpose: imported before the pipeline, it loads nothing but node's modules.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./hot-words-worker.js', import.meta.url);
/** Workers run compiled JavaScript: under a TypeScript test runner there are none. */
export const WORKER_AVAILABLE = WORKER.pathname.endsWith('.js') && !import.meta.url.endsWith('.ts');
/**
 * For tests only: a file. With it, a worker whatever the number of texts (with two threads or
 * more), and each count appends where it ran: "worker", or "here" (this thread).
 */
export const TEST_WORKER_ENV = 'COMPLAINTS_TEST_HOT_WORDS_WORKER';
/**
 * Inputs at least this large are likely to hold the 20,000 texts a worker needs
 * (hot-words-run.ts MIN_WORKER_TEXTS: 20,000 complaints are 8 MB of CSV when every row is one,
 * 50 MB at the benchmark's 15%). One started for fewer costs about 0.1 s of CPU, on the core
 * that would be idle; it is then ended unused and the words counted here, the same words.
 */
const EARLY_BYTES = 16 * 1024 * 1024;

export type HotWordsReply =
  | { ok: true; result: import('../metrics/hot-words.js').HotWordsResult }
  | { ok: false; message: string };

export interface HotWordsThread {
  thread: Worker;
  reply: Promise<HotWordsReply>;
  settle: (reply: HotWordsReply) => void;
}

/** A worker for the hot words, keeping nothing alive until given a job (unref'd). */
export function spawnHotWordsThread(): HotWordsThread {
  // Its strings live briefly: a young generation of 8 MiB rather than V8's default keeps its
  // heap small while this thread's analysis holds the data set (the run's peak).
  const thread = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  // A run that fails first exits as it would (a 'message' listener would keep it: it is added
  // with the job).
  thread.unref();
  let settle: (reply: HotWordsReply) => void = () => {};
  const reply = new Promise<HotWordsReply>((resolve) => (settle = resolve));
  thread.once('error', (error) => settle({ ok: false, message: String(error) }));
  thread.once('exit', (code) => settle({ ok: false, message: `exited (${code})` }));
  return { thread, reply, settle };
}

let early: HotWordsThread | null = null;

/**
 * Starts the worker now if the run will likely want one: hot words on, two threads or more,
 * and inputs large enough (standard input and files that cannot be read are left to the
 * reading to judge and to say).
 */
export function startEarly(inputs: readonly string[], threads: number): void {
  if (early || threads < 2 || !WORKER_AVAILABLE) return;
  if (!process.env[TEST_WORKER_ENV]) {
    let bytes = 0;
    for (const input of inputs) {
      if (input === '-') continue;
      try {
        bytes += statSync(input).size;
      } catch {
        // Said by the reading, in its own words.
      }
    }
    if (bytes < EARLY_BYTES) return;
  }
  early = spawnHotWordsThread();
}

/** The worker started early, if any, now the caller's. */
export function takeEarly(): HotWordsThread | null {
  const taken = early;
  early = null;
  return taken;
}
