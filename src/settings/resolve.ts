/**
 * resolveSettings: the command line and complaints.config.json, checked and converted once
 * into the Settings that everything after trusts (the node-csv way: one normalisation point,
 * precise errors). A value given on the command line wins over the config file's, key by key;
 * the config file's inputs are read only when the command line gives none, and its period rule
 * only when no period option is given.
 */
import { relative, resolve as resolvePath } from 'node:path';
import { InputError, said } from '../errors.js';
import { availableParallelism } from 'node:os';
import type { ReadFile } from '../io/write.js';
import { dayOf } from '../metrics/calendar.js';
import { DEFAULT_COMPLAINT_TYPES, type IngestSettings } from '../ingest/types.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../metrics/types.js';
import type { TimeLimit } from '../metrics/workdays.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import { CONFIG_FILE } from './config-file.js';
import {
  expandCommandLine,
  leaveOutSideFiles,
  onceEach,
  resolveInputs,
  type SideFile,
} from './inputs.js';
import { periodFromRule } from './period-rules.js';
import { PERIOD_OPTION_KEYS, parsePeriodOptions } from './period-syntax.js';
import {
  DEFAULT_HOT_WORDS,
  METRIC_COMMANDS,
  type CommandLine,
  type CommandLineOptions,
  type CommandName,
  type ConfigSettings,
  type LoadedConfig,
  type Settings,
} from './types.js';
import { refuseUnused } from './unused.js';
import { parseBy } from './by.js';
import {
  encoding,
  jsonFile,
  parseIssued,
  parseLang,
  parseLimit,
  parseMap,
  parsePositive,
  parseSize,
  refuseFolderOutput,
} from './command-line-values.js';
import { positiveNumber } from './values.js';

// ---------------------------------------------------------------------------------------------
// Resolution

/**
 * An option's value: the command line's, checked by `parse`; else the config file's (checked
 * when the file was read); else `fallback`.
 */
function pick<T>(
  given: string | undefined,
  parse: (v: string) => T,
  config: T | undefined,
  fallback: T,
): T {
  return given !== undefined ? parse(given) : (config ?? fallback);
}

function ingestSettings(o: CommandLineOptions, c: ConfigSettings): IngestSettings {
  return {
    map: o.map !== undefined ? parseMap(o.map) : (c.map ?? {}),
    complaintTypes: [...DEFAULT_COMPLAINT_TYPES, ...(o.complaintType ?? c.complaintType ?? [])],
    encoding: pick(o.encoding, encoding, c.encoding, null),
    sheet: o.sheet ?? c.sheet ?? null,
    maxInflated: pick(o.maxInflated, parseSize, c.maxInflated, null),
    threads: Math.min(
      pick(
        o.threads,
        (v) => parsePositive('--threads', v, true),
        c.threads,
        availableParallelism(),
      ),
      maxThreads(),
    ),
  };
}

/**
 * More threads than cores only add memory (a V8 heap each) and start-up time, so a larger
 * `--threads` is cut to the cores; two are always allowed, so that a one-core machine still
 * runs (and tests) the parallel path when asked.
 */
export function maxThreads(): number {
  return Math.max(2, availableParallelism());
}

function analysisSettings(o: CommandLineOptions, c: ConfigSettings): AnalysisSettings {
  const d = DEFAULT_SETTINGS;
  const replyLimit = pick(
    o.replyLimit,
    (v) => parseLimit('--reply-limit', v),
    c.replyLimit,
    d.replyLimit,
  );
  const closeLimit = pick(
    o.closeLimit,
    (v) => parseLimit('--close-limit', v),
    c.closeLimit,
    d.closeLimit,
  );
  const hours = (l: TimeLimit) => (l.unit === 'hours' ? l.value : null);
  return {
    excludeUnsubstantiated: o.excludeUnsubstantiated ?? c.excludeUnsubstantiated ?? false,
    prorate: o.prorate ?? c.prorate ?? false,
    replyLimitHours: hours(replyLimit),
    closeLimitHours: hours(closeLimit),
    top: pick(o.top, (v) => parsePositive('--top', v, true), c.top, d.top),
    includePartial: o.includePartial ?? c.includePartial ?? false,
    replyLimit,
    closeLimit,
  };
}

/** The config file's keys that read the exports: classify's and inspect's options too. */
const READING_KEYS = [
  'inputs',
  'map',
  'complaintType',
  'encoding',
  'sheet',
  'maxInflated',
  'threads',
  'lang',
  'taxonomy',
] as const satisfies readonly (keyof ConfigSettings)[];

