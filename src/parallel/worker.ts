/** A worker thread's entry: reads the byte ranges it is sent (range-task.ts), one at a time. */
import { parentPort } from 'node:worker_threads';
import { failedRange, READY, type RangeTask } from './protocol.js';
import { readRange } from './range-task.js';

const port = parentPort!;
port.on('message', (task: RangeTask) => {
  readRange(task).then(
    // The partials' typed arrays move to the main thread rather than being copied.
    (reply) => port.postMessage(reply, transferables(reply)),
    (error: unknown) => port.postMessage(failedRange(task.id, error)),
  );
});
// Said once the imports above are loaded: the main thread cuts the file for the workers then.
port.postMessage(READY);

/** The distinct buffers of the typed arrays in `value` (plain data: objects, arrays, maps). */
function transferables(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    // Lists of strings or numbers (names, rows) hold no buffers: their first item tells.
    if (value.length > 0 && typeof value[0] === 'object')
      for (const item of value) transferables(item, found);
  } else if (value instanceof Map) {
    for (const item of value.values()) if (typeof item === 'object') transferables(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value))
      if (typeof item === 'object') transferables(item, found);
  }
  return [...found];
}
