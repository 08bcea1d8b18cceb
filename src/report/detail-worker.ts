/**
 * The worker thread that makes the 明细 sheet's rows (detail-sheet.ts), when there are many
 * (DetailRows.start), while the main thread goes on with the analysis, the hot words, the charts
 * and the other sheets. One job (its workerData), one reply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeDetailSheets, PartWriteError, type DetailSheetJob } from './detail-sheet.js';

export type DetailWorkerReply =
  | { ok: true; result: Awaited<ReturnType<typeof makeDetailSheets>> }
  /** `message` is what the user reads after 内部错误：; `stack` is for DEBUG=complaints. */
  | { ok: false; code: string | null; message: string; stack?: string };

let reply: DetailWorkerReply;
try {
  reply = { ok: true, result: await makeDetailSheets(workerData as DetailSheetJob) };
} catch (error) {
  reply = {
    ok: false,
    code: error instanceof PartWriteError ? error.code : null,
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}
parentPort!.postMessage(reply);
