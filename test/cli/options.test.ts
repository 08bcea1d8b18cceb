/**
 * No option is silently ignored (issue 12), through the real program on real files: the
 * refusals of test/settings/unused.test.ts end in exit 2 with their message; the audit list
 * is written and read back; folders and quoted patterns are read; periods in every form.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { ROOT, complaints, isPlainError, apartFromJsonNotes } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';
import { readAll } from '../helpers/read.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEP = 'fixtures/95598-2016-09-11.xlsx';
const NOV = 'fixtures/95598-2016-11-12-gb18030.csv';
/** Three of its six complaints recorded under the wrong class (fixtures/audit/README.md). */
const MISKEYED = 'fixtures/audit/95598-2016-10-misrecorded.csv';
const M = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = 'fixtures/metrics/targets-2016.csv';

describe('options a command would not use are refused, exit 2', () => {
  // [arguments, the first line in Chinese (the default), in English (--lang en)]
  it.each<[string[], string, string]>([
    [
      ['trend', ...M, '--targets', TARGETS],
      'complaints: trend：--targets 不起作用：trend 不显示考核指标。',
      'complaints: trend: --targets is not used: trend shows no targets.',
    ],
    [
      ['assess', ...M, '--targets', TARGETS, '--top', '3'],
      'complaints: assess：--top 不起作用：assess 没有热点和重复投诉清单。',
      'complaints: assess: --top is not used: assess has no hot-spot or repeat-complainant lists.',
    ],
    [
      ['analyze', ...M, '--prorate'],
      'complaints: analyze：--prorate 不起作用：它用于折算考核指标，但没有给出考核指标文件。',
      'complaints: analyze: --prorate is not used: it scales the targets, and no targets file is given.',
    ],
    [
      ['analyze', ...M, '--detail'],
      'complaints: analyze：--detail 不起作用：它在工作簿中加入明细表，而 analyze 不给 --out FILE.xlsx 时不写工作簿。',
      'complaints: analyze: --detail is not used: it adds 明细 to the workbook, and analyze writes none without --out FILE.xlsx.',
    ],
    [
      ['report', ...M, '--out', join(dir, 'r.csv'), '--no-charts'],
      `complaints: report：--no-charts 不起作用：它去掉工作簿和通报中的图表，而 --out ${join(dir, 'r.csv')} 不是工作簿或通报。`,
      `complaints: report: --no-charts is not used: it leaves the charts out of the workbook and the bulletin, and --out ${join(dir, 'r.csv')} is not a workbook or a bulletin.`,
    ],
    [
      ['classify', SEP, '--limit', '5'],
      'complaints: classify：--limit 不起作用：它限制 --audit 和 --evaluate 显示的行数。',
      'complaints: classify: --limit is not used: it limits the rows --audit and --evaluate show.',
    ],
    [
      ['classify', SEP, '--train', SEP, '--model', join(dir, 'm.json')],
      `complaints: classify --train：输入文件不起作用：--train 读取它后面给出的已标注文件，而不是 ${SEP}。`,
      `complaints: classify --train: input files are not used: --train reads the labelled files it names, not ${SEP}.`,
    ],
    [
      ['classify', '--evaluate', 'fixtures/eval/test.csv', '--out', join(dir, 'e.xlsx')],
      'complaints: classify --evaluate：--out 不起作用：--evaluate 打印评估结果；--json FILE 可写出全部结果。',
      'complaints: classify --evaluate: --out is not used: --evaluate prints its measures; --json FILE writes all of them.',
    ],
    [
      ['taxonomy', 'county-4x17', '--validate', 'x.json'],
      'complaints: taxonomy：county-4x17 不起作用：--validate 只检查它后面给出的文件。',
      'complaints: taxonomy: county-4x17 is not used: --validate checks the file it names.',
    ],
  ])('%j', (args, message, english) => {
    const run = complaints(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(message);
    expect(isPlainError(run.stderr)).toBe(true);
    const en = complaints(inEnglish(args));
    expect(en.code).toBe(2);
    expect(en.stderr.split('\n')[0]).toBe(english);
    expect(isPlainError(en.stderr)).toBe(true);
  });
});

describe('classify --audit with nothing to report (analyst9)', () => {
  it('one line that says none disagrees, not a table heading over no rows', () => {
    const run = complaints(['classify', ...M, '--month', '2016-11', '--audit']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('16 条有记录分类的投诉中，没有与内容判定不一致的。\n');
    const en = complaints(['classify', ...M, '--month', '2016-11', '--audit', '--lang', 'en']);
    expect(en.stdout).toBe(
      'None of the 16 complaints with a recorded class disagrees with its text.\n',
    );
  });
});

describe('classify --audit --out: the audit list for the units', () => {
  const COLUMNS = [
    '供电单位',
    '工单编号',
    '受理时间',
    '记录分类',
    '内容判定',
    '判定方式',
    '置信度',
    '判定依据',
    '受理内容',
    '来源文件',
    '行',
  ];

  it('writes a workbook with every disagreement, the unit first, and says so', async () => {
    const out = join(dir, 'audit.xlsx');
    const terminal = complaints(['classify', SEP, NOV, MISKEYED, '--audit', '--json']);
    const found = JSON.parse(terminal.stdout).disagreements as {
      id: string;
      unit: string;
      accepted: string;
      recorded: string;
      textSays: string;
      confidence: number;
      file: string;
      row: number;
    }[];
    expect(found.length).toBeGreaterThan(0);
    const run = complaints(['classify', SEP, NOV, MISKEYED, '--audit', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(
      new RegExp(`^已写入 ${out}（\\d+ 条有记录分类的投诉中 ${found.length} 条与内容判定不一致）$`),
    );
    const written = await readAll(out);
    expect(written.rows[0]!.cells).toEqual(COLUMNS);
    expect(written.rows.length - 1).toBe(found.length);
    written.rows.slice(1).forEach((r, i) => {
      const d = found[i]!;
      const [unit, id, accepted, recorded, textSays, , confidence, , , file, row] = r.cells;
      expect([unit, id, recorded, textSays, confidence, file, row]).toEqual([
        d.unit,
        d.id,
        d.recorded,
        d.textSays,
        d.confidence,
        d.file,
        d.row,
      ]);
      // A real date cell, holding the wall-clock time of the export.
      expect(accepted).toBeInstanceOf(Date);
      expect((accepted as Date).toISOString().slice(0, 19).replace('T', ' ')).toBe(d.accepted);
    });
    const ExcelJS = loadExcelJS();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('分类核查');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet.getCell('G2').numFmt).toBe('0.00');
  });

  it('writes it as CSV, in English with --lang en', async () => {
    const out = join(dir, 'audit.csv');
    const run = complaints(['classify', MISKEYED, '--audit', '--out', out, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^wrote .*audit\.csv \(\d+ of \d+ complaints with a recorded class disagree with their text\)\n$/,
    );
    const written = await readAll(out);
    expect(written.rows[0]!.cells).toEqual([
      'unit',
      'id',
      'accepted',
      'recorded',
      'textSays',
      'method',
      'confidence',
      'evidence',
      'content',
      'sourceFile',
      'row',
    ]);
    expect(written.rows.length - 1).toBe(3);
    expect(written.rows[1]!.cells[3]).toMatch(/^[A-Z][a-z]/);
  });
});

describe('a folder or a quoted pattern as an input', () => {
  const exports = join(dir, 'exports');
  mkdirSync(join(exports, '2015'), { recursive: true });
  mkdirSync(join(exports, '.old'), { recursive: true });
  cpSync(join(ROOT, M[0]!), join(exports, '2015', '95598-2015.xlsx'));
  cpSync(join(ROOT, M[1]!), join(exports, '95598-2016-01-06.xlsx'));
  cpSync(join(ROOT, M[2]!), join(exports, '95598-2016-06-12-gb18030.csv'));
  cpSync(join(ROOT, SEP), join(exports, '.old', 'other.xlsx'));
  writeFileSync(join(exports, 'notes.docx'), 'not an export');
  const json = (args: string[], cwd = ROOT) => {
    const run = complaints([...args, '--json'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    return { result: JSON.parse(run.stdout), stderr: run.stderr };
  };

  it('reads the exports in a folder as if they were listed, and says which', () => {
    const listed = json(['analyze', ...M, '--targets', TARGETS]).result;
    const { result, stderr } = json(['analyze', 'exports', '--targets', join(ROOT, TARGETS)], dir);
    expect(result.totals).toEqual(listed.totals);
    expect(result.units).toEqual(listed.units);
    expect(apartFromJsonNotes(stderr)).toBe(
      'exports：读取 3 个文件 exports/2015/95598-2015.xlsx、exports/95598-2016-01-06.xlsx、exports/95598-2016-06-12-gb18030.csv；未读取 exports/notes.docx\n',
    );
  });

  it('expands a quoted pattern, and --quiet says nothing', () => {
    const run = complaints(['inspect', 'exports/*.xlsx', '--json', '--quiet'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).inputs.map((i: { file: string }) => i.file)).toEqual([
      'exports/95598-2016-01-06.xlsx',
    ]);
  });

  it('refuses a pattern that matches nothing', () => {
    const run = complaints(['analyze', 'exports/*.xls'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'complaints: exports/*.xls：没有文件匹配这个模式。\n  请检查文件夹和扩展名（模式相对于工作目录）。\n',
    );
    const en = complaints(inEnglish(['analyze', 'exports/*.xls']), { cwd: dir });
    expect(en.stderr).toBe(
      'complaints: exports/*.xls: no file matches this pattern.\n  Check the folder and the extension (patterns are relative to the working directory).\n',
    );
  });
});

describe('periods as analysts write them', () => {
  it.each([
    ['--month', '201611'],
    ['--month', '2016年11月'],
    ['--quarter', '2016年第四季度'],
    ['--quarter', '2016年4季度'],
    ['--year', '2016年'],
  ])('%s %s reads the same period as the canonical form', (option, value) => {
    const canonical = { '--month': '2016-11', '--quarter': '2016Q4', '--year': '2016' }[option]!;
    const a = complaints(['analyze', ...M, option, value, '--json']);
    const b = complaints(['analyze', ...M, option, canonical, '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).period).toEqual(JSON.parse(b.stdout).period);
  });
});

describe('classify counts what analyze and report count', () => {
  const count = (args: string[]) => {
    const run = complaints([...args, '--json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  it.each([[[]], [['--year', '2015']], [['--quarter', '2016Q4']], [['--month', '201606']]])(
    "the same complaints as analyze's totals.complaints on the metrics fixtures %j",
    (period) => {
      const analyzed = count(['analyze', ...M, ...period]);
      const classified = count(['classify', ...M, ...period]);
      expect(classified.classified.complaints).toBe(analyzed.totals.complaints);
      expect(classified.period).toEqual(analyzed.period);
      const { read, duplicates, outsidePeriod } = classified.leftOut;
      expect(read - duplicates - outsidePeriod).toBe(analyzed.totals.complaints);
    },
  );

  it('writes each work order of the period once, its later copy, and says what it left out', async () => {
    const out = join(dir, 'classified-2016.csv');
    const run = complaints(['classify', ...M, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      `已分类投诉 226 条（2016-01 – 2016-12）：列 226，规则 0，模型 0，未分类 0 → ${out}`,
      '读取投诉 422 行，未计 196 行：重复工单的早先副本 16 行（以后一个输入为准），期间外 180 行（--month、--from/--to 等可改期间）；与 analyze、report 的计数相同',
    ]);
    const written = await readAll(out);
    const header = written.rows[0]!.cells.map(String);
    const ids = written.rows.slice(1).map((r) => String(r.cells[header.indexOf('国网工单编号')]));
    expect(ids.length).toBe(226);
    expect(new Set(ids).size).toBe(226);
    // June is in both 2016 exports, some work orders with another appeal result in the later
    // one (the CSV, headers 工单号 … 是否申诉成功): the row written holds the later copy's.
    const first = await readAll(M[1]!);
    const later = await readAll(M[2]!);
    const appealIn = (rows: { cells: unknown[] }[], id: number, appeal: number) =>
      new Map(rows.map((r) => [String(r.cells[id]), String(r.cells[appeal] ?? '')]));
    const before = appealIn(first.rows.slice(4), 1, 12);
    const after = appealIn(later.rows.slice(1), 0, 11);
    const changed = [...after].filter(
      ([id, appeal]) => before.has(id) && before.get(id) !== appeal,
    );
    expect(changed.filter(([id]) => ids.includes(id)).length).toBeGreaterThan(0);
    const appealColumn = header.indexOf('申诉状态');
    for (const [id, appeal] of changed) {
      const rows = written.rows.filter((r) => String(r.cells[0]) === id);
      expect(rows.length, id).toBeLessThanOrEqual(1);
      if (rows.length === 1) expect(String(rows[0]!.cells[appealColumn] ?? '')).toBe(appeal);
    }
  });

  it('audits the same complaints, and says what it left out', () => {
    const run = complaints(['classify', ...M, '--audit', '--year', '2016', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.checked + result.unlabelled).toBe(226);
    expect(result.leftOut).toEqual({ read: 422, duplicates: 16, outsidePeriod: 180 });
  });
});

describe('inspect reports on every file, the good and the bad, then exits 2', () => {
  const GOOD = ['fixtures/95598-2016-07-utf16.txt', 'fixtures/95598-2016-08-pinyin.csv'];
  const BAD = ['test/files/bad/old.xls', 'test/files/bad/missing-unit.csv', 'no/such.csv'];
  const ARGS = [GOOD[0]!, BAD[0]!, GOOD[1]!, BAD[1]!, BAD[2]!];

  it('shows each file in its place, the totals of those read, and ends with exit 2', () => {
    const run = complaints(['inspect', ...ARGS]);
    expect(run.code).toBe(2);
    const at = ARGS.map((file) => run.stdout.indexOf(`${file}\n`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(run.stdout).toContain(
      '  无法读取：这是旧版 .xls（Excel 97-2003）工作簿，不能读取。\n  请用 Excel 或 WPS 打开后另存为 .xlsx',
    );
    expect(run.stdout).toContain('  无法读取：第 1 行的表头里没有 供电单位（unit）列。');
    expect(run.stdout).toContain('合计（可读取的 2 个输入，去重后）');
    expect(run.stderr).toBe(
      `complaints: 5 个输入文件中有 3 个无法读取：${BAD.join('、')}。\n  每一个都已在上面列出，并附处理办法；其他输入文件已读取。\n`,
    );
    const en = complaints(inEnglish(['inspect', ...ARGS]));
    expect(en.code).toBe(2);
    expect(en.stdout).toContain(
      '  unreadable: this is an old .xls (Excel 97-2003) workbook, which is not read.\n  Open it in Excel or WPS',
    );
    expect(en.stdout).toContain('  unreadable: no 供电单位 (unit) column in the header on row 1.');
    expect(en.stderr).toBe(
      `complaints: 3 of 5 inputs could not be read: ${BAD.join(', ')}.\n  Each one is shown above with what to do; the other inputs were read.\n`,
    );
  });

  it('--json lists the unreadable inputs; the totals are those of the inputs read', () => {
    const run = complaints(['inspect', ...ARGS, '--json']);
    expect(run.code).toBe(2);
    const result = JSON.parse(run.stdout);
    const good = JSON.parse(complaints(['inspect', ...GOOD, '--json']).stdout);
    expect(result.inputs).toEqual(good.inputs);
    expect(result.totals).toEqual(good.totals);
    expect(result.unreadable.map((u: { file: string; code: string }) => [u.file, u.code])).toEqual([
      [BAD[0], 'FORMAT_XLS'],
      [BAD[1], 'MISSING_COLUMN'],
      [BAD[2], 'FILE_NOT_FOUND'],
    ]);
    expect(good.unreadable).toEqual([]);
  });

  it('an input whose rows are mostly rejected is left out whole: none of its rows in the totals', () => {
    const run = complaints(['inspect', GOOD[0]!, 'test/files/bad/unreadable-dates.csv', '--json']);
    expect(run.code).toBe(2);
    const result = JSON.parse(run.stdout);
    const alone = JSON.parse(complaints(['inspect', GOOD[0]!, '--json']).stdout);
    expect(result.totals).toEqual(alone.totals);
  });

  it('one of two inputs that cannot be read: "它已在上面列出"', () => {
    const run = complaints(['inspect', GOOD[0]!, BAD[2]!]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `complaints: 2 个输入文件中有 1 个无法读取：${BAD[2]}。\n  它已在上面列出，并附处理办法；其他输入文件已读取。\n`,
    );
  });

  it('one input that cannot be read: its error alone, as before', () => {
    const run = complaints(['inspect', BAD[0]!]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(isPlainError(run.stderr)).toBe(true);
  });
});

describe('a targets file given as an export says what it is', () => {
  it.each(['targets-2016.csv', 'targets-2016.xlsx', 'targets-2016.json'])('%s', (name) => {
    const file = `fixtures/metrics/${name}`;
    const run = complaints(['analyze', M[0]!, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^complaints: ${file}：这像是考核指标文件（.+），不是工单导出文件。\\n`),
    );
    expect(run.stderr).toContain(`  请用 --targets ${file} 指定它，输入文件给工单导出文件。\n`);
    expect(isPlainError(run.stderr)).toBe(true);
    const en = complaints(['analyze', M[0]!, file, '--lang', 'en']);
    expect(en.stderr).toMatch(
      new RegExp(
        `^complaints: ${file}: this looks like a targets file \\(.+\\), not a work-order export\\.\\n`,
      ),
    );
    expect(en.stderr).toContain(
      `  Give it with --targets ${file}, and the exports as the inputs.\n`,
    );
  });
});

describe("this tool's own report given as an export says what it is", () => {
  it.each([
    ['zh, no targets', [], '排名, 供电单位, 投诉, 申诉成功', '排名、供电单位、投诉、申诉成功'],
    [
      'en, with targets',
      ['--lang', 'en', '--targets', 'fixtures/metrics/targets-2016.csv'],
      'rank',
      'rank',
    ],
  ])('%s', (name, options, headings, zhHeadings) => {
    const report = join(dir, `own-report-${name.replace(/\W+/g, '-')}.xlsx`);
    expect(complaints(['report', M[0]!, M[1]!, '--out', report, '--quiet', ...options]).code).toBe(
      0,
    );
    const run = complaints(['analyze', report, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${report}: this is a report written by complaints (${headings}`);
    expect(run.stderr).toContain('  Give the exports it was made from as the inputs.\n');
    expect(isPlainError(run.stderr)).toBe(true);
    const zh = complaints(['analyze', report]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(
      new RegExp(`${report}：这是 complaints 生成的报表（第 \\d+ 行是 ${zhHeadings}`),
    );
    expect(zh.stderr).toContain('  请把生成它的导出文件作为输入文件。\n');
  });
});

describe('--sheet and --encoding that no input uses are said to be unused', () => {
  it('analyze: a warning among the data problems, and in the JSON', () => {
    const run = complaints(['analyze', SEP, '--encoding', 'gbk', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).warnings).toContain(
      '--encoding gb18030 was not used: no input is a text file (a workbook carries its own encoding).',
    );
  });

  it('inspect: the note on the input, and the warning', () => {
    const run = complaints(['inspect', NOV, '--sheet', '2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  --sheet 2 未使用：文本文件没有工作表。');
    expect(run.stderr).toBe('warning: --sheet 2 没有用到：输入中没有 xlsx 工作簿。\n');
    const en = complaints(['inspect', NOV, '--sheet', '2', '--lang', 'en']);
    expect(en.stdout).toContain('  --sheet 2 is ignored: a text file has no sheets.');
    expect(en.stderr).toBe('warning: --sheet 2 was not used: no input is an xlsx workbook.\n');
  });
});

describe('report --json', () => {
  it('prints the result JSON as analyze does, beside the workbook', () => {
    const out = join(dir, 'q4.xlsx');
    const run = complaints([
      'report',
      ...M,
      '--targets',
      TARGETS,
      '--year',
      '2016',
      '--out',
      out,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const reported = JSON.parse(run.stdout);
    const analyzed = JSON.parse(
      complaints(['analyze', ...M, '--targets', TARGETS, '--year', '2016', '--json']).stdout,
    );
    expect(reported.totals).toEqual(analyzed.totals);
    expect(reported.units).toEqual(analyzed.units);
    expect(run.stderr).toMatch(/^已写入 .*q4\.xlsx/);
  });
});

describe('--top in the terminal summary', () => {
  const hotspots = (args: string[]) =>
    complaints(['analyze', 'fixtures/95598-2016-08-pinyin.csv', ...args])
      .stdout.split('\n')
      .find((l) => l.startsWith('热点'))!
      .split('，').length;
  it('five hot spots by default, as many as asked otherwise (8 of the 8 classes seen)', () => {
    expect(hotspots([])).toBe(5);
    expect(hotspots(['--top', '8'])).toBe(8);
    expect(hotspots(['--top', '3'])).toBe(3);
  });
});

describe('a folder where a taxonomy file is asked for: exit 2 naming it, not an internal error', () => {
  mkdirSync(join(dir, 'tax-folder'));
  cpSync(join(ROOT, SEP), join(dir, 'sep.xlsx'));
  it.each([
    [['analyze', 'sep.xlsx', '--taxonomy', 'tax-folder']],
    [['classify', 'sep.xlsx', '--taxonomy', 'tax-folder', '--out', 'c.csv']],
    [['taxonomy', 'tax-folder']],
  ])('%j', (args) => {
    const zh = complaints(args, { cwd: dir });
    expect(zh.code).toBe(2);
    expect(isPlainError(zh.stderr)).toBe(true);
    expect(zh.stderr).toBe(
      'complaints: 选项 --taxonomy tax-folder：这是文件夹，不是分类体系文件。\n' +
        '  请给出分类体系的 JSON 文件，或自带的名称：county-4x17、sgcc-95598。\n',
    );
    const en = complaints(inEnglish(args), { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      'complaints: --taxonomy tax-folder: a folder, not a taxonomy file.',
    );
  });
});

describe('an empty value, as an unset variable in a script gives: refused, exit 2', () => {
  // Before: --targets '' ran without targets and said nothing; an input '' read the working
  // folder whole; --json '' failed after the reading with EISDIR.
  it.each([
    [
      ['analyze', 'sep.xlsx', '--targets', ''],
      '--targets 的值是空的（""）。',
      '--targets is given',
    ],
    [['report', 'sep.xlsx', '--json', ''], '--json 的值是空的（""）。', '--json is given'],
    [
      ['analyze', 'sep.xlsx', '--complaint-type', '投诉', '--complaint-type', ''],
      '--complaint-type 的值是空的（""）。',
      '--complaint-type is given',
    ],
    [
      ['analyze', ''],
      'analyze：有一个输入是空的名称（""）。',
      'analyze: an input is an empty name',
    ],
  ])('%j', (args, zh, en) => {
    const d = join(dir, 'empty-values');
    mkdirSync(d, { recursive: true });
    cpSync(join(ROOT, SEP), join(d, 'sep.xlsx'));
    const run = complaints(args, { cwd: d });
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr.split('\n')[0]).toBe(`complaints: ${zh}`);
    expect(run.stderr).toContain('在脚本里，请检查给它的变量是否已赋值。');
    const english = complaints(inEnglish(args), { cwd: d });
    expect(english.code).toBe(2);
    expect(english.stderr).toContain(`complaints: ${en}`);
    expect(readdirSync(d)).toEqual(['sep.xlsx']);
  });
});
