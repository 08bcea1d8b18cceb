/**
 * The small files beside the exports (corrections, targets, units, codes), said in the words an
 * analyst needs: a corrections file with a header only says it has no rows; a file with nothing
 * in it but a byte-order mark names its role; a workbook named .csv is said to be one, as an
 * export is; an output that is the targets file is refused before anything is read or announced.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints, isPlainError, ROOT } from '../helpers/cli.js';

const OCTOBER = [join(ROOT, 'fixtures/revisions/95598-2016-10.xlsx'), '--month', '2016-10'];
const tmp = mkdtempSync(join(tmpdir(), 'complaints-small-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a corrections file with a header only', () => {
  const file = join(tmp, 'header-only.csv');
  writeFileSync(file, '工单编号,一级分类,二级分类,是否考核,说明\n');

  it('says the file has no rows, not "0 张按更正计"', () => {
    const zh = complaints(['analyze', ...OCTOBER, '--corrections', file]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain(`人工更正（${file}）：文件中只有表头，没有更正行。`);
    expect(zh.stdout).not.toContain('0 张投诉按更正计');
    const en = complaints(['analyze', ...OCTOBER, '--corrections', file, '--lang', 'en']);
    expect(en.stdout).toContain(`Corrections (${file}): the file has a header and no rows.`);
  });
});

describe('a file holding only a byte-order mark names its role', () => {
  const file = join(tmp, 'bom.csv');
  writeFileSync(file, '\uFEFF');
  it.each([
    ['corrections', '人工更正文件', 'corrections file'],
    ['targets', '考核指标文件', 'targets file'],
    ['units', '单位层级文件', 'units file'],
    ['codes', '代码表', 'code table'],
  ])('--%s', (option, zh, en) => {
    const run = complaints(['analyze', ...OCTOBER, `--${option}`, file]);
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain(`complaints: ${zh} ${file}（--${option}）：文件里没有内容`);
    const english = complaints(['analyze', ...OCTOBER, `--${option}`, file, '--lang', 'en']);
    expect(english.stderr).toContain(`complaints: --${option} ${file}: the ${en} holds nothing`);
  });

  it('and so does a header not found', () => {
    const other = join(tmp, 'no-header.csv');
    writeFileSync(other, '甲,乙\n1,2\n');
    const run = complaints(['analyze', ...OCTOBER, '--corrections', other]);
    expect(run.stderr).toContain(`complaints: ${other}：人工更正文件的前 20 行里没有`);
    const units = complaints(['analyze', ...OCTOBER, '--units', other]);
    expect(units.stderr).toContain(`complaints: ${other}：单位层级文件的前 20 行里没有`);
    const codes = complaints(['analyze', ...OCTOBER, '--codes', other, '--lang', 'en']);
    expect(codes.stderr).toContain(
      `complaints: ${other}: no header with 列, 代码 and 名称 (column, code, name) in the first 20 rows of the code table.`,
    );
    const targets = complaints(['analyze', ...OCTOBER, '--targets', other]);
    expect(targets.stderr).toContain(`complaints: ${other}：考核指标文件的前 20 行里没有`);
  });
});

describe('a corrections workbook named .csv', () => {
  it('is said to be a workbook, as an export named so is', () => {
    const file = join(tmp, 'corrections.csv');
    copyFileSync(join(ROOT, 'fixtures/revisions/corrections-2016-10.xlsx'), file);
    const run = complaints(['analyze', ...OCTOBER, '--corrections', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `人工更正文件 ${file} 虽然扩展名不是 .xlsx，实际是 xlsx 工作簿，已按工作簿读取。`,
    );
  });
});

describe('an output that is the targets file', () => {
  it('is refused before the folder read is announced', () => {
    const folder = join(tmp, 'exports');
    mkdirSync(folder);
    copyFileSync(OCTOBER[0]!, join(folder, '95598-2016-10.xlsx'));
    const targets = join(tmp, 'targets.csv');
    copyFileSync(join(ROOT, 'fixtures/metrics/targets-2016.csv'), targets);
    const run = complaints(
      [
        'report',
        'exports',
        '--month',
        '2016-10',
        '--targets',
        'targets.csv',
        '--out',
        'targets.csv',
      ],
      { cwd: tmp },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('读取 1 个文件');
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain('这个输出就是考核指标文件');
  });
});
