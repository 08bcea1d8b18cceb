/**
 * A targets file whose units are all misspelt matches no unit: every output says so, and none
 * shows a total target of 0 "已达" by 0 units (the row 其中有指标的 0 个单位, or 无（0 / 0）).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-targets-none-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const M = 'fixtures/metrics';
const INPUTS = [
  `${M}/95598-2015.xlsx`,
  `${M}/95598-2016-01-06.xlsx`,
  `${M}/95598-2016-06-12-gb18030.csv`,
];
const targets = join(dir, 'targets.csv');
writeFileSync(targets, '\ufeff供电单位,年度指标\n歙县公司,26\n休宁公司,15\n');

describe('targets that match no unit', () => {
  it('assess: no total target, no row of 0 units with one, no 0 / 0', () => {
    const run = complaints(['assess', ...INPUTS, '--targets', targets, '--quarter', '2016Q4']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`歙县公司、休宁公司 在 ${targets} 中有指标，但输入中没有其工单`);
    expect(run.stdout).not.toContain('其中有指标的 0 个单位');
    expect(run.stdout).not.toContain('0 / 0');
    expect(run.stdout).not.toContain('指标按 10–12 月折算');
    const json = complaints([
      'assess',
      ...INPUTS,
      '--targets',
      targets,
      '--quarter',
      '2016Q4',
      '--json',
    ]);
    const result = JSON.parse(json.stdout) as {
      totals: { target: unknown; withTarget: unknown };
      yearToDate: { totals: { annualTarget: unknown; reachedAnnualTarget: unknown } };
    };
    expect(result.totals).toMatchObject({ target: null, withTarget: null });
    expect(result.yearToDate.totals).toMatchObject({
      annualTarget: null,
      reachedAnnualTarget: null,
    });
  });

  it('the bulletin: no table row says 已达', () => {
    const out = join(dir, 'q4.md');
    const run = complaints([
      'report',
      ...INPUTS,
      '--targets',
      targets,
      '--quarter',
      '2016Q4',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).not.toContain('其中有指标的 0 个单位');
    expect(md).not.toMatch(/\|\s*已达\s*\|/);
    expect(md).toContain('指标文件中的歙县公司和休宁公司在数据中没有对应单位，请核对单位名称。');
    // The empty target columns are left out for that reason, not for want of data; each table
    // is said with its own (表1 never has 年度指标; the quarter's is the prorated target). 已达年度指标
    // is not printed when no unit has reached its annual target, so it is not listed as blank.
    expect(md).toContain(
      '表1未列出折算指标、超指标率；表2未列出年度指标、超指标率（各行均无数值：没有单位有指标）。',
    );
  });
});
