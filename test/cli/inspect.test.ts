/**
 * `complaints inspect` through the real program on real files written for each test.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints, isPlainError } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const HEADER = '工单编号,受理时间,供电单位,业务类型,受理内容,申诉结果';
const september = file(
  'sept.csv',
  [
    '国网某市供电公司95598工单明细',
    '导出时间：2016-10-08',
    '',
    HEADER,
    'A1,2016-09-01 00:00:05,国网歙县供电公司,投诉,客户反映电压低,未申诉',
    'A2,2016-09-30 23:59:59,国网黄山供电公司（市直）,投诉,客户反映抄表员估抄,申诉中',
    'A3,2016-09-12 08:00:00,国网黄山供电公司(市直) ,故障报修,家中停电,',
    'A4,2016-09-15 10:00:00,国网歙县供电公司,业务咨询,咨询电价,',
    '合计,4,,,,',
    '',
  ].join('\n'),
);
const octoberGb = file(
  'oct-gb.csv',
  iconv.encode(
    [
      '国网工单编号,受理日期,所属单位,业务类别,诉求内容,申诉状态',
      'A2,2016/9/30 23:59:59,国网黄山供电公司（市直）,投诉,客户反映抄表员估抄,申诉成功',
      'A1,2016/9/1 0:00:05,国网歙县供电公司,投诉,客户反映电压低,未申诉',
      'B1,2016/10/3 9:05,国网休宁县供电公司,投诉,"客户反映,施工后未恢复路面",',
      'B2,2016/10/31 23:59,国网休宁县供电公司,表扬,表扬抢修人员,',
      '',
    ].join('\n'),
    'gb18030',
  ),
);

describe('complaints inspect', () => {
  it('reads several inputs as one data set: duplicates counted, the later copy kept', () => {
    const run = complaints(['inspect', september, octoberGb, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.schemaVersion).toBe(1);
    expect(result.inputs.map((i: { headerRow: number }) => i.headerRow)).toEqual([4, 1]);
    expect(result.inputs[0]).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      sheet: null,
      rows: 4,
      complaints: 2,
      duplicates: 0,
      rejected: 0,
      byType: { 投诉: 2, 故障报修: 1, 业务咨询: 1 },
      skipped: { beforeHeader: 3, blank: 0, total: 1, repeatedHeader: 0 },
      dateRange: { from: '2016-09-01 00:00:05', to: '2016-09-30 23:59:59' },
    });
    expect(result.inputs[1]).toMatchObject({
      encoding: 'gb18030',
      rows: 4,
      complaints: 3,
      duplicates: 2,
      duplicatesDiffering: 1, // A2's appeal went from 申诉中 to 申诉成功
    });
    expect(result.totals).toEqual({
      workOrders: 6,
      complaints: 3,
      duplicates: 2,
      duplicatesDiffering: 1,
      rejected: 0,
      excludedByType: { 故障报修: 1, 业务咨询: 1, 表扬: 1 },
      withoutId: 0,
    });
    expect(result.inputs[1].columns.map((c: { field: string }) => c.field)).toEqual([
      'id',
      'acceptedAt',
      'unit',
      'businessType',
      'content',
      'appealResult',
    ]);
  });

  it('prints a readable summary with Chinese labels, or English with --lang en', () => {
    const zh = complaints(['inspect', september]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('表头在第 4 行');
    expect(zh.stdout).toMatch(/数据行\s+4，投诉 2/);
    expect(zh.stdout).toMatch(/跳过\s+表头前 3 行，空行 0，合计行 1/);
    const en = complaints(['inspect', september, '--lang', 'en']);
    expect(en.stdout).toContain('header on row 4');
    expect(en.stdout).toMatch(/data rows\s+4, complaints 2/);
  });

  it("says the rejected rows in each language's punctuation", () => {
    const file = 'test/files/bad/bad-date.csv';
    expect(complaints(['inspect', file]).stdout).toMatch(/受理时间不是有效日期 ×2（第 4、6 行）/);
    expect(complaints(['inspect', file, '--lang', 'en']).stdout).toMatch(
      /acceptance time is not a date ×2 \(rows 4, 6\)/,
    );
  });

  it('refuses - given twice: standard input is read once', () => {
    const run = complaints(['inspect', '-', '-'], { input: HEADER + '\nX,2016-05-03,A,投诉,x,\n' });
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain('- (standard input) is given more than once');
  });

  it('reads stdin with -', () => {
    const run = complaints(['inspect', '-', '--json'], {
      input: iconv.encode(HEADER + '\nX,2016-05-03,A,投诉,x,\n', 'gb18030'),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).inputs[0]).toMatchObject({
      file: 'stdin',
      encoding: 'gb18030',
      rows: 1,
      complaints: 1,
    });
  });

  it('counts --complaint-type values as complaints, for systems that export codes', () => {
    const codes = file(
      'codes.csv',
      'APP_NO,ACCEPT_TIME,ORG_NAME,BUSI_TYPE_CODE\n1,2016-05-03,A,005\n2,2016-05-03,A,001\n',
    );
    const run = complaints(['inspect', codes, '--complaint-type', '005', '--json']);
    expect(JSON.parse(run.stdout).totals).toMatchObject({
      complaints: 1,
      excludedByType: { '001': 1 },
    });
  });

  it('maps an unknown header with --map, and warns when there is no id or business type', () => {
    const odd = file('odd.csv', '编号,受理时间,管理单位名称\n1,2016-05-03,A\n');
    const refused = complaints(['inspect', odd]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /第 1 行的表头里没有 供电单位（unit）列。现有表头：编号、受理时间、管理单位名称/,
    );
    expect(refused.stderr).toMatch(/--map unit=表头/);
    expect(isPlainError(refused.stderr)).toBe(true);
    const mapped = complaints(['inspect', odd, '--map', 'unit=管理单位名称']);
    expect(mapped.code).toBe(0);
    expect(mapped.stderr).toMatch(/：没有工单编号列，其中的行不作去重。/);
    expect(mapped.stderr).toMatch(/：没有业务类型列，每一行都作为投诉计。/);
    const english = complaints(['inspect', odd, '--map', 'unit=管理单位名称', '--lang', 'en']);
    expect(english.stderr).toMatch(/no 工单编号 \(id\) column: its rows are not de-duplicated/);
    expect(english.stderr).toMatch(
      /no 业务类型 \(businessType\) column: every row is taken as a complaint/,
    );
  });

  it('writes --json FILE atomically, reporting an input that fails among the others', () => {
    const out = join(dir, 'out.json');
    expect(complaints(['inspect', september, '--json', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).inputs).toHaveLength(1);
    const failed = join(dir, 'failed.json');
    const run = complaints(['inspect', september, join(dir, 'missing.csv'), '--json', failed]);
    expect(run.code).toBe(2);
    // issue 12: every file is reported on, the bad one too, then exit 2.
    const report = JSON.parse(readFileSync(failed, 'utf8'));
    expect(report.inputs).toHaveLength(1);
    expect(report.unreadable).toMatchObject([
      { file: join(dir, 'missing.csv'), code: 'FILE_NOT_FOUND' },
    ]);
    expect(readdirSync(dir).filter((f) => f.startsWith('.complaints-tmp'))).toEqual([]);
    const nowhere = complaints([
      'inspect',
      september,
      '--json',
      join(dir, 'no/such/folder/out.json'),
    ]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/不存在或没有写入权限/);
  });

  it('reports usage mistakes with exit 2', () => {
    expect(complaints(['inspect']).code).toBe(2);
    expect(complaints(['inspect', september, '--lang', 'fr']).code).toBe(2);
    expect(complaints(['inspect', september, '--map', 'nonsense']).code).toBe(2);
    expect(complaints(['frobnicate']).code).toBe(2);
    expect(complaints(['--help']).code).toBe(0);
    expect(complaints(['inspect', '--help']).stdout).toMatch(/--complaint-type/);
  });
});

describe('rejects', () => {
  const bad = file(
    'bad.csv',
    [
      HEADER,
      'R1,2016-02-30 10:00:00,国网歙县供电公司,投诉,日期不存在,',
      'R2,2016-03-01 10:00:00,,投诉,单位为空,',
      'R3,2016-03-01 10:00:00,国网歙县供电公司,投诉,多一列,,多余',
      'R4,,国网歙县供电公司,投诉,没有受理时间,',
      'R5,2016-03-02 10:00:00,国网歙县供电公司,投诉,正常,',
      '',
    ].join('\n'),
  );

  it('lists each rejected row with its file, row number and reason, and keeps the rest', () => {
    const run = complaints(['inspect', bad, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.rejects).toEqual([
      { file: bad, row: 2, reason: "受理时间 '2016-02-30 10:00:00' is not a date" },
      { file: bad, row: 3, reason: '供电单位 is empty' },
      { file: bad, row: 4, reason: 'the row has 7 fields where the header has 6' },
      { file: bad, row: 5, reason: '受理时间 is empty' },
    ]);
    expect(result.inputs[0]).toMatchObject({ rows: 5, complaints: 1, rejected: 4 });
    expect(result.inputs[0].rejectsByReason).toEqual({
      'date-invalid': { count: 1, rows: [2] },
      'unit-empty': { count: 1, rows: [3] },
      ragged: { count: 1, rows: [4] },
      'date-missing': { count: 1, rows: [5] },
    });
  });

  it('exits 3 under --strict, naming the first rejected row', () => {
    const run = complaints(['inspect', bad, '--strict', '--quiet', '--lang', 'en']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /4 row\(s\) rejected under --strict; first: .*bad\.csv row 2: 受理时间 '2016-02-30 10:00:00' is not a date/,
    );
    expect(isPlainError(run.stderr)).toBe(true);
  });
});

describe('workbooks with several sheets', () => {
  const book = join(dir, 'sheets.xlsx');

  it('finds the sheet that holds the header, or reads the one named with --sheet', async () => {
    const { loadExcelJS } = await import('../../src/io/exceljs.js');
    const ExcelJS = loadExcelJS();
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('说明');
    notes.addRow(['本表为95598工单导出，请勿修改。']);
    notes.addRow(['统计口径：受理时间在本月内的工单']);
    const data = workbook.addWorksheet('工单明细');
    data.addRow(['工单编号', '受理时间', '供电单位', '业务类型']);
    data.addRow(['W1', '2016-05-03 10:00:00', '国网歙县供电公司', '投诉']);
    data.addRow(['W2', '2016-05-04 10:00:00', '国网歙县供电公司', '故障报修']);
    await workbook.xlsx.writeFile(book);

    const found = JSON.parse(complaints(['inspect', book, '--json']).stdout).inputs[0];
    expect(found).toMatchObject({ sheet: '工单明细', headerRow: 1, rows: 2, complaints: 1 });
    for (const sheet of ['2', '工单明细']) {
      expect(
        JSON.parse(complaints(['inspect', book, '--sheet', sheet, '--json']).stdout).inputs[0]
          .sheet,
      ).toBe('工单明细');
    }
    const wrong = complaints(['inspect', book, '--sheet', '1']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/找不到表头行/);
    const missing = complaints(['inspect', book, '--sheet', '汇总']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/没有工作表 '汇总'。现有工作表：说明、工单明细。/);
    const english = complaints(['inspect', book, '--sheet', '汇总', '--lang', 'en']);
    expect(english.stderr).toMatch(/no sheet '汇总'\. Sheets: 说明, 工单明细\./);
  });
});
