/**
 * The config file's "out" names report's output (the monthly workbook, with its 预警 sheet, or
 * the bulletin). `analyze` run in the same folder, plain or with --json, must not replace it with
 * its own workbook (no 预警): it leaves "out" to report and says so; --out still writes.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints, ROOT } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'complaints-analyze-config-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
mkdirSync(join(tmp, 'exports'));
mkdirSync(join(tmp, 'reports'));
cpSync(
  join(ROOT, 'fixtures/revisions/95598-2016-10.xlsx'),
  join(tmp, 'exports/95598-2016-10.xlsx'),
);
const CONFIG = join(tmp, 'complaints.config.json');
writeFileSync(
  CONFIG,
  JSON.stringify({ inputs: ['exports'], period: '2016-10', out: 'reports/投诉分析-{period}.xlsx' }),
);
const REPORT = join(tmp, 'reports/投诉分析-2016-10.xlsx');
const run = (args: string[]) => complaints(args, { cwd: tmp, input: '' });

describe('analyze in a folder whose config file names "out"', () => {
  const report = run(['report', '--no-charts']);
  const written = readFileSync(REPORT);

  it('report writes the workbook the config file names', () => {
    expect(report.code).toBe(0);
    expect(report.stderr).toContain('已写入 reports/投诉分析-2016-10.xlsx（10 个工作表');
  });

  it.each([
    ['analyze', []],
    ['analyze --json', ['--json']],
  ])('%s leaves it as report wrote it, and says why', (_, extra) => {
    const r = run(['analyze', ...extra]);
    expect(r.code).toBe(0);
    expect(readFileSync(REPORT).equals(written)).toBe(true);
    expect(r.stderr).not.toContain('已写入');
    expect(r.stderr).toContain(
      `${CONFIG} 中的 "out"（reports/投诉分析-{period}.xlsx）是 report 的输出，analyze 不写它；要让 analyze 写出文件，请用 --out FILE。`,
    );
  });

  it('in English', () => {
    const r = run(['analyze', '--lang', 'en']);
    expect(r.stderr).toContain(
      `"out" in ${CONFIG} (reports/投诉分析-{period}.xlsx) is report's output; analyze does not write it. Give --out FILE for analyze to write a file.`,
    );
  });

  it('--out still writes, and nothing is said of "out"', () => {
    const r = run(['analyze', '--out', 'a.xlsx', '--no-charts']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已写入 a.xlsx');
    expect(r.stderr).not.toContain('"out"');
    expect(readFileSync(REPORT).equals(written)).toBe(true);
  });
});
