/**
 * Every temporary file and folder this run makes is registered here, so that no exit path
 * leaves one behind: they hold complaint texts and customers' phone numbers. A normal end
 * removes each where it is used; `removeTemporaries` is the net under that, run on exit and on
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-C, a cron time-out, a closed terminal, Ctrl-\).
 *
 * Only a `kill -9` (or the kernel's out-of-memory killer) gets past that net. So every temporary
 * is private (a 0700 folder under TMPDIR, or a 0600 file beside an output until it is committed)
 * and named with the host and process that made it (`OWNER`): a later run removes those of a
 * process that is gone (`sweepStale`), and nothing else.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, said } from '../errors.js';

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

/**
 * `<host>-<pid>`: in every temporary's name. The host (4 hex digits of its name's hash) keeps a
 * run on another machine sharing the folder (NFS, a container's bind mount) from being taken
 * for a dead process of this one.
 */
export const OWNER = `${createHash('sha1').update(hostname()).digest('hex').slice(0, 4)}-${process.pid}`;

/** The temporary folders' kinds: `complaints-<kind>-<OWNER>-XXXXXX` under TMPDIR. */
export type TemporaryKind = 'detail' | 'spool' | 'fonts' | 'out';

/** What a temporary folder that cannot be made says: the folder, and to set TMPDIR. */
export function temporaryFolderError(folder: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'error';
  const what =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? said('不存在', 'does not exist')
      : code === 'ENOSPC' || code === 'EDQUOT'
        ? said('已满', 'is full')
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? said('无法写入（没有权限或只读）', 'cannot be written (permission denied or read-only)')
          : said(`无法写入（${code}）`, `cannot be written (${code})`);
  return new InputError(
    'OUTPUT_UNWRITABLE',
    said(
      `${folder}：临时文件夹${what.zh}，运行时需要在那里存放临时文件。`,
      `${folder}: the temporary folder ${what.en}; the run needs it for its temporary files.`,
    ),
    said(
      '请把 TMPDIR 设为有写入权限、空间足够的文件夹（export TMPDIR=/路径），然后重新运行。',
      'Set TMPDIR to a folder you may write to, with room (export TMPDIR=/path), and run again.',
    ),
  );
}

/** A new private (0700) folder under TMPDIR, tracked; a plain error (exit 2) when it cannot be. */
export function temporaryFolder(kind: TemporaryKind): string {
  const base = tmpdir();
  let dir: string;
  try {
    dir = mkdtempSync(join(base, `complaints-${kind}-${OWNER}-`));
  } catch (error) {
    throw temporaryFolderError(base, error);
  }
  trackTemporary(dir);
  return dir;
}

/** Our temporaries' names: the host, then the pid of the process that made them. */
const OURS = /^(?:complaints-(?:detail|spool|fonts|out)-|\.complaints-tmp-)([0-9a-f]{4})-(\d+)-./;
const HOST = OWNER.slice(0, 4);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes from `folder` the temporaries a killed run of this host left (its pid is not
 * running): folders `complaints-<kind>-…` and files `.complaints-tmp-…`, ours by name, kind
 * (a folder, a file: never a symbolic link) and owner. Returns the names removed.
 */
export function sweepStale(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of names) {
    const m = OURS.exec(name);
    if (!m || m[1] !== HOST) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || alive(pid)) continue;
    const path = join(folder, name);
    try {
      const info = lstatSync(path);
      const kind = name.startsWith('.') ? info.isFile() : info.isDirectory();
      if (!kind || (uid !== undefined && info.uid !== uid)) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove: left as it is.
    }
  }
  return removed;
}

/** The language of the sweep's line on stderr (the CLI sets it from --lang). */
let sweepLang: 'zh' | 'en' = 'zh';
export function setSweepLanguage(lang: 'zh' | 'en'): void {
  sweepLang = lang;
}

/** sweepStale, and one line on stderr naming what was removed. */
export function sweepAndSay(folder: string): void {
  const removed = sweepStale(folder);
  if (removed.length === 0) return;
  const list = removed.join(', ');
  process.stderr.write(
    sweepLang === 'en'
      ? `complaints: removed ${removed.length} temporary file(s) left in ${folder} by an earlier run that was killed: ${list}\n`
      : `complaints: 已删除此前被强行终止的运行留在 ${folder} 的临时文件 ${removed.length} 个：${list}\n`,
  );
}

/**
 * A relaunched run's child ended by a signal it cannot catch (SIGKILL: the kernel's
 * out-of-memory killer, the likeliest end of a run on a big input) or does not (SIGSEGV …): its
 * temporaries, named with its pid, are removed now rather than by the next run, and one line
 * says how the run ended — the child could say nothing, and a cron log showed nothing at all.
 */
