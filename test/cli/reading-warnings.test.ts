/**
 * What reading found that can change a figure — no 工单编号 column (rows not de-duplicated), no
 * 业务类型 column (every row a complaint) — is said on stderr after a written report or JSON
 * file too, not only in the terminal summary: a cron mail is all anyone reads of such a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-reading-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bare = join(dir, 'bare.csv');
writeFileSync(
  bare,
  '受理时间,供电单位\n2016-05-03,甲供电所\n2016-05-03,甲供电所\n2016-05-04,乙供电所\n',
);

describe('warnings from reading, after an output is written', () => {
  it.each([
    ['report --out', ['report', bare, '--month', '2016-05', '--out', join(dir, 'may.md')]],
    [
      'analyze --json FILE',
      ['analyze', bare, '--month', '2016-05', '--json', join(dir, 'may.json')],
    ],
  ])('%s: named on stderr, zh and en', (_, args) => {
    const zh = complaints(args);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain(`  ${bare}：没有工单编号列，其中的行不作去重。`);
    expect(zh.stderr).toContain(`  ${bare}：没有业务类型列，每一行都作为投诉计。`);
    const en = complaints([...args, '--lang', 'en']);
    expect(en.stderr).toContain(
      `  ${bare}: no 工单编号 (id) column: its rows are not de-duplicated.`,
    );
    expect(en.stderr).toContain(
      `  ${bare}: no 业务类型 (businessType) column: every row is taken as a complaint.`,
    );
  });

  it('a file with both columns has no such line', () => {
    const full = join(dir, 'full.csv');
    writeFileSync(full, '工单编号,受理时间,供电单位,业务类型\n1,2016-05-03,甲供电所,投诉\n');
    const run = complaints(['report', full, '--month', '2016-05', '--out', join(dir, 'f.md')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/没有工单编号列|没有业务类型列/);
  });
});
