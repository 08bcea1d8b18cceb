/**
 * The worker threads and this one: workers are started when the second task comes, or by
 * `warm` (a run that reads no large CSV starts none), and each, this thread included, takes one
 * task at a time from a queue, ended by `close` (or with the process:
 * Ctrl-C's handler exits, which ends them, and the temporary-file cleanup runs as on one thread).
 */
import { Worker } from 'node:worker_threads';
import { failedRange, isReady, type RangeReply, type RangeTask } from './protocol.js';

const WORKER = new URL('./worker.js', import.meta.url);

interface Pending {
  task: RangeTask;
  resolve: (reply: RangeReply) => void;
}

export class WorkerPool {
  /** Workers run compiled JavaScript: under a TypeScript test runner there are none. */
  static readonly available = WORKER.pathname.endsWith('.js') && !import.meta.url.endsWith('.ts');

  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();

  /** `size`: worker threads, besides this one. */
  constructor(readonly size: number) {}

  /** Settles `warm`'s promise: true once a worker is ready, false when none is left to be. */
  private onReady: ((ready: boolean) => void) | null = null;
  /** A worker has said it is ready (an earlier input's, say). */
  private anyReady = false;

  /**
   * Starts every worker now, before their tasks are known; true once the first has loaded the
   * reading code and can take a task at once, false when none can (they all failed to start).
   */
  warm(): Promise<boolean> {
    if (this.anyReady && this.workers.length > 0) return Promise.resolve(true);
    const ready = new Promise<boolean>((resolve) => (this.onReady = resolve));
    while (this.workers.length < this.size) this.idle.push(this.start());
    return ready;
  }

  run(task: RangeTask): Promise<RangeReply> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.next();
    });
  }

  /** This thread reads ranges too while the workers read theirs: it would idle otherwise. */
  private localBusy = false;

  private next(): void {
    while (this.queue.length > 0) {
      if (!this.localBusy) {
        this.runLocally(this.queue.shift()!);
        continue;
      }
      const worker = this.idle.pop() ?? (this.workers.length < this.size ? this.start() : null);
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage(pending.task);
    }
  }

  private runLocally(pending: Pending): void {
    this.localBusy = true;
    // Imported when needed: range-task.ts imports the reading code that imports this.
    import('./range-task.js')
      .then(({ readRange }) => readRange(pending.task))
      .catch((error: unknown): RangeReply => failedRange(pending.task.id, error))
      .then((reply) => {
        this.localBusy = false;
        pending.resolve(reply);
        this.next();
      });
  }

  private start(): Worker {
    const worker = new Worker(WORKER);
    this.workers.push(worker);
    const settle = (reply: RangeReply) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      pending?.resolve(reply);
      this.next();
    };
    worker.on('message', (reply: RangeReply | { ready: true }) => {
      if (!isReady(reply)) settle(reply);
      else {
        this.anyReady = true;
        this.onReady?.(true);
      }
    });
    // A worker that fails or stops (out of memory, say) fails its task: the input is then read
    // on this thread (read.ts).
    const lost = (message: string) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      const at = this.workers.indexOf(worker);
      if (at >= 0) this.workers.splice(at, 1);
      const idle = this.idle.indexOf(worker);
      if (idle >= 0) this.idle.splice(idle, 1);
      if (this.workers.length === 0) this.onReady?.(false);
      pending?.resolve({ id: pending.task.id, ok: false, message });
      this.next();
    };
    worker.on('error', (error) => lost(String(error)));
    worker.on('exit', (code) => lost(`worker exited (${code})`));
    return worker;
  }

  async close(): Promise<void> {
    this.queue.length = 0;
    const workers = this.workers.splice(0);
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
