/**
 * `complaints --help` and `complaints CMD --help` load the registrations only: no reader,
 * writer, chart or table library (issue 11). A loader hook records every module Node
 * resolves while dist/cli.js's program() prints the help.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Runs in the loader thread: appends each resolved URL to the file named by LOADED.
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.LOADED, result.url + '\\n');
  return result;
}`;
const REGISTER = join(dir, 'register.mjs');
writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
writeFileSync(
  REGISTER,
  `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
);

let runs = 0;

/** What program() prints for `argv`, and the packages under node_modules it loaded. */
function load(argv: string[], script: string): { stdout: string; packages: string[] } {
  const loaded = join(dir, `loaded-${++runs}.txt`);
  writeFileSync(loaded, '');
  const run = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(REGISTER).href, '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOADED: loaded, ARGV: JSON.stringify(argv), NO_COLOR: '1' },
    },
  );
  expect(run.stderr).toBe('');
  const packages = new Set(
    readFileSync(loaded, 'utf8')
      .split('\n')
      .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
      .filter((name): name is string => name !== undefined),
  );
  return { stdout: run.stdout, packages: [...packages].sort() };
}

const CLI = pathToFileURL(join(ROOT, 'dist/cli.js')).href;
const HELP = `
const { program } = await import(${JSON.stringify(CLI)});
try {
  await program().parseAsync(['node', 'complaints', ...JSON.parse(process.env.ARGV)]);
} catch (error) {
  if (error.exitCode !== 0) throw error;
}`;
const MAIN = `
const { main } = await import(${JSON.stringify(CLI)});
process.exitCode = await main(['node', 'complaints', ...JSON.parse(process.env.ARGV)]);`;

const HEAVY = ['exceljs', 'echarts', '@resvg/resvg-js', 'iconv-lite', 'papaparse'];

describe('--help loads no heavy module', () => {
  it.each([
    [[]],
    [['analyze']],
    [['trend']],
    [['assess']],
    [['report']],
    [['inspect']],
    [['classify']],
    [['taxonomy']],
  ])('complaints %j --help: commander alone', (command) => {
    const { stdout, packages } = load([...command, '--help'], HELP);
    expect(stdout).toMatch(/^Usage: complaints/);
    expect(packages).toEqual(['commander']);
  });

  it('the hook sees what a command loads (a GB18030 CSV needs iconv-lite)', () => {
    const { stdout, packages } = load(
      ['inspect', 'fixtures/95598-2016-11-12-gb18030.csv', '--json'],
      MAIN,
    );
    expect(JSON.parse(stdout).inputs[0].encoding).toBe('gb18030');
    expect(packages).toContain('iconv-lite');
    expect(HEAVY.filter((name) => packages.includes(name))).not.toEqual([]);
  });
});
