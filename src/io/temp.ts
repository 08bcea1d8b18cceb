/**
 * Every temporary file and folder this run makes is registered here, so that no exit path
 * leaves one behind: they hold complaint texts and customers' phone numbers. A normal end
 * removes each where it is used; `removeTemporaries` is the net under that, run on exit and on
 * SIGINT, SIGTERM and SIGHUP (Ctrl-C, a cron time-out, a closed terminal).
 */
import { rmSync } from 'node:fs';

const live = new Set<string>();

export function trackTemporary(path: string): void {
  live.add(path);
}

export function releaseTemporary(path: string): void {
  live.delete(path);
}

/** Synchronous: it runs in signal and exit handlers, where nothing asynchronous finishes. */
export function removeTemporaries(): void {
  for (const path of live) {
    try {
      // Retried: a worker thread may put a file in a folder while it is being emptied (the
      // 明细 rows of a byte range), which leaves it not empty once.
      rmSync(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 10 });
    } catch {
      // Nothing more can be done on the way out; the others are still removed.
    }
  }
  live.clear();
}

/** The exit codes of DESIGN.md §4 for the signals: 128 + the signal's number, as shells use. */
const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

let installed = false;

/** Installs the clean-up once per process (the CLI's entry; tests may call it again). */
export function cleanUpOnExit(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeTemporaries);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(signal, () => {
      removeTemporaries();
      process.exit(code);
    });
  }
}
