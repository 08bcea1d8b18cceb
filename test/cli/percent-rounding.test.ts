/**
 * A rate is rounded half away from zero everywhere, as Excel's 0.00% shows the workbook's cell:
 * 31 complaints against 32 a year earlier is −3.125%, and the bulletin's sentence (下降3.13%), its
 * tables, the terminal and the units CSV all say −3.13%, never −3.12% beside 3.13%.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-percent-rounding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// November 2015: 32 complaints, November 2016: 31, every day of both months covered.
const input = join(dir, '95598-2015-11-2016-11.csv');
const lines = ['工单编号,受理时间,供电单位,业务类型,受理内容'];
for (const [year, n] of [
  [2015, 32],
  [2016, 31],
] as const)
  for (let i = 0; i < n; i++)
    lines.push(
      `${year}${String(i).padStart(4, '0')},${year}-11-${String(1 + (i % 30)).padStart(2, '0')} 10:00:00,国网歙县供电公司,投诉,营业厅人员态度差`,
    );
writeFileSync(input, lines.join('\n') + '\n');

describe('−3.125% is −3.13% wherever it is shown', () => {
  it('in the bulletin, its sentence and its tables', () => {
    const out = join(dir, 'r.md');
    const run = complaints(['report', input, '--month', '2016-11', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('同比下降3.13%（上年同期32件）');
    expect(md).toMatch(/\| 国网歙县供电公司 \|.*\|\s+−3\.13% \|/);
    expect(md).not.toContain('3.12%');
  });

  it('in the units CSV and on the terminal', () => {
    const out = join(dir, 'units.csv');
    const run = complaints(['report', input, '--month', '2016-11', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const [, unit] = readFileSync(out, 'utf8').split('\n');
    expect(unit!.split(',')[10]).toBe('-0.0313');
    const shown = complaints(['analyze', input, '--month', '2016-11']);
    expect(shown.stdout).toContain('−3.13%');
    expect(shown.stdout).not.toContain('3.12%');
  });
});
