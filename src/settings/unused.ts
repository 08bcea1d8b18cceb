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
import { InputError } from '../errors.js';
import { breakdownDimension } from '../metrics/dimensions.js';
import { PERIOD_OPTION_KEYS } from './period-syntax.js';
import type { CommandName, ConfigSettings } from './types.js';

/** An option as commander names it (camelCase; `charts` is --no-charts). */
export type OptionKey = string;

interface Reason {
  /** Why the command does nothing with it: follows "COMMAND: --option is not used: ". */
  why: string;
  /** Where it is used instead. */
  hint: string;
}

const TARGETS: Reason = {
  why: 'trend shows no targets',
  hint: 'Units against their targets: complaints assess or analyze with --targets FILE.',
};
const LISTS = (command: string): Reason => ({
  why: `${command} has no hot-spot or repeat-complainant lists`,
  hint: 'Those lists are in complaints analyze and complaints report.',
});
const TIMELINESS = (command: string): Reason => ({
  why: `${command} shows no timeliness`,
  hint: 'Reply and closing times are in complaints analyze and complaints report.',
});
const CLASSES: Reason = {
  why: 'assess counts complaints per unit, not per class, unless --by names a level or the discipline',
  hint: 'Classes: complaints assess --by level1, complaints analyze, or complaints trend --by level1.',
};
const HOT_WORDS = (command: string): Reason => ({
  why: `${command} shows no hot words`,
  hint: 'Hot words of the complaint texts are in complaints analyze and complaints report.',
});

/** The --by dimensions that classify (the others leave --taxonomy and --model idle). */
const CLASS_BY: readonly string[] = ['level1', 'level2', 'level3', 'discipline'];

/**
 * The metric options each command does not use at all: declared hidden for it
 * (addMetricOptions) and refused when typed.
 */
const ONE_PERIOD: Reason = {
  why: 'warn judges one month (or day, or week) against the unit’s own periods before it',
  hint: 'Give --month YYYY-MM, or leave the period out for the latest complete month.',
};

export const NOT_USED: Partial<Record<CommandName, Record<OptionKey, Reason>>> = {
  warn: {
    quarter: ONE_PERIOD,
    year: ONE_PERIOD,
    from: ONE_PERIOD,
    to: ONE_PERIOD,
    prorate: {
      why: 'warn holds the year so far against the whole annual target, and its pace against the months gone',
      hint: 'Prorated targets: complaints assess or report with --prorate.',
    },
    top: LISTS('warn'),
    hotWords: HOT_WORDS('warn'),
    hotWordsBy: HOT_WORDS('warn'),
  },
  trend: {
    targets: TARGETS,
    prorate: TARGETS,
    top: LISTS('trend'),
    replyLimit: TIMELINESS('trend'),
    closeLimit: TIMELINESS('trend'),
    hotWords: HOT_WORDS('trend'),
    hotWordsBy: HOT_WORDS('trend'),
  },
  assess: {
    top: LISTS('assess'),
    replyLimit: TIMELINESS('assess'),
    closeLimit: TIMELINESS('assess'),
    hotWords: HOT_WORDS('assess'),
    hotWordsBy: HOT_WORDS('assess'),
  },
};

/** --reply-limit for replyLimit, --no-charts for charts. */
export function flag(key: OptionKey): string {
  if (key === 'charts' || key === 'color' || key === 'progress') return `--no-${key}`;
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function refuse(
  command: CommandName,
  key: OptionKey,
  why: string,
  hint: string,
  shown = flag(key),
): never {
  throw new InputError('BAD_OPTION', `${command}: ${shown} is not used: ${why}.`, hint);
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
      'it scales the targets, and no targets file is given',
      'Give --targets FILE (or "targets" in the config file).',
    );
  }
  if (typed('rollup') && !typed('units') && config.units === undefined) {
    refuse(
      command,
      'rollup',
      'it counts units under their parents in the units file, and no units file is given',
      'Give --units FILE (or "units" in the config file).',
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
        'trend shows classes only with --by level1, level2, level3 or discipline',
        'Add --by level1 (or level2, level3, discipline), or leave it out.',
        shown,
      );
    }
  }
  if (command === 'analyze' || command === 'report') workbookOptions(command, options, config);
  if (typed('hotWordsBy') && (options.hotWords ?? config.hotWords) === false) {
    refuse(
      command,
      'hotWordsBy',
      'it lists each unit’s hot words, and --no-hot-words (or "hotWords": false) turns them off',
      'Leave one of them out.',
    );
  }
  if (command === 'report' && typed('by') && !typed('json')) reportBy(options, config);
  if (command === 'classify') classifyModes(options, inputs);
  if (command === 'taxonomy' && typed('validate')) {
    // inputs: the taxonomy named, when one other than the default is.
    if (inputs.length > 0) {
      throw new InputError(
        'BAD_OPTION',
        `taxonomy: ${inputs[0]} is not used: --validate checks the file it names.`,
        'Validate your file, or print a taxonomy, one at a time.',
      );
    }
    if (typed('json')) {
      refuse(
        'taxonomy',
        'json',
        '--validate prints the problems it finds, each with its JSON path',
        'Print the taxonomy as JSON without --validate.',
      );
    }
  }
}

