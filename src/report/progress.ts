/**
 * A progress line on stderr, for runs that take more than a few seconds at a terminal: which
 * input, how many rows so far. Never on a pipe, a file or cron (not a TTY), nor with --quiet or
 * --no-progress; it erases itself when the reading is done.
 */
import { formatInt } from './format.js';

const DELAY_MS = 2000;
const EVERY_MS = 250;

export class Progress {
  private rows = 0;
  private input = 0;
  private shown = false;
  private readonly timer: NodeJS.Timeout;
  private readonly started = Date.now();

  constructor(
    private readonly files: readonly string[],
    private readonly zh: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.timer = setInterval(() => this.draw(), EVERY_MS);
    this.timer.unref();
  }

  /** Whether a progress line belongs on this stream at all. */
  static wanted(stream: NodeJS.WriteStream, enabled: boolean): boolean {
    return enabled && stream.isTTY === true;
  }

  row(input: number): void {
    this.rows++;
    this.input = input;
  }

  /** `n` rows of an input read elsewhere (a worker thread's byte range). */
  rowsRead(input: number, n: number): void {
    this.rows += n;
    this.input = input;
  }

  private draw(): void {
    if (Date.now() - this.started < DELAY_MS) return;
    const file = this.files[this.input] ?? '';
    const n = formatInt(this.rows);
    const of = `${this.input + 1}/${this.files.length}`;
    const text = this.zh ? `读取 ${file}（${of}）：${n} 行` : `reading ${file} (${of}): ${n} rows`;
    this.stream.write(`\r\x1b[K${text}`);
    this.shown = true;
  }

  done(): void {
    clearInterval(this.timer);
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
