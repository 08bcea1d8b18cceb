/**
 * `report --help` says what --by does to each kind of output, as a run does it: the bulletin
 * gains 分项情况 (it once said the bulletin refused --by), the units CSV refuses it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-breakdown-help-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The help's text without its wrapping: a line may break at any space, or between two characters. */
const help = (...args: string[]) =>
  complaints(['report', '--help', ...args]).stdout.replace(/\s+/g, '');
const flat = (s: string) => s.replace(/\s+/g, '');

const CHANNELS = [
  join(ROOT, 'fixtures/breakdown/95598-2015Q4-2016Q4-channels.csv'),
  '--by',
  'channel',
  '--quarter',
  '2016Q4',
];

describe('report --help on --by, against what a run does', () => {
  it('the bulletin gains 分项情况, in Chinese and in English', () => {
    const out = join(dir, 'q.md');
    const run = complaints(['report', ...CHANNELS, '--out', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^#+ .*分项情况/m);
    expect(help()).toContain(flat('通报（.docx、.md）增加一节“分项情况”'));
    expect(help()).not.toContain(flat('通报（.docx、.md）和单位表 CSV 中没有分组统计'));
    expect(help('--lang', 'en')).toContain(
      flat('The bulletin (.docx, .md) gains a section 分项情况'),
    );
  });

  it('the units CSV refuses --by, as the help says', () => {
    const run = complaints(['report', ...CHANNELS, '--out', join(dir, 'units.csv')]);
    expect(run.code).toBe(2);
    expect(help()).toContain(
      flat('单位表 CSV 中没有分组统计：写 CSV 时，除非用 --json 要结果，否则拒绝 --by。'),
    );
  });
});