/** What each option that shapes a written file needs the file to be. */
const SHAPES: Record<string, { kinds: string[]; what: string; wanted: string; example: string }> = {
  detail: {
    kinds: ['.xlsx'],
    what: 'it adds 明细 to the workbook',
    wanted: 'a workbook',
    example: 'report.xlsx',
  },
  charts: {
    kinds: ['.xlsx', '.docx'],
    what: 'it leaves the charts out of the workbook and the bulletin',
    wanted: 'a workbook or a bulletin',
    example: 'report.xlsx',
  },
  template: {
    kinds: ['.docx'],
    what: 'it is the template of the Word bulletin',
    wanted: 'a Word bulletin',
    example: '通报.docx',
  },
};

/**
 * --detail, --no-charts and --template shape a workbook or a bulletin: analyze writes one only
 * with --out FILE.xlsx or .docx; report writes a workbook by default.
 */
function workbookOptions(
  command: 'analyze' | 'report',
  options: Record<OptionKey, unknown>,
  config: ConfigSettings,
): void {
  const out = (options.out as string | undefined) ?? config.out ?? null;
  const ext = out === null ? (command === 'report' ? '.xlsx' : null) : extname(out).toLowerCase();
  for (const [key, shape] of Object.entries(SHAPES)) {
    if (options[key] === undefined || (ext !== null && shape.kinds.includes(ext))) continue;
    const file = shape.kinds.map((k) => `FILE${k}`).join(' or ');
    refuse(
      command,
      key,
      out === null
        ? `${shape.what}, and ${command} writes none without --out ${file}`
        : `${shape.what}, and --out ${out} is not ${shape.wanted}`,
      out === null
        ? `Add --out ${shape.example}${command === 'analyze' ? ', or use complaints report' : ''}.`
        : `Give --out ${file} for ${shape.wanted}, or leave ${flag(key)} out.`,
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
  if (typed('train')) {
    const idle: [boolean, string, string][] = [
      [files, 'inputs', `--train reads the labelled files it names, not ${inputs.join(', ')}`],
      [typed('evaluate'), 'evaluate', 'a run trains or evaluates'],
      [typed('audit'), 'audit', 'a run trains or audits'],
      [typed('out'), 'out', '--train writes the model to --model FILE'],
      [typed('json'), 'json', '--train writes the model to --model FILE and prints one line'],
      [typed('limit'), 'limit', 'it limits the rows --audit and --evaluate show'],
      ...periodIdle(typed, '--train reads every labelled row of the files it names'),
    ];
    for (const [given, key, why] of idle) {
      if (given)
        idleWith(
          '--train',
          key,
          why,
          'Train first, then classify, audit or evaluate with --model FILE.',
        );
    }
  }
  if (typed('evaluate')) {
    const idle: [boolean, string, string][] = [
      [files, 'inputs', `--evaluate reads the labelled file it names, not ${inputs.join(', ')}`],
      [typed('audit'), 'audit', 'a run evaluates or audits'],
      [typed('out'), 'out', '--evaluate prints its measures; --json FILE writes all of them'],
      ...periodIdle(typed, '--evaluate reads every labelled row of the file it names'),
    ];
    for (const [given, key, why] of idle) {
      if (given) idleWith('--evaluate', key, why, 'Run them one at a time.');
    }
  }
  if (typed('limit') && !typed('audit') && !typed('evaluate')) {
    refuse(
      'classify',
      'limit',
      'it limits the rows --audit and --evaluate show',
      'Add --audit, or leave --limit out.',
    );
  }
  // The audit list written to a file or as JSON is whole: it is what is sent to the units.
  if (typed('limit') && typed('audit') && (typed('out') || typed('json'))) {
    refuse(
      'classify',
      'limit',
      `it limits the rows --audit shows in the terminal, and --${typed('out') ? 'out' : 'json'} writes them all`,
      'Leave --limit out.',
    );
  }
}

function idleWith(mode: string, key: OptionKey, why: string, hint: string): never {
  const what = key === 'inputs' ? 'input files are not used' : `${flag(key)} is not used`;
  throw new InputError('BAD_OPTION', `classify ${mode}: ${what}: ${why}.`, hint);
}

/** The period options typed, idle in a mode that reads every row. */
function periodIdle(typed: (key: OptionKey) => boolean, why: string): [boolean, string, string][] {
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
    `the breakdowns are in the workbook, the bulletin and the JSON result, and --out ${out} is none of them`,
    'Give --out FILE.xlsx or FILE.docx (or add --json), or leave --by out.',
  );
}
