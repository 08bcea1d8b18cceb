/**
 * The shipped model from the command line and the config file (issue 16): on by default where
 * the rules are unsure, --no-model and "model": false for rules alone, said where a reader sees
 * how complaints were classified.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

/** A folder of its own for a test, removed when the file's tests are done. */
const scratchDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-cli-'));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

const FIXTURES = [
  'fixtures/95598-2016-09-11.xlsx',
  'fixtures/95598-2016-11-12-gb18030.csv',
  'fixtures/95598-2016-08-pinyin.csv',
  'fixtures/95598-2016-07-utf16.txt',
];

describe('the shipped model, on by default', () => {
  // Four texts about power not restored after paying arrears (the rules stop at 营业投诉); the
  // one of outages every few days without notice the rules now give to 供电可靠性 themselves (停一次电),
  // as the export records it.
  it.each([
    [[], '列 159，规则 22，模型 4，未分类 0'],
    [['--no-model'], '列 159，规则 26，模型 0，未分类 0'],
  ])('classify %j: %s', (extra, counts) => {
    const run = complaints(['classify', ...FIXTURES, ...extra]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`已分类投诉 185 条（2016-07 – 2016-12）：${counts}`);
  });

  // Rules alone now place the four too: 营业投诉 is clear, and its fallback type is 抄表催费.
  it('analyze: the model places them, and says so; --no-model gives the rules’ fallback type', () => {
    const on = complaints(['analyze', ...FIXTURES]);
    expect(on.stdout).toContain('热点（二级分类）: 抄表催费 26，');
    expect(on.stdout).toContain(
      '  模型判定 4 件（读取的投诉中规则未能确定或把握不足、由文本模型判定的',
    );
    const off = complaints(['analyze', ...FIXTURES, '--no-model']);
    expect(off.stdout).toContain('热点（二级分类）: 抄表催费 26，');
    expect(off.stdout).not.toContain('模型判定');
    const json = JSON.parse(complaints(['analyze', ...FIXTURES, '--json']).stdout);
    expect(json.classified).toEqual({ columns: 171, rules: 22, model: 4, unclassified: 0 });
  });

  it('"model": false in the config file is --no-model', () => {
    const dir = scratch();
    const config = join(dir, 'c.json');
    writeFileSync(config, JSON.stringify({ model: false }));
    const run = complaints(['analyze', ...FIXTURES, '--config', config, '--json']);
    expect(JSON.parse(run.stdout).classified.model).toBe(0);
  });

  it('--no-model where nothing is classified is refused like --model', () => {
    const run = complaints(['trend', ...FIXTURES, '--no-model']);
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain(
      'trend：--no-model 不起作用：trend 只有在 --by level1、level2、level3 或 discipline 时才显示分类。',
    );
    const en = complaints(inEnglish(['trend', ...FIXTURES, '--no-model']));
    expect(en.stderr).toContain('trend: --no-model is not used');
  });

  it('a model for another taxonomy is refused in two lines', () => {
    const dir = scratch();
    const model = join(dir, 'm.json');
    writeFileSync(
      model,
      JSON.stringify({
        format: 'complaints-text-model',
        version: 1,
        taxonomy: 'other',
        labels: ['X1'],
        docs: [1],
        totals: [1],
        counts: { 电: [[0, 1]] },
      }),
    );
    const run = complaints(['classify', ...FIXTURES, '--model', model], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain("它是按分类体系 'other' 训练的");
  });
});
