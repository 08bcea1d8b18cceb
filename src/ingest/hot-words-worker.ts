/**
 * A worker thread's entry: segments the run's clauses as soon as reading gives them, then counts
 * the hot words of one job (hot-words-count.ts) once the period is known, and ends.
 */
import { parentPort } from 'node:worker_threads';
import {
  countHotWords,
  segmentClauses,
  type HotWordsMessage,
  type SegmentedClauses,
} from './hot-words-count.js';

const port = parentPort!;
// Loaded, with jieba's native library, while this thread waits for the clauses (a failure to
// load is met, and said, when the clauses are segmented).
void import('../text/segmenter.js').then((s) => s.loadJieba()).catch(() => {});
let segmented: Promise<SegmentedClauses> | null = null;
port.on('message', (message: HotWordsMessage) => {
  if (message.kind === 'clauses') {
    segmented = segmentClauses(message.clauses, message.units);
    // Met by the count, which then fails with it.
    segmented.catch(() => {});
    return;
  }
  const job = { ...message.job, clauses: message.job.clauses ?? [] };
  countHotWords(job, segmented ?? undefined).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, message: String(error) }),
  );
});
