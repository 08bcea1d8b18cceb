/**
 * The settings of a run, resolved once from the command line and the config file
 * (resolve.ts) and trusted everywhere after: commands, the pipeline, later the workers.
 * Everything here is plain data (strings, numbers, booleans, arrays and plain objects), so a
 * Settings can be copied to a worker thread or written to JSON as it is.
 */
import type { IngestSettings } from '../ingest/types.js';
import type { AnalysisSettings } from '../metrics/analysis.js';
import type { PeriodRequest } from '../metrics/period.js';
import type { TimeLimit } from '../metrics/workdays.js';
import type { MapOverrides } from '../schema/header.js';
import type { ExpandedInput, SameFile } from './inputs.js';

export type Lang = 'zh' | 'en';

export type CommandName =
  'analyze' | 'trend' | 'assess' | 'report' | 'warn' | 'inspect' | 'classify' | 'taxonomy';

/** The commands that compute figures over a period (all of the config file's keys are theirs). */
export const METRIC_COMMANDS: readonly CommandName[] = [
  'analyze',
  'trend',
  'assess',
  'report',
  'warn',
];

/**
 * The commands that read complaints.config.json: the metric commands, and those that read the
 * same exports without computing figures (classify, inspect), so that the file's inputs and the
 * way they are read (map, encoding …) are one for all of them.
 */
export const CONFIG_COMMANDS: readonly CommandName[] = [...METRIC_COMMANDS, 'classify', 'inspect'];

export interface Settings {
  /**
   * The exports, in reading order: as given on the command line, or the config file's "inputs"
   * expanded (absolute paths). "-" is standard input.
   */
  inputs: string[];
  /** The folders and globs of the command line, and the files each gave (announced on stderr). */
  expandedInputs: ExpandedInput[];
  /** Inputs left out as the same file as an earlier one under another name (inputs.ts onceEach). */
  sameInputs?: SameFile[];
  lang: Lang;
  /** Colour where the stream is a terminal (--no-color: never). */
  color: boolean;
  quiet: boolean;
  strict: boolean;
  /** A progress line at a terminal: not with --no-progress, nor with --quiet. */
  progress: boolean;
  /** --json: where the JSON goes (file null: stdout), or null without --json. */
  json: { file: string | null } | null;
  /** --out FILE as given on the command line. */
  out: string | null;
  /**
   * The config file's "out" (absolute, with placeholders), when --out is not given: report's
   * only. One file serves every command, and "out" names the monthly report; analyze's workbook
   * (no 预警) written there would replace it.
   */
  outPattern: string | null;
  /** analyze: the config file whose "out" it leaves to report, and that "out" as written, to say so. */
  outLeftToReport?: { file: string; out: string };
  period: PeriodRequest;
  ingest: IngestSettings;
  analysis: AnalysisSettings;
  /**
   * A shipped taxonomy's name or a file path; null for a command that classifies nothing, and for
   * inspect without --taxonomy (it checks the class columns against the default).
   */
  taxonomy: string | null;
  /**
   * A model file (--model) replacing the shipped one; false: no model (--no-model, or
   * "model": false); null: the shipped model of the taxonomy, when it has one.
   */
  model: string | false | null;
  targets: string | null;
  /** --config FILE as given; null: complaints.config.json of the working directory, if any. */
  config: string | null;
  /** --detail: 明细 in the workbook. */
  detail: boolean;
  /** Chart images in the workbook and the bulletin (--no-charts: none). */
  charts: boolean;
  /** --template FILE.docx: the company's bulletin template that --out X.docx fills. */
  template: string | null;
  /** report --issued: the bulletin's date of issue (成文日期), YYYY-MM-DD; null: today in China. */
  issued: string | null;
  /** warn --fail-on: exit 4 when a unit is at or above this level. */
  failOn: 'red' | 'yellow' | null;
  /** The config file whose "failOn" set it (no --fail-on given): the cron mail names the key. */
  failOnFromConfig: string | null;
  /**
   * The config file whose "period" chose this run's period (no period option given), so that
   * advice names its keys, not options: a cron mail should say what to change in which file.
   */
  periodFromConfig: string | null;
  /**
   * The config file of a run it drives (its "inputs"), when --include-partial was not given:
   * the advice to count partial months names "includePartial" in it.
   */
  partialFromConfig: string | null;
  /** --thresholds FILE: the early warning's thresholds over the defaults (JSON). */
  thresholds: string | null;
  /**
   * Whether the run judges the early warning, and which period: `asked` (warn --month, warn or
   * report --week/--day: the period itself; none for a report's range of days), `latest` (the latest month of the period covered
   * whole: warn's default, a report of months), `latestDay` (warn --day latest: the latest day
   * covered for every unit), null (no warning).
   */
  earlyWarning: 'asked' | 'latest' | 'latestDay' | null;
  /** --units FILE: unit codes and spellings to names, and the hierarchy. */
  units: string | null;
  /** --rollup [N]: count each unit under its ancestor N levels up; 0 without --rollup. */
  rollup: number;
  /** --codes FILE: codes to names for coded columns. */
  codes: string | null;
  /**
   * --corrections FILE: complaints re-classified, or ruled assessed or not, by hand (工单编号,
   * 一级分类/二级分类, 是否考核, 说明); null for none and for the commands that classify nothing.
   */
  corrections: string | null;
  /**
   * The files the config file names (targets, units, codes, corrections, template, thresholds)
   * whether or not this command reads them: one file serves every command, and classify's or
   * inspect's output must not overwrite what the monthly report reads. Absolute.
   */
  configFiles?: string[];
  /**
   * --by: the breakdowns asked for, each one or two dimensions (a field such as channel, or a
   * column header as written), trimmed; [] for none. The command line gives one breakdown, the
   * config file's "by" one or several.
   */
  by: string[][];
  /**
   * Hot words of the complaint texts (analyze, report): how many words are listed (--hot-words
   * N, default DEFAULT_HOT_WORDS) and whether each unit's too (--hot-words-by unit); null with
   * --no-hot-words and for the commands without them.
   */
  hotWords: { top: number; byUnit: boolean } | null;
}

