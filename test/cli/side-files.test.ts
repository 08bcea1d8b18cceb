/**
 * The analyst keeps the month's targets and corrections beside the exports, and names the folder
 * as the input: the folder's listing must not read the files its own options name as exports
 * (it stopped on "no 受理时间 column", and for a targets file told the user to give it with
 * --targets, which they had). A file named on its own as an input is still refused, saying what
 * it is.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apartFromJsonNotes, complaints, isPlainError, ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'fixtures/revisions');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'complaints-side-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const folder = join(tmp, 'exports');
mkdirSync(folder);
// Named so that the October export is read after its re-export's copies would be: the order
// the inputs are given in elsewhere in these tests (95598-2016-10.xlsx, then the re-export).
cpSync(join(DIR, '95598-2016-10.xlsx'), join(folder, '1-95598-2016-10.xlsx'));
cpSync(join(DIR, '95598-2016-10-11.csv'), join(folder, '2-95598-2016-10-11.csv'));
cpSync(join(DIR, 'corrections-2016-10.csv'), join(folder, 'corrections-2016-10.csv'));
cpSync(join(ROOT, 'fixtures/metrics/targets-2016.csv'), join(folder, 'targets-2016.csv'));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const unitsOf = (r: Json) =>
  Object.fromEntries(
    (r.units as Json[]).map((u) => [u.unit, { complaints: u.complaints, assessed: u.assessed }]),
  );

describe('files of --targets and --corrections inside the folder of exports', () => {
  it('are left out of the folder, and said so; the counts are the corrected ones', () => {
    const run = complaints(
      [
        'analyze',
        'exports',
        '--month',
        '2016-10',
        '--corrections',
        'exports/corrections-2016-10.csv',
        '--targets',
        'exports/targets-2016.csv',
        '--json',
      ],
      { cwd: tmp },
    );
    // The corrections applied are said among the notes after the JSON (json-stdout-stderr).
    expect(run.stderr).toContain(
      '  人工更正（exports/corrections-2016-10.csv）：4 张投诉按更正计（分类 2，是否考核 2），其中统计期内 4 张。\n',
    );
    expect(apartFromJsonNotes(run.stderr)).toBe(
      'exports：读取 2 个文件 exports/1-95598-2016-10.xlsx、exports/2-95598-2016-10-11.csv；' +
        '未读取 exports/corrections-2016-10.csv（--corrections 给出的文件）、' +
        'exports/targets-2016.csv（--targets 给出的文件）\n',
    );
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.corrections).toMatchObject({ applied: 4 });
    for (const [unit, counts] of Object.entries(expected.corrected.units))
      expect(unitsOf(r)[unit]).toEqual(counts);
  });

  it('in English', () => {
    const run = complaints(
      [
        'analyze',
        'exports',
        '--month',
        '2016-10',
        '--lang',
        'en',
        '--corrections',
        'exports/corrections-2016-10.csv',
        '--targets',
        'exports/targets-2016.csv',
      ],
      { cwd: tmp },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      '; not read: exports/corrections-2016-10.csv (given with --corrections), exports/targets-2016.csv (given with --targets)\n',
    );
  });

  it('the config file\'s "inputs" leave them out too', () => {
    const dir = join(tmp, 'config');
    mkdirSync(dir);
    const config = join(dir, 'complaints.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        inputs: ['../exports/*'],
        corrections: '../exports/corrections-2016-10.csv',
        targets: '../exports/targets-2016.csv',
      }),
    );
    const run = complaints(['analyze', '--config', config, '--month', '2016-10', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).corrections).toMatchObject({ applied: 4 });
    // The command line's --corrections, relative to the working directory, over the file's.
    const given = complaints(
      [
        'analyze',
        ...['--config', config, '--month', '2016-10', '--json'],
        ...['--corrections', 'exports/corrections-2016-10.csv'],
      ],
      { cwd: tmp },
    );
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout).corrections).toMatchObject({ applied: 4 });
    // inspect, which reads neither, shows what analyze reads: the two exports.
    const inspect = complaints(['inspect', '--config', config, '--json']);
    expect(inspect.code).toBe(0);
    expect(JSON.parse(inspect.stdout).inputs.map((i: Json) => i.file)).toEqual([
      join(folder, '1-95598-2016-10.xlsx'),
      join(folder, '2-95598-2016-10-11.csv'),
    ]);
  });

  it('a corrections file named as an input is refused, saying what it is', () => {
    const run = complaints(
      ['analyze', join(DIR, '95598-2016-10.xlsx'), join(folder, 'corrections-2016-10.csv')],
      { cwd: tmp },
    );
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain(
      `${join(folder, 'corrections-2016-10.csv')}：这像是人工更正文件（第 1 行是 工单编号、一级分类、二级分类、是否考核、说明），不是工单导出文件。`,
    );
    expect(run.stderr).toContain(
      `请用 --corrections ${join(folder, 'corrections-2016-10.csv')} 指定它`,
    );
  });
});
