/**
 * classify and inspect read complaints.config.json as the metric commands do: its "inputs" when
 * the command line gives none, and the keys that say how the exports are read ("map" …), so that
 * inspect shows what analyze reads. Before, both ignored the file without a word: `inspect` in a
 * cron folder said "no input files", and an export needing the file's "map" could not be read.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-config-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A cron folder: exports/ holding August with its unit column renamed, and the config file. */
function cronFolder(name: string, config: Record<string, unknown>): string {
  const d = join(dir, name);
  mkdirSync(join(d, 'exports'), { recursive: true });
  const csv = readFileSync(join(ROOT, 'fixtures/95598-2016-08-pinyin.csv'), 'utf8');
  writeFileSync(join(d, 'exports/08.csv'), csv.replace(',gddw,', ',管理单位名称,'));
  writeFileSync(join(d, 'complaints.config.json'), JSON.stringify(config));
  return d;
}

const CONFIG = { inputs: ['exports'], map: { unit: '管理单位名称' }, period: '2016-08' };

describe('the config file serves classify and inspect too', () => {
  it('inspect without inputs reads the file\'s "inputs", with its "map"', () => {
    const d = cronFolder('inspect', CONFIG);
    const run = complaints(['inspect'], { cwd: d });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(join(d, 'exports/08.csv'));
    expect(run.stdout).toMatch(/数据行 +46，投诉 23/);
    expect(run.stdout).toMatch(/管理单位名称 +unit/);
    // Inputs on the command line win; the file's map still says how to read them.
    const given = complaints(['inspect', 'exports/08.csv', '--json'], { cwd: d });
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout).inputs).toMatchObject([
      { file: 'exports/08.csv', rows: 46, complaints: 23 },
    ]);
  });

  it('inspect --config FILE from another folder, and in the file\'s "lang"', () => {
    const d = cronFolder('inspect-config', { ...CONFIG, lang: 'en' });
    const run = complaints(['inspect', '--config', '../complaints.config.json'], {
      cwd: join(d, 'exports'),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/data rows +46, complaints 23/);
  });

  it('classify without inputs classifies the file\'s "inputs" in its "period"', () => {
    const d = cronFolder('classify', CONFIG);
    const run = complaints(['classify', '--out', 'classified.csv'], { cwd: d });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('已分类投诉 23 条（2016-08）');
    const rows = readFileSync(join(d, 'classified.csv'), 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(24);
    expect(rows[0]).toContain('管理单位名称');
  });

  it('classify --train reads neither the file\'s "inputs" nor writes its "model"', () => {
    const d = cronFolder('train', { ...CONFIG, model: 'model.json' });
    const run = complaints(['classify', '--train', 'exports/08.csv'], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--train 需要 --model FILE');
    expect(existsSync(join(d, 'model.json'))).toBe(false);
  });

  it('neither writes over a file the config file names for the other commands', () => {
    // classify takes no --units, --codes or --targets, but the monthly report reads them: its
    // --out overwrote the units table, without a word.
    const d = cronFolder('config-files', {
      ...CONFIG,
      units: 'units.csv',
      targets: 'targets.json',
    });
    writeFileSync(join(d, 'units.csv'), '单位编码,单位名称\nX1,国网歙县供电公司\n');
    writeFileSync(join(d, 'targets.json'), '{"国网歙县供电公司": 5}\n');
    for (const [args, file] of [
      [['classify', '--out', 'units.csv'], 'units.csv'],
      [['inspect', '--json', 'targets.json'], 'targets.json'],
    ] as const) {
      const before = readFileSync(join(d, file), 'utf8');
      const run = complaints([...args], { cwd: d });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `这个输出就是配置文件中指定的文件 ${join(d, file)}，写入会毁掉那个文件。`,
      );
      expect(readFileSync(join(d, file), 'utf8')).toBe(before);
    }
  });

  it('without "inputs" anywhere, both say where to put them', () => {
    const d = cronFolder('no-inputs', { map: CONFIG.map });
    const inspect = complaints(['inspect'], { cwd: d });
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toContain(
      '或在 complaints.config.json（或 --config FILE）中写明 "inputs"',
    );
    const classify = complaints(['classify', '--lang', 'en'], { cwd: d });
    expect(classify.code).toBe(2);
    expect(classify.stderr).toContain('"inputs" in complaints.config.json or --config FILE');
  });
});
