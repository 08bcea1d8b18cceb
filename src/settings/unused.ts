/**
 * No option is silently ignored (issue 12): an option typed on the command line that would
 * change nothing the command prints or writes is refused (exit 2), saying why and which command
 * uses it. Options that do not apply to a command at all are declared hidden for it (they stay
 * out of its --help) and refused here with a reason, rather than left to commander's "unknown
 * option", which reads like a typo. The config file's keys are not checked here: one file serves
 * every command, and each takes the keys it uses (README: Unattended).
 *
 * Pure: the options as typed, the config file's settings, the command; tested as a table.
 */
import { extname } from 'node:path';
import { InputError, said, type Said } from '../errors.js';
import { breakdownDimension } from '../metrics/dimensions.js';
import { PERIOD_OPTION_KEYS } from './period-syntax.js';
import { spaced } from './suggest.js';
import type { CommandName, ConfigSettings } from './types.js';
import { CLASSES, NOT_USED, SHAPES, type OptionKey } from './unused-reasons.js';

export { NOT_USED, type OptionKey };

/** The --by dimensions that classify (the others leave --taxonomy and --model idle). */
const CLASS_BY: readonly string[] = ['level1', 'level2', 'level3', 'discipline'];

/** --reply-limit for replyLimit, --no-charts for charts. */
export function flag(key: OptionKey): string {
  if (key === 'charts' || key === 'color' || key === 'progress') return `--no-${key}`;
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function refuse(
  command: CommandName,
  key: OptionKey,
  why: Said,
  hint: Said,
  shown = flag(key),
): never {
  throw new InputError(
    'BAD_OPTION',
    said(
      `${command}：${shown} 不起作用：${why.zh}。`,
      `${command}: ${shown} is not used: ${why.en}.`,
    ),
    hint,
  );
}

/**
 * Refuses the options typed for `command` that it would not use: those of NOT_USED, and
 * combinations that leave one idle (--prorate without targets, --detail without a workbook,
 * classify's modes taken together). `options` holds only what was typed; `inputs` the inputs
 * typed; `config` the config file's settings (a metric command's targets or out may come from it).
 */
export function refuseUnused(
  command: CommandName,
  options: Record<OptionKey, unknown>,
  inputs: readonly string[],
  config: ConfigSettings = {},
): void {
  const typed = (key: OptionKey) => options[key] !== undefined;
  for (const [key, reason] of Object.entries(NOT_USED[command] ?? {})) {
    if (typed(key)) refuse(command, key, reason.why, reason.hint);
  }
  if (typed('prorate') && !typed('targets') && config.targets === undefined) {
    refuse(
      command,
      'prorate',
      said(
        '它用于折算考核指标，但没有给出考核指标文件',
        'it scales the targets, and no targets file is given',
      ),
      said(
        '请给出 --targets FILE（或在配置文件中写 "targets"）。',
        'Give --targets FILE (or "targets" in the config file).',
      ),
    );
  }
  if (typed('rollup') && !typed('units') && config.units === undefined) {
    refuse(
      command,
      'rollup',
      said(
        '它按单位层级文件把单位计入上级，但没有给出单位层级文件',
        'it counts units under their parents in the units file, and no units file is given',
      ),
      said(
        '请给出 --units FILE（或在配置文件中写 "units"）。',
        'Give --units FILE (or "units" in the config file).',
      ),
    );
  }
  const by = typed('by') ? (options.by as string[]) : (config.by ?? []).flat();
  const byClass = by.some((name) => CLASS_BY.includes(breakdownDimension(name)));
  if ((command === 'trend' || command === 'assess') && !byClass) {
    for (const key of ['taxonomy', 'model']) {
      if (!typed(key)) continue;
      const shown = options[key] === false ? '--no-model' : flag(key);
      if (command === 'assess') refuse(command, key, CLASSES.why, CLASSES.hint, shown);
      refuse(
        command,
        key,
        said(
          'trend 只有在 --by level1、level2、level3 或 discipline 时才显示分类',
          'trend shows classes only with --by level1, level2, level3 or discipline',
        ),
        said(
          '请加上 --by level1（或 level2、level3、discipline），或去掉这个选项。',
          'Add --by level1 (or level2, level3, discipline), or leave it out.',
        ),
        shown,
      );
    }
  }
  if (command === 'analyze' || command === 'report') workbookOptions(command, options, config);
  // inspect reads no class: the corrections only say which differences between copies they decide.
  if (command === 'inspect' && typed('corrections') && !typed('duplicates'))
    refuse(
      command,
      'corrections',
      said(
        '它只用于 --duplicates，说明重复工单的哪些不同由人工更正决定',
        'it is used only by --duplicates, to say which differences between copies a correction decides',
      ),
      said(
        '请加上 --duplicates，或去掉 --corrections。',
        'Add --duplicates, or leave --corrections out.',
      ),
    );
  if (typed('hotWordsBy') && (options.hotWords ?? config.hotWords) === false) {
    refuse(
      command,
      'hotWordsBy',
      said(
        '它列出各单位的热词，而 --no-hot-words（或 "hotWords": false）关闭了热词',
        'it lists each unit’s hot words, and --no-hot-words (or "hotWords": false) turns them off',
      ),
      said('请去掉其中一个。', 'Leave one of them out.'),
    );
  }
  if (command === 'report' && typed('by') && !typed('json')) reportBy(options, config);
  if (command === 'classify') classifyModes(options, inputs);
  if (command === 'taxonomy' && typed('validate')) {
    // inputs: the taxonomy named, when one other than the default is.
    if (inputs.length > 0) {
      throw new InputError(
        'BAD_OPTION',
        said(
          `taxonomy：${inputs[0]} 不起作用：--validate 只检查它后面给出的文件。`,
          `taxonomy: ${inputs[0]} is not used: --validate checks the file it names.`,
        ),
        said(
          '校验你的文件和打印分类体系，请分两次运行。',
          'Validate your file, or print a taxonomy, one at a time.',
        ),
      );
    }
    if (typed('json')) {
      refuse(
        'taxonomy',
        'json',
        said(
          '--validate 打印发现的问题，每个问题带有 JSON 路径',
          '--validate prints the problems it finds, each with its JSON path',
        ),
        said(
          '不加 --validate，即可把分类体系打印为 JSON。',
          'Print the taxonomy as JSON without --validate.',
        ),
      );
    }
  }
}

/**
 * --detail, --no-charts and --template shape a workbook or a bulletin: analyze writes one only
 * with --out FILE.xlsx or .docx; report writes a workbook by default.
 */
function workbookOptions(
  command: 'analyze' | 'report',
  options: Record<OptionKey, unknown>,
  config: ConfigSettings,
): void {
  // The config file's "out" is report's: analyze writes only what --out names.
  const out =
    (options.out as string | undefined) ?? (command === 'report' ? config.out : undefined) ?? null;
  const ext = out === null ? (command === 'report' ? '.xlsx' : null) : extname(out).toLowerCase();
  for (const [key, shape] of Object.entries(SHAPES)) {
    if (options[key] === undefined || (ext !== null && shape.kinds.includes(ext))) continue;
    const files = shape.kinds.map((k) => `FILE${k}`);
    const file = said(files.join(' 或 '), files.join(' or '));
    const { what, wanted } = shape;
    const analyze = command === 'analyze';
    refuse(
      command,
      key,
      out === null
        ? said(
            `${what.zh}，而 ${command} 不给 --out ${file.zh} 时不写${spaced(wanted.zh)}`,
            `${what.en}, and ${command} writes none without --out ${file.en}`,
          )
        : said(
            `${what.zh}，而 --out ${out} 不是${spaced(wanted.zh)}`,
            `${what.en}, and --out ${out} is not ${wanted.en}`,
          ),
      out === null
        ? said(
            `请加上 --out ${shape.example}${analyze ? '，或改用 complaints report' : ''}。`,
            `Add --out ${shape.example}${analyze ? ', or use complaints report' : ''}.`,
          )
        : said(
            `要写${spaced(wanted.zh)}，请给出 --out ${file.zh}；否则请去掉 ${flag(key)}。`,
            `Give --out ${file.en} for ${wanted.en}, or leave ${flag(key)} out.`,
          ),
    );
  }
}

/**
 * classify does one thing a run: classify the inputs (--audit: list contradictions), train a
 * model (--train), or evaluate on a labelled file (--evaluate). An option of another mode
 * would be idle.
 */
function classifyModes(options: Record<OptionKey, unknown>, inputs: readonly string[]): void {
  const typed = (key: OptionKey) => options[key] !== undefined;
  const files = inputs.length > 0;
  const named = said(inputs.join('、'), inputs.join(', '));
  const limits = said(
    '它限制 --audit 和 --evaluate 显示的行数',
    'it limits the rows --audit and --evaluate show',
  );
  if (typed('train')) {
    const idle: [boolean, string, Said][] = [
      [
        files,
        'inputs',
        said(
          `--train 读取它后面给出的已标注文件，而不是 ${named.zh}`,
          `--train reads the labelled files it names, not ${named.en}`,
        ),
      ],
      [typed('evaluate'), 'evaluate', said('一次运行只能训练或评估', 'a run trains or evaluates')],
      [typed('audit'), 'audit', said('一次运行只能训练或核查', 'a run trains or audits')],
      [
        typed('out'),
        'out',
        said('--train 把模型写到 --model FILE', '--train writes the model to --model FILE'),
      ],
      [
        typed('json'),
        'json',
        said(
          '--train 把模型写到 --model FILE，只打印一行',
          '--train writes the model to --model FILE and prints one line',
        ),
      ],
      [typed('limit'), 'limit', limits],
      [
        typed('corrections'),
        'corrections',
        said('--train 学习导出文件里记录的分类', '--train learns the classes the files record'),
      ],
      ...periodIdle(
        typed,
        said(
          '--train 读取所给文件中每一行已标注的数据',
          '--train reads every labelled row of the files it names',
        ),
      ),
    ];
    for (const [given, key, why] of idle) {
      if (given)
        idleWith(
          '--train',
          key,
          why,
          said(
            '请先训练，再用 --model FILE 分类、核查或评估。',
            'Train first, then classify, audit or evaluate with --model FILE.',
          ),
        );
    }
  }
  if (typed('evaluate')) {
    const idle: [boolean, string, Said][] = [
      [
        files,
        'inputs',
        said(
          `--evaluate 读取它后面给出的已标注文件，而不是 ${named.zh}`,
          `--evaluate reads the labelled file it names, not ${named.en}`,
        ),
      ],
      [typed('audit'), 'audit', said('一次运行只能评估或核查', 'a run evaluates or audits')],
      [
        typed('corrections'),
        'corrections',
        said(
          '--evaluate 对照文件里记录的分类评估',
          '--evaluate measures against the classes the file records',
        ),
      ],
      [
        typed('out'),
        'out',
        said(
          '--evaluate 打印评估结果；--json FILE 可写出全部结果',
          '--evaluate prints its measures; --json FILE writes all of them',
        ),
      ],
      ...periodIdle(
        typed,
        said(
          '--evaluate 读取所给文件中每一行已标注的数据',
          '--evaluate reads every labelled row of the file it names',
        ),
      ),
    ];
    for (const [given, key, why] of idle) {
      if (given) idleWith('--evaluate', key, why, said('请分开运行。', 'Run them one at a time.'));
    }
  }
  // --audit compares the class an export records with its text: a correction would be neither.
  if (typed('corrections') && typed('audit') && !typed('train') && !typed('evaluate')) {
    refuse(
      'classify',
      'corrections',
      said(
        '--audit 对照导出文件记录的分类和受理内容',
        '--audit compares the recorded class with the text',
      ),
      said('请去掉 --corrections。', 'Leave --corrections out.'),
    );
  }
  if (typed('ngrams') && !typed('train')) {
    refuse(
      'classify',
      'ngrams',
      said(
        '它说明 --train 读取的 n-gram 长度；模型文件记着自己读的长度',
        'it sets the n-gram lengths --train reads; a model file records its own',
      ),
      said('请加上 --train，或去掉 --ngrams。', 'Add --train, or leave --ngrams out.'),
    );
  }
  if (typed('limit') && !typed('audit') && !typed('evaluate')) {
    refuse(
      'classify',
      'limit',
      limits,
      said('请加上 --audit，或去掉 --limit。', 'Add --audit, or leave --limit out.'),
    );
  }
  // The audit list written to a file or as JSON is whole: it is what is sent to the units.
  if (typed('limit') && typed('audit') && (typed('out') || typed('json'))) {
    const writer = `--${typed('out') ? 'out' : 'json'}`;
    refuse(
      'classify',
      'limit',
      said(
        `它只限制 --audit 在终端显示的行数，而 ${writer} 会写出全部`,
        `it limits the rows --audit shows in the terminal, and ${writer} writes them all`,
      ),
      said('请去掉 --limit。', 'Leave --limit out.'),
    );
  }
}

function idleWith(mode: string, key: OptionKey, why: Said, hint: Said): never {
  const what =
    key === 'inputs'
      ? said('输入文件不起作用', 'input files are not used')
      : said(`${flag(key)} 不起作用`, `${flag(key)} is not used`);
  throw new InputError(
    'BAD_OPTION',
    said(`classify ${mode}：${what.zh}：${why.zh}。`, `classify ${mode}: ${what.en}: ${why.en}.`),
    hint,
  );
}

/** The period options typed, idle in a mode that reads every row. */
function periodIdle(typed: (key: OptionKey) => boolean, why: Said): [boolean, string, Said][] {
  return PERIOD_OPTION_KEYS.map((key) => [typed(key), key, why]);
}

/**
 * report prints nothing but the file it writes: --by shows in the workbook (a sheet per
 * breakdown), the bulletin (分项情况) and the JSON result, not in the units CSV.
 */
function reportBy(options: Record<OptionKey, unknown>, config: ConfigSettings): void {
  const out = (options.out as string | undefined) ?? config.out ?? null;
  const ext = out === null ? '.xlsx' : extname(out).toLowerCase();
  if (['.xlsx', '.json', '.docx', '.md'].includes(ext)) return;
  refuse(
    'report',
    'by',
    said(
      `分项结果在工作簿、通报和 JSON 结果中，而 --out ${out} 都不是`,
      `the breakdowns are in the workbook, the bulletin and the JSON result, and --out ${out} is none of them`,
    ),
    said(
      '请给出 --out FILE.xlsx 或 FILE.docx（或加上 --json），或去掉 --by。',
      'Give --out FILE.xlsx or FILE.docx (or add --json), or leave --by out.',
    ),
  );
}