export function childEndedBy(signal: NodeJS.Signals): void {
  const folder = tmpdir();
  const removed = sweepStale(folder);
  const memory = signal === 'SIGKILL';
  const zh =
    `complaints: 运行被 ${signal} 强行终止${memory ? '（可能是内存不足）' : ''}` +
    (removed.length > 0 ? `；已删除它留在 ${folder} 的临时文件 ${removed.length} 个` : '') +
    '。';
  const en =
    `complaints: the run was killed by ${signal}${memory ? ' (out of memory?)' : ''}` +
    (removed.length > 0
      ? `; removed the ${removed.length} temporary file(s) it left in ${folder}`
      : '') +
    '.';
  process.stderr.write(`${sweepLang === 'en' ? en : zh}\n`);
}

/** Whether a run ends by `signal` through endBySignals, its temporaries removed. */
export function cleansUpOn(signal: NodeJS.Signals): boolean {
  return Object.hasOwn(SIGNAL_EXIT, signal);
}

/**
 * The exit codes of DESIGN.md §4 for the signals: 128 + the signal's number, as shells use.
 * SIGQUIT (Ctrl-\ at a terminal) too: by its default action a run left its 明细 folder of
 * complaint texts in TMPDIR until the next run swept it (session 21).
 */
const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 } as const;

let installed = false;

/**
 * Installs the clean-up once per process (the CLI's entry; tests may call it again). On a
 * signal: the temporaries are removed, then the signal is raised again with its default action,
 * so the process ends by it (a shell sees 128 + its number). `process.exit` would not do: it
 * waits for the thread pool, and a thread blocked in open() of a FIFO without a writer (or
 * reader) never returns.
 */
export function cleanUpOnExit(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeTemporaries);
  if (process.env[TEST_LAG_ENV]) probeLag(process.env[TEST_LAG_ENV]);
  endBySignals();
}

function endBySignals(): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(signal, () => {
      removeTemporaries();
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      // Not reached when the default action ends the process, as it does.
      setTimeout(() => process.exit(code), 1000).unref();
    });
  }
}

/**
 * This process hands the run to a child (relaunch.ts) and only waits: the signals are left to
 * `onSignal` (passed on to the child, which cleans up itself), and the lag log to the child.
 */
export function handOver(onSignal: (signal: NodeJS.Signals) => void): void {
  lagLogged = false;
  replaceSignalListeners(() => {
    for (const signal of Object.keys(SIGNAL_EXIT)) process.on(signal, onSignal);
  });
}

/** The child could not be started: this process runs the command after all, as before. */
export function takeBack(): void {
  lagLogged = true;
  replaceSignalListeners(endBySignals);
}

/**
 * Puts `install`'s listeners in place of those there now, the new first: Node stops watching a
 * signal when its last listener goes, and a signal received but not yet handed to JavaScript is
 * then lost (a SIGINT sent to the parent just as it handed over was never passed on: the child
 * read on). Found by sending SIGINT at random moments of a relaunched run.
 */
function replaceSignalListeners(install: () => void): void {
  const before = Object.keys(SIGNAL_EXIT).map((signal) => ({
    signal,
    listeners: process.listeners(signal as NodeJS.Signals),
  }));
  install();
  for (const { signal, listeners } of before)
    for (const listener of listeners) process.removeListener(signal, listener);
}

/**
 * Tests and bench only: a file where the run writes, at its exit, its longest stretches
 * without an event-loop turn. A signal's handler waits for such a turn, so the longest
 * stretch is how late a run may end after SIGTERM (README, "Signals").
 */
export const TEST_LAG_ENV = 'COMPLAINTS_TEST_LAG_LOG';

/** False in a process that handed the run to a child (the child writes the log). */
let lagLogged = true;

/** A 10 ms timer: a turn later than that is a stretch, kept (start in µs of hrtime) when long. */
function probeLag(file: string): void {
  const tick = 10;
  const stretches: { atUs: number; ms: number }[] = [];
  let last = process.hrtime.bigint();
  setInterval(() => {
    const now = process.hrtime.bigint();
    const ms = Number(now - last) / 1e6 - tick;
    if (ms > 50) stretches.push({ atUs: Number(last / 1000n), ms: Math.round(ms) });
    last = now;
  }, tick).unref();
  process.on('exit', () => {
    if (!lagLogged) return;
    stretches.sort((a, b) => b.ms - a.ms);
    writeFileSync(file, JSON.stringify({ longest: stretches[0]?.ms ?? 0, stretches }) + '\n');
  });
}