/**
 * The config file's settings a command takes: all of them for a metric command; for classify
 * and inspect those of their own options (README: Unattended), classify and inspect its
 * "corrections" too (classify's classes are the report's; inspect --duplicates says which
 * changes between copies a correction decides). classify --train and --evaluate
 * read the labelled files they name, not the exports, and --train writes the model it is given
 * on the command line, never the config file's "model" (the model runs use).
 */
function configFor(
  command: CommandName,
  config: LoadedConfig | null,
  o: CommandLineOptions,
): ConfigSettings {
  const all = config?.settings ?? {};
  if (METRIC_COMMANDS.includes(command)) return all;
  if (command !== 'classify' && command !== 'inspect') return {};
  const taken: ConfigSettings = {};
  const keys: readonly (keyof ConfigSettings)[] =
    command === 'classify'
      ? [...READING_KEYS, 'model', 'period', 'corrections']
      : [...READING_KEYS, 'corrections'];
  for (const key of keys) if (all[key] !== undefined) Object.assign(taken, { [key]: all[key] });
  if (o.train !== undefined || o.evaluate !== undefined) delete taken.inputs;
  if (o.train !== undefined) delete taken.model;
  // Corrections change the classes of the exports' complaints, which train, evaluate and audit
  // do not count (refused there on the command line; the file's key is left to the others).
  if (o.train !== undefined || o.evaluate !== undefined || o.audit !== undefined)
    delete taken.corrections;
  return taken;
}

/** The metric commands need inputs, from the command line or the config file. */
function requireInputs(commandLine: CommandLine, config: LoadedConfig | null): void {
  if (commandLine.inputs.length > 0) return;
  if (!config) {
    throw new InputError(
      'BAD_OPTION',
      said('没有输入文件。', 'no input files.'),
      said(
        '请给出导出文件，或在 complaints.config.json（或 --config FILE）中写明 "inputs"。',
        'Give export files, or put "inputs" in complaints.config.json (or --config FILE).',
      ),
    );
  }
  if (!config.settings.inputs || config.settings.inputs.length === 0) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `命令行和 ${config.file} 中都没有输入文件。`,
        `no input files, on the command line or in ${config.file}.`,
      ),
      said(
        '请在配置文件中加上 "inputs": ["exports/*.xlsx"]，或直接给出文件。',
        'Add "inputs": ["exports/*.xlsx"] to the config file, or give the files.',
      ),
      { file: config.file },
    );
  }
}

/**
 * The settings of a run of `command`. `config` is the loaded config file (loadConfig), for the
 * metric commands only; `today` dates its period rule and the ingest's future limit. Throws InputError('BAD_OPTION' or
 * 'CONFIG_INVALID', or 'FILE_NOT_FOUND' for the config's inputs) naming the option or key.
 */
