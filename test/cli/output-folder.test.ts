/**
 * An output path ending in a separator (`--out o/r.xlsx/`) names a folder: the user meant one, or
 * mistyped. Path resolution drops the separator, so it used to write the file o/r.xlsx without a
 * word. Refused for every output option of every command, before any reading: exit 2, one line
 * naming the option and what to do, nothing written.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userMessage } from '../../src/errors.js';
import { validateConfig } from '../../src/settings/config-validate.js';
import { folderEnding } from '../../src/settings/output-path.js';
import { ROOT, complaints } from '../helpers/cli.js';
import { failure } from '../settings/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-output-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = join(ROOT, 'fixtures/95598-2016-08-pinyin.csv');

describe('folderEnding', () => {
  it.each<[string, string | null]>([
    ['o/r.xlsx/', '/'],
    ['o/r.xlsx//', '//'],
    ['o\\r.xlsx\\', '\\'],
    ['o/r.xlsx/.', '/.'],
    ['o/..', '/..'],
    ['/', '/'],
    ['o/r.xlsx', null],
    ['r.json', null],
    ['o/...', null],
    ['o/.hidden', null],
  ])('%s → %s', (path, ending) => {
    expect(folderEnding(path)).toBe(ending);
  });
});

describe('an output path ending in a separator: exit 2, one line, nothing written', () => {
  it.each<[string, string[], string]>([
    ['analyze --out', ['analyze', FIXTURE, '--out', 'o/r.xlsx/'], '--out o/r.xlsx/'],
    ['report --out docx', ['report', FIXTURE, '--out', 'o/r.docx/'], '--out o/r.docx/'],
    ['classify --out', ['classify', FIXTURE, '--out', 'o/c.csv/'], '--out o/c.csv/'],
    ['trend --json', ['trend', FIXTURE, '--json', 'o/t.json/'], '--json o/t.json/'],
    ['assess --json', ['assess', FIXTURE, '--json', 'o/a.json/'], '--json o/a.json/'],
    ['warn --json', ['warn', FIXTURE, '--json', 'o/w.json/'], '--json o/w.json/'],
    ['inspect --json', ['inspect', FIXTURE, '--json', 'o/i.json/.'], '--json o/i.json/.'],
    ['taxonomy --json', ['taxonomy', '--json', 'o/t.json/'], '--json o/t.json/'],
    ['classify --model', ['classify', '--train', FIXTURE, '--model', 'o/m.json/'], '--model'],
  ])('%s', (name, args, named) => {
    const cwd = join(dir, name.replace(/\W+/g, '-'));
    mkdirSync(join(cwd, 'o'), { recursive: true });
    const zh = complaints(args, { cwd });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^complaints: .*末尾是“\/\.?”，指的是文件夹.*请去掉末尾的/);
    expect(zh.stderr).toContain(named);
    expect(zh.stderr.trimEnd().split('\n')).toHaveLength(1);
    const en = complaints([...args, '--lang', 'en'], { cwd });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(
      /so it names a folder, and an output must be a file\. Drop the final/,
    );
    expect(readdirSync(join(cwd, 'o'))).toEqual([]);
  });

  it('the config file\'s "out" too, named by its key', async () => {
    const cwd = join(dir, 'config');
    mkdirSync(join(cwd, 'o'), { recursive: true });
    writeFileSync(join(cwd, 'complaints.config.json'), JSON.stringify({ out: 'o/r.xlsx/' }));
    const run = complaints(['analyze', FIXTURE], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'complaints: complaints.config.json："out"：末尾是“/”，指的是文件夹，而输出必须是文件。请去掉末尾的“/”，或在后面写上文件名。\n',
    );
    expect(readdirSync(join(cwd, 'o'))).toEqual([]);
    expect(() => validateConfig({ out: 'reports\\' }, 'cfg.json')).toThrow(/"out"/);
    const error = await failure(() => validateConfig({ out: 'reports/' }, 'cfg.json'));
    expect(userMessage(error, 'en').message).toBe(
      'cfg.json: "out": it ends in "/", so it names a folder, and an output must be a file. Drop the final "/", or add a file name after it.',
    );
  });
});
