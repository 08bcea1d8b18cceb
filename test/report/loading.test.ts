/**
 * Renderers are loaded only when their output is asked for: a JSON run, or the terminal,
 * never loads exceljs (the workbook) or echarts and resvg (the charts). Node reports what it
 * resolves through a loader hook (ES modules) and require.cache at exit (CommonJS: exceljs
 * comes in through createRequire).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-loading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
const MAIN = `
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
process.on('exit', () =>
  appendFileSync(process.env.LOADED, Object.keys(createRequire(process.cwd() + '/').cache).join('\\n')),
);
const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli.js')).href)});
process.exitCode = await main(['node', 'complaints', ...JSON.parse(process.env.ARGV)]);`;

let runs = 0;

/** The packages under node_modules that `complaints ...argv` loaded. */
function packagesLoaded(argv: string[]): string[] {
  const loaded = join(dir, `loaded-${++runs}.txt`);
  writeFileSync(loaded, '');
  const run = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(REGISTER).href, '--input-type=module', '-e', MAIN],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOADED: loaded, ARGV: JSON.stringify(argv), NO_COLOR: '1' },
    },
  );
  expect(run.status).toBe(0);
  return [
    ...new Set(
      readFileSync(loaded, 'utf8')
        .split('\n')
        .map((path) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1])
        .filter((name): name is string => name !== undefined),
    ),
  ].sort();
}

const M = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const T = ['--targets', 'fixtures/metrics/targets-2016.csv'];
const RENDERING = ['exceljs', 'echarts', 'zrender', '@resvg/resvg-js'];

it.each([
  ['analyze --json', ['analyze', ...M, ...T, '--json']],
  ['analyze in the terminal', ['analyze', ...M, ...T]],
  ['trend --by unit --json', ['trend', ...M, '--by', 'unit', '--json']],
  [
    'report --quarter --out q.json',
    ['report', ...M, ...T, '--quarter', '2016Q4', '--out', join(dir, 'q.json')],
  ],
])('%s loads no workbook or chart library', (_name, argv) => {
  expect(RENDERING.filter((name) => packagesLoaded(argv).includes(name))).toEqual([]);
});

it('sees them when a workbook with charts is written', () => {
  const packages = packagesLoaded(['report', ...M, ...T, '--out', join(dir, 'r.xlsx')]);
  expect(RENDERING.filter((name) => packages.includes(name))).toEqual(RENDERING);
});
