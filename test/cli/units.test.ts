/**
 * End to end on fixtures/codes (scripts/make-codes-fixtures.js): exports that write ORG_NO codes
 * for units, named through a units file (--units), rolled up its hierarchy (--rollup), held
 * against targets given at county level; coded columns named through a code table (--codes).
 * The figures are counted by hand from the generator's plan (fixtures/codes/README.md).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBook, records, tablesOf } from '../helpers/book.js';
import { ROOT, complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const DIR = 'fixtures/codes';
const EXPORTS = [`${DIR}/95598-2016-10-codes.xlsx`, `${DIR}/95598-2016-11-12-codes.csv`];
const expected = JSON.parse(readFileSync(join(ROOT, DIR, 'expected.json'), 'utf8')) as {
  asWritten: Record<string, number>;
  named: Record<string, { complaints: number; assessed: number }>;
  rollup1: Record<string, { complaints: number; assessed: number }>;
  rollup2: Record<string, { complaints: number; assessed: number }>;
};

interface UnitJson {
  unit: string;
  complaints: number;
  assessed: number;
  target: number | null;
  overTargetRate: number | null;
}
interface ResultJson {
  totals: { complaints: number; assessed: number };
  units: UnitJson[];
  notes: { code: string; message: string; zh: string }[];
}

function analyze(...args: string[]): { json: ResultJson; stderr: string } {
  const run = complaints(['analyze', ...EXPORTS, '--json', ...args]);
  expect(run.stderr.includes('complaints:') ? run.stderr : '', args.join(' ')).toBe('');
  expect(run.code).toBe(0);
  return { json: JSON.parse(run.stdout) as ResultJson, stderr: run.stderr };
}

const counts = (units: UnitJson[]) =>
  Object.fromEntries(units.map((u) => [u.unit, [u.complaints, u.assessed]]));

const tmp = mkdtempSync(join(tmpdir(), 'complaints-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--units: codes and spellings named', () => {
  it('without --units the units are as the exports write them (the published figures unchanged)', () => {
    const { json } = analyze();
    expect(Object.fromEntries(json.units.map((u) => [u.unit, u.complaints]))).toEqual(
      expected.asWritten,
    );
    expect(json.notes.map((n) => n.code)).not.toContain('units-not-in-file');
  });

  it.each(['units.csv', 'units.xlsx', 'units.json'])(
    'with %s: one name per station, whichever way it is written; the unknown code as written',
    (file) => {
      const { json, stderr } = analyze('--units', `${DIR}/${file}`);
      expect(counts(json.units)).toEqual({
        歙县城关供电所: [9, 8], // 7 by code, 城关所, 歙县城关供电所
        休宁海阳供电所: [7, 6], // 6 by code, " 海阳所 "
        歙县深渡供电所: [4, 4],
        祁门祁山供电所: [4, 4],
        歙县王村供电所: [2, 2],
        休宁溪口供电所: [2, 2],
        祁门历口供电所: [1, 1],
        国网歙县供电公司: [2, 1],
        国网休宁县供电公司: [1, 1],
        国网祁门县供电公司: [1, 1],
        国网黄山供电公司: [1, 1],
        '344019901': [2, 2],
      });
      expect(
        Object.fromEntries(
          Object.entries(expected.named).map(([u, c]) => [u, [c.complaints, c.assessed]]),
        ),
      ).toEqual(counts(json.units));
      const note = json.notes.find((n) => n.code === 'units-not-in-file');
      expect(note?.zh).toBe(`344019901 不在 ${file} 中：按原样统计。`);
      expect(stderr).toBe(`warning: 344019901 不在 ${file} 中：按原样统计。\n`);
    },
  );
});

describe('--rollup', () => {
  it('counts each station once, under its county; the county companies’ own one level up', () => {
    const { json, stderr } = analyze('--units', `${DIR}/units.csv`, '--rollup');
    expect(counts(json.units)).toEqual({
      国网歙县供电公司: [15, 14], // 9 + 4 + 2
      国网休宁县供电公司: [9, 8], // 7 + 2
      国网祁门县供电公司: [5, 5], // 4 + 1
      国网黄山供电公司: [5, 4], // the counties' own 2 + 1 + 1, and its own 1
      '344019901': [2, 2],
    });
    expect(json.totals.complaints).toBe(36);
    expect(json.units.reduce((s, u) => s + u.complaints, 0)).toBe(36);
    expect(
      Object.fromEntries(
        Object.entries(expected.rollup1).map(([u, c]) => [u, [c.complaints, c.assessed]]),
      ),
    ).toEqual(counts(json.units));
    expect(json.notes.find((n) => n.code === 'units-rollup-short')?.message).toBe(
      '国网黄山供电公司: fewer than 1 level(s) above in units.csv; counted under the highest.',
    );
    expect(stderr).toContain(
      'warning: 国网黄山供电公司 在 units.csv 中上级不足 1 级：计入最高一级。',
    );
  });

  it('--rollup 2: everything the file names under the city', () => {
    const { json } = analyze('--units', `${DIR}/units.json`, '--rollup', '2', '--lang', 'en');
    expect(counts(json.units)).toEqual({ 国网黄山供电公司: [34, 31], '344019901': [2, 2] });
    expect(json.notes[1]!.message).toBe(
      '国网黄山供电公司, 国网歙县供电公司 (under 国网黄山供电公司), 国网休宁县供电公司 (under 国网黄山供电公司), 国网祁门县供电公司 (under 国网黄山供电公司): fewer than 2 level(s) above in units.json; counted under the highest.',
    );
  });

  it('targets at county level (by code, name or short name) apply to the county’s roll-up', () => {
    const { json } = analyze(
      ...['--units', `${DIR}/units.csv`, '--rollup', '--targets', `${DIR}/targets-county.csv`],
      ...['--from', '2016-10', '--to', '2016-12', '--prorate'],
    );
    const rows = json.units.map((u) => [u.unit, u.assessed, u.target, u.overTargetRate]);
    expect(rows).toEqual([
      ['国网歙县供电公司', 14, 12, (14 - 12) / 12], // 48 × 3/12
      ['国网休宁县供电公司', 8, 10, -0.2], // 40 × 3/12
      ['国网祁门县供电公司', 5, 5, 0], // 20 × 3/12
      ['国网黄山供电公司', 4, null, null],
      ['344019901', 2, null, null],
    ]);
  });

  it('a station’s target without --rollup applies to the station', () => {
    const { json } = analyze(
      ...['--units', `${DIR}/units.csv`, '--targets', `${DIR}/targets-station.csv`],
      ...['--from', '2016-10', '--to', '2016-12', '--prorate'],
    );
    const station = json.units.find((u) => u.unit === '歙县城关供电所')!;
    expect([station.assessed, station.target, station.overTargetRate]).toEqual([8, 6, (8 - 6) / 6]);
  });
});

describe('report --detail with --rollup', () => {
  it('明细: 统计单位 is the county, and filtering by it gives the 单位 sheet’s figures', async () => {
    const out = join(tmp, 'q4.xlsx');
    const run = complaints([
      'report',
      ...EXPORTS,
      ...['--units', `${DIR}/units.csv`, '--rollup', '--quarter', '2016Q4'],
      ...['--detail', '--no-charts', '--out', out, '--quiet'],
    ]);
    expect(run.code).toBe(0);
    const book = await readBook(out);
    const detail = records(tablesOf(book.getWorksheet('明细')!)[0]!);
    const perUnit: Record<string, number> = {};
    for (const r of detail)
      perUnit[String(r['统计单位'])] = (perUnit[String(r['统计单位'])] ?? 0) + 1;
    expect(perUnit).toEqual({
      国网歙县供电公司: 15,
      国网休宁县供电公司: 9,
      国网祁门县供电公司: 5,
      国网黄山供电公司: 5,
      '344019901': 2,
    });
    // The source columns are kept as written: ORG_NO still holds the codes.
    expect(new Set(detail.map((r) => String(r['ORG_NO']))).has('344010101')).toBe(true);
    const units = records(tablesOf(book.getWorksheet('单位')!)[0]!);
    for (const [unit, n] of Object.entries(perUnit))
      expect(units.find((r) => r['供电单位'] === unit)?.['投诉'], unit).toBe(n);
  });
});

describe('--codes', () => {
  it('names ORG_NO through the code table when no units file is given; a spelling it lacks stays', () => {
    const { json } = analyze('--codes', `${DIR}/codes.json`);
    const units = counts(json.units);
    expect(units['歙县城关供电所']).toEqual([8, 8]); // 7 by code and the name as written
    expect(units['城关所']).toEqual([1, 0]); // a code table has no other spellings: never guessed
    expect(units['344019901']).toEqual([2, 2]);
    expect(units['国网黄山供电公司']).toEqual([1, 1]);
  });

  it('a code table without ORG_NO leaves the units as written', () => {
    const { json } = analyze('--codes', `${DIR}/codes.csv`);
    expect(Object.fromEntries(json.units.map((u) => [u.unit, u.complaints]))).toEqual(
      expected.asWritten,
    );
  });
});

describe('the config file and the guards', () => {
  const dir = join(tmp, 'cfg');
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'tables'));
  mkdirSync(join(dir, 'cron'));
  for (const f of EXPORTS) copyFileSync(join(ROOT, f), join(dir, 'data', basename(f)));
  for (const f of ['units.csv', 'codes.csv'])
    copyFileSync(join(ROOT, DIR, f), join(dir, 'tables', f));
  writeFileSync(
    join(dir, 'cron/config.json'),
    JSON.stringify({
      inputs: ['../data/*'],
      units: '../tables/units.csv',
      rollup: 1,
      codes: '../tables/codes.csv',
    }),
  );

  it('"units", "rollup" and "codes" relative to the config file’s folder', () => {
    const run = complaints(['analyze', '--config', 'cron/config.json', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(counts((JSON.parse(run.stdout) as ResultJson).units)).toEqual({
      国网歙县供电公司: [15, 14],
      国网休宁县供电公司: [9, 8],
      国网祁门县供电公司: [5, 5],
      国网黄山供电公司: [5, 4],
      '344019901': [2, 2],
    });
  });

  it.each([
    ['单位层级文件', 'tables/units.csv'],
    ['代码表', 'tables/codes.csv'],
  ])('an output may not overwrite %s', (role, out) => {
    const before = readFileSync(join(dir, out));
    const run = complaints(['analyze', '--config', 'cron/config.json', '--out', out], { cwd: dir });
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain(role);
    expect(readFileSync(join(dir, out))).toEqual(before);
  });

  it.each<[string, string, RegExp, RegExp]>([
    [
      'cycle.csv',
      '单位编码,单位名称,上级单位\n1,A,3\n2,B,1\n3,C,2\n',
      /^complaints: .*cycle\.csv 第 2 行：上级单位绕成了一个圈：A → C → B → A。\n {2}单位层级文件每行一个单位/,
      /^complaints: .*cycle\.csv row 2: the parents go round in a circle: A → C → B → A\.\n {2}A units file has one row per unit/,
    ],
    [
      'orphan.csv',
      '单位编码,单位名称,上级单位\n1,A,\n2,B,9\n',
      /^complaints: .*orphan\.csv 第 3 行：B 的上级单位“9”不在文件里。/,
      /^complaints: .*orphan\.csv row 3: the parent \(上级单位\) '9' of B is not in the file\./,
    ],
    [
      'codes-twice.csv',
      'ORG_NO,ORG_NAME,PARENT\n1,A,\n1,B,1\n',
      /^complaints: .*codes-twice\.csv 第 3 行：编码 1 同时用于 A（第 2 行）和 B。/,
      /^complaints: .*codes-twice\.csv row 3: the code 1 is used for A \(row 2\) and B\./,
    ],
  ])(
    'a units file that cannot be used (%s): exit 2, naming the file and row',
    (name, text, zh, en) => {
      writeFileSync(join(tmp, name), text);
      const run = complaints(['analyze', ...EXPORTS, '--units', join(tmp, name)]);
      expect(run.code).toBe(2);
      expect(isPlainError(run.stderr)).toBe(true);
      expect(run.stderr).toMatch(zh);
      const english = complaints([
        'analyze',
        ...EXPORTS,
        '--units',
        join(tmp, name),
        '--lang',
        'en',
      ]);
      expect(english.code).toBe(2);
      expect(english.stderr).toMatch(en);
    },
  );

  it('a code given two names: exit 2, naming the row', () => {
    writeFileSync(
      join(tmp, 'codes-bad.csv'),
      '列,代码,名称\nURBAN_RURAL_FLAG,01,城市\nURBAN_RURAL_FLAG,01,城镇\n',
    );
    const run = complaints(['analyze', ...EXPORTS, '--codes', join(tmp, 'codes-bad.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /codes-bad\.csv 第 3 行：URBAN_RURAL_FLAG 01 既是 城市（第 2 行）又是 城镇。/,
    );
  });

  it('--rollup without a units file is refused', () => {
    const run = complaints(['trend', ...EXPORTS, '--rollup']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'complaints: trend：--rollup 不起作用：它按单位层级文件把单位计入上级，但没有给出单位层级文件。\n  请给出 --units FILE（或在配置文件中写 "units"）。\n',
    );
    expect(complaints(inEnglish(['trend', ...EXPORTS, '--rollup'])).stderr).toBe(
      'complaints: trend: --rollup is not used: it counts units under their parents in the units file, and no units file is given.\n  Give --units FILE (or "units" in the config file).\n',
    );
  });

  it('--rollup followed by an input is said, not read as a number', () => {
    const args = ['analyze', '--units', `${DIR}/units.csv`, '--rollup', ...EXPORTS];
    const run = complaints(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^complaints: --rollup fixtures\/codes\/95598-2016-10-codes\.xlsx：应为汇总的层数（1、2 …）。\n {2}请写 --rollup 1，或把 --rollup 放在输入文件之后。\n$/,
    );
    expect(complaints(inEnglish(args)).stderr).toMatch(
      /^complaints: --rollup fixtures\/codes\/95598-2016-10-codes\.xlsx: expected a number of levels/,
    );
  });
});
