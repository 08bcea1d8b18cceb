/**
 * Ctrl-C while workers read a CSV's byte ranges: the process ends with 128 + the signal, no
 * stack trace, nothing written and no temporary file left (the workers end with the process;
 * the cleanup of test/cli/outputs.test.ts runs as on one thread).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-parallel-signal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture's rows again and again with new ids: seconds of reading. */
function bigExport(): string {
  const file = join(dir, 'big.csv');
  const fixture = join(ROOT, 'fixtures/95598-2016-08-pinyin.csv');
  const [header, ...rows] = readFileSync(fixture, 'utf8').trimEnd().split('\n');
  const lines = [header!];
  while (lines.length <= 300_000)
    for (const row of rows) lines.push(`${1e13 + lines.length}${row.slice(row.indexOf(','))}`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** The run, in ranges of 1 MiB on two threads; `kill` sends the signal after `ms`. */
async function run(
  big: string,
  kill: { signal: NodeJS.Signals; ms: number } | null,
  command: string[] = ['analyze'],
) {
  const out = mkdtempSync(join(dir, 'out-'));
  const tmp = mkdtempSync(join(dir, 'tmp-'));
  const log = join(dir, `log-${Math.random().toString(36).slice(2)}`);
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/complaints.js'),
      ...command,
      big,
      '--threads',
      '2',
      '--out',
      join(out, 'a.xlsx'),
    ],
    {
      env: {
        ...process.env,
        TMPDIR: tmp,
        // Cut the export into ranges though it is under the size that would be.
        COMPLAINTS_TEST_RANGE_BYTES: String(1024 * 1024),
        COMPLAINTS_TEST_RANGE_LOG: log,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  // Ended by the signal itself (re-raised after the clean-up: io/temp.ts): what a shell shows.
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (c, s) => resolve(c ?? 128 + constants.signals[s!])),
  );
  const started = Date.now();
  // When the input has been read whole: the range log is written then.
  let read = 0;
  const watch = setInterval(() => {
    if (read === 0 && existsSync(log)) read = Date.now() - started;
  }, 10);
  if (kill) {
    await new Promise((r) => setTimeout(r, kill.ms));
    child.kill(kill.signal);
  }
  const code = await exited;
  clearInterval(watch);
  return { code, stderr, out, tmp, log, read };
}

describe('killed while workers read', () => {
  // Timed first on this machine: the signal comes halfway to the moment the input has been read
  // (start-up is a fraction of that), so while the workers read, whatever the machine's speed.
  let reading = 0;

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s: exit %i, nothing written, no temporary file',
    async (signal, code) => {
      const big = bigExport();
      if (reading === 0) {
        const whole = await run(big, null);
        expect(whole.code, whole.stderr).toBe(0);
        expect(readFileSync(whole.log, 'utf8')).toMatch(/"ranges"/);
        reading = whole.read;
        expect(reading).toBeGreaterThan(0);
      }
      const r = await run(big, { signal, ms: Math.round(reading / 2) });
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      // Killed before the input was read whole: no range log, no output, no temporary file.
      expect(() => readFileSync(r.log)).toThrow();
      expect(readdirSync(r.out)).toEqual([]);
      expect(readdirSync(r.tmp)).toEqual([]);
    },
    120_000,
  );

  // report --detail: the workers spool their ranges' 明细 rows into the main thread's folder.
  it('report --detail, SIGINT while the workers spool their ranges: exit 130, no temporary file', async () => {
    const big = bigExport();
    if (reading === 0) reading = (await run(big, null)).read;
    const r = await run(big, { signal: 'SIGINT', ms: Math.round(reading / 2) }, [
      'report',
      '--detail',
    ]);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(() => readFileSync(r.log)).toThrow();
    expect(readdirSync(r.out)).toEqual([]);
    expect(readdirSync(r.tmp)).toEqual([]);
  }, 120_000);
});
