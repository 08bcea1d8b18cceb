/**
 * Command-line options are checked and converted here, once, into typed settings that the
 * rest of the code trusts (the node-csv way: one normalisation point, precise errors).
 */
import type { Command } from 'commander';
import { InputError } from './errors.js';
import type { ReadFile } from './io/write.js';
import { FIELDS, isField, type Field } from './schema/fields.js';
import type { MapOverrides } from './schema/header.js';
import { DEFAULT_COMPLAINT_TYPES, type IngestSettings } from './ingest/ingest.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from './metrics/analysis.js';
import type { PeriodOptions } from './metrics/period.js';
import { DEFAULT_TAXONOMY } from './taxonomy/load.js';

export type Lang = 'zh' | 'en';

export interface InputOptions {
  map?: string[];
  complaintType?: string[];
  encoding?: string;
  sheet?: string;
  maxInflated?: string;
}

/** What every command that reads exports accepts, beside the input options. */
export interface CommonOptions extends InputOptions {
  json?: string | true;
  strict?: boolean;
  quiet?: boolean;
  lang: string;
  color: boolean;
}

/** Declares the options of CommonOptions, once for every command that reads exports. */
export function addCommonOptions(command: Command): Command {
  return command
    .option(
      '--map <field=header>',
      'map a header to a field, overriding the built-in names (repeatable)',
      collect,
    )
    .option(
      '--complaint-type <value>',
      'another 业务类型 value meaning complaint, e.g. a system code (repeatable)',
      collect,
    )
    .option(
      '--encoding <name>',
      'CSV encoding instead of sniffing: utf-8, gb18030 (also GBK), utf-16le, utf-16be',
    )
    .option(
      '--sheet <name|number>',
      'xlsx sheet to read instead of finding the one with the header (1 = first)',
    )
    .option(
      '--max-inflated <size>',
      'refuse an xlsx with a part that inflates beyond SIZE, e.g. 8GiB (default 4GiB: a zip-bomb guard)',
    )
    .option(
      '--json [file]',
      'print the result as JSON (schemaVersion 1) to stdout, or write it to FILE',
    )
    .option('--strict', 'exit 3 when any row was rejected')
    .option('--quiet', 'print nothing but errors (the exit code still tells)')
    .option('--lang <zh|en>', 'language of the labels', 'zh')
    .option('--no-color', 'no colour even on a terminal');
}

export function parseMap(values: readonly string[] = []): MapOverrides {
  const overrides: MapOverrides = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const field = at > 0 ? value.slice(0, at).trim() : '';
    const header = at > 0 ? value.slice(at + 1).trim() : '';
    if (!isField(field) || header === '') {
      throw new InputError(
        'BAD_OPTION',
        `--map ${value}: expected field=header, with field one of ${FIELDS.join(', ')}.`,
        'Example: --map unit=管理单位名称',
      );
    }
    overrides[field as Field] = header;
  }
  return overrides;
}

export function ingestSettings(options: InputOptions): IngestSettings {
  return {
    map: parseMap(options.map),
    complaintTypes: [...DEFAULT_COMPLAINT_TYPES, ...(options.complaintType ?? [])],
    encoding: options.encoding ?? null,
    sheet: options.sheet ?? null,
    maxInflated: options.maxInflated === undefined ? null : parseSize(options.maxInflated),
  };
}

/**
 * The files a run reads besides its exports, with the words messages use for them: no output
 * may be one of these (guardOutputs).
 */
export function filesRead(
  inputs: readonly string[],
  options: { targets?: string; taxonomy?: string; model?: string; config?: string },
): ReadFile[] {
  const reads: ReadFile[] = inputs.map((path) => ({ path, role: 'the input' }));
  // The config file is read from the working directory unless named: a .json output there
  // could otherwise replace it.
  reads.push({ path: options.config ?? 'complaints.config.json', role: 'the config file' });
  if (options.targets) reads.push({ path: options.targets, role: 'the targets file' });
  if (options.taxonomy) reads.push({ path: options.taxonomy, role: 'the taxonomy file' });
  if (options.model) reads.push({ path: options.model, role: 'the model file' });
  return reads;
}

/** `--json FILE` (not stdout) as an output path. */
export function jsonFile(json: string | true | undefined): string | null {
  return typeof json === 'string' && json !== '-' ? json : null;
}