/** Hot words listed by default (and half as many two-word phrases). */
export const DEFAULT_HOT_WORDS = 10;

/**
 * The options as commander hands them over (camelCase), each present only when typed on the
 * command line: defaults are applied by resolveSettings, after the config file.
 */
export interface CommandLineOptions {
  map?: string[];
  complaintType?: string[];
  encoding?: string;
  sheet?: string;
  maxInflated?: string;
  json?: string | true;
  strict?: boolean;
  quiet?: boolean;
  lang?: string;
  color?: boolean;
  from?: string;
  to?: string;
  month?: string;
  quarter?: string;
  year?: string;
  day?: string;
  week?: string;
  config?: string;
  progress?: boolean;
  targets?: string;
  prorate?: boolean;
  excludeUnsubstantiated?: boolean;
  includePartial?: boolean;
  taxonomy?: string;
  /** false: --no-model. */
  model?: string | false;
  replyLimit?: string;
  closeLimit?: string;
  top?: string;
  out?: string;
  detail?: boolean;
  charts?: boolean;
  template?: string;
  /** report --issued: the bulletin's date of issue, as typed. */
  issued?: string;
  failOn?: string;
  thresholds?: string;
  units?: string;
  /** true: --rollup without a number (1). */
  rollup?: string | true;
  codes?: string;
  corrections?: string;
  by?: string[];
  threads?: string;
  /** --hot-words N (a string as typed), or false: --no-hot-words. */
  hotWords?: string | false;
  hotWordsBy?: string;
  /** classify's labelled files: the config file's inputs and model are not theirs. */
  train?: string[];
  evaluate?: string;
  /** classify --audit: lists contradictions in the labels; the config file's corrections are not its. */
  audit?: boolean;
}

export interface CommandLine {
  inputs: string[];
  options: CommandLineOptions;
}

/**
 * What complaints.config.json may set, checked and converted (config-file.ts): the same values
 * the command line gives after its own checks, so the two merge key by key.
 */
export interface ConfigSettings {
  /** File paths or globs, relative to the config file's folder (kept as written: see inputs.ts). */
  inputs?: string[];
  targets?: string;
  /** A shipped taxonomy's name (kept as is), or a path (containing / or \, or ending in .json). */
  taxonomy?: string;
  /** false: no model, not even the shipped one. */
  model?: string | false;
  map?: MapOverrides;
  complaintType?: string[];
  /** Canonical name (gbk → gb18030). */
  encoding?: string;
  sheet?: string;
  /** Bytes. */
  maxInflated?: number;
  lang?: Lang;
  prorate?: boolean;
  excludeUnsubstantiated?: boolean;
  includePartial?: boolean;
  replyLimit?: TimeLimit;
  closeLimit?: TimeLimit;
  top?: number;
  detail?: boolean;
  charts?: boolean;
  /** A bulletin template (.docx), relative to the config file's folder. */
  template?: string;
  /** warn: exit 4 at or above this level. */
  failOn?: 'red' | 'yellow';
  /** warn: a thresholds file (JSON), relative to the config file's folder. */
  thresholds?: string;
  /** Output path pattern; placeholders {period} {from} {to} {date} (see output-path.ts). */
  out?: string;
  /** A period rule (see PERIOD_RULES), worked out from today's date on each run. */
  period?: string;
  /** The units file, relative to the config file's folder. */
  units?: string;
  /** Levels to roll units up (true: 1). */
  rollup?: number;
  /** The code table, relative to the config file's folder. */
  codes?: string;
  /** The corrections file (--corrections), relative to the config file's folder. */
  corrections?: string;
  /** Breakdowns: "channel", ["unit", "level1"] or [["channel"], ["unit", "level1"]]. */
  by?: string[][];
  /** Worker threads to read with (1: the single-threaded path). */
  threads?: number;
  /** Hot words: false for none, true for the default number, or how many. */
  hotWords?: boolean | number;
  /** "unit": each unit's hot words too. */
  hotWordsBy?: 'unit';
}

export interface LoadedConfig {
  /** The config file, absolute. */
  file: string;
  /** Its folder: relative paths in the file are relative to this. */
  dir: string;
  settings: ConfigSettings;
}