export async function resolveSettings(
  commandLine: CommandLine,
  config: LoadedConfig | null,
  command: CommandName,
  today: Date = new Date(),
): Promise<Settings> {
  const metric = METRIC_COMMANDS.includes(command);
  if (metric) requireInputs(commandLine, config);
  const o = commandLine.options;
  const c = configFor(command, config, o);
  refuseUnused(command, { ...o }, commandLine.inputs, c);
  if (o.out !== undefined) refuseFolderOutput('--out', o.out);
  const lang = pick(o.lang, parseLang, c.lang, 'zh');
  // warn --day latest: the latest day the exports cover for every unit, found after reading.
  const latestDay = command === 'warn' && o.day === 'latest';
  const periodOptions = latestDay ? { ...o, day: undefined } : o;
  const periodGiven = PERIOD_OPTION_KEYS.some((k) => periodOptions[k] !== undefined);
  const period = parsePeriodOptions(
    !periodGiven && c.period !== undefined ? periodFromRule(c.period, today) : periodOptions,
  );
  const analysis = analysisSettings(o, c);
  const ingest = {
    ...ingestSettings(o, c),
    ...(command === 'inspect' ? { xlsxWorker: false } : {}),
    lang,
    today: dayOf(today),
  };
  const quiet = o.quiet === true;
  const classifies = command !== 'inspect' && command !== 'taxonomy';
  // Globbed last: the options are checked before any file system is looked at.
  const fromConfig = commandLine.inputs.length === 0 && c.inputs !== undefined && config !== null;
  const found = fromConfig
    ? { inputs: await resolveInputs(c.inputs!, config.dir), expanded: [] }
    : command === 'taxonomy'
      ? { inputs: commandLine.inputs, expanded: [] }
      : await expandCommandLine(commandLine.inputs, process.cwd());
  const { inputs, expanded } = await leaveOutSideFiles(
    found,
    // The config file's as well when this command takes none (inspect shows what analyze reads).
    sideFiles(o, config?.settings ?? {}),
    fromConfig ? '/' : process.cwd(),
    fromConfig,
  );
  // The same file under two names is read once (a hard link, a symlink, ./a.csv beside a.csv).
  const once =
    command === 'taxonomy'
      ? { files: inputs, same: [] }
      : await onceEach(inputs, fromConfig ? '/' : process.cwd());
  return {
    inputs: once.files,
    expandedInputs: expanded,
    ...(once.same.length > 0 ? { sameInputs: once.same } : {}),
    lang,
    color: o.color !== false,
    quiet,
    strict: o.strict === true,
    progress: o.progress !== false && !quiet,
    json: o.json === undefined ? null : { file: jsonFile(o.json) },
    out: o.out ?? null,
    outPattern: command === 'report' && o.out === undefined ? (c.out ?? null) : null,
    ...(command === 'analyze' && o.out === undefined && c.out !== undefined && config
      ? { outLeftToReport: { file: config.file, out: relative(config.dir, c.out) } }
      : {}),
    period,
    ingest,
    analysis,
    // inspect: a taxonomy given to check the class columns against (null: the default).
    taxonomy: classifies
      ? (o.taxonomy ?? c.taxonomy ?? DEFAULT_TAXONOMY)
      : command === 'inspect'
        ? (o.taxonomy ?? c.taxonomy ?? null)
        : null,
    model: o.model ?? c.model ?? null,
    // trend shows no targets (--targets is refused): the config file's are the other commands'.
    targets: command === 'trend' ? null : (o.targets ?? c.targets ?? null),
    config: o.config ?? null,
    detail: o.detail ?? c.detail ?? false,
    charts: o.charts ?? c.charts ?? true,
    template: o.template ?? c.template ?? null,
    issued: o.issued === undefined ? null : parseIssued(o.issued),
    failOn: failOn(o.failOn) ?? c.failOn ?? null,
    failOnFromConfig: o.failOn === undefined && c.failOn !== undefined ? config!.file : null,
    periodFromConfig: !periodGiven && c.period !== undefined ? config!.file : null,
    // Advice in the config file's terms only for a run the config file drives (its inputs).
    partialFromConfig: o.includePartial === undefined && fromConfig ? config.file : null,
    thresholds: o.thresholds ?? c.thresholds ?? null,
    // A report of days (--day, --week) judges its warning on those days, as `warn --week` does:
    // the month they end in would be judged on days after them, the latest whole month before
    // them on none of theirs.
    earlyWarning:
      command === 'report'
        ? period.days !== undefined
          ? 'asked'
          : 'latest'
        : command !== 'warn'
          ? null
          : latestDay
            ? 'latestDay'
            : period.from !== null && period.to !== null
              ? 'asked'
              : 'latest',
    units: o.units ?? c.units ?? null,
    rollup: rollupLevels(o.rollup, c.rollup, o.units ?? c.units, config),
    codes: o.codes ?? c.codes ?? null,
    corrections:
      classifies || command === 'inspect' ? (o.corrections ?? c.corrections ?? null) : null,
    ...(config ? { configFiles: configFiles(config) } : {}),
    by: metric ? (o.by !== undefined ? parseBy(o.by) : (c.by ?? [])) : [],
    hotWords: command === 'analyze' || command === 'report' ? hotWordsOf(o, c) : null,
  };
}

/** The files the config file names for any command to read (Settings.configFiles). */
function configFiles(config: LoadedConfig): string[] {
  const s = config.settings;
  return [s.targets, s.units, s.codes, s.corrections, s.template, s.thresholds].filter(
    (f): f is string => typeof f === 'string',
  );
}

/** The files options name that a folder of exports may also hold, with the option naming each. */
function sideFiles(o: CommandLineOptions, c: ConfigSettings): SideFile[] {
  const named: [string, string | undefined][] = [
    ['--targets', o.targets ?? c.targets],
    ['--corrections', o.corrections ?? c.corrections],
    ['--units', o.units ?? c.units],
    ['--codes', o.codes ?? c.codes],
  ];
  // Absolute, as the config file's are: its inputs are looked at from '/'.
  return named.flatMap(([option, file]) =>
    typeof file === 'string' ? [{ file: resolvePath(process.cwd(), file), option }] : [],
  );
}

