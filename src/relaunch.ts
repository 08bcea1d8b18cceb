/**
 * Issue 17 (peak RSS ≤ 300 MiB): after reading a big export glibc's main arena keeps about
 * 123 MiB resident to the exit, for every freed large block raises glibc's dynamic mmap
 * threshold (README, Benchmark, session 18). With MALLOC_MMAP_THRESHOLD_ fixed, freed large
 * blocks go back to the system: `report --year 2016 --detail` on the 1M-row CSV peaked at
 * 291–318 MiB against 408–417. glibc reads the variable only when a process starts, and Node 20
 * has no mallopt, malloc_trim or process.execve: so a heavy run on a big input starts the same
 * node again with it set (stdio shared: the terminal, progress, colour and piped stdin are the
 * child's as they were ours), passes signals on, and ends as the child ended.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:os';
import { childEndedBy, cleansUpOn, handOver, takeBack } from './io/temp.js';

/** Set in the child (to the parent's pid): it never starts another. */
export const RELAUNCHED_ENV = 'COMPLAINTS_RELAUNCHED';
const THRESHOLD = { MALLOC_MMAP_THRESHOLD_: '131072' } as const;

/**
 * The commands whose peak on the 1M-row CSV is near or over the limit without it, and lower
 * with it (README, "Unattended"): analyze 277–300 MiB → 255–263, warn 272–283 → 248–249.
 * trend (231–239 → 205–211) and inspect (134–135 → 125–127) are well under: a waiting parent
 * would cost more than they gain.
 */
const HEAVY = new Set(['report', 'analyze', 'warn']);

/**
 * Below this many bytes of input the peak is under the limit without a child (`report --detail`
 * on the first 10 and 30 MiB of the 1M CSV: 246–277 MiB) and the child's cost is a larger share
 * of the run (up to 0.7 CPU s of 4); the 250k CSV (93 MiB) peaks at 297–311 MiB without it
 * (README, "Unattended").
 */
const BIG_INPUT_BYTES = 32 * 1024 * 1024;
/** Tests only: a smaller size from which to relaunch, so that small fixtures do. */
export const TEST_RELAUNCH_BYTES_ENV = 'COMPLAINTS_TEST_RELAUNCH_BYTES';
/** Tests only: each process that reaches a command appends "pid ppid threshold" to this file. */
export const TEST_LAUNCH_LOG_ENV = 'COMPLAINTS_TEST_LAUNCH_LOG';

/**
 * The bytes the named inputs hold (a folder: the files in it), or null when that cannot be told
 * before reading (standard input, a pattern, the config file's inputs): those are taken as big.
 * A missing input gives 0: its error comes sooner from this process.
 */
export function inputBytes(inputs: readonly string[]): number | null {
  if (inputs.length === 0) return null;
  let bytes = 0;
  for (const input of inputs) {
    if (input === '-' || /[*?[{]/.test(input)) return null;
    try {
      const info = statSync(input);
      if (info.isDirectory()) {
        for (const name of readdirSync(input)) {
          const file = statSync(join(input, name), { throwIfNoEntry: false });
          if (file?.isFile()) bytes += file.size;
        }
      } else bytes += info.size;
    } catch {
      // Unreadable or missing: the command says so.
    }
  }
  return bytes;
}

/** Whether the allocator is glibc's: only glibc reads MALLOC_MMAP_THRESHOLD_. */
function glibc(): boolean {
  if (process.platform !== 'linux') return false;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } };
  return typeof report?.header?.glibcVersionRuntime === 'string';
}

/** Whether this run of `command` on `inputs` should be started again with the threshold set. */
export function worthRelaunching(
  command: string,
  inputs: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (!HEAVY.has(command)) return false;
  // Ours already, or the user's own allocator settings (MALLOC_ARENA_MAX, GLIBC_TUNABLES …).
  if (env[RELAUNCHED_ENV] !== undefined) return false;
  if (Object.keys(env).some((k) => /^MALLOC_[A-Z_]+_?$/.test(k))) return false;
  if (/glibc\.malloc\./.test(env.GLIBC_TUNABLES ?? '')) return false;
  const bytes = inputBytes(inputs);
  const big = Number(env[TEST_RELAUNCH_BYTES_ENV] || BIG_INPUT_BYTES);
  if (bytes !== null && bytes < big) return false;
  return glibc();
}

/**
 * Runs `command` in a child with the threshold set, when worth it: then this process ends as
 * the child ends (its exit code, or the signal that ended it, raised again here) and the
 * promise never settles. It settles at once when the run is this process's to do, or when the
 * child cannot be started (a spawn error: the command then runs here, as before).
 */
export function relaunchIfWorthIt(command: string, inputs: readonly string[]): Promise<void> {
  const log = process.env[TEST_LAUNCH_LOG_ENV];
  if (log) {
    const threshold = process.env.MALLOC_MMAP_THRESHOLD_ ?? '-';
    appendFileSync(log, `${process.pid} ${process.ppid} ${threshold}\n`);
  }
  watchParent();
  if (!worthRelaunching(command, inputs)) return Promise.resolve();
  return new Promise((runHere) => {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, ...THRESHOLD, [RELAUNCHED_ENV]: String(process.pid) },
      stdio: 'inherit',
    });
    // Ctrl-C at a terminal reaches both: this process waits for the child to end by it. A
    // signal sent to this process alone (a cron job's time-out, `kill PID`) is passed on.
    handOver((signal) => child.kill(signal));
    child.on('error', () => {
      if (child.pid !== undefined) return;
      takeBack();
      runHere();
    });
    child.on('exit', (code, signal) => {
      if (signal && !cleansUpOn(signal)) childEndedBy(signal);
      if (signal) endBy(signal);
      else process.exit(code ?? 1);
    });
  });
}

/** How often a child looks whether the process that started it is still there. */
const PARENT_CHECK_MS = 1000;

/**
 * In a child: if the waiting parent is killed outright (`kill -9`, which cannot be passed on),
 * the child would read on alone, holding the input and its temporary files. It looks once a
 * second whether its parent is still the one that started it, and if not ends as a SIGTERM
 * would end it (temporary files removed). Node has no PR_SET_PDEATHSIG.
 */
function watchParent(): void {
  const parent = Number(process.env[RELAUNCHED_ENV]);
  if (!(parent > 0) || process.ppid !== parent) return;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, PARENT_CHECK_MS).unref();
}

/** Ends this process by `signal`, as the child was: a shell sees 128 + its number. */
function endBy(signal: NodeJS.Signals): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
  // Should the signal not end it (a disposition set by something loaded later), end anyway.
  setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 1000);
}
