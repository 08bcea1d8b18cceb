/**
 * The options commands declare, once for all of them, and what commander hands over: only the
 * options typed on the command line (defaults are resolveSettings' to apply, after the config
 * file's). Cheap to import: `complaints --help` loads this, not the readers.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_SETTINGS } from '../metrics/types.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import {
  DEFAULT_HOT_WORDS,
  type CommandLine,
  type CommandLineOptions,
  type CommandName,
} from './types.js';
import { NOT_USED } from './unused.js';
import type { Lang } from '../errors.js';
import { inLanguage } from '../cli/help/format.js';
import { OPTION_HELP } from '../cli/help/options.js';

/** Repeatable options: commander collects them through this. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Declares the options every command that reads exports takes. `targets`: whether the command
 * reads a --targets file, which --map and --strict then also speak of.
 */
export function addCommonOptions(command: Command, lang: Lang = 'zh', targets = false): Command {
  const d = inLanguage(OPTION_HELP, lang);
  return command
    .option('--map <field=header>', targets ? d.map : d.mapWithoutTargets, collect)
    .option('--complaint-type <value>', d.complaintType, collect)
    .option('--encoding <name>', d.encoding)
    .option('--sheet <name|number>', d.sheet)
    .option('--max-inflated <size>', d.maxInflated)
    .option('--json [file]', d.json)
    .option('--strict', targets ? d.strict : d.strictWithoutTargets)
    .option('--quiet', d.quiet)
    .option('--lang <zh|en>', d.lang, 'zh')
    .option('--no-color', d.color)
    .option('--threads <n>', d.threads);
}

/** The period options: the metric commands' and classify's. */
function periodOptions(lang: Lang): Option[] {
  const d = inLanguage(OPTION_HELP, lang);
  return [
    new Option('--from <YYYY-MM[-DD]>', d.from),
    new Option('--to <YYYY-MM[-DD]>', d.to),
    new Option('--month <YYYY-MM>', d.month),
    new Option('--quarter <YYYYQn>', d.quarter),
    new Option('--year <YYYY>', d.year),
    new Option('--week <YYYY-Www>', d.week),
    new Option('--day <YYYY-MM-DD>', d.day),
  ];
}

/** Declares the period options (classify: the metric commands declare them with theirs). */
export function addPeriodOptions(command: Command, lang: Lang = 'zh'): Command {
  for (const option of periodOptions(lang)) command.addOption(option);
  return command;
}

/**
 * Declares the options of the metric commands (analyze, trend, assess, report). The defaults
 * shown are those resolveSettings applies. Those a command does not use (unused.ts) are hidden
 * from its help and refused with a reason when typed.
 */
export function addMetricOptions(command: Command, lang: Lang = 'zh'): Command {
  const defaults = { taxonomy: DEFAULT_TAXONOMY, ...DEFAULT_SETTINGS };
  const d = inLanguage(OPTION_HELP, lang);
  const options = [
    ...periodOptions(lang),
    new Option('--targets <file>', d.targets),
    new Option('--prorate', d.prorate),
    new Option('--exclude-unsubstantiated', d.excludeUnsubstantiated),
    new Option('--include-partial', d.includePartial),
    new Option('--taxonomy <name|file>', d.taxonomy).default(defaults.taxonomy),
    new Option('--model <file>', d.model),
    new Option('--no-model', d.noModel),
    new Option('--reply-limit <limit>', d.replyLimit).default(`${defaults.replyLimit.value}h`),
    new Option('--close-limit <limit>', d.closeLimit).default(`${defaults.closeLimit.value}h`),
    new Option('--top <n>', d.top).default(String(defaults.top)),
    new Option('--no-progress', d.progress),
    new Option('--config <file>', d.config),
    new Option('--units <file>', d.units),
    new Option('--rollup [levels]', d.rollup),
    new Option('--codes <file>', d.codes),
    new Option('--corrections <file>', d.corrections),
    new Option('--by <dim>', d.by).argParser(collect),
    new Option('--hot-words <n>', d.hotWords).default(String(DEFAULT_HOT_WORDS)),
    new Option('--no-hot-words', d.noHotWords),
    new Option('--hot-words-by <unit>', d.hotWordsBy),
  ];
  const unused = NOT_USED[command.name() as CommandName] ?? {};
  for (const option of options) {
    command.addOption(option.attributeName() in unused ? option.hideHelp() : option);
  }
  return addCommonOptions(command, lang, !('targets' in unused));
}

/**
 * The inputs and the options typed on the command line (commander's value source "cli"), with
 * the command's own options among them, as commander names them.
 */
export function commandLineOf(
  inputs: string[],
  command: Command,
): CommandLine & { options: CommandLineOptions & Record<string, unknown> } {
  const all = command.opts();
  const options: Record<string, unknown> = {};
  for (const key of Object.keys(all)) {
    if (command.getOptionValueSource(key) === 'cli') options[key] = all[key];
  }
  return { inputs, options };
}
