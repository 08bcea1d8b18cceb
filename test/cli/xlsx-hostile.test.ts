/**
 * Damaged and hostile workbooks through the real program (issue 10): exit 2 with one or two
 * plain lines naming the file, within seconds, nothing left in TMPDIR; a workbook whose zip
 * directory disagrees with its entries is read, and inspect says so.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readBook } from '../helpers/book.js';
import { complaints, isPlainError, apartFromJsonNotes } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';
import { row, sheetXml, workbook, workbookParts, zip, type WorkbookSpec } from '../helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['工单编号', '受理时间', '供电单位', '业务类型', '受理内容'];
const DATA = [
  ['GD001', '2016-09-01 08:30:00', '国网歙县供电公司', '投诉', '客户反映抄表员态度差'],
  ['GD002', '2016-09-02 09:00:00', '国网休宁县供电公司', '投诉', '停电未提前通知'],
];
const rows = [HEADER, ...DATA].map((values, i) => row(i + 1, values)).join('');

function file(name: string, spec: Partial<WorkbookSpec> = {}, body = rows): string {
  const path = join(dir, name);
  writeFileSync(path, workbook({ sheets: [{ name: '工单明细', rows: body }], ...spec }));
  return path;
}

/** A shared-strings part of `mebibytes` MiB that deflates to almost nothing. */
function bomb(mebibytes: number, lying: boolean): Partial<WorkbookSpec> {
  const item = Buffer.from('<si><t>' + '电'.repeat(300) + '</t></si>');
  const block = Buffer.concat(
    Array.from({ length: Math.ceil(1_048_576 / item.length) }, () => item),
  );
  const deflated = deflateRawSync(block, { finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(block, crc);
  const bytes = Buffer.concat([
    ...Array.from({ length: mebibytes }, () => deflated),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  const size = block.length * mebibytes;
  return {
    sharedStrings: [],
    tweak: {
      'xl/sharedStrings.xml': {
        compressed: { bytes, size, crc },
        ...(lying ? { central: { size: 1000 } } : {}),
      },
    },
  };
}

describe('hostile and damaged workbooks: exit 2, one plain message naming the file', () => {
  it.each([
    [
      'crc.xlsx',
      () =>
        file('crc.xlsx', {
          tweak: { 'xl/worksheets/sheet1.xml': { central: { crc: 7 }, local: { crc: 7 } } },
        }),
      /crc\.xlsx: the workbook is damaged: entry xl\/worksheets\/sheet1\.xml fails its CRC check\./,
      /export it again, or open it in Excel\/WPS and save it/,
      /crc\.xlsx：工作簿已损坏：条目 xl\/worksheets\/sheet1\.xml 的 CRC 校验不通过。/,
      /请重新下载或导出，或用 Excel\/WPS 打开后换个文件名另存。/,
    ],
    [
      'row-zero.xlsx',
      () => file('row-zero.xlsx', {}, rows.replace('<row r="2">', '<row r="0">')),
      /row-zero\.xlsx: the workbook is damaged: sheet 工单明细 has a row numbered '0'\./,
      /export it again/,
      /row-zero\.xlsx：工作簿已损坏：工作表 工单明细 有一行的行号是 '0'。/,
      /请重新下载或导出/,
    ],
    [
      'rows-beyond.xlsx',
      () => file('rows-beyond.xlsx', {}, rows + '<row r="1048577"><c><v>1</v></c></row>'),
      /rows-beyond\.xlsx: sheet 工单明细 has more than 1,048,576 rows, Excel's limit\./,
      /split it into several files/,
      /rows-beyond\.xlsx：工作表 工单明细 超过 1,048,576 行（Excel 的行数上限）。/,
      /请重新导出数据，或分成几个文件。/,
    ],
    [
      // Two entries of one name: readers disagree on which counts (ours took the first, Python's
      // zipfile takes the last, Excel repairs), so the figures would depend on the tool.
      'same-name.xlsx',
      () => {
        const path = join(dir, 'same-name.xlsx');
        const parts = workbookParts({ sheets: [{ name: '工单明细', rows }] });
        const other = [HEADER, DATA[0] ?? []].map((values, i) => row(i + 1, values)).join('');
        parts.push({ name: 'xl/worksheets/sheet1.xml', data: sheetXml(other) });
        writeFileSync(path, zip(parts));
        return path;
      },
      /same-name\.xlsx: the workbook is damaged: its zip directory lists xl\/worksheets\/sheet1\.xml twice, with different contents, and readers differ on which one counts\./,
      /export it again, or open it in Excel\/WPS and save it/,
      /same-name\.xlsx：工作簿已损坏：zip 目录中 xl\/worksheets\/sheet1\.xml 出现了两次，内容不同，不同软件读出的会不一样。/,
      /请重新下载或导出/,
    ],
    [
      'bomb.xlsx',
      () => file('bomb.xlsx', bomb(3072, true)),
      // Stopped by its ratio long before the size cap (a quarter of 4 GiB for shared strings).
      /bomb\.xlsx: entry xl\/sharedStrings\.xml inflates to more than 200 times its compressed size \(over \d+ MiB from \d+ (KiB|MiB)\): a zip bomb, not an export; it is refused\./,
      /A real export compresses about 5 to 30 times; export the work orders again\./,
      /bomb\.xlsx：条目 xl\/sharedStrings\.xml 解压后超过压缩大小的 200 倍（从 \d+ (KiB|MiB) 解出超过 \d+ MiB），这是 zip 炸弹，不是导出文件，不予读取。/,
      /真正的导出文件压缩比大约是 5 到 30 倍；请重新导出工单。/,
    ],
  ])('%s', (_, make, message, hint, zhMessage, zhHint) => {
    const path = make();
    const started = Date.now();
    const run = complaints(['inspect', path]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(zhMessage);
    expect(run.stderr).toMatch(zhHint);
    expect(isPlainError(run.stderr)).toBe(true);
    const english = complaints(inEnglish(['inspect', path]));
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(message);
    expect(english.stderr).toMatch(hint);
    expect(isPlainError(english.stderr)).toBe(true);
  });

  it('--max-inflated sets the cap, and a wrong size is a usage error', () => {
    const path = file('small-bomb.xlsx', bomb(40, false));
    const capped = complaints(['inspect', path, '--max-inflated', '32MiB']);
    expect(capped.code).toBe(2);
    expect(capped.stderr).toMatch(
      /解压后超过 8 MiB（--max-inflated 32 MiB 的四分之一：共享字符串要放在内存里）/,
    );
    const cappedEn = complaints(inEnglish(['inspect', path, '--max-inflated', '32MiB']));
    expect(cappedEn.stderr).toMatch(
      /inflates to more than 8 MiB \(a quarter of --max-inflated 32 MiB: shared strings are held in memory\)/,
    );
    const wrong = complaints(['inspect', path, '--max-inflated', 'lots']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--max-inflated lots：应为大小，例如 512MiB 或 8GiB。/);
    const english = complaints(inEnglish(['inspect', path, '--max-inflated', 'lots']));
    expect(english.stderr).toMatch(/--max-inflated lots: expected a size such as 512MiB or 8GiB\./);
  });
});

describe('workbooks that read', () => {
  it('a chart sheet first: read past it, and --sheet 1 says it is a chart', () => {
    const path = join(dir, 'chart-first.xlsx');
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const parts = workbookParts({
      sheets: [
        { name: '图表', rows: '' },
        { name: '工单明细', rows },
      ],
    });
    // Sheet 1 becomes a chart sheet: its relationship's type, as Excel writes one.
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace(
      `Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"`,
      `Id="rId1" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"`,
    );
    writeFileSync(path, zip(parts));
    const read = complaints(['inspect', path, '--json']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).inputs[0]).toMatchObject({ sheet: '工单明细', rows: 2 });
    const chart = complaints(['inspect', path, '--sheet', '1']);
    expect(chart.code).toBe(2);
    expect(chart.stderr).toMatch(
      /chart-first\.xlsx：第 1 个工作表 图表 是图表，没有单元格。可读的工作表：工单明细。/,
    );
    expect(isPlainError(chart.stderr)).toBe(true);
    const english = complaints(inEnglish(['inspect', path, '--sheet', '图表']));
    expect(english.stderr).toMatch(
      /sheet 1, 图表, is a chart and holds no cells\. Sheets with cells: 工单明细\./,
    );
  });

  it('a zip directory that disagrees with an entry: read, and inspect says so', () => {
    const path = file('disagree.xlsx', {
      tweak: { 'xl/worksheets/sheet1.xml': { local: { crc: 1 } } },
    });
    const run = complaints(['inspect', path, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/data rows +2, complaints 2/);
    expect(run.stdout).toMatch(
      /zip entry xl\/worksheets\/sheet1\.xml: its own header disagrees with the zip directory \(CRC\); read as the directory says/,
    );
    // The note in Chinese by default (the JSON's notes stay English).
    expect(complaints(['inspect', path]).stdout).toContain(
      '\n  zip 条目 xl/worksheets/sheet1.xml 自身的头信息与 zip 目录不一致（CRC），已按目录读取。请在 Excel 或 WPS 中重新保存工作簿以修复。\n',
    );
  });

  it('shared strings after the sheet: nothing is written to TMPDIR', () => {
    const temp = mkdtempSync(join(tmpdir(), 'complaints-tmpdir-'));
    try {
      const strings = [...HEADER, ...DATA.flat()];
      const body = [HEADER, ...DATA]
        .map(
          (values, r) =>
            `<row r="${r + 1}">${values
              .map(
                (v, c) =>
                  `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${strings.indexOf(v)}</v></c>`,
              )
              .join('')}</row>`,
        )
        .join('');
      const path = file(
        'strings-last.xlsx',
        { order: 'sheets-first', sharedStrings: strings.map((s) => `<si><t>${s}</t></si>`) },
        body,
      );
      const run = complaints(['inspect', path, '--json'], { env: { TMPDIR: temp } });
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as { inputs: { rows: number; complaints: number }[] };
      expect(json.inputs[0]).toMatchObject({ rows: 2, complaints: 2 });
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('an xlsx on stdin reads as the file does', () => {
    const fixture = 'fixtures/95598-2016-09-11.xlsx';
    const fromFile = complaints(['inspect', fixture, '--json']);
    const fromStdin = complaints(['inspect', '-', '--json'], { input: readFileSync(fixture) });
    expect(fromStdin.code).toBe(0);
    const strip = (s: string) =>
      JSON.parse(s).inputs.map((i: { file: string }) => ({ ...i, file: null }));
    expect(strip(fromStdin.stdout)).toEqual(strip(fromFile.stdout));
  });
});

describe('a part the workbook names and its zip lacks', () => {
  // 受理时间 as Excel stores a date: a serial number in a cell whose style (xf 1) is a date format.
  const dated = [
    row(1, HEADER),
    ...DATA.map((values, i) =>
      row(i + 2, values).replace(
        new RegExp(`<c r="B${i + 2}" t="inlineStr"><is><t>[^<]*</t></is></c>`),
        `<c r="B${i + 2}" s="1"><v>${42614 + i + 0.35}</v></c>`,
      ),
    ),
  ].join('');
  // The zip directory names xl/styles.xml xl/style1.xml; its local header keeps the real name.
  const lostStyles = () =>
    file(
      'lost-styles.xlsx',
      { styles: [0, 22], tweak: { 'xl/styles.xml': { central: { name: 'xl/style1.xml' } } } },
      dated,
    );
  const NOTE_EN =
    'part xl/styles.xml (cell styles), named by xl/_rels/workbook.xml.rels, is not in the zip directory; cells were read without their number formats: dates came as Excel serial numbers (still read as dates where a date is expected) and lost their formats. Save the workbook again in Excel/WPS to repair it.';
  const NOTE_ZH =
    'xl/_rels/workbook.xml.rels 所指的部件 xl/styles.xml（单元格样式）在 zip 目录中找不到，单元格已按无数字格式读取：日期读成 Excel 日期序列号（需要日期的列仍按日期识别），日期格式丢失。请在 Excel 或 WPS 中重新保存工作簿以修复。';

  it('styles: read, the dates still dates, and the loss said under the file and on stderr', () => {
    const intact = file('styles.xlsx', { styles: [0, 22] }, dated);
    const path = lostStyles();
    const json = (p: string) => {
      const run = complaints(['analyze', p, '--json', '--lang', 'en']);
      expect(run.code).toBe(0);
      return { run, result: JSON.parse(run.stdout) };
    };
    const before = json(intact);
    expect(apartFromJsonNotes(before.run.stderr)).toBe('');
    expect(before.result.inputs[0].notes).toEqual([]);
    const after = json(path);
    // The figures do not change: the serial numbers are read as the dates they are.
    expect(after.result.months).toEqual(before.result.months);
    expect(after.result.totals.complaints).toBe(2);
    expect(after.result.inputs[0].notes).toEqual([NOTE_EN]);
    expect(apartFromJsonNotes(after.run.stderr)).toBe(`${path}: ${NOTE_EN}\n`);
    expect(complaints(['inspect', path, '--lang', 'en']).stdout).toContain(`\n  ${NOTE_EN}\n`);
    const zh = complaints(['inspect', path]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain(`\n  ${NOTE_ZH}\n`);
  });

  it('styles: the workbook’s notes and the bulletin say it, in the run’s language', async () => {
    const path = lostStyles();
    const book = join(dir, 'lost-styles-report.xlsx');
    const run = complaints(['report', path, '--out', book]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${path}：${NOTE_ZH}\n`);
    const sheets = (await readBook(book)).worksheets;
    for (const name of ['概览', '数据质量']) {
      const texts: string[] = [];
      sheets.find((s) => s.name === name)!.eachRow((r) => texts.push(String(r.getCell(1).text)));
      expect(texts, name).toContain(`${path}：${NOTE_ZH}`);
    }
    const md = join(dir, 'lost-styles.md');
    expect(complaints(['report', path, '--out', md]).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain(
      'lost-styles.xlsx已损坏，照常读取，但单元格样式缺失，日期按 Excel 日期序列号识别，日期格式丢失。请在 Excel 或 WPS 中重新保存该文件以修复。',
    );
    const mdEn = join(dir, 'lost-styles-en.md');
    expect(complaints(['report', path, '--out', mdEn, '--lang', 'en']).code).toBe(0);
    expect(readFileSync(mdEn, 'utf8')).toContain(
      'lost-styles.xlsx is damaged; it was read, but its cell styles are missing, so dates were read from their Excel serial numbers and lost their formats. Save it again in Excel or WPS to repair it.',
    );
  });

  it('shared strings a cell refers to: refused, naming the part that is missing', () => {
    const strings = [...HEADER, ...DATA.flat()];
    const body = [HEADER, ...DATA]
      .map((values, r) =>
        row(r + 1, values).replace(
          /<c r="([A-Z]+\d+)" t="inlineStr"><is><t>([^<]*)<\/t><\/is><\/c>/g,
          (_, ref: string, v: string) => `<c r="${ref}" t="s"><v>${strings.indexOf(v)}</v></c>`,
        ),
      )
      .join('');
    const spec = { sharedStrings: strings.map((s) => `<si><t>${s}</t></si>`) };
    expect(complaints(['inspect', file('strings.xlsx', spec, body)]).code).toBe(0);
    const path = file(
      'lost-strings.xlsx',
      { ...spec, tweak: { 'xl/sharedStrings.xml': { central: { name: 'xl/sharedString2.xml' } } } },
      body,
    );
    const run = complaints(['inspect', path, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain(
      `${path}: the workbook is damaged: sheet 工单明细 cell A1 refers to a shared string, but part xl/sharedStrings.xml (shared strings), named by xl/_rels/workbook.xml.rels, is not in the zip directory.`,
    );
    expect(complaints(['inspect', path]).stderr).toContain(
      `${path}：工作簿已损坏：工作表 工单明细 单元格 A1 引用了共享字符串，但xl/_rels/workbook.xml.rels 所指的部件 xl/sharedStrings.xml（共享字符串）在 zip 目录中找不到。`,
    );
  });
});
