/**
 * `trend --targets` is refused (trend shows no targets), so the config file's "targets" — kept
 * for analyze, assess, report and warn in the same file — must not show them in trend either:
 * the same trend from the cron folder and from the command line (analyst9: the folder's trend
 * printed 年度指标 125，超指标率 +16.8% in its year-to-date line).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, complaints } from '../helpers/cli.js';

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const dir = mkdtempSync(join(tmpdir(), 'complaints-trend-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trend in a folder whose config file names targets', () => {
  it('prints what trend prints on the command line: no target in the year to date', () => {
    writeFileSync(
      join(dir, 'complaints.config.json'),
      JSON.stringify({
        inputs: INPUTS.map((f) => join(ROOT, f)),
        targets: join(ROOT, 'fixtures/metrics/targets-2016.csv'),
        period: '2016Q4',
      }),
    );
    const fromConfig = complaints(['trend'], { cwd: dir });
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    const ytd = fromConfig.stdout.split('\n').find((l) => l.startsWith('累计'));
    expect(ytd).toBe(
      '累计 2016-01 – 2016-12: 投诉 226，申诉成功 80，考核投诉 146，投诉同比 +25.56% (上年同期投诉 180)',
    );
    const given = complaints(['trend', ...INPUTS, '--quarter', '2016Q4']);
    expect(fromConfig.stdout.split('\n').slice(2)).toEqual(given.stdout.split('\n').slice(2));
    // The other commands of the same file still hold the units against them.
    expect(complaints(['assess'], { cwd: dir }).stdout).toContain('年度指标');
  });
});
