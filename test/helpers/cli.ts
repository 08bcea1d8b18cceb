import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/complaints.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real program, as a user would (dist/ is built by `npm test` first). */
export function complaints(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    input?: Buffer | string;
    /** Milliseconds before the run is killed (its code is then -1): a run that must not hang. */
    timeout?: number;
  } = {},
): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    // COLUMNS from the caller's shell would fold wide tables into records (report/terminal.ts).
    env: { ...process.env, COLUMNS: '', NO_COLOR: '1', ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeout,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A user error is one or two plain lines, never a stack trace. */
export function isPlainError(stderr: string): boolean {
  const lines = stderr.trimEnd().split('\n');
  return (
    lines.length >= 1 &&
    lines.length <= 2 &&
    !/^\s+at /m.test(stderr) &&
    lines[0]!.startsWith('complaints: ')
  );
}

/**
 * stderr without the notes a run with `--json` to stdout gives under "JSON 已输出到标准输出"
 * ("JSON written to stdout"), for a test of something else that expects stderr otherwise empty
 * (the notes themselves: test/cli/json-stdout-stderr.test.ts).
 */
export function apartFromJsonNotes(stderr: string): string {
  return stderr.replace(/^(?:JSON 已输出到标准输出|JSON written to stdout).*\n(?: {2}.*\n)*/m, '');
}
