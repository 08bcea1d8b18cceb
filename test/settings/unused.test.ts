/**
 * No option is silently ignored (issue 12). Every option of every command is listed here with
 * what it changes, or when it is refused; a new option fails the first test until it is added.
 * The refusals are checked on refuseUnused, and on the real program in test/cli/options.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { userMessage } from '../../src/errors.js';
import { program } from '../../src/cli.js';
import type { CommandName } from '../../src/settings/types.js';
import { refuseUnused } from '../../src/settings/unused.js';
import { failure } from './helpers.js';

const COMMON = {
  map: 'which header is which field',
  complaintType: 'which 业务类型 values are complaints',
  encoding: 'how a text input is decoded (a note on a workbook; a warning when no input is text)',
  sheet: 'which sheet of a workbook is read (a note on a text input; a warning when no workbook)',
  maxInflated: 'the zip-bomb guard',
  json: 'the JSON result',
  strict: 'exit 3 on a rejected row',
  quiet: 'no chatter on stderr',
  lang: 'the labels of the terminal, workbook and CSV (JSON carries both languages)',
  color: 'colour at a terminal',
  threads: 'how many threads read (the results are the same)',
};
const PERIOD = {
  from: 'the period',
  to: 'the period',
  month: 'the period',
  quarter: 'the period',
  year: 'the period',
  day: 'the period: one day (日通报)',
  week: 'the period: one ISO week',
};
const METRIC = {
  ...COMMON,
  by: 'a breakdown (a two-way table with two); trend: one series per group; report: refused with --out .csv without --json',
  ...PERIOD,
  targets: 'units against their targets',
  prorate: 'targets scaled to the period; refused without targets',
  excludeUnsubstantiated: 'assessed complaints',
  includePartial:
    'partial months in 环比, 同比, seasonality and the average reduction (units[].mom)',
  taxonomy: 'the classes',
  model: 'the classes where the rules are unsure: a model file, or none (--no-model)',
  replyLimit: 'timeliness',
  closeLimit: 'timeliness',
  top: 'hot spots and repeat complainants',
  progress: 'the progress line',
  config: 'the config file',
  units: 'unit codes and spellings named, the hierarchy',
  rollup: 'units counted under their ancestors; refused without a units file',
  codes: 'coded columns named',
  corrections:
    'classes and 是否考核 corrected by hand, outranking columns, rules, model and appeal',
  hotWords: 'the hot words listed (--no-hot-words: none)',
  hotWordsBy: 'each unit’s hot words; refused with --no-hot-words',
};
const REFUSED = 'refused: the command does not use it';

const USE: Record<CommandName, Record<string, string>> = {
  analyze: {
    ...METRIC,
    out: 'the workbook, the bulletin (.docx, .md), units CSV or JSON written',
    detail: '明细 in the workbook; refused without --out .xlsx',
    charts: 'charts in the workbook and the Word bulletin; refused without --out .xlsx/.docx',
    template: 'the Word bulletin filled from a template; refused without --out .docx',
  },
  trend: {
    ...METRIC,
    taxonomy: 'classes with --by level1/level2/discipline; refused otherwise',
    model: 'classes with --by level1/level2/discipline; refused otherwise',
    targets: REFUSED,
    prorate: REFUSED,
    top: REFUSED,
    replyLimit: REFUSED,
    closeLimit: REFUSED,
    hotWords: REFUSED,
    hotWordsBy: REFUSED,
  },
  assess: {
    ...METRIC,
    taxonomy: 'classes with --by level1/level2/level3/discipline; refused otherwise',
    model: 'classes with --by level1/level2/level3/discipline; refused otherwise',
    top: REFUSED,
    replyLimit: REFUSED,
    closeLimit: REFUSED,
    hotWords: REFUSED,
    hotWordsBy: REFUSED,
  },
  report: {
    ...METRIC,
    out: 'where the workbook goes, or the bulletin (.docx, .md), a CSV or JSON instead',
    detail: '明细; refused with --out .docx/.md/.csv/.json',
    charts: 'charts; refused with --out .md/.csv/.json',
    template: 'the Word bulletin filled from a template; refused without --out .docx',
    issued: 'the bulletin’s date of issue; refused without --out .docx/.md',
  },
  warn: {
    ...METRIC,
    quarter: REFUSED,
    year: REFUSED,
    from: REFUSED,
    to: REFUSED,
    prorate: REFUSED,
    top: REFUSED,
    by: REFUSED,
    replyLimit: 'complaints replied to past the limit',
    closeLimit: 'work orders open or closed past the limit',
    failOn: 'exit 4 at or above the level',
    thresholds: 'the thresholds of every indicator',
    hotWords: REFUSED,
    hotWordsBy: REFUSED,
  },
  inspect: {
    ...COMMON,
    duplicates: 'the differing duplicates listed, field by field',
    taxonomy: 'the classes the 一级分类/二级分类 values are checked against',
    config: 'the config file: its inputs and how exports are read',
    corrections: 'the differences a correction decides, with --duplicates; refused without it',
  },
  classify: {
    ...COMMON,
    ...PERIOD,
    out: 'the classified rows, or the audit list with --audit; refused with --train, --evaluate',
    taxonomy: 'the classes',
    model: 'the model read (written with --train)',
    train:
      'trains a model; refused with inputs, --evaluate, --audit, --out, --json, --limit, a period',
    evaluate: 'measures accuracy; refused with inputs, --audit, --out, a period',
    audit: 'the contradictions',
    limit: 'rows shown by --audit/--evaluate; refused otherwise, and with --audit --out/--json',
    ngrams: 'the n-gram lengths --train reads; refused without --train',
    corrections: 'classes corrected by hand; refused with --train, --evaluate, --audit',
    config: 'the config file: its inputs, how exports are read, taxonomy, model, period',
  },
  taxonomy: {
    validate: 'checks a file; refused with a taxonomy name or --json',
    json: 'the taxonomy as JSON',
    lang: 'the names printed',
    color: 'colour at a terminal',
  },
};

describe('every option of every command is used, or refused', () => {
  it('the table above lists each option the commands declare', () => {
    for (const command of program().commands) {
      // --model FILE and --no-model set one attribute (false: no model).
      // --hot-words N and --no-hot-words are one option, hotWords.
      const declared = [...new Set(command.options.map((o) => o.attributeName()))].sort();
      expect(declared, command.name()).toEqual(
        Object.keys(USE[command.name() as CommandName]).sort(),
      );
    }
  });

  it('a hidden option is one the command refuses', () => {
    for (const command of program().commands) {
      for (const option of command.options.filter((o) => o.hidden)) {
        expect(USE[command.name() as CommandName][option.attributeName()]).toBe(REFUSED);
      }
    }
  });

  it.each(
    Object.entries(USE).flatMap(([command, options]) =>
      Object.entries(options)
        .filter(([, use]) => use === REFUSED)
        .map(([key]) => [command as CommandName, key] as const),
    ),
  )('%s refuses --%s', async (command, key) => {
    const error = await failure(() => refuseUnused(command, { [key]: 'x' }, ['a.csv']));
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toMatch(new RegExp(`^${command}: --[a-z-]+ is not used: `));
  });
});

describe('refuseUnused: options idle in a combination', () => {
  // [command, options, inputs, config, the refusal in English and in Chinese (null: none)]
  it.each<[CommandName, Record<string, unknown>, string[], object, string | null, string | null]>([
    [
      'analyze',
      { prorate: true },
      ['a.csv'],
      {},
      'analyze: --prorate is not used: it scales the targets, and no targets file is given.',
      'analyze：--prorate 不起作用：它用于折算考核指标，但没有给出考核指标文件。',
    ],
    ['analyze', { prorate: true, targets: 't.csv' }, ['a.csv'], {}, null, null],
    [
      'inspect',
      { corrections: 'c.csv' },
      ['a.csv'],
      {},
      'inspect: --corrections is not used: it is used only by --duplicates, to say which differences between copies a correction decides.',
      'inspect：--corrections 不起作用：它只用于 --duplicates，说明重复工单的哪些不同由人工更正决定。',
    ],
    ['inspect', { corrections: 'c.csv', duplicates: true }, ['a.csv'], {}, null, null],
    ['analyze', { prorate: true }, [], { targets: '/cfg/t.csv' }, null, null],
    [
      'trend',
      { rollup: true },
      ['a.csv'],
      {},
      'trend: --rollup is not used: it counts units under their parents in the units file, and no units file is given.',
      'trend：--rollup 不起作用：它按单位层级文件把单位计入上级，但没有给出单位层级文件。',
    ],
    ['assess', { rollup: '2', units: 'u.csv' }, ['a.csv'], {}, null, null],
    ['analyze', { rollup: true }, [], { units: '/cfg/units.csv' }, null, null],
    [
      'report',
      { prorate: true },
      ['a.csv'],
      {},
      'report: --prorate is not used: it scales the targets, and no targets file is given.',
      'report：--prorate 不起作用：它用于折算考核指标，但没有给出考核指标文件。',
    ],
    [
      'analyze',
      { detail: true },
      ['a.csv'],
      {},
      'analyze: --detail is not used: it adds 明细 to the workbook, and analyze writes none without --out FILE.xlsx.',
      'analyze：--detail 不起作用：它在工作簿中加入明细表，而 analyze 不给 --out FILE.xlsx 时不写工作簿。',
    ],
    [
      'analyze',
      { charts: false },
      ['a.csv'],
      {},
      'analyze: --no-charts is not used: it leaves the charts out of the workbook and the bulletin, and analyze writes none without --out FILE.xlsx or FILE.docx.',
      'analyze：--no-charts 不起作用：它去掉工作簿和通报中的图表，而 analyze 不给 --out FILE.xlsx 或 FILE.docx 时不写工作簿或通报。',
    ],
    [
      'analyze',
      { detail: true, out: 'r.csv' },
      ['a.csv'],
      {},
      'analyze: --detail is not used: it adds 明细 to the workbook, and --out r.csv is not a workbook.',
      'analyze：--detail 不起作用：它在工作簿中加入明细表，而 --out r.csv 不是工作簿。',
    ],
    ['analyze', { detail: true, out: 'r.XLSX' }, ['a.csv'], {}, null, null],
    // The config file's "out" is report's: analyze writes only what --out names.
    [
      'analyze',
      { detail: true },
      [],
      { out: '/r/{period}.xlsx' },
      'analyze: --detail is not used: it adds 明细 to the workbook, and analyze writes none without --out FILE.xlsx.',
      'analyze：--detail 不起作用：它在工作簿中加入明细表，而 analyze 不给 --out FILE.xlsx 时不写工作簿。',
    ],
    ['report', { detail: true }, [], { out: '/r/{period}.xlsx' }, null, null],
    ['report', { detail: true }, ['a.csv'], {}, null, null],
    [
      'report',
      { detail: true, out: 'r.json' },
      ['a.csv'],
      {},
      'report: --detail is not used: it adds 明细 to the workbook, and --out r.json is not a workbook.',
      'report：--detail 不起作用：它在工作簿中加入明细表，而 --out r.json 不是工作簿。',
    ],
    [
      'report',
      { charts: false, out: 'r.csv' },
      ['a.csv'],
      {},
      'report: --no-charts is not used: it leaves the charts out of the workbook and the bulletin, and --out r.csv is not a workbook or a bulletin.',
      'report：--no-charts 不起作用：它去掉工作簿和通报中的图表，而 --out r.csv 不是工作簿或通报。',
    ],
    // --template fills a Word bulletin: refused for any other output; --no-charts serves both.
    [
      'report',
      { template: 't.docx', out: 'r.md' },
      ['a.csv'],
      {},
      'report: --template is not used: it is the template of the Word bulletin, and --out r.md is not a Word bulletin.',
      'report：--template 不起作用：它是 Word 通报的模板，而 --out r.md 不是 Word 通报。',
    ],
    [
      'report',
      { template: 't.docx', out: 'r.xlsx' },
      ['a.csv'],
      {},
      'report: --template is not used: it is the template of the Word bulletin, and --out r.xlsx is not a Word bulletin.',
      'report：--template 不起作用：它是 Word 通报的模板，而 --out r.xlsx 不是 Word 通报。',
    ],
    [
      'analyze',
      { template: 't.docx' },
      ['a.csv'],
      {},
      'analyze: --template is not used: it is the template of the Word bulletin, and analyze writes none without --out FILE.docx.',
      'analyze：--template 不起作用：它是 Word 通报的模板，而 analyze 不给 --out FILE.docx 时不写 Word 通报。',
    ],
    ['report', { template: 't.docx', out: '通报.DOCX' }, ['a.csv'], {}, null, null],
    ['analyze', { template: 't.docx', out: 'b.docx' }, ['a.csv'], {}, null, null],
    ['report', { template: 't.docx', charts: false, out: 'b.docx' }, ['a.csv'], {}, null, null],
    ['report', { charts: false, out: 'b.docx' }, ['a.csv'], {}, null, null],
    ['report', { template: 't.docx' }, [], { out: '/r/{period}.docx' }, null, null],
    // --issued dates a bulletin, Word or Markdown: a workbook has no date of issue.
    [
      'report',
      { issued: '2016-12-03' },
      ['a.csv'],
      {},
      'report: --issued is not used: it is the date of issue at the end of the bulletin, and report writes none without --out FILE.docx or FILE.md.',
      'report：--issued 不起作用：它是通报落款的成文日期，而 report 不给 --out FILE.docx 或 FILE.md 时不写通报。',
    ],
    ['report', { issued: '2016-12-03', out: 'b.md' }, ['a.csv'], {}, null, null],
    ['report', { issued: '2016-12-03' }, [], { out: '/r/{period}.docx' }, null, null],
    [
      'trend',
      { taxonomy: 'county-4x17' },
      ['a.csv'],
      {},
      'trend: --taxonomy is not used: trend shows classes only with --by level1, level2, level3 or discipline.',
      'trend：--taxonomy 不起作用：trend 只有在 --by level1、level2、level3 或 discipline 时才显示分类。',
    ],
    [
      'trend',
      { model: 'm.json', by: ['unit'] },
      ['a.csv'],
      {},
      'trend: --model is not used: trend shows classes only with --by level1, level2, level3 or discipline.',
      'trend：--model 不起作用：trend 只有在 --by level1、level2、level3 或 discipline 时才显示分类。',
    ],
    ['trend', { taxonomy: 'county-4x17', by: ['level1'] }, ['a.csv'], {}, null, null],
    ['trend', { taxonomy: 'county-4x17', by: ['一级分类'] }, ['a.csv'], {}, null, null],
    ['trend', { taxonomy: 'county-4x17' }, ['a.csv'], { by: [['level3']] }, null, null],
    [
      'assess',
      { taxonomy: 'county-4x17', by: ['channel'] },
      ['a.csv'],
      {},
      'assess: --taxonomy is not used: assess counts complaints per unit, not per class, unless --by names a level or the discipline.',
      'assess：--taxonomy 不起作用：assess 按单位统计投诉，不按分类，除非 --by 指定了分类级别或专业。',
    ],
    ['assess', { taxonomy: 'county-4x17', by: ['unit', 'level1'] }, ['a.csv'], {}, null, null],
    ['assess', { model: 'm.json' }, ['a.csv'], { by: [['discipline']] }, null, null],
    [
      'assess',
      { model: false },
      ['a.csv'],
      {},
      'assess: --no-model is not used: assess counts complaints per unit, not per class, unless --by names a level or the discipline.',
      'assess：--no-model 不起作用：assess 按单位统计投诉，不按分类，除非 --by 指定了分类级别或专业。',
    ],
    ['assess', { model: false, by: ['level2'] }, ['a.csv'], {}, null, null],
    [
      'trend',
      { model: false },
      ['a.csv'],
      {},
      'trend: --no-model is not used: trend shows classes only with --by level1, level2, level3 or discipline.',
      'trend：--no-model 不起作用：trend 只有在 --by level1、level2、level3 或 discipline 时才显示分类。',
    ],
    ['analyze', { model: false }, ['a.csv'], {}, null, null],
    ['classify', { model: false, evaluate: 'l.xlsx' }, [], {}, null, null],
    [
      'report',
      { by: ['channel'], out: 'b.csv' },
      ['a.csv'],
      {},
      'report: --by is not used: the breakdowns are in the workbook, the bulletin and the JSON result, and --out b.csv is none of them.',
      'report：--by 不起作用：分项结果在工作簿、通报和 JSON 结果中，而 --out b.csv 都不是。',
    ],
    ['report', { by: ['channel'], out: 'b.docx' }, ['a.csv'], {}, null, null],
    ['report', { by: ['channel'], out: 'b.md' }, ['a.csv'], {}, null, null],
    ['report', { by: ['channel'], out: 'b.docx', json: true }, ['a.csv'], {}, null, null],
    ['report', { by: ['channel'] }, ['a.csv'], {}, null, null],
    ['report', { by: ['channel'] }, ['a.csv'], { out: 'r/{period}.xlsx' }, null, null],
    [
      'classify',
      { limit: '5' },
      ['a.csv'],
      {},
      'classify: --limit is not used: it limits the rows --audit and --evaluate show.',
      'classify：--limit 不起作用：它限制 --audit 和 --evaluate 显示的行数。',
    ],
    ['classify', { limit: '5', audit: true }, ['a.csv'], {}, null, null],
    [
      'classify',
      { limit: '5', audit: true, out: 'a.xlsx' },
      ['a.csv'],
      {},
      'classify: --limit is not used: it limits the rows --audit shows in the terminal, and --out writes them all.',
      'classify：--limit 不起作用：它只限制 --audit 在终端显示的行数，而 --out 会写出全部。',
    ],
    ['classify', { limit: '5', evaluate: 'l.xlsx' }, [], {}, null, null],
    [
      'classify',
      { ngrams: '1,2', model: 'm.json' },
      ['a.csv'],
      {},
      'classify: --ngrams is not used: it sets the n-gram lengths --train reads; a model file records its own.',
      'classify：--ngrams 不起作用：它说明 --train 读取的 n-gram 长度；模型文件记着自己读的长度。',
    ],
    ['classify', { ngrams: '1,2', train: ['l.xlsx'], model: 'm.json' }, [], {}, null, null],
    [
      'classify',
      { train: ['l.xlsx'], model: 'm.json' },
      ['a.csv'],
      {},
      'classify --train: input files are not used: --train reads the labelled files it names, not a.csv.',
      'classify --train：输入文件不起作用：--train 读取它后面给出的已标注文件，而不是 a.csv。',
    ],
    [
      'classify',
      { train: ['l.xlsx'], evaluate: 'e.xlsx' },
      [],
      {},
      'classify --train: --evaluate is not used: a run trains or evaluates.',
      'classify --train：--evaluate 不起作用：一次运行只能训练或评估。',
    ],
    [
      'classify',
      { train: ['l.xlsx'], out: 'o.xlsx' },
      [],
      {},
      'classify --train: --out is not used: --train writes the model to --model FILE.',
      'classify --train：--out 不起作用：--train 把模型写到 --model FILE。',
    ],
    [
      'classify',
      { train: ['l.xlsx'], json: true },
      [],
      {},
      'classify --train: --json is not used: --train writes the model to --model FILE and prints one line.',
      'classify --train：--json 不起作用：--train 把模型写到 --model FILE，只打印一行。',
    ],
    ['classify', { train: ['l.xlsx'], model: 'm.json' }, [], {}, null, null],
    [
      'classify',
      { evaluate: 'l.xlsx' },
      ['a.csv'],
      {},
      'classify --evaluate: input files are not used: --evaluate reads the labelled file it names, not a.csv.',
      'classify --evaluate：输入文件不起作用：--evaluate 读取它后面给出的已标注文件，而不是 a.csv。',
    ],
    [
      'classify',
      { evaluate: 'l.xlsx', audit: true },
      [],
      {},
      'classify --evaluate: --audit is not used: a run evaluates or audits.',
      'classify --evaluate：--audit 不起作用：一次运行只能评估或核查。',
    ],
    [
      'classify',
      { evaluate: 'l.xlsx', out: 'x.xlsx' },
      [],
      {},
      'classify --evaluate: --out is not used: --evaluate prints its measures; --json FILE writes all of them.',
      'classify --evaluate：--out 不起作用：--evaluate 打印评估结果；--json FILE 可写出全部结果。',
    ],
    ['classify', { audit: true, out: 'audit.xlsx' }, ['a.csv'], {}, null, null],
    ['classify', { audit: true, month: '2016-11' }, ['a.csv'], {}, null, null],
    [
      'classify',
      { train: ['l.xlsx'], year: '2016' },
      [],
      {},
      'classify --train: --year is not used: --train reads every labelled row of the files it names.',
      'classify --train：--year 不起作用：--train 读取所给文件中每一行已标注的数据。',
    ],
    [
      'classify',
      { evaluate: 'l.xlsx', from: '2016-01' },
      [],
      {},
      'classify --evaluate: --from is not used: --evaluate reads every labelled row of the file it names.',
      'classify --evaluate：--from 不起作用：--evaluate 读取所给文件中每一行已标注的数据。',
    ],
    [
      'taxonomy',
      { validate: 'mine.json' },
      ['county-4x17'],
      {},
      'taxonomy: county-4x17 is not used: --validate checks the file it names.',
      'taxonomy：county-4x17 不起作用：--validate 只检查它后面给出的文件。',
    ],
    [
      'taxonomy',
      { validate: 'mine.json', json: true },
      [],
      {},
      'taxonomy: --json is not used: --validate prints the problems it finds, each with its JSON path.',
      'taxonomy：--json 不起作用：--validate 打印发现的问题，每个问题带有 JSON 路径。',
    ],
    ['taxonomy', { validate: 'mine.json' }, [], {}, null, null],
  ])('%s %j %j (config %j)', async (command, options, inputs, config, message, chinese) => {
    if (message === null) {
      expect(() => refuseUnused(command, options, inputs, config)).not.toThrow();
      return;
    }
    const error = await failure(() => refuseUnused(command, options, inputs, config));
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toBe(message);
    expect(error.hint).toBeTruthy();
    expect(userMessage(error, 'zh').message).toBe(chinese);
  });
});

describe('the config file: one file serves every command', () => {
  it.each<CommandName>(['analyze', 'trend', 'assess', 'report'])(
    '%s takes the keys it uses and leaves the others to the commands that do',
    (command) => {
      const config = {
        targets: '/c/t.csv',
        prorate: true,
        top: 5,
        detail: true,
        out: '/r/{period}.csv',
      };
      expect(() => refuseUnused(command, {}, [], config)).not.toThrow();
    },
  );
});
