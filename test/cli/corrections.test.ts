/**
 * --corrections FILE, end to end on fixtures/revisions (scripts/make-revisions-fixtures.js, whose
 * figures are counted by the generator from its plan): October 2016 from the October export and
 * its December re-export, with and without the analyst's corrections file (the same six rows as
 * GB18030 CSV and as an xlsx with a title row). Each correction moves exactly the counts it
 * should; the rows it cannot apply are said on the terminal, in the workbook and in the JSON; a
 * bad file is refused naming the file and the row.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { readBook } from '../helpers/book.js';
import { complaints, isPlainError, ROOT, apartFromJsonNotes } from '../helpers/cli.js';

const DIR = 'fixtures/revisions';
const expected = JSON.parse(readFileSync(join(ROOT, DIR, 'expected.json'), 'utf8'));
const INPUTS = [`${DIR}/95598-2016-10.xlsx`, `${DIR}/95598-2016-10-11.csv`];
const CSV = `${DIR}/corrections-2016-10.csv`;
const XLSX = `${DIR}/corrections-2016-10.xlsx`;
const OCTOBER = [...INPUTS, '--month', '2016-10'];
const SHEXIAN = '国网歙县供电公司';
const HUIZHOU = '国网黄山市徽州区供电公司';

const tmp = mkdtempSync(join(tmpdir(), 'complaints-corrections-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function json(args: string[]): Json {
  const run = complaints([...args, '--json']);
  expect(apartFromJsonNotes(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

const unitsOf = (r: Json) =>
  Object.fromEntries(
    (r.units as Json[]).map((u) => [u.unit, { complaints: u.complaints, assessed: u.assessed }]),
  );
const level1Of = (r: Json) =>
  Object.fromEntries(
    (r.categories.level1 as Json[])
      .filter((c) => c.complaints > 0)
      .map((c) => [c.name, c.complaints]),
  );
const sorted = (o: Json) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

describe('analyze --month 2016-10', () => {
  const plain = json(['analyze', ...OCTOBER]);

  it('without a corrections file: the figures the plan counts, and no corrections key', () => {
    expect(sorted(unitsOf(plain))).toEqual(sorted(expected.both.units));
    expect(sorted(level1Of(plain))).toEqual(sorted(expected.both.level1));
    expect(plain).not.toHaveProperty('corrections');
    expect(plain.classified).not.toHaveProperty('correction');
  });

  describe.each([
    ['CSV (GB18030)', CSV, 6, 7],
    ['xlsx with a title row', XLSX, 7, 8],
  ])('with the corrections as %s', (_, file, unmatchedRow, repairRow) => {
    const r = json(['analyze', ...OCTOBER, '--corrections', file]);
    const before = unitsOf(plain);
    const after = unitsOf(r);

    it('the figures the plan counts with the corrections', () => {
      expect(sorted(after)).toEqual(sorted(expected.corrected.units));
      expect(sorted(level1Of(r))).toEqual(sorted(expected.corrected.level1));
    });

    it.each([
      // what changes, by how much: the re-classification to 营业投诉; the exemption (歙县) and
      // the appeal held assessed (徽州区); the total assessed, which the two cancel out
      ['服务投诉', -1, () => level1Of(r)['服务投诉'] - level1Of(plain)['服务投诉']],
      ['营业投诉', 1, () => level1Of(r)['营业投诉'] - level1Of(plain)['营业投诉']],
      [
        '停送电投诉 (抢修质量 within it)',
        0,
        () => level1Of(r)['停送电投诉'] - level1Of(plain)['停送电投诉'],
      ],
      [`${SHEXIAN} assessed`, -1, () => after[SHEXIAN]!.assessed - before[SHEXIAN]!.assessed],
      [`${HUIZHOU} assessed`, 1, () => after[HUIZHOU]!.assessed - before[HUIZHOU]!.assessed],
      [`${SHEXIAN} complaints`, 0, () => after[SHEXIAN]!.complaints - before[SHEXIAN]!.complaints],
      ['total assessed', 0, () => r.totals.assessed - plain.totals.assessed],
      ['total complaints', 0, () => r.totals.complaints - plain.totals.complaints],
      [
        'appeal-approved (the appeal is not rewritten)',
        0,
        () => r.totals.appealApproved - plain.totals.appealApproved,
      ],
    ])('%s changes by %d', (_, by, change) => {
      expect(change()).toBe(by);
    });

    it('the JSON says what was applied and what not, by row', () => {
      expect(r.corrections).toEqual({
        file,
        given: 6,
        applied: 4,
        inPeriod: 4,
        classes: 2,
        assessed: 2,
        unmatched: [{ id: '16102699990001', row: unmatchedRow }],
        notComplaint: [{ id: expected.special.repair, row: repairRow }],
      });
      // Both copies of each re-classified work order were decided by the correction.
      expect(r.classified.correction).toBe(4);
      expect(r.notes.map((n: Json) => n.code)).toEqual(
        expect.arrayContaining(['corrections', 'corrections-unmatched']),
      );
    });
  });

  it('the terminal says it, zh and en, the rows not applied with their numbers', () => {
    const zh = complaints(['analyze', ...OCTOBER, '--corrections', CSV]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain(
      `人工更正（${CSV}）：4 张投诉按更正计（分类 2，是否考核 2），其中统计期内 4 张。`,
    );
    expect(zh.stdout).toContain(
      `人工更正（${CSV}）：2 行未应用——不在任何输入中：第 6 行 16102699990001；不是投诉：第 7 行 ${expected.special.repair}。请核对工单编号。`,
    );
    const en = complaints(['analyze', ...OCTOBER, '--corrections', CSV, '--lang', 'en']);
    expect(en.stdout).toContain(
      `Corrections (${CSV}): 4 complaint(s) counted as corrected (class 2, 是否考核 2), 4 of them in the period.`,
    );
    expect(en.stdout).toContain(`2 row(s) not applied — in no input: row 6 16102699990001`);
  });

  it('the same on two threads reading the re-export in small ranges', () => {
    const args = ['analyze', ...OCTOBER, '--corrections', CSV, '--json'];
    const log = join(tmp, 'ranges.jsonl');
    writeFileSync(log, '');
    const one = complaints([...args, '--threads', '1']);
    const two = complaints([...args, '--threads', '2'], {
      env: { COMPLAINTS_TEST_RANGE_BYTES: '2000', COMPLAINTS_TEST_RANGE_LOG: log },
    });
    // The re-export really was read in ranges, by workers that applied the corrections.
    const ranges = readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(ranges).toEqual([expect.objectContaining({ file: INPUTS[1], fallback: false })]);
    expect(ranges[0].ranges).toBeGreaterThan(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).corrections.applied).toBe(4);
  });
});

describe('the other commands that count', () => {
  it.each([
    ['assess', ['--targets', 'fixtures/metrics/targets-2016.csv'], 'stdout'],
    ['trend', [], 'stdout'],
    ['warn', [], 'stderr'],
    ['classify', [], 'stderr'],
    ['report', ['--out', join(tmp, 'r.xlsx')], 'stderr'],
  ] as const)('%s says how many were applied (%s)', (command, extra, stream) => {
    const run = complaints([command, ...OCTOBER, ...extra, '--corrections', CSV]);
    expect(run.code).toBe(0);
    expect(run[stream]).toContain(`人工更正（${CSV}）：4 张投诉按更正计`);
    expect(run[stream]).toContain('2 行未应用');
  });

  it('warn --json and classify --json carry the corrections', () => {
    const warn = json(['warn', ...OCTOBER, '--corrections', CSV]);
    expect(warn.corrections).toMatchObject({ applied: 4, classes: 2, assessed: 2 });
    // classify says its count on stderr with --json too.
    const run = complaints(['classify', ...OCTOBER, '--corrections', CSV, '--json']);
    expect(run.code).toBe(0);
    const c = JSON.parse(run.stdout);
    expect(c.corrections).toMatchObject({ applied: 4, classes: 2, assessed: 2 });
    expect(c.classified.byMethod.correction).toBe(2);
  });

  it('report: 概览 says it; 明细 shows the method, the reason and 是否考核 as ruled', async () => {
    const out = join(tmp, 'detail.xlsx');
    expect(
      complaints(['report', ...OCTOBER, '--corrections', CSV, '--detail', '--out', out]).code,
    ).toBe(0);
    const book = await readBook(out);
    const overview: string[] = [];
    book.getWorksheet('概览')!.eachRow((row) => overview.push(String(row.getCell(1).value ?? '')));
    expect(overview).toContain(
      `人工更正（${CSV}）：4 张投诉按更正计（分类 2，是否考核 2），其中统计期内 4 张。`,
    );
    expect(overview.some((l) => l.startsWith(`人工更正（${CSV}）：2 行未应用`))).toBe(true);
    const detail = book.getWorksheet('明细')!;
    const head = (detail.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => head.indexOf(name);
    const rows = new Map<string, unknown[]>();
    detail.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), row.values as unknown[]);
    });
    const reclass = rows.get(expected.special.reclass)!;
    expect([
      reclass[col('判定一级分类')],
      reclass[col('判定二级分类')],
      reclass[col('判定方式')],
    ]).toEqual(['营业投诉', '业务收费', '人工更正']);
    expect(reclass[col('判定依据')]).toBe(
      `人工更正（${CSV} 第 2 行）：录音核实为收取表计校验费争议，按营业投诉统计`,
    );
    expect(rows.get(expected.special.exempt)![col('是否考核')]).toBe('否（人工更正）');
    expect(rows.get(expected.special.heldAssessed)![col('是否考核')]).toBe('是（人工更正）');
  });
});

describe('a ruling on 是否考核 alone', () => {
  it('the bulletin says the assessed figure is as ruled, where 投诉 − 申诉成功 no longer gives it', () => {
    const file = join(tmp, 'exempt.csv');
    writeFileSync(file, `工单编号,是否考核,说明\n${expected.special.exempt},否,复核不予考核\n`);
    const zh = join(tmp, 'exempt.md');
    expect(complaints(['report', ...OCTOBER, '--corrections', file, '--out', zh]).code).toBe(0);
    // 45 − 13 = 32; the ruling leaves 31.
    expect(readFileSync(zh, 'utf8')).toContain(
      '共受理客户投诉45件；其中申诉成功13件，考核投诉31件（部分工单是否考核按人工复核结果认定）。',
    );
    const en = join(tmp, 'exempt-en.md');
    expect(
      complaints(['report', ...OCTOBER, '--corrections', file, '--out', en, '--lang', 'en']).code,
    ).toBe(0);
    expect(readFileSync(en, 'utf8')).toContain(
      '45 customer complaints were received; 13 appealed successfully, and with some rulings by hand on review, 31 are assessed.',
    );
    // Without it the sentence is as it was.
    expect(complaints(['report', ...OCTOBER, '--out', zh]).code).toBe(0);
    expect(readFileSync(zh, 'utf8')).toContain('其中申诉成功13件，考核投诉32件。');
  });
});

describe('"corrections" in the config file', () => {
  it('is read relative to the config file, as --corrections', () => {
    const dir = join(tmp, 'config');
    // Named by export date: the config file's inputs are read in path order (inputs.ts), and
    // 95598-2016-10-11.csv sorts before 95598-2016-10.xlsx.
    const exports = join(dir, 'exports');
    cpSync(join(ROOT, INPUTS[0]!), join(exports, '2016-11-01 95598-2016-10.xlsx'));
    cpSync(join(ROOT, INPUTS[1]!), join(exports, '2016-12-01 95598-2016-10-11.csv'));
    cpSync(join(ROOT, XLSX), join(dir, 'corrections-2016-10.xlsx'));
    writeFileSync(
      join(dir, 'complaints.config.json'),
      JSON.stringify({ inputs: ['exports'], corrections: 'corrections-2016-10.xlsx' }),
    );
    const run = complaints(['analyze', '--month', '2016-10', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.corrections.file).toBe(join(dir, 'corrections-2016-10.xlsx'));
    expect(sorted(unitsOf(r))).toEqual(sorted(expected.corrected.units));

    // classify too, whose classes are the report's (it ignored the key: the report counted a
    // complaint as 营业投诉 that classify's rows left as 服务投诉) …
    const classify = complaints(['classify', '--month', '2016-10', '--json'], { cwd: dir });
    expect(classify.code).toBe(0);
    const c = JSON.parse(classify.stdout);
    expect(c.corrections).toMatchObject({ applied: 4, classes: 2, assessed: 2 });
    expect(c.classified.byMethod.correction).toBe(2);
    // … and so its --out may not overwrite the corrections file (it did, without a word).
    const before = readFileSync(join(dir, 'corrections-2016-10.xlsx'));
    const over = complaints(['classify', '--out', 'corrections-2016-10.xlsx'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('这个输出就是人工更正文件');
    expect(readFileSync(join(dir, 'corrections-2016-10.xlsx'))).toEqual(before);
    // classify --audit reads the labels, not the exports' counts: the key is left to the others.
    expect(
      complaints(['classify', '--audit', '--month', '2016-10', '--json'], { cwd: dir }).code,
    ).toBe(0);
  });
});

describe('ids and header as analysts type them', () => {
  it("an id with Excel's leading apostrophe or spaces, and the header repeated, still apply", () => {
    // The header copied in again (two files pasted together) is no correction of 是否考核
    // "是否考核"; an apostrophe typed to keep Excel from turning the id into a number is no part
    // of the id.
    const file = join(tmp, 'typed.csv');
    writeFileSync(
      file,
      [
        '工单编号,是否考核,说明',
        `'${expected.special.exempt},否,`,
        '工单编号,是否考核,说明',
        ` ${expected.special.heldAssessed} ,是,`,
      ].join('\n'),
    );
    const r = json(['analyze', ...OCTOBER, '--corrections', file]);
    expect(r.corrections).toMatchObject({ given: 2, applied: 2, assessed: 2, unmatched: [] });
  });
});

describe('a corrections file that cannot be used: exit 2, the file and the row', () => {
  const id = () => expected.special.class as string;
  it.each([
    [
      'a class not in the taxonomy',
      () => `工单编号,一级分类,二级分类,说明\n${id()},营业投诉,电费纠纷,x\n`,
      '第 2 行：二级分类“电费纠纷”不在分类体系 sgcc-95598 中。',
    ],
    [
      'a 二级分类 under another 一级分类',
      () => `工单编号,一级分类,二级分类\n${id()},服务投诉,电费电价\n`,
      '第 2 行：二级分类 电费电价 属于 营业投诉，不属于一级分类 服务投诉。',
    ],
    [
      '是否考核 neither 是 nor 否',
      () => `工单编号,是否考核\n${id()},待定\n`,
      '第 2 行：是否考核“待定”应为“是”或“否”。',
    ],
    [
      'one work order twice',
      () => `工单编号,是否考核\n${id()},否\n${id()},是\n`,
      `第 3 行：工单 ${id()} 已在第 2 行更正过。`,
    ],
    [
      'a row that corrects nothing',
      () => `工单编号,二级分类,说明\n${id()},,看错了\n`,
      '第 2 行：工单',
    ],
    ['no header', () => `编号,分类\n${id()},营业投诉\n`, '人工更正文件的前 20 行里没有含 工单编号'],
    [
      'an export given as the corrections file (its complaints would all count as corrected)',
      () =>
        `工单编号,受理时间,供电单位,业务类型,一级分类,二级分类\n${id()},2016-10-03 09:00,国网歙县供电公司,投诉,营业投诉,电费电价\n`,
      '第 1 行：这像是工单导出文件（表头有 受理时间、供电单位），不是人工更正文件。',
    ],
    [
      'an id Excel showed in scientific notation, its last digits lost',
      () => `工单编号,是否考核\n1.61018E+13,否\n`,
      '第 2 行：工单编号 1.61018E+13 是 Excel 的科学计数法，后几位已丢失。',
    ],
  ])('%s', (name, text, message) => {
    const file = join(tmp, `${name.replace(/\W+/g, '-')}.csv`);
    writeFileSync(file, text());
    const run = complaints(['analyze', ...OCTOBER, '--corrections', file]);
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain(`complaints: ${file}`);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('in English: an id in scientific notation', () => {
    const file = join(tmp, 'sci-en.csv');
    writeFileSync(file, `工单编号,是否考核\n1.61018e+13,否\n`);
    const sci = complaints(['analyze', ...OCTOBER, '--corrections', file, '--lang', 'en']);
    expect(sci.code).toBe(2);
    expect(sci.stderr).toContain(
      `complaints: ${file} row 2: the 工单编号 1.61018e+13 is in Excel's scientific notation; its last digits are lost.`,
    );
  });

  it('in English with --lang en', () => {
    const file = join(tmp, 'bad-en.csv');
    writeFileSync(file, `工单编号,二级分类\n${id()},电费纠纷\n`);
    const run = complaints(['analyze', ...OCTOBER, '--corrections', file, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `complaints: ${file} row 2: 二级分类 "电费纠纷" is not a class of the taxonomy sgcc-95598.`,
    );
  });

  it('a 16-digit id stored as a number in a workbook: refused (Excel keeps 15 digits)', async () => {
    // Typed into Excel as 1610062815853617, kept as 1610062815853610: it names no work order.
    const file = join(tmp, 'number-id.xlsx');
    const book = new (loadExcelJS().Workbook)();
    const sheet = book.addWorksheet('更正');
    sheet.addRow(['工单编号', '是否考核']);
    sheet.addRow([expected.special.exempt, '否']);
    sheet.addRow([1610062815853610, '否']);
    await book.xlsx.writeFile(file);
    for (const [lang, message] of [
      [
        'zh',
        `complaints: ${file} 第 3 行：工单编号 1610062815853610 存为数字，而 Excel 只保留 15 位有效数字：第 15 位之后的数字已丢失。`,
      ],
      [
        'en',
        `complaints: ${file} row 3: the 工单编号 1610062815853610 is stored as a number, and Excel keeps 15 significant digits: the digits past the 15th are lost.`,
      ],
    ]) {
      const run = complaints(['analyze', ...OCTOBER, '--corrections', file, '--lang', lang!]);
      expect(run.code).toBe(2);
      expect(isPlainError(run.stderr)).toBe(true);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toMatch(lang === 'zh' ? /设为文本/ : /as text/);
    }
  });

  it('a workbook whose corrections are not on its first sheet: says only the first is read', async () => {
    const file = join(tmp, 'second-sheet.xlsx');
    const book = new (loadExcelJS().Workbook)();
    book.addWorksheet('填写说明').getCell('A1').value = '每行一张工单，填写更正后的分类。';
    const sheet = book.addWorksheet('更正');
    sheet.addRow(['工单编号', '是否考核']);
    sheet.addRow([expected.special.exempt, '否']);
    await book.xlsx.writeFile(file);
    const run = complaints(['analyze', ...OCTOBER, '--corrections', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `complaints: ${file}：人工更正文件第一个工作表的前 20 行里没有含 工单编号 以及 一级分类、二级分类 或 是否考核 的表头。`,
    );
    expect(run.stderr).toContain('只读取第一个工作表');
  });

  it('an empty file: saved again as CSV or XLSX (not JSON, which --corrections does not read)', () => {
    const file = join(tmp, 'empty.csv');
    writeFileSync(file, '');
    const run = complaints(['analyze', ...OCTOBER, '--corrections', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`人工更正文件 ${file}：文件是空的（0 字节）。`);
    expect(run.stderr).toContain('请检查人工更正文件的路径，或重新保存这个文件（CSV 或 XLSX）。');
  });

  it('a file that is not there', () => {
    const run = complaints(['analyze', ...OCTOBER, '--corrections', 'no-such.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('人工更正文件 no-such.csv（--corrections）：文件不存在。');
  });
});
