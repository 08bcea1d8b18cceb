/**
 * A worker thread for the report's charts (charts.ts drawCharts): one stage of the drawing,
 * then it ends, and what the stage took goes with it. One job (its workerData), one reply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { chartJob, type ChartJob, type ChartWorkerReply } from './charts.js';

let reply: ChartWorkerReply;
try {
  reply = await chartJob(workerData as ChartJob);
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
