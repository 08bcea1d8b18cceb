/**
 * `--json FILE` says on stderr what `--out` says (review3 #4): the file written and the notes
 * that change a figure, so that a cron run's mail shows a December cut at the 26th. JSON to
 * stdout: json-stdout-stderr.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-json-stderr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CV = ['fixtures/coverage/95598-2015.xlsx', 'fixtures/coverage/95598-2016-1226.xlsx'];
const PARTIAL =
  '  2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率（加 --include-partial 可作整月计入）。';

describe('--json FILE on stderr', () => {
  it.each(['analyze', 'trend', 'warn'])('%s: the file and the partial month', (command) => {
    const file = join(dir, `${command}.json`);
    const run = complaints([command, ...CV, '--month', '2016-12', '--json', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`已写入 ${file}（JSON，投诉 30 条）\n${PARTIAL}\n`);
  });

  it('report --out and --json: both files named, the notes once; --quiet: nothing', () => {
    const json = join(dir, 'r.json');
    const out = join(dir, 'r.md');
    const run = complaints(['report', ...CV, '--month', '2016-12', '--out', out, '--json', json]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^已写入 ${out}（通报`));
    expect(lines.filter((l) => l === PARTIAL)).toHaveLength(1);
    expect(lines.at(-1)).toBe(`已写入 ${json}（JSON，投诉 30 条）`);
    const quiet = complaints(['analyze', ...CV, '--month', '2016-12', '--json', json, '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('assess: the file and the partial month too', () => {
    const file = join(dir, 'assess.json');
    const targets = 'fixtures/metrics/targets-2016.csv';
    const run = complaints([
      'assess',
      ...CV,
      '--month',
      '2016-12',
      '--targets',
      targets,
      '--json',
      file,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`已写入 ${file}（JSON，投诉 30 条）\n${PARTIAL}\n`);
  });
});
