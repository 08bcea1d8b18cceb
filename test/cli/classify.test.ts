/**
 * `complaints classify` and `complaints taxonomy` through the real program, reading and
 * writing real xlsx and CSV files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { readAll } from '../helpers/read.js';
import { complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';
import { headersOf } from '../helpers/zip-headers.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-classify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const XLSX = 'fixtures/95598-2016-09-11.xlsx';
const ADDED = ['判定一级分类', '判定二级分类', '判定三级分类', '判定方式', '置信度', '判定依据'];

describe('complaints classify --out', () => {
  it('writes an xlsx with every original column byte-identical, then the six added ones', async () => {
    const out = join(dir, 'classified.xlsx');
    const run = complaints(['classify', XLSX, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^已分类投诉 99 条（2016-09 – 2016-11）：列 \d+，规则 \d+，模型 0，未分类 \d+ → .*classified\.xlsx\n$/,
    );
    const original = await readAll(XLSX);
    const written = await readAll(out);
    const header = original.rows.find((r) => r.row === 4)!.cells.map(String);
    expect(written.rows[0]!.cells).toEqual([...header, ...ADDED]);
    expect(written.rows.length - 1).toBe(99);
    // The first complaint of the source, cell by cell (dates as the same wall-clock times).
    const complaintRows = original.rows.filter((r) => r.row > 4 && r.cells[3] === '投诉');
    const first = complaintRows[0]!.cells;
    const back = written.rows[1]!.cells;
    first.forEach((cell, i) => {
      if (cell instanceof Date) expect((back[i] as Date).getTime()).toBe(cell.getTime());
      else expect(back[i] ?? null).toEqual(cell ?? null);
    });
    const ExcelJS = loadExcelJS();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('分类结果');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const methods = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && methods.add(String(row.getCell(header.length + 4).value)));
    expect([...methods].every((m) => ['列', '规则', '模型', '未分类'].includes(m))).toBe(true);
    // Not written ready to pass 4 GiB: Excel's 1,048,576 rows would need 4 KiB each to reach it,
    // and a declared entry is refused by streaming readers (Java 17's ZipInputStream, funzip);
    // a sheet that did pass fails the workbook, saying to write CSV.
    expect((await headersOf(out, 'xl/worksheets/sheet1.xml')).zip64).toBeNull();
  });

  it('writes a UTF-8-BOM CSV whose texts come back identical, with English column names under --lang en', async () => {
    const out = join(dir, 'classified.csv');
    const source = 'fixtures/95598-2016-11-12-gb18030.csv';
    const run = complaints(['classify', source, '--out', out, '--lang', 'en', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const original = await readAll(source);
    const written = await readAll(out);
    expect(written.rows[0]!.cells.slice(-6)).toEqual([
      'level1',
      'level2',
      'level3',
      'method',
      'confidence',
      'evidence',
    ]);
    const texts = new Set(original.rows.map((r) => r.cells[4]));
    const contentColumn = original.rows[0]!.cells.indexOf('诉求内容');
    expect(written.rows.slice(1).every((r) => texts.has(r.cells[contentColumn]!))).toBe(true);
  });

  it('keeps spreadsheets from running text as formulas', async () => {
    const source = join(dir, 'formula.csv');
    writeFileSync(
      source,
      '工单编号,受理时间,供电单位,业务类型,受理内容\n1,2016-05-03,A,投诉,=HYPERLINK("http://x")\n2,2016-05-03,A,投诉,-5\n',
    );
    const out = join(dir, 'formula-out.csv');
    expect(complaints(['classify', source, '--out', out, '--quiet']).code).toBe(0);
    const { rows } = await readAll(out);
    expect(rows[1]!.cells[4]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[2]!.cells[4]).toBe('-5');
  });

  it('writes nothing under --strict when a row was rejected: exit 3', () => {
    const out = join(dir, 'strict.csv');
    const run = complaints(['classify', 'test/files/bad/bad-date.csv', '--strict', '--out', out]);
    expect(run.code).toBe(3);
    expect(existsSync(out)).toBe(false);
    expect(isPlainError(run.stderr)).toBe(true);
  });

  it('prints the classes without --out, and leaves no file when an input fails', () => {
    const run = complaints(['classify', XLSX, '--quiet']);
    expect(run.code).toBe(0);
    const table = complaints(['classify', XLSX]);
    expect(table.stdout).toMatch(/^一级分类\s+二级分类\s+投诉\n/);
    const out = join(dir, 'never.xlsx');
    const failed = complaints(['classify', XLSX, 'test/files/bad/old.xls', '--out', out]);
    expect(failed.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(isPlainError(failed.stderr)).toBe(true);
  });
});

describe("complaints classify: why nothing was decided, in the reader's language", () => {
  it.each([
    ['zh', ['无规则命中', '规则未能确定：没有明显领先的类别']],
    ['en', ['no rule matched', 'rules undecided: no type or category clearly ahead']],
  ])('%s', async (lang, words) => {
    const source = join(dir, `undecided-${lang}.csv`);
    writeFileSync(
      source,
      '工单编号,受理时间,供电单位,业务类型,受理内容\n' +
        '1,2016-11-01 10:00:00,国网歙县供电公司,投诉,你好\n' +
        '2,2016-11-02 10:00:00,国网歙县供电公司,投诉,客户反映问题，要求处理。\n',
    );
    const out = join(dir, `undecided-${lang}.csv.out.csv`);
    const run = complaints(['classify', source, '--out', out, '--no-model', '--lang', lang]);
    expect(run.code).toBe(0);
    const cells = (await readAll(out)).rows.slice(1).map((r) => String(r.cells.at(-1)));
    expect(cells[0]).toBe(words[0]);
    expect(words).toContain(cells[1]);
  });
});

describe('complaints classify --train, --model, --evaluate, --audit', () => {
  it('trains on the tuning part and evaluates on the held-out part', () => {
    const model = join(dir, 'model.json');
    const trained = complaints(['classify', '--train', 'fixtures/eval/tune.csv', '--model', model]);
    expect(trained.code).toBe(0);
    expect(trained.stderr).toMatch(
      /^已用 4,384 条文本、17 个类别训练，读字符 2-gram → .*model\.json\n$/,
    );
    const rules = JSON.parse(
      complaints(['classify', '--evaluate', 'fixtures/eval/test.csv', '--json', '--no-model'])
        .stdout,
    );
    const withModel = JSON.parse(
      complaints(['classify', '--evaluate', 'fixtures/eval/test.csv', '--model', model, '--json'])
        .stdout,
    );
    expect(rules.evaluation.rows).toBe(450);
    expect(rules.evaluation.level2Rows).toBe(450);
    expect(rules.evaluation.byMethod.model).toBeUndefined();
    expect(withModel.evaluation.byMethod.model).toBeGreaterThan(0);
    expect(withModel.evaluation.level2Accuracy).toBeGreaterThanOrEqual(
      rules.evaluation.level2Accuracy,
    );
    expect(
      rules.evaluation.level2
        .map((s: { support: number }) => s.support)
        .reduce((a: number, b: number) => a + b),
    ).toBe(450);
    const l1 = rules.evaluation.level1Accuracy;
    const correct = Object.entries(
      rules.evaluation.confusion as Record<string, Record<string, number>>,
    ).reduce((sum, [recorded, row]) => sum + (row[recorded] ?? 0), 0);
    expect(correct / 450).toBeCloseTo(l1, 10);
  });

  it('prints an evaluation table in the terminal', () => {
    const run = complaints(['classify', '--evaluate', 'fixtures/eval/test.csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/450 条有标注的投诉/);
    expect(run.stdout).toMatch(/二级分类\s+样本\s+判为\s+正确\s+精确率\s+召回率/);
    expect(run.stdout).toContain('一级分类混淆矩阵');
  });

  it('without level-2 labels: no table of zeros, and rows without a text counted as such', () => {
    const source = join(dir, 'level1-only.csv');
    writeFileSync(
      source,
      '工单编号,受理时间,供电单位,业务类型,受理内容,一级分类\n' +
        'L1,2016-05-03,A,投诉,客户反映营业厅工作人员态度恶劣，大声呵斥客户,服务投诉\n' +
        'L2,2016-05-03,A,投诉,客户反映本月电费单比上月多出三百多元，怀疑电费算错,营业投诉\n' +
        'L3,2016-05-04,A,投诉,,营业投诉\n',
    );
    const run = complaints(['classify', '--evaluate', source, '--no-model']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 条有标注的投诉（另有 1 条无标注或无受理内容，未计）');
    expect(run.stdout).toContain('没有二级分类的标注：未按二级分类评估。');
    expect(run.stdout).not.toMatch(/二级分类\s+样本/);
  });

  it('lists rows whose recorded class the text contradicts, most confident first', () => {
    const source = join(dir, 'misfiled.csv');
    writeFileSync(
      source,
      '工单编号,受理时间,供电单位,业务类型,受理内容,一级分类,二级分类\n' +
        'M1,2016-05-03,A,投诉,客户反映营业厅工作人员态度恶劣，大声呵斥客户,营业投诉,电费电价\n' +
        'M2,2016-05-03,A,投诉,客户反映营业厅工作人员态度恶劣，大声呵斥客户,服务投诉,服务态度\n',
    );
    const run = complaints(['classify', source, '--audit', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.checked).toBe(2);
    expect(result.disagreements).toMatchObject([
      { row: 2, id: 'M1', recorded: '营业投诉/电费电价', textSays: '服务投诉/服务态度' },
    ]);
  });

  it('--audit of a file without recorded classes is refused as --evaluate is; --limit 0 as --top 0', () => {
    const file = 'fixtures/95598-2016-07-utf16.txt';
    const audit = complaints(['classify', file, '--audit']);
    expect(audit.code).toBe(2);
    expect(isPlainError(audit.stderr)).toBe(true);
    expect(audit.stderr).toBe(
      `complaints: ${file}：2016-07 没有既有记录分类（一级分类/二级分类）又有受理内容的投诉，无可核查。\n` +
        '  请核查 一级分类/二级分类 列已填写的导出文件。\n',
    );
    expect(complaints(inEnglish(['classify', file, '--audit'])).stderr).toContain(
      `${file}: no complaint of 2016-07 with a recorded class (一级分类/二级分类) and a text: nothing to audit.`,
    );
    expect(audit.stdout).toBe('');
    for (const limit of ['0', '-1', '2.5', 'x']) {
      const args = ['classify', XLSX, '--audit', '--limit', limit];
      const run = complaints(args);
      expect(run.code, limit).toBe(2);
      expect(run.stderr).toBe(`complaints: --limit ${limit}：应为大于 0 的整数。\n`);
      const en = complaints(inEnglish(args));
      expect(en.stderr).toContain(`--limit ${limit}: expected a whole number above 0.`);
    }
  });

  it('--audit cuts the evidence between whole rules, with …, never inside one or after ｜', () => {
    // Rules alone: the shipped model, retrained with hand K's batch, reads row 24 as recorded.
    const run = complaints([
      'classify',
      XLSX,
      'fixtures/95598-2016-11-12-gb18030.csv',
      '--audit',
      '--no-model',
      '--limit',
      '1',
    ]);
    expect(run.code).toBe(0);
    const row = run.stdout.split('\n').find((l) => l.startsWith(`${XLSX}:24`))!;
    expect(row).toMatch(/停电\(\+1\.3\) 推迟\(\+4\) 才停\(\+4\) …\s/);
    expect(row).not.toContain('｜');
  });

  it('--train warns when some class has fewer than 10 texts (measured: worse than the rules alone)', () => {
    const small = join(dir, 'small.csv');
    const row = (i: number, l1: string, l2: string, text: string) =>
      `S${i},2016-05-03,A,投诉,${text},${l1},${l2}\n`;
    writeFileSync(
      small,
      '工单编号,受理时间,供电单位,业务类型,受理内容,一级分类,二级分类\n' +
        Array.from({ length: 12 }, (_, i) =>
          row(i, '服务投诉', '服务态度', `营业厅工作人员态度恶劣${i}`),
        ).join('') +
        Array.from({ length: 3 }, (_, i) =>
          row(20 + i, '营业投诉', '电费电价', `电价执行有误多收电费${i}`),
        ).join(''),
    );
    const zh = complaints(['classify', '--train', small, '--model', join(dir, 'small-zh.json')]);
    expect(zh.code).toBe(0);
    expect(zh.stderr.split('\n')[0]).toMatch(
      /^warning: 16 个二级分类的文本少于 10 条：服务行为规范 0，.*，电费电价 3。在 fixtures\/eval 上/,
    );
    expect(zh.stderr).toContain('已用 15 条文本、2 个类别训练');
    const run = complaints([
      'classify',
      '--train',
      small,
      '--model',
      join(dir, 'small.json'),
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(0);
    const warning = run.stderr.split('\n')[0]!;
    // 17 classes in sgcc-95598: 服务态度 has 12 texts, 电费电价 3, the other 15 none.
    expect(warning).toMatch(
      /^warning: 16 second-level class\(es\) with fewer than 10 texts: 服务行为规范 0, .*, 电费电价 3\. /,
    );
    expect(warning).not.toContain('服务态度');
    expect(run.stderr).toContain('trained on 15 texts in 2 classes');
  });

  it('--train reads 2-grams, as the shipped model, and names them in the file; --ngrams 1,2 the first way', () => {
    const small = join(dir, 'orders.csv');
    writeFileSync(
      small,
      '工单编号,受理时间,供电单位,业务类型,受理内容,一级分类,二级分类\n' +
        'N1,2016-05-03,A,投诉,营业员态度差,服务投诉,服务态度\n' +
        'N2,2016-05-03,A,投诉,电价算错了,营业投诉,电费电价\n',
    );
    const pairs = join(dir, 'pairs.json');
    const run = complaints(['classify', '--train', small, '--model', pairs, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`trained on 2 texts in 2 classes, character 2-grams → ${pairs}\n`);
    const model = JSON.parse(readFileSync(pairs, 'utf8'));
    expect([model.features, model.orders]).toEqual(['character 2-grams', [2]]);
    // 营业 业员 员态 态度 度差 | 电价 价算 算错 错了: no single character.
    expect(Object.keys(model.counts)).toEqual(
      ['价算', '度差', '态度', '员态', '业员', '电价', '算错', '营业', '错了'].sort(),
    );
    const both = join(dir, 'both.json');
    const first = complaints(['classify', '--train', small, '--model', both, '--ngrams', '2,1']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`已用 2 条文本、2 个类别训练，读字符 1、2-gram → ${both}\n`);
    const read = JSON.parse(readFileSync(both, 'utf8'));
    expect([read.features, read.orders, Object.keys(read.counts).length]).toEqual([
      'character 1- and 2-grams',
      [1, 2],
      9 + 11,
    ]);
    for (const bad of ['0', '1,5', '2,2', 'x', '1,2,']) {
      const to = join(dir, `bad-${bad}.json`);
      const refused = complaints(['classify', '--train', small, '--model', to, '--ngrams', bad]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr).toBe(
        `complaints: --ngrams ${bad}：应为 1 到 4 的 n-gram 长度，用逗号分开，每个只写一次。\n` +
          '  例如：--ngrams 1,2（单字和双字）；不给时读双字（2）。\n',
      );
      expect(existsSync(to)).toBe(false);
    }
  });

  it('names class values the taxonomy does not know, with their rows: train, evaluate, analyze', () => {
    // fixtures/95598-2016-08-pinyin.csv has 服务态度 on 2 complaint rows (and once in a text).
    const bad = join(dir, 'badlabel.csv');
    writeFileSync(
      bad,
      readFileSync('fixtures/95598-2016-08-pinyin.csv', 'utf8').replace(/服务态度/g, '哈哈哈'),
    );
    const said =
      'warning: 2 complaint row(s) record a class taxonomy sgcc-95598 does not know: 二级分类 哈哈哈 (2 rows); ';
    const trained = complaints(['classify', '--train', bad, '--model', join(dir, 'bad.json')]);
    expect(trained.code).toBe(0);
    expect(trained.stderr).toContain(
      'warning: 2 行投诉记的分类不在分类体系 sgcc-95598 中：二级分类 哈哈哈（2 行）；这些行没有用于训练模型。',
    );
    const trainedEn = complaints([
      'classify',
      '--train',
      bad,
      '--model',
      join(dir, 'bad-en.json'),
      '--lang',
      'en',
    ]);
    expect(trainedEn.stderr).toContain(said + 'those rows were left out of the model.');
    const evaluated = complaints(['classify', '--evaluate', bad, '--json', '--lang', 'en']);
    expect(evaluated.stderr).toContain(said + 'a row is scored only on the levels');
    expect(JSON.parse(evaluated.stdout).unknownLabels).toEqual([
      { level: 2, value: '哈哈哈', rows: 2 },
    ]);
    const analyzed = complaints(['analyze', bad, '--json']);
    expect(JSON.parse(analyzed.stdout).warnings).toContain(
      said.slice('warning: '.length) +
        'those rows were classified from their text. Check the spelling, or give a taxonomy that has them (--taxonomy).',
    );
    // The file as it is: nothing to say.
    const clean = complaints(['analyze', 'fixtures/95598-2016-08-pinyin.csv', '--json']);
    expect(clean.stdout).not.toContain('does not know');
  });

  it('--train replaces a model trained before, never an export or a targets file named by mistake', () => {
    const model = join(dir, 'again.json');
    const train = (to: string, lang: string[] = []) =>
      complaints(['classify', '--train', 'fixtures/eval/tune.csv', '--model', to, ...lang]);
    expect(train(model).code).toBe(0);
    const first = readFileSync(model, 'utf8');
    expect(train(model).code).toBe(0);
    expect(readFileSync(model, 'utf8')).toBe(first);
    for (const source of [
      'fixtures/metrics/95598-2015.xlsx',
      'fixtures/metrics/targets-2016.csv',
    ]) {
      const victim = join(dir, source.replace(/^.*\//, ''));
      writeFileSync(victim, readFileSync(source));
      const r = train(victim);
      expect(r.code).toBe(2);
      expect(isPlainError(r.stderr)).toBe(true);
      expect(r.stderr).toContain(
        `${victim}：已存在，且不是 classify --train 生成的模型文件；--train 会用模型整个替换它。`,
      );
      expect(readFileSync(victim).equals(readFileSync(source))).toBe(true);
    }
    const en = train(join(dir, 'targets-2016.csv'), ['--lang', 'en']);
    expect(en.stderr).toContain('exists and is not a model made by classify --train');
  });

  it('--train refuses a --model name that is not .json, writing nothing (m.xlsx would be a JSON model Excel cannot open)', () => {
    for (const name of ['m.xlsx', 'm.csv', 'model']) {
      const to = join(dir, name);
      const run = complaints(['classify', '--train', 'fixtures/eval/tune.csv', '--model', to]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `complaints: --model ${to}：--train 写出的模型是 JSON 文件，文件名应以 .json 结尾；什么也没有读取或写入。\n  例如：--model model.json\n`,
      );
      expect(existsSync(to)).toBe(false);
    }
    const en = complaints(inEnglish(['classify', '--train', XLSX, '--model', join(dir, 'm.xlsx')]));
    expect(en.stderr).toContain(
      'the model --train writes is a JSON file; give a name ending in .json',
    );
  });

  it('refuses a model trained for another taxonomy, and a model file that is not one', () => {
    const model = join(dir, 'model-sgcc.json');
    expect(
      complaints(['classify', '--train', 'fixtures/eval/tune.csv', '--model', model, '--quiet'])
        .code,
    ).toBe(0);
    const other = complaints(['classify', XLSX, '--taxonomy', 'county-4x17', '--model', model]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/它是按分类体系 'sgcc-95598' 训练的/);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{}');
    expect(complaints(['classify', XLSX, '--model', junk]).stderr).toMatch(
      /：不是 classify --train 生成的模型文件（缺少 "format": "complaints-text-model" 或版本不是 1）。/,
    );
    expect(complaints(['classify', XLSX, '--model', junk, '--lang', 'en']).stderr).toMatch(
      /not a complaints-text-model file/,
    );
    // A model file that is not there, or a folder, or not JSON: what is wrong said in Chinese.
    const missing = join(dir, 'no-model.json');
    expect(complaints(['classify', XLSX, '--model', missing]).stderr).toContain(
      `模型文件 ${missing}（--model）：文件不存在。\n`,
    );
    expect(complaints(inEnglish(['classify', XLSX, '--model', missing])).stderr).toContain(
      `--model ${missing}: cannot be read as JSON (ENOENT: no such file or directory`,
    );
    expect(complaints(['classify', XLSX, '--model', dir]).stderr).toContain(
      `（--model）：这是文件夹，不是文件。\n`,
    );
    const cut = join(dir, 'cut-model.json');
    writeFileSync(cut, '{"format": "complaints-text-model",\n "version": 1,');
    expect(complaints(['classify', XLSX, '--model', cut]).stderr).toContain(
      '（--model）：第 2 行第 15 列不是有效的 JSON：这里应是用英文双引号括起的键名；是不是最后一项后面多了逗号？\n',
    );
  });
});

describe('complaints taxonomy', () => {
  it('prints the tree in Chinese, or English', () => {
    const zh = complaints(['taxonomy']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^sgcc-95598  国家电网95598投诉分类（5类17项）\n/);
    expect(zh.stdout).toMatch(/\n {2}TS03 +抢修质量/);
    expect(zh.stdout).toContain('一级 5 类，二级 17 项');
    const en = complaints(['taxonomy', 'county-4x17', '--lang', 'en']);
    expect(en.stdout).toMatch(/Service conduct {2}marketing/);
  });

  it('prints JSON that loads back as the same taxonomy', () => {
    const file = join(dir, 'mine.json');
    expect(complaints(['taxonomy', '--json', file]).code).toBe(0);
    const run = complaints(['taxonomy', '--validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^.*mine\.json：分类体系 'sgcc-95598' 有效：一级 5 类，二级 17 项，三级 \d+ 项。\n$/,
    );
    expect(complaints(inEnglish(['taxonomy', '--validate', file])).stdout).toMatch(
      /valid taxonomy 'sgcc-95598': 5 first-level, 17 second-level, \d+ third-level nodes/,
    );
    // A user's own file classifies like the shipped one.
    const shipped = complaints(['classify', XLSX, '--json']);
    const own = complaints(['classify', XLSX, '--taxonomy', file, '--json']);
    expect(JSON.parse(own.stdout).categories).toEqual(JSON.parse(shipped.stdout).categories);
  });

  it('checks a text table too (typos, dialect, colloquial), each bad entry by its JSON path', () => {
    const good = complaints(['taxonomy', '--validate', 'src/taxonomy/data/text/zh-power.json']);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/zh-power\.json：文本表有效：\d+ 条。\n$/);
    const goodEn = ['taxonomy', '--validate', 'src/taxonomy/data/text/zh-power.json'];
    expect(complaints(inEnglish(goodEn)).stdout).toMatch(/valid text table: \d+ entries/);
    const file = join(dir, 'bad-table.json');
    writeFileSync(file, JSON.stringify({ typos: { 电牙: '电压', 電錶: '电表' }, slang: {} }));
    const run = complaints(['taxonomy', '--validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/complaints: .*：发现 2 个问题，这个文本表不能使用。\n/);
    const en = complaints(inEnglish(['taxonomy', '--validate', file])).stderr;
    expect(en).toMatch(/2 problems found; the text table cannot be used/);
    // Each problem on a line of its own, in the run's language.
    expect(run.stderr).toContain(
      `bad-table.json：$.typos["電錶"]：文本在查表前已转换（繁体转简体、全角转半角），'電錶' 永远匹配不到：请写作 '电表'\n`,
    );
    expect(run.stderr).toContain(
      'bad-table.json：$.slang：不认识的键：应为 typos、dialect、colloquial\n',
    );
    expect(en).toContain(
      `bad-table.json: $.typos["電錶"]: texts are converted before the table applies, so '電錶' never matches: write it '电表'\n`,
    );
    expect(en).toContain(
      'bad-table.json: $.slang: unknown key: expected typos, dialect, colloquial\n',
    );
  });

  it('names every problem of a bad file with its JSON path, exit 2', () => {
    const file = join(dir, 'bad-taxonomy.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        title: 'bad',
        source: 'test',
        nodes: [
          { code: 'A', name: '甲', discipline: '营销', children: [{ code: 'A', name: '乙' }] },
          { code: 'B', name: '丙', discipline: '其他' },
        ],
      }),
    );
    const run = complaints(['taxonomy', '--validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "bad-taxonomy.json：$.nodes[0].children[0].code：编码 'A' 重复（$.nodes[0].code 也用了它）\n",
    );
    expect(run.stderr).toContain(
      "bad-taxonomy.json：$.nodes[1].discipline：专业 '其他' 不认识：应为 运检 或 营销\n",
    );
    expect(run.stderr).toMatch(/complaints: .*：发现 2 个问题，这个分类体系不能使用。\n/);
    const en = complaints(inEnglish(['taxonomy', '--validate', file])).stderr;
    expect(en).toMatch(/2 problems found; the taxonomy cannot be used/);
    expect(en).toContain(
      "bad-taxonomy.json: $.nodes[0].children[0].code: duplicate code 'A' (also at $.nodes[0].code)\n",
    );
    expect(en).toContain(
      "bad-taxonomy.json: $.nodes[1].discipline: unknown discipline '其他': expected 运检 or 营销\n",
    );
    // No English left in the Chinese run: every problem line says what is wrong in Chinese.
    for (const line of run.stderr.split('\n').filter((l) => l.startsWith(file)))
      expect(line).not.toMatch(/[a-z]{3,} [a-z]{3,} [a-z]{3,}/i);
    const used = complaints(['classify', XLSX, '--taxonomy', file]);
    expect(used.code).toBe(2);
    expect(isPlainError(used.stderr)).toBe(true);
  });
});