/** "512MiB", "8GiB", "8G", "100000000": K, M and G count 1024s, as the limits are quoted. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  const size = m ? Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase()) : NaN;
  if (!Number.isFinite(size) || size < 1) {
    throw new InputError(
      'BAD_OPTION',
      `--max-inflated ${value}: expected a size such as 512MiB or 8GiB.`,
      'The default, 4GiB, is four times the largest part of a 1,048,575-row export.',
    );
  }
  return Math.floor(size);
}

export function parseLang(value: string): Lang {
  if (value === 'zh' || value === 'en') return value;
  throw new InputError('BAD_OPTION', `--lang ${value}: expected zh or en.`);
}

/** Repeatable options: commander collects them through this. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** What the metric commands (analyze, trend, assess) accept beside the common options. */
export interface MetricOptions extends CommonOptions, PeriodOptions {
  config?: string;
  progress?: boolean;
  targets?: string;
  prorate?: boolean;
  excludeUnsubstantiated?: boolean;
  taxonomy: string;
  model?: string;
  replyLimit: string;
  closeLimit: string;
  top: string;
}

export function addMetricOptions(command: Command): Command {
  command
    .option('--from <YYYY-MM>', 'first month of the period')
    .option('--to <YYYY-MM>', 'last month of the period')
    .option('--month <YYYY-MM>', 'one month, e.g. 2016-11')
    .option('--quarter <YYYYQn>', 'one quarter, e.g. 2016Q4')
    .option('--year <YYYY>', 'one calendar year, e.g. 2016')
    .option(
      '--targets <file>',
      'annual targets per unit: CSV, XLSX or JSON (供电单位, 年度指标, 户数)',
    )
    .option('--prorate', 'scale annual targets by months in the period / 12')
    .option(
      '--exclude-unsubstantiated',
      'do not hold complaints found untrue (不属实) against the unit either',
    )
    .option(
      '--taxonomy <name|file>',
      'taxonomy to classify with (see complaints taxonomy)',
      DEFAULT_TAXONOMY,
    )
    .option(
      '--model <file>',
      'a model made with classify --train, for texts the rules cannot place',
    )
    .option(
      '--reply-limit <hours>',
      'reply time limit for timeliness, in hours',
      String(DEFAULT_SETTINGS.replyLimitHours),
    )
    .option(
      '--close-limit <hours>',
      'closing time limit for timeliness, in hours',
      String(DEFAULT_SETTINGS.closeLimitHours),
    )
    .option(
      '--top <n>',
      'length of the hot-spot and repeat-complainant lists',
      String(DEFAULT_SETTINGS.top),
    )
    .option('--no-progress', 'no progress line on stderr, even at a terminal')
    .option(
      '--config <file>',
      'settings for unattended runs (default: complaints.config.json here, if there is one)',
    );
  return addCommonOptions(command);
}

function positiveNumber(option: string, value: string, integer: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new InputError(
      'BAD_OPTION',
      `${option} ${value}: expected a ${integer ? 'whole ' : ''}number above 0.`,
    );
  }
  return n;
}

export function analysisSettings(options: MetricOptions): AnalysisSettings {
  return {
    excludeUnsubstantiated: options.excludeUnsubstantiated === true,
    prorate: options.prorate === true,
    replyLimitHours: positiveNumber('--reply-limit', options.replyLimit, false),
    closeLimitHours: positiveNumber('--close-limit', options.closeLimit, false),
    top: positiveNumber('--top', options.top, true),
  };
}

/**
 * Merges complaints.config.json (found in the working directory, or --config FILE) under the
 * command line: a setting given on the command line wins; inputs come from the file only when
 * none are given; its period rule applies only when no period option is given.
 */
export async function withConfig<T extends MetricOptions & { config?: string; out?: string }>(
  inputs: string[],
  options: T,
  command: Command,
): Promise<{ inputs: string[]; options: T; outPattern: string | null }> {
  const { loadConfig, periodFromRule, resolveInputs } = await import('./config.js');
  const loaded = await loadConfig(options.config, process.cwd());
  if (!loaded) {
    if (inputs.length === 0) {
      throw new InputError(
        'BAD_OPTION',
        'no input files.',
        'Give export files, or put "inputs" in complaints.config.json (or --config FILE).',
      );
    }
    return { inputs, options, outPattern: null };
  }
  const { settings } = loaded;
  const merged = { ...options } as Record<string, unknown>;
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'inputs' || key === 'period' || key === 'out' || value === undefined) continue;
    if (command.getOptionValueSource(key) !== 'cli') merged[key] = value;
  }
  const periodGiven = ['from', 'to', 'month', 'quarter', 'year'].some(
    (k) => command.getOptionValueSource(k) === 'cli',
  );
  if (!periodGiven && settings.period)
    Object.assign(merged, periodFromRule(settings.period, new Date()));
  let files = inputs;
  if (files.length === 0) {
    if (!settings.inputs || settings.inputs.length === 0) {
      throw new InputError(
        'BAD_OPTION',
        `no input files, on the command line or in ${loaded.file}.`,
        'Add "inputs": ["exports/*.xlsx"] to the config file, or give the files.',
      );
    }
    files = await resolveInputs(settings.inputs, loaded.dir);
  }
  const outPattern = options.out ? null : (settings.out ?? null);
  return { inputs: files, options: merged as T, outPattern };
}
