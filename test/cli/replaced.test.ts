/**
 * A cron job run twice for one month, or an analyst's `analyze` in the folder whose config file
 * names the report: the file written before is replaced, and the line naming the output says
 * so, with when the old one was written — a mail that says only 已写入 hides that last run's
 * figures are gone.
 */
import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const INPUTS = ['fixtures/metrics/95598-2015.xlsx', 'fixtures/metrics/95598-2016-01-06.xlsx'];
const dir = mkdtempSync(join(tmpdir(), 'complaints-replaced-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an output that replaces a file of the same name', () => {
  it('the first run says nothing of it; the second names when the old file was written', () => {
    const out = join(dir, 'june.md');
    const args = ['report', ...INPUTS, '--month', '2016-05', '--out', out];
    const first = complaints(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toContain('替换');
    // Written "yesterday" at 07:30 local time, as cron would have.
    const then = new Date(2016, 5, 2, 7, 30);
    utimesSync(out, then, then);
    const second = complaints(args);
    expect(second.code, second.stderr).toBe(0);
    const lines = second.stderr.split('\n');
    expect(lines[0]).toMatch(/^已写入 .*june\.md（/);
    expect(lines[1]).toMatch(
      /^ {2}替换了原有的同名文件（写于 2016-06-02 07:30 UTC[+-]\d\d:\d\d）。$/,
    );
    expect(statSync(out).mtimeMs).toBeGreaterThan(then.getTime());
    const en = complaints([...args, '--lang', 'en']);
    expect(en.stderr.split('\n')[1]).toMatch(
      /^ {2}It replaced the file of that name written \d{4}-\d\d-\d\d \d\d:\d\d UTC[+-]\d\d:\d\d\.$/,
    );
  });

  it('analyze --out the same: said the same way', () => {
    const out = join(dir, 'may.xlsx');
    const args = ['analyze', ...INPUTS, '--month', '2016-05', '--out', out, '--no-charts'];
    expect(complaints(args).stderr).not.toContain('替换了');
    expect(complaints(args).stderr).toMatch(/\n {2}替换了原有的同名文件（写于 /);
  });
});
