/**
 * The same file under several names (a hard link, a symbolic link, ./a.csv beside a.csv) is
 * read once and said so, not counted as duplicates of itself (review3 #9).
 */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-same-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 't1'));
copyFileSync('fixtures/95598-2016-08-pinyin.csv', join(dir, 't1', 'a.csv'));
linkSync(join(dir, 't1', 'a.csv'), join(dir, 't1', 'hard.csv'));
symlinkSync('a.csv', join(dir, 't1', 'link.csv'));

describe('one file, several names', () => {
  it('a folder with a hard link and a symlink: read once, 0 duplicates, both named', () => {
    const run = complaints(['analyze', 't1', '--json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('t1/hard.csv 与 t1/a.csv 是同一个文件，只读取一次。');
    expect(run.stderr).toContain('t1/link.csv 与 t1/a.csv 是同一个文件，只读取一次。');
    const json = JSON.parse(run.stdout);
    expect(json.inputs.map((i: { file: string }) => i.file)).toEqual(['t1/a.csv']);
    expect(json.totals.duplicates).toBe(0);
    expect(json.warnings).toContain('t1/hard.csv is the same file as t1/a.csv: read once.');
  });

  it('a.csv and ./a.csv on the command line, inspect: one input, the same counts as one', () => {
    const one = JSON.parse(complaints(['inspect', 't1/a.csv', '--json'], { cwd: dir }).stdout);
    const twice = complaints(['inspect', 't1/a.csv', './t1/a.csv', '--json', '--lang', 'en'], {
      cwd: dir,
    });
    expect(twice.stderr).toContain('./t1/a.csv is the same file as t1/a.csv: read once.');
    const json = JSON.parse(twice.stdout);
    expect(json.totals).toEqual(one.totals);
    expect(json.inputs).toHaveLength(1);
  });
});
