/**
 * A phone number shifted into a date column was quoted whole in the reject's reason and in the
 * unrecognised values, which reach the workbook's 数据质量 sheet (for management): its middle
 * four digits are masked, so it still reads as a phone to the analyst, who has the row number.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBook } from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-masked-reasons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv = join(dir, '95598-2016-06.csv');
writeFileSync(
  csv,
  [
    '工单编号,受理时间,供电单位,业务类型,受理内容,客户编号,联系电话,办结时间',
    '1001,2016-06-03 09:00:00,国网歙县供电公司,投诉,客户反映抄表员态度恶劣,3401101747,13805512345,2016-06-04 09:00:00',
    // The columns shifted by one: the phone sits under 受理时间.
    '1002,13805512345,国网歙县供电公司,投诉,客户反映停电未通知,3401101748,2016-06-05 10:00:00,2016-06-06 09:00:00',
    // A mobile typed in groups under 办结时间: not a date, noted as unrecognised.
    '1003,2016-06-05 09:00:00,国网歙县供电公司,投诉,客户反映电压低,3401101749,13905592173,139 0559 2173',
    '',
  ].join('\n'),
);

describe('a phone number quoted from a shifted column', () => {
  it('is masked in the reject and the unrecognised values (JSON)', () => {
    const run = complaints(['analyze', csv, '--json', '--no-hot-words']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      rejects: { row: number; reason: string }[];
      inputs: { unrecognised: Record<string, { rows: number[]; values: string[] }> }[];
    };
    expect(json.rejects).toEqual([
      { file: csv, row: 3, reason: "受理时间 '138****2345' is not a date" },
    ]);
    expect(json.inputs[0]!.unrecognised.closedAt).toEqual({
      count: 1,
      rows: [4],
      values: ['139 **** 2173'],
    });
    expect(run.stdout).not.toContain("13805512345'");
    expect(run.stdout).not.toContain('0559 2173');
  });

  it('is masked on the workbook 数据质量 sheet, and in inspect', async () => {
    const out = join(dir, 'report.xlsx');
    const run = complaints(['report', csv, '--out', out]);
    expect(run.code).toBe(0);
    const quality = (await readBook(out)).getWorksheet('数据质量')!;
    const texts: string[] = [];
    quality.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    const all = texts.join('\n');
    expect(all).toContain("受理时间 '138****2345' 不是有效日期");
    expect(all).not.toMatch(/13805512345|0559 2173/);
    const inspect = complaints(['inspect', csv]);
    expect(inspect.stdout).toContain("'139 **** 2173'（第 4 行）");
  });
});
