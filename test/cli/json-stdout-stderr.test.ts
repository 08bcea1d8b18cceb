/**
 * `--json` to stdout says on stderr what `--json FILE` says there: a cron job piping the JSON
 * into another program mails only stderr, and a December cut at the 26th, rows rejected or an
 * export without 工单编号 were told to nobody. stdout stays the JSON alone, byte for byte the
 * file's; a run with nothing to say says nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-json-stdout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CV = ['fixtures/coverage/95598-2015.xlsx', 'fixtures/coverage/95598-2016-1226.xlsx'];
const TARGETS = ['--targets', 'fixtures/metrics/targets-2016.csv'];
const PARTIAL = {
  zh: '  2016-12 只到 12-26，未计入环比、同比、季节性和月均下降率（加 --include-partial 可作整月计入）。',
  en: '  2016-12 runs only to 12-26: left out of 环比 (mom), 同比 (yoy), seasonality and the average monthly reduction; --include-partial counts it as a whole month.',
};

/** Two rows without 工单编号 or 业务类型, and a third whose date cannot be read. */
const bare = join(dir, 'bare.csv');
writeFileSync(
  bare,
  '受理时间,供电单位\n2016-05-03,甲供电所\n2016-05-04,乙供电所\n2016-05-99,乙供电所\n',
);

describe('--json to stdout: the notes on stderr', () => {
  it.each([
    ['analyze', []],
    ['trend', []],
    ['warn', []],
    ['assess', TARGETS],
  ])(
    '%s: stdout the JSON as the file has it, stderr the partial month, zh and en',
    (command, extra) => {
      const file = join(dir, `${command}.json`);
      const written = complaints([command, ...CV, '--month', '2016-12', ...extra, '--json', file]);
      expect(written.code, written.stderr).toBe(0);
      const zh = complaints([command, ...CV, '--month', '2016-12', ...extra, '--json']);
      expect(zh.code, zh.stderr).toBe(0);
      expect(zh.stdout).toBe(readFileSync(file, 'utf8'));
      JSON.parse(zh.stdout);
      expect(zh.stderr).toBe(`JSON 已输出到标准输出（投诉 30 条）\n${PARTIAL.zh}\n`);
      const en = complaints([
        command,
        ...CV,
        '--month',
        '2016-12',
        ...extra,
        '--json',
        '--lang',
        'en',
      ]);
      expect(en.code, en.stderr).toBe(0);
      JSON.parse(en.stdout);
      expect(en.stderr).toBe(`JSON written to stdout (30 complaints)\n${PARTIAL.en}\n`);
    },
  );

  it('analyze: what reading found (no 工单编号, no 业务类型, a rejected row), zh and en', () => {
    const zh = complaints(['analyze', bare, '--month', '2016-05', '--json']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(JSON.parse(zh.stdout).totals.rejected).toBe(1);
    expect(zh.stderr).toContain(`  ${bare}：没有工单编号列，其中的行不作去重。`);
    expect(zh.stderr).toContain(`  ${bare}：没有业务类型列，每一行都作为投诉计。`);
    expect(zh.stderr).toContain(
      `  拒收 1 行（日期或单位无法识别），未计入；逐行列出：complaints inspect ${bare}`,
    );
    const en = complaints(['analyze', bare, '--month', '2016-05', '--json', '--lang', 'en']);
    JSON.parse(en.stdout);
    expect(en.stderr).toContain(
      `  ${bare}: no 工单编号 (id) column: its rows are not de-duplicated.`,
    );
    expect(en.stderr).toContain(
      `  1 rows rejected (date or unit unreadable), not counted. Each: complaints inspect ${bare}`,
    );
  });

  it('assess: the targets that match no unit', () => {
    const run = complaints(['assess', bare, '--month', '2016-05', ...TARGETS, '--json']);
    expect(run.code, run.stderr).toBe(0);
    JSON.parse(run.stdout);
    expect(run.stderr).toContain(
      '  fixtures/metrics/targets-2016.csv 中没有 乙供电所、甲供电所 的指标：其投诉计入合计，但不与指标比较。',
    );
  });

  it('inspect: the warnings its text report gives on stderr, zh and en', () => {
    const zh = complaints(['inspect', bare, '--json']);
    expect(zh.code, zh.stderr).toBe(0);
    JSON.parse(zh.stdout);
    expect(zh.stderr).toContain(`warning: ${bare}：没有工单编号列，其中的行不作去重。`);
    const en = complaints(['inspect', bare, '--json', '--lang', 'en']);
    JSON.parse(en.stdout);
    expect(en.stderr).toContain(
      `warning: ${bare}: no 业务类型 (businessType) column: every row is taken as a complaint.`,
    );
  });

  it('a run with nothing to say, or --quiet: stderr empty', () => {
    const full = join(dir, 'full.csv');
    writeFileSync(
      full,
      '工单编号,受理时间,供电单位,业务类型\n1,2016-05-01,甲供电所,投诉\n2,2016-05-31,甲供电所,投诉\n',
    );
    const clean = complaints(['analyze', full, '--month', '2016-05', '--json']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(JSON.parse(clean.stdout).totals.complaints).toBe(2);
    expect(clean.stderr).toBe('');
    const quiet = complaints(['analyze', ...CV, '--month', '2016-12', '--json', '--quiet']);
    JSON.parse(quiet.stdout);
    expect(quiet.stderr).toBe('');
  });
});
