/**
 * Which packages a run of the program loads: a loader hook records every ES module Node
 * resolves, and require.cache at exit adds the CommonJS ones (exceljs comes in through
 * createRequire). Used to check that --help and JSON or terminal runs stay light.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './cli.js';

// Runs in the loader thread: appends each resolved URL to the file named by LOADED.
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.LOADED, result.url + '\\n');
  return result;
}`;

const CLI = JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli.js')).href);
const RECORD_REQUIRED = `
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
process.on('exit', () =>
  appendFileSync(process.env.LOADED, Object.keys(createRequire(process.cwd() + '/').cache).join('\\n')),
);`;

/** Runs main(), as bin/complaints.js does. */
export const MAIN = `${RECORD_REQUIRED}
const { main } = await import(${CLI});
process.exitCode = await main(['node', 'complaints', ...JSON.parse(process.env.ARGV)]);`;

/** Runs program() alone: help and version end with a CommanderError of exit code 0. */
export const PROGRAM = `${RECORD_REQUIRED}
const { program } = await import(${CLI});
try {
  await program().parseAsync(['node', 'complaints', ...JSON.parse(process.env.ARGV)]);
} catch (error) {
  if (error.exitCode !== 0) throw error;
}`;

export interface LoadedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Package names under node_modules, sorted. */
  packages: string[];
}

export class LoadRecorder {
  private readonly dir = mkdtempSync(join(tmpdir(), 'complaints-loaded-'));
  private readonly register = join(this.dir, 'register.mjs');
  private runs = 0;

  constructor() {
    writeFileSync(join(this.dir, 'hooks.mjs'), HOOKS);
    writeFileSync(
      this.register,
      `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
    );
  }

  /** A path in the recorder's folder, for outputs of the runs. */
  path(name: string): string {
    return join(this.dir, name);
  }

  run(script: string, argv: string[]): LoadedRun {
    const loaded = join(this.dir, `loaded-${++this.runs}.txt`);
    writeFileSync(loaded, '');
    const run = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(this.register).href, '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, LOADED: loaded, ARGV: JSON.stringify(argv), NO_COLOR: '1' },
      },
    );
    const packages = new Set(
      readFileSync(loaded, 'utf8')
        .split('\n')
        .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    return {
      status: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      packages: [...packages].sort(),
    };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
