/**
 * Renderers are loaded only when their output is asked for: a JSON run, or the terminal,
 * never loads exceljs (the workbook) or echarts and resvg (the charts). Node reports what it
 * resolves through a loader hook (ES modules) and require.cache at exit (CommonJS: exceljs
 * comes in through createRequire).
 */
import { afterAll, expect, it } from 'vitest';
import { LoadRecorder, MAIN } from '../helpers/loaded.js';

const recorder = new LoadRecorder();
afterAll(() => recorder.remove());

/** The packages under node_modules that `complaints ...argv` loaded. */
function packagesLoaded(argv: string[]): string[] {
  const run = recorder.run(MAIN, argv);
  expect(run.status).toBe(0);
  return run.packages;
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
    ['report', ...M, ...T, '--quarter', '2016Q4', '--out', recorder.path('q.json')],
  ],
])('%s loads no workbook or chart library', (_name, argv) => {
  expect(RENDERING.filter((name) => packagesLoaded(argv).includes(name))).toEqual([]);
});

it('sees them when a workbook with charts is written', () => {
  const packages = packagesLoaded(['report', ...M, ...T, '--out', recorder.path('r.xlsx')]);
  // zrender comes inside echarts' one-file build (src/report/charts.ts loads that, not its
  // 591 ES modules), so it is not resolved as a package of its own.
  expect(RENDERING.filter((name) => packages.includes(name))).toEqual(
    RENDERING.filter((name) => name !== 'zrender'),
  );
});
