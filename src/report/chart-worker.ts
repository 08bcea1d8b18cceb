/**
 * The worker thread that draws the report's charts (charts.ts drawCharts) and ends: one job
 * (its workerData), one reply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { renderCharts, type ChartJob, type ChartWorkerReply } from './charts.js';

const job = workerData as ChartJob;
let reply: ChartWorkerReply;
try {
  reply = { ok: true, images: await renderCharts(job.specs, job.lang, job.options, job.fontsDir) };
} catch (error) {
  reply = {
    ok: false,
    ...(error instanceof InputError
      ? { input: { code: error.code, said: error.said, saidHint: error.saidHint } }
      : {}),
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}
parentPort!.postMessage(reply);
