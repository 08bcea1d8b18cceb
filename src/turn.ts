/**
 * A signal's handler (io/temp.ts: SIGTERM from a cron time-out removes the temporary files and
 * ends the run) runs only when the event loop turns; a long synchronous stretch of work holds it
 * up, and the time-out then needs SIGKILL, which leaves the temporaries. So the long loops on
 * this thread (merging, the analysis, the report's model and sheets, the hot words) let it turn
 * once `TURN_MS` of work have passed since the last turn: `if (due()) await turn()`, checked
 * per batch of rows so that the per-row loops stay as fast (README, "Signals").
 */

/** The work between two turns: well under the half second a run may take to end on a signal. */
export const TURN_MS = 50;

let turned = performance.now();

/** True once `TURN_MS` have passed since the last `turn()`. */
export function due(): boolean {
  return performance.now() - turned >= TURN_MS;
}

/** A macrotask later (a resolved promise is a microtask: the loop would not turn). */
export function turn(): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      turned = performance.now();
      resolve();
    }),
  );
}

/** `turn()` when it is due. */
export async function turnIfDue(): Promise<void> {
  if (due()) await turn();
}

/**
 * Work written once as a generator, `yield` between its steps: run in one go (a pure function's
 * callers, the tests) or with turns between its steps (`inTurns`).
 */
export function atOnce<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function inTurns<T>(steps: Generator<unknown, T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (due()) await turn();
  }
}
