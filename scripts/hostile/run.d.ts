// Types of run.js for test/cli/hostile.test.ts (the scripts are plain Node ESM).
export const ROOT: string;
export const BIN: string;
export const GiB: number;
export const MiB: number;
export interface HostileRun {
  code: number;
  signal: NodeJS.Signals | null;
  ms: number;
  maxRss: number;
  stdout: string;
  stderr: string;
  killed: null | 'time' | 'memory' | 'tmpdir';
  cwd: string;
  tmp: string;
}
export interface RunOptions {
  cwd: string;
  tmp: string;
  timeoutMs?: number;
  rssLimit?: number;
  tmpLimit?: number;
  env?: Record<string, string>;
  input?: Buffer | string;
}
export function sha256(file: string): string;
export function listFiles(dir: string): string[];
export function leftovers(dir: string): string[];
export function runComplaints(args: string[], options?: RunOptions): Promise<HostileRun>;
export function crashSigns(stderr: string): string[];
export function judge(
  run: HostileRun,
  facts: {
    input?: string;
    hashBefore?: string;
    hashAfter?: string;
    timeLimitMs?: number;
    rssLimit?: number;
  },
): string[];
