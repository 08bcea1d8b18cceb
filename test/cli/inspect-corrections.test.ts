/**
 * inspect --duplicates with the analyst's corrections (--corrections, or the config file's
 * "corrections"), on fixtures/revisions: a work order whose copies differ in class, or in the
 * appeal, while the corrections file fixes its class or its 是否考核, does not change the
 * report's counts — the listing says the correction decides, not "分类改变".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const DIR = 'fixtures/revisions';
const INPUTS = [`${DIR}/95598-2016-10.xlsx`, `${DIR}/95598-2016-10-11.csv`];
// 16100923191681: 服务投诉 in October, 营业投诉 in the re-export; 16101885220094: its appeal
// approved in the re-export (no longer assessed) — the office ruled it assessed all the same.
const RECLASSED = '16100923191681';
const APPEALED = '16101885220094';

const tmp = mkdtempSync(join(tmpdir(), 'complaints-inspect-corrections-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FILE = join(tmp, 'corrections.csv');
writeFileSync(
  FILE,
  `工单编号,一级分类,二级分类,是否考核,说明\n${RECLASSED},营业投诉,电费电价,,复核\n${APPEALED},,,是,申诉复核未通过\n`,
);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pairOf = (r: Json, id: string) => (r.differingDuplicates as Json[]).find((d) => d.id === id)!;

describe('inspect --duplicates --corrections', () => {
  it('without corrections: the class change and the appeal change the counts', () => {
    const run = complaints(['inspect', ...INPUTS, '--duplicates', '--json']);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(pairOf(r, RECLASSED).effects).toEqual(['class']);
    expect(pairOf(r, APPEALED).effects).toEqual(['assessed']);
    expect(pairOf(r, RECLASSED)).not.toHaveProperty('correction');
  });

  it('with them: the correction decides, the counts do not change (JSON)', () => {
    const run = complaints(['inspect', ...INPUTS, '--duplicates', '--corrections', FILE, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(pairOf(r, RECLASSED).effects).toEqual([]);
    expect(pairOf(r, RECLASSED).correction).toEqual({
      file: FILE,
      row: 2,
      level1: '营业投诉',
      level2: '电费电价',
      assessed: null,
      decides: ['class'],
    });
    expect(pairOf(r, APPEALED).effects).toEqual([]);
    expect(pairOf(r, APPEALED).counted.assessed).toBe(true);
    expect(pairOf(r, APPEALED).correction).toMatchObject({
      row: 3,
      level1: null,
      assessed: true,
      decides: ['assessed'],
    });
  });

  it('the terminal says the correction decides, zh and en', () => {
    const zh = complaints(['inspect', ...INPUTS, '--duplicates', '--corrections', FILE]);
    expect(zh.code).toBe(0);
    const line = (text: string, id: string) =>
      text.split('\n').find((l) => l.trimStart().startsWith(id))!;
    expect(line(zh.stdout, RECLASSED)).toContain(`不影响计数（分类按人工更正：${FILE} 第 2 行）`);
    expect(line(zh.stdout, RECLASSED)).not.toContain('分类改变');
    expect(line(zh.stdout, APPEALED)).toContain(
      `不影响计数（是否考核按人工更正：${FILE} 第 3 行）`,
    );
    const en = complaints([
      'inspect',
      ...INPUTS,
      '--duplicates',
      '--corrections',
      FILE,
      '--lang',
      'en',
    ]);
    expect(line(en.stdout, RECLASSED)).toContain(
      `no change to the counts (class as corrected: ${FILE} row 2)`,
    );
  });

  it('a correction of a work order whose re-export is no complaint decides nothing', () => {
    // 16102113462509: 投诉 in October, 意见 in the re-export; analyze leaves its correction
    // unapplied (不是投诉), so the listing must not say its 是否考核 is as corrected.
    const OUT = '16102113462509';
    const file = join(tmp, 'out.csv');
    writeFileSync(file, `工单编号,一级分类,二级分类,是否考核,说明\n${OUT},,,否,复核\n`);
    const run = complaints(['inspect', ...INPUTS, '--duplicates', '--corrections', file, '--json']);
    expect(run.code).toBe(0);
    const pair = pairOf(JSON.parse(run.stdout), OUT);
    expect(pair.effects).toEqual(['out']);
    expect(pair.correction.decides).toEqual([]);
    const zh = complaints(['inspect', ...INPUTS, '--duplicates', '--corrections', file]);
    const line = zh.stdout.split('\n').find((l) => l.trimStart().startsWith(OUT))!;
    expect(line).toContain('不再计为投诉（原计 国网休宁县供电公司 2016-10）');
    expect(line).not.toContain('人工更正');
  });

  it('--corrections without --duplicates is refused: it would change nothing', () => {
    const run = complaints(['inspect', ...INPUTS, '--corrections', FILE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('inspect：--corrections 不起作用：它只用于 --duplicates');
  });

  it("the config file's corrections are taken too", () => {
    const config = join(tmp, 'complaints.config.json');
    writeFileSync(config, JSON.stringify({ corrections: FILE }));
    const run = complaints(['inspect', ...INPUTS, '--duplicates', '--config', config, '--json']);
    expect(run.code).toBe(0);
    expect(pairOf(JSON.parse(run.stdout), RECLASSED).effects).toEqual([]);
  });
});
