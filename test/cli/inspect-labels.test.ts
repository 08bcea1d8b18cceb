/**
 * `complaints inspect` names the class values its inputs' complaint rows record that the
 * taxonomy does not know, per input with their rows (terminal warning and --json), on one
 * thread and when a CSV is read in ranges by worker threads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-inspect-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = '工单编号,受理时间,供电单位,业务类型,一级分类,二级分类,受理内容';
// Counted by hand: 哈哈哈 on complaints B1, B2 and B5 (3 rows; B6 is a 故障报修, not counted);
// 一级分类 嘿嘿 without a second level on B3 (1 row); B4's 嘿嘿 has a known 服务态度, which decides.
const ROWS = [
  'B1,2016-08-01 09:00:00,国网歙县供电公司,投诉,服务投诉,哈哈哈,客户反映态度差',
  'B2,2016-08-02 09:00:00,国网歙县供电公司,投诉,服务投诉,哈哈哈,客户反映态度差',
  'B3,2016-08-03 09:00:00,国网黄山供电公司,投诉,嘿嘿,,客户反映电压低',
  'B4,2016-08-04 09:00:00,国网黄山供电公司,投诉,嘿嘿,服务态度,客户反映态度差',
  'B5,2016-08-05 09:00:00,国网黄山供电公司,投诉,,哈哈哈,客户反映态度差',
  'B6,2016-08-06 09:00:00,国网黄山供电公司,故障报修,服务投诉,哈哈哈,家中停电',
  'B7,2016-08-07 09:00:00,国网黄山供电公司,投诉,服务投诉,服务态度,客户反映态度差',
];
const bad = join(dir, 'bad.csv');
writeFileSync(bad, [HEADER, ...ROWS].join('\n') + '\n');
const clean = join(dir, 'clean.csv');
writeFileSync(clean, [HEADER, ROWS[6]!.replace('B7', 'C1')].join('\n') + '\n');

const SAID =
  ': 4 complaint row(s) record a class taxonomy sgcc-95598 does not know: 二级分类 哈哈哈 (3 rows), 一级分类 嘿嘿 (1 row); analyze, report and warn classify those rows from their text.';

const SAID_ZH =
  '：4 行投诉记的分类不在分类体系 sgcc-95598 中：二级分类 哈哈哈（3 行），一级分类 嘿嘿（1 行）；analyze、report 和 warn 按受理内容给这些行分类。请检查写法，或用 --taxonomy 给出含有这些分类的体系。';

describe('inspect: class values the taxonomy does not know', () => {
  it('names them per input with their rows, in the terminal and in --json', () => {
    const run = complaints(['inspect', clean, bad]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${bad}${SAID_ZH}\n`);
    expect(run.stderr).not.toContain(`${clean}:`);
    // Beside the input too: in its block, after the rejected rows, and in no other input's.
    const block = run.stdout.slice(run.stdout.indexOf(bad));
    expect(block).toMatch(/\n {2}未知分类 +二级分类 哈哈哈 ×3，一级分类 嘿嘿 ×1\n/);
    expect(run.stdout.slice(0, run.stdout.indexOf(bad))).not.toContain('未知分类');
    const en = complaints(['inspect', bad, '--lang', 'en']);
    expect(en.stderr).toContain(`warning: ${bad}${SAID}`);
    expect(en.stdout).toMatch(/\n {2}unknown classes +level 2 哈哈哈 ×3, level 1 嘿嘿 ×1\n/);
    const json = complaints(['inspect', clean, bad, '--json']);
    const result = JSON.parse(json.stdout);
    expect(result.inputs[0].unknownLabels).toBeUndefined();
    expect(result.inputs[1].unknownLabels).toEqual([
      { level: 2, value: '哈哈哈', rows: 3 },
      { level: 1, value: '嘿嘿', rows: 1 },
    ]);
    expect(result.warnings.find((w: string) => w.startsWith(bad))).toContain(SAID);
  });

  it('says the same when the CSV is read in ranges by worker threads', () => {
    // Many copies of the rows, cut every 200 bytes: 3 × 40 and 1 × 40 rows.
    const rows = Array.from({ length: 40 }, (_, n) =>
      ROWS.map((r) => r.replace(/^B(\d)/, `B$1-${n}`)),
    ).flat();
    const big = join(dir, 'big.csv');
    writeFileSync(big, [HEADER, ...rows].join('\n') + '\n');
    const log = join(dir, 'ranges.log');
    const run = complaints(['inspect', big, '--json', '--threads', '2'], {
      env: { COMPLAINTS_TEST_RANGE_BYTES: '200', COMPLAINTS_TEST_RANGE_LOG: log },
    });
    expect(readFileSync(log, 'utf8')).toContain('big.csv');
    expect(JSON.parse(run.stdout).inputs[0].unknownLabels).toEqual([
      { level: 2, value: '哈哈哈', rows: 120 },
      { level: 1, value: '嘿嘿', rows: 40 },
    ]);
  });

  it('checks against the taxonomy given, and says nothing of a file whose classes it knows', () => {
    const other = complaints(['inspect', bad, '--taxonomy', 'county-4x17', '--json']);
    expect(JSON.parse(other.stdout).warnings.join('\n')).toContain('taxonomy county-4x17');
    const none = complaints(['inspect', clean]);
    expect(none.stderr).toBe('');
  });
});
