/**
 * classify's row outputs (the classified rows, the audit list) are no report: written where a
 * folder or pattern input of the run would read them, the next run would take them for an
 * export (review3 #6: 重复工单 198 where there were none). Refused before reading, exit 2.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-classify-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'ex'));
copyFileSync('fixtures/95598-2016-09-11.xlsx', join(dir, 'ex', '95598-2016-09-11.xlsx'));
// The same folder under another name: the output's way round the check, or the input's.
symlinkSync('ex', join(dir, 'link'));

describe('classify --out where the inputs would read it', () => {
  it.each([
    [['ex', '--out', 'ex/classified.xlsx']],
    [['ex', '--out', 'ex/classified.csv']],
    [['ex/*.xlsx', '--out', 'ex/classified.xlsx']],
    [['ex', '--audit', '--out', 'ex/audit.xlsx']],
    [['ex', '--out', 'link/classified.csv']],
    [['ex/*.xlsx', '--out', 'link/classified.xlsx']],
    [['link', '--out', 'ex/classified.csv']],
    [['link/*', '--out', 'ex/classified.xlsx']],
  ])('%j: refused, nothing written', (args) => {
    const run = complaints(['classify', ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^complaints: \S*(?:ex|link)\/\w+\.\w+：下次运行时，输入 (?:ex|link)\S* 会把这个表当作导出文件读取。\n/m,
    );
    const en = complaints(inEnglish(['classify', ...args]), { cwd: dir });
    expect(en.stderr).toContain('would read this table as an export the next time it runs.');
    expect(readdirSync(join(dir, 'ex'))).toEqual(['95598-2016-09-11.xlsx']);
  });

  it('outside the folder: written', () => {
    const run = complaints(['classify', 'ex', '--out', 'classified.xlsx', '--quiet'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['classified.xlsx', 'ex', 'link']);
  });
});
