/**
 * A cron job's `timeout` sends SIGTERM: the run must end by it promptly whatever it is doing —
 * reading, merging and analysing, drawing, writing the workbook or the bulletin — for its
 * handler (io/temp.ts) runs only when the event loop turns (src/turn.ts). Each run is a real
 * child process on a 200,000-row export that takes many seconds; the signal is sent when a file
 * the run makes shows which stage it is in, and the run must end by it within 5 s, leaving no
 * temporary file and no output. SIGINT (from a parent without a terminal) and SIGHUP the same.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-signal-prompt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Generous under load (a 2-core machine shared with other runs); a stuck run takes far longer. */
const BOUND_MS = 5_000;

let big = '';
beforeAll(() => {
  // The fixture's rows again and again with new ids: seconds of reading, analysing and writing.
  big = join(dir, 'big.csv');
  const fixture = join(ROOT, 'fixtures/95598-2016-08-pinyin.csv');
  const [header, ...rows] = readFileSync(fixture, 'utf8').trimEnd().split('\n');
  const lines = [header!];
  while (lines.length <= 200_000)
    for (const row of rows) lines.push(`${1e13 + lines.length}${row.slice(row.indexOf(','))}`);
  writeFileSync(big, lines.join('\n') + '\n');
});

/** Which stage the run is in, from what it has made: in TMPDIR, beside the output, the log. */
type Stage = (files: { tmp: string[]; out: string[]; log: boolean }) => boolean;
const reading: Stage = ({ tmp }) => tmp.some((n) => n.startsWith('complaints-spool-'));
const read: Stage = ({ log }) => log;
const drawing: Stage = ({ tmp }) => tmp.some((n) => n.startsWith('complaints-fonts-'));
// The workbook's temporary file beside it: made when the writing begins (io/write.ts).
const writing: Stage = ({ out }) => out.some((n) => n.startsWith('.complaints-tmp-'));

async function killedAt(args: string[], stage: Stage, signal: NodeJS.Signals) {
  const out = mkdtempSync(join(dir, 'out-'));
  const tmp = mkdtempSync(join(dir, 'tmp-'));
  const log = join(dir, `log-${Math.random().toString(36).slice(2)}`);
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/complaints.js'),
      ...args.map((a) => a.replace('BIG', big).replace('OUT', out)),
    ],
    {
      env: {
        ...process.env,
        TMPDIR: tmp,
        // Two workers read the export in ranges though it is under the size that would be; the
        // log is written once it has been read whole.
        COMPLAINTS_TEST_RANGE_BYTES: String(8 * 1024 * 1024),
        COMPLAINTS_TEST_RANGE_LOG: log,
      },
      // No terminal: SIGINT as a cron job's or a script's parent sends it.
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  let exitedAt = 0;
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (c, s) => {
      exitedAt = Date.now();
      resolve(c ?? 128 + constants.signals[s!]);
    }),
  );
  const deadline = Date.now() + 40_000;
  while (exitedAt === 0 && Date.now() < deadline) {
    if (stage({ tmp: readdirSync(tmp), out: readdirSync(out), log: existsSync(log) })) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const reached = exitedAt === 0 && Date.now() < deadline;
  const sent = Date.now();
  child.kill(signal);
  const code = await exited;
  return {
    reached,
    code,
    stderr,
    ms: exitedAt - sent,
    out: readdirSync(out),
    tmp: readdirSync(tmp),
  };
}

describe('a signal ends the run within seconds, at every stage', () => {
  it.each([
    [
      'SIGTERM',
      143,
      'reading (classify spools its rows)',
      reading,
      ['classify', 'BIG', '--out', 'OUT/c.csv'],
    ],
    [
      'SIGTERM',
      143,
      'after reading: merging, analysing',
      read,
      ['analyze', 'BIG', '--threads', '2', '--out', 'OUT/a.xlsx'],
    ],
    [
      'SIGTERM',
      143,
      "drawing the bulletin's charts",
      drawing,
      ['report', 'BIG', '--threads', '2', '--out', 'OUT/b.docx'],
    ],
    [
      'SIGTERM',
      143,
      'writing the workbook with 明细',
      writing,
      ['report', 'BIG', '--threads', '2', '--detail', '--out', 'OUT/r.xlsx'],
    ],
    [
      'SIGINT',
      130,
      'after reading: merging, analysing',
      read,
      ['report', 'BIG', '--threads', '2', '--out', 'OUT/r.xlsx'],
    ],
    [
      'SIGHUP',
      129,
      'writing the workbook with 明细 on one thread',
      writing,
      ['report', 'BIG', '--threads', '1', '--detail', '--out', 'OUT/r.xlsx'],
    ],
  ] as const)(
    '%s (exit %i) while %s',
    async (signal, code, _stage, stage, args) => {
      const r = await killedAt([...args], stage, signal);
      // The stage was reached before the run ended: the signal came in it.
      expect(r.reached, r.stderr).toBe(true);
      expect(r.code, r.stderr).toBe(code);
      expect(r.ms).toBeLessThan(BOUND_MS);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.out).toEqual([]);
      expect(r.tmp).toEqual([]);
    },
    60_000,
  );
});
