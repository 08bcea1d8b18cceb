// Runs the built program on one hostile input the way cron would, and measures what issue 10
// asks for: exit code, wall time, peak RSS, stack traces or internal errors, whether a refusal
// names the file, temp files left behind, and whether the input changed. The program runs with
// its own TMPDIR and working directory, both fresh, so anything left there is the program's.
// A run past its time, memory or TMPDIR budget is killed at once: the machine is shared.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// COMPLAINTS_BIN runs the suite or the campaign against another build (another branch's).
export const BIN = process.env.COMPLAINTS_BIN ?? join(ROOT, 'bin', 'complaints.js');
const PRELOAD = fileURLToPath(new URL('./maxrss.cjs', import.meta.url));

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

export function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file under a folder, relative paths, sorted; [] when the folder is gone. */
export function listFiles(dir) {
  let names;
  try {
    names = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return names
    .filter((d) => !d.isDirectory())
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(dir.length + 1))
    .sort();
}

function folderBytes(dir) {
  let total = 0;
  for (const name of listFiles(dir)) {
    try {
      total += statSync(join(dir, name)).size;
    } catch {
      // removed while we looked
    }
  }
  return total;
}

/** VmHWM (peak RSS) of a live process, in bytes; 0 when it has gone. */
function peakRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Temp files of ours: `.complaints-tmp-*` beside an output, `complaints-*` in TMPDIR. */
export function leftovers(dir) {
  return listFiles(dir).filter((f) => /(^|\/)(\.complaints-tmp-|complaints-)/.test(f));
}

/**
 * Runs `complaints ARGS` in `cwd` with TMPDIR=`tmp`: two fresh folders of the caller's, which
 * it judges and removes afterwards.
 * Returns { code, signal, ms, maxRss, stdout, stderr, killed } where killed is null or
 * 'time' | 'memory' | 'tmpdir' (the budget it crossed).
 */
export function runComplaints(args, options = {}) {
  const {
    cwd,
    tmp,
    timeoutMs = 60_000,
    rssLimit = GiB,
    tmpLimit = 512 * MiB,
    env = {},
    input,
  } = options;
  if (!cwd || !tmp) throw new Error('runComplaints needs a fresh cwd and tmp of the caller');
  const meter = mkdtempSync(join(tmpdir(), 'hostile-rss-'));
  const rssFile = join(meter, 'maxrss');
  const nodeOptions = [process.env.NODE_OPTIONS, `--require ${PRELOAD}`].filter(Boolean).join(' ');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: {
      ...process.env,
      NO_COLOR: '1',
      DEBUG: '',
      TMPDIR: tmp,
      NODE_OPTIONS: nodeOptions,
      COMPLAINTS_MAXRSS_FILE: rssFile,
      ...env,
    },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin.end(input);
  // The first 4 MiB of each stream: enough for any message, bounded for any output.
  const collect = (stream) => {
    const kept = { chunks: [], bytes: 0 };
    stream.on('data', (chunk) => {
      if (kept.bytes < 4 * MiB) kept.chunks.push(chunk);
      kept.bytes += chunk.length;
    });
    return kept;
  };
  const out = collect(child.stdout);
  const err = collect(child.stderr);
  let polled = 0;
  let killed = null;
  const kill = (why) => {
    if (killed) return;
    killed = why;
    child.kill('SIGKILL');
  };
  const watch = setInterval(() => {
    polled = Math.max(polled, peakRss(child.pid));
    if (polled > rssLimit) kill('memory');
    else if (folderBytes(tmp) > tmpLimit) kill('tmpdir');
  }, 100);
  const timer = setTimeout(() => kill('time'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(watch);
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let reported = 0;
      try {
        reported = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // killed before it could write
      }
      rmSync(meter, { recursive: true, force: true });
      resolve({
        code: code ?? -1,
        signal,
        ms,
        maxRss: Math.max(reported, polled),
        stdout: Buffer.concat(out.chunks).toString('utf8'),
        stderr: Buffer.concat(err.chunks).toString('utf8'),
        killed,
        cwd,
        tmp,
      });
    });
  });
}

/** A JavaScript stack frame or a crash of the program itself, in its error output. */
export function crashSigns(stderr) {
  const signs = [];
  if (/^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(stderr)) signs.push('stack trace');
  if (/internal error/i.test(stderr)) signs.push('internal error');
  if (/FATAL ERROR|Native stack trace|heap out of memory|Aborted \(core dumped\)/.test(stderr)) {
    signs.push('V8 crash');
  }
  if (
    /Cannot read propert|is not a function|is not defined|undefined \(reading|TypeError|RangeError|ReferenceError|\bERR_[A-Z_]+/.test(
      stderr,
    )
  ) {
    signs.push('JavaScript internals in the message');
  }
  if (/Out of bounds|Invalid column letter|SVG data parsing/.test(stderr)) {
    signs.push("a library's message");
  }
  return signs;
}

/**
 * Issue 10's rule for one run: exit 0, 2 or 3; in time and memory; no crash signs; a refusal
 * names the input; nothing of ours left in TMPDIR or beside the outputs; the input unchanged.
 * Returns the list of broken rules ([] = pass).
 */
export function judge(run, { input, hashBefore, hashAfter, timeLimitMs = 60_000, rssLimit = GiB }) {
  const problems = [];
  // A run we killed has failed; its exit code and the temp files SIGKILL left are our doing.
  if (run.killed === 'time') problems.push(`killed after ${(run.ms / 1000).toFixed(1)} s`);
  if (run.killed === 'memory') problems.push(`killed at ${Math.round(run.maxRss / MiB)} MiB RSS`);
  if (run.killed === 'tmpdir') problems.push('killed with TMPDIR past its limit');
  if (!run.killed && ![0, 2, 3].includes(run.code)) {
    problems.push(`exit ${run.code}${run.signal ? ` (${run.signal})` : ''}`);
  }
  if (!run.killed && run.ms > timeLimitMs) problems.push(`took ${(run.ms / 1000).toFixed(1)} s`);
  if (!run.killed && run.maxRss > rssLimit) {
    problems.push(`peak RSS ${Math.round(run.maxRss / MiB)} MiB`);
  }
  problems.push(...crashSigns(run.stderr));
  if (run.code === 2 && input && !run.stderr.includes(basename(input))) {
    problems.push('refusal does not name the file');
  }
  if (hashBefore && hashAfter && hashBefore !== hashAfter) problems.push('input changed');
  if (run.killed) return problems;
  const inTmp = listFiles(run.tmp);
  if (inTmp.length) problems.push(`left in TMPDIR: ${inTmp.slice(0, 3).join(', ')}`);
  const beside = leftovers(run.cwd);
  if (beside.length) problems.push(`left beside the output: ${beside.slice(0, 3).join(', ')}`);
  return problems;
}
