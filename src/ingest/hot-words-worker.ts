/** A worker thread's entry: counts the hot words of one job (hot-words-count.ts), then ends. */
import { parentPort } from 'node:worker_threads';
import { countHotWords, type HotWordsJob } from './hot-words-count.js';

const port = parentPort!;
// Loaded while the job is prepared on the main thread.
void import('../text/segmenter.js');
port.once('message', (job: HotWordsJob) => {
  countHotWords(job).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, message: String(error) }),
  );
});
