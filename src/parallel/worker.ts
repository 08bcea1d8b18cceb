/** A worker thread's entry: reads the byte ranges it is sent (range-task.ts), one at a time. */
import { parentPort } from 'node:worker_threads';
import type { RangeReply, RangeTask } from './protocol.js';
import { readRange } from './range-task.js';

const port = parentPort!;
port.on('message', (task: RangeTask) => {
  readRange(task).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => {
      const reply: RangeReply = {
        id: task.id,
        ok: false,
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
      port.postMessage(reply);
    },
  );
});
