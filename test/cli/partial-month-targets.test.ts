/**
 * A month is never held against the targets (the year to date beside it is), so a month the
 * exports cover only in part must not say it was "not held against the targets because it is
 * incomplete", nor advise --include-partial "to compare the whole period": with it the month is
 * still not compared (analyst9: June 2016 from the January–June export cut at 06-21).
 */
import { describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const ARGS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  '--targets',
  'fixtures/metrics/targets-2016.csv',
  '--month',
  '2016-06',
];

describe('a month covered in part, with targets', () => {
  it('the notes say the month is partial, and that a month is not held against the targets', () => {
    const run = complaints(['analyze', ...ARGS, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.notes.map((n: { code: string }) => n.code)).not.toContain('targets-partial');
    expect(json.notes.map((n: { code: string }) => n.code)).toContain('months-partial');
    const text = complaints(['assess', ...ARGS]);
    expect(text.stdout).toContain('本月不与指标比较：指标为年度指标，与累计比较（见累计表）。');
    expect(text.stdout).not.toContain('可作完整期间比较');
  });

  it('a quarter covered in part still says it is not held against its share of the targets', () => {
    const run = complaints(['assess', ...ARGS.slice(0, -2), '--quarter', '2016Q2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '本期数据不完整（2016-06 只到 06-21），考核投诉偏低：不与指标比较，不判断超指标（加 --include-partial 可作完整期间比较）。',
    );
  });
});
