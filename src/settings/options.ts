/**
 * The options commands declare, once for all of them, and what commander hands over: only the
 * options typed on the command line (defaults are resolveSettings' to apply, after the config
 * file's). Cheap to import: `complaints --help` loads this, not the readers.
 */
import type { Command } from 'commander';
import { DEFAULT_SETTINGS } from '../metrics/analysis.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import type { CommandLine, CommandLineOptions } from './types.js';

/** Repeatable options: commander collects them through this. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Declares the options every command that reads exports takes. */
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

/**
 * Declares the options of the metric commands (analyze, trend, assess, report). The defaults
 * shown are those resolveSettings applies.
 */
export function addMetricOptions(command: Command): Command {
  const defaults = { taxonomy: DEFAULT_TAXONOMY, ...DEFAULT_SETTINGS };
  command
    .option('--from <YYYY-MM>', 'first month of the period')
    .option('--to <YYYY-MM>', 'last month of the period')
    .option('--month <YYYY-MM>', 'one month, e.g. 2016-11, beside its year to date')
    .option('--quarter <YYYYQn>', 'one quarter, e.g. 2016Q4, beside its year to date')
    .option('--year <YYYY>', 'one calendar year, e.g. 2016')
    .option(
      '--targets <file>',
      'annual targets per unit: CSV, XLSX or JSON (供电单位, 年度指标, 户数)',
    )
    .option(
      '--prorate',
      'scale annual targets by months / 12 (a month or a quarter: its year to date)',
    )
    .option(
      '--exclude-unsubstantiated',
      'do not hold complaints found untrue (不属实) against the unit either',
    )
    .option(
      '--taxonomy <name|file>',
      'taxonomy to classify with (see complaints taxonomy)',
      defaults.taxonomy,
    )
    .option(
      '--model <file>',
      'a model made with classify --train, for texts the rules cannot place',
    )
    .option(
      '--reply-limit <hours>',
      'reply time limit for timeliness, in hours',
      String(defaults.replyLimitHours),
    )
    .option(
      '--close-limit <hours>',
      'closing time limit for timeliness, in hours',
      String(defaults.closeLimitHours),
    )
    .option(
      '--top <n>',
      'length of the hot-spot and repeat-complainant lists',
      String(defaults.top),
    )
    .option('--no-progress', 'no progress line on stderr, even at a terminal')
    .option(
      '--config <file>',
      'settings for unattended runs (default: complaints.config.json here, if there is one)',
    );
  return addCommonOptions(command);
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