/** --hot-words N / --no-hot-words / --hot-words-by unit over the config file's keys. */
function hotWordsOf(o: CommandLineOptions, c: ConfigSettings): Settings['hotWords'] {
  const given = o.hotWords ?? c.hotWords ?? true;
  if (given === false) return null;
  const top =
    typeof given === 'string'
      ? parsePositive('--hot-words', given, true)
      : given === true
        ? DEFAULT_HOT_WORDS
        : given;
  const by = o.hotWordsBy ?? c.hotWordsBy;
  if (by !== undefined && by !== 'unit') {
    throw new InputError(
      'BAD_OPTION',
      said(
        `--hot-words-by ${by}：热词只能按整个期间列出，或按单位列出。`,
        `--hot-words-by ${by}: hot words are listed for the whole period, or by unit.`,
      ),
      said(
        '请写 --hot-words-by unit，或不给这个选项。',
        'Write --hot-words-by unit, or leave it out.',
      ),
    );
  }
  return { top, byUnit: by === 'unit' };
}

/**
 * --rollup [N]: 1 without a number. A value that is no number is most likely an input written
 * after it (commander takes it as the option's value): said so.
 */
function rollupLevels(
  given: string | true | undefined,
  configured: number | undefined,
  units: string | undefined,
  config: LoadedConfig | null,
): number {
  // The command line's --rollup without units is refused with the others (unused.ts).
  if (given === undefined && configured !== undefined && units === undefined) {
    throw new InputError(
      'CONFIG_INVALID',
      said(
        `${config!.file}："rollup"：没有单位层级文件，无法逐级汇总。`,
        `${config!.file}: "rollup": no units file to roll up along.`,
      ),
      said(
        '请在配置文件中加上 "units": "units.csv"，或给出 --units FILE。',
        'Add "units": "units.csv" to the config file, or give --units FILE.',
      ),
      { file: config!.file },
    );
  }
  if (given === undefined) return configured ?? 0;
  if (given === true) return 1;
  const n = positiveNumber(given, true);
  if (n === null) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `--rollup ${given}：应为汇总的层数（1、2 …）。`,
        `--rollup ${given}: expected a number of levels (1, 2 …).`,
      ),
      said(
        '请写 --rollup 1，或把 --rollup 放在输入文件之后。',
        'Write --rollup 1, or put --rollup after the input files.',
      ),
    );
  }
  return n;
}

/** --fail-on red|yellow (commander checks the choice). */
function failOn(value: string | undefined): 'red' | 'yellow' | null {
  return value === 'red' || value === 'yellow' ? value : null;
}

/**
 * The files a run reads besides its exports, with the words messages use for them: no output
 * may be one of these (guardOutputs).
 */
export function filesRead(
  settings: Pick<Settings, 'inputs' | 'config' | 'targets' | 'taxonomy' | 'model'> &
    Partial<
      Pick<Settings, 'template' | 'thresholds' | 'units' | 'codes' | 'corrections' | 'configFiles'>
    >,
): ReadFile[] {
  const reads: ReadFile[] = settings.inputs.map((path) => ({ path, role: 'the input' }));
  // The config file is read from the working directory unless named: a .json output there
  // could otherwise replace it.
  reads.push({ path: settings.config ?? CONFIG_FILE, role: 'the config file' });
  if (settings.targets) reads.push({ path: settings.targets, role: 'the targets file' });
  if (settings.taxonomy) reads.push({ path: settings.taxonomy, role: 'the taxonomy file' });
  if (settings.model) reads.push({ path: settings.model, role: 'the model file' });
  if (settings.template) reads.push({ path: settings.template, role: 'the template' });
  if (settings.thresholds) reads.push({ path: settings.thresholds, role: 'the thresholds file' });
  if (settings.units) reads.push({ path: settings.units, role: 'the units file' });
  if (settings.codes) reads.push({ path: settings.codes, role: 'the code table' });
  if (settings.corrections)
    reads.push({ path: settings.corrections, role: 'the corrections file' });
  for (const path of settings.configFiles ?? [])
    if (!reads.some((r) => r.path === path))
      reads.push({ path, role: 'a file the config file names' });
  return reads;
}
