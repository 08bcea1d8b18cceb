/**
 * Every bad input of issue 3, as a real file under test/files/bad/ (scripts/make-bad-inputs.js):
 * a clear one- or two-line message naming the file and what to do, the documented exit code,
 * no stack trace, and no output file left behind.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const BAD = 'test/files/bad';
const out = mkdtempSync(join(tmpdir(), 'complaints-bad-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
/** The program's today, as it says it in a reject: this machine's local date. */
const TODAY = ((d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)(
  new Date(),
);

describe('inputs that cannot be read: exit 2, in Chinese by default and in English with --lang en', () => {
  it.each([
    [
      'missing.csv',
      /missing\.csv：文件不存在。$/,
      /^ {2}请检查路径和文件名。$/,
      /missing\.csv: no such file\.$/,
      /Check the path and the file name/,
    ],
    [
      'empty.csv',
      /empty\.csv：文件是空的（0 字节）。$/,
      /请重新导出工单，可能是下载没有成功/,
      /empty\.csv: the file is empty \(0 bytes\)\./,
      /Export the work orders again/,
    ],
    [
      'bom-only.csv',
      /bom-only\.csv：文件里没有任何内容（至多是空行），既没有表头，也没有数据。$/,
      /^ {2}请重新导出工单：可能导出时没有选中数据，或下载没有成功。$/,
      /bom-only\.csv: the file holds nothing \(blank lines at most\): no header, no data\.$/,
      /Export the work orders again: the export may have selected nothing/,
    ],
    [
      'blank-lines.csv',
      /blank-lines\.csv：文件里没有任何内容（至多是空行），既没有表头，也没有数据。$/,
      /请重新导出工单/,
      /blank-lines\.csv: the file holds nothing \(blank lines at most\)/,
      /Export the work orders again/,
    ],
    [
      'empty-sheets.xlsx',
      /empty-sheets\.xlsx：工作簿的每个工作表都是空的，没有表头，也没有数据。$/,
      /请重新导出工单/,
      /empty-sheets\.xlsx: every sheet of the workbook is empty: no header, no data\.$/,
      /Export the work orders again/,
    ],
    [
      'garbage.bin',
      /garbage\.bin：既不是 CSV 等文本文件，也不是 xlsx 工作簿（内容是二进制数据）。$/,
      /请用 --encoding 指定编码/,
      /garbage\.bin: not a CSV or text file, nor an xlsx workbook/,
      /--encoding/,
    ],
    [
      'garbage.csv',
      /garbage\.csv：既不是 CSV 等文本文件/,
      /请提供 \.xlsx 或 \.csv 格式的 95598 导出文件/,
      /garbage\.csv: not a CSV or text file/,
      /Give the 95598 export as \.xlsx or \.csv/,
    ],
    [
      'truncated.xlsx',
      /truncated\.xlsx：工作簿不完整（文件在 zip 数据结束前就断了）。$/,
      /请重新下载或导出/,
      /truncated\.xlsx: the workbook is incomplete/,
      /Download or export it again/,
    ],
    [
      'encrypted.xlsx',
      /encrypted\.xlsx：工作簿设有密码，无法读取。$/,
      /取消密码/,
      /encrypted\.xlsx: the workbook is password-protected/,
      /remove the password/,
    ],
    [
      'old.xls',
      /old\.xls：这是旧版 \.xls（Excel 97-2003）工作簿，不能读取。$/,
      /另存为 \.xlsx，或运行：soffice --headless --convert-to xlsx 文件名$/,
      /old\.xls: this is an old \.xls \(Excel 97-2003\) workbook/,
      /soffice --headless --convert-to xlsx FILE/,
    ],
    [
      'no-header.csv',
      /no-header\.csv：前 50 行里都找不到表头行（找的是 受理时间、供电单位、工单编号、业务类型 这样的列名）。$/,
      /请用 --map 字段=表头 指定/,
      /no-header\.csv: no header row found in the first 50 rows/,
      /--map field=HEADER/,
    ],
    [
      'missing-unit.csv',
      /missing-unit\.csv：第 1 行的表头里没有 供电单位（unit）列。现有表头：工单编号、受理时间、业务类型、受理内容。$/,
      /^ {2}如果其中某一列就是供电单位，请用 --map unit=表头 指定。$/,
      /missing-unit\.csv: no 供电单位 \(unit\) column in the header on row 1\. Headers found: 工单编号, 受理时间, 业务类型, 受理内容\./,
      /--map unit=HEADER/,
    ],
    [
      'header-only.csv',
      /header-only\.csv：表头在第 1 行，但下面没有数据行。$/,
      /请换一个有数据的时段重新导出工单/,
      /header-only\.csv: the header is on row 1 but no data rows follow it\./,
      /Export the work orders again/,
    ],
    [
      'header-only.xlsx',
      /header-only\.xlsx：表头在工作表 工单明细 的第 1 行，但下面没有数据行。$/,
      /重新导出/,
      /header-only\.xlsx: the header is on row 1 of sheet 工单明细 but no data rows follow it\./,
      /Export/,
    ],
    [
      'totals-only.csv',
      /totals-only\.csv：表头在第 1 行，下面只有 2 行合计\/总计行，合计行不是工单。$/,
      /^ {2}请从 95598 系统导出工单明细（每张工单一行），而不是统计表。$/,
      /totals-only\.csv: the header is on row 1 but only 2 total rows \(合计\/总计\) follow it; total rows are not work orders\.$/,
      /^ {2}Export the detail list \(工单明细, one row per work order\) from the 95598 system, not a summary table\.$/,
    ],
    [
      'totals-only.xlsx',
      /totals-only\.xlsx：表头在工作表 工单明细 的第 1 行，下面只有 1 行合计\/总计行，合计行不是工单。$/,
      /导出工单明细/,
      /totals-only\.xlsx: the header is on row 1 of sheet 工单明细 but only 1 total row \(合计\/总计\) follows it; total rows are not work orders\.$/,
      /Export the detail list \(工单明细/,
    ],
    [
      'stray-quote-header.csv',
      /stray-quote-header\.csv：第 1 行的表头无法拆分成列：引号格式错误：带引号的字段在结束的 " 之后还有文字。$/,
      /^ {2}请用文本编辑器删掉表头行里多余的 "，或重新导出文件。$/,
      /stray-quote-header\.csv: the header on line 1 cannot be split into columns: malformed quotes: a quoted field has text after its closing "\.$/,
      /^ {2}Remove the stray " from the header line in a text editor, or export the file again\.$/,
    ],
    [
      'unescaped-quotes.csv',
      /unescaped-quotes\.csv：24 行数据中有 24 行被拒绝：引号格式错误：带引号的字段在结束的 " 之后还有文字（第 2、3、4、5、6 … 行），这个文件不是可用的导出文件。$/,
      /带引号的值里的引号要写成两个（""）/,
      /unescaped-quotes\.csv: 24 of 24 data rows rejected: malformed quotes: a quoted field has text after its closing " \(lines 2, 3, 4, 5, 6 …\); the file is not a usable export\.$/,
      /A quote inside a quoted value must be doubled \(""\)/,
    ],
    [
      'unreadable-dates.csv',
      /unreadable-dates\.csv：24 行数据中有 24 行被拒绝：受理时间 '05\/03\/2016 10:22:11' 不是有效日期（第 2、3、4、5、6 … 行），这个文件不是可用的导出文件。$/,
      /请检查 受理时间 列填的是不是受理时间（或用 --map acceptedAt=表头 指定另一列）/,
      /unreadable-dates\.csv: 24 of 24 data rows rejected: 受理时间 '05\/03\/2016 10:22:11' is not a date \(lines 2, 3, 4, 5, 6 …\); the file is not a usable export\.$/,
      /Check that the 受理时间 column holds acceptance times \(or map another: --map acceptedAt=HEADER\)/,
    ],
    [
      'joined-encodings.csv',
      /joined-encodings\.csv：第 5 行不是 UTF-8，而前面各行是；文件混用了两种编码（两份导出拼在了一起？）。$/,
      /请从该行之前把文件拆开，作为两个输入文件给出/,
      /joined-encodings\.csv: line 5 is not UTF-8 though the lines before it are; the file mixes encodings \(two exports joined\?\)\.$/,
      /Split the file before that line and give the parts as two inputs/,
    ],
    [
      'bad-gb18030.csv',
      /bad-gb18030\.csv：第 4 行含有不属于 GB18030 文本的字节；文件已损坏，或是别的编码。$/,
      /用 --encoding 指定编码/,
      /bad-gb18030\.csv: line 4 holds bytes that are not GB18030 text; the file is damaged or in another encoding\.$/,
      /name its encoding with --encoding/,
    ],
    [
      'bom-joined-encodings.csv',
      /bom-joined-encodings\.csv：第 5 行不是 UTF-8，而前面各行是；文件混用了两种编码（两份导出拼在了一起？）。$/,
      /请从该行之前把文件拆开，作为两个输入文件给出/,
      /bom-joined-encodings\.csv: line 5 is not UTF-8 though the lines before it are; the file mixes encodings \(two exports joined\?\)\.$/,
      /Split the file before that line and give the parts as two inputs/,
    ],
    [
      'html-table.xlsx',
      /html-table\.xlsx：这是网页（HTML）表格，不是 xlsx 工作簿，也不是 CSV 文本。$/,
      /^ {2}请用 Excel 或 WPS 打开后另存为 .xlsx，或运行：soffice --headless --convert-to xlsx 文件名$/,
      /html-table\.xlsx: this is a web page \(an HTML table\), not an xlsx workbook or CSV text\.$/,
      /Open it in Excel or WPS and save it as \.xlsx/,
    ],
  ])('%s', (name, zhMessage, zhHint, enMessage, enHint) => {
    for (const [lang, message, hint] of [
      [[], zhMessage, zhHint],
      [['--lang', 'en'], enMessage, enHint],
    ] as const) {
      const json = join(out, `${name}.json`);
      const run = complaints(['inspect', `${BAD}/${name}`, '--json', json, ...lang]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const [first, second] = run.stderr.trimEnd().split('\n');
      expect(first).toMatch(message);
      expect(first).toContain(`complaints: ${BAD}/${name}`);
      expect(second).toMatch(hint);
      expect(isPlainError(run.stderr)).toBe(true);
      expect(existsSync(json)).toBe(false);
    }
  });
});

describe('rows that cannot be used: rejects with their line, exit 3 under --strict', () => {
  it.each([
    [
      'bad-date.csv',
      [
        [4, "受理时间 '2016-02-30 10:00:00' is not a date"],
        [6, "受理时间 '2016-13-45 08:00:00' is not a date"],
      ],
      4,
      "受理时间 '2016-02-30 10:00:00' 不是有效日期",
    ],
    ['empty-unit.csv', [[4, '供电单位 is empty']], 5, '供电单位为空'],
    [
      'early-date.csv',
      [[4, "受理时间 '1900-01-01 00:00:00' is before 2000 (an empty date?)"]],
      5,
      "受理时间 '1900-01-01 00:00:00' 早于 2000 年（是空的日期？）",
    ],
    [
      'future-date.csv',
      [[6, `受理时间 '2061-05-12 09:30:00' is over a year after today (${TODAY})`]],
      5,
      `受理时间 '2061-05-12 09:30:00' 比今天（${TODAY}）晚一年以上`,
    ],
    [
      'garbled-unit.csv',
      [
        [
          4,
          "供电单位 '国网休宁县\ufffd\ufffd供电公司' is garbled (U+FFFD: the text was damaged before this file was written)",
        ],
      ],
      5,
      "供电单位 '国网休宁县\ufffd\ufffd供电公司' 含乱码（U+FFFD：写出这个文件之前文字就已损坏）",
    ],
    [
      'ragged.csv',
      [
        [3, 'the row has 6 fields where the header has 5'],
        [6, 'the row has 4 fields where the header has 5'],
      ],
      4,
      '这一行有 6 个字段，而表头有 5 个',
    ],
    [
      'unbalanced-quote.csv',
      [
        [
          4,
          'unbalanced quote: a field opened with " on line 4 never closes (the 4 lines from there on were read as one row)',
        ],
      ],
      2,
      '引号不配对：第 4 行用 " 开始的字段一直没有结束（从那里起的 4 行被读成了一行）',
    ],
  ])('%s', (name, rejects, good, zhReason) => {
    const file = `${BAD}/${name}`;
    const run = complaints(['inspect', file, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.rejects).toEqual(rejects.map(([row, reason]) => ({ file, row, reason })));
    expect(result.inputs[0].rows - result.inputs[0].rejected).toBe(good);

    // The reasons stay English in the JSON; the --strict line says the first in the run's language.
    const strict = complaints(['inspect', file, '--strict', '--quiet']);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain(
      `complaints: --strict：有 ${result.totals.rejected} 行被拒绝；第一行：${file} 第 ${rejects[0]![0]} 行：${zhReason}\n`,
    );
    expect(isPlainError(strict.stderr)).toBe(true);
    const en = complaints(['inspect', file, '--strict', '--quiet', '--lang', 'en']);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain(`${file} row ${rejects[0]![0]}: ${rejects[0]![1]}`);
    expect(isPlainError(en.stderr)).toBe(true);
  });
});

describe('an acceptance time in the future', () => {
  it('future-date.csv: is not taken for the latest month, so the default period stays 2016-05', () => {
    const run = complaints(['analyze', `${BAD}/future-date.csv`, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.period).toMatchObject({ from: '2016-05', to: '2016-05' });
    expect(result.totals).toMatchObject({ complaints: 3 });
  });
});

describe("an acceptance time of 1900-01-01 (a database's empty date)", () => {
  it('does not make the exports seem to cover 2015, claiming 0 complaints a year earlier', () => {
    const file = join(out, 'one-unit-1900.csv');
    writeFileSync(
      file,
      [
        '工单编号,受理时间,供电单位,业务类型,受理内容',
        '1,2016-05-03 10:00:00,国网歙县供电公司,投诉,客户反映电压偏低',
        '2,2016-06-04 10:00:00,国网歙县供电公司,投诉,客户反映停电未通知',
        '3,1900-01-01 00:00:00,国网歙县供电公司,投诉,客户反映停电未通知',
        '',
      ].join('\n'),
    );
    const run = complaints(['trend', file, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.period).toMatchObject({ from: '2016-05', to: '2016-06', yearEarlier: null });
    expect(result.totals).toMatchObject({ complaints: 2, rejected: 1, previous: null });
  });
});

describe('a workbook named .csv', () => {
  const file = `${BAD}/renamed-xlsx.csv`;
  it('is read as xlsx, and the output says so, naming the file as given', () => {
    const run = complaints(['inspect', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `\n  ${file} 虽然扩展名不是 .xlsx，实际是 xlsx 工作簿，已按工作簿读取。\n`,
    );
    expect(complaints(inEnglish(['inspect', file])).stdout).toContain(
      `\n  ${file} is an xlsx workbook despite its name; read as xlsx.\n`,
    );
    const json = complaints(['inspect', file, '--json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.inputs[0]).toMatchObject({ format: 'xlsx', rows: 6, complaints: 4 });
    expect(parsed.inputs[0].notes).toEqual([
      `${file} is an xlsx workbook despite its name; read as xlsx.`,
    ]);
    // The JSON keeps the English; the person running it reads the run's language on stderr.
    expect(json.stderr).toBe(
      `${file} 虽然扩展名不是 .xlsx，实际是 xlsx 工作簿，已按工作簿读取。\n`,
    );
  });

  it('analyze and classify say it on stderr in the run’s language, not with --quiet', () => {
    const zh = complaints(['analyze', file]);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toBe(`${file} 虽然扩展名不是 .xlsx，实际是 xlsx 工作簿，已按工作簿读取。\n`);
    expect(complaints(inEnglish(['classify', file])).stderr).toContain(
      `${file} is an xlsx workbook despite its name; read as xlsx.\n`,
    );
    expect(complaints(['analyze', file, '--quiet']).stderr).toBe('');
  });
});

describe('tab-separated text named .xls', () => {
  it('is read as text, with a note, as a text file named .xlsx is', () => {
    const file = `${BAD}/tab-separated.xls`;
    const run = complaints(['inspect', file, '--json']);
    expect(run.stderr).toBe(
      `${file} 虽然扩展名是 .xls，实际是文本文件（CSV），不是工作簿，已按文本读取。\n`,
    );
    expect(run.code).toBe(0);
    const input = JSON.parse(run.stdout).inputs[0];
    expect(input).toMatchObject({ format: 'csv', rows: 6, complaints: 4, rejected: 0 });
    expect(input.notes).toEqual([
      `${file} is a text file (CSV), not an xlsx workbook, despite its name; read as text.`,
    ]);
  });
});

describe('hostile text that is read', () => {
  it('mixed-line-ends.csv: every record of a file whose lines end in CRLF, LF or CR at random', () => {
    const file = `${BAD}/mixed-line-ends.csv`;
    const run = complaints(['inspect', file, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.inputs[0]).toMatchObject({ rows: 24, complaints: 16, rejected: 0 });
    expect(result.rejects).toEqual([]);
  });

  it('control-chars.csv: NUL and other control characters leave the units and types, with a note', () => {
    const file = `${BAD}/control-chars.csv`;
    const run = complaints(['inspect', file, '--json']);
    expect(run.code).toBe(0);
    const input = JSON.parse(run.stdout).inputs[0];
    expect(Object.keys(input.units)).toEqual([
      '国网歙县供电公司',
      '国网黄山供电公司(市直)',
      '国网休宁县供电公司',
      '国网祁门县供电公司',
      '国网黄山市黄山区供电公司',
      '国网黟县供电公司',
    ]);
    expect(input.byType).toEqual({ 投诉: 4, 故障报修: 1, 业务咨询: 1 });
    expect(input.notes).toEqual([
      'Control characters (such as NUL) removed from 3 values used for grouping and matching, first in 供电单位 on line 2.',
    ]);
    // In the terminal the note is said in the run's language; the JSON above stays English.
    expect(complaints(['inspect', file]).stdout).toContain(
      '\n  3 个用于分组和匹配的值里有控制字符（如 NUL），已删除；第一个在第 2 行的 供电单位 列。\n',
    );
    expect(complaints(inEnglish(['inspect', file])).stdout).toContain(
      '\n  Control characters (such as NUL) removed from 3 values used for grouping and matching, first in 供电单位 on line 2.\n',
    );
    // A \x01 in a unit name used to stop the charts ("SVG data parsing failed", exit 1).
    const workbook = join(out, 'control-chars.xlsx');
    const report = complaints(['report', file, '--year', '2016', '--out', workbook, '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(existsSync(workbook)).toBe(true);
  });
});

describe('terminal escapes in the data', () => {
  it('are shown escaped in reasons, so --strict stays two plain lines and clears no screen', () => {
    const file = join(out, 'escapes.csv');
    writeFileSync(
      file,
      '工单编号,受理时间,供电单位\n1,"\u001b[2J2016\n-05-03",A\n2,2016-05-03,B\n',
    );
    const run = complaints(['inspect', file, '--strict', '--quiet']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `complaints: --strict：有 1 行被拒绝；第一行：${file} 第 2 行：受理时间 '\\x1b[2J2016\\n-05-03' 不是有效日期\n` +
        '  查看每一个被拒绝的行：complaints inspect 文件 --json（rejects[]）。请修正这些行，或去掉 --strict 运行。\n',
    );
    const en = complaints(['inspect', file, '--strict', '--quiet', '--lang', 'en']);
    expect(en.code).toBe(3);
    expect(en.stderr).toBe(
      `complaints: 1 row(s) rejected under --strict; first: ${file} row 2: 受理时间 '\\x1b[2J2016\\n-05-03' is not a date\n` +
        '  Every rejected row: complaints inspect FILES --json (rejects[]). Fix them, or run without --strict.\n',
    );
  });
});

describe('hostile text made at test time: exit 2 within seconds, nothing written', () => {
  const HEADER = '工单编号,受理时间,供电单位,业务类型,受理内容';
  const ROW = '16050300000101,2016-05-03 10:22:11,国网歙县供电公司,投诉,客户反映电压低';
  const timed = (args: string[]) => {
    const started = performance.now();
    const run = complaints(args);
    return { ...run, seconds: (performance.now() - started) / 1000 };
  };

  it('a line of 40 MB', () => {
    const file = join(out, 'long-line.csv');
    writeFileSync(file, `${HEADER}\n${ROW}\n${'x'.repeat(40 * 1024 * 1024)}\n`);
    const run = timed(['analyze', file, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `complaints: ${file}：第 3 行有一个字段超过 32,767 个字符（Excel 单元格的上限），不予读取。\n` +
        '  95598 导出文件远没有这么大：请确认文件没给错、分隔符正确，或重新导出。\n',
    );
    expect(run.seconds).toBeLessThan(5);
    const en = timed(['analyze', file, '--json', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      `complaints: ${file}: line 3 has a field of more than 32,767 characters (Excel's limit for a cell); the file is refused.\n` +
        '  A 95598 export is far smaller: check that this is the right file and its delimiter, or export it again.\n',
    );
    expect(en.seconds).toBeLessThan(5);
  });

  it('classify --out on 200,000 columns', () => {
    const file = join(out, 'wide.csv');
    const extra = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',');
    writeFileSync(file, `${HEADER},${extra}\n${ROW},${extra}\n`);
    const target = join(out, 'wide-classified.csv');
    const run = timed(['classify', file, '--out', target, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      `complaints: ${file}: line 1 has more than 16,384 fields (Excel's limit of columns); the file is refused.`,
    );
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.seconds).toBeLessThan(5);
    expect(existsSync(target)).toBe(false);
  });

  it('a MiB of UTF-8 followed by GB18030', () => {
    const lines = [HEADER];
    let bytes = Buffer.byteLength(HEADER) + 1;
    for (let i = 0; bytes < 1024 * 1024 + 100; i++) {
      lines.push(`${16050300100000 + i},2016-05-03 10:22:11,国网歙县供电公司,投诉,客户反映电压低`);
      bytes += Buffer.byteLength(lines[lines.length - 1]!) + 1;
    }
    const gb = iconv.encode(
      `16050399999999,2016-05-04 10:00:00,国网黟县供电公司,投诉,x\n`,
      'gb18030',
    );
    const file = join(out, 'joined-big.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(lines.join('\n') + '\n'), gb]));
    const run = timed(['analyze', file, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      `complaints: ${file}：第 ${(lines.length + 1).toLocaleString('en-US')} 行不是 UTF-8，而前面各行是；文件混用了两种编码（两份导出拼在了一起？）。`,
    );
    expect(run.stdout).toBe('');
  });
});

describe('a text input that is a pipe', () => {
  it('is read, not called empty', () => {
    const fifo = join(out, 'export.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The writer runs beside the program, as with `complaints inspect <(zcat export.csv.gz)`.
    const run = spawnSync(
      'sh',
      [
        '-c',
        'cat "$1" > "$2" & exec "$3" "$4" inspect "$2" --json',
        'sh',
        `${BAD}/mixed-line-ends.csv`,
        fifo,
        process.execPath,
        `${ROOT}/bin/complaints.js`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 20_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).inputs[0]).toMatchObject({
      rows: 24,
      complaints: 16,
      rejected: 0,
    });
  });
});

describe('a targets, units or codes file the export readers refuse: named by its role, with its own hint', () => {
  // Before: "t.csv：文件是空的（0 字节）。请重新导出工单" — for a file that is no export.
  const folder = mkdtempSync(join(out, 'small-'));
  writeFileSync(join(folder, 'empty.csv'), '');
  copyFileSync(join(ROOT, BAD, 'old.xls'), join(folder, 'old.xls'));
  it.each([
    [
      '--targets',
      'empty.csv',
      '考核指标文件 empty.csv：文件是空的（0 字节）。',
      '请检查考核指标文件的路径，或重新保存这个文件（CSV、XLSX 或 JSON）。',
      '--targets empty.csv: the file is empty (0 bytes).',
    ],
    [
      '--units',
      '.',
      '单位层级文件 .：这是文件夹，不是文件。',
      '请检查单位层级文件的路径，或重新保存这个文件（CSV、XLSX 或 JSON）。',
      '--units .: is a folder, not a file.',
    ],
    [
      '--codes',
      'old.xls',
      '代码表 old.xls：这是旧版 .xls（Excel 97-2003）工作簿，不能读取。',
      '请用 Excel 或 WPS 打开后另存为 .xlsx，或运行：soffice --headless --convert-to xlsx 文件名',
      '--codes old.xls: this is an old .xls',
    ],
  ])('%s %s', (option, file, zh, hint, en) => {
    const args = ['analyze', join(ROOT, 'fixtures/95598-2016-08-pinyin.csv'), option, file];
    const run = complaints(args, { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`complaints: ${zh}\n  ${hint}\n`);
    const english = complaints([...args, '--lang', 'en'], { cwd: folder });
    expect(english.code).toBe(2);
    expect(english.stderr).toContain(`complaints: ${en}`);
  });
});
