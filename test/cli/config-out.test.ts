/**
 * A config file whose "out" writes workbook reports among the exports its "inputs" read, as the
 * command line may (`report exports --out exports/r.xlsx`): accepted, and next month's run leaves
 * the report out by its sheets instead of reading it as an export.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-config-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('config "out" among the inputs', () => {
  it('a workbook report in the exports a pattern reads: written, then left out the next run', () => {
    mkdirSync(join(dir, 'exports'));
    copyFileSync('fixtures/95598-2016-09-11.xlsx', join(dir, 'exports', '95598-2016-09-11.xlsx'));
    const config = {
      inputs: ['exports/*'],
      out: 'exports/投诉分析-{period}.xlsx',
      period: '2016-10',
    };
    writeFileSync(join(dir, 'complaints.config.json'), JSON.stringify(config));
    const first = complaints(['report', '--no-charts'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(join(dir, 'exports')).sort()).toEqual([
      '95598-2016-09-11.xlsx',
      '投诉分析-2016-10.xlsx',
    ]);
    // Read as an export it would stop the run ("a report written by complaints").
    const second = complaints(['report', '--no-charts', '--json'], { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    const inputs: { file: string }[] = JSON.parse(second.stdout).inputs;
    expect(inputs.map((i) => i.file)).toEqual([join(dir, 'exports', '95598-2016-09-11.xlsx')]);
  });

  it('a Markdown bulletin the pattern would read: still refused, before reading', () => {
    const config = { inputs: ['exports/*'], out: 'exports/通报-{period}.md', period: '2016-10' };
    writeFileSync(join(dir, 'complaints.config.json'), JSON.stringify(config));
    const run = complaints(['report'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'complaints.config.json："out" "exports/通报-{period}.md" 写出的报告会被 "inputs" "exports/*" 当作导出文件读取',
    );
    // The config file's "lang" says the language of its own errors.
    writeFileSync(join(dir, 'complaints.config.json'), JSON.stringify({ ...config, lang: 'en' }));
    const en = complaints(['report'], { cwd: dir });
    expect(en.stderr).toContain('"inputs" "exports/*" would read as exports');
  });

  it("{date} is the run's today (COMPLAINTS_TEST_TODAY), as the ingest's future limit is", () => {
    // The file's name and its contents must agree on the day: a run at 23:59:59 named its file
    // from its own clock, and a test could not pin it.
    const config = { inputs: ['exports/*'], out: 'out/r-{date}-{period}.xlsx', period: '2016-10' };
    writeFileSync(join(dir, 'complaints.config.json'), JSON.stringify(config));
    mkdirSync(join(dir, 'out'));
    const run = complaints(['report', '--no-charts'], {
      cwd: dir,
      env: { COMPLAINTS_TEST_TODAY: '2017-01-02' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['r-2017-01-02-2016-10.xlsx']);
  });
});
